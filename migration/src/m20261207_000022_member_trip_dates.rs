//! Every membership carries its trip's dates, so a traveler's trips list is read from one index
//! in the order it shows them. Before, the list found the traveler's trips through their
//! memberships, then counted and sorted all of them to show twenty: a cost that grew with the
//! account (a 5,000-trip account's list took 13× a one-trip account's).
//!
//! `trip_members.start_date`/`end_date` are copies of the trip's, kept by the database itself:
//! a trigger fills them when a membership is added and another copies a trip's new dates to its
//! memberships when they change. No code path has to remember them — including the previous
//! release, which writes memberships without these columns (the expand step of the migration
//! rule: the old binary keeps working against this schema). The index
//! `(user_id, start_date, trip_id, end_date, role)` answers the list's page and count without
//! reading a table row.
//!
//! And `trips (owner_id, created_at)`: a new trip's currency is that of the latest trip the
//! traveler created, one step down this index instead of a sort of all their trips.

use sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::{m20261129_000006_create_trips::Trips, m20261205_000015_trip_members::TripMembers};

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "trip_members_user_id_start_date_idx";
const OWNER_INDEX: &str = "trips_owner_id_created_at_idx";

const SQLITE_UP: &[&str] = &[
    "UPDATE trip_members SET start_date = (SELECT start_date FROM trips WHERE trips.id = trip_members.trip_id), \
     end_date = (SELECT end_date FROM trips WHERE trips.id = trip_members.trip_id)",
    "CREATE TRIGGER trip_members_take_trip_dates AFTER INSERT ON trip_members BEGIN \
     UPDATE trip_members SET start_date = (SELECT start_date FROM trips WHERE trips.id = NEW.trip_id), \
     end_date = (SELECT end_date FROM trips WHERE trips.id = NEW.trip_id) \
     WHERE trip_id = NEW.trip_id AND user_id = NEW.user_id; END",
    "CREATE TRIGGER trips_give_members_dates AFTER UPDATE OF start_date, end_date ON trips BEGIN \
     UPDATE trip_members SET start_date = NEW.start_date, end_date = NEW.end_date \
     WHERE trip_id = NEW.id; END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS trips_give_members_dates",
    "DROP TRIGGER IF EXISTS trip_members_take_trip_dates",
];

const POSTGRES_UP: &[&str] = &[
    "UPDATE trip_members SET start_date = trips.start_date, end_date = trips.end_date \
     FROM trips WHERE trips.id = trip_members.trip_id",
    "CREATE FUNCTION trip_members_take_trip_dates() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN SELECT start_date, end_date INTO NEW.start_date, NEW.end_date FROM trips \
     WHERE id = NEW.trip_id; RETURN NEW; END $$",
    "CREATE TRIGGER trip_members_take_trip_dates BEFORE INSERT ON trip_members \
     FOR EACH ROW EXECUTE FUNCTION trip_members_take_trip_dates()",
    "CREATE FUNCTION trips_give_members_dates() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN UPDATE trip_members SET start_date = NEW.start_date, end_date = NEW.end_date \
     WHERE trip_id = NEW.id; RETURN NULL; END $$",
    "CREATE TRIGGER trips_give_members_dates AFTER UPDATE OF start_date, end_date ON trips \
     FOR EACH ROW WHEN (OLD.start_date IS DISTINCT FROM NEW.start_date \
     OR OLD.end_date IS DISTINCT FROM NEW.end_date) EXECUTE FUNCTION trips_give_members_dates()",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS trips_give_members_dates ON trips",
    "DROP FUNCTION IF EXISTS trips_give_members_dates()",
    "DROP TRIGGER IF EXISTS trip_members_take_trip_dates ON trip_members",
    "DROP FUNCTION IF EXISTS trip_members_take_trip_dates()",
];

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(statement).await?;
    }
    Ok(())
}

fn by_backend<'a>(
    manager: &SchemaManager<'_>,
    sqlite: &'a [&'a str],
    postgres: &'a [&'a str],
) -> &'a [&'a str] {
    match manager.get_database_backend() {
        DbBackend::Postgres => postgres,
        _ => sqlite,
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds columns one at a time.
        for column in [TripDates::StartDate, TripDates::EndDate] {
            manager
                .alter_table(
                    Table::alter()
                        .table(TripMembers::Table)
                        .add_column(date_null(column))
                        .to_owned(),
                )
                .await?;
        }
        run(manager, by_backend(manager, SQLITE_UP, POSTGRES_UP)).await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(TripMembers::Table)
                    .col(TripMembers::UserId)
                    .col(TripDates::StartDate)
                    .col(TripMembers::TripId)
                    .col(TripDates::EndDate)
                    .col(TripMembers::Role)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(OWNER_INDEX)
                    .table(Trips::Table)
                    .col(Trips::OwnerId)
                    .col(Trips::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(OWNER_INDEX)
                    .table(Trips::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(TripMembers::Table)
                    .to_owned(),
            )
            .await?;
        run(manager, by_backend(manager, SQLITE_DOWN, POSTGRES_DOWN)).await?;
        for column in [TripDates::EndDate, TripDates::StartDate] {
            manager
                .alter_table(
                    Table::alter()
                        .table(TripMembers::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum TripDates {
    StartDate,
    EndDate,
}
