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

mod postgres;
mod sqlite;

use std::{
    ffi::OsString,
    fs::File,
    path::{Path, PathBuf},
};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    NotABackup(String),
    #[error("could not use the database: {0}")]
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
        sqlite::backup(url, to).await
    } else {
        postgres::backup(url, to)
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
        sqlite::restore(url, from, force).await
    } else {
        postgres::restore(url, from, force).await
    }
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

/// Creates the empty file a backup is written into, readable by its owner only: a backup holds
/// password hashes and live sessions.
fn create_private(path: &Path) -> Result<(), BackupError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map(drop)
        .map_err(file_error("could not create", path))
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

/// Refuses (without `force`) when the target already holds accounts.
fn refuse_unless_forced(users: i64, target: &str, force: bool) -> Result<(), BackupError> {
    if users > 0 && !force {
        return Err(BackupError::Refused(format!(
            "{target} already has {users} account(s); stop the server and pass --force to replace it"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
