//! Server functions for accounts. Thin adapters: read the form, call the service, manage the
//! session, redirect.

use leptos::prelude::*;

use crate::error::AppError;

/// Saves the traveler's colour theme and goes back to the page they were on.
#[server(prefix = "/api/auth", endpoint = "theme")]
pub async fn set_theme(theme: String, #[server(default)] back: String) -> Result<(), AppError> {
    use super::{service, session, types::Theme};
    let user_id = session::require_user().await.map_err(AppError::respond)?;
    let theme = Theme::parse(&theme).ok_or_else(|| AppError::BadRequest.respond())?;
    let db = crate::state::db()?;
    service::set_theme(&db, user_id, theme)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    leptos_axum::redirect(&super::types::safe_next(Some(&back)));
    Ok(())
}

/// Counts an attempt against the client's IP allowance.
#[cfg(feature = "ssr")]
pub(crate) async fn limit_by_ip() -> Result<(), AppError> {
    let state = crate::state::state()?;
    let ip = crate::state::client_ip();
    state.auth_limits.attempt_from(ip).map_err(|wait| {
        tracing::warn!(
            outcome = "rate limited",
            "auth attempt refused for this address"
        );
        AppError::RateLimited(wait).respond()
    })
}

/// Starts a sign-up: checks the form and hashes the password while the person waits, then —
/// after the answer has gone — mails the address a link that finishes it (or, when the address
/// has an account, a note saying so). The answer is the same either way.
#[server(prefix = "/api/auth", endpoint = "sign_up")]
pub async fn sign_up(
    email: String,
    display_name: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    use super::{signup, types::SignupInput};
    limit_by_ip().await?;
    let input = SignupInput {
        email,
        display_name,
        password,
        password_confirmation,
    };
    let checked = signup::check(input)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    let state = crate::state::state()?;
    start_sign_up(&state, checked);
    leptos_axum::redirect("/signup?sent=1");
    Ok(())
}

/// Mails a checked sign-up its link (or note) in the background. Also the JSON API's.
#[cfg(feature = "ssr")]
pub fn start_sign_up(state: &crate::state::AppState, checked: super::signup::CheckedSignup) {
    let (db, base_url) = (state.db.clone(), state.base_url.clone());
    mail_in_background(state, "sign-up", async move {
        super::signup::request(&db, checked, &base_url, chrono::Utc::now())
            .await
            .map(|email| vec![email])
    });
}

/// Whether a sign-up link can still be used (the page shows the button or a way to start over).
#[server(prefix = "/api/auth", endpoint = "sign_up_link_valid")]
pub async fn sign_up_link_valid(token: String) -> Result<bool, AppError> {
    let db = crate::state::db()?;
    super::signup::is_valid(&db, &token, chrono::Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())
}

/// Finishes a sign-up with the emailed link's token: the account is made and logged in.
#[server(prefix = "/api/auth", endpoint = "complete_sign_up")]
pub async fn complete_sign_up(token: String) -> Result<(), AppError> {
    let db = crate::state::db()?;
    let user = super::signup::complete(&db, &token, chrono::Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())?;
    super::session::start(user.id)
        .await
        .map_err(AppError::respond)?;
    super::session::flash("Welcome! Your account is ready: plan your first trip.").await?;
    leptos_axum::redirect("/trips");
    Ok(())
}

/// Mails `user` a link to confirm their current address, in the background.
#[cfg(feature = "ssr")]
fn send_confirmation_link(user: crate::entities::users::Model) {
    if let Ok(state) = crate::state::state() {
        let (db, base_url) = (state.db.clone(), state.base_url.clone());
        mail_in_background(&state, "email confirmation", async move {
            super::verify::create_link(&db, &user, &base_url, chrono::Utc::now())
                .await
                .map(|email| vec![email])
        });
    }
}

/// Makes messages and sends them after the response has gone: nobody waits for the mail server,
/// and the response time says nothing about which message was due. Each address gets at most a
/// few messages an hour from the forms (see `AuthLimits::may_mail`), whoever asks.
#[cfg(feature = "ssr")]
pub(crate) fn mail_in_background(
    state: &crate::state::AppState,
    purpose: &'static str,
    messages: impl std::future::Future<
        Output = Result<Vec<crate::mail::Email>, super::service::AuthError>,
    > + Send
    + 'static,
) {
    let (mailer, limits) = (state.mailer.clone(), state.auth_limits.clone());
    tokio::spawn(async move {
        match messages.await {
            Ok(messages) => {
                for message in messages {
                    if !limits.may_mail(&super::types::normalise_email(&message.to)) {
                        tracing::warn!(purpose, "not sent: this address had enough mail this hour");
                        continue;
                    }
                    if let Err(error) = mailer.send(message).await {
                        tracing::error!(%error, purpose, "could not send an email");
                    }
                }
            }
            Err(error) => tracing::error!(%error, purpose, "could not prepare an email"),
        }
    });
}

