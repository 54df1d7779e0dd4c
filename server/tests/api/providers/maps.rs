//! The trip and day pages' map: the SVG sketch and the list of places (what works without
//! JavaScript), the interactive map's script and tiles only where a map is shown, and the way
//! between consecutive places of a day.

use super::{app_with, day, fake, lisbon, page_until, plan, traveler, visit};
use crate::helpers::spawn_app;

const BELEM: (f64, f64) = (38.6916, -9.2160);
const JERONIMOS: (f64, f64) = (38.6979, -9.2068);
const ALFAMA: (f64, f64) = (38.7114, -9.1305);

#[tokio::test]
async fn the_trip_page_numbers_the_places_and_draws_them_without_javascript() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| {
        settings.providers.routing_foot_url = None;
        settings.providers.routing_car_url = None;
    })
    .await;
    let (cookie, owner) = traveler(&app).await;
    let (first, second) = (day(30), day(31));
    let trip = plan(
        &app,
        owner,
        &lisbon(30, 32),
        &[
            visit(&first, "10:00", "Torre de Belém", Some(BELEM)),
            visit(&first, "12:00", "Jerónimos", Some(JERONIMOS)),
            visit(&first, "15:00", "Coffee break", None),
            visit(&second, "09:00", "Alfama walk", Some(ALFAMA)),
        ],
    )
    .await;
    let response = app
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await;
    let csp = response
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        response.headers().get("x-travel-planner-map").is_none(),
        "the internal marker never leaves"
    );
    let html = response.text().await.unwrap();

    // The sketch: three numbered dots, day 1's joined by a line, and the destination.
    assert!(html.contains(r#"class="map-sketch""#), "{html}");
    assert_eq!(html.matches(r#"<g class="map-dot "#).count(), 3, "{html}");
    assert_eq!(
        html.matches(r#"class="map-line map-day-0""#).count(),
        1,
        "{html}"
    );
    assert!(html.contains("Sketch map of the trip: 3 places"), "{html}");
    assert!(html.contains(r#"class="map-destination""#), "{html}");
    // Each place opens in OpenStreetMap and in a phone's map app.
    assert!(
        html.contains("https://www.openstreetmap.org/?mlat=38.69160&amp;mlon=-9.21600#map=17/38.69160/-9.21600"),
        "{html}"
    );
    assert!(html.contains(r#"href="geo:38.71140,-9.13050""#), "{html}");
    // The plan shows the same numbers, and the straight-line distance from the day's last place.
    assert!(html.contains("Number 2 on the map"), "{html}");
    assert!(
        html.contains("1.1 km from “Torre de Belém” in a straight line"),
        "{html}"
    );
    assert!(
        !html.contains("from “Jerónimos”"),
        "the next day starts afresh: {html}"
    );

    // The interactive map: tiles, their credit and Leaflet's place, for the map script.
    let tiles = fake.url("/tiles/{z}/{x}/{y}");
    assert!(html.contains(&format!(r#"data-tiles="{tiles}""#)), "{html}");
    assert!(html.contains(r#"data-max-zoom="18""#), "{html}");
    assert!(html.contains("© Test Tiles"), "{html}");
    assert!(html.contains(r#"<script src="/map.js?v="#), "{html}");
    assert!(
        !html.contains("leaflet.js"),
        "Leaflet loads only when the map opens: {html}"
    );
    let origin = fake.url("");
    assert!(
        csp.contains(&format!("img-src 'self' data: {origin}")),
        "{csp}"
    );

    // A page without a map allows no tile server and loads no map script.
    let list = app.get_with_cookie("/trips", &cookie).await;
    let list_csp = list.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(!list_csp.contains(&origin), "{list_csp}");
    let list = list.text().await.unwrap();
    assert!(
        !list.contains("map.js") && !list.contains("map-sketch"),
        "{list}"
    );

    // The day page: only its own places, numbered from 1 for the day.
    let day_page = app
        .get_with_cookie(&format!("/trips/{trip}/days/{second}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        day_page.contains("Sketch map of the day: 1 place"),
        "{day_page}"
    );
    assert!(
        day_page.contains(r#"data-number="1" data-day="1" data-title="Alfama walk""#),
        "{day_page}"
    );
    assert!(!day_page.contains("Number 2 on the map"), "{day_page}");
    assert!(!day_page.contains("Jerónimos"), "{day_page}");
}

#[tokio::test]
async fn with_a_routing_provider_the_plan_warns_when_the_gap_is_too_short() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| settings.providers.routing_car_url = None).await;
    let (cookie, owner) = traveler(&app).await;
    let first = day(30);
    let trip = plan(
        &app,
        owner,
        &lisbon(30, 31),
        &[
            visit(&first, "10:00", "Torre de Belém", Some(BELEM)),
            visit(&first, "10:10", "Jerónimos", Some(JERONIMOS)),
        ],
    )
    .await;
    // The first view has no travel time yet (pages never wait): the refresher fetches it.
    let path = format!("/trips/{trip}");
    let html = page_until(&app, &cookie, &path, 10, |html| html.contains("on foot")).await;
    assert!(
        html.contains("1.1 km from “Torre de Belém” · about 20 min on foot"),
        "{html}"
    );
    assert!(
        html.contains(
            "Only 10 min after “Torre de Belém”, but getting here takes about 20 min on foot."
        ),
        "{html}"
    );
    let asked = fake.seen_at("/route/v1/foot/");
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0]
            .path
            .ends_with("-9.21600,38.69160;-9.20680,38.69790"),
        "{}",
        asked[0].path
    );
    assert!(fake.seen_at("/route/v1/driving/").is_empty());
}

#[tokio::test]
async fn without_tiles_the_sketch_stays_and_without_places_there_is_no_map() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| settings.providers.tiles = None).await;
    let (cookie, owner) = traveler(&app).await;
    let first = day(30);
    let trip = plan(
        &app,
        owner,
        &lisbon(30, 31),
        &[visit(&first, "10:00", "Torre de Belém", Some(BELEM))],
    )
    .await;
    let response = app
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"class="map-sketch""#), "{html}");
    assert!(
        !html.contains("data-tiles") && !html.contains("map.js"),
        "{html}"
    );
    assert!(!csp.contains(&fake.url("")), "{csp}");

    // A trip with no position at all shows no map, and nothing errs.
    let plain = spawn_app().await;
    let (cookie, owner) = traveler(&plain).await;
    let mut draft = lisbon(30, 31);
    draft.latitude.clear();
    draft.longitude.clear();
    draft.place_name.clear();
    draft.place_address.clear();
    draft.place_ref.clear();
    let trip = plan(
        &plain,
        owner,
        &draft,
        &[visit(&first, "10:00", "Somewhere", None)],
    )
    .await;
    let response = plain
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await;
    assert_eq!(response.status(), 200);
    assert!(!response.text().await.unwrap().contains("map-sketch"));
}

#[tokio::test]
async fn a_share_link_shows_the_plan_without_the_map_or_the_weather() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let first = day(1);
    let trip = plan(
        &app,
        owner,
        &lisbon(1, 2),
        &[visit(&first, "10:00", "Torre de Belém", Some(BELEM))],
    )
    .await;
    // The owner's page has the map and, once fetched, the weather.
    let own = page_until(&app, &cookie, &format!("/trips/{trip}"), 10, |html| {
        html.contains("day__weather--forecast")
    })
    .await;
    assert!(
        own.contains("map-sketch") && own.contains("day__weather--forecast"),
        "{own}"
    );

    let (token, _) = domain::sharing::create(
        &app.db,
        &domain::access::Actor::signed_in(owner.into()),
        trip.parse().unwrap(),
        domain::sharing::Shown::default(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let response = app.get(&format!("/shared/{token}")).await;
    assert_eq!(response.status(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let shared = response.text().await.unwrap();
    assert!(
        shared.contains("Torre de Belém"),
        "the plan is there: {shared}"
    );
    for hidden in [
        "map-sketch",
        "map.js",
        "geo:",
        "openstreetmap.org/?mlat",
        "day__weather",
        "Find a place",
    ] {
        assert!(!shared.contains(hidden), "{hidden}: {shared}");
    }
    assert!(!csp.contains(&fake.url("")), "{csp}");
}
