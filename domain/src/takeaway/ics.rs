//! Trips as iCalendar (RFC 5545): a trip's `.ics` file and the feeds calendar apps subscribe to.
//!
//! **Times keep their zone.** A timed activity is written as the wall-clock time the traveler
//! planned, with `TZID` set to the trip's IANA zone, and the calendar carries a `VTIMEZONE` for
//! that zone built from the zone database for the dates the trip covers. Not UTC instants,
//! because: calendar apps then show and edit the event as "09:30 Lisbon time", as planned; apps
//! that know IANA names (Google, Apple) apply their own, newer rules if a country changes its
//! clocks after the feed was read, so the planned wall-clock time stays right; and apps that
//! know no zone names (Outlook) still get rules correct for exactly the trip's dates, changes of
//! daylight-saving time included. Untimed activities and the trip itself are all-day events
//! (`VALUE=DATE`, the end exclusive). An overnight activity ends the next day.
//!
//! **Nothing changes between two downloads of an unchanged trip.** `UID`s come from the
//! database ids; `DTSTAMP` and `LAST-MODIFIED` are the row's last change (a calendar without
//! `METHOD` is a copy of the store, RFC 5545 §3.8.7.2), never the time of the download; and
//! `SEQUENCE` is the row's count of changes to time or place. So the same trip gives the same
//! bytes, and an app replaces exactly the events that changed.

use std::{collections::BTreeMap, fmt::Write as _, str::FromStr};

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset as _,
    TimeZone as _, Utc,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::{
    entities::{activities, trips},
    itinerary::model::Category,
    reference,
};

/// How often calendar apps are asked to read a feed again.
pub const REFRESH_INTERVAL: &str = "PT1H";
/// Days around a trip that its zone's rules are written for: the day before (an app showing
/// the trip from elsewhere) and two after (an overnight activity on the last day).
const MARGIN_BEFORE: i64 = 1;
const MARGIN_AFTER: i64 = 2;

/// A trip with its activities (in day and position order), as rows: the calendar needs their
/// change counts and times of change, which the plan does not carry.
#[derive(Debug, Clone)]
pub struct TripRows {
    pub trip: trips::Model,
    pub activities: Vec<activities::Model>,
}

/// What a calendar is called and where its trips live on the web.
#[derive(Debug, Clone)]
pub struct CalendarInfo<'a> {
    /// `X-WR-CALNAME` and `NAME`.
    pub name: &'a str,
    /// The site's public address (no trailing slash), for each event's `URL`.
    pub base_url: &'a str,
}

/// The calendar of `trips`.
pub fn calendar(info: &CalendarInfo<'_>, trips: &[TripRows]) -> String {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Travel Planner//Trip calendar//EN");
    out.line("CALSCALE:GREGORIAN");
    out.text_property("NAME", info.name);
    out.text_property("X-WR-CALNAME", info.name);
    if let [only] = trips {
        out.line(&format!("X-WR-TIMEZONE:{}", zone_of(&only.trip).name()));
    }
    out.line(&format!(
        "REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}"
    ));
    out.line(&format!("X-PUBLISHED-TTL:{REFRESH_INTERVAL}"));
    for (zone, from, to) in zone_windows(trips).into_values() {
        vtimezone(&mut out, zone, from, to);
    }
    for rows in trips {
        trip_event(&mut out, info, &rows.trip);
        for activity in &rows.activities {
            activity_event(&mut out, info, &rows.trip, activity);
        }
    }
    out.line("END:VCALENDAR");
    out.finish()
}

/// The trip's zone. Every stored zone was validated against the zone database; should one ever
/// not be known (a zone removed from a later database), UTC keeps the calendar readable.
fn zone_of(trip: &trips::Model) -> Tz {
    Tz::from_str(&trip.time_zone).unwrap_or(Tz::UTC)
}

/// Zones that are UTC by another name: their times are written as UTC (`Z`), no definition.
fn is_utc(zone: Tz) -> bool {
    matches!(
        zone.name(),
        "UTC" | "Etc/UTC" | "Etc/UCT" | "UCT" | "Zulu" | "Etc/Zulu" | "Universal" | "Etc/Universal"
    )
}

