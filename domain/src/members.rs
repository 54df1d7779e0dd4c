//! Who is in a trip: its members and their roles, and the invitations that bring people in.
//!
//! A trip has exactly one owner (kept in `trips.owner_id` and as the `owner` row in
//! `trip_members`, changed together). The owner invites people by email with a role; the mail
//! carries a link whose token is stored only as a hash, works for [`INVITATION_LIFETIME`], once,
//! and can be revoked or sent again (a new token). Every answer about an invitation is the same
//! whether or not its address has an account: the link, not the address, is what lets someone in.
//!
//! Each change to the members bumps the trip's revision (the trip page shows them), is recorded
//! in the trip's history and is announced to open pages.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    access::{Actor, Right, Role},
    accounts::{
        model::{email_problem, normalise_email},
        service::AuthError,
        signup::{self, CheckedSignup},
        tokens::{digest, new_token},
    },
    entities::{trip_invitations as invitations, trip_members as members, trips, users},
    error::{FormErrors, TripError},
    history::{self, Change, Kind},
    ids::{InvitationId, TripId, UserId},
    live,
    mail::Email,
    trips::model::{TRIPS_MAX, format_date},
};

/// How long an invitation link works.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);
/// Open invitations a trip may have at once.
pub const OPEN_INVITATIONS_MAX: u64 = 50;
/// People a trip may have (members and open invitations together).
pub const MEMBERS_MAX: u64 = 100;

pub const INVALID_INVITATION: &str = "This invitation link is not valid any more: it may have been used, withdrawn or have expired. Ask the person who invited you to send a new one.";
const ROLE_CHOICE: &str = "Choose editor or viewer.";

/// One person in a trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

/// An open invitation, as the trip's owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// An open invitation, as the invited person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invited {
    pub id: InvitationId,
    pub trip_id: TripId,
    pub trip_name: String,
    pub destination: String,
    pub start_date: chrono::NaiveDate,
    pub end_date: chrono::NaiveDate,
    /// Who sent it.
    pub invited_by: String,
    pub role: Role,
    /// The address it was sent to.
    pub email: String,
    pub expires_at: DateTime<Utc>,
}

/// How an invitation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
enum Outcome {
    Accepted,
    Declined,
    Revoked,
}

impl From<invitations::Model> for Invitation {
    fn from(row: invitations::Model) -> Self {
        Self {
            id: row.id.into(),
            email: row.email,
            role: row.role.parse().unwrap_or(Role::Viewer),
            created_at: row.created_at,
            expires_at: row.expires_at,
        }
    }
}

fn invalid(field: &str, message: &str) -> TripError {
    let mut errors = FormErrors::default();
    errors.add(field, message);
    TripError::Invalid(errors)
}

/// The trip's members: the owner first, then by when they joined.
///
/// # Errors
/// `NotFound` unless the actor is a member; the database fails.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip: TripId,
) -> Result<Vec<Member>, TripError> {
    actor.check(db, trip, Right::Read).await?;
    Ok(members_of(db, trip).await?)
}

/// The trip's members, without an access check: for a caller that has checked the actor may
/// read the trip.
pub async fn members_of(db: &impl ConnectionTrait, trip: TripId) -> Result<Vec<Member>, DbErr> {
    use sea_orm::TryGetableMany;
    let statement = members_statement(db.get_database_backend(), trip);
    let mut list = db
        .query_all_raw(statement)
        .await?
        .iter()
        .map(|row| {
            let (user, role, joined_at, name) =
                <(Uuid, String, DateTime<Utc>, String)>::try_get_many_by_index(row)?;
            Ok(Member {
                user_id: user.into(),
                name,
                role: role.parse().unwrap_or(Role::Viewer),
                joined_at,
            })
        })
        .collect::<Result<Vec<Member>, DbErr>>()?;
    list.sort_by_key(|member| member.role != Role::Owner);
    Ok(list)
}

/// The SQL of [`members_of`] and [`open_invitations_of`], built once per backend (the members
/// page reads both).
static MEMBERS: crate::reuse::Reused = crate::reuse::Reused::new();
static OPEN_INVITATIONS: crate::reuse::Reused = crate::reuse::Reused::new();

