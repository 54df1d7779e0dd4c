//! The JSON API, `/api/v1`: plain axum handlers over the same services and validation as the
//! web pages. It lives in the server crate rather than in `app` because it is HTTP plumbing
//! only the server needs (the browser build never sees it), like the data-export route; the
//! rules it applies stay in `app`.
//!
//! Callers authenticate with `Authorization: Bearer <access token>` (see [`bearer`]); the
//! session cookie is never read, so the API needs no CSRF check (`startup::csrf_layer` lets it
//! through) and the web never accepts bearer tokens. Errors are `application/problem+json`
//! ([`problem`]); the OpenAPI 3.1 description is served at `/api/v1/openapi.json`.

pub mod activities;
pub mod auth;
pub mod bearer;
pub mod openapi;
pub mod problem;
pub mod trips;

use app::state::AppState;
use axum::{
    Router,
    http::StatusCode,
    routing::{get, post},
};

use problem::ApiError;

/// Where the API is mounted.
pub const PREFIX: &str = "/api/v1";

/// Whether `path` is the API's (answers are problem+json, the caller is the bearer token's).
pub fn is_api_path(path: &str) -> bool {
    path == PREFIX || path.starts_with("/api/v1/")
}

/// The API's routes, to be nested at [`PREFIX`].
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::spec))
        .route("/auth/register", post(auth::register))
        .route("/auth/login", post(auth::login))
        .route("/auth/refresh", post(auth::refresh_tokens))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/me", get(auth::me))
        .route("/trips", get(trips::list).post(trips::create))
        .route(
            "/trips/{id}",
            get(trips::get).put(trips::replace).delete(trips::delete),
        )
        .route(
            "/trips/{id}/activities",
            get(activities::list).post(activities::create),
        )
        .route(
            "/activities/{id}",
            axum::routing::put(activities::replace).delete(activities::delete),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

async fn not_found() -> ApiError {
    ApiError::Status(StatusCode::NOT_FOUND)
}

async fn method_not_allowed() -> ApiError {
    ApiError::Status(StatusCode::METHOD_NOT_ALLOWED)
}
