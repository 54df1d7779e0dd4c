//! Calendar feeds: secret addresses that calendar apps poll. A feed acts for the traveler who
//! made it, with exactly what that traveler may read ([`Actor::trips`]): a trip they can no
//! longer reach disappears from their feed, and a trip's feed stops answering.
//!
//! The token is 256 random bits, shown once (in the address) and stored only as its SHA-256,
//! so neither the database nor a backup holds a usable address. A new address replaces the
//! old one, which stops working at once; turning the feed off deletes it.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{TripRows, load_all, load_trip};
use crate::{
    access::Actor,
    accounts::tokens::{digest, new_token},
    entities::calendar_feeds,
    ids::{TripId, UserId},
    trips::service::TripError,
};

/// What a feed covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedScope {
    /// One trip.
    Trip(TripId),
    /// Every trip the traveler can reach, now and later.
    AllTrips,
}

impl FeedScope {
    fn trip(self) -> Option<Uuid> {
        match self {
            Self::Trip(id) => Some(id.uuid()),
            Self::AllTrips => None,
        }
    }
}

/// A feed that is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FeedStatus {
    pub created_at: DateTime<Utc>,
}

/// A feed's rows for this actor and scope (the trip is checked by the caller).
fn of(actor: &Actor, scope: FeedScope) -> sea_orm::Select<calendar_feeds::Entity> {
    let select = calendar_feeds::Entity::find()
        .filter(calendar_feeds::Column::UserId.eq(actor.user().uuid()));
    match scope.trip() {
        Some(trip) => select.filter(calendar_feeds::Column::TripId.eq(trip)),
        None => select.filter(calendar_feeds::Column::TripId.is_null()),
    }
}

/// Refuses a trip the actor cannot reach, as if it did not exist.
async fn check_scope(
    db: &impl ConnectionTrait,
    actor: &Actor,
    scope: FeedScope,
) -> Result<(), TripError> {
    if let FeedScope::Trip(id) = scope {
        crate::trips::service::find(db, actor, id).await?;
    }
    Ok(())
}

/// Whether the actor has a feed for `scope`, and since when.
pub async fn status(
    db: &impl ConnectionTrait,
    actor: &Actor,
    scope: FeedScope,
) -> Result<Option<FeedStatus>, TripError> {
    check_scope(db, actor, scope).await?;
    Ok(status_of(db, actor, scope).await?)
}

/// [`status`] without the access check: for a caller that has checked the actor may read the
/// trip (a trip page, which read the actor's role).
///
/// # Errors
/// The database fails.
pub async fn status_of(
    db: &impl ConnectionTrait,
    actor: &Actor,
    scope: FeedScope,
) -> Result<Option<FeedStatus>, DbErr> {
    let created_at: Option<DateTime<Utc>> = of(actor, scope)
        .select_only()
        .column(calendar_feeds::Column::CreatedAt)
        .order_by_desc(calendar_feeds::Column::CreatedAt)
        .into_tuple()
        .one(db)
        .await?;
    Ok(created_at.map(|created_at| FeedStatus { created_at }))
}

/// Turns the feed on with a new secret token, replacing (and so ending) any earlier one, and
/// returns the token: the only time it exists outside the traveler's calendar app.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn replace(
    db: &impl TransactionTrait,
    actor: &Actor,
    scope: FeedScope,
    now: DateTime<Utc>,
) -> Result<String, TripError> {
    let txn = db.begin().await?;
    check_scope(&txn, actor, scope).await?;
    calendar_feeds::Entity::delete_many()
        .filter(of_condition(actor, scope))
        .exec(&txn)
        .await?;
    let token = new_token();
    calendar_feeds::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(actor.user().uuid()),
        trip_id: Set(scope.trip()),
        token_hash: Set(digest(&token)),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(
        all_trips = scope.trip().is_none(),
        "calendar feed address made"
    );
    Ok(token)
}

/// The condition of [`of`], for deletes.
fn of_condition(actor: &Actor, scope: FeedScope) -> sea_orm::Condition {
    let condition =
        sea_orm::Condition::all().add(calendar_feeds::Column::UserId.eq(actor.user().uuid()));
    match scope.trip() {
        Some(trip) => condition.add(calendar_feeds::Column::TripId.eq(trip)),
        None => condition.add(calendar_feeds::Column::TripId.is_null()),
    }
}

/// Turns the feed off: its address stops working.
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn revoke(
    db: &impl ConnectionTrait,
    actor: &Actor,
    scope: FeedScope,
) -> Result<(), TripError> {
    check_scope(db, actor, scope).await?;
    calendar_feeds::Entity::delete_many()
        .filter(of_condition(actor, scope))
        .exec(db)
        .await?;
    tracing::info!(
        all_trips = scope.trip().is_none(),
        "calendar feed turned off"
    );
    Ok(())
}

/// What a feed shows.
#[derive(Debug, Clone)]
pub struct FeedContent {
    /// The trip's name, or `None` for a feed of all trips.
    pub trip_name: Option<String>,
    pub trips: Vec<TripRows>,
}

/// The feed a token opens, or `None` (unknown, replaced, turned off, or its trip no longer
/// reachable): callers answer all of these alike.
pub async fn open(db: &impl ConnectionTrait, token: &str) -> Result<Option<FeedContent>, DbErr> {
    // A token is 43 base64url characters; anything else is not worth a query.
    if token.len() != 43
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Ok(None);
    }
    let Some(feed) = calendar_feeds::Entity::find()
        .filter(calendar_feeds::Column::TokenHash.eq(digest(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let actor = Actor::signed_in(UserId::from(feed.user_id));
    match feed.trip_id {
        Some(trip) => match load_trip(db, &actor, trip.into()).await {
            Ok(rows) => Ok(Some(FeedContent {
                trip_name: Some(rows.trip.name.clone()),
                trips: vec![rows],
            })),
            Err(TripError::Db(error)) => Err(error),
            Err(_) => Ok(None),
        },
        None => Ok(Some(FeedContent {
            trip_name: None,
            trips: load_all(db, &actor).await?,
        })),
    }
}
