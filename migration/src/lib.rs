//! Database schema changes, one module per change, each with a `down`. Standalone: this crate
//! never imports the application's entities, so old migrations keep compiling as models change.
//!
//! The previous release keeps running against the schema these leave (during a rolling
//! deploy), so a release only *expands*: new tables, indexes, nullable columns or columns with
//! a default. Dropping or renaming a column or table, tightening a constraint or changing a
//! type waits for a later release, once no running release reads it ("Upgrades and migrations"
//! in docs/runbook.md has the recipe for a rename). `scripts/previous-release.sh` runs the
//! previous release (`migration/PREVIOUS_RELEASE`) against the new schema to check it.

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_create_users;
mod m20261129_000002_create_sessions;
mod m20261129_000003_create_password_reset_tokens;
mod m20261129_000004_create_email_verification_tokens;
mod m20261129_000005_add_user_time_zone;
mod m20261129_000006_create_trips;
mod m20261129_000007_create_activities;
mod m20261129_000008_create_rate_limits;
mod m20261129_000009_create_refresh_tokens;
mod m20261129_000010_add_user_theme;
mod m20261130_000011_add_trip_revision;
mod m20261204_000012_hash_session_ids;
mod m20261204_000013_link_first_sign_up;
mod m20261205_000014_versions_and_idempotency;
mod m20261205_000015_trip_members;
mod m20261205_000016_add_places;
mod m20261205_000017_create_provider_store;
mod m20261205_000018_take_the_trip_along;
mod m20261206_000019_search_text;
mod m20261206_000020_add_user_language;
mod m20261206_000021_index_unfilled_search_text;
mod m20261207_000022_member_trip_dates;
mod m20261208_000023_count_upcoming_trips;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_create_users::Migration),
            Box::new(m20261129_000002_create_sessions::Migration),
            Box::new(m20261129_000003_create_password_reset_tokens::Migration),
            Box::new(m20261129_000004_create_email_verification_tokens::Migration),
            Box::new(m20261129_000005_add_user_time_zone::Migration),
            Box::new(m20261129_000006_create_trips::Migration),
            Box::new(m20261129_000007_create_activities::Migration),
            Box::new(m20261129_000008_create_rate_limits::Migration),
            Box::new(m20261129_000009_create_refresh_tokens::Migration),
            Box::new(m20261129_000010_add_user_theme::Migration),
            Box::new(m20261130_000011_add_trip_revision::Migration),
            Box::new(m20261204_000012_hash_session_ids::Migration),
            Box::new(m20261204_000013_link_first_sign_up::Migration),
            Box::new(m20261205_000014_versions_and_idempotency::Migration),
            Box::new(m20261205_000015_trip_members::Migration),
            Box::new(m20261205_000016_add_places::Migration),
            Box::new(m20261205_000017_create_provider_store::Migration),
            Box::new(m20261205_000018_take_the_trip_along::Migration),
            Box::new(m20261206_000019_search_text::Migration),
            Box::new(m20261206_000020_add_user_language::Migration),
            Box::new(m20261206_000021_index_unfilled_search_text::Migration),
            Box::new(m20261207_000022_member_trip_dates::Migration),
            Box::new(m20261208_000023_count_upcoming_trips::Migration),
        ]
    }
}
