//! Confirmation links for addresses: an email change waits for its link (the new address
//! changes only when its owner opens it), and an account from before sign-up links existed can
//! confirm its current address. Single use, 7 days, stored as SHA-256.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    SqlErr, sea_query::Expr,
};
use uuid::Uuid;

use super::{
    service::AuthError,
    tokens::{digest, new_token},
};
use crate::{
    entities::{email_verification_tokens as tokens, users},
    error::FormErrors,
    mail::Email,
};

pub const LINK_LIFETIME: Duration = Duration::days(7);
pub const INVALID_LINK: &str = "This confirmation link has expired or was already used. Send yourself a new one from your account page.";
pub const ADDRESS_TAKEN: &str =
    "That address is now used by another account, so your email stays as it was.";

/// The language of mails to `user`: the one their account saved, else `otherwise` (the
/// request's).
pub fn mail_language(user: &users::Model, otherwise: i18n::Language) -> i18n::Language {
    user.language
        .as_deref()
        .and_then(|code| code.parse().ok())
        .unwrap_or(otherwise)
}

/// Retires the user's outstanding links and makes a new one, with the message to send (in the
/// account's language, else in `language`, the request's).
pub async fn create_link(
    db: &impl ConnectionTrait,
    user: &users::Model,
    base_url: &str,
    language: i18n::Language,
    now: DateTime<Utc>,
) -> Result<Email, AuthError> {
    let language = mail_language(user, language);
    retire(db, user.id, now).await?;
    let token = new_token();
    tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        token_hash: Set(digest(&token)),
        expires_at: Set(now + LINK_LIFETIME),
        used_at: Set(None),
        created_at: Set(now),
        email: Set(None),
    }
    .insert(db)
    .await?;
    tracing::info!(user_id = %user.id, "email confirmation link created");
    Ok(Email {
        to: user.email.clone(),
        subject: i18n::tr!(language, "mail-confirm-subject"),
        body: i18n::tr!(
            language,
            "mail-confirm-body",
            name = user.display_name.as_str(),
            link = format!("{base_url}/verify-email/{token}"),
        ),
    })
}

/// Starts changing `user`'s address to `new_email` (normalised; checked by the caller, with the
/// current password). The messages to send: a link to the new address — or, when another
/// account has it, a note to that account's owner instead — and a note to the current address.
/// The answer to the person is the same either way. The messages are in the account's
/// language, else in `language` (the request's); the note to another account's owner is in
/// theirs, else the same.
pub async fn request_change(
    db: &impl ConnectionTrait,
    user: &users::Model,
    new_email: &str,
    base_url: &str,
    language: i18n::Language,
    now: DateTime<Utc>,
) -> Result<Vec<Email>, AuthError> {
    let language = mail_language(user, language);
    let taken = users::Entity::find()
        .filter(users::Column::Email.eq(new_email))
        .one(db)
        .await?;
    let mut messages = vec![Email {
        to: user.email.clone(),
        subject: i18n::tr!(language, "mail-change-notice-subject"),
        body: i18n::tr!(
            language,
            "mail-change-notice-body",
            name = user.display_name.as_str(),
            address = new_email,
            link = format!("{base_url}/account"),
        ),
    }];
    if let Some(owner) = taken {
        let language = mail_language(&owner, language);
        tracing::info!(user_id = %user.id, outcome = "address has an account", "email change requested");
        messages.push(Email {
            to: new_email.to_string(),
            subject: i18n::tr!(language, "mail-change-taken-subject"),
            body: i18n::tr!(language, "mail-change-taken-body"),
        });
        return Ok(messages);
    }
    retire(db, user.id, now).await?;
    let token = new_token();
    tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        token_hash: Set(digest(&token)),
        expires_at: Set(now + LINK_LIFETIME),
        used_at: Set(None),
        created_at: Set(now),
        email: Set(Some(new_email.to_string())),
    }
    .insert(db)
    .await?;
    tracing::info!(user_id = %user.id, outcome = "link created", "email change requested");
    messages.push(Email {
        to: new_email.to_string(),
        subject: i18n::tr!(language, "mail-change-link-subject"),
        body: i18n::tr!(
            language,
            "mail-change-link-body",
            link = format!("{base_url}/verify-email/{token}"),
        ),
    });
    Ok(messages)
}

async fn retire(
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

/// Confirms the address the link was sent to, using the token up: an email change takes
/// effect, or the current address is marked confirmed. Returns the user and whether their
/// address changed.
#[tracing::instrument(skip_all)]
pub async fn confirm(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(Uuid, bool), AuthError> {
    let invalid = || AuthError::Invalid(FormErrors::with_form(INVALID_LINK));
    let Some(found) = tokens::Entity::find()
        .filter(tokens::Column::TokenHash.eq(digest(token)))
        .filter(tokens::Column::UsedAt.is_null())
        .filter(tokens::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Err(invalid());
    };
    let claimed = tokens::Entity::update_many()
        .col_expr(tokens::Column::UsedAt, Expr::value(now))
        .filter(tokens::Column::Id.eq(found.id))
        .filter(tokens::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(invalid());
    }
    let mut confirmed = users::Entity::update_many()
        .col_expr(users::Column::EmailVerifiedAt, Expr::value(now))
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(found.user_id));
    if let Some(email) = &found.email {
        confirmed = confirmed.col_expr(users::Column::Email, Expr::value(email.clone()));
    }
    match confirmed.exec(db).await {
        Ok(_) => {}
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            tracing::info!(user_id = %found.user_id, outcome = "address taken", "email verification");
            return Err(AuthError::Invalid(FormErrors::with_form(ADDRESS_TAKEN)));
        }
        Err(error) => return Err(error.into()),
    }
    if found.email.is_some() {
        // Reset links went to the old address; they no longer belong to the account.
        super::reset::retire_links(db, found.user_id, now).await?;
    }
    tracing::info!(
        user_id = %found.user_id,
        outcome = if found.email.is_some() { "changed" } else { "confirmed" },
        "email verification"
    );
    Ok((found.user_id, found.email.is_some()))
}
