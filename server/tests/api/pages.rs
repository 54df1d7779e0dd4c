use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use crate::helpers::{spawn_app, spawn_app_with};

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

/// Listing a server's page routes renders the app with data loading switched off through a
/// process-wide flag (leptos issue #4773). A page whose data started loading in that moment, in
/// another server of the same process, used to wait until the request timed out (408) — the
/// intermittent stall of this test suite, where many servers start while others serve pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starting_other_servers_does_not_stall_pages_being_rendered() {
    let app = spawn_app_with(|settings| settings.request_timeout = Duration::from_secs(5)).await;
    let cookie = app
        .sign_up("stall@example.com", crate::helpers::PASSWORD)
        .await;
    let stop = Arc::new(AtomicBool::new(false));
    let starter = std::thread::spawn({
        let stop = Arc::clone(&stop);
        move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            let mut started = 0;
            while !stop.load(Ordering::Relaxed) {
                runtime.block_on(spawn_app());
                started += 1;
            }
            started
        }
    });

    let mut served = 0;
    while served < 100 {
        let status = app.get_with_cookie("/trips", &cookie).await.status();
        if status != 200 {
            break;
        }
        served += 1;
    }
    stop.store(true, Ordering::Relaxed);
    let started = starter.join().unwrap();

    assert!(started > 0, "no other server started meanwhile");
    assert_eq!(served, 100, "a page failed after {served} were served");
}
