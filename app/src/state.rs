//! Server-side application state, handed to handlers (axum `State`) and to server functions
//! (Leptos context).

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use std::sync::Arc;

use crate::{
    auth::{limits::AuthLimits, session::SessionPolicy},
    mail::Mailer,
};

/// What every request handler can reach. Cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub sessions: SessionPolicy,
    pub auth_limits: AuthLimits,
    pub mailer: Arc<dyn Mailer>,
    /// The public address, for links in emails (no trailing slash).
    pub base_url: String,
    /// Whether new addresses get a confirmation link.
    pub email_verification: bool,
}

/// The application state from the request's context (server functions only).
///
/// # Errors
/// `Internal` when called outside a request that carries the state.
pub fn state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("application state missing from context");
        crate::error::AppError::Internal
    })
}

/// The database pool from the request's context (server functions only).
///
/// # Errors
/// `Internal` when called outside a request that carries the state.
pub fn db() -> Result<DatabaseConnection, crate::error::AppError> {
    state().map(|state| state.db)
}
