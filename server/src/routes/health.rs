//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: it can reach the
//! database and is not shutting down). Orchestrators restart on the first and stop routing
//! traffic on the second.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use app::context::AppState;
use axum::{
    Extension, Json,
    extract::State,
    http::{StatusCode, header},
    response::IntoResponse,
};
use serde_json::json;

const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// Set once a shutdown signal has come: from then on `/readyz` answers 503 while every other
/// route is still served, so a proxy or orchestrator takes the instance out before it stops
/// accepting connections (`Application::run_until`).
#[derive(Clone, Default)]
pub struct Draining(Arc<AtomicBool>);

impl Draining {
    pub fn start(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_on(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Marks a response whose 5xx status is expected (readiness during a drain): the request log
/// writes it at info, not as a failed request (an error that would alert on every deploy).
#[derive(Clone, Copy, Debug)]
pub struct Expected;

pub async fn healthz() -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "status": "ok" })),
    )
}

/// The extension is optional so that a router built without an [`Application`] (which owns
/// the shutdown) still answers.
///
/// [`Application`]: crate::startup::Application
pub async fn readyz(
    State(state): State<AppState>,
    draining: Option<Extension<Draining>>,
) -> axum::response::Response {
    if draining.is_some_and(|Extension(draining)| draining.is_on()) {
        // No database ping: the answer is the same whatever it says, and a draining instance
        // should not add work.
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Extension(Expected),
            [(header::CACHE_CONTROL, "no-store")],
            Json(json!({ "status": "draining", "checks": { "shutdown": "in progress" } })),
        )
            .into_response();
    }
    let database_ok = matches!(
        tokio::time::timeout(PING_TIMEOUT, state.db.ping()).await,
        Ok(Ok(()))
    );
    let (status, body) = if database_ok {
        (
            StatusCode::OK,
            json!({ "status": "ready", "checks": { "database": "ok" } }),
        )
    } else {
        tracing::warn!("readiness check failed: the database is unreachable");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({ "status": "unavailable", "checks": { "database": "unreachable" } }),
        )
    };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}
