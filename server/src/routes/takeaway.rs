//! A trip leaving the app as files: its calendar, GPX, KML, the CSVs, the JSON document, and
//! the trip pack. Plain routes under `/trips/{id}/` (the login guard sends visitors to log
//! in), each checking the session again and reading through the traveler's scope: another
//! traveler's trip is a 404 like a missing one.

use app::{context::AppState, error::AppError, session::user_in};
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use domain::{
    access::Actor,
    privacy::export::TripExport,
    takeaway::{self, TripRows, csv, gpx, ics, kml},
};
use http::{HeaderValue, header};
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

/// The file of one format for a trip.
pub fn render(format: Format, rows: TripRows, base_url: &str) -> String {
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
        Format::Pack => app::takeaway::trip_pack(&rows.plan(), chrono::Utc::now()),
    }
}

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
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
    tracing::info!(trip_id = %rows.trip.id, format = ?format, "trip downloaded");
    attachment(
        render(format, rows, &state.base_url),
        format.content_type(),
        &name,
    )
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
