//! Trips: what a form or the API sends (`TripDraft`), the commands only its validation makes
//! (`NewTrip`, `TripChanges`), a trip as read, the list's query, and the calendar arithmetic.
//! Dates are `chrono::NaiveDate`: calendar dates in the trip's own zone, never instants.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::calendar::{days_between, format_date, parse_date};
use crate::{
    access::Role,
    error::FormErrors,
    ids::TripId,
    places::model::{PlaceFields, PlacePick},
    reference::{self, AmountError},
    text,
};

pub const NAME_MAX: usize = 120;
pub const DESTINATION_MAX: usize = 120;
pub const NOTES_MAX: usize = 5_000;
pub const DAYS_MAX: i64 = 366;
/// The largest budget, in whole currency units.
pub const BUDGET_MAX_UNITS: i64 = 1_000_000_000;
pub const PAGE_SIZE: u64 = 20;
/// The most trips one account holds: every list is paged, but an account's export, its
/// deletion and the search over it stay bounded too.
pub const TRIPS_MAX: u64 = 5_000;
pub const TRIPS_FULL: &str = "You have 5,000 trips, the most one account can hold. Delete trips you no longer need to make room for new ones.";
const SEARCH_MAX: usize = 100;

/// A trip as typed: every field text, as a form or the API sends it (a missing field is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TripDraft {
    pub name: String,
    pub destination: String,
    pub start_date: String,
    pub end_date: String,
    pub time_zone: String,
    pub currency: String,
    pub budget: String,
    pub notes: String,
    /// The destination as a place picked from a search (all empty when none), and its
    /// position.
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
    pub latitude: String,
    pub longitude: String,
    /// `on` to take the place and its position away.
    pub remove_place: String,
}

/// A trip's details that passed validation: trimmed, parsed, within every limit. Only
/// [`TripDraft::validate`] makes one.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTrip {
    pub name: String,
    pub destination: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub time_zone: String,
    pub currency: String,
    pub budget_minor: Option<i64>,
    pub notes: String,
    pub place: Option<PlacePick>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    checked: Checked,
}

/// Seals the commands: made by validation only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checked;

/// New details for a trip, and whether its planned activities move with a new first day.
#[derive(Debug, Clone, PartialEq)]
pub struct TripChanges {
    pub details: NewTrip,
    pub shift_activities: bool,
    /// The version the changes were made from: when set and the trip has changed since, the
    /// change is refused ([`crate::trips::service::TripError::Stale`]).
    pub if_version: Option<i64>,
}

