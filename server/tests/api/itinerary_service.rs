//! The itinerary service against a real database: ordering, moves, concurrent edits, budget
//! sums, date shifting, and owner scoping.

use domain::{
    itinerary::{
        model::{ActivityDraft, Category, plan},
        service::Direction,
    },
    trips::{model::parse_date, service::TripError},
};
use uuid::Uuid;

use crate::{
    helpers::{TestApp, spawn_app},
    trips_service::{new_user, trip},
};

fn activity(day: &str, start: &str, title: &str, cost: &str) -> ActivityDraft {
    ActivityDraft {
        day: day.into(),
        start_time: start.into(),
        title: title.into(),
        category: "sight".into(),
        cost: cost.into(),
        ..ActivityDraft::default()
    }
}

async fn setup() -> (TestApp, Uuid, String) {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    let trip = crate::core::create_trip(
        &app.db,
        owner,
        &trip("Lisbon", "Lisbon", "2027-03-03", "2027-03-05"),
    )
    .await
    .unwrap();
    (app, owner, trip.id.to_string())
}

async fn day_titles(app: &TestApp, owner: Uuid, trip_id: &str, day: &str) -> Vec<(i32, String)> {
    let (_, activities) = crate::core::trip_with_activities(&app.db, owner, trip_id)
        .await
        .unwrap();
    let day = parse_date(day).unwrap();
    activities
        .into_iter()
        .filter(|a| a.day == day)
        .map(|a| (a.position, a.title))
        .collect()
}

fn titles(list: &[(i32, String)]) -> Vec<&str> {
    list.iter().map(|(_, t)| t.as_str()).collect()
}

#[tokio::test]
async fn a_day_is_in_time_order_with_untimed_activities_last() {
    let (app, owner, trip_id) = setup().await;
    for (start, title) in [
        ("", "Souvenirs"),
        ("14:00", "Museum"),
        ("09:00", "Breakfast"),
        ("", "Postcards"),
        ("12:00", "Lunch"),
    ] {
        crate::core::add_activity(
            &app.db,
            owner,
            &trip_id,
            &activity("2027-03-04", start, title, ""),
        )
        .await
        .unwrap();
    }

    let day = day_titles(&app, owner, &trip_id, "2027-03-04").await;

    assert_eq!(
        titles(&day),
        ["Breakfast", "Lunch", "Museum", "Souvenirs", "Postcards"]
    );
    assert_eq!(
        day.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4]
    );
}

#[tokio::test]
async fn moving_swaps_neighbours_and_stops_at_the_edges() {
    let (app, owner, trip_id) = setup().await;
    let mut ids = Vec::new();
    for title in ["A", "B", "C"] {
        ids.push(
            crate::core::add_activity(
                &app.db,
                owner,
                &trip_id,
                &activity("2027-03-03", "", title, ""),
            )
            .await
            .unwrap()
            .id,
        );
    }

    crate::core::move_activity(&app.db, owner, &ids[2], Direction::Up)
        .await
        .unwrap();
    crate::core::move_activity(&app.db, owner, &ids[0], Direction::Up)
        .await
        .unwrap();
    assert_eq!(
        titles(&day_titles(&app, owner, &trip_id, "2027-03-03").await),
        ["A", "C", "B"]
    );
    crate::core::move_activity(&app.db, owner, &ids[1], Direction::Down)
        .await
        .unwrap();
    assert_eq!(
        titles(&day_titles(&app, owner, &trip_id, "2027-03-03").await),
        ["A", "C", "B"]
    );

    // To another day: it leaves no gap behind and takes its place by time there.
    let mut moved = activity("2027-03-05", "", "C", "");
    moved.category = "food".into();
    crate::core::update_activity(&app.db, owner, &ids[2], &moved)
        .await
        .unwrap();
    assert_eq!(
        day_titles(&app, owner, &trip_id, "2027-03-03").await,
        [(0, "A".into()), (1, "B".into())]
    );
    assert_eq!(
        day_titles(&app, owner, &trip_id, "2027-03-05").await,
        [(0, "C".into())]
    );

    crate::core::delete_activity(&app.db, owner, &ids[0])
        .await
        .unwrap();
    assert_eq!(
        day_titles(&app, owner, &trip_id, "2027-03-03").await,
        [(0, "B".into())]
    );
}

