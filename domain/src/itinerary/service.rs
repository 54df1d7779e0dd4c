//! Activities in the database. An activity is reached only through a trip the actor may reach:
//! every statement is scoped by it (directly, or through `trip_id IN (the actor's trips)`).
//! Changes run in a transaction that first writes the trip row (its `updated_at`, and its
//! `revision`, which tells the trip page's render cache the plan changed). Both databases
//! serialize on that write — so concurrent edits of one trip's plan never lose or duplicate a
//! position, and SQLite takes its write lock up front instead of failing to upgrade a read.

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IdenStatic, Iterable,
    JoinType, Order, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, RelationDef,
    TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::model::{
    ACTIVITIES_PER_DAY_MAX, ACTIVITIES_PER_TRIP_MAX, Activity, ActivityDraft, Category, DAY_FULL,
    NewActivity, TRIP_FULL, slot_for,
};
use crate::{
    access::{Actor, Right, Role},
    entities::{activities, trips},
    error::FormErrors,
    history::{self, Change, Kind},
    ids::{ActivityId, TripId},
    live, search,
    trips::{model::Trip, service::TripError},
};

impl From<activities::Model> for Activity {
    fn from(a: activities::Model) -> Self {
        Self {
            id: a.id.into(),
            day: a.day,
            start_time: a.start_time,
            end_time: a.end_time,
            ends_next_day: a.ends_next_day,
            title: a.title,
            location: a.location,
            description: a.description,
            category: a.category.parse().unwrap_or(Category::Other),
            cost_minor: a.cost_minor,
            position: a.position,
            latitude: a.latitude,
            longitude: a.longitude,
            version: a.version,
            place_name: a.place_name,
            place_address: a.place_address,
            place_ref: a.place_ref,
        }
    }
}

/// The activity's trip is one the actor may read (one membership look-up per activity: for
/// statements that pick activities by id).
fn in_actors_trips(actor: &Actor) -> sea_orm::sea_query::SimpleExpr {
    actor.may(activities::Column::TripId, Right::Read)
}

/// The actor's trip and all its activities: two statements, however many activities.
pub async fn trip_with_activities(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip_id: TripId,
) -> Result<(Trip, Vec<Activity>), TripError> {
    let trip = crate::trips::service::find(db, actor, trip_id).await?;
    let activities = activities_of(db, actor, &trip).await?;
    Ok((trip, activities))
}

/// The actor's trip, their role in it, and the activities of one of its days, in position
/// order: two statements, however long the trip. A day's plan (its cost, warnings, order)
/// depends on that day's activities alone, so the day page reads no other day's.
pub async fn trip_with_day(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip_id: TripId,
    day: NaiveDate,
) -> Result<(Trip, Vec<Activity>, Role), TripError> {
    let (trip, role) = crate::trips::service::find_with_role(db, actor, trip_id).await?;
    let statement = day_statement(db.get_database_backend(), actor.user(), trip.id, day);
    let activities = db
        .query_all_raw(statement)
        .await?
        .iter()
        .map(|row| activity_by_position(row, 0).map(Activity::from))
        .collect::<Result<_, DbErr>>()?;
    Ok((trip, activities, role))
}

/// The SQL of [`trip_with_day`]'s activities, built once per backend.
static DAY: crate::reuse::Reused = crate::reuse::Reused::new();

/// The statement reading the activities of [`trip_with_day`] for `backend`, its SQL built once
/// (`crate::reuse`).
fn day_statement(
    backend: sea_orm::DbBackend,
    user: crate::ids::UserId,
    trip: TripId,
    day: NaiveDate,
) -> sea_orm::Statement {
    DAY.statement(
        backend,
        (user, trip, day),
        || {
            (
                crate::reuse::stand_in(1),
                crate::reuse::stand_in(2),
                NaiveDate::MIN,
            )
        },
        |(user, trip, day)| day_select(&Actor::signed_in(user), trip, day),
    )
}

/// The activities of `trip` on `day` in position order, every column in the table's order.
fn day_select(actor: &Actor, trip: TripId, day: NaiveDate) -> sea_orm::sea_query::SelectStatement {
    activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip))
        .filter(activities::Column::Day.eq(day))
        .filter(actor.may_in(trip, Right::Read))
        .order_by(activities::Column::Position, Order::Asc)
        .into_query()
}

