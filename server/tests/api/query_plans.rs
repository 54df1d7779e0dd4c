//! Big accounts and big databases stay fast. On PostgreSQL: every statement a traveler's pages
//! and API calls really send (recorded as the app runs them, with their values) is replayed under
//! `EXPLAIN` over a database big enough that the planner prefers an index whenever one fits; a
//! sequential scan of a big table fails, naming the statement. On either database: the day,
//! account and members pages and the API trips list run as many statements for a big account as
//! for a small one.

use std::sync::atomic::Ordering;

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};
use server::startup::Application;

use crate::helpers::{
    PASSWORD, TestApp, fresh_database_url, sign_up_at, spawn_app, test_settings, unique_email,
};

/// The tables that grow with the number of travelers. A sequential scan over one of them takes
/// time in proportion to everyone's data, not to the traveler's own.
const BIG_TABLES: &[&str] = &[
    "users",
    "sessions",
    "trips",
    "trip_members",
    "activities",
    "trip_changes",
    "trip_invitations",
    "share_links",
    "calendar_feeds",
    "refresh_tokens",
];

/// Other people's data: 2,000 travelers with 25 trips each (50,000), 6 activities per trip
/// (300,000), a history entry per trip, a session and a refresh token per traveler, and a
/// share link, a calendar feed and an invitation on every fifth trip. Enough that an index
/// lookup costs far less than reading a table through.
const CROWD: &str = r"
INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at, updated_at, theme)
SELECT gen_random_uuid(), 'crowd-' || g || '@example.org', 'Crowd ' || g, 'not a hash', now(), now(), now(), 'system'
FROM generate_series(1, 2000) g;

CREATE TEMP TABLE crowd AS
SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM users WHERE email LIKE 'crowd-%';

INSERT INTO trips (id, owner_id, name, destination, start_date, end_date, time_zone, budget_minor,
                   currency, notes, created_at, updated_at, search_text)
SELECT gen_random_uuid(), c.id, 'Trip ' || g, 'Lisbon, Portugal', date '2027-01-01' + g % 300,
       date '2027-01-01' + g % 300 + 4, 'Europe/Lisbon', 150000, 'EUR', '', now(), now(), 'trip ' || g || ' lisbon'
FROM generate_series(1, 50000) g JOIN crowd c ON c.n = g % 2000;

INSERT INTO trip_members (trip_id, user_id, role, joined_at) SELECT id, owner_id, 'owner', created_at FROM trips;

INSERT INTO activities (id, trip_id, day, start_time, title, location, description, category, cost_minor,
                        position, created_at, updated_at, search_text)
SELECT gen_random_uuid(), t.id, t.start_date + n % 5, time '08:00' + n * interval '30 minutes', 'Stop ' || n,
       'Alfama', '', 'sight', 1000, n, now(), now(), 'stop ' || n
FROM trips t CROSS JOIN generate_series(1, 6) n;

INSERT INTO trip_changes (id, trip_id, user_id, user_name, kind, summary, created_at)
SELECT gen_random_uuid(), t.id, t.owner_id, 'Crowd', 'trip_created', 'Created the trip', now()
FROM trips t;

INSERT INTO sessions (id, user_id, data, expires_at)
SELECT md5('s' || c.n) || md5('t' || c.n), c.id, '{}', now() + interval '1 day' FROM crowd c;

INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
SELECT gen_random_uuid(), c.id, gen_random_uuid(), md5('r' || c.n) || md5('q' || c.n), now(), now() + interval '30 days'
FROM crowd c;

CREATE TEMP TABLE every_fifth AS
SELECT id, owner_id, n FROM (SELECT id, owner_id, row_number() OVER () AS n FROM trips) t WHERE n % 5 = 0;

INSERT INTO share_links (id, trip_id, token_hash, include_budget, include_notes, created_at)
SELECT gen_random_uuid(), id, md5('l' || n) || md5('m' || n), false, false, now() FROM every_fifth;

INSERT INTO calendar_feeds (id, user_id, trip_id, token_hash, created_at)
SELECT gen_random_uuid(), owner_id, id, md5('f' || n) || md5('g' || n), now() FROM every_fifth;

