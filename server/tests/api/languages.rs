//! The language of the pages: the account's choice, else the visitor's cookie, else the
//! browser's `Accept-Language`, else English; dates and money written the language's way; the
//! switcher works without JavaScript and is remembered.

use crate::helpers::{TestApp, spawn_app, unique_email};

async fn page(app: &TestApp, path: &str, cookie: Option<&str>, accept: Option<&str>) -> String {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if let Some(accept) = accept {
        request = request.header("accept-language", accept);
    }
    let response = request.send().await.expect("request failed");
    assert_eq!(response.status(), 200, "{path}");
    let vary: Vec<_> = response
        .headers()
        .get_all("vary")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        vary.iter().any(|v| v.contains("accept-language")),
        "pages vary by language: {vary:?}"
    );
    response.text().await.expect("a page")
}

/// The page without leptos' `<!>` markers between text parts.
fn text(page: &str) -> String {
    page.replace("<!>", "")
}

/// The `lang` of the page's `<html>` element.
fn html_lang(page: &str) -> &str {
    let tag = &page[page.find("<html").unwrap_or(0)..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    tag.split("lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
}

async fn traveler_with_a_trip(app: &TestApp) -> String {
    let cookie = app.sign_up(&unique_email(), "violet kettle harbour").await;
    let form = [
        ("name", "Spring in Lisbon"),
        ("destination", "Lisbon"),
        ("start_date", "2027-03-03"),
        ("end_date", "2027-03-09"),
        ("time_zone", "Europe/Lisbon"),
        ("currency", "EUR"),
        ("budget", "1500.50"),
        ("notes", ""),
    ];
    let response = app
        .post_form("/api/trips/create", &form, Some(&cookie))
        .await;
    assert_eq!(response.status(), 200);
    cookie
}

#[tokio::test]
async fn the_browser_language_decides_until_the_traveler_chooses() {
    let app = spawn_app().await;
    let cookie = traveler_with_a_trip(&app).await;

    let english = page(&app, "/trips?status=all", Some(&cookie), None).await;
    assert_eq!(html_lang(&english), "en");
    assert!(english.contains("Your trips"));
    assert!(text(&english).contains("3–9 Mar 2027 · 7 days"));
    assert!(english.contains("€1,500.50"));

    let german = page(
        &app,
        "/trips?status=all",
        Some(&cookie),
        Some("de-AT, en;q=0.5"),
    )
    .await;
    assert_eq!(html_lang(&german), "de");
    assert!(german.contains("Deine Reisen"));
    assert!(text(&german).contains("3.–9. März 2027 · 7 Tage"));
    assert!(german.contains("1.500,50\u{a0}€"));

    let french = page(&app, "/trips?status=all", Some(&cookie), Some("fr-CA")).await;
    assert_eq!(html_lang(&french), "fr");
    assert!(french.contains("Vos voyages"));
    assert!(text(&french).contains("3–9 mars 2027 · 7 jours"));
    assert!(french.contains("1\u{202f}500,50\u{a0}€"));

    // A language we do not speak: English.
    let spanish = page(&app, "/trips?status=all", Some(&cookie), Some("es-ES")).await;
    assert_eq!(html_lang(&spanish), "en");

    // The traveler picks French in the footer: saved on the account, whatever the browser says.
    let response = app
        .post_form(
            "/api/auth/language",
            &[("language", "fr"), ("back", "/trips")],
            Some(&cookie),
        )
        .await;
    assert!(response.status().is_success() || response.status().is_redirection());
    let chosen = page(&app, "/trips", Some(&cookie), Some("de")).await;
    assert_eq!(html_lang(&chosen), "fr");
    assert_eq!(
        app.count_where("users", "language = 'fr'").await,
        1,
        "the account keeps the choice"
    );
    // The account page shows it chosen.
    let account = page(&app, "/account", Some(&cookie), None).await;
    assert!(account.contains(r#"value="fr" checked"#), "{account}");
}

#[tokio::test]
async fn a_visitor_s_choice_is_kept_in_a_cookie_and_bad_choices_change_nothing() {
    let app = spawn_app().await;

    let response = app
        .post_form(
            "/api/auth/language",
            &[("language", "de"), ("back", "/login")],
            None,
        )
        .await;
    assert!(response.status().is_success() || response.status().is_redirection());
    let set_cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("tp_lang="))
        .expect("the choice is kept for the browser")
        .to_string();
    assert!(set_cookie.starts_with("tp_lang=de;"));
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));

    let login = page(&app, "/login", Some("tp_lang=de"), Some("fr")).await;
    assert_eq!(html_lang(&login), "de");
    assert!(login.contains("Anmelden"));

    // A made-up language, or a made-up cookie: refused / ignored, English stays.
    let response = app
        .post_form("/api/auth/language", &[("language", "xx")], None)
        .await;
    assert_eq!(response.status(), 400);
    assert!(response.headers().get("set-cookie").is_none());
    let login = page(&app, "/login", Some("tp_lang=xx"), None).await;
    assert_eq!(html_lang(&login), "en");
}

/// The trip page's overview is kept between requests: kept per language, so a German reader
/// never gets the English rendering kept before, nor the other way round.
#[tokio::test]
async fn the_kept_trip_page_is_kept_per_language() {
    let app = spawn_app().await;
    let cookie = traveler_with_a_trip(&app).await;
    let list = page(&app, "/trips?status=all", Some(&cookie), None).await;
    let start = list
        .find("href=\"/trips/0")
        .or_else(|| list.find("href=\"/trips/"))
        .unwrap_or(0);
    let path: String = list[start + 6..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    assert!(path.len() > "/trips/".len(), "a link to the trip: {path}");

    for _ in 0..2 {
        let english = text(&page(&app, &path, Some(&cookie), Some("en")).await);
        assert!(english.contains("3–9 Mar 2027 · 7 days"));
        let german = text(&page(&app, &path, Some(&cookie), Some("de")).await);
        assert!(german.contains("3.–9. März 2027 · 7 Tage"));
        assert!(!german.contains("7 days"));
    }
}
