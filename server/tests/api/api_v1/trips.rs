//! Trips and activities over HTTP: happy paths, validation problems that write nothing, the
//! web list's filters, and the ownership matrix (docs/security.md, "Forms, CSRF and messages on pages").

use domain::entities::trips;
use reqwest::Method;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use super::*;
use crate::helpers::spawn_app;

#[tokio::test]
async fn trips_can_be_created_read_listed_replaced_and_deleted() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);

    let created = create_trip(&app, token, &lisbon()).await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let trip: Value = created.json().await.unwrap();
    let id = trip["id"].as_str().unwrap();
    assert_eq!(location, format!("/api/v1/trips/{id}"));
    assert_eq!(trip["budget_minor"], 150_050);
    assert_eq!(trip["budget"], "1500.50");
    assert_eq!(trip["start_date"], "2027-03-03");

    let got: Value = app
        .api(Method::GET, &location, Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got, trip);
    let list: Value = app
        .api(Method::GET, "/api/v1/trips?status=all", Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["page_size"], 20);
    assert_eq!(list["trips"][0]["id"], id);
    assert!(list["trips"][0].get("notes").is_none());

    let mut changed = lisbon();
    changed["name"] = json!("Autumn in Porto");
    changed["budget"] = Value::Null;
    changed["owner_id"] = json!(Uuid::now_v7().to_string());
    let replaced = app
        .api(Method::PUT, &location, Some(token), Some(&changed))
        .await;
    assert_eq!(replaced.status(), 200);
    let replaced: Value = replaced.json().await.unwrap();
    assert_eq!(replaced["name"], "Autumn in Porto");
    assert_eq!(replaced["budget"], Value::Null);
    let row = trips::Entity::find_by_id(Uuid::parse_str(id).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let (_, owner) = me_id(&app, token).await;
    assert_eq!(row.owner_id, owner, "owner_id in a payload is ignored");

    let deleted = app.api(Method::DELETE, &location, Some(token), None).await;
    assert_eq!(deleted.status(), 204);
    problem(
        app.api(Method::GET, &location, Some(token), None).await,
        404,
    )
    .await;
    assert_eq!(app.count("trips").await, 0);
}

#[tokio::test]
async fn invalid_trips_are_problems_with_a_field_map_and_write_nothing() {
    let app = spawn_app().await;
    let (_, tokens) = register(&app).await;
    let token = access(&tokens);
    let id = lisbon_trip(&app, token).await;
    let path = format!("/api/v1/trips/{id}");
    let mut bad_budget = lisbon();
    bad_budget["budget"] = json!("-5");
    bad_budget["end_date"] = json!("2027-02-30");

    let empty = create_trip(&app, token, &json!({})).await;
    let budget = create_trip(&app, token, &bad_budget).await;
    let replace = app
        .api(Method::PUT, &path, Some(token), Some(&bad_budget))
        .await;

    let body = problem(empty, 422).await;
    for field in [
        "name",
        "destination",
        "start_date",
        "end_date",
        "time_zone",
        "currency",
    ] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }
    assert_eq!(
        body["errors"]["name"], "Give the trip a name.",
        "the web's messages"
    );
    let body = problem(budget, 422).await;
    assert_eq!(body["errors"]["budget"], "The budget can’t be negative.");
    assert!(body["errors"]["end_date"].is_string(), "{body}");
    problem(replace, 422).await;
    assert_eq!(app.count("trips").await, 1);
    let kept: Value = app
        .api(Method::GET, &path, Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept["budget"], "1500.50");
}

