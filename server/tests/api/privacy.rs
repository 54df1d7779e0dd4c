//! "Download my data" and "Delete my account" over HTTP (docs/security.md, "Data at rest").

use std::collections::BTreeMap;

use chrono::Utc;
use domain::{
    entities::{email_verification_tokens, password_reset_tokens, pending_signups, refresh_tokens},
    itinerary::model::ActivityDraft,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbBackend, Statement, Value};
use serde_json::Value as Json;
use uuid::Uuid;

use crate::{
    helpers::{TestApp, session_cookie, spawn_app},
    trips_service::trip,
};

use crate::helpers::PASSWORD;

fn email(who: &str) -> String {
    format!("{who}-{}@example.com", Uuid::now_v7().simple())
}

/// One traveler with a trip, two activities, a reset and a confirmation token, a session and an
/// API login.
struct Traveler {
    email: String,
    id: Uuid,
    cookie: String,
    trip_name: String,
    secrets: Vec<String>,
}

async fn traveler(app: &TestApp, who: &str) -> Traveler {
    let email = email(who);
    let cookie = app.sign_up(&email, PASSWORD).await;
    let id = app.user_id(&email).await;
    let trip_name = format!("{who}’s trip");
    let created = crate::core::create_trip(
        &app.db,
        id,
        &trip(&trip_name, "Lisbon", "2027-03-03", "2027-03-05"),
    )
    .await
    .unwrap();
    for (title, cost) in [("Pastéis", "12.50"), ("Tram 28", "3")] {
        crate::core::add_activity(
            &app.db,
            id,
            &created.id.to_string(),
            &ActivityDraft {
                day: "2027-03-03".into(),
                start_time: "09:30".into(),
                title: format!("{who}: {title}"),
                category: "food".into(),
                cost: cost.into(),
                ..ActivityDraft::default()
            },
        )
        .await
        .unwrap();
    }
    let mut secrets = Vec::new();
    let now = Utc::now();
    // An invitation waiting for its answer, and a share link.
    let actor = domain::access::Actor::signed_in(id.into());
    domain::members::invite(
        &app.db,
        &actor,
        created.id.into(),
        &format!("guest-of-{email}"),
        "viewer",
        "http://localhost",
        i18n::Language::En,
        now,
    )
    .await
    .unwrap();
    domain::sharing::create(&app.db, &actor, created.id.into(), Default::default(), now)
        .await
        .unwrap();
    let reset_hash = format!("{:0>64}", Uuid::now_v7().simple());
    password_reset_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(id),
        token_hash: Set(reset_hash.clone()),
        expires_at: Set(now + chrono::Duration::hours(1)),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let verify_hash = format!("{:0>64}", Uuid::now_v7().simple());
    email_verification_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(id),
        token_hash: Set(verify_hash.clone()),
        expires_at: Set(now + chrono::Duration::hours(1)),
        used_at: Set(None),
        created_at: Set(now),
        email: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    // A sign-up of the address that raced the account's own (one link made the account).
    pending_signups::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.clone()),
        display_name: Set(who.to_string()),
        password_hash: Set("not-a-real-hash".into()),
        token_hash: Set(format!("{:0>64}", Uuid::now_v7().simple())),
        expires_at: Set(now + chrono::Duration::hours(1)),
        created_at: Set(now),
    }
    .insert(&app.db)
    .await
    .unwrap();
    // An API login.
    let refresh_hash = format!("{:0>64}", Uuid::now_v7().simple());
    refresh_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(id),
        family_id: Set(Uuid::now_v7()),
        token_hash: Set(refresh_hash.clone()),
        created_at: Set(now),
        expires_at: Set(now + chrono::Duration::days(30)),
        used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    // An answer kept for a retried API request.
    let claim = domain::idempotency::claim(&app.db, id.into(), "retry-1", "f", now)
        .await
        .unwrap();
    let domain::idempotency::Claim::Fresh(claim) = claim else {
        panic!("a new key is fresh: {claim:?}");
    };
    domain::idempotency::remember(
        &app.db,
        claim,
        &domain::idempotency::Answer {
            status: 201,
            headers: Vec::new(),
            body: format!("{{\"name\": \"{who}\"}}"),
        },
    )
    .await
    .unwrap();
    // A calendar address for the trip.
    let feed = domain::takeaway::feeds::replace(
        &app.db,
        &crate::core::actor(id),
        domain::takeaway::feeds::FeedScope::Trip(created.id.into()),
        now,
    )
    .await
    .unwrap();
    let feed_hash = domain::accounts::tokens::digest(&feed);
    secrets.extend([
        reset_hash,
        verify_hash,
        refresh_hash,
        cookie_value(&cookie),
        feed,
        feed_hash,
    ]);
    secrets.push(
        app.text_of(
            &format!("SELECT password_hash FROM users WHERE email = '{email}'"),
            "password_hash",
        )
        .await,
    );
    Traveler {
        email,
        id,
        cookie,
        trip_name,
        secrets,
    }
}