impl TripDraft {
    /// Checks every field and returns the clean trip, or a message per field together with what
    /// was typed (so the form can come back filled in).
    pub fn validate(&self) -> Result<NewTrip, FormErrors> {
        let mut errors = FormErrors::default();
        let name = self.name.trim();
        let destination = self.destination.trim();
        let notes = self.notes.trim();
        let time_zone = self.time_zone.trim();
        let currency_code = self.currency.trim().to_ascii_uppercase();

        match name.chars().count() {
            0 => errors.add("name", "Give the trip a name."),
            n if n > NAME_MAX => errors.add("name", "Keep the name to 120 characters or fewer."),
            _ => {}
        }
        match destination.chars().count() {
            0 => errors.add("destination", "Where are you going?"),
            n if n > DESTINATION_MAX => errors.add(
                "destination",
                "Keep the destination to 120 characters or fewer.",
            ),
            _ => {}
        }
        let start = date_field(
            &mut errors,
            "start_date",
            &self.start_date,
            FIRST_DAY_MISSING,
        );
        let end = date_field(&mut errors, "end_date", &self.end_date, LAST_DAY_MISSING);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                errors.add("end_date", "The last day can’t be before the first day.");
            } else if days_between(start, end) + 1 > DAYS_MAX {
                errors.add("end_date", "A trip can be at most 366 days long.");
            }
        }
        if !reference::is_time_zone(time_zone) {
            errors.add("time_zone", "Choose a time zone from the list.");
        }
        let currency = reference::currency(&currency_code);
        if currency.is_none() {
            errors.add("currency", "Choose a currency from the list.");
        }
        let budget_minor = match (self.budget.trim(), currency) {
            ("", _) => None,
            (text, Some(currency)) => match reference::parse_amount(text, currency.exponent) {
                Ok(minor)
                    if minor <= BUDGET_MAX_UNITS * 10_i64.pow(u32::from(currency.exponent)) =>
                {
                    Some(minor)
                }
                Ok(_) | Err(AmountError::TooLarge) => {
                    errors.add("budget", "The budget can be at most 1,000,000,000.");
                    None
                }
                Err(AmountError::Negative) => {
                    errors.add("budget", "The budget can’t be negative.");
                    None
                }
                Err(AmountError::TooPrecise) => {
                    errors.add("budget", reference::too_precise(currency));
                    None
                }
                Err(AmountError::Malformed) => {
                    errors.add("budget", "Enter an amount like 1500 or 1500.50.");
                    None
                }
            },
            // Without a currency the amount cannot be read; the currency's message says why.
            (_, None) => None,
        };
        if notes.chars().count() > NOTES_MAX {
            errors.add("notes", "Keep the notes to 5,000 characters or fewer.");
        }
        // As typed: a control character is refused even where trimming would drop it.
        text::check_one_line(&mut errors, "name", &self.name);
        text::check_one_line(&mut errors, "destination", &self.destination);
        text::check_multi_line(&mut errors, "notes", &self.notes);
        let place = PlaceFields {
            name: &self.place_name,
            address: &self.place_address,
            place_ref: &self.place_ref,
            latitude: &self.latitude,
            longitude: &self.longitude,
            remove: &self.remove_place,
        }
        .check(&mut errors);

        match (start, end, currency) {
            (Some(start_date), Some(end_date), Some(currency)) if errors.fields.is_empty() => {
                Ok(NewTrip {
                    name: name.to_string(),
                    destination: destination.to_string(),
                    start_date,
                    end_date,
                    time_zone: time_zone.to_string(),
                    currency: currency.code.to_string(),
                    budget_minor,
                    notes: notes.to_string(),
                    place: place.pick,
                    latitude: place.latitude,
                    longitude: place.longitude,
                    checked: Checked,
                })
            }
            _ => Err(errors.keeping(&self.fields())),
        }
    }

    /// The changes this draft asks for, once valid; `shift_activities` moves the planned
    /// activities with a new first day.
    pub fn validate_changes(&self, shift_activities: bool) -> Result<TripChanges, FormErrors> {
        Ok(TripChanges {
            details: self.validate()?,
            shift_activities,
            if_version: None,
        })
    }

    /// Field name → typed value, for sending a form back.
    pub fn fields(&self) -> [(&'static str, &str); 13] {
        [
            ("name", self.name.trim()),
            ("destination", self.destination.trim()),
            ("start_date", self.start_date.trim()),
            ("end_date", self.end_date.trim()),
            ("time_zone", self.time_zone.trim()),
            ("currency", self.currency.trim()),
            ("budget", self.budget.trim()),
            ("notes", &self.notes),
            ("place_name", self.place_name.trim()),
            ("place_address", self.place_address.trim()),
            ("place_ref", self.place_ref.trim()),
            ("latitude", self.latitude.trim()),
            ("longitude", self.longitude.trim()),
        ]
    }
}

const FIRST_DAY_MISSING: &str = "Choose the first day of the trip.";
const LAST_DAY_MISSING: &str = "Choose the last day of the trip.";

/// `missing`: the message when the date is empty (a fixed sentence, so pages can translate it).
fn date_field(
    errors: &mut FormErrors,
    field: &str,
    text: &str,
    missing: &'static str,
) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        errors.add(field, missing);
        return None;
    }
    match parse_date(text) {
        Some(date) if (1900..=2200).contains(&date.year()) => Some(date),
        Some(_) => {
            errors.add(field, "Choose a date between the years 1900 and 2200.");
            None
        }
        None => {
            errors.add(field, "Enter a date like 2026-03-03.");
            None
        }
    }
}

