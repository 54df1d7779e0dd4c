//! SIGTERM under load (docs/runbook.md, graceful shutdown): every request the server had started when the signal
//! came finishes successfully, and the process exits 0.
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