fn cookie_value(cookie: &str) -> String {
    cookie.split_once('=').unwrap().1.to_string()
}

async fn delete_account(
    app: &TestApp,
    cookie: &str,
    password: &str,
    confirm: bool,
) -> reqwest::Response {
    let mut form = vec![("password", password)];
    if confirm {
        form.push(("confirm", "yes"));
    }
    app.post_form("/api/auth/delete_account", &form, Some(cookie))
        .await
}

#[tokio::test]
async fn export_holds_the_travelers_trips_and_nothing_of_anyone_else() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;
    let bob = traveler(&app, "bob").await;

    let response = app.get_with_cookie("/account/export", &ana.cookie).await;

    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(headers["cache-control"], "no-store");
    let disposition = headers["content-disposition"].to_str().unwrap();
    let today = Utc::now().format("%Y-%m-%d");
    assert_eq!(
        disposition,
        format!("attachment; filename=\"travel-planner-export-{today}.json\"")
    );
    let text = response.text().await.unwrap();
    let body: Json = serde_json::from_str(&text).unwrap();
    assert_eq!(body["format"], "travel-planner-export");
    assert_eq!(body["version"], 1);
    assert!(body["exported_at"].as_str().unwrap().ends_with('Z'));
    let profile = &body["profile"];
    assert_eq!(profile["email"], ana.email.as_str());
    assert_eq!(profile["display_name"], "Test Traveler");
    assert_eq!(
        profile["email_verified"], true,
        "confirmed by the sign-up link"
    );
    assert!(profile["time_zone"].is_null());
    assert!(profile["created_at"].is_string());
    let trips = body["trips"].as_array().unwrap();
    assert_eq!(trips.len(), 1);
    let trip = &trips[0];
    assert_eq!(trip["name"], ana.trip_name.as_str());
    assert_eq!(trip["start_date"], "2027-03-03");
    assert_eq!(trip["time_zone"], "Europe/Lisbon");
    assert_eq!(
        trip["budget"],
        serde_json::json!({"minor": 120_000, "currency": "EUR", "amount": "1200.00"})
    );
    let activities = trip["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 2);
    assert_eq!(activities[0]["title"], "ana: Pastéis");
    assert_eq!(activities[0]["day"], "2027-03-03");
    assert_eq!(activities[0]["start_time"], "09:30:00");
    assert_eq!(activities[0]["category"], "food");
    assert_eq!(
        activities[0]["cost"],
        serde_json::json!({"minor": 1250, "currency": "EUR", "amount": "12.50"})
    );
    assert_eq!(activities[1]["position"], 1);
    // Nothing of Bob's, and no secret of either.
    assert!(!text.contains("bob"), "{text}");
    assert!(!text.contains(&bob.id.to_string()));
    assert!(
        !text.contains(&ana.id.to_string()),
        "internal user ids stay inside"
    );
    for secret in ana.secrets.iter().chain(&bob.secrets) {
        assert!(!text.contains(secret.as_str()), "a secret leaked: {secret}");
    }
    for word in ["password", "hash", "token", "session"] {
        assert!(!text.contains(word), "{word} in the export");
    }
}

