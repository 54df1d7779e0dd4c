//! Trips: create, list, find, edit and delete — the traveler's main object.

pub mod api;
pub(crate) mod form;
pub mod pages;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
