//! Files brought into the app: our own JSON export (as new trips), a calendar file (events
//! become activities of a trip, in its zone) and GPX or KML places (added to a day).
//!
//! A file is read whole, and every problem found is reported with the line it is on; nothing
//! is written unless the whole file is good, and then everything is written in one
//! transaction (all of it, or — should the database refuse part — none of it). Files are
//! capped at [`IMPORT_MAX_BYTES`]; XML is read without any DTD processing, so no entity from
//! inside or outside the file is ever expanded.

use std::{fmt, str::FromStr};

use chrono::{Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Tz;
use quick_xml::events::Event;
use sea_orm::{TransactionSession, TransactionTrait};
use serde::{Deserialize, Serialize};

use crate::{
    access::Actor,
    calendar::{format_date, format_time},
    error::FormErrors,
    ids::TripId,
    itinerary::{
        model::{ActivityDraft, NewActivity},
        service as itinerary,
    },
    privacy::export::FORMAT,
    reference,
    trips::{
        model::{NewTrip, Trip, TripDraft},
        service::{self as trips, TripError},
    },
};

/// The largest file read (a trip of 1,000 activities exports to about 600 KB of JSON).
pub const IMPORT_MAX_BYTES: usize = 768 * 1024;
/// The most problems listed for one file: past that, the first ones are enough to go on.
pub const PROBLEMS_SHOWN: usize = 20;

/// Something wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// 1-based; `None` for the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    fn at(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            message: message.into(),
        }
    }

    fn file(message: impl Into<String>) -> Self {
        Self {
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "Line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Why an import did not happen. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file has problems")]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Trip(#[from] TripError),
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::Trip(TripError::Db(error))
    }
}

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Json,
    Calendar,
    Gpx,
    Kml,
}

/// What a file is, by its name or else its first characters.
pub fn kind_of(name: &str, text: &str) -> Option<FileKind> {
    let name = name.to_ascii_lowercase();
    let by_name = [
        (".json", FileKind::Json),
        (".ics", FileKind::Calendar),
        (".ical", FileKind::Calendar),
        (".gpx", FileKind::Gpx),
        (".kml", FileKind::Kml),
    ]
    .into_iter()
    .find_map(|(suffix, kind)| name.ends_with(suffix).then_some(kind));
    by_name.or_else(|| {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('{') {
            Some(FileKind::Json)
        } else if start.starts_with("BEGIN:VCALENDAR") {
            Some(FileKind::Calendar)
        } else if start.contains("<gpx") {
            Some(FileKind::Gpx)
        } else if start.contains("<kml") {
            Some(FileKind::Kml)
        } else {
            None
        }
    })
}

