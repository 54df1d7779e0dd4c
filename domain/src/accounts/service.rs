//! Account rules on the server: sign-up, log-in, password changes. Functions take any
//! connection (pool or transaction) and never see HTTP.

use crate::ids::UserId;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, TransactionSession,
};

use super::{
    limits::AuthLimits,
    model::{Profile, Theme, normalise_email},
    password::{self, PasswordError},
};
use crate::{
    entities::{sessions, users},
    error::FormErrors,
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
    if super::model::email_problem(email).is_some() {
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

pub async fn find_user(
    db: &impl ConnectionTrait,
    id: UserId,
) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find_by_id(id.uuid()).one(db).await
}

/// The logged-in traveler as pages show them (`None` when the account is gone).
/// An account from before sign-up links existed may not have confirmed its address.
pub async fn profile(db: &impl ConnectionTrait, id: UserId) -> Result<Option<Profile>, DbErr> {
    Ok(find_user(db, id).await?.map(Profile::from))
}

impl From<users::Model> for Profile {
    fn from(user: users::Model) -> Self {
        Self {
            id: user.id.into(),
            email: user.email,
            display_name: user.display_name,
            email_unconfirmed: user.email_verified_at.is_none(),
            time_zone: user.time_zone,
            theme: user.theme.parse().unwrap_or_default(),
            language: user.language.and_then(|code| code.parse().ok()),
            invitations_waiting: None,
        }
    }
}

/// The unexpired session row under `key` and the profile of the traveler it is signed in
/// as, in one statement (the session joined with its user): a page needs both, and every
/// statement a page sends costs it a round trip to the database. The profile says whether an
/// invitation may be waiting for them (so the trip list skips that read when none is).
///
/// # Errors
/// The database fails.
pub async fn session_with_profile(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<(sessions::Model, Option<Profile>)>, DbErr> {
    let statement = session_statement(db.get_database_backend(), key, Utc::now());
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(None);
    };
    let (session, user, waiting) = session_by_position(&row)?;
    Ok(Some((
        session,
        user.map(|user| Profile {
            invitations_waiting: waiting,
            ..Profile::from(user)
        }),
    )))
}

/// [`session_select`]'s row, each column read at its place (the session's columns, the user's,
/// then the invitation flag): sea-orm's `FromQueryResult` looks every column up by name, some
/// 600 instructions a column, fourteen columns on every page.
fn session_by_position(
    row: &sea_orm::QueryResult,
) -> Result<(sessions::Model, Option<users::Model>, Option<bool>), DbErr> {
    use sea_orm::TryGetable;
    use sessions::Column as S;
    use users::Column as U;
    fn at<T: TryGetable>(row: &sea_orm::QueryResult, place: usize) -> Result<T, DbErr> {
        row.try_get_by_index(place)
    }
    let session = sessions::Model {
        id: at(row, S::Id as usize)?,
        user_id: at(row, S::UserId as usize)?,
        data: at(row, S::Data as usize)?,
        expires_at: at(row, S::ExpiresAt as usize)?,
    };
    let user_at = |column: U| USER_FROM + column as usize;
    // A session without a user (a visitor's) has NULL in every column of the left join.
    let user = match at::<Option<uuid::Uuid>>(row, user_at(U::Id))? {
        None => None,
        Some(id) => Some(users::Model {
            id,
            email: at(row, user_at(U::Email))?,
            display_name: at(row, user_at(U::DisplayName))?,
            password_hash: at(row, user_at(U::PasswordHash))?,
            email_verified_at: at(row, user_at(U::EmailVerifiedAt))?,
            time_zone: at(row, user_at(U::TimeZone))?,
            theme: at(row, user_at(U::Theme))?,
            language: at(row, user_at(U::Language))?,
            created_at: at(row, user_at(U::CreatedAt))?,
            updated_at: at(row, user_at(U::UpdatedAt))?,
        }),
    };
    Ok((session, user, at(row, WAITING_AT)?))
}

/// Where [`session_select`] puts the user's columns (after the session's) and the invitation
/// flag (after those), each the place after the last column before it.
const USER_FROM: usize = sessions::Column::ExpiresAt as usize + 1;
const WAITING_AT: usize = USER_FROM + users::Column::UpdatedAt as usize + 1;

/// The prefix of the user's columns and the name of the invitation flag in [`session_select`].
const PREFIX: &str = "user_";
const WAITING: &str = "invitations_waiting";

/// The SQL of [`session_with_profile`]'s statement, built once per backend.
static SESSION: crate::reuse::Reused = crate::reuse::Reused::new();

/// [`session_select`] for `backend`, its SQL built once (`crate::reuse`).
fn session_statement(
    backend: sea_orm::DbBackend,
    key: &str,
    now: DateTime<Utc>,
) -> sea_orm::Statement {
    SESSION.statement(
        backend,
        (key.to_string(), now),
        || (String::from("\u{1}session"), DateTime::<Utc>::MIN_UTC),
        |(key, now)| session_select(key, now),
    )
}

/// The session `key` if it has not expired at `now`, with its user's columns (prefixed) and
/// whether an invitation may be waiting for them.
fn session_select(key: String, now: DateTime<Utc>) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::{
        IdenStatic, Iterable, JoinType, QuerySelect, QueryTrait, RelationDef, sea_query::Expr,
    };
    let user: RelationDef = sessions::Entity::belongs_to(users::Entity)
        .from(sessions::Column::UserId)
        .to(users::Column::Id)
        .into();
    let mut select = sessions::Entity::find_by_id(key)
        .filter(sessions::Column::ExpiresAt.gt(now))
        .join(JoinType::LeftJoin, user);
    for column in users::Column::iter() {
        select = select.column_as(
            Expr::col((users::Entity, column)),
            format!("{PREFIX}{}", column.as_str()),
        );
    }
    select
        .column_as(
            crate::invitations::waiting_for(Expr::col((users::Entity, users::Column::Email)), now),
            WAITING,
        )
        .into_query()
}

