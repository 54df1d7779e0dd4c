//! Who is logged in: the session holds only the user's id and when they authenticated.
//! Server functions and pages ask here; nothing else reads the session directly.

use std::time::Duration;

use chrono::Utc;
use http::request::Parts;
use leptos::prelude::with_context;
use tower_sessions::Session;
use uuid::Uuid;

use super::session_store::USER_ID_KEY;
use crate::{error::AppError, state::AppState};

const AUTHENTICATED_AT_KEY: &str = "authenticated_at";
const FLASH_KEY: &str = "flash";

/// Session lifetimes, from configuration.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// Logged out after this long without a request.
    pub idle_timeout: Duration,
    /// Logged out this long after logging in, however active.
    pub absolute_lifetime: Duration,
}

/// The request's session, read from the request's parts in place (`leptos_axum::extract`
/// would clone all of them, headers included, on each of the several calls a page makes).
async fn session() -> Result<Session, AppError> {
    with_context::<Parts, _>(|parts| parts.extensions.get::<Session>().cloned())
        .flatten()
        .ok_or_else(|| {
            tracing::error!("no session layer on this request");
            AppError::Internal
        })
}

fn policy() -> Result<SessionPolicy, AppError> {
    with_context::<AppState, _>(|state| state.sessions).ok_or(AppError::Internal)
}

fn store_error(error: tower_sessions::session::Error) -> AppError {
    tracing::error!(%error, "session store failed");
    AppError::Internal
}

/// The logged-in user's id, if any. Sessions past their absolute lifetime are ended here.
pub async fn current_user_id() -> Result<Option<Uuid>, AppError> {
    let session = session().await?;
    user_id_in(&session, policy()?).await
}

/// Like [`current_user_id`], for handlers that already hold the session.
pub async fn user_id_in(
    session: &Session,
    policy: SessionPolicy,
) -> Result<Option<Uuid>, AppError> {
    let Some(user_id) = session
        .get::<Uuid>(USER_ID_KEY)
        .await
        .map_err(store_error)?
    else {
        return Ok(None);
    };
    let authenticated_at = session
        .get::<i64>(AUTHENTICATED_AT_KEY)
        .await
        .map_err(store_error)?
        .unwrap_or(0);
    let age = Utc::now().timestamp().saturating_sub(authenticated_at);
    if u64::try_from(age).unwrap_or(u64::MAX) > policy.absolute_lifetime.as_secs() {
        session.flush().await.map_err(store_error)?;
        return Ok(None);
    }
    Ok(Some(user_id))
}

/// The logged-in user's id, or `Unauthorized`.
pub async fn require_user() -> Result<Uuid, AppError> {
    current_user_id().await?.ok_or(AppError::Unauthorized)
}

/// [`require_user`] for a server function: a refusal also sets the response status (401).
pub async fn owner() -> Result<Uuid, AppError> {
    require_user().await.map_err(AppError::respond)
}

/// Starts an authenticated session under a fresh id (no session fixation).
pub async fn start(user_id: Uuid) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(store_error)?;
    session
        .insert(USER_ID_KEY, user_id)
        .await
        .map_err(store_error)?;
    session
        .insert(AUTHENTICATED_AT_KEY, Utc::now().timestamp())
        .await
        .map_err(store_error)?;
    Ok(())
}

/// The current session's row key, to keep it while ending a user's other sessions.
pub async fn current_session_id() -> Result<Option<String>, AppError> {
    Ok(session()
        .await?
        .id()
        .map(|id| super::session_store::row_key(&id)))
}

/// Ends the session: its row is deleted and the cookie cleared.
pub async fn end() -> Result<(), AppError> {
    session().await?.flush().await.map_err(store_error)
}

/// Leaves a one-time message ("Trip saved.") for the next page this person sees: set before a
/// redirect, it survives the redirect without JavaScript and without a query parameter.
pub async fn flash(message: &str) -> Result<(), AppError> {
    session()
        .await?
        .insert(FLASH_KEY, message)
        .await
        .map_err(store_error)
}

/// The message left by the last action, removed as it is read (a reload does not repeat it).
pub async fn take_flash(session: &Session) -> Result<Option<String>, AppError> {
    session
        .remove::<String>(FLASH_KEY)
        .await
        .map_err(store_error)
}
