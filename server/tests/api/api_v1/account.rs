//! `/api/v1/me`: what the account page can do, the API can.

use reqwest::Method;
use serde_json::{Value, json};

use super::{NEW_PASSWORD, access, lisbon_trip, me, problem, register};
use crate::helpers::{PASSWORD, TestApp, spawn_app};

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    if_match: Option<&str>,
    body: Option<&Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(tag) = if_match {
        request = request.header("If-Match", tag);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_account_is_read_and_changed_like_on_its_page() {
    let app = spawn_app().await;
    let (email, tokens) = register(&app).await;
    let token = access(&tokens);

    let read = send(&app, Method::GET, "/api/v1/me", token, None, None).await;
    let tag = read.headers()["etag"].to_str().unwrap().to_string();
    let shown: Value = read.json().await.unwrap();
    assert_eq!(
        (shown["email"].as_str(), shown["theme"].as_str()),
        (Some(email.as_str()), Some("system"))
    );

    let changed = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        token,
        Some(&tag),
        Some(&json!({ "display_name": "Maria S.", "time_zone": "Europe/Lisbon", "theme": "dark" })),
    )
    .await;
    assert_eq!(changed.status(), 200);
    let after: Value = changed.json().await.unwrap();
    assert_eq!(after["display_name"], "Maria S.");
    assert_eq!(after["time_zone"], "Europe/Lisbon");
    assert_eq!(after["theme"], "dark");
    assert_eq!(after["email"], email.as_str(), "left out, left alone");

    // A change made from the old read is refused with the account as it is now.
    let stale = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        token,
        Some(&tag),
        Some(&json!({ "display_name": "Someone else" })),
    )
    .await;
    let body = problem(stale, 412).await;
    assert_eq!(body["current"]["display_name"], "Maria S.");

    // Null clears the zone; bad values are problems beside their fields.
    let cleared: Value = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        token,
        None,
        Some(&json!({ "time_zone": null })),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(cleared["time_zone"], Value::Null);
    let refused = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        token,
        None,
        Some(&json!({ "display_name": " ", "time_zone": "Mars/Base", "theme": "neon" })),
    )
    .await;
    let body = problem(refused, 422).await;
    for field in ["display_name", "time_zone", "theme"] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }
    let now: Value = me(&app, token).await.json().await.unwrap();
    assert_eq!(now["display_name"], "Maria S.");
}

#[tokio::test]
async fn a_new_email_needs_the_password_and_its_link() {
    let app = spawn_app().await;
    let (email, tokens) = register(&app).await;
    let token = access(&tokens);
    let new_email = format!("new-{email}");

    let without = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        token,
        None,
        Some(&json!({ "email": new_email })),
    )
    .await;
    let body = problem(without, 422).await;
    assert!(body["errors"]["password"].is_string(), "{body}");
    let asked = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        token,
        None,
        Some(&json!({ "email": new_email, "password": PASSWORD })),
    )
    .await;
    assert_eq!(asked.status(), 200);
    let still: Value = asked.json().await.unwrap();
    assert_eq!(
        still["email"],
        email.as_str(),
        "unchanged until the link is opened"
    );

    let link = app.link_sent_to(&new_email, "/verify-email/").await;
    let opened = app
        .post_form("/api/auth/confirm_email", &[("token", &link)], None)
        .await;
    assert!(opened.status().is_success() || opened.status().is_redirection());
    let after: Value = me(&app, token).await.json().await.unwrap();
    assert_eq!(after["email"], new_email.as_str());
}

#[tokio::test]
async fn changing_the_password_ends_every_login_but_hands_this_client_a_new_one() {
    let app = spawn_app().await;
    let (email, tokens) = register(&app).await;
    let token = access(&tokens);
    let other_device = app.api_log_in(&email, PASSWORD).await;

    let wrong = send(
        &app,
        Method::POST,
        "/api/v1/me/password",
        token,
        None,
        Some(&json!({ "current_password": "not it at all", "new_password": NEW_PASSWORD })),
    )
    .await;
    let body = problem(wrong, 422).await;
    assert!(body["errors"]["current_password"].is_string(), "{body}");
    let weak = send(
        &app,
        Method::POST,
        "/api/v1/me/password",
        token,
        None,
        Some(&json!({ "current_password": PASSWORD, "new_password": "password" })),
    )
    .await;
    problem(weak, 422).await;

    let changed = send(
        &app,
        Method::POST,
        "/api/v1/me/password",
        token,
        None,
        Some(&json!({ "current_password": PASSWORD, "new_password": NEW_PASSWORD })),
    )
    .await;
    assert_eq!(changed.status(), 200);
    let fresh: Value = changed.json().await.unwrap();
    assert_eq!(me(&app, access(&fresh)).await.status(), 200);
    assert_eq!(me(&app, token).await.status(), 401, "this login ended");
    assert_eq!(me(&app, access(&other_device)).await.status(), 401);
    app.api_log_in(&email, NEW_PASSWORD).await;
}

#[tokio::test]
async fn the_export_and_the_deletion_are_the_pages() {
    let app = spawn_app().await;
    let (email, tokens) = register(&app).await;
    let token = access(&tokens);
    lisbon_trip(&app, token).await;

    let export = send(&app, Method::GET, "/api/v1/me/export", token, None, None).await;
    assert_eq!(export.status(), 200);
    assert_eq!(export.headers()["cache-control"], "no-store");
    let export: Value = export.json().await.unwrap();
    assert_eq!(export["trips"][0]["name"], "Spring in Lisbon", "{export}");
    assert_eq!(export["profile"]["email"], email.as_str(), "{export}");

    let wrong = send(
        &app,
        Method::DELETE,
        "/api/v1/me",
        token,
        None,
        Some(&json!({ "password": "not it at all" })),
    )
    .await;
    let body = problem(wrong, 422).await;
    assert!(body["errors"]["password"].is_string(), "{body}");
    assert_eq!(app.count("trips").await, 1);

    let deleted = send(
        &app,
        Method::DELETE,
        "/api/v1/me",
        token,
        None,
        Some(&json!({ "password": PASSWORD })),
    )
    .await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(app.count("trips").await, 0);
    assert_eq!(app.count("users").await, 0);
    assert_eq!(me(&app, token).await.status(), 401);
}
