//! What outside providers answered, kept so that pages never wait on them and so that every
//! traveler and every instance shares one copy (the public services ask for exactly that):
//!
//! - `place_searches`: a search's results (provider ids, in order) by a digest of the search,
//!   never the words searched for; `places`: each result's details by provider id.
//! - `weather_days`: a day's weather at a place (a grid cell of about 10 km, `38.7,-9.1`):
//!   a forecast, what it was, or what is typical for the date.
//! - `travel_times`: the time and distance between two points on foot or by car.
//! - `provider_pace`: per provider, the earliest moment the next request may go out — the one
//!   place several instances agree on "at most one request per second".

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PlaceSearches::Table)
                    .col(string_len(PlaceSearches::Key, 64).primary_key())
                    .col(text(PlaceSearches::Results))
                    .col(timestamp_with_time_zone(PlaceSearches::FetchedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("place_searches_fetched_at_idx")
                    .table(PlaceSearches::Table)
                    .col(PlaceSearches::FetchedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Places::Table)
                    .col(string_len(Places::PlaceRef, 64).primary_key())
                    .col(string_len(Places::Name, 200))
                    .col(string_len(Places::Address, 300))
                    .col(string_len(Places::Kind, 32))
                    .col(double(Places::Latitude))
                    .col(double(Places::Longitude))
                    .col(timestamp_with_time_zone(Places::FetchedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WeatherDays::Table)
                    .col(string_len(WeatherDays::Cell, 16))
                    .col(date(WeatherDays::Day))
                    .col(string_len(WeatherDays::Kind, 16))
                    .col(integer_null(WeatherDays::Code))
                    .col(double_null(WeatherDays::TempMin))
                    .col(double_null(WeatherDays::TempMax))
                    .col(double_null(WeatherDays::Precipitation))
                    .col(integer_null(WeatherDays::PrecipitationChance))
                    .col(timestamp_with_time_zone(WeatherDays::FetchedAt))
                    .primary_key(Index::create().col(WeatherDays::Cell).col(WeatherDays::Day))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("weather_days_day_idx")
                    .table(WeatherDays::Table)
                    .col(WeatherDays::Day)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TravelTimes::Table)
                    .col(string_len(TravelTimes::Leg, 80).primary_key())
                    .col(integer_null(TravelTimes::Seconds))
                    .col(integer_null(TravelTimes::Meters))
                    .col(timestamp_with_time_zone(TravelTimes::FetchedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProviderPace::Table)
                    .col(string_len(ProviderPace::Provider, 32).primary_key())
                    .col(big_integer(ProviderPace::NextAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProviderPace::Table.into_iden(),
            TravelTimes::Table.into_iden(),
            WeatherDays::Table.into_iden(),
            Places::Table.into_iden(),
            PlaceSearches::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum PlaceSearches {
    Table,
    Key,
    Results,
    FetchedAt,
}

#[derive(DeriveIden)]
enum Places {
    Table,
    PlaceRef,
    Name,
    Address,
    Kind,
    Latitude,
    Longitude,
    FetchedAt,
}

#[derive(DeriveIden)]
enum WeatherDays {
    Table,
    Cell,
    Day,
    Kind,
    Code,
    TempMin,
    TempMax,
    Precipitation,
    PrecipitationChance,
    FetchedAt,
}

#[derive(DeriveIden)]
enum TravelTimes {
    Table,
    Leg,
    Seconds,
    Meters,
    FetchedAt,
}

#[derive(DeriveIden)]
enum ProviderPace {
    Table,
    Provider,
    NextAt,
}
