//! Handlers that are not Leptos pages.

pub mod error_pages;
pub mod export;
pub mod feeds;
pub mod form_errors;
pub mod guard;
pub mod health;
pub mod live;
pub mod page_routes;
pub mod pages;
pub mod rate_limit;
pub mod render_to_the_end;
pub mod security_headers;
pub mod server_fn_status;
pub mod static_files;
pub mod takeaway;
pub mod unavailable;
