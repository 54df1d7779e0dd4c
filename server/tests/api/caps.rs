//! Everything a traveler creates has a cap (docs/security.md, "Input limits"): 5,000 trips an
//! account, 1,000 activities a trip, 100 a day. One past the cap is a clear 422 that writes
//! nothing, also when requests race for the last place.

use chrono::{NaiveDate, Utc};
use domain::{
    entities::{activities, trips as trip_rows},
    itinerary::model::{
        ACTIVITIES_PER_DAY_MAX, ACTIVITIES_PER_TRIP_MAX, ActivityDraft, DAY_FULL, TRIP_FULL,
    },
    trips::{
        model::{TRIPS_FULL, TRIPS_MAX},
        service::TripError,
    },
};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::{
    helpers::{PASSWORD, spawn_app, unique_email},
    trips_service::{new_user, trip},
};

/// `count` trips of `owner` written straight to the table, in batches.
async fn insert_trips(db: &DatabaseConnection, owner: Uuid, count: u64) {
    let rows: Vec<trip_rows::ActiveModel> = (0..count)
        .map(|n| trip_rows::ActiveModel {
            id: Set(Uuid::now_v7()),
            owner_id: Set(owner),
            name: Set(format!("Trip {n}")),
            destination: Set("Lisbon".into()),
            start_date: Set(NaiveDate::from_ymd_opt(2027, 3, 3).unwrap()),
            end_date: Set(NaiveDate::from_ymd_opt(2027, 3, 9).unwrap()),
            time_zone: Set("Europe/Lisbon".into()),
            currency: Set("EUR".into()),
            budget_minor: Set(None),
            notes: Set(String::new()),
            place_name: Set(String::new()),
            place_address: Set(String::new()),
            place_ref: Set(String::new()),
            latitude: Set(None),
            longitude: Set(None),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            revision: Set(0),
            version: Set(1),
            calendar_sequence: Set(0),
            search_text: Set(domain::search::trip_text(
                &format!("Trip {n}"),
                "Lisbon",
                "",
            )),
        })
        .collect();
    for batch in rows.chunks(500) {
        trip_rows::Entity::insert_many(batch.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

/// `count` activities on each of `days` (1-based days of March 2027) of the trip.
async fn insert_activities(db: &DatabaseConnection, trip_id: Uuid, days: &[u32], count: u64) {
    let mut rows = Vec::new();
    for day in days {
        for n in 0..count {
            rows.push(activities::ActiveModel {
                id: Set(Uuid::now_v7()),
                trip_id: Set(trip_id),
                day: Set(NaiveDate::from_ymd_opt(2027, 3, *day).unwrap()),
                start_time: Set(None),
                end_time: Set(None),
                ends_next_day: Set(false),
                title: Set(format!("Activity {n}")),
                location: Set(String::new()),
                description: Set(String::new()),
                category: Set("other".into()),
                cost_minor: Set(0),
                position: Set(i32::try_from(n).unwrap()),
                latitude: Set(None),
                longitude: Set(None),
                version: Set(1),
                place_name: Set(String::new()),
                place_address: Set(String::new()),
                place_ref: Set(String::new()),
                created_at: Set(Utc::now()),
                updated_at: Set(Utc::now()),
                calendar_sequence: Set(0),
                search_text: Set(domain::search::activity_text(
                    &format!("Activity {n}"),
                    "",
                    "",
                )),
            });
        }
    }
    for batch in rows.chunks(500) {
        activities::Entity::insert_many(batch.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

async fn trips_of(db: &DatabaseConnection, owner: Uuid) -> u64 {
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    trip_rows::Entity::find()
        .filter(trip_rows::Column::OwnerId.eq(owner))
        .count(db)
        .await
        .unwrap()
}

fn on_day(day: &str) -> ActivityDraft {
    ActivityDraft {
        day: day.into(),
        title: "One more".into(),
        category: "other".into(),
        ..ActivityDraft::default()
    }
}

#[tokio::test]
async fn an_account_holds_at_most_5000_trips() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    insert_trips(&app.db, owner, TRIPS_MAX - 1).await;
    let lisbon = trip("Lisbon", "Lisbon", "2027-03-03", "2027-03-09");

    let last = crate::core::create_trip(&app.db, owner, &lisbon).await;
    let over = crate::core::create_trip(&app.db, owner, &lisbon).await;
    let someone_else = crate::core::create_trip(&app.db, new_user(&app.db).await, &lisbon).await;

    assert!(last.is_ok(), "the 5,000th fits");
    match over {
        Err(TripError::Invalid(errors)) => {
            assert_eq!(errors.form.as_deref(), Some(TRIPS_FULL));
        }
        other => panic!("{other:?}"),
    }
    assert!(someone_else.is_ok(), "the cap is per account");
    assert_eq!(trips_of(&app.db, owner).await, TRIPS_MAX);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_for_the_last_trip_place_lets_exactly_one_in() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    insert_trips(&app.db, owner, TRIPS_MAX - 1).await;
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(8));

    let attempts: Vec<_> = (0..8)
        .map(|n| {
            let (db, start) = (app.db.clone(), std::sync::Arc::clone(&start));
            tokio::spawn(async move {
                start.wait().await;
                let input = trip(&format!("Race {n}"), "Porto", "2027-04-01", "2027-04-02");
                crate::core::create_trip(&db, owner, &input).await.is_ok()
            })
        })
        .collect();
    let mut created = 0;
    for attempt in attempts {
        created += usize::from(attempt.await.unwrap());
    }

    assert_eq!(created, 1);
    assert_eq!(trips_of(&app.db, owner).await, TRIPS_MAX);
}

#[tokio::test]
async fn a_trip_holds_at_most_1000_activities_and_a_day_100() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    let created = crate::core::create_trip(
        &app.db,
        owner,
        &trip("Long", "Everywhere", "2027-03-01", "2027-03-31"),
    )
    .await
    .unwrap();
    let trip_id = created.id.to_string();
    // Nine full days and 99 on the tenth: one place left in the trip, one on day 10.
    insert_activities(
        &app.db,
        created.id,
        &[1, 2, 3, 4, 5, 6, 7, 8, 9],
        ACTIVITIES_PER_DAY_MAX,
    )
    .await;
    insert_activities(&app.db, created.id, &[10], ACTIVITIES_PER_DAY_MAX - 1).await;
    assert_eq!(
        app.count("activities").await as u64,
        ACTIVITIES_PER_TRIP_MAX - 1
    );

    let full_day = crate::core::add_activity(&app.db, owner, &trip_id, &on_day("2027-03-01")).await;
    let last_place =
        crate::core::add_activity(&app.db, owner, &trip_id, &on_day("2027-03-10")).await;
    let over = crate::core::add_activity(&app.db, owner, &trip_id, &on_day("2027-03-11")).await;

    match full_day {
        Err(TripError::Invalid(errors)) => {
            assert_eq!(errors.field("day").as_deref(), Some(DAY_FULL));
        }
        other => panic!("{other:?}"),
    }
    assert!(last_place.is_ok(), "the 1,000th fits");
    match over {
        Err(TripError::Invalid(errors)) => {
            assert_eq!(errors.form.as_deref(), Some(TRIP_FULL));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        app.count("activities").await as u64,
        ACTIVITIES_PER_TRIP_MAX
    );
}

#[tokio::test]
async fn moving_an_activity_onto_a_full_day_is_refused() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    let created = crate::core::create_trip(
        &app.db,
        owner,
        &trip("Short", "Porto", "2027-03-01", "2027-03-02"),
    )
    .await
    .unwrap();
    let trip_id = created.id.to_string();
    insert_activities(&app.db, created.id, &[1], ACTIVITIES_PER_DAY_MAX).await;
    let mover = crate::core::add_activity(&app.db, owner, &trip_id, &on_day("2027-03-02"))
        .await
        .unwrap()
        .id
        .to_string();

    let moved = crate::core::update_activity(&app.db, owner, &mover, &on_day("2027-03-01")).await;
    let stays = crate::core::update_activity(&app.db, owner, &mover, &on_day("2027-03-02")).await;

    match moved {
        Err(TripError::Invalid(errors)) => {
            assert_eq!(errors.field("day").as_deref(), Some(DAY_FULL));
        }
        other => panic!("{other:?}"),
    }
    assert!(stays.is_ok(), "editing it on its own day is fine");
}

#[tokio::test]
async fn the_api_pages_a_trips_activities() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    let owner = app.user_id(&email).await;
    let created = crate::core::create_trip(
        &app.db,
        owner,
        &trip("Busy", "Rome", "2027-03-01", "2027-03-05"),
    )
    .await
    .unwrap();
    insert_activities(&app.db, created.id, &[1, 2, 3], 50).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let token = tokens["access_token"].as_str().unwrap();
    let list = |query: &str| {
        let path = format!("/api/v1/trips/{}/activities{query}", created.id);
        let app = &app;
        async move {
            let response = app
                .api(reqwest::Method::GET, &path, Some(token), None)
                .await;
            let status = response.status().as_u16();
            (status, response.json::<serde_json::Value>().await.unwrap())
        }
    };

    let (first_status, first) = list("").await;
    let (_, second) = list("?page=2").await;
    let (out_of_range, problem) = list("?page=11").await;

    assert_eq!(first_status, 200);
    assert_eq!(first["activities"].as_array().unwrap().len(), 100);
    assert_eq!(first["total"], 150);
    assert_eq!(first["pages"], 2);
    assert_eq!(second["activities"].as_array().unwrap().len(), 50);
    assert_eq!(second["activities"][49]["day"], "2027-03-03");
    assert_eq!(out_of_range, 422);
    assert!(problem["errors"]["page"].is_string(), "{problem}");
}