/// The file's text, or why it cannot be read at all.
pub fn text_of(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    if bytes.len() > IMPORT_MAX_BYTES {
        return Err(vec![Problem::file(
            "This file is too large: files up to 768 KB can be imported.",
        )]);
    }
    if bytes.is_empty() {
        return Err(vec![Problem::file("This file is empty.")]);
    }
    std::str::from_utf8(bytes)
        .map(|text| text.trim_start_matches('\u{feff}'))
        .map_err(|error| {
            let line = bytes[..error.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            vec![Problem::at(
                line,
                "This file is not UTF-8 text. Save it as UTF-8 and try again.",
            )]
        })
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Field messages as one line's problems, the activity named.
fn problems_of(errors: &FormErrors, line: Option<usize>, what: &str) -> Vec<Problem> {
    errors
        .form
        .iter()
        .chain(errors.fields.values())
        .map(|message| Problem {
            line,
            message: format!("{what}: {message}"),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Our own JSON export.

#[derive(Debug, Deserialize)]
struct DocumentIn {
    format: String,
    version: u32,
    #[serde(default)]
    trips: Vec<TripIn>,
}

#[derive(Debug, Deserialize)]
struct MoneyIn {
    minor: i64,
}

#[derive(Debug, Deserialize)]
struct TripIn {
    #[serde(default)]
    id: Option<String>,
    name: String,
    #[serde(default)]
    destination: String,
    start_date: String,
    end_date: String,
    time_zone: String,
    currency: String,
    #[serde(default)]
    budget: Option<MoneyIn>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    latitude: Option<f64>,
    #[serde(default)]
    longitude: Option<f64>,
    #[serde(default)]
    place: Option<PlaceIn>,
    #[serde(default)]
    activities: Vec<ActivityIn>,
}

/// A place picked from the place search, as the export writes it.
#[derive(Debug, Default, Deserialize)]
struct PlaceIn {
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    provider_id: String,
}

#[derive(Debug, Deserialize)]
struct ActivityIn {
    #[serde(default)]
    id: Option<String>,
    day: String,
    #[serde(default)]
    start_time: Option<String>,
    #[serde(default)]
    end_time: Option<String>,
    #[serde(default)]
    position: i64,
    title: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    description: String,
    #[serde(default = "other")]
    category: String,
    #[serde(default)]
    cost: Option<MoneyIn>,
    #[serde(default)]
    latitude: Option<f64>,
    #[serde(default)]
    longitude: Option<f64>,
    #[serde(default)]
    place: Option<PlaceIn>,
}

fn other() -> String {
    "other".to_string()
}

/// A trip read from a file: its details and its activities in the plan's order.
#[derive(Debug, Clone, PartialEq)]
pub struct TripIntake {
    pub trip: NewTrip,
    pub activities: Vec<NewActivity>,
}

/// `minor` units of `currency` as a form would type them (`12.50`; empty for nothing).
fn typed_amount(minor: i64, currency: &str) -> String {
    let exponent = reference::currency(currency.trim()).map_or(2, |c| c.exponent);
    reference::amount_for_input(minor, exponent)
}

/// The line on which `id` (a trip's or an activity's) appears in the file, if it does.
fn line_of_id(text: &str, id: Option<&str>) -> Option<usize> {
    let id = id.filter(|id| !id.is_empty())?;
    text.find(&format!("\"{id}\""))
        .map(|offset| line_of(text, offset))
}

/// The trips in a Travel Planner JSON export (the account's or one trip's), each checked by
/// the same rules as a form.
pub fn read_json(text: &str) -> Result<Vec<TripIntake>, Vec<Problem>> {
    let document: DocumentIn = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        vec![Problem::at(
            error.line().max(1),
            format!(
                "this is not a Travel Planner export we can read ({message}, column {}).",
                error.column()
            ),
        )]
    })?;
    if document.format != FORMAT {
        return Err(vec![Problem::file(
            "This JSON file is not a Travel Planner export (its \"format\" is not \"travel-planner-export\").",
        )]);
    }
    if document.version > crate::privacy::export::FORMAT_VERSION {
        return Err(vec![Problem::file(
            "This export comes from a newer Travel Planner: update this one to import it.",
        )]);
    }
    if document.trips.is_empty() {
        return Err(vec![Problem::file("This export has no trips in it.")]);
    }
    let mut problems = Vec::new();
    let mut intakes = Vec::new();
    for trip in document.trips {
        let trip_line = line_of_id(text, trip.id.as_deref());
        let draft = TripDraft {
            name: trip.name.clone(),
            destination: trip.destination.clone(),
            start_date: trip.start_date.clone(),
            end_date: trip.end_date.clone(),
            time_zone: trip.time_zone.clone(),
            currency: trip.currency.clone(),
            budget: trip
                .budget
                .map(|budget| typed_amount(budget.minor, &trip.currency))
                .unwrap_or_default(),
            notes: trip.notes.clone(),
            latitude: coordinate(trip.latitude),
            longitude: coordinate(trip.longitude),
            ..TripDraft::default()
        };
        let draft = with_place(draft, trip.place.as_ref());
        let what = format!("Trip “{}”", trip.name.trim());
        let new_trip = match draft.validate() {
            Ok(new_trip) => Some(new_trip),
            Err(errors) => {
                problems.extend(problems_of(&errors, trip_line, &what));
                None
            }
        };
        let mut activities: Vec<ActivityIn> = trip.activities;
        activities.sort_by(|a, b| (a.day.as_str(), a.position).cmp(&(b.day.as_str(), b.position)));
        let mut checked = Vec::new();
        for activity in activities {
            let line = line_of_id(text, activity.id.as_deref()).or(trip_line);
            let draft = ActivityDraft {
                day: activity.day.clone(),
                start_time: activity.start_time.unwrap_or_default(),
                end_time: activity.end_time.unwrap_or_default(),
                title: activity.title.clone(),
                location: activity.location,
                description: activity.description,
                category: activity.category,
                cost: activity
                    .cost
                    .filter(|cost| cost.minor != 0)
                    .map(|cost| typed_amount(cost.minor, &trip.currency))
                    .unwrap_or_default(),
                latitude: coordinate(activity.latitude),
                longitude: coordinate(activity.longitude),
                place_name: place_part(activity.place.as_ref(), |p| &p.name),
                place_address: place_part(activity.place.as_ref(), |p| &p.address),
                place_ref: place_part(activity.place.as_ref(), |p| &p.provider_id),
                remove_place: String::new(),
            };
            let what = format!("{what}, activity “{}”", activity.title.trim());
            let result = draft.validate().and_then(|activity| match &new_trip {
                Some(new_trip) => activity.check_against(&trip_of(new_trip)).map(|_| activity),
                None => Ok(activity),
            });
            match result {
                Ok(activity) => checked.push(activity),
                Err(errors) => problems.extend(problems_of(&errors, line, &what)),
            }
        }
        if let Some(trip) = new_trip {
            intakes.push(TripIntake {
                trip,
                activities: checked,
            });
        }
    }
    if problems.is_empty() {
        Ok(intakes)
    } else {
        Err(problems)
    }
}

/// A position as a form would type it (empty for none).
fn coordinate(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// One part of an exported place as typed (empty when there is no place).
fn place_part(place: Option<&PlaceIn>, part: impl Fn(&PlaceIn) -> &String) -> String {
    place.map(|p| part(p).clone()).unwrap_or_default()
}

/// The trip's draft with the exported destination place, when there is one.
fn with_place(draft: TripDraft, place: Option<&PlaceIn>) -> TripDraft {
    TripDraft {
        place_name: place_part(place, |p| &p.name),
        place_address: place_part(place, |p| &p.address),
        place_ref: place_part(place, |p| &p.provider_id),
        ..draft
    }
}

/// A new trip as the rules that need a trip see it (its days and currency).
fn trip_of(trip: &NewTrip) -> Trip {
    Trip {
        id: TripId::new(),
        name: trip.name.clone(),
        destination: trip.destination.clone(),
        start_date: trip.start_date,
        end_date: trip.end_date,
        time_zone: trip.time_zone.clone(),
        currency: trip.currency.clone(),
        budget_minor: trip.budget_minor,
        notes: trip.notes.clone(),
        version: 1,
        place_name: String::new(),
        place_address: String::new(),
        place_ref: String::new(),
        latitude: trip.latitude,
        longitude: trip.longitude,
    }
}

/// Creates the trips read from a file, with their activities in the file's order, all in one
/// transaction. Returns the new trips' ids.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn import_trips(
    db: &impl TransactionTrait,
    actor: &Actor,
    intakes: Vec<TripIntake>,
) -> Result<Vec<TripId>, ImportError> {
    let txn = db.begin().await?;
    let mut created = Vec::new();
    for intake in intakes {
        let name = intake.trip.name.clone();
        let trip = trips::create(&txn, actor, intake.trip)
            .await
            .map_err(|error| named(error, &format!("Trip “{name}”")))?;
        let id = TripId::from(trip.id);
        itinerary::append(&txn, actor, id, intake.activities)
            .await
            .map_err(|error| named(error, &format!("Trip “{name}”")))?;
        created.push(id);
    }
    txn.commit().await?;
    tracing::info!(trips = created.len(), "trips imported");
    Ok(created)
}

/// A refusal of the rules (a full trip or day) as the file's problem.
fn named(error: TripError, what: &str) -> ImportError {
    match error {
        TripError::Invalid(errors) => ImportError::Invalid(problems_of(&errors, None, what)),
        other => ImportError::Trip(other),
    }
}

/// Adds activities read from a file to the actor's trip, in one transaction: each goes into
/// its day's order by start time, as if added by hand. Returns how many were added.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn add_to_trip(
    db: &impl TransactionTrait,
    actor: &Actor,
    trip: TripId,
    activities: Vec<NewActivity>,
) -> Result<usize, ImportError> {
    let txn = db.begin().await?;
    let count = activities.len();
    for activity in activities {
        let title = activity.title.clone();
        itinerary::create(&txn, actor, trip, activity)
            .await
            .map_err(|error| named(error, &format!("“{title}”")))?;
    }
    txn.commit().await?;
    tracing::info!(activities = count, "activities imported");
    Ok(count)
}

// ---------------------------------------------------------------------------------------------
// Calendar files.

/// One unfolded content line: its name (upper case), parameters and value, and where it began.
#[derive(Debug)]
struct ContentLine {
    line: usize,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl ContentLine {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// The file's content lines, unfolded (RFC 5545 §3.1).
fn content_lines(text: &str) -> Vec<ContentLine> {
    let mut logical: Vec<(usize, String)> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match raw.chars().next() {
            Some(' ' | '\t') if !logical.is_empty() => {
                if let Some((_, last)) = logical.last_mut() {
                    last.push_str(&raw[1..]);
                }
            }
            _ if raw.is_empty() => {}
            _ => logical.push((index + 1, raw.to_string())),
        }
    }
    logical
        .into_iter()
        .filter_map(|(line, text)| parse_content_line(line, &text))
        .collect()
}

fn parse_content_line(line: usize, text: &str) -> Option<ContentLine> {
    // The value starts at the first colon outside a quoted parameter value.
    let mut quoted = false;
    let mut colon = None;
    for (index, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => {
                colon = Some(index);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&text[..colon], &text[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.trim().to_ascii_uppercase();
    let params = parts
        .filter_map(|part| {
            let (key, value) = part.split_once('=')?;
            Some((
                key.trim().to_ascii_uppercase(),
                value.trim().trim_matches('"').to_string(),
            ))
        })
        .collect();
    Some(ContentLine {
        line,
        name,
        params,
        value: value.to_string(),
    })
}

/// A TEXT value with its escapes read (`\n`, `\,`, `\;`, `\\`).
fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// When an event starts or ends, as the file says it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    Day(NaiveDate),
    /// Wall-clock time in the trip's zone.
    Local(NaiveDateTime),
}

/// A DATE or DATE-TIME property in the trip's zone.
fn when(property: &ContentLine, trip_zone: Tz) -> Result<When, Problem> {
    let value = property.value.trim();
    let bad = || {
        Problem::at(
            property.line,
            format!(
                "“{value}” is not a date or time we can read in {}.",
                property.name
            ),
        )
    };
    if property
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || value.len() == 8
    {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(When::Day)
            .map_err(|_| bad());
    }
    let (text, utc) = match value.strip_suffix('Z') {
        Some(text) => (text, true),
        None => (value, false),
    };
    let naive = NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
    let instant = if utc {
        Utc.from_utc_datetime(&naive)
    } else if let Some(tzid) = property.param("TZID") {
        let name = tzid.trim_start_matches('/');
        let zone = Tz::from_str(name).map_err(|_| {
            Problem::at(
                property.line,
                format!(
                    "the time zone “{tzid}” is not one we know. Export the calendar with time-zone names like Europe/Berlin, or in UTC."
                ),
            )
        })?;
        local_instant(zone, naive)
    } else {
        // A floating time: the same wall-clock time wherever one is, so the trip's.
        return Ok(When::Local(naive));
    };
    Ok(When::Local(instant.with_timezone(&trip_zone).naive_local()))
}

/// The instant of a wall-clock time in `zone` (RFC 5545 §3.3.5: a repeated time is its first
/// occurrence, a skipped one is read with the offset before the gap).
fn local_instant(zone: Tz, naive: NaiveDateTime) -> chrono::DateTime<Utc> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => {
            let before = zone
                .from_local_datetime(&(naive - Duration::hours(3)))
                .earliest()
                .map_or(0, |at| {
                    i64::from(chrono::Offset::fix(at.offset()).local_minus_utc())
                });
            Utc.from_utc_datetime(&(naive - Duration::seconds(before)))
        }
    }
}

/// `PT1H30M`, `P1D`, `P2W`: a DURATION value.
fn duration(value: &str) -> Option<Duration> {
    let value = value.trim();
    let (negative, value) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix('+').unwrap_or(value)),
    };
    let mut rest = value.strip_prefix('P')?;
    let mut total = Duration::zero();
    let mut in_time = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('T') {
            in_time = true;
            rest = after;
            continue;
        }
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        let number: i64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        total += match (unit, in_time) {
            ('W', false) => Duration::weeks(number),
            ('D', false) => Duration::days(number),
            ('H', true) => Duration::hours(number),
            ('M', true) => Duration::minutes(number),
            ('S', true) => Duration::seconds(number),
            _ => return None,
        };
        rest = &rest[digits + 1..];
    }
    Some(if negative { -total } else { total })
}

