//! Deleting an account: after the password is checked, one transaction removes every row that
//! belongs to the user. The foreign keys cascade too, but each table is named here so the
//! deletion does not depend on SQLite's foreign-key switch, and the integration test
//! (`privacy.rs`) fails if a new table with user data is not handled.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, TransactionSession,
    TransactionTrait, sea_query::Query,
};

use crate::{
    accounts::password::{self, PasswordError},
    entities::{
        activities, calendar_feeds, email_verification_tokens, idempotency_keys,
        password_reset_tokens, pending_signups, refresh_tokens, trip_changes, trip_invitations,
        trip_members, trips, users,
    },
    error::FormErrors,
};

pub const WRONG_PASSWORD: &str = "That isn’t your password.";
pub const NOT_CONFIRMED: &str = "Tick this box to confirm that everything will be deleted.";

#[derive(Debug, thiserror::Error)]
pub enum DeletionError {
    /// The form has problems; `wrong_password` says whether one was a password guess (which
    /// counts against the account's failed-login allowance).
    #[error("the deletion form has problems")]
    Invalid {
        errors: FormErrors,
        wrong_password: bool,
    },
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error(transparent)]
    Password(#[from] PasswordError),
}

/// Deletes `user` and everything they own, if `password` is theirs and `confirmed` is set.
/// The password is checked (argon2, on the blocking pool) even when the box is not ticked, so
/// both problems are reported at once.
///
/// # Errors
/// `Invalid` for a wrong password or a missing confirmation (nothing is deleted); `Db` or
/// `Password` when the server fails.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn delete_account(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &users::Model,
    password: String,
    confirmed: bool,
) -> Result<(), DeletionError> {
    let verification = password::verify(password, Some(user.password_hash.clone())).await?;
    let mut errors = FormErrors::default();
    if !verification.matches {
        errors.add("password", WRONG_PASSWORD);
    }
    if !confirmed {
        errors.add("confirm", NOT_CONFIRMED);
    }
    if !errors.is_empty() {
        tracing::info!(
            outcome = if verification.matches {
                "unconfirmed"
            } else {
                "rejected"
            },
            "account deletion"
        );
        return Err(DeletionError::Invalid {
            errors,
            wrong_password: !verification.matches,
        });
    }
    let txn = db.begin().await?;
    let removed = delete_everything(&txn, user.id).await?;
    txn.commit().await?;
    for (trip, change) in removed.handed_over {
        crate::live::announce(db, trip, change).await;
    }
    tracing::info!(
        trips = removed.trips,
        activities = removed.activities,
        sessions = removed.sessions,
        outcome = "deleted",
        "account deletion"
    );
    Ok(())
}

/// What a deletion removed, for the log.
#[derive(Debug, Default)]
pub struct Removed {
    /// Shared trips that went to another member, with the change to announce once committed.
    pub handed_over: Vec<(crate::ids::TripId, crate::history::Change)>,
    pub activities: u64,
    pub trips: u64,
    pub sessions: u64,
}

/// Removes every row of `user_id`, children first. Run it inside a transaction.
///
/// # Errors
/// The database fails; the caller's transaction then rolls everything back.
pub async fn delete_everything(
    db: &impl ConnectionTrait,
    user_id: uuid::Uuid,
) -> Result<Removed, DbErr> {
    // The user row is written first: on SQLite that takes the write lock at once, and on
    // PostgreSQL it locks the row, so a trip created concurrently cannot slip in between.
    users::Entity::update_many()
        .col_expr(
            users::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now()),
        )
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    // Shared trips go to their longest-standing editor; the rest go with the account.
    let handed_over = crate::members::hand_over_before_deletion(db, user_id.into()).await?;
    let activities = activities::Entity::delete_many()
        .filter(
            activities::Column::TripId.in_subquery(
                Query::select()
                    .column(trips::Column::Id)
                    .from(trips::Entity)
                    .and_where(trips::Column::OwnerId.eq(user_id))
                    .to_owned(),
            ),
        )
        .exec(db)
        .await?
        .rows_affected;
    // Calendar feeds: the user's own, and anyone's of the user's trips (not exported: a feed
    // is the hash of a secret address, which the traveler can make again).
    calendar_feeds::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(calendar_feeds::Column::UserId.eq(user_id))
                .add(
                    calendar_feeds::Column::TripId.in_subquery(
                        Query::select()
                            .column(trips::Column::Id)
                            .from(trips::Entity)
                            .and_where(trips::Column::OwnerId.eq(user_id))
                            .to_owned(),
                    ),
                ),
        )
        .exec(db)
        .await?;
    let trips = trips::Entity::delete_many()
        .filter(trips::Column::OwnerId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected;
    // Their places in other people's trips, and invitations waiting for their address.
    trip_members::Entity::delete_many()
        .filter(trip_members::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    trip_invitations::Entity::delete_many()
        .filter(
            trip_invitations::Column::Email.in_subquery(
                Query::select()
                    .column(users::Column::Email)
                    .from(users::Entity)
                    .and_where(users::Column::Id.eq(user_id))
                    .to_owned(),
            ),
        )
        .exec(db)
        .await?;
    // The history of trips they were in keeps the name they had, no longer tied to an account.
    trip_changes::Entity::update_many()
        .col_expr(
            trip_changes::Column::UserId,
            sea_orm::sea_query::Expr::value(Option::<uuid::Uuid>::None),
        )
        .filter(trip_changes::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    password_reset_tokens::Entity::delete_many()
        .filter(password_reset_tokens::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    email_verification_tokens::Entity::delete_many()
        .filter(email_verification_tokens::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    // Sign-ups of the address waiting for their link (none once it has an account, but for a
    // sign-up racing the deletion).
    pending_signups::Entity::delete_many()
        .filter(
            pending_signups::Column::Email.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(users::Column::Email)
                    .from(users::Entity)
                    .and_where(users::Column::Id.eq(user_id))
                    .to_owned(),
            ),
        )
        .exec(db)
        .await?;
    // Every API login: their access tokens fail at the next request.
    refresh_tokens::Entity::delete_many()
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    // Answers kept for retried API requests (not exported: copies of what the export has).
    idempotency_keys::Entity::delete_many()
        .filter(idempotency_keys::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    // Every device: this request's session too (its cookie is cleared by the caller).
    let sessions = crate::accounts::service::end_sessions(db, user_id.into(), None).await?;
    // Request counters (only kept here with `RATE_LIMIT_STORE=database`; gone within minutes
    // anyway, but keyed by the user's id).
    {
        use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
        let delete = Query::delete()
            .from_table(Alias::new("rate_limits"))
            .and_where(Expr::col(Alias::new("key")).eq(format!("user:{user_id}")))
            .to_owned();
        db.execute_raw(db.get_database_backend().build(&delete))
            .await?;
    }
    users::Entity::delete_by_id(user_id).exec(db).await?;
    Ok(Removed {
        handed_over,
        activities,
        trips,
        sessions,
    })
}
