//! The API's edges: bodies it cannot read, CSRF, the rate limit's key, the OpenAPI description
//! (docs/security.md, "Headers and errors").

use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use super::*;
use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn bodies_it_cannot_read_get_400_413_415_and_422_problems() {
    let app = spawn_app_with(|s| s.body_limit = 4096).await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let post = |content_type: &'static str, body: String| {
        app.client
            .post(app.url("/api/v1/trips"))
            .bearer_auth(token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    let text = post("text/plain", lisbon().to_string()).await.unwrap();
    let malformed = post("application/json", "{\"name\": ".to_string())
        .await
        .unwrap();
    let wrong_type = post("application/json", json!({ "name": 5 }).to_string())
        .await
        .unwrap();
    let mut huge = lisbon();
    huge["notes"] = json!("n".repeat(10_000));
    let too_large = post("application/json", huge.to_string()).await.unwrap();
    let nowhere = app
        .api(Method::GET, "/api/v1/nowhere", Some(token), None)
        .await;
    let wrong_method = app
        .api(Method::PATCH, "/api/v1/trips", Some(token), None)
        .await;

    problem(text, 415).await;
    problem(malformed, 400).await;
    let body = problem(wrong_type, 422).await;
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("name"), "the field is named: {detail}");
    problem(too_large, 413).await;
    let body = problem(nowhere, 404).await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("no such endpoint")
    );
    problem(wrong_method, 405).await;
    assert_eq!(app.count("trips").await, 0);
}

#[tokio::test]
async fn cross_site_bearer_calls_are_accepted_and_cross_site_cookies_get_nothing() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let from_evil = |request: reqwest::RequestBuilder| {
        request
            .header("origin", "https://evil.test")
            .header("sec-fetch-site", "cross-site")
            .json(&lisbon())
            .send()
    };

    // A bearer token is never sent by a browser on its own, so a call carrying one was made on
    // purpose by its holder: the API does not check origins (no cookies, no CSRF).
    let bearer = from_evil(
        app.client
            .post(app.url("/api/v1/trips"))
            .bearer_auth(access(&tokens)),
    )
    .await
    .unwrap();
    // What a forged cross-site request can carry is the cookie, and the API ignores it.
    let forged = from_evil(
        app.client
            .post(app.url("/api/v1/trips"))
            .header("cookie", &cookie),
    )
    .await
    .unwrap();
    // The web keeps refusing cross-site posts.
    let web = app
        .client
        .post(app.url("/api/trips/create"))
        .header("cookie", &cookie)
        .header("origin", "https://evil.test")
        .form(&[("name", "Forged")])
        .send()
        .await
        .unwrap();

    assert_eq!(bearer.status(), 201);
    problem(forged, 401).await;
    assert_eq!(web.status(), 403);
    assert_eq!(app.count("trips").await, 1);
}

#[tokio::test]
async fn the_rate_limit_counts_api_calls_by_the_tokens_traveler() {
    let app = spawn_app_with(|s| s.requests_per_minute = 10).await;
    // Two registrations: eight of the address's ten requests (register, finish the sign-up,
    // its page, log in).
    let (_, busy) = register(&app).await;
    let (_, calm) = register(&app).await;

    for _ in 0..10 {
        assert_eq!(me(&app, access(&busy)).await.status(), 200);
    }
    let refused = me(&app, access(&busy)).await;

    assert!(refused.headers().contains_key("retry-after"));
    problem(refused, 429).await;
    assert_eq!(me(&app, access(&calm)).await.status(), 200);
    problem(
        app.api(Method::GET, "/api/v1/auth/me", None, None).await,
        401,
    )
    .await;
}

