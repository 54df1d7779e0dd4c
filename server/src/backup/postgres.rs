//! PostgreSQL: `pg_dump` and `pg_restore`, found on PATH or in Debian's folders, with the
//! password in the environment.

use std::{
    ffi::OsString,
    path::{Path, PathBuf},
    process::Command,
};

use sea_orm::Database;

use super::{
    BackupError, count, create_private, file_error, parent_of, refuse_unless_forced, sync,
    temporary_beside,
};
use crate::config::redact_database_url;

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

pub(super) fn backup(url: &str, to: &Path) -> Result<(), BackupError> {
    let temporary = temporary_beside(to, "partial");
    create_private(&temporary)?;
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

pub(super) async fn restore(url: &str, from: &Path, force: bool) -> Result<(), BackupError> {
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
        count(&db, "SELECT COUNT(*) FROM users")
            .await
            .map_err(|error| BackupError::Database(error.to_string()))?
    } else {
        0
    };
    db.close().await.ok();
    refuse_unless_forced(users, &redact_database_url(url), force)?;

    let args = [
        OsString::from("--clean"),
        OsString::from("--if-exists"),
        OsString::from("--no-owner"),
        // Grants name roles that may not exist where the backup is restored.
        OsString::from("--no-acl"),
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
}
