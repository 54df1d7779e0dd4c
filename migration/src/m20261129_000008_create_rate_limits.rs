//! Request counters for the per-minute rate limit when several instances share one database
//! (`RATE_LIMIT_STORE=database`): one row per client key and minute, counted up atomically.
//! Old minutes are deleted by the server every few minutes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RateLimits::Table)
                    .if_not_exists()
                    .col(string_len(RateLimits::Key, 80))
                    .col(big_integer(RateLimits::WindowStart))
                    .col(integer(RateLimits::Count))
                    .primary_key(
                        Index::create()
                            .col(RateLimits::Key)
                            .col(RateLimits::WindowStart),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_rate_limits_window_start")
                    .table(RateLimits::Table)
                    .col(RateLimits::WindowStart)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RateLimits::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum RateLimits {
    Table,
    Key,
    WindowStart,
    Count,
}
