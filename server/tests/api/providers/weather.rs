//! Each day's weather: the forecast up to 16 days ahead, what it was on past days, what is
//! typical further ahead — filled by the refresher from what pages found missing, read by
//! pages from the store.

use super::{app_with, day, fake, lisbon, page_until, plan, traveler, visit};
use crate::helpers::spawn_app;

#[tokio::test]
async fn days_near_today_show_the_forecast_and_past_days_what_it_was() {
    let fake = fake::start().await;
    fake.forecast(21.4, 61);
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(-2, 2), &[]).await;
    let path = format!("/trips/{trip}");

    let html = page_until(&app, &cookie, &path, 10, |html| {
        html.contains("day__weather--forecast") && html.contains("day__weather--observed")
    })
    .await;
    // Two days past, today and two ahead.
    assert_eq!(html.matches("day__weather--observed").count(), 2, "{html}");
    assert_eq!(html.matches("day__weather--forecast").count(), 3, "{html}");
    assert!(html.contains(">Forecast: <"), "{html}");
    assert!(html.contains(">On the day: <"), "{html}");
    assert_eq!(
        html.matches("</span>Light rain · 15–21 °C · 2.0 mm, 40 % chance</p>")
            .count(),
        3,
        "{html}"
    );
    assert_eq!(
        html.matches("</span>Light rain · 15–21 °C · 2.0 mm</p>")
            .count(),
        2,
        "{html}"
    );
    assert!(
        html.contains("Weather data by Open-Meteo.com"),
        "attribution: {html}"
    );

    let asked = fake.seen_at("/forecast");
    assert!(!asked.is_empty());
    // A grid cell's centre, never the exact place.
    assert_eq!(asked[0].param("latitude"), Some("38.70"));
    assert_eq!(asked[0].param("longitude"), Some("-9.10"));
    assert!(
        fake.seen_at("/archive").is_empty(),
        "no day needed the archive"
    );

    // From the store now: more views ask nothing more.
    let before = fake.seen().len();
    for _ in 0..3 {
        let again = app
            .get_with_cookie(&path, &cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(again.contains("day__weather--forecast"));
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(fake.seen().len(), before, "pages read the store");

    // And the day page shows its own day's line.
    let today = day(0);
    let day_page = app
        .get_with_cookie(&format!("/trips/{trip}/days/{today}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        day_page.matches("day__weather--forecast").count(),
        1,
        "{day_page}"
    );
    assert!(
        day_page.contains("Weather data by Open-Meteo.com"),
        "{day_page}"
    );
}

#[tokio::test]
async fn days_beyond_the_forecast_show_what_is_typical_from_past_years() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(40, 42), &[]).await;

    let html = page_until(&app, &cookie, &format!("/trips/{trip}"), 10, |html| {
        html.matches("day__weather--typical").count() == 3
    })
    .await;
    assert_eq!(html.matches("day__weather--typical").count(), 3, "{html}");
    assert_eq!(
        html.matches(">Typical for these dates: <").count(),
        3,
        "{html}"
    );
    // Every past day in the fake's archive had 2 mm of rain, 9 to 15 °C.
    assert_eq!(
        html.matches("</span>9–15 °C · wet most days</p>").count(),
        3,
        "{html}"
    );
    assert!(!html.contains("day__weather--forecast"), "{html}");

    let asked = fake.seen_at("/archive");
    assert!(!asked.is_empty(), "the archive was asked");
    // The same dates in past years, not the trip's own (which have not happened).
    let end: chrono::NaiveDate = asked[0].param("end_date").unwrap().parse().unwrap();
    assert!(end < super::today(), "{end}");
}

#[tokio::test]
async fn the_day_without_a_trip_place_takes_its_first_place() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let mut draft = lisbon(1, 2);
    draft.place_name.clear();
    draft.place_address.clear();
    draft.place_ref.clear();
    draft.latitude.clear();
    draft.longitude.clear();
    let first = day(1);
    let trip = plan(
        &app,
        owner,
        &draft,
        &[visit(
            &first,
            "10:00",
            "Palácio da Pena",
            Some((38.7876, -9.3906)),
        )],
    )
    .await;
    let html = page_until(&app, &cookie, &format!("/trips/{trip}"), 10, |html| {
        html.contains("day__weather--forecast")
    })
    .await;
    assert!(html.contains("at Palácio da Pena (place)"), "{html}");
    assert_eq!(
        html.matches("day__weather--forecast").count(),
        1,
        "only the day with a place: {html}"
    );
    assert_eq!(
        fake.seen_at("/forecast")[0].param("latitude"),
        Some("38.80")
    );
}

#[tokio::test]
async fn without_weather_providers_no_line_and_no_request() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| {
        settings.providers.weather_forecast_url = None;
        settings.providers.weather_archive_url = None;
    })
    .await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(0, 2), &[]).await;
    for _ in 0..3 {
        let html = app
            .get_with_cookie(&format!("/trips/{trip}"), &cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(!html.contains("day__weather"), "{html}");
        assert!(!html.contains("Open-Meteo"));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(fake.seen_at("/forecast").is_empty() && fake.seen_at("/archive").is_empty());

    // And with every provider off (the tests' default), the trip page is as before.
    let plain = spawn_app().await;
    let (cookie, owner) = traveler(&plain).await;
    let trip = plan(&plain, owner, &lisbon(0, 2), &[]).await;
    let html = plain
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("day__weather") && !html.contains("map.js"),
        "{html}"
    );
}
