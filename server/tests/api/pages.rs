use crate::helpers::spawn_app;

#[tokio::test]
async fn landing_page_explains_the_product_and_offers_sign_up() {
    let app = spawn_app().await;

    let response = app.get("/").await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = response.text().await.unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains(r#"name="viewport" content="width=device-width, initial-scale=1""#));
    assert!(html.contains("<title>Travel Planner</title>"));
    assert!(html.contains("Plan every day of your trip in one place"));
    assert!(html.contains(r#"href="/signup""#));
    assert!(html.contains(r#"href="/login""#));
    assert!(html.contains(r#"href="/privacy""#));
    assert!(html.contains(r#"href="/terms""#));
    assert!(html.contains("/pkg/travel-planner.css"));
}

#[tokio::test]
async fn legal_pages_exist() {
    let app = spawn_app().await;
    let privacy: &[&str] = &[
        "run by the person or organisation who installed it here",
        "your email address, your name, your home time zone",
        "only a one-way hash of it",
        "<code>tp_session</code>",
        "Logs never contain passwords",
        "no analytics, no tracking, no advertising and no third-party scripts, fonts or images",
        "so there is no cookie banner",
        "You only get emails about your account",
        "kept until you delete them",
        "A session ends when you log out",
        "Download my data",
        "Delete your account",
        r#"href="/account""#,
    ];
    let terms: &[&str] = &[
        "run by the person or organisation who installed Travel Planner",
        "Don’t abuse it",
        "The host may suspend or delete an account that abuses the site",
        "use it at your own risk",
        "GNU Affero General Public License",
        r#"href="/account""#,
    ];

    for (path, title, sentences) in [("/privacy", "Privacy", privacy), ("/terms", "Terms", terms)] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("<title>{title} · Travel Planner</title>")),
            "{path}"
        );
        for sentence in sentences {
            assert!(html.contains(sentence), "{path}: {sentence}");
        }
        assert!(!html.contains("will follow"), "{path}: no placeholder left");
    }
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_404() {
    let app = spawn_app().await;

    for path in ["/no-such-page", "/places/nowhere/at/all", "/pkg/missing.js"] {
        let response = app.get(path).await;

        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("We couldn’t find that page"), "{path}");
        assert!(
            html.contains("<title>Page not found · Travel Planner</title>"),
            "{path}"
        );
        assert!(html.contains(r#"href="/""#), "{path}: a way back home");
    }
}