/// An activity from a row holding all its columns in the table's order from place `first` on
/// (as `Entity::find()` selects them, or [`with_role_select`] after its trip and role), each
/// read at its place: sea-orm's `FromQueryResult` looks every column up by name, some 600
/// instructions a column, 23 columns an activity.
fn activity_by_position(
    row: &sea_orm::QueryResult,
    first: usize,
) -> Result<activities::Model, DbErr> {
    use activities::Column as C;
    let at = |column: C| first + column as usize;
    Ok(activities::Model {
        id: row.try_get_by_index(at(C::Id))?,
        trip_id: row.try_get_by_index(at(C::TripId))?,
        day: row.try_get_by_index(at(C::Day))?,
        start_time: row.try_get_by_index(at(C::StartTime))?,
        end_time: row.try_get_by_index(at(C::EndTime))?,
        ends_next_day: row.try_get_by_index(at(C::EndsNextDay))?,
        title: row.try_get_by_index(at(C::Title))?,
        location: row.try_get_by_index(at(C::Location))?,
        description: row.try_get_by_index(at(C::Description))?,
        category: row.try_get_by_index(at(C::Category))?,
        cost_minor: row.try_get_by_index(at(C::CostMinor))?,
        position: row.try_get_by_index(at(C::Position))?,
        latitude: row.try_get_by_index(at(C::Latitude))?,
        longitude: row.try_get_by_index(at(C::Longitude))?,
        place_name: row.try_get_by_index(at(C::PlaceName))?,
        place_address: row.try_get_by_index(at(C::PlaceAddress))?,
        place_ref: row.try_get_by_index(at(C::PlaceRef))?,
        created_at: row.try_get_by_index(at(C::CreatedAt))?,
        updated_at: row.try_get_by_index(at(C::UpdatedAt))?,
        version: row.try_get_by_index(at(C::Version))?,
        calendar_sequence: row.try_get_by_index(at(C::CalendarSequence))?,
        search_text: row.try_get_by_index(at(C::SearchText))?,
    })
}

/// All of the trip's activities in day and position order (none unless the actor may reach it).
pub async fn activities_of(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip: &Trip,
) -> Result<Vec<Activity>, TripError> {
    Ok(activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip.id))
        .filter(actor.may_in(trip.id, Right::Read))
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
    actor: &Actor,
    trip_id: TripId,
    page: u64,
    page_size: u64,
) -> Result<(Trip, Vec<Activity>, u64), TripError> {
    let trip = crate::trips::service::find(db, actor, trip_id).await?;
    let in_trip = activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip.id))
        .filter(actor.may_in(trip.id, Right::Read));
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

/// One of the actor's activities, with its trip.
pub async fn find(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ActivityId,
) -> Result<(Trip, Activity), TripError> {
    let (trip, activity, _) = find_with_role(db, actor, id).await?;
    Ok((trip, activity))
}

/// [`find`], with the actor's role in the trip: one statement (the trip as the actor's trips
/// list reads it, joined to the activity, whose columns come back prefixed `activity_`).
///
/// # Errors
/// As [`find`].
pub async fn find_with_role(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ActivityId,
) -> Result<(Trip, Activity, Role), TripError> {
    let statement = with_role_statement(db.get_database_backend(), actor.user(), id);
    let row = db
        .query_one_raw(statement)
        .await?
        .ok_or(TripError::NotFound)?;
    let (trip, role) = crate::trips::service::trip_and_role(&row)?;
    let activity = activity_by_position(&row, crate::trips::service::ROLE_AT + 1)?;
    Ok((trip.into(), activity.into(), role))
}

/// The SQL of [`find_with_role`]'s statement, built once per backend.
static WITH_ROLE: crate::reuse::Reused = crate::reuse::Reused::new();

/// The statement of [`find_with_role`] for `backend`, its SQL built once (`crate::reuse`).
fn with_role_statement(
    backend: sea_orm::DbBackend,
    user: crate::ids::UserId,
    id: ActivityId,
) -> sea_orm::Statement {
    WITH_ROLE.statement(
        backend,
        (user, id),
        || (crate::reuse::stand_in(1), crate::reuse::stand_in(2)),
        |(user, id)| with_role_select(&Actor::signed_in(user), id),
    )
}

/// The activity `id` with its trip and the actor's role in it.
fn with_role_select(actor: &Actor, id: ActivityId) -> sea_orm::sea_query::SelectStatement {
    let planned_in: RelationDef = activities::Entity::belongs_to(trips::Entity)
        .from(activities::Column::TripId)
        .to(trips::Column::Id)
        .into();
    let mut select = crate::trips::service::listed_with_role(actor)
        .join(JoinType::InnerJoin, planned_in.rev())
        .filter(activities::Column::Id.eq(id.uuid()));
    for column in activities::Column::iter() {
        select = select.column_as(
            Expr::col((activities::Entity, column)),
            format!("{ACTIVITY_PREFIX}{}", column.as_str()),
        );
    }
    select.into_query()
}

