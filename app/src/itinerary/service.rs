//! Activities on the server. An activity is reached only through a trip its user owns: every
//! statement is scoped by the owner (directly, or through `trip_id IN (the owner's trips)`).
//! Changes run in a transaction that first writes the trip row (its `updated_at`, and its
//! `revision`, which tells the trip page's render cache the plan changed). Both databases
//! serialize on that write — so concurrent edits of one trip's plan never lose or duplicate a
//! position, and SQLite takes its write lock up front instead of failing to upgrade a read.

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
    sea_query::{Expr, ExprTrait, Query},
};
use uuid::Uuid;

use super::types::{
    ACTIVITIES_PER_DAY_MAX, ACTIVITIES_PER_TRIP_MAX, Activity, ActivityInput, Category, DAY_FULL,
    TRIP_FULL, slot_for,
};
use crate::{
    entities::{activities, trips},
    error::{AppError, FormErrors},
    trips::{service::parse_id, types::Trip},
};

#[derive(Debug, thiserror::Error)]
pub enum ItineraryError {
    #[error("the activity form has problems")]
    Invalid(FormErrors),
    #[error("no such trip or activity for this traveler")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<ItineraryError> for AppError {
    fn from(error: ItineraryError) -> Self {
        match error {
            ItineraryError::Invalid(errors) => AppError::Invalid(errors),
            ItineraryError::NotFound => AppError::NotFound,
            ItineraryError::Db(_) => {
                tracing::error!(%error, "itinerary operation failed");
                AppError::Internal
            }
        }
    }
}

impl From<crate::trips::service::TripError> for ItineraryError {
    fn from(error: crate::trips::service::TripError) -> Self {
        use crate::trips::service::TripError;
        match error {
            TripError::Invalid(errors) => Self::Invalid(errors),
            TripError::NotFound => Self::NotFound,
            TripError::Db(error) => Self::Db(error),
        }
    }
}

impl From<activities::Model> for Activity {
    fn from(a: activities::Model) -> Self {
        Self {
            id: a.id.to_string(),
            day: a.day,
            start_time: a.start_time,
            end_time: a.end_time,
            ends_next_day: a.ends_next_day,
            title: a.title,
            location: a.location,
            description: a.description,
            category: Category::parse(&a.category).unwrap_or(Category::Other),
            cost_minor: a.cost_minor,
            position: a.position,
            latitude: a.latitude,
            longitude: a.longitude,
        }
    }
}

/// `trip_id IN (SELECT id FROM trips WHERE owner_id = owner)`.
fn in_owners_trips(owner: Uuid) -> sea_orm::sea_query::SimpleExpr {
    activities::Column::TripId.in_subquery(
        Query::select()
            .column(trips::Column::Id)
            .from(trips::Entity)
            .and_where(trips::Column::OwnerId.eq(owner))
            .to_owned(),
    )
}

/// The owner's trip and all its activities: two statements, however many activities.
pub async fn trip_with_activities(
    db: &impl ConnectionTrait,
    owner: Uuid,
    trip_id: &str,
) -> Result<(Trip, Vec<Activity>), ItineraryError> {
    let trip = crate::trips::service::find(db, owner, trip_id).await?;
    let activities = activities_of(db, owner, &trip).await?;
    Ok((trip, activities))
}

/// All of the trip's activities in day and position order (none unless it is the owner's).
pub async fn activities_of(
    db: &impl ConnectionTrait,
    owner: Uuid,
    trip: &Trip,
) -> Result<Vec<Activity>, ItineraryError> {
    let id = parse_id(&trip.id)?;
    Ok(activities::Entity::find()
        .filter(activities::Column::TripId.eq(id))
        .filter(in_owners_trips(owner))
        .order_by(activities::Column::Day, Order::Asc)
        .order_by(activities::Column::Position, Order::Asc)
        .all(db)
        .await?
        .into_iter()
        .map(Activity::from)
        .collect())
}

