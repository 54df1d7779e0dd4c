//! Activities and the day-by-day plan: what a form or the API sends (`ActivityDraft`), the
//! command only its validation makes (`NewActivity`), the rules that need the trip (its days
//! and its currency), and the arithmetic the trip page shows — each day's order, the warnings,
//! the budget summary. Times are `chrono::NaiveTime`: wall-clock times in the trip's zone,
//! never converted.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

pub use crate::calendar::{format_time, parse_time};
use crate::{
    error::FormErrors,
    ids::ActivityId,
    places::model::{PlaceFields, PlacePick},
    reference::{self, AmountError},
    text,
    trips::model::{Trip, days_between, parse_date},
};

pub const TITLE_MAX: usize = 120;
pub const LOCATION_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 5_000;
/// The largest cost, in whole currency units.
pub const COST_MAX_UNITS: i64 = 100_000_000;
/// The most activities one trip holds (the trip page shows them all: ~2 MB of HTML at the cap).
pub const ACTIVITIES_PER_TRIP_MAX: u64 = 1_000;
/// The most activities one day holds.
pub const ACTIVITIES_PER_DAY_MAX: u64 = 100;
pub const TRIP_FULL: &str = "This trip has 1,000 activities, the most a trip can hold. Delete some to make room for new ones.";
pub const DAY_FULL: &str =
    "This day already has 100 activities, the most a day can hold. Choose another day.";

/// What kind of thing an activity is. Its names (`sight`, …) are the forms' and the API's.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
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
pub enum Category {
    Sight,
    Food,
    Transport,
    Lodging,
    Other,
}

/// An activity as typed: every field text, as a form or the API sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityDraft {
    pub day: String,
    pub start_time: String,
    pub end_time: String,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: String,
    pub cost: String,
    pub latitude: String,
    pub longitude: String,
    /// The place picked from a search (all empty when none); its position is `latitude` and
    /// `longitude`.
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
    /// `on` to take the place and its position away.
    pub remove_place: String,
}

/// An activity that passed validation: trimmed, parsed, within every limit that does not
/// depend on its trip. Only [`ActivityDraft::validate`] makes one; the service checks the rest
/// against the trip ([`NewActivity::check_against`]) where it holds the trip's lock.
#[derive(Debug, Clone, PartialEq)]
pub struct NewActivity {
    pub day: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub ends_next_day: bool,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: Category,
    /// The cost as typed (well-formed, not negative); read in the trip's currency.
    cost: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub place: Option<PlacePick>,
}

/// The most decimal places any currency has: a cost with more is refused whatever the trip's.
const EXPONENT_MAX: u8 = 3;

impl ActivityDraft {
    /// Checks every field that can be checked without the trip, and returns the command, or a
    /// message per field together with what was typed.
    pub fn validate(&self) -> Result<NewActivity, FormErrors> {
        let mut errors = FormErrors::default();
        let title = self.title.trim();
        let location = self.location.trim();
        let description = self.description.trim();

        match title.chars().count() {
            0 => errors.add("title", "Give the activity a title."),
            n if n > TITLE_MAX => errors.add("title", "Keep the title to 120 characters or fewer."),
            _ => {}
        }
        if location.chars().count() > LOCATION_MAX {
            errors.add("location", "Keep the place to 200 characters or fewer.");
        }
        if description.chars().count() > DESCRIPTION_MAX {
            errors.add(
                "description",
                "Keep the description to 5,000 characters or fewer.",
            );
        }
        // As typed: a control character is refused even where trimming would drop it.
        text::check_one_line(&mut errors, "title", &self.title);
        text::check_one_line(&mut errors, "location", &self.location);
        text::check_multi_line(&mut errors, "description", &self.description);
        let day = parse_date(&self.day);
        if day.is_none() {
            errors.add("day", "Choose the day of the activity.");
        }
        let time = |errors: &mut FormErrors, field: &str, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let parsed = parse_time(text);
            if parsed.is_none() {
                errors.add(field, "Enter a time like 09:30.");
            }
            parsed
        };
        let start_time = time(&mut errors, "start_time", &self.start_time);
        let end_time = time(&mut errors, "end_time", &self.end_time);
        if end_time.is_some() && start_time.is_none() && self.start_time.trim().is_empty() {
            errors.add("start_time", "Add a start time, or leave both times empty.");
        }
        // An end before the start means the activity runs overnight into the next day.
        let ends_next_day = matches!((start_time, end_time), (Some(s), Some(e)) if e < s);
        let category = self.category.trim().parse::<Category>().ok();
        if category.is_none() {
            errors.add("category", "Choose a kind of activity from the list.");
        }
        let cost = match self.cost.trim() {
            "" => None,
            text => match cost_in(text, EXPONENT_MAX) {
                Ok(_) | Err(AmountError::TooPrecise) => Some(text.to_string()),
                Err(problem) => {
                    errors.add("cost", cost_message(problem, None));
                    None
                }
            },
        };
        let place = PlaceFields {
            name: &self.place_name,
            address: &self.place_address,
            place_ref: &self.place_ref,
            latitude: &self.latitude,
            longitude: &self.longitude,
            remove: &self.remove_place,
        }
        .check(&mut errors);

