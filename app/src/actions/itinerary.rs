//! Server functions for a trip's plan: the plan itself, one activity, and adding, changing,
//! moving and deleting activities. Each change works as a plain HTML form post and answers
//! with a redirect back to the plan.

use domain::{
    ids::{ActivityId, TripId},
    itinerary::{
        model::{Activity, ActivityDraft, TripPlan},
        service::{self, Direction},
    },
    trips::{model::Trip, service::TripError},
};
use i18n::tr;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{context, error::AppError, links::safe_next, session};

/// An activity with the trip it belongs to (for the edit and delete pages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityInTrip {
    pub trip: Trip,
    pub activity: Activity,
}

/// The user-safe error for a refused call, with its status when called by script.
fn failed(error: impl Into<AppError>) -> AppError {
    error.into().respond()
}

/// What went wrong with an activity form, with what was typed so it comes back filled in.
fn invalid(draft: &ActivityDraft) -> impl Fn(TripError) -> AppError + '_ {
    move |error| match AppError::from(error) {
        AppError::Invalid(errors) => failed(AppError::Invalid(errors.keeping(&draft.fields()))),
        other => failed(other),
    }
}

/// Where to go after a change: the day's section of the trip page.
fn back_to(trip_id: TripId, day: chrono::NaiveDate) -> String {
    format!("/trips/{trip_id}#day-{day}")
}

/// A trip's plan, and whether the traveler's role lets them change it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub plan: TripPlan,
    pub editable: bool,
}

#[server(prefix = "/api/itinerary", endpoint = "plan")]
pub async fn get_trip_plan(trip_id: String) -> Result<PlanView, AppError> {
    let actor = session::actor().await?;
    let trip_id: TripId = trip_id.parse().map_err(failed)?;
    let db = context::db()?;
    let (trip, activities) = service::trip_with_activities(&db, &actor, trip_id)
        .await
        .map_err(failed)?;
    let role = actor
        .check(&db, trip_id, domain::access::Right::Read)
        .await
        .map_err(failed)?;
    Ok(PlanView {
        plan: TripPlan::new(trip, activities),
        editable: role.may(domain::access::Right::EditPlan),
    })
}

#[server(prefix = "/api/itinerary", endpoint = "activity")]
pub async fn get_activity(id: String) -> Result<ActivityInTrip, AppError> {
    let actor = session::actor().await?;
    let id: ActivityId = id.parse().map_err(failed)?;
    let db = context::db()?;
    let (trip, activity, role) = service::find_with_role(&db, &actor, id)
        .await
        .map_err(failed)?;
    // The edit and delete pages: a viewer is refused before any form shows.
    if !role.may(domain::access::Right::EditPlan) {
        return Err(failed(domain::trips::service::TripError::Forbidden));
    }
    Ok(ActivityInTrip { trip, activity })
}

/// The form as typed, its cost written the way the core reads amounts (`25,50` from a German
/// page is `25.50`).
fn as_the_core_reads(activity: ActivityDraft) -> ActivityDraft {
    ActivityDraft {
        cost: i18n::format::amount_input(context::lang(), &activity.cost),
        ..activity
    }
}

#[server(prefix = "/api/itinerary", endpoint = "create")]
pub async fn create_activity(
    trip_id: String,
    #[server(flatten)] activity: ActivityDraft,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let activity = as_the_core_reads(activity);
    let trip_id: TripId = trip_id.parse().map_err(failed)?;
    let db = context::db()?;
    let Ok(new_activity) = activity.validate() else {
        return Err(invalid(&activity)(
            service::explain(&db, &actor, trip_id, &activity).await,
        ));
    };
    let created = service::create(&db, &actor, trip_id, new_activity)
        .await
        .map_err(invalid(&activity))?;
    session::flash(&tr!(context::lang(), "form-activity-added")).await?;
    leptos_axum::redirect(&back_to(trip_id, created.day));
    Ok(())
}

/// The activity form's fields, as its labels name them (for a conflict's comparison).
fn activity_labels(l: i18n::Language) -> [(&'static str, String); 9] {
    [
        ("title", tr!(l, "form-activity-title")),
        ("day", tr!(l, "form-activity-day")),
        ("start_time", tr!(l, "form-field-starts")),
        ("end_time", tr!(l, "form-field-ends")),
        ("location", tr!(l, "form-field-place")),
        ("category", tr!(l, "form-field-category")),
        ("cost", tr!(l, "form-field-cost")),
        ("description", tr!(l, "form-field-notes")),
        ("ends_next_day", tr!(l, "form-field-ends-next-day")),
    ]
}

#[server(prefix = "/api/itinerary", endpoint = "update")]
pub async fn update_activity(
    id: String,
    /// The version the form was made from; saving over a newer one is refused.
    #[server(default)]
    version: String,
    #[server(flatten)] activity: ActivityDraft,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let activity = as_the_core_reads(activity);
    let id: ActivityId = id.parse().map_err(failed)?;
    let db = context::db()?;
    let Ok(changes) = activity.validate() else {
        return Err(invalid(&activity)(
            service::explain_change(&db, &actor, id, &activity).await,
        ));
    };
    let if_version = version.trim().parse::<i64>().ok();
    let updated = match service::update(&db, &actor, id, changes, if_version).await {
        Ok(updated) => updated,
        Err(TripError::Stale) => {
            let (trip, current) = service::find(&db, &actor, id).await.map_err(failed)?;
            let last = domain::history::last_change(&db, trip.id, Some(id))
                .await
                .map_err(|error| failed(TripError::from(error)))?;
            let theirs = ActivityDraft::of(&current, &trip.currency);
            return Err(super::conflict(
                last,
                &trip.time_zone,
                &activity_labels(context::lang()),
                &theirs.fields(),
                &activity.fields(),
                current.version,
            ));
        }
        Err(error) => return Err(invalid(&activity)(error)),
    };
    let (trip, _) = service::find(&db, &actor, updated.id)
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "form-activity-saved")).await?;
    leptos_axum::redirect(&back_to(trip.id, updated.day));
    Ok(())
}

#[server(prefix = "/api/itinerary", endpoint = "delete")]
pub async fn delete_activity(id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let id: ActivityId = id.parse().map_err(failed)?;
    let db = context::db()?;
    let trip_id = service::delete(&db, &actor, id, None)
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "form-activity-deleted")).await?;
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
    let actor = session::actor().await?;
    let direction: Direction = direction
        .parse()
        .map_err(|_| AppError::BadRequest.respond())?;
    let id: ActivityId = id.parse().map_err(failed)?;
    let db = context::db()?;
    let moved = service::move_within_day(&db, &actor, id, direction)
        .await
        .map_err(failed)?;
    leptos_axum::redirect(&format!("{}#activity-{}", safe_next(Some(&back)), moved.id));
    Ok(())
}
