//! Forgotten passwords: single-use reset links valid for one hour. The token has 256 bits from
//! the OS's CSPRNG; only its SHA-256 is stored.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionSession, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::{
    model::{normalise_email, password_length_problem},
    password,
    service::{AuthError, end_sessions},
    tokens::{digest, new_token},
};
use crate::{
    entities::{password_reset_tokens as tokens, users},
    error::FormErrors,
    mail::Email,
};

pub const TOKEN_LIFETIME: Duration = Duration::hours(1);

/// Makes a reset link for `email` if it belongs to an account, and the message to send. The
/// caller answers the same way either way. The message is in the account's language, else in
/// `language` (the request's).
#[tracing::instrument(skip_all)]
pub async fn request(
    db: &impl ConnectionTrait,
    email: &str,
    base_url: &str,
    language: i18n::Language,
    now: DateTime<Utc>,
) -> Result<Option<Email>, AuthError> {
    let email = normalise_email(email);
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(db)
        .await?
    else {
        tracing::info!(outcome = "unknown email", "password reset requested");
        return Ok(None);
    };
    let token = new_token();
    tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        token_hash: Set(digest(&token)),
        expires_at: Set(now + TOKEN_LIFETIME),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    tracing::info!(user_id = %user.id, outcome = "link created", "password reset requested");
    let language = super::verify::mail_language(&user, language);
    Ok(Some(Email {
        to: user.email,
        subject: i18n::tr!(language, "mail-reset-subject"),
        body: i18n::tr!(
            language,
            "mail-reset-body",
            name = user.display_name.as_str(),
            link = format!("{base_url}/reset-password/{token}"),
        ),
    }))
}

/// Whether `token` is a live reset token (for showing the form).
pub async fn is_valid(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, AuthError> {
    Ok(live_token(db, token, now).await?.is_some())
}

async fn live_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<tokens::Model>, AuthError> {
    Ok(tokens::Entity::find()
        .filter(tokens::Column::TokenHash.eq(digest(token)))
        .filter(tokens::Column::UsedAt.is_null())
        .filter(tokens::Column::ExpiresAt.gt(now))
        .one(db)
        .await?)
}

use super::model::INVALID_RESET_LINK as INVALID_LINK;

/// Sets a new password with a reset token: the token and every other outstanding one is used
/// up, and every session of the account ends. Returns the user to log in.
#[tracing::instrument(skip_all)]
pub async fn complete(
    db: &(impl ConnectionTrait + TransactionTrait),
    token: &str,
    new_password: String,
    confirmation: &str,
    now: DateTime<Utc>,
) -> Result<users::Model, AuthError> {
    let mut errors = FormErrors::default();
    if let Some(problem) = password_length_problem(&new_password) {
        errors.add("password", problem);
    }
    if new_password != confirmation {
        errors.add("password_confirmation", "The two passwords don’t match.");
    }
    let Some(found) = live_token(db, token, now).await? else {
        return Err(AuthError::Invalid(FormErrors::with_form(INVALID_LINK)));
    };
    let Some(user) = users::Entity::find_by_id(found.user_id).one(db).await? else {
        return Err(AuthError::Invalid(FormErrors::with_form(INVALID_LINK)));
    };
    if errors.field("password").is_none()
        && let Some(problem) =
            password::guessable_problem(&new_password, &[&user.email, &user.display_name]).await?
    {
        errors.add("password", problem);
    }
    if !errors.is_empty() {
        return Err(AuthError::Invalid(errors));
    }
    let hash = password::hash(new_password).await?;

    let txn = db.begin().await?;
    // Claim the token atomically: of two concurrent uses, only one updates a row.
    let claimed = tokens::Entity::update_many()
        .col_expr(tokens::Column::UsedAt, Expr::value(now))
        .filter(tokens::Column::Id.eq(found.id))
        .filter(tokens::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AuthError::Invalid(FormErrors::with_form(INVALID_LINK)));
    }
    set_password(&txn, &user, hash, now).await?;
    end_sessions(&txn, user.id.into(), None).await?;
    txn.commit().await?;
    tracing::info!(user_id = %user.id, outcome = "password reset", "password changed");
    Ok(user)
}

/// Uses up every outstanding reset link of the user.
pub async fn retire_links(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AuthError> {
    tokens::Entity::update_many()
        .col_expr(tokens::Column::UsedAt, Expr::value(now))
        .filter(tokens::Column::UserId.eq(user_id))
        .filter(tokens::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Stores a new hash and retires every outstanding reset link and API login of the user.
pub async fn set_password(
    db: &impl ConnectionTrait,
    user: &users::Model,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), AuthError> {
    let mut active: users::ActiveModel = user.clone().into();
    active.password_hash = Set(hash);
    active.updated_at = Set(now);
    active.update(db).await?;
    retire_links(db, user.id, now).await?;
    // The JSON API's logins end too (their access tokens stop at the next request).
    super::refresh::revoke_all(db, user.id, now).await?;
    Ok(())
}