        match (day, category) {
            (Some(day), Some(category)) if errors.fields.is_empty() => Ok(NewActivity {
                day,
                start_time,
                end_time,
                ends_next_day,
                title: title.to_string(),
                location: location.to_string(),
                description: description.to_string(),
                category,
                cost,
                latitude: place.latitude,
                longitude: place.longitude,
                place: place.pick,
            }),
            _ => Err(errors.keeping(&self.fields())),
        }
    }

    pub fn fields(&self) -> [(&'static str, &str); 13] {
        [
            ("day", self.day.trim()),
            ("start_time", self.start_time.trim()),
            ("end_time", self.end_time.trim()),
            ("title", self.title.trim()),
            ("location", self.location.trim()),
            ("description", &self.description),
            ("category", self.category.trim()),
            ("cost", self.cost.trim()),
            ("latitude", self.latitude.trim()),
            ("longitude", self.longitude.trim()),
            ("place_name", self.place_name.trim()),
            ("place_address", self.place_address.trim()),
            ("place_ref", self.place_ref.trim()),
        ]
    }
}

impl ActivityDraft {
    /// Every problem with this draft for `trip`, in the form's order: what [`Self::validate`]
    /// finds, and what [`NewActivity::check_against`] would find of the fields that could be
    /// read — so a form with several problems hears of all of them at once.
    pub fn problems_for(&self, trip: &Trip) -> FormErrors {
        let mut errors = match self.validate() {
            Ok(activity) => match activity.check_against(trip) {
                Ok(_) => return FormErrors::default(),
                Err(errors) => errors,
            },
            Err(errors) => errors,
        };
        if let Some(day) = parse_date(&self.day)
            && (day < trip.start_date || day > trip.end_date)
        {
            errors.add("day", "Choose a day within the trip.");
        }
        if errors.field("cost").is_none() && !self.cost.trim().is_empty() {
            let currency = reference::currency(&trip.currency);
            let exponent = currency.map_or(2, |c| c.exponent);
            if let Err(problem) = cost_in(self.cost.trim(), exponent) {
                errors.add("cost", cost_message(problem, currency));
            }
        }
        let order = self.fields();
        errors.first = order
            .iter()
            .map(|(name, _)| *name)
            .find(|name| errors.fields.contains_key(*name))
            .map(str::to_string);
        errors.keeping(&order)
    }
}

impl NewActivity {
    /// The rules that need the trip: the day falls within it, and the cost is an amount of its
    /// currency. Returns the cost in the currency's minor units.
    pub fn check_against(&self, trip: &Trip) -> Result<i64, FormErrors> {
        let mut errors = FormErrors::default();
        if self.day < trip.start_date || self.day > trip.end_date {
            errors.add("day", "Choose a day within the trip.");
        }
        let currency = reference::currency(&trip.currency);
        let exponent = currency.map_or(2, |c| c.exponent);
        let cost_minor = match &self.cost {
            None => 0,
            Some(text) => match cost_in(text, exponent) {
                Ok(minor) => minor,
                Err(problem) => {
                    errors.add("cost", cost_message(problem, currency));
                    0
                }
            },
        };
        if errors.is_empty() {
            Ok(cost_minor)
        } else {
            Err(errors)
        }
    }
}

