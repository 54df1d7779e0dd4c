//! Pieces more than one page shows: a trip's plan, the map beside it and the weather in it,
//! and the trip and activity forms' fields with their place picker.

pub mod activity_fields;
pub mod map;
pub mod place_picker;
pub mod plan;
pub mod sketch;
pub mod take_along;
pub mod trip_fields;
pub mod weather;
