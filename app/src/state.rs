//! Server-side application state, handed to handlers (axum `State`) and to server functions
//! (Leptos context).

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

/// What every request handler can reach. Cheap to clone: both fields are reference-counted.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
}
