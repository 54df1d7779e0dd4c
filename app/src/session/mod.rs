//! Who is signed in: the session holds only the user's id and when they authenticated. Server
//! functions and the server's middleware ask here; nothing else reads the session directly.
//! The sessions themselves live in the database ([`store`]).

pub mod store;

use std::time::Duration;

use chrono::Utc;
use domain::{access::Actor, ids::UserId};
use http::request::Parts;
use leptos::prelude::with_context;
use tower_sessions::Session;

use self::store::USER_ID_KEY;
use crate::error::AppError;

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

/// The lifetimes in force, which the server provides to every page and server function.
fn policy() -> Result<SessionPolicy, AppError> {
    with_context::<SessionPolicy, _>(|policy| *policy).ok_or_else(|| {
        tracing::error!("no session policy in this request's context");
        AppError::Internal
    })
}

fn store_error(error: tower_sessions::session::Error) -> AppError {
    tracing::error!(%error, "session store failed");
    AppError::Internal
}

/// The signed-in user of `session`, if any. Sessions past their absolute lifetime are ended
/// here.
///
/// # Errors
/// `Internal` when the session store cannot be read.
pub async fn user_in(session: &Session, policy: SessionPolicy) -> Result<Option<UserId>, AppError> {
    let Some(user_id) = session
        .get::<UserId>(USER_ID_KEY)
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

/// The traveler a server function acts for, or `Unauthorized` (with status 401 when called by
/// script).
///
/// # Errors
/// `Unauthorized` without a signed-in traveler; `Internal` when the session cannot be read.
pub async fn actor() -> Result<Actor, AppError> {
    let session = session().await?;
    user_in(&session, policy()?)
        .await?
        .map(Actor::signed_in)
        .ok_or(AppError::Unauthorized)
        .map_err(AppError::respond)
}

/// The signed-in traveler, if any: for actions open to visitors too.
///
/// # Errors
/// `Internal` when the session cannot be read.
pub async fn signed_in() -> Result<Option<UserId>, AppError> {
    let session = session().await?;
    user_in(&session, policy()?).await
}

/// The profile of `user` as the session store read it with the session (see
/// [`store::PROFILE_KEY`]), if it is theirs: what the page's header shows, without a statement
/// of its own.
pub async fn loaded_profile(
    session: &Session,
    user: UserId,
) -> Option<domain::accounts::model::Profile> {
    session
        .get::<domain::accounts::model::Profile>(store::PROFILE_KEY)
        .await
        .ok()
        .flatten()
        .filter(|profile| profile.id == user)
}

/// Starts an authenticated session under a fresh id (no session fixation).
pub async fn start(user_id: UserId) -> Result<(), AppError> {
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
    Ok(session().await?.id().map(|id| store::row_key(&id)))
}

/// Ends the session: its row is deleted and the cookie cleared, and the browser is told to
/// forget what it kept of this site (the pages kept for reading offline, the service worker
/// keeping them, the HTTP cache): nothing of the traveler's stays readable on the device.
pub async fn end() -> Result<(), AppError> {
    session().await?.flush().await.map_err(store_error)?;
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::HeaderName::from_static("clear-site-data"),
            http::HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
    Ok(())
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

/// [`keep_once`] for a handler outside leptos, with the request's session in hand.
pub async fn keep_once_in(session: &Session, key: &str, value: &str) -> Result<(), AppError> {
    session
        .insert(&format!("once:{key}"), value)
        .await
        .map_err(store_error)
}

/// [`flash`] for a handler outside leptos, with the request's session in hand.
pub async fn flash_in(session: &Session, message: &str) -> Result<(), AppError> {
    session
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

/// Keeps `value` under `key` until it is taken once (a share link shown once, after the
/// redirect that made it).
pub async fn keep_once(key: &str, value: &str) -> Result<(), AppError> {
    session()
        .await?
        .insert(&format!("once:{key}"), value)
        .await
        .map_err(store_error)
}

/// What [`keep_once`] kept under `key`, removed as it is read.
pub async fn take_once(key: &str) -> Result<Option<String>, AppError> {
    session()
        .await?
        .remove::<String>(&format!("once:{key}"))
        .await
        .map_err(store_error)
}

/// The signed-in traveler, if any (for pages that also serve visitors).
pub async fn maybe_actor() -> Result<Option<Actor>, AppError> {
    let session = session().await?;
    Ok(user_in(&session, policy()?).await?.map(Actor::signed_in))
}
