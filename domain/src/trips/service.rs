//! Trips in the database. Every query starts from the trips the actor is a member of, with the
//! right the operation needs ([`Actor::trip_where`], [`Actor::listed_trips`] for lists): another
//! traveler's trip is indistinguishable from one that does not exist, and a member whose role
//! does not allow a change is refused (`TripError::Forbidden`). Every change is recorded in the
//! trip's history in its own transaction and announced once committed (`crate::live`).

use std::str::FromStr;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, TransactionSession,
    TransactionTrait,
    sea_query::{Expr, ExprTrait, LikeExpr, Query},
};
use uuid::Uuid;

use super::model::{
    NewTrip, PAGE_SIZE, Sort, Status, TRIPS_FULL, TRIPS_MAX, Trip, TripCard, TripChanges,
    TripDefaults, TripList, TripQuery, Whose, days_between, format_date,
};
use crate::{
    access::{Actor, MemberDates, Right, Role},
    entities::{activities, trip_members, trips, users},
    error::FormErrors,
    history::{self, Kind},
    ids::{TripId, UserId},
    live, search,
};

/// How many past trips are shown under the upcoming ones.
const RECENT_PAST: u64 = 3;
const DEFAULT_CURRENCY: &str = "USD";
const DEFAULT_ZONE: &str = "UTC";

pub use crate::error::TripError;

impl From<trips::Model> for Trip {
    fn from(trip: trips::Model) -> Self {
        Self {
            id: trip.id.into(),
            name: trip.name,
            destination: trip.destination,
            start_date: trip.start_date,
            end_date: trip.end_date,
            time_zone: trip.time_zone,
            currency: trip.currency,
            budget_minor: trip.budget_minor,
            notes: trip.notes,
            version: trip.version,
            place_name: trip.place_name,
            place_address: trip.place_address,
            place_ref: trip.place_ref,
            latitude: trip.latitude,
            longitude: trip.longitude,
        }
    }
}

/// The columns a card needs (no notes).
#[derive(Debug)]
struct CardRow {
    id: Uuid,
    owner_id: Uuid,
    name: String,
    destination: String,
    start_date: NaiveDate,
    end_date: NaiveDate,
    currency: String,
    budget_minor: Option<i64>,
}

/// The cards for `rows`, with the viewer's role and the owner's name on the trips shared with
/// them: two statements for all of those, none when every trip is the viewer's own.
async fn cards(
    db: &impl ConnectionTrait,
    actor: &Actor,
    rows: Vec<CardRow>,
) -> Result<Vec<TripCard>, DbErr> {
    let me = actor.user().uuid();
    let shared: Vec<Uuid> = rows
        .iter()
        .filter(|row| row.owner_id != me)
        .map(|row| row.id)
        .collect();
    // (trip, role) and (owner, name) pairs.
    let mut roles: Vec<(Uuid, String)> = Vec::new();
    let mut owners: Vec<(Uuid, String)> = Vec::new();
    if !shared.is_empty() {
        roles = trip_members::Entity::find()
            .filter(trip_members::Column::TripId.is_in(shared))
            .filter(trip_members::Column::UserId.eq(me))
            .select_only()
            .columns([trip_members::Column::TripId, trip_members::Column::Role])
            .into_tuple()
            .all(db)
            .await?;
        let owner_ids: Vec<Uuid> = rows
            .iter()
            .filter(|row| row.owner_id != me)
            .map(|row| row.owner_id)
            .collect();
        owners = users::Entity::find()
            .filter(users::Column::Id.is_in(owner_ids))
            .select_only()
            .columns([users::Column::Id, users::Column::DisplayName])
            .into_tuple()
            .all(db)
            .await?;
    }
    let lookup = |pairs: &[(Uuid, String)], key: Uuid| {
        pairs
            .iter()
            .find(|(id, _)| *id == key)
            .map(|(_, value)| value.clone())
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            let (role, owner_name) = if row.owner_id == me {
                (Role::Owner, None)
            } else {
                (
                    lookup(&roles, row.id)
                        .and_then(|role| role.parse().ok())
                        .unwrap_or(Role::Viewer),
                    Some(lookup(&owners, row.owner_id).unwrap_or_default()),
                )
            };
            TripCard {
                role,
                owner_name,
                id: row.id.into(),
                name: row.name,
                destination: row.destination,
                start_date: row.start_date,
                end_date: row.end_date,
                currency: row.currency,
                budget_minor: row.budget_minor,
            }
        })
        .collect())
}

