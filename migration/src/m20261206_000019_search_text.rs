//! A folded search text on trips and activities: what searching compares, the same on SQLite
//! and PostgreSQL. Neither database folds text the way travelers type it (SQLite's `LOWER`
//! leaves everything but ASCII alone; neither drops accents), so the core writes the folded text
//! with the row (`domain::search`). Rows written before this column, or by a previous release
//! during a rolling deploy, hold `''` until the server fills them at start-up.
//!
//! Trips sort by name through the same text (it starts with the folded name), on an index with
//! the owner first, as the trips list reads them.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000006_create_trips::Trips;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Trips::Table)
                    .add_column(text(Search::SearchText).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .add_column(text(Search::SearchText).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("trips_owner_id_search_text_idx")
                    .table(Trips::Table)
                    .col(Trips::OwnerId)
                    .col(Search::SearchText)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("trips_owner_id_search_text_idx")
                    .table(Trips::Table)
                    .to_owned(),
            )
            .await?;
        for table in [Trips::Table.into_iden(), Activities::Table.into_iden()] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Search::SearchText)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Activities {
    Table,
}

#[derive(DeriveIden)]
enum Search {
    SearchText,
}