/// Each zone the trips use (UTC needs no definition), with the dates its rules must cover.
fn zone_windows(trips: &[TripRows]) -> BTreeMap<&'static str, (Tz, NaiveDate, NaiveDate)> {
    let mut windows: BTreeMap<&'static str, (Tz, NaiveDate, NaiveDate)> = BTreeMap::new();
    for rows in trips {
        let zone = zone_of(&rows.trip);
        if is_utc(zone) {
            continue;
        }
        let from = rows.trip.start_date - Duration::days(MARGIN_BEFORE);
        let to = rows.trip.end_date + Duration::days(MARGIN_AFTER);
        windows
            .entry(zone.name())
            .and_modify(|(_, start, end)| {
                *start = (*start).min(from);
                *end = (*end).max(to);
            })
            .or_insert((zone, from, to));
    }
    windows
}

/// A zone's offset from UTC at an instant, and what it is called then.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observance {
    /// Seconds east of UTC.
    offset: i32,
    daylight: bool,
    name: String,
}

fn observance_at(zone: Tz, at: NaiveDateTime) -> Observance {
    let offset = zone.offset_from_utc_datetime(&at);
    let total = offset.base_utc_offset() + offset.dst_offset();
    let seconds = i32::try_from(total.num_seconds()).unwrap_or(0);
    Observance {
        offset: seconds,
        daylight: !offset.dst_offset().is_zero(),
        name: offset
            .abbreviation()
            .map_or_else(|| utc_offset(seconds, false), str::to_string),
    }
}

/// The instants in `[from, to)` at which `zone`'s offset or name changes, with what applies
/// from then on. The zone database is read at one-hour steps (no zone changes twice within
/// an hour), and each change found is narrowed to the second.
fn transitions(
    zone: Tz,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Vec<(NaiveDateTime, Observance)> {
    let step = Duration::hours(1);
    let mut found = Vec::new();
    let mut at = from;
    let mut current = observance_at(zone, at);
    while at < to {
        let next = at + step;
        let then = observance_at(zone, next);
        if then != current {
            // The change lies in (at, next]: find its first second.
            let (mut before, mut after) = (at, next);
            while after - before > Duration::seconds(1) {
                let middle = before + (after - before) / 2;
                if observance_at(zone, middle) == current {
                    before = middle;
                } else {
                    after = middle;
                }
            }
            found.push((after, then.clone()));
            current = then;
        }
        at = next;
    }
    found
}

/// `+0530`, `-0800`, `+002030` (seconds only when there are any). `colon` for `+05:30`.
fn utc_offset(seconds: i32, colon: bool) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let separator = if colon { ":" } else { "" };
    if rest == 0 {
        format!("{sign}{hours:02}{separator}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{separator}{minutes:02}{separator}{rest:02}")
    }
}

/// The `VTIMEZONE` for `zone` between two dates: the observance in force at the start, then one
/// per change within the window. Each observance happens once (a `DTSTART`, no `RRULE`): the
/// rules are the zone database's for exactly these dates, which is all the events need.
fn vtimezone(out: &mut Lines, zone: Tz, from: NaiveDate, to: NaiveDate) {
    // Local midnight at either end, reached from UTC with a day's slack for any offset.
    let start = from.and_time(NaiveTime::MIN) - Duration::days(1);
    let end = to.and_time(NaiveTime::MIN) + Duration::days(1);
    let first = observance_at(zone, start);
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", zone.name()));
    observance(out, &first, first.offset, start);
    let mut previous = first.offset;
    for (at, then) in transitions(zone, start, end) {
        observance(out, &then, previous, at);
        previous = then.offset;
    }
    out.line("END:VTIMEZONE");
}