#[tokio::test]
async fn concurrent_edits_never_duplicate_or_lose_a_position() {
    let (app, owner, trip_id) = setup().await;
    let mut seeded = Vec::new();
    for n in 0..5 {
        seeded.push(
            crate::core::add_activity(
                &app.db,
                owner,
                &trip_id,
                &activity("2027-03-04", "", &format!("Seed {n}"), ""),
            )
            .await
            .unwrap()
            .id,
        );
    }

    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..20 {
        let (db, trip_id) = (app.db.clone(), trip_id.clone());
        let start = if n % 2 == 0 {
            format!("{:02}:00", 8 + n / 2)
        } else {
            String::new()
        };
        tasks.spawn(async move {
            crate::core::add_activity(
                &db,
                owner,
                &trip_id,
                &activity("2027-03-04", &start, &format!("New {n}"), ""),
            )
            .await
            .map(|_| ())
        });
    }
    for (n, id) in seeded.iter().enumerate() {
        let (db, id) = (app.db.clone(), *id);
        let direction = if n % 2 == 0 {
            Direction::Up
        } else {
            Direction::Down
        };
        tasks.spawn(async move {
            crate::core::move_activity(&db, owner, &id, direction)
                .await
                .map(|_| ())
        });
    }
    let results = tasks.join_all().await;

    assert!(results.iter().all(Result::is_ok), "{results:?}");
    let day = day_titles(&app, owner, &trip_id, "2027-03-04").await;
    assert_eq!(day.len(), 25);
    assert_eq!(
        day.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
        (0..25).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn the_budget_adds_up_in_minor_units() {
    let (app, owner, trip_id) = setup().await;
    // Budget 1,200.00 over 3 days: 400.00 a day.
    crate::core::add_activity(
        &app.db,
        owner,
        &trip_id,
        &activity("2027-03-03", "10:00", "Tram", "0.10"),
    )
    .await
    .unwrap();
    crate::core::add_activity(
        &app.db,
        owner,
        &trip_id,
        &activity("2027-03-03", "10:30", "Tour", "0.20"),
    )
    .await
    .unwrap();
    let mut dinner = activity("2027-03-04", "20:00", "Dinner", "400.01");
    dinner.category = "food".into();
    crate::core::add_activity(&app.db, owner, &trip_id, &dinner)
        .await
        .unwrap();

    let (trip, activities) = crate::core::trip_with_activities(&app.db, owner, &trip_id)
        .await
        .unwrap();
    let (days, summary) = plan(&trip, activities);

    assert_eq!(
        summary.planned_minor, 40_031,
        "0.10 + 0.20 + 400.01, no float drift"
    );
    assert_eq!(summary.remaining_minor, Some(120_000 - 40_031));
    assert_eq!(summary.daily_budget_minor, Some(40_000));
    assert_eq!(
        summary.by_category,
        vec![(Category::Sight, 30), (Category::Food, 40_001)]
    );
    assert_eq!(days.len(), 3);
    assert_eq!(
        (days[0].cost_minor, days[1].cost_minor, days[2].cost_minor),
        (30, 40_001, 0)
    );
    assert!(
        days[1]
            .warnings
            .contains(&domain::itinerary::model::Warning::OverDailyBudget)
    );
    assert!(
        days[2].activities.is_empty(),
        "days with nothing planned still appear"
    );
}

#[tokio::test]
async fn moving_the_trip_shifts_the_plan_and_shortening_it_is_refused() {
    let (app, owner, trip_id) = setup().await;
    crate::core::add_activity(
        &app.db,
        owner,
        &trip_id,
        &activity("2027-03-03", "", "Arrive", ""),
    )
    .await
    .unwrap();
    crate::core::add_activity(
        &app.db,
        owner,
        &trip_id,
        &activity("2027-03-05", "", "Leave", ""),
    )
    .await
    .unwrap();

    let moved = trip("Lisbon", "Lisbon", "2027-03-10", "2027-03-12");
    crate::core::update_trip(&app.db, owner, &trip_id, &moved, true)
        .await
        .unwrap();
    assert_eq!(
        titles(&day_titles(&app, owner, &trip_id, "2027-03-10").await),
        ["Arrive"]
    );
    assert_eq!(
        titles(&day_titles(&app, owner, &trip_id, "2027-03-12").await),
        ["Leave"]
    );

    let shorter = trip("Renamed", "Lisbon", "2027-03-10", "2027-03-11");
    let refused = crate::core::update_trip(&app.db, owner, &trip_id, &shorter, true).await;
    let Err(TripError::Invalid(errors)) = refused else {
        panic!("{refused:?}")
    };
    let message = errors.field("end_date").unwrap();
    assert!(message.contains("“Leave” (Fri 12 Mar 2027)"), "{message}");
    let unchanged = crate::core::find_trip(&app.db, owner, &trip_id)
        .await
        .unwrap();
    assert_eq!(
        (unchanged.name.as_str(), unchanged.end_date),
        ("Lisbon", parse_date("2027-03-12").unwrap())
    );

    let not_shifted = trip("Lisbon", "Lisbon", "2027-03-11", "2027-03-13");
    assert!(
        matches!(
            crate::core::update_trip(&app.db, owner, &trip_id, &not_shifted, false).await,
            Err(TripError::Invalid(_))
        ),
        "Arrive would be left before the start"
    );
}

#[tokio::test]
async fn activity_rules_are_checked_against_the_trip() {
    let (app, owner, trip_id) = setup().await;
    let cases = [
        (
            activity("2027-03-06", "", "Late", ""),
            "day",
            "Choose a day within the trip.",
        ),
        (
            activity("2027-03-03", "", "  ", ""),
            "title",
            "Give the activity a title.",
        ),
        (
            activity("2027-03-03", "25:00", "Odd", ""),
            "start_time",
            "Enter a time like 09:30.",
        ),
        (
            activity("2027-03-03", "", "Pricey", "100000000.01"),
            "cost",
            "The cost can be at most 100,000,000.",
        ),
        (
            activity("2027-03-03", "", "Cheap", "0.001"),
            "cost",
            "EUR amounts have at most 2 decimal places.",
        ),
        (
            ActivityDraft {
                category: "party".into(),
                ..activity("2027-03-03", "", "X", "")
            },
            "category",
            "Choose a kind of activity from the list.",
        ),
        (
            ActivityDraft {
                location: "x".repeat(201),
                ..activity("2027-03-03", "", "X", "")
            },
            "location",
            "Keep the place to 200 characters or fewer.",
        ),
        (
            ActivityDraft {
                description: "x".repeat(5001),
                ..activity("2027-03-03", "", "X", "")
            },
            "description",
            "Keep the description to 5,000 characters or fewer.",
        ),
        (
            ActivityDraft {
                latitude: "91".into(),
                longitude: "0".into(),
                ..activity("2027-03-03", "", "X", "")
            },
            "latitude",
            "Latitude is a number from -90 to 90.",
        ),
    ];
    for (input, field, message) in cases {
        let result = crate::core::add_activity(&app.db, owner, &trip_id, &input).await;
        let Err(TripError::Invalid(errors)) = result else {
            panic!("{field}: {result:?}")
        };
        assert_eq!(errors.field(field).as_deref(), Some(message), "{field}");
    }
    assert_eq!(app.count("activities").await, 0);

    let overnight = ActivityDraft {
        end_time: "06:45".into(),
        ..activity("2027-03-03", "22:10", "Night train", "")
    };
    let created = crate::core::add_activity(&app.db, owner, &trip_id, &overnight)
        .await
        .unwrap();
    assert!(created.ends_next_day);
    assert_eq!(
        (created.start_time, created.end_time),
        (
            chrono::NaiveTime::from_hms_opt(22, 10, 0),
            chrono::NaiveTime::from_hms_opt(6, 45, 0)
        )
    );
}

#[tokio::test]
async fn another_travelers_activities_are_out_of_reach() {
    let (app, owner, trip_id) = setup().await;
    let id = crate::core::add_activity(
        &app.db,
        owner,
        &trip_id,
        &activity("2027-03-03", "", "Mine", ""),
    )
    .await
    .unwrap()
    .id;
    let stranger = new_user(&app.db).await;

    assert!(matches!(
        crate::core::trip_with_activities(&app.db, stranger, &trip_id).await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::find_activity(&app.db, stranger, &id).await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::add_activity(
            &app.db,
            stranger,
            &trip_id,
            &activity("2027-03-03", "", "Theirs", "")
        )
        .await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::update_activity(
            &app.db,
            stranger,
            &id,
            &activity("2027-03-03", "", "Taken", "")
        )
        .await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::move_activity(&app.db, stranger, &id, Direction::Down).await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::delete_activity(&app.db, stranger, &id).await,
        Err(TripError::NotFound)
    ));
    assert_eq!(
        titles(&day_titles(&app, owner, &trip_id, "2027-03-03").await),
        ["Mine"]
    );

    crate::core::delete_trip(&app.db, owner, &trip_id)
        .await
        .unwrap();
    assert_eq!(
        app.count("activities").await,
        0,
        "deleting a trip deletes its activities"
    );
}

/// The day page reads one day's activities through a statement of its own, each column read at
/// its place; the trip page reads them all through sea-orm by column name. Both give the same
/// activities, every field set (times overnight, place, position, cost), and another day's stay
/// out.
#[tokio::test]
async fn a_day_reads_its_activities_as_the_whole_trip_reads_them() {
    let (app, owner, trip_id) = setup().await;
    let full = ActivityDraft {
        end_time: "01:30".into(),
        location: "Alfama".into(),
        description: "Fado & \"dinner\"".into(),
        latitude: "38.7110".into(),
        longitude: "-9.1300".into(),
        place_name: "Clube de Fado".into(),
        place_address: "Rua São João da Praça 94, Lisboa".into(),
        place_ref: "osm:node/42".into(),
        ..activity("2027-03-04", "21:00", "Fado night", "45.50")
    };
    for draft in [
        full,
        activity("2027-03-04", "09:00", "Tile museum", "5"),
        activity("2027-03-04", "", "Pastéis de nata", ""),
        activity("2027-03-05", "10:00", "Sintra", "12"),
    ] {
        crate::core::add_activity(&app.db, owner, &trip_id, &draft)
            .await
            .unwrap();
    }
    let day = parse_date("2027-03-04").unwrap();
    let (_, everything) = crate::core::trip_with_activities(&app.db, owner, &trip_id)
        .await
        .unwrap();
    let expected: Vec<_> = everything.into_iter().filter(|a| a.day == day).collect();
    let (trip, read, role) = domain::itinerary::service::trip_with_day(
        &app.db,
        &domain::access::Actor::signed_in(owner.into()),
        trip_id.parse().unwrap(),
        day,
    )
    .await
    .unwrap();
    assert_eq!(trip.id.to_string(), trip_id);
    assert_eq!(role, domain::access::Role::Owner);
    assert_eq!(read.len(), 3);
    assert_eq!(read, expected);
    let fado = read.iter().find(|a| a.title == "Fado night").unwrap();
    assert!(fado.ends_next_day);
    assert_eq!(fado.place_ref, "osm:node/42");
    assert_eq!(fado.cost_minor, 4550);
}
