//! Activities: the itinerary. Each belongs to one day of a trip; times are wall-clock times in
//! the trip's zone. An overnight activity (a night train) ends on the next day: `end_time` is
//! then earlier than `start_time` and `ends_next_day` is true. `position` orders a day's
//! activities (0, 1, 2, … without gaps); costs are minor units of the trip's currency.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000006_create_trips::Trips;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Activities::Table)
                    .col(uuid(Activities::Id).primary_key())
                    .col(uuid(Activities::TripId))
                    .col(date(Activities::Day))
                    .col(time_null(Activities::StartTime))
                    .col(time_null(Activities::EndTime))
                    .col(boolean(Activities::EndsNextDay).default(false))
                    .col(string_len(Activities::Title, 120))
                    .col(string_len(Activities::Location, 200))
                    .col(text(Activities::Description))
                    .col(string_len(Activities::Category, 16))
                    .col(big_integer(Activities::CostMinor).default(0))
                    .col(integer(Activities::Position))
                    .col(double_null(Activities::Latitude))
                    .col(double_null(Activities::Longitude))
                    .col(timestamp_with_time_zone(Activities::CreatedAt))
                    .col(timestamp_with_time_zone(Activities::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("activities_trip_id_fkey")
                            .from(Activities::Table, Activities::TripId)
                            .to(Trips::Table, Trips::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("activities_trip_id_day_position_idx")
                    .table(Activities::Table)
                    .col(Activities::TripId)
                    .col(Activities::Day)
                    .col(Activities::Position)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Activities::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Activities {
    Table,
    Id,
    TripId,
    Day,
    StartTime,
    EndTime,
    EndsNextDay,
    Title,
    Location,
    Description,
    Category,
    CostMinor,
    Position,
    Latitude,
    Longitude,
    CreatedAt,
    UpdatedAt,
}
