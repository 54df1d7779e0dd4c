//! No lost edits: a form carries the version it was made from; saving over a newer change is
//! refused (409) with who changed it and when, theirs beside yours, and nothing is saved until
//! the person saves again (which then carries the current version).

use super::{join, person, trip_with_activity};
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_second_of_two_editors_is_shown_the_conflict_and_nothing_is_saved() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    let (trip, activity) = trip_with_activity(&app, &ana).await;
    join(&app, &ana, trip, &ben, "editor").await;
    let (trip, activity) = (trip.to_string(), activity.to_string());
    // Both open the form at version 1.
    let form = |title: &'static str, version: &'static str| {
        vec![
            ("id", activity.clone()),
            ("version", version.to_string()),
            ("day", "2027-03-03".to_string()),
            ("start_time", "09:30".to_string()),
            ("title", title.to_string()),
            ("category", "food".to_string()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>, cookie: String| {
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form("/api/itinerary/update", &fields, Some(&cookie))
                .await
        }
    };
    let first = send(form("Ana's breakfast", "1"), ana.cookie.clone()).await;
    assert_eq!(first.status(), 200, "{}", first.text().await.unwrap());
    let before = crate::backup::every_row(&app.db).await["activities"].clone();

    let second = send(form("Ben's breakfast", "1"), ben.cookie.clone()).await;
    assert_eq!(second.status(), 409);
    let body = second.text().await.unwrap();
    assert!(body.contains("Changed by Ana at"), "{body}");
    assert!(body.contains("since you opened it"), "{body}");
    assert!(
        body.contains("Ana's breakfast") && body.contains("Ben's breakfast"),
        "theirs and yours: {body}"
    );
    assert_eq!(
        crate::backup::every_row(&app.db).await["activities"],
        before,
        "nothing was saved"
    );

    // Without JavaScript: the form comes back with the conflict shown beside it.
    let plain = app
        .client
        .post(app.url("/api/itinerary/update"))
        .header("cookie", &ben.cookie)
        .header("accept", "text/html")
        .header(
            "referer",
            app.url(&format!("/trips/{trip}/activities/{activity}/edit")),
        )
        .form(&form("Ben's breakfast", "1"))
        .send()
        .await
        .unwrap();
    assert!(plain.status().is_redirection(), "{}", plain.status());
    let back = plain.headers()["location"].to_str().unwrap().to_string();
    let cookie = crate::helpers::session_cookie(&plain).unwrap_or_else(|| ben.cookie.clone());
    let page = app
        .get_with_cookie(&back, &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Changed by Ana at"), "{page}");
    assert!(
        page.contains("Their version") && page.contains("keep theirs"),
        "{page}"
    );
    assert!(
        page.contains(r#"name="version" value="2""#),
        "the form now carries the current version: {page}"
    );

    // Choosing to save theirs over: with the current version, it is saved.
    let chosen = send(form("Ben's breakfast", "2"), ben.cookie.clone()).await;
    assert_eq!(chosen.status(), 200, "{}", chosen.text().await.unwrap());
    assert_eq!(
        app.count_where("activities", "title = 'Ben''s breakfast'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_trip_form_from_an_older_version_is_refused_with_the_difference() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    join(&app, &ana, trip, &ben, "editor").await;
    let trip = trip.to_string();
    let form = |name: &'static str| {
        vec![
            ("id", trip.clone()),
            ("version", "1".to_string()),
            ("name", name.to_string()),
            ("destination", "Lisbon".to_string()),
            ("start_date", "2027-03-03".to_string()),
            ("end_date", "2027-03-05".to_string()),
            ("time_zone", "Europe/Lisbon".to_string()),
            ("currency", "EUR".to_string()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>, cookie: String| {
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form("/api/trips/update", &fields, Some(&cookie))
                .await
        }
    };
    assert_eq!(
        post(form("Ana's name"), ana.cookie.clone()).await.status(),
        200
    );
    let refused = post(form("Ben's name"), ben.cookie.clone()).await;
    assert_eq!(refused.status(), 409);
    let body = refused.text().await.unwrap();
    assert!(
        body.contains("Changed by Ana") && body.contains("Ben's name"),
        "{body}"
    );
    assert_eq!(app.count_where("trips", "name = 'Ana''s name'").await, 1);
}