fn members_statement(backend: sea_orm::DbBackend, trip: TripId) -> sea_orm::Statement {
    MEMBERS.statement(
        backend,
        (trip,),
        || (crate::reuse::stand_in(1),),
        |(trip,)| members_select(trip),
    )
}

/// The trip's members with their names, in the order they joined.
fn members_select(trip: TripId) -> sea_orm::sea_query::SelectStatement {
    members::Entity::find()
        .filter(members::Column::TripId.eq(trip.uuid()))
        .join(
            sea_orm::JoinType::InnerJoin,
            members::Entity::belongs_to(users::Entity)
                .from(members::Column::UserId)
                .to(users::Column::Id)
                .into(),
        )
        .select_only()
        .columns([
            members::Column::UserId,
            members::Column::Role,
            members::Column::JoinedAt,
        ])
        .column(users::Column::DisplayName)
        .order_by(members::Column::JoinedAt, Order::Asc)
        .into_query()
}

/// The trip's open invitations, newest first (for its owner).
///
/// # Errors
/// `NotFound`/`Forbidden` unless the actor may manage the members; the database fails.
pub async fn open_invitations(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip: TripId,
    now: DateTime<Utc>,
) -> Result<Vec<Invitation>, TripError> {
    actor.check(db, trip, Right::ManageMembers).await?;
    Ok(open_invitations_of(db, trip, now).await?)
}

/// The trip's open invitations, without an access check: for a caller that has checked the
/// actor may manage the members.
pub async fn open_invitations_of(
    db: &impl ConnectionTrait,
    trip: TripId,
    now: DateTime<Utc>,
) -> Result<Vec<Invitation>, DbErr> {
    use sea_orm::FromQueryResult;
    let statement = open_invitations_statement(db.get_database_backend(), trip, now);
    db.query_all_raw(statement)
        .await?
        .iter()
        .map(|row| Ok(invitations::Model::from_query_result(row, "")?.into()))
        .collect()
}

fn open_invitations_statement(
    backend: sea_orm::DbBackend,
    trip: TripId,
    now: DateTime<Utc>,
) -> sea_orm::Statement {
    OPEN_INVITATIONS.statement(
        backend,
        (trip, now),
        || (crate::reuse::stand_in(1), DateTime::<Utc>::MIN_UTC),
        |(trip, now)| open_invitations_select(trip, now),
    )
}

fn open_invitations_select(
    trip: TripId,
    now: DateTime<Utc>,
) -> sea_orm::sea_query::SelectStatement {
    open(trip)
        .filter(invitations::Column::ExpiresAt.gt(now))
        .order_by(invitations::Column::CreatedAt, Order::Desc)
        .into_query()
}

fn open(trip: TripId) -> sea_orm::Select<invitations::Entity> {
    invitations::Entity::find()
        .filter(invitations::Column::TripId.eq(trip.uuid()))
        .filter(invitations::Column::Outcome.is_null())
}

/// The role an invitation or a role change may give.
///
/// # Errors
/// `Invalid` for `owner` (ownership is handed over, not given by invitation) or an unknown name.
pub fn member_role(role: &str) -> Result<Role, TripError> {
    match role.trim().parse() {
        Ok(role @ (Role::Editor | Role::Viewer)) => Ok(role),
        _ => Err(invalid("role", ROLE_CHOICE)),
    }
}

