//! leptos 0.8 answers every server-function error with status 500, including a call it cannot
//! decode (missing or malformed arguments), which is the client's mistake. This middleware turns
//! those into 400, so bad input never looks like a server failure.
//!
//! The signal is the error itself: a small JSON 500 is read back as an `AppError` (the type our
//! server functions encode as JSON), and only `AppError::BadRequest` — what leptos' decoding
//! failures become (`AppError::from_server_fn_error`) — is changed; a body that is not one of
//! ours stays as it is. Upstream lets an error choose its status from
//! leptos 0.9 (leptos-rs/leptos#4536); with it this module can go. Guarded by the integration
//! tests `trips::missing_or_malformed_arguments_are_400_not_500` and
//! `hardening::malformed_bodies_to_every_server_function_never_leak_internals`.

use app::error::AppError;
use axum::{
    body::{Body, HttpBody, to_bytes},
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::Response,
};

/// The largest body read back: an `AppError` without form errors is a few bytes.
const ERROR_BODY_MAX: usize = 256;

pub async fn bad_input_is_400(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let small_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
        && response
            .body()
            .size_hint()
            .upper()
            .is_some_and(|length| length <= ERROR_BODY_MAX as u64);
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !small_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, ERROR_BODY_MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if serde_json::from_slice::<AppError>(&bytes).is_ok_and(|error| error == AppError::BadRequest) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}
