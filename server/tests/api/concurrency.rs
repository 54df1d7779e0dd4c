//! 50 concurrent writers (docs/runbook.md, SQLite): no request fails (no "database is locked"), no row is
//! lost, positions stay unique, and SQLite's `integrity_check` is ok afterwards.

use domain::entities::trips;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use tokio::task::JoinSet;

use crate::helpers::{TestApp, spawn_app};

const WRITERS: usize = 50;
use crate::helpers::PASSWORD;

/// Runs `WRITERS` posts at once; returns the statuses that were not 200, with their bodies.
async fn all_at_once(
    app: &TestApp,
    path: &str,
    cookie: &str,
    forms: Vec<Vec<(String, String)>>,
) -> Vec<String> {
    let mut writers = JoinSet::new();
    for form in forms {
        let request = app
            .client
            .post(app.url(path))
            .header("accept", "application/json")
            .header("cookie", cookie)
            .form(&form);
        writers.spawn(async move {
            let response = request.send().await.map_err(|e| e.to_string())?;
            let status = response.status();
            if status == 200 {
                Ok(())
            } else {
                Err(format!(
                    "{status}: {}",
                    response.text().await.unwrap_or_default()
                ))
            }
        });
    }
    let mut failures = Vec::new();
    while let Some(outcome) = writers.join_next().await {
        if let Err(failure) = outcome.unwrap() {
            failures.push(failure);
        }
    }
    failures
}

fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_writers_lose_nothing_and_fail_nothing() {
    let app = spawn_app().await;
    let email = format!("writer-{}@example.com", uuid::Uuid::now_v7().simple());
    let cookie = app.sign_up(&email, PASSWORD).await;
    let owner = app.user_id(&email).await;

    let trips = (0..WRITERS)
        .map(|i| {
            form(&[
                ("name", &format!("Trip {i}")),
                ("destination", "Lisbon"),
                ("start_date", "2027-03-03"),
                ("end_date", "2027-03-09"),
                ("time_zone", "Europe/Lisbon"),
                ("currency", "EUR"),
                ("budget", "100"),
            ])
        })
        .collect();
    let failed_trips = all_at_once(&app, "/api/trips/create", &cookie, trips).await;

    let trip_id = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(owner))
        .filter(trips::Column::Name.eq("Trip 0"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("Trip 0 was created")
        .id
        .to_string();
    // Every writer appends to the same day of the same trip: the most contended write we have.
    let activities = (0..WRITERS)
        .map(|i| {
            form(&[
                ("trip_id", &trip_id),
                ("day", "2027-03-04"),
                ("title", &format!("Activity {i}")),
                ("category", "sight"),
                ("cost", "1"),
            ])
        })
        .collect();
    let failed_activities = all_at_once(&app, "/api/itinerary/create", &cookie, activities).await;

    assert!(failed_trips.is_empty(), "{failed_trips:?}");
    assert!(failed_activities.is_empty(), "{failed_activities:?}");
    let saved_trips = trips::Entity::find()
        .filter(trips::Column::OwnerId.eq(owner))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(saved_trips, WRITERS as u64);
    assert_eq!(app.count("activities").await, WRITERS as i64);
    let positions = app
        .count("(SELECT DISTINCT position FROM activities) AS p")
        .await;
    assert_eq!(positions, WRITERS as i64, "positions are unique");
    if app.db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        assert_eq!(
            app.text_of("PRAGMA integrity_check", "integrity_check")
                .await,
            "ok"
        );
    }
}