/// [`CardRow`]'s columns in order.
type CardColumns = (
    Uuid,
    Uuid,
    String,
    String,
    NaiveDate,
    NaiveDate,
    String,
    Option<i64>,
);

/// The rows of `select` a card needs, read by position: by name, each column of each row
/// costs a formatted key and a look-up.
async fn as_cards(
    db: &impl ConnectionTrait,
    select: Select<trips::Entity>,
) -> Result<Vec<CardRow>, DbErr> {
    let statement = card_columns(select).build(db.get_database_backend());
    read_cards(db, statement).await
}

/// The cards of a statement built from [`card_columns`].
async fn read_cards(
    db: &impl ConnectionTrait,
    statement: sea_orm::Statement,
) -> Result<Vec<CardRow>, DbErr> {
    use sea_orm::TryGetableMany;
    db.query_all_raw(statement)
        .await?
        .iter()
        .map(|row| Ok(CardColumns::try_get_many_by_index(row)?.into()))
        .collect()
}

/// `select` reading the columns a card needs, in [`CardColumns`]' order.
fn card_columns(select: Select<trips::Entity>) -> Select<trips::Entity> {
    use trips::Column as C;
    select.select_only().columns([
        C::Id,
        C::OwnerId,
        C::Name,
        C::Destination,
        C::StartDate,
        C::EndDate,
        C::Currency,
        C::BudgetMinor,
    ])
}

impl From<CardColumns> for CardRow {
    fn from(
        (id, owner_id, name, destination, start_date, end_date, currency, budget_minor): CardColumns,
    ) -> Self {
        Self {
            id,
            owner_id,
            name,
            destination,
            start_date,
            end_date,
            currency,
            budget_minor,
        }
    }
}

/// Creates a trip for `owner`, unless they already hold [`TRIPS_MAX`]. The count and the insert
/// are one transaction that first writes the owner's row, so concurrent creations are counted
/// one after the other on both databases.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn create(
    db: &impl TransactionTrait,
    actor: &Actor,
    trip: NewTrip,
) -> Result<trips::Model, TripError> {
    let owner = actor.user().uuid();
    let txn = db.begin().await?;
    users::Entity::update_many()
        .col_expr(
            users::Column::UpdatedAt,
            Expr::col(users::Column::UpdatedAt),
        )
        .filter(users::Column::Id.eq(owner))
        .exec(&txn)
        .await?;
    let owned = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(owner))
        .count(&txn)
        .await?;
    if owned >= TRIPS_MAX {
        return Err(TripError::Invalid(FormErrors::with_form(TRIPS_FULL)));
    }
    let now = Utc::now();
    let place = trip.place.unwrap_or_default();
    let search_text = search::trip_text(&trip.name, &trip.destination, &place.name);
    let created = trips::ActiveModel {
        id: Set(Uuid::now_v7()),
        owner_id: Set(owner),
        name: Set(trip.name),
        destination: Set(trip.destination),
        start_date: Set(trip.start_date),
        end_date: Set(trip.end_date),
        time_zone: Set(trip.time_zone),
        budget_minor: Set(trip.budget_minor),
        currency: Set(trip.currency),
        notes: Set(trip.notes),
        place_name: Set(place.name),
        place_address: Set(place.address),
        place_ref: Set(place.place_ref),
        latitude: Set(trip.latitude),
        longitude: Set(trip.longitude),
        created_at: Set(now),
        updated_at: Set(now),
        revision: Set(0),
        version: Set(1),
        calendar_sequence: Set(0),
        search_text: Set(search_text),
    }
    .insert(&txn)
    .await?;
    trip_members::ActiveModel {
        trip_id: Set(created.id),
        user_id: Set(owner),
        role: Set(<&str>::from(Role::Owner).to_string()),
        joined_at: Set(now),
    }
    .insert(&txn)
    .await?;
    history::record(
        &txn,
        created.id.into(),
        None,
        actor.user(),
        Kind::TripCreated,
        &created.name,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(trip_id = %created.id, "trip created");
    Ok(created)
}

