//! The `travel-planner` server: configuration, telemetry, the router and its middleware, the
//! JSON API's handlers, start-up and the operator's commands. Pages and server functions live in
//! the `app` crate, the rules and services in `domain`.

pub mod api;
pub mod backup;
pub mod cli;
pub mod config;
pub mod db;
pub mod metrics;
pub mod plain_pages;
pub mod providers;
pub mod routes;
pub mod site;
pub mod startup;
pub mod telemetry;
