//! Optional email verification: when switched on, sign-up (and an email change) sends a
//! single-use confirmation link. The account works meanwhile; the account page reminds.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    sea_query::Expr,
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

/// Retires the user's outstanding links and makes a new one, with the message to send.
pub async fn create_link(
    db: &impl ConnectionTrait,
    user: &users::Model,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Email, AuthError> {
    retire(db, user.id, now).await?;
    let token = new_token();
    tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        token_hash: Set(digest(&token)),
        expires_at: Set(now + LINK_LIFETIME),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    tracing::info!(user_id = %user.id, "email confirmation link created");
    Ok(Email {
        to: user.email.clone(),
        subject: "Confirm your email for Travel Planner".to_string(),
        body: format!(
            "Hello {name},\n\nPlease confirm that this is your email address:\n\n{base_url}/verify-email/{token}\n\n\
             The link works for seven days. If you didn't create a Travel Planner account, ignore this email.\n",
            name = user.display_name,
        ),
    })
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

/// Marks the address confirmed, using the token up.
#[tracing::instrument(skip_all)]
pub async fn confirm(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Uuid, AuthError> {
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
    users::Entity::update_many()
        .col_expr(users::Column::EmailVerifiedAt, Expr::value(now))
        .filter(users::Column::Id.eq(found.user_id))
        .exec(db)
        .await?;
    tracing::info!(user_id = %found.user_id, outcome = "confirmed", "email verification");
    Ok(found.user_id)
}