/// Replaces the trip's details. When the first day moves and the changes ask for it, every
/// activity moves by the same number of days; activities that would end up outside the trip
/// make the change fail with a message naming them (nothing is lost quietly).
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: TripId,
    changes: TripChanges,
) -> Result<TripId, TripError> {
    let TripChanges {
        details: trip,
        shift_activities,
        if_version,
    } = changes;
    let before = actor
        .trip_where(id, Right::EditDetails)
        .one(db)
        .await?
        .ok_or(TripError::NotFound);
    let before = match before {
        Ok(before) => before,
        Err(error) => return Err(actor.refused(db, id, Right::EditDetails, error).await),
    };
    let (start, end) = (trip.start_date, trip.end_date);
    let name = trip.name.clone();
    let place = trip.place.unwrap_or_default();
    // Calendar apps take a changed event only when its sequence grew: the trip's own when its
    // dates or place change, every activity's when the zone (and so each instant) changes.
    let zone_changed = before.time_zone != trip.time_zone;
    let trip_moved = before.start_date != start
        || before.end_date != end
        || before.destination != trip.destination
        || zone_changed;
    let search_text = search::trip_text(&trip.name, &trip.destination, &place.name);
    let details = trips::ActiveModel {
        search_text: Set(search_text),
        name: Set(trip.name),
        destination: Set(trip.destination),
        start_date: Set(start),
        end_date: Set(end),
        time_zone: Set(trip.time_zone),
        budget_minor: Set(trip.budget_minor),
        currency: Set(trip.currency),
        notes: Set(trip.notes),
        place_name: Set(place.name),
        place_address: Set(place.address),
        place_ref: Set(place.place_ref),
        latitude: Set(trip.latitude),
        longitude: Set(trip.longitude),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    let txn = db.begin().await?;
    // The write comes first, so SQLite takes its write lock at once.
    let mut write = trips::Entity::update_many()
        .set(details)
        .col_expr(
            trips::Column::Revision,
            Expr::col(trips::Column::Revision).add(1),
        )
        .col_expr(
            trips::Column::Version,
            Expr::col(trips::Column::Version).add(1),
        )
        .col_expr(
            trips::Column::CalendarSequence,
            Expr::col(trips::Column::CalendarSequence).add(i32::from(trip_moved)),
        )
        .filter(trips::Column::Id.eq(id))
        .filter(actor.may_in(id, Right::EditDetails));
    if let Some(version) = if_version {
        write = write.filter(trips::Column::Version.eq(version));
    }
    if write.exec(&txn).await?.rows_affected == 0 {
        // `before` was read, so the trip was there: gone, handed over, or changed since.
        let otherwise = if if_version.is_some() {
            TripError::Stale
        } else {
            TripError::NotFound
        };
        return Err(actor.refused(&txn, id, Right::EditDetails, otherwise).await);
    }
    let shift = days_between(before.start_date, start);
    if shift != 0 && shift_activities {
        shift_days(&txn, id.uuid(), shift).await?;
    } else if zone_changed {
        activities::Entity::update_many()
            .col_expr(
                activities::Column::CalendarSequence,
                Expr::col(activities::Column::CalendarSequence).add(1),
            )
            .filter(activities::Column::TripId.eq(id))
            .exec(&txn)
            .await?;
    }
    let outside: Vec<(String, NaiveDate)> = activities::Entity::find()
        .filter(activities::Column::TripId.eq(id))
        .filter(
            Condition::any()
                .add(activities::Column::Day.lt(start))
                .add(activities::Column::Day.gt(end)),
        )
        .select_only()
        .columns([activities::Column::Title, activities::Column::Day])
        .order_by(activities::Column::Day, Order::Asc)
        .limit(6)
        .into_tuple()
        .all(&txn)
        .await?;
    if !outside.is_empty() {
        return Err(TripError::Invalid(outside_message(&outside, end)));
    }
    let change = history::record(&txn, id, None, actor.user(), Kind::TripEdited, &name).await?;
    txn.commit().await?;
    tracing::info!(trip_id = %id, "trip updated");
    live::announce(db, id, change).await;
    Ok(id)
}

/// Moves every activity of the trip by `shift` days, a day at a time, in the order that never
/// moves one day onto another that is still to be moved.
async fn shift_days(txn: &impl ConnectionTrait, trip: Uuid, shift: i64) -> Result<(), DbErr> {
    let mut days: Vec<NaiveDate> = activities::Entity::find()
        .filter(activities::Column::TripId.eq(trip))
        .select_only()
        .column(activities::Column::Day)
        .distinct()
        .into_tuple()
        .all(txn)
        .await?;
    days.sort_unstable();
    if shift > 0 {
        days.reverse();
    }
    for day in days {
        let Some(moved) = day.checked_add_signed(chrono::TimeDelta::days(shift)) else {
            continue;
        };
        activities::Entity::update_many()
            .col_expr(activities::Column::Day, Expr::value(moved))
            .col_expr(
                activities::Column::Version,
                Expr::col(activities::Column::Version).add(1),
            )
            .col_expr(
                activities::Column::CalendarSequence,
                Expr::col(activities::Column::CalendarSequence).add(1),
            )
            .col_expr(activities::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(activities::Column::TripId.eq(trip))
            .filter(activities::Column::Day.eq(day))
            .exec(txn)
            .await?;
    }
    Ok(())
}

fn outside_message(outside: &[(String, NaiveDate)], end: NaiveDate) -> FormErrors {
    let names: Vec<String> = outside
        .iter()
        .take(5)
        .map(|(title, day)| format!("“{title}” ({})", format_date(*day)))
        .collect();
    let more = if outside.len() > 5 { " and others" } else { "" };
    let field = if outside.iter().any(|(_, day)| *day > end) {
        "end_date"
    } else {
        "start_date"
    };
    let mut errors = FormErrors::default();
    errors.add(
        field,
        format!(
            "These activities would fall outside the new dates: {}{more}. Move them to other days first, or choose dates that include them.",
            names.join(", ")
        ),
    );
    errors
}

/// The actor's trip with this id.
pub async fn find(db: &impl ConnectionTrait, actor: &Actor, id: TripId) -> Result<Trip, TripError> {
    let trip = actor.trip(id).one(db).await?.ok_or(TripError::NotFound)?;
    Ok(Trip::from(trip))
}

/// The actor's trip and their role in it, in one statement (the trip joined with the actor's
/// membership): for a page that shows the trip and offers what the role allows.
///
/// # Errors
/// `NotFound` unless the actor is a member; the database fails.
pub async fn find_with_role(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: TripId,
) -> Result<(Trip, Role), TripError> {
    let (trip, role, _) = find_with_role_and_revision(db, actor, id).await?;
    Ok((trip, role))
}

/// [`find_with_role`] with the trip's revision, which every change to the trip or to its
/// activities bumps in the same transaction.
///
/// # Errors
/// As [`find_with_role`].
pub async fn find_with_role_and_revision(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: TripId,
) -> Result<(Trip, Role, i64), TripError> {
    let statement = with_role_statement(db.get_database_backend(), actor.user(), id);
    let row = db
        .query_one_raw(statement)
        .await?
        .ok_or(TripError::NotFound)?;
    let (trip, role) = trip_and_role(&row)?;
    let revision = trip.revision;
    Ok((Trip::from(trip), role, revision))
}

/// The SQL of [`find_with_role_and_revision`]'s statement, built once per backend.
static WITH_ROLE: crate::reuse::Reused = crate::reuse::Reused::new();

/// The statement of [`find_with_role_and_revision`] for `backend`, its SQL built once
/// (`crate::reuse`).
fn with_role_statement(
    backend: sea_orm::DbBackend,
    user: UserId,
    id: TripId,
) -> sea_orm::Statement {
    WITH_ROLE.statement(
        backend,
        (user, id),
        || (crate::reuse::stand_in(1), crate::reuse::stand_in(2)),
        |(user, id)| with_role_select(user, id).into_query(),
    )
}

/// The trip `id` among `user`'s, with their role in it.
fn with_role_select(user: UserId, id: TripId) -> Select<trips::Entity> {
    listed_with_role(&Actor::signed_in(user)).filter(trips::Column::Id.eq(id))
}

/// The actor's trips as their list reads them, each with the actor's role in it: the select
/// behind [`find_with_role`], for statements that read more beside the trip.
pub(crate) fn listed_with_role(actor: &Actor) -> Select<trips::Entity> {
    actor
        .listed_trips()
        .column_as(trip_members::Column::Role, MEMBER_ROLE)
}

/// The trip and the actor's role from a row of [`listed_with_role`]: the trip's columns in the
/// table's order, then the role, each read at its place (sea-orm's `FromQueryResult` looks every
/// column up by name, some 600 instructions a column). Columns after those ([`ROLE_AT`] + 1
/// on) are the caller's.
pub(crate) fn trip_and_role(row: &sea_orm::QueryResult) -> Result<(trips::Model, Role), TripError> {
    use trips::Column as C;
    fn at<T: sea_orm::TryGetable>(row: &sea_orm::QueryResult, column: C) -> Result<T, DbErr> {
        row.try_get_by_index(column as usize)
    }
    let trip = trips::Model {
        id: at(row, C::Id)?,
        owner_id: at(row, C::OwnerId)?,
        name: at(row, C::Name)?,
        destination: at(row, C::Destination)?,
        start_date: at(row, C::StartDate)?,
        end_date: at(row, C::EndDate)?,
        time_zone: at(row, C::TimeZone)?,
        budget_minor: at(row, C::BudgetMinor)?,
        currency: at(row, C::Currency)?,
        notes: at(row, C::Notes)?,
        created_at: at(row, C::CreatedAt)?,
        updated_at: at(row, C::UpdatedAt)?,
        place_name: at(row, C::PlaceName)?,
        place_address: at(row, C::PlaceAddress)?,
        place_ref: at(row, C::PlaceRef)?,
        latitude: at(row, C::Latitude)?,
        longitude: at(row, C::Longitude)?,
        revision: at(row, C::Revision)?,
        version: at(row, C::Version)?,
        calendar_sequence: at(row, C::CalendarSequence)?,
        search_text: at(row, C::SearchText)?,
    };
    let role: String = row.try_get_by_index(ROLE_AT)?;
    let role = role.parse().map_err(|_| TripError::NotFound)?;
    Ok((trip, role))
}

/// Where [`listed_with_role`] puts the role: after the trip's columns.
pub(crate) const ROLE_AT: usize = trips::Column::SearchText as usize + 1;

/// The column [`listed_with_role`] reads the role into.
const MEMBER_ROLE: &str = "member_role";

/// Deletes the trip and (through foreign keys) everything planned in it — if its details are
/// still at `if_version`, when that is given.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn delete(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: TripId,
    if_version: Option<i64>,
) -> Result<(), TripError> {
    let name: Option<String> = actor
        .trip(id)
        .select_only()
        .column(trips::Column::Name)
        .into_tuple()
        .one(db)
        .await?;
    let mut delete = trips::Entity::delete_many()
        .filter(trips::Column::Id.eq(id))
        .filter(actor.may_in(id, Right::Delete));
    if let Some(version) = if_version {
        delete = delete.filter(trips::Column::Version.eq(version));
    }
    if delete.exec(db).await?.rows_affected == 0 {
        let otherwise = if if_version.is_some() {
            TripError::Stale
        } else {
            TripError::NotFound
        };
        return Err(actor.refused(db, id, Right::Delete, otherwise).await);
    }
    tracing::info!(trip_id = %id, "trip deleted");
    let change = history::unrecorded(
        db,
        actor.user(),
        Kind::TripDeleted,
        &name.unwrap_or_default(),
    )
    .await?;
    live::announce(db, id, change).await;
    Ok(())
}

fn filtered(actor: &Actor, query: &TripQuery, today: NaiveDate) -> Select<trips::Entity> {
    use trips::Column as C;
    let mut select = actor.listed_trips();
    let me = actor.user().uuid();
    select = match query.whose {
        Whose::All => select,
        Whose::Mine => select.filter(C::OwnerId.eq(me)),
        Whose::Shared => select.filter(C::OwnerId.ne(me)),
    };
    select = select.filter(by_dates(query, today));
    if !query.q.is_empty() {
        // The trip's own text, or any of its activities'.
        let like = || LikeExpr::new(search::contains_pattern(&query.q)).escape('\\');
        let in_activities = Query::select()
            .expr(Expr::val(1))
            .from(activities::Entity)
            .and_where(
                Expr::col((activities::Entity, activities::Column::TripId))
                    .equals((trips::Entity, C::Id)),
            )
            .and_where(Expr::col((activities::Entity, activities::Column::SearchText)).like(like()))
            .to_owned();
        select = select.filter(
            Condition::any()
                .add(Expr::col((trips::Entity, C::SearchText)).like(like()))
                .add(Expr::exists(in_activities)),
        );
    }
    select
}

/// The query's tab and date range, on the membership's copy of the trip's dates (the list's
/// index holds them).
fn by_dates(query: &TripQuery, today: NaiveDate) -> Condition {
    let mut condition = Condition::all();
    condition = match query.status {
        Status::Upcoming => condition.add(MemberDates::EndDate.col().gte(today)),
        Status::Past => condition.add(MemberDates::EndDate.col().lt(today)),
        Status::All => condition,
    };
    if let Some(from) = query.from {
        condition = condition.add(MemberDates::EndDate.col().gte(from));
    }
    if let Some(to) = query.to {
        condition = condition.add(MemberDates::StartDate.col().lte(to));
    }
    condition
}

/// How many trips the list holds. Without a search or a whose-trips filter, the actor's
/// memberships alone answer it (from the list's index, no trip row read).
async fn count(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: &TripQuery,
    today: NaiveDate,
) -> Result<u64, DbErr> {
    if is_usual(query) {
        let statement = usual_count(db.get_database_backend(), actor.user(), today);
        let n = match db.query_one_raw(statement).await? {
            Some(row) => row.try_get_by_index::<i64>(0)?,
            None => 0,
        };
        Ok(u64::try_from(n).unwrap_or(0))
    } else if query.q.is_empty() && query.whose == Whose::All {
        actor
            .memberships()
            .filter(by_dates(query, today))
            .count(db)
            .await
    } else {
        filtered(actor, query, today).count(db).await
    }
}

fn ordered(select: Select<trips::Entity>, query: &TripQuery) -> Select<trips::Entity> {
    use trips::Column as C;
    match (query.sort, query.status) {
        // In the list index's order: the page is its first rows, nothing is sorted.
        (Sort::Start, Status::Upcoming) => select
            .order_by(MemberDates::StartDate.col(), Order::Asc)
            .order_by(trip_members::Column::TripId, Order::Asc),
        (Sort::Start, _) => select
            .order_by(MemberDates::StartDate.col(), Order::Desc)
            .order_by(trip_members::Column::TripId, Order::Desc),
        // The search text starts with the folded name: "Ærø" sorts as "aero", on both databases.
        (Sort::Name, _) => select
            .order_by(C::SearchText, Order::Asc)
            .order_by(C::Id, Order::Asc),
        (Sort::Updated, _) => select
            .order_by(C::UpdatedAt, Order::Desc)
            .order_by(C::Id, Order::Desc),
    }
}

/// The list as most visits ask for it: upcoming trips by their first day, nothing filtered.
/// Its count and its page are statements of a fixed shape, their SQL built once
/// (`crate::reuse`); any other view builds its statements each time.
fn is_usual(query: &TripQuery) -> bool {
    !query.is_filtered() && query.status == Status::Upcoming && query.sort == Sort::Start
}

/// The SQL of the usual view's count and page, built once per backend.
static USUAL_COUNT: crate::reuse::Reused = crate::reuse::Reused::new();
static USUAL_PAGE: crate::reuse::Reused = crate::reuse::Reused::new();

/// Stand-ins for a traveler and a day no real call uses (`crate::reuse`).
fn stand_in_user_and_day() -> (UserId, NaiveDate) {
    (crate::reuse::stand_in(1), NaiveDate::MIN)
}

/// How many trips the usual view holds (its memberships, as [`count`] reads them), from the
/// index `trip_members (user_id, end_date)`: only the entries it counts, each a traveler and a
/// date. `COUNT(*)`, not of a column: SQLite then reads no column of the entries it counts
/// besides the end date it filters on.
fn usual_count(backend: sea_orm::DbBackend, user: UserId, today: NaiveDate) -> sea_orm::Statement {
    USUAL_COUNT.statement(
        backend,
        (user, today),
        stand_in_user_and_day,
        |(user, today)| usual_count_select(user, today),
    )
}

fn usual_count_select(user: UserId, today: NaiveDate) -> sea_orm::sea_query::SelectStatement {
    Actor::signed_in(user)
        .memberships()
        .filter(by_dates(&TripQuery::default(), today))
        .select_only()
        .expr(Expr::col(sea_orm::sea_query::Asterisk).count())
        .into_query()
}

/// The usual view's page that starts at `offset`.
fn usual_page(
    backend: sea_orm::DbBackend,
    user: UserId,
    today: NaiveDate,
    offset: u64,
) -> sea_orm::Statement {
    USUAL_PAGE.statement(
        backend,
        (user, today, offset),
        || {
            let (user, day) = stand_in_user_and_day();
            (user, day, u64::MAX)
        },
        |(user, today, offset)| usual_page_select(user, today, offset),
    )
}

fn usual_page_select(
    user: UserId,
    today: NaiveDate,
    offset: u64,
) -> sea_orm::sea_query::SelectStatement {
    let query = TripQuery::default();
    card_columns(ordered(
        filtered(&Actor::signed_in(user), &query, today),
        &query,
    ))
    .offset(offset)
    .limit(PAGE_SIZE)
    .into_query()
}

/// The list's page of cards that starts at `offset`.
async fn page_of_cards(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: &TripQuery,
    today: NaiveDate,
    offset: u64,
) -> Result<Vec<CardRow>, DbErr> {
    if is_usual(query) {
        let statement = usual_page(db.get_database_backend(), actor.user(), today, offset);
        read_cards(db, statement).await
    } else {
        let select = ordered(filtered(actor, query, today), query)
            .offset(offset)
            .limit(PAGE_SIZE);
        as_cards(db, select).await
    }
}

/// One page of the actor's trips. A fixed number of statements whatever the number of trips:
/// a count, the page, and on the default tab's last page the recent past trips (plus one
/// existence check when nothing matched).
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: &TripQuery,
    today: NaiveDate,
) -> Result<TripList, DbErr> {
    let total = count(db, actor, query, today).await?;
    let page = Ord::max(query.page, 1);
    let pages = total.div_ceil(PAGE_SIZE);
    let trips: Vec<CardRow> = if page <= pages {
        page_of_cards(db, actor, query, today, (page - 1) * PAGE_SIZE).await?
    } else {
        Vec::new()
    };
    let trips = cards(db, actor, trips).await?;
    let recent_past: Vec<CardRow> =
        if query.status == Status::Upcoming && !query.is_filtered() && page >= pages {
            as_cards(
                db,
                actor
                    .listed_trips()
                    .filter(MemberDates::EndDate.col().lt(today))
                    .order_by(MemberDates::EndDate.col(), Order::Desc)
                    .order_by(trip_members::Column::TripId, Order::Desc)
                    .limit(RECENT_PAST),
            )
            .await?
        } else {
            Vec::new()
        };
    let recent_past = cards(db, actor, recent_past).await?;
    let has_any = total > 0
        || !recent_past.is_empty()
        || actor
            .memberships()
            .select_only()
            .column(trip_members::Column::TripId)
            .limit(1)
            .into_tuple::<Uuid>()
            .one(db)
            .await?
            .is_some();
    Ok(TripList {
        trips,
        total,
        page,
        pages,
        today,
        recent_past,
        has_any,
    })
}

