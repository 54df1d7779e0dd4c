//! Travel times between two places, on foot or by car, from a routing provider. Pages read them
//! from the database; the server's refresher asks the provider for the ones a page missed.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    sea_query::OnConflict,
};
use serde::{Deserialize, Serialize};

use super::model::Point;
use crate::{entities::travel_times, providers::ProviderError};

/// Up to this straight-line distance a leg is shown on foot, beyond it by car.
pub const WALKABLE_M: f64 = 2_000.0;
/// How long a travel time is used before it is asked for again (roads change slowly).
pub const TRAVEL_TIME_FRESH_DAYS: i64 = 90;

/// How a traveler gets from one place to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mode {
    Foot,
    Car,
}

impl Mode {
    /// On foot when it is near enough, else by car.
    pub fn for_distance(meters: f64) -> Self {
        if meters <= WALKABLE_M {
            Self::Foot
        } else {
            Self::Car
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Foot => "foot",
            Self::Car => "car",
        }
    }
}

/// From one point to another, one way.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Leg {
    pub mode: Mode,
    pub from: Point,
    pub to: Point,
}

impl Leg {
    /// The leg's key in the store: the mode and both points to about a metre.
    pub fn key(&self) -> String {
        format!(
            "{}:{:.5},{:.5};{:.5},{:.5}",
            self.mode.name(),
            self.from.latitude,
            self.from.longitude,
            self.to.latitude,
            self.to.longitude
        )
    }
}

/// What the provider found for a leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    pub seconds: i32,
    pub meters: i32,
}

/// A stored answer for a leg: the route, or `None` when the provider found no way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TravelTime {
    pub leg: String,
    pub route: Option<Route>,
}

/// A routing provider (OSRM's API).
#[async_trait::async_trait]
pub trait Routing: Send + Sync {
    /// The modes it can answer for.
    fn modes(&self) -> Vec<Mode>;

    /// The route for `leg`, or `None` when there is no way.
    ///
    /// # Errors
    /// The provider is off, failing or too slow.
    async fn route(&self, leg: &Leg) -> Result<Option<Route>, ProviderError>;
}

/// The stored travel times for `legs` (keys); missing ones are not in the answer. One statement.
pub async fn read(
    db: &impl ConnectionTrait,
    legs: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<TravelTime>, DbErr> {
    if legs.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = travel_times::Entity::find()
        .filter(travel_times::Column::Leg.is_in(legs.iter().cloned()))
        .filter(travel_times::Column::FetchedAt.gt(now - TimeDelta::days(TRAVEL_TIME_FRESH_DAYS)))
        .all(db)
        .await?;
    rows.sort_by(|a, b| a.leg.cmp(&b.leg));
    Ok(rows
        .into_iter()
        .map(|row| TravelTime {
            leg: row.leg,
            route: match (row.seconds, row.meters) {
                (Some(seconds), Some(meters)) => Some(Route { seconds, meters }),
                _ => None,
            },
        })
        .collect())
}

/// Keeps what the provider found for `leg`.
pub async fn store(
    db: &impl ConnectionTrait,
    leg: &Leg,
    route: Option<Route>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    travel_times::Entity::insert(travel_times::ActiveModel {
        leg: Set(leg.key()),
        seconds: Set(route.map(|r| r.seconds)),
        meters: Set(route.map(|r| r.meters)),
        fetched_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(travel_times::Column::Leg)
            .update_columns([
                travel_times::Column::Seconds,
                travel_times::Column::Meters,
                travel_times::Column::FetchedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Forgets travel times past their freshness.
pub async fn delete_stale(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    travel_times::Entity::delete_many()
        .filter(travel_times::Column::FetchedAt.lt(now - TimeDelta::days(TRAVEL_TIME_FRESH_DAYS)))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legs_are_keyed_to_about_a_metre() {
        let leg = Leg {
            mode: Mode::for_distance(1_500.0),
            from: Point::new(38.691_612_3, -9.216_01).unwrap(),
            to: Point::new(38.7, -9.2).unwrap(),
        };
        assert_eq!(leg.key(), "foot:38.69161,-9.21601;38.70000,-9.20000");
        assert_eq!(Mode::for_distance(2_000.1), Mode::Car);
        assert!(leg.key().len() <= 80);
        let far = Leg {
            mode: Mode::Car,
            from: Point::new(-89.123_45, -179.123_45).unwrap(),
            to: Point::new(-89.123_45, -179.123_45).unwrap(),
        };
        assert!(far.key().len() <= 80, "{}", far.key());
    }
}
