//! Server functions for trips: the list, one trip, a new trip's defaults, and creating,
//! changing and deleting a trip. Every change works as a plain HTML form post.

use domain::{
    ids::TripId,
    trips::{
        model::{Trip, TripDefaults, TripDraft, TripList, TripQuery},
        service::{self, TripError},
    },
};
use i18n::tr;
use leptos::prelude::*;

use crate::{context, error::AppError, session};

/// The user-safe error for a refused call, with its status when called by script.
fn failed(error: impl Into<AppError>) -> AppError {
    error.into().respond()
}

/// A trip's id from a URL or a form; anything that is not one is not found.
fn trip_id(id: &str) -> Result<TripId, AppError> {
    id.parse().map_err(failed)
}

#[server(prefix = "/api/trips", endpoint = "list")]
pub async fn list_trips(query: TripQuery) -> Result<TripList, AppError> {
    let actor = session::actor().await?;
    let db = context::db()?;
    let today = match home_zone(&actor) {
        Some(zone) => service::today_at_home(zone.as_deref()),
        None => service::today_for(&db, &actor)
            .await
            .map_err(|error| failed(TripError::from(error)))?,
    };
    service::list(&db, &actor, &query, today)
        .await
        .map_err(|error| failed(TripError::from(error)))
}

/// The trip, for a page that needs `right` in it (`edit_details`, `edit_plan`, `delete`; by
/// default only reading): a member whose role lacks it is refused (403) before any form shows.
#[server(prefix = "/api/trips", endpoint = "get")]
pub async fn get_trip(id: String, #[server(default)] right: String) -> Result<Trip, AppError> {
    let actor = session::actor().await?;
    let db = context::db()?;
    let id = trip_id(&id)?;
    let right = right.parse().unwrap_or(domain::access::Right::Read);
    let (trip, role) = service::find_with_role(&db, &actor, id)
        .await
        .map_err(failed)?;
    if !role.may(right) {
        return Err(failed(TripError::Forbidden));
    }
    Ok(trip)
}

/// The actor's home zone as the page being rendered already read it (`Some(None)`: they chose
/// none), or `None` outside a page render (a call by script reads it itself).
fn home_zone(actor: &domain::access::Actor) -> Option<Option<String>> {
    context::page_user_for(actor.user()).map(|user| user.time_zone)
}

#[server(prefix = "/api/trips", endpoint = "defaults")]
pub async fn new_trip_defaults() -> Result<TripDefaults, AppError> {
    let actor = session::actor().await?;
    let db = context::db()?;
    service::defaults(&db, &actor, home_zone(&actor))
        .await
        .map_err(|error| failed(TripError::from(error)))
}

/// What went wrong with a trip form, with what was typed so the form comes back filled in.
fn invalid(draft: &TripDraft) -> impl Fn(TripError) -> AppError + '_ {
    move |error| match AppError::from(error) {
        AppError::Invalid(errors) => failed(AppError::Invalid(errors.keeping(&draft.fields()))),
        other => failed(other),
    }
}

/// The form as typed, its budget written the way the core reads amounts (`1.500,50` from a
/// German page is `1500.50`).
fn as_the_core_reads(trip: TripDraft) -> TripDraft {
    TripDraft {
        budget: i18n::format::amount_input(context::lang(), &trip.budget),
        ..trip
    }
}

/// The form's fields arrive flattened (`name=…&destination=…`); missing ones are empty and
/// get their message from validation.
#[server(prefix = "/api/trips", endpoint = "create")]
pub async fn create_trip(#[server(flatten)] trip: TripDraft) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = as_the_core_reads(trip);
    let new_trip = trip
        .validate()
        .map_err(|errors| failed(AppError::Invalid(errors)))?;
    let db = context::db()?;
    let created = service::create(&db, &actor, new_trip)
        .await
        .map_err(invalid(&trip))?;
    session::flash(&tr!(context::lang(), "form-trip-created")).await?;
    leptos_axum::redirect(&format!("/trips/{}", created.id));
    Ok(())
}

/// The trip form's fields, as its labels name them (for a conflict's comparison).
fn trip_labels(l: i18n::Language) -> [(&'static str, String); 8] {
    [
        ("name", tr!(l, "form-field-name")),
        ("destination", tr!(l, "form-trip-destination")),
        ("start_date", tr!(l, "form-trip-start")),
        ("end_date", tr!(l, "form-trip-end")),
        ("time_zone", tr!(l, "form-trip-zone")),
        ("currency", tr!(l, "form-trip-currency")),
        ("budget", tr!(l, "form-field-budget")),
        ("notes", tr!(l, "form-field-notes")),
    ]
}

#[server(prefix = "/api/trips", endpoint = "update")]
pub async fn update_trip(
    id: String,
    /// The version the form was made from; saving over a newer one is refused.
    #[server(default)]
    version: String,
    #[server(flatten)] trip: TripDraft,
    /// `on` when the planned activities should move with a new first day (the checkbox).
    #[server(default)]
    shift_activities: Option<String>,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = as_the_core_reads(trip);
    let id = trip_id(&id)?;
    let mut changes = trip
        .validate_changes(shift_activities.is_some_and(|value| value.trim() == "on"))
        .map_err(|errors| failed(AppError::Invalid(errors)))?;
    changes.if_version = version.trim().parse::<i64>().ok();
    let db = context::db()?;
    let id = match service::update(&db, &actor, id, changes).await {
        Ok(id) => id,
        Err(TripError::Stale) => {
            let current = service::find(&db, &actor, id).await.map_err(failed)?;
            let last = domain::history::last_change(&db, id, None)
                .await
                .map_err(|error| failed(TripError::from(error)))?;
            let theirs = TripDraft::from(&current);
            return Err(super::conflict(
                last,
                &current.time_zone,
                &trip_labels(context::lang()),
                &theirs.fields(),
                &trip.fields(),
                current.version,
            ));
        }
        Err(error) => return Err(invalid(&trip)(error)),
    };
    session::flash(&tr!(context::lang(), "form-trip-saved")).await?;
    leptos_axum::redirect(&format!("/trips/{id}"));
    Ok(())
}

#[server(prefix = "/api/trips", endpoint = "delete")]
pub async fn delete_trip(id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let db = context::db()?;
    service::delete(&db, &actor, trip_id(&id)?, None)
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "form-trip-deleted")).await?;
    leptos_axum::redirect("/trips");
    Ok(())
}
