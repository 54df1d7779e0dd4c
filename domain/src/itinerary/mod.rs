//! The day-by-day plan of a trip: its activities, their order, and what the plan costs.

pub mod model;
pub mod service;