/// Where a trip stands relative to `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Starts in this many days (at least 1).
    Upcoming(i64),
    Now,
    Ended,
}

impl Timing {
    pub fn of(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> Self {
        if today < start {
            Self::Upcoming(days_between(today, start))
        } else if today <= end {
            Self::Now
        } else {
            Self::Ended
        }
    }
}

/// A trip as its owner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trip {
    pub id: TripId,
    pub name: String,
    pub destination: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub time_zone: String,
    pub currency: String,
    pub budget_minor: Option<i64>,
    pub notes: String,
    /// Counts the changes to these details (not to the plan): what a client or a form read, to
    /// send back with a change so that a change made meanwhile is not overwritten.
    pub version: i64,
    /// The destination as a place picked from a search (empty when none), and its position.
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl From<&Trip> for TripDraft {
    /// The trip as its edit form shows it.
    fn from(trip: &Trip) -> Self {
        let exponent = reference::currency(&trip.currency).map_or(2, |c| c.exponent);
        Self {
            name: trip.name.clone(),
            destination: trip.destination.clone(),
            start_date: trip.start_date.to_string(),
            end_date: trip.end_date.to_string(),
            time_zone: trip.time_zone.clone(),
            currency: trip.currency.clone(),
            budget: trip
                .budget_minor
                .map(|minor| reference::amount_for_input(minor, exponent))
                .unwrap_or_default(),
            notes: trip.notes.clone(),
            place_name: trip.place_name.clone(),
            place_address: trip.place_address.clone(),
            place_ref: trip.place_ref.clone(),
            latitude: trip.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: trip.longitude.map(|v| v.to_string()).unwrap_or_default(),
            remove_place: String::new(),
        }
    }
}

/// A trip on the list page: what a card shows, no notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripCard {
    pub id: TripId,
    pub name: String,
    pub destination: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub currency: String,
    pub budget_minor: Option<i64>,
    /// The viewer's role in the trip.
    pub role: Role,
    /// Whose trip it is, when it is someone else's (shared with the viewer).
    pub owner_name: Option<String>,
}

/// Whose trips the list shows. Its names are the query string's and the API's.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Whose {
    /// Every trip the traveler is a member of.
    #[default]
    All,
    /// The traveler's own.
    Mine,
    /// Other travelers' trips shared with them.
    Shared,
}

/// Which trips the list shows. Its names (`upcoming`, …) are the query string's and the API's.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Status {
    #[default]
    Upcoming,
    Past,
    All,
}

/// The list's order.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Sort {
    /// By first day: soonest first for upcoming trips, most recent first otherwise.
    #[default]
    Start,
    /// A to Z.
    Name,
    /// Most recently changed first.
    Updated,
}

/// The list page's filters, read from (and written to) the query string so results can be
/// linked and work without JavaScript. Anything unreadable falls back to the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TripQuery {
    pub status: Status,
    /// Words to find in the name or destination.
    pub q: String,
    /// Trips that end on or after this day.
    pub from: Option<NaiveDate>,
    /// Trips that start on or before this day.
    pub to: Option<NaiveDate>,
    pub sort: Sort,
    pub whose: Whose,
    /// 1-based.
    pub page: u64,
}

impl TripQuery {
    /// Reads the query from URL parameters (`get` returns a parameter's value).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let q: String = get("q")
            .unwrap_or_default()
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        Self {
            status: get("status")
                .and_then(|s| s.parse().ok())
                .unwrap_or_default(),
            q: q.chars().take(SEARCH_MAX).collect(),
            from: get("from").and_then(|s| parse_date(&s)),
            to: get("to").and_then(|s| parse_date(&s)),
            sort: get("sort").and_then(|s| s.parse().ok()).unwrap_or_default(),
            whose: get("whose")
                .and_then(|s| s.parse().ok())
                .unwrap_or_default(),
            page: get("page")
                .and_then(|s| s.parse().ok())
                .filter(|page| *page >= 1)
                .unwrap_or(1),
        }
    }

    /// Whether anything narrows the list beyond the status tab.
    pub fn is_filtered(&self) -> bool {
        !self.q.is_empty() || self.from.is_some() || self.to.is_some() || self.whose != Whose::All
    }

    /// The same filters on another page.
    #[must_use]
    pub fn with_page(&self, page: u64) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// The same filters under another tab, from the first page.
    #[must_use]
    pub fn with_status(&self, status: Status) -> Self {
        Self {
            status,
            page: 1,
            ..self.clone()
        }
    }
}

