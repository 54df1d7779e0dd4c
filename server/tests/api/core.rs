//! The core's services as the service tests call them: by a traveler's id, with drafts as a form
//! sends them and ids as text — validated and parsed the way the web's adapters do (a malformed
//! id is not found).

use std::fmt::Display;

use chrono::NaiveDate;
use domain::{
    access::Actor,
    entities::trips as trip_rows,
    ids::{ActivityId, TripId},
    itinerary::{
        model::{Activity, ActivityDraft},
        service::{self as itinerary, Direction},
    },
    trips::{
        model::{Trip, TripDefaults, TripDraft, TripList, TripQuery},
        service::{self as trips, TripError},
    },
};
use sea_orm::{DatabaseConnection, DbErr};
use uuid::Uuid;

pub fn actor(owner: Uuid) -> Actor {
    Actor::signed_in(owner.into())
}

fn trip_id(id: impl Display) -> Result<TripId, TripError> {
    id.to_string().parse().map_err(|_| TripError::NotFound)
}

fn activity_id(id: impl Display) -> Result<ActivityId, TripError> {
    id.to_string().parse().map_err(|_| TripError::NotFound)
}

pub async fn create_trip(
    db: &DatabaseConnection,
    owner: Uuid,
    draft: &TripDraft,
) -> Result<trip_rows::Model, TripError> {
    let trip = draft.validate().map_err(TripError::Invalid)?;
    trips::create(db, &actor(owner), trip).await
}

pub async fn update_trip(
    db: &DatabaseConnection,
    owner: Uuid,
    id: impl Display,
    draft: &TripDraft,
    shift_activities: bool,
) -> Result<TripId, TripError> {
    let id = trip_id(id)?;
    let changes = draft
        .validate_changes(shift_activities)
        .map_err(TripError::Invalid)?;
    trips::update(db, &actor(owner), id, changes).await
}

pub async fn find_trip(db: &DatabaseConnection, owner: Uuid, id: &str) -> Result<Trip, TripError> {
    trips::find(db, &actor(owner), trip_id(id)?).await
}

pub async fn delete_trip(db: &DatabaseConnection, owner: Uuid, id: &str) -> Result<(), TripError> {
    trips::delete(db, &actor(owner), trip_id(id)?, None).await
}

pub async fn list_trips(
    db: &DatabaseConnection,
    owner: Uuid,
    query: &TripQuery,
    today: NaiveDate,
) -> Result<TripList, DbErr> {
    trips::list(db, &actor(owner), query, today).await
}

pub async fn defaults(db: &DatabaseConnection, owner: Uuid) -> Result<TripDefaults, DbErr> {
    trips::defaults(db, &actor(owner), None).await
}

pub async fn add_activity(
    db: &DatabaseConnection,
    owner: Uuid,
    trip: impl Display,
    draft: &ActivityDraft,
) -> Result<Activity, TripError> {
    let trip = trip_id(trip)?;
    let Ok(activity) = draft.validate() else {
        return Err(itinerary::explain(db, &actor(owner), trip, draft).await);
    };
    itinerary::create(db, &actor(owner), trip, activity).await
}

pub async fn update_activity(
    db: &DatabaseConnection,
    owner: Uuid,
    id: impl Display,
    draft: &ActivityDraft,
) -> Result<Activity, TripError> {
    let id = activity_id(id)?;
    let Ok(activity) = draft.validate() else {
        return Err(itinerary::explain_change(db, &actor(owner), id, draft).await);
    };
    itinerary::update(db, &actor(owner), id, activity, None).await
}

pub async fn delete_activity(
    db: &DatabaseConnection,
    owner: Uuid,
    id: impl Display,
) -> Result<TripId, TripError> {
    itinerary::delete(db, &actor(owner), activity_id(id)?, None).await
}

pub async fn move_activity(
    db: &DatabaseConnection,
    owner: Uuid,
    id: impl Display,
    direction: Direction,
) -> Result<Activity, TripError> {
    itinerary::move_within_day(db, &actor(owner), activity_id(id)?, direction).await
}

pub async fn trip_with_activities(
    db: &DatabaseConnection,
    owner: Uuid,
    trip: impl Display,
) -> Result<(Trip, Vec<Activity>), TripError> {
    itinerary::trip_with_activities(db, &actor(owner), trip_id(trip)?).await
}

pub async fn find_activity(
    db: &DatabaseConnection,
    owner: Uuid,
    id: impl Display,
) -> Result<(Trip, Activity), TripError> {
    itinerary::find(db, &actor(owner), activity_id(id)?).await
}
