//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: it can reach the
//! database). Orchestrators restart on the first and stop routing traffic on the second.

use std::time::Duration;

use app::context::AppState;
use axum::{
    Json,
    extract::State,
    http::{StatusCode, header},
    response::IntoResponse,
};
use serde_json::json;

const PING_TIMEOUT: Duration = Duration::from_secs(2);

pub async fn healthz() -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "status": "ok" })),
    )
}

pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
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
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body))
}
