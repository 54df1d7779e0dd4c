//! What the import pages read: the trip a file goes into, and the problems the last file had.
//! The upload itself is a plain route of the server's (a file is a multipart form), which
//! leaves the problems here in the session for the page it returns to.

use domain::{ids::TripId, trips::model::Trip, trips::service as trips};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{context, error::AppError, session};

/// The session key of the problems the last imported file had, as lines to show.
pub const PROBLEMS_KEY: &str = "import_problems";

/// An import page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPage {
    /// The trip the file goes into (none: the file's trips become new trips).
    pub trip: Option<Trip>,
    /// What was wrong with the last file sent from this page, line by line.
    pub problems: Vec<String>,
}

#[server(prefix = "/api/imports", endpoint = "page")]
pub async fn get_import_page(#[server(default)] trip: String) -> Result<ImportPage, AppError> {
    let actor = session::actor().await?;
    let trip = if trip.is_empty() {
        None
    } else {
        let id: TripId = trip.parse().map_err(|e| AppError::from(e).respond())?;
        let db = context::db()?;
        let trip = trips::find(&db, &actor, id)
            .await
            .map_err(|e| AppError::from(e).respond())?;
        // Importing adds to the plan: a viewer has no page to import into.
        actor
            .check(&db, id, domain::access::Right::EditPlan)
            .await
            .map_err(|e| AppError::from(e).respond())?;
        Some(trip)
    };
    let problems = session::take_once(PROBLEMS_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    Ok(ImportPage { trip, problems })
}
