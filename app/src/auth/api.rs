//! Server functions for accounts. Thin adapters: read the form, call the service, manage the
//! session, redirect.

use leptos::prelude::*;

use super::types::CurrentUser;
use crate::error::AppError;

/// The logged-in traveler, or `None` for a visitor.
#[server(prefix = "/api/auth", endpoint = "current_user")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    use super::{service, session};
    let Some(id) = session::current_user_id()
        .await
        .map_err(AppError::respond)?
    else {
        return Ok(None);
    };
    let db = crate::state::db()?;
    let user = service::find_user(&db, id).await.map_err(|error| {
        tracing::error!(%error, "could not load the current user");
        AppError::Internal.respond()
    })?;
    Ok(user.map(|user| CurrentUser {
        id: user.id.to_string(),
        email: user.email,
        display_name: user.display_name,
    }))
}

/// Counts an attempt against the client's IP allowance.
#[cfg(feature = "ssr")]
async fn limit_by_ip() -> Result<(), AppError> {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;
    let state = crate::state::state()?;
    let ip = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
        .await
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_default();
    state.auth_limits.per_ip.hit(&ip).map_err(|wait| {
        tracing::warn!(
            outcome = "rate limited",
            "auth attempt refused for this address"
        );
        AppError::RateLimited(wait).respond()
    })
}

#[server(prefix = "/api/auth", endpoint = "sign_up")]
pub async fn sign_up(
    email: String,
    display_name: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    use super::{service, session, types::SignupInput};
    limit_by_ip().await?;
    let db = crate::state::db()?;
    let input = SignupInput {
        email,
        display_name,
        password,
        password_confirmation,
    };
    let user = service::sign_up(&db, input)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    session::start(user.id).await.map_err(AppError::respond)?;
    leptos_axum::redirect("/trips");
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "log_in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::{
        service, session,
        types::{normalise_email, safe_next},
    };
    limit_by_ip().await?;
    let state = crate::state::state()?;
    let account = normalise_email(&email);
    state
        .auth_limits
        .failed_logins
        .check(&account)
        .map_err(|wait| AppError::RateLimited(wait).respond())?;
    let db = state.db.clone();
    let user = service::log_in(&db, &email, password)
        .await
        .map_err(|error| {
            if matches!(error, service::AuthError::InvalidCredentials) {
                state.auth_limits.failed_logins.record(&account);
            }
            let error = AppError::from(error);
            match error {
                AppError::Invalid(errors) => {
                    AppError::Invalid(errors.keeping(&[("email", email.trim())]))
                }
                other => other,
            }
            .respond()
        })?;
    state.auth_limits.failed_logins.clear(&account);
    session::start(user.id).await.map_err(AppError::respond)?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    super::session::end().await.map_err(AppError::respond)?;
    leptos_axum::redirect("/");
    Ok(())
}