/// A cost in minor units of a currency with `exponent` decimals, within the largest cost.
fn cost_in(text: &str, exponent: u8) -> Result<i64, AmountError> {
    match reference::parse_amount(text, exponent) {
        Ok(minor) if minor <= COST_MAX_UNITS * 10_i64.pow(u32::from(exponent)) => Ok(minor),
        Ok(_) => Err(AmountError::TooLarge),
        Err(problem) => Err(problem),
    }
}

fn cost_message(problem: AmountError, currency: Option<reference::Currency>) -> String {
    match problem {
        AmountError::TooLarge => "The cost can be at most 100,000,000.".to_string(),
        AmountError::Negative => "The cost can’t be negative.".to_string(),
        AmountError::Malformed => "Enter an amount like 25 or 25.50.".to_string(),
        AmountError::TooPrecise => currency.map_or_else(
            || "Enter an amount like 25 or 25.50.".to_string(),
            reference::too_precise,
        ),
    }
}

/// An activity as its trip's owner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: ActivityId,
    pub day: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub ends_next_day: bool,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: Category,
    pub cost_minor: i64,
    pub position: i32,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Counts the changes to this activity's own fields: what a client or a form read, to send
    /// back with a change so that a change made meanwhile is not overwritten. Its `position`
    /// moves without it when others are added, moved or deleted around it.
    pub version: i64,
    /// The place picked from a search (empty when none).
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
}

impl Activity {
    /// Minutes from the start of its day to its start and end (overnight ends run past 1440).
    fn span(&self) -> Option<(u32, u32)> {
        let minutes = |t: NaiveTime| t.hour() * 60 + t.minute();
        let start = minutes(self.start_time?);
        let end = match self.end_time {
            Some(end) if self.ends_next_day => minutes(end) + 24 * 60,
            Some(end) => minutes(end),
            None => start,
        };
        Some((start, end))
    }
}

impl ActivityDraft {
    /// The activity as its edit form shows it, its cost in `currency`.
    pub fn of(activity: &Activity, currency: &str) -> Self {
        let exponent = reference::currency(currency).map_or(2, |c| c.exponent);
        Self {
            day: activity.day.to_string(),
            start_time: activity.start_time.map(format_time).unwrap_or_default(),
            end_time: activity.end_time.map(format_time).unwrap_or_default(),
            title: activity.title.clone(),
            location: activity.location.clone(),
            description: activity.description.clone(),
            category: <&str>::from(activity.category).to_string(),
            cost: if activity.cost_minor > 0 {
                reference::amount_for_input(activity.cost_minor, exponent)
            } else {
                String::new()
            },
            latitude: activity.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: activity
                .longitude
                .map(|v| v.to_string())
                .unwrap_or_default(),
            place_name: activity.place_name.clone(),
            place_address: activity.place_address.clone(),
            place_ref: activity.place_ref.clone(),
            remove_place: String::new(),
        }
    }
}

/// Where a new or moved activity goes in its day: after the timed activities that start no
/// later than it (untimed ones go last). `day` is in position order.
pub fn slot_for(day: &[&Activity], start: Option<NaiveTime>) -> usize {
    match start {
        None => day.len(),
        Some(start) => day
            .iter()
            .rposition(|a| a.start_time.is_some_and(|s| s <= start))
            .map_or_else(
                || day.iter().position(|a| a.start_time.is_some()).unwrap_or(0),
                |i| i + 1,
            ),
    }
}

/// A trip with its plan: the days with their activities, costs and warnings, and the budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripPlan {
    pub trip: Trip,
    pub days: Vec<DayPlan>,
    pub summary: BudgetSummary,
}

impl TripPlan {
    /// The plan of `trip` from its activities (in any order).
    pub fn new(trip: Trip, activities: Vec<Activity>) -> Self {
        let (days, summary) = plan(&trip, activities);
        Self {
            trip,
            days,
            summary,
        }
    }
}

