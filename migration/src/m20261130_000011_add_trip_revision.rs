//! A trip's revision: a counter bumped in the same transaction as every change to the trip or
//! to anything planned in it. A page rendered from revision N is still right while the row
//! says N, without reading the activities again.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000006_create_trips::Trips;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Trips::Table)
                    .add_column(big_integer(TripRevision::Revision).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Trips::Table)
                    .drop_column(TripRevision::Revision)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum TripRevision {
    Revision,
}
