//! Changes as they happen, for pages open on a trip. Services announce each change once its
//! transaction has committed; whoever watches a trip subscribes here.
//!
//! With SQLite there is one instance, and announcements go straight to this process's
//! subscribers. With PostgreSQL there may be several: announcements go out as `NOTIFY` on
//! [`CHANNEL`], and each instance's listener (in the server) hands what it hears to
//! [`deliver`] — its own announcements included, so every instance delivers each once.

use std::sync::LazyLock;

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use crate::{history::Change, ids::TripId};

/// The PostgreSQL channel announcements travel on.
pub const CHANNEL: &str = "trip_changes";

/// A change to a trip, as watchers hear of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TripEvent {
    pub trip: TripId,
    pub change: Change,
}

/// How many events a slow subscriber may fall behind before it misses some (it then reloads
/// what it shows: see the server's stream).
const BACKLOG: usize = 1024;

static HUB: LazyLock<broadcast::Sender<TripEvent>> =
    LazyLock::new(|| broadcast::channel(BACKLOG).0);

/// Every change from now on, on every trip.
pub fn subscribe() -> broadcast::Receiver<TripEvent> {
    HUB.subscribe()
}

/// Hands an event to this process's subscribers (the PostgreSQL listener's way in).
pub fn deliver(event: TripEvent) {
    // No subscriber is not an error: nobody is watching.
    let _ = HUB.send(event);
}

/// Announces a committed change: to this process (SQLite), or to every instance (PostgreSQL).
/// A failure is logged, never the change's: it happened, only a page will see it at its next
/// load instead of at once.
pub async fn announce(db: &impl ConnectionTrait, trip: TripId, change: Change) {
    let event = TripEvent { trip, change };
    match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            if let Err(error) = notify(db, &event).await {
                tracing::warn!(%error, "could not announce a trip change");
            }
        }
        _ => deliver(event),
    }
}

async fn notify(db: &impl ConnectionTrait, event: &TripEvent) -> Result<(), DbErr> {
    let payload = serde_json::to_string(event).map_err(|error| DbErr::Custom(error.to_string()))?;
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), payload.into()],
    ))
    .await?;
    Ok(())
}
