//! The itinerary: activities on the days of a trip, and what they cost.

pub mod api;
pub mod pages;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