/// Invites `email` into the trip as `role`, and makes the mail carrying the link. An open
/// invitation of the same address is replaced (its old link stops working). The answer is the
/// same whatever the address: an account, a member already, or nobody yet.
///
/// The mail is in the language the invitee's account saved, if the address has an account
/// that chose one; else in `language` (the inviter's request's).
///
/// # Errors
/// `Invalid` with a message per field; `NotFound`/`Forbidden` unless the actor may manage the
/// members; the database fails.
// The invitation's parts, then where and when it is made: a struct would only rename them.
#[allow(clippy::too_many_arguments)]
#[tracing::instrument(skip_all, fields(user_id = %actor.user(), trip_id = %trip))]
pub async fn invite(
    db: &DatabaseConnection,
    actor: &Actor,
    trip: TripId,
    email: &str,
    role: &str,
    base_url: &str,
    language: i18n::Language,
    now: DateTime<Utc>,
) -> Result<(Invitation, Email), TripError> {
    actor.check(db, trip, Right::ManageMembers).await?;
    let mut errors = FormErrors::default();
    if let Some(problem) = email_problem(email) {
        errors.add("email", problem);
    }
    let role = member_role(role).ok();
    if role.is_none() {
        errors.add("role", ROLE_CHOICE);
    }
    let email = normalise_email(email);
    let (Some(role), true) = (role, errors.is_empty()) else {
        return Err(TripError::Invalid(errors));
    };
    let txn = db.begin().await?;
    touch(&txn, trip).await?;
    invitations::Entity::delete_many()
        .filter(invitations::Column::TripId.eq(trip.uuid()))
        .filter(invitations::Column::Email.eq(&email))
        .filter(invitations::Column::Outcome.is_null())
        .exec(&txn)
        .await?;
    let waiting = open(trip)
        .filter(invitations::Column::ExpiresAt.gt(now))
        .count(&txn)
        .await?;
    if waiting >= OPEN_INVITATIONS_MAX {
        return Err(invalid(
            "email",
            "This trip has as many open invitations as it can have. Withdraw some first.",
        ));
    }
    let people = members::Entity::find()
        .filter(members::Column::TripId.eq(trip.uuid()))
        .count(&txn)
        .await?;
    if people + waiting >= MEMBERS_MAX {
        return Err(invalid(
            "email",
            "This trip has as many people as it can have.",
        ));
    }
    let token = new_token();
    let row = invitations::ActiveModel {
        id: Set(Uuid::now_v7()),
        trip_id: Set(trip.uuid()),
        email: Set(email.clone()),
        role: Set(<&str>::from(role).to_string()),
        token_hash: Set(digest(&token)),
        invited_by: Set(Some(actor.user().uuid())),
        created_at: Set(now),
        expires_at: Set(now + INVITATION_LIFETIME),
        outcome: Set(None),
        answered_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let mail = invitation_mail(&txn, &row, &token, base_url, language).await?;
    txn.commit().await?;
    tracing::info!(invitation_id = %row.id, "invitation sent");
    Ok((row.into(), mail))
}

/// Sends the invitation again with a new link (the old one stops working) and a new week.
///
/// # Errors
/// `NotFound` when the invitation is not open in this trip; as [`invite`] otherwise.
pub async fn resend(
    db: &DatabaseConnection,
    actor: &Actor,
    trip: TripId,
    id: InvitationId,
    base_url: &str,
    language: i18n::Language,
    now: DateTime<Utc>,
) -> Result<(Invitation, Email), TripError> {
    actor.check(db, trip, Right::ManageMembers).await?;
    let txn = db.begin().await?;
    // A write first, so SQLite takes its write lock at once.
    touch(&txn, trip).await?;
    let Some(row) = open(trip)
        .filter(invitations::Column::Id.eq(id.uuid()))
        .one(&txn)
        .await?
    else {
        return Err(TripError::NotFound);
    };
    let token = new_token();
    let mut active: invitations::ActiveModel = row.into();
    active.token_hash = Set(digest(&token));
    active.created_at = Set(now);
    active.expires_at = Set(now + INVITATION_LIFETIME);
    active.invited_by = Set(Some(actor.user().uuid()));
    let row = active.update(&txn).await?;
    let mail = invitation_mail(&txn, &row, &token, base_url, language).await?;
    txn.commit().await?;
    Ok((row.into(), mail))
}

/// Withdraws an open invitation: its link stops working.
///
/// # Errors
/// `NotFound` when the invitation is not open in this trip; access as [`invite`].
pub async fn revoke(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip: TripId,
    id: InvitationId,
    now: DateTime<Utc>,
) -> Result<(), TripError> {
    actor.check(db, trip, Right::ManageMembers).await?;
    let done = invitations::Entity::update_many()
        .col_expr(
            invitations::Column::Outcome,
            Expr::value(<&str>::from(Outcome::Revoked)),
        )
        .col_expr(invitations::Column::AnsweredAt, Expr::value(now))
        .filter(invitations::Column::Id.eq(id.uuid()))
        .filter(invitations::Column::TripId.eq(trip.uuid()))
        .filter(invitations::Column::Outcome.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(TripError::NotFound);
    }
    Ok(())
}

/// The invitation's mail, in the invitee's account's language when the address has an account
/// that chose one, else in `language`.
async fn invitation_mail(
    db: &impl ConnectionTrait,
    row: &invitations::Model,
    token: &str,
    base_url: &str,
    language: i18n::Language,
) -> Result<Email, DbErr> {
    let language = users::Entity::find()
        .filter(users::Column::Email.eq(&row.email))
        .one(db)
        .await?
        .map_or(language, |invitee| {
            crate::accounts::verify::mail_language(&invitee, language)
        });
    let trip = trips::Entity::find_by_id(row.trip_id).one(db).await?;
    let inviter = match row.invited_by {
        Some(id) => users::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|user| user.display_name),
        None => None,
    }
    .unwrap_or_else(|| i18n::tr!(language, "mail-invitation-someone"));
    let (name, place, dates) = trip.map_or_else(
        || (String::new(), String::new(), String::new()),
        |trip| {
            // English keeps the dates it always had (with weekdays); the others are written
            // as each language writes a range.
            let dates = match language {
                i18n::Language::En => format!(
                    "{} – {}",
                    format_date(trip.start_date),
                    format_date(trip.end_date)
                ),
                _ => i18n::format::date_range(language, trip.start_date, trip.end_date),
            };
            (trip.name, trip.destination, dates)
        },
    );
    let role = if row.role == <&str>::from(Role::Editor) {
        "editor"
    } else {
        "viewer"
    };
    Ok(Email {
        to: row.email.clone(),
        subject: i18n::tr!(
            language,
            "mail-invitation-subject",
            inviter = inviter.as_str(),
            trip = name.as_str(),
        ),
        body: i18n::tr!(
            language,
            "mail-invitation-body",
            inviter = inviter.as_str(),
            trip = name.as_str(),
            place = place.as_str(),
            dates = dates.as_str(),
            role = role,
            link = format!("{base_url}/invitations/{token}"),
        ),
    })
}

