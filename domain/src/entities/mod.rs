//! SeaORM entities: one per table, matching the migrations. Behaviour lives in the services.

pub mod activities;
pub mod calendar_feeds;
pub mod email_verification_tokens;
pub mod idempotency_keys;
pub mod password_reset_tokens;
pub mod pending_signups;
pub mod refresh_tokens;
pub mod sessions;
pub mod share_links;
pub mod trip_changes;
pub mod trip_invitations;
pub mod trip_members;
pub mod trips;
pub mod users;
