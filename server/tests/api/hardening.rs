//! Production hardening over HTTP (docs/security.md, "Headers and errors" and "Rate limits"): security headers with a per-response
//! CSP nonce, the per-minute rate limit, body limit and timeout, friendly error pages, a caught
//! panic, metrics and user ids in the logs.

use std::time::Duration;

use server::config::RateLimitStore;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{TestApp, captured_logs, spawn_app, spawn_app_with, spawn_app_with_routes};

use crate::helpers::PASSWORD;

fn unique_email() -> String {
    format!("hardening-{}@example.com", uuid::Uuid::now_v7().simple())
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

/// The nonce in a `Content-Security-Policy` value.
fn nonce_of(csp: &str) -> String {
    let start = csp.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    csp[start..].split('\'').next().unwrap().to_string()
}

async fn get_html(app: &TestApp, path: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path)).header("accept", "text/html");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = spawn_app().await;
    std::fs::write(
        app.dir.path().join("site/favicon.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;

    let responses = vec![
        ("landing", get_html(&app, "/", None).await),
        ("login page", get_html(&app, "/login", None).await),
        ("trips page", get_html(&app, "/trips", Some(&cookie)).await),
        ("404 page", get_html(&app, "/no-such-page", None).await),
        ("static file", app.get("/favicon.svg").await),
        ("health check", app.get("/healthz").await),
        (
            "server function",
            app.post_form("/api/auth/log_out", &[], Some(&cookie)).await,
        ),
    ];
    for (what, response) in &responses {
        let csp = header(response, "content-security-policy");
        for directive in [
            "script-src 'self' 'nonce-",
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "default-src 'self'",
        ] {
            assert!(
                csp.contains(directive),
                "{what}: {directive} missing in {csp}"
            );
        }
        assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
        assert_eq!(
            header(response, "x-content-type-options"),
            "nosniff",
            "{what}"
        );
        assert_eq!(header(response, "x-frame-options"), "DENY", "{what}");
        assert!(response.headers().contains_key("referrer-policy"), "{what}");
        assert!(
            !response.headers().contains_key("strict-transport-security"),
            "{what}: no HSTS over plain http"
        );
        assert!(
            !response
                .headers()
                .contains_key("access-control-allow-origin"),
            "{what}: no CORS"
        );
    }
    let (_, trips) = &responses[2];
    assert_eq!(trips.status(), 200);
    assert_eq!(header(trips, "cache-control"), "no-store");
    let (_, file) = &responses[4];
    assert_eq!(file.status(), 200);
    assert!(header(file, "cache-control").starts_with("public"));
}

#[tokio::test]
async fn the_nonce_is_fresh_for_every_page_and_is_on_every_script() {
    let app = spawn_app().await;

    let first = get_html(&app, "/login", None).await;
    let second = get_html(&app, "/login", None).await;
    let first_nonce = nonce_of(header(&first, "content-security-policy"));
    let second_nonce = nonce_of(header(&second, "content-security-policy"));
    assert_ne!(first_nonce, second_nonce);
    assert!(first_nonce.len() >= 16, "{first_nonce}");

    let html = first.text().await.unwrap();
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(!scripts.is_empty(), "the page has hydration scripts");
    for script in scripts {
        let tag = script.split('>').next().unwrap();
        assert!(
            tag.contains(&format!("nonce=\"{first_nonce}\"")),
            "script without this response's nonce: <script{tag}>"
        );
    }
}

#[tokio::test]
async fn https_deployments_are_told_to_stay_on_https() {
    let app = spawn_app_with(|settings| {
        settings.base_url = "https://trips.example.org".to_string();
        settings.base_url_configured = true;
    })
    .await;

    let response = app.get("/healthz").await;

    assert_eq!(
        header(&response, "strict-transport-security"),
        "max-age=63072000; includeSubDomains"
    );
}

#[tokio::test]
async fn visitors_over_the_limit_get_a_friendly_429_and_files_still_load() {
    let app = spawn_app_with(|settings| settings.requests_per_minute = 5).await;

    for _ in 0..5 {
        assert_eq!(get_html(&app, "/", None).await.status(), 200);
    }
    let page = get_html(&app, "/", None).await;
    let json = app.get("/login").await;

    assert_eq!(page.status(), 429);
    let wait: u64 = header(&page, "retry-after").parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(header(&page, "content-type").starts_with("text/html"));
    let body = page.text().await.unwrap();
    assert!(body.contains("Slow down a little"), "{body}");
    assert!(body.contains(r#"href="/pkg/travel-planner.css""#), "{body}");

    assert_eq!(json.status(), 429);
    assert!(json.headers().contains_key("retry-after"));
    let problem: serde_json::Value = json.json().await.unwrap();
    assert_eq!(problem["error"], "too_many_requests");

    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "health checks are not counted"
    );
    assert_eq!(app.get("/readyz").await.status(), 200);
}

#[tokio::test]
async fn logged_in_travelers_are_limited_by_account_not_by_address() {
    let app = spawn_app_with(|settings| settings.requests_per_minute = 6).await;
    // Two sign-ups (the form and the link): four of the address's six requests as a visitor,
    // and each traveler's first page.
    let busy = app.sign_up(&unique_email(), PASSWORD).await;
    let calm = app.sign_up(&unique_email(), PASSWORD).await;

    for _ in 0..5 {
        assert_eq!(app.get_with_cookie("/trips", &busy).await.status(), 200);
    }
    let refused = app.get_with_cookie("/trips", &busy).await;

    assert_eq!(refused.status(), 429);
    assert_eq!(app.get_with_cookie("/trips", &calm).await.status(), 200);
    assert_eq!(
        app.get("/login").await.status(),
        200,
        "the address has allowance left"
    );
}

#[tokio::test]
async fn script_calls_over_the_limit_get_the_apps_own_error() {
    let app = spawn_app_with(|settings| settings.requests_per_minute = 1).await;
    app.get("/login").await;

    let response = app
        .post_form(
            "/api/auth/log_in",
            &[("email", "a@example.com"), ("password", PASSWORD)],
            None,
        )
        .await;

    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    let error: app::error::AppError = response.json().await.unwrap();
    assert!(
        matches!(error, app::error::AppError::RateLimited(_)),
        "{error:?}"
    );
}

#[tokio::test]
async fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
    let direct = spawn_app_with(|settings| settings.requests_per_minute = 2).await;
    let proxied = spawn_app_with(|settings| {
        settings.requests_per_minute = 2;
        settings.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    let from = |app: &TestApp, client: &str| {
        app.client
            .get(app.url("/login"))
            .header("x-forwarded-for", client.to_string())
            .send()
    };

    // Without a trusted proxy, a made-up header does not buy a fresh allowance.
    for client in ["198.51.100.1", "198.51.100.2"] {
        assert_eq!(from(&direct, client).await.unwrap().status(), 200);
    }
    assert_eq!(from(&direct, "198.51.100.3").await.unwrap().status(), 429);

    // Behind one, each client has its own.
    for _ in 0..2 {
        assert_eq!(from(&proxied, "198.51.100.1").await.unwrap().status(), 200);
    }
    assert_eq!(from(&proxied, "198.51.100.1").await.unwrap().status(), 429);
    assert_eq!(from(&proxied, "198.51.100.2").await.unwrap().status(), 200);
}

#[tokio::test]
async fn instances_sharing_a_database_share_the_limit() {
    // Stay inside one counting minute.
    let into_minute = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        % 60;
    if into_minute > 50 {
        tokio::time::sleep(Duration::from_secs(61 - into_minute)).await;
    }
    let first = spawn_app_with(|settings| {
        settings.requests_per_minute = 5;
        settings.rate_limit_store = RateLimitStore::Database;
    })
    .await;
    let url = first.database_url.clone();
    let second = spawn_app_with(move |settings| {
        settings.database_url = url.into();
        settings.requests_per_minute = 5;
        settings.rate_limit_store = RateLimitStore::Database;
    })
    .await;

    for app in [&first, &second, &first, &second, &first] {
        assert_eq!(app.get("/login").await.status(), 200);
    }

    assert_eq!(second.get("/login").await.status(), 429);
    assert_eq!(first.get("/login").await.status(), 429);
    assert!(first.count("rate_limits").await >= 1);
}

#[tokio::test]
async fn bodies_over_the_limit_get_413_and_change_nothing() {
    let app = spawn_app_with(|settings| settings.body_limit = 4096).await;
    let long_name = "n".repeat(10_000);

    let script = app
        .post_form(
            "/api/auth/sign_up",
            &[
                ("email", "big@example.com"),
                ("display_name", long_name.as_str()),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
            None,
        )
        .await;
    let browser = app
        .client
        .post(app.url("/api/auth/sign_up"))
        .header("accept", "text/html")
        .form(&[("email", "big@example.com"), ("display_name", &long_name)])
        .send()
        .await
        .unwrap();

    assert_eq!(script.status(), 413);
    let problem: serde_json::Value = script.json().await.unwrap();
    assert_eq!(problem["error"], "payload_too_large");
    assert_eq!(browser.status(), 413);
    assert!(
        browser
            .text()
            .await
            .unwrap()
            .contains("more than we can take")
    );
    assert_eq!(app.count("users").await, 0);
}

#[tokio::test]
async fn a_request_that_stalls_is_answered_with_408() {
    let app = spawn_app_with(|settings| settings.request_timeout = Duration::from_secs(1)).await;
    let mut stream = tokio::net::TcpStream::connect(app.address).await.unwrap();
    // Promise a body, send a little, then go quiet.
    stream
        .write_all(
            b"POST /api/auth/log_in HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 100\r\n\r\nemail=slow",
        )
        .await
        .unwrap();

    let mut answer = vec![0u8; 4096];
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("an answer within the timeout, not a hang")
        .unwrap();

    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

#[tokio::test]
async fn a_panicking_handler_gives_a_500_page_and_a_log_line_not_a_dropped_connection() {
    let routes = axum::Router::new().route(
        "/test-panic",
        axum::routing::get(|| async {
            if true {
                panic!("kaboom: internal detail 7f3a");
            }
            "unreachable"
        }),
    );
    let app = spawn_app_with_routes(|_| {}, routes).await;

    let page = get_html(&app, "/test-panic", None).await;
    let json = app.get("/test-panic").await;

    assert_eq!(page.status(), 500);
    let request_id = header(&page, "x-request-id").to_string();
    let body = page.text().await.unwrap();
    assert!(body.contains("Something went wrong on our side"), "{body}");
    assert!(!body.contains("kaboom") && !body.contains("7f3a") && !body.contains("panicked"));
    assert_eq!(json.status(), 500);
    let problem: serde_json::Value = json.json().await.unwrap();
    assert_eq!(problem["error"], "internal_server_error");
    assert!(!problem.to_string().contains("kaboom"));
    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "the server keeps serving"
    );
    let logs = captured_logs();
    let line = logs
        .lines()
        .find(|line| line.contains("a request handler panicked") && line.contains(&request_id))
        .unwrap_or_else(|| panic!("no panic log line for {request_id}"));
    assert!(line.contains("kaboom"), "the log keeps the detail: {line}");
}

#[tokio::test]
async fn logs_name_the_logged_in_user_of_each_request() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let user_id = app.user_id(&email).await.to_string();

    let response = app
        .client
        .get(app.url("/trips"))
        .header("cookie", &cookie)
        .header("x-request-id", format!("user-log-{user_id}"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    let logs = captured_logs();
    let line = logs
        .lines()
        .find(|line| {
            line.contains("request finished") && line.contains(&format!("user-log-{user_id}"))
        })
        .expect("a log line for the request");
    let entry: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(entry["span"]["user_id"], user_id.as_str(), "{line}");
    assert_eq!(entry["span"]["route"], "/trips");
    assert!(
        !line.contains(&cookie[cookie.find('=').unwrap() + 1..]),
        "no session id in logs"
    );
}

#[tokio::test]
async fn metrics_are_private_unless_the_token_is_presented() {
    let token = "metrics-token-0123456789abcdef";
    let closed = spawn_app().await;
    let open = spawn_app_with(|settings| settings.metrics_token = Some(token.into())).await;
    let email = unique_email();
    open.sign_up(&email, PASSWORD).await;
    assert!(
        open.log_in(&email, PASSWORD, None)
            .await
            .status()
            .is_success()
    );
    get_html(&open, "/login", None).await;

    assert_eq!(closed.get("/metrics").await.status(), 404);
    assert_eq!(open.get("/metrics").await.status(), 401);
    let wrong = open
        .client
        .get(open.url("/metrics"))
        .bearer_auth("metrics-token-wrong-wrong-wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let scrape = open
        .client
        .get(open.url("/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(scrape.status(), 200);
    let text = scrape.text().await.unwrap();
    for expected in [
        r#"travel_planner_http_requests_total{method="GET",route="/login",status="200"}"#,
        "travel_planner_http_request_duration_seconds_bucket{",
        "travel_planner_db_pool_connections ",
        "travel_planner_sessions ",
        r#"travel_planner_logins_total{outcome="success"}"#,
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[tokio::test]
async fn a_private_metrics_listener_serves_them_without_a_token() {
    let app = spawn_app_with(|settings| {
        settings.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let limited = spawn_app_with(|settings| settings.requests_per_minute = 1).await;
    limited.get("/login").await;
    assert_eq!(limited.get("/login").await.status(), 429);

    let private = app.metrics_address.expect("a metrics listener");
    let text = reqwest::get(format!("http://{private}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    assert!(text.contains("travel_planner_rate_limited_total"), "{text}");
    assert_eq!(
        app.get("/metrics").await.status(),
        404,
        "not on the public listener"
    );
}

#[tokio::test]
async fn malformed_bodies_to_every_server_function_never_leak_internals() {
    let app = spawn_app().await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;
    let paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert!(
        paths.len() >= 20,
        "every server function is listed: {paths:?}"
    );
    let bodies: [(&str, &[u8]); 6] = [
        ("application/x-www-form-urlencoded", b""),
        ("application/x-www-form-urlencoded", b"id=%ZZ&&&=="),
        (
            "application/x-www-form-urlencoded",
            b"id=not-a-uuid&trip_id=1'%20OR%201=1--&day=2027-02-30&start_time=25:61&cost=1e309",
        ),
        (
            "application/x-www-form-urlencoded",
            &[0xff, 0xfe, 0x00, 0x80],
        ),
        ("application/json", b"{\"id\": [1, {\"$ne\": null}]"),
        ("text/plain", b"<script>alert(1)</script>"),
    ];

    for path in paths {
        for cookie in [None, Some(cookie.as_str())] {
            for (content_type, body) in bodies {
                let mut request = app
                    .client
                    .post(app.url(path))
                    .header("accept", "application/json")
                    .header("content-type", content_type)
                    .body(body.to_vec());
                if let Some(cookie) = cookie {
                    request = request.header("cookie", cookie);
                }
                let response = request.send().await.unwrap();
                let status = response.status();
                let text = response.text().await.unwrap();
                assert!(
                    status.is_client_error() || status.is_success() || status.is_redirection(),
                    "{path} with {content_type} {body:?}: {status} {text}"
                );
                for internal in [
                    "sqlx",
                    "SQLITE",
                    "syntax error",
                    "SELECT",
                    "panicked",
                    ".rs:",
                    "DbErr",
                    "stack backtrace",
                ] {
                    assert!(
                        !text.contains(internal),
                        "{path} leaked {internal:?}: {text}"
                    );
                }
            }
        }
    }
}

/// Metric labels are kept for the life of the process and every log line carries the request's
/// method and id: none of them may take what a client makes up (docs/security.md, "Nothing
/// grows with what clients send").
#[tokio::test]
async fn made_up_methods_and_request_ids_never_reach_labels_or_logs() {
    let token = "metrics-token-0123456789abcdef";
    let app = spawn_app_with(|settings| settings.metrics_token = Some(token.into())).await;
    let made_up = format!("MADEUP{}", "X".repeat(2_000));
    let long_id = format!("id-{}", "7".repeat(500));

    for n in 0..20 {
        let method = reqwest::Method::from_bytes(format!("{made_up}{n}").as_bytes()).unwrap();
        let response = app
            .client
            .request(method, app.url("/healthz"))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_client_error(), "{}", response.status());
    }
    let odd_id = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", &long_id)
        .send()
        .await
        .unwrap();
    let control = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "a\tb")
        .send()
        .await
        .unwrap();
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    assert!(
        !metrics.contains("MADEUP"),
        "a made-up method became a label"
    );
    assert!(
        metrics.contains(r#"travel_planner_http_requests_total{method="OTHER",route="/healthz""#),
        "{metrics}"
    );
    let replaced = odd_id.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(replaced.len(), 36, "a fresh UUID, got {replaced}");
    assert_ne!(control.headers()["x-request-id"], "a\tb");
    let logs = captured_logs();
    assert!(
        !logs.contains("MADEUP"),
        "a made-up method reached the logs"
    );
    assert!(
        !logs.contains(&long_id),
        "a long request id reached the logs"
    );
}