/// What a calendar file brings to a trip.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarIntake {
    pub activities: Vec<NewActivity>,
    /// Events on days outside the trip, left out.
    pub outside: usize,
}

/// The events of a calendar file as activities of `trip`, in its zone. Events on days outside
/// the trip are left out (and counted); recurring events are read as their first time.
pub fn read_calendar(text: &str, trip: &Trip) -> Result<CalendarIntake, Vec<Problem>> {
    let zone = Tz::from_str(&trip.time_zone).unwrap_or(Tz::UTC);
    let lines = content_lines(text);
    if !lines
        .first()
        .is_some_and(|l| l.name == "BEGIN" && l.value.trim().eq_ignore_ascii_case("VCALENDAR"))
    {
        return Err(vec![Problem::file(
            "This is not a calendar (.ics) file: it does not start with BEGIN:VCALENDAR.",
        )]);
    }
    let mut problems = Vec::new();
    let mut activities = Vec::new();
    let mut outside = 0;
    let mut events = 0;
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        index += 1;
        if !(line.name == "BEGIN" && line.value.trim().eq_ignore_ascii_case("VEVENT")) {
            continue;
        }
        events += 1;
        let begin = line.line;
        // The event's own properties (not those of an alarm inside it).
        let mut depth = 0;
        let mut own: Vec<&ContentLine> = Vec::new();
        while index < lines.len() {
            let line = &lines[index];
            index += 1;
            match line.name.as_str() {
                "BEGIN" => depth += 1,
                "END" if depth == 0 => break,
                "END" => depth -= 1,
                _ if depth == 0 => own.push(line),
                _ => {}
            }
        }
        let get = |name: &str| own.iter().find(|l| l.name == name).copied();
        if get("STATUS").is_some_and(|s| s.value.trim().eq_ignore_ascii_case("CANCELLED")) {
            continue;
        }
        let title = get("SUMMARY")
            .map(|l| unescape_text(&l.value).trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Untitled event".to_string());
        match event_activity(&own, zone, trip, &title, begin) {
            Ok(Some(activity)) => activities.push(activity),
            Ok(None) => outside += 1,
            Err(mut found) => problems.append(&mut found),
        }
    }
    if events == 0 {
        problems.push(Problem::file("This calendar has no events in it."));
    }
    if problems.is_empty() {
        Ok(CalendarIntake {
            activities,
            outside,
        })
    } else {
        Err(problems)
    }
}

