//! The JSON API (`/api/v1`) over HTTP: tokens and their lifetimes, rotation and reuse, logout,
//! password changes, problem+json errors, the ownership matrix, CSRF, the rate limit and the
//! OpenAPI description (SECURITY.md 8, 12, 14–16, 21, 23).

use app::{
    auth::{
        access::{AccessGrant, AccessKeys},
        refresh,
    },
    entities::{refresh_tokens, trips},
};
use chrono::{Duration, Utc};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

const PASSWORD: &str = "violet kettle harbour";
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
        "budget": "1,500.50",
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
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "tokens are never cached"
    );
    (email, response.json().await.unwrap())
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

#[tokio::test]
async fn register_login_and_me() {
    let app = spawn_app().await;

    let (email, tokens) = register(&app).await;
    let logged_in = app.api_log_in(&email, PASSWORD).await;
    let who: Value = me(&app, access(&logged_in)).await.json().await.unwrap();
    let first = me(&app, access(&tokens)).await;

    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    assert_eq!(tokens["refresh_token_expires_in"], 30 * 24 * 3600);
    assert_eq!(refresh_token(&tokens).len(), 43, "256 bits, base64url");
    assert_ne!(access(&tokens), access(&logged_in));
    assert_eq!(first.status(), 200);
    assert_eq!(who["email"], email.as_str());
    assert_eq!(who["display_name"], "Maria");
    assert_eq!(who["email_verified"], false);
    assert!(who.get("password_hash").is_none(), "{who}");
    let stored = app
        .text_of(
            "SELECT token_hash FROM refresh_tokens LIMIT 1",
            "token_hash",
        )
        .await;
    assert_eq!(stored.len(), 64, "only a SHA-256 is stored");
    assert_eq!(app.count("refresh_tokens").await, 2, "one per login");
    assert_eq!(app.count("sessions").await, 0, "the API sets no cookie");
}

#[tokio::test]
async fn invalid_sign_ups_are_problems_with_a_field_map_and_write_nothing() {
    let app = spawn_app().await;
    let (taken, _) = register(&app).await;

    let invalid = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(&json!({ "email": "not an email", "password": "short" })),
        )
        .await;
    let duplicate = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(&json!({ "email": taken, "display_name": "Again", "password": PASSWORD })),
        )
        .await;

    let body = problem(invalid, 422).await;
    assert_eq!(body["type"], "/api/docs#problem-validation");
    for field in ["email", "display_name", "password"] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }
    assert!(
        body["errors"].get("password_confirmation").is_none(),
        "{body}"
    );
    let body = problem(duplicate, 422).await;
    assert!(
        body["errors"]["email"]
            .as_str()
            .unwrap()
            .contains("already exists")
    );
    assert_eq!(app.count("users").await, 1);
    assert_eq!(app.count("refresh_tokens").await, 1);
}

#[tokio::test]
async fn wrong_passwords_are_401_and_share_the_webs_allowance() {
    let app = spawn_app_with(|s| s.failed_logins_per_account_per_hour = 2).await;
    let (email, _) = register(&app).await;
    let wrong = json!({ "email": email, "password": "not my password at all" });
    let unknown = json!({ "email": "nobody@example.com", "password": PASSWORD });

    let nobody = app
        .api(Method::POST, "/api/v1/auth/login", None, Some(&unknown))
        .await;
    let mut refusals = Vec::new();
    for _ in 0..2 {
        refusals.push(
            app.api(Method::POST, "/api/v1/auth/login", None, Some(&wrong))
                .await,
        );
    }
    let web = app.log_in(&email, PASSWORD, None).await;
    let right = app
        .api(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(&json!({ "email": email, "password": PASSWORD })),
        )
        .await;

    let nobody = problem(nobody, 401).await;
    for refusal in refusals {
        assert_eq!(problem(refusal, 401).await["detail"], nobody["detail"]);
    }
    assert_eq!(web.status(), 429, "the web counts the API's failures");
    assert!(right.headers().contains_key("retry-after"));
    problem(right, 429).await;
}

