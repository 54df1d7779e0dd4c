//! A tower-sessions store in the application's own database (SQLite or PostgreSQL), through
//! SeaORM. `tower-sessions-sqlx-store` would pull a second sqlx; this is small instead.
//!
//! Two rules make it safe:
//! - A row is keyed by the SHA-256 of the session id ([`row_key`]). The cookie carries the
//!   secret; the table (and every backup of it) holds nothing that logs anyone in.
//! - Saving only updates. A session is created once (`create`, on log-in or a visitor's first
//!   message), and a missing row means it ended — by log-out, a password change or reset, or
//!   account deletion. A request that loaded the session before it ended and saves it when it
//!   finishes must not bring it back.

use std::{
    collections::{BTreeMap, HashMap},
    hash::{DefaultHasher, Hash, Hasher},
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, SqlErr,
    sea_query::Expr,
};
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    cookie::time::OffsetDateTime,
    session::{Id, Record},
    session_store,
};

use domain::entities::sessions;

/// The session key that holds the logged-in user's id.
pub const USER_ID_KEY: &str = "user_id";

/// The session key under which [`load`](DbSessionStore::load) leaves the signed-in traveler's
/// profile, read with the session in the same statement, for the page being rendered. Never
/// written to the row: it is as fresh as the request.
pub const PROFILE_KEY: &str = "loaded_profile";

/// A session whose data is unchanged is written again only once its expiry has moved this far
/// (or a tenth of the idle timeout, when that is shorter): sessions expire after inactivity, and
/// without this every page view was a database write. The idle timeout is honoured to within
/// this much.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// Sessions kept in `seen` at most; past it the map starts over (only writes are saved by it).
const SEEN_MAX: usize = 100_000;

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
    /// Session id → (hash of its data, expiry in Unix seconds) as this process last read or
    /// wrote it. A request loads its session before saving it, so this reflects the row.
    seen: Arc<Mutex<HashMap<String, (u64, i64)>>>,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            seen: Arc::default(),
        }
    }

    fn remember(&self, id: &Id, data: &HashMap<String, serde_json::Value>, expiry: i64) {
        if let Ok(mut seen) = self.seen.lock() {
            if seen.len() >= SEEN_MAX {
                seen.clear();
            }
            seen.insert(id.to_string(), (digest(data), expiry));
        }
    }

    /// Whether saving `record` would only nudge its expiry (see [`TOUCH_EVERY_SECONDS`]).
    fn only_touched(&self, record: &Record) -> bool {
        let Ok(seen) = self.seen.lock() else {
            return false;
        };
        let new_expiry = record.expiry_date.unix_timestamp();
        let idle = new_expiry - Utc::now().timestamp();
        let threshold = TOUCH_EVERY_SECONDS.min(idle / 10);
        seen.get(&record.id.to_string())
            .is_some_and(|(hash, expiry)| {
                *hash == digest(&record.data) && new_expiry - expiry < threshold
            })
    }

    fn forget(&self, id: &Id) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.remove(&id.to_string());
        }
    }
}

/// A fingerprint of session data, independent of the map's iteration order.
fn digest(data: &HashMap<String, serde_json::Value>) -> u64 {
    let sorted: BTreeMap<&String, &serde_json::Value> = data.iter().collect();
    let mut hasher = DefaultHasher::new();
    serde_json::to_string(&sorted)
        .unwrap_or_default()
        .hash(&mut hasher);
    hasher.finish()
}

/// The row key of a session id: its SHA-256, hex-encoded.
pub fn row_key(id: &Id) -> String {
    domain::accounts::tokens::digest(&id.to_string())
}

fn backend(error: DbErr) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

fn to_chrono(time: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(time.unix_timestamp(), time.nanosecond()).unwrap_or_default()
}

fn to_time(time: DateTime<Utc>) -> Result<OffsetDateTime, session_store::Error> {
    OffsetDateTime::from_unix_timestamp(time.timestamp())
        .map_err(|e| session_store::Error::Decode(e.to_string()))
}

/// What a session's row holds.
struct Row {
    key: String,
    user_id: Option<uuid::Uuid>,
    data: String,
    expires_at: DateTime<Utc>,
}

fn row(record: &Record) -> Result<Row, session_store::Error> {
    let user_id = record
        .data
        .get(USER_ID_KEY)
        .and_then(|v| v.as_str())
        .and_then(|s| uuid::Uuid::parse_str(s).ok());
    let kept: BTreeMap<&String, &serde_json::Value> = record
        .data
        .iter()
        .filter(|(key, _)| key.as_str() != PROFILE_KEY)
        .collect();
    let data =
        serde_json::to_string(&kept).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok(Row {
        key: row_key(&record.id),
        user_id,
        data,
        expires_at: to_chrono(record.expiry_date),
    })
}

impl From<Row> for sessions::ActiveModel {
    fn from(row: Row) -> Self {
        Self {
            id: Set(row.key),
            user_id: Set(row.user_id),
            data: Set(row.data),
            expires_at: Set(row.expires_at),
        }
    }
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let row = sessions::ActiveModel::from(row(record)?);
            match sessions::Entity::insert(row).exec(&self.db).await {
                Ok(_) => {
                    self.remember(
                        &record.id,
                        &record.data,
                        record.expiry_date.unix_timestamp(),
                    );
                    return Ok(());
                }
                // A 128-bit id collision is all but impossible; pick another id if it happens.
                Err(error)
                    if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
                {
                    record.id = Id::default();
                }
                Err(error) => return Err(backend(error)),
            }
        }
    }

    /// Updates the session's row; a session whose row is gone stays ended.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        if self.only_touched(record) {
            return Ok(());
        }
        let row = row(record)?;
        let updated = sessions::Entity::update_many()
            .col_expr(sessions::Column::UserId, Expr::value(row.user_id))
            .col_expr(sessions::Column::Data, Expr::value(row.data))
            .col_expr(sessions::Column::ExpiresAt, Expr::value(row.expires_at))
            .filter(sessions::Column::Id.eq(row.key))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        if updated.rows_affected == 0 {
            self.forget(&record.id);
            return Ok(());
        }
        self.remember(
            &record.id,
            &record.data,
            record.expiry_date.unix_timestamp(),
        );
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let found = domain::accounts::service::session_with_profile(&self.db, &row_key(id))
            .await
            .map_err(backend)?;
        let Some((found, profile)) = found else {
            return Ok(None);
        };
        let mut data: HashMap<String, serde_json::Value> = serde_json::from_str(&found.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        if let Some(profile) = profile.and_then(|profile| serde_json::to_value(profile).ok()) {
            data.insert(PROFILE_KEY.to_string(), profile);
        }
        self.remember(id, &data, found.expires_at.timestamp());
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date: to_time(found.expires_at)?,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.forget(id);
        sessions::Entity::delete_by_id(row_key(id))
            .exec(&self.db)
            .await
            .map(|_| ())
            .map_err(backend)
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        sessions::Entity::delete_many()
            .filter(sessions::Column::ExpiresAt.lte(Utc::now()))
            .exec(&self.db)
            .await
            .map(|_| ())
            .map_err(backend)
    }
}
