//! Server functions for trips: read the session, call the service, redirect. Every one of them
//! works as a plain HTML form post.

use leptos::prelude::*;

use super::types::{Trip, TripDefaults, TripInput, TripList, TripQuery};
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn failed(error: impl Into<super::service::TripError>) -> AppError {
    AppError::from(error.into()).respond()
}

#[server(prefix = "/api/trips", endpoint = "list")]
pub async fn list_trips(query: TripQuery) -> Result<TripList, AppError> {
    use super::service;
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let today = service::today_for(&db, owner).await.map_err(failed)?;
    service::list(&db, owner, &query, today)
        .await
        .map_err(failed)
}

#[server(prefix = "/api/trips", endpoint = "get")]
pub async fn get_trip(id: String) -> Result<Trip, AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    super::service::find(&db, owner, &id).await.map_err(failed)
}

#[server(prefix = "/api/trips", endpoint = "defaults")]
pub async fn new_trip_defaults() -> Result<TripDefaults, AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    super::service::defaults(&db, owner).await.map_err(failed)
}

/// The form's fields arrive flattened (`name=…&destination=…`); missing ones are empty and
/// get their message from validation.
#[server(prefix = "/api/trips", endpoint = "create")]
pub async fn create_trip(#[server(flatten)] trip: TripInput) -> Result<(), AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let trip = super::service::create(&db, owner, &trip)
        .await
        .map_err(failed)?;
    crate::auth::session::flash("Trip created. Add activities to any day below.").await?;
    leptos_axum::redirect(&format!("/trips/{}", trip.id));
    Ok(())
}

#[server(prefix = "/api/trips", endpoint = "update")]
pub async fn update_trip(id: String, #[server(flatten)] trip: TripInput) -> Result<(), AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let id = super::service::update(&db, owner, &id, &trip)
        .await
        .map_err(failed)?;
    crate::auth::session::flash("Trip saved.").await?;
    leptos_axum::redirect(&format!("/trips/{id}"));
    Ok(())
}

#[server(prefix = "/api/trips", endpoint = "delete")]
pub async fn delete_trip(id: String) -> Result<(), AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    super::service::delete(&db, owner, &id)
        .await
        .map_err(failed)?;
    crate::auth::session::flash("Trip deleted.").await?;
    leptos_axum::redirect("/trips");
    Ok(())
}
