//! Addresses are proven by mail, and no answer tells anyone whether an address has an account
//! (docs/security.md, "Accounts"): sign-up finishes through a link, an email change needs the
//! current password and waits for the new address's link, the owner of a taken address is told
//! by mail, and no address gets more than a few messages an hour from the forms.

use sea_orm::ConnectionTrait;

use crate::helpers::{PASSWORD, TestApp, session_cookie, spawn_app, spawn_app_with, unique_email};

/// Sign-up's answer, without following it.
async fn answer(app: &TestApp, email: &str, name: &str) -> (u16, String, String) {
    let response = app
        .post_form(
            "/api/auth/sign_up",
            &[
                ("email", email),
                ("display_name", name),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
            None,
        )
        .await;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location, response.text().await.unwrap())
}

#[tokio::test]
async fn sign_up_answers_alike_for_new_and_taken_addresses_and_tells_the_owner_by_mail() {
    let app = spawn_app().await;
    let taken = unique_email();
    app.sign_up(&taken, PASSWORD).await;
    let free = unique_email();

    let for_free = answer(&app, &free, "Rosa").await;
    let for_taken = answer(&app, &taken, "Rosa").await;

    assert_eq!(for_free, for_taken, "the same status, redirect and body");
    assert!(for_free.0 < 400, "{for_free:?}");
    let link = app.link_sent_to(&free, "/signup/").await;
    assert_eq!(link.len(), 43);
    // The owner of the taken address hears about it; no second account exists.
    for _ in 0..100 {
        if app.mail_to(&taken).len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let note = &app.mail_to(&taken)[0];
    assert!(note.contains("already has one"), "{note}");
    assert!(note.contains("/forgot-password"), "{note}");
    assert!(!note.contains("/signup/"), "no link that makes an account");
    assert_eq!(
        app.count_where("users", &format!("email = '{taken}'"))
            .await,
        1
    );
}

#[tokio::test]
async fn the_api_answers_alike_too() {
    let app = spawn_app().await;
    let taken = unique_email();
    app.sign_up(&taken, PASSWORD).await;
    let register = |email: String| {
        let app = &app;
        async move {
            let response = app
                .api(
                    reqwest::Method::POST,
                    "/api/v1/auth/register",
                    None,
                    Some(&serde_json::json!({
                        "email": email, "display_name": "Maria", "password": PASSWORD
                    })),
                )
                .await;
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };

    let for_free = register(unique_email()).await;
    let for_taken = register(taken).await;

    assert_eq!(for_free.0, 202);
    assert_eq!(for_free, for_taken);
}

#[tokio::test]
async fn the_link_makes_the_account_once_and_opening_it_changes_nothing() {
    let app = spawn_app().await;
    let email = unique_email();
    answer(&app, &email, "Rosa").await;
    let token = app.link_sent_to(&email, "/signup/").await;

    let before = app.count("users").await;
    let page = app.get(&format!("/signup/{token}")).await;
    let referrer = page.headers()["referrer-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let after_opening = app.count("users").await;
    let cookie = app.complete_sign_up(&token).await;
    let again = app
        .post_form("/api/auth/complete_sign_up", &[("token", &token)], None)
        .await;
    let account = app.get_with_cookie("/account", &cookie).await;

    assert_eq!(before, 0, "no account before the link is used");
    assert_eq!(page.status(), 200);
    assert_eq!(referrer, "no-referrer");
    assert_eq!(after_opening, 0, "opening the page creates nothing");
    assert_eq!(app.count("users").await, 1);
    assert_eq!(
        app.count_where("users", "email_verified_at IS NOT NULL")
            .await,
        1,
        "the link confirmed the address"
    );
    assert_eq!(again.status(), 422, "single use");
    assert_eq!(account.status(), 200);
    assert_eq!(app.count("pending_signups").await, 0);
}

#[tokio::test]
async fn the_sign_up_mail_carries_no_name_the_sender_chose() {
    let app = spawn_app().await;
    let email = unique_email();

    answer(&app, &email, "Win a prize at scam.example").await;
    app.link_sent_to(&email, "/signup/").await;

    assert!(!app.mail_to(&email)[0].contains("scam.example"));
}

#[tokio::test]
async fn no_address_gets_more_than_a_few_messages_an_hour() {
    let app = spawn_app_with(|s| s.auth_attempts_per_ip_per_minute = 1_000).await;
    let victim = unique_email();

    for _ in 0..12 {
        answer(&app, &victim, "Rosa").await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    let received = app.mail_to(&victim).len();
    assert_eq!(
        received,
        domain::accounts::limits::MAIL_PER_ADDRESS_PER_HOUR as usize
    );
}

/// Posts the profile form.
async fn update_profile(
    app: &TestApp,
    cookie: &str,
    email: &str,
    current_password: &str,
) -> reqwest::Response {
    app.post_form(
        "/api/auth/update_profile",
        &[
            ("display_name", "Rosa"),
            ("email", email),
            ("password", current_password),
        ],
        Some(cookie),
    )
    .await
}

#[tokio::test]
async fn changing_the_email_needs_the_current_password() {
    let app = spawn_app_with(|s| s.failed_logins_per_account_per_hour = 3).await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let new_email = unique_email();

    let without = update_profile(&app, &cookie, &new_email, "").await;
    let without: serde_json::Value = without.json().await.unwrap();
    let mut wrong = Vec::new();
    for _ in 0..3 {
        wrong.push(
            update_profile(&app, &cookie, &new_email, "a wrong guess")
                .await
                .status(),
        );
    }
    let locked = update_profile(&app, &cookie, &new_email, PASSWORD).await;
    let name_only = app
        .post_form(
            "/api/auth/update_profile",
            &[("display_name", "Rosa Maria"), ("email", &email)],
            Some(&cookie),
        )
        .await;

    assert!(
        without
            .to_string()
            .contains("Enter your password to change your email."),
        "{without}"
    );
    assert_eq!(wrong, vec![422; 3]);
    assert_eq!(
        locked.status(),
        429,
        "wrong passwords count as failed logins"
    );
    assert!(name_only.status().is_redirection() || name_only.status().is_success());
    assert_eq!(
        app.count_where("users", "display_name = 'Rosa Maria'")
            .await,
        1
    );
    assert_eq!(
        app.count_where("users", &format!("email = '{email}'"))
            .await,
        1
    );
    assert!(app.mail_to(&new_email).is_empty());
}

#[tokio::test]
async fn a_new_email_changes_only_when_its_link_is_opened() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let new_email = unique_email();

    let update = update_profile(&app, &cookie, &new_email, PASSWORD).await;
    let token = app.link_sent_to(&new_email, "/verify-email/").await;
    let unchanged = app
        .count_where("users", &format!("email = '{email}'"))
        .await;
    let confirm = app
        .post_form(
            "/api/auth/confirm_email",
            &[("token", &token)],
            Some(&cookie),
        )
        .await;

    assert!(update.status().is_redirection() || update.status().is_success());
    assert_eq!(unchanged, 1, "nothing changes before the link");
    assert!(confirm.status().is_redirection() || confirm.status().is_success());
    assert_eq!(
        app.count_where("users", &format!("email = '{new_email}'"))
            .await,
        1
    );
    assert!(
        app.mail_to(&email)[0].contains(&new_email),
        "the old address is told"
    );
    let login = app.log_in(&new_email, PASSWORD, None).await;
    assert!(session_cookie(&login).is_some());
}

#[tokio::test]
async fn moving_to_a_taken_address_answers_alike_and_changes_nothing() {
    let app = spawn_app().await;
    let (mine, theirs, free) = (unique_email(), unique_email(), unique_email());
    let cookie = app.sign_up(&mine, PASSWORD).await;
    app.sign_up(&theirs, PASSWORD).await;

    let to_taken = update_profile(&app, &cookie, &theirs, PASSWORD).await;
    let taken_flash = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();
    let to_free = update_profile(&app, &cookie, &free, PASSWORD).await;
    let free_flash = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();
    app.link_sent_to(&free, "/verify-email/").await;
    for _ in 0..100 {
        if app.mail_to(&theirs).len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }

    assert_eq!(to_taken.status(), to_free.status());
    assert!(taken_flash.contains(&format!("We sent a link to {theirs}")));
    assert!(free_flash.contains(&format!("We sent a link to {free}")));
    let note = &app.mail_to(&theirs)[0];
    assert!(note.contains("Nothing was changed"), "{note}");
    assert!(!note.contains("/verify-email/"));
    assert_eq!(
        app.count_where("users", &format!("email = '{mine}'")).await,
        1
    );
}

#[tokio::test]
async fn an_account_from_before_sign_up_links_can_confirm_its_address() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    // As an account made before addresses were confirmed at sign-up.
    app.db
        .execute_unprepared("UPDATE users SET email_verified_at = NULL")
        .await
        .unwrap();
    let cookie = session_cookie(&app.log_in(&email, PASSWORD, None).await).unwrap();

    let reminder = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();
    app.post_form("/api/auth/resend_confirmation", &[], Some(&cookie))
        .await;
    let token = app.link_sent_to(&email, "/verify-email/").await;
    app.post_form(
        "/api/auth/confirm_email",
        &[("token", &token)],
        Some(&cookie),
    )
    .await;
    let account = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();

    assert!(reminder.contains("is not confirmed yet"));
    assert!(!account.contains("is not confirmed yet"));
    assert_eq!(
        app.count_where("users", "email_verified_at IS NOT NULL")
            .await,
        1
    );
}