async fn by_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<invitations::Model>, DbErr> {
    invitations::Entity::find()
        .filter(invitations::Column::TokenHash.eq(digest(token)))
        .filter(invitations::Column::Outcome.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

async fn describe(
    db: &impl ConnectionTrait,
    rows: Vec<invitations::Model>,
) -> Result<Vec<Invited>, DbErr> {
    let mut described = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(trip) = trips::Entity::find_by_id(row.trip_id).one(db).await? else {
            continue;
        };
        let invited_by = match row.invited_by {
            Some(id) => users::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|user| user.display_name),
            None => None,
        }
        .unwrap_or_else(|| "Someone".to_string());
        described.push(Invited {
            id: row.id.into(),
            trip_id: trip.id.into(),
            trip_name: trip.name,
            destination: trip.destination,
            start_date: trip.start_date,
            end_date: trip.end_date,
            invited_by,
            role: row.role.parse().unwrap_or(Role::Viewer),
            email: row.email,
            expires_at: row.expires_at,
        });
    }
    Ok(described)
}

/// The open invitation with this link, for whoever holds the link.
///
/// # Errors
/// The database fails.
pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Invited>, DbErr> {
    let Some(row) = by_token(db, token, now).await? else {
        return Ok(None);
    };
    Ok(describe(db, vec![row]).await?.pop())
}

