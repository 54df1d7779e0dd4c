//! Account rules on the server: sign-up, log-in, password changes. Functions take any
//! connection (pool or transaction) and never see HTTP.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, SqlErr, TransactionSession,
};
use uuid::Uuid;

use super::{
    limits::AuthLimits,
    password::{self, PasswordError},
    types::{CurrentUser, SignupInput, Theme, normalise_email},
};
use crate::{
    entities::{sessions, users},
    error::{AppError, FormErrors},
};

pub const INVALID_CREDENTIALS: &str = "Your email or password is incorrect.";

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the form has problems")]
    Invalid(FormErrors),
    #[error("unknown email or wrong password")]
    InvalidCredentials,
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error(transparent)]
    Password(#[from] PasswordError),
}

impl From<AuthError> for AppError {
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::Invalid(errors) => AppError::Invalid(errors),
            AuthError::InvalidCredentials => {
                AppError::Invalid(FormErrors::with_form(INVALID_CREDENTIALS))
            }
            AuthError::Db(_) | AuthError::Password(_) => {
                tracing::error!(%error, "account operation failed");
                AppError::Internal
            }
        }
    }
}

/// Creates an account. The password is hashed before the email is checked for duplicates, so
/// a taken address does not answer faster than a free one.
#[tracing::instrument(skip_all)]
pub async fn sign_up(
    db: &impl ConnectionTrait,
    input: SignupInput,
) -> Result<users::Model, AuthError> {
    let mut errors = input.validate();
    let email = normalise_email(&input.email);
    let display_name = input.display_name.trim().to_string();
    if errors.field("password").is_none()
        && let Some(problem) =
            password::guessable_problem(&input.password, &[&email, &display_name])
    {
        errors.add("password", problem);
    }
    if !errors.is_empty() {
        return Err(AuthError::Invalid(errors));
    }

    let password_hash = password::hash(input.password).await?;
    let now = Utc::now();
    let user = users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.clone()),
        display_name: Set(display_name.clone()),
        password_hash: Set(password_hash),
        email_verified_at: Set(None),
        time_zone: Set(None),
        theme: Set(Theme::System.as_str().to_string()),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match user.insert(db).await {
        Ok(user) => {
            tracing::info!(user_id = %user.id, outcome = "created", "sign-up");
            Ok(user)
        }
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            tracing::info!(outcome = "email taken", "sign-up");
            let mut errors = FormErrors::default()
                .keeping(&[("email", &email), ("display_name", &display_name)]);
            errors.add(
                "email",
                "An account with this email already exists. Log in, or reset your password if you’ve forgotten it.",
            );
            Err(AuthError::Invalid(errors))
        }
        Err(error) => Err(error.into()),
    }
}

