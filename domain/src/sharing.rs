//! A trip's public, read-only link: whoever has it sees the trip and its plan without an
//! account — its budget and notes only if the owner chose so. One link per trip at most; the
//! token (256 random bits) is shown once, when the link is made, and stored only as a hash.
//! Replacing the link makes a new token (the old one stops working); revoking deletes it.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect, QueryTrait, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    access::{Actor, Right},
    accounts::tokens::{digest, new_token},
    entities::{activities, share_links as links, trips},
    error::TripError,
    history::{self, Kind},
    ids::TripId,
    itinerary::model::Activity,
    live,
    trips::model::Trip,
};

/// What a share link shows besides the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub include_budget: bool,
    pub include_notes: bool,
}

/// The trip's link, as its owner sees it (the token is not kept: only its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLink {
    #[serde(flatten)]
    pub shown: Shown,
    pub created_at: DateTime<Utc>,
}

/// The trip's link, if it has one.
///
/// # Errors
/// `NotFound`/`Forbidden` unless the actor may share the trip; the database fails.
pub async fn find(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip: TripId,
) -> Result<Option<ShareLink>, TripError> {
    actor.check(db, trip, Right::Share).await?;
    Ok(link_of(db, trip).await?)
}

/// The trip's share link, without an access check: for a caller that has checked the actor
/// may share the trip.
pub async fn link_of(
    db: &impl ConnectionTrait,
    trip: TripId,
) -> Result<Option<ShareLink>, sea_orm::DbErr> {
    use sea_orm::TryGetableMany;
    let statement = link_statement(db.get_database_backend(), trip);
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(None);
    };
    let (include_budget, include_notes, created_at) =
        <(bool, bool, DateTime<Utc>)>::try_get_many_by_index(&row)?;
    Ok(Some(ShareLink {
        shown: Shown {
            include_budget,
            include_notes,
        },
        created_at,
    }))
}

/// The SQL of [`link_of`] (the members page reads it), built once per backend.
static LINK: crate::reuse::Reused = crate::reuse::Reused::new();

fn link_statement(backend: sea_orm::DbBackend, trip: TripId) -> sea_orm::Statement {
    LINK.statement(
        backend,
        (trip,),
        || (crate::reuse::stand_in(1),),
        |(trip,)| link_select(trip),
    )
}

/// What the members page shows of the trip's link.
fn link_select(trip: TripId) -> sea_orm::sea_query::SelectStatement {
    links::Entity::find()
        .select_only()
        .columns([
            links::Column::IncludeBudget,
            links::Column::IncludeNotes,
            links::Column::CreatedAt,
        ])
        .filter(links::Column::TripId.eq(trip.uuid()))
        .limit(1)
        .into_query()
}

/// Makes the trip's link, replacing the one it had; returns the new token (shown once).
///
/// # Errors
/// As [`find`].
#[tracing::instrument(skip_all, fields(user_id = %actor.user(), trip_id = %trip))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    trip: TripId,
    shown: Shown,
    now: DateTime<Utc>,
) -> Result<(String, ShareLink), TripError> {
    actor.check(db, trip, Right::Share).await?;
    let token = new_token();
    let txn = db.begin().await?;
    links::Entity::delete_many()
        .filter(links::Column::TripId.eq(trip.uuid()))
        .exec(&txn)
        .await?;
    links::ActiveModel {
        id: Set(Uuid::now_v7()),
        trip_id: Set(trip.uuid()),
        token_hash: Set(digest(&token)),
        include_budget: Set(shown.include_budget),
        include_notes: Set(shown.include_notes),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let change =
        history::record(&txn, trip, None, actor.user(), Kind::ShareLinkCreated, "").await?;
    txn.commit().await?;
    tracing::info!("share link made");
    live::announce(db, trip, change).await;
    Ok((
        token,
        ShareLink {
            shown,
            created_at: now,
        },
    ))
}

/// Deletes the trip's link: it stops working at once. Idempotent, like HTTP's `DELETE`: with no
/// link there is nothing to do, nothing is recorded, and the answer is the same (afterwards the
/// trip has no link either way — a second click on "Stop sharing" is not an error).
///
/// # Errors
/// Access as [`find`].
pub async fn revoke(db: &DatabaseConnection, actor: &Actor, trip: TripId) -> Result<(), TripError> {
    actor.check(db, trip, Right::Share).await?;
    let txn = db.begin().await?;
    let done = links::Entity::delete_many()
        .filter(links::Column::TripId.eq(trip.uuid()))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Ok(());
    }
    let change =
        history::record(&txn, trip, None, actor.user(), Kind::ShareLinkRevoked, "").await?;
    txn.commit().await?;
    tracing::info!(trip_id = %trip, "share link revoked");
    live::announce(db, trip, change).await;
    Ok(())
}

/// A trip as its share link shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    /// With the budget and notes emptied unless the link includes them.
    pub trip: Trip,
    pub activities: Vec<Activity>,
    pub shown: Shown,
    /// The trip's revision (what its page was rendered from).
    pub revision: i64,
}

/// The trip behind a share link, for anyone holding it.
///
/// # Errors
/// `NotFound` for an unknown or revoked link; the database fails.
pub async fn open(db: &impl ConnectionTrait, token: &str) -> Result<Shared, TripError> {
    let link = links::Entity::find()
        .filter(links::Column::TokenHash.eq(digest(token)))
        .one(db)
        .await?
        .ok_or(TripError::NotFound)?;
    let trip = trips::Entity::find_by_id(link.trip_id)
        .one(db)
        .await?
        .ok_or(TripError::NotFound)?;
    let revision = trip.revision;
    let mut trip = Trip::from(trip);
    let shown = Shown {
        include_budget: link.include_budget,
        include_notes: link.include_notes,
    };
    let mut activities: Vec<Activity> = activities::Entity::find()
        .filter(activities::Column::TripId.eq(link.trip_id))
        .order_by(activities::Column::Day, Order::Asc)
        .order_by(activities::Column::Position, Order::Asc)
        .all(db)
        .await?
        .into_iter()
        .map(Activity::from)
        .collect();
    if !shown.include_budget {
        trip.budget_minor = None;
        for activity in &mut activities {
            activity.cost_minor = 0;
        }
    }
    if !shown.include_notes {
        trip.notes.clear();
        for activity in &mut activities {
            activity.description.clear();
        }
    }
    Ok(Shared {
        trip,
        activities,
        shown,
        revision,
    })
}

#[cfg(test)]
mod tests {
    use sea_orm::{DbBackend, StatementBuilder};

    use super::{LINK, link_select, link_statement};
    use crate::ids::TripId;

    #[test]
    fn the_link_statement_is_the_one_built_afresh() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for _ in 0..2 {
                let trip = TripId::new();
                assert_eq!(
                    link_statement(backend, trip),
                    StatementBuilder::build(&link_select(trip), &backend)
                );
            }
            assert!(LINK.reuses(backend), "{backend:?}");
        }
    }
}
