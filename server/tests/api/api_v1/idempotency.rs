//! `Idempotency-Key`: a `POST` retried after its answer was lost is answered again, not done
//! again.

use std::sync::Arc;

use reqwest::Method;
use serde_json::{Value, json};

use super::{access, lisbon, problem, register};
use crate::helpers::{TestApp, spawn_app};

async fn post(
    app: &TestApp,
    token: &str,
    key: &str,
    path: &str,
    body: &Value,
) -> reqwest::Response {
    app.client
        .request(Method::POST, app.url(path))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retried_post_is_answered_again_not_done_again() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);

    let first = post(&app, token, "trip-1", "/api/v1/trips", &lisbon()).await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let location = first.headers()["location"].clone();
    let created: Value = first.json().await.unwrap();

    let retry = post(&app, token, "trip-1", "/api/v1/trips", &lisbon()).await;
    assert_eq!(retry.status(), 201);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(retry.headers()["location"], location);
    assert_eq!(retry.headers()["etag"], "\"1\"");
    let replayed: Value = retry.json().await.unwrap();
    assert_eq!(replayed, created);
    assert_eq!(
        app.count("trips").await,
        1,
        "one trip, however many retries"
    );

    // The same key for something else is a mistake the client hears about.
    let mut other = lisbon();
    other["name"] = json!("Porto");
    let reused = post(&app, token, "trip-1", "/api/v1/trips", &other).await;
    let body = problem(reused, 422).await;
    assert!(body["errors"]["Idempotency-Key"].is_string(), "{body}");
    assert_eq!(app.count("trips").await, 1);

    // A new key is a new request; no key at all, as before.
    assert_eq!(
        post(&app, token, "trip-2", "/api/v1/trips", &lisbon())
            .await
            .status(),
        201
    );
    let plain = app
        .api(Method::POST, "/api/v1/trips", Some(token), Some(&lisbon()))
        .await;
    assert_eq!(plain.status(), 201);
    assert_eq!(app.count("trips").await, 3);

    // A refused request is answered the same way again: it did nothing the first time either.
    let invalid = post(&app, token, "bad-1", "/api/v1/trips", &json!({})).await;
    problem(invalid, 422).await;
    let again = post(&app, token, "bad-1", "/api/v1/trips", &json!({})).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    problem(again, 422).await;

    // Keys are visible ASCII, at most 255 of them.
    let long = "k".repeat(256);
    for key in ["", long.as_str()] {
        let refused = post(&app, token, key, "/api/v1/trips", &lisbon()).await;
        problem(refused, 400).await;
    }
    assert_eq!(app.count("trips").await, 3);
}

#[tokio::test]
async fn keys_belong_to_their_traveler() {
    let app = spawn_app().await;
    let (_, ana) = register(&app).await;
    let (_, bob) = register(&app).await;

    let anas = post(&app, access(&ana), "same-key", "/api/v1/trips", &lisbon()).await;
    let bobs = post(&app, access(&bob), "same-key", "/api/v1/trips", &lisbon()).await;

    assert_eq!(anas.status(), 201);
    assert_eq!(bobs.status(), 201);
    assert!(
        bobs.headers().get("idempotent-replayed").is_none(),
        "not Ana's answer"
    );
    let (a, b): (Value, Value) = (anas.json().await.unwrap(), bobs.json().await.unwrap());
    assert_ne!(a["id"], b["id"]);
    assert_eq!(app.count("trips").await, 2);
}

#[tokio::test]
async fn copies_sent_at_once_do_the_request_once() {
    let app = Arc::new(spawn_app().await);
    let (_, tokens) = register(&app).await;
    let token = access(&tokens).to_string();
    let trip: Value = post(&app, &token, "setup", "/api/v1/trips", &lisbon())
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/v1/trips/{}/activities", trip["id"].as_str().unwrap());
    let body = json!({ "day": "2027-03-04", "title": "Tram 28" });

    let copies = (0..8).map(|_| {
        let (app, token, path, body) = (app.clone(), token.clone(), path.clone(), body.clone());
        tokio::spawn(async move {
            post(&app, &token, "activity-1", &path, &body)
                .await
                .status()
                .as_u16()
        })
    });
    let mut statuses = Vec::new();
    for copy in copies {
        statuses.push(copy.await.unwrap());
    }

    assert!(
        statuses
            .iter()
            .all(|status| *status == 201 || *status == 409),
        "{statuses:?}"
    );
    assert!(statuses.contains(&201), "{statuses:?}");
    assert_eq!(app.count("activities").await, 1, "{statuses:?}");
}

#[tokio::test]
async fn answers_that_did_nothing_are_not_kept() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);

    // No usable token: nothing is claimed, and the retry with a good one does the request.
    let unauthorized = post(&app, "not-a-token", "k-1", "/api/v1/trips", &lisbon()).await;
    problem(unauthorized, 401).await;
    let retried = post(&app, token, "k-1", "/api/v1/trips", &lisbon()).await;
    assert_eq!(retried.status(), 201);
    assert!(retried.headers().get("idempotent-replayed").is_none());

    // Answers are kept for a day; an older claim no longer counts.
    let kept = app
        .text_of("SELECT COUNT(*) || '' AS n FROM idempotency_keys", "n")
        .await;
    assert_eq!(kept, "1");
    let removed = domain::idempotency::delete_expired(
        &app.db,
        chrono::Utc::now() + domain::idempotency::LIFETIME + chrono::Duration::minutes(1),
    )
    .await
    .unwrap();
    assert_eq!(removed, 1);
}