#[tokio::test]
async fn trips_can_be_created_read_listed_replaced_and_deleted() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);

    let created = create_trip(&app, token, &lisbon()).await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let trip: Value = created.json().await.unwrap();
    let id = trip["id"].as_str().unwrap();
    assert_eq!(location, format!("/api/v1/trips/{id}"));
    assert_eq!(trip["budget_minor"], 150_050);
    assert_eq!(trip["budget"], "1500.50");
    assert_eq!(trip["start_date"], "2027-03-03");

    let got: Value = app
        .api(Method::GET, &location, Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got, trip);
    let list: Value = app
        .api(Method::GET, "/api/v1/trips?status=all", Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["page_size"], 20);
    assert_eq!(list["trips"][0]["id"], id);
    assert!(list["trips"][0].get("notes").is_none());

    let mut changed = lisbon();
    changed["name"] = json!("Autumn in Porto");
    changed["budget"] = Value::Null;
    changed["owner_id"] = json!(Uuid::now_v7().to_string());
    let replaced = app
        .api(Method::PUT, &location, Some(token), Some(&changed))
        .await;
    assert_eq!(replaced.status(), 200);
    let replaced: Value = replaced.json().await.unwrap();
    assert_eq!(replaced["name"], "Autumn in Porto");
    assert_eq!(replaced["budget"], Value::Null);
    let row = trips::Entity::find_by_id(Uuid::parse_str(id).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let (_, owner) = me_id(&app, token).await;
    assert_eq!(row.owner_id, owner, "owner_id in a payload is ignored");

    let deleted = app.api(Method::DELETE, &location, Some(token), None).await;
    assert_eq!(deleted.status(), 204);
    problem(
        app.api(Method::GET, &location, Some(token), None).await,
        404,
    )
    .await;
    assert_eq!(app.count("trips").await, 0);
}

/// The trip's name and notes, or `None` once it is gone.
async fn trip_row(app: &TestApp, id: &str) -> Option<String> {
    trips::Entity::find_by_id(Uuid::parse_str(id).unwrap())
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

#[tokio::test]
async fn invalid_trips_are_problems_with_a_field_map_and_write_nothing() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let id = lisbon_trip(&app, token).await;
    let path = format!("/api/v1/trips/{id}");
    let mut bad_budget = lisbon();
    bad_budget["budget"] = json!("-5");
    bad_budget["end_date"] = json!("2027-02-30");

    let empty = create_trip(&app, token, &json!({})).await;
    let budget = create_trip(&app, token, &bad_budget).await;
    let replace = app
        .api(Method::PUT, &path, Some(token), Some(&bad_budget))
        .await;

    let body = problem(empty, 422).await;
    for field in [
        "name",
        "destination",
        "start_date",
        "end_date",
        "time_zone",
        "currency",
    ] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }
    assert_eq!(
        body["errors"]["name"], "Give the trip a name.",
        "the web's messages"
    );
    let body = problem(budget, 422).await;
    assert_eq!(body["errors"]["budget"], "The budget can’t be negative.");
    assert!(body["errors"]["end_date"].is_string(), "{body}");
    problem(replace, 422).await;
    assert_eq!(app.count("trips").await, 1);
    let kept: Value = app
        .api(Method::GET, &path, Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept["budget"], "1500.50");
}

#[tokio::test]
async fn the_list_has_the_webs_filters_order_and_pages() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let token = access(&tokens);
    let owner = app.user_id(&email).await;
    for n in 0..22 {
        let name = format!(
            "Trip {:02} {}",
            21 - n,
            if n % 2 == 0 { "Lisbon" } else { "Porto" }
        );
        app::trips::service::create(
            &app.db,
            owner,
            &crate::trips_service::trip(&name, "Portugal", "2027-03-03", "2027-03-05"),
        )
        .await
        .unwrap();
    }

    for query in [
        "",
        "page=2",
        "status=all&sort=name",
        "q=porto&sort=name",
        "status=past",
        "from=2027-01-01&to=2027-12-31&sort=updated&page=2",
    ] {
        let api: Value = app
            .api(
                Method::GET,
                &format!("/api/v1/trips?{query}"),
                Some(token),
                None,
            )
            .await
            .json()
            .await
            .unwrap();
        let mut form: Vec<(String, String)> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| (format!("query[{key}]"), value.to_string()))
            .collect();
        if form.is_empty() {
            form.push(("query[page]".into(), "1".into()));
        }
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let web: Value = app
            .post_form("/api/trips/list", &form, Some(&cookie))
            .await
            .json()
            .await
            .unwrap();
        let ids = |list: &Value| -> Vec<String> {
            list["trips"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["id"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(ids(&api), ids(&web), "{query}");
        assert_eq!(api["total"], web["total"], "{query}");
        assert_eq!(api["pages"], web["pages"], "{query}");
    }
    let first: Value = app
        .api(Method::GET, "/api/v1/trips", Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["trips"].as_array().unwrap().len(), 20);
    assert_eq!(first["pages"], 2);

    let unreadable = app
        .api(
            Method::GET,
            "/api/v1/trips?status=soon&sort=price&from=March&page=0",
            Some(token),
            None,
        )
        .await;
    let body = problem(unreadable, 422).await;
    for field in ["status", "sort", "from", "page"] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }
}

