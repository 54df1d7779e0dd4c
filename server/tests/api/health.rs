use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_answers_without_the_database() {
    let app = spawn_app().await;
    app.db.close_by_ref().await.unwrap();

    let response = app.get("/healthz").await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn readyz_is_ok_when_the_database_answers() {
    let app = spawn_app().await;

    let response = app.get("/readyz").await;

    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["checks"]["database"], "ok");
}

#[tokio::test]
async fn readyz_is_503_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.db.close_by_ref().await.unwrap();

    let response = app.get("/readyz").await;

    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "unavailable");
    assert_eq!(body["checks"]["database"], "unreachable");
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = spawn_app().await;

    let generated = app.get("/healthz").await;
    let echoed = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "trace-me-123")
        .send()
        .await
        .unwrap();

    let id = generated.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(id.len(), 36, "a UUID, got {id}");
    assert_eq!(echoed.headers()["x-request-id"], "trace-me-123");
}

/// An application on a new database in `dir` whose drain lasts a minute, and its address.
async fn with_a_long_drain(dir: &tempfile::TempDir) -> (server::startup::Application, String) {
    let site_root = dir.path().join("site");
    std::fs::create_dir_all(site_root.join("pkg")).unwrap();
    let database_url = crate::helpers::fresh_database_url(dir).await;
    let mut settings = crate::helpers::test_settings(&database_url, site_root);
    settings.shutdown_drain = std::time::Duration::from_secs(60);
    let application = server::startup::Application::build(&settings)
        .await
        .unwrap();
    let base = format!("http://{}", application.local_addr().unwrap());
    (application, base)
}

/// The first phase of a shutdown (`Application::run_until`): readiness turns 503 at once so a
/// proxy takes the instance out, while everything else, liveness included, is still served.
#[tokio::test]
async fn readyz_is_503_draining_after_the_shutdown_signal_while_pages_are_served() {
    crate::helpers::capture_logs();
    let dir = tempfile::tempdir().unwrap();
    let (application, base) = with_a_long_drain(&dir).await;
    let (signal, shutdown) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(application.run_until(async move {
        let _ = shutdown.await;
    }));
    let get = |path: &str| reqwest::get(format!("{base}{path}"));
    assert_eq!(get("/readyz").await.unwrap().status(), 200);

    signal.send(()).unwrap();
    let mut readiness = get("/readyz").await.unwrap();
    for _ in 0..50 {
        if readiness.status() != 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        readiness = get("/readyz").await.unwrap();
    }

    assert_eq!(readiness.status(), 503);
    assert_eq!(readiness.headers()["cache-control"], "no-store");
    let body: Value = readiness.json().await.unwrap();
    assert_eq!(body["status"], "draining");
    // Expected during every deploy: logged as information, not as a failed request (an error
    // alerts).
    let id = format!("draining-{}", uuid::Uuid::new_v4());
    let marked = reqwest::Client::new()
        .get(format!("{base}/readyz"))
        .header("x-request-id", &id)
        .send()
        .await
        .unwrap();
    assert_eq!(marked.status(), 503);
    let mut logged = None;
    for _ in 0..100 {
        logged = crate::helpers::captured_logs()
            .lines()
            .find(|line| line.contains(&id) && line.contains("\"status\":503"))
            .map(str::to_string);
        if logged.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let logged = logged.expect("the draining answer's request line");
    assert!(logged.contains("\"level\":\"INFO\""), "{logged}");
    assert_eq!(get("/healthz").await.unwrap().status(), 200);
    let page = get("/login").await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("<html"));
    assert!(!running.is_finished(), "stopped during the drain");
    running.abort();
}

/// A second shutdown signal (Ctrl-C pressed again) stops the server at once, without waiting
/// out the drain.
#[tokio::test]
async fn a_second_shutdown_signal_stops_without_waiting_for_the_drain() {
    let dir = tempfile::tempdir().unwrap();
    let (application, base) = with_a_long_drain(&dir).await;
    let (first, first_signal) = tokio::sync::oneshot::channel::<()>();
    let (second, second_signal) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(application.run_until_hurried(
        async move {
            let _ = first_signal.await;
        },
        async move {
            let _ = second_signal.await;
        },
    ));

    first.send(()).unwrap();
    let mut readiness = 200;
    for _ in 0..50 {
        readiness = reqwest::get(format!("{base}/readyz"))
            .await
            .unwrap()
            .status()
            .as_u16();
        if readiness == 503 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(readiness, 503, "draining");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!running.is_finished(), "stopped before the drain was over");

    let asked = std::time::Instant::now();
    second.send(()).unwrap();
    let stopped = tokio::time::timeout(std::time::Duration::from_secs(10), running).await;
    assert!(
        matches!(stopped, Ok(Ok(Ok(())))),
        "still running 10 s after the second signal"
    );
    assert!(asked.elapsed() < std::time::Duration::from_secs(10));
}
