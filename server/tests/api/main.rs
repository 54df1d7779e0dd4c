//! One integration-test binary: the real router on port 0 with a fresh, migrated database per
//! test. SQLite by default; PostgreSQL when `TEST_DATABASE_URL` points at a server (CI runs the
//! suite both ways).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api_v1;
mod auth;
mod backup;
mod binary;
mod calendar;
mod caps;
mod concurrency;
mod core;
mod error_tracking;
mod form_errors;
mod hardening;
mod health;
mod helpers;
mod itinerary;
mod itinerary_service;
mod languages;
mod limits;
mod mail;
mod mail_languages;
mod migrations;
mod outage;
mod pages;
mod privacy;
mod providers;
mod query_plans;
mod recovery;
mod sessions;
mod shutdown;
mod static_files;
mod takeaway;
mod together;
mod trips;
mod trips_service;
mod verification;
