//! Who changed what, when, in each trip: the last [`KEPT`] changes — added, edited, moved,
//! deleted, members joining, leaving and changing roles. Every service that changes a trip
//! records the change in its own transaction, so the history is exactly what happened. The
//! name is the one the person had then: the history reads the same after their account is gone.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, Order, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    access::{Actor, Right},
    entities::{trip_changes as changes, users},
    error::TripError,
    ids::{ActivityId, TripId, UserId},
};

/// How many changes a trip keeps.
pub const KEPT: u64 = 200;

/// What kind of change.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "snake_case"))]
pub enum Kind {
    TripCreated,
    TripEdited,
    /// Announced to open pages only: a deleted trip keeps no history.
    TripDeleted,
    ActivityAdded,
    ActivityEdited,
    ActivityMoved,
    ActivityDeleted,
    MemberJoined,
    MemberLeft,
    MemberRemoved,
    RoleChanged,
    OwnerChanged,
    ShareLinkCreated,
    ShareLinkRevoked,
}

impl Kind {
    /// Whether the change is about who is in the trip (live viewers check their access again).
    pub fn is_about_members(self) -> bool {
        matches!(
            self,
            Self::MemberJoined
                | Self::MemberLeft
                | Self::MemberRemoved
                | Self::RoleChanged
                | Self::OwnerChanged
        )
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Time-ordered (UUID v7): what a page that missed some changes says it saw last.
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// Who made it, as they were named then.
    pub who: String,
    pub user_id: Option<UserId>,
    pub kind: Kind,
    /// What it was about, in words: an activity's title, a member's name, the trip's name.
    pub summary: String,
    pub activity_id: Option<ActivityId>,
}

impl From<changes::Model> for Change {
    fn from(row: changes::Model) -> Self {
        Self {
            id: row.id,
            at: row.created_at,
            who: row.user_name,
            user_id: row.user_id.map(UserId::from),
            kind: row.kind.parse().unwrap_or(Kind::TripEdited),
            summary: row.summary,
            activity_id: row.activity_id.map(ActivityId::from),
        }
    }
}

async fn name_of(db: &impl ConnectionTrait, who: UserId) -> Result<String, DbErr> {
    let name: Option<String> = users::Entity::find_by_id(who.uuid())
        .select_only()
        .column(users::Column::DisplayName)
        .into_tuple()
        .one(db)
        .await?;
    Ok(name.unwrap_or_default().chars().take(80).collect())
}

/// A change that is announced but not kept (the trip it was about is gone).
pub(crate) async fn unrecorded(
    db: &impl ConnectionTrait,
    who: UserId,
    kind: Kind,
    summary: &str,
) -> Result<Change, DbErr> {
    Ok(Change {
        id: Uuid::now_v7(),
        at: Utc::now(),
        who: name_of(db, who).await?,
        user_id: Some(who),
        kind,
        summary: summary.chars().take(300).collect(),
        activity_id: None,
    })
}

/// Records a change `who` made, in the caller's transaction, and forgets what is beyond the
/// last [`KEPT`].
pub(crate) async fn record(
    txn: &impl ConnectionTrait,
    trip: TripId,
    activity: Option<ActivityId>,
    who: UserId,
    kind: Kind,
    summary: &str,
) -> Result<Change, DbErr> {
    let name = name_of(txn, who).await?;
    let now = Utc::now();
    let summary: String = summary.chars().take(300).collect();
    let row = changes::ActiveModel {
        id: Set(Uuid::now_v7()),
        trip_id: Set(trip.uuid()),
        activity_id: Set(activity.map(ActivityId::uuid)),
        user_id: Set(Some(who.uuid())),
        user_name: Set(name),
        kind: Set(<&str>::from(kind).to_string()),
        summary: Set(summary),
        created_at: Set(now),
    };
    let inserted = changes::Entity::insert(row)
        .exec_with_returning(txn)
        .await?;
    let oldest_kept: Option<Uuid> = changes::Entity::find()
        .filter(changes::Column::TripId.eq(trip))
        .order_by(changes::Column::Id, Order::Desc)
        .offset(KEPT - 1)
        .limit(1)
        .select_only()
        .column(changes::Column::Id)
        .into_tuple()
        .one(txn)
        .await?;
    if let Some(oldest) = oldest_kept {
        changes::Entity::delete_many()
            .filter(changes::Column::TripId.eq(trip))
            .filter(changes::Column::Id.lt(oldest))
            .exec(txn)
            .await?;
    }
    Ok(inserted.into())
}

/// The trip's changes, newest first, for a member.
///
/// # Errors
/// `NotFound` unless the actor is a member; the database fails.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    trip: TripId,
) -> Result<Vec<Change>, TripError> {
    actor.check(db, trip, Right::Read).await?;
    Ok(changes::Entity::find()
        .filter(changes::Column::TripId.eq(trip))
        .order_by(changes::Column::Id, Order::Desc)
        .limit(KEPT)
        .all(db)
        .await?
        .into_iter()
        .map(Change::from)
        .collect())
}

/// The trip's changes after `after` (oldest first), for a page catching up with what it missed.
/// No access check: for a caller that has checked the actor may read the trip.
///
/// # Errors
/// The database fails.
pub async fn since(
    db: &impl ConnectionTrait,
    trip: TripId,
    after: Uuid,
) -> Result<Vec<Change>, DbErr> {
    Ok(changes::Entity::find()
        .filter(changes::Column::TripId.eq(trip))
        .filter(changes::Column::Id.gt(after))
        .order_by(changes::Column::Id, Order::Asc)
        .limit(KEPT)
        .all(db)
        .await?
        .into_iter()
        .map(Change::from)
        .collect())
}

/// The last change to the activity, or to the trip's details when `activity` is `None`: who
/// made an edit that a form made from an older version would overwrite.
///
/// # Errors
/// The database fails.
pub async fn last_change(
    db: &impl ConnectionTrait,
    trip: TripId,
    activity: Option<ActivityId>,
) -> Result<Option<Change>, DbErr> {
    let mut query = changes::Entity::find().filter(changes::Column::TripId.eq(trip));
    query = match activity {
        Some(activity) => query.filter(changes::Column::ActivityId.eq(activity.uuid())),
        None => query.filter(changes::Column::Kind.is_in([
            <&str>::from(Kind::TripEdited),
            <&str>::from(Kind::TripCreated),
        ])),
    };
    Ok(query
        .order_by(changes::Column::Id, Order::Desc)
        .one(db)
        .await?
        .map(Change::from))
}