#[tokio::test]
async fn every_trip_endpoint_answers_by_who_asks() {
    let app = spawn_app().await;
    let (_, owner) = register(&app).await;
    let (_, stranger) = register(&app).await;
    let (owner, stranger) = (access(&owner).to_string(), access(&stranger).to_string());
    let id = lisbon_trip(&app, &owner).await;
    let one = format!("/api/v1/trips/{id}");
    let mut taken_over = lisbon();
    taken_over["name"] = json!("Taken over");
    let before = trip_row(&app, &id).await;

    let cases: [(Method, &str, Option<&Value>); 5] = [
        (Method::GET, "/api/v1/trips", None),
        (Method::POST, "/api/v1/trips", Some(&taken_over)),
        (Method::GET, &one, None),
        (Method::PUT, &one, Some(&taken_over)),
        (Method::DELETE, &one, None),
    ];
    for (method, path, body) in &cases {
        let anonymous = app.api(method.clone(), path, None, *body).await;
        assert!(
            anonymous.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Bearer"),
            "{method} {path}"
        );
        problem(anonymous, 401).await;
        let forged = app
            .api(method.clone(), path, Some("not-a-token"), *body)
            .await;
        problem(forged, 401).await;
        if path.contains(&id) {
            let theirs = app
                .api(method.clone(), path, Some(stranger.as_str()), *body)
                .await;
            let answer = problem(theirs, 404).await;
            assert!(
                !answer.to_string().contains("Lisbon"),
                "{method} {path}: {answer}"
            );
        }
        assert_eq!(
            trip_row(&app, &id).await,
            before,
            "{method} {path} changed the trip"
        );
    }
    assert_eq!(app.count("trips").await, 1, "refusals wrote nothing");
    let theirs: Value = app
        .api(
            Method::GET,
            "/api/v1/trips?status=all",
            Some(stranger.as_str()),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["total"], 0);
    let missing = app
        .api(
            Method::GET,
            &format!("/api/v1/trips/{}", Uuid::now_v7()),
            Some(owner.as_str()),
            None,
        )
        .await;
    problem(missing, 404).await;
    let malformed = app
        .api(
            Method::GET,
            "/api/v1/trips/not-an-id",
            Some(owner.as_str()),
            None,
        )
        .await;
    problem(malformed, 404).await;

    for (method, path, body) in cases {
        let status = app
            .api(method.clone(), path, Some(owner.as_str()), body)
            .await
            .status();
        assert!(status.is_success(), "{method} {path}: {status}");
    }
}

