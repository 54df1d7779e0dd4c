//! Handlers that are not Leptos pages.

pub mod guard;
pub mod health;
pub mod static_files;