INSERT INTO trip_invitations (id, trip_id, email, role, token_hash, invited_by, created_at, expires_at)
SELECT gen_random_uuid(), id, 'guest-' || n || '@example.org', 'viewer', md5('i' || n) || md5('j' || n),
       owner_id, now(), now() + interval '7 days'
FROM every_fifth;

ANALYZE;
";

/// The app on its own (not through `spawn_app`), to switch its statement log on.
struct Recorded {
    base: String,
    client: reqwest::Client,
    db: DatabaseConnection,
    outbox: std::path::PathBuf,
    _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Recorded {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

impl Recorded {
    /// The app on a fresh database, `seed` run on it first, its statement log on.
    async fn start(seed: Option<&str>) -> (Self, server::startup::StatementLog) {
        let dir = tempfile::tempdir().unwrap();
        let site_root = dir.path().join("site");
        std::fs::create_dir_all(site_root.join("pkg")).unwrap();
        let database_url = fresh_database_url(&dir).await;
        let settings = test_settings(&database_url, site_root);
        let application = Application::build(&settings).await.expect("the app starts");
        let db = application.db().clone();
        if let Some(seed) = seed {
            let seeding = std::time::Instant::now();
            db.execute_unprepared(seed).await.expect("the seed");
            println!("seeded in {:?}", seeding.elapsed());
        }
        let log = application.record_statements();
        let base = format!("http://{}", application.local_addr().unwrap());
        let (shutdown, signal) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(application.run_until(async move {
            let _ = signal.await;
        }));
        let app = Recorded {
            base,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            db,
            outbox: settings.outbox_dir.clone(),
            _dir: dir,
            shutdown: Some(shutdown),
        };
        (app, log)
    }

    /// GETs `path` as the traveler (cookie or bearer token) and fails unless it answers 200:
    /// the statements of an error page say nothing about the page.
    async fn visit(&self, path: &str, cookie: Option<&str>, token: Option<&str>) -> String {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request failed");
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    async fn api_post(&self, path: &str, token: &str, body: &Value) -> Value {
        self.api_send(reqwest::Method::POST, path, token, body)
            .await
    }

    async fn api_send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: &Value,
    ) -> Value {
        let response = self
            .client
            .request(method, format!("{}/api/v1{path}", self.base))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request failed");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }
}

fn is_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|url| url.starts_with("postgres"))
}

/// The big tables `EXPLAIN` (text format) reads through, from lines like
/// `->  Seq Scan on trips t  (cost=…)` or `Parallel Seq Scan on activities`.
fn sequential_scans(plan: &str) -> Vec<String> {
    plan.lines()
        .filter_map(|line| line.split("Seq Scan on ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|table| BIG_TABLES.contains(table))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_sequential_scan_is_recognised_in_a_plan() {
    let plan = "Limit  (cost=0.29..8.31 rows=1 width=8)\n  ->  Nested Loop\n        ->  Parallel Seq Scan on activities  (cost=0.00..1.00)\n        ->  Seq Scan on rate_limits  (cost=0.00..1.00)\n        ->  Index Scan using trips_pkey on trips  (cost=0.29..8.31)";
    assert_eq!(sequential_scans(plan), ["activities"]);
}

#[tokio::test]
async fn every_statement_a_traveler_causes_uses_an_index_on_a_big_database() {
    if !is_postgres() {
        // SQLite has no planner statistics to speak of and serves one machine's data; the
        // plans that matter at scale are PostgreSQL's (CI runs the suite on both).
        return;
    }
    let (app, log) = Recorded::start(Some(CROWD)).await;
    let base = app.base.clone();

    // The traveler, their trips (through the API, as an app would make them), a member, an
    // invitation, a share link and a calendar feed.
    let email = unique_email();
    let cookie = sign_up_at(&app.client, &base, &app.outbox, &email, PASSWORD).await;
    let tokens: Value = app
        .client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = tokens["access_token"].as_str().unwrap().to_string();
    let mut trip = String::new();
    for name in ["Spring in Lisbon", "Porto", "Faro"] {
        let made = app
            .api_post(
                "/trips",
                &token,
                &json!({ "name": name, "destination": "Lisbon, Portugal", "start_date": "2027-03-03",
                         "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR",
                         "budget": "1500.50", "notes": "Pack light." }),
            )
            .await;
        if trip.is_empty() {
            trip = made["id"].as_str().unwrap().to_string();
        }
    }
    let mut activity = String::new();
    for n in 0..6 {
        let made = app
            .api_post(
                &format!("/trips/{trip}/activities"),
                &token,
                &json!({ "day": format!("2027-03-0{}", 3 + n % 3), "start_time": "09:15", "end_time": "10:45",
                         "title": format!("Stop {n}"), "location": "Alfama, Lisbon",
                         "description": "Meet at the tram stop.", "category": "sight", "cost": "12.50" }),
            )
            .await;
        activity = made["id"].as_str().unwrap().to_string();
    }
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO trip_members (trip_id, user_id, role, joined_at) \
         SELECT '{trip}', id, 'editor', now() FROM users WHERE email = 'crowd-7@example.org'"
        ))
        .await
        .unwrap();
    app.api_post(
        &format!("/trips/{trip}/invitations"),
        &token,
        &json!({ "email": "friend@example.org", "role": "viewer" }),
    )
    .await;
    let share = app
        .api_send(
            reqwest::Method::PUT,
            &format!("/trips/{trip}/share-link"),
            &token,
            &json!({ "include_budget": true, "include_notes": false }),
        )
        .await;
    let shared = share["url"]
        .as_str()
        .unwrap()
        .trim_start_matches(&base)
        .to_string();
    let made = app
        .client
        .post(format!("{base}/api/feeds/make"))
        .header("accept", "application/json")
        .header("cookie", &cookie)
        .form(&[("trip", trip.as_str())])
        .send()
        .await
        .unwrap();
    assert!(made.status().is_success() || made.status().is_redirection());
    let page = app
        .visit(&format!("/trips/{trip}"), Some(&cookie), None)
        .await;
    let feed = page
        .split("id=\"feed-address\"")
        .nth(1)
        .and_then(|rest| rest.split("value=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("the feed's address is shown once")
        .trim_start_matches(&base)
        .to_string();
    log.take();

    // Everything a traveler opens, as they open it.
    let pages = [
        "/trips".to_string(),
        "/trips?status=all".into(),
        "/trips?status=all&q=lisbon".into(),
        format!("/trips/{trip}"),
        format!("/trips/{trip}/days/2027-03-04"),
        "/account".into(),
        "/trips/new".into(),
        format!("/trips/{trip}/edit"),
        format!("/trips/{trip}/delete"),
        format!("/trips/{trip}/activities/new"),
        format!("/trips/{trip}/activities/{activity}/edit"),
        format!("/trips/{trip}/activities/{activity}/delete"),
        format!("/trips/{trip}/members"),
        format!("/trips/{trip}/history"),
        "/trips/import".into(),
        format!("/trips/{trip}/calendar.ics"),
        format!("/trips/{trip}/trip.json"),
        format!("/trips/{trip}/activities.csv"),
        format!("/trips/{trip}/trip-pack.html"),
        "/account/export".into(),
    ];
    // What every start-up asks, before the instance is ready: the rows whose search text is
    // still to be filled.
    domain::search::fill_missing(&app.db).await.unwrap();
    let mut visited = vec![("start-up: search texts to fill".to_string(), log.take())];
    for path in &pages {
        app.visit(path, Some(&cookie), None).await;
        visited.push((path.clone(), log.take()));
    }
    for path in [shared, feed] {
        app.visit(&path, None, None).await;
        visited.push((path, log.take()));
    }
    let api = [
        "/api/v1/trips".to_string(),
        "/api/v1/trips?status=all&q=lisbon&sort=updated&whose=mine".into(),
        "/api/v1/trips?whose=shared".into(),
        format!("/api/v1/trips/{trip}"),
        format!("/api/v1/trips/{trip}/activities"),
        format!("/api/v1/activities/{activity}"),
        format!("/api/v1/trips/{trip}/members"),
        format!("/api/v1/trips/{trip}/invitations"),
        format!("/api/v1/trips/{trip}/share-link"),
        format!("/api/v1/trips/{trip}/history"),
        "/api/v1/me".into(),
        "/api/v1/me/invitations".into(),
    ];
    for path in &api {
        app.visit(path, None, Some(&token)).await;
        visited.push((path.clone(), log.take()));
    }

    let mut explained = 0;
    let mut failures = Vec::new();
    let mut unrecorded = Vec::new();
    for (path, statements) in &visited {
        let explained_before = explained;
        for statement in statements {
            let verb = statement
                .sql
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase();
            // Reads, and the writes that find their rows first; `EXPLAIN` alone runs nothing.
            if !matches!(verb.as_str(), "SELECT" | "WITH" | "UPDATE" | "DELETE") {
                continue;
            }
            let explain = Statement {
                sql: format!("EXPLAIN {}", statement.sql),
                values: statement.values.clone(),
                db_backend: statement.db_backend,
            };
            let rows = app.db.query_all_raw(explain).await.unwrap_or_else(|error| {
                panic!("EXPLAIN failed ({error}) for {path}: {}", statement.sql)
            });
            let plan = rows
                .iter()
                .map(|row| row.try_get::<String>("", "QUERY PLAN").unwrap())
                .collect::<Vec<_>>()
                .join("\n");
            explained += 1;
            let scans = sequential_scans(&plan);
            if !scans.is_empty() {
                failures.push(format!(
                    "{path}: reads all of {} —\n{}\n{plan}",
                    scans.join(", "),
                    statement.sql
                ));
            }
        }
        if explained == explained_before {
            unrecorded.push(path.clone());
        }
    }
    println!(
        "{explained} statements explained from {} pages and API calls",
        visited.len()
    );
    // Every page and call reads something (its session or token's traveler, then its data):
    // one that recorded no read means the log missed it, and its plans went unchecked.
    assert!(unrecorded.is_empty(), "no read recorded for {unrecorded:?}");
    assert!(
        failures.is_empty(),
        "{} statements read a big table through:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// SQLite's side of the trips list: its count ("12 upcoming trips") reads only the index of
/// memberships by end date, each entry a traveler and a date, not the list's wider index nor a
/// table row (`COVERING INDEX`). PostgreSQL's plans are the test above's.
#[tokio::test]
async fn the_trips_list_counts_from_the_end_date_index_on_sqlite() {
    if is_postgres() {
        return;
    }
    let (app, log) = Recorded::start(None).await;
    let cookie = sign_up_at(
        &app.client,
        &app.base,
        &app.outbox,
        &unique_email(),
        PASSWORD,
    )
    .await;
    log.take();
    app.visit("/trips", Some(&cookie), None).await;
    let statements = log.take();
    let count = statements
        .iter()
        .find(|statement| {
            statement.sql.contains("COUNT(*)") && statement.sql.contains("trip_members")
        })
        .unwrap_or_else(|| panic!("no count among {statements:#?}"));
    let explain = Statement {
        sql: format!("EXPLAIN QUERY PLAN {}", count.sql),
        values: count.values.clone(),
        db_backend: count.db_backend,
    };
    let plan = app
        .db
        .query_all_raw(explain)
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "detail").unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        plan.contains(
            "USING COVERING INDEX trip_members_user_id_end_date_idx (user_id=? AND end_date>?)"
        ),
        "{}\n{plan}",
        count.sql
    );
}

// --- Statements per page as an account grows ---------------------------------------------------

async fn statements_for(app: &TestApp, path: &str, cookie: &str) -> u64 {
    let before = app.queries.load(Ordering::SeqCst);
    let response = app.get_with_cookie(path, cookie).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap();
    app.queries.load(Ordering::SeqCst) - before
}

async fn api_statements_for(app: &TestApp, path: &str, token: &str) -> u64 {
    let before = app.queries.load(Ordering::SeqCst);
    let response = app.api(reqwest::Method::GET, path, Some(token), None).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap();
    app.queries.load(Ordering::SeqCst) - before
}

fn a_trip(n: usize) -> domain::trips::model::TripDraft {
    crate::trips_service::trip(&format!("Trip {n}"), "Lisbon", "2027-03-03", "2027-03-09")
}

fn a_stop(day: &str, n: usize) -> domain::itinerary::model::ActivityDraft {
    domain::itinerary::model::ActivityDraft {
        day: day.into(),
        title: format!("Stop {n}"),
        category: "sight".into(),
        cost: "12.50".into(),
        ..Default::default()
    }
}

/// A signed-up traveler: their session cookie, API token and id.
async fn traveler(app: &TestApp) -> (String, String, uuid::Uuid) {
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let id = app.user_id(&email).await;
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let token = tokens["access_token"].as_str().unwrap().to_string();
    (cookie, token, id)
}

#[tokio::test]
async fn the_day_account_and_members_pages_and_the_api_list_run_as_many_statements_for_a_big_account()
 {
    let app = spawn_app().await;
    let (cookie, token, owner) = traveler(&app).await;
    let trip = crate::core::create_trip(&app.db, owner, &a_trip(0))
        .await
        .unwrap()
        .id;
    crate::core::create_trip(&app.db, owner, &a_trip(1))
        .await
        .unwrap();
    for n in 0..2 {
        crate::core::add_activity(&app.db, owner, trip, &a_stop("2027-03-04", n))
            .await
            .unwrap();
    }
    let friend = crate::together::person(&app, "Bea").await;
    crate::together::join(&app, &friend_of(owner), trip.into(), &friend, "editor").await;
    let paths = [
        format!("/trips/{trip}/days/2027-03-04"),
        "/account".to_string(),
        format!("/trips/{trip}/members"),
        format!("/trips/{trip}/history"),
    ];
    // Each asked once first: a first visit may do once-only work (such as the API's first use
    // of a token) that is not what grows with the account.
    for path in &paths {
        statements_for(&app, path, &cookie).await;
    }
    api_statements_for(&app, "/api/v1/trips?status=all", &token).await;
    let mut small = Vec::new();
    for path in &paths {
        small.push(statements_for(&app, path, &cookie).await);
    }
    let small_api = api_statements_for(&app, "/api/v1/trips?status=all", &token).await;
    let small_default = api_statements_for(&app, "/api/v1/trips", &token).await;

    // The account grows: 40 trips, 40 more activities on that day and others, four more members.
    for n in 2..40 {
        crate::core::create_trip(&app.db, owner, &a_trip(n))
            .await
            .unwrap();
    }
    for n in 2..42 {
        let day = if n % 2 == 0 {
            "2027-03-04"
        } else {
            "2027-03-05"
        };
        crate::core::add_activity(&app.db, owner, trip, &a_stop(day, n))
            .await
            .unwrap();
    }
    for name in ["Cy", "Dan", "Eve", "Fay"] {
        let member = crate::together::person(&app, name).await;
        crate::together::join(&app, &friend_of(owner), trip.into(), &member, "viewer").await;
    }
    let mut big = Vec::new();
    for path in &paths {
        big.push(statements_for(&app, path, &cookie).await);
    }
    let big_api = api_statements_for(&app, "/api/v1/trips?status=all", &token).await;
    let big_default = api_statements_for(&app, "/api/v1/trips", &token).await;

    for ((path, few), many) in paths.iter().zip(&small).zip(&big) {
        println!("{path}: {few} statements small, {many} big");
    }
    println!(
        "/api/v1/trips?status=all: {small_api} statements small, {big_api} big; \
         /api/v1/trips: {small_default} small, {big_default} big"
    );
    assert_eq!(small, big, "statements per page for {paths:?}");
    assert_eq!(small_api, big_api, "statements for the API trips list");
    // The default (upcoming) list adds a few recent past trips on its last page only: one
    // statement more for an account whose upcoming trips fit on one page, never more.
    assert!(
        big_default <= small_default,
        "{big_default} statements for the API list of a big account"
    );
}

/// The owner as `together::join` wants them (only the id is used to invite).
fn friend_of(owner: uuid::Uuid) -> crate::together::Person {
    crate::together::Person {
        email: String::new(),
        cookie: String::new(),
        token: String::new(),
        id: owner,
    }
}
