//! The trip planner's core: what a traveler can have and do, and the rules that decide it,
//! over the database. Nothing here knows about web pages or HTTP: the web (`app`) and the JSON
//! API (`server`) parse requests into the commands defined here, call the services, and turn
//! the outcome into pages or JSON.
//!
//! Every service takes the [`access::Actor`] making the request and decides in its own queries
//! what that actor may reach: another traveler's trip is indistinguishable from one that does
//! not exist.

pub mod access;
pub mod accounts;
pub mod calendar;
pub mod entities;
pub mod error;
pub mod history;
pub mod idempotency;
pub mod ids;
pub mod invitations;
pub mod itinerary;
pub mod live;
pub mod mail;
pub mod map;
pub mod members;
pub mod places;
pub mod privacy;
pub mod providers;
pub mod reference;
pub(crate) mod reuse;
pub mod search;
pub mod sharing;
pub mod takeaway;
pub mod text;
pub mod trips;
pub mod weather;

pub use error::{Difference, FormErrors};