/// The open invitations sent to the actor's address (shown on their trip list).
///
/// # Errors
/// The database fails.
pub async fn for_actor(
    db: &impl ConnectionTrait,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Invited>, DbErr> {
    let email = verified_email(db, actor.user()).await?;
    for_address(db, actor, email.as_deref(), now).await
}

/// [`for_actor`], for a caller that has read the actor's account: `email` is their address if
/// they confirmed it (`None`: they see no invitations).
///
/// # Errors
/// The database fails.
pub async fn for_address(
    db: &impl ConnectionTrait,
    actor: &Actor,
    email: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<Invited>, DbErr> {
    let Some(email) = email else {
        return Ok(Vec::new());
    };
    let rows = invitations::Entity::find()
        .filter(crate::invitations::open_to(Expr::val(email), now))
        .filter(
            invitations::Column::TripId.not_in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(members::Column::TripId)
                    .from(members::Entity)
                    .and_where(members::Column::UserId.eq(actor.user().uuid()))
                    .to_owned(),
            ),
        )
        .order_by(invitations::Column::CreatedAt, Order::Desc)
        .limit(OPEN_INVITATIONS_MAX)
        .all(db)
        .await?;
    describe(db, rows).await
}

async fn verified_email(db: &impl ConnectionTrait, user: UserId) -> Result<Option<String>, DbErr> {
    Ok(users::Entity::find_by_id(user.uuid())
        .one(db)
        .await?
        .filter(|user| user.email_verified_at.is_some())
        .map(|user| user.email))
}

/// Which invitation an answer is about: the link's token (whoever holds the link), or its id
/// (only for an invitation sent to the actor's own confirmed address).
#[derive(Debug, Clone, Copy)]
pub enum Which<'a> {
    Link(&'a str),
    Id(InvitationId),
}

/// Closes the open invitation `which` names with `outcome`, and returns it. The update comes
/// first and decides alone (SQLite takes its write lock at once; of two answers to one
/// invitation, one finds it open).
async fn claim(
    txn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    which: Which<'_>,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<invitations::Model, TripError> {
    let mut update = invitations::Entity::update_many()
        .col_expr(
            invitations::Column::Outcome,
            Expr::value(<&str>::from(outcome)),
        )
        .col_expr(invitations::Column::AnsweredAt, Expr::value(now))
        .filter(invitations::Column::Outcome.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now));
    update = match which {
        Which::Link(token) => update.filter(invitations::Column::TokenHash.eq(digest(token))),
        Which::Id(id) => {
            // Only an invitation sent to the actor's own confirmed address.
            let Some(actor) = actor else {
                return Err(TripError::NotFound);
            };
            update.filter(invitations::Column::Id.eq(id.uuid())).filter(
                invitations::Column::Email.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(users::Column::Email)
                        .from(users::Entity)
                        .and_where(users::Column::Id.eq(actor.user().uuid()))
                        .and_where(users::Column::EmailVerifiedAt.is_not_null())
                        .to_owned(),
                ),
            )
        }
    };
    if update.exec(txn).await?.rows_affected == 0 {
        return Err(TripError::NotFound);
    }
    let row = match which {
        Which::Link(token) => {
            invitations::Entity::find()
                .filter(invitations::Column::TokenHash.eq(digest(token)))
                .one(txn)
                .await?
        }
        Which::Id(id) => invitations::Entity::find_by_id(id.uuid()).one(txn).await?,
    };
    row.ok_or(TripError::NotFound)
}

