//! Session rows are keyed by the SHA-256 of the session id, not the id itself: the cookie holds
//! the secret, and a backup or a read of the table holds nothing that logs anyone in. Sessions
//! that exist keep working: their keys are hashed in place.

use sea_orm_migration::{
    prelude::*,
    sea_orm::{ConnectionTrait, Statement},
};
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What the application stores for a session id (the same function as the store's).
fn digest(id: &str) -> String {
    Sha256::digest(id.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let ids: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, "SELECT id FROM sessions"))
            .await?
            .iter()
            .filter_map(|row| row.try_get::<String>("", "id").ok())
            .collect();
        let sql = match backend {
            sea_orm::DbBackend::Postgres => "UPDATE sessions SET id = $1 WHERE id = $2",
            _ => "UPDATE sessions SET id = ? WHERE id = ?",
        };
        for id in ids {
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [digest(&id).into(), id.into()],
            ))
            .await?;
        }
        Ok(())
    }

    /// A hash cannot be turned back into the id: going down ends every session.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM sessions")
            .await
            .map(|_| ())
    }
}
