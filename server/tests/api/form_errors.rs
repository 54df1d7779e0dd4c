//! Only the server can put a message on a page (docs/security.md, "Messages on pages"): a form
//! that fails without JavaScript gets its error back through the session, and a crafted link's
//! `__err` shows nothing.

use base64::{Engine, engine::general_purpose::URL_SAFE};

use crate::helpers::{PASSWORD, TestApp, session_cookie, spawn_app, unique_email};

/// Posts a form as a browser without JavaScript does: HTML accepted, sent from `page`.
async fn post_from_page(
    app: &TestApp,
    page: &str,
    action: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url(action))
        .header("accept", "text/html")
        .header("referer", app.url(page))
        .form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_failed_form_comes_back_with_its_error_but_the_address_carries_none() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    let failed = post_from_page(
        &app,
        "/login",
        "/api/auth/log_in",
        &[("email", &email), ("password", "not my password")],
        None,
    )
    .await;
    let back_to = location(&failed);
    let cookie = session_cookie(&failed).expect("the error waits in a session");
    let page = app
        .get_with_cookie(&back_to, &cookie)
        .await
        .text()
        .await
        .unwrap();
    let again = app
        .get_with_cookie(&back_to, &cookie)
        .await
        .text()
        .await
        .unwrap();

    assert!(failed.status().is_redirection(), "{}", failed.status());
    assert_eq!(back_to, "/login");
    assert!(
        page.contains("Your email or password is incorrect."),
        "{page}"
    );
    assert!(page.contains(&email), "what was typed comes back");
    assert!(
        !again.contains("Your email or password is incorrect."),
        "shown once"
    );
}

#[tokio::test]
async fn a_crafted_link_puts_no_message_on_the_page() {
    let app = spawn_app().await;
    let forged = app::error::AppError::Invalid(domain::FormErrors::with_form(
        "Your account is locked. Call +1-555-0100 to unlock it.",
    ));
    let encoded = URL_SAFE.encode(serde_json::to_vec(&forged).unwrap());
    let link = format!(
        "/login?__path=%2Fapi%2Fauth%2Flog_in&__err={}",
        encoded.replace('=', "%3D")
    );

    let page = app
        .client
        .get(app.url(&link))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let status = page.status();
    let body = page.text().await.unwrap();

    assert_eq!(status, 200);
    assert!(body.contains("Log in"), "the page itself shows");
    assert!(!body.contains("555-0100"), "{body}");
}

#[tokio::test]
async fn typed_notes_do_not_travel_in_the_address() {
    let app = spawn_app().await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;
    let notes = "A long story about the trip. ".repeat(170);

    let failed = post_from_page(
        &app,
        "/trips/new",
        "/api/trips/create",
        &[
            ("name", ""),
            ("destination", "Lisbon"),
            ("start_date", "2027-03-03"),
            ("end_date", "2027-03-09"),
            ("time_zone", "Europe/Lisbon"),
            ("currency", "EUR"),
            ("notes", &notes),
        ],
        Some(&cookie),
    )
    .await;
    let back_to = location(&failed);
    let page = app
        .get_with_cookie(&back_to, &cookie)
        .await
        .text()
        .await
        .unwrap();

    assert_eq!(back_to, "/trips/new");
    assert!(page.contains("Give the trip a name."), "{page}");
    assert!(
        page.contains("A long story about the trip."),
        "the notes come back"
    );
}
