//! Bringing files in: trips from a Travel Planner JSON export (`/trips/import`), and calendar
//! events or GPX/KML places into a trip (`/trips/{id}/import`). The forms send the file to
//! the server's upload routes; a file with problems comes back here with each one listed.

use domain::trips::model::Trip;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::imports::{ImportPage, get_import_page},
    format::format_date,
    scaffold::{not_found_or, route_param},
};

/// The largest file, as people read it.
const SIZE_LIMIT: &str = "768 KB";

#[component]
fn Problems(problems: Vec<String>) -> impl IntoView {
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
                <p><strong>"Nothing was imported: the file has problems."</strong>" Fix them and send it again."</p>
                <ul>{items}</ul>
                {(more > 0).then(|| view! { <p>{format!("…and {more} more.")}</p> })}
            </div>
        }
    })
}

#[component]
pub fn ImportTripsPage() -> impl IntoView {
    let page = Resource::new(|| (), |()| get_import_page(String::new()));
    view! {
        <Title text="Import trips"/>
        <section class="form-page" aria-labelledby="import-heading">
            <p class="back-link"><a href="/trips">"← All trips"</a></p>
            <h1 id="import-heading">"Import trips"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(ImportPage { problems, .. }) => view! {
                            <Problems problems/>
                            <p>"Choose a JSON file exported from Travel Planner — a trip’s “Everything (JSON)” file, or “Download my data” from your account. Each trip in it becomes a new trip of yours; nothing you have changes."</p>
                            <form class="form" method="post" action="/trips/import/upload" enctype="multipart/form-data">
                                <div class="field">
                                    <label for="import-file">"File"</label>
                                    <input id="import-file" type="file" name="file" required accept=".json,application/json" aria-describedby="import-file-hint"/>
                                    <p class="field__hint" id="import-file-hint">{format!("Up to {SIZE_LIMIT}.")}</p>
                                </div>
                                <div class="form__actions">
                                    <button class="button" type="submit">"Import"</button>
                                    <a class="button button--ghost" href="/trips">"Cancel"</a>
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
    let id = route_param("id");
    let page = Resource::new(move || id.get(), get_import_page);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(ImportPage { trip: Some(trip), problems }) => into_trip(trip, problems).into_any(),
                    Ok(_) => not_found_or(crate::error::AppError::NotFound),
                    Err(error) => not_found_or(error),
                }
            })}
        </Suspense>
    }
}

fn into_trip(trip: Trip, problems: Vec<String>) -> impl IntoView {
    let back = format!("/trips/{}", trip.id);
    let action = format!("/trips/{}/import/upload", trip.id);
    let days = trip
        .start_date
        .iter_days()
        .take_while(|day| *day <= trip.end_date)
        .enumerate()
        .map(|(index, day)| {
            view! { <option value=day.to_string()>{format!("Day {} · {}", index + 1, format_date(day))}</option> }
        })
        .collect_view();
    view! {
        <Title text=format!("Import into {}", trip.name)/>
        <section class="form-page" aria-labelledby="import-heading">
            <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
            <h1 id="import-heading">{format!("Import into “{}”", trip.name)}</h1>
            <Problems problems/>
            <p>"Events from a calendar file (.ics) become activities at their times in this trip’s time zone; events on other days are left out. Places from a GPX or KML file are added to the day you choose."</p>
            <form class="form" method="post" action=action enctype="multipart/form-data">
                <div class="field">
                    <label for="import-file">"File"</label>
                    <input id="import-file" type="file" name="file" required accept=".ics,.gpx,.kml,text/calendar,application/gpx+xml,application/vnd.google-earth.kml+xml" aria-describedby="import-file-hint"/>
                    <p class="field__hint" id="import-file-hint">{format!("A calendar (.ics), GPX or KML file, up to {SIZE_LIMIT}.")}</p>
                </div>
                <div class="field">
                    <label for="import-day">"Day for places"</label>
                    <select id="import-day" name="day" aria-describedby="import-day-hint">{days}</select>
                    <p class="field__hint" id="import-day-hint">"GPX and KML places go to this day. Calendar events keep their own days."</p>
                </div>
                <div class="form__actions">
                    <button class="button" type="submit">"Import"</button>
                    <a class="button button--ghost" href=back>"Cancel"</a>
                </div>
            </form>
        </section>
    }
}
