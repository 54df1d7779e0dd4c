//! `/api/v1/me`: the account, as the account page has it — read it, change the name, home zone,
//! theme or email, change the password, download everything, delete it all. The rules are the
//! web's (`domain::accounts`, `domain::privacy`): a new email needs the current password and
//! changes only once the link mailed to it is opened; wrong passwords count against the same
//! failed-login allowance as a log-in.

use app::context::AppState;
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::Utc;
use domain::{
    accounts::{
        model::{DISPLAY_NAME_MAX, EMAIL_MAX, Theme, display_name_problem, email_problem},
        service::{self, LoginRefused},
        tokens::digest,
    },
    entities::users,
    privacy::{deletion, export},
};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{
    ToSchema,
    openapi::{RefOr, Schema},
};

use super::{
    auth::Tokens,
    bearer::{Bearer, ClientAddress},
    contract::{self, AsSent},
    problem::{ApiError, ApiJson, BAD_TOKEN, Problem},
    versions::{self, Precondition},
};

/// The traveler.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// Whether the email address has been confirmed through its link.
    pub email_verified: bool,
    /// The traveler's home zone (IANA name), if chosen: what "today" is measured in.
    #[schema(required = true)]
    pub time_zone: Option<String>,
    /// The colour theme of the web pages: `system`, `light` or `dark`.
    #[schema(schema_with = theme_schema)]
    pub theme: String,
}

fn theme_schema() -> RefOr<Schema> {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(["system", "light", "dark"]))
        .into()
}

impl From<users::Model> for Me {
    fn from(user: users::Model) -> Self {
        Self {
            id: user.id.to_string(),
            email: user.email,
            display_name: user.display_name,
            email_verified: user.email_verified_at.is_some(),
            time_zone: user.time_zone,
            theme: user.theme,
        }
    }
}

impl Me {
    /// Accounts have no version column: the tag is a digest of what is shown, which changes
    /// whenever any of it does.
    fn tag(&self) -> i64 {
        let json = serde_json::to_string(self).unwrap_or_default();
        i64::from_str_radix(&digest(&json)[..15], 16).unwrap_or_default()
    }

    fn respond(&self) -> Response {
        let mut response = Json(self).into_response();
        response
            .headers_mut()
            .insert(header::ETAG, versions::etag(&self.tag()));
        response
    }
}

/// The traveler of the access token, as stored now.
pub async fn user(state: &AppState, grant: &Bearer) -> Result<users::Model, ApiError> {
    service::find_user(&state.db, grant.0.user_id.into())
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not load the traveler");
            ApiError::Internal
        })?
        .ok_or(ApiError::Unauthorized(BAD_TOKEN))
}

/// The traveler the access token belongs to.
#[utoipa::path(
    operation_id = "get_me",
    get, path = "/api/v1/me", tag = "account",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The traveler", body = Me,
            headers(("ETag" = String, description = "For `If-Match` on `PATCH`"))),
    )
)]
pub async fn get(State(state): State<AppState>, grant: Bearer) -> Result<Response, ApiError> {
    Ok(Me::from(user(&state, &grant).await?).respond())
}

/// Changes to the account; a field left out stays as it is.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct MeChanges {
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = display_name_schema)]
    pub display_name: Option<String>,
    /// A new address: it changes once the link mailed to it is opened (until then `email` stays
    /// the current one). Needs `password`.
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = email_schema)]
    pub email: Option<String>,
    /// A home zone; null to have none.
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = zone_schema)]
    pub time_zone: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = theme_schema)]
    pub theme: Option<String>,
    /// The current password: needed only to change the email.
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = current_password_schema)]
    pub password: Option<String>,
}

/// A field that is present (absent is `None` through `#[serde(default)]`): null is refused
/// unless `T` takes it (`Option<Option<_>>` reads null as `Some(None)`).
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

