//! Real places on activities and on a trip's destination: the name and address a place search
//! gave, the provider's id for it (`osm:node/123`), and for trips the coordinates (activities
//! already had theirs). Empty text means no place was picked; the free-text `location` and
//! `destination` stay what the traveler typed.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000006_create_trips::Trips;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns each table gets. SQLite changes one column per `ALTER TABLE`.
fn text_columns() -> [(Place, u32); 3] {
    [
        (Place::PlaceName, 200),
        (Place::PlaceAddress, 300),
        (Place::PlaceRef, 64),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Trips::Table.into_iden(), Activities::Table.into_iden()] {
            for (column, length) in text_columns() {
                manager
                    .alter_table(
                        Table::alter()
                            .table(table.clone())
                            .add_column(string_len(column, length).default(""))
                            .to_owned(),
                    )
                    .await?;
            }
        }
        for column in [Place::Latitude, Place::Longitude] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Trips::Table)
                        .add_column(double_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Place::Latitude, Place::Longitude] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Trips::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [Trips::Table.into_iden(), Activities::Table.into_iden()] {
            for (column, _) in text_columns() {
                manager
                    .alter_table(
                        Table::alter()
                            .table(table.clone())
                            .drop_column(column)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Activities {
    Table,
}

/// The place's columns, shared by both tables (named as the columns are).
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden, Clone, Copy)]
enum Place {
    PlaceName,
    PlaceAddress,
    PlaceRef,
    Latitude,
    Longitude,
}
