//! Partial indexes over the rows whose search text is still empty. Every start-up asks for them
//! (`domain::search::fill_missing`); without an index that question reads every trip and every
//! activity through, to find none — seconds at start-up on a database of millions of activities,
//! before the instance is ready. The indexes hold only unfilled rows, so they stay empty once
//! the texts are filled and cost writes nothing (the app writes the text with the row).

use sea_orm_migration::prelude::*;

use crate::{m20261129_000006_create_trips::Trips, m20261129_000007_create_activities::Activities};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TRIPS_INDEX: &str = "trips_unfilled_search_text_idx";
const ACTIVITIES_INDEX: &str = "activities_unfilled_search_text_idx";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(TRIPS_INDEX)
                    .table(Trips::Table)
                    .col(Trips::Id)
                    .and_where(Expr::col(Search::SearchText).eq(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(ACTIVITIES_INDEX)
                    .table(Activities::Table)
                    .col(Activities::Id)
                    .and_where(Expr::col(Search::SearchText).eq(""))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(ACTIVITIES_INDEX)
                    .table(Activities::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(TRIPS_INDEX)
                    .table(Trips::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Search {
    SearchText,
}
