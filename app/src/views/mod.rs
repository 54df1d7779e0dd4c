//! Pieces more than one page shows: a trip's plan, and the trip and activity forms' fields.

pub mod activity_fields;
pub mod plan;
pub mod take_along;
pub mod trip_fields;
