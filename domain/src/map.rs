//! A trip's plan on the map: the places of its activities numbered in the plan's order, the
//! way each day goes from place to place (straight-line distances, and the legs a routing
//! provider can time), and the place each day's weather is taken at. Worked out from the plan
//! alone; what providers answered is read separately, by the keys [`Needs`] lists.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::{
    ids::ActivityId,
    itinerary::model::{Activity, TripPlan},
    places::{
        model::Point,
        travel::{Leg, Mode},
    },
    weather::model::Cell,
};

/// An activity's place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapPoint {
    /// 1, 2, 3, … in the order of the plan.
    pub number: u32,
    /// The day's index in the trip (0 for its first day): its colour on the map.
    pub day: usize,
    pub activity: ActivityId,
    pub title: String,
    /// The picked place's name, else the typed location (may be empty).
    pub place: String,
    pub point: Point,
}

/// The way from one activity's place to the next one's on the same day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedLeg {
    /// The activity the leg leads to.
    pub to: ActivityId,
    /// The title of the activity it starts from.
    pub from_title: String,
    /// Straight-line distance in metres.
    pub distance_m: f64,
    /// The leg a routing provider is asked about (its mode chosen by distance, among the modes
    /// the provider has), if any.
    pub leg: Option<Leg>,
    /// Minutes from the end of the first activity (its start, without an end) to the start of
    /// the next, when both are known and the first does not run overnight.
    pub gap_minutes: Option<i64>,
}

/// Where a day's weather is taken: the day's first place, else the trip's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeatherSpot {
    pub date: NaiveDate,
    pub cell: Cell,
    /// What the place is called, for "at Sintra".
    pub place: String,
}

/// The plan on the map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TripMap {
    /// The trip's destination, when it was picked as a place.
    pub destination: Option<(String, Point)>,
    pub points: Vec<MapPoint>,
    pub legs: Vec<PlannedLeg>,
    pub weather: Vec<WeatherSpot>,
}

/// What a page would show from providers: the weather cells and dates, the travel-time legs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Needs {
    pub cells: Vec<String>,
    pub dates: Option<(NaiveDate, NaiveDate)>,
    pub legs: Vec<String>,
}

impl Needs {
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.legs.is_empty()
    }
}

fn minutes(time: NaiveTime) -> i64 {
    i64::from(time.hour() * 60 + time.minute())
}

/// Minutes between `a` ending and `b` starting, when the plan says.
fn gap(a: &Activity, b: &Activity) -> Option<i64> {
    if a.ends_next_day {
        return None;
    }
    let free_from = a.end_time.or(a.start_time)?;
    Some(minutes(b.start_time?) - minutes(free_from))
}

impl TripMap {
    /// The map of `plan`; legs are timed in `modes` (the routing provider's, if any).
    pub fn of(plan: &TripPlan, modes: &[Mode]) -> Self {
        let trip = &plan.trip;
        let destination = Point::from_pair(trip.latitude, trip.longitude).map(|point| {
            let name = if trip.place_name.is_empty() {
                trip.destination.clone()
            } else {
                trip.place_name.clone()
            };
            (name, point)
        });
        let mut map = Self {
            destination,
            ..Self::default()
        };
        let mut number = 0;
        for day in &plan.days {
            let index = usize::try_from(day.number - 1).unwrap_or(0);
            let mut previous: Option<(&Activity, Point)> = None;
            for activity in &day.activities {
                let Some(point) = Point::from_pair(activity.latitude, activity.longitude) else {
                    continue;
                };
                number += 1;
                let place = if activity.place_name.is_empty() {
                    activity.location.clone()
                } else {
                    activity.place_name.clone()
                };
                if previous.is_none() {
                    map.weather.push(WeatherSpot {
                        date: day.date,
                        cell: Cell::of(point),
                        place: if place.is_empty() {
                            activity.title.clone()
                        } else {
                            place.clone()
                        },
                    });
                }
                if let Some((from, from_point)) = previous {
                    let distance_m = from_point.distance_m(point);
                    let wanted = Mode::for_distance(distance_m);
                    let mode = if modes.contains(&wanted) {
                        Some(wanted)
                    } else {
                        modes.first().copied()
                    };
                    map.legs.push(PlannedLeg {
                        to: activity.id,
                        from_title: from.title.clone(),
                        distance_m,
                        leg: mode.map(|mode| Leg {
                            mode,
                            from: from_point,
                            to: point,
                        }),
                        gap_minutes: gap(from, activity),
                    });
                }
                map.points.push(MapPoint {
                    number,
                    day: index,
                    activity: activity.id,
                    title: activity.title.clone(),
                    place,
                    point,
                });
                previous = Some((activity, point));
            }
            if previous.is_none()
                && let Some((name, point)) = &map.destination
            {
                map.weather.push(WeatherSpot {
                    date: day.date,
                    cell: Cell::of(*point),
                    place: name.clone(),
                });
            }
        }
        map
    }