/// A reason to look twice at a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    /// Two activities' times overlap (titles).
    Overlap(String, String),
    /// The day costs more than the trip's average daily budget.
    OverDailyBudget,
    /// Placed by hand before an activity that starts earlier (titles).
    OutOfOrder(String, String),
}

/// One day of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayPlan {
    pub date: NaiveDate,
    /// 1-based.
    pub number: i64,
    pub activities: Vec<Activity>,
    pub cost_minor: i64,
    pub warnings: Vec<Warning>,
}

/// What the trip costs against its budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetSummary {
    pub budget_minor: Option<i64>,
    pub planned_minor: i64,
    /// Budget minus planned (negative: over budget); `None` without a budget.
    pub remaining_minor: Option<i64>,
    /// The budget spread evenly over the days, rounded down to a minor unit.
    pub daily_budget_minor: Option<i64>,
    pub by_category: Vec<(Category, i64)>,
}

/// Splits `activities` (any order) into the trip's days, in position order, with each day's
/// cost and warnings, and sums the budget.
pub fn plan(trip: &Trip, mut activities: Vec<Activity>) -> (Vec<DayPlan>, BudgetSummary) {
    activities.sort_by_key(|a| (a.day, a.position));
    let days = days_between(trip.start_date, trip.end_date) + 1;
    let daily_budget_minor = trip.budget_minor.map(|budget| budget / days.max(1));
    let mut by_day: BTreeMap<NaiveDate, Vec<Activity>> = BTreeMap::new();
    let mut by_category: BTreeMap<Category, i64> = BTreeMap::new();
    let mut planned_minor = 0_i64;
    for activity in activities {
        planned_minor = planned_minor.saturating_add(activity.cost_minor);
        *by_category.entry(activity.category).or_default() += activity.cost_minor;
        by_day.entry(activity.day).or_default().push(activity);
    }
    let plans = trip
        .start_date
        .iter_days()
        .take(usize::try_from(days).unwrap_or(0))
        .enumerate()
        .map(|(index, date)| {
            let activities = by_day.remove(&date).unwrap_or_default();
            let cost_minor = activities.iter().map(|a| a.cost_minor).sum();
            let warnings = warnings(&activities, cost_minor, daily_budget_minor);
            DayPlan {
                date,
                number: i64::try_from(index).unwrap_or(0) + 1,
                activities,
                cost_minor,
                warnings,
            }
        })
        .collect();
    let summary = BudgetSummary {
        budget_minor: trip.budget_minor,
        planned_minor,
        remaining_minor: trip.budget_minor.map(|b| b - planned_minor),
        daily_budget_minor,
        by_category: by_category.into_iter().filter(|(_, v)| *v > 0).collect(),
    };
    (plans, summary)
}

fn warnings(day: &[Activity], cost_minor: i64, daily_budget: Option<i64>) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (i, a) in day.iter().enumerate() {
        for b in &day[i + 1..] {
            // An activity without an end time occupies its starting minute.
            if let (Some((a_start, a_end)), Some((b_start, b_end))) = (a.span(), b.span())
                && a_start < b_end.max(b_start + 1)
                && b_start < a_end.max(a_start + 1)
            {
                warnings.push(Warning::Overlap(a.title.clone(), b.title.clone()));
            }
        }
    }
    if daily_budget.is_some_and(|budget| cost_minor > budget) {
        warnings.push(Warning::OverDailyBudget);
    }
    let timed: Vec<&Activity> = day.iter().filter(|a| a.start_time.is_some()).collect();
    for pair in timed.windows(2) {
        if pair[0].start_time > pair[1].start_time {
            warnings.push(Warning::OutOfOrder(
                pair[0].title.clone(),
                pair[1].title.clone(),
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    #[test]
    fn kinds_read_and_write_their_names() {
        for category in Category::VARIANTS {
            let name: &str = (*category).into();
            assert_eq!(name.parse::<Category>(), Ok(*category));
        }
        assert!("party".parse::<Category>().is_err());
    }
}
