//! SeaORM entities: one per table, matching the migrations. Behaviour lives in the services.

pub mod activities;
pub mod calendar_feeds;
pub mod email_verification_tokens;
pub mod idempotency_keys;
pub mod password_reset_tokens;
pub mod pending_signups;
pub mod place_searches;
pub mod places;
pub mod provider_pace;
pub mod refresh_tokens;
pub mod sessions;
pub mod share_links;
pub mod travel_times;
pub mod trip_changes;
pub mod trip_invitations;
pub mod trip_members;
pub mod trips;
pub mod users;
pub mod weather_days;