#[tokio::test]
async fn the_api_ignores_the_session_cookie_and_the_web_ignores_bearer_tokens() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;

    let with_cookie = app
        .client
        .get(app.url("/api/v1/trips"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    let server_fn = app
        .client
        .post(app.url("/api/trips/list"))
        .header("accept", "application/json")
        .bearer_auth(access(&tokens))
        .form(&[("query[status]", "all")])
        .send()
        .await
        .unwrap();
    let page = app
        .client
        .get(app.url("/trips"))
        .bearer_auth(access(&tokens))
        .send()
        .await
        .unwrap();

    problem(with_cookie, 401).await;
    assert_eq!(server_fn.status(), 401);
    assert_eq!(page.status(), 303);
}

#[tokio::test]
async fn access_tokens_expire_after_fifteen_minutes() {
    let app = spawn_app_with(|s| s.api_jwt_secret = Some(SECRET.to_string())).await;
    let (_, tokens) = register(&app).await;
    let (_, user_id) = me_id(&app, access(&tokens)).await;
    let session = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .family_id;
    let grant = AccessGrant { user_id, session };
    let keys = AccessKeys::new(SECRET.as_bytes());
    let now = Utc::now();

    let fresh = keys.issue(grant, now - Duration::minutes(14)).unwrap();
    let stale = keys
        .issue(grant, now - Duration::minutes(15) - Duration::seconds(1))
        .unwrap();
    let foreign = AccessKeys::new(&[9; 32]).issue(grant, now).unwrap();

    assert_eq!(me(&app, &fresh).await.status(), 200);
    problem(me(&app, &stale).await, 401).await;
    problem(me(&app, &foreign).await, 401).await;
}

#[tokio::test]
async fn refresh_tokens_expire_after_thirty_days() {
    let app = spawn_app_with(|s| s.api_jwt_secret = Some(SECRET.to_string())).await;
    let (email, _) = register(&app).await;
    let user_id = app.user_id(&email).await;
    let keys = AccessKeys::new(SECRET.as_bytes());
    let now = Utc::now();
    let old = refresh::start(&app.db, &keys, user_id, now - Duration::days(30))
        .await
        .unwrap();
    let recent = refresh::start(&app.db, &keys, user_id, now - Duration::days(29))
        .await
        .unwrap();
    let later = refresh::start(&app.db, &keys, user_id, now).await.unwrap();

    let expired = refreshed(&app, &old.refresh_token).await;
    let in_time = refreshed(&app, &recent.refresh_token).await;
    let just_before = refresh::rotate(
        &app.db,
        &keys,
        &later.refresh_token,
        now + Duration::days(30) - Duration::seconds(1),
    )
    .await;

    problem(expired, 401).await;
    assert_eq!(in_time.status(), 200);
    assert!(just_before.is_ok());
    let past_expiry = refresh::rotate(
        &app.db,
        &keys,
        &just_before.unwrap().refresh_token,
        now + Duration::days(61),
    )
    .await;
    assert!(matches!(past_expiry, Err(refresh::RefreshError::Invalid)));
}

#[tokio::test]
async fn refresh_rotates_and_a_reused_token_ends_its_whole_login() {
    let app = spawn_app().await;
    let (email, first) = register(&app).await;
    let other_device = app.api_log_in(&email, PASSWORD).await;

    let second = refreshed(&app, refresh_token(&first)).await;
    assert_eq!(second.status(), 200);
    let second: Value = second.json().await.unwrap();
    assert_ne!(refresh_token(&second), refresh_token(&first));
    assert_ne!(access(&second), access(&first));
    assert_eq!(me(&app, access(&second)).await.status(), 200);

    let replayed = refreshed(&app, refresh_token(&first)).await;

    problem(replayed, 401).await;
    problem(refreshed(&app, refresh_token(&second)).await, 401).await;
    problem(me(&app, access(&second)).await, 401).await;
    problem(me(&app, access(&first)).await, 401).await;
    assert_eq!(
        me(&app, access(&other_device)).await.status(),
        200,
        "another login of the same traveler is not affected"
    );
    assert_eq!(
        refreshed(&app, refresh_token(&other_device)).await.status(),
        200
    );
    problem(refreshed(&app, "made-up").await, 401).await;
}

#[tokio::test]
async fn logout_ends_that_login_only() {
    let app = spawn_app().await;
    let (email, phone) = register(&app).await;
    let laptop = app.api_log_in(&email, PASSWORD).await;
    let body = json!({ "refresh_token": refresh_token(&phone) });

    let out = app
        .api(Method::POST, "/api/v1/auth/logout", None, Some(&body))
        .await;
    let again = app
        .api(Method::POST, "/api/v1/auth/logout", None, Some(&body))
        .await;

    assert_eq!(out.status(), 204);
    assert_eq!(again.status(), 204, "logging out twice is fine");
    problem(refreshed(&app, refresh_token(&phone)).await, 401).await;
    problem(me(&app, access(&phone)).await, 401).await;
    assert_eq!(me(&app, access(&laptop)).await.status(), 200);
}

#[tokio::test]
async fn a_password_change_on_the_web_ends_every_api_login() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    assert_eq!(me(&app, access(&tokens)).await.status(), 200);

    let changed = app
        .post_form(
            "/api/auth/change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
            Some(&cookie),
        )
        .await;

    assert_eq!(changed.status(), 200);
    problem(refreshed(&app, refresh_token(&tokens)).await, 401).await;
    problem(me(&app, access(&tokens)).await, 401).await;
    let again = app.api_log_in(&email, NEW_PASSWORD).await;
    assert_eq!(me(&app, access(&again)).await.status(), 200);
}