/// The traveler's home zone, if they chose one we know.
async fn home_zone(db: &impl ConnectionTrait, user: UserId) -> Result<Option<String>, DbErr> {
    let zone: Option<Option<String>> = users::Entity::find_by_id(user.uuid())
        .select_only()
        .column(users::Column::TimeZone)
        .into_tuple()
        .one(db)
        .await?;
    Ok(zone
        .flatten()
        .filter(|zone| crate::reference::is_time_zone(zone)))
}

/// Today's date where the traveler lives (their home zone, else UTC).
pub async fn today_for(db: &impl ConnectionTrait, actor: &Actor) -> Result<NaiveDate, DbErr> {
    Ok(today_at_home(home_zone(db, actor.user()).await?.as_deref()))
}

/// Today's date in the home zone `zone` as the traveler's row holds it (UTC without one).
pub fn today_at_home(zone: Option<&str>) -> NaiveDate {
    today_in(zone.unwrap_or(DEFAULT_ZONE))
}

/// Today's date in the IANA zone `zone` (UTC if the name is unknown).
pub fn today_in(zone: &str) -> NaiveDate {
    let now = Utc::now();
    match chrono_tz::Tz::from_str(zone) {
        Ok(tz) => now.with_timezone(&tz).date_naive(),
        Err(_) => now.date_naive(),
    }
}

