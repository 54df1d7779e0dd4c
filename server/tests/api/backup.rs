//! `travel-planner backup` and `restore` (docs/backup-restore.md): a backup of a database holding a row
//! in every table is restored over a changed database and into an empty one, and both come back
//! identical, every table row by row. The tables are read from the schema, so a new table is
//! covered without touching this test.

use std::{collections::BTreeMap, path::Path};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use tempfile::TempDir;

use crate::{
    binary::{run, text},
    helpers::{TestApp, fresh_database_url, spawn_app_with},
};

use crate::helpers::PASSWORD;

pub async fn tables(db: &DatabaseConnection) -> Vec<String> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        _ => {
            "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
        }
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

/// Every row of every table, each row as one text with every column quoted, sorted.
pub async fn every_row(db: &DatabaseConnection) -> BTreeMap<String, Vec<String>> {
    let backend = db.get_database_backend();
    let mut all = BTreeMap::new();
    for table in tables(db).await {
        let sql = match backend {
            DbBackend::Sqlite => {
                let columns = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("SELECT name FROM pragma_table_info('{table}')"),
                    ))
                    .await
                    .unwrap()
                    .iter()
                    .map(|row| format!("quote(\"{}\")", row.try_get::<String>("", "name").unwrap()))
                    .collect::<Vec<_>>()
                    .join(" || '|' || ");
                format!("SELECT {columns} AS r FROM \"{table}\" ORDER BY r")
            }
            _ => format!("SELECT t::text AS r FROM \"{table}\" t ORDER BY r"),
        };
        let rows = db
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .iter()
            .map(|row| row.try_get::<String>("", "r").unwrap())
            .collect();
        all.insert(table, rows);
    }
    all
}

fn email(who: &str) -> String {
    format!("{who}-{}@example.com", uuid::Uuid::now_v7().simple())
}

