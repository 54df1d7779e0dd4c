//! Who may do what with a trip. Every service receives the [`Actor`] making the request and
//! checks it here — in the query that reads or writes, so a forgotten check fails closed.
//!
//! A trip's members each have one [`Role`]; [`Role::may`] is the one table of what each role may
//! do ([`Right`]), used by every service and shown in `docs/collaboration.md`. Someone who is not
//! a member cannot tell the trip exists (404); a member whose role lacks the right is refused
//! (403).

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, JoinType, QueryFilter,
    QuerySelect, RelationDef, Select,
    sea_query::{Expr, Query, SimpleExpr},
};
use serde::{Deserialize, Serialize};

use crate::{
    entities::{trip_members, trips},
    error::TripError,
    ids::{TripId, UserId},
};

/// The copies of a trip's dates on each of its memberships (`trip_members.start_date`,
/// `end_date`). Database triggers write them — when a membership is added, and when the trip's
/// dates change — so no code writes them and the entity leaves them out; lists filter and
/// order by them ([`Actor::listed_trips`]).
#[derive(Debug, Clone, Copy, sea_orm::DeriveIden)]
pub(crate) enum MemberDates {
    StartDate,
    EndDate,
}

impl MemberDates {
    /// The column, named with its table (the lists join trips with their memberships).
    pub(crate) fn col(self) -> Expr {
        Expr::col((trip_members::Entity, self))
    }
}

/// The signed-in traveler a request acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    user: UserId,
}

/// Someone's part in a trip.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Role {
    /// Exactly one per trip: may do everything, and hand the trip to a member.
    Owner,
    /// Changes the trip's details and its activities.
    Editor,
    /// Reads everything the trip shows; changes nothing.
    Viewer,
}

/// Something one can do with a trip.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
pub enum Right {
    /// See the trip, its plan, its members and its history.
    Read,
    /// Change the trip's details (name, dates, currency, budget, notes).
    EditDetails,
    /// Add, change, move and delete activities.
    EditPlan,
    /// Delete the trip and everything in it.
    Delete,
    /// Invite people, change roles, remove members, hand the trip over.
    ManageMembers,
    /// Create, replace and revoke the trip's read-only share link.
    Share,
    /// Leave the trip (the owner hands it over first).
    Leave,
}

impl Role {
    /// The table of rights: whether this role may do `right`.
    pub fn may(self, right: Right) -> bool {
        use Right::{Delete, EditDetails, EditPlan, Leave, ManageMembers, Read, Share};
        match self {
            Self::Owner => matches!(
                right,
                Read | EditDetails | EditPlan | Delete | ManageMembers | Share
            ),
            Self::Editor => matches!(right, Read | EditDetails | EditPlan | Leave),
            Self::Viewer => matches!(right, Read | Leave),
        }
    }

    /// The roles that may do `right`, as they are stored.
    pub fn with(right: Right) -> Vec<&'static str> {
        <Self as strum::VariantArray>::VARIANTS
            .iter()
            .filter(|role| role.may(right))
            .map(|role| <&str>::from(*role))
            .collect()
    }

    /// `role IN (the roles that may do right)` for a membership row, or nothing when every
    /// role may: a membership is then enough, and the database checks no role per row (a list
    /// counts a traveler's memberships from the index in half the time without it).
    fn condition(right: Right) -> Option<SimpleExpr> {
        let roles = Self::with(right);
        (roles.len() < <Self as strum::VariantArray>::VARIANTS.len())
            .then(|| trip_members::Column::Role.is_in(roles))
    }
}

impl Actor {
    /// The actor for a traveler the caller has authenticated (a session or an API token).
    pub fn signed_in(user: UserId) -> Self {
        Self { user }
    }

    pub fn user(&self) -> UserId {
        self.user
    }

    /// `<trip id column> IN (the trips where this actor's role may do `right`)`: for lists of
    /// the actor's trips, where the memberships drive the statement. (A statement about one
    /// trip or one activity uses [`may`](Self::may) or [`may_in`](Self::may_in): SQLite
    /// answers `IN (subquery)` by first copying every membership of the actor into a temporary
    /// index, which for a traveler with 5,000 trips is 5,000 rows per statement.)
    fn member_of(&self, column: impl ColumnTrait, right: Right) -> SimpleExpr {
        column.in_subquery(
            Query::select()
                .column(trip_members::Column::TripId)
                .from(trip_members::Entity)
                .and_where(trip_members::Column::UserId.eq(self.user.uuid()))
                .and_where_option(Role::condition(right))
                .to_owned(),
        )
    }