/// One page of the trip's activities in day and position order, and how many it has in all.
pub async fn activities_page(
    db: &impl ConnectionTrait,
    owner: Uuid,
    trip_id: &str,
    page: u64,
    page_size: u64,
) -> Result<(Trip, Vec<Activity>, u64), ItineraryError> {
    let trip = crate::trips::service::find(db, owner, trip_id).await?;
    let id = parse_id(&trip.id)?;
    let in_trip = activities::Entity::find()
        .filter(activities::Column::TripId.eq(id))
        .filter(in_owners_trips(owner));
    let total = in_trip.clone().count(db).await?;
    let activities = in_trip
        .order_by(activities::Column::Day, Order::Asc)
        .order_by(activities::Column::Position, Order::Asc)
        .offset(page.saturating_sub(1).saturating_mul(page_size))
        .limit(page_size)
        .all(db)
        .await?
        .into_iter()
        .map(Activity::from)
        .collect();
    Ok((trip, activities, total))
}

/// One of the owner's activities, with its trip.
pub async fn find(
    db: &impl ConnectionTrait,
    owner: Uuid,
    activity_id: &str,
) -> Result<(Trip, Activity), ItineraryError> {
    let id = parse_id(activity_id)?;
    let activity = activities::Entity::find_by_id(id)
        .filter(in_owners_trips(owner))
        .one(db)
        .await?
        .ok_or(ItineraryError::NotFound)?;
    let trip = crate::trips::service::find(db, owner, &activity.trip_id.to_string()).await?;
    Ok((trip, activity.into()))
}

/// Claims the owner's trip for this transaction (see the module comment) and returns it. Every
/// change to activities comes through here, so this is where the trip's revision is bumped.
async fn lock_trip(
    txn: &impl ConnectionTrait,
    owner: Uuid,
    trip_id: Uuid,
) -> Result<Trip, ItineraryError> {
    let touched = trips::Entity::update_many()
        .col_expr(trips::Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(
            trips::Column::Revision,
            Expr::col(trips::Column::Revision).add(1),
        )
        .filter(trips::Column::Id.eq(trip_id))
        .filter(trips::Column::OwnerId.eq(owner))
        .exec(txn)
        .await?;
    if touched.rows_affected == 0 {
        return Err(ItineraryError::NotFound);
    }
    Ok(crate::trips::service::find(txn, owner, &trip_id.to_string()).await?)
}

/// The trip that owns `activity_id`, if the owner's (activities never change trips).
async fn trip_of(
    db: &impl ConnectionTrait,
    owner: Uuid,
    activity_id: Uuid,
) -> Result<Uuid, ItineraryError> {
    activities::Entity::find_by_id(activity_id)
        .filter(in_owners_trips(owner))
        .select_only()
        .column(activities::Column::TripId)
        .into_tuple::<Uuid>()
        .one(db)
        .await?
        .ok_or(ItineraryError::NotFound)
}

/// A day's activities in position order.
async fn day_of(
    txn: &impl ConnectionTrait,
    trip_id: Uuid,
    day: NaiveDate,
) -> Result<Vec<Activity>, DbErr> {
    Ok(activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip_id))
        .filter(activities::Column::Day.eq(day))
        .order_by(activities::Column::Position, Order::Asc)
        .all(txn)
        .await?
        .into_iter()
        .map(Activity::from)
        .collect())
}

/// Moves the activities at `from` and after one place, `by` +1 (making room) or −1 (closing a
/// gap).
async fn shift_positions(
    txn: &impl ConnectionTrait,
    trip_id: Uuid,
    day: NaiveDate,
    from: i32,
    by: i32,
) -> Result<(), DbErr> {
    activities::Entity::update_many()
        .col_expr(
            activities::Column::Position,
            Expr::col(activities::Column::Position).add(by),
        )
        .filter(activities::Column::TripId.eq(trip_id))
        .filter(activities::Column::Day.eq(day))
        .filter(activities::Column::Position.gte(from))
        .exec(txn)
        .await?;
    Ok(())
}

