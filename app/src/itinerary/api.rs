//! Server functions for the itinerary. Each works as a plain HTML form post and answers with a
//! redirect back to the plan.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::types::{Activity, ActivityInput, BudgetSummary, DayPlan};
use crate::{error::AppError, trips::types::Trip};

/// Everything the trip page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripPlan {
    pub trip: Trip,
    pub days: Vec<DayPlan>,
    pub summary: BudgetSummary,
}

#[cfg(feature = "ssr")]
impl TripPlan {
    /// The plan of `trip` from its activities (in any order).
    fn new(trip: Trip, activities: Vec<Activity>) -> Self {
        let (days, summary) = super::types::plan(&trip, activities);
        Self {
            trip,
            days,
            summary,
        }
    }
}

/// An activity with the trip it belongs to (for the edit and delete pages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityInTrip {
    pub trip: Trip,
    pub activity: Activity,
}

#[cfg(feature = "ssr")]
fn failed(error: impl Into<super::service::ItineraryError>) -> AppError {
    AppError::from(error.into()).respond()
}

/// Where to go after a change: the day's section of the trip page.
#[cfg(feature = "ssr")]
fn back_to(trip_id: &str, day: chrono::NaiveDate) -> String {
    format!("/trips/{trip_id}#day-{day}")
}

#[server(prefix = "/api/itinerary", endpoint = "plan")]
pub async fn get_trip_plan(trip_id: String) -> Result<TripPlan, AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let (trip, activities) = super::service::trip_with_activities(&db, owner, &trip_id)
        .await
        .map_err(failed)?;
    Ok(TripPlan::new(trip, activities))
}

/// The trip page: the trip's name for the title, and its overview as HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripPageContent {
    pub name: String,
    pub html: Arc<str>,
}

/// The trip is read on every request (the access check, and what the page is rendered from);
/// its activities are read and the overview rendered only when this instance has not rendered
/// this revision of the trip before (see [`crate::render_cache`]).
#[server(prefix = "/api/itinerary", endpoint = "page")]
pub async fn get_trip_page(trip_id: String) -> Result<TripPageContent, AppError> {
    use crate::render_cache::Version;

    let owner = crate::auth::session::owner().await?;
    let state = crate::state::state()?;
    let (trip, revision) = crate::trips::service::find_with_revision(&state.db, owner, &trip_id)
        .await
        .map_err(failed)?;
    let version = Version::of(&(&trip, revision));
    let name = trip.name.clone();
    if let Some(html) = state.trip_pages.get(&trip.id, version) {
        return Ok(TripPageContent { name, html });
    }
    let activities = super::service::activities_of(&state.db, owner, &trip)
        .await
        .map_err(failed)?;
    let key = trip.id.clone();
    let html: Arc<str> =
        crate::trips::pages::render_overview(TripPlan::new(trip, activities)).into();
    state.trip_pages.keep(&key, version, html.clone());
    Ok(TripPageContent { name, html })
}

#[server(prefix = "/api/itinerary", endpoint = "activity")]
pub async fn get_activity(id: String) -> Result<ActivityInTrip, AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let (trip, activity) = super::service::find(&db, owner, &id)
        .await
        .map_err(failed)?;
    Ok(ActivityInTrip { trip, activity })
}

#[server(prefix = "/api/itinerary", endpoint = "create")]
pub async fn create_activity(
    trip_id: String,
    #[server(flatten)] activity: ActivityInput,
) -> Result<(), AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let created = super::service::create(&db, owner, &trip_id, &activity)
        .await
        .map_err(failed)?;
    crate::auth::session::flash("Activity added.").await?;
    leptos_axum::redirect(&back_to(&trip_id, created.day));
    Ok(())
}

#[server(prefix = "/api/itinerary", endpoint = "update")]
pub async fn update_activity(
    id: String,
    #[server(flatten)] activity: ActivityInput,
) -> Result<(), AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let updated = super::service::update(&db, owner, &id, &activity)
        .await
        .map_err(failed)?;
    let (trip, _) = super::service::find(&db, owner, &updated.id)
        .await
        .map_err(failed)?;
    crate::auth::session::flash("Activity saved.").await?;
    leptos_axum::redirect(&back_to(&trip.id, updated.day));
    Ok(())
}

#[server(prefix = "/api/itinerary", endpoint = "delete")]
pub async fn delete_activity(id: String) -> Result<(), AppError> {
    let owner = crate::auth::session::owner().await?;
    let db = crate::state::db()?;
    let trip_id = super::service::delete(&db, owner, &id)
        .await
        .map_err(failed)?;
    crate::auth::session::flash("Activity deleted.").await?;
    leptos_axum::redirect(&format!("/trips/{trip_id}"));
    Ok(())
}

/// Moves an activity up or down within its day, then returns to `back` (a local path: the trip
/// page or the day page).
#[server(prefix = "/api/itinerary", endpoint = "move")]
pub async fn move_activity(
    id: String,
    direction: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use super::service::Direction;
    let owner = crate::auth::session::owner().await?;
    let direction = match direction.as_str() {
        "up" => Direction::Up,
        "down" => Direction::Down,
        _ => return Err(AppError::BadRequest.respond()),
    };
    let db = crate::state::db()?;
    let moved = super::service::move_within_day(&db, owner, &id, direction)
        .await
        .map_err(failed)?;
    let back = crate::auth::types::safe_next(Some(&back));
    leptos_axum::redirect(&format!("{back}#activity-{}", moved.id));
    Ok(())
}
