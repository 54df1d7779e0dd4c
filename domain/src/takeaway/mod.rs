//! The trip leaving the app: calendars (a file and subscribable feeds), GPX, KML, CSV and JSON
//! exports, and imports of those files back into trips. Everything is read and written through
//! the trips the [`Actor`] may reach, like every other service.

pub mod csv;
pub mod feeds;
pub mod gpx;
pub mod ics;
pub mod import;
pub mod kml;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

pub use self::ics::TripRows;
use crate::{
    access::Actor,
    entities::{activities, trips},
    ids::TripId,
    itinerary::model::{Activity, TripPlan},
    trips::{model::Trip, service::TripError},
};

impl TripRows {
    /// The trip's plan: its days with their activities, and the budget.
    pub fn plan(&self) -> TripPlan {
        TripPlan::new(
            Trip::from(self.trip.clone()),
            self.activities
                .iter()
                .cloned()
                .map(Activity::from)
                .collect(),
        )
    }
}

/// `text` as XML character data: markup escaped, and the control characters XML 1.0 cannot
/// hold dropped.
pub(crate) fn xml_text(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

/// One trip the actor may reach, with its activities in day and position order, as rows.
pub async fn load_trip(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: TripId,
) -> Result<TripRows, TripError> {
    let trip = actor.trip(id).one(db).await?.ok_or(TripError::NotFound)?;
    // Scoped by the trip just read through the actor's scope.
    let activities = activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip.id))
        .order_by(activities::Column::Day, Order::Asc)
        .order_by(activities::Column::Position, Order::Asc)
        .all(db)
        .await?;
    Ok(TripRows { trip, activities })
}

/// Every trip the actor may reach, by first day, each with its activities: two statements.
pub async fn load_all(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<TripRows>, DbErr> {
    let trips = actor
        .trips()
        .order_by(trips::Column::StartDate, Order::Asc)
        .order_by(trips::Column::Id, Order::Asc)
        .all(db)
        .await?;
    let mut activities = activities::Entity::find()
        .filter(
            activities::Column::TripId.in_subquery(
                actor
                    .trips()
                    .select_only()
                    .column(trips::Column::Id)
                    .into_query(),
            ),
        )
        .order_by(activities::Column::TripId, Order::Asc)
        .order_by(activities::Column::Day, Order::Asc)
        .order_by(activities::Column::Position, Order::Asc)
        .all(db)
        .await?;
    let mut by_trip: std::collections::HashMap<uuid::Uuid, Vec<activities::Model>> =
        std::collections::HashMap::new();
    for activity in activities.drain(..) {
        by_trip.entry(activity.trip_id).or_default().push(activity);
    }
    Ok(trips
        .into_iter()
        .map(|trip| TripRows {
            activities: by_trip.remove(&trip.id).unwrap_or_default(),
            trip,
        })
        .collect())
}
