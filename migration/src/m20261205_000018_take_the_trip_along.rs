//! Calendars that follow the trip. A feed is a secret address a calendar app polls: only a
//! SHA-256 of its token is stored, so neither a copy of the database nor a backup lets anyone
//! read a traveler's plans. A feed belongs to a traveler, and covers one trip or (with no trip)
//! every trip the traveler can reach; it goes with the traveler or the trip.
//!
//! Calendar apps replace an event they already hold only when its `SEQUENCE` grew, so trips and
//! activities count the changes of their time and place (`calendar_sequence`).

use sea_orm_migration::{prelude::*, schema::*};

use crate::{m20261129_000001_create_users::Users, m20261129_000006_create_trips::Trips};

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
                    .add_column(integer(Sequence::CalendarSequence).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .add_column(integer(Sequence::CalendarSequence).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(uuid(CalendarFeeds::Id).primary_key())
                    .col(uuid(CalendarFeeds::UserId))
                    .col(uuid_null(CalendarFeeds::TripId))
                    .col(string_len(CalendarFeeds::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("calendar_feeds_user_id_fkey")
                            .from(CalendarFeeds::Table, CalendarFeeds::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("calendar_feeds_trip_id_fkey")
                            .from(CalendarFeeds::Table, CalendarFeeds::TripId)
                            .to(Trips::Table, Trips::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("calendar_feeds_user_id_trip_id_idx")
                    .table(CalendarFeeds::Table)
                    .col(CalendarFeeds::UserId)
                    .col(CalendarFeeds::TripId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("calendar_feeds_trip_id_idx")
                    .table(CalendarFeeds::Table)
                    .col(CalendarFeeds::TripId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CalendarFeeds::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .drop_column(Sequence::CalendarSequence)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Trips::Table)
                    .drop_column(Sequence::CalendarSequence)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Activities {
    Table,
}

#[derive(DeriveIden)]
enum Sequence {
    CalendarSequence,
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    Id,
    UserId,
    TripId,
    TokenHash,
    CreatedAt,
}