/// Every operation the router serves, as `(method, OpenAPI path)`.
const OPERATIONS: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/refresh"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/auth/me"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("delete", "/api/v1/me"),
    ("post", "/api/v1/me/password"),
    ("get", "/api/v1/me/export"),
    ("get", "/api/v1/trips"),
    ("post", "/api/v1/trips"),
    ("get", "/api/v1/trips/{id}"),
    ("put", "/api/v1/trips/{id}"),
    ("delete", "/api/v1/trips/{id}"),
    ("get", "/api/v1/trips/{id}/activities"),
    ("post", "/api/v1/trips/{id}/activities"),
    ("get", "/api/v1/activities/{id}"),
    ("put", "/api/v1/activities/{id}"),
    ("delete", "/api/v1/activities/{id}"),
    ("post", "/api/v1/activities/{id}/move"),
    ("get", "/api/v1/trips/{id}/members"),
    ("patch", "/api/v1/trips/{id}/members/{user_id}"),
    ("delete", "/api/v1/trips/{id}/members/{user_id}"),
    ("post", "/api/v1/trips/{id}/owner"),
    ("get", "/api/v1/trips/{id}/invitations"),
    ("post", "/api/v1/trips/{id}/invitations"),
    (
        "post",
        "/api/v1/trips/{id}/invitations/{invitation_id}/resend",
    ),
    ("delete", "/api/v1/trips/{id}/invitations/{invitation_id}"),
    ("get", "/api/v1/me/invitations"),
    ("post", "/api/v1/me/invitations/{invitation_id}/accept"),
    ("post", "/api/v1/me/invitations/{invitation_id}/decline"),
    ("get", "/api/v1/trips/{id}/share-link"),
    ("put", "/api/v1/trips/{id}/share-link"),
    ("delete", "/api/v1/trips/{id}/share-link"),
    ("get", "/api/v1/trips/{id}/history"),
];