/// Accepts an invitation: the actor joins the trip with its role (a member already keeps the
/// role they have). Returns the trip.
///
/// # Errors
/// `NotFound` when the invitation is not open (used, declined, withdrawn, expired, unknown).
#[tracing::instrument(skip_all, fields(user_id = %actor.user()))]
pub async fn accept(
    db: &DatabaseConnection,
    actor: &Actor,
    which: Which<'_>,
    now: DateTime<Utc>,
) -> Result<TripId, TripError> {
    let txn = db.begin().await?;
    let row = claim(&txn, Some(actor), which, Outcome::Accepted, now).await?;
    let trip = TripId::from(row.trip_id);
    let change = join(
        &txn,
        actor.user(),
        trip,
        row.role.parse().unwrap_or(Role::Viewer),
        now,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(trip_id = %trip, "invitation accepted");
    if let Some(change) = change {
        live::announce(db, trip, change).await;
    }
    Ok(trip)
}

/// Makes `user` a member with `role`, unless they are one already. The caller commits.
pub(crate) async fn join(
    txn: &impl ConnectionTrait,
    user: UserId,
    trip: TripId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<Option<Change>, DbErr> {
    let already = members::Entity::find_by_id((trip.uuid(), user.uuid()))
        .one(txn)
        .await?
        .is_some();
    if already {
        return Ok(None);
    }
    touch(txn, trip).await?;
    members::ActiveModel {
        trip_id: Set(trip.uuid()),
        user_id: Set(user.uuid()),
        role: Set(<&str>::from(role).to_string()),
        joined_at: Set(now),
    }
    .insert(txn)
    .await?;
    let name = display_name(txn, user).await?;
    Ok(Some(
        history::record(txn, trip, None, user, Kind::MemberJoined, &name).await?,
    ))
}

/// Declines an invitation (with or without an account: the link is enough).
///
/// # Errors
/// `NotFound` when the invitation is not open.
pub async fn decline(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    which: Which<'_>,
    now: DateTime<Utc>,
) -> Result<(), TripError> {
    let txn = db.begin().await?;
    claim(&txn, actor, which, Outcome::Declined, now).await?;
    txn.commit().await?;
    tracing::info!("invitation declined");
    Ok(())
}

/// The address an open invitation link was sent to (to make an account for it).
pub(crate) async fn invited_address(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbErr> {
    Ok(by_token(db, token, now).await?.map(|row| row.email))
}

async fn display_name(db: &impl ConnectionTrait, user: UserId) -> Result<String, DbErr> {
    Ok(users::Entity::find_by_id(user.uuid())
        .one(db)
        .await?
        .map(|user| user.display_name)
        .unwrap_or_default())
}

/// Bumps the trip's revision: what its page shows (the members) changed.
async fn touch(txn: &impl ConnectionTrait, trip: TripId) -> Result<(), DbErr> {
    trips::Entity::update_many()
        .col_expr(
            trips::Column::Revision,
            Expr::col(trips::Column::Revision).add(1),
        )
        .filter(trips::Column::Id.eq(trip.uuid()))
        .exec(txn)
        .await?;
    Ok(())
}

async fn role_of(
    db: &impl ConnectionTrait,
    trip: TripId,
    user: UserId,
) -> Result<Option<Role>, DbErr> {
    Ok(members::Entity::find_by_id((trip.uuid(), user.uuid()))
        .one(db)
        .await?
        .and_then(|row| row.role.parse().ok()))
}

/// Gives a member (not the owner) another role.
///
/// # Errors
/// `Invalid` for a role other than editor or viewer; `NotFound` when `user` is not a member
/// other than the owner; access as [`invite`].
pub async fn change_role(
    db: &DatabaseConnection,
    actor: &Actor,
    trip: TripId,
    user: UserId,
    role: &str,
) -> Result<(), TripError> {
    let role = member_role(role)?;
    actor.check(db, trip, Right::ManageMembers).await?;
    let txn = db.begin().await?;
    touch(&txn, trip).await?;
    let done = members::Entity::update_many()
        .col_expr(members::Column::Role, Expr::value(<&str>::from(role)))
        .filter(members::Column::TripId.eq(trip.uuid()))
        .filter(members::Column::UserId.eq(user.uuid()))
        .filter(members::Column::Role.ne(<&str>::from(Role::Owner)))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(TripError::NotFound);
    }
    let name = display_name(&txn, user).await?;
    let summary = format!("{name} is now {}", role_label(role));
    let change =
        history::record(&txn, trip, None, actor.user(), Kind::RoleChanged, &summary).await?;
    txn.commit().await?;
    live::announce(db, trip, change).await;
    Ok(())
}

/// "an editor", "a viewer", "the owner".
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Owner => "the owner",
        Role::Editor => "an editor",
        Role::Viewer => "a viewer",
    }
}

/// Takes a member (not the owner) out of the trip.
///
/// # Errors
/// `NotFound` when `user` is not a member other than the owner; access as [`invite`].
pub async fn remove(
    db: &DatabaseConnection,
    actor: &Actor,
    trip: TripId,
    user: UserId,
) -> Result<(), TripError> {
    actor.check(db, trip, Right::ManageMembers).await?;
    let txn = db.begin().await?;
    touch(&txn, trip).await?;
    let name = display_name(&txn, user).await?;
    let done = members::Entity::delete_many()
        .filter(members::Column::TripId.eq(trip.uuid()))
        .filter(members::Column::UserId.eq(user.uuid()))
        .filter(members::Column::Role.ne(<&str>::from(Role::Owner)))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(TripError::NotFound);
    }
    let change =
        history::record(&txn, trip, None, actor.user(), Kind::MemberRemoved, &name).await?;
    txn.commit().await?;
    live::announce(db, trip, change).await;
    Ok(())
}

