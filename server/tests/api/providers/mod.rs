//! Places, maps and weather against local fake providers (`fake`): what travelers see, and how
//! the one HTTP client behaves when a provider is slow, down, busy or talking nonsense.

mod fake;
mod maps;
mod places;
mod resilience;
mod weather;

use std::time::Duration;

use chrono::{NaiveDate, TimeDelta, Utc};
use domain::{itinerary::model::ActivityDraft, trips::model::TripDraft};
use server::config::{
    Settings,
    providers::{PlacesApi, PlacesSettings, TileSettings},
};
use uuid::Uuid;

use self::fake::Fake;
use crate::helpers::{PASSWORD, TestApp, spawn_app_with, unique_email};

/// Points every provider at `fake`, with limits short enough for tests.
pub fn use_fake(settings: &mut Settings, fake: &Fake) {
    let providers = &mut settings.providers;
    providers.contact = Some("ops@example.org".into());
    providers.places = Some(PlacesSettings {
        url: fake.url(""),
        api: PlacesApi::Nominatim,
        min_interval: Duration::ZERO,
    });
    providers.tiles = Some(TileSettings {
        url_template: fake.url("/tiles/{z}/{x}/{y}"),
        attribution: "© Test Tiles".into(),
        attribution_url: "https://tiles.example.org/copyright".into(),
        max_zoom: 18,
    });
    providers.weather_forecast_url = Some(fake.url("/forecast"));
    providers.weather_archive_url = Some(fake.url("/archive"));
    providers.weather_min_interval = Duration::ZERO;
    providers.routing_foot_url = Some(fake.url(""));
    providers.routing_car_url = Some(fake.url(""));
    providers.routing_min_interval = Duration::ZERO;
    providers.request_timeout = Duration::from_secs(2);
    providers.search_timeout = Duration::from_secs(3);
    providers.retries = 2;
    providers.retry_base = Duration::from_millis(20);
    providers.breaker_failures = 3;
    providers.breaker_cooldown = Duration::from_millis(400);
}

/// An app whose providers are `fake`, after `adjust`.
pub async fn app_with(fake: &Fake, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let fake = fake.clone();
    spawn_app_with(move |settings| {
        use_fake(settings, &fake);
        adjust(settings);
    })
    .await
}

/// A signed-up traveler: session cookie and id.
pub async fn traveler(app: &TestApp) -> (String, Uuid) {
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let id = app.user_id(&email).await;
    (cookie, id)
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// `today` moved by `days`, as a form writes it.
pub fn day(days: i64) -> String {
    (today() + TimeDelta::days(days)).to_string()
}

/// A trip to Lisbon from `first` to `last` (days from today), its destination on the map.
pub fn lisbon(first: i64, last: i64) -> TripDraft {
    TripDraft {
        name: "Lisbon in spring".into(),
        destination: "Lisbon, Portugal".into(),
        start_date: day(first),
        end_date: day(last),
        time_zone: "Europe/Lisbon".into(),
        currency: "EUR".into(),
        place_name: "Lisboa".into(),
        place_address: "Portugal".into(),
        place_ref: "osm:relation/5400890".into(),
        latitude: "38.7223".into(),
        longitude: "-9.1393".into(),
        ..TripDraft::default()
    }
}

/// An activity on `day` at `time` at a place, if given.
pub fn visit(day: &str, time: &str, title: &str, at: Option<(f64, f64)>) -> ActivityDraft {
    ActivityDraft {
        day: day.into(),
        start_time: time.into(),
        title: title.into(),
        category: "sight".into(),
        latitude: at.map(|p| p.0.to_string()).unwrap_or_default(),
        longitude: at.map(|p| p.1.to_string()).unwrap_or_default(),
        place_name: at.map(|_| format!("{title} (place)")).unwrap_or_default(),
        ..ActivityDraft::default()
    }
}

/// Creates `trip` with `activities` for `owner`; returns the trip's id.
pub async fn plan(
    app: &TestApp,
    owner: Uuid,
    trip: &TripDraft,
    activities: &[ActivityDraft],
) -> String {
    let created = crate::core::create_trip(&app.db, owner, trip)
        .await
        .unwrap();
    let id = created.id.to_string();
    for activity in activities {
        crate::core::add_activity(&app.db, owner, &id, activity)
            .await
            .unwrap();
    }
    id
}

/// The page at `path` as text, until `done` holds for it (at most `seconds`).
pub async fn page_until(
    app: &TestApp,
    cookie: &str,
    path: &str,
    seconds: u64,
    done: impl Fn(&str) -> bool,
) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
    loop {
        let html = app
            .get_with_cookie(path, cookie)
            .await
            .text()
            .await
            .unwrap();
        if done(&html) || std::time::Instant::now() > deadline {
            return html;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