#[tokio::test]
async fn account_deletion_ends_every_api_login() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;

    let deleted = app
        .post_form(
            "/api/auth/delete_account",
            &[("password", PASSWORD), ("confirm", "yes")],
            Some(&cookie),
        )
        .await;

    assert_eq!(deleted.status(), 200);
    assert_eq!(app.count("refresh_tokens").await, 0);
    problem(me(&app, access(&tokens)).await, 401).await;
    problem(refreshed(&app, refresh_token(&tokens)).await, 401).await;
}

#[tokio::test]
async fn bodies_it_cannot_read_get_400_413_415_and_422_problems() {
    let app = spawn_app_with(|s| s.body_limit = 4096).await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let post = |content_type: &'static str, body: String| {
        app.client
            .post(app.url("/api/v1/trips"))
            .bearer_auth(token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    let text = post("text/plain", lisbon().to_string()).await.unwrap();
    let malformed = post("application/json", "{\"name\": ".to_string())
        .await
        .unwrap();
    let wrong_type = post("application/json", json!({ "name": 5 }).to_string())
        .await
        .unwrap();
    let mut huge = lisbon();
    huge["notes"] = json!("n".repeat(10_000));
    let too_large = post("application/json", huge.to_string()).await.unwrap();
    let nowhere = app
        .api(Method::GET, "/api/v1/nowhere", Some(token), None)
        .await;
    let wrong_method = app
        .api(Method::PATCH, "/api/v1/trips", Some(token), None)
        .await;

    problem(text, 415).await;
    problem(malformed, 400).await;
    problem(wrong_type, 422).await;
    problem(too_large, 413).await;
    let body = problem(nowhere, 404).await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("no such endpoint")
    );
    problem(wrong_method, 405).await;
    assert_eq!(app.count("trips").await, 0);
}

#[tokio::test]
async fn cross_site_bearer_calls_are_accepted_and_cross_site_cookies_get_nothing() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let from_evil = |request: reqwest::RequestBuilder| {
        request
            .header("origin", "https://evil.test")
            .header("sec-fetch-site", "cross-site")
            .json(&lisbon())
            .send()
    };

    // A bearer token is never sent by a browser on its own, so a call carrying one was made on
    // purpose by its holder: the API does not check origins (no cookies, no CSRF).
    let bearer = from_evil(
        app.client
            .post(app.url("/api/v1/trips"))
            .bearer_auth(access(&tokens)),
    )
    .await
    .unwrap();
    // What a forged cross-site request can carry is the cookie, and the API ignores it.
    let forged = from_evil(
        app.client
            .post(app.url("/api/v1/trips"))
            .header("cookie", &cookie),
    )
    .await
    .unwrap();
    // The web keeps refusing cross-site posts.
    let web = app
        .client
        .post(app.url("/api/trips/create"))
        .header("cookie", &cookie)
        .header("origin", "https://evil.test")
        .form(&[("name", "Forged")])
        .send()
        .await
        .unwrap();

    assert_eq!(bearer.status(), 201);
    problem(forged, 401).await;
    assert_eq!(web.status(), 403);
    assert_eq!(app.count("trips").await, 1);
}

#[tokio::test]
async fn the_rate_limit_counts_api_calls_by_the_tokens_traveler() {
    let app = spawn_app_with(|s| s.requests_per_minute = 4).await;
    // Two registrations: two of the address's four requests.
    let (_, busy) = register(&app).await;
    let (_, calm) = register(&app).await;

    for _ in 0..4 {
        assert_eq!(me(&app, access(&busy)).await.status(), 200);
    }
    let refused = me(&app, access(&busy)).await;

    assert!(refused.headers().contains_key("retry-after"));
    problem(refused, 429).await;
    assert_eq!(me(&app, access(&calm)).await.status(), 200);
    problem(
        app.api(Method::GET, "/api/v1/auth/me", None, None).await,
        401,
    )
    .await;
}

/// Every operation the router serves, as `(method, OpenAPI path)`.
const OPERATIONS: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/refresh"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/auth/me"),
    ("get", "/api/v1/trips"),
    ("post", "/api/v1/trips"),
    ("get", "/api/v1/trips/{id}"),
    ("put", "/api/v1/trips/{id}"),
    ("delete", "/api/v1/trips/{id}"),
    ("get", "/api/v1/trips/{id}/activities"),
    ("post", "/api/v1/trips/{id}/activities"),
    ("put", "/api/v1/activities/{id}"),
    ("delete", "/api/v1/activities/{id}"),
];