/// The prefix of the activity's columns where a statement reads them beside its trip's.
const ACTIVITY_PREFIX: &str = "activity_";

/// Claims the trip for this transaction (see the module comment) and returns it. Every
/// change to activities comes through here, so this is where the trip's revision is bumped.
async fn lock_trip(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    trip_id: TripId,
) -> Result<Trip, TripError> {
    let touched = trips::Entity::update_many()
        .col_expr(trips::Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(
            trips::Column::Revision,
            Expr::col(trips::Column::Revision).add(1),
        )
        .filter(trips::Column::Id.eq(trip_id))
        .filter(actor.may_in(trip_id, Right::EditPlan))
        .exec(txn)
        .await?;
    if touched.rows_affected == 0 {
        return Err(actor
            .refused(txn, trip_id, Right::EditPlan, TripError::NotFound)
            .await);
    }
    crate::trips::service::find(txn, actor, trip_id).await
}

/// The trip of `activity_id`, if the actor may reach it (activities never change trips).
async fn trip_of(
    db: &impl ConnectionTrait,
    actor: &Actor,
    activity_id: ActivityId,
) -> Result<TripId, TripError> {
    activities::Entity::find_by_id(activity_id.uuid())
        .filter(in_actors_trips(actor))
        .select_only()
        .column(activities::Column::TripId)
        .into_tuple::<Uuid>()
        .one(db)
        .await?
        .map(TripId::from)
        .ok_or(TripError::NotFound)
}

/// A day's activities in position order.
async fn day_of(
    txn: &impl ConnectionTrait,
    trip_id: TripId,
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
    trip_id: TripId,
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
    trip_id: TripId,
    day: NaiveDate,
    moving: bool,
) -> Result<(), TripError> {
    let in_trip = activities::Entity::find().filter(activities::Column::TripId.eq(trip_id));
    if !moving && in_trip.clone().count(txn).await? >= ACTIVITIES_PER_TRIP_MAX {
        return Err(TripError::Invalid(FormErrors::with_form(TRIP_FULL)));
    }
    if in_trip
        .filter(activities::Column::Day.eq(day))
        .count(txn)
        .await?
        >= ACTIVITIES_PER_DAY_MAX
    {
        let mut errors = FormErrors::default();
        errors.add("day", DAY_FULL);
        return Err(TripError::Invalid(errors));
    }
    Ok(())
}

/// The activity as it is now, under the trip's lock — refused as [`TripError::Stale`] when it
/// is no longer at `if_version`.
async fn current(
    txn: &impl ConnectionTrait,
    trip_id: TripId,
    id: ActivityId,
    if_version: Option<i64>,
) -> Result<activities::Model, TripError> {
    let current = activities::Entity::find_by_id(id.uuid())
        .filter(activities::Column::TripId.eq(trip_id))
        .one(txn)
        .await?
        .ok_or(TripError::NotFound)?;
    match if_version {
        Some(version) if version != current.version => Err(TripError::Stale),
        _ => Ok(current),
    }
}

/// Where an activity starting at `start` goes on `day` (by time; untimed ones last).
async fn slot(
    txn: &impl ConnectionTrait,
    trip_id: TripId,
    day: NaiveDate,
    start: Option<chrono::NaiveTime>,
) -> Result<i32, DbErr> {
    let activities = day_of(txn, trip_id, day).await?;
    let refs: Vec<&Activity> = activities.iter().collect();
    Ok(i32::try_from(slot_for(&refs, start)).unwrap_or(i32::MAX))
}

/// Why `draft` cannot be added to (or saved in) the trip: every problem, including those that
/// depend on the trip (its days, its currency). For a draft whose [`ActivityDraft::validate`]
/// failed, so the form hears of all its problems at once.
pub async fn explain(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip_id: TripId,
    draft: &ActivityDraft,
) -> TripError {
    if let Err(error) = actor.check(db, trip_id, Right::EditPlan).await {
        return error;
    }
    match crate::trips::service::find(db, actor, trip_id).await {
        Ok(trip) => TripError::Invalid(draft.problems_for(&trip)),
        Err(error) => error,
    }
}

/// [`explain`] for a draft of an existing activity.
pub async fn explain_change(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ActivityId,
    draft: &ActivityDraft,
) -> TripError {
    match trip_of(db, actor, id).await {
        Ok(trip_id) => explain(db, actor, trip_id, draft).await,
        Err(error) => error,
    }
}

/// The row of a new activity of the trip at `position` of its day.
fn new_row(
    trip_id: TripId,
    activity: NewActivity,
    cost_minor: i64,
    position: i32,
    now: chrono::DateTime<Utc>,
) -> activities::ActiveModel {
    let place = activity.place.unwrap_or_default();
    let search_text = search::activity_text(&activity.title, &activity.location, &place.name);
    activities::ActiveModel {
        id: Set(ActivityId::new().uuid()),
        trip_id: Set(trip_id.uuid()),
        day: Set(activity.day),
        start_time: Set(activity.start_time),
        end_time: Set(activity.end_time),
        ends_next_day: Set(activity.ends_next_day),
        title: Set(activity.title),
        location: Set(activity.location),
        description: Set(activity.description),
        category: Set(<&str>::from(activity.category).to_string()),
        cost_minor: Set(cost_minor),
        position: Set(position),
        latitude: Set(activity.latitude),
        longitude: Set(activity.longitude),
        place_name: Set(place.name),
        place_address: Set(place.address),
        place_ref: Set(place.place_ref),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        calendar_sequence: Set(0),
        search_text: Set(search_text),
    }
}

/// Adds an activity to the trip, in its day's order by start time.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn create(
    db: &(impl TransactionTrait + ConnectionTrait),
    actor: &Actor,
    trip_id: TripId,
    activity: NewActivity,
) -> Result<Activity, TripError> {
    let txn = db.begin().await?;
    let trip = lock_trip(&txn, actor, trip_id).await?;
    let cost_minor = activity.check_against(&trip).map_err(TripError::Invalid)?;
    check_room(&txn, trip_id, activity.day, false).await?;
    let position = slot(&txn, trip_id, activity.day, activity.start_time).await?;
    shift_positions(&txn, trip_id, activity.day, position, 1).await?;
    let created = new_row(trip_id, activity, cost_minor, position, Utc::now())
        .insert(&txn)
        .await?;
    let change = history::record(
        &txn,
        trip_id,
        Some(created.id.into()),
        actor.user(),
        Kind::ActivityAdded,
        &created.title,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(activity_id = %created.id, "activity created");
    live::announce(db, trip_id, change).await;
    Ok(created.into())
}

/// Adds activities to the trip in the order given, each after those its day already has (an
/// import: the file's order is the plan's). One transaction: all of them or none.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn append(
    db: &impl TransactionTrait,
    actor: &Actor,
    trip_id: TripId,
    activities: Vec<NewActivity>,
) -> Result<usize, TripError> {
    let txn = db.begin().await?;
    let trip = lock_trip(&txn, actor, trip_id).await?;
    let now = Utc::now();
    let count = activities.len();
    for activity in activities {
        let cost_minor = activity.check_against(&trip).map_err(TripError::Invalid)?;
        check_room(&txn, trip_id, activity.day, false).await?;
        let position =
            i32::try_from(day_of(&txn, trip_id, activity.day).await?.len()).unwrap_or(i32::MAX);
        new_row(trip_id, activity, cost_minor, position, now)
            .insert(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(count)
}

/// Replaces an activity — if it is still at `if_version`, when that is given. A new day or a
/// new start time places it anew among the day's; else its hand-made place stays.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ActivityId,
    activity: NewActivity,
    if_version: Option<i64>,
) -> Result<Activity, TripError> {
    let trip_id = trip_of(db, actor, id).await?;
    let txn = db.begin().await?;
    let trip = lock_trip(&txn, actor, trip_id).await?;
    let current = current(&txn, trip_id, id, if_version).await?;
    let cost_minor = activity.check_against(&trip).map_err(TripError::Invalid)?;
    if activity.day != current.day {
        check_room(&txn, trip_id, activity.day, true).await?;
    }
    let mut position = current.position;
    if activity.day != current.day || activity.start_time != current.start_time {
        shift_positions(&txn, trip_id, current.day, current.position + 1, -1).await?;
        // Out of the way while the day is re-read.
        activities::Entity::update_many()
            .col_expr(activities::Column::Position, Expr::value(-1))
            .filter(activities::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        let others: Vec<Activity> = day_of(&txn, trip_id, activity.day)
            .await?
            .into_iter()
            .filter(|a| a.id != id)
            .collect();
        let refs: Vec<&Activity> = others.iter().collect();
        position = i32::try_from(slot_for(&refs, activity.start_time)).unwrap_or(i32::MAX);
        shift_positions(&txn, trip_id, activity.day, position, 1).await?;
    }
    // Calendar apps take a changed event only when its sequence grew.
    let moved_in_time_or_place = activity.day != current.day
        || activity.start_time != current.start_time
        || activity.end_time != current.end_time
        || activity.ends_next_day != current.ends_next_day
        || activity.location != current.location
        || activity.latitude != current.latitude
        || activity.longitude != current.longitude;
    let sequence = current.calendar_sequence + i32::from(moved_in_time_or_place);
    let mut active: activities::ActiveModel = current.into();
    active.calendar_sequence = Set(sequence);
    active.day = Set(activity.day);
    active.start_time = Set(activity.start_time);
    active.end_time = Set(activity.end_time);
    active.ends_next_day = Set(activity.ends_next_day);
    active.title = Set(activity.title.clone());
    active.location = Set(activity.location.clone());
    active.description = Set(activity.description);
    active.category = Set(<&str>::from(activity.category).to_string());
    active.cost_minor = Set(cost_minor);
    active.position = Set(position);
    active.latitude = Set(activity.latitude);
    active.longitude = Set(activity.longitude);
    active.version = Set(active.version.as_ref() + 1);
    let place = activity.place.unwrap_or_default();
    active.search_text = Set(search::activity_text(
        &activity.title,
        &activity.location,
        &place.name,
    ));
    active.place_name = Set(place.name);
    active.place_address = Set(place.address);
    active.place_ref = Set(place.place_ref);
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    let change = history::record(
        &txn,
        trip_id,
        Some(id),
        actor.user(),
        Kind::ActivityEdited,
        &updated.title,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(activity_id = %id, "activity updated");
    live::announce(db, trip_id, change).await;
    Ok(updated.into())
}

/// Deletes an activity — if it is still at `if_version`, when that is given; returns its trip.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ActivityId,
    if_version: Option<i64>,
) -> Result<TripId, TripError> {
    let trip_id = trip_of(db, actor, id).await?;
    let txn = db.begin().await?;
    lock_trip(&txn, actor, trip_id).await?;
    let current = current(&txn, trip_id, id, if_version).await?;
    activities::Entity::delete_by_id(id.uuid())
        .exec(&txn)
        .await?;
    shift_positions(&txn, trip_id, current.day, current.position + 1, -1).await?;
    let change = history::record(
        &txn,
        trip_id,
        Some(id),
        actor.user(),
        Kind::ActivityDeleted,
        &current.title,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(activity_id = %id, "activity deleted");
    live::announce(db, trip_id, change).await;
    Ok(trip_id)
}

/// Which way to move an activity within its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// Swaps the activity with its neighbour above or below; at the edge it stays.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn move_within_day(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ActivityId,
    direction: Direction,
) -> Result<Activity, TripError> {
    let trip_id = trip_of(db, actor, id).await?;
    let txn = db.begin().await?;
    lock_trip(&txn, actor, trip_id).await?;
    let current = current(&txn, trip_id, id, None).await?;
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
        active.version = Set(active.version.as_ref() + 1);
        active.updated_at = Set(Utc::now());
        active.update(&txn).await?
    } else {
        current
    };
    let change = moved_change(&txn, actor, trip_id, &moved).await?;
    txn.commit().await?;
    live::announce(db, trip_id, change).await;
    Ok(moved.into())
}

/// Moves the activity to `day` (a day of its trip) at `position` among that day's activities,
/// counted from 0 without it; a position past the end puts it last. Its times stay: this is
/// the hand-made order, which a later change of its start time replaces. Refused as
/// [`TripError::Stale`] when the activity is no longer at `if_version`.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn move_to(
    db: &DatabaseConnection,
    actor: &Actor,
    id: ActivityId,
    day: NaiveDate,
    position: u32,
    if_version: Option<i64>,
) -> Result<Activity, TripError> {
    let trip_id = trip_of(db, actor, id).await?;
    let txn = db.begin().await?;
    let trip = lock_trip(&txn, actor, trip_id).await?;
    let current = current(&txn, trip_id, id, if_version).await?;
    if day < trip.start_date || day > trip.end_date {
        let mut errors = FormErrors::default();
        errors.add("day", "Choose a day within the trip.");
        return Err(TripError::Invalid(errors));
    }
    if day != current.day {
        check_room(&txn, trip_id, day, true).await?;
    }
    shift_positions(&txn, trip_id, current.day, current.position + 1, -1).await?;
    activities::Entity::update_many()
        .col_expr(activities::Column::Position, Expr::value(-1))
        .filter(activities::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let others = activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip_id))
        .filter(activities::Column::Day.eq(day))
        .filter(activities::Column::Id.ne(id))
        .count(&txn)
        .await?;
    let position = i32::try_from(std::cmp::min(u64::from(position), others)).unwrap_or(i32::MAX);
    shift_positions(&txn, trip_id, day, position, 1).await?;
    // Calendar apps take the event on its new day only when its sequence grew.
    let sequence = current.calendar_sequence + i32::from(day != current.day);
    let mut active: activities::ActiveModel = current.into();
    active.calendar_sequence = Set(sequence);
    active.day = Set(day);
    active.position = Set(position);
    active.version = Set(active.version.as_ref() + 1);
    active.updated_at = Set(Utc::now());
    let moved = active.update(&txn).await?;
    let change = moved_change(&txn, actor, trip_id, &moved).await?;
    txn.commit().await?;
    tracing::info!(activity_id = %id, "activity moved");
    live::announce(db, trip_id, change).await;
    Ok(moved.into())
}