    /// Whether this actor's role may do `right` in the trip named by `column` of the row at
    /// hand: one look-up of the membership per row (its primary key is trip, user). For
    /// statements that pick their rows by key.
    pub(crate) fn may(&self, column: impl ColumnTrait, right: Right) -> SimpleExpr {
        let table = column.entity_name();
        Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(trip_members::Entity)
                .and_where(
                    Expr::col((trip_members::Entity, trip_members::Column::TripId))
                        .equals((table, column)),
                )
                .and_where(trip_members::Column::UserId.eq(self.user.uuid()))
                .and_where_option(Role::condition(right))
                .to_owned(),
        )
    }

    /// Whether this actor's role may do `right` in `trip`: one look-up per statement, whatever
    /// the rows, for statements about a trip whose id is known (its activities, say).
    pub(crate) fn may_in(&self, trip: TripId, right: Right) -> SimpleExpr {
        Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(trip_members::Entity)
                .and_where(trip_members::Column::TripId.eq(trip))
                .and_where(trip_members::Column::UserId.eq(self.user.uuid()))
                .and_where_option(Role::condition(right))
                .to_owned(),
        )
    }

    /// The trips this actor may see (lists).
    pub(crate) fn trips(&self) -> Select<trips::Entity> {
        trips::Entity::find().filter(self.member_of(trips::Column::Id, Right::Read))
    }

    /// The trips this actor may see, each joined with the actor's membership row, whose copy of
    /// the trip's dates ([`MemberDates`], kept by the database) the index
    /// `(user_id, start_date, trip_id, end_date, role)` holds: a list filtered and ordered by
    /// those columns reads its page from the index in order instead of sorting every trip of the
    /// traveler.
    pub(crate) fn listed_trips(&self) -> Select<trips::Entity> {
        let membership: RelationDef = trip_members::Entity::belongs_to(trips::Entity)
            .from(trip_members::Column::TripId)
            .to(trips::Column::Id)
            .into();
        self.own_readable(trips::Entity::find().join(JoinType::InnerJoin, membership.rev()))
    }

    /// This actor's memberships of the trips they may see: counting these needs no trip row.
    pub(crate) fn memberships(&self) -> Select<trip_members::Entity> {
        self.own_readable(trip_members::Entity::find())
    }

    /// `select`, kept to this actor's `trip_members` rows whose role may read the trip.
    fn own_readable<S: QueryFilter>(&self, select: S) -> S {
        let select = select.filter(trip_members::Column::UserId.eq(self.user.uuid()));
        match Role::condition(Right::Read) {
            Some(roles) => select.filter(roles),
            None => select,
        }
    }

    /// The trip `id`, if this actor may do `right` in it.
    pub(crate) fn trip_where(&self, id: TripId, right: Right) -> Select<trips::Entity> {
        trips::Entity::find()
            .filter(trips::Column::Id.eq(id))
            .filter(self.may_in(id, right))
    }

    /// The trip `id`, if this actor may see it.
    pub(crate) fn trip(&self, id: TripId) -> Select<trips::Entity> {
        self.trip_where(id, Right::Read)
    }

    /// This actor's role in the trip, if they are a member.
    ///
    /// # Errors
    /// The database fails.
    pub async fn role_in(
        &self,
        db: &impl ConnectionTrait,
        trip: TripId,
    ) -> Result<Option<Role>, DbErr> {
        let role: Option<String> = trip_members::Entity::find()
            .filter(trip_members::Column::TripId.eq(trip))
            .filter(trip_members::Column::UserId.eq(self.user.uuid()))
            .select_only()
            .column(trip_members::Column::Role)
            .into_tuple()
            .one(db)
            .await?;
        Ok(role.and_then(|role| role.parse().ok()))
    }

    /// The actor's role, if it may do `right` in the trip: `NotFound` when they are not a
    /// member (the trip may as well not exist), `Forbidden` when their role does not allow it.
    ///
    /// # Errors
    /// As above, or the database fails.
    pub async fn check(
        &self,
        db: &impl ConnectionTrait,
        trip: TripId,
        right: Right,
    ) -> Result<Role, TripError> {
        match self.role_in(db, trip).await? {
            None => Err(TripError::NotFound),
            Some(role) if role.may(right) => Ok(role),
            Some(_) => Err(TripError::Forbidden),
        }
    }

    /// Why a write limited to `right` touched nothing: the trip is not the actor's to see, not
    /// theirs to change, or (it is both) gone or changed meanwhile — `otherwise`.
    pub(crate) async fn refused(
        &self,
        db: &impl ConnectionTrait,
        trip: TripId,
        right: Right,
        otherwise: TripError,
    ) -> TripError {
        match self.check(db, trip, right).await {
            Ok(_) => otherwise,
            Err(error) => error,
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    #[test]
    fn the_table_of_rights() {
        use Right::*;
        let table = [
            (Read, [true, true, true]),
            (EditDetails, [true, true, false]),
            (EditPlan, [true, true, false]),
            (Delete, [true, false, false]),
            (ManageMembers, [true, false, false]),
            (Share, [true, false, false]),
            (Leave, [false, true, true]),
        ];
        assert_eq!(
            table.len(),
            Right::VARIANTS.len(),
            "every right is in the table"
        );
        for (right, allowed) in table {
            for (role, allowed) in [Role::Owner, Role::Editor, Role::Viewer]
                .iter()
                .zip(allowed)
            {
                assert_eq!(role.may(right), allowed, "{role:?} {right:?}");
            }
        }
        assert_eq!(Role::with(Read), ["owner", "editor", "viewer"]);
        assert_eq!(Role::with(Delete), ["owner"]);
    }

    #[test]
    fn a_role_is_checked_only_when_some_role_may_not() {
        use sea_orm::{DbBackend, QueryTrait};
        let actor = Actor::signed_in(UserId::from(uuid::Uuid::nil()));
        let trip = TripId::from(uuid::Uuid::nil());
        let sql = |select: Select<trips::Entity>| select.build(DbBackend::Sqlite).to_string();
        let count = actor.memberships().build(DbBackend::Sqlite).to_string();
        assert!(!count.contains(r#""role" IN"#), "{count}");
        assert!(!sql(actor.listed_trips()).contains(r#""role" IN"#));
        assert!(!sql(actor.trip(trip)).contains(r#""role" IN"#));
        let delete = sql(actor.trip_where(trip, Right::Delete));
        assert!(delete.contains(r#""role" IN ('owner')"#), "{delete}");
        assert!(!sql(actor.trips()).contains(r#""role" IN"#));
        let edit = sql(trips::Entity::find()
            .filter(actor.member_of(trips::Column::Id, Right::EditPlan))
            .filter(actor.may_in(trip, Right::EditPlan)));
        assert_eq!(
            edit.matches(r#""role" IN ('owner', 'editor')"#).count(),
            2,
            "{edit}"
        );
    }
}
