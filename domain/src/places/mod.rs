//! Real places: searching a geocoder for them (through a cache every traveler shares), the
//! place an activity or a trip keeps, and travel times between places.

pub mod model;
pub mod service;
pub mod travel;
