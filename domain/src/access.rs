//! Who may do what. Every service receives the [`Actor`] making the request and checks it here
//! — in the query that reads or writes, so a forgotten check fails closed: what an actor may
//! not reach is indistinguishable from what does not exist.
//!
//! Today a trip has one person, its owner, who may do everything with it; [`Right`] and
//! [`Role`] are the table that grows when trips are shared.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Select};

use crate::{entities::trips, ids::UserId};

/// The signed-in traveler a request acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    user: UserId,
}

impl Actor {
    /// The actor for a traveler the caller has authenticated (a session or an API token).
    pub fn signed_in(user: UserId) -> Self {
        Self { user }
    }

    pub fn user(&self) -> UserId {
        self.user
    }

    /// The trips this actor may reach, and the role they have in each.
    pub(crate) fn trips(&self) -> Select<trips::Entity> {
        trips::Entity::find().filter(trips::Column::OwnerId.eq(self.user.uuid()))
    }
}

/// Someone's part in a trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Created the trip; may do everything with it.
    Owner,
}

/// Something one can do with a trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Right {
    /// See the trip and its plan.
    Read,
    /// Change the trip's details.
    EditDetails,
    /// Add, change, move and delete activities.
    EditPlan,
    /// Delete the trip and everything in it.
    Delete,
}

impl Role {
    /// The table of rights: whether this role may do `right`.
    pub fn may(self, right: Right) -> bool {
        match (self, right) {
            (Self::Owner, Right::Read | Right::EditDetails | Right::EditPlan | Right::Delete) => {
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    #[test]
    fn an_owner_may_do_everything() {
        for right in Right::VARIANTS {
            assert!(Role::Owner.may(*right), "{right:?}");
        }
    }
}
