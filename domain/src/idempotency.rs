//! Remembered answers, so a request retried after its answer was lost is not done twice. A
//! client names each request it may retry with a key of its own; the first request with that
//! key claims it and its answer is stored; a retry with the same key and the same request gets
//! the stored answer back; the same key with a different request is refused. Keys are per
//! traveler and kept for [`LIFETIME`]; only SHA-256 digests of the key and the request are
//! stored, and the rows go with the account.
//!
//! The claim is a row inserted before the request is done, so two copies of one request sent
//! at once (a retry racing the original) cannot both run: the second finds the claim still open
//! and is told to wait, on every instance sharing the database.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    sea_query::OnConflict,
};
use uuid::Uuid;

use crate::{accounts::tokens::digest, entities::idempotency_keys as keys, ids::UserId};

/// How long an answer is remembered.
pub const LIFETIME: Duration = Duration::hours(24);

/// An answer as it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// What a request with a key may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new: do the request, then [`remember`] or [`forget`] its answer.
    Fresh(Uuid),
    /// The same request was answered before: answer it again.
    Answered(Answer),
    /// The same request is being answered right now.
    InProgress,
    /// The key was used for a different request.
    OtherRequest,
}

/// Claims `key` for `user`'s request whose digest is `fingerprint`.
///
/// # Errors
/// The database fails.
pub async fn claim(
    db: &impl ConnectionTrait,
    user: UserId,
    key: &str,
    fingerprint: &str,
    now: DateTime<Utc>,
) -> Result<Claim, DbErr> {
    let key_hash = digest(key);
    let mine = || {
        keys::Entity::find()
            .filter(keys::Column::UserId.eq(user))
            .filter(keys::Column::KeyHash.eq(key_hash.as_str()))
    };
    // A claim from before the lifetime no longer counts: the key may be used afresh.
    keys::Entity::delete_many()
        .filter(keys::Column::UserId.eq(user))
        .filter(keys::Column::KeyHash.eq(key_hash.as_str()))
        .filter(keys::Column::CreatedAt.lt(now - LIFETIME))
        .exec(db)
        .await?;
    let id = Uuid::now_v7();
    let inserted = keys::Entity::insert(keys::ActiveModel {
        id: Set(id),
        user_id: Set(user.uuid()),
        key_hash: Set(key_hash.clone()),
        fingerprint: Set(fingerprint.to_string()),
        status: Set(None),
        headers: Set(None),
        body: Set(None),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([keys::Column::UserId, keys::Column::KeyHash])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    if inserted == 1 {
        return Ok(Claim::Fresh(id));
    }
    let Some(earlier) = mine().one(db).await? else {
        // Forgotten between the insert and the read (its request failed): claim it again.
        return Box::pin(claim(db, user, key, fingerprint, now)).await;
    };
    Ok(if earlier.fingerprint != fingerprint {
        Claim::OtherRequest
    } else if let (Some(status), Some(body)) = (earlier.status, earlier.body) {
        Claim::Answered(Answer {
            status: u16::try_from(status).unwrap_or(500),
            headers: earlier
                .headers
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
            body,
        })
    } else {
        Claim::InProgress
    })
}

/// Stores the answer to the request that made claim `id`.
///
/// # Errors
/// The database fails.
pub async fn remember(db: &impl ConnectionTrait, id: Uuid, answer: &Answer) -> Result<(), DbErr> {
    keys::Entity::update_many()
        .set(keys::ActiveModel {
            status: Set(Some(i16::try_from(answer.status).unwrap_or(500))),
            headers: Set(Some(
                serde_json::to_string(&answer.headers).unwrap_or_default(),
            )),
            body: Set(Some(answer.body.clone())),
            ..Default::default()
        })
        .filter(keys::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives claim `id` up: its request did not happen (a failure on our side, a rate limit), so
/// the same key may try it again.
///
/// # Errors
/// The database fails.
pub async fn forget(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    keys::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Deletes what is past its lifetime (the hourly clean-up).
///
/// # Errors
/// The database fails.
pub async fn delete_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(keys::Entity::delete_many()
        .filter(keys::Column::CreatedAt.lt(now - LIFETIME))
        .exec(db)
        .await?
        .rows_affected)
}

/// The digest a request is recognised by: its method, its path and query, and its body (or
/// not, for requests whose bodies carry secrets: a password must not be stored even as a
/// fast hash).
pub fn fingerprint(method: &str, target: &str, body: Option<&[u8]>) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(method.as_bytes());
    hasher.update(b" ");
    hasher.update(target.as_bytes());
    hasher.update(b"\n");
    if let Some(body) = body {
        hasher.update(body);
    }
    format!("{:x}", hasher.finalize())
}
