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
pub mod collaboration;
pub mod contract;
pub mod docs;
pub mod idempotency;
pub mod me;
pub mod openapi;
pub mod paging;
pub mod problem;
pub mod trips;
pub mod versions;

use std::time::Duration;

use app::context::AppState;
use axum::{
    Router,
    http::{HeaderName, HeaderValue, Method, StatusCode, header},
    routing::{delete, get, patch, post},
};
use tower_http::cors::{AllowOrigin, CorsLayer};

use problem::ApiError;

/// The traveler an API request acts for: the access token's.
pub fn actor(grant: &domain::accounts::api_tokens::AccessGrant) -> domain::access::Actor {
    domain::access::Actor::signed_in(grant.user_id.into())
}

/// Where the API is mounted.
pub const PREFIX: &str = "/api/v1";

/// Whether `path` is the API's (answers are problem+json, the caller is the bearer token's).
pub fn is_api_path(path: &str) -> bool {
    path == PREFIX || path.starts_with("/api/v1/")
}

/// The API's routes, to be nested at [`PREFIX`]. Browsers on `cors_origins` may call it
/// (with a bearer token, never cookies); with none, no CORS headers are sent at all.
pub fn router(cors_origins: &[String], state: &AppState) -> Router<AppState> {
    let routes = Router::new()
        .route("/openapi.json", get(openapi::spec))
        .route("/auth/register", post(auth::register))
        .route("/auth/login", post(auth::login))
        .route("/auth/refresh", post(auth::refresh_tokens))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/me", get(auth::me))
        .route("/me", get(me::get).patch(me::update).delete(me::delete))
        .route("/me/password", post(me::change_password))
        .route("/me/export", get(me::export))
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
            get(activities::get)
                .put(activities::replace)
                .delete(activities::delete),
        )
        .route("/activities/{id}/move", post(activities::move_activity))
        .route("/trips/{id}/members", get(collaboration::list_members))
        .route(
            "/trips/{id}/members/{user_id}",
            patch(collaboration::change_role).delete(collaboration::remove_member),
        )
        .route("/trips/{id}/owner", post(collaboration::hand_over))
        .route(
            "/trips/{id}/invitations",
            get(collaboration::list_invitations).post(collaboration::invite),
        )
        .route(
            "/trips/{id}/invitations/{invitation_id}",
            delete(collaboration::revoke),
        )
        .route(
            "/trips/{id}/invitations/{invitation_id}/resend",
            post(collaboration::resend),
        )
        .route(
            "/trips/{id}/share-link",
            get(collaboration::get_share_link)
                .put(collaboration::create_share_link)
                .delete(collaboration::revoke_share_link),
        )
        .route("/trips/{id}/history", get(collaboration::trip_history))
        .route("/me/invitations", get(collaboration::my_invitations))
        .route(
            "/me/invitations/{invitation_id}/accept",
            post(collaboration::accept),
        )
        .route(
            "/me/invitations/{invitation_id}/decline",
            post(collaboration::decline),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            idempotency::remember,
        ));
    match cors(cors_origins) {
        Some(cors) => routes.layer(cors),
        None => routes,
    }
}

/// The CORS policy for an allow-list of origins: the API's methods and the two headers a
/// client sends, no credentials (the API reads bearer tokens, not cookies), and the headers a
/// client may want to read. `None` for an empty list.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::PATCH,
                Method::DELETE,
            ])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_MATCH,
                HeaderName::from_static(idempotency::HEADER),
            ])
            .expose_headers([
                header::LOCATION,
                header::RETRY_AFTER,
                header::ETAG,
                header::LINK,
                HeaderName::from_static(idempotency::REPLAYED),
            ])
            .max_age(Duration::from_secs(3600)),
    )
}

async fn not_found() -> ApiError {
    ApiError::Status(StatusCode::NOT_FOUND)
}

async fn method_not_allowed() -> ApiError {
    ApiError::Status(StatusCode::METHOD_NOT_ALLOWED)
}
