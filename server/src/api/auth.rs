//! `/api/v1/auth`: sign up, log in, refresh, log out, and who am I. The rules are the web's
//! (`domain::accounts::service`): the same validation, the same per-address and per-account limits.

use app::context::AppState;
use axum::{
    Json,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use chrono::Utc;
use domain::accounts::{
    api_tokens::ACCESS_LIFETIME,
    model::SignupInput,
    refresh::{self, Issued, REFRESH_LIFETIME, RefreshError},
    service::{self, AuthError, LoginRefused},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    bearer::{Bearer, ClientAddress},
    me::Me,
    problem::{ApiError, ApiJson, BAD_CREDENTIALS, BAD_REFRESH, Problem},
};

/// A new account. Missing fields are empty (and reported as such).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RegisterRequest {
    #[schema(example = "maria@example.com")]
    pub email: String,
    #[schema(example = "Maria")]
    pub display_name: String,
    /// 8 to 128 characters, not a common or easily guessed password.
    pub password: String,
    /// Optional; when given it must equal `password`.
    pub password_confirmation: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh. Each can be used once.
    pub refresh_token: String,
}

/// A token pair. Send the access token as `Authorization: Bearer …`; when it expires, exchange
/// the refresh token at `/api/v1/auth/refresh` for a new pair.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Tokens {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds the access token is valid for (900).
    pub expires_in: i64,
    pub refresh_token: String,
    /// Seconds the refresh token is valid for, if not used first (30 days).
    pub refresh_token_expires_in: i64,
}

impl From<Issued> for Tokens {
    fn from(issued: Issued) -> Self {
        Self {
            access_token: issued.access_token,
            token_type: "Bearer".to_string(),
            expires_in: ACCESS_LIFETIME.num_seconds(),
            refresh_token: issued.refresh_token,
            refresh_token_expires_in: REFRESH_LIFETIME.num_seconds(),
        }
    }
}

fn auth_failed(error: AuthError) -> ApiError {
    match error {
        AuthError::InvalidCredentials => ApiError::Unauthorized(BAD_CREDENTIALS),
        other => app::error::AppError::from(other).into(),
    }
}

/// How long an API login may be refreshed: the web session's absolute lifetime.
fn login_lifetime(state: &AppState) -> chrono::Duration {
    chrono::Duration::from_std(state.sessions.absolute_lifetime)
        .unwrap_or(refresh::REFRESH_LIFETIME)
}

fn refresh_failed(error: RefreshError) -> ApiError {
    match error {
        RefreshError::Invalid | RefreshError::Reused => ApiError::Unauthorized(BAD_REFRESH),
        RefreshError::Db(_) | RefreshError::Access(_) => {
            tracing::error!(%error, "could not issue API tokens");
            ApiError::Internal
        }
    }
}

pub(super) async fn start(state: &AppState, user_id: uuid::Uuid) -> Result<Tokens, ApiError> {
    refresh::start(
        &state.db,
        &state.access_keys,
        user_id,
        login_lifetime(state),
        Utc::now(),
    )
    .await
    .map(Tokens::from)
    .map_err(refresh_failed)
}

/// What a registration answers: always the same, whether or not the address has an account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Registration {
    /// What happens next, in words for the person.
    #[schema(
        example = "Check your inbox: we sent a link to finish creating your account. It works for 24 hours."
    )]
    pub message: String,
}

/// Start creating an account. The address gets a link that finishes it (opened in a browser,
/// it logs the person in on the web; then log in here with `/auth/login`). An address that
/// already has an account gets a note instead; the answer is the same either way, so it never
/// tells anyone which addresses are registered.
#[utoipa::path(
    operation_id = "register",
    post, path = "/api/v1/auth/register", tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 202, description = "Checked; the address gets a link to finish (or a note if it has an account)", body = Registration),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn register(
    State(state): State<AppState>,
    ClientAddress(ip): ClientAddress,
    ApiJson(body): ApiJson<RegisterRequest>,
) -> Result<(StatusCode, Json<Registration>), ApiError> {
    state
        .auth_limits
        .attempt_from(ip)
        .map_err(ApiError::RateLimited)?;
    let input = SignupInput {
        password_confirmation: body
            .password_confirmation
            .unwrap_or_else(|| body.password.clone()),
        email: body.email,
        display_name: body.display_name,
        password: body.password,
    };
    let checked = domain::accounts::signup::check(input)
        .await
        .map_err(auth_failed)?;
    app::actions::accounts::start_sign_up(&state, checked);
    Ok((
        StatusCode::ACCEPTED,
        Json(Registration {
            message: "Check your inbox: we sent a link to finish creating your account. It works for 24 hours.".to_string(),
        }),
    ))
}

/// Log in with email and password.
#[utoipa::path(
    operation_id = "log_in",
    post, path = "/api/v1/auth/login", tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "A token pair", body = Tokens),
        (status = 401, description = "Unknown email or wrong password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed logins for the account, or attempts from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    ClientAddress(ip): ClientAddress,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Json<Tokens>, ApiError> {
    state
        .auth_limits
        .attempt_from(ip)
        .map_err(ApiError::RateLimited)?;
    let user = service::log_in_limited(&state.db, &state.auth_limits, &body.email, body.password)
        .await
        .map_err(|refused| match refused {
            LoginRefused::RateLimited(wait) => ApiError::RateLimited(wait),
            LoginRefused::Auth(error) => auth_failed(error),
        })?;
    Ok(Json(start(&state, user.id).await?))
}

/// Exchange a refresh token for a new pair. Each refresh token works once: presenting a used
/// one again ends that login everywhere (its whole token family is revoked).
#[utoipa::path(
    operation_id = "refresh_tokens",
    post, path = "/api/v1/auth/refresh", tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair; the old refresh token is used up", body = Tokens),
        (status = 401, description = "Unknown, expired, revoked or reused refresh token", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn refresh_tokens(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> Result<Json<Tokens>, ApiError> {
    refresh::rotate(
        &state.db,
        &state.access_keys,
        &body.refresh_token,
        login_lifetime(&state),
        Utc::now(),
    )
    .await
    .map(|issued| Json(Tokens::from(issued)))
    .map_err(refresh_failed)
}

/// Log out: the refresh token's login ends, with every token issued in it.
#[utoipa::path(
    operation_id = "log_out",
    post, path = "/api/v1/auth/logout", tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Logged out (also for a token that was already ended or unknown)"),
    )
)]
pub async fn logout(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> Result<Response, ApiError> {
    refresh::revoke(&state.db, &body.refresh_token, Utc::now())
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not end an API login");
            ApiError::Internal
        })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The traveler the access token belongs to (also at `/api/v1/me`, with the account's other
/// operations).
#[utoipa::path(
    operation_id = "me",
    get, path = "/api/v1/auth/me", tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The traveler", body = Me),
    )
)]
pub async fn me(State(state): State<AppState>, grant: Bearer) -> Result<Json<Me>, ApiError> {
    Ok(Json(Me::from(super::me::user(&state, &grant).await?)))
}
