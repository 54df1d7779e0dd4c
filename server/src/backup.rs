//! `travel-planner backup` and `restore`: a consistent copy of the whole database in one file,
//! and putting such a file back.
//!
//! - SQLite: `VACUUM INTO` makes a compact, consistent copy while the server keeps running.
//!   Restore checks the file (a SQLite database, `integrity_check` ok, our migrations table, no
//!   migration this version does not know), then swaps it in with a rename, so the database is
//!   either the old one or the new one, never half of each.
//! - PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner
//!   --single-transaction`. The password goes to them in `PGPASSWORD`, never on the command line.
//!
//! Restore refuses to replace a database that already has accounts unless `force` is set, so a
//! mistyped `DATABASE_URL` cannot wipe a live site. It is meant for a stopped server.

use std::{
    ffi::OsString,
    fs::File,
    path::{Path, PathBuf},
    process::Command,
    str::FromStr,
};

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, Statement,
    sqlx::sqlite::SqliteConnectOptions,
};

use crate::config::redact_database_url;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    NotABackup(String),
    #[error("the database is not reachable: {0}")]
    Database(String),
    #[error("{action} {path}: {source}")]
    File {
        action: &'static str,
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{0} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or put {0} on PATH"
    )]
    ToolMissing(&'static str),
    #[error("{tool} failed: {message}")]
    Tool { tool: &'static str, message: String },
}

fn file_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.display().to_string();
    move |source| BackupError::File {
        action,
        path,
        source,
    }
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// Writes a consistent copy of the database at `url` to `to` (replacing `to` only once the copy
/// is complete).
///
/// # Errors
/// The database cannot be read, the file cannot be written, or `pg_dump` is missing or fails.
pub async fn backup(url: &str, to: &Path) -> Result<(), BackupError> {
    if is_sqlite(url) {
        sqlite_backup(url, to).await
    } else {
        postgres_backup(url, to)
    }
}

/// Replaces the database at `url` with the backup in `from`.
///
/// # Errors
/// `from` is not a backup of this application, the target has accounts and `force` is not set,
/// or the database cannot be written.
pub async fn restore(url: &str, from: &Path, force: bool) -> Result<(), BackupError> {
    if !from.is_file() {
        return Err(BackupError::NotABackup(format!(
            "{} does not exist or is not a file",
            from.display()
        )));
    }
    if is_sqlite(url) {
        sqlite_restore(url, from, force).await
    } else {
        postgres_restore(url, from, force).await
    }
}

// ---------------------------------------------------------------------------------------------
// SQLite

fn sqlite_path(url: &str) -> Result<PathBuf, BackupError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|error| BackupError::Database(format!("DATABASE_URL is not usable: {error}")))?;
    let path = options.get_filename().to_path_buf();
    if path.as_os_str().is_empty() || path.as_os_str() == ":memory:" {
        return Err(BackupError::Refused(
            "an in-memory database has nothing to back up or restore".to_string(),
        ));
    }
    Ok(path)
}

/// One connection to the SQLite file at `path`, never creating it.
async fn open_sqlite(path: &Path, read_only: bool) -> Result<DatabaseConnection, BackupError> {
    let path = path.to_path_buf();
    let mut options = ConnectOptions::new("sqlite://placeholder.db");
    options
        .max_connections(1)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |opts| {
            opts.filename(&path)
                .create_if_missing(false)
                .read_only(read_only)
                .busy_timeout(std::time::Duration::from_secs(5))
        });
    Database::connect(options)
        .await
        .map_err(|error| BackupError::Database(error.to_string()))
}

async fn texts(db: &DatabaseConnection, sql: &str) -> Result<Vec<String>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|row| row.try_get_by_index::<String>(0))
        .collect()
}

async fn count(db: &DatabaseConnection, sql: &str) -> Result<i64, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    match row {
        Some(row) => row.try_get_by_index::<i64>(0),
        None => Ok(0),
    }
}

/// A sibling of `path` for writing before the atomic rename.
fn temporary_beside(path: &Path, purpose: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| OsString::from("backup"), OsString::from);
    let mut temporary = OsString::from(".");
    temporary.push(name);
    temporary.push(format!(".{purpose}-{}", uuid::Uuid::now_v7().simple()));
    path.with_file_name(temporary)
}