#[tokio::test]
async fn the_openapi_description_documents_every_operation() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/openapi.json").await;

    assert_eq!(response.status(), 200);
    let spec: Value = response.json().await.unwrap();
    assert!(
        spec["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        spec["openapi"]
    );
    assert_eq!(
        spec["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let paths = spec["paths"].as_object().unwrap();
    let documented: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|key| ["get", "put", "post", "delete", "patch"].contains(&key.as_str()))
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    for (method, path) in OPERATIONS {
        assert!(
            documented.contains(&(method.to_string(), path.to_string())),
            "{method} {path} is not documented"
        );
    }
    assert_eq!(documented.len(), OPERATIONS.len(), "{documented:?}");
    // And every documented operation is served (not the API's 404 or 405).
    for (method, path) in &documented {
        let mut url = path.clone();
        for parameter in ["{id}", "{user_id}", "{invitation_id}"] {
            url = url.replace(parameter, &Uuid::now_v7().to_string());
        }
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let response = app.api(method.clone(), &url, None, Some(&json!({}))).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_ne!(status, 405, "{method} {url}");
        assert!(!body.contains("no such endpoint"), "{method} {url}: {body}");
    }
    let secured = &spec["paths"]["/api/v1/trips"]["get"]["security"];
    assert_eq!(secured[0]["bearer"], json!([]), "{secured}");
    assert!(spec["components"]["schemas"]["Problem"].is_object());
}

/// A browser's preflight and real call from `origin`, with a bearer token.
async fn from_browser_at(app: &TestApp, origin: &str, token: &str) -> [reqwest::Response; 2] {
    let preflight = app
        .client
        .request(Method::OPTIONS, app.url("/api/v1/trips"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap();
    let call = app
        .client
        .get(app.url("/api/v1/trips"))
        .header("origin", origin)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    [preflight, call]
}

#[tokio::test]
async fn browsers_may_call_the_api_only_from_configured_origins() {
    let app = spawn_app_with(|s| {
        s.cors_allowed_origins = vec![
            "https://app.example.org".to_string(),
            "http://localhost:5173".to_string(),
        ];
    })
    .await;
    let closed = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let (_, closed_tokens) = register(&closed).await;

    let [preflight, call] = from_browser_at(&app, "https://app.example.org", access(&tokens)).await;
    let [evil_preflight, evil_call] =
        from_browser_at(&app, "https://evil.test", access(&tokens)).await;
    let [default_preflight, default_call] =
        from_browser_at(&closed, "https://app.example.org", access(&closed_tokens)).await;
    let web_page = app
        .client
        .get(app.url("/login"))
        .header("origin", "https://app.example.org")
        .send()
        .await
        .unwrap();

    assert!(preflight.status().is_success(), "{}", preflight.status());
    let allowed = preflight.headers();
    assert_eq!(
        allowed["access-control-allow-origin"],
        "https://app.example.org"
    );
    let methods = allowed["access-control-allow-methods"].to_str().unwrap();
    assert!(
        methods.contains("POST") && methods.contains("DELETE"),
        "{methods}"
    );
    let headers = allowed["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(headers.contains("authorization"), "{headers}");
    // Bearer tokens only: the browser must not attach cookies.
    assert!(!allowed.contains_key("access-control-allow-credentials"));
    assert_eq!(call.status(), 200);
    assert_eq!(
        call.headers()["access-control-allow-origin"],
        "https://app.example.org"
    );
    // Other origins, any origin by default, and the web pages get no CORS headers at all.
    for response in [
        &evil_preflight,
        &evil_call,
        &default_preflight,
        &default_call,
        &web_page,
    ] {
        assert!(
            !response
                .headers()
                .contains_key("access-control-allow-origin"),
            "{}: {:?}",
            response.url(),
            response.headers()
        );
    }
}

#[tokio::test]
async fn the_reference_page_documents_every_operation_and_schema_without_scripts() {
    let app = spawn_app().await;
    let spec: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();

    let response = app.get("/api/docs").await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = response.text().await.unwrap();
    // Offline and under the CSP: no scripts, no inline styles, nothing from another host.
    assert!(!html.contains("<script"), "the reference needs no script");
    assert!(!html.contains("style="));
    for attribute in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!html.contains(attribute), "{attribute}");
    }
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let heading = format!(
                "{}</span> <code>{}</code></h3>",
                method.to_uppercase(),
                path
            );
            assert!(html.contains(&heading), "{method} {path} is missing");
        }
    }
    for name in spec["components"]["schemas"].as_object().unwrap().keys() {
        assert!(html.contains(&format!("id=\"schema-{name}\"")), "{name}");
    }
    // Field descriptions come through, with their code spans.
    assert!(html.contains("<code>YYYY-MM-DD</code>"));
    // Every in-page link lands somewhere.
    for target in html.split("href=\"#").skip(1) {
        let id = &target[..target.find('"').unwrap()];
        assert!(html.contains(&format!("id=\"{id}\"")), "#{id} goes nowhere");
    }
    assert!(html.contains("href=\"/api/v1/openapi.json\""));
    // Validation problems' `type` points into this page.
    assert!(html.contains("id=\"problem-validation\""));
    assert!(html.contains(&format!(
        "curl -X POST http://{}/api/v1/auth/login",
        app.address
    )));
}

#[tokio::test]
async fn bodies_must_be_objects_and_filters_must_be_readable() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);

    // serde would read `[]` as a struct of defaults; the API wants an object.
    let array_logout = app
        .api(Method::POST, "/api/v1/auth/logout", None, Some(&json!([])))
        .await;
    let array_trip = app
        .api(Method::POST, "/api/v1/trips", Some(token), Some(&json!([])))
        .await;
    let mut answers = Vec::new();
    for query in [
        "status=",
        "sort=",
        "from=",
        "page=0",
        "page=100001",
        "page=9223372036854775808",
    ] {
        let response = app
            .api(
                Method::GET,
                &format!("/api/v1/trips?{query}"),
                Some(token),
                None,
            )
            .await;
        answers.push((query, response));
    }
    let fine = app
        .api(
            Method::GET,
            "/api/v1/trips?q=&page=100000",
            Some(token),
            None,
        )
        .await;

    let body = problem(array_logout, 422).await;
    assert!(
        body["detail"].as_str().unwrap().contains("JSON object"),
        "{body}"
    );
    problem(array_trip, 422).await;
    for (query, response) in answers {
        let field = query.split('=').next().unwrap().to_string();
        let body = problem(response, 422).await;
        assert!(body["errors"][&field].is_string(), "{query}: {body}");
    }
    assert_eq!(fine.status(), 200);
    assert_eq!(app.count("trips").await, 0);
}