#[tokio::test]
async fn the_openapi_description_documents_every_operation() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/openapi.json").await;

    assert_eq!(response.status(), 200);
    let spec: Value = response.json().await.unwrap();
    assert!(
        spec["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        spec["openapi"]
    );
    assert_eq!(
        spec["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let paths = spec["paths"].as_object().unwrap();
    let documented: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|key| ["get", "put", "post", "delete", "patch"].contains(&key.as_str()))
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    for (method, path) in OPERATIONS {
        assert!(
            documented.contains(&(method.to_string(), path.to_string())),
            "{method} {path} is not documented"
        );
    }
    assert_eq!(documented.len(), OPERATIONS.len(), "{documented:?}");
    // And every documented operation is served (not the API's 404 or 405).
    for (method, path) in &documented {
        let url = path.replace("{id}", &Uuid::now_v7().to_string());
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let response = app.api(method.clone(), &url, None, Some(&json!({}))).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_ne!(status, 405, "{method} {url}");
        assert!(!body.contains("no such endpoint"), "{method} {url}: {body}");
    }
    let secured = &spec["paths"]["/api/v1/trips"]["get"]["security"];
    assert_eq!(secured[0]["bearer"], json!([]), "{secured}");
    assert!(spec["components"]["schemas"]["Problem"].is_object());
}

#[tokio::test]
async fn activities_answer_their_trips_owner_only() {
    let app = spawn_app().await;
    let (_, owner) = register(&app).await;
    let (_, stranger) = register(&app).await;
    let (owner, stranger) = (access(&owner).to_string(), access(&stranger).to_string());
    let trip = lisbon_trip(&app, &owner).await;
    let list = format!("/api/v1/trips/{trip}/activities");
    let pasteis = json!({
        "day": "2027-03-04",
        "start_time": "09:30",
        "title": "Pastéis",
        "category": "food",
        "cost": "12.50",
        "latitude": 38.6975,
        "longitude": -9.2033,
    });

    let created = app
        .api(Method::POST, &list, Some(owner.as_str()), Some(&pasteis))
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let activity: Value = created.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/activities/{}", activity["id"].as_str().unwrap())
    );
    assert_eq!(activity["trip_id"], trip.as_str());
    assert_eq!(activity["start_time"], "09:30");
    assert_eq!(activity["cost"], "12.50");
    assert_eq!(activity["cost_minor"], 1250);
    assert_eq!(activity["category"], "food");

    let invalid = app
        .api(
            Method::POST,
            &list,
            Some(owner.as_str()),
            Some(&json!({ "day": "2027-04-01", "category": "party" })),
        )
        .await;
    let body = problem(invalid, 422).await;
    for field in ["day", "title", "category"] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }

    let cases: [(Method, &str, Option<&Value>); 4] = [
        (Method::GET, &list, None),
        (Method::POST, &list, Some(&pasteis)),
        (Method::PUT, &location, Some(&pasteis)),
        (Method::DELETE, &location, None),
    ];
    for (method, path, body) in &cases {
        problem(app.api(method.clone(), path, None, *body).await, 401).await;
        let theirs = app
            .api(method.clone(), path, Some(stranger.as_str()), *body)
            .await;
        let answer = problem(theirs, 404).await;
        assert!(!answer.to_string().contains("Pastéis"), "{method} {path}");
    }
    assert_eq!(app.count("activities").await, 1, "refusals wrote nothing");

    let mut tram = pasteis.clone();
    tram["title"] = json!("Tram 28");
    tram["cost"] = Value::Null;
    let replaced = app
        .api(Method::PUT, &location, Some(owner.as_str()), Some(&tram))
        .await;
    assert_eq!(replaced.status(), 200);
    let replaced: Value = replaced.json().await.unwrap();
    assert_eq!(replaced["title"], "Tram 28");
    assert_eq!(replaced["cost_minor"], 0);
    let listed: Value = app
        .api(Method::GET, &list, Some(owner.as_str()), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["title"], "Tram 28");
    let deleted = app
        .api(Method::DELETE, &location, Some(owner.as_str()), None)
        .await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(app.count("activities").await, 0);
}
