//! Error tracking: with `SENTRY_DSN` set, errors reach Sentry tagged with the request id —
//! checked against a local fake ingest server, through the real binary.

use std::sync::{Arc, Mutex};

use axum::{body::Bytes, extract::State, routing::post};
use sea_orm::{ConnectionTrait, Database};
use tempfile::TempDir;

use crate::binary::Server;

/// Accepts Sentry envelopes (`POST /api/{project}/envelope/`) and keeps their bodies.
async fn fake_ingest() -> (std::net::SocketAddr, Arc<Mutex<Vec<String>>>) {
    fake_ingest_answering_after(std::time::Duration::ZERO).await
}

/// A fake ingest that takes `delay` to answer each envelope.
async fn fake_ingest_answering_after(
    delay: std::time::Duration,
) -> (std::net::SocketAddr, Arc<Mutex<Vec<String>>>) {
    let received = Arc::new(Mutex::new(Vec::new()));
    let router = axum::Router::new()
        .route(
            "/api/{project}/envelope/",
            post(
                move |State(received): State<Arc<Mutex<Vec<String>>>>, body: Bytes| async move {
                    tokio::time::sleep(delay).await;
                    received
                        .lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&body).into_owned());
                    "{}"
                },
            ),
        )
        .with_state(Arc::clone(&received));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (address, received)
}

use crate::helpers::PASSWORD;

/// The real binary reporting to `ingest`, with a traveler signed up (the cookie is returned) and
/// then the trips tables dropped under it, so the trips page fails inside.
async fn broken_server(
    ingest: std::net::SocketAddr,
) -> (TempDir, Server, String, reqwest::Client, String) {
    let dir = TempDir::new().unwrap();
    let dsn = format!("http://0123456789abcdef@{ingest}/42");
    // No drain before the stop: the shutdown test below times the flush, not the drain.
    let server = Server::start(
        dir.path(),
        &[
            ("SENTRY_DSN", dsn.as_str()),
            ("SHUTDOWN_DRAIN_SECONDS", "0"),
        ],
    );
    let lines =
        server.wait_for(|line| line.starts_with("Travel Planner is running at http://127.0.0.1:"));
    let url = lines
        .last()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cookie = crate::helpers::sign_up_at(
        &client,
        &url,
        &dir.path().join("data/outbox"),
        "sentry@example.com",
        PASSWORD,
    )
    .await;
    let db = Database::connect(format!(
        "sqlite://{}",
        dir.path().join("data/travel-planner.db").display()
    ))
    .await
    .unwrap();
    db.execute_unprepared("DROP TABLE activities")
        .await
        .unwrap();
    db.execute_unprepared("DROP TABLE trips").await.unwrap();
    (dir, server, url, client, cookie)
}

// Multi-threaded: the fake ingest must keep answering while the test thread waits for the
// server to exit (which flushes its events first).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_reach_sentry_with_the_request_id_and_no_secrets() {
    let (ingest, received) = fake_ingest().await;
    let (_dir, mut server, url, client, cookie) = broken_server(ingest).await;

    let failed = client
        .get(format!("{url}/trips"))
        .header("cookie", &cookie)
        .header("x-request-id", "sentry-test-request-77")
        .send()
        .await
        .unwrap();
    let body = failed.text().await.unwrap();
    assert!(
        !body.contains("no such table"),
        "no SQL in the page: {body}"
    );

    // Both the failure inside (logged where it happened — possibly in a task Leptos spawned,
    // outside the request's span) and the 500 it caused (always tagged with the request id).
    let arrived = |received: &Arc<Mutex<Vec<String>>>| {
        let all = received.lock().unwrap();
        let cause = all.iter().any(|e| e.contains("trip operation failed"));
        let tagged = all.iter().find(|e| {
            e.contains("\"message\":\"request failed\"")
                && e.contains("\"tags\":{\"request_id\":\"sentry-test-request-77\"}")
        });
        cause.then_some(()).and(tagged.cloned())
    };
    let mut event = None;
    for _ in 0..100 {
        event = arrived(&received);
        if event.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    drop(client);
    let exit = server.terminate();

    assert!(exit.success(), "{exit:?}");
    let event = event.expect("the error and the tagged 500 reached the ingest");
    assert!(event.contains("\"status\":500"), "{event}");
    let everything = received.lock().unwrap().join("\n");
    let session_id = &cookie[cookie.find('=').unwrap() + 1..];
    assert!(!everything.contains(session_id), "no session id in events");
    assert!(!everything.contains(PASSWORD), "no password in events");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ingest_that_never_answers_does_not_hold_up_shutdown() {
    let (ingest, _received) =
        fake_ingest_answering_after(std::time::Duration::from_secs(600)).await;
    // An error event on its way to the stuck ingest.
    let (_dir, mut server, url, client, cookie) = broken_server(ingest).await;
    let failed = client
        .get(format!("{url}/trips"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    drop(client);
    assert!(failed.status().is_server_error(), "{}", failed.status());
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let started = std::time::Instant::now();
    let exit = server.terminate();

    assert!(exit.success(), "{exit:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(9),
        "{:?}",
        started.elapsed()
    );
}