/// One event as an activity of `trip`; `None` when it falls outside the trip's days.
fn event_activity(
    own: &[&ContentLine],
    zone: Tz,
    trip: &Trip,
    title: &str,
    begin: usize,
) -> Result<Option<NewActivity>, Vec<Problem>> {
    let get = |name: &str| own.iter().find(|l| l.name == name).copied();
    let what = format!("“{title}”");
    let Some(start) = get("DTSTART") else {
        return Err(vec![Problem::at(
            begin,
            format!("{what} has no start (DTSTART)."),
        )]);
    };
    let start = when(start, zone).map_err(|problem| vec![problem])?;
    let end = match (get("DTEND"), get("DURATION")) {
        (Some(end), _) => Some(when(end, zone).map_err(|problem| vec![problem])?),
        (None, Some(length)) => {
            let length = duration(&length.value).ok_or_else(|| {
                vec![Problem::at(
                    length.line,
                    format!("“{}” is not a duration we can read.", length.value.trim()),
                )]
            })?;
            match start {
                When::Local(at) => Some(When::Local(at + length)),
                When::Day(day) => Some(When::Day(day + length)),
            }
        }
        (None, None) => None,
    };
    let (day, start_time, end_time) = match (start, end) {
        (When::Day(day), _) => (day, None, None),
        (When::Local(at), None) => (at.date(), Some(at.time()), None),
        (When::Local(at), Some(When::Day(_))) => (at.date(), Some(at.time()), None),
        (When::Local(at), Some(When::Local(until))) => {
            if until <= at {
                (at.date(), Some(at.time()), None)
            } else if until - at >= Duration::days(1) {
                let line = get("DTEND").or(get("DURATION")).map_or(begin, |l| l.line);
                return Err(vec![Problem::at(
                    line,
                    format!(
                        "{what} lasts a day or more: an activity ends at the latest the next morning. Shorten it in your calendar, or add it by hand."
                    ),
                )]);
            } else {
                (at.date(), Some(at.time()), Some(until.time()))
            }
        }
    };
    if day < trip.start_date || day > trip.end_date {
        return Ok(None);
    }
    let text = |name: &str| {
        get(name)
            .map(|l| unescape_text(&l.value))
            .unwrap_or_default()
    };
    let (latitude, longitude) = get("GEO")
        .and_then(|geo| geo.value.split_once(';'))
        .map(|(lat, lon)| (lat.trim().to_string(), lon.trim().to_string()))
        .unwrap_or_default();
    let draft = ActivityDraft {
        day: day.to_string(),
        start_time: start_time.map(format_time).unwrap_or_default(),
        end_time: end_time.map(format_time).unwrap_or_default(),
        title: title.to_string(),
        location: text("LOCATION"),
        description: text("DESCRIPTION"),
        category: "other".to_string(),
        cost: String::new(),
        latitude,
        longitude,
        ..ActivityDraft::default()
    };
    draft.validate().map(Some).map_err(|errors| {
        problems_of(
            &errors,
            Some(begin),
            &format!("{what} ({})", format_date(day)),
        )
    })
}

