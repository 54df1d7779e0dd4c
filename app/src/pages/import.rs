//! Bringing files in: trips from a Travel Planner JSON export (`/trips/import`), and calendar
//! events or GPX/KML places into a trip (`/trips/{id}/import`). The forms send the file to
//! the server's upload routes; a file with problems comes back here with each one listed.

use domain::trips::model::Trip;
use i18n::{Language, tr};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::imports::{ImportPage, get_import_page},
    context::lang,
    format::day_date,
    scaffold::{not_found_or, resource, route_param},
};

/// The largest file in KB, as people read it.
const SIZE_LIMIT_KB: u32 = 768;

#[component]
fn Problems(problems: Vec<String>) -> impl IntoView {
    let l = lang();
    (!problems.is_empty()).then(|| {
        let shown = problems.len().min(domain::takeaway::import::PROBLEMS_SHOWN);
        let more = problems.len() - shown;
        let items = problems
            .into_iter()
            .take(shown)
            .map(|problem| view! { <li>{problem}</li> })
            .collect_view();
        view! {
            <div class="form-alert import-problems" role="alert" id="import-problems" tabindex="-1">
                <p><strong>{tr!(l, "takeaway-import-failed")}</strong>" "{tr!(l, "takeaway-import-fix")}</p>
                <ul>{items}</ul>
                {(more > 0).then(|| view! { <p>{tr!(l, "takeaway-import-more", count = more)}</p> })}
            </div>
        }
    })
}

#[component]
pub fn ImportTripsPage() -> impl IntoView {
    let l = lang();
    let page = resource(|| (), |()| get_import_page(String::new()));
    view! {
        <Title text=tr!(l, "takeaway-import-trips")/>
        <section class="form-page" aria-labelledby="import-heading">
            <p class="back-link"><a href="/trips">{tr!(l, "takeaway-import-all-trips")}</a></p>
            <h1 id="import-heading">{tr!(l, "takeaway-import-trips")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{tr!(l, "loading")}</p> }>
                {Suspend::new(async move {
                    match page.await {
                        Ok(ImportPage { problems, .. }) => view! {
                            <Problems problems/>
                            <p>{tr!(l, "takeaway-import-trips-text")}</p>
                            <form class="form" method="post" action="/trips/import/upload" enctype="multipart/form-data">
                                <div class="field">
                                    <label for="import-file">{tr!(l, "takeaway-import-file")}</label>
                                    <input id="import-file" type="file" name="file" required accept=".json,application/json" aria-describedby="import-file-hint"/>
                                    <p class="field__hint" id="import-file-hint">{tr!(l, "takeaway-import-up-to", kb = SIZE_LIMIT_KB)}</p>
                                </div>
                                <div class="form__actions">
                                    <button class="button" type="submit">{tr!(l, "takeaway-import-submit")}</button>
                                    <a class="button button--ghost" href="/trips">{tr!(l, "takeaway-import-cancel")}</a>
                                </div>
                            </form>
                        }.into_any(),
                        Err(error) => not_found_or(error),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ImportIntoTripPage() -> impl IntoView {
    let l = lang();
    let id = route_param("id");
    let page = resource(move || id.get(), get_import_page);
    view! {
        <Suspense fallback=move || view! { <p class="muted">{tr!(l, "loading")}</p> }>
            {Suspend::new(async move {
                match page.await {
                    Ok(ImportPage { trip: Some(trip), problems }) => into_trip(l, trip, problems).into_any(),
                    Ok(_) => not_found_or(crate::error::AppError::NotFound),
                    Err(error) => not_found_or(error),
                }
            })}
        </Suspense>
    }
}

fn into_trip(l: Language, trip: Trip, problems: Vec<String>) -> impl IntoView {
    let back = format!("/trips/{}", trip.id);
    let action = format!("/trips/{}/import/upload", trip.id);
    let days = trip
        .start_date
        .iter_days()
        .take_while(|day| *day <= trip.end_date)
        .enumerate()
        .map(|(index, day)| {
            view! { <option value=day.to_string()>{tr!(l, "takeaway-import-day-option", number = index + 1, date = day_date(l, day))}</option> }
        })
        .collect_view();
    view! {
        <Title text=tr!(l, "takeaway-import-into-title", trip = trip.name.as_str())/>
        <section class="form-page" aria-labelledby="import-heading">
            <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
            <h1 id="import-heading">{tr!(l, "takeaway-import-into", trip = trip.name.as_str())}</h1>
            <Problems problems/>
            <p>{tr!(l, "takeaway-import-into-text")}</p>
            <form class="form" method="post" action=action enctype="multipart/form-data">
                <div class="field">
                    <label for="import-file">{tr!(l, "takeaway-import-file")}</label>
                    <input id="import-file" type="file" name="file" required accept=".ics,.gpx,.kml,text/calendar,application/gpx+xml,application/vnd.google-earth.kml+xml" aria-describedby="import-file-hint"/>
                    <p class="field__hint" id="import-file-hint">{tr!(l, "takeaway-import-kinds", kb = SIZE_LIMIT_KB)}</p>
                </div>
                <div class="field">
                    <label for="import-day">{tr!(l, "takeaway-import-day")}</label>
                    <select id="import-day" name="day" aria-describedby="import-day-hint">{days}</select>
                    <p class="field__hint" id="import-day-hint">{tr!(l, "takeaway-import-day-hint")}</p>
                </div>
                <div class="form__actions">
                    <button class="button" type="submit">{tr!(l, "takeaway-import-submit")}</button>
                    <a class="button button--ghost" href=back>{tr!(l, "takeaway-import-cancel")}</a>
                </div>
            </form>
        </section>
    }
}
