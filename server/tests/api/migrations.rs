//! Every migration has a working `down`: all the way to empty and back up again.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Statement};

use crate::helpers::spawn_app;

async fn tables(app: &crate::helpers::TestApp) -> Vec<String> {
    let sql = match app.db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        _ => {
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
        }
    };
    app.db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

#[tokio::test]
async fn migrations_go_down_to_empty_and_up_again() {
    let app = spawn_app().await;
    let migrated = tables(&app).await;
    // One connection of its own: SQLite connections cache the schema, and a pooled connection
    // that has not yet seen the tables dropped can refuse "CREATE INDEX" as already existing
    // (as an application migrating at start-up on a fresh pool never would).
    let mut options = sea_orm::ConnectOptions::new(app.database_url.clone());
    options.max_connections(1).min_connections(1);
    let db = sea_orm::Database::connect(options).await.unwrap();

    Migrator::down(&db, None).await.unwrap();
    let emptied = tables(&app).await;
    Migrator::up(&db, None).await.unwrap();
    let again = tables(&app).await;

    for table in [
        "users",
        "sessions",
        "password_reset_tokens",
        "email_verification_tokens",
        "trips",
        "activities",
        "refresh_tokens",
    ] {
        assert!(
            migrated.contains(&table.to_string()),
            "{table} in {migrated:?}"
        );
    }
    assert_eq!(emptied, vec!["seaql_migrations".to_string()]);
    assert_eq!(again, migrated);
}

/// Upgrading keeps everyone logged in: the session rows written before session ids were hashed
/// at rest are hashed in place, and their cookies still work.
#[tokio::test]
async fn sessions_from_before_hashing_survive_the_upgrade() {
    let app = crate::helpers::spawn_app().await;
    let email = crate::helpers::unique_email();
    let cookie = app.sign_up(&email, crate::helpers::PASSWORD).await;
    let id = cookie.split_once('=').unwrap().1.to_string();
    let user_id = app.user_id(&email).await;
    let mut options = sea_orm::ConnectOptions::new(app.database_url.clone());
    options.max_connections(1).min_connections(1);
    let db = sea_orm::Database::connect(options).await.unwrap();
    // Back to the schema before the change, with the session as that release stored it: the
    // id in clear.
    let names: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let hashing = names
        .iter()
        .position(|name| name.ends_with("_hash_session_ids"))
        .unwrap();
    Migrator::down(&db, Some(u32::try_from(names.len() - hashing).unwrap()))
        .await
        .unwrap();
    assert_eq!(app.count("sessions").await, 0, "going down ended them");
    let data = serde_json::json!({
        "user_id": user_id,
        "authenticated_at": chrono::Utc::now().timestamp(),
    });
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4)"
        }
        _ => "INSERT INTO sessions (id, user_id, data, expires_at) VALUES (?, ?, ?, ?)",
    };
    let expires = chrono::Utc::now() + chrono::Duration::days(1);
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [
            id.clone().into(),
            user_id.into(),
            data.to_string().into(),
            expires.into(),
        ],
    ))
    .await
    .unwrap();

    Migrator::up(&db, None).await.unwrap();

    let stored = app.text_of("SELECT id FROM sessions", "id").await;
    assert_ne!(stored, id);
    assert_eq!(stored.len(), 64);
    assert_eq!(app.get_with_cookie("/account", &cookie).await.status(), 200);
}

/// During a rolling deploy an instance of the previous release may restart after the new
/// release migrated the database: it must start (without migrating), not stay down because the
/// database has a migration it does not know. A database behind on a known migration is still
/// migrated.
#[tokio::test]
async fn a_release_starts_on_a_database_a_newer_release_migrated() {
    let app = spawn_app().await;
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_string(
            backend,
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_from_a_newer_release', 0)",
        ))
        .await
        .unwrap();
    let settings = crate::helpers::test_settings(&app.database_url, app.dir.path().join("site"));

    let started = server::startup::Application::build(&settings).await;
    assert!(
        started.is_ok(),
        "refused: {:?}",
        started.err().map(|e| e.to_string())
    );
    drop(started);

    // One of this release's migrations missing as well: that is not a newer release's
    // database, and the migrator's refusal stands.
    let newest = Migrator::migrations().last().unwrap().name().to_string();
    app.db
        .execute_raw(Statement::from_string(
            backend,
            format!("DELETE FROM seaql_migrations WHERE version = '{newest}'"),
        ))
        .await
        .unwrap();
    let refused = server::startup::Application::build(&settings).await;
    assert!(refused.is_err(), "started on a database missing {newest}");
}