/// The actor leaves the trip (an owner hands it over first).
///
/// # Errors
/// `NotFound` for a non-member, `Forbidden` for the owner.
pub async fn leave(db: &DatabaseConnection, actor: &Actor, trip: TripId) -> Result<(), TripError> {
    actor.check(db, trip, Right::Leave).await?;
    let txn = db.begin().await?;
    touch(&txn, trip).await?;
    let name = display_name(&txn, actor.user()).await?;
    let change = history::record(&txn, trip, None, actor.user(), Kind::MemberLeft, &name).await?;
    let done = members::Entity::delete_many()
        .filter(members::Column::TripId.eq(trip.uuid()))
        .filter(members::Column::UserId.eq(actor.user().uuid()))
        .filter(members::Column::Role.ne(<&str>::from(Role::Owner)))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(TripError::NotFound);
    }
    txn.commit().await?;
    live::announce(db, trip, change).await;
    Ok(())
}

/// The owner hands the trip to another member, and stays in it as an editor.
///
/// # Errors
/// `NotFound` when `to` is not a member; `Invalid` when they already own as many trips as anyone
/// may; access as [`invite`].
pub async fn hand_over(
    db: &DatabaseConnection,
    actor: &Actor,
    trip: TripId,
    to: UserId,
) -> Result<(), TripError> {
    actor.check(db, trip, Right::ManageMembers).await?;
    if to == actor.user() {
        return Err(TripError::NotFound);
    }
    let txn = db.begin().await?;
    touch(&txn, trip).await?;
    if role_of(&txn, trip, to).await?.is_none() {
        return Err(TripError::NotFound);
    }
    let owned = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(to.uuid()))
        .count(&txn)
        .await?;
    if owned >= TRIPS_MAX {
        return Err(invalid(
            "user_id",
            "They already own as many trips as anyone can. They need to delete one first.",
        ));
    }
    let change = pass_ownership(&txn, trip, actor.user(), to, Some(Role::Editor)).await?;
    txn.commit().await?;
    tracing::info!(trip_id = %trip, "trip handed over");
    live::announce(db, trip, change).await;
    Ok(())
}

/// Makes `to` the owner; `from` stays as `stays_as` or leaves (`None`). The caller commits.
async fn pass_ownership(
    txn: &impl ConnectionTrait,
    trip: TripId,
    from: UserId,
    to: UserId,
    stays_as: Option<Role>,
) -> Result<Change, DbErr> {
    match stays_as {
        Some(role) => {
            members::Entity::update_many()
                .col_expr(members::Column::Role, Expr::value(<&str>::from(role)))
                .filter(members::Column::TripId.eq(trip.uuid()))
                .filter(members::Column::UserId.eq(from.uuid()))
                .exec(txn)
                .await?;
        }
        None => {
            members::Entity::delete_many()
                .filter(members::Column::TripId.eq(trip.uuid()))
                .filter(members::Column::UserId.eq(from.uuid()))
                .exec(txn)
                .await?;
        }
    }
    members::Entity::update_many()
        .col_expr(
            members::Column::Role,
            Expr::value(<&str>::from(Role::Owner)),
        )
        .filter(members::Column::TripId.eq(trip.uuid()))
        .filter(members::Column::UserId.eq(to.uuid()))
        .exec(txn)
        .await?;
    trips::Entity::update_many()
        .col_expr(trips::Column::OwnerId, Expr::value(to.uuid()))
        .filter(trips::Column::Id.eq(trip.uuid()))
        .exec(txn)
        .await?;
    let name = display_name(txn, to).await?;
    history::record(
        txn,
        trip,
        None,
        from,
        Kind::OwnerChanged,
        &format!("{name} is now the owner"),
    )
    .await
}

/// What happens to a trip its owner owns when their account is deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Succession {
    pub trip_id: TripId,
    pub trip_name: String,
    /// The longest-standing editor, who becomes the owner; `None`: the trip is deleted.
    pub next_owner: Option<String>,
}