/// Refuses a new activity on `day` when the trip or the day is full (checked under the trip's
/// lock, so concurrent additions are counted one after the other). `moving` is an activity
/// already in the trip that is moving to `day`: it does not add to the trip.
async fn check_room(
    txn: &impl ConnectionTrait,
    trip_id: Uuid,
    day: NaiveDate,
    moving: bool,
    input: &ActivityInput,
) -> Result<(), ItineraryError> {
    let in_trip = activities::Entity::find().filter(activities::Column::TripId.eq(trip_id));
    if !moving && in_trip.clone().count(txn).await? >= ACTIVITIES_PER_TRIP_MAX {
        return Err(ItineraryError::Invalid(
            FormErrors::with_form(TRIP_FULL).keeping(&input.fields()),
        ));
    }
    if in_trip
        .filter(activities::Column::Day.eq(day))
        .count(txn)
        .await?
        >= ACTIVITIES_PER_DAY_MAX
    {
        let mut errors = FormErrors::default();
        errors.add("day", DAY_FULL);
        return Err(ItineraryError::Invalid(errors.keeping(&input.fields())));
    }
    Ok(())
}

/// Where an activity starting at `start` goes on `day` (by time; untimed ones last).
async fn slot(
    txn: &impl ConnectionTrait,
    trip_id: Uuid,
    day: NaiveDate,
    start: Option<chrono::NaiveTime>,
) -> Result<i32, DbErr> {
    let activities = day_of(txn, trip_id, day).await?;
    let refs: Vec<&Activity> = activities.iter().collect();
    Ok(i32::try_from(slot_for(&refs, start)).unwrap_or(i32::MAX))
}