fn display_name_schema() -> RefOr<Schema> {
    contract::line(DISPLAY_NAME_MAX, "The name other travelers see.")
}
fn email_schema() -> RefOr<Schema> {
    contract::email("An email address, `name@example.com`.")
}
fn zone_schema() -> RefOr<Schema> {
    utoipa::openapi::OneOfBuilder::new()
        .item(contract::named("TimeZone"))
        .item(
            utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::Null),
        )
        .into()
}
/// The longest current password a request may carry (new ones are at most 128 characters;
/// this only bounds what is hashed to compare).
const PASSWORD_SENT_MAX: usize = 1024;

fn current_password_schema() -> RefOr<Schema> {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .max_length(Some(PASSWORD_SENT_MAX))
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Password,
        )))
        .into()
}

fn refused(refused: LoginRefused) -> ApiError {
    app::error::AppError::from(refused).into()
}

/// Change the name, home zone, theme or email.
#[utoipa::path(
    operation_id = "update_me",
    patch, path = "/api/v1/me", tag = "account",
    security(("bearer" = [])),
    params(("If-Match" = Option<String>, Header, nullable = false, description = "The `ETag` the account was read with: change it only if nothing has changed since")),
    request_body = MeChanges,
    responses(
        (status = 200, description = "The account as saved (a new email shows once confirmed)", body = Me,
            headers(("ETag" = String, description = "For the next `If-Match`"))),
        (status = 412, description = "Changed since the `If-Match` version; nothing was saved", body = MeChanged, content_type = "application/problem+json",
            headers(("ETag" = String, description = "The current version"))),
        (status = 422, description = "Invalid fields, or a new email without the right password; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    grant: Bearer,
    headers: HeaderMap,
    ApiJson(changes): ApiJson<MeChanges>,
) -> Result<Response, ApiError> {
    let precondition = versions::if_match(&headers)?;
    let mut sent = AsSent::default();
    // The profile's own rules too, so every problem is reported at once.
    if let Some(name) = &changes.display_name {
        sent.at_most("display_name", name, DISPLAY_NAME_MAX);
        if let Some(problem) = display_name_problem(name) {
            sent.require("display_name", false, problem);
        }
    }
    if let Some(email) = &changes.email {
        sent.at_most("email", email, EMAIL_MAX)
            .untrimmed("email", email);
        if let Some(problem) = email_problem(email) {
            sent.require("email", false, problem);
        }
    }
    if let Some(Some(zone)) = &changes.time_zone {
        sent.require(
            "time_zone",
            domain::reference::is_time_zone(zone),
            "Choose a time zone from the list (an IANA name like Europe/Lisbon).",
        );
    }
    let theme = match changes.theme.as_deref().map(str::parse::<Theme>) {
        None => None,
        Some(Ok(theme)) => Some(theme),
        Some(Err(_)) => {
            sent.require("theme", false, "Use system, light or dark.");
            None
        }
    };
    if let Some(password) = &changes.password {
        sent.at_most("password", password, PASSWORD_SENT_MAX);
    }
    sent.into_result().map_err(ApiError::Invalid)?;
    let current = user(&state, &grant).await?;
    let shown = Me::from(current.clone());
    if let Precondition::Version(version) = precondition
        && version != shown.tag()
    {
        return Err(ApiError::Changed {
            version: shown.tag(),
            current: serde_json::to_value(&shown).unwrap_or_default(),
        });
    }
    let update = service::update_profile(
        &state.db,
        &state.auth_limits,
        current.id.into(),
        changes
            .display_name
            .as_deref()
            .unwrap_or(&current.display_name),
        changes.email.as_deref().unwrap_or(&current.email),
        changes
            .time_zone
            .as_ref()
            .map(|zone| zone.as_deref().unwrap_or_default()),
        changes.password.as_deref().unwrap_or_default(),
    )
    .await
    .map_err(refused)?;
    if let Some(theme) = theme {
        service::set_theme(&state.db, current.id.into(), theme)
            .await
            .map_err(|error| refused(error.into()))?;
    }
    if let Some(new_email) = update.new_email {
        tracing::info!(user_id = %current.id, "email change asked for through the API");
        app::actions::accounts::start_email_change(&state, update.user, new_email);
    }
    Ok(Me::from(user(&state, &grant).await?).respond())
}

/// A 412 answer for the account: the problem, and the account as it is now.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MeChanged {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: Me,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct PasswordChange {
    #[schema(required = true, schema_with = current_password_schema)]
    pub current_password: String,
    /// 8 to 128 characters, not a common or easily guessed password.
    #[schema(required = true, schema_with = new_password_schema)]
    pub new_password: String,
}

