//! Optional email verification.

use std::time::Duration;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

const PASSWORD: &str = "violet kettle harbour";

fn unique_email() -> String {
    format!("verify-{}@example.com", uuid::Uuid::now_v7().simple())
}

/// Waits for a confirmation link mailed to `to` and returns its token.
async fn confirmation_token(app: &TestApp, to: &str) -> Option<String> {
    let outbox = app.dir.path().join("outbox");
    for _ in 0..40 {
        for entry in std::fs::read_dir(&outbox).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            if let Some(link) = text
                .starts_with(&format!("To: {to}\n"))
                .then(|| {
                    text.lines()
                        .find(|l| l.contains("/verify-email/"))
                        .map(str::to_string)
                })
                .flatten()
            {
                return Some(link.rsplit('/').next().unwrap().trim().to_string());
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

#[tokio::test]
async fn verification_is_off_by_default() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;

    let account = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();

    assert!(confirmation_token(&app, &email).await.is_none());
    assert!(!account.contains("Please confirm your email address"));
}

#[tokio::test]
async fn a_confirmation_link_is_sent_and_confirms_with_one_post() {
    let app = spawn_app_with(|s| s.email_verification = true).await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let token = confirmation_token(&app, &email)
        .await
        .expect("a confirmation email");

    let reminder = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();
    let page = app.get(&format!("/verify-email/{token}")).await;
    let after_get = app
        .count_where("users", "email_verified_at IS NOT NULL")
        .await;
    let confirm = app
        .post_form("/api/auth/confirm_email", &[("token", &token)], None)
        .await;
    let after_post = app
        .count_where("users", "email_verified_at IS NOT NULL")
        .await;
    let reuse = app
        .post_form("/api/auth/confirm_email", &[("token", &token)], None)
        .await;
    let account = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();

    assert!(reminder.contains("Please confirm your email address"));
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Confirm my email"));
    assert_eq!(after_get, 0, "opening the link changes nothing by itself");
    assert!(
        confirm.status().is_success() || confirm.status().is_redirection(),
        "{}",
        confirm.status()
    );
    assert_eq!(after_post, 1);
    assert_eq!(reuse.status(), 422);
    assert!(!account.contains("Please confirm your email address"));
}

#[tokio::test]
async fn a_new_email_must_be_confirmed_again() {
    let app = spawn_app_with(|s| s.email_verification = true).await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let first = confirmation_token(&app, &email).await.unwrap();
    app.post_form("/api/auth/confirm_email", &[("token", &first)], None)
        .await;
    let new_email = unique_email();

    let update = app
        .post_form(
            "/api/auth/update_profile",
            &[("display_name", "Rosa"), ("email", &new_email)],
            Some(&cookie),
        )
        .await;

    assert!(
        update.status().is_success() || update.status().is_redirection(),
        "{}",
        update.status()
    );
    assert_eq!(
        app.count_where("users", "email_verified_at IS NOT NULL")
            .await,
        0
    );
    assert!(confirmation_token(&app, &new_email).await.is_some());
}
