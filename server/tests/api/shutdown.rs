//! SIGTERM under load (docs/runbook.md, graceful shutdown): every request the server had started when the signal
//! came finishes successfully, and the process exits 0. Before it stops accepting, the server
//! drains: `/readyz` answers 503 while everything else is served as usual.
//!
//! Not flaky by design: the signal is sent only once the server has logged the start of every
//! in-flight request (tower-http's "started processing request" at debug level), so "in flight"
//! is a fact, not a guess based on sleeping. Log-ins are the slow requests: each hashes a password
//! with argon2 (~100 ms of CPU), so on two cores the batch takes seconds to drain.

use std::time::{Duration, Instant};

use tempfile::TempDir;
use tokio::task::JoinSet;

use crate::{binary::Server, helpers::fresh_database_url};

use crate::helpers::PASSWORD;
const IN_FLIGHT: usize = 24;
const AFTER_SIGNAL: usize = 16;

async fn log_in(client: reqwest::Client, url: String, email: String) -> Result<u16, String> {
    client
        .post(format!("{url}/api/auth/log_in"))
        .header("accept", "application/json")
        .form(&[("email", email.as_str()), ("password", PASSWORD)])
        .send()
        .await
        .map(|response| response.status().as_u16())
        .map_err(|error| error.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_fails_no_request_in_flight_and_exits_0() {
    let dir = TempDir::new().unwrap();
    let database = fresh_database_url(&dir).await;
    let mut server = Server::start(
        dir.path(),
        &[
            ("DATABASE_URL", database.as_str()),
            ("LOG_FORMAT", "json"),
            ("RUST_LOG", "info,tower_http=debug"),
            ("AUTH_ATTEMPTS_PER_IP_PER_MINUTE", "10000"),
            ("SHUTDOWN_GRACE_SECONDS", "60"),
            // No drain: the log-ins must still be running when the listener closes, which is
            // what this test is about (the drain has its own test below).
            ("SHUTDOWN_DRAIN_SECONDS", "0"),
        ],
    );
    let lines = server.wait_for(|line| line.contains("Travel Planner is ready"));
    let ready: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    let url = ready["url"].as_str().unwrap().to_string();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let email = format!("load-{}@example.com", uuid::Uuid::now_v7().simple());
    crate::helpers::sign_up_at(
        &client,
        &url,
        &dir.path().join("data/outbox"),
        &email,
        PASSWORD,
    )
    .await;

    let mut in_flight = JoinSet::new();
    for _ in 0..IN_FLIGHT {
        in_flight.spawn(log_in(client.clone(), url.clone(), email.clone()));
    }
    tokio::task::block_in_place(|| {
        for _ in 0..IN_FLIGHT {
            server.wait_for(|line| {
                line.contains("started processing request") && line.contains("/api/auth/log_in")
            });
        }
    });
    let signalled = Instant::now();
    let pid = server.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());

    // New requests after the signal: these may be refused; they must not hang or crash anything.
    let mut late = JoinSet::new();
    for _ in 0..AFTER_SIGNAL {
        late.spawn(log_in(client.clone(), url.clone(), email.clone()));
    }

    let mut failures = Vec::new();
    let mut succeeded = 0;
    while let Some(outcome) = in_flight.join_next().await {
        match outcome.unwrap() {
            Ok(200) => succeeded += 1,
            other => failures.push(other),
        }
    }
    let drained_after = signalled.elapsed();
    let status = tokio::task::block_in_place(|| {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "no exit within 30 s of SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    let exited_after = signalled.elapsed();
    let mut late_served = 0;
    let mut late_refused = 0;
    while let Some(outcome) = late.join_next().await {
        match outcome.unwrap() {
            Ok(200) => late_served += 1,
            _ => late_refused += 1,
        }
    }
    eprintln!(
        "shutdown under load: {succeeded}/{IN_FLIGHT} in-flight log-ins succeeded, drained in {drained_after:?}, \
         exited after {exited_after:?}; after the signal {late_served} served, {late_refused} refused"
    );

    assert!(
        failures.is_empty(),
        "in-flight requests failed: {failures:?}"
    );
    assert_eq!(succeeded, IN_FLIGHT);
    assert_eq!(status.code(), Some(0), "{status:?}");
}

async fn get_status(url: &str) -> Result<(u16, String), String> {
    // A new client each time: a new connection, so "still accepting" is what is tested.
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|error| error.to_string())?
        .get(url)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    let status = response.status().as_u16();
    let body = response.text().await.map_err(|error| error.to_string())?;
    Ok((status, body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_sigterm_readiness_is_503_while_requests_are_still_served_then_it_stops() {
    const DRAIN: Duration = Duration::from_secs(3);
    let dir = TempDir::new().unwrap();
    let database = fresh_database_url(&dir).await;
    let mut server = Server::start(
        dir.path(),
        &[
            ("DATABASE_URL", database.as_str()),
            ("LOG_FORMAT", "json"),
            ("AUTH_ATTEMPTS_PER_IP_PER_MINUTE", "10000"),
            ("SHUTDOWN_DRAIN_SECONDS", "3"),
            ("SHUTDOWN_GRACE_SECONDS", "30"),
        ],
    );
    let lines = server.wait_for(|line| line.contains("Travel Planner is ready"));
    let ready: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    let url = ready["url"].as_str().unwrap().to_string();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let email = format!("drain-{}@example.com", uuid::Uuid::now_v7().simple());
    crate::helpers::sign_up_at(
        &client,
        &url,
        &dir.path().join("data/outbox"),
        &email,
        PASSWORD,
    )
    .await;
    assert_eq!(get_status(&format!("{url}/readyz")).await.unwrap().0, 200);
    let kept = client.get(format!("{url}/healthz")).send().await.unwrap();
    assert!(kept.headers().get("connection").is_none(), "kept alive");

    let pid = server.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let signalled = Instant::now();
    tokio::task::block_in_place(|| {
        server.wait_for(|line| line.contains("shutdown signal: draining"));
    });

    // Draining: readiness says so at once, on a new connection ...
    let (status, body) = get_status(&format!("{url}/readyz")).await.unwrap();
    assert_eq!(status, 503, "{body}");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["status"], "draining");
    // ... while liveness, pages and the API (a log-in: a write, ~100 ms of hashing) go on.
    assert_eq!(get_status(&format!("{url}/healthz")).await.unwrap().0, 200);
    let (status, page) = get_status(&format!("{url}/login")).await.unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("<html"), "a page: {page:.200}");
    // Each answer closes its connection, so a proxy holds no idle one when the listener goes.
    let answer = client.get(format!("{url}/healthz")).send().await.unwrap();
    assert_eq!(
        answer
            .headers()
            .get("connection")
            .map(|v| v.to_str().unwrap()),
        Some("close")
    );
    assert_eq!(
        log_in(client.clone(), url.clone(), email.clone()).await,
        Ok(200)
    );
    // More work accepted during the drain, finishing whenever it does (the first test covers
    // requests still running when the listener closes).
    let mut in_flight = JoinSet::new();
    for _ in 0..4 {
        in_flight.spawn(log_in(client.clone(), url.clone(), email.clone()));
    }
    assert!(
        signalled.elapsed() < DRAIN,
        "the checks above took longer than the drain: {:?}",
        signalled.elapsed()
    );

    tokio::task::block_in_place(|| {
        server.wait_for(|line| line.contains("no longer accepting connections"));
    });
    let stopped_accepting = signalled.elapsed();
    while let Some(outcome) = in_flight.join_next().await {
        assert_eq!(outcome.unwrap(), Ok(200));
    }
    let status = tokio::task::block_in_place(|| {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "no exit within 30 s of the drain"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    let refused = get_status(&format!("{url}/healthz")).await;

    assert!(
        stopped_accepting >= DRAIN,
        "stopped accepting after {stopped_accepting:?}, before the drain was over"
    );
    assert!(refused.is_err(), "still answering after exit: {refused:?}");
    assert_eq!(status.code(), Some(0), "{status:?}");
}
