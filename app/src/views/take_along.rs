//! "Take it along": a calendar subscription, the trip's files and the trip pack, and the way to
//! import into the trip. Shown under a trip's plan; the calendar part also on the account page,
//! for the feed of all of a traveler's trips. Per traveler and per request (a new calendar
//! address is shown once), so never part of the trip overview the server keeps.

use i18n::{Language, tr};
use leptos::prelude::*;

use crate::{
    actions::feeds::{FeedView, MakeFeed, StopFeed, get_feed},
    context::lang,
    error::AppError,
    format::day_date,
    scaffold::{at_once, resource},
};

/// `webcal://host/…` for an `https://host/…` address: phones open it in their calendar app.
fn webcal(address: &str) -> String {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))
        .unwrap_or(address);
    format!("webcal://{rest}")
}

/// The calendar feed of a trip (`trip` its id) or of all the traveler's trips (`trip` empty).
#[component]
pub fn CalendarFeed(trip: String, heading_level: u8) -> impl IntoView {
    let l = lang();
    let make = ServerAction::<MakeFeed>::new();
    let stop = ServerAction::<StopFeed>::new();
    let feed = resource(
        {
            let trip = trip.clone();
            move || trip.clone()
        },
        get_feed,
    );
    let all = trip.is_empty();
    let heading = if heading_level == 2 {
        view! { <h2 id="calendar">{tr!(l, "takeaway-calendar")}</h2> }.into_any()
    } else {
        view! { <h3 id="calendar">{tr!(l, "takeaway-calendar")}</h3> }.into_any()
    };
    view! {
        <div class="feed">
            {heading}
            <Suspense fallback=move || view! { <p class="muted">{tr!(l, "loading")}</p> }>
                // One `Suspend`, not a closure making one: see `scaffold::Loaded`.
                {Suspend::new(async move {
                    match feed.await {
                        Ok(view) => at_once(feed_view(l, view, trip, all, make, stop)),
                        // The page around says it (a missing trip is the 404 page).
                        Err(AppError::NotFound) => ().into_any(),
                        Err(error) => view! { <p class="form-alert" role="alert">{error.message(crate::context::lang())}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The feed's part; `all`: the feed of all the traveler's trips (else of the trip `trip`).
fn feed_view(
    l: Language,
    view: FeedView,
    trip: String,
    all: bool,
    make: ServerAction<MakeFeed>,
    stop: ServerAction<StopFeed>,
) -> impl IntoView {
    let hidden_trip = {
        let trip = trip.clone();
        move || view! { <input type="hidden" name="trip" value=trip.clone()/> }
    };
    let make_form = move |label: String, secondary: bool| {
        let hidden_trip = {
            let trip = trip.clone();
            move || view! { <input type="hidden" name="trip" value=trip.clone()/> }
        };
        let class = if secondary {
            "button button--small button--secondary"
        } else {
            "button button--small"
        };
        view! {
            <ActionForm action=make attr:class="inline-form">
                {hidden_trip()}
                <button type="submit" class=class>{label}</button>
            </ActionForm>
        }
    };
    match (view.status, view.new_address) {
        (Some(_), Some(address)) => view! {
            <div class="feed__new" role="status">
                <p><strong>{tr!(l, "takeaway-feed-ready")}</strong>
                    " "{tr!(l, "takeaway-feed-once")}</p>
                <p>
                    <a class="button button--small" href=webcal(&address)>{tr!(l, "takeaway-feed-subscribe")}</a>
                </p>
                <label class="feed__label" for="feed-address">{tr!(l, "takeaway-feed-address")}</label>
                <div class="feed__copy">
                    <input id="feed-address" class="feed__address" type="text" readonly value=address.clone()/>
                    <button type="button" class="button button--small button--secondary" data-copy="feed-address"
                        data-copied-text=tr!(l, "js-copied") data-selected-text=tr!(l, "js-selected") hidden>{tr!(l, "takeaway-feed-copy")}</button>
                </div>
                <p class="muted" data-copied="feed-address" aria-live="polite"></p>
                <p class="muted">{if all { tr!(l, "takeaway-feed-anyone-all") } else { tr!(l, "takeaway-feed-anyone-trip") }}</p>
            </div>
        }
        .into_any(),
        (Some(status), None) => view! {
            <p>
                {
                    let date = day_date(l, status.created_at.date_naive());
                    if all {
                        tr!(l, "takeaway-feed-since-all", date = date)
                    } else {
                        tr!(l, "takeaway-feed-since-trip", date = date)
                    }
                }
            </p>
            <p class="muted">{tr!(l, "takeaway-feed-lost")}</p>
            <div class="feed__actions">
                {make_form(tr!(l, "takeaway-feed-renew"), true)}
                <ActionForm action=stop attr:class="inline-form">
                    {hidden_trip()}
                    <button type="submit" class="button button--small button--secondary">{tr!(l, "takeaway-feed-turn-off")}</button>
                </ActionForm>
            </div>
        }
        .into_any(),
        (None, _) => view! {
            <p>{if all { tr!(l, "takeaway-feed-intro-all") } else { tr!(l, "takeaway-feed-intro-trip") }}</p>
            <div class="feed__actions">{make_form(tr!(l, "takeaway-feed-make"), false)}</div>
        }
        .into_any(),
    }
}

/// Everything that takes the trip out of the app (and brings things in). Nothing for a trip
/// the traveler cannot reach: the page around it is the 404 page then.
#[component]
pub fn TakeAlong(trip: String) -> impl IntoView {
    let l = lang();
    let make = ServerAction::<MakeFeed>::new();
    let stop = ServerAction::<StopFeed>::new();
    let feed = resource(
        {
            let trip = trip.clone();
            move || trip.clone()
        },
        get_feed,
    );
    view! {
        <Suspense fallback=|| ()>
            // One `Suspend`, not a closure making one: see `scaffold::Loaded`.
            {Suspend::new(async move {
                match feed.await {
                    Ok(view) => at_once(take_along(l, view, trip, make, stop)),
                    Err(AppError::NotFound) => ().into_any(),
                    Err(error) => view! { <p class="form-alert" role="alert">{error.message(crate::context::lang())}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn take_along(
    l: Language,
    feed: FeedView,
    trip: String,
    make: ServerAction<MakeFeed>,
    stop: ServerAction<StopFeed>,
) -> impl IntoView {
    let file = |name: &str| format!("/trips/{trip}/{name}");
    let files = [
        (
            "trip-pack.html",
            tr!(l, "takeaway-file-pack"),
            tr!(l, "takeaway-file-pack-hint"),
        ),
        (
            "calendar.ics",
            tr!(l, "takeaway-file-ics"),
            tr!(l, "takeaway-file-ics-hint"),
        ),
        (
            "places.gpx",
            tr!(l, "takeaway-file-gpx"),
            tr!(l, "takeaway-file-gpx-hint"),
        ),
        (
            "places.kml",
            tr!(l, "takeaway-file-kml"),
            tr!(l, "takeaway-file-kml-hint"),
        ),
        (
            "activities.csv",
            tr!(l, "takeaway-file-activities"),
            tr!(l, "takeaway-file-activities-hint"),
        ),
        (
            "budget.csv",
            tr!(l, "takeaway-file-budget"),
            tr!(l, "takeaway-file-budget-hint"),
        ),
        (
            "trip.json",
            tr!(l, "takeaway-file-json"),
            tr!(l, "takeaway-file-json-hint"),
        ),
    ]
    .map(|(name, label, hint)| {
        view! {
            <li>
                <a href=file(name) download rel="external">{label}</a>
                <span class="muted">" — "{hint}</span>
            </li>
        }
    })
    .collect_view();
    let import = format!("/trips/{trip}/import");
    let can_import = feed.can_import;
    view! {
        <section class="take-along" id="take-along" aria-labelledby="take-along-heading">
            <h2 id="take-along-heading" class="section-title">{tr!(l, "takeaway-title")}</h2>
            <div class="feed">
                <h3 id="calendar">{tr!(l, "takeaway-calendar")}</h3>
                {feed_view(l, feed, trip, false, make, stop)}
            </div>
            <h3>{tr!(l, "takeaway-files")}</h3>
            <ul class="take-along__files">{files}</ul>
            {can_import
                .then(|| {
                    view! {
                        <h3>{tr!(l, "takeaway-bring-in")}</h3>
                        <p>
                            {tr!(l, "takeaway-bring-in-text")}" "
                            <a href=import>{tr!(l, "takeaway-bring-in-link")}</a>
                        </p>
                    }
                })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::webcal;

    #[test]
    fn webcal_addresses_keep_the_host_and_path() {
        assert_eq!(
            webcal("https://trips.example/feeds/abc.ics"),
            "webcal://trips.example/feeds/abc.ics"
        );
        assert_eq!(
            webcal("http://127.0.0.1:3000/feeds/a.ics"),
            "webcal://127.0.0.1:3000/feeds/a.ics"
        );
    }
}
