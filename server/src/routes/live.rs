//! `GET /trips/{id}/events`: a trip's changes as they happen, as server-sent events, for the
//! trip page's live island. A member's stream carries each change once (`event: change`,
//! `id:` the change's id); after a reconnect, `Last-Event-ID` brings what was missed from the
//! trip's history. A stream that fell too far behind is told to `reload`; one whose traveler
//! lost access is told `gone` and ends. A comment every [`HEARTBEAT`] keeps proxies from
//! closing a quiet stream. Each traveler has at most [`Settings::live_streams_per_user`] open.
//!
//! The events come from `domain::live`: straight from this process with SQLite, and through
//! PostgreSQL `LISTEN/NOTIFY` with PostgreSQL ([`spawn_listener`]), so a change made on any
//! instance reaches the streams on every instance.

use std::{
    collections::{HashMap, VecDeque},
    convert::Infallible,
    sync::{Arc, Mutex},
    time::Duration,
};

use app::{context::AppState, session::user_in};
use axum::{
    Extension,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use domain::{
    access::{Actor, Right},
    history::{self, Change, Kind},
    ids::{TripId, UserId},
    live::{self, TripEvent},
};
use futures_util::stream;
use sea_orm::DatabaseConnection;
use tokio::sync::{broadcast, watch};
use tower_sessions::Session;
use uuid::Uuid;

/// How often a quiet stream gets a comment.
pub const HEARTBEAT: Duration = Duration::from_secs(15);
/// How many recent event ids a stream remembers, to pass each change on once.
const SEEN: usize = 64;

/// The open streams: how many per traveler, and the signal that ends them all at shutdown.
pub struct Streams {
    open: Mutex<HashMap<UserId, usize>>,
    per_user: usize,
    closing: watch::Sender<bool>,
}

impl Streams {
    pub fn new(per_user: usize) -> Arc<Self> {
        Arc::new(Self {
            open: Mutex::new(HashMap::new()),
            per_user,
            closing: watch::channel(false).0,
        })
    }

    /// Ends every stream (the server is shutting down; browsers reconnect to another instance).
    pub fn close_all(&self) {
        self.closing.send_replace(true);
    }

    fn admit(self: &Arc<Self>, user: UserId) -> Option<Slot> {
        let mut open = self.open.lock().ok()?;
        let count = open.entry(user).or_insert(0);
        if *count >= self.per_user {
            return None;
        }
        *count += 1;
        Some(Slot {
            streams: Arc::clone(self),
            user,
        })
    }
}

/// A stream's place in its traveler's allowance, given back when the stream ends.
struct Slot {
    streams: Arc<Streams>,
    user: UserId,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.streams.open.lock()
            && let Some(count) = open.get_mut(&self.user)
        {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.user);
            }
        }
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, message.to_string()).into_response()
}

/// What one stream holds between events.
struct Watch {
    db: DatabaseConnection,
    actor: Actor,
    trip: TripId,
    events: broadcast::Receiver<TripEvent>,
    closing: watch::Receiver<bool>,
    /// Changes missed before the stream opened, oldest first.
    backlog: VecDeque<Change>,
    seen: VecDeque<Uuid>,
    done: bool,
    _slot: Slot,
}

fn change_event(change: &Change) -> Event {
    let data = serde_json::json!({
        "kind": change.kind,
        "who": change.who,
        "summary": change.summary,
        "at": change.at,
    });
    Event::default()
        .id(change.id.to_string())
        .event("change")
        .data(data.to_string())
}

