//! Server functions for calendar feeds: whether a trip (or all of a traveler's trips) has one,
//! making a new address (which ends the old one) and turning it off. A new address is shown
//! once, on the page the form returns to: it passes through the session for that one redirect
//! and is removed when shown; only its hash is stored.

use chrono::Utc;
use domain::{
    ids::TripId,
    takeaway::feeds::{self, FeedScope, FeedStatus},
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{context, error::AppError, session};

/// The session key of a new address waiting to be shown, per scope.
fn new_address_key(scope: FeedScope) -> String {
    match scope {
        FeedScope::Trip(id) => format!("new_feed_{id}"),
        FeedScope::AllTrips => "new_feed_all".to_string(),
    }
}

/// `trip` is a trip's id, or empty for the feed of all the traveler's trips.
fn scope_of(trip: &str) -> Result<FeedScope, AppError> {
    if trip.trim().is_empty() {
        Ok(FeedScope::AllTrips)
    } else {
        trip.parse::<TripId>()
            .map(FeedScope::Trip)
            .map_err(|error| AppError::from(error).respond())
    }
}

/// Where the forms come back to: the calendar part of the trip or account page.
fn back_to(scope: FeedScope) -> String {
    match scope {
        FeedScope::Trip(id) => format!("/trips/{id}#calendar"),
        FeedScope::AllTrips => "/account#calendar".to_string(),
    }
}

/// A feed as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedView {
    pub status: Option<FeedStatus>,
    /// The address made just now (`https://…/feeds/….ics`), shown this once.
    pub new_address: Option<String>,
    /// Whether the traveler may add to the trip's plan (and so import into it).
    pub can_import: bool,
}

#[server(prefix = "/api/feeds", endpoint = "get")]
pub async fn get_feed(#[server(default)] trip: String) -> Result<FeedView, AppError> {
    let actor = session::actor().await?;
    let scope = scope_of(&trip)?;
    let state = context::state()?;
    let refused = |error: domain::trips::service::TripError| AppError::from(error).respond();
    // A trip's feed: the role says both that the traveler may see the feed and whether they
    // may import into the trip.
    let can_import = match scope {
        FeedScope::Trip(id) => actor
            .check(&state.db, id, domain::access::Right::Read)
            .await
            .map_err(refused)?
            .may(domain::access::Right::EditPlan),
        FeedScope::AllTrips => false,
    };
    let status = feeds::status_of(&state.db, &actor, scope)
        .await
        .map_err(|error| refused(error.into()))?;
    let new_address = match status {
        Some(_) => session::take_once(&new_address_key(scope))
            .await?
            .map(|token| format!("{}/feeds/{token}.ics", state.base_url)),
        None => None,
    };
    Ok(FeedView {
        status,
        new_address,
        can_import,
    })
}

#[server(prefix = "/api/feeds", endpoint = "make")]
pub async fn make_feed(#[server(default)] trip: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let scope = scope_of(&trip)?;
    let db = context::db()?;
    let token = feeds::replace(&db, &actor, scope, Utc::now())
        .await
        .map_err(|error| AppError::from(error).respond())?;
    session::keep_once(&new_address_key(scope), &token).await?;
    leptos_axum::redirect(&back_to(scope));
    Ok(())
}

#[server(prefix = "/api/feeds", endpoint = "stop")]
pub async fn stop_feed(#[server(default)] trip: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let scope = scope_of(&trip)?;
    let db = context::db()?;
    feeds::revoke(&db, &actor, scope)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    session::take_once(&new_address_key(scope)).await?;
    session::flash(&i18n::tr!(context::lang(), "takeaway-feed-turned-off")).await?;
    leptos_axum::redirect(&back_to(scope));
    Ok(())
}
