//! Sign-up proves the address first: the form makes a pending sign-up and mails its address a
//! link; only the link makes the account. An address that already has an account gets a note
//! saying so instead. Both answer the form the same way, so the site never tells anyone which
//! addresses are registered — the owner of the address learns it from their mail.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    SqlErr, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{
    model::{SignupInput, Theme, normalise_email},
    password,
    service::AuthError,
    tokens::{digest, new_token},
};
use crate::{
    entities::{pending_signups as pending, users},
    error::FormErrors,
    mail::Email,
};

/// How long a sign-up link works.
pub const LINK_LIFETIME: Duration = Duration::hours(24);

pub use super::model::INVALID_SIGNUP_LINK as INVALID_LINK;
pub const ALREADY_REGISTERED: &str =
    "This address already has an account. Log in, or reset your password if you’ve forgotten it.";

/// A sign-up that passed validation, its password already hashed. Only [`check`] makes one.
pub struct CheckedSignup {
    email: String,
    display_name: String,
    password_hash: String,
}

impl CheckedSignup {
    /// The address, normalised.
    pub fn email(&self) -> &str {
        &self.email
    }
}

/// Validates the form and hashes the password: the part of a sign-up the person waits for,
/// and the same work whether or not the address has an account.
///
/// # Errors
/// `Invalid` with a message per field.
#[tracing::instrument(skip_all)]
pub async fn check(input: SignupInput) -> Result<CheckedSignup, AuthError> {
    let mut errors = input.validate();
    let email = normalise_email(&input.email);
    let display_name = input.display_name.trim().to_string();
    if errors.field("password").is_none()
        && let Some(problem) =
            password::guessable_problem(&input.password, &[&email, &display_name]).await?
    {
        errors.add("password", problem);
    }
    if !errors.is_empty() {
        return Err(AuthError::Invalid(errors));
    }
    let password_hash = password::hash(input.password).await?;
    Ok(CheckedSignup {
        email,
        display_name,
        password_hash,
    })
}

/// Makes the message for a checked sign-up: a link that finishes it, or — when the address has
/// an account — a note telling its owner. Run after the answer has gone (see the caller).
/// Both are in `language`, the one of the page the person signed up on.
#[tracing::instrument(skip_all)]
pub async fn request(
    db: &impl ConnectionTrait,
    signup: CheckedSignup,
    base_url: &str,
    language: i18n::Language,
    now: DateTime<Utc>,
) -> Result<Email, AuthError> {
    let registered = users::Entity::find()
        .filter(users::Column::Email.eq(&signup.email))
        .one(db)
        .await?
        .is_some();
    if registered {
        tracing::info!(outcome = "address has an account", "sign-up");
        return Ok(Email {
            to: signup.email,
            subject: i18n::tr!(language, "mail-signup-registered-subject"),
            body: i18n::tr!(
                language,
                "mail-signup-registered-body",
                login = format!("{base_url}/login"),
                forgot = format!("{base_url}/forgot-password"),
            ),
        });
    }
    let token = new_token();
    pending::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(signup.email.clone()),
        display_name: Set(signup.display_name),
        password_hash: Set(signup.password_hash),
        token_hash: Set(digest(&token)),
        expires_at: Set(now + LINK_LIFETIME),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    tracing::info!(outcome = "link created", "sign-up");
    Ok(Email {
        to: signup.email,
        subject: i18n::tr!(language, "mail-signup-link-subject"),
        body: i18n::tr!(
            language,
            "mail-signup-link-body",
            link = format!("{base_url}/signup/{token}"),
        ),
    })
}

