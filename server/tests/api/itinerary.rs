//! The itinerary over HTTP: every activity operation by anonymous visitors, owners and other
//! travelers; the trip page's query count; user text shown literally.

use std::sync::atomic::Ordering;

use domain::itinerary::model::ActivityDraft;
use uuid::Uuid;

use crate::{
    helpers::{TestApp, spawn_app},
    trips_service::trip,
};

use crate::helpers::PASSWORD;

struct World {
    app: TestApp,
    owner: String,
    owner_id: Uuid,
    stranger: String,
    trip_id: String,
    activity_id: String,
}

fn activity(day: &str, title: &str) -> ActivityDraft {
    ActivityDraft {
        day: day.into(),
        title: title.into(),
        category: "food".into(),
        cost: "12.50".into(),
        ..ActivityDraft::default()
    }
}

async fn world() -> World {
    let app = spawn_app().await;
    let email = format!("o-{}@example.com", Uuid::now_v7().simple());
    let owner = app.sign_up(&email, PASSWORD).await;
    let owner_id = app.user_id(&email).await;
    let stranger = app
        .sign_up(
            &format!("s-{}@example.com", Uuid::now_v7().simple()),
            PASSWORD,
        )
        .await;
    let trip = crate::core::create_trip(
        &app.db,
        owner_id,
        &trip("Lisbon", "Lisbon", "2027-03-03", "2027-03-05"),
    )
    .await
    .unwrap();
    let trip_id = trip.id.to_string();
    let activity_id = crate::core::add_activity(
        &app.db,
        owner_id,
        &trip_id,
        &activity("2027-03-03", "Pastéis"),
    )
    .await
    .unwrap()
    .id
    .to_string();
    World {
        app,
        owner,
        owner_id,
        stranger,
        trip_id,
        activity_id,
    }
}

async fn snapshot(app: &TestApp, owner: Uuid, trip_id: &str) -> String {
    let (trip, activities) = crate::core::trip_with_activities(&app.db, owner, trip_id)
        .await
        .unwrap();
    format!("{trip:?}{activities:?}")
}

#[tokio::test]
async fn every_activity_operation_answers_by_who_asks() {
    let World {
        app,
        owner,
        owner_id,
        stranger,
        trip_id,
        activity_id,
    } = world().await;
    let before = snapshot(&app, owner_id, &trip_id).await;
    let new = [
        ("trip_id", trip_id.as_str()),
        ("day", "2027-03-04"),
        ("title", "Theirs"),
        ("category", "sight"),
    ];
    let update = [
        ("id", activity_id.as_str()),
        ("day", "2027-03-05"),
        ("title", "Taken"),
        ("category", "sight"),
    ];
    let id = [("id", activity_id.as_str())];
    let moving = [
        ("id", activity_id.as_str()),
        ("direction", "down"),
        ("back", "/trips"),
    ];
    let plan = [("trip_id", trip_id.as_str())];
    let calls: [(&str, &[(&str, &str)]); 7] = [
        ("/api/itinerary/plan", &plan),
        ("/api/itinerary/page", &plan),
        ("/api/itinerary/activity", &id),
        ("/api/itinerary/create", &new),
        ("/api/itinerary/update", &update),
        ("/api/itinerary/move", &moving),
        ("/api/itinerary/delete", &id),
    ];
    for (path, form) in calls {
        assert_eq!(
            app.post_form(path, form, None).await.status(),
            401,
            "{path}"
        );
        let refused = app.post_form(path, form, Some(&stranger)).await;
        assert_eq!(refused.status(), 404, "{path}");
        assert!(
            !refused.text().await.unwrap().contains("Pastéis"),
            "{path} leaks"
        );
        assert_eq!(
            snapshot(&app, owner_id, &trip_id).await,
            before,
            "{path} changed the plan"
        );
    }
    for path in [
        format!("/trips/{trip_id}/days/2027-03-03"),
        format!("/trips/{trip_id}/activities/new?day=2027-03-04"),
        format!("/trips/{trip_id}/activities/{activity_id}/edit"),
        format!("/trips/{trip_id}/activities/{activity_id}/delete"),
    ] {
        assert_eq!(app.get(&path).await.status(), 303, "{path}");
        assert_eq!(
            app.get_with_cookie(&path, &stranger).await.status(),
            404,
            "{path}"
        );
        assert_eq!(
            app.get_with_cookie(&path, &owner).await.status(),
            200,
            "{path}"
        );
    }
    assert_eq!(
        app.get_with_cookie(&format!("/trips/{trip_id}/days/2027-03-06"), &owner)
            .await
            .status(),
        404,
        "a day outside the trip"
    );

    // The owner can do all of it.
    for (path, form) in calls {
        let response = app.post_form(path, form, Some(&owner)).await;
        assert_eq!(
            response.status(),
            200,
            "{path}: {}",
            response.text().await.unwrap()
        );
    }
    let after = app.count("activities").await;
    assert_eq!(
        after, 1,
        "one created, one (the original, moved and edited) deleted"
    );
}

