//! Finding a place and putting it on an activity or a trip: the search page, the shared cache,
//! the form carried through the search, picking, saving.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{app_with, day, fake, lisbon, plan, traveler};
use crate::helpers::{spawn_app, spawn_app_with};

/// `pairs` as a query string.
pub fn query(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn places_url(trip: &str, q: &str) -> String {
    format!(
        "/trips/{trip}/places?{}",
        query(&[("return", "new"), ("q", q)])
    )
}

#[tokio::test]
async fn a_search_shows_the_places_found_and_asks_the_provider_once() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 33), &[]).await;

    let html = app
        .get_with_cookie(&places_url(&trip, "Torre de Belém"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("2 places found"), "{html}");
    assert!(html.contains("<strong>Torre de Belém</strong>"), "{html}");
    assert!(
        html.contains("Avenida Brasília, Belém, Lisboa, Portugal"),
        "{html}"
    );
    assert!(
        html.contains(r#"name="pick" value="osm:way/8184476""#),
        "{html}"
    );
    assert!(
        !html.contains("Broken"),
        "a result without a position is left out"
    );
    assert!(
        html.contains("© OpenStreetMap contributors"),
        "attribution: {html}"
    );

    let asked = fake.seen_at("/search");
    assert_eq!(asked.len(), 1);
    let request = &asked[0];
    assert_eq!(request.param("q"), Some("Torre de Belém"));
    assert_eq!(request.param("format"), Some("jsonv2"));
    // Near the trip (to rank its town first), but no closer than a tenth of a degree.
    assert_eq!(request.param("viewbox"), Some("-9.6,39.2,-8.6,38.2"));
    assert!(
        request.user_agent.starts_with("travel-planner/")
            && request.user_agent.contains("ops@example.org"),
        "identifying User-Agent: {}",
        request.user_agent
    );

    // The same search again (spacing and case aside): from the cache.
    let again = app
        .get_with_cookie(&places_url(&trip, "  torre DE belém "), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(again.contains("2 places found"), "{again}");
    assert_eq!(fake.seen_at("/search").len(), 1, "answered from the cache");

    // Shared by every instance on the database, and by every traveler.
    let other = crate::helpers::spawn_app_with({
        let fake = fake.clone();
        let url = app.database_url.clone();
        move |settings| {
            super::use_fake(settings, &fake);
            settings.database_url = url.into();
        }
    })
    .await;
    let (stranger, stranger_id) = traveler(&other).await;
    let their_trip = plan(&other, stranger_id, &lisbon(30, 33), &[]).await;
    let theirs = other
        .get_with_cookie(&places_url(&their_trip, "Torre de Belém"), &stranger)
        .await
        .text()
        .await
        .unwrap();
    assert!(theirs.contains("2 places found"), "{theirs}");
    assert_eq!(
        fake.seen_at("/search").len(),
        1,
        "the other instance used the cache"
    );

    // The cache never holds what anyone searched for.
    let rows = domain::entities::place_searches::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].key.contains("Bel") && !rows[0].results.contains("Bel"));
}

