//! The one error type the web shows. Every variant is safe to show: unexpected failures are
//! logged on the server and reach the person as `Internal` only. The core's errors convert into
//! it here, in one place.

pub use domain::FormErrors;
use domain::{
    accounts::service::{AuthError, INVALID_CREDENTIALS, LoginRefused},
    ids::MalformedId,
    privacy::deletion::DeletionError,
    trips::service::TripError,
};
use serde::{Deserialize, Serialize};
use server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please correct the highlighted fields.")]
    Invalid(FormErrors),
    #[error("Please log in to continue.")]
    Unauthorized,
    #[error("We couldn’t find that.")]
    NotFound,
    /// A member of the trip whose role does not allow this.
    #[error("Your role in this trip doesn’t allow that. Ask its owner if you need to.")]
    Forbidden,
    #[error("Too many attempts. Please wait {0} seconds and try again.")]
    RateLimited(u64),
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    #[error("That request could not be understood.")]
    BadRequest,
    /// The change was made from an older version of what it changes: someone else changed it
    /// meanwhile, and nothing was saved.
    #[error(
        "Someone changed this while you were editing it, so your change was not saved. Here is how it looks now."
    )]
    Stale,
    /// As `Stale`, for a form: who changed it and when (in `form`), what differs, and what was
    /// typed (kept, with the current version, so saving again is a deliberate choice).
    #[error("{}", .0.form.clone().unwrap_or_default())]
    Conflict(FormErrors),
}

impl AppError {
    /// The message as a page shows it, in `l`. `Display` stays English: the JSON API, the
    /// logs and the encoded server-function error use it.
    pub fn message(&self, l: i18n::Language) -> String {
        use i18n::tr;
        match self {
            Self::Invalid(_) => tr!(l, "error-invalid"),
            Self::Unauthorized => tr!(l, "error-unauthorized"),
            Self::NotFound => tr!(l, "error-not-found"),
            Self::Forbidden => tr!(l, "error-forbidden"),
            Self::RateLimited(seconds) => tr!(l, "error-rate-limited", seconds = *seconds),
            Self::Internal => tr!(l, "error-internal"),
            Self::BadRequest => tr!(l, "error-bad-request"),
            Self::Stale => tr!(l, "error-stale"),
            // Written in the traveler's language where the conflict was found.
            Self::Conflict(errors) => errors.form.clone().unwrap_or_default(),
        }
    }

    /// The form errors to show beside fields, if this is a validation failure.
    pub fn form_errors(&self) -> Option<&FormErrors> {
        match self {
            Self::Invalid(errors) | Self::Conflict(errors) => Some(errors),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => Self::BadRequest,
            _ => Self::Internal,
        }
    }
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::Stale | Self::Conflict(_) => StatusCode::CONFLICT,
        }
    }

    /// Sets the response status for a server-function call made by script. Plain HTML form posts
    /// are left alone: leptos answers those with a redirect back to the form, carrying the error.
    #[must_use]
    pub fn respond(self) -> Self {
        let wants_html = leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
        })
        .unwrap_or(false);
        if !wants_html
            && let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        {
            response.set_status(self.status());
            if let Self::RateLimited(seconds) = self
                && let Ok(value) = http::HeaderValue::from_str(&seconds.to_string())
            {
                response.insert_header(http::header::RETRY_AFTER, value);
            }
        }
        self
    }
}

impl From<TripError> for AppError {
    fn from(error: TripError) -> Self {
        match error {
            TripError::Invalid(errors) => Self::Invalid(errors),
            TripError::NotFound => Self::NotFound,
            TripError::Forbidden => Self::Forbidden,
            TripError::Stale => Self::Stale,
            TripError::Db(_) => {
                tracing::error!(%error, "trip operation failed");
                Self::Internal
            }
        }
    }
}

impl From<AuthError> for AppError {
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::Invalid(errors) => Self::Invalid(errors),
            AuthError::InvalidCredentials => {
                Self::Invalid(FormErrors::with_form(INVALID_CREDENTIALS))
            }
            AuthError::Db(_) | AuthError::Password(_) => {
                tracing::error!(%error, "account operation failed");
                Self::Internal
            }
        }
    }
}

impl From<LoginRefused> for AppError {
    fn from(refused: LoginRefused) -> Self {
        match refused {
            LoginRefused::RateLimited(wait) => Self::RateLimited(wait),
            LoginRefused::Auth(error) => error.into(),
        }
    }
}

impl From<DeletionError> for AppError {
    fn from(error: DeletionError) -> Self {
        match error {
            DeletionError::Invalid { errors, .. } => Self::Invalid(errors),
            DeletionError::Db(_) | DeletionError::Password(_) => {
                tracing::error!(%error, "account deletion failed");
                Self::Internal
            }
        }
    }
}

/// An id in a URL or a form that is not one: answered like an id that does not exist.
impl From<MalformedId> for AppError {
    fn from(_: MalformedId) -> Self {
        Self::NotFound
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        tracing::error!(%error, "database operation failed");
        Self::Internal
    }
}