fn new_password_schema() -> RefOr<Schema> {
    contract::password("8 to 128 characters, not a common or easily guessed password.")
}

/// Change the password. Every login ends — on the web and in the API, this one too — and a
/// new token pair comes back for this client.
#[utoipa::path(
    operation_id = "change_password",
    post, path = "/api/v1/me/password", tag = "account",
    security(("bearer" = [])),
    request_body = PasswordChange,
    responses(
        (status = 200, description = "Changed; the new token pair for this client (every other login has ended)", body = Tokens),
        (status = 422, description = "The current password is wrong, or the new one is too short, too long or too easy to guess; nothing was changed", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change_password(
    State(state): State<AppState>,
    grant: Bearer,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<Json<Tokens>, ApiError> {
    let mut sent = AsSent::default();
    sent.at_most(
        "current_password",
        &body.current_password,
        PASSWORD_SENT_MAX,
    );
    sent.into_result().map_err(ApiError::Invalid)?;
    let current = user(&state, &grant).await?;
    let confirmation = body.new_password.clone();
    service::change_password(
        &state.db,
        &state.auth_limits,
        current.id.into(),
        body.current_password,
        body.new_password,
        &confirmation,
        None,
    )
    .await
    .map_err(refused)?;
    Ok(Json(super::auth::start(&state, current.id).await?))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct Deletion {
    /// The account's password, to confirm.
    #[schema(required = true, schema_with = current_password_schema)]
    pub password: String,
}

/// Delete the account and everything in it, at once and for good.
#[utoipa::path(
    operation_id = "delete_me",
    delete, path = "/api/v1/me", tag = "account",
    security(("bearer" = [])),
    request_body = Deletion,
    responses(
        (status = 204, description = "Deleted, with every trip, activity and login"),
        (status = 422, description = "The password is wrong; nothing was deleted", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    grant: Bearer,
    ClientAddress(ip): ClientAddress,
    ApiJson(body): ApiJson<Deletion>,
) -> Result<StatusCode, ApiError> {
    let mut sent = AsSent::default();
    sent.at_most("password", &body.password, PASSWORD_SENT_MAX);
    sent.into_result().map_err(ApiError::Invalid)?;
    state
        .auth_limits
        .attempt_from(ip)
        .map_err(ApiError::RateLimited)?;
    let current = user(&state, &grant).await?;
    let attempt = state
        .auth_limits
        .password_attempt(&current.email)
        .map_err(ApiError::RateLimited)?;
    match deletion::delete_account(&state.db, &current, body.password, true).await {
        Ok(()) => {
            attempt.clear();
            Ok(StatusCode::NO_CONTENT)
        }
        Err(error) => {
            if matches!(
                error,
                deletion::DeletionError::Invalid {
                    wrong_password: true,
                    ..
                }
            ) {
                drop(attempt);
            } else {
                attempt.refund();
            }
            Err(app::error::AppError::from(error).into())
        }
    }
}

/// Everything stored about the traveler, as the web's "Download my data" gives it.
#[utoipa::path(
    operation_id = "export_me",
    get, path = "/api/v1/me/export", tag = "account",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account, its trips and their activities (the format of the web's data download)", body = Object),
    )
)]
pub async fn export(State(state): State<AppState>, grant: Bearer) -> Result<Response, ApiError> {
    let export = export::build(&state.db, grant.0.user_id, Utc::now())
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not build a data export");
            ApiError::Internal
        })?
        .ok_or(ApiError::Unauthorized(BAD_TOKEN))?;
    let mut response = Json(&export).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