/// One page of the list, and what the page needs around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripList {
    pub trips: Vec<TripCard>,
    /// Trips matching the filters, on all pages.
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    /// Today in the traveler's home zone: the reference for "in 12 days" and the tabs.
    pub today: NaiveDate,
    /// The most recent past trips, shown under the upcoming ones on their last page.
    pub recent_past: Vec<TripCard>,
    /// Whether the traveler has any trip at all (for the empty state).
    pub has_any: bool,
}

/// What a new trip's form starts with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripDefaults {
    pub time_zone: String,
    /// Whether `time_zone` is the traveler's own choice (else the browser's zone is better).
    pub zone_chosen: bool,
    pub currency: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn valid() -> TripDraft {
        TripDraft {
            name: "  Spring in Lisbon ".to_string(),
            destination: "Lisbon".to_string(),
            start_date: "2026-03-03".to_string(),
            end_date: "2026-03-09".to_string(),
            time_zone: "Europe/Lisbon".to_string(),
            currency: "eur".to_string(),
            budget: "1,500.50".to_string(),
            ..TripDraft::default()
        }
    }

    #[test]
    fn a_good_trip_is_trimmed_and_parsed() {
        let trip = valid().validate().unwrap();
        assert_eq!(trip.name, "Spring in Lisbon");
        assert_eq!(trip.currency, "EUR");
        assert_eq!(trip.budget_minor, Some(150_050));
        assert_eq!(trip.start_date, date("2026-03-03"));
        let no_budget = TripDraft {
            budget: " ".into(),
            ..valid()
        };
        assert_eq!(no_budget.validate().unwrap().budget_minor, None);
    }

    #[test]
    fn each_rule_has_a_message_beside_its_field() {
        let long = |n: usize| "x".repeat(n);
        let cases: Vec<(TripDraft, &str, &str)> = vec![
            (
                TripDraft {
                    name: "   ".into(),
                    ..valid()
                },
                "name",
                "Give the trip a name.",
            ),
            (
                TripDraft {
                    name: long(121),
                    ..valid()
                },
                "name",
                "Keep the name to 120 characters or fewer.",
            ),
            (
                TripDraft {
                    destination: String::new(),
                    ..valid()
                },
                "destination",
                "Where are you going?",
            ),
            (
                TripDraft {
                    destination: long(121),
                    ..valid()
                },
                "destination",
                "Keep the destination to 120 characters or fewer.",
            ),
            (
                TripDraft {
                    start_date: String::new(),
                    ..valid()
                },
                "start_date",
                "Choose the first day of the trip.",
            ),
            (
                TripDraft {
                    end_date: "2026-02-30".into(),
                    ..valid()
                },
                "end_date",
                "Enter a date like 2026-03-03.",
            ),
            (
                TripDraft {
                    start_date: "1850-01-01".into(),
                    ..valid()
                },
                "start_date",
                "Choose a date between the years 1900 and 2200.",
            ),
            (
                TripDraft {
                    end_date: "2026-03-02".into(),
                    ..valid()
                },
                "end_date",
                "The last day can’t be before the first day.",
            ),
            (
                TripDraft {
                    end_date: "2027-03-04".into(),
                    ..valid()
                },
                "end_date",
                "A trip can be at most 366 days long.",
            ),
            (
                TripDraft {
                    time_zone: "Mars/Base".into(),
                    ..valid()
                },
                "time_zone",
                "Choose a time zone from the list.",
            ),
            (
                TripDraft {
                    currency: "ABC".into(),
                    ..valid()
                },
                "currency",
                "Choose a currency from the list.",
            ),
            (
                TripDraft {
                    budget: "-1".into(),
                    ..valid()
                },
                "budget",
                "The budget can’t be negative.",
            ),
            (
                TripDraft {
                    budget: "lots".into(),
                    ..valid()
                },
                "budget",
                "Enter an amount like 1500 or 1500.50.",
            ),
            (
                TripDraft {
                    budget: "1000000000.01".into(),
                    ..valid()
                },
                "budget",
                "The budget can be at most 1,000,000,000.",
            ),
            (
                TripDraft {
                    budget: "10.5".into(),
                    currency: "JPY".into(),
                    ..valid()
                },
                "budget",
                "JPY amounts have no decimal places.",
            ),
            (
                TripDraft {
                    notes: long(5001),
                    ..valid()
                },
                "notes",
                "Keep the notes to 5,000 characters or fewer.",
            ),
        ];
        for (input, field, message) in cases {
            let errors = input.validate().expect_err(field);
            assert_eq!(errors.field(field).as_deref(), Some(message), "{field}");
            assert_eq!(
                errors.fields.len(),
                1,
                "only {field} is wrong: {:?}",
                errors.fields
            );
            assert_eq!(
                errors.value("destination"),
                Some(input.destination.trim().to_string())
            );
        }
    }

    #[test]
    fn limits_are_inclusive() {
        let long = |n: usize| "é".repeat(n);
        let edge = TripDraft {
            name: long(120),
            destination: long(120),
            end_date: "2027-03-03".into(),
            budget: "1000000000.00".into(),
            notes: long(5000),
            ..valid()
        };
        let trip = edge.validate().unwrap();
        assert_eq!(days_between(trip.start_date, trip.end_date) + 1, 366);
        assert_eq!(trip.budget_minor, Some(100_000_000_000));
        let one_day = TripDraft {
            end_date: "2026-03-03".into(),
            ..valid()
        };
        assert!(one_day.validate().is_ok());
    }

    #[test]
    fn dates_are_strict() {
        for bad in [
            "2026-3-3",
            "03/03/2026",
            "2026-03-03T10:00",
            "",
            "2026-13-01",
            "+202-03-03",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(days_between(date("2026-03-03"), date("2026-03-09")), 6);
    }

    #[test]
    fn timing_is_relative_to_today() {
        let (start, end) = (date("2026-03-03"), date("2026-03-09"));
        assert_eq!(
            Timing::of(start, end, date("2026-02-19")),
            Timing::Upcoming(12)
        );
        assert_eq!(
            Timing::of(start, end, date("2026-03-02")),
            Timing::Upcoming(1)
        );
        assert_eq!(Timing::of(start, end, date("2026-03-03")), Timing::Now);
        assert_eq!(Timing::of(start, end, date("2026-03-09")), Timing::Now);
        assert_eq!(Timing::of(start, end, date("2026-03-10")), Timing::Ended);
    }

    #[test]
    fn queries_are_read_from_parameters_and_fall_back_to_defaults() {
        let params = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        let query = TripQuery::from_params(params(&[
            ("status", "past"),
            ("q", " São Paulo & co "),
            ("from", "2026-01-01"),
            ("to", "nonsense"),
            ("sort", "name"),
            ("page", "3"),
        ]));
        assert_eq!(query.status, Status::Past);
        assert_eq!(query.q, "São Paulo & co");
        assert_eq!(query.from, Some(date("2026-01-01")));
        assert_eq!(query.to, None);
        assert_eq!(query.sort, Sort::Name);
        assert_eq!(query.page, 3);
        let default = TripQuery::from_params(params(&[("page", "0"), ("status", "x")]));
        assert_eq!(
            default,
            TripQuery {
                page: 1,
                ..TripQuery::default()
            }
        );
        assert_eq!(query.with_status(Status::All).page, 1);
    }
}