async fn moved_change(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    trip_id: TripId,
    moved: &activities::Model,
) -> Result<Change, DbErr> {
    history::record(
        txn,
        trip_id,
        Some(moved.id.into()),
        actor.user(),
        Kind::ActivityMoved,
        &moved.title,
    )
    .await
}

#[cfg(test)]
mod tests {
    use sea_orm::{DbBackend, StatementBuilder};

    use sea_orm::Iterable;

    use super::{DAY, WITH_ROLE, day_select, day_statement, with_role_select, with_role_statement};
    use crate::{
        access::Actor,
        entities::activities,
        ids::{ActivityId, TripId, UserId},
    };

    #[test]
    fn the_day_statement_is_the_one_built_afresh() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for day in ["2027-03-04", "2031-12-31"] {
                let (user, trip) = (UserId::new(), TripId::new());
                let day = day.parse().unwrap_or_default();
                let fresh = StatementBuilder::build(
                    &day_select(&Actor::signed_in(user), trip, day),
                    &backend,
                );
                assert_eq!(day_statement(backend, user, trip, day), fresh);
            }
            assert!(DAY.reuses(backend), "{backend:?}");
        }
    }

    /// `activity_by_position` reads each column at `column as usize`: the place `find()`
    /// selects it at.
    #[test]
    fn columns_are_selected_in_their_declared_order() {
        for (place, column) in activities::Column::iter().enumerate() {
            assert_eq!(column as usize, place, "{column:?}");
        }
        let sql = StatementBuilder::build(
            &day_select(
                &Actor::signed_in(UserId::new()),
                TripId::new(),
                chrono::NaiveDate::MIN,
            ),
            &DbBackend::Sqlite,
        )
        .sql;
        let columns = crate::reuse::columns_of::<activities::Entity>();
        assert!(crate::reuse::selects_in_order(&sql, &columns), "{sql}");
    }

    /// `find_with_role` reads the trip's columns, the role, then the activity's, by position.
    #[test]
    fn the_activity_with_role_row_is_laid_out_as_it_is_read() {
        use crate::entities::{trip_members, trips};
        let sql = StatementBuilder::build(
            &with_role_select(&Actor::signed_in(UserId::new()), ActivityId::new()),
            &DbBackend::Sqlite,
        )
        .sql;
        let columns = [
            crate::reuse::columns_of::<trips::Entity>(),
            vec![(
                "trip_members",
                sea_orm::IdenStatic::as_str(&trip_members::Column::Role),
            )],
            crate::reuse::columns_of::<activities::Entity>(),
        ]
        .concat();
        assert!(crate::reuse::selects_in_order(&sql, &columns), "{sql}");
        assert_eq!(
            crate::trips::service::ROLE_AT,
            trips::Column::iter().count(),
            "the role right after the trip's columns"
        );
    }

    #[test]
    fn the_activity_with_role_statement_is_the_one_built_afresh() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for _ in 0..2 {
                let (user, activity) = (UserId::new(), ActivityId::new());
                let fresh = StatementBuilder::build(
                    &with_role_select(&Actor::signed_in(user), activity),
                    &backend,
                );
                assert_eq!(with_role_statement(backend, user, activity), fresh);
            }
            assert!(WITH_ROLE.reuses(backend), "{backend:?}");
        }
    }
}