/// One observance starting at the UTC instant `at_utc`; its `DTSTART` is the local time there
/// by the offset before it (RFC 5545 §3.6.5).
fn observance(out: &mut Lines, then: &Observance, offset_before: i32, at_utc: NaiveDateTime) {
    let kind = if then.daylight {
        "DAYLIGHT"
    } else {
        "STANDARD"
    };
    let local = at_utc + Duration::seconds(i64::from(offset_before));
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
    out.line(&format!(
        "TZOFFSETFROM:{}",
        utc_offset(offset_before, false)
    ));
    out.line(&format!("TZOFFSETTO:{}", utc_offset(then.offset, false)));
    out.text_property("TZNAME", &then.name);
    out.line(&format!("END:{kind}"));
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn date_value(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The wall-clock time to write for `time` on `date` in `zone`. A time the clocks skip (01:30
/// on the night Lisbon moves to summer time) means, by RFC 5545 §3.3.5, that time read with
/// the offset before the gap — the same instant as 02:30 summer time. Readers disagree on
/// skipped times (some read them with the offset after), so the time it means is written.
fn wall_time(zone: Tz, date: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    let planned = date.and_time(time);
    if !matches!(zone.from_local_datetime(&planned), LocalResult::None) {
        return planned;
    }
    // The last offset before the gap: that of a time shortly before it (gaps last an hour or
    // so; a whole skipped day is the longest known).
    for hours in [1, 2, 3, 6, 12, 25] {
        if let Some(before) = zone
            .from_local_datetime(&(planned - Duration::hours(hours)))
            .earliest()
        {
            let offset = i64::from(before.offset().fix().local_minus_utc());
            let instant = planned - Duration::seconds(offset);
            return zone.from_utc_datetime(&instant).naive_local();
        }
    }
    planned
}

/// `DTSTART` or `DTEND` of a timed event on `date` at `time` in `zone`.
fn local_time(name: &str, zone: Tz, date: NaiveDate, time: NaiveTime) -> String {
    let value = wall_time(zone, date, time).format("%Y%m%dT%H%M%S");
    if is_utc(zone) {
        format!("{name}:{value}Z")
    } else {
        format!("{name};TZID={}:{value}", zone.name())
    }
}

/// The properties every event has: its identity and its place in the store's history.
fn event_head(
    out: &mut Lines,
    uid: &str,
    created: DateTime<Utc>,
    modified: DateTime<Utc>,
    sequence: i32,
) {
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{uid}"));
    out.line(&format!("DTSTAMP:{}", stamp(modified)));
    out.line(&format!("CREATED:{}", stamp(created)));
    out.line(&format!("LAST-MODIFIED:{}", stamp(modified)));
    out.line(&format!("SEQUENCE:{}", sequence.max(0)));
}

/// The `UID` of a trip's own event.
pub fn trip_uid(trip: uuid::Uuid) -> String {
    format!("trip-{trip}@travel-planner")
}

/// The `UID` of an activity's event.
pub fn activity_uid(activity: uuid::Uuid) -> String {
    format!("activity-{activity}@travel-planner")
}

/// The trip itself: an all-day event from its first day to its last.
fn trip_event(out: &mut Lines, info: &CalendarInfo<'_>, trip: &trips::Model) {
    event_head(
        out,
        &trip_uid(trip.id),
        trip.created_at,
        trip.updated_at,
        trip.calendar_sequence,
    );
    out.line(&format!(
        "DTSTART;VALUE=DATE:{}",
        date_value(trip.start_date)
    ));
    out.line(&format!(
        "DTEND;VALUE=DATE:{}",
        date_value(trip.end_date + Duration::days(1))
    ));
    out.text_property("SUMMARY", &trip.name);
    if !trip.destination.is_empty() {
        out.text_property("LOCATION", &trip.destination);
    }
    if !trip.notes.is_empty() {
        out.text_property("DESCRIPTION", &trip.notes);
    }
    out.line("TRANSP:TRANSPARENT");
    out.text_property("URL", &format!("{}/trips/{}", info.base_url, trip.id));
    out.line("END:VEVENT");
}

fn category_name(category: &str) -> &'static str {
    match category.parse::<Category>() {
        Ok(Category::Sight) => "Sightseeing",
        Ok(Category::Food) => "Food and drink",
        Ok(Category::Transport) => "Getting around",
        Ok(Category::Lodging) => "Lodging",
        Ok(Category::Other) | Err(_) => "Other",
    }
}

fn activity_event(
    out: &mut Lines,
    info: &CalendarInfo<'_>,
    trip: &trips::Model,
    activity: &activities::Model,
) {
    let zone = zone_of(trip);
    event_head(
        out,
        &activity_uid(activity.id),
        activity.created_at,
        activity.updated_at,
        activity.calendar_sequence,
    );
    match activity.start_time {
        Some(start) => {
            out.line(&local_time("DTSTART", zone, activity.day, start));
            if let Some(end) = activity.end_time {
                let end_day = if activity.ends_next_day {
                    activity.day + Duration::days(1)
                } else {
                    activity.day
                };
                out.line(&local_time("DTEND", zone, end_day, end));
            }
        }
        None => {
            out.line(&format!("DTSTART;VALUE=DATE:{}", date_value(activity.day)));
            out.line(&format!(
                "DTEND;VALUE=DATE:{}",
                date_value(activity.day + Duration::days(1))
            ));
            out.line("TRANSP:TRANSPARENT");
        }
    }
    out.text_property("SUMMARY", &activity.title);
    if !activity.location.is_empty() {
        out.text_property("LOCATION", &activity.location);
    }
    if let (Some(latitude), Some(longitude)) = (activity.latitude, activity.longitude) {
        out.line(&format!("GEO:{latitude:.6};{longitude:.6}"));
    }
    let mut description = activity.description.clone();
    if activity.cost_minor > 0 {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        let _ = write!(
            description,
            "Cost: {}",
            reference::format_money(activity.cost_minor, &trip.currency)
        );
    }
    if !description.is_empty() {
        out.text_property("DESCRIPTION", &description);
    }
    out.text_property("CATEGORIES", category_name(&activity.category));
    out.text_property(
        "URL",
        &format!(
            "{}/trips/{}#activity-{}",
            info.base_url, trip.id, activity.id
        ),
    );
    out.line("END:VEVENT");
}

/// `text` as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped;
/// other control characters (which TEXT may not hold) dropped.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    escaped.push_str("\\n");
                }
            }
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push('\t'),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Content lines, each folded at 75 octets (never inside a character) and ended by CRLF.
#[derive(Default)]
struct Lines {
    out: String,
}

