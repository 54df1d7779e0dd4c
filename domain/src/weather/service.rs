//! Weather in the database: what pages read (one statement for a whole trip), and the refresh
//! that fills it from a provider — forecasts for the coming days, what it was for past days,
//! and "typical for these dates" for days beyond the forecast.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::OnConflict,
};

use super::model::{
    Cell, DailyValues, DayWeather, FORECAST_DAYS, PAST_DAYS, WeatherKind, typical, typical_windows,
};
use crate::{entities::weather_days, places::model::Point, providers::ProviderError};

/// Stored days not refreshed for this long are deleted.
const KEEP_DAYS: i64 = 400;

/// A weather provider (Open-Meteo's forecast and archive APIs).
#[async_trait::async_trait]
pub trait WeatherSource: Send + Sync {
    /// Whether forecasts can be asked for.
    fn has_forecast(&self) -> bool;
    /// Whether past days can be asked for.
    fn has_history(&self) -> bool;

    /// Daily values from [`PAST_DAYS`] ago to [`FORECAST_DAYS`] ahead at `at`.
    ///
    /// # Errors
    /// The provider is off, failing or too slow.
    async fn forecast(&self, at: Point) -> Result<Vec<DailyValues>, ProviderError>;

    /// Daily values that were measured at `at` from `from` to `to`.
    ///
    /// # Errors
    /// The provider is off, failing or too slow.
    async fn history(
        &self,
        at: Point,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DailyValues>, ProviderError>;
}

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The first and last day the forecast API answers for, seen from `today`.
pub fn forecast_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (
        today - TimeDelta::days(PAST_DAYS),
        today + TimeDelta::days(FORECAST_DAYS - 1),
    )
}

fn day_of(row: weather_days::Model) -> Option<DayWeather> {
    Some(DayWeather {
        kind: row.kind.parse().ok()?,
        cell: row.cell,
        date: row.day,
        code: row.code,
        temp_min: row.temp_min,
        temp_max: row.temp_max,
        precipitation: row.precipitation,
        precipitation_chance: row.precipitation_chance,
    })
}

