//! `trip_members (user_id, end_date)`: the trips list's count ("12 upcoming trips") reads only
//! the entries it counts, each a traveler and a date. Before, it walked the list's index
//! `(user_id, start_date, trip_id, end_date, role)` — every one of the traveler's memberships,
//! past ones too — to test each entry's end date. An index only: the previous release runs
//! against it unchanged.

use sea_orm_migration::prelude::*;

use crate::m20261205_000015_trip_members::TripMembers;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "trip_members_user_id_end_date_idx";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(TripMembers::Table)
                    .col(TripMembers::UserId)
                    .col(MemberDates::EndDate)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(TripMembers::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum MemberDates {
    EndDate,
}
