//! Leptos answers a server-function call it cannot decode (missing or malformed arguments) with
//! status 500, whatever the error says. Those calls are the client's mistake: this middleware
//! turns them into 400, so bad input never looks like a server failure.

use axum::{
    body::{Body, HttpBody, to_bytes},
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::Response,
};

/// The body leptos sends for `AppError::BadRequest` (the JSON of the unit variant).
const BAD_REQUEST_BODY: &[u8] = b"\"BadRequest\"";

pub async fn bad_input_is_400(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let small = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
        && response
            .body()
            .size_hint()
            .upper()
            .is_some_and(|length| length <= 64);
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !small {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 64).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if bytes.as_ref() == BAD_REQUEST_BODY {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}
