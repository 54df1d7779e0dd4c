//! Server functions for accounts: sign-up and its link, log-in and out, the profile, the
//! password and its reset, confirmation links, the theme.

use chrono::Utc;
use domain::{
    accounts::{
        model::{SignupInput, Theme, email_problem},
        reset, service, signup, verify,
    },
    entities::users,
    error::FormErrors,
};
use leptos::prelude::*;

use super::mail;
use crate::{
    context::{self, AppState},
    error::AppError,
    links::safe_next,
    session,
};

/// Saves the traveler's colour theme and goes back to the page they were on.
#[server(prefix = "/api/auth", endpoint = "theme")]
pub async fn set_theme(theme: String, #[server(default)] back: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let theme: Theme = theme.parse().map_err(|_| AppError::BadRequest.respond())?;
    let db = context::db()?;
    service::set_theme(&db, actor.user(), theme)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    leptos_axum::redirect(&safe_next(Some(&back)));
    Ok(())
}

/// Switches the pages (and a traveler's mails) to another language and goes back to the page
/// the switch was on. Saved on the account when signed in, and in a cookie for the browser (so
/// the log-in page after a log-out keeps it too).
#[server(prefix = "/api/auth", endpoint = "language")]
pub async fn set_language(
    language: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    let language: i18n::Language = language
        .parse()
        .map_err(|_| AppError::BadRequest.respond())?;
    let state = context::state()?;
    if let Some(user) = session::signed_in().await? {
        service::set_language(&state.db, user, language)
            .await
            .map_err(|error| AppError::from(error).respond())?;
    }
    let secure = if state.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        context::LANGUAGE_COOKIE,
        language.code()
    );
    if let (Some(response), Ok(cookie)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, cookie);
    }
    leptos_axum::redirect(&safe_next(Some(&back)));
    Ok(())
}

/// Counts an attempt against the client's IP allowance.
pub(crate) async fn limit_by_ip() -> Result<(), AppError> {
    let state = context::state()?;
    let ip = context::client_ip();
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
    let state = context::state()?;
    start_sign_up(&state, checked);
    leptos_axum::redirect("/signup?sent=1");
    Ok(())
}

/// Mails a checked sign-up its link (or note) in the background. Also the JSON API's.
pub fn start_sign_up(state: &AppState, checked: signup::CheckedSignup) {
    let (db, base_url) = (state.db.clone(), state.base_url.clone());
    let language = context::lang();
    mail::in_background(state, "sign-up", async move {
        signup::request(&db, checked, &base_url, language, Utc::now())
            .await
            .map(|email| vec![email])
    });
}

/// Mails the link (or note) of an email change in the background. Also the JSON API's.
pub fn start_email_change(state: &AppState, user: users::Model, new_email: String) {
    let (db, base_url) = (state.db.clone(), state.base_url.clone());
    let language = context::lang();
    mail::in_background(state, "email change", async move {
        verify::request_change(&db, &user, &new_email, &base_url, language, Utc::now()).await
    });
}

/// What the person is told after asking for an email change (the same whether or not the
/// address has an account).
pub fn email_change_sent(new_email: &str) -> String {
    i18n::tr!(
        context::lang(),
        "account-flash-email-sent",
        email = new_email
    )
}

/// Whether a sign-up link can still be used (the page shows the button or a way to start over).
#[server(prefix = "/api/auth", endpoint = "sign_up_link_valid")]
pub async fn sign_up_link_valid(token: String) -> Result<bool, AppError> {
    let db = context::db()?;
    signup::is_valid(&db, &token, Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())
}

/// Finishes a sign-up with the emailed link's token: the account is made and logged in.
#[server(prefix = "/api/auth", endpoint = "complete_sign_up")]
pub async fn complete_sign_up(token: String) -> Result<(), AppError> {
    let db = context::db()?;
    let user = signup::complete(&db, &token, Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())?;
    session::start(user.id.into())
        .await
        .map_err(AppError::respond)?;
    session::flash(&i18n::tr!(context::lang(), "auth-flash-welcome")).await?;
    leptos_axum::redirect("/trips");
    Ok(())
}