// ---------------------------------------------------------------------------------------------
// GPX and KML places.

/// A place read from a file, before it becomes an activity.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    line: usize,
    name: String,
    description: String,
    latitude: Option<String>,
    longitude: Option<String>,
}

/// The waypoints of a GPX file (`<wpt>`), or the placemarks with a point of a KML file, as
/// untimed activities on `day` of `trip`, in the file's order.
pub fn read_places(
    text: &str,
    kind: FileKind,
    day: NaiveDate,
    trip: &Trip,
) -> Result<Vec<NewActivity>, Vec<Problem>> {
    let places = match kind {
        FileKind::Gpx => xml_places(text, "wpt", true)?,
        FileKind::Kml => xml_places(text, "Placemark", false)?,
        FileKind::Json | FileKind::Calendar => {
            return Err(vec![Problem::file("This is not a GPX or KML file.")]);
        }
    };
    if places.is_empty() {
        return Err(vec![Problem::file(match kind {
            FileKind::Gpx => "This GPX file has no waypoints in it.",
            _ => "This KML file has no placemarks with a point in it.",
        })]);
    }
    if day < trip.start_date || day > trip.end_date {
        return Err(vec![Problem::file("Choose a day within the trip.")]);
    }
    let mut problems = Vec::new();
    let mut activities = Vec::new();
    for place in places {
        let name = if place.name.trim().is_empty() {
            "Unnamed place".to_string()
        } else {
            place.name.trim().to_string()
        };
        let draft = ActivityDraft {
            day: day.to_string(),
            title: name.clone(),
            description: place.description.clone(),
            category: "sight".to_string(),
            latitude: place.latitude.clone().unwrap_or_default(),
            longitude: place.longitude.clone().unwrap_or_default(),
            ..ActivityDraft::default()
        };
        if place.latitude.is_none() || place.longitude.is_none() {
            problems.push(Problem::at(
                place.line,
                format!("“{name}” has no coordinates."),
            ));
            continue;
        }
        match draft.validate() {
            Ok(activity) => activities.push(activity),
            Err(errors) => {
                problems.extend(problems_of(&errors, Some(place.line), &format!("“{name}”")))
            }
        }
    }
    if problems.is_empty() {
        Ok(activities)
    } else {
        Err(problems)
    }
}

