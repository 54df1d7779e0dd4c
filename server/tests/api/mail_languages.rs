//! Mails in the recipient's language: a sign-up link in the language of the page it was asked
//! on; a password reset in the account's saved language, else the browser's; an invitation in
//! the invitee's account language, else the inviter's page language.

use sea_orm::ConnectionTrait;

use crate::{
    helpers::{PASSWORD, TestApp, spawn_app, unique_email},
    together::{person, trip_with_activity},
};

/// Posts a form to a server function from a browser that prefers `accept_language`.
async fn post_in(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
    accept_language: &str,
) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url(path))
        .header("accept", "application/json")
        .header("accept-language", accept_language)
        .form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.expect("request failed");
    assert!(
        response.status().is_success() || response.status().is_redirection(),
        "{path}: {}",
        response.status()
    );
    response
}

/// Saves `code` as the language of the account with this address.
async fn save_language(app: &TestApp, email: &str, code: &str) {
    app.db
        .execute_unprepared(&format!(
            "UPDATE users SET language = '{code}' WHERE email = '{email}'"
        ))
        .await
        .expect("language saved");
}

/// The newest message to `to` with a link to `path`, once it has arrived.
async fn mail_with(app: &TestApp, to: &str, path: &str) -> String {
    app.link_sent_to(to, path).await;
    app.mail_to(to)
        .into_iter()
        .find(|text| text.contains(path))
        .expect("the message")
}

#[tokio::test]
async fn a_reset_follows_the_browser_when_the_account_chose_no_language() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    post_in(
        &app,
        "/api/auth/request_password_reset",
        &[("email", &email)],
        None,
        "de-DE, en;q=0.5",
    )
    .await;

    let mail = mail_with(&app, &email, "/reset-password/").await;
    assert!(
        mail.contains("Subject: Setze dein Travel-Planner-Passwort zurück"),
        "{mail}"
    );
    assert!(mail.contains("Hallo Test Traveler,"), "{mail}");
}

#[tokio::test]
async fn a_reset_is_in_the_language_the_account_saved_whatever_the_browser() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    save_language(&app, &email, "fr").await;

    post_in(
        &app,
        "/api/auth/request_password_reset",
        &[("email", &email)],
        None,
        "de",
    )
    .await;

    let mail = mail_with(&app, &email, "/reset-password/").await;
    assert!(
        mail.contains("Subject: Réinitialisez votre mot de passe Travel Planner"),
        "{mail}"
    );
    assert!(mail.contains("Bonjour Test Traveler,"), "{mail}");
}

#[tokio::test]
async fn an_invitation_is_in_the_language_the_invitee_chose() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    save_language(&app, &ben.email, "de").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;

    post_in(
        &app,
        "/api/members/invite",
        &[
            ("trip_id", &trip.to_string()),
            ("email", &ben.email),
            ("role", "editor"),
        ],
        Some(&ana.cookie),
        "en",
    )
    .await;

    let mail = mail_with(&app, &ben.email, "/invitations/").await;
    assert!(
        mail.contains("Subject: Ana lädt dich ein, „Lisbon together“ mitzuplanen"),
        "{mail}"
    );
    assert!(mail.contains("(Lisbon, 3.–5. März 2027)"), "{mail}");
    assert!(
        mail.contains("Du kannst die Reise und ihren Tagesplan ändern."),
        "{mail}"
    );
}

#[tokio::test]
async fn an_invitation_to_an_address_without_an_account_follows_the_inviter() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let guest = unique_email();

    post_in(
        &app,
        "/api/members/invite",
        &[
            ("trip_id", &trip.to_string()),
            ("email", &guest),
            ("role", "viewer"),
        ],
        Some(&ana.cookie),
        "fr-CH, fr;q=0.9",
    )
    .await;

    let mail = mail_with(&app, &guest, "/invitations/").await;
    assert!(
        mail.contains("Subject: Ana vous invite à planifier «\u{a0}Lisbon together\u{a0}»"),
        "{mail}"
    );
}

#[tokio::test]
async fn a_sign_up_from_a_french_page_gets_a_french_link() {
    let app = spawn_app().await;
    let email = unique_email();

    post_in(
        &app,
        "/api/auth/sign_up",
        &[
            ("email", &email),
            ("display_name", "Camille"),
            ("password", PASSWORD),
            ("password_confirmation", PASSWORD),
        ],
        None,
        "fr",
    )
    .await;

    let mail = mail_with(&app, &email, "/signup/").await;
    assert!(
        mail.contains("Subject: Terminez la création de votre compte Travel Planner"),
        "{mail}"
    );
    assert!(mail.contains("Le lien est valable 24 heures."), "{mail}");
}