/// Checks credentials. Unknown emails and wrong passwords fail the same way, after the same
/// amount of hashing work. Hashes made with weaker parameters are upgraded on success.
#[tracing::instrument(skip_all)]
pub async fn log_in(
    db: &impl ConnectionTrait,
    email: &str,
    password: String,
) -> Result<users::Model, AuthError> {
    let email = normalise_email(email);
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(db)
        .await?;
    let verification = password::verify(
        password.clone(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let Some(user) = user.filter(|_| verification.matches) else {
        tracing::info!(outcome = "rejected", "log-in");
        return Err(AuthError::InvalidCredentials);
    };
    if verification.needs_rehash {
        let mut upgraded: users::ActiveModel = user.clone().into();
        upgraded.password_hash = Set(password::hash(password).await?);
        upgraded.update(db).await?;
        tracing::info!(user_id = %user.id, "password hash upgraded");
    }
    tracing::info!(user_id = %user.id, outcome = "success", "log-in");
    Ok(user)
}

/// Why a log-in under the account's allowance failed.
#[derive(Debug, thiserror::Error)]
pub enum LoginRefused {
    #[error("too many failed logins for this account; wait {0} seconds")]
    RateLimited(u64),
    #[error(transparent)]
    Auth(#[from] AuthError),
}

/// [`log_in`] under the account's failed-login allowance: refused while it is used up, a wrong
/// password counts against it, a success clears it. The web form and the JSON API both log in
/// here, so they share one allowance per account.
///
/// An address that cannot be an account's is refused before anything is counted or hashed
/// (the answer is the same as for a wrong password), so the limiter's keys are only ever real
/// addresses of at most 254 characters. The attempt is counted before the password is checked,
/// so concurrent guesses cannot all pass the check while the first is still hashing.
#[tracing::instrument(skip_all)]
pub async fn log_in_limited(
    db: &impl ConnectionTrait,
    limits: &AuthLimits,
    email: &str,
    password: String,
) -> Result<users::Model, LoginRefused> {
    if super::types::email_problem(email).is_some() {
        tracing::info!(outcome = "rejected", "log-in");
        metrics::counter!("travel_planner_logins_total", "outcome" => "failed").increment(1);
        return Err(AuthError::InvalidCredentials.into());
    }
    let attempt = limits
        .password_attempt(&normalise_email(email))
        .map_err(LoginRefused::RateLimited)?;
    match log_in(db, email, password).await {
        Ok(user) => {
            attempt.clear();
            metrics::counter!("travel_planner_logins_total", "outcome" => "success").increment(1);
            Ok(user)
        }
        Err(AuthError::InvalidCredentials) => {
            metrics::counter!("travel_planner_logins_total", "outcome" => "failed").increment(1);
            Err(AuthError::InvalidCredentials.into())
        }
        Err(error) => {
            attempt.refund();
            Err(error.into())
        }
    }
}

pub async fn find_user(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find_by_id(id).one(db).await
}

/// The logged-in traveler as pages show them (`None` when the account is gone).
/// `email_verification` is whether this server asks for confirmed addresses.
pub async fn current_user(
    db: &impl ConnectionTrait,
    id: Uuid,
    email_verification: bool,
) -> Result<Option<CurrentUser>, DbErr> {
    Ok(find_user(db, id).await?.map(|user| CurrentUser {
        id: user.id.to_string(),
        email: user.email,
        display_name: user.display_name,
        email_unconfirmed: email_verification && user.email_verified_at.is_none(),
        time_zone: user.time_zone,
        theme: Theme::parse(&user.theme).unwrap_or_default(),
    }))
}

/// Ends every session of `user_id` except `keep` (the one making the change, if any).
pub async fn end_sessions(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Option<&str>,
) -> Result<u64, DbErr> {
    let mut query = sessions::Entity::delete_many().filter(sessions::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(sessions::Column::Id.ne(keep));
    }
    Ok(query.exec(db).await?.rows_affected)
}

/// Changes the password after checking the current one; every other session of the user ends.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn change_password(
    db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
    user_id: Uuid,
    current: String,
    new_password: String,
    confirmation: &str,
    keep_session: Option<&str>,
) -> Result<(), AuthError> {
    let Some(user) = find_user(db, user_id).await? else {
        return Err(AuthError::InvalidCredentials);
    };
    let mut errors = FormErrors::default();
    let verification = password::verify(current, Some(user.password_hash.clone())).await?;
    if !verification.matches {
        errors.add("current_password", "That isn’t your current password.");
    }
    if let Some(problem) = super::types::password_length_problem(&new_password)
        .or_else(|| password::guessable_problem(&new_password, &[&user.email, &user.display_name]))
    {
        errors.add("new_password", problem);
    }
    if new_password != confirmation {
        errors.add("password_confirmation", "The two passwords don’t match.");
    }
    if !errors.is_empty() {
        return Err(AuthError::Invalid(errors));
    }
    let hash = password::hash(new_password).await?;
    let txn = db.begin().await?;
    super::reset::set_password(&txn, &user, hash, Utc::now()).await?;
    let ended = end_sessions(&txn, user.id, keep_session).await?;
    txn.commit().await?;
    tracing::info!(
        other_sessions_ended = ended,
        outcome = "changed",
        "password changed"
    );
    Ok(())
}

/// Saves the colour theme the traveler chose.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn set_theme(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    theme: Theme,
) -> Result<(), AuthError> {
    users::Entity::update_many()
        .col_expr(
            users::Column::Theme,
            sea_orm::sea_query::Expr::value(theme.as_str()),
        )
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Updates the name and email shown on the account. A new email is unconfirmed again; the
/// second value says whether the email changed.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn update_profile(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    display_name: &str,
    email: &str,
    time_zone: Option<&str>,
) -> Result<(users::Model, bool), AuthError> {
    let time_zone = time_zone.map(str::trim);
    let mut errors = FormErrors::default().keeping(&[
        ("display_name", display_name.trim()),
        ("email", email.trim()),
        ("time_zone", time_zone.unwrap_or_default()),
    ]);
    if let Some(zone) = time_zone
        && !zone.is_empty()
        && !crate::reference::is_time_zone(zone)
    {
        errors.add("time_zone", "Choose a time zone from the list.");
    }
    if let Some(problem) = super::types::email_problem(email) {
        errors.add("email", problem);
    }
    if let Some(problem) = super::types::display_name_problem(display_name) {
        errors.add("display_name", problem);
    }
    if !errors.fields.is_empty() {
        return Err(AuthError::Invalid(errors));
    }
    let Some(user) = find_user(db, user_id).await? else {
        return Err(AuthError::InvalidCredentials);
    };
    let email = normalise_email(email);
    let email_changed = email != user.email;
    let mut active: users::ActiveModel = user.into();
    active.display_name = Set(display_name.trim().to_string());
    if let Some(zone) = time_zone {
        active.time_zone = Set((!zone.is_empty()).then(|| zone.to_string()));
    }
    if email_changed {
        active.email = Set(email);
        active.email_verified_at = Set(None);
    }
    active.updated_at = Set(Utc::now());
    match active.update(db).await {
        Ok(user) => Ok((user, email_changed)),
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            errors.add("email", "Another account already uses this email.");
            Err(AuthError::Invalid(errors))
        }
        Err(error) => Err(error.into()),
    }
}
