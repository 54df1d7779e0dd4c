//! Trips over HTTP: the ownership matrix, CSRF, output encoding, validation responses and the
//! list page's query count (docs/security.md, "Forms, CSRF and messages on pages").

use std::sync::atomic::Ordering;

use domain::entities::trips;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    helpers::{TestApp, spawn_app},
    trips_service::trip,
};

use crate::helpers::PASSWORD;

fn email() -> String {
    format!("traveler-{}@example.com", uuid::Uuid::now_v7().simple())
}

fn trip_form<'a>(name: &'a str, destination: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("destination", destination),
        ("start_date", "2027-03-03"),
        ("end_date", "2027-03-09"),
        ("time_zone", "Europe/Lisbon"),
        ("currency", "EUR"),
        ("budget", "1,500.50"),
        ("notes", "Pack light."),
    ]
}

/// Creates a trip through the server function and returns its id.
async fn create(app: &TestApp, cookie: &str, name: &str) -> String {
    let response = app
        .post_form(
            "/api/trips/create",
            &trip_form(name, "Lisbon"),
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    let location = response.headers()["location"].to_str().unwrap().to_string();
    location
        .strip_prefix("/trips/")
        .and_then(|rest| rest.split('?').next())
        .expect("redirects to the new trip")
        .to_string()
}

/// The trip's name, destination and notes, or `gone`.
async fn trip_row(app: &TestApp, id: &str) -> String {
    trips::Entity::find_by_id(Uuid::parse_str(id).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .map_or("gone".to_string(), |t| {
            format!("{}|{}|{}", t.name, t.destination, t.notes)
        })
}

struct Matrix {
    app: TestApp,
    owner: String,
    stranger: String,
    id: String,
}

async fn matrix() -> Matrix {
    let app = spawn_app().await;
    let owner = app.sign_up(&email(), PASSWORD).await;
    let stranger = app.sign_up(&email(), PASSWORD).await;
    let id = create(&app, &owner, "Spring in Lisbon").await;
    Matrix {
        app,
        owner,
        stranger,
        id,
    }
}

#[tokio::test]
async fn pages_answer_by_who_asks() {
    let Matrix {
        app,
        owner,
        stranger,
        id,
    } = matrix().await;

    for path in [
        "/trips".to_string(),
        "/trips/new".to_string(),
        format!("/trips/{id}"),
        format!("/trips/{id}/edit"),
        format!("/trips/{id}/delete"),
    ] {
        let anonymous = app.get(&path).await;
        assert_eq!(anonymous.status(), 303, "{path}");
        assert!(
            anonymous.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login?next=/trips"),
            "{path}"
        );
        let as_owner = app.get_with_cookie(&path, &owner).await;
        assert_eq!(as_owner.status(), 200, "{path}");
    }
    for path in [
        format!("/trips/{id}"),
        format!("/trips/{id}/edit"),
        format!("/trips/{id}/delete"),
    ] {
        let as_stranger = app.get_with_cookie(&path, &stranger).await;
        let missing = app
            .get_with_cookie(
                &path.replace(&id, &uuid::Uuid::now_v7().to_string()),
                &owner,
            )
            .await;
        assert_eq!(as_stranger.status(), 404, "{path}");
        assert_eq!(missing.status(), 404, "{path}");
        let body = as_stranger.text().await.unwrap();
        assert!(body.contains("We couldn’t find that page"), "{path}");
        assert!(!body.contains("Spring in Lisbon"), "{path} leaks the trip");
    }
    let list = app
        .get_with_cookie("/trips?status=all", &stranger)
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains("Spring in Lisbon"));
    assert!(list.contains("No trips yet"));
}

#[tokio::test]
async fn server_functions_answer_by_who_asks_and_refusals_change_nothing() {
    let Matrix {
        app,
        owner,
        stranger,
        id,
    } = matrix().await;
    let before = trip_row(&app, &id).await;
    let mut update = trip_form("Taken over", "Elsewhere");
    update.push(("id", &id));
    let get = [("id", id.as_str())];
    let list = [("query[status]", "all")];

    let cases: [(&str, &[(&str, &str)]); 4] = [
        ("/api/trips/get", &get),
        ("/api/trips/update", &update),
        ("/api/trips/delete", &get),
        ("/api/trips/list", &list),
    ];
    for (path, form) in cases {
        let anonymous = app.post_form(path, form, None).await;
        assert_eq!(anonymous.status(), 401, "{path}");
        if path != "/api/trips/list" {
            let stranger = app.post_form(path, form, Some(&stranger)).await;
            assert_eq!(stranger.status(), 404, "{path}");
            let body = stranger.text().await.unwrap();
            assert!(!body.contains("Spring"), "{path}: {body}");
        }
        assert_eq!(trip_row(&app, &id).await, before, "{path} changed the trip");
    }
    let theirs: Value = app
        .post_form("/api/trips/list", &list, Some(&stranger))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["total"], 0);

    let got: Value = app
        .post_form("/api/trips/get", &get, Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got["name"], "Spring in Lisbon");
    assert_eq!(got["budget_minor"], 150_050);
    assert!(
        got.get("owner_id").is_none(),
        "no owner in responses: {got}"
    );
    let updated = app
        .post_form("/api/trips/update", &update, Some(&owner))
        .await;
    assert_eq!(updated.status(), 200);
    assert_eq!(
        trip_row(&app, &id).await,
        "Taken over|Elsewhere|Pack light."
    );
    let deleted = app.post_form("/api/trips/delete", &get, Some(&owner)).await;
    assert_eq!(deleted.status(), 200);
    assert_eq!(deleted.headers()["location"], "/trips");
    assert_eq!(app.count("trips").await, 0);
    let again = app.post_form("/api/trips/delete", &get, Some(&owner)).await;
    assert_eq!(again.status(), 404);
}