/// Ends every session of `user_id` except `keep` (the one making the change, if any).
pub async fn end_sessions(
    db: &impl ConnectionTrait,
    user_id: UserId,
    keep: Option<&str>,
) -> Result<u64, DbErr> {
    let mut query = sessions::Entity::delete_many().filter(sessions::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(sessions::Column::Id.ne(keep));
    }
    Ok(query.exec(db).await?.rows_affected)
}

/// Changes the password after checking the current one; every other session of the user ends.
/// The current password is checked under the account's failed-login allowance, as a log-in is.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn change_password(
    db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
    limits: &AuthLimits,
    user_id: UserId,
    current: String,
    new_password: String,
    confirmation: &str,
    keep_session: Option<&str>,
) -> Result<(), LoginRefused> {
    let Some(user) = find_user(db, user_id).await.map_err(AuthError::from)? else {
        return Err(AuthError::InvalidCredentials.into());
    };
    let mut errors = FormErrors::default();
    if !current_password_matches(limits, &user, current).await? {
        errors.add("current_password", "That isn’t your current password.");
    }
    let problem = match super::model::password_length_problem(&new_password) {
        Some(problem) => Some(problem),
        None => password::guessable_problem(&new_password, &[&user.email, &user.display_name])
            .await
            .map_err(AuthError::from)?,
    };
    if let Some(problem) = problem {
        errors.add("new_password", problem);
    }
    if new_password != confirmation {
        errors.add("password_confirmation", "The two passwords don’t match.");
    }
    if !errors.is_empty() {
        return Err(AuthError::Invalid(errors).into());
    }
    let hash = password::hash(new_password)
        .await
        .map_err(AuthError::from)?;
    let txn = db.begin().await.map_err(AuthError::from)?;
    super::reset::set_password(&txn, &user, hash, Utc::now()).await?;
    let ended = end_sessions(&txn, user.id.into(), keep_session)
        .await
        .map_err(AuthError::from)?;
    txn.commit().await.map_err(AuthError::from)?;
    tracing::info!(
        other_sessions_ended = ended,
        outcome = "changed",
        "password changed"
    );
    Ok(())
}

/// Checks `user`'s current password for a sensitive change, under the account's failed-login
/// allowance: a wrong one counts as a failed log-in, a right one clears the count.
///
/// # Errors
/// `RateLimited` while the allowance is used up; `Auth` when hashing fails.
pub async fn current_password_matches(
    limits: &AuthLimits,
    user: &users::Model,
    current: String,
) -> Result<bool, LoginRefused> {
    let attempt = limits
        .password_attempt(&user.email)
        .map_err(LoginRefused::RateLimited)?;
    match password::verify(current, Some(user.password_hash.clone())).await {
        Ok(verification) if verification.matches => {
            attempt.clear();
            Ok(true)
        }
        Ok(_) => {
            tracing::info!(user_id = %user.id, outcome = "wrong current password", "password check");
            Ok(false)
        }
        Err(error) => {
            attempt.refund();
            Err(AuthError::from(error).into())
        }
    }
}