/// Reads `element`s (GPX `wpt` with `lat`/`lon` attributes, or KML `Placemark` with a
/// `Point/coordinates` of `lon,lat[,alt]`). Entity references other than XML's five and
/// character references are refused: the file is read without DTDs, so nothing is expanded.
fn xml_places(text: &str, element: &str, gpx: bool) -> Result<Vec<Place>, Vec<Problem>> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut places = Vec::new();
    let mut current: Option<Place> = None;
    // The element whose text is being read inside the place (name, desc, coordinates…).
    let mut field: Option<String> = None;
    let mut in_point = false;
    let mut text_buffer = String::new();
    loop {
        let position = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|error| {
            let at = usize::try_from(reader.error_position()).unwrap_or(position);
            vec![Problem::at(
                line_of(text, at),
                format!("this is not well-formed XML ({error})."),
            )]
        })?;
        let line = line_of(text, position);
        match event {
            Event::DocType(_) => {
                return Err(vec![Problem::at(
                    line,
                    "this file has a document type declaration (<!DOCTYPE …>), which GPX and KML files do not need: remove it and try again.",
                )]);
            }
            Event::Start(start) | Event::Empty(start)
                if current.is_none() && start.local_name().as_ref() == element =>
            {
                let mut place = Place {
                    line,
                    name: String::new(),
                    description: String::new(),
                    latitude: None,
                    longitude: None,
                };
                if gpx {
                    for attribute in start.attributes().flatten() {
                        let value = attribute.value.trim().to_string();
                        match attribute.key.local_name().as_ref() {
                            "lat" => place.latitude = Some(value),
                            "lon" => place.longitude = Some(value),
                            _ => {}
                        }
                    }
                }
                current = Some(place);
            }
            // Outside a place, other elements are skipped.
            Event::Start(_) | Event::Empty(_) if current.is_none() => {}
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_string();
                if name == "Point" {
                    in_point = true;
                }
                if matches!(
                    name.as_str(),
                    "name" | "desc" | "description" | "coordinates"
                ) {
                    field = Some(name);
                    text_buffer.clear();
                }
            }
            Event::Text(chunk) if field.is_some() => {
                text_buffer.push_str(&chunk.xml10_content());
            }
            Event::CData(chunk) if field.is_some() => {
                text_buffer.push_str(&chunk.xml10_content());
            }
            Event::GeneralRef(reference) => {
                let name = reference.xml10_content();
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    }
                    Err(_) => None,
                };
                match resolved {
                    Some(text) => {
                        if field.is_some() {
                            text_buffer.push_str(&text);
                        }
                    }
                    None => {
                        return Err(vec![Problem::at(
                            line,
                            format!("this file uses an entity (&{name};) that we do not read."),
                        )]);
                    }
                }
            }
            Event::End(end) => {
                let name = end.local_name().as_ref().to_string();
                if name == element {
                    if let Some(place) = current.take()
                        && (gpx || place.latitude.is_some())
                    {
                        places.push(place);
                    }
                    in_point = false;
                } else if field.as_deref() == Some(name.as_str()) {
                    field = None;
                    if let Some(place) = current.as_mut() {
                        let value = text_buffer.trim().to_string();
                        match name.as_str() {
                            "name" if place.name.is_empty() => place.name = value,
                            "desc" | "description" if place.description.is_empty() => {
                                place.description = value;
                            }
                            "coordinates" if !gpx && in_point => {
                                let mut parts = value.split(',').map(str::trim);
                                place.longitude = parts.next().map(str::to_string);
                                place.latitude = parts.next().map(str::to_string);
                            }
                            _ => {}
                        }
                    }
                } else if name == "Point" {
                    in_point = false;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;

    fn trip() -> Trip {
        Trip {
            id: TripId::new(),
            name: "Lisbon".into(),
            destination: "Lisbon".into(),
            start_date: NaiveDate::from_ymd_opt(2027, 3, 26).unwrap(),
            end_date: NaiveDate::from_ymd_opt(2027, 3, 30).unwrap(),
            time_zone: "Europe/Lisbon".into(),
            currency: "EUR".into(),
            budget_minor: None,
            notes: String::new(),
            version: 1,
            place_name: String::new(),
            place_address: String::new(),
            place_ref: String::new(),
            latitude: None,
            longitude: None,
        }
    }

    #[test]
    fn calendar_events_become_activities_in_the_trips_zone() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Flight\\, to Porto\r\nDTSTART:20270328T083000Z\r\nDTEND:20270328T100000Z\r\nLOCATION:Terminal 1\r\nBEGIN:VALARM\r\nSUMMARY:Alarm\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Dinner in New York time\r\nDTSTART;TZID=America/New_York:20270327T170000\r\nDURATION:PT2H\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Market\r\nDTSTART;VALUE=DATE:20270329\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Night bus\r\nDTSTART:20270329T230000\r\nDTEND:20270330T060000\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Far away\r\nDTSTART:20270501T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let intake = read_calendar(text, &trip()).unwrap();
        assert_eq!(intake.outside, 1);
        let [flight, dinner, market, bus] = intake.activities.as_slice() else {
            panic!("{:?}", intake.activities);
        };
        assert_eq!(flight.title, "Flight, to Porto");
        // 08:30 UTC is 09:30 in Lisbon on summer time.
        assert_eq!(flight.start_time, NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(flight.location, "Terminal 1");
        // 17:00 in New York (UTC−4 from 14 March) is 21:00 in Lisbon (UTC+0 until the 28th).
        assert_eq!(dinner.start_time, NaiveTime::from_hms_opt(21, 0, 0));
        assert_eq!(dinner.end_time, NaiveTime::from_hms_opt(23, 0, 0));
        assert_eq!(
            (market.start_time, market.day.to_string().as_str()),
            (None, "2027-03-29")
        );
        assert!(bus.ends_next_day);
    }

    #[test]
    fn bad_events_are_reported_by_line() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:No start\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Windows zone\nDTSTART;TZID=W. Europe Standard Time:20270328T100000\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Week-long\nDTSTART:20270326T100000\nDTEND:20270329T100000\nEND:VEVENT\nEND:VCALENDAR\n";
        let problems = read_calendar(text, &trip()).unwrap_err();
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(7), Some(12)], "{problems:?}");
        assert!(
            problems[1]
                .to_string()
                .starts_with("Line 7: the time zone “W. Europe Standard Time”")
        );
        assert!(read_calendar("hello", &trip()).is_err());
    }

    #[test]
    fn gpx_and_kml_places_are_read_without_entities() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 27).unwrap();
        let gpx = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">\n  <wpt lat=\"38.7\" lon=\"-9.14\"><name>Caf&#233; &amp; bar</name></wpt>\n  <wpt lat=\"95\" lon=\"0\"><name>Nowhere</name></wpt>\n</gpx>";
        let problems = read_places(gpx, FileKind::Gpx, day, &trip()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(4));
        let good = gpx.replace("lat=\"95\"", "lat=\"41.1\"");
        let places = read_places(&good, FileKind::Gpx, day, &trip()).unwrap();
        assert_eq!(places[0].title, "Café & bar");
        assert_eq!(places[0].latitude, Some(38.7));
        let kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>Belém</name><Point><coordinates>-9.2,38.69,0</coordinates></Point></Placemark><Placemark><name>A line</name><LineString><coordinates>1,2 3,4</coordinates></LineString></Placemark></Document></kml>";
        let places = read_places(kml, FileKind::Kml, day, &trip()).unwrap();
        assert_eq!(places.len(), 1);
        assert_eq!(
            (places[0].latitude, places[0].longitude),
            (Some(38.69), Some(-9.2))
        );
        let hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<gpx><wpt lat=\"1\" lon=\"1\"><name>&xxe;</name></wpt></gpx>";
        let problems = read_places(hostile, FileKind::Gpx, day, &trip()).unwrap_err();
        assert_eq!(problems[0].line, Some(2));
        let sneaky = "<gpx><wpt lat=\"1\" lon=\"1\"><name>&xxe;</name></wpt></gpx>";
        assert!(
            read_places(sneaky, FileKind::Gpx, day, &trip()).unwrap_err()[0]
                .message
                .contains("&xxe;")
        );
    }

    #[test]
    fn files_are_capped_and_must_be_text() {
        assert!(text_of(&vec![b'a'; IMPORT_MAX_BYTES + 1]).is_err());
        assert_eq!(text_of(b"ok\n\xff").unwrap_err()[0].line, Some(2));
        assert_eq!(kind_of("trip.GPX", ""), Some(FileKind::Gpx));
        assert_eq!(
            kind_of("upload", "BEGIN:VCALENDAR"),
            Some(FileKind::Calendar)
        );
    }
}