/// A new trip starts in the traveler's home zone and the currency of the latest trip they
/// created (one step down the index `(owner_id, created_at)`). `home`: the zone as the caller
/// already read it from the traveler's row (`Some(None)`: none chosen); `None` reads it.
pub async fn defaults(
    db: &impl ConnectionTrait,
    actor: &Actor,
    home: Option<Option<String>>,
) -> Result<TripDefaults, DbErr> {
    let zone = match home {
        Some(zone) => zone.filter(|zone| crate::reference::is_time_zone(zone)),
        None => home_zone(db, actor.user()).await?,
    };
    let currency: Option<String> = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(actor.user().uuid()))
        .select_only()
        .column(trips::Column::Currency)
        .order_by(trips::Column::CreatedAt, Order::Desc)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(TripDefaults {
        zone_chosen: zone.is_some(),
        time_zone: zone.unwrap_or_else(|| DEFAULT_ZONE.to_string()),
        currency: currency.unwrap_or_else(|| DEFAULT_CURRENCY.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_zone_is_known_to_the_zone_database() {
        for zone in crate::reference::TIME_ZONES {
            assert!(chrono_tz::Tz::from_str(zone).is_ok(), "{zone}");
        }
    }

    #[test]
    fn the_trip_with_role_statement_is_the_one_built_afresh() {
        for backend in [sea_orm::DbBackend::Sqlite, sea_orm::DbBackend::Postgres] {
            for _ in 0..2 {
                let (user, trip) = (UserId::new(), TripId::new());
                let fresh = with_role_select(user, trip).build(backend);
                assert_eq!(with_role_statement(backend, user, trip), fresh);
            }
            assert!(WITH_ROLE.reuses(backend), "{backend:?}");
        }
    }

    /// `trip_and_role` reads each of the trip's columns at `column as usize`, the role after
    /// them.
    #[test]
    fn the_trip_with_role_row_is_laid_out_as_it_is_read() {
        use sea_orm::{IdenStatic, Iterable};

        use crate::entities::{trip_members, trips};
        for (place, column) in trips::Column::iter().enumerate() {
            assert_eq!(column as usize, place, "{column:?}");
        }
        assert_eq!(super::ROLE_AT, trips::Column::iter().count());
        let sql = sea_orm::StatementBuilder::build(
            &super::with_role_select(UserId::new(), TripId::new()).into_query(),
            &sea_orm::DbBackend::Sqlite,
        )
        .sql;
        let columns = [
            crate::reuse::columns_of::<trips::Entity>(),
            vec![("trip_members", trip_members::Column::Role.as_str())],
        ]
        .concat();
        assert!(crate::reuse::selects_in_order(&sql, &columns), "{sql}");
    }

    #[test]
    fn the_usual_list_statements_are_the_ones_built_afresh() {
        use sea_orm::StatementBuilder;
        let today = Utc::now().date_naive();
        for backend in [sea_orm::DbBackend::Sqlite, sea_orm::DbBackend::Postgres] {
            for offset in [0, PAGE_SIZE, 7 * PAGE_SIZE] {
                let user = UserId::new();
                let fresh = StatementBuilder::build(&usual_count_select(user, today), &backend);
                assert_eq!(usual_count(backend, user, today), fresh);
                let fresh =
                    StatementBuilder::build(&usual_page_select(user, today, offset), &backend);
                assert_eq!(usual_page(backend, user, today, offset), fresh);
            }
            assert!(USUAL_COUNT.reuses(backend), "{backend:?}");
            assert!(USUAL_PAGE.reuses(backend), "{backend:?}");
        }
    }

    #[test]
    fn only_the_unfiltered_upcoming_list_by_start_is_usual() {
        assert!(is_usual(&TripQuery::default()));
        assert!(is_usual(&TripQuery::default().with_page(4)));
        for query in [
            TripQuery {
                status: Status::Past,
                ..TripQuery::default()
            },
            TripQuery {
                sort: Sort::Name,
                ..TripQuery::default()
            },
            TripQuery {
                whose: Whose::Mine,
                ..TripQuery::default()
            },
            TripQuery {
                q: "lisbon".to_string(),
                ..TripQuery::default()
            },
            TripQuery {
                from: Some(NaiveDate::MIN),
                ..TripQuery::default()
            },
        ] {
            assert!(!is_usual(&query), "{query:?}");
        }
    }
}