#[tokio::test]
async fn export_is_refused_to_visitors() {
    let app = spawn_app().await;
    traveler(&app, "ana").await;

    let anonymous = app.get("/account/export").await;
    let stale = app
        .get_with_cookie("/account/export", "tp_session=not-a-real-session")
        .await;

    for response in [anonymous, stale] {
        assert_eq!(response.status(), 303);
        assert_eq!(
            response.headers()["location"],
            "/login?next=/account/export"
        );
        let body = response.text().await.unwrap();
        assert!(!body.contains("ana"), "{body}");
    }
}

/// Row counts of every table the application writes.
async fn row_counts(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for (table, _) in OWNED {
        counts.push(app.count(table).await);
    }
    counts
}

#[tokio::test]
async fn export_is_a_get_that_changes_nothing() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;
    // The first request may still refresh the session's expiry; compare from here.
    app.get_with_cookie("/account", &ana.cookie).await;
    let before = row_counts(&app).await;
    let users_before = app
        .text_of("SELECT updated_at || '' AS u FROM users", "u")
        .await;

    let first = app.get_with_cookie("/account/export", &ana.cookie).await;
    let second = app.get_with_cookie("/account/export", &ana.cookie).await;
    let post = app
        .client
        .post(app.url("/account/export"))
        .header("cookie", &ana.cookie)
        .header("origin", app.url(""))
        .send()
        .await
        .unwrap();

    assert_eq!(first.status(), 200);
    assert_eq!(second.status(), 200);
    assert_eq!(post.status(), 405, "only GET is served");
    assert_eq!(row_counts(&app).await, before);
    assert_eq!(
        app.text_of("SELECT updated_at || '' AS u FROM users", "u")
            .await,
        users_before
    );
}