#[tracing::instrument(skip_all, fields(user_id = %owner))]
pub async fn create(
    db: &DatabaseConnection,
    owner: Uuid,
    trip_id: &str,
    input: &ActivityInput,
) -> Result<Activity, ItineraryError> {
    let trip_id = parse_id(trip_id)?;
    let txn = db.begin().await?;
    let trip = lock_trip(&txn, owner, trip_id).await?;
    let valid = input.validate(&trip).map_err(ItineraryError::Invalid)?;
    check_room(&txn, trip_id, valid.day, false, input).await?;
    let position = slot(&txn, trip_id, valid.day, valid.start_time).await?;
    shift_positions(&txn, trip_id, valid.day, position, 1).await?;
    let now = Utc::now();
    let created = activities::ActiveModel {
        id: Set(Uuid::now_v7()),
        trip_id: Set(trip_id),
        day: Set(valid.day),
        start_time: Set(valid.start_time),
        end_time: Set(valid.end_time),
        ends_next_day: Set(valid.ends_next_day),
        title: Set(valid.title),
        location: Set(valid.location),
        description: Set(valid.description),
        category: Set(valid.category.as_str().to_string()),
        cost_minor: Set(valid.cost_minor),
        position: Set(position),
        latitude: Set(valid.latitude),
        longitude: Set(valid.longitude),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(activity_id = %created.id, "activity created");
    Ok(created.into())
}

#[tracing::instrument(skip_all, fields(user_id = %owner))]
pub async fn update(
    db: &DatabaseConnection,
    owner: Uuid,
    activity_id: &str,
    input: &ActivityInput,
) -> Result<Activity, ItineraryError> {
    let id = parse_id(activity_id)?;
    let trip_id = trip_of(db, owner, id).await?;
    let txn = db.begin().await?;
    let trip = lock_trip(&txn, owner, trip_id).await?;
    let valid = input.validate(&trip).map_err(ItineraryError::Invalid)?;
    let current = activities::Entity::find_by_id(id)
        .filter(activities::Column::TripId.eq(trip_id))
        .one(&txn)
        .await?
        .ok_or(ItineraryError::NotFound)?;
    if valid.day != current.day {
        check_room(&txn, trip_id, valid.day, true, input).await?;
    }
    let mut position = current.position;
    // A new day or a new start time re-slots the activity; otherwise the hand-made order stays.
    if valid.day != current.day || valid.start_time != current.start_time {
        shift_positions(&txn, trip_id, current.day, current.position + 1, -1).await?;
        // Out of the way while the day is re-read.
        activities::Entity::update_many()
            .col_expr(activities::Column::Position, Expr::value(-1))
            .filter(activities::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        let others: Vec<Activity> = day_of(&txn, trip_id, valid.day)
            .await?
            .into_iter()
            .filter(|a| a.id != current.id.to_string())
            .collect();
        let refs: Vec<&Activity> = others.iter().collect();
        position = i32::try_from(slot_for(&refs, valid.start_time)).unwrap_or(i32::MAX);
        shift_positions(&txn, trip_id, valid.day, position, 1).await?;
    }
    let mut active: activities::ActiveModel = current.into();
    active.day = Set(valid.day);
    active.start_time = Set(valid.start_time);
    active.end_time = Set(valid.end_time);
    active.ends_next_day = Set(valid.ends_next_day);
    active.title = Set(valid.title);
    active.location = Set(valid.location);
    active.description = Set(valid.description);
    active.category = Set(valid.category.as_str().to_string());
    active.cost_minor = Set(valid.cost_minor);
    active.position = Set(position);
    active.latitude = Set(valid.latitude);
    active.longitude = Set(valid.longitude);
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    txn.commit().await?;
    tracing::info!(activity_id = %id, "activity updated");
    Ok(updated.into())
}

#[tracing::instrument(skip_all, fields(user_id = %owner))]
pub async fn delete(
    db: &DatabaseConnection,
    owner: Uuid,
    activity_id: &str,
) -> Result<Uuid, ItineraryError> {
    let id = parse_id(activity_id)?;
    let trip_id = trip_of(db, owner, id).await?;
    let txn = db.begin().await?;
    lock_trip(&txn, owner, trip_id).await?;
    let current = activities::Entity::find_by_id(id)
        .filter(activities::Column::TripId.eq(trip_id))
        .one(&txn)
        .await?
        .ok_or(ItineraryError::NotFound)?;
    activities::Entity::delete_by_id(id).exec(&txn).await?;
    shift_positions(&txn, trip_id, current.day, current.position + 1, -1).await?;
    txn.commit().await?;
    tracing::info!(activity_id = %id, "activity deleted");
    Ok(trip_id)
}

/// Which way to move an activity within its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Swaps the activity with its neighbour above or below; at the edge it stays.
#[tracing::instrument(skip_all, fields(user_id = %owner))]
pub async fn move_within_day(
    db: &DatabaseConnection,
    owner: Uuid,
    activity_id: &str,
    direction: Direction,
) -> Result<Activity, ItineraryError> {
    let id = parse_id(activity_id)?;
    let trip_id = trip_of(db, owner, id).await?;
    let txn = db.begin().await?;
    lock_trip(&txn, owner, trip_id).await?;
    let current = activities::Entity::find_by_id(id)
        .filter(activities::Column::TripId.eq(trip_id))
        .one(&txn)
        .await?
        .ok_or(ItineraryError::NotFound)?;
    let target = match direction {
        Direction::Up => current.position - 1,
        Direction::Down => current.position + 1,
    };
    let neighbour = activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip_id))
        .filter(activities::Column::Day.eq(current.day))
        .filter(activities::Column::Position.eq(target))
        .one(&txn)
        .await?;
    let moved = if let Some(neighbour) = neighbour {
        let mut other: activities::ActiveModel = neighbour.into();
        other.position = Set(current.position);
        other.update(&txn).await?;
        let mut active: activities::ActiveModel = current.into();
        active.position = Set(target);
        active.updated_at = Set(Utc::now());
        active.update(&txn).await?
    } else {
        current
    };
    txn.commit().await?;
    Ok(moved.into())
}