/// Export then import gives the same trip: every field a traveler typed, every activity in
/// the same day and the same place in its day's order (hand-made orders included), every
/// amount to the minor unit.
#[cfg(test)]
mod round_trip {
    use chrono::{DateTime, NaiveTime};
    use proptest::prelude::*;
    use uuid::Uuid;

    use super::*;
    use crate::{
        entities::{activities, trips},
        itinerary::model::Category,
        places::model::PlacePick,
        privacy::export::TripExport,
        reference::{CURRENCIES, TIME_ZONES},
    };

    /// Text a traveler might type: letters beyond ASCII, quotes, markup, JSON's own characters.
    fn text(max: usize) -> impl Strategy<Value = String> {
        proptest::string::string_regex(&format!(
            "[a-zA-Z0-9 éçãßøłжλ東京€£\"'<>&\\\\/{{}}\\[\\],;:!?.-]{{1,{max}}}"
        ))
        .unwrap()
    }

    fn time() -> impl Strategy<Value = Option<String>> {
        proptest::option::of((0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}")))
    }

    fn amount() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            (0u64..100_000_000, 0u64..1000)
                .prop_map(|(units, fraction)| format!("{units}.{fraction:03}"))
        ]
    }

    prop_compose! {
        fn activity_draft(days: i64)(
            day in 0..days,
            start in time(),
            end in time(),
            title in text(120),
            location in proptest::option::of(text(200)),
            description in proptest::option::of(text(400)),
            category in proptest::sample::select(vec!["sight", "food", "transport", "lodging", "other"]),
            cost in amount(),
            place in proptest::option::of((-90.0f64..=90.0, -180.0f64..=180.0)),
            newline in any::<bool>(),
        ) -> (i64, ActivityDraft) {
            let description = description.map(|d| if newline { format!("{d}\nsecond line") } else { d });
            (day, ActivityDraft {
                day: String::new(),
                start_time: start.clone().unwrap_or_default(),
                end_time: if start.is_some() { end.unwrap_or_default() } else { String::new() },
                title,
                location: location.unwrap_or_default(),
                description: description.unwrap_or_default(),
                category: category.to_string(),
                cost,
                latitude: place.map(|(lat, _)| lat.to_string()).unwrap_or_default(),
                longitude: place.map(|(_, lon)| lon.to_string()).unwrap_or_default(),
                place_name: place.map(|_| "Pastéis de Belém".to_string()).unwrap_or_default(),
                place_address: place.map(|_| "Rua de Belém 84, Lisboa".to_string()).unwrap_or_default(),
                place_ref: place.map(|_| "osm:node/1234567".to_string()).unwrap_or_default(),
                remove_place: String::new(),
            })
        }
    }

    prop_compose! {
        fn trip_with_activities()(
            days in 1i64..40,
            start in 0i64..20_000,
        )(
            name in text(120),
            destination in text(120),
            zone in proptest::sample::select(TIME_ZONES.to_vec()),
            currency in proptest::sample::select(CURRENCIES.iter().map(|c| c.0).collect::<Vec<_>>()),
            budget in amount(),
            notes in proptest::option::of(text(500)),
            activities in proptest::collection::vec(activity_draft(days), 0..12),
            days in Just(days),
            start in Just(start),
        ) -> (TripDraft, Vec<(i64, ActivityDraft)>) {
            let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(start);
            (TripDraft {
                name,
                destination,
                start_date: first.to_string(),
                end_date: (first + Duration::days(days - 1)).to_string(),
                time_zone: zone.to_string(),
                currency: currency.to_string(),
                budget,
                notes: notes.unwrap_or_default(),
                ..TripDraft::default()
            }, activities)
        }
    }

    /// What the comparison looks at: everything but ids, stamps and the private cost text.
    type Seen = (
        NaiveDate,
        Option<NaiveTime>,
        Option<NaiveTime>,
        bool,
        String,
        String,
        String,
        Category,
        i64,
        Option<f64>,
        Option<f64>,
        Option<PlacePick>,
    );

    fn seen(activity: &NewActivity, trip: &Trip) -> Option<Seen> {
        let cost = activity.check_against(trip).ok()?;
        Some((
            activity.day,
            activity.start_time,
            activity.end_time,
            activity.ends_next_day,
            activity.title.clone(),
            activity.location.clone(),
            activity.description.clone(),
            activity.category,
            cost,
            activity.latitude,
            activity.longitude,
            activity.place.clone(),
        ))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn export_then_import_gives_an_equal_trip((trip_draft, drafts) in trip_with_activities()) {
            let Ok(new_trip) = trip_draft.validate() else { return Ok(()) };
            let trip = trip_of(&new_trip);
            // The plan as the service would store it: valid activities, in the generated
            // order within each day (not necessarily by time).
            let mut planned: Vec<NewActivity> = Vec::new();
            for (offset, mut draft) in drafts {
                draft.day = (new_trip.start_date + Duration::days(offset)).to_string();
                if let Ok(activity) = draft.validate()
                    && activity.check_against(&trip).is_ok()
                {
                    planned.push(activity);
                }
            }
            planned.sort_by_key(|a| a.day);
            let at = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
            let trip_row = trips::Model {
                id: Uuid::now_v7(),
                owner_id: Uuid::now_v7(),
                name: new_trip.name.clone(),
                destination: new_trip.destination.clone(),
                start_date: new_trip.start_date,
                end_date: new_trip.end_date,
                time_zone: new_trip.time_zone.clone(),
                budget_minor: new_trip.budget_minor,
                currency: new_trip.currency.clone(),
                notes: new_trip.notes.clone(),
                place_name: String::new(),
                place_address: String::new(),
                place_ref: String::new(),
                latitude: new_trip.latitude,
                longitude: new_trip.longitude,
                created_at: at,
                updated_at: at,
                revision: 0,
                version: 1,
                calendar_sequence: 0,
                search_text: String::new(),
            };
            let mut positions = std::collections::HashMap::new();
            let rows: Vec<activities::Model> = planned.iter().map(|a| {
                let position = positions.entry(a.day).or_insert(0);
                *position += 1;
                let place = a.place.clone().unwrap_or_default();
                activities::Model {
                    id: Uuid::now_v7(),
                    trip_id: trip_row.id,
                    day: a.day,
                    start_time: a.start_time,
                    end_time: a.end_time,
                    ends_next_day: a.ends_next_day,
                    title: a.title.clone(),
                    location: a.location.clone(),
                    description: a.description.clone(),
                    category: <&str>::from(a.category).to_string(),
                    cost_minor: a.check_against(&trip).unwrap_or(0),
                    position: *position - 1,
                    latitude: a.latitude,
                    longitude: a.longitude,
                    place_name: place.name,
                    place_address: place.address,
                    place_ref: place.place_ref,
                    created_at: at,
                    updated_at: at,
                    version: 1,
                    calendar_sequence: 0,
                    search_text: String::new(),
                }
            }).collect();

            let file = serde_json::to_string_pretty(&TripExport::new(trip_row, rows, at)).unwrap();
            let intakes = read_json(&file).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
            prop_assert_eq!(intakes.len(), 1);
            let intake = &intakes[0];
            prop_assert_eq!(&intake.trip, &new_trip);
            let before: Vec<Option<Seen>> = planned.iter().map(|a| seen(a, &trip)).collect();
            let after: Vec<Option<Seen>> = intake.activities.iter().map(|a| seen(a, &trip)).collect();
            prop_assert_eq!(before, after);
        }
    }
}
