//! While the database is unreachable, requests that need it fail deep inside (the session store,
//! a service) and come out as 500. That is not a bug to report but an outage to wait out: this
//! middleware checks the database whenever a response is a 500 and, if it does not answer, sends
//! 503 with `Retry-After` instead (browsers get the friendly page from `error_pages`). When the database comes back, the pool
//! opens fresh connections by itself and the same requests succeed again.

use std::time::Duration;

use app::{context::AppState, error::AppError};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// How long the check waits for the database before calling it unreachable.
const PING_TIMEOUT: Duration = Duration::from_secs(1);

/// Seconds a client should wait before trying again.
const RETRY_AFTER_SECONDS: &str = "5";

/// Turns a 500 into a 503 when the database does not answer.
pub async fn database_down_is_503(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    // Browsers and API clients get a bare answer that `error_pages` dresses (a page, or
    // problem+json); server-function calls get the app's encoded error.
    let bare = crate::api::is_api_path(request.uri().path())
        || request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let reachable = matches!(
        tokio::time::timeout(PING_TIMEOUT, state.db.ping()).await,
        Ok(Ok(()))
    );
    if reachable {
        return response;
    }
    tracing::warn!("the database is unreachable: answering 503");
    unavailable(bare)
}

/// The 503 response: bare for browsers (`error_pages::friendly` puts the page in), and
/// `AppError::Internal`'s JSON for server-function calls (their client shows its message,
/// "please try again in a moment").
pub fn unavailable(html: bool) -> Response {
    let (content_type, body) = if html {
        ("text/plain; charset=utf-8", Body::empty())
    } else {
        (
            "application/json",
            Body::from(serde_json::to_string(&AppError::Internal).unwrap_or_default()),
        )
    };
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::RETRY_AFTER,
                HeaderValue::from_static(RETRY_AFTER_SECONDS),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}
