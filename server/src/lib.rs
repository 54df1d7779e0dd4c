//! The `travel-planner` server: configuration, telemetry, the router, the JSON API's HTTP
//! handlers and start-up. Pages, server functions and services live in the `app` crate.

pub mod api;
pub mod backup;
pub mod cli;
pub mod config;
pub mod db;
pub mod metrics;
pub mod routes;
pub mod startup;
pub mod telemetry;
