//! The JSON API (`/api/v1`) over HTTP: tokens and their lifetimes, rotation and reuse, logout,
//! password changes, problem+json errors, the ownership matrix, CSRF, the rate limit and the
//! OpenAPI description (docs/security.md).

use domain::entities;
use reqwest::Method;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::TestApp;

mod account;
mod auth;
mod contract;
mod idempotency;
mod surface;
mod trips;

use crate::helpers::PASSWORD;

const NEW_PASSWORD: &str = "amber lantern meadow";

const SECRET: &str = "a test signing key that is long enough to use";

fn email() -> String {
    format!("api-{}@example.com", Uuid::now_v7().simple())
}

fn lisbon() -> Value {
    json!({
        "name": "Spring in Lisbon",
        "destination": "Lisbon",
        "start_date": "2027-03-03",
        "end_date": "2027-03-09",
        "time_zone": "Europe/Lisbon",
        "currency": "EUR",
        "budget": "1500.50",
        "notes": "Pack light.",
    })
}

/// Registers through the API and returns the email and the token pair.
async fn register(app: &TestApp) -> (String, Value) {
    let email = email();
    let response = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(&json!({ "email": email, "display_name": "Maria", "password": PASSWORD })),
        )
        .await;
    assert_eq!(response.status(), 202, "{}", response.text().await.unwrap());
    let token = app.link_sent_to(&email, "/signup/").await;
    app.complete_sign_up(&token).await;
    (email.clone(), app.api_log_in(&email, PASSWORD).await)
}

fn access(tokens: &Value) -> &str {
    tokens["access_token"].as_str().unwrap()
}

fn refresh_token(tokens: &Value) -> &str {
    tokens["refresh_token"].as_str().unwrap()
}

/// Checks a problem+json answer and returns its body.
async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        content_type.starts_with("application/problem+json"),
        "{content_type}"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status, "{body}");
    assert!(
        body["title"].is_string() && body["detail"].is_string(),
        "{body}"
    );
    assert!(body["type"].is_string(), "{body}");
    body
}

async fn me(app: &TestApp, token: &str) -> reqwest::Response {
    app.api(Method::GET, "/api/v1/auth/me", Some(token), None)
        .await
}

async fn refreshed(app: &TestApp, token: &str) -> reqwest::Response {
    app.api(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        Some(&json!({ "refresh_token": token })),
    )
    .await
}

async fn create_trip(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.api(Method::POST, "/api/v1/trips", Some(token), Some(body))
        .await
}

/// Creates the Lisbon trip and returns its id.
async fn lisbon_trip(app: &TestApp, token: &str) -> String {
    let response = create_trip(app, token, &lisbon()).await;
    assert_eq!(response.status(), 201);
    let trip: Value = response.json().await.unwrap();
    trip["id"].as_str().unwrap().to_string()
}

/// The trip's name and notes, or `None` once it is gone.
async fn trip_row(app: &TestApp, id: &str) -> Option<String> {
    entities::trips::Entity::find_by_id(Uuid::parse_str(id).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .map(|t| format!("{}|{}", t.name, t.notes))
}

async fn me_id(app: &TestApp, token: &str) -> (Value, Uuid) {
    let who: Value = me(app, token).await.json().await.unwrap();
    let id = Uuid::parse_str(who["id"].as_str().unwrap()).unwrap();
    (who, id)
}