#[tokio::test]
async fn a_cross_site_activity_post_is_refused() {
    let World {
        app,
        owner,
        trip_id,
        ..
    } = world().await;
    let response = app
        .client
        .post(app.url("/api/itinerary/create"))
        .header("cookie", &owner)
        .header("origin", "https://evil.test")
        .form(&[
            ("trip_id", trip_id.as_str()),
            ("day", "2027-03-04"),
            ("title", "Forged"),
            ("category", "sight"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(app.count("activities").await, 1);
}

#[tokio::test]
async fn the_trip_page_shows_text_literally_and_its_query_count_is_constant() {
    let World {
        app,
        owner,
        owner_id,
        trip_id,
        ..
    } = world().await;
    let attack = "<img src=x onerror=alert(1)>";
    let xss = ActivityDraft {
        location: attack.into(),
        description: attack.into(),
        ..activity("2027-03-04", attack)
    };
    crate::core::add_activity(&app.db, owner_id, &trip_id, &xss)
        .await
        .unwrap();

    let page = format!("/trips/{trip_id}");
    let before = app.queries.load(Ordering::SeqCst);
    let html = app
        .get_with_cookie(&page, &owner)
        .await
        .text()
        .await
        .unwrap();
    let few = app.queries.load(Ordering::SeqCst) - before;
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("Day 2 · Thu 4 Mar 2027"));
    assert!(html.contains("€25.00"), "planned total");

    for n in 0..40 {
        crate::core::add_activity(
            &app.db,
            owner_id,
            &trip_id,
            &activity("2027-03-05", &format!("Stop {n}")),
        )
        .await
        .unwrap();
    }
    let before = app.queries.load(Ordering::SeqCst);
    let html = app
        .get_with_cookie(&page, &owner)
        .await
        .text()
        .await
        .unwrap();
    let many = app.queries.load(Ordering::SeqCst) - before;
    assert!(html.contains("Stop 39"));
    println!(
        "trip page: {few} statements with 2 activities, {many} with 42; {} bytes",
        html.len()
    );
    assert_eq!(few, many);
}

#[tokio::test]
async fn a_bad_activity_gets_messages_and_changes_nothing() {
    let World {
        app,
        owner,
        trip_id,
        ..
    } = world().await;
    let response = app
        .post_form(
            "/api/itinerary/create",
            &[
                ("trip_id", trip_id.as_str()),
                ("day", "2027-04-01"),
                ("title", ""),
                ("category", "sight"),
                ("cost", "-3"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        body["Invalid"]["fields"]["day"],
        "Choose a day within the trip."
    );
    assert_eq!(
        body["Invalid"]["fields"]["title"],
        "Give the activity a title."
    );
    assert_eq!(
        body["Invalid"]["fields"]["cost"],
        "The cost can’t be negative."
    );
    assert_eq!(app.count("activities").await, 1);
}

/// The trip page keeps its rendered overview in memory, per revision of the trip. Every change
/// must show the moment it is made — including changes another instance makes (here: the
/// services called straight on the database) — and what one traveler's page kept must never
/// reach another.
#[tokio::test]
async fn the_trip_page_shows_every_change_although_its_overview_is_kept_rendered() {
    let World {
        app,
        owner,
        owner_id,
        stranger,
        trip_id,
        activity_id,
    } = world().await;
    let page = format!("/trips/{trip_id}");
    let view = || async {
        let response = app.get_with_cookie(&page, &owner).await;
        assert_eq!(response.status(), 200);
        response.text().await.unwrap()
    };
    // Without the per-response nonce, two views of unchanged data are the same page.
    let without_nonce = |html: &str| {
        let nonce = html
            .split_once("nonce=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(nonce, _)| nonce.to_string())
            .unwrap();
        assert!(nonce.len() >= 16, "{nonce}");
        html.replace(&nonce, "")
    };

    let before = app.queries.load(Ordering::SeqCst);
    let first = view().await;
    let rendered = app.queries.load(Ordering::SeqCst) - before;
    assert!(first.contains("Pastéis"));
    let before = app.queries.load(Ordering::SeqCst);
    assert_eq!(without_nonce(&view().await), without_nonce(&first));
    let kept = app.queries.load(Ordering::SeqCst) - before;
    // Shown again unchanged, the trip's activities and members are not even read (two
    // statements: the activities, and the members).
    assert_eq!(
        kept,
        rendered - 2,
        "{kept} statements, {rendered} the first time"
    );

    crate::core::update_activity(
        &app.db,
        owner_id,
        &activity_id,
        &activity("2027-03-03", "Bifanas"),
    )
    .await
    .unwrap();
    let renamed = view().await;
    assert!(renamed.contains("Bifanas") && !renamed.contains("Pastéis"));

    let second = crate::core::add_activity(
        &app.db,
        owner_id,
        &trip_id,
        &activity("2027-03-03", "Tram 28"),
    )
    .await
    .unwrap();
    let added = view().await;
    assert!(added.find("Bifanas").unwrap() < added.find("Tram 28").unwrap());
    crate::core::move_activity(
        &app.db,
        owner_id,
        second.id,
        domain::itinerary::service::Direction::Up,
    )
    .await
    .unwrap();
    let moved = view().await;
    assert!(moved.find("Tram 28").unwrap() < moved.find("Bifanas").unwrap());

    crate::core::update_trip(
        &app.db,
        owner_id,
        &trip_id,
        &trip("Porto weekend", "Porto", "2027-03-03", "2027-03-05"),
        false,
    )
    .await
    .unwrap();
    let edited = view().await;
    assert!(
        edited.contains(r#"<h1 id="trip-heading">Porto weekend</h1>"#),
        "{edited}"
    );
    assert!(edited.contains("<title>Porto weekend · Travel Planner</title>"));
    assert!(!edited.contains(">Lisbon</h1>"));

    crate::core::delete_activity(&app.db, owner_id, &activity_id)
        .await
        .unwrap();
    assert!(!view().await.contains("Bifanas"));

    // The owner's page is kept; a stranger asking for it still finds nothing.
    let response = app.get_with_cookie(&page, &stranger).await;
    assert_eq!(response.status(), 404);
    assert!(!response.text().await.unwrap().contains("Tram 28"));
}

/// The day page reads only its own day's activities, yet shows that day exactly as the trip page
/// does: its activities, its cost against the trip's daily budget, and the days around it.
#[tokio::test]
async fn the_day_page_shows_its_own_day_and_the_days_around_it() {
    let World {
        app,
        owner,
        owner_id,
        trip_id,
        ..
    } = world().await;
    for draft in [
        activity("2027-03-04", "Tram 28"),
        ActivityDraft {
            cost: "450".into(),
            ..activity("2027-03-04", "Dinner at Belcanto")
        },
        activity("2027-03-05", "Sintra"),
    ] {
        crate::core::add_activity(&app.db, owner_id, &trip_id, &draft)
            .await
            .unwrap();
    }

    let middle = app
        .get_with_cookie(&format!("/trips/{trip_id}/days/2027-03-04"), &owner)
        .await
        .text()
        .await
        .unwrap();
    let first = app
        .get_with_cookie(&format!("/trips/{trip_id}/days/2027-03-03"), &owner)
        .await
        .text()
        .await
        .unwrap();

    assert!(middle.contains("Tram 28") && middle.contains("Dinner at Belcanto"));
    assert!(!middle.contains("Pastéis") && !middle.contains("Sintra"));
    // €1,200 over three days is €400 a day; this day plans €462.50.
    assert!(
        middle.contains("This day costs more than the average daily budget of €400.00."),
        "{middle}"
    );
    assert!(middle.contains("€462.50"), "the day's cost");
    assert!(
        middle.contains("rel=\"prev\">← Day 1 · Wed 3 Mar 2027"),
        "{middle}"
    );
    assert!(
        middle.contains("rel=\"next\">Day 3 · Fri 5 Mar 2027 →"),
        "{middle}"
    );
    assert!(first.contains("Pastéis") && !first.contains("Tram 28"));
    assert!(!first.contains("average daily budget of"));
    assert!(!first.contains("rel=\"prev\""));
}

/// The activity form reads the session (with the profile), then the activity with its trip and
/// the traveler's role in one statement: two in all, the same for a trip's first activity as
/// for its sixtieth.
#[tokio::test]
async fn the_edit_activity_page_reads_the_activity_and_its_trip_in_one_statement() {
    let World {
        app,
        owner,
        owner_id,
        trip_id,
        activity_id,
        ..
    } = world().await;
    let statements = |path: String| {
        let (app, owner) = (&app, &owner);
        async move {
            let before = app.queries.load(Ordering::SeqCst);
            let html = app
                .get_with_cookie(&path, owner)
                .await
                .text()
                .await
                .unwrap();
            (app.queries.load(Ordering::SeqCst) - before, html)
        }
    };
    let (first, html) = statements(format!("/trips/{trip_id}/activities/{activity_id}/edit")).await;
    assert!(
        html.contains("value=\"Pastéis\""),
        "the activity's title is filled in"
    );
    assert!(html.contains("Lisbon"), "the trip's name");
    let mut last = String::new();
    for n in 0..59 {
        last = crate::core::add_activity(
            &app.db,
            owner_id,
            &trip_id,
            &activity("2027-03-04", &format!("Stop {n}")),
        )
        .await
        .unwrap()
        .id
        .to_string();
    }
    let (sixtieth, html) = statements(format!("/trips/{trip_id}/activities/{last}/edit")).await;
    assert!(html.contains("value=\"Stop 58\""));
    assert_eq!((first, sixtieth), (2, 2));
}
