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

    for (path, title) in [("/privacy", "Privacy"), ("/terms", "Terms")] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("<title>{title} · Travel Planner</title>")),
            "{path}"
        );
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