#[tokio::test]
async fn the_list_has_the_webs_filters_order_and_pages() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let token = access(&tokens);
    let owner = app.user_id(&email).await;
    for n in 0..22 {
        let name = format!(
            "Trip {:02} {}",
            21 - n,
            if n % 2 == 0 { "Lisbon" } else { "Porto" }
        );
        crate::core::create_trip(
            &app.db,
            owner,
            &crate::trips_service::trip(&name, "Portugal", "2027-03-03", "2027-03-05"),
        )
        .await
        .unwrap();
    }

    for query in [
        "",
        "page=2",
        "status=all&sort=name",
        "q=porto&sort=name",
        "status=past",
        "from=2027-01-01&to=2027-12-31&sort=updated&page=2",
    ] {
        let api: Value = app
            .api(
                Method::GET,
                &format!("/api/v1/trips?{query}"),
                Some(token),
                None,
            )
            .await
            .json()
            .await
            .unwrap();
        let mut form: Vec<(String, String)> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| (format!("query[{key}]"), value.to_string()))
            .collect();
        if form.is_empty() {
            form.push(("query[page]".into(), "1".into()));
        }
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let web: Value = app
            .post_form("/api/trips/list", &form, Some(&cookie))
            .await
            .json()
            .await
            .unwrap();
        let ids = |list: &Value| -> Vec<String> {
            list["trips"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["id"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(ids(&api), ids(&web), "{query}");
        assert_eq!(api["total"], web["total"], "{query}");
        assert_eq!(api["pages"], web["pages"], "{query}");
    }
    let first: Value = app
        .api(Method::GET, "/api/v1/trips", Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["trips"].as_array().unwrap().len(), 20);
    assert_eq!(first["pages"], 2);

    let unreadable = app
        .api(
            Method::GET,
            "/api/v1/trips?status=soon&sort=price&from=March&page=0",
            Some(token),
            None,
        )
        .await;
    let body = problem(unreadable, 422).await;
    for field in ["status", "sort", "from", "page"] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }
}

#[tokio::test]
async fn every_trip_endpoint_answers_by_who_asks() {
    let app = spawn_app().await;
    let (_, owner) = register(&app).await;
    let (_, stranger) = register(&app).await;
    let (owner, stranger) = (access(&owner).to_string(), access(&stranger).to_string());
    let id = lisbon_trip(&app, &owner).await;
    let one = format!("/api/v1/trips/{id}");
    let mut taken_over = lisbon();
    taken_over["name"] = json!("Taken over");
    let before = trip_row(&app, &id).await;

    let cases: [(Method, &str, Option<&Value>); 5] = [
        (Method::GET, "/api/v1/trips", None),
        (Method::POST, "/api/v1/trips", Some(&taken_over)),
        (Method::GET, &one, None),
        (Method::PUT, &one, Some(&taken_over)),
        (Method::DELETE, &one, None),
    ];
    for (method, path, body) in &cases {
        let anonymous = app.api(method.clone(), path, None, *body).await;
        assert!(
            anonymous.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Bearer"),
            "{method} {path}"
        );
        problem(anonymous, 401).await;
        let forged = app
            .api(method.clone(), path, Some("not-a-token"), *body)
            .await;
        problem(forged, 401).await;
        if path.contains(&id) {
            let theirs = app
                .api(method.clone(), path, Some(stranger.as_str()), *body)
                .await;
            let answer = problem(theirs, 404).await;
            assert!(
                !answer.to_string().contains("Lisbon"),
                "{method} {path}: {answer}"
            );
        }
        assert_eq!(
            trip_row(&app, &id).await,
            before,
            "{method} {path} changed the trip"
        );
    }
    assert_eq!(app.count("trips").await, 1, "refusals wrote nothing");
    let theirs: Value = app
        .api(
            Method::GET,
            "/api/v1/trips?status=all",
            Some(stranger.as_str()),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["total"], 0);
    let missing = app
        .api(
            Method::GET,
            &format!("/api/v1/trips/{}", Uuid::now_v7()),
            Some(owner.as_str()),
            None,
        )
        .await;
    problem(missing, 404).await;
    let malformed = app
        .api(
            Method::GET,
            "/api/v1/trips/not-an-id",
            Some(owner.as_str()),
            None,
        )
        .await;
    problem(malformed, 404).await;

    for (method, path, body) in cases {
        let status = app
            .api(method.clone(), path, Some(owner.as_str()), body)
            .await
            .status();
        assert!(status.is_success(), "{method} {path}: {status}");
    }
}

