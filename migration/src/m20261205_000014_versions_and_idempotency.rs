//! What lets API clients retry and edit concurrently without losing anything.
//!
//! `trips.version` and `activities.version` count the changes to each row's own fields (a
//! trip's details; an activity's day, times, text, cost and place). A client sends back the
//! version it read (`If-Match`), and the write happens only if it is still the current one. The
//! trip's `revision` stays what it was: it also moves with every activity, which is right for
//! the page cache and wrong for "did someone else change these details".
//!
//! `idempotency_keys` remembers, per traveler and for a day, the answer to each `POST` sent with
//! an `Idempotency-Key`, so a request retried after a lost answer is answered again instead of
//! done twice. Only a SHA-256 of the key and of the request are stored.

use sea_orm_migration::{prelude::*, schema::*};

use crate::{
    m20261129_000001_create_users::Users, m20261129_000006_create_trips::Trips,
    m20261129_000007_create_activities::Activities,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Trips::Table)
                    .add_column(big_integer(Version::Version).default(1))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .add_column(big_integer(Version::Version).default(1))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(uuid(IdempotencyKeys::Id).primary_key())
                    .col(uuid(IdempotencyKeys::UserId))
                    .col(string_len(IdempotencyKeys::KeyHash, 64))
                    .col(string_len(IdempotencyKeys::Fingerprint, 64))
                    // Null while the first request is still being answered.
                    .col(small_integer_null(IdempotencyKeys::Status))
                    .col(text_null(IdempotencyKeys::Headers))
                    .col(text_null(IdempotencyKeys::Body))
                    .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("idempotency_keys_user_id_fkey")
                            .from(IdempotencyKeys::Table, IdempotencyKeys::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idempotency_keys_user_key_idx")
                    .table(IdempotencyKeys::Table)
                    .col(IdempotencyKeys::UserId)
                    .col(IdempotencyKeys::KeyHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idempotency_keys_created_at_idx")
                    .table(IdempotencyKeys::Table)
                    .col(IdempotencyKeys::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(IdempotencyKeys::Table).to_owned())
            .await?;
        for table in [Activities::Table.into_iden(), Trips::Table.into_iden()] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Version::Version)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Version {
    Version,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    Id,
    UserId,
    KeyHash,
    Fingerprint,
    Status,
    Headers,
    Body,
    CreatedAt,
}
