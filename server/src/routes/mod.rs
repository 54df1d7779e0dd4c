//! Handlers that are not Leptos pages.

pub mod health;
pub mod static_files;