/// Whether `token` is a live sign-up link (for showing the page).
pub async fn is_valid(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, AuthError> {
    Ok(live(db, token, now).await?.is_some())
}

async fn live(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<pending::Model>, AuthError> {
    Ok(pending::Entity::find()
        .filter(pending::Column::TokenHash.eq(digest(token)))
        .filter(pending::Column::ExpiresAt.gt(now))
        .one(db)
        .await?)
}

/// Finishes a sign-up with its link: the account is made (its address confirmed by the link),
/// and every pending sign-up of the address is used up. Returns the new account.
///
/// # Errors
/// `Invalid` when the link is unknown, expired or used, or the address got an account since.
#[tracing::instrument(skip_all)]
pub async fn complete(
    db: &(impl ConnectionTrait + TransactionTrait),
    token: &str,
    now: DateTime<Utc>,
) -> Result<users::Model, AuthError> {
    let invalid = |message: &str| AuthError::Invalid(FormErrors::with_form(message));
    let txn = db.begin().await?;
    // A write first, so SQLite takes its write lock at once: a read first would have to upgrade
    // its lock at the delete below, and SQLite refuses that at once (no waiting) while another
    // connection writes — the sign-up then failed under load.
    let touched = pending::Entity::update_many()
        .col_expr(
            pending::Column::ExpiresAt,
            sea_orm::sea_query::Expr::col(pending::Column::ExpiresAt),
        )
        .filter(pending::Column::TokenHash.eq(digest(token)))
        .exec(&txn)
        .await?;
    if touched.rows_affected == 0 {
        return Err(invalid(INVALID_LINK));
    }
    let Some(found) = live(&txn, token, now).await? else {
        return Err(invalid(INVALID_LINK));
    };
    // Claims every pending sign-up of the address at once: of two uses of one link, one
    // deletes the rows and makes the account, the other finds nothing.
    let claimed = pending::Entity::delete_many()
        .filter(pending::Column::Email.eq(&found.email))
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        return Err(invalid(INVALID_LINK));
    }
    let registered = users::Entity::find()
        .filter(users::Column::Email.eq(&found.email))
        .one(&txn)
        .await?
        .is_some();
    if registered {
        // The address got an account after the link was sent; the link is used up all the same.
        txn.commit().await?;
        tracing::info!(outcome = "address has an account", "sign-up completed");
        return Err(invalid(ALREADY_REGISTERED));
    }
    let proven = CheckedSignup {
        email: found.email,
        display_name: found.display_name,
        password_hash: found.password_hash,
    };
    let user = insert_account(&txn, proven, now).await?;
    txn.commit().await?;
    tracing::info!(user_id = %user.id, outcome = "created", "sign-up completed");
    Ok(user)
}

/// Deletes sign-ups whose links have expired.
pub async fn delete_expired(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<u64, AuthError> {
    Ok(pending::Entity::delete_many()
        .filter(pending::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected)
}

/// Makes the account of a sign-up whose address another link has proven (a trip invitation's),
/// and uses up the address's pending sign-ups.
///
/// # Errors
/// `Invalid` when the address has an account already.
pub async fn create_proven(
    db: &impl ConnectionTrait,
    signup: CheckedSignup,
    now: DateTime<Utc>,
) -> Result<users::Model, AuthError> {
    let user = insert_account(db, signup, now).await?;
    pending::Entity::delete_many()
        .filter(pending::Column::Email.eq(&user.email))
        .exec(db)
        .await?;
    Ok(user)
}

/// Inserts the account of a sign-up whose address is proven.
///
/// # Errors
/// `Invalid` when the address has an account already (two sign-ups of one address finished
/// at the same moment, and this one lost).
async fn insert_account(
    db: &impl ConnectionTrait,
    signup: CheckedSignup,
    now: DateTime<Utc>,
) -> Result<users::Model, AuthError> {
    let user = users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(signup.email),
        display_name: Set(signup.display_name),
        password_hash: Set(signup.password_hash),
        email_verified_at: Set(Some(now)),
        time_zone: Set(None),
        theme: Set(<&str>::from(Theme::System).to_string()),
        language: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match user.insert(db).await {
        Ok(user) => Ok(user),
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(
            AuthError::Invalid(FormErrors::with_form(ALREADY_REGISTERED)),
        ),
        Err(error) => Err(error.into()),
    }
}
