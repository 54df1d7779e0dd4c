//! Refresh tokens for the JSON API: 256 random bits, only their SHA-256 stored, 30 days each.
//! A login starts a family; a refresh uses up its token and issues the next one (with a new
//! access token) in the same family. A used token presented again means two parties hold it,
//! so the whole family is revoked. Password changes revoke every family of the traveler;
//! account deletion removes the rows.
//!
//! A family lives at most `max_age` from its login (the web session's absolute lifetime), however
//! often it is refreshed: each new token expires at the earlier of 30 days and that limit. The
//! family id is a UUIDv7 made from the login's time, so it carries the start.
//!
//! Every function takes the time as `now`, so expiry can be tested without waiting.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, QuerySelect, TransactionSession, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::{
    api_tokens::{AccessError, AccessGrant, AccessKeys},
    tokens::{digest, new_token},
};
use crate::entities::refresh_tokens as tokens;

pub const REFRESH_LIFETIME: Duration = Duration::days(30);

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error("the refresh token is unknown, expired or revoked")]
    Invalid,
    #[error("a used refresh token was presented again; its family is revoked")]
    Reused,
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error(transparent)]
    Access(#[from] AccessError),
}

/// A token pair for a client.
#[derive(Debug, Clone)]
pub struct Issued {
    pub access_token: String,
    pub refresh_token: String,
    pub grant: AccessGrant,
}

/// Starts a new family for `user_id` (a login or sign-up) and returns its first pair.
///
/// # Errors
/// The database or signing fails.
pub async fn start(
    db: &impl ConnectionTrait,
    keys: &AccessKeys,
    user_id: Uuid,
    max_age: Duration,
    now: DateTime<Utc>,
) -> Result<Issued, RefreshError> {
    let family_id = family_id_at(now);
    let issued = issue(db, keys, user_id, family_id, now + max_age, now).await?;
    tracing::info!(%user_id, session = %issued.grant.session, outcome = "started", "api session");
    Ok(issued)
}

/// A family id that records when the login started (UUIDv7, millisecond precision).
fn family_id_at(now: DateTime<Utc>) -> Uuid {
    let seconds = u64::try_from(now.timestamp()).unwrap_or_default();
    Uuid::new_v7(uuid::Timestamp::from_unix(
        uuid::NoContext,
        seconds,
        now.timestamp_subsec_nanos(),
    ))
}

/// When the family's login started, from its id.
fn family_started(family_id: Uuid) -> Option<DateTime<Utc>> {
    let (seconds, nanos) = family_id.get_timestamp()?.to_unix();
    DateTime::from_timestamp(i64::try_from(seconds).ok()?, nanos)
}

/// Issues a pair in `family_id`; the refresh token expires in 30 days or at `family_ends`,
/// whichever is sooner.
async fn issue(
    db: &impl ConnectionTrait,
    keys: &AccessKeys,
    user_id: Uuid,
    family_id: Uuid,
    family_ends: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Issued, RefreshError> {
    let refresh_token = new_token();
    tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(digest(&refresh_token)),
        created_at: Set(now),
        expires_at: Set((now + REFRESH_LIFETIME).min(family_ends)),
        used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?;
    let grant = AccessGrant {
        user_id,
        session: family_id,
    };
    Ok(Issued {
        access_token: keys.issue(grant, now)?,
        refresh_token,
        grant,
    })
}

/// Exchanges `token` for a new pair in its family. A token already used revokes the family.
///
/// # Errors
/// `Invalid` for an unknown, expired or revoked token, `Reused` for a second use (the family
/// is then revoked), `Db`/`Access` when the server fails.
#[tracing::instrument(skip_all)]
pub async fn rotate(
    db: &(impl ConnectionTrait + TransactionTrait),
    keys: &AccessKeys,
    token: &str,
    max_age: Duration,
    now: DateTime<Utc>,
) -> Result<Issued, RefreshError> {
    let Some(found) = tokens::Entity::find()
        .filter(tokens::Column::TokenHash.eq(digest(token)))
        .one(db)
        .await?
    else {
        return Err(RefreshError::Invalid);
    };
    if found.revoked_at.is_some() || found.expires_at <= now {
        return Err(RefreshError::Invalid);
    }
    let txn = db.begin().await?;
    // Claim the token atomically: of two concurrent uses only one updates the row, and the
    // other is a reuse like any later one.
    let claimed = tokens::Entity::update_many()
        .col_expr(tokens::Column::UsedAt, Expr::value(now))
        .filter(tokens::Column::Id.eq(found.id))
        .filter(tokens::Column::UsedAt.is_null())
        .filter(tokens::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        let revoked = revoke_family(&txn, found.family_id, now).await?;
        txn.commit().await?;
        tracing::warn!(
            user_id = %found.user_id,
            session = %found.family_id,
            revoked,
            outcome = "reuse detected",
            "api session revoked"
        );
        return Err(RefreshError::Reused);
    }
    // A family id without a time (not made here) gets no more than one token's lifetime.
    let family_ends =
        family_started(found.family_id).map_or(now + REFRESH_LIFETIME, |start| start + max_age);
    let issued = issue(&txn, keys, found.user_id, found.family_id, family_ends, now).await?;
    txn.commit().await?;
    Ok(issued)
}

/// Revokes every live token of `family_id`; returns how many.
///
/// # Errors
/// The database fails.
pub async fn revoke_family(
    db: &impl ConnectionTrait,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(tokens::Entity::update_many()
        .col_expr(tokens::Column::RevokedAt, Expr::value(now))
        .filter(tokens::Column::FamilyId.eq(family_id))
        .filter(tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}

/// Logs out the family `token` belongs to. Unknown tokens are ignored (logging out twice is
/// not an error); the answer says whether a family was found.
///
/// # Errors
/// The database fails.
pub async fn revoke(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let family: Option<(Uuid, Uuid)> = tokens::Entity::find()
        .filter(tokens::Column::TokenHash.eq(digest(token)))
        .select_only()
        .columns([tokens::Column::FamilyId, tokens::Column::UserId])
        .into_tuple()
        .one(db)
        .await?;
    let Some((family_id, user_id)) = family else {
        return Ok(false);
    };
    revoke_family(db, family_id, now).await?;
    tracing::info!(%user_id, session = %family_id, outcome = "logged out", "api session revoked");
    Ok(true)
}

/// Revokes every family of `user_id` (a password change or reset).
///
/// # Errors
/// The database fails.
pub async fn revoke_all(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(tokens::Entity::update_many()
        .col_expr(tokens::Column::RevokedAt, Expr::value(now))
        .filter(tokens::Column::UserId.eq(user_id))
        .filter(tokens::Column::RevokedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}

/// Whether the login behind an access token still stands: its family has a token that is not
/// revoked (rows are gone with a deleted account). One indexed lookup per API request.
///
/// # Errors
/// The database fails.
pub async fn is_live(db: &impl ConnectionTrait, grant: AccessGrant) -> Result<bool, DbErr> {
    let any: Option<Uuid> = tokens::Entity::find()
        .filter(tokens::Column::FamilyId.eq(grant.session))
        .filter(tokens::Column::UserId.eq(grant.user_id))
        .filter(tokens::Column::RevokedAt.is_null())
        .select_only()
        .column(tokens::Column::Id)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(any.is_some())
}

/// Deletes tokens past their expiry (they can no longer be used or reused).
///
/// # Errors
/// The database fails.
pub async fn delete_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(tokens::Entity::delete_many()
        .filter(tokens::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?
        .rows_affected)
}
