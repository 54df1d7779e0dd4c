//! The account-deletion server function. (The data download is a plain GET route,
//! `/account/export`, in the server crate: a file download, not a server function.)

use domain::{
    accounts::service::find_user,
    privacy::deletion::{self as service, DeletionError},
};
use leptos::prelude::*;

use super::accounts::limit_by_ip;
use crate::{context, error::AppError, session};

/// Deletes the logged-in account after checking its password. Wrong guesses count against the
/// same per-account allowance as failed log-ins, and against the address's auth allowance.
#[server(prefix = "/api/auth", endpoint = "delete_account")]
pub async fn delete_account(
    password: String,
    /// The confirmation checkbox; absent when it is not ticked.
    #[server(default)]
    confirm: Option<String>,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    limit_by_ip().await?;
    let state = context::state()?;
    let db = state.db.clone();
    let user = find_user(&db, actor.user())
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not load the user");
            AppError::Internal.respond()
        })?
        .ok_or_else(|| AppError::Unauthorized.respond())?;
    let attempt = state
        .auth_limits
        .password_attempt(&user.email)
        .map_err(|wait| AppError::RateLimited(wait).respond())?;
    let confirmed = confirm.is_some_and(|value| !value.trim().is_empty());
    match service::delete_account(&db, &user, password, confirmed).await {
        Ok(()) => attempt.clear(),
        Err(error) => {
            if matches!(
                error,
                DeletionError::Invalid {
                    wrong_password: true,
                    ..
                }
            ) {
                drop(attempt);
            } else {
                attempt.refund();
            }
            return Err(AppError::from(error).respond());
        }
    }
    session::end().await.map_err(AppError::respond)?;
    leptos_axum::redirect("/goodbye");
    Ok(())
}

/// What happens to the shared trips the traveler owns if they delete their account.
#[server(prefix = "/api/auth", endpoint = "deletion_preview")]
pub async fn deletion_preview() -> Result<Vec<domain::members::Succession>, AppError> {
    let actor = session::actor().await?;
    let db = crate::context::db()?;
    let list = domain::members::successions(&db, actor.user())
        .await
        .map_err(|error| {
            AppError::from(domain::trips::service::TripError::from(error)).respond()
        })?;
    Ok(list.into_iter().map(|(succession, _)| succession).collect())
}