#[tokio::test]
async fn searching_needs_the_trip_and_two_letters() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 33), &[]).await;
    let (stranger, _) = traveler(&app).await;

    let theirs = app
        .get_with_cookie(&places_url(&trip, "Belém"), &stranger)
        .await;
    assert_eq!(theirs.status(), 404, "another traveler's trip is not found");
    // A viewer of the trip has no plan to put a place on: refused, nothing asked.
    let (viewer, viewer_id) = traveler(&app).await;
    {
        use sea_orm::{ActiveModelTrait, Set};
        domain::entities::trip_members::ActiveModel {
            trip_id: Set(trip.parse().unwrap()),
            user_id: Set(viewer_id),
            role: Set("viewer".into()),
            joined_at: Set(chrono::Utc::now()),
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let page = app
        .get_with_cookie(&format!("/trips/{trip}"), &viewer)
        .await;
    assert_eq!(page.status(), 200, "the viewer reads the trip");
    let refused = app
        .get_with_cookie(&places_url(&trip, "Belém"), &viewer)
        .await;
    assert_eq!(refused.status(), 403);
    let short = app
        .get_with_cookie(&places_url(&trip, " b "), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(short.contains("Type at least 2 letters"), "{short}");
    let empty = app
        .get_with_cookie(&format!("/trips/{trip}/places"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        empty.contains("Search for the place by its name"),
        "{empty}"
    );
    assert!(fake.seen_at("/search").is_empty(), "nothing was asked");
    let visitor = app.get(&places_url(&trip, "Belém")).await;
    assert_eq!(visitor.status(), 303, "visitors are sent to log in");
}

#[tokio::test]
async fn the_form_travels_through_the_search_and_comes_back_with_the_place() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 33), &[]).await;
    let first = day(31);

    // What the new-activity form sends when its Search button is pressed (a GET).
    let sent = query(&[
        ("trip_id", trip.as_str()),
        ("title", ""),
        ("day", first.as_str()),
        ("start_time", "10:00"),
        ("category", "food"),
        ("cost", "12.50"),
        ("description", "Custard tarts & coffee"),
        ("q", "Pastéis de Belém"),
        ("return", "new"),
    ]);
    let results = app
        .get_with_cookie(&format!("/trips/{trip}/places?{sent}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        results.contains(r#"name="cost" value="12.50""#),
        "{results}"
    );
    assert!(
        results.contains(r#"name="description" value="Custard tarts &amp; coffee""#),
        "{results}"
    );
    assert!(
        !results.contains(r#"name="trip_id""#),
        "only the form's own fields travel"
    );

    // "Use this place": back to the form, everything as it was, the place on it.
    let back = query(&[
        ("title", ""),
        ("day", first.as_str()),
        ("start_time", "10:00"),
        ("category", "food"),
        ("cost", "12.50"),
        ("description", "Custard tarts & coffee"),
        ("pick", "osm:node/1234567"),
    ]);
    let form = app
        .get_with_cookie(&format!("/trips/{trip}/activities/new?{back}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("“Pastéis de Belém Café” is on the form below. Save to keep it."),
        "{form}"
    );
    assert!(
        form.contains(r#"value="Pastéis de Belém Café""#),
        "the place names the activity: {form}"
    );
    assert!(
        form.contains(r#"name="place_ref" value="osm:node/1234567""#),
        "{form}"
    );
    assert!(form.contains(r#"value="12.50""#), "{form}");
    assert!(
        form.contains(">Custard tarts & coffee</textarea>"),
        "{form}"
    );

    // Saving keeps the place: name, address, position, provider id.
    let saved = app
        .post_form(
            "/api/itinerary/create",
            &[
                ("trip_id", trip.as_str()),
                ("title", "Pastéis de Belém Café"),
                ("day", first.as_str()),
                ("category", "food"),
                ("place_name", "Pastéis de Belém Café"),
                ("place_address", "Rua de Belém 84, Lisboa, Portugal"),
                ("place_ref", "osm:node/1234567"),
                ("latitude", "38.6975"),
                ("longitude", "-9.2032"),
            ],
            Some(&cookie),
        )
        .await;
    assert!(saved.status().is_success(), "{}", saved.status());
    let row = domain::entities::activities::Entity::find()
        .filter(
            domain::entities::activities::Column::TripId.eq(trip.parse::<uuid::Uuid>().unwrap()),
        )
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.place_ref, "osm:node/1234567");
    assert_eq!(row.place_address, "Rua de Belém 84, Lisboa, Portugal");
    assert_eq!(row.latitude, Some(38.6975));

    // A pick that is not in the cache is not believed.
    let stale = app
        .get_with_cookie(
            &format!("/trips/{trip}/activities/new?pick=osm:node/999"),
            &cookie,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        stale.contains("That search result is no longer available"),
        "{stale}"
    );
}

#[tokio::test]
async fn a_trip_destination_is_picked_and_removed() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let mut draft = lisbon(30, 33);
    draft.place_name.clear();
    draft.place_address.clear();
    draft.place_ref.clear();
    draft.latitude.clear();
    draft.longitude.clear();
    let trip = plan(&app, owner, &draft, &[]).await;

    // The trip page offers to find the destination, by its name.
    let page = app
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!(
            r#"href="/trips/{trip}/places?return=trip&amp;q=Lisbon%2C+Portugal""#
        )),
        "{page}"
    );
    app.get_with_cookie(
        &format!("/trips/{trip}/places?return=trip&q=Lisboa"),
        &cookie,
    )
    .await;
    let form = app
        .get_with_cookie(&format!("/trips/{trip}/edit?pick=osm:way/8184476"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains(r#"name="place_name" value="Lisboa""#),
        "{form}"
    );
    assert!(
        form.contains(r#"value="Lisbon, Portugal""#),
        "the destination typed stays: {form}"
    );

    let mut fields = vec![
        ("id", trip.clone()),
        ("name", draft.name.clone()),
        ("destination", draft.destination.clone()),
        ("start_date", draft.start_date.clone()),
        ("end_date", draft.end_date.clone()),
        ("time_zone", draft.time_zone.clone()),
        ("currency", draft.currency.clone()),
        ("place_name", "Lisboa".into()),
        (
            "place_address",
            "Avenida Brasília, Belém, Lisboa, Portugal".into(),
        ),
        ("place_ref", "osm:way/8184476".into()),
        ("latitude", "38.6915837".into()),
        ("longitude", "-9.2159689".into()),
    ];
    let body: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = app
        .post_form("/api/trips/update", &body, Some(&cookie))
        .await;
    assert!(saved.status().is_success(), "{}", saved.status());
    let found = crate::core::find_trip(&app.db, owner, &trip).await.unwrap();
    assert_eq!(found.place_ref, "osm:way/8184476");
    assert_eq!(found.latitude, Some(38.6915837));

    fields.push(("remove_place", "on".into()));
    let body: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let removed = app
        .post_form("/api/trips/update", &body, Some(&cookie))
        .await;
    assert!(removed.status().is_success(), "{}", removed.status());
    let found = crate::core::find_trip(&app.db, owner, &trip).await.unwrap();
    assert_eq!((found.place_name.as_str(), found.latitude), ("", None));
}

#[tokio::test]
async fn a_photon_server_works_the_same() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| {
        if let Some(places) = &mut settings.providers.places {
            places.api = server::config::providers::PlacesApi::Photon;
        }
    })
    .await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 33), &[]).await;
    let html = app
        .get_with_cookie(&places_url(&trip, "Pastéis de Belém"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("1 place found"), "{html}");
    assert!(html.contains("Rua de Belém 84, Lisboa, Portugal"), "{html}");
    let asked = fake.seen_at("/api");
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].param("lat"), Some("38.7"));
}

#[tokio::test]
async fn without_a_place_search_nothing_offers_one_and_nothing_errs() {
    let app = spawn_app().await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 33), &[]).await;
    let form = app
        .get_with_cookie(&format!("/trips/{trip}/activities/new"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!form.contains("Find a place by name"), "{form}");
    assert!(!form.contains("places.js"));
    assert!(
        form.contains("Map position by hand"),
        "coordinates can still be typed"
    );
    let page = app
        .get_with_cookie(&format!("/trips/{trip}/places?q=Bel%C3%A9m"), &cookie)
        .await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("This site has no place search")
    );
    let trip_page = app
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!trip_page.contains("Find a place to add"));
    // The privacy page says no outside service is contacted.
    let privacy = spawn_app_with(|_| {})
        .await
        .get("/privacy")
        .await
        .text()
        .await
        .unwrap();
    assert!(privacy.contains("This site contacts no outside service for maps, places or weather."));
}
