//! Trips: a traveler's main object. Dates are calendar dates in the trip's own time zone (never
//! instants); the budget is an integer number of the currency's minor units.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Trips::Table)
                    .col(uuid(Trips::Id).primary_key())
                    .col(uuid(Trips::OwnerId))
                    .col(string_len(Trips::Name, 120))
                    .col(string_len(Trips::Destination, 120))
                    .col(date(Trips::StartDate))
                    .col(date(Trips::EndDate))
                    .col(string_len(Trips::TimeZone, 64))
                    .col(big_integer_null(Trips::BudgetMinor))
                    .col(string_len(Trips::Currency, 3))
                    .col(text(Trips::Notes))
                    .col(timestamp_with_time_zone(Trips::CreatedAt))
                    .col(timestamp_with_time_zone(Trips::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("trips_owner_id_fkey")
                            .from(Trips::Table, Trips::OwnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("trips_owner_id_start_date_idx")
                    .table(Trips::Table)
                    .col(Trips::OwnerId)
                    .col(Trips::StartDate)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Trips::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Trips {
    Table,
    Id,
    OwnerId,
    Name,
    Destination,
    StartDate,
    EndDate,
    TimeZone,
    BudgetMinor,
    Currency,
    Notes,
    CreatedAt,
    UpdatedAt,
}
