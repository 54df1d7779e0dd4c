//! The weather on each day of a trip: forecasts, what it was, and what is typical for the
//! dates — kept per grid cell and day, filled in the background, read by pages in one
//! statement.

pub mod model;
pub mod service;