impl Watch {
    /// The next event for the page, or `None` when the stream is over.
    async fn next(&mut self) -> Option<Event> {
        if self.done {
            return None;
        }
        if let Some(change) = self.backlog.pop_front() {
            self.remember(change.id);
            return Some(change_event(&change));
        }
        loop {
            let received = tokio::select! {
                received = self.events.recv() => received,
                _ = self.closing.wait_for(|closing| *closing) => {
                    self.done = true;
                    return None;
                }
            };
            match received {
                Ok(event) if event.trip == self.trip => {
                    if self.seen.contains(&event.change.id) {
                        continue;
                    }
                    self.remember(event.change.id);
                    if event.change.kind == Kind::TripDeleted {
                        self.done = true;
                        return Some(Event::default().event("gone").data("deleted"));
                    }
                    if event.change.kind.is_about_members()
                        && self
                            .actor
                            .check(&self.db, self.trip, Right::Read)
                            .await
                            .is_err()
                    {
                        self.done = true;
                        return Some(Event::default().event("gone").data("no access"));
                    }
                    return Some(change_event(&event.change));
                }
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    return Some(Event::default().event("reload").data("missed changes"));
                }
                Err(broadcast::error::RecvError::Closed) => {
                    self.done = true;
                    return None;
                }
            }
        }
    }

    fn remember(&mut self, id: Uuid) {
        if self.seen.len() == SEEN {
            self.seen.pop_front();
        }
        self.seen.push_back(id);
    }
}

pub async fn events(
    State(state): State<AppState>,
    Extension(streams): Extension<Arc<Streams>>,
    session: Session,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let user = match user_in(&session, state.sessions).await {
        Ok(Some(user)) => user,
        Ok(None) => return refuse(StatusCode::UNAUTHORIZED, "Please log in to continue."),
        Err(error) => return refuse(error.status(), &error.to_string()),
    };
    let Ok(trip) = id.parse::<TripId>() else {
        return refuse(StatusCode::NOT_FOUND, "We couldn’t find that.");
    };
    let actor = Actor::signed_in(user);
    // Subscribed before the access check and the catch-up read: nothing falls in between.
    let events = live::subscribe();
    if let Err(error) = actor.check(&state.db, trip, Right::Read).await {
        let error = app::error::AppError::from(error);
        return refuse(error.status(), &error.to_string());
    }
    let Some(slot) = streams.admit(user) else {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many open pages follow trips live. Close some and reload.",
        );
    };
    let last_seen = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<Uuid>().ok());
    let backlog = match last_seen {
        Some(after) => match history::since(&state.db, trip, after).await {
            Ok(changes) => changes.into(),
            Err(error) => {
                tracing::warn!(%error, "could not read the changes a page missed");
                VecDeque::new()
            }
        },
        None => VecDeque::new(),
    };
    let watch = Watch {
        db: state.db.clone(),
        actor,
        trip,
        events,
        closing: streams.closing.subscribe(),
        backlog,
        seen: VecDeque::with_capacity(SEEN),
        done: false,
        _slot: slot,
    };
    let stream = stream::unfold(watch, |mut watch| async move {
        let event = watch.next().await?;
        Some((Ok::<_, Infallible>(event), watch))
    });
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(HEARTBEAT).text("heartbeat"))
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Proxies such as nginx otherwise buffer the stream.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

/// With PostgreSQL, hears every instance's announcements and hands them to this process's
/// streams. The listener reconnects by itself after a dropped connection (events sent while it
/// was away are caught up by the pages through `Last-Event-ID` when they reconnect).
pub fn spawn_listener(db: &DatabaseConnection, closing: &Arc<Streams>) {
    if db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return;
    }
    let pool = db.get_postgres_connection_pool().clone();
    let mut stop = closing.closing.subscribe();
    tokio::spawn(async move {
        let mut listener = loop {
            match sea_orm::sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(mut listener) => match listener.listen(live::CHANNEL).await {
                    Ok(()) => break listener,
                    Err(error) => tracing::warn!(%error, "could not listen for trip changes"),
                },
                Err(error) => tracing::warn!(%error, "could not listen for trip changes"),
            }
            tokio::select! {
                () = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = stop.wait_for(|closing| *closing) => return,
            }
        };
        loop {
            let notification = tokio::select! {
                notification = listener.recv() => notification,
                _ = stop.wait_for(|closing| *closing) => return,
            };
            match notification {
                Ok(notification) => match serde_json::from_str::<TripEvent>(notification.payload())
                {
                    Ok(event) => live::deliver(event),
                    Err(error) => tracing::warn!(%error, "an unreadable trip change announcement"),
                },
                Err(error) => {
                    tracing::warn!(%error, "listening for trip changes failed; reconnecting");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
    });
}