/// Flushes a file (or a directory entry list) to disk.
fn sync(path: &Path) -> Result<(), BackupError> {
    File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(file_error("could not flush", path))
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

async fn sqlite_backup(url: &str, to: &Path) -> Result<(), BackupError> {
    let source = sqlite_path(url)?;
    if !source.is_file() {
        return Err(BackupError::Database(format!(
            "{} does not exist",
            source.display()
        )));
    }
    let temporary = temporary_beside(to, "partial");
    let db = open_sqlite(&source, false).await?;
    let target = temporary.to_string_lossy().replace('\'', "''");
    let vacuum = db
        .execute_unprepared(&format!("VACUUM INTO '{target}'"))
        .await;
    db.close().await.ok();
    if let Err(error) = vacuum {
        std::fs::remove_file(&temporary).ok();
        return Err(BackupError::Database(error.to_string()));
    }
    sync(&temporary)?;
    std::fs::rename(&temporary, to).map_err(file_error("could not write", to))?;
    sync(&parent_of(to))
}

/// Checks that `path` is an intact SQLite database made by this application (this version or an
/// older one).
async fn check_sqlite_backup(path: &Path) -> Result<(), BackupError> {
    let not_ours = |why: &str| BackupError::NotABackup(format!("{} {why}", path.display()));
    let mut header = [0_u8; 16];
    let read = std::io::Read::read_exact(
        &mut File::open(path).map_err(file_error("could not open", path))?,
        &mut header,
    );
    if read.is_err() || &header != b"SQLite format 3\0" {
        return Err(not_ours("is not a SQLite database"));
    }
    let db = open_sqlite(path, true).await?;
    let checked = async {
        let integrity = texts(&db, "PRAGMA integrity_check")
            .await
            .map_err(|_| not_ours("cannot be read as a SQLite database"))?;
        if integrity != ["ok"] {
            return Err(not_ours("is damaged (integrity_check failed)"));
        }
        let applied = texts(&db, "SELECT version FROM seaql_migrations")
            .await
            .map_err(|_| not_ours("is not a Travel Planner database (no seaql_migrations)"))?;
        known_migrations(&applied).map_err(|name| {
            not_ours(&format!(
                "was made by a newer version (migration {name}); upgrade travel-planner first"
            ))
        })
    }
    .await;
    db.close().await.ok();
    checked
}

/// `Err(name)` for the first applied migration this build does not know.
fn known_migrations(applied: &[String]) -> Result<(), String> {
    let known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    match applied.iter().find(|name| !known.contains(name)) {
        Some(name) => Err(name.clone()),
        None => Ok(()),
    }
}

/// Refuses (without `force`) when the target already holds accounts.
fn refuse_unless_forced(users: i64, target: &str, force: bool) -> Result<(), BackupError> {
    if users > 0 && !force {
        return Err(BackupError::Refused(format!(
            "{target} already has {users} account(s); stop the server and pass --force to replace it"
        )));
    }
    Ok(())
}

async fn sqlite_restore(url: &str, from: &Path, force: bool) -> Result<(), BackupError> {
    let target = sqlite_path(url)?;
    check_sqlite_backup(from).await?;

    if target.is_file() {
        let db = open_sqlite(&target, false).await?;
        let users = count(&db, "SELECT COUNT(*) FROM users").await.unwrap_or(0);
        let refused = refuse_unless_forced(users, &target.display().to_string(), force);
        // Move everything from the write-ahead log into the file, so the old database is whole
        // on its own once its -wal and -shm files are removed below.
        let checkpoint = match refused {
            Ok(()) => db
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .map(|_| ())
                .map_err(|error| BackupError::Database(error.to_string())),
            Err(error) => Err(error),
        };
        db.close().await.ok();
        checkpoint?;
    } else if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(file_error("could not create", dir))?;
    }

    let temporary = temporary_beside(&target, "restoring");
    std::fs::copy(from, &temporary)
        .map_err(file_error("could not copy the backup to", &temporary))?;
    sync(&temporary)?;
    if target.is_file() {
        let mut kept = target.clone().into_os_string();
        kept.push(".before-restore");
        std::fs::rename(&target, &kept).map_err(file_error("could not move aside", &target))?;
    }
    // A log left beside the new file would be replayed into it: remove the old database's.
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut companion = target.clone().into_os_string();
        companion.push(suffix);
        let companion = PathBuf::from(companion);
        if companion.exists() {
            std::fs::remove_file(&companion).map_err(file_error("could not remove", &companion))?;
        }
    }
    std::fs::rename(&temporary, &target).map_err(file_error("could not write", &target))?;
    sync(&parent_of(&target))
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/// The connection URL without its password, and the password (percent-decoded).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), None);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (url.to_string(), None);
    };
    match userinfo.split_once(':') {
        Some((user, password)) => (
            format!("{scheme}://{user}@{host}{tail}"),
            Some(percent_decode(password)),
        ),
        None => (url.to_string(), None),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `tool` on `PATH`, else in the newest `/usr/lib/postgresql/*/bin` (Debian's layout).
fn find_tool(tool: &'static str) -> Result<PathBuf, BackupError> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join(tool))
        .find(|candidate| candidate.is_file());
    if let Some(found) = on_path {
        return Ok(found);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let candidate = entry.path().join("bin").join(tool);
            candidate.is_file().then_some((version, candidate))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, path)| path)
        .ok_or(BackupError::ToolMissing(tool))
}

/// Runs a PostgreSQL client tool against `url`, the password passed in the environment.
fn run_tool(tool: &'static str, url: &str, args: &[OsString]) -> Result<String, BackupError> {
    let program = find_tool(tool)?;
    let (without_password, password) = split_password(url);
    let mut command = Command::new(program);
    command
        .args(args)
        .arg(format!("--dbname={without_password}"));
    command.env_remove("PGPASSWORD");
    if let Some(password) = &password {
        command.env("PGPASSWORD", password);
    }
    let output = command.output().map_err(|error| BackupError::Tool {
        tool,
        message: error.to_string(),
    })?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let mut message = String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    if let Some(password) = password.filter(|p| !p.is_empty()) {
        message = message.replace(&password, "***");
    }
    if message.is_empty() {
        message = format!("exit status {}", output.status);
    }
    Err(BackupError::Tool { tool, message })
}

fn postgres_backup(url: &str, to: &Path) -> Result<(), BackupError> {
    let temporary = temporary_beside(to, "partial");
    let args = [
        OsString::from("--format=custom"),
        OsString::from("--no-password"),
        {
            let mut file = OsString::from("--file=");
            file.push(&temporary);
            file
        },
    ];
    if let Err(error) = run_tool("pg_dump", url, &args) {
        std::fs::remove_file(&temporary).ok();
        return Err(error);
    }
    sync(&temporary)?;
    std::fs::rename(&temporary, to).map_err(file_error("could not write", to))?;
    sync(&parent_of(to))
}

async fn postgres_restore(url: &str, from: &Path, force: bool) -> Result<(), BackupError> {
    let listing = std::process::Command::new(find_tool("pg_restore")?)
        .arg("--list")
        .arg(from)
        .output()
        .map_err(|error| BackupError::Tool {
            tool: "pg_restore",
            message: error.to_string(),
        })?;
    let listing = String::from_utf8_lossy(&listing.stdout);
    if !listing
        .lines()
        .any(|line| line.contains("TABLE DATA public seaql_migrations"))
    {
        return Err(BackupError::NotABackup(format!(
            "{} is not a pg_dump (custom format) of a Travel Planner database",
            from.display()
        )));
    }

    let db = Database::connect(url)
        .await
        .map_err(|error| BackupError::Database(error.to_string()))?;
    let has_users = count(
        &db,
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'",
    )
    .await
    .map_err(|error| BackupError::Database(error.to_string()))?;
    let users = if has_users > 0 {
        count(&db, "SELECT COUNT(*) FROM users").await.unwrap_or(0)
    } else {
        0
    };
    db.close().await.ok();
    refuse_unless_forced(users, &redact_database_url(url), force)?;

    let args = [
        OsString::from("--clean"),
        OsString::from("--if-exists"),
        OsString::from("--no-owner"),
        OsString::from("--single-transaction"),
        OsString::from("--exit-on-error"),
        OsString::from("--no-password"),
        from.as_os_str().to_os_string(),
    ];
    run_tool("pg_restore", url, &args).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url_and_is_decoded() {
        assert_eq!(
            split_password("postgres://app:s%40cret%2Fx@db.example:5433/travel?sslmode=require"),
            (
                "postgres://app@db.example:5433/travel?sslmode=require".to_string(),
                Some("s@cret/x".to_string())
            )
        );
        assert_eq!(
            split_password("postgres://app@db/travel"),
            ("postgres://app@db/travel".to_string(), None)
        );
        assert_eq!(
            split_password("postgres://db/travel"),
            ("postgres://db/travel".to_string(), None)
        );
    }

    #[test]
    fn percent_decoding_keeps_malformed_escapes() {
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
    }

    #[test]
    fn only_known_migrations_pass() {
        assert!(known_migrations(&["m20261129_000001_create_users".to_string()]).is_ok());
        assert_eq!(
            known_migrations(&["m29990101_000001_future".to_string()]),
            Err("m29990101_000001_future".to_string())
        );
    }

    #[test]
    fn a_database_with_accounts_needs_force() {
        assert!(refuse_unless_forced(0, "x", false).is_ok());
        assert!(refuse_unless_forced(3, "x", true).is_ok());
        assert!(matches!(
            refuse_unless_forced(3, "x", false),
            Err(BackupError::Refused(_))
        ));
    }
}
