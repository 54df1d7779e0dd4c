//! Friendly error pages for failures that happen outside the Leptos app — a panic, a timeout, a
//! body too large, the rate limit, the database gone — in the site's look, without scripts and
//! without touching the database. A panic becomes a 500 page and one log line; its message and
//! backtrace never reach the response.

use std::any::Any;

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub use crate::plain_pages::ErrorPages;

/// Error statuses that get a friendly body when the response has none of its own.
fn is_friendly(status: StatusCode) -> bool {
    matches!(status.as_u16(), 404 | 408 | 413 | 429 | 500..=504)
}

/// Replaces bare error responses (empty or plain-text bodies from the framework, the timeout,
/// the body limit, a caught panic) with the friendly page — or JSON for clients that do not
/// accept HTML, and problem+json for every error of the JSON API. Responses that already carry
/// a page or an encoded error pass unchanged.
pub async fn friendly(State(pages): State<ErrorPages>, request: Request, next: Next) -> Response {
    let accepts_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let api = crate::api::is_api_path(request.uri().path());
    let language = app::context::language_of(request.headers(), None);
    let response = next.run(request).await;
    let status = response.status();
    let convert = if api {
        status.is_client_error() || status.is_server_error()
    } else {
        is_friendly(status)
    };
    if !convert {
        return response;
    }
    let bare = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    if !bare {
        return response;
    }
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    // A page behind a secret address (a calendar feed) asked for no `Referer`; its error page
    // keeps that.
    let referrer_policy = response.headers().get(header::REFERRER_POLICY).cloned();
    let mut friendly = if api {
        crate::api::problem::ApiError::Status(status).into_response()
    } else if accepts_html {
        pages.page(status, language)
    } else {
        crate::plain_pages::json(status)
    };
    if let Some(value) = retry_after {
        friendly.headers_mut().insert(header::RETRY_AFTER, value);
    }
    if let Some(value) = referrer_policy {
        friendly
            .headers_mut()
            .insert(header::REFERRER_POLICY, value);
    }
    friendly
}

/// For `CatchPanicLayer`: logs the panic (its message only) and answers a bare 500, which
/// [`friendly`] turns into the page.
pub fn panicked(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let message = panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string());
    tracing::error!(panic = %message, "a request handler panicked");
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
