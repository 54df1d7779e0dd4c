//! Activities and the day-by-day plan as both sides see them: the form and its validation (shared
//! by browser and server), the wire types, and the arithmetic the trip page shows — each day's
//! order, the warnings, the budget summary. Times are `chrono::NaiveTime`: wall-clock times in
//! the trip's zone, never converted.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::{
    error::FormErrors,
    reference::{self, AmountError},
    trips::types::{Trip, days_between, parse_date},
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

/// What kind of thing an activity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Sight,
    Food,
    Transport,
    Lodging,
    Other,
}

impl Category {
    pub const ALL: [Self; 5] = [
        Self::Sight,
        Self::Food,
        Self::Transport,
        Self::Lodging,
        Self::Other,
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sight => "sight",
            Self::Food => "food",
            Self::Transport => "transport",
            Self::Lodging => "lodging",
            Self::Other => "other",
        }
    }

    /// The class of its tag on the page: `tag tag--sight`.
    pub fn tag_class(self) -> &'static str {
        match self {
            Self::Sight => "tag tag--sight",
            Self::Food => "tag tag--food",
            Self::Transport => "tag tag--transport",
            Self::Lodging => "tag tag--lodging",
            Self::Other => "tag tag--other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sight => "Sightseeing",
            Self::Food => "Food and drink",
            Self::Transport => "Getting around",
            Self::Lodging => "Lodging",
            Self::Other => "Other",
        }
    }
}

/// The activity form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
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
}

/// An activity form that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidActivity {
    pub day: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub ends_next_day: bool,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: Category,
    pub cost_minor: i64,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// A strict `HH:MM` (or `HH:MM:SS`, as some browsers send) time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let hour = parts.next()?;
    let minute = parts.next()?;
    let second = parts.next().unwrap_or("00");
    if parts.next().is_some() || hour.len() != 2 || minute.len() != 2 || second.len() != 2 {
        return None;
    }
    let number = |s: &str| -> Option<u32> {
        s.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    NaiveTime::from_hms_opt(number(hour)?, number(minute)?, number(second)?)
}

/// `09:30`.
pub fn format_time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn coordinate(
    errors: &mut FormErrors,
    field: &str,
    text: &str,
    limit: f64,
    message: &str,
) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() && value.abs() <= limit => Some(value),
        _ => {
            errors.add(field, message);
            None
        }
    }
}

impl ActivityInput {
    /// Checks every field against `trip` (the day must fall within it; the cost is in its
    /// currency).
    pub fn validate(&self, trip: &Trip) -> Result<ValidActivity, FormErrors> {
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
        let day = match parse_date(&self.day) {
            Some(day) if day >= trip.start_date && day <= trip.end_date => Some(day),
            Some(_) => {
                errors.add("day", "Choose a day within the trip.");
                None
            }
            None => {
                errors.add("day", "Choose the day of the activity.");
                None
            }
        };
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
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            errors.add("category", "Choose a kind of activity from the list.");
        }
        let exponent = reference::currency(&trip.currency).map_or(2, |c| c.exponent);
        let cost_minor = match self.cost.trim() {
            "" => 0,
            text => match reference::parse_amount(text, exponent) {
                Ok(minor) if minor <= COST_MAX_UNITS * 10_i64.pow(u32::from(exponent)) => minor,
                Ok(_) | Err(AmountError::TooLarge) => {
                    errors.add("cost", "The cost can be at most 100,000,000.");
                    0
                }
                Err(AmountError::Negative) => {
                    errors.add("cost", "The cost can’t be negative.");
                    0
                }
                Err(AmountError::TooPrecise) => {
                    errors.add(
                        "cost",
                        format!(
                            "{} amounts have at most {exponent} decimal places.",
                            trip.currency
                        ),
                    );
                    0
                }
                Err(AmountError::Malformed) => {
                    errors.add("cost", "Enter an amount like 25 or 25.50.");
                    0
                }
            },
        };
        let latitude = coordinate(
            &mut errors,
            "latitude",
            &self.latitude,
            90.0,
            "Latitude is a number from -90 to 90.",
        );
        let longitude = coordinate(
            &mut errors,
            "longitude",
            &self.longitude,
            180.0,
            "Longitude is a number from -180 to 180.",
        );
        if latitude.is_some() != longitude.is_some() && errors.fields.is_empty() {
            errors.add("latitude", "Give both latitude and longitude, or neither.");
        }

        match (day, category) {
            (Some(day), Some(category)) if errors.fields.is_empty() => Ok(ValidActivity {
                day,
                start_time,
                end_time,
                ends_next_day,
                title: title.to_string(),
                location: location.to_string(),
                description: description.to_string(),
                category,
                cost_minor,
                latitude,
                longitude,
            }),
            _ => Err(errors.keeping(&self.fields())),
        }
    }

    pub fn fields(&self) -> [(&'static str, &str); 10] {
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
        ]
    }
}

/// An activity as its trip's owner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
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
}

impl Activity {
    /// `09:00–11:30`, `22:10–06:45 (next day)`, `09:00`, or nothing.
    pub fn time_range(&self) -> Option<String> {
        let start = self.start_time?;
        Some(match self.end_time {
            Some(end) if self.ends_next_day => {
                format!("{}–{} (next day)", format_time(start), format_time(end))
            }
            Some(end) => format!("{}–{}", format_time(start), format_time(end)),
            None => format_time(start),
        })
    }

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

    pub fn to_input(&self) -> ActivityInput {
        ActivityInput {
            day: self.day.to_string(),
            start_time: self.start_time.map(format_time).unwrap_or_default(),
            end_time: self.end_time.map(format_time).unwrap_or_default(),
            title: self.title.clone(),
            location: self.location.clone(),
            description: self.description.clone(),
            category: self.category.as_str().to_string(),
            cost: String::new(),
            latitude: self.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: self.longitude.map(|v| v.to_string()).unwrap_or_default(),
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

impl Warning {
    pub fn message(&self, daily_budget: Option<&str>) -> String {
        match self {
            Self::Overlap(a, b) => format!("“{a}” and “{b}” overlap in time."),
            Self::OverDailyBudget => match daily_budget {
                Some(budget) => {
                    format!("This day costs more than the average daily budget of {budget}.")
                }
                None => "This day costs more than the average daily budget.".to_string(),
            },
            Self::OutOfOrder(a, b) => format!("“{a}” is listed before “{b}” but starts later."),
        }
    }
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
    use super::Category;

    #[test]
    fn each_kind_tags_its_activities_with_its_own_name() {
        for category in Category::ALL {
            assert_eq!(
                category.tag_class(),
                format!("tag tag--{}", category.as_str())
            );
        }
    }
}
