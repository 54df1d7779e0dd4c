//! The contract a client generator and a flaky network rely on: every resource readable where
//! it is writable, versions (`ETag`, `If-Match`, 412), moving activities, forgiving amounts,
//! `Link` headers, and bodies held to their schema.

use reqwest::Method;
use serde_json::{Value, json};

use super::{access, create_trip, lisbon, lisbon_trip, problem, register};
use crate::helpers::{TestApp, spawn_app};

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    if_match: Option<&str>,
    body: Option<&Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(tag) = if_match {
        request = request.header("If-Match", tag);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.unwrap()
}

fn etag(response: &reqwest::Response) -> String {
    response.headers()["etag"].to_str().unwrap().to_string()
}

async fn add(app: &TestApp, token: &str, trip: &str, body: Value) -> Value {
    let response = send(
        app,
        Method::POST,
        &format!("/api/v1/trips/{trip}/activities"),
        token,
        None,
        Some(&body),
    )
    .await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_stale_if_match_changes_nothing_and_answers_412_with_the_current_trip() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let id = lisbon_trip(&app, token).await;
    let path = format!("/api/v1/trips/{id}");

    let read = send(&app, Method::GET, &path, token, None, None).await;
    let tag = etag(&read);
    let trip: Value = read.json().await.unwrap();
    assert_eq!(tag, format!("\"{}\"", trip["version"]));

    // Someone else renames it: the version moves on.
    let mut theirs = lisbon();
    theirs["name"] = json!("Their Lisbon");
    let saved = send(&app, Method::PUT, &path, token, Some(&tag), Some(&theirs)).await;
    assert_eq!(saved.status(), 200);
    let newer = etag(&saved);
    assert_ne!(newer, tag);

    // The first reader's change, made from the old version, is refused.
    let mut mine = lisbon();
    mine["name"] = json!("My Lisbon");
    let stale = send(&app, Method::PUT, &path, token, Some(&tag), Some(&mine)).await;
    assert_eq!(etag(&stale), newer, "the 412 names the current version");
    let body = problem(stale, 412).await;
    assert_eq!(body["current"]["name"], "Their Lisbon", "{body}");
    let gone = send(&app, Method::DELETE, &path, token, Some(&tag), None).await;
    problem(gone, 412).await;
    for never in ["W/\"1\"", "\"1\", \"2\"", "nonsense"] {
        let refused = send(&app, Method::PUT, &path, token, Some(never), Some(&mine)).await;
        problem(refused, 412).await;
    }
    let now: Value = send(&app, Method::GET, &path, token, None, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(now["name"], "Their Lisbon");

    // With the current version (or `*`, or none) the change goes through.
    let again = send(&app, Method::PUT, &path, token, Some(&newer), Some(&mine)).await;
    assert_eq!(again.status(), 200);
    let any = send(&app, Method::PUT, &path, token, Some("*"), Some(&mine)).await;
    assert_eq!(any.status(), 200);
    // An activity changing does not make the trip's details stale.
    let current = etag(&any);
    add(
        &app,
        token,
        &id,
        json!({ "day": "2027-03-04", "title": "Tram 28" }),
    )
    .await;
    let deleted = send(&app, Method::DELETE, &path, token, Some(&current), None).await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(app.count("trips").await, 0);
}

#[tokio::test]
async fn activities_are_read_moved_and_versioned_one_by_one() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let trip = lisbon_trip(&app, token).await;
    let first = add(
        &app,
        token,
        &trip,
        json!({ "day": "2027-03-04", "title": "Belém" }),
    )
    .await;
    let second = add(
        &app,
        token,
        &trip,
        json!({ "day": "2027-03-04", "title": "Alfama" }),
    )
    .await;
    let third = add(
        &app,
        token,
        &trip,
        json!({ "day": "2027-03-05", "title": "Sintra" }),
    )
    .await;
    // A missing kind is `other`.
    assert_eq!(first["category"], "other");
    assert_eq!(
        [first["position"].clone(), second["position"].clone()],
        [json!(0), json!(1)]
    );

    let path =
        |activity: &Value| format!("/api/v1/activities/{}", activity["id"].as_str().unwrap());
    let read = send(&app, Method::GET, &path(&second), token, None, None).await;
    assert_eq!(read.status(), 200);
    assert_eq!(etag(&read), "\"1\"");
    let read: Value = read.json().await.unwrap();
    assert_eq!(read["title"], "Alfama");

    // Alfama first on its day.
    let moved = send(
        &app,
        Method::POST,
        &format!("{}/move", path(&second)),
        token,
        Some("\"1\""),
        Some(&json!({ "position": 0 })),
    )
    .await;
    assert_eq!(moved.status(), 200, "{}", moved.text().await.unwrap());
    assert_eq!(etag(&moved), "\"2\"");
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(
        (moved["day"].clone(), moved["position"].clone()),
        (json!("2027-03-04"), json!(0))
    );
    // Sintra to the end of the first day (a position past the end is the last).
    let moved = send(
        &app,
        Method::POST,
        &format!("{}/move", path(&third)),
        token,
        None,
        Some(&json!({ "day": "2027-03-04", "position": 50 })),
    )
    .await;
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(moved["position"], 2, "{moved}");
    let list: Value = send(
        &app,
        Method::GET,
        &format!("/api/v1/trips/{trip}/activities"),
        token,
        None,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    let order: Vec<&str> = list["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["Alfama", "Belém", "Sintra"]);

    // A move made from an old version, or to a day outside the trip, moves nothing.
    let stale = send(
        &app,
        Method::POST,
        &format!("{}/move", path(&second)),
        token,
        Some("\"1\""),
        Some(&json!({ "position": 1 })),
    )
    .await;
    let body = problem(stale, 412).await;
    assert_eq!(body["current"]["position"], 0, "{body}");
    let outside = send(
        &app,
        Method::POST,
        &format!("{}/move", path(&second)),
        token,
        None,
        Some(&json!({ "day": "2027-04-01", "position": 0 })),
    )
    .await;
    let body = problem(outside, 422).await;
    assert!(body["errors"]["day"].is_string(), "{body}");
    let replaced = send(
        &app,
        Method::PUT,
        &path(&first),
        token,
        Some("\"7\""),
        Some(&json!({ "day": "2027-03-04", "title": "Belém tower" })),
    )
    .await;
    problem(replaced, 412).await;
    let deleted = send(
        &app,
        Method::DELETE,
        &path(&first),
        token,
        Some("\"1\""),
        None,
    )
    .await;
    assert_eq!(deleted.status(), 204);
    let after: Value = send(
        &app,
        Method::GET,
        &format!("/api/v1/trips/{trip}/activities"),
        token,
        None,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(after["total"], 2);
}

#[tokio::test]
async fn moving_the_trips_dates_moves_its_activities_versions_on() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let trip = lisbon_trip(&app, token).await;
    let activity = add(
        &app,
        token,
        &trip,
        json!({ "day": "2027-03-04", "title": "Tram" }),
    )
    .await;
    let mut later = lisbon();
    later["start_date"] = json!("2027-03-10");
    later["end_date"] = json!("2027-03-16");
    later["shift_activities"] = json!(true);
    let moved = send(
        &app,
        Method::PUT,
        &format!("/api/v1/trips/{trip}"),
        token,
        None,
        Some(&later),
    )
    .await;
    assert_eq!(moved.status(), 200);
    let path = format!("/api/v1/activities/{}", activity["id"].as_str().unwrap());
    // An edit made from before the shift would put the old day back: it is refused.
    let stale = send(
        &app,
        Method::PUT,
        &path,
        token,
        Some("\"1\""),
        Some(&json!({ "day": "2027-03-11", "title": "Tram 28" })),
    )
    .await;
    let body = problem(stale, 412).await;
    assert_eq!(body["current"]["day"], "2027-03-11");
}

#[tokio::test]
async fn amounts_are_numbers_or_decimal_strings_read_exactly() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let mut trip = lisbon();
    for (budget, stored) in [
        (json!(2000), "2000.00"),
        (json!(1500.5), "1500.50"),
        (json!("1500.50"), "1500.50"),
        (json!(0.3), "0.30"),
        (json!(null), ""),
    ] {
        trip["budget"] = budget.clone();
        let response = create_trip(&app, token, &trip).await;
        assert_eq!(response.status(), 201, "{budget}");
        let created: Value = response.json().await.unwrap();
        assert_eq!(created["budget"].as_str().unwrap_or(""), stored, "{budget}");
    }
    for (budget, message) in [
        (json!("1,500"), "Enter an amount like"),
        (json!(-5), "can’t be negative"),
        (json!("-5"), "can’t be negative"),
        (json!(12.345), "decimal"),
        (json!(1e12), "at most"),
        (json!(true), "Enter an amount like"),
    ] {
        trip["budget"] = budget.clone();
        let body = problem(create_trip(&app, token, &trip).await, 422).await;
        let said = body["errors"]["budget"].as_str().unwrap_or_default();
        assert!(said.contains(message), "{budget}: {body}");
    }
    assert_eq!(app.count("trips").await, 5);
}

#[tokio::test]
async fn bodies_are_held_to_their_schema_and_unknown_fields_are_ignored() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let mut extra = lisbon();
    extra["colour"] = json!("blue");
    extra["id"] = json!("not mine to choose");
    let created = create_trip(&app, token, &extra).await;
    assert_eq!(created.status(), 201, "unknown fields are ignored");
    for (field, value) in [
        ("currency", json!("eur")),
        ("currency", json!(" EUR")),
        ("time_zone", json!("Europe/Lisbon ")),
        ("start_date", json!(" 2027-03-03")),
        ("name", json!(format!(" {} ", "n".repeat(120)))),
        ("name", json!("Lisbon\u{0}")),
        ("destination", json!("Lisbon\nPorto")),
        ("notes", json!("a\u{7}b")),
    ] {
        let mut body = lisbon();
        body[field] = value.clone();
        let refused = problem(create_trip(&app, token, &body).await, 422).await;
        assert!(
            refused["errors"][field].is_string(),
            "{field} {value}: {refused}"
        );
    }
    // Line breaks belong in notes.
    let mut notes = lisbon();
    notes["notes"] = json!("first\r\n\tsecond");
    assert_eq!(create_trip(&app, token, &notes).await.status(), 201);
    assert_eq!(app.count("trips").await, 2);
}

