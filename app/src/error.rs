//! The one error type that crosses from server to browser. Every variant is safe to show:
//! unexpected failures are logged on the server and reach the person as `Internal` only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

/// Field-level problems with a submitted form, plus the (non-secret) values that were typed, so
/// a form that comes back after a no-JavaScript post can show them again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// A problem with the form as a whole ("Your email or password is incorrect.").
    pub form: Option<String>,
    /// Field name → message.
    pub fields: BTreeMap<String, String>,
    /// Field name → what was submitted. Never includes passwords.
    pub values: BTreeMap<String, String>,
    /// The first field found wrong (checks run in the form's order): it gets the focus when the
    /// form comes back, so the person lands on the first thing to fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
}

impl FormErrors {
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    pub fn value(&self, name: &str) -> Option<String> {
        self.values.get(name).cloned()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        if self.first.is_none() {
            self.first = Some(field.to_string());
        }
        self.fields
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.form.is_none() && self.fields.is_empty()
    }

    pub fn with_form(message: impl Into<String>) -> Self {
        Self {
            form: Some(message.into()),
            ..Self::default()
        }
    }

    /// Keeps what was typed in `fields` so the form can show it again.
    #[must_use]
    pub fn keeping(mut self, values: &[(&str, &str)]) -> Self {
        for (name, value) in values {
            self.values
                .insert((*name).to_string(), (*value).to_string());
        }
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please correct the highlighted fields.")]
    Invalid(FormErrors),
    #[error("Please log in to continue.")]
    Unauthorized,
    #[error("We couldn’t find that.")]
    NotFound,
    #[error("Too many attempts. Please wait {0} seconds and try again.")]
    RateLimited(u64),
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    #[error("That request could not be understood.")]
    BadRequest,
}

impl AppError {
    /// The form errors to show beside fields, if this is a validation failure.
    pub fn form_errors(&self) -> Option<&FormErrors> {
        match self {
            Self::Invalid(errors) => Some(errors),
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

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Self::BadRequest => StatusCode::BAD_REQUEST,
        }
    }

    /// Sets the response status for a server-function call made by script. Plain HTML form posts
    /// are left alone: leptos answers those with a redirect back to the form, carrying the error.
    #[must_use]
    pub fn respond(self) -> Self {
        let wants_html =
            leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
                parts
                    .headers
                    .get(http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.contains("text/html"))
            });
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
