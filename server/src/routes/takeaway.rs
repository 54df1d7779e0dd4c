//! A trip leaving the app as files — its calendar, GPX, KML, the CSVs, the JSON document, the
//! trip pack — and files coming in (the import forms' uploads). Plain routes under `/trips/{id}/` (the login guard sends visitors to log
//! in), each checking the session again and reading through the traveler's scope: another
//! traveler's trip is a 404 like a missing one.

use app::{actions::imports::PROBLEMS_KEY, context::AppState, error::AppError, session::user_in};
use axum::{
    extract::{Multipart, Path, State},
    response::{IntoResponse, Redirect, Response},
};
use domain::{
    access::Actor,
    ids::TripId,
    privacy::export::TripExport,
    takeaway::{
        self, TripRows, csv, gpx, ics,
        import::{self, FileKind, IMPORT_MAX_BYTES, ImportError, Problem},
        kml,
    },
};
use http::{HeaderMap, HeaderValue, header};
use i18n::{Language, tr};
use tower_sessions::Session;

/// What a download holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Calendar,
    Gpx,
    Kml,
    ActivitiesCsv,
    BudgetCsv,
    Json,
    Pack,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Self::Calendar => "text/calendar; charset=utf-8",
            Self::Gpx => "application/gpx+xml; charset=utf-8",
            Self::Kml => "application/vnd.google-earth.kml+xml; charset=utf-8",
            Self::ActivitiesCsv | Self::BudgetCsv => "text/csv; charset=utf-8",
            Self::Json => "application/json; charset=utf-8",
            Self::Pack => "text/html; charset=utf-8",
        }
    }

    fn file_suffix(self) -> &'static str {
        match self {
            Self::Calendar => ".ics",
            Self::Gpx => ".gpx",
            Self::Kml => ".kml",
            Self::ActivitiesCsv => "-activities.csv",
            Self::BudgetCsv => "-budget.csv",
            Self::Json => ".json",
            Self::Pack => "-trip-pack.html",
        }
    }
}

/// A plain answer for a refused download (the guard has already sent visitors to log in).
pub(crate) fn refuse(error: &AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

/// The signed-in traveler, or the answer for a request without one.
pub(crate) async fn actor(state: &AppState, session: &Session) -> Result<Actor, Response> {
    match user_in(session, state.sessions).await {
        Ok(Some(user)) => Ok(Actor::signed_in(user)),
        Ok(None) => Err(refuse(&AppError::Unauthorized)),
        Err(error) => Err(refuse(&error)),
    }
}

/// The language for a traveler's request: their account's choice, else their cookie's, else
/// their browser's (these routes are not pages: the page guard has not settled it).
pub(crate) async fn language(state: &AppState, session: &Session, headers: &HeaderMap) -> Language {
    let user = super::guard::page_user(state, session, None).await;
    super::guard::page_language(headers, &user).0
}

/// `spring-in-lisbon`: the trip's name as a file name any system accepts.
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.len() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "trip".to_string()
    } else {
        stem.to_string()
    }
}

/// A file to save: its type, a name from the trip, never stored by caches.
pub(crate) fn attachment(body: String, content_type: &'static str, file_name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The file of one format for a trip; the trip pack in the language `l` (the other formats are
/// read by programs).
pub fn render(format: Format, rows: TripRows, base_url: &str, l: Language) -> String {
    match format {
        Format::Calendar => ics::calendar(
            &ics::CalendarInfo {
                name: &rows.trip.name,
                base_url,
            },
            std::slice::from_ref(&rows),
        ),
        Format::Gpx => gpx::write(&rows),
        Format::Kml => kml::write(&rows),
        Format::ActivitiesCsv => csv::activities(&rows),
        Format::BudgetCsv => csv::budget(&rows),
        Format::Json => {
            let document = TripExport::new(rows.trip, rows.activities, chrono::Utc::now());
            serde_json::to_string_pretty(&document).unwrap_or_default()
        }
        Format::Pack => app::takeaway::trip_pack(l, &rows.plan(), chrono::Utc::now()),
    }
}

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    format: Format,
) -> Response {
    let actor = match actor(&state, &session).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    let Ok(id) = id.parse() else {
        return refuse(&AppError::NotFound);
    };
    let rows = match takeaway::load_trip(&state.db, &actor, id).await {
        Ok(rows) => rows,
        Err(error) => return refuse(&AppError::from(error)),
    };
    let name = format!("{}{}", file_stem(&rows.trip.name), format.file_suffix());
    let l = match format {
        Format::Pack => language(&state, &session, &headers).await,
        _ => Language::En,
    };
    tracing::info!(trip_id = %rows.trip.id, format = ?format, "trip downloaded");
    attachment(
        render(format, rows, &state.base_url, l),
        format.content_type(),
        &name,
    )
}

/// What an upload form sent: the file's name and bytes, and the chosen day (if any).
struct Upload {
    name: String,
    bytes: Vec<u8>,
    day: Option<String>,
}

