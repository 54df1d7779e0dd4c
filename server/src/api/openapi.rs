//! The OpenAPI 3.1 description of the API, generated from the handlers' and wire types'
//! annotations (`utoipa`), so it cannot drift from the code it documents.

use std::sync::LazyLock;

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use utoipa::{
    Modify, OpenApi,
    openapi::{
        ContentBuilder, Ref, RefOr, ResponseBuilder,
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    },
};

use super::{activities, auth, collaboration, me, trips};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Travel Planner API",
        version = "1",
        description = "Trips for scripts and apps. Log in for a token pair; send the access token as `Authorization: Bearer …`; refresh it before it expires (15 minutes). Errors are `application/problem+json` (RFC 9457). Send an `Idempotency-Key` (a UUID) with a `POST` to retry it safely: the same key and request within 24 hours get the first answer again (`Idempotent-Replayed: true`); the same key with another request is a 422. Trips, activities and the account answer with an `ETag`; send it back as `If-Match` to change them only if nobody has since (else 412 with `current`). Lists are paged with `?page=N` and a `Link` header (`first`, `prev`, `next`, `last`). Fields a request does not need are ignored."
    ),
    paths(
        auth::register,
        auth::login,
        auth::refresh_tokens,
        auth::logout,
        auth::me,
        me::get,
        me::update,
        me::change_password,
        me::export,
        me::delete,
        trips::list,
        trips::create,
        trips::get,
        trips::replace,
        trips::delete,
        activities::list,
        activities::create,
        activities::get,
        activities::replace,
        activities::move_activity,
        activities::delete,
        collaboration::list_members,
        collaboration::change_role,
        collaboration::remove_member,
        collaboration::hand_over,
        collaboration::list_invitations,
        collaboration::invite,
        collaboration::resend,
        collaboration::revoke,
        collaboration::my_invitations,
        collaboration::accept,
        collaboration::decline,
        collaboration::get_share_link,
        collaboration::create_share_link,
        collaboration::revoke_share_link,
        collaboration::trip_history,
    ),
    components(schemas(
        domain::trips::model::Status,
        domain::trips::model::Sort,
        domain::trips::model::Whose,
        domain::itinerary::model::Category,
    )),
    modifiers(&BearerScheme, &NamedSchemas, &CommonResponses),
    tags(
        (name = "auth", description = "Signing up, logging in, and tokens"),
        (name = "account", description = "The traveler's account"),
        (name = "trips", description = "The traveler's trips"),
        (name = "activities", description = "What is planned in a trip, day by day"),
        (name = "members", description = "Planning together: members and roles, invitations, the share link, the history"),
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

/// The long enumerations every request that names a currency or a zone refers to.
struct NamedSchemas;

impl Modify for NamedSchemas {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, schema) in super::contract::components() {
            components.schemas.insert(name.to_string(), schema);
        }
    }
}

/// Answers any operation can give, documented once here rather than on every handler (a
/// handler's own description of the same status wins): 429 from the rate limit everywhere;
/// 400 (not JSON), 413 (too large), 415 (not `application/json`) and 422 (invalid fields)
/// wherever a body is read; 401 wherever a token is needed; 409 on a signed-in `POST` whose
/// `Idempotency-Key` is still being answered.
struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let problem = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/problem+json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    )
                    .build(),
            )
        };
        for (path, item) in &mut openapi.paths.paths {
            let operations = [
                (false, &mut item.get),
                (false, &mut item.put),
                (true, &mut item.post),
                (false, &mut item.delete),
                (false, &mut item.patch),
            ];
            for (is_post, operation) in operations {
                let Some(operation) = operation else { continue };
                let mut add = |status: &str, description: &str| {
                    operation
                        .responses
                        .responses
                        .entry(status.to_string())
                        .or_insert_with(|| problem(description));
                };
                add(
                    "429",
                    "Too many requests this minute; `Retry-After` says when to try again",
                );
                if operation.request_body.is_some() {
                    add(
                        "422",
                        "A field is missing or invalid: `errors` lists them; nothing was changed",
                    );
                    add("400", "The body is not valid JSON");
                    add("413", "The body is larger than the server accepts");
                    add("415", "The body is not sent as `application/json`");
                }
                if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
                    add("401", "No valid access token");
                }
                // A change to a trip someone shared with the traveler, beyond their role.
                let changes = !matches!(operation.operation_id.as_deref(), Some(id) if id.starts_with("get_") || id.starts_with("list_"));
                if changes
                    && (path.contains("{id}") && path.starts_with("/api/v1/trips")
                        || path.starts_with("/api/v1/activities/"))
                {
                    add(
                        "403",
                        "The traveler is a member of the trip, but their role does not allow this",
                    );
                }
                if is_post && operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
                    add(
                        "409",
                        "A request with the same `Idempotency-Key` is still being answered; `Retry-After` says when to try again",
                    );
                }
            }
        }
    }
}

static SPEC: LazyLock<Option<String>> = LazyLock::new(|| {
    let encoded = serde_json::to_value(ApiDoc::openapi()).and_then(|mut spec| {
        without_defaults_on_optional_fields(&mut spec);
        serde_json::to_string(&spec)
    });
    match encoded {
        Ok(json) => Some(json),
        Err(error) => {
            tracing::error!(%error, "could not encode the OpenAPI description");
            None
        }
    }
});

/// Drops the `default` utoipa derives from `#[serde(default)]` on fields a request may leave
/// out. "Absent means empty" is already what optional means here, and generators read a
/// default as "always present" (openapi-typescript makes such a field required), so the
/// types they make would demand every field of a request.
fn without_defaults_on_optional_fields(spec: &mut serde_json::Value) {
    let Some(schemas) = spec
        .pointer_mut("/components/schemas")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    for schema in schemas.values_mut() {
        let required: Vec<String> = schema
            .get("required")
            .and_then(serde_json::Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .filter_map(|name| name.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let Some(properties) = schema
            .get_mut("properties")
            .and_then(serde_json::Value::as_object_mut)
        else {
            continue;
        };
        for (name, property) in properties.iter_mut() {
            if !required.contains(name)
                && let Some(property) = property.as_object_mut()
            {
                property.remove("default");
            }
        }
    }
}

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