#[tokio::test]
async fn the_api_ignores_the_session_cookie_and_the_web_ignores_bearer_tokens() {
    let app = spawn_app().await;
    let email = email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;

    let with_cookie = app
        .client
        .get(app.url("/api/v1/trips"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    let server_fn = app
        .client
        .post(app.url("/api/trips/list"))
        .header("accept", "application/json")
        .bearer_auth(access(&tokens))
        .form(&[("query[status]", "all")])
        .send()
        .await
        .unwrap();
    let page = app
        .client
        .get(app.url("/trips"))
        .bearer_auth(access(&tokens))
        .send()
        .await
        .unwrap();

    problem(with_cookie, 401).await;
    assert_eq!(server_fn.status(), 401);
    assert_eq!(page.status(), 303);
}

#[tokio::test]
async fn activities_answer_their_trips_owner_only() {
    let app = spawn_app().await;
    let (_, owner) = register(&app).await;
    let (_, stranger) = register(&app).await;
    let (owner, stranger) = (access(&owner).to_string(), access(&stranger).to_string());
    let trip = lisbon_trip(&app, &owner).await;
    let list = format!("/api/v1/trips/{trip}/activities");
    let pasteis = json!({
        "day": "2027-03-04",
        "start_time": "09:30",
        "title": "Pastéis",
        "category": "food",
        "cost": "12.50",
        "latitude": 38.6975,
        "longitude": -9.2033,
    });

    let created = app
        .api(Method::POST, &list, Some(owner.as_str()), Some(&pasteis))
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let activity: Value = created.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/activities/{}", activity["id"].as_str().unwrap())
    );
    assert_eq!(activity["trip_id"], trip.as_str());
    assert_eq!(activity["start_time"], "09:30");
    assert_eq!(activity["cost"], "12.50");
    assert_eq!(activity["cost_minor"], 1250);
    assert_eq!(activity["category"], "food");

    let invalid = app
        .api(
            Method::POST,
            &list,
            Some(owner.as_str()),
            Some(&json!({ "day": "2027-04-01", "category": "party" })),
        )
        .await;
    let body = problem(invalid, 422).await;
    for field in ["day", "title", "category"] {
        assert!(body["errors"][field].is_string(), "{field}: {body}");
    }

    let cases: [(Method, &str, Option<&Value>); 4] = [
        (Method::GET, &list, None),
        (Method::POST, &list, Some(&pasteis)),
        (Method::PUT, &location, Some(&pasteis)),
        (Method::DELETE, &location, None),
    ];
    for (method, path, body) in &cases {
        problem(app.api(method.clone(), path, None, *body).await, 401).await;
        let theirs = app
            .api(method.clone(), path, Some(stranger.as_str()), *body)
            .await;
        let answer = problem(theirs, 404).await;
        assert!(!answer.to_string().contains("Pastéis"), "{method} {path}");
    }
    assert_eq!(app.count("activities").await, 1, "refusals wrote nothing");

    let mut tram = pasteis.clone();
    tram["title"] = json!("Tram 28");
    tram["cost"] = Value::Null;
    let replaced = app
        .api(Method::PUT, &location, Some(owner.as_str()), Some(&tram))
        .await;
    assert_eq!(replaced.status(), 200);
    let replaced: Value = replaced.json().await.unwrap();
    assert_eq!(replaced["title"], "Tram 28");
    assert_eq!(replaced["cost_minor"], 0);
    let listed: Value = app
        .api(Method::GET, &list, Some(owner.as_str()), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["activities"].as_array().unwrap().len(), 1);
    assert_eq!(listed["activities"][0]["title"], "Tram 28");
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["pages"], 1);
    let deleted = app
        .api(Method::DELETE, &location, Some(owner.as_str()), None)
        .await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(app.count("activities").await, 0);
}
