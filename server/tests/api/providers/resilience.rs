//! The one HTTP client under a provider that fails: retries with backoff on passing failures,
//! `Retry-After` kept, the breaker opening and closing, the public services' pace of one
//! request a second held under a crowd, answers that are garbage or too large refused, and
//! pages that never wait on any of it.

use std::time::{Duration, Instant};

use super::{
    app_with, day,
    fake::{self, Answer},
    lisbon,
    places::query,
    plan, traveler, visit,
};
use crate::helpers::TestApp;

const NOT_ANSWERING: &str = "The place search is not answering; try again in a minute.";

async fn search(app: &TestApp, cookie: &str, trip: &str, q: &str) -> String {
    app.get_with_cookie(
        &format!(
            "/trips/{trip}/places?{}",
            query(&[("return", "new"), ("q", q)])
        ),
        cookie,
    )
    .await
    .text()
    .await
    .unwrap()
}

/// `queries` searched all at once, each as its own request; the pages in order.
async fn all_at_once(app: &TestApp, cookie: &str, trip: &str, queries: Vec<String>) -> Vec<String> {
    let mut set = tokio::task::JoinSet::new();
    for (n, q) in queries.into_iter().enumerate() {
        let request = app
            .client
            .get(app.url(&format!(
                "/trips/{trip}/places?{}",
                query(&[("return", "new"), ("q", &q)])
            )))
            .header("cookie", cookie);
        set.spawn(async move { (n, request.send().await.unwrap().text().await.unwrap()) });
    }
    let mut pages = set.join_all().await;
    pages.sort_by_key(|(n, _)| *n);
    pages.into_iter().map(|(_, page)| page).collect()
}

async fn metrics(app: &TestApp) -> String {
    let address = app.metrics_address.expect("a metrics listener");
    reqwest::get(format!("http://{address}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_passing_failure_is_retried_and_the_traveler_sees_the_answer() {
    let fake = fake::start().await;
    fake.then(&[Answer::Status(500), Answer::Status(503)]);
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 31), &[]).await;

    let html = search(&app, &cookie, &trip, "Belém").await;
    assert!(html.contains("2 places found"), "{html}");
    let asked = fake.seen_at("/search");
    assert_eq!(asked.len(), 3, "two retries");
    // Backing off: each retry waits at least half the base (20 ms in tests), with jitter.
    assert!(asked[1].at - asked[0].at >= Duration::from_millis(10));
    assert!(asked[2].at - asked[1].at >= Duration::from_millis(10));

    // A 404 is not passing: no retry.
    fake.then(&[Answer::Status(404)]);
    let html = search(&app, &cookie, &trip, "Sintra").await;
    assert!(html.contains(NOT_ANSWERING), "{html}");
    assert_eq!(fake.seen_at("/search").len(), 4);
}

#[tokio::test]
async fn a_hang_garbage_or_a_flood_is_refused_within_the_time_limit() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| {
        settings.providers.retries = 0;
        settings.providers.request_timeout = Duration::from_secs(1);
        settings.providers.breaker_failures = 10;
    })
    .await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 31), &[]).await;

    for (answer, q) in [
        (Answer::Hang, "Hanging"),
        (Answer::Garbage, "Garbage"),
        (Answer::TooLarge, "Flood"),
    ] {
        fake.then(std::slice::from_ref(&answer));
        let started = Instant::now();
        let html = search(&app, &cookie, &trip, q).await;
        assert!(html.contains(NOT_ANSWERING), "{answer:?}: {html}");
        assert!(
            started.elapsed() < Duration::from_millis(2_500),
            "{answer:?} took {:?}",
            started.elapsed()
        );
        assert!(!html.contains("Service temporarily unavailable"), "{html}");
    }
    // Nothing was cached from them: the same search asks again (and now gets an answer).
    let html = search(&app, &cookie, &trip, "Garbage").await;
    assert!(html.contains("2 places found"), "{html}");
    assert_eq!(fake.seen_at("/search").len(), 4);
}

#[tokio::test]
async fn retry_after_is_kept_by_the_next_request() {
    let fake = fake::start().await;
    fake.then(&[Answer::SlowDown(1)]);
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 31), &[]).await;

    // A second's wait is longer than the retries would wait: this search gives up at once…
    let html = search(&app, &cookie, &trip, "Belém").await;
    assert!(html.contains(NOT_ANSWERING), "{html}");
    // …and the next one is sent only after the second has passed.
    let html = search(&app, &cookie, &trip, "Sintra").await;
    assert!(html.contains("2 places found"), "{html}");
    let asked = fake.seen_at("/search");
    assert_eq!(asked.len(), 2);
    let waited = asked[1].at - asked[0].at;
    assert!(
        waited >= Duration::from_millis(950),
        "waited only {waited:?}"
    );

    // Longer than a traveler waits: refused without sending anything.
    fake.then(&[Answer::SlowDown(30)]);
    assert!(
        search(&app, &cookie, &trip, "Cascais")
            .await
            .contains(NOT_ANSWERING)
    );
    let started = Instant::now();
    assert!(
        search(&app, &cookie, &trip, "Porto")
            .await
            .contains(NOT_ANSWERING)
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "busy is said at once"
    );
    assert_eq!(fake.seen_at("/search").len(), 3);
}