#[tokio::test]
async fn lists_link_their_pages() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    for n in 0..21 {
        let mut trip = lisbon();
        trip["name"] = json!(format!("Trip {n:02}"));
        assert_eq!(create_trip(&app, token, &trip).await.status(), 201);
    }
    let first = send(
        &app,
        Method::GET,
        "/api/v1/trips?sort=name&page=1",
        token,
        None,
        None,
    )
    .await;
    let links = first.headers()["link"].to_str().unwrap().to_string();
    assert!(
        links.contains("</api/v1/trips?sort=name&page=2>; rel=\"next\""),
        "{links}"
    );
    assert!(
        links.contains("rel=\"last\"") && !links.contains("rel=\"prev\""),
        "{links}"
    );
    // Following `next` reaches the rest.
    let next = links
        .split(", ")
        .find(|link| link.ends_with("rel=\"next\""))
        .unwrap();
    let next = &next[1..next.find('>').unwrap()];
    let second: Value = send(&app, Method::GET, next, token, None, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second["trips"].as_array().unwrap().len(), 1);
    assert_eq!(second["trips"][0]["name"], "Trip 20");
    let id = second["trips"][0]["id"].as_str().unwrap();
    let activities = send(
        &app,
        Method::GET,
        &format!("/api/v1/trips/{id}/activities"),
        token,
        None,
        None,
    )
    .await;
    let links = activities.headers()["link"].to_str().unwrap().to_string();
    assert!(
        links.contains("page=1>; rel=\"first\"") && !links.contains("next"),
        "{links}"
    );
    // A page parameter given twice, or not as digits, is a problem, not a 400 from the router.
    for query in ["page=1&page=2", "page=+1", "page=0", "page=01x"] {
        let response = send(
            &app,
            Method::GET,
            &format!("/api/v1/trips?{query}"),
            token,
            None,
            None,
        )
        .await;
        let status = response.status().as_u16();
        assert!(status == 200 || status == 422, "{query}: {status}");
        if query != "page=1&page=2" {
            problem(response, 422).await;
        }
    }
}