impl Lines {
    fn line(&mut self, line: &str) {
        fold_into(&mut self.out, line);
    }

    fn text_property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    fn finish(self) -> String {
        self.out
    }
}

/// The longest content line, in octets, before the line break (RFC 5545 §3.1).
pub const LINE_OCTETS: usize = 75;

/// Appends `line` folded: after 75 octets, CRLF and a space, then at most 74 more a line.
fn fold_into(out: &mut String, line: &str) {
    let mut room = LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > room {
            out.push_str("\r\n ");
            room = LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn defined_zones(text: &str) -> BTreeSet<String> {
        text.split("\r\n")
            .filter_map(|line| line.strip_prefix("TZID:"))
            .map(str::to_string)
            .collect()
    }

    fn trip(zone: &str, start: (i32, u32, u32), end: (i32, u32, u32)) -> trips::Model {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        trips::Model {
            id: uuid::Uuid::nil(),
            owner_id: uuid::Uuid::nil(),
            name: "Spring, in Lisbon; with friends".into(),
            destination: "Lisbon".into(),
            start_date: NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap(),
            end_date: NaiveDate::from_ymd_opt(end.0, end.1, end.2).unwrap(),
            time_zone: zone.into(),
            budget_minor: None,
            currency: "EUR".into(),
            notes: "Pack light.\nBring \\ a coat".into(),
            place_name: String::new(),
            place_address: String::new(),
            place_ref: String::new(),
            latitude: None,
            longitude: None,
            created_at: at,
            updated_at: at,
            revision: 3,
            version: 1,
            calendar_sequence: 2,
            search_text: String::new(),
        }
    }

    fn activity(
        day: (i32, u32, u32),
        start: Option<(u32, u32)>,
        end: Option<(u32, u32)>,
    ) -> activities::Model {
        let at = Utc.with_ymd_and_hms(2026, 12, 2, 8, 30, 0).unwrap();
        let time =
            |t: Option<(u32, u32)>| t.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap());
        let (start, end) = (time(start), time(end));
        activities::Model {
            id: uuid::Uuid::from_u128(7),
            trip_id: uuid::Uuid::nil(),
            day: NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap(),
            start_time: start,
            end_time: end,
            ends_next_day: matches!((start, end), (Some(s), Some(e)) if e < s),
            title: "Night train".into(),
            location: "Santa Apolónia".into(),
            description: String::new(),
            category: "transport".into(),
            cost_minor: 4550,
            position: 0,
            latitude: Some(38.7139),
            longitude: Some(-9.1228),
            place_name: String::new(),
            place_address: String::new(),
            place_ref: String::new(),
            created_at: at,
            updated_at: at,
            version: 1,
            calendar_sequence: 1,
            search_text: String::new(),
        }
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(100));
        fold_into(&mut out, &line);
        for part in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= LINE_OCTETS, "{} octets", part.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a,b;c\\d\r\ne\nf\u{7}g"),
            "a\\,b\\;c\\\\d\\ne\\nfg"
        );
    }

    #[test]
    fn lisbon_in_late_march_has_its_change_to_summer_time() {
        let rows = TripRows {
            trip: trip("Europe/Lisbon", (2027, 3, 26), (2027, 3, 30)),
            activities: vec![activity((2027, 3, 29), Some((23, 0)), Some((7, 15)))],
        };
        let text = calendar(
            &CalendarInfo {
                name: "Spring",
                base_url: "https://example.com",
            },
            &[rows],
        );
        // Summer time starts at 01:00 UTC on the last Sunday of March: 01:00 local, from +0000.
        assert!(text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:WEST\r\nEND:DAYLIGHT"
        ), "{text}");
        assert!(text.contains("DTSTART;TZID=Europe/Lisbon:20270329T230000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/Lisbon:20270330T071500\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270326\r\nDTEND;VALUE=DATE:20270331\r\n"));
        assert!(text.contains("SUMMARY:Spring\\, in Lisbon\\; with friends\r\n"));
        assert!(text.contains("DESCRIPTION:Pack light.\\nBring \\\\ a coat\r\n"));
        assert!(text.contains("DTSTAMP:20261202T083000Z\r\n"));
        assert!(text.contains("SEQUENCE:1\r\n"));
        assert!(text.contains("GEO:38.713900;-9.122800\r\n"));
        assert_eq!(defined_zones(&text).len(), 1);
    }

    #[test]
    fn a_skipped_time_is_written_as_the_time_it_means() {
        let lisbon = Tz::Europe__Lisbon;
        let day = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(wall_time(lisbon, day, at(1, 30)), day.and_time(at(2, 30)));
        assert_eq!(wall_time(lisbon, day, at(0, 59)), day.and_time(at(0, 59)));
        assert_eq!(wall_time(lisbon, day, at(2, 0)), day.and_time(at(2, 0)));
        // A repeated time (the last Sunday of October) stays: it means its first occurrence.
        let autumn = NaiveDate::from_ymd_opt(2027, 10, 31).unwrap();
        assert_eq!(
            wall_time(lisbon, autumn, at(1, 30)),
            autumn.and_time(at(1, 30))
        );
    }

    #[test]
    fn kolkata_has_one_observance_of_its_half_hour_offset() {
        let rows = TripRows {
            trip: trip("Asia/Kolkata", (2027, 1, 10), (2027, 1, 12)),
            activities: vec![],
        };
        let text = calendar(
            &CalendarInfo {
                name: "Delhi",
                base_url: "",
            },
            &[rows],
        );
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1, "{text}");
        assert!(text.contains("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nTZNAME:IST\r\n"));
    }

    #[test]
    fn utc_trips_use_utc_times_and_no_zone_definition() {
        let rows = TripRows {
            trip: trip("UTC", (2027, 1, 10), (2027, 1, 12)),
            activities: vec![activity((2027, 1, 11), Some((9, 30)), None)],
        };
        let text = calendar(
            &CalendarInfo {
                name: "x",
                base_url: "",
            },
            &[rows],
        );
        assert!(!text.contains("VTIMEZONE"));
        assert!(text.contains("DTSTART:20270111T093000Z\r\n"));
        assert!(!text.contains("DTEND:2027"));
    }

    #[test]
    fn the_same_rows_give_the_same_bytes() {
        let rows = || TripRows {
            trip: trip("America/New_York", (2027, 11, 5), (2027, 11, 9)),
            activities: vec![activity((2027, 11, 7), None, None)],
        };
        let info = CalendarInfo {
            name: "x",
            base_url: "",
        };
        assert_eq!(calendar(&info, &[rows()]), calendar(&info, &[rows()]));
        let text = calendar(&info, &[rows()]);
        assert!(text.contains("DTSTART;VALUE=DATE:20271107\r\nDTEND;VALUE=DATE:20271108\r\n"));
        // New York falls back at 06:00 UTC on the first Sunday of November: 02:00 local, by
        // the summer offset before it.
        assert!(
            text.contains("DTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"),
            "{text}"
        );
    }

    #[test]
    fn offsets_are_written_with_seconds_only_when_needed() {
        assert_eq!(utc_offset(19_800, false), "+0530");
        assert_eq!(utc_offset(-28_800, false), "-0800");
        assert_eq!(utc_offset(-2_205, false), "-003645");
        assert_eq!(utc_offset(0, true), "+00:00");
    }
}
