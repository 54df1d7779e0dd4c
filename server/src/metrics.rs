//! Prometheus metrics: requests by route and status with latency histograms, database pool
//! usage, live sessions, logins and rate-limited requests. Served at `/metrics` on a separate
//! (private) listener when `METRICS_BIND_ADDRESS` is set, and on the public one only to a request
//! bearing `METRICS_TOKEN`; otherwise `/metrics` is a plain 404.

use std::{
    sync::{Arc, OnceLock},
    time::Instant,
};

use axum::{
    extract::{MatchedPath, Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use domain::entities::sessions;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

const REQUESTS: &str = "travel_planner_http_requests_total";
const DURATION: &str = "travel_planner_http_request_duration_seconds";

/// The process-wide recorder (metrics are global; several apps in one test process share it).
fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full(DURATION.to_string()),
                    &[
                        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
                        10.0,
                    ],
                )
                .ok()?;
            match builder.install_recorder() {
                Ok(handle) => {
                    metrics::describe_counter!(REQUESTS, "HTTP requests answered");
                    metrics::describe_histogram!(
                        DURATION,
                        metrics::Unit::Seconds,
                        "Time to answer HTTP requests"
                    );
                    Some(handle)
                }
                Err(error) => {
                    tracing::warn!(%error, "could not install the metrics recorder");
                    None
                }
            }
        })
        .as_ref()
}

/// Installs the recorder (once per process).
pub fn init() {
    let _ = handle();
}

/// Who may read the metrics and what they describe.
#[derive(Clone)]
pub struct MetricsAccess {
    /// `None`: only a separate listener serves them.
    pub token: Option<Arc<str>>,
    pub db: DatabaseConnection,
}

/// The method as a label: one of the standard methods, or `OTHER`. Labels are kept for the
/// life of the process, so none may take its values from what a client chooses to send.
pub fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "OTHER",
    }
}

/// Counts the request and its latency by route pattern (never the raw path), method and status:
/// every label from a fixed set.
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(other)".to_string(), |path| path.as_str().to_string());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(REQUESTS, "method" => method, "route" => route.clone(), "status" => status.clone())
        .increment(1);
    metrics::histogram!(DURATION, "route" => route, "status" => status)
        .record(started.elapsed().as_secs_f64());
    response
}

/// `/metrics` on the public listener: only with the token.
pub async fn public(State(access): State<MetricsAccess>, request: Request) -> Response {
    let Some(token) = &access.token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !constant_time_eq(presented.as_bytes(), token.as_bytes()) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    render(&access.db).await
}

/// `/metrics` on the private listener.
pub async fn private(State(access): State<MetricsAccess>) -> Response {
    render(&access.db).await
}

async fn render(db: &DatabaseConnection) -> Response {
    sample_gauges(db).await;
    let Some(handle) = handle() else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    handle.run_upkeep();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}

/// Values read at scrape time: the pool and the live sessions.
async fn sample_gauges(db: &DatabaseConnection) {
    let (size, idle) = pool_usage(db);
    metrics::gauge!("travel_planner_db_pool_connections").set(f64::from(size));
    metrics::gauge!("travel_planner_db_pool_idle_connections").set(idle as f64);
    match sessions::Entity::find()
        .filter(sessions::Column::ExpiresAt.gt(chrono::Utc::now()))
        .count(db)
        .await
    {
        Ok(live) => metrics::gauge!("travel_planner_sessions").set(live as f64),
        Err(error) => tracing::warn!(%error, "could not count sessions for the metrics"),
    }
}

fn pool_usage(db: &DatabaseConnection) -> (u32, usize) {
    match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        sea_orm::DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => (0, 0),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