#[tokio::test]
async fn the_account_page_links_to_the_download_and_the_deletion_page() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;

    let account = app.get_with_cookie("/account", &ana.cookie).await;
    let delete_page = app.get_with_cookie("/account/delete", &ana.cookie).await;
    let anonymous = app.get("/account/delete").await;

    let html = account.text().await.unwrap();
    assert!(html.contains(r#"href="/account/export""#), "{html}");
    assert!(
        html.contains(r#"download rel="external""#)
            || html.contains(r#"download="" rel="external""#),
        "the router leaves the download to the browser: {html}"
    );
    assert!(html.contains("Download my data"));
    assert!(html.contains(r#"href="/account/delete""#));
    assert_eq!(delete_page.status(), 200);
    let html = delete_page.text().await.unwrap();
    assert!(
        html.contains(r#"action="/api/auth/delete_account""#),
        "{html}"
    );
    assert!(html.contains(r#"name="password""#));
    assert!(html.contains(r#"type="checkbox""#) && html.contains(r#"name="confirm""#));
    assert!(html.contains("button--danger"));
    assert_eq!(anonymous.status(), 303);
}

#[tokio::test]
async fn deletion_with_a_wrong_password_or_no_confirmation_deletes_nothing() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;
    let before = row_counts(&app).await;

    let wrong = delete_account(&app, &ana.cookie, "not my password at all", true).await;
    let unconfirmed = delete_account(&app, &ana.cookie, PASSWORD, false).await;
    let anonymous = app
        .post_form(
            "/api/auth/delete_account",
            &[("password", PASSWORD), ("confirm", "yes")],
            None,
        )
        .await;

    assert_eq!(wrong.status(), 422);
    let body: Json = wrong.json().await.unwrap();
    assert_eq!(
        body["Invalid"]["fields"]["password"],
        "That isn’t your password."
    );
    assert!(!body.to_string().contains("not my password"));
    assert_eq!(unconfirmed.status(), 422);
    let body: Json = unconfirmed.json().await.unwrap();
    assert!(body["Invalid"]["fields"]["confirm"].is_string(), "{body}");
    assert!(body["Invalid"]["fields"]["password"].is_null(), "{body}");
    assert_eq!(anonymous.status(), 401);
    assert_eq!(row_counts(&app).await, before);
    let still_in = app.get_with_cookie("/account", &ana.cookie).await;
    assert_eq!(still_in.status(), 200);
}

#[tokio::test]
async fn without_javascript_a_wrong_password_comes_back_to_the_form_with_its_message() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;

    let response = app
        .client
        .post(app.url("/api/auth/delete_account"))
        .header("cookie", &ana.cookie)
        .header("accept", "text/html")
        .header("referer", app.url("/account/delete"))
        .form(&[("password", "not my password at all"), ("confirm", "yes")])
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 302);
    let back = response.headers()["location"].to_str().unwrap().to_string();
    assert!(back.contains("/account/delete"), "{back}");
    let page = app
        .get_with_cookie(&back.replace(&app.url(""), ""), &ana.cookie)
        .await;
    let html = page.text().await.unwrap();
    assert!(html.contains("That isn’t your password."), "{html}");
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(
        !html.contains("not my password at all"),
        "passwords are not echoed"
    );
    assert_eq!(app.count("users").await, 1);
}

#[tokio::test]
async fn wrong_deletion_passwords_count_as_failed_logins() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.auth_attempts_per_ip_per_minute = 1000;
        s.failed_logins_per_account_per_hour = 2;
    })
    .await;
    let ana = traveler(&app, "ana").await;

    for _ in 0..2 {
        let response = delete_account(&app, &ana.cookie, "guess guess guess", true).await;
        assert_eq!(response.status(), 422);
    }
    let locked = delete_account(&app, &ana.cookie, PASSWORD, true).await;
    let login = app.log_in(&ana.email, PASSWORD, None).await;

    assert_eq!(locked.status(), 429);
    assert_eq!(login.status(), 429, "the same allowance as logging in");
    assert_eq!(app.count("users").await, 1);
}

/// How to find one user's rows in each table, with the user's id as `$1`. A new table must be
/// added here and to `domain::privacy::deletion::delete_everything`;
/// `deletion_removes_every_row_of_the_user_from_every_table` fails until it is.
const OWNED: &[(&str, &str)] = &[
    ("users", "id = $1"),
    ("sessions", "user_id = $1"),
    ("password_reset_tokens", "user_id = $1"),
    ("email_verification_tokens", "user_id = $1"),
    (
        "pending_signups",
        "email = (SELECT email FROM users WHERE id = $1)",
    ),
    ("refresh_tokens", "user_id = $1"),
    ("idempotency_keys", "user_id = $1"),
    (
        "calendar_feeds",
        "user_id = $1 OR trip_id IN (SELECT id FROM trips WHERE owner_id = $1)",
    ),
    ("trips", "owner_id = $1"),
    (
        "activities",
        "trip_id IN (SELECT id FROM trips WHERE owner_id = $1)",
    ),
    (
        "trip_members",
        "user_id = $1 OR trip_id IN (SELECT id FROM trips WHERE owner_id = $1)",
    ),
    (
        "trip_invitations",
        "invited_by = $1 OR email = (SELECT email FROM users WHERE id = $1) \
         OR trip_id IN (SELECT id FROM trips WHERE owner_id = $1)",
    ),
    (
        "share_links",
        "trip_id IN (SELECT id FROM trips WHERE owner_id = $1)",
    ),
    (
        "trip_changes",
        "user_id = $1 OR trip_id IN (SELECT id FROM trips WHERE owner_id = $1)",
    ),
];

/// Tables without user data: the migrator's bookkeeping, per-minute request counters (keyed
/// `user:{id}`, deleted with the account and by the server within minutes anyway), and what
/// outside providers answered, shared by every traveler: place searches are kept by a digest
/// of the words (never the words or who searched), places by the provider's id, weather by a
/// grid cell of a tenth of a degree, travel times by their ends, and each provider's pace.
const NOT_USER_DATA: &[&str] = &[
    "seaql_migrations",
    "rate_limits",
    "place_searches",
    "places",
    "weather_days",
    "travel_times",
    "provider_pace",
];

async fn strings(app: &TestApp, sql: &str, column: &str) -> Vec<String> {
    app.db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", column).unwrap())
        .collect()
}

/// Every table in the live schema with its columns, and its foreign keys as
/// `(column, referenced table)`.
async fn schema(app: &TestApp) -> BTreeMap<String, (Vec<String>, Vec<(String, String)>)> {
    let postgres = app.db.get_database_backend() == DbBackend::Postgres;
    let tables = if postgres {
        strings(
            app,
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            "name",
        )
        .await
    } else {
        strings(
            app,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            "name",
        )
        .await
    };
    let mut schema = BTreeMap::new();
    for table in tables {
        let (columns, foreign_keys) = if postgres {
            let columns = strings(
                app,
                &format!(
                    "SELECT column_name::text AS name FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = '{table}'"
                ),
                "name",
            )
            .await;
            let keys = strings(
                app,
                &format!(
                    "SELECT kcu.column_name::text || ' ' || ccu.table_name::text AS fk \
                     FROM information_schema.table_constraints tc \
                     JOIN information_schema.key_column_usage kcu \
                       ON tc.constraint_name = kcu.constraint_name \
                      AND tc.table_schema = kcu.table_schema \
                     JOIN information_schema.constraint_column_usage ccu \
                       ON tc.constraint_name = ccu.constraint_name \
                      AND tc.table_schema = ccu.table_schema \
                     WHERE tc.constraint_type = 'FOREIGN KEY' \
                       AND tc.table_schema = current_schema() AND tc.table_name = '{table}'"
                ),
                "fk",
            )
            .await;
            (columns, keys)
        } else {
            let columns = strings(
                app,
                &format!("SELECT name FROM pragma_table_info('{table}')"),
                "name",
            )
            .await;
            let keys = strings(
                app,
                &format!(
                    "SELECT \"from\" || ' ' || \"table\" AS fk FROM pragma_foreign_key_list('{table}')"
                ),
                "fk",
            )
            .await;
            (columns, keys)
        };
        let foreign_keys = foreign_keys
            .iter()
            .filter_map(|fk| fk.split_once(' '))
            .map(|(column, target)| (column.to_string(), target.to_string()))
            .collect();
        schema.insert(table, (columns, foreign_keys));
    }
    schema
}

async fn count_owned(app: &TestApp, table: &str, condition: &str, user: Uuid) -> i64 {
    let row = app
        .db
        .query_one_raw(Statement::from_sql_and_values(
            app.db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table} WHERE {condition}"),
            [Value::from(user)],
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn every_table_with_user_data_is_covered_by_deletion() {
    let app = spawn_app().await;
    let owned: BTreeMap<&str, &str> = OWNED.iter().copied().collect();

    let schema = schema(&app).await;

    // The introspection itself works (so the checks below are not vacuous).
    assert!(
        schema["activities"]
            .1
            .contains(&("trip_id".to_string(), "trips".to_string())),
        "{schema:?}"
    );
    assert!(schema["users"].0.contains(&"password_hash".to_string()));
    for (table, (columns, foreign_keys)) in &schema {
        if NOT_USER_DATA.contains(&table.as_str()) {
            continue;
        }
        let Some(condition) = owned.get(table.as_str()) else {
            panic!(
                "table `{table}` is new: delete its rows in privacy::service::delete_everything, \
                 export them if they are the traveler's, and add it to OWNED"
            );
        };
        // A column pointing at a user-owned table, or named like an owner, must be the one the
        // condition checks (a second owner column would otherwise survive deletion).
        for column in columns {
            let references_owned = foreign_keys
                .iter()
                .any(|(c, target)| c == column && owned.contains_key(target.as_str()));
            let named_like_an_owner = column.ends_with("user_id") || column.ends_with("owner_id");
            if references_owned || named_like_an_owner {
                assert!(
                    condition.contains(column.as_str()),
                    "`{table}.{column}` points at a user but OWNED checks `{condition}`"
                );
            }
        }
    }
    for table in owned.keys() {
        assert!(
            schema.contains_key(*table),
            "OWNED names a missing table {table}"
        );
    }
}

#[tokio::test]
async fn deletion_removes_every_row_of_the_user_from_every_table() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;
    let bob = traveler(&app, "bob").await;
    // Ana is logged in on a second device too.
    let second_device = session_cookie(&app.log_in(&ana.email, PASSWORD, None).await).unwrap();
    let mut before = Vec::new();
    for (table, condition) in OWNED {
        let total = app.count(table).await;
        let anas = count_owned(&app, table, condition, ana.id).await;
        let bobs = count_owned(&app, table, condition, bob.id).await;
        assert!(anas > 0 && bobs > 0, "seed a row of `{table}` for both");
        before.push((total, anas, bobs));
    }

    let response = delete_account(&app, &ana.cookie, PASSWORD, true).await;

    assert_eq!(response.status(), 200, "{:?}", response.headers());
    assert_eq!(response.headers()["location"], "/goodbye");
    let cleared = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cleared.starts_with("tp_session=;"), "{cleared}");
    for ((table, condition), (total, anas, bobs)) in OWNED.iter().zip(before) {
        assert_eq!(
            count_owned(&app, table, condition, ana.id).await,
            0,
            "{table}: Ana's rows are gone"
        );
        assert_eq!(
            count_owned(&app, table, condition, bob.id).await,
            bobs,
            "{table}: Bob's rows stay"
        );
        // Also no orphans (an activity whose trip went first would escape the condition).
        assert_eq!(
            app.count(table).await,
            total - anas,
            "{table}: only Ana's rows went"
        );
    }
    for cookie in [&ana.cookie, &second_device] {
        let page = app.get_with_cookie("/account", cookie).await;
        assert_eq!(page.status(), 303, "every device is logged out");
        let export = app.get_with_cookie("/account/export", cookie).await;
        assert_eq!(export.status(), 303);
    }
    let login = app.log_in(&ana.email, PASSWORD, None).await;
    assert_eq!(login.status(), 422, "the account no longer exists");
    let bobs_page = app.get_with_cookie("/trips", &bob.cookie).await;
    assert!(bobs_page.text().await.unwrap().contains("bob’s trip"));
}

#[tokio::test]
async fn deletion_without_javascript_lands_on_the_goodbye_page() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;

    let response = app
        .client
        .post(app.url("/api/auth/delete_account"))
        .header("cookie", &ana.cookie)
        .header("accept", "text/html")
        .header("referer", app.url("/account/delete"))
        .form(&[("password", PASSWORD), ("confirm", "yes")])
        .send()
        .await
        .unwrap();

    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(response.headers()["location"], "/goodbye");
    assert_eq!(app.count("users").await, 0);
    let goodbye = app.get("/goodbye").await;
    assert_eq!(goodbye.status(), 200);
    assert!(
        goodbye
            .text()
            .await
            .unwrap()
            .contains("Your account is deleted")
    );
}

#[tokio::test]
async fn cross_site_deletion_is_refused() {
    let app = spawn_app().await;
    let ana = traveler(&app, "ana").await;
    let before = row_counts(&app).await;

    let response = app
        .client
        .post(app.url("/api/auth/delete_account"))
        .header("cookie", &ana.cookie)
        .header("origin", "https://evil.test")
        .form(&[("password", PASSWORD), ("confirm", "yes")])
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 403);
    assert_eq!(row_counts(&app).await, before);
}