/// For each trip `user` owns that has other members: who takes it over.
///
/// # Errors
/// The database fails.
pub async fn successions(
    db: &impl ConnectionTrait,
    user: UserId,
) -> Result<Vec<(Succession, Option<UserId>)>, DbErr> {
    let owned = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(user.uuid()))
        .filter(
            trips::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(members::Column::TripId)
                    .from(members::Entity)
                    .and_where(members::Column::UserId.ne(user.uuid()))
                    .to_owned(),
            ),
        )
        .order_by(trips::Column::StartDate, Order::Asc)
        .all(db)
        .await?;
    let mut list = Vec::with_capacity(owned.len());
    for trip in owned {
        let heir: Option<(Uuid, String)> = members::Entity::find()
            .filter(members::Column::TripId.eq(trip.id))
            .filter(members::Column::Role.eq(<&str>::from(Role::Editor)))
            .filter(Condition::all().add(members::Column::UserId.ne(user.uuid())))
            .join(
                sea_orm::JoinType::InnerJoin,
                members::Entity::belongs_to(users::Entity)
                    .from(members::Column::UserId)
                    .to(users::Column::Id)
                    .into(),
            )
            .order_by(members::Column::JoinedAt, Order::Asc)
            .select_only()
            .column(members::Column::UserId)
            .column(users::Column::DisplayName)
            .into_tuple()
            .one(db)
            .await?;
        list.push((
            Succession {
                trip_id: trip.id.into(),
                trip_name: trip.name,
                next_owner: heir.as_ref().map(|(_, name)| name.clone()),
            },
            heir.map(|(id, _)| UserId::from(id)),
        ));
    }
    Ok(list)
}

/// Hands each shared trip `user` owns to its longest-standing editor, before their account is
/// deleted (trips without one go with the account). In the caller's transaction.
pub(crate) async fn hand_over_before_deletion(
    txn: &impl ConnectionTrait,
    user: UserId,
) -> Result<Vec<(TripId, Change)>, DbErr> {
    let mut changes = Vec::new();
    for (succession, heir) in successions(txn, user).await? {
        if let Some(heir) = heir {
            touch(txn, succession.trip_id).await?;
            let change = pass_ownership(txn, succession.trip_id, user, heir, None).await?;
            changes.push((succession.trip_id, change));
        }
    }
    Ok(changes)
}

/// Makes an account through a trip invitation's link and joins the trip: the link proves the
/// address, as a sign-up link does. `signup` must be for the address the invitation was sent
/// to (the page fills it in). Returns the new account and the trip.
///
/// # Errors
/// `Invalid` when the link is not open, the address is not the invited one, or it has an
/// account already.
#[tracing::instrument(skip_all)]
pub async fn complete_invited(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    checked: CheckedSignup,
    now: DateTime<Utc>,
) -> Result<(users::Model, TripId), AuthError> {
    let invalid = |message: &str| AuthError::Invalid(FormErrors::with_form(message));
    let invited = invited_address(db, token, now).await?;
    if invited.as_deref() != Some(checked.email()) {
        return Err(invalid(INVALID_INVITATION));
    }
    let user = signup::create_proven(db, checked, now).await?;
    tracing::info!(user_id = %user.id, outcome = "created", "sign-up through an invitation");
    let actor = Actor::signed_in(user.id.into());
    let trip = accept(db, &actor, Which::Link(token), now)
        .await
        .map_err(|_| invalid(INVALID_INVITATION))?;
    Ok((user, trip))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use sea_orm::{DbBackend, StatementBuilder};

    use super::{
        MEMBERS, OPEN_INVITATIONS, members_select, members_statement, open_invitations_select,
        open_invitations_statement,
    };
    use crate::ids::TripId;

    #[test]
    fn the_members_page_statements_are_the_ones_built_afresh() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for _ in 0..2 {
                let trip = TripId::new();
                let now = Utc::now();
                assert_eq!(
                    members_statement(backend, trip),
                    StatementBuilder::build(&members_select(trip), &backend)
                );
                assert_eq!(
                    open_invitations_statement(backend, trip, now),
                    StatementBuilder::build(&open_invitations_select(trip, now), &backend)
                );
            }
            assert!(MEMBERS.reuses(backend), "{backend:?}");
            assert!(OPEN_INVITATIONS.reuses(backend), "{backend:?}");
        }
    }
}