#[tokio::test]
async fn the_breaker_opens_after_failures_and_closes_after_a_good_trial() {
    let fake = fake::start().await;
    fake.answer(Answer::Status(500));
    let app = app_with(&fake, |settings| {
        settings.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        settings.providers.retries = 0;
    })
    .await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 31), &[]).await;

    for q in ["One", "Two", "Three"] {
        assert!(
            search(&app, &cookie, &trip, q)
                .await
                .contains(NOT_ANSWERING)
        );
    }
    assert_eq!(fake.seen_at("/search").len(), 3);
    // Open: refused without asking.
    fake.answer(Answer::Normal);
    let html = search(&app, &cookie, &trip, "Four").await;
    assert!(html.contains(NOT_ANSWERING), "{html}");
    assert_eq!(
        fake.seen_at("/search").len(),
        3,
        "the open breaker sent nothing"
    );
    let text = metrics(&app).await;
    assert!(
        text.contains(
            r#"travel_planner_provider_calls_total{provider="places",outcome="rejected"}"#
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"travel_planner_provider_calls_total{provider="places",outcome="error"}"#),
        "{text}"
    );
    assert!(
        text.contains(r#"travel_planner_provider_breaker_state{provider="places"}"#),
        "{text}"
    );

    // After the cool-down (400 ms in tests) one trial goes through; it succeeds and closes it.
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert!(
        search(&app, &cookie, &trip, "Five")
            .await
            .contains("2 places found")
    );
    assert!(
        search(&app, &cookie, &trip, "Six")
            .await
            .contains("2 places found")
    );
    assert_eq!(fake.seen_at("/search").len(), 5);
}

#[tokio::test]
async fn twenty_searches_at_once_keep_to_one_request_a_second() {
    let fake = fake::start().await;
    let app = app_with(&fake, |settings| {
        if let Some(places) = &mut settings.providers.places {
            places.min_interval = Duration::from_secs(1);
        }
        settings.providers.search_timeout = Duration::from_secs(4);
    })
    .await;
    let (cookie, owner) = traveler(&app).await;
    let trip = plan(&app, owner, &lisbon(30, 31), &[]).await;

    // Twenty travelers' different searches at the same moment.
    let started = Instant::now();
    let pages = all_at_once(
        &app,
        &cookie,
        &trip,
        (0..20).map(|n| format!("Place {n}")).collect(),
    )
    .await;
    let asked = fake.seen_at("/search");
    let mut times: Vec<Instant> = asked.iter().map(|seen| seen.at).collect();
    times.sort();
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(1_000),
            "two requests {:?} apart",
            pair[1] - pair[0]
        );
    }
    // Those whose turn came within the time limit got answers; the rest were told at once.
    let found = pages
        .iter()
        .filter(|p| p.contains("2 places found"))
        .count();
    assert_eq!(found, asked.len(), "one request per answer");
    assert!((3..=5).contains(&found), "{found} answered in 4 s");
    assert!(
        pages
            .iter()
            .all(|p| p.contains("2 places found") || p.contains(NOT_ANSWERING))
    );
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );

    // The same search by twenty at once: one request.
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let pages = all_at_once(&app, &cookie, &trip, vec!["Oceanário".to_string(); 20]).await;
    assert!(pages.iter().all(|p| p.contains("2 places found")));
    assert_eq!(fake.seen_at("/search").len(), asked.len() + 1);
}

/// The median of `n` timed views of `path`.
async fn median_view(app: &TestApp, cookie: &str, path: &str, n: usize) -> Duration {
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let response = app.get_with_cookie(path, cookie).await;
        assert_eq!(response.status(), 200);
        response.text().await.unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    times[n / 2]
}

#[tokio::test]
async fn the_trip_page_takes_as_long_while_every_provider_hangs() {
    let fake = fake::start().await;
    let app = app_with(&fake, |_| {}).await;
    let (cookie, owner) = traveler(&app).await;
    let first = day(1);
    let trip = plan(
        &app,
        owner,
        &lisbon(1, 3),
        &[
            visit(&first, "10:00", "Torre de Belém", Some((38.6916, -9.2160))),
            visit(&first, "11:00", "Jerónimos", Some((38.6979, -9.2068))),
        ],
    )
    .await;
    let path = format!("/trips/{trip}");
    let healthy = median_view(&app, &cookie, &path, 15).await;

    // Another trip's views now ask for things the hanging providers never give.
    fake.answer(Answer::Hang);
    let second = plan(
        &app,
        owner,
        &lisbon(5, 7),
        &[
            visit(&day(5), "10:00", "Sintra", Some((38.7876, -9.3906))),
            visit(&day(5), "10:05", "Cascais", Some((38.6979, -9.4215))),
        ],
    )
    .await;
    let hanging_path = format!("/trips/{second}");
    let first_view = Instant::now();
    app.get_with_cookie(&hanging_path, &cookie)
        .await
        .text()
        .await
        .unwrap();
    let first_view = first_view.elapsed();
    let hanging = median_view(&app, &cookie, &hanging_path, 15).await;
    let again = median_view(&app, &cookie, &path, 15).await;

    let limit = healthy * 3 + Duration::from_millis(100);
    assert!(
        first_view < Duration::from_millis(1_000),
        "first view {first_view:?}"
    );
    assert!(
        hanging < limit,
        "healthy {healthy:?}, while hanging {hanging:?}"
    );
    assert!(again < limit, "healthy {healthy:?}, then {again:?}");
    assert!(
        !fake.seen().is_empty(),
        "the refresher did ask (and is still waiting)"
    );
}