#[server(prefix = "/api/auth", endpoint = "confirm_email")]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    let db = crate::state::db()?;
    let (_, changed) = super::verify::confirm(&db, &token, chrono::Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())?;
    super::session::flash(if changed {
        "Your email address is changed."
    } else {
        "Your email address is confirmed."
    })
    .await?;
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "resend_confirmation")]
pub async fn resend_confirmation() -> Result<(), AppError> {
    use super::{service, session};
    let user_id = session::require_user().await.map_err(AppError::respond)?;
    limit_by_ip().await?;
    let db = crate::state::db()?;
    let user = service::find_user(&db, user_id)
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not load the user");
            AppError::Internal.respond()
        })?
        .ok_or_else(|| AppError::Unauthorized.respond())?;
    if user.email_verified_at.is_none() {
        send_confirmation_link(user);
    }
    session::flash("We sent a new confirmation link. It works for 7 days.").await?;
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "log_in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::{service, session, types::safe_next};
    limit_by_ip().await?;
    let state = crate::state::state()?;
    let db = state.db.clone();
    let user = service::log_in_limited(&db, &state.auth_limits, &email, password)
        .await
        .map_err(|refused| {
            match refused_error(refused) {
                AppError::Invalid(errors) => {
                    AppError::Invalid(errors.keeping(&[("email", email.trim())]))
                }
                other => other,
            }
            .respond()
        })?;
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

/// Saves the name and home zone. A new email needs the current password and changes only once
/// the new address confirms it: its owner gets a link (or, if another account has it, a note),
/// and the answer here is the same either way.
#[server(prefix = "/api/auth", endpoint = "update_profile")]
pub async fn update_profile(
    display_name: String,
    email: String,
    /// Absent: unchanged; empty: cleared.
    #[server(default)]
    time_zone: Option<String>,
    /// The current password: needed only to change the email.
    #[server(default)]
    password: String,
) -> Result<(), AppError> {
    use super::{service, session};
    let user_id = session::require_user().await.map_err(AppError::respond)?;
    let state = crate::state::state()?;
    let update = service::update_profile(
        &state.db,
        &state.auth_limits,
        user_id,
        &display_name,
        &email,
        time_zone.as_deref(),
        &password,
    )
    .await
    .map_err(|refused| refused_error(refused).respond())?;
    match update.new_email {
        Some(new_email) => {
            let (db, base_url, user) = (state.db.clone(), state.base_url.clone(), update.user);
            let message = format!(
                "Your profile is saved. We sent a link to {new_email}: your email changes when you open it."
            );
            mail_in_background(&state, "email change", async move {
                super::verify::request_change(&db, &user, &new_email, &base_url, chrono::Utc::now())
                    .await
            });
            session::flash(&message).await?;
        }
        None => session::flash("Your profile is saved.").await?,
    }
    leptos_axum::redirect("/account");
    Ok(())
}

/// The user-safe error for a refused check of credentials.
#[cfg(feature = "ssr")]
fn refused_error(refused: super::service::LoginRefused) -> AppError {
    match refused {
        super::service::LoginRefused::RateLimited(wait) => AppError::RateLimited(wait),
        super::service::LoginRefused::Auth(error) => AppError::from(error),
    }
}

#[server(prefix = "/api/auth", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    use super::{service, session};
    let user_id = session::require_user().await.map_err(AppError::respond)?;
    let keep = session::current_session_id().await?;
    let state = crate::state::state()?;
    service::change_password(
        &state.db,
        &state.auth_limits,
        user_id,
        current_password,
        new_password,
        &password_confirmation,
        keep.as_deref(),
    )
    .await
    .map_err(|refused| refused_error(refused).respond())?;
    session::flash("Your password is changed. You’ve been logged out everywhere else.").await?;
    leptos_axum::redirect("/account");
    Ok(())
}

/// Sends a reset link if the address has an account. The answer is the same either way, and
/// the email goes out in the background so the timing is too.
#[server(prefix = "/api/auth", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use super::{reset, types::email_problem};
    limit_by_ip().await?;
    if let Some(problem) = email_problem(&email) {
        let mut errors = crate::error::FormErrors::default().keeping(&[("email", email.trim())]);
        errors.add("email", problem);
        return Err(AppError::Invalid(errors).respond());
    }
    let state = crate::state::state()?;
    let (db, base_url) = (state.db.clone(), state.base_url.clone());
    mail_in_background(&state, "password reset", async move {
        reset::request(&db, &email, &base_url, chrono::Utc::now())
            .await
            .map(|email| email.into_iter().collect())
    });
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Whether a reset link can still be used (the page shows the form or a way to ask again).
#[server(prefix = "/api/auth", endpoint = "reset_link_valid")]
pub async fn reset_link_valid(token: String) -> Result<bool, AppError> {
    let db = crate::state::db()?;
    super::reset::is_valid(&db, &token, chrono::Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())
}

#[server(prefix = "/api/auth", endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    use super::{reset, session};
    let db = crate::state::db()?;
    let user = reset::complete(
        &db,
        &token,
        password,
        &password_confirmation,
        chrono::Utc::now(),
    )
    .await
    .map_err(|error| AppError::from(error).respond())?;
    session::start(user.id).await.map_err(AppError::respond)?;
    leptos_axum::redirect("/trips");
    Ok(())
}
