//! Changing and resetting passwords (docs/security.md, "Accounts").

use chrono::Utc;
use domain::accounts::reset;
use serde_json::Value;

use crate::helpers::{TestApp, session_cookie, spawn_app};

use crate::helpers::PASSWORD;
const NEW_PASSWORD: &str = "amber lantern meadow";

use crate::helpers::unique_email;

/// The token at the end of the reset link in an email body.
fn token_in(body: &str) -> String {
    let link = body
        .lines()
        .find(|l| l.contains("/reset-password/"))
        .expect("a reset link");
    link.rsplit('/').next().expect("a token").trim().to_string()
}

/// Waits for a reset link mailed to `to` and returns its token.
async fn reset_token_sent_to(app: &TestApp, to: &str) -> String {
    app.link_sent_to(to, "/reset-password/").await
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let email = unique_email();
    let laptop = app.sign_up(&email, PASSWORD).await;
    let phone = session_cookie(&app.log_in(&email, PASSWORD, None).await).unwrap();

    let wrong_current = app
        .post_form(
            "/api/auth/change_password",
            &[
                ("current_password", "not my password"),
                ("new_password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
            Some(&laptop),
        )
        .await;
    let changed = app
        .post_form(
            "/api/auth/change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
            Some(&laptop),
        )
        .await;

    assert_eq!(wrong_current.status(), 422);
    let body: Value = wrong_current.json().await.unwrap();
    assert!(
        body["Invalid"]["fields"]["current_password"].is_string(),
        "{body}"
    );
    assert!(
        changed.status().is_success() || changed.status().is_redirection(),
        "{}",
        changed.status()
    );
    assert_eq!(
        app.get_with_cookie("/account", &laptop).await.status(),
        200,
        "this device stays logged in"
    );
    assert_eq!(
        app.get_with_cookie("/account", &phone).await.status(),
        303,
        "other devices are logged out"
    );
    assert_eq!(app.log_in(&email, PASSWORD, None).await.status(), 422);
    assert!(session_cookie(&app.log_in(&email, NEW_PASSWORD, None).await).is_some());
}

#[tokio::test]
async fn changing_the_password_needs_a_session() {
    let app = spawn_app().await;

    let response = app
        .post_form(
            "/api/auth/change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
            None,
        )
        .await;

    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn forgot_password_answers_the_same_for_known_and_unknown_addresses() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    let known = app
        .post_form(
            "/api/auth/request_password_reset",
            &[("email", &email)],
            None,
        )
        .await;
    let unknown = app
        .post_form(
            "/api/auth/request_password_reset",
            &[("email", "nobody@example.com")],
            None,
        )
        .await;

    assert_eq!(known.status(), unknown.status());
    let known_headers = known.headers().clone();
    let unknown_headers = unknown.headers().clone();
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
    for header in ["location", "serverfnredirect"] {
        assert_eq!(
            known_headers.get(header),
            unknown_headers.get(header),
            "{header}"
        );
    }
    reset_token_sent_to(&app, &email).await;
}

#[tokio::test]
async fn a_reset_link_works_once_ends_every_session_and_logs_in() {
    let app = spawn_app().await;
    let email = unique_email();
    let old_session = app.sign_up(&email, PASSWORD).await;
    app.post_form(
        "/api/auth/request_password_reset",
        &[("email", &email)],
        None,
    )
    .await;
    let token = reset_token_sent_to(&app, &email).await;

    let page = app.get(&format!("/reset-password/{token}")).await;
    let reset = app
        .post_form(
            "/api/auth/reset_password",
            &[
                ("token", &token),
                ("password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
            None,
        )
        .await;
    let new_session = session_cookie(&reset);
    let reuse = app
        .post_form(
            "/api/auth/reset_password",
            &[
                ("token", &token),
                ("password", "another fine passphrase"),
                ("password_confirmation", "another fine passphrase"),
            ],
            None,
        )
        .await;

    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    assert!(page.text().await.unwrap().contains("Save new password"));
    assert!(new_session.is_some(), "{}", reset.status());
    assert_eq!(
        app.get_with_cookie("/account", &new_session.unwrap())
            .await
            .status(),
        200
    );
    assert_eq!(
        app.get_with_cookie("/account", &old_session).await.status(),
        303
    );
    assert_eq!(reuse.status(), 422);
    let body: Value = reuse.json().await.unwrap();
    assert!(
        body["Invalid"]["form"]
            .as_str()
            .unwrap()
            .contains("expired or was already used")
    );
    assert!(session_cookie(&app.log_in(&email, NEW_PASSWORD, None).await).is_some());
}

#[tokio::test]
async fn reset_tokens_are_stored_hashed_and_expire_after_an_hour() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    let now = Utc::now();
    let message = reset::request(&app.db, &email, "http://x", i18n::Language::En, now)
        .await
        .unwrap()
        .unwrap();
    let token = token_in(&message.body);

    let stored = app
        .text_of("SELECT token_hash FROM password_reset_tokens", "token_hash")
        .await;
    let later = now + chrono::Duration::minutes(61);
    let expired = reset::complete(&app.db, &token, NEW_PASSWORD.into(), NEW_PASSWORD, later).await;
    let in_time = reset::complete(
        &app.db,
        &token,
        NEW_PASSWORD.into(),
        NEW_PASSWORD,
        now + chrono::Duration::minutes(59),
    )
    .await;

    assert_eq!(token.len(), 43, "256 bits, base64url");
    assert_ne!(stored, token);
    assert_eq!(stored.len(), 64);
    assert!(expired.is_err());
    assert!(in_time.is_ok());
}

#[tokio::test]
async fn a_password_change_retires_outstanding_reset_links() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let message = reset::request(&app.db, &email, "http://x", i18n::Language::En, Utc::now())
        .await
        .unwrap()
        .unwrap();
    let token = token_in(&message.body);

    app.post_form(
        "/api/auth/change_password",
        &[
            ("current_password", PASSWORD),
            ("new_password", NEW_PASSWORD),
            ("password_confirmation", NEW_PASSWORD),
        ],
        Some(&cookie),
    )
    .await;

    assert!(!reset::is_valid(&app.db, &token, Utc::now()).await.unwrap());
}
