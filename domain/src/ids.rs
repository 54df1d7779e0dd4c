//! Typed ids: a trip's id cannot be passed where an activity's is expected. Each reads from the
//! text of a URL or a form; anything that is not an id of its kind is `MalformedId`, which the
//! adapters answer like an id that does not exist.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Text that is not an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an id")]
pub struct MalformedId;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new id, ordered by creation time (UUIDv7).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = MalformedId;

            fn from_str(text: &str) -> Result<Self, MalformedId> {
                Uuid::parse_str(text.trim()).map(Self).map_err(|_| MalformedId)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(formatter)
            }
        }

        impl From<$name> for sea_orm::Value {
            fn from(id: $name) -> Self {
                id.0.into()
            }
        }
    };
}

id! {
    /// A traveler's account.
    UserId
}
id! {
    /// A trip.
    TripId
}
id! {
    /// An activity of a trip's plan.
    ActivityId
}
id! {
    /// An invitation to join a trip.
    InvitationId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_their_text_and_nothing_else() {
        let trip = TripId::new();
        assert_eq!(trip.to_string().parse::<TripId>(), Ok(trip));
        assert_eq!(format!(" {trip} ").parse::<TripId>(), Ok(trip));
        for bad in ["", "42", "not-a-uuid", "../etc/passwd"] {
            assert_eq!(bad.parse::<TripId>(), Err(MalformedId), "{bad}");
        }
    }
}
