//! Opening the database: SQLite tuned for a web server, or PostgreSQL, through one code path.

use std::{str::FromStr, time::Duration};

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DbErr,
    sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous},
};

/// How long a request waits for a pooled connection (or SQLite for a lock) before failing.
const WAIT: Duration = Duration::from_secs(5);

/// How long a pooled connection may sit unused before it is pinged on checkout.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("could not create the database folder {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("could not open the database: {0}")]
    Connect(#[source] DbErr),
}

/// Opens a pool. For SQLite the file (and its folder) is created on first run, with WAL,
/// foreign keys, a busy timeout and `synchronous = NORMAL` on every connection.
///
/// # Errors
/// The folder cannot be created or the server cannot be reached.
pub async fn connect(url: &str, pool_size: u32) -> Result<DatabaseConnection, DbSetupError> {
    if url.starts_with("sqlite:") {
        create_sqlite_folder(url)?;
    }
    Database::connect(options(url, pool_size))
        .await
        .map_err(DbSetupError::Connect)
}

fn options(url: &str, pool_size: u32) -> ConnectOptions {
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(pool_size)
        .min_connections(0)
        .acquire_timeout(WAIT)
        .connect_timeout(WAIT)
        // A connection is checked with a ping only after it sat idle (when a server restart or
        // a firewall may have dropped it). sqlx's default pings on every checkout: one extra
        // round trip per statement, for SQLite a hop to its worker thread and back.
        .test_before_acquire_if_idle_for(IDLE_BEFORE_PING)
        // Statements carry user data; they stay out of the logs.
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts| {
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(WAIT)
        });
    options
}

fn create_sqlite_folder(url: &str) -> Result<(), DbSetupError> {
    let Ok(options) = SqliteConnectOptions::from_str(url) else {
        // sqlx reports the malformed URL itself when connecting.
        return Ok(());
    };
    let file = options.get_filename();
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => std::fs::create_dir_all(dir)
            .map_err(|source| DbSetupError::CreateDir {
                path: dir.display().to_string(),
                source,
            }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use sea_orm::{ConnectionTrait, Statement};

    use super::IDLE_BEFORE_PING;

    /// Connections in use are not pinged before each statement, only after sitting idle.
    #[test]
    fn busy_connections_are_not_pinged_before_every_statement() {
        for url in ["sqlite://data/app.db", "postgres://localhost/app"] {
            let options = super::options(url, 4);
            assert!(!options.get_test_before_acquire(), "{url}");
            assert_eq!(
                options.get_test_before_acquire_if_idle_for(),
                Some(IDLE_BEFORE_PING),
                "{url}"
            );
        }
    }

    /// `.cargo/config.toml` builds SQLite with the query planner stability guarantee; without
    /// it, every statement with a bound `LIMIT` (each sea-orm `.one()`) is planned again on
    /// every run, which cost the trip page a third of its throughput.
    #[tokio::test]
    async fn sqlite_is_built_so_cached_statements_are_not_planned_again() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let db = super::connect(&url, 1).await.unwrap();

        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT sqlite_compileoption_used('ENABLE_QPSG') AS qpsg",
            ))
            .await
            .unwrap()
            .unwrap();

        assert_eq!(row.try_get::<i32>("", "qpsg").unwrap(), 1);
    }
}
