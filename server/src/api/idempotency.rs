//! `Idempotency-Key` on the API's `POST`s: a request sent again with the same key after its
//! answer was lost (a phone between cells) gets the first answer again, marked
//! `Idempotent-Replayed: true`, instead of creating a second trip. The same key with a
//! different request is a 422; while the first is still being answered, a 409. Answers are
//! kept for 24 hours per traveler (`domain::idempotency`).
//!
//! Answers that did not do anything — a failure on our side, a rate limit, an expired token —
//! are not kept, so a retry does the request. The `auth` endpoints take no key: they run
//! before there is a traveler to keep answers for, and their answers are credentials, which
//! are never stored; each is safe to repeat (see `docs/api.md`).

use app::context::AppState;
use axum::{
    body::{Body, Bytes},
    extract::{FromRequestParts, Request, State},
    http::{HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::Utc;
use domain::idempotency::{self, Answer, Claim};

use super::{bearer::Bearer, problem::ApiError};

/// The request header naming a retryable request.
pub const HEADER: &str = "idempotency-key";
/// The answer header marking a stored answer given again.
pub const REPLAYED: &str = "idempotent-replayed";
/// The longest key.
pub const KEY_MAX: usize = 255;
/// Answers larger than this are not kept (none of the API's `POST`s comes near).
const ANSWER_MAX: usize = 256 * 1024;
/// The headers of an answer that are given again with it.
const KEPT_HEADERS: [HeaderName; 4] = [
    header::CONTENT_TYPE,
    header::LOCATION,
    header::ETAG,
    header::RETRY_AFTER,
];

pub const KEY_INVALID: &str =
    "`Idempotency-Key` must be 1 to 255 visible ASCII characters, like a UUID.";
pub const KEY_REUSED: &str = "This `Idempotency-Key` was already used for a different request in the last 24 hours. Use a new key for a new request.";
pub const KEY_BUSY: &str =
    "A request with this `Idempotency-Key` is still being answered. Try again in a moment.";

/// Paths whose bodies carry a password: they are recognised by method and path only, so no
/// digest of a password is ever stored.
fn body_is_secret(path: &str) -> bool {
    path.ends_with("/me/password")
}

/// A key as the header sends it, if it is one.
fn read_key(value: &HeaderValue) -> Option<&str> {
    let key = value.to_str().ok()?;
    (!key.is_empty() && key.len() <= KEY_MAX && key.bytes().all(|b| b.is_ascii_graphic()))
        .then_some(key)
}

/// The middleware (on the API's routes, inside the rate limit and the body limit).
pub async fn remember(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || request.uri().path().contains("/auth/") {
        return next.run(request).await;
    }
    let Some(value) = request.headers().get(HEADER).cloned() else {
        return next.run(request).await;
    };
    let Some(key) = read_key(&value) else {
        return ApiError::BadRequest(KEY_INVALID.to_string()).into_response();
    };
    let (mut parts, body) = request.into_parts();
    // Without a valid token there is nobody to keep the answer for: the handler says 401.
    let Ok(Bearer(grant)) = Bearer::from_request_parts(&mut parts, &state).await else {
        return next.run(Request::from_parts(parts, body)).await;
    };
    parts.extensions.insert(Bearer(grant));
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        // Over the body limit (the only way reading an in-memory body fails).
        Err(_) => return ApiError::PayloadTooLarge.into_response(),
    };
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_string(), ToString::to_string);
    let secret = body_is_secret(parts.uri.path());
    let fingerprint = idempotency::fingerprint(
        parts.method.as_str(),
        &target,
        (!secret).then_some(body.as_ref()),
    );
    let claim = idempotency::claim(
        &state.db,
        grant.user_id.into(),
        key,
        &fingerprint,
        Utc::now(),
    )
    .await;
    match claim {
        Ok(Claim::Fresh(id)) => {
            let response = next.run(Request::from_parts(parts, Body::from(body))).await;
            keep(&state, id, response).await
        }
        Ok(Claim::Answered(answer)) => replay(answer),
        Ok(Claim::InProgress) => {
            let mut response = ApiError::Conflict(KEY_BUSY).into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            response
        }
        Ok(Claim::OtherRequest) => {
            let mut errors = domain::FormErrors::with_form(KEY_REUSED);
            errors.add("Idempotency-Key", KEY_REUSED);
            ApiError::Invalid(errors).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "could not check an idempotency key");
            ApiError::Internal.into_response()
        }
    }
}

/// Whether an answer says what the request did (and so is the answer to a retry), rather than
/// that it was not done this time.
fn is_final(status: StatusCode) -> bool {
    !(status.is_server_error()
        || matches!(
            status,
            StatusCode::UNAUTHORIZED | StatusCode::REQUEST_TIMEOUT | StatusCode::TOO_MANY_REQUESTS
        ))
}

/// Stores `response` under claim `id` (or gives the claim up), and returns it.
async fn keep(state: &AppState, id: uuid::Uuid, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let body: Bytes = match axum::body::to_bytes(body, ANSWER_MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "an answer could not be read to keep it");
            forget(state, id).await;
            return ApiError::Internal.into_response();
        }
    };
    let text = std::str::from_utf8(&body).ok();
    match text {
        Some(text) if is_final(parts.status) => {
            let answer = Answer {
                status: parts.status.as_u16(),
                headers: KEPT_HEADERS
                    .iter()
                    .filter_map(|name| {
                        let value = parts.headers.get(name)?.to_str().ok()?;
                        Some((name.as_str().to_string(), value.to_string()))
                    })
                    .collect(),
                body: text.to_string(),
            };
            if let Err(error) = idempotency::remember(&state.db, id, &answer).await {
                // The request was done; only a retry of it will not be recognised.
                tracing::error!(%error, "could not keep an answer for its idempotency key");
                forget(state, id).await;
            }
        }
        _ => forget(state, id).await,
    }
    Response::from_parts(parts, Body::from(body))
}

async fn forget(state: &AppState, id: uuid::Uuid) {
    if let Err(error) = idempotency::forget(&state.db, id).await {
        tracing::error!(%error, "could not release an idempotency key");
    }
}

/// A kept answer, given again.
fn replay(answer: Answer) -> Response {
    let mut response = (
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK),
        answer.body,
    )
        .into_response();
    let headers = response.headers_mut();
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.insert(name, value);
        }
    }
    headers.insert(
        HeaderName::from_static(REPLAYED),
        HeaderValue::from_static("true"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_visible_ascii_of_bounded_length() {
        for good in [
            "a",
            "0f5e8a3c-6a2b-4c1d-9e8f-1a2b3c4d5e6f",
            &"k".repeat(255),
        ] {
            assert!(
                read_key(&HeaderValue::from_str(good).unwrap()).is_some(),
                "{good}"
            );
        }
        for bad in ["", "two words", &"k".repeat(256)] {
            assert!(
                read_key(&HeaderValue::from_str(bad).unwrap()).is_none(),
                "{bad}"
            );
        }
    }

    #[test]
    fn failures_on_our_side_and_refusals_of_the_moment_are_not_kept() {
        for kept in [200, 201, 204, 404, 412, 422] {
            assert!(is_final(StatusCode::from_u16(kept).unwrap()), "{kept}");
        }
        for retried in [401, 408, 429, 500, 503] {
            assert!(
                !is_final(StatusCode::from_u16(retried).unwrap()),
                "{retried}"
            );
        }
    }
}
