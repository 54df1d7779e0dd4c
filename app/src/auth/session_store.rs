//! A tower-sessions store in the application's own database (SQLite or PostgreSQL), through
//! SeaORM. `tower-sessions-sqlx-store` would pull a second sqlx; this is small instead.

use std::{
    collections::{BTreeMap, HashMap},
    hash::{DefaultHasher, Hash, Hasher},
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, SqlErr,
    sea_query::OnConflict,
};
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    cookie::time::OffsetDateTime,
    session::{Id, Record},
    session_store,
};

use crate::entities::sessions;

/// The session key that holds the logged-in user's id.
pub const USER_ID_KEY: &str = "user_id";

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

fn row(record: &Record) -> Result<sessions::ActiveModel, session_store::Error> {
    let user_id = record
        .data
        .get(USER_ID_KEY)
        .and_then(|v| v.as_str())
        .and_then(|s| uuid::Uuid::parse_str(s).ok());
    let data = serde_json::to_string(&record.data)
        .map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok(sessions::ActiveModel {
        id: Set(record.id.to_string()),
        user_id: Set(user_id),
        data: Set(data),
        expires_at: Set(to_chrono(record.expiry_date)),
    })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            match sessions::Entity::insert(row(record)?).exec(&self.db).await {
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

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        if self.only_touched(record) {
            return Ok(());
        }
        sessions::Entity::insert(row(record)?)
            .on_conflict(
                OnConflict::column(sessions::Column::Id)
                    .update_columns([
                        sessions::Column::UserId,
                        sessions::Column::Data,
                        sessions::Column::ExpiresAt,
                    ])
                    .to_owned(),
            )
            .exec(&self.db)
            .await
            .map_err(backend)?;
        self.remember(
            &record.id,
            &record.data,
            record.expiry_date.unix_timestamp(),
        );
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let found = sessions::Entity::find_by_id(id.to_string())
            .filter(sessions::Column::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(found) = found else {
            return Ok(None);
        };
        let data: HashMap<String, serde_json::Value> = serde_json::from_str(&found.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        self.remember(id, &data, found.expires_at.timestamp());
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date: to_time(found.expires_at)?,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.forget(id);
        sessions::Entity::delete_by_id(id.to_string())
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
