//! Handlers that are not Leptos pages.

pub mod guard;
pub mod health;
pub mod server_fn_status;
pub mod static_files;
pub mod unavailable;
