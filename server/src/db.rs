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
    /// every run, which cost the trip page a third of its throughput. And without memory
    /// statistics, which put a global mutex around each of SQLite's allocations.
    #[tokio::test]
    async fn sqlite_is_built_so_cached_statements_are_not_planned_again() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let db = super::connect(&url, 1).await.unwrap();

        for option in ["ENABLE_QPSG", "DEFAULT_MEMSTATUS=0"] {
            let row = db
                .query_one_raw(Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT sqlite_compileoption_used('{option}') AS used"),
                ))
                .await
                .unwrap()
                .unwrap();
            assert_eq!(row.try_get::<i32>("", "used").unwrap(), 1, "{option}");
        }
    }
}

/// The patched SQLite driver (`vendor/README.md`): guards that it is the one built, and that it
/// does what it was patched for.
#[cfg(test)]
mod patched_driver {
    #![allow(clippy::unwrap_used)]

    use sea_orm::sqlx::{
        Acquire, Executor,
        sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions},
    };

    /// The version `vendor/sqlx-sqlite` and `vendor/sqlx-core` were copied from.
    const PATCHED: &str = "0.9.0";

    /// `Cargo.lock` takes `sqlx-sqlite` and `sqlx-core` from `vendor/` (a path has no `source`
    /// line), at the version the patches were made for: a sqlx upgrade, or a patch Cargo
    /// stopped using (it only warns), fails here.
    #[test]
    fn the_sqlx_crates_are_the_patched_copies() {
        let lock =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap();
        for name in ["sqlx-sqlite", "sqlx-core"] {
            let entries: Vec<&str> = lock
                .split("[[package]]")
                .filter(|entry| entry.contains(&format!("name = \"{name}\"\n")))
                .collect();
            assert_eq!(entries.len(), 1, "one {name} in Cargo.lock");
            assert!(
                entries[0].contains(&format!("version = \"{PATCHED}\"")),
                "{name} is no longer {PATCHED}: re-apply vendor/README.md's patch"
            );
            assert!(
                !entries[0].contains("source ="),
                "{name} comes from the registry, not vendor/"
            );
        }
    }

    /// A connection dropped is back in the pool at once, before anything else runs: the
    /// patched pool gives it back in `drop` instead of in a task spawned to do it (which the
    /// published crate does, so there the pool still counts it as taken).
    #[tokio::test]
    async fn a_dropped_connection_is_back_in_the_pool_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let pool = one_connection(dir.path(), "release").await;
        for _ in 0..3 {
            let connection = pool.acquire().await.unwrap();
            assert_eq!(pool.num_idle(), 0);
            drop(connection);
            assert_eq!(pool.num_idle(), 1, "the connection is back before a yield");
            // And it works when taken again.
            let mut connection = pool.acquire().await.unwrap();
            add_note(&mut connection, "again").await;
        }
    }

    /// Voluntary context switches of the thread whose name starts with `prefix`: each one is
    /// the thread going to sleep after its work, so each wake-up counts one.
    #[cfg(target_os = "linux")]
    fn wake_ups(prefix: &str) -> u64 {
        let tasks = std::fs::read_dir("/proc/self/task").unwrap();
        for task in tasks {
            let path = task.unwrap().path();
            let name = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
            if name.starts_with(prefix) {
                let status = std::fs::read_to_string(path.join("status")).unwrap();
                return status
                    .lines()
                    .find_map(|line| line.strip_prefix("voluntary_ctxt_switches:"))
                    .unwrap()
                    .trim()
                    .parse()
                    .unwrap();
            }
        }
        panic!("no thread named {prefix}*");
    }

    /// A pool of one SQLite connection whose worker thread is named `name…`.
    async fn one_connection(
        dir: &std::path::Path,
        name: &'static str,
    ) -> sea_orm::sqlx::SqlitePool {
        let options = SqliteConnectOptions::new()
            .filename(dir.join(format!("{name}.db")))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .thread_name(move |id| format!("{name}{id}"));
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(0)
            .test_before_acquire(false)
            .connect_with(options)
            .await
            .unwrap();
        pool.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT)")
            .await
            .unwrap();
        pool
    }

    /// Writes a note (a statement the worker thread runs).
    async fn add_note(connection: &mut sea_orm::sqlx::SqliteConnection, text: &str) {
        sea_orm::sqlx::query("INSERT INTO notes (text) VALUES (?)")
            .bind(text)
            .execute(connection)
            .await
            .unwrap();
    }

    /// Giving a connection back to the pool (which pings it) does not wake its worker thread;
    /// a statement that writes does (so the count can see a wake-up).
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn returning_a_connection_does_not_wake_its_worker() {
        let dir = tempfile::tempdir().unwrap();
        let pool = one_connection(dir.path(), "pingguard").await;
        let rounds = 200;

        let before = wake_ups("pingguard");
        for _ in 0..rounds {
            // Dropped at once: the pool takes it back (and pings it) before the next acquire.
            drop(pool.acquire().await.unwrap());
        }
        let returned = wake_ups("pingguard") - before;

        let before = wake_ups("pingguard");
        let mut connection = pool.acquire().await.unwrap();
        for n in 0..rounds {
            add_note(&mut connection, &format!("note {n}")).await;
        }
        let writes = wake_ups("pingguard") - before;

        assert!(
            returned < rounds / 10,
            "{returned} wake-ups for {rounds} returns"
        );
        assert!(
            writes >= rounds / 2,
            "{writes} wake-ups for {rounds} writes"
        );
    }

    /// A read runs on the caller's thread (its worker thread stays asleep) and returns what
    /// the worker would have: every row, the first row, or no row.
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn reads_do_not_wake_the_worker() {
        let dir = tempfile::tempdir().unwrap();
        let pool = one_connection(dir.path(), "readguard").await;
        let mut connection = pool.acquire().await.unwrap();
        for n in 0..5 {
            add_note(&mut connection, &format!("note {n}")).await;
        }
        let rounds = 200;

        let before = wake_ups("readguard");
        for _ in 0..rounds {
            let all: Vec<(i64, String)> =
                sea_orm::sqlx::query_as("SELECT id, text FROM notes WHERE id > ? ORDER BY id")
                    .bind(1)
                    .fetch_all(&mut *connection)
                    .await
                    .unwrap();
            assert_eq!(all.len(), 4);
            assert_eq!(all[0], (2, "note 1".to_string()));
            let first: Option<(String,)> =
                sea_orm::sqlx::query_as("SELECT text FROM notes WHERE id > ? ORDER BY id DESC")
                    .bind(1)
                    .fetch_optional(&mut *connection)
                    .await
                    .unwrap();
            assert_eq!(first, Some(("note 4".to_string(),)));
            let none: Option<(String,)> =
                sea_orm::sqlx::query_as("SELECT text FROM notes WHERE id > ?")
                    .bind(99)
                    .fetch_optional(&mut *connection)
                    .await
                    .unwrap();
            assert_eq!(none, None);
        }
        let reads = wake_ups("readguard") - before;

        assert!(
            reads < rounds / 10,
            "{reads} wake-ups for {} reads",
            3 * rounds
        );
    }

    /// A read never overtakes a command sent before it: a transaction dropped without a commit
    /// sends its rollback to the worker without waiting, and the read right after it sees the
    /// rollback done. Errors come back as before.
    #[tokio::test]
    async fn a_read_waits_for_what_was_sent_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let pool = one_connection(dir.path(), "orderguard").await;
        let mut connection = pool.acquire().await.unwrap();
        for _ in 0..50 {
            let mut transaction = connection.begin().await.unwrap();
            add_note(&mut transaction, "never kept").await;
            drop(transaction);
            let (count,): (i64,) =
                sea_orm::sqlx::query_as("SELECT count(*) FROM notes WHERE text = ?")
                    .bind("never kept")
                    .fetch_one(&mut *connection)
                    .await
                    .unwrap();
            assert_eq!(count, 0);
        }

        let error = sea_orm::sqlx::query("SELECT missing_column FROM notes WHERE id = ?")
            .bind(1)
            .fetch_optional(&mut *connection)
            .await
            .unwrap_err();
        assert!(error.to_string().contains("no such column"), "{error}");
    }

    /// The patch's short cut for dates and times (the forms the driver writes) reads exactly
    /// what chrono's format parser reads, and leaves everything else to it: every day of four
    /// years around a leap year, every minute of a day, and texts near those forms.
    #[tokio::test]
    async fn dates_and_times_read_as_chrono_reads_them() {
        use chrono::{NaiveDate, NaiveTime};
        let dir = tempfile::tempdir().unwrap();
        let pool = one_connection(dir.path(), "dates").await;
        let read = |text: String| {
            let pool = pool.clone();
            async move {
                let row = sea_orm::sqlx::query("SELECT ?")
                    .bind(text)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
                (
                    sea_orm::sqlx::Row::try_get::<NaiveDate, _>(&row, 0).ok(),
                    sea_orm::sqlx::Row::try_get::<NaiveTime, _>(&row, 0).ok(),
                )
            }
        };
        let chrono_time = |text: &str| {
            ["%T.f", "%T%.f", "%R", "%RZ", "%T%.fZ", "%R%:z", "%T%.f%:z"]
                .iter()
                .find_map(|format| NaiveTime::parse_from_str(text, format).ok())
        };
        let mut texts: Vec<String> = Vec::new();
        let mut day = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        while day < NaiveDate::from_ymd_opt(2029, 1, 5).unwrap() {
            texts.push(day.format("%F").to_string());
            day = day.succ_opt().unwrap();
        }
        for minute in 0..24 * 60 {
            texts.push(format!(
                "{:02}:{:02}:{:02}",
                minute / 60,
                minute % 60,
                minute % 60
            ));
        }
        for text in [
            "0000-01-01",
            "9999-12-31",
            "2027-02-29",
            "2028-02-29",
            "2027-02-30",
            "2027-13-01",
            "2027-00-10",
            "2027-3-01",
            "2027-03-1",
            "+2027-03-01",
            "2027/03/01",
            "2027-03-01 ",
            "20270301",
            "２０２７-03-01",
            "23:59:60",
            "24:00:00",
            "09:60:00",
            "9:15:00",
            "09:15",
            "09:15:00.5",
            "09:15:00Z",
            "09:15:00+01:00",
            "-9:15:00",
            "09:15:0a",
            "",
        ] {
            texts.push(text.to_string());
        }
        for text in texts {
            let (date, time) = read(text.clone()).await;
            assert_eq!(
                date,
                NaiveDate::parse_from_str(&text, "%F").ok(),
                "{text:?}"
            );
            assert_eq!(time, chrono_time(&text), "{text:?}");
        }
    }

    /// The patched driver keeps a row's values itself (no `sqlite3_value_dup` per column): every
    /// kind of value reads back as SQLite holds it, after the statement has moved on to other
    /// rows, through sqlx's checked decoding (what sea-orm uses) and through the conversions
    /// the unchecked one makes, which SQLite's own `CAST` gives in the same statement.
    #[tokio::test]
    async fn rows_read_what_sqlite_holds() {
        use sea_orm::sqlx::Row;
        let dir = tempfile::tempdir().unwrap();
        let pool = one_connection(dir.path(), "rows").await;
        let values = [
            "NULL",
            "0",
            "-1",
            "9223372036854775807",
            "-9223372036854775808",
            "1.5",
            "-0.25",
            "''",
            "'Ærø ✈ Lisbon'",
            "'a' || char(0) || 'b'",
            "x''",
            "x'00ff10'",
            "randomblob(16)",
            "'42'",
            "' 42 '",
            "'-7'",
            "'+5'",
            "'12abc'",
            "'abc'",
            "'1.9'",
            "'-0'",
            "'1e3'",
            "'  -12.5e2xyz'",
            "'.5'",
            "'5.'",
            "'0x10'",
            "char(9) || '3'",
            "'9223372036854775808'",
            "'-9223372036854775809'",
            "'99999999999999999999'",
        ];
        let sql = values
            .iter()
            .map(|value| format!("SELECT {value} AS x"))
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let sql = format!(
            "SELECT x, typeof(x), hex(x), CAST(x AS TEXT), CAST(x AS INTEGER), CAST(x AS REAL), \
             'a', NULL, x'dd', 5, 'eee' FROM ({sql})"
        );
        // The statement is built here from the fixed values above.
        let sql = sea_orm::sqlx::AssertSqlSafe(sql);
        let rows = sea_orm::sqlx::query(sql).fetch_all(&pool).await.unwrap();
        assert_eq!(rows.len(), values.len());
        for (row, value) in rows.iter().zip(values) {
            let kind: String = row.try_get(1).unwrap();
            let hex: String = row.try_get(2).unwrap();
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).unwrap())
                .collect();
            // As bytes: a blob cast to text need not be UTF-8.
            let as_text: Option<Vec<u8>> = row.try_get(3).unwrap();
            let as_integer: Option<i64> = row.try_get(4).unwrap();
            let as_real: Option<f64> = row.try_get(5).unwrap();
            match kind.as_str() {
                "null" => {
                    assert_eq!(row.try_get::<Option<i64>, _>(0).unwrap(), None);
                    assert_eq!(row.try_get::<Option<String>, _>(0).unwrap(), None);
                    assert_eq!(row.try_get_unchecked::<i64, _>(0).unwrap(), 0);
                    assert_eq!(row.try_get_unchecked::<String, _>(0).unwrap(), "");
                }
                "integer" => {
                    assert_eq!(Some(row.try_get::<i64, _>(0).unwrap()), as_integer);
                    assert!(row.try_get::<String, _>(0).is_err(), "{value}");
                    let text = row.try_get_unchecked::<String, _>(0).unwrap();
                    assert_eq!(Some(text.into_bytes()), as_text, "{value}");
                    let real = row.try_get_unchecked::<f64, _>(0).unwrap();
                    assert_eq!(Some(real), as_real, "{value}");
                }
                "real" => {
                    assert_eq!(Some(row.try_get::<f64, _>(0).unwrap()), as_real);
                    let text = row.try_get_unchecked::<String, _>(0).unwrap();
                    assert_eq!(Some(text.into_bytes()), as_text, "{value}");
                }
                "text" => {
                    let text: String = row.try_get(0).unwrap();
                    assert_eq!(text.as_bytes(), bytes, "{value}");
                    assert_eq!(row.try_get::<Vec<u8>, _>(0).unwrap(), bytes, "{value}");
                    assert!(row.try_get::<i64, _>(0).is_err(), "{value}");
                    let integer = row.try_get_unchecked::<i64, _>(0).unwrap();
                    assert_eq!(Some(integer), as_integer, "{value}");
                    let real = row.try_get_unchecked::<f64, _>(0).unwrap();
                    assert_eq!(Some(real), as_real, "{value}");
                }
                "blob" => {
                    assert_eq!(row.try_get::<Vec<u8>, _>(0).unwrap(), bytes, "{value}");
                    if bytes.len() == 16 {
                        let id: uuid::Uuid = row.try_get(0).unwrap();
                        assert_eq!(id.as_bytes().as_slice(), bytes);
                    }
                }
                other => panic!("unexpected type {other} for {value}"),
            }
            // The columns after it keep their own values.
            assert_eq!(row.try_get::<String, _>(6).unwrap(), "a");
            assert_eq!(row.try_get::<Option<String>, _>(7).unwrap(), None);
            assert_eq!(row.try_get::<Vec<u8>, _>(8).unwrap(), [0xdd]);
            assert_eq!(row.try_get::<i64, _>(9).unwrap(), 5);
            assert_eq!(row.try_get::<String, _>(10).unwrap(), "eee");
            // A value taken out of its row reads the same.
            let owned = sea_orm::sqlx::ValueRef::to_owned(&row.try_get_raw(0).unwrap());
            let owned = sea_orm::sqlx::Value::as_ref(&owned);
            assert_eq!(
                <Option<Vec<u8>> as sea_orm::sqlx::Decode<'_, sea_orm::sqlx::Sqlite>>::decode(
                    owned
                )
                .unwrap()
                .unwrap_or_default(),
                match kind.as_str() {
                    "integer" | "real" => as_text.clone().unwrap_or_default(),
                    _ => bytes.clone(),
                },
                "{value}"
            );
        }
    }
}
