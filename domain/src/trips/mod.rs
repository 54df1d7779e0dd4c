//! Trips: create, list, find, change and delete — the traveler's main object.

pub mod model;
pub mod service;
