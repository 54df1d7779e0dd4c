//! The trips service against a real database (SQLite, or PostgreSQL in CI's second pass):
//! validation, filters, order, page boundaries and owner scoping.

use chrono::{NaiveDate, Utc};
use domain::{
    entities::users,
    trips::{
        model::{PAGE_SIZE, Sort, Status, TripDraft, TripQuery, parse_date},
        service::TripError,
    },
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use uuid::Uuid;

use crate::helpers::spawn_app;

pub async fn new_user(db: &DatabaseConnection) -> Uuid {
    let id = Uuid::now_v7();
    users::ActiveModel {
        id: Set(id),
        email: Set(format!("{}@example.com", id.simple())),
        display_name: Set("Traveler".into()),
        password_hash: Set("not-a-real-hash".into()),
        email_verified_at: Set(None),
        time_zone: Set(None),
        theme: Set("system".to_string()),
        language: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .unwrap();
    id
}

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

pub fn trip(name: &str, destination: &str, start: &str, end: &str) -> TripDraft {
    TripDraft {
        name: name.into(),
        destination: destination.into(),
        start_date: start.into(),
        end_date: end.into(),
        time_zone: "Europe/Lisbon".into(),
        currency: "EUR".into(),
        budget: "1200".into(),
        ..TripDraft::default()
    }
}

/// Every trip whose text holds `q`.
fn search(q: &str) -> TripQuery {
    TripQuery {
        status: Status::All,
        q: q.into(),
        ..TripQuery::default()
    }
}

fn names(list: &domain::trips::model::TripList) -> Vec<&str> {
    list.trips.iter().map(|t| t.name.as_str()).collect()
}

const TODAY: &str = "2026-06-15";

async fn seeded() -> (crate::helpers::TestApp, Uuid) {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    for (name, destination, start, end) in [
        ("Alps hike", "Zermatt", "2026-07-01", "2026-07-10"),
        ("business trip", "Berlin", "2026-06-10", "2026-06-20"), // under way today
        ("Beach week", "Lisbon 100%", "2026-08-01", "2026-08-07"),
        ("Old winter", "Oslo", "2025-12-20", "2025-12-28"),
        ("Yesterday's end", "Rome", "2026-06-01", "2026-06-14"),
    ] {
        crate::core::create_trip(&app.db, owner, &trip(name, destination, start, end))
            .await
            .unwrap();
    }
    (app, owner)
}

async fn list(
    app: &crate::helpers::TestApp,
    owner: Uuid,
    query: TripQuery,
) -> domain::trips::model::TripList {
    crate::core::list_trips(
        &app.db,
        owner,
        &TripQuery {
            page: query.page.max(1),
            ..query
        },
        date(TODAY),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn tabs_split_upcoming_from_past_at_today() {
    let (app, owner) = seeded().await;

    let upcoming = list(&app, owner, TripQuery::default()).await;
    let past = list(
        &app,
        owner,
        TripQuery {
            status: Status::Past,
            ..TripQuery::default()
        },
    )
    .await;
    let all = list(
        &app,
        owner,
        TripQuery {
            status: Status::All,
            ..TripQuery::default()
        },
    )
    .await;

    assert_eq!(
        names(&upcoming),
        ["business trip", "Alps hike", "Beach week"],
        "soonest first"
    );
    assert_eq!(
        names(&past),
        ["Yesterday's end", "Old winter"],
        "most recent first"
    );
    assert_eq!(all.total, 5);
    let recent: Vec<&str> = upcoming
        .recent_past
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        recent,
        ["Yesterday's end", "Old winter"],
        "past trips shown below"
    );
    assert!(past.recent_past.is_empty());
    assert!(upcoming.has_any);
}

#[tokio::test]
async fn search_matches_name_or_destination_case_insensitively_and_literally() {
    let (app, owner) = seeded().await;
    assert_eq!(
        names(&list(&app, owner, search("BERLIN")).await),
        ["business trip"]
    );
    assert_eq!(
        names(&list(&app, owner, search("hike")).await),
        ["Alps hike"]
    );
    assert_eq!(
        names(&list(&app, owner, search("100%")).await),
        ["Beach week"]
    );
    assert!(
        list(&app, owner, search("%")).await.trips.len() == 1,
        "% is literal"
    );
    assert!(
        list(&app, owner, search("_")).await.trips.is_empty(),
        "_ is literal"
    );
    let none = list(&app, owner, search("Atlantis")).await;
    assert_eq!(none.total, 0);
    assert!(
        none.has_any,
        "the empty state knows the traveler has other trips"
    );
}

#[tokio::test]
async fn a_date_range_keeps_trips_that_overlap_it() {
    let (app, owner) = seeded().await;
    let range = TripQuery {
        status: Status::All,
        from: Some(date("2026-06-14")),
        to: Some(date("2026-07-01")),
        sort: Sort::Name,
        ..TripQuery::default()
    };

    let found = list(&app, owner, range).await;

    assert_eq!(
        names(&found),
        ["Alps hike", "business trip", "Yesterday's end"]
    );
}

#[tokio::test]
async fn sorts_by_name_ignoring_case_and_by_last_change() {
    let (app, owner) = seeded().await;
    let by = |sort| TripQuery {
        status: Status::All,
        sort,
        ..TripQuery::default()
    };

    let by_name = list(&app, owner, by(Sort::Name)).await;
    assert_eq!(
        names(&by_name),
        [
            "Alps hike",
            "Beach week",
            "business trip",
            "Old winter",
            "Yesterday's end"
        ]
    );

    let oslo = list(
        &app,
        owner,
        TripQuery {
            q: "Oslo".into(),
            ..by(Sort::Start)
        },
    )
    .await;
    let id = oslo.trips[0].id.to_string();
    crate::core::update_trip(
        &app.db,
        owner,
        &id,
        &trip("Old winter", "Oslo", "2025-12-20", "2025-12-28"),
        false,
    )
    .await
    .unwrap();
    let by_change = list(&app, owner, by(Sort::Updated)).await;
    assert_eq!(by_change.trips[0].name, "Old winter");
}

#[tokio::test]
async fn pages_hold_twenty_and_the_boundaries_are_exact() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    let page_size = usize::try_from(PAGE_SIZE).unwrap();
    for n in 0..page_size {
        let day = format!("2027-01-{:02}", n + 1);
        crate::core::create_trip(
            &app.db,
            owner,
            &trip(&format!("Trip {n:02}"), "Here", &day, &day),
        )
        .await
        .unwrap();
    }
    let page = |page| TripQuery {
        page,
        ..TripQuery::default()
    };

    let exactly_twenty = list(&app, owner, page(1)).await;
    assert_eq!(
        (exactly_twenty.trips.len(), exactly_twenty.pages),
        (page_size, 1)
    );

    crate::core::create_trip(
        &app.db,
        owner,
        &trip("Trip 20", "Here", "2027-02-01", "2027-02-01"),
    )
    .await
    .unwrap();
    let first = list(&app, owner, page(1)).await;
    let second = list(&app, owner, page(2)).await;
    let beyond = list(&app, owner, page(3)).await;

    assert_eq!(
        (first.trips.len(), first.pages, first.total),
        (page_size, 2, 21)
    );
    assert_eq!(names(&second), ["Trip 20"]);
    assert_eq!(first.trips[0].name, "Trip 00");
    assert!(beyond.trips.is_empty());
    assert_eq!(beyond.page, 3);
}

#[tokio::test]
async fn another_travelers_trips_are_invisible_and_untouchable() {
    let (app, owner) = seeded().await;
    let stranger = new_user(&app.db).await;
    let mine = list(
        &app,
        owner,
        TripQuery {
            status: Status::All,
            ..TripQuery::default()
        },
    )
    .await;
    let id = mine.trips[0].id.to_string();

    let theirs = list(
        &app,
        stranger,
        TripQuery {
            status: Status::All,
            ..TripQuery::default()
        },
    )
    .await;
    assert_eq!(theirs.total, 0);
    assert!(!theirs.has_any);
    assert!(matches!(
        crate::core::find_trip(&app.db, stranger, &id).await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::update_trip(
            &app.db,
            stranger,
            &id,
            &trip("Mine now", "X", "2026-01-01", "2026-01-02"),
            false,
        )
        .await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::delete_trip(&app.db, stranger, &id).await,
        Err(TripError::NotFound)
    ));
    assert!(matches!(
        crate::core::find_trip(&app.db, owner, "not-a-uuid").await,
        Err(TripError::NotFound)
    ));

    let still = crate::core::find_trip(&app.db, owner, &id).await.unwrap();
    assert_eq!(still.name, mine.trips[0].name);
}

#[tokio::test]
async fn invalid_input_changes_nothing() {
    let (app, owner) = seeded().await;
    let before = app.count("trips").await;
    let bad = TripDraft {
        end_date: "2020-01-01".into(),
        ..trip("Bad", "X", "2026-01-01", "")
    };

    let created = crate::core::create_trip(&app.db, owner, &bad).await;

    assert!(
        matches!(created, Err(TripError::Invalid(errors)) if errors.field("end_date").is_some())
    );
    assert_eq!(app.count("trips").await, before);
}

#[tokio::test]
async fn new_trips_default_to_the_home_zone_and_last_currency() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;

    let fresh = crate::core::defaults(&app.db, owner).await.unwrap();
    assert_eq!(
        (
            fresh.time_zone.as_str(),
            fresh.currency.as_str(),
            fresh.zone_chosen
        ),
        ("UTC", "USD", false)
    );

    crate::core::create_trip(
        &app.db,
        owner,
        &TripDraft {
            currency: "JPY".into(),
            budget: String::new(),
            ..trip("T", "Kyoto", "2026-04-01", "2026-04-05")
        },
    )
    .await
    .unwrap();
    let mut user: users::ActiveModel = users::Entity::find_by_id(owner)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    user.time_zone = Set(Some("Asia/Tokyo".into()));
    user.update(&app.db).await.unwrap();

    let later = crate::core::defaults(&app.db, owner).await.unwrap();
    assert_eq!(
        (
            later.time_zone.as_str(),
            later.currency.as_str(),
            later.zone_chosen
        ),
        ("Asia/Tokyo", "JPY", true)
    );
}

use sea_orm::EntityTrait;

/// The names of the issue that found SQLite folding ASCII only, each searched as travelers type
/// it; the same answers on SQLite and on PostgreSQL (CI's second pass).
#[tokio::test]
async fn search_ignores_case_and_accents_the_same_on_every_database() {
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    for (name, destination) in [
        ("ÜBERLINGEN", "Lake Constance"),
        ("Winter", "São Paulo"),
        ("Kraków weekend", "Poland"),
        ("Zürich", "Switzerland"),
        ("İstanbul", "Türkiye"),
        ("Ferry", "Ærøskøbing"),
        ("Berlin", "Straße des 17. Juni"),
        ("Αθήνα", "Greece"),
        ("東京", "Japan"),
        ("Sale", "50% off_week"),
    ] {
        crate::core::create_trip(
            &app.db,
            owner,
            &trip(name, destination, "2026-07-01", "2026-07-05"),
        )
        .await
        .unwrap();
    }
    for (query, expected) in [
        ("über", &["ÜBERLINGEN"][..]),
        ("ÜBER", &["ÜBERLINGEN"]),
        ("sao paulo", &["Winter"]),
        ("SÃO PAULO", &["Winter"]),
        ("krakow", &["Kraków weekend"]),
        ("zurich", &["Zürich"]),
        ("ZÜRICH", &["Zürich"]),
        ("istanbul", &["İstanbul"]),
        ("İSTANBUL", &["İstanbul"]),
        ("ærøskøbing", &["Ferry"]),
        ("aeroskobing", &["Ferry"]),
        ("strasse", &["Berlin"]),
        ("STRASSE", &["Berlin"]),
        ("αθηνα", &["Αθήνα"]),
        ("ΑΘΉΝΑ", &["Αθήνα"]),
        ("東京", &["東京"]),
        ("京都", &[]),
        ("50%", &["Sale"]),
        ("f_w", &["Sale"]),
        ("f%w", &[]),
        ("_", &["Sale"]),
        // As a wildcard, `_` would match the second "e" of "week".
        ("e_k", &[]),
    ] {
        let found = list(&app, owner, search(query)).await;
        assert_eq!(names(&found), expected, "searching {query:?}");
    }
}

#[tokio::test]
async fn search_finds_trips_by_their_activities() {
    use domain::itinerary::model::ActivityDraft;
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    let lisbon = crate::core::create_trip(
        &app.db,
        owner,
        &trip("Spring", "Lisbon", "2027-03-03", "2027-03-05"),
    )
    .await
    .unwrap();
    crate::core::create_trip(
        &app.db,
        owner,
        &trip("Autumn", "Porto", "2027-10-03", "2027-10-05"),
    )
    .await
    .unwrap();
    let added = crate::core::add_activity(
        &app.db,
        owner,
        lisbon.id,
        &ActivityDraft {
            day: "2027-03-04".into(),
            title: "Pastéis at Belém".into(),
            location: "Rua de Belém 84".into(),
            category: "food".into(),
            cost: "6".into(),
            ..ActivityDraft::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        names(&list(&app, owner, search("pasteis")).await),
        ["Spring"]
    );
    assert_eq!(
        names(&list(&app, owner, search("RUA DE BELEM")).await),
        ["Spring"]
    );

    // An edit writes the new text: the old title no longer finds the trip.
    crate::core::update_activity(
        &app.db,
        owner,
        added.id,
        &ActivityDraft {
            day: "2027-03-04".into(),
            title: "Tram 28".into(),
            category: "transport".into(),
            cost: "3".into(),
            ..ActivityDraft::default()
        },
    )
    .await
    .unwrap();
    assert!(list(&app, owner, search("pasteis")).await.trips.is_empty());
    assert_eq!(names(&list(&app, owner, search("tram")).await), ["Spring"]);
}

#[tokio::test]
async fn sorting_by_name_folds_accents_and_rows_without_a_search_text_are_filled() {
    use sea_orm::{ConnectionTrait, Statement};
    let app = spawn_app().await;
    let owner = new_user(&app.db).await;
    for name in ["Zagreb", "Ærø", "Óbidos", "amsterdam"] {
        crate::core::create_trip(
            &app.db,
            owner,
            &trip(name, "Europe", "2026-07-01", "2026-07-05"),
        )
        .await
        .unwrap();
    }
    let by_name = TripQuery {
        status: Status::All,
        sort: Sort::Name,
        ..TripQuery::default()
    };
    assert_eq!(
        names(&list(&app, owner, by_name.clone()).await),
        ["Ærø", "amsterdam", "Óbidos", "Zagreb"]
    );

    // As a row written before the column existed (or by the previous release) looks.
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_string(
            backend,
            "UPDATE trips SET search_text = ''",
        ))
        .await
        .unwrap();
    assert!(list(&app, owner, search("obidos")).await.trips.is_empty());

    let filled = domain::search::fill_missing(&app.db).await.unwrap();

    assert_eq!(filled, 4);
    assert_eq!(
        names(&list(&app, owner, search("obidos")).await),
        ["Óbidos"]
    );
    assert_eq!(domain::search::fill_missing(&app.db).await.unwrap(), 0);
}

/// Lists read a trip's dates from each membership's copy, which the database keeps: a
/// membership written without them (as the previous release writes them) gets them, and a
/// traveler the trip is shared with sees it move from upcoming to past when its owner moves it.
#[tokio::test]
async fn a_shared_trip_moves_between_tabs_with_its_dates() {
    let (app, owner) = seeded().await;
    let guest = new_user(&app.db).await;
    let shared = crate::core::create_trip(
        &app.db,
        owner,
        &trip("Shared weekend", "Porto", "2026-09-04", "2026-09-06"),
    )
    .await
    .unwrap();
    domain::entities::trip_members::ActiveModel {
        trip_id: Set(shared.id),
        user_id: Set(guest),
        role: Set("viewer".into()),
        joined_at: Set(Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let past = || TripQuery {
        status: Status::Past,
        ..TripQuery::default()
    };
    let upcoming = list(&app, guest, TripQuery::default()).await;
    assert_eq!(names(&upcoming), ["Shared weekend"]);
    assert_eq!(upcoming.total, 1);
    assert!(list(&app, guest, past()).await.trips.is_empty());

    crate::core::update_trip(
        &app.db,
        owner,
        shared.id,
        &trip("Shared weekend", "Porto", "2026-05-01", "2026-05-03"),
        false,
    )
    .await
    .unwrap();
    let upcoming = list(&app, guest, TripQuery::default()).await;
    assert!(upcoming.trips.is_empty(), "{:?}", names(&upcoming));
    assert_eq!(upcoming.total, 0);
    let recent: Vec<&str> = upcoming
        .recent_past
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(recent, ["Shared weekend"]);
    let past = list(&app, guest, past()).await;
    assert_eq!(names(&past), ["Shared weekend"]);
    // The owner's list moved it too, among their own past trips (latest first).
    let owners = list(
        &app,
        owner,
        TripQuery {
            status: Status::Past,
            ..TripQuery::default()
        },
    )
    .await;
    assert_eq!(
        names(&owners),
        ["Yesterday's end", "Shared weekend", "Old winter"]
    );
    // A date range is read from the same copies.
    let may = list(
        &app,
        guest,
        TripQuery {
            status: Status::All,
            from: Some(date("2026-05-02")),
            to: Some(date("2026-05-02")),
            ..TripQuery::default()
        },
    )
    .await;
    assert_eq!(names(&may), ["Shared weekend"]);
}