#[tokio::test]
async fn an_owner_id_in_the_payload_is_ignored() {
    let app = spawn_app().await;
    let owner = app.sign_up(&email(), PASSWORD).await;
    let other_email = email();
    app.sign_up(&other_email, PASSWORD).await;
    let other_id = app.user_id(&other_email).await;
    let other = other_id.to_string();
    let mut form = trip_form("Mine", "Porto");
    form.push(("owner_id", &other));

    let response = app
        .post_form("/api/trips/create", &form, Some(&owner))
        .await;

    assert_eq!(response.status(), 200);
    let theirs = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(other_id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(theirs, 0);
    assert_eq!(app.count("trips").await, 1);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let Matrix { app, owner, id, .. } = matrix().await;
    let before = app.count("trips").await;

    for path in ["/api/trips/create", "/api/trips/delete"] {
        let mut form = trip_form("Forged", "Evil");
        form.push(("id", &id));
        let response = app
            .client
            .post(app.url(path))
            .header("cookie", &owner)
            .header("origin", "https://evil.test")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{path}");
    }
    assert_eq!(app.count("trips").await, before);
}

#[tokio::test]
async fn reads_by_get_change_nothing() {
    let Matrix { app, owner, id, .. } = matrix().await;

    let response = app
        .get_with_cookie(&format!("/api/trips/delete?id={id}"), &owner)
        .await;

    assert!(response.status().is_client_error(), "{}", response.status());
    assert_eq!(app.count("trips").await, 1);
}

#[tokio::test]
async fn user_text_is_shown_literally() {
    let app = spawn_app().await;
    let owner = app.sign_up(&email(), PASSWORD).await;
    let attack = "<img src=x onerror=alert(1)>";
    let mut form = trip_form(attack, attack);
    form.retain(|(name, _)| *name != "notes");
    form.push(("notes", attack));
    let response = app
        .post_form("/api/trips/create", &form, Some(&owner))
        .await;
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let trip_page = app
        .get_with_cookie(&location, &owner)
        .await
        .text()
        .await
        .unwrap();

    // Escaped once, by us: leptos_meta writes titles verbatim (`app::shell::title_text`). If
    // leptos escapes them itself one day, this shows `&amp;lt;` and the workaround can go.
    assert!(
        trip_page.contains("<title>&lt;img src=x onerror=alert(1)&gt; · Travel Planner</title>"),
        "{trip_page}"
    );
    for path in [location.as_str(), "/trips"] {
        let body = app
            .get_with_cookie(path, &owner)
            .await
            .text()
            .await
            .unwrap();
        assert!(
            body.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{path}"
        );
        assert!(
            !body.contains("<img src=x"),
            "{path} renders user text as HTML"
        );
    }
}

#[tokio::test]
async fn a_bad_form_gets_messages_per_field_and_saves_nothing() {
    let app = spawn_app().await;
    let owner = app.sign_up(&email(), PASSWORD).await;
    let form = [
        ("name", "  "),
        ("destination", "Lisbon"),
        ("start_date", "2027-03-09"),
        ("end_date", "2027-03-03"),
        ("time_zone", "Mars/Olympus"),
        ("currency", "EUR"),
        ("budget", "12.345"),
    ];

    let response = app
        .post_form("/api/trips/create", &form, Some(&owner))
        .await;

    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let fields = &body["Invalid"]["fields"];
    assert_eq!(fields["name"], "Give the trip a name.");
    assert_eq!(
        fields["end_date"],
        "The last day can’t be before the first day."
    );
    assert_eq!(fields["time_zone"], "Choose a time zone from the list.");
    assert_eq!(
        fields["budget"],
        "EUR amounts have at most 2 decimal places."
    );
    assert_eq!(body["Invalid"]["values"]["destination"], "Lisbon");
    assert_eq!(app.count("trips").await, 0);

    // Without JavaScript: back to the form, which shows the messages and the typed values.
    let no_js = app
        .client
        .post(app.url("/api/trips/create"))
        .header("cookie", &owner)
        .header("accept", "text/html")
        .header("referer", app.url("/trips/new"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(no_js.status(), 302);
    let back = no_js.headers()["location"].to_str().unwrap().to_string();
    let page = app
        .get_with_cookie(&back.replace(&app.url(""), ""), &owner)
        .await;
    let html = page.text().await.unwrap();
    assert!(html.contains("Give the trip a name."), "{html}");
    assert!(html.contains(r#"value="Lisbon""#));
    assert_eq!(app.count("trips").await, 0);
}

#[tokio::test]
async fn the_list_page_filters_from_the_query_string() {
    let app = spawn_app().await;
    let owner = app.sign_up(&email(), PASSWORD).await;
    create(&app, &owner, "Spring in Lisbon").await;
    let mut form = trip_form("Autumn in Kyoto", "Kyoto");
    form.retain(|(name, _)| *name != "currency");
    form.push(("currency", "JPY"));
    form.retain(|(name, _)| *name != "budget");
    form.push(("budget", "150000"));
    app.post_form("/api/trips/create", &form, Some(&owner))
        .await;

    let html = app
        .get_with_cookie("/trips?q=kyoto", &owner)
        .await
        .text()
        .await
        .unwrap();

    assert!(html.contains("Autumn in Kyoto"));
    assert!(html.contains("¥150,000"));
    assert!(!html.contains("Spring in Lisbon"));
    assert!(
        html.contains(r#"value="kyoto""#),
        "the search box keeps the words"
    );
}

async fn queries_for(app: &TestApp, path: &str, cookie: &str) -> u64 {
    let before = app.queries.load(Ordering::SeqCst);
    let response = app.get_with_cookie(path, cookie).await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap();
    app.queries.load(Ordering::SeqCst) - before
}

#[tokio::test]
async fn the_list_page_runs_the_same_queries_for_two_trips_or_forty() {
    let app = spawn_app().await;
    let address = email();
    let cookie = app.sign_up(&address, PASSWORD).await;
    let owner_id = app.user_id(&address).await;
    for n in 0..2 {
        crate::core::create_trip(
            &app.db,
            owner_id,
            &trip(&format!("T{n}"), "A", "2030-01-01", "2030-01-02"),
        )
        .await
        .unwrap();
    }
    let few = queries_for(&app, "/trips?status=all", &cookie).await;
    for n in 2..40 {
        crate::core::create_trip(
            &app.db,
            owner_id,
            &trip(&format!("T{n}"), "A", "2030-01-01", "2030-01-02"),
        )
        .await
        .unwrap();
    }
    let many = queries_for(&app, "/trips?status=all", &cookie).await;
    let default_tab = queries_for(&app, "/trips", &cookie).await;

    println!(
        "list page: {few} statements with 2 trips, {many} with 40, {default_tab} on the default tab"
    );
    assert_eq!(few, many);
    assert!(many <= 8, "{many} statements");
    assert!(default_tab <= 8, "{default_tab} statements");
}

#[tokio::test]
async fn the_home_time_zone_is_saved_from_the_account_page() {
    let app = spawn_app().await;
    let address = email();
    let cookie = app.sign_up(&address, PASSWORD).await;
    let profile = |zone: &'static str| {
        let app = &app;
        let cookie = cookie.clone();
        let address = address.clone();
        async move {
            app.post_form(
                "/api/auth/update_profile",
                &[
                    ("display_name", "Rosa"),
                    ("email", address.as_str()),
                    ("time_zone", zone),
                ],
                Some(&cookie),
            )
            .await
        }
    };

    assert_eq!(profile("Asia/Kolkata").await.status(), 200);
    assert_eq!(
        app.text_of("SELECT time_zone FROM users", "time_zone")
            .await,
        "Asia/Kolkata"
    );
    let bad = profile("Asia/Nowhere").await;
    assert_eq!(bad.status(), 422);
    assert_eq!(
        app.text_of("SELECT time_zone FROM users", "time_zone")
            .await,
        "Asia/Kolkata"
    );
    let defaults: Value = app
        .post_form("/api/trips/defaults", &[], Some(&cookie))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(defaults["time_zone"], "Asia/Kolkata");
    assert_eq!(defaults["zone_chosen"], true);
}

#[tokio::test]
async fn missing_or_malformed_arguments_are_400_not_500() {
    let Matrix { app, owner, .. } = matrix().await;

    for (path, form) in [
        ("/api/trips/get", vec![]),
        ("/api/trips/update", vec![("name", "No id")]),
        ("/api/trips/list", vec![("query[page]", "minus one")]),
    ] {
        let response = app.post_form(path, &form, Some(&owner)).await;
        assert_eq!(response.status(), 400, "{path}");
        assert_eq!(response.text().await.unwrap(), "\"BadRequest\"");
    }
    assert_eq!(app.count("trips").await, 1);

    let partial = app
        .post_form(
            "/api/trips/create",
            &[("name", "Only a name")],
            Some(&owner),
        )
        .await;
    assert_eq!(
        partial.status(),
        422,
        "missing fields are validation errors"
    );
    assert_eq!(app.count("trips").await, 1);
}

#[tokio::test]
async fn a_change_leaves_a_message_for_the_next_page_only() {
    let app = spawn_app().await;
    let cookie = app.sign_up(&email(), PASSWORD).await;
    let id = create(&app, &cookie, "Spring in Lisbon").await;

    let first = app.get_with_cookie(&format!("/trips/{id}"), &cookie).await;
    assert_eq!(first.status(), 200);
    assert!(first.text().await.unwrap().contains("Trip created."));
    let again = app.get_with_cookie(&format!("/trips/{id}"), &cookie).await;
    assert_eq!(again.status(), 200);
    assert!(
        !again.text().await.unwrap().contains("Trip created."),
        "the message is shown once"
    );

    // Another traveler's session never sees it.
    let other = app.sign_up(&email(), PASSWORD).await;
    let form = trip_form("Autumn in Kyoto", "Kyoto");
    app.post_form("/api/trips/create", &form, Some(&cookie))
        .await;
    let theirs = app.get_with_cookie("/trips", &other).await;
    assert!(!theirs.text().await.unwrap().contains("Trip created."));
    // A missing file asked for in between (a browser looking for an icon) does not take it.
    let missing = app.get_with_cookie("/apple-touch-icon.png", &cookie).await;
    assert_eq!(missing.status(), 404);
    let not_found = missing.text().await.unwrap();
    assert!(!not_found.contains("Trip created."));
    assert!(
        not_found.contains("nav-user"),
        "the 404 page shows who is logged in"
    );
    let mine = app.get_with_cookie("/trips", &cookie).await;
    assert!(mine.text().await.unwrap().contains("Trip created."));
}