    /// Whether there is anything to show on a map.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty() && self.destination.is_none()
    }

    /// The marker number and day index of each activity that has one.
    pub fn numbers(&self) -> HashMap<ActivityId, (u32, usize)> {
        self.points
            .iter()
            .map(|p| (p.activity, (p.number, p.day)))
            .collect()
    }

    /// What to read from the stores: weather (when `weather` is on) and travel times.
    pub fn needs(&self, weather: bool) -> Needs {
        let (cells, dates) = if weather {
            let cells: BTreeSet<String> = self.weather.iter().map(|s| s.cell.key()).collect();
            let first = self.weather.iter().map(|s| s.date).min();
            let last = self.weather.iter().map(|s| s.date).max();
            (cells.into_iter().collect(), first.zip(last))
        } else {
            (Vec::new(), None)
        };
        let legs: BTreeSet<String> = self
            .legs
            .iter()
            .filter_map(|l| l.leg.map(|leg| leg.key()))
            .collect();
        Needs {
            cells,
            dates,
            legs: legs.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;
    use crate::{itinerary::model::Category, trips::model::Trip};

    fn trip(place: Option<(f64, f64)>) -> Trip {
        Trip {
            id: crate::ids::TripId::new(),
            name: "Lisbon".into(),
            destination: "Lisbon, Portugal".into(),
            start_date: crate::calendar::parse_date("2027-03-03").unwrap(),
            end_date: crate::calendar::parse_date("2027-03-05").unwrap(),
            time_zone: "Europe/Lisbon".into(),
            currency: "EUR".into(),
            budget_minor: None,
            notes: String::new(),
            place_name: place.map(|_| "Lisboa".to_string()).unwrap_or_default(),
            place_address: String::new(),
            place_ref: String::new(),
            latitude: place.map(|p| p.0),
            longitude: place.map(|p| p.1),
            version: 1,
        }
    }

    fn activity(
        day: &str,
        position: i32,
        times: (&str, &str),
        point: Option<(f64, f64)>,
    ) -> Activity {
        let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok();
        Activity {
            id: ActivityId::new(),
            day: crate::calendar::parse_date(day).unwrap(),
            start_time: time(times.0),
            end_time: time(times.1),
            ends_next_day: false,
            title: format!("Activity {position}"),
            location: String::new(),
            description: String::new(),
            category: Category::Sight,
            cost_minor: 0,
            position,
            latitude: point.map(|p| p.0),
            longitude: point.map(|p| p.1),
            version: 1,
            place_name: point
                .map(|_| format!("Place on {day} at {position}"))
                .unwrap_or_default(),
            place_address: String::new(),
            place_ref: String::new(),
        }
    }

    #[test]
    fn places_are_numbered_in_plan_order_with_legs_within_a_day() {
        let activities = vec![
            activity(
                "2027-03-03",
                0,
                ("09:00", "10:00"),
                Some((38.6916, -9.2160)),
            ),
            activity("2027-03-03", 1, ("", ""), None),
            activity("2027-03-03", 2, ("10:20", ""), Some((38.6979, -9.2065))),
            activity("2027-03-05", 0, ("", ""), Some((38.7139, -9.1335))),
        ];
        let plan = TripPlan::new(trip(Some((38.72, -9.14))), activities.clone());
        let map = TripMap::of(&plan, &[Mode::Foot, Mode::Car]);
        let numbers: Vec<(u32, usize)> = map.points.iter().map(|p| (p.number, p.day)).collect();
        assert_eq!(numbers, [(1, 0), (2, 0), (3, 2)]);
        assert_eq!(map.legs.len(), 1, "one leg: the third day has one place");
        let leg = &map.legs[0];
        assert_eq!(leg.to, activities[2].id);
        assert_eq!(leg.gap_minutes, Some(20));
        assert_eq!(leg.leg.unwrap().mode, Mode::Foot);
        assert!(
            (900.0..1_200.0).contains(&leg.distance_m),
            "{}",
            leg.distance_m
        );
        // Each day's weather: its first place, else the trip's.
        let spots: Vec<(String, String)> = map
            .weather
            .iter()
            .map(|s| (s.date.to_string(), s.place.clone()))
            .collect();
        assert_eq!(
            spots,
            [
                (
                    "2027-03-03".to_string(),
                    "Place on 2027-03-03 at 0".to_string()
                ),
                ("2027-03-04".to_string(), "Lisboa".to_string()),
                (
                    "2027-03-05".to_string(),
                    "Place on 2027-03-05 at 0".to_string()
                ),
            ]
        );
        let needs = map.needs(true);
        assert_eq!(needs.cells, ["38.7,-9.1", "38.7,-9.2"]);
        assert_eq!(needs.legs.len(), 1);
        assert!(map.needs(false).cells.is_empty());
    }

    #[test]
    fn legs_use_the_modes_the_provider_has() {
        let activities = vec![
            activity("2027-03-03", 0, ("09:00", ""), Some((38.6916, -9.2160))),
            activity("2027-03-03", 1, ("12:00", ""), Some((38.7139, -9.1335))),
        ];
        let plan = TripPlan::new(trip(None), activities);
        assert_eq!(
            TripMap::of(&plan, &[Mode::Foot, Mode::Car]).legs[0]
                .leg
                .unwrap()
                .mode,
            Mode::Car
        );
        assert_eq!(
            TripMap::of(&plan, &[Mode::Foot]).legs[0].leg.unwrap().mode,
            Mode::Foot
        );
        let untimed = TripMap::of(&plan, &[]);
        assert_eq!(untimed.legs[0].leg, None);
        assert!(untimed.needs(true).legs.is_empty());
        assert_eq!(untimed.legs[0].gap_minutes, Some(180));
    }

    #[test]
    fn a_trip_without_places_has_nothing_to_map() {
        let plan = TripPlan::new(trip(None), vec![activity("2027-03-03", 0, ("", ""), None)]);
        let map = TripMap::of(&plan, &[Mode::Car]);
        assert!(map.is_empty());
        assert!(map.needs(true).is_empty());
    }
}
