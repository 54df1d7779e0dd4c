//! The app's page routes, listed once per process.
//!
//! Listing them (leptos_axum's `generate_route_list`) renders the app with resource loading
//! switched off through a process-wide flag (leptos_server's `SuppressResourceLoad`): a page
//! rendering at that moment in another router of the same process — several servers run in one
//! test process — would wait forever on its data (leptos-rs/leptos#4773). The list does not
//! change while the process runs, so it is made once. Guarded by the integration test
//! `pages::starting_other_servers_does_not_stall_pages_being_rendered`.

use std::sync::OnceLock;

use leptos_axum::{AxumRouteListing, generate_route_list};

/// The page routes, made on first use.
pub fn list() -> &'static [AxumRouteListing] {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App))
}
