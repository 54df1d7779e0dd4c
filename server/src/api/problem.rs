//! The JSON API's errors, as `application/problem+json` (RFC 9457): `type`, `title`, `status`,
//! `detail`, and for invalid input `errors`, a message per field built from the same
//! `FormErrors` the web forms show. Bad input is always a 4xx; unexpected failures are logged
//! where they happen and reach the client as a bare 500 without internals.

use std::collections::BTreeMap;

use app::error::{AppError, FormErrors};
use axum::{
    extract::rejection::JsonRejection,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// The `type` of validation problems; every other problem is `about:blank` (its status says it
/// all).
pub const VALIDATION_TYPE: &str = "/api/docs#problem-validation";

/// A problem report (RFC 9457).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// What kind of problem: `about:blank`, or `/api/docs#problem-validation` for invalid
    /// fields.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, in words meant for people.
    pub detail: String,
    /// Field name → what is wrong with it (validation problems only).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
}

/// Everything an API handler can fail with.
#[derive(Debug)]
pub enum ApiError {
    /// The request cannot be read (malformed JSON, a bad header).
    BadRequest(String),
    /// No usable access token, or a refused refresh token; the text says which.
    Unauthorized(&'static str),
    NotFound,
    /// A member of the trip whose role does not allow the operation.
    Forbidden,
    /// Fields with problems; nothing was written.
    Invalid(FormErrors),
    /// JSON of the wrong shape (a number where text belongs).
    Unprocessable(String),
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Over a limit; seconds to wait.
    RateLimited(u64),
    /// Already logged where it happened.
    Internal,
    /// A bare status from a layer outside the API (timeout, body limit, outage, a panic).
    Status(StatusCode),
    /// `If-Match` named a version that is no longer the current one: 412 with the current
    /// representation and its `ETag`, so the client can show what changed and try again.
    Changed {
        current: serde_json::Value,
        version: i64,
    },
    /// The request cannot be done now (the same `Idempotency-Key` is still being answered).
    Conflict(&'static str),
}

pub const NO_TOKEN: &str =
    "This needs an access token: send `Authorization: Bearer <access_token>`.";
pub const BAD_TOKEN: &str = "The access token is invalid or has expired, or its login has ended. Refresh it, or log in again.";
pub const BAD_CREDENTIALS: &str = domain::accounts::service::INVALID_CREDENTIALS;
pub const BAD_REFRESH: &str = "The refresh token is unknown, expired or revoked. Log in again.";

fn reason(status: StatusCode) -> String {
    status.canonical_reason().unwrap_or("Error").to_string()
}

fn plain(status: StatusCode, detail: impl Into<String>) -> Problem {
    Problem {
        problem_type: "about:blank".to_string(),
        title: reason(status),
        status: status.as_u16(),
        detail: detail.into(),
        errors: BTreeMap::new(),
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Invalid(_) | Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Status(status) => *status,
            Self::Changed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::Conflict(_) => StatusCode::CONFLICT,
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status();
        match self {
            Self::BadRequest(detail) | Self::Unprocessable(detail) => plain(status, detail),
            Self::Unauthorized(detail) | Self::Conflict(detail) => plain(status, *detail),
            Self::Changed { .. } => plain(
                status,
                "It changed since you read it (its version is no longer the one in `If-Match`); nothing was changed. `current` is how it is now.",
            ),
            Self::NotFound => plain(status, AppError::NotFound.to_string()),
            Self::Forbidden => plain(
                status,
                "Your role in this trip does not allow this. Its owner can change your role.",
            ),
            Self::Invalid(errors) => Problem {
                problem_type: VALIDATION_TYPE.to_string(),
                title: "Some fields are invalid".to_string(),
                status: status.as_u16(),
                detail: errors.form.clone().unwrap_or_else(|| {
                    "Nothing was saved: correct the fields listed in `errors`.".to_string()
                }),
                errors: errors.fields.clone(),
            },
            Self::PayloadTooLarge => plain(
                status,
                "The request body is larger than this server accepts.",
            ),
            Self::UnsupportedMediaType => plain(
                status,
                "Send the body as JSON, with `Content-Type: application/json`.",
            ),
            Self::RateLimited(wait) => plain(
                status,
                format!("Too many requests. Please wait {wait} seconds and try again."),
            ),
            Self::Internal => plain(status, AppError::Internal.to_string()),
            Self::Status(status) => plain(*status, detail_for(*status)),
        }
    }
}

/// What a bare status from outside the API means for its client.
fn detail_for(status: StatusCode) -> String {
    match status.as_u16() {
        400 => "The request could not be understood.".to_string(),
        404 => "There is no such endpoint in this API.".to_string(),
        405 => "This endpoint does not answer to that method.".to_string(),
        408 => "The request took too long and was stopped. Please try again.".to_string(),
        413 => "The request body is larger than this server accepts.".to_string(),
        429 => "Too many requests. Please wait a moment and try again.".to_string(),
        503 => "The service is briefly unavailable. Please try again in a moment.".to_string(),
        500..=599 => AppError::Internal.to_string(),
        _ => reason(status),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        let status = self.status();
        let body = match &self {
            Self::Changed { current, .. } => serde_json::to_string(&Changed {
                problem,
                current: current.clone(),
            }),
            _ => serde_json::to_string(&problem),
        }
        .unwrap_or_default();
        let mut response = (
            status,
            [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
            body,
        )
            .into_response();
        let headers = response.headers_mut();
        match self {
            Self::Unauthorized(_) => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"travel-planner\""),
                );
            }
            Self::RateLimited(wait) => {
                if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
                    headers.insert(header::RETRY_AFTER, value);
                }
            }
            Self::Changed { version, .. } => {
                headers.insert(header::ETAG, super::versions::etag(&version));
            }
            _ => {}
        }
        response
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::Invalid(errors) => Self::Invalid(errors),
            AppError::Unauthorized => Self::Unauthorized(NO_TOKEN),
            AppError::NotFound => Self::NotFound,
            AppError::Forbidden => Self::Forbidden,
            AppError::RateLimited(wait) => Self::RateLimited(wait),
            AppError::Internal => Self::Internal,
            AppError::BadRequest => Self::BadRequest(AppError::BadRequest.to_string()),
            // Handlers that take `If-Match` answer a stale version themselves, with the current
            // representation; this is the fallback of any other.
            AppError::Stale | AppError::Conflict(_) => {
                Self::Status(StatusCode::PRECONDITION_FAILED)
            }
        }
    }
}

