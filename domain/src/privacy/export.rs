//! "Download my data": one JSON document with the profile and every trip with its activities.
//! The format is documented in `docs/data-export.md`; bump [`FORMAT_VERSION`] when a field
//! changes meaning or disappears (adding a field does not need a new version).
//!
//! Built from the owner's rows only, in three statements however many trips there are. Never
//! includes the password hash, session ids or link tokens.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, Order, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use crate::{
    entities::{activities, trips, users},
    reference,
};

/// Names the document, so a file found later says what it is.
pub const FORMAT: &str = "travel-planner-export";
/// The version of the document's shape.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Export {
    pub format: &'static str,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub profile: Profile,
    pub trips: Vec<ExportedTrip>,
}

#[derive(Debug, Serialize)]
pub struct Profile {
    pub email: String,
    pub display_name: String,
    pub time_zone: Option<String>,
    /// `system`, `light` or `dark`.
    pub theme: String,
    /// `en`, `de` or `fr`; absent until chosen.
    pub language: Option<String>,
    pub created_at: DateTime<Utc>,
    pub email_verified: bool,
    pub email_verified_at: Option<DateTime<Utc>>,
}

/// An amount three ways: exact integer minor units, the currency, and a decimal for people and
/// spreadsheets (`"1500.50"`, `"1500"` for JPY).
#[derive(Debug, Serialize)]
pub struct Money {
    pub minor: i64,
    pub currency: String,
    pub amount: String,
}

impl Money {
    fn new(minor: i64, currency: &str) -> Self {
        let exponent = reference::currency(currency).map_or(2, |c| c.exponent);
        Self {
            minor,
            currency: currency.to_string(),
            amount: reference::amount_for_input(minor, exponent),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ExportedTrip {
    pub id: Uuid,
    pub name: String,
    pub destination: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub time_zone: String,
    pub currency: String,
    pub budget: Option<Money>,
    pub notes: String,
    /// The destination's position and picked place, when set.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub place: Option<ExportedPlace>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub activities: Vec<ExportedActivity>,
}

/// A place picked from the place search.
#[derive(Debug, Serialize)]
pub struct ExportedPlace {
    pub name: String,
    pub address: String,
    /// The map provider's id for it, such as `osm:node/123` (may be empty).
    pub provider_id: String,
}

impl ExportedPlace {
    fn of(name: String, address: String, provider_id: String) -> Option<Self> {
        (!name.is_empty()).then_some(Self {
            name,
            address,
            provider_id,
        })
    }
}

#[derive(Debug, Serialize)]
pub struct ExportedActivity {
    pub id: Uuid,
    pub day: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub ends_next_day: bool,
    pub position: i32,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: String,
    pub cost: Money,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub place: Option<ExportedPlace>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One trip as a file of its own (a trip page's "JSON" download): the account document's shape
/// without the profile, so the import reads either.
#[derive(Debug, Serialize)]
pub struct TripExport {
    pub format: &'static str,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub trips: Vec<ExportedTrip>,
}

impl TripExport {
    pub fn new(trip: trips::Model, activities: Vec<activities::Model>, now: DateTime<Utc>) -> Self {
        Self {
            format: FORMAT,
            version: FORMAT_VERSION,
            exported_at: now,
            trips: vec![exported_trip(trip, activities)],
        }
    }
}

impl Export {
    /// `travel-planner-export-2026-11-29.json` (the UTC date of the export).
    pub fn file_name(&self) -> String {
        format!(
            "travel-planner-export-{}.json",
            self.exported_at.format("%Y-%m-%d")
        )
    }
}

fn activity(a: activities::Model, currency: &str) -> ExportedActivity {
    ExportedActivity {
        id: a.id,
        day: a.day,
        start_time: a.start_time,
        end_time: a.end_time,
        ends_next_day: a.ends_next_day,
        position: a.position,
        title: a.title,
        location: a.location,
        description: a.description,
        category: a.category,
        cost: Money::new(a.cost_minor, currency),
        latitude: a.latitude,
        longitude: a.longitude,
        place: ExportedPlace::of(a.place_name, a.place_address, a.place_ref),
        created_at: a.created_at,
        updated_at: a.updated_at,
    }
}

/// A trip and its activities (in day and position order) as the document holds them.
pub fn exported_trip(trip: trips::Model, activities: Vec<activities::Model>) -> ExportedTrip {
    let activities = activities
        .into_iter()
        .map(|a| activity(a, &trip.currency))
        .collect();
    ExportedTrip {
        id: trip.id,
        budget: trip.budget_minor.map(|m| Money::new(m, &trip.currency)),
        name: trip.name,
        destination: trip.destination,
        start_date: trip.start_date,
        end_date: trip.end_date,
        time_zone: trip.time_zone,
        currency: trip.currency,
        notes: trip.notes,
        latitude: trip.latitude,
        longitude: trip.longitude,
        place: ExportedPlace::of(trip.place_name, trip.place_address, trip.place_ref),
        created_at: trip.created_at,
        updated_at: trip.updated_at,
        activities,
    }
}

/// Everything `user_id` has, or `None` when the account no longer exists.
///
/// # Errors
/// The database fails.
#[tracing::instrument(skip(db))]
pub async fn build(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<Export>, DbErr> {
    let Some(user) = users::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let trips = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(user_id))
        .order_by(trips::Column::StartDate, Order::Asc)
        .order_by(trips::Column::Id, Order::Asc)
        .all(db)
        .await?;
    let trip_ids: Vec<Uuid> = trips.iter().map(|t| t.id).collect();
    let mut by_trip: BTreeMap<Uuid, Vec<activities::Model>> = BTreeMap::new();
    if !trip_ids.is_empty() {
        // Scoped by the owner's trip ids just read, never by ids from the request.
        let rows = activities::Entity::find()
            .filter(activities::Column::TripId.is_in(trip_ids))
            .order_by(activities::Column::Day, Order::Asc)
            .order_by(activities::Column::Position, Order::Asc)
            .all(db)
            .await?;
        for row in rows {
            by_trip.entry(row.trip_id).or_default().push(row);
        }
    }
    let trips = trips
        .into_iter()
        .map(|trip| {
            let activities = by_trip.remove(&trip.id).unwrap_or_default();
            exported_trip(trip, activities)
        })
        .collect();
    Ok(Some(Export {
        format: FORMAT,
        version: FORMAT_VERSION,
        exported_at: now,
        profile: Profile {
            email: user.email,
            display_name: user.display_name,
            time_zone: user.time_zone,
            theme: user.theme,
            language: user.language,
            created_at: user.created_at,
            email_verified: user.email_verified_at.is_some(),
            email_verified_at: user.email_verified_at,
        },
        trips,
    }))
}

#[cfg(test)]
mod tests {
    use super::Money;

    #[test]
    fn money_keeps_minor_units_and_a_plain_decimal() {
        let euros = Money::new(150_050, "EUR");
        assert_eq!((euros.minor, euros.amount.as_str()), (150_050, "1500.50"));
        assert_eq!(Money::new(1500, "JPY").amount, "1500");
        assert_eq!(Money::new(1234, "KWD").amount, "1.234");
    }
}