/// The stored days of `cells` from `from` to `to`, by cell and date. One statement.
pub async fn read(
    db: &impl ConnectionTrait,
    cells: &[String],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayWeather>, DbErr> {
    if cells.is_empty() {
        return Ok(Vec::new());
    }
    Ok(weather_days::Entity::find()
        .filter(weather_days::Column::Cell.is_in(cells.iter().cloned()))
        .filter(weather_days::Column::Day.between(from, to))
        .order_by_asc(weather_days::Column::Cell)
        .order_by_asc(weather_days::Column::Day)
        .all(db)
        .await?
        .into_iter()
        .filter_map(day_of)
        .collect())
}

/// Keeps `days` (replacing what was stored for the same cell and date).
pub async fn store(
    db: &impl ConnectionTrait,
    days: &[DayWeather],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    // Bounded statements: a year of days is one insert on SQLite's variable limit.
    for chunk in days.chunks(100) {
        let rows = chunk.iter().map(|day| weather_days::ActiveModel {
            cell: Set(day.cell.clone()),
            day: Set(day.date),
            kind: Set(<&str>::from(day.kind).to_string()),
            code: Set(day.code),
            temp_min: Set(day.temp_min),
            temp_max: Set(day.temp_max),
            precipitation: Set(day.precipitation),
            precipitation_chance: Set(day.precipitation_chance),
            fetched_at: Set(now),
        });
        weather_days::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([weather_days::Column::Cell, weather_days::Column::Day])
                    .update_columns([
                        weather_days::Column::Kind,
                        weather_days::Column::Code,
                        weather_days::Column::TempMin,
                        weather_days::Column::TempMax,
                        weather_days::Column::Precipitation,
                        weather_days::Column::PrecipitationChance,
                        weather_days::Column::FetchedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Stored values of `cell` as `kind`, or — within the forecast window — forecast for days
/// from `today` on and observed before it.
fn as_days(
    cell: Cell,
    values: Vec<DailyValues>,
    kind: impl Fn(NaiveDate) -> WeatherKind,
) -> Vec<DayWeather> {
    values
        .into_iter()
        .filter(|v| v.temp_max.is_some() || v.code.is_some() || v.precipitation.is_some())
        .map(|v| DayWeather {
            cell: cell.key(),
            kind: kind(v.date),
            date: v.date,
            code: v.code,
            temp_min: v.temp_min,
            temp_max: v.temp_max,
            precipitation: v.precipitation,
            precipitation_chance: v.precipitation_chance,
        })
        .collect()
}

/// Asks `source` for the weather of `cell` on `dates` and keeps it: the forecast (and the
/// last week) when any date is within its window, the archive for earlier dates, and the
/// archive's past years for "typical" beyond the forecast. Every part is tried; the first
/// failure is returned.
///
/// # Errors
/// A provider or the database failed (what was fetched before is kept).
pub async fn refresh(
    db: &impl ConnectionTrait,
    source: &dyn WeatherSource,
    cell: Cell,
    dates: &[NaiveDate],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), RefreshError> {
    let (first, last) = forecast_window(today);
    let mut failure: Option<RefreshError> = None;
    let mut keep = |result: Result<(), RefreshError>| {
        if let Err(error) = result {
            failure.get_or_insert(error);
        }
    };
    if source.has_forecast() && dates.iter().any(|d| (first..=last).contains(d)) {
        let result = async {
            let values = source.forecast(cell.center()).await?;
            let window: Vec<DailyValues> = values
                .into_iter()
                .filter(|v| (first..=last).contains(&v.date))
                .collect();
            let days = as_days(cell, window, |date| {
                if date < today {
                    WeatherKind::Observed
                } else {
                    WeatherKind::Forecast
                }
            });
            store(db, &days, now).await?;
            Ok(())
        }
        .await;
        keep(result);
    }
    let earlier: Vec<NaiveDate> = dates.iter().copied().filter(|d| *d < first).collect();
    if source.has_history()
        && let (Some(from), Some(to)) = (earlier.iter().min(), earlier.iter().max())
    {
        let result = async {
            let values = source.history(cell.center(), *from, *to).await?;
            let days = as_days(cell, values, |_| WeatherKind::Observed);
            store(db, &days, now).await?;
            Ok(())
        }
        .await;
        keep(result);
    }
    let later: Vec<NaiveDate> = dates.iter().copied().filter(|d| *d > last).collect();
    if source.has_history() && !later.is_empty() {
        let result = async {
            let mut history = Vec::new();
            for (from, to) in typical_windows(&later) {
                history.extend(source.history(cell.center(), from, to).await?);
            }
            store(db, &typical(cell, &later, &history), now).await?;
            Ok(())
        }
        .await;
        keep(result);
    }
    failure.map_or(Ok(()), Err)
}

/// The cells whose stored days within the forecast window are older than `stale_before`: what
/// the hourly refresh asks the forecast for again.
pub async fn due(
    db: &impl ConnectionTrait,
    today: NaiveDate,
    stale_before: DateTime<Utc>,
) -> Result<Vec<Cell>, DbErr> {
    let (first, last) = forecast_window(today);
    let cells: Vec<String> = weather_days::Entity::find()
        .select_only()
        .column(weather_days::Column::Cell)
        .distinct()
        .filter(weather_days::Column::Day.between(first, last))
        .filter(weather_days::Column::FetchedAt.lt(stale_before))
        .into_tuple()
        .all(db)
        .await?;
    Ok(cells.iter().filter_map(|key| Cell::parse(key)).collect())
}

/// Deletes days nobody has refreshed for a long time (trips long past or deleted).
pub async fn delete_stale(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    weather_days::Entity::delete_many()
        .filter(weather_days::Column::FetchedAt.lt(now - TimeDelta::days(KEEP_DAYS)))
        .exec(db)
        .await?;
    Ok(())
}