/// axum's JSON rejections: 400 for malformed JSON, 415 without a JSON content type, 413 over
/// the body limit, 422 for JSON of the wrong shape. Their texts name only the client's input.
impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status() {
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNPROCESSABLE_ENTITY => Self::Unprocessable(rejection.body_text()),
            StatusCode::BAD_REQUEST => Self::BadRequest(rejection.body_text()),
            other => {
                tracing::warn!(status = %other, "unexpected JSON rejection");
                Self::BadRequest(AppError::BadRequest.to_string())
            }
        }
    }
}

/// A JSON request body whose rejections are problems: malformed JSON is 400; a body that is
/// not an object, or a field of the wrong type, is 422 with the field named in `errors`.
///
/// The body is read from its text rather than through `serde_json::Value`, so amounts can be
/// read from a number's own digits ([`super::contract::Amount`]). It must be an object: serde
/// would otherwise read `[]` as a struct whose fields all have defaults. Fields the type does
/// not name are ignored.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let axum::Json(raw) =
            axum::Json::<Box<serde_json::value::RawValue>>::from_request(request, state).await?;
        read_body(raw.get()).map(ApiJson)
    }
}

/// `text` (valid JSON) as a `T`, or a problem naming the field that does not fit.
pub fn read_body<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    if !text.trim_start().starts_with('{') {
        return Err(ApiError::Unprocessable(
            "The body must be a JSON object.".to_string(),
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let field = error.path().to_string();
        let message = error.inner().to_string();
        // serde_json ends its messages with where in the text it was: the field says it better.
        let message = message
            .split_once(" at line ")
            .map_or(message.as_str(), |(message, _)| message);
        let mut first = message.chars();
        let message = first.next().map_or_else(String::new, |c| {
            format!("{}{}.", c.to_uppercase(), first.as_str())
        });
        let field = if field == "." { "body" } else { field.as_str() };
        let mut errors = FormErrors::with_form(format!(
            "The body does not match what this endpoint expects: `{field}`: {message}"
        ));
        errors.add(field, message);
        ApiError::Invalid(errors)
    })
}

/// A 412 answer: the problem, and the resource as it is now.
#[derive(Debug, Serialize)]
struct Changed {
    #[serde(flatten)]
    problem: Problem,
    current: serde_json::Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_problems_carry_the_field_map() {
        let mut errors = FormErrors::default();
        errors.add("name", "Give the trip a name.");

        let problem = ApiError::Invalid(errors).problem();

        assert_eq!(problem.status, 422);
        assert_eq!(problem.problem_type, VALIDATION_TYPE);
        assert_eq!(problem.errors["name"], "Give the trip a name.");
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(json["type"], VALIDATION_TYPE);
    }

    #[test]
    fn other_problems_are_about_blank_with_the_status_reason() {
        let problem = ApiError::NotFound.problem();
        assert_eq!(problem.problem_type, "about:blank");
        assert_eq!(problem.title, "Not Found");
        let json = serde_json::to_value(&problem).unwrap();
        assert!(json.get("errors").is_none(), "{json}");
    }
}

/// Any error of the core, through the web's user-safe error (one mapping for both adapters).
macro_rules! from_core_error {
    ($($error:ty),*) => {
        $(impl From<$error> for ApiError {
            fn from(error: $error) -> Self {
                AppError::from(error).into()
            }
        })*
    };
}

from_core_error!(
    domain::trips::service::TripError,
    domain::ids::MalformedId,
    sea_orm::DbErr
);