/// Mails `user` a link to confirm their current address, in the background.
fn send_confirmation_link(user: users::Model) {
    if let Ok(state) = context::state() {
        let (db, base_url) = (state.db.clone(), state.base_url.clone());
        let language = context::lang();
        mail::in_background(&state, "email confirmation", async move {
            verify::create_link(&db, &user, &base_url, language, Utc::now())
                .await
                .map(|email| vec![email])
        });
    }
}

#[server(prefix = "/api/auth", endpoint = "confirm_email")]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    let db = context::db()?;
    let (_, changed) = verify::confirm(&db, &token, Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())?;
    let l = context::lang();
    session::flash(&if changed {
        i18n::tr!(l, "auth-flash-email-changed")
    } else {
        i18n::tr!(l, "auth-flash-email-confirmed")
    })
    .await?;
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "resend_confirmation")]
pub async fn resend_confirmation() -> Result<(), AppError> {
    let actor = session::actor().await?;
    limit_by_ip().await?;
    let db = context::db()?;
    let user = service::find_user(&db, actor.user())
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not load the user");
            AppError::Internal.respond()
        })?
        .ok_or_else(|| AppError::Unauthorized.respond())?;
    if user.email_verified_at.is_none() {
        send_confirmation_link(user);
    }
    session::flash(&i18n::tr!(context::lang(), "account-flash-resent")).await?;
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "log_in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    limit_by_ip().await?;
    let state = context::state()?;
    let db = state.db.clone();
    let user = service::log_in_limited(&db, &state.auth_limits, &email, password)
        .await
        .map_err(|refused| {
            match AppError::from(refused) {
                AppError::Invalid(errors) => {
                    AppError::Invalid(errors.keeping(&[("email", email.trim())]))
                }
                other => other,
            }
            .respond()
        })?;
    session::start(user.id.into())
        .await
        .map_err(AppError::respond)?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    session::end().await.map_err(AppError::respond)?;
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
    let actor = session::actor().await?;
    let state = context::state()?;
    let update = service::update_profile(
        &state.db,
        &state.auth_limits,
        actor.user(),
        &display_name,
        &email,
        time_zone.as_deref(),
        &password,
    )
    .await
    .map_err(|refused| AppError::from(refused).respond())?;
    match update.new_email {
        Some(new_email) => {
            let message = email_change_sent(&new_email);
            start_email_change(&state, update.user, new_email);
            session::flash(&message).await?;
        }
        None => session::flash(&i18n::tr!(context::lang(), "account-flash-saved")).await?,
    }
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(prefix = "/api/auth", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let keep = session::current_session_id().await?;
    let state = context::state()?;
    service::change_password(
        &state.db,
        &state.auth_limits,
        actor.user(),
        current_password,
        new_password,
        &password_confirmation,
        keep.as_deref(),
    )
    .await
    .map_err(|refused| AppError::from(refused).respond())?;
    session::flash(&i18n::tr!(context::lang(), "account-flash-password")).await?;
    leptos_axum::redirect("/account");
    Ok(())
}

/// Sends a reset link if the address has an account. The answer is the same either way, and
/// the email goes out in the background so the timing is too.
#[server(prefix = "/api/auth", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    limit_by_ip().await?;
    if let Some(problem) = email_problem(&email) {
        let mut errors = FormErrors::default().keeping(&[("email", email.trim())]);
        errors.add("email", problem);
        return Err(AppError::Invalid(errors).respond());
    }
    let state = context::state()?;
    let (db, base_url) = (state.db.clone(), state.base_url.clone());
    let language = context::lang();
    mail::in_background(&state, "password reset", async move {
        reset::request(&db, &email, &base_url, language, Utc::now())
            .await
            .map(|email| email.into_iter().collect())
    });
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Whether a reset link can still be used (the page shows the form or a way to ask again).
#[server(prefix = "/api/auth", endpoint = "reset_link_valid")]
pub async fn reset_link_valid(token: String) -> Result<bool, AppError> {
    let db = context::db()?;
    reset::is_valid(&db, &token, Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())
}

#[server(prefix = "/api/auth", endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    let db = context::db()?;
    let user = reset::complete(&db, &token, password, &password_confirmation, Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())?;
    session::start(user.id.into())
        .await
        .map_err(AppError::respond)?;
    leptos_axum::redirect("/trips");
    Ok(())
}