/// Saves the colour theme the traveler chose.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn set_theme(
    db: &impl ConnectionTrait,
    user_id: UserId,
    theme: Theme,
) -> Result<(), AuthError> {
    users::Entity::update_many()
        .col_expr(
            users::Column::Theme,
            sea_orm::sea_query::Expr::value(<&str>::from(theme)),
        )
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Saves the language the traveler chose for the pages and their mails.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn set_language(
    db: &impl ConnectionTrait,
    user_id: UserId,
    language: i18n::Language,
) -> Result<(), AuthError> {
    users::Entity::update_many()
        .col_expr(
            users::Column::Language,
            sea_orm::sea_query::Expr::value(language.code()),
        )
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// What a profile update did.
#[derive(Debug)]
pub struct ProfileUpdate {
    pub user: users::Model,
    /// The new address asked for, which changes only once its owner opens the link mailed to
    /// it (see [`super::verify::request_change`]).
    pub new_email: Option<String>,
}

/// Updates the name and home zone shown on the account. A different email needs the current
/// password (checked under the failed-login allowance) and is not changed here: the caller
/// mails the new address a link, and the change happens when it is opened.
#[tracing::instrument(skip_all, fields(user_id = %user_id))]
pub async fn update_profile(
    db: &impl ConnectionTrait,
    limits: &AuthLimits,
    user_id: UserId,
    display_name: &str,
    email: &str,
    time_zone: Option<&str>,
    current_password: &str,
) -> Result<ProfileUpdate, LoginRefused> {
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
    if let Some(problem) = super::model::email_problem(email) {
        errors.add("email", problem);
    }
    if let Some(problem) = super::model::display_name_problem(display_name) {
        errors.add("display_name", problem);
    }
    let Some(user) = find_user(db, user_id).await.map_err(AuthError::from)? else {
        return Err(AuthError::InvalidCredentials.into());
    };
    let email = normalise_email(email);
    let new_email = (errors.field("email").is_none() && email != user.email).then_some(email);
    if new_email.is_some() {
        if current_password.is_empty() {
            errors.add("password", "Enter your password to change your email.");
        } else if !current_password_matches(limits, &user, current_password.to_string()).await? {
            errors.add("password", "That isn’t your current password.");
        }
    }
    if !errors.fields.is_empty() {
        return Err(AuthError::Invalid(errors).into());
    }
    let mut active: users::ActiveModel = user.into();
    active.display_name = Set(display_name.trim().to_string());
    if let Some(zone) = time_zone {
        active.time_zone = Set((!zone.is_empty()).then(|| zone.to_string()));
    }
    active.updated_at = Set(Utc::now());
    let user = active.update(db).await.map_err(AuthError::from)?;
    Ok(ProfileUpdate { user, new_email })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};
    use sea_orm::{DbBackend, StatementBuilder};

    use super::{SESSION, session_select, session_statement};

    #[test]
    fn the_session_statement_is_the_one_built_afresh() {
        let now = Utc::now();
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for (key, at) in [("k1", now), ("another key", now + Duration::days(3))] {
                let fresh = StatementBuilder::build(&session_select(key.to_string(), at), &backend);
                assert_eq!(session_statement(backend, key, at), fresh, "{backend:?}");
            }
            assert!(SESSION.reuses(backend), "{backend:?}");
        }
    }

    /// `session_by_position` reads the session's columns at `column as usize`, then the user's
    /// at the same places after them, then the invitation flag.
    #[test]
    fn the_session_row_is_laid_out_as_it_is_read() {
        use sea_orm::Iterable;

        use crate::entities::{sessions, users};
        for (place, column) in sessions::Column::iter().enumerate() {
            assert_eq!(column as usize, place, "{column:?}");
        }
        for (place, column) in users::Column::iter().enumerate() {
            assert_eq!(column as usize, place, "{column:?}");
        }
        assert_eq!(super::USER_FROM, sessions::Column::iter().count());
        assert_eq!(
            super::WAITING_AT,
            super::USER_FROM + users::Column::iter().count()
        );
        let sql = StatementBuilder::build(
            &session_select("k".to_string(), Utc::now()),
            &DbBackend::Sqlite,
        )
        .sql;
        let columns = [
            crate::reuse::columns_of::<sessions::Entity>(),
            crate::reuse::columns_of::<users::Entity>(),
        ]
        .concat();
        assert!(crate::reuse::selects_in_order(&sql, &columns), "{sql}");
        // The flag last, just before the statement's own `FROM`.
        let last = format!("AS \"{}\" FROM \"sessions\"", super::WAITING);
        assert!(sql.contains(&last), "{sql}");
    }
}
