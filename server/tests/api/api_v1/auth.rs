//! Tokens over HTTP: register, log in, `me`; the 15-minute and 30-day lifetimes through the
//! injected clock; rotation and reuse detection; logout; password changes and account deletion
//! ending every API login (docs/security.md, "Sessions").

use chrono::{Duration, Utc};
use domain::{
    accounts::{
        api_tokens::{AccessGrant, AccessKeys},
        refresh,
    },
    entities::refresh_tokens,
};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::*;
use crate::helpers::{spawn_app, spawn_app_with};

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
    assert_eq!(who["email_verified"], true, "the sign-up link confirmed it");
    assert!(who.get("password_hash").is_none(), "{who}");
    let stored = app
        .text_of(
            "SELECT token_hash FROM refresh_tokens LIMIT 1",
            "token_hash",
        )
        .await;
    assert_eq!(stored.len(), 64, "only a SHA-256 is stored");
    assert_eq!(app.count("refresh_tokens").await, 2, "one per login");
    // The one session is the web's, from opening the sign-up link in a browser.
    assert_eq!(app.count("sessions").await, 1, "the API sets no cookie");
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
    // A taken address answers like a free one (its owner is told by mail).
    assert_eq!(duplicate.status(), 202);
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
async fn access_tokens_expire_after_fifteen_minutes() {
    let app = spawn_app_with(|s| s.api_jwt_secret = Some(SECRET.into())).await;
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
    let app = spawn_app_with(|s| s.api_jwt_secret = Some(SECRET.into())).await;
    let (email, _) = register(&app).await;
    let user_id = app.user_id(&email).await;
    let keys = AccessKeys::new(SECRET.as_bytes());
    let now = Utc::now();
    let old = refresh::start(&app.db, &keys, user_id, LOGIN, now - Duration::days(30))
        .await
        .unwrap();
    let recent = refresh::start(&app.db, &keys, user_id, LOGIN, now - Duration::days(29))
        .await
        .unwrap();
    let later = refresh::start(&app.db, &keys, user_id, LOGIN, now)
        .await
        .unwrap();

    let expired = refreshed(&app, &old.refresh_token).await;
    let in_time = refreshed(&app, &recent.refresh_token).await;
    let just_before = refresh::rotate(
        &app.db,
        &keys,
        &later.refresh_token,
        LOGIN,
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
        LOGIN,
        now + Duration::days(61),
    )
    .await;
    assert!(matches!(past_expiry, Err(refresh::RefreshError::Invalid)));
}

/// The web session's absolute lifetime, which also bounds an API login.
const LOGIN: Duration = Duration::days(90);

#[tokio::test]
async fn a_login_ends_ninety_days_after_it_started_however_often_it_is_refreshed() {
    let app = spawn_app_with(|s| s.api_jwt_secret = Some(SECRET.into())).await;
    let (email, _) = register(&app).await;
    let user_id = app.user_id(&email).await;
    let keys = AccessKeys::new(SECRET.as_bytes());
    let started = Utc::now() - Duration::days(100);
    let mut pair = refresh::start(&app.db, &keys, user_id, LOGIN, started)
        .await
        .unwrap();

    // Refreshing keeps it alive until day 89 ...
    for day in [20, 40, 60, 80, 89] {
        pair = refresh::rotate(
            &app.db,
            &keys,
            &pair.refresh_token,
            LOGIN,
            started + Duration::days(day),
        )
        .await
        .unwrap_or_else(|error| panic!("day {day}: {error}"));
    }
    // ... whose token expires at day 90, not day 119.
    let past_the_end = refresh::rotate(
        &app.db,
        &keys,
        &pair.refresh_token,
        LOGIN,
        started + Duration::days(90) + Duration::seconds(1),
    )
    .await;

    assert!(
        matches!(past_the_end, Err(refresh::RefreshError::Invalid)),
        "{past_the_end:?}"
    );
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
