//! "Take it along": a calendar subscription, the trip's files and the trip pack, and the way to
//! import into the trip. Shown under a trip's plan; the calendar part also on the account page,
//! for the feed of all of a traveler's trips. Per traveler and per request (a new calendar
//! address is shown once), so never part of the trip overview the server keeps.

use leptos::prelude::*;

use crate::{
    actions::feeds::{FeedView, MakeFeed, StopFeed, get_feed},
    error::AppError,
    format::format_date,
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
    let make = ServerAction::<MakeFeed>::new();
    let stop = ServerAction::<StopFeed>::new();
    let feed = Resource::new(
        {
            let trip = trip.clone();
            move || trip.clone()
        },
        get_feed,
    );
    let what = if trip.is_empty() {
        "all your trips — the ones you plan later too"
    } else {
        "this trip"
    };
    let heading = if heading_level == 2 {
        view! { <h2 id="calendar">"Calendar"</h2> }.into_any()
    } else {
        view! { <h3 id="calendar">"Calendar"</h3> }.into_any()
    };
    view! {
        <div class="feed">
            {heading}
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    let trip = trip.clone();
                    Suspend::new(async move {
                        match feed.await {
                            Ok(view) => feed_view(view, trip, what, make, stop).into_any(),
                            // The page around says it (a missing trip is the 404 page).
                            Err(AppError::NotFound) => ().into_any(),
                            Err(error) => view! { <p class="form-alert" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

fn feed_view(
    view: FeedView,
    trip: String,
    what: &'static str,
    make: ServerAction<MakeFeed>,
    stop: ServerAction<StopFeed>,
) -> impl IntoView {
    let hidden_trip = {
        let trip = trip.clone();
        move || view! { <input type="hidden" name="trip" value=trip.clone()/> }
    };
    let make_form = move |label: &'static str, secondary: bool| {
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
                <p><strong>"Your calendar address is ready."</strong>
                    " Subscribe with it now: for your safety we show it only this once."</p>
                <p>
                    <a class="button button--small" href=webcal(&address)>"Subscribe in my calendar app"</a>
                </p>
                <label class="feed__label" for="feed-address">"Calendar address (for Google Calendar, Outlook and other apps: “add calendar from URL”)"</label>
                <div class="feed__copy">
                    <input id="feed-address" class="feed__address" type="text" readonly value=address.clone()/>
                    <button type="button" class="button button--small button--secondary" data-copy="feed-address" hidden>"Copy"</button>
                </div>
                <p class="muted" data-copied="feed-address" aria-live="polite"></p>
                <p class="muted">"Anyone with this address can see "{what}". Keep it to yourself; you can turn it off at any time."</p>
            </div>
        }
        .into_any(),
        (Some(status), None) => view! {
            <p>
                "Your calendar app follows "{what}" since "{format_date(status.created_at.date_naive())}
                ", and picks up changes within the hour."
            </p>
            <p class="muted">"We show the address only when it is made. Lost it? Make a new one — the old one stops working."</p>
            <div class="feed__actions">
                {make_form("Make a new address", true)}
                <ActionForm action=stop attr:class="inline-form">
                    {hidden_trip()}
                    <button type="submit" class="button button--small button--secondary">"Turn off"</button>
                </ActionForm>
            </div>
        }
        .into_any(),
        (None, _) => view! {
            <p>"See "{what}" in your phone’s calendar: subscribe once, and changes to the plan show up by themselves."</p>
            <div class="feed__actions">{make_form("Make a calendar address", false)}</div>
        }
        .into_any(),
    }
}

/// Everything that takes the trip out of the app (and brings things in). Nothing for a trip
/// the traveler cannot reach: the page around it is the 404 page then.
#[component]
pub fn TakeAlong(trip: String) -> impl IntoView {
    let make = ServerAction::<MakeFeed>::new();
    let stop = ServerAction::<StopFeed>::new();
    let feed = Resource::new(
        {
            let trip = trip.clone();
            move || trip.clone()
        },
        get_feed,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let trip = trip.clone();
                Suspend::new(async move {
                    match feed.await {
                        Ok(view) => take_along(view, trip, make, stop).into_any(),
                        Err(AppError::NotFound) => ().into_any(),
                        Err(error) => view! { <p class="form-alert" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn take_along(
    feed: FeedView,
    trip: String,
    make: ServerAction<MakeFeed>,
    stop: ServerAction<StopFeed>,
) -> impl IntoView {
    let file = |name: &str| format!("/trips/{trip}/{name}");
    let files = [
        (
            "trip-pack.html",
            "Trip pack",
            "the whole trip as one page to keep on your phone or print; opens without a connection",
        ),
        (
            "calendar.ics",
            "Calendar file (.ics)",
            "a one-time copy of the plan for any calendar app",
        ),
        (
            "places.gpx",
            "Places (GPX)",
            "for map and hiking apps: the places, and each day’s route",
        ),
        ("places.kml", "Places (KML)", "for Google Earth and My Maps"),
        (
            "activities.csv",
            "Activities (CSV)",
            "for spreadsheets: day, times, place, kind, cost",
        ),
        (
            "budget.csv",
            "Budget (CSV)",
            "for spreadsheets: costs by day and kind",
        ),
        (
            "trip.json",
            "Everything (JSON)",
            "to import into Travel Planner again",
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
            <h2 id="take-along-heading" class="section-title">"Take it along"</h2>
            <div class="feed">
                <h3 id="calendar">"Calendar"</h3>
                {feed_view(feed, trip, "this trip", make, stop)}
            </div>
            <h3>"Files"</h3>
            <ul class="take-along__files">{files}</ul>
            {can_import
                .then(|| {
                    view! {
                        <h3>"Bring things in"</h3>
                        <p>
                            "Add events from a calendar file, or places from a GPX or KML file. "
                            <a href=import>"Import into this trip…"</a>
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