/// Users, sessions, a reset link, confirmation links, an API login, trips, activities and a
/// calendar feed, through HTTP.
async fn fill(app: &TestApp) {
    let owner_email = email("owner");
    let owner = app.sign_up(&owner_email, PASSWORD).await;
    app.sign_up(&email("friend"), PASSWORD).await;
    let reset = app
        .post_form(
            "/api/auth/request_password_reset",
            &[("email", &owner_email)],
            None,
        )
        .await;
    assert!(reset.status().is_success(), "{}", reset.status());
    app.link_sent_to(&owner_email, "/reset-password/").await;
    // A sign-up waiting for its link, and an email change waiting for the new address's.
    let pending = email("pending");
    app.post_sign_up(&pending, PASSWORD).await;
    app.link_sent_to(&pending, "/signup/").await;
    let moving_to = email("moving");
    app.post_form(
        "/api/auth/update_profile",
        &[
            ("display_name", "Owner"),
            ("email", &moving_to),
            ("password", PASSWORD),
        ],
        Some(&owner),
    )
    .await;
    app.link_sent_to(&moving_to, "/verify-email/").await;
    let tokens = app.api_log_in(&owner_email, PASSWORD).await;
    // A request sent with an Idempotency-Key keeps its answer.
    let kept = app
        .client
        .post(app.url("/api/v1/trips"))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .header("Idempotency-Key", "backup-fill-1")
        .json(&serde_json::json!({
            "name": "Porto", "destination": "Porto", "start_date": "2027-05-01",
            "end_date": "2027-05-03", "time_zone": "Europe/Lisbon", "currency": "EUR",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(kept.status(), 201);
    // An invitation waiting for its answer, and a share link.
    let porto: serde_json::Value = kept.json().await.unwrap();
    let porto = porto["id"].as_str().unwrap();
    let access = tokens["access_token"].as_str().unwrap();
    let invited = app
        .client
        .post(app.url(&format!("/api/v1/trips/{porto}/invitations")))
        .bearer_auth(access)
        .json(&serde_json::json!({"email": email("guest"), "role": "viewer"}))
        .send()
        .await
        .unwrap();
    assert_eq!(invited.status(), 201);
    let shared = app
        .client
        .put(app.url(&format!("/api/v1/trips/{porto}/share-link")))
        .bearer_auth(access)
        .json(&serde_json::json!({"include_budget": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), 201);
    let trip = app
        .post_form(
            "/api/trips/create",
            &[
                ("name", "Spring in Lisbon — ‘quoted’ | piped"),
                ("destination", "Lisbon"),
                ("start_date", "2027-03-03"),
                ("end_date", "2027-03-09"),
                ("time_zone", "Europe/Lisbon"),
                ("currency", "EUR"),
                ("budget", "1,500.50"),
                ("notes", "Line one\nline two, with an apostrophe: it's"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(trip.status(), 200, "{}", trip.text().await.unwrap());
    let trip_id = trip.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/trips/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    for (day, title) in [("2027-03-04", "Pastéis ☕"), ("2027-03-05", "Tram 28")] {
        let activity = app
            .post_form(
                "/api/itinerary/create",
                &[
                    ("trip_id", trip_id.as_str()),
                    ("day", day),
                    ("start_time", "09:30"),
                    ("title", title),
                    ("category", "food"),
                    ("cost", "12.50"),
                ],
                Some(&owner),
            )
            .await;
        assert_eq!(activity.status(), 200, "{}", activity.text().await.unwrap());
    }
    // A calendar address for the trip.
    let feed = app
        .post_form(
            "/api/feeds/make",
            &[("trip", trip_id.as_str())],
            Some(&owner),
        )
        .await;
    assert!(
        feed.status().is_redirection() || feed.status() == 200,
        "{}",
        feed.status()
    );
    fill_provider_store(&app.db).await;
}

/// What providers answered, as the refresher and the place search keep it.
async fn fill_provider_store(db: &DatabaseConnection) {
    use chrono::{NaiveDate, TimeZone, Utc};
    use domain::entities::{place_searches, places, provider_pace, travel_times, weather_days};
    use sea_orm::{ActiveModelTrait, Set};

    let at = Utc.with_ymd_and_hms(2027, 3, 1, 8, 30, 0).unwrap();
    place_searches::ActiveModel {
        key: Set("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into()),
        results: Set(r#"["osm:node/1234567"]"#.into()),
        fetched_at: Set(at),
    }
    .insert(db)
    .await
    .unwrap();
    places::ActiveModel {
        place_ref: Set("osm:node/1234567".into()),
        name: Set("Pastéis de Belém".into()),
        address: Set("Rua de Belém 84, Lisboa".into()),
        kind: Set("cafe".into()),
        latitude: Set(38.6975),
        longitude: Set(-9.2032),
        fetched_at: Set(at),
    }
    .insert(db)
    .await
    .unwrap();
    weather_days::ActiveModel {
        cell: Set("38.7,-9.1".into()),
        day: Set(NaiveDate::from_ymd_opt(2027, 3, 4).unwrap()),
        kind: Set("forecast".into()),
        code: Set(Some(61)),
        temp_min: Set(Some(12.5)),
        temp_max: Set(Some(17.25)),
        precipitation: Set(Some(3.4)),
        precipitation_chance: Set(Some(80)),
        fetched_at: Set(at),
    }
    .insert(db)
    .await
    .unwrap();
    travel_times::ActiveModel {
        leg: Set("foot:38.69759,-9.20637;38.71500,-9.13300".into()),
        seconds: Set(Some(1_200)),
        meters: Set(Some(9_000)),
        fetched_at: Set(at),
    }
    .insert(db)
    .await
    .unwrap();
    provider_pace::ActiveModel {
        provider: Set("places".into()),
        next_at: Set(1_803_800_000_000),
    }
    .insert(db)
    .await
    .unwrap();
}

fn vars(url: &str) -> [(&str, &str); 1] {
    [("DATABASE_URL", url)]
}

async fn rows_at(url: &str) -> BTreeMap<String, Vec<String>> {
    let db = Database::connect(url).await.unwrap();
    let rows = every_row(&db).await;
    db.close().await.ok();
    rows
}

#[tokio::test]
async fn a_backup_restores_every_row_of_every_table_over_changed_and_into_empty_databases() {
    // Counting requests in the database puts rows in `rate_limits` too.
    let app = spawn_app_with(|s| {
        s.rate_limit_store = server::config::RateLimitStore::Database;
    })
    .await;
    fill(&app).await;
    let before = every_row(&app.db).await;
    for (table, rows) in &before {
        assert!(!rows.is_empty(), "{table} has no rows to prove anything");
    }
    let work = TempDir::new().unwrap();
    let file = work.path().join("travel-planner.backup");

    let backup = run(
        work.path(),
        &vars(&app.database_url),
        &["backup", "--to", file.to_str().unwrap()],
    );
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    assert!(text(&backup.stdout).contains("Backed up the database"));
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions());
    assert_eq!(
        mode & 0o777,
        0o600,
        "a backup holds password hashes: owner only"
    );

    // Change the database after the backup: a new account, one trip's activities gone.
    app.sign_up(&email("later"), PASSWORD).await;
    app.db
        .execute_unprepared("DELETE FROM activities")
        .await
        .unwrap();
    assert_ne!(every_row(&app.db).await, before);
    app.db.close_by_ref().await.unwrap();

    let from = file.to_str().unwrap();
    let refused = run(
        work.path(),
        &vars(&app.database_url),
        &["restore", "--from", from],
    );
    assert_eq!(refused.status.code(), Some(1));
    let stderr = text(&refused.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_ne!(
        rows_at(&app.database_url).await,
        before,
        "a refusal changes nothing"
    );

    let forced = run(
        work.path(),
        &vars(&app.database_url),
        &["restore", "--from", from, "--force"],
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert_eq!(rows_at(&app.database_url).await, before);

    let empty_dir = TempDir::new().unwrap();
    let empty = fresh_database_url(&empty_dir).await;
    let into_empty = run(work.path(), &vars(&empty), &["restore", "--from", from]);
    assert!(into_empty.status.success(), "{}", text(&into_empty.stderr));
    assert_eq!(rows_at(&empty).await, before);
}

#[tokio::test]
async fn restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing() {
    let app = spawn_app_with(|_| {}).await;
    app.sign_up(&email("owner"), PASSWORD).await;
    let before = every_row(&app.db).await;
    let work = TempDir::new().unwrap();
    let bogus = work.path().join("notes.txt");
    std::fs::write(&bogus, "SQLite format 3? no, a shopping list").unwrap();
    let missing = work.path().join("missing.backup");

    for file in [&bogus, &missing] {
        let output = run(
            work.path(),
            &vars(&app.database_url),
            &["restore", "--force", "--from", file.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(1), "{file:?}");
        let stderr = text(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(file.to_str().unwrap()), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(every_row(&app.db).await, before);
}

#[test]
fn backup_of_a_missing_sqlite_database_fails_with_one_line() {
    let dir = TempDir::new().unwrap();
    let output = run(
        dir.path(),
        &[("DATABASE_URL", "sqlite://nowhere/none.db")],
        &["backup", "--to", "out.db"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!Path::new(&dir.path().join("out.db")).exists());
}

#[test]
fn help_explains_backup_and_restore() {
    let dir = TempDir::new().unwrap();
    let restore = run(dir.path(), &[], &["restore", "--help"]);
    let backup = run(dir.path(), &[], &["backup", "--help"]);
    assert!(text(&restore.stdout).contains("Stop the server first"));
    assert!(text(&restore.stdout).contains("--force"));
    assert!(text(&backup.stdout).contains("safe while the server runs"));
}
