//! The OpenAPI 3.1 description of the API, generated from the handlers' and wire types'
//! annotations (`utoipa`), so it cannot drift from the code it documents.

use std::sync::LazyLock;

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use super::{activities, auth, trips};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Travel Planner API",
        version = "1",
        description = "Trips for scripts and apps. Log in for a token pair; send the access token as `Authorization: Bearer …`; refresh it before it expires (15 minutes). Errors are `application/problem+json` (RFC 9457)."
    ),
    paths(
        auth::register,
        auth::login,
        auth::refresh_tokens,
        auth::logout,
        auth::me,
        trips::list,
        trips::create,
        trips::get,
        trips::replace,
        trips::delete,
        activities::list,
        activities::create,
        activities::replace,
        activities::delete,
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "auth", description = "Accounts and tokens"),
        (name = "trips", description = "The traveler's trips"),
        (name = "activities", description = "What is planned in a trip, day by day"),
    )
)]
pub struct ApiDoc;

/// Declares the `bearer` scheme the operations' `security` refers to.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .bearer_format("JWT")
                        .build(),
                ),
            );
    }
}

static SPEC: LazyLock<Option<String>> = LazyLock::new(|| match ApiDoc::openapi().to_json() {
    Ok(json) => Some(json),
    Err(error) => {
        tracing::error!(%error, "could not encode the OpenAPI description");
        None
    }
});

/// `GET /api/v1/openapi.json`.
pub async fn spec() -> Response {
    match SPEC.as_ref() {
        Some(json) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            json.clone(),
        )
            .into_response(),
        None => super::problem::ApiError::Status(StatusCode::INTERNAL_SERVER_ERROR).into_response(),
    }
}