/// Reads the form. A file over the import limit is cut off there (and refused by the reader).
async fn upload(l: Language, mut form: Multipart) -> Result<Upload, Vec<Problem>> {
    let mut upload = Upload {
        name: String::new(),
        bytes: Vec::new(),
        day: None,
    };
    let unreadable = || {
        vec![Problem {
            line: None,
            message: tr!(l, "takeaway-import-unreadable"),
        }]
    };
    while let Some(mut field) = form.next_field().await.map_err(|_| unreadable())? {
        match field.name() {
            Some("file") => {
                upload.name = field.file_name().unwrap_or_default().to_string();
                while let Some(chunk) = field.chunk().await.map_err(|_| unreadable())? {
                    if upload.bytes.len() <= IMPORT_MAX_BYTES {
                        upload.bytes.extend_from_slice(&chunk);
                    }
                }
            }
            Some("day") => upload.day = field.text().await.ok(),
            _ => {}
        }
    }
    if upload.bytes.is_empty() && upload.name.is_empty() {
        return Err(vec![Problem {
            line: None,
            message: tr!(l, "takeaway-import-choose"),
        }]);
    }
    Ok(upload)
}

/// Back to the import page with the file's problems; nothing was written.
async fn refused(session: &Session, page: &str, problems: Vec<Problem>) -> Response {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let json = serde_json::to_string(&lines).unwrap_or_default();
    if let Err(error) = app::session::keep_once_in(session, PROBLEMS_KEY, &json).await {
        return refuse(&error);
    }
    Redirect::to(&format!("{page}#import-problems")).into_response()
}

/// `POST /trips/import/upload`: a Travel Planner JSON export's trips become new trips.
pub async fn upload_trips(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let actor = match actor(&state, &session).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    let l = language(&state, &session, &headers).await;
    const PAGE: &str = "/trips/import";
    let file = match upload(l, form).await {
        Ok(file) => file,
        Err(problems) => return refused(&session, PAGE, problems).await,
    };
    let intakes = match import::text_of(&file.bytes).and_then(import::read_json) {
        Ok(intakes) => intakes,
        Err(problems) => return refused(&session, PAGE, problems).await,
    };
    match import::import_trips(&state.db, &actor, intakes).await {
        Ok(created) => {
            let message = tr!(l, "takeaway-imported-trips", count = created.len());
            let _ = app::session::flash_in(&session, &message).await;
            let to = match created.as_slice() {
                [only] => format!("/trips/{only}"),
                _ => "/trips?status=all".to_string(),
            };
            Redirect::to(&to).into_response()
        }
        Err(ImportError::Invalid(problems)) => refused(&session, PAGE, problems).await,
        Err(ImportError::Trip(error)) => refuse(&AppError::from(error)),
    }
}

/// `POST /trips/{id}/import/upload`: a calendar file's events, or a GPX or KML file's places
/// (on the chosen day), become activities of the trip.
pub async fn upload_into_trip(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let actor = match actor(&state, &session).await {
        Ok(actor) => actor,
        Err(response) => return response,
    };
    let l = language(&state, &session, &headers).await;
    let Ok(trip_id) = id.parse::<TripId>() else {
        return refuse(&AppError::NotFound);
    };
    let trip = match domain::trips::service::find(&state.db, &actor, trip_id).await {
        Ok(trip) => trip,
        Err(error) => return refuse(&AppError::from(error)),
    };
    // A viewer is refused before the file is read, not after its problems are listed.
    if let Err(error) = actor
        .check(&state.db, trip_id, domain::access::Right::EditPlan)
        .await
    {
        return refuse(&AppError::from(error));
    }
    let page = format!("/trips/{trip_id}/import");
    let file = match upload(l, form).await {
        Ok(file) => file,
        Err(problems) => return refused(&session, &page, problems).await,
    };
    let read =
        import::text_of(&file.bytes).and_then(|text| match import::kind_of(&file.name, text) {
            Some(FileKind::Calendar) => {
                import::read_calendar(text, &trip).map(|intake| (intake.activities, intake.outside))
            }
            Some(kind @ (FileKind::Gpx | FileKind::Kml)) => {
                let day = file
                    .day
                    .as_deref()
                    .and_then(domain::calendar::parse_date)
                    .unwrap_or(trip.start_date);
                import::read_places(text, kind, day, &trip).map(|places| (places, 0))
            }
            Some(FileKind::Json) => Err(vec![Problem {
                line: None,
                message: tr!(l, "takeaway-import-json-here"),
            }]),
            None => Err(vec![Problem {
                line: None,
                message: tr!(l, "takeaway-import-wrong-kind"),
            }]),
        });
    let (activities, outside) = match read {
        Ok(read) => read,
        Err(problems) => return refused(&session, &page, problems).await,
    };
    if activities.is_empty() {
        let problem = Problem {
            line: None,
            message: tr!(l, "takeaway-import-none-inside", count = outside),
        };
        return refused(&session, &page, vec![problem]).await;
    }
    match import::add_to_trip(&state.db, &actor, trip_id, activities).await {
        Ok(added) => {
            let mut message = tr!(l, "takeaway-imported-activities", count = added);
            if outside > 0 {
                message.push(' ');
                message.push_str(&tr!(l, "takeaway-imported-left-out", count = outside));
            }
            let _ = app::session::flash_in(&session, &message).await;
            Redirect::to(&format!("/trips/{trip_id}")).into_response()
        }
        Err(ImportError::Invalid(problems)) => refused(&session, &page, problems).await,
        Err(ImportError::Trip(error)) => refuse(&AppError::from(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_stem("Spring in Lisbon!"), "spring-in-lisbon");
        assert_eq!(file_stem("  São Paulo / Rio  "), "s-o-paulo-rio");
        assert_eq!(file_stem("東京"), "trip");
        assert_eq!(file_stem("\"; rm -rf"), "rm-rf");
    }
}
