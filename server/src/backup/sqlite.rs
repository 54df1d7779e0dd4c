//! SQLite: `VACUUM INTO` for a backup, checks and an atomic rename for a restore.

use std::{
    fs::File,
    path::{Path, PathBuf},
    str::FromStr,
};

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, Statement,
    sqlx::sqlite::SqliteConnectOptions,
};

use super::{
    BackupError, count, create_private, file_error, parent_of, refuse_unless_forced, sync,
    temporary_beside,
};

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

pub(super) async fn backup(url: &str, to: &Path) -> Result<(), BackupError> {
    let source = sqlite_path(url)?;
    if !source.is_file() {
        return Err(BackupError::Database(format!(
            "{} does not exist",
            source.display()
        )));
    }
    let db = open_sqlite(&source, false).await?;
    let temporary = temporary_beside(to, "partial");
    if let Err(error) = create_private(&temporary) {
        db.close().await.ok();
        return Err(error);
    }
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

/// How many accounts the database holds (0 when it has no `users` table yet).
async fn accounts(db: &DatabaseConnection) -> Result<i64, DbErr> {
    let tables = count(
        db,
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'",
    )
    .await?;
    if tables == 0 {
        return Ok(0);
    }
    count(db, "SELECT COUNT(*) FROM users").await
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

pub(super) async fn restore(url: &str, from: &Path, force: bool) -> Result<(), BackupError> {
    let target = sqlite_path(url)?;
    check_sqlite_backup(from).await?;

    if target.is_file() {
        let db = open_sqlite(&target, false).await?;
        let refused = match accounts(&db).await {
            Ok(users) => refuse_unless_forced(users, &target.display().to_string(), force),
            Err(_) if force => Ok(()),
            Err(error) => Err(BackupError::Refused(format!(
                "could not tell whether {} has accounts ({error}); pass --force to replace it anyway",
                target.display()
            ))),
        };
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
    let copied = std::fs::copy(from, &temporary)
        .map_err(file_error("could not copy the backup to", &temporary))
        .and_then(|_| sync(&temporary));
    if let Err(error) = copied {
        std::fs::remove_file(&temporary).ok();
        return Err(error);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_migrations_pass() {
        assert!(known_migrations(&["m20261129_000001_create_users".to_string()]).is_ok());
        assert_eq!(
            known_migrations(&["m29990101_000001_future".to_string()]),
            Err("m29990101_000001_future".to_string())
        );
    }
}
