use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn precompressed_brotli_is_served_when_accepted() {
    let app = spawn_app().await;
    let pkg = app.dir.path().join("site/pkg");
    std::fs::write(pkg.join("travel-planner.css"), "body { color: red }").unwrap();
    std::fs::write(pkg.join("travel-planner.css.br"), b"brotli-bytes").unwrap();

    let brotli = app
        .client
        .get(app.url("/pkg/travel-planner.css"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    let plain = app.get("/pkg/travel-planner.css").await;

    assert_eq!(brotli.status(), 200);
    assert_eq!(brotli.headers()["content-encoding"], "br");
    assert_eq!(brotli.bytes().await.unwrap().as_ref(), b"brotli-bytes");
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.headers()["cache-control"], "public, max-age=86400");
    assert_eq!(plain.text().await.unwrap(), "body { color: red }");
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year() {
    let app = spawn_app_with(|settings| settings.hashed_assets = true).await;
    let pkg = app.dir.path().join("site/pkg");
    std::fs::write(pkg.join("travel-planner.0123abcd.js"), "export {}").unwrap();
    std::fs::write(app.dir.path().join("site/favicon.svg"), "<svg/>").unwrap();

    let hashed = app.get("/pkg/travel-planner.0123abcd.js").await;
    let favicon = app.get("/favicon.svg").await;

    assert_eq!(hashed.status(), 200);
    assert_eq!(
        hashed.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(favicon.status(), 200);
    assert_eq!(favicon.headers()["cache-control"], "public, max-age=86400");
}

#[tokio::test]
async fn pages_are_compressed_for_clients_that_accept_it() {
    let app = spawn_app().await;

    let compressed = app
        .client
        .get(app.url("/login"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    let plain = app.get("/login").await;

    assert_eq!(compressed.status(), 200);
    assert_eq!(compressed.headers()["content-encoding"], "br");
    let compressed_size = compressed.bytes().await.unwrap().len();
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_size = plain.bytes().await.unwrap().len();
    assert!(
        compressed_size * 2 < plain_size,
        "{compressed_size} B compressed, {plain_size} B plain"
    );
}
