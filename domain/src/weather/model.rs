//! A day's weather at a place: the grid cell it is kept for, the three kinds (a forecast, what
//! it was, what is typical for the date), the sky in words, and how "typical" is worked out.

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::places::model::Point;

/// Days ahead a forecast covers (today included), as Open-Meteo's forecast API gives them.
pub const FORECAST_DAYS: i64 = 16;
/// Days back the forecast API also answers for (its best estimate of what the weather was).
pub const PAST_DAYS: i64 = 7;
/// Years of the same calendar window that make "typical for these dates".
pub const TYPICAL_YEARS: i32 = 5;
/// Days either side of a date counted as "the same dates" in past years.
pub const TYPICAL_WINDOW_DAYS: i64 = 3;
/// A day with at least this much precipitation (mm) counts as wet.
pub const WET_DAY_MM: f64 = 1.0;

/// A grid cell of a tenth of a degree (about 11 km north–south): weather is kept and asked
/// for per cell, so travelers near the same town share it, and a provider learns the town
/// rather than the hotel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cell {
    lat10: i32,
    lon10: i32,
}

impl Cell {
    /// The cell `point` is in.
    pub fn of(point: Point) -> Self {
        // Within ±90/±180, so tenths fit an i32 with room to spare.
        #[allow(clippy::cast_possible_truncation)]
        Self {
            lat10: (point.latitude * 10.0).round() as i32,
            lon10: (point.longitude * 10.0).round() as i32,
        }
    }

    /// Its key in the store, `38.7,-9.1`.
    pub fn key(&self) -> String {
        format!(
            "{:.1},{:.1}",
            self.center().latitude,
            self.center().longitude
        )
    }

    /// The cell a key names.
    pub fn parse(key: &str) -> Option<Self> {
        let (lat, lon) = key.split_once(',')?;
        Some(Self::of(Point::new(lat.parse().ok()?, lon.parse().ok()?)?))
    }

    /// Where weather is asked for: the middle of the cell.
    pub fn center(&self) -> Point {
        Point {
            latitude: f64::from(self.lat10) / 10.0,
            longitude: f64::from(self.lon10) / 10.0,
        }
    }
}

/// What a stored day's weather is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
pub enum WeatherKind {
    /// What is expected (up to [`FORECAST_DAYS`] ahead).
    Forecast,
    /// What it was.
    Observed,
    /// The average of the same dates over the last [`TYPICAL_YEARS`] years.
    Typical,
}

/// One day's weather in one cell, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayWeather {
    pub cell: String,
    pub date: NaiveDate,
    pub kind: WeatherKind,
    /// WMO weather code (none for typical days).
    pub code: Option<i32>,
    /// °C.
    pub temp_min: Option<f64>,
    pub temp_max: Option<f64>,
    /// mm.
    pub precipitation: Option<f64>,
    /// Percent: a forecast's chance of precipitation; for typical days, the share of wet days.
    pub precipitation_chance: Option<i32>,
}

/// One day as a weather provider gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyValues {
    pub date: NaiveDate,
    pub code: Option<i32>,
    pub temp_min: Option<f64>,
    pub temp_max: Option<f64>,
    pub precipitation: Option<f64>,
    pub precipitation_chance: Option<i32>,
}

/// The sky, in the groups people use (from the WMO code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sky {
    Clear,
    PartlyCloudy,
    Cloudy,
    Fog,
    Rain,
    Snow,
    Thunder,
}

/// The WMO code in words, and its sky.
pub fn describe(code: i32) -> Option<(&'static str, Sky)> {
    Some(match code {
        0 => ("Clear", Sky::Clear),
        1 => ("Mostly clear", Sky::Clear),
        2 => ("Partly cloudy", Sky::PartlyCloudy),
        3 => ("Overcast", Sky::Cloudy),
        45 | 48 => ("Fog", Sky::Fog),
        51 | 53 | 55 => ("Drizzle", Sky::Rain),
        56 | 57 => ("Freezing drizzle", Sky::Rain),
        61 => ("Light rain", Sky::Rain),
        63 => ("Rain", Sky::Rain),
        65 => ("Heavy rain", Sky::Rain),
        66 | 67 => ("Freezing rain", Sky::Rain),
        71 => ("Light snow", Sky::Snow),
        73 => ("Snow", Sky::Snow),
        75 => ("Heavy snow", Sky::Snow),
        77 => ("Snow grains", Sky::Snow),
        80 => ("Light showers", Sky::Rain),
        81 => ("Showers", Sky::Rain),
        82 => ("Heavy showers", Sky::Rain),
        85 | 86 => ("Snow showers", Sky::Snow),
        95 => ("Thunderstorm", Sky::Thunder),
        96 | 99 => ("Thunderstorm with hail", Sky::Thunder),
        _ => return None,
    })
}

/// The same calendar date `years` earlier (28 February for a 29th in a year without one).
fn years_before(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = date.year() - years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
}

/// The past date ranges whose values make "typical" for `dates`: per year, the dates' span
/// widened by [`TYPICAL_WINDOW_DAYS`] each side.
pub fn typical_windows(dates: &[NaiveDate]) -> Vec<(NaiveDate, NaiveDate)> {
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let widen = TimeDelta::days(TYPICAL_WINDOW_DAYS);
    (1..=TYPICAL_YEARS)
        .filter_map(|years| {
            Some((
                years_before(*first, years)? - widen,
                years_before(*last, years)? + widen,
            ))
        })
        .collect()
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0u32), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| (sum / f64::from(count) * 10.0).round() / 10.0)
}

/// What is typical for each of `dates` in `cell`, from `history` (daily values of past years):
/// the mean of each value over the same calendar window in each year, and the share of wet
/// days. A date without any past value is left out.
pub fn typical(cell: Cell, dates: &[NaiveDate], history: &[DailyValues]) -> Vec<DayWeather> {
    dates
        .iter()
        .filter_map(|date| {
            let same_dates: Vec<&DailyValues> = history
                .iter()
                .filter(|day| {
                    (1..=TYPICAL_YEARS).any(|years| {
                        years_before(*date, years).is_some_and(|then| {
                            (day.date - then).num_days().abs() <= TYPICAL_WINDOW_DAYS
                        })
                    })
                })
                .collect();
            let precipitation: Vec<f64> =
                same_dates.iter().filter_map(|d| d.precipitation).collect();
            let wet = precipitation.iter().filter(|mm| **mm >= WET_DAY_MM).count();
            let chance = (!precipitation.is_empty())
                .then(|| i32::try_from(wet * 100 / precipitation.len()).unwrap_or(100));
            let day = DayWeather {
                cell: cell.key(),
                date: *date,
                kind: WeatherKind::Typical,
                code: None,
                temp_min: mean(same_dates.iter().filter_map(|d| d.temp_min)),
                temp_max: mean(same_dates.iter().filter_map(|d| d.temp_max)),
                precipitation: mean(precipitation.iter().copied()),
                precipitation_chance: chance,
            };
            (day.temp_max.is_some() || day.precipitation.is_some()).then_some(day)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        crate::calendar::parse_date(text).unwrap()
    }

    #[test]
    fn cells_are_tenths_of_a_degree() {
        let cell = Cell::of(Point::new(38.7223, -9.1393).unwrap());
        assert_eq!(cell.key(), "38.7,-9.1");
        assert_eq!(Cell::parse("38.7,-9.1"), Some(cell));
        assert_eq!(Cell::of(Point::new(-0.04, 0.05).unwrap()).key(), "0.0,0.1");
        assert_eq!(Cell::parse("x"), None);
        assert_eq!(Cell::parse("91.0,0"), None);
    }

    #[test]
    fn codes_read_as_words() {
        assert_eq!(describe(0), Some(("Clear", Sky::Clear)));
        assert_eq!(describe(63).map(|d| d.0), Some("Rain"));
        assert_eq!(describe(96).map(|d| d.1), Some(Sky::Thunder));
        assert_eq!(describe(4), None);
    }

    #[test]
    fn typical_is_the_mean_of_the_same_dates_in_past_years() {
        let cell = Cell::of(Point::new(38.7, -9.1).unwrap());
        let day = |text: &str, min: f64, max: f64, mm: f64| DailyValues {
            date: date(text),
            code: Some(3),
            temp_min: Some(min),
            temp_max: Some(max),
            precipitation: Some(mm),
            precipitation_chance: None,
        };
        let history = vec![
            day("2026-05-10", 10.0, 20.0, 0.0),
            day("2025-05-12", 12.0, 22.0, 4.0),
            day("2024-05-07", 14.0, 24.0, 0.5),
            // Outside the window (more than three days off): not counted.
            day("2023-05-20", 40.0, 40.0, 40.0),
        ];
        let typical = typical(cell, &[date("2027-05-10"), date("2027-09-01")], &history);
        assert_eq!(typical.len(), 1, "no past values for September");
        let may = &typical[0];
        assert_eq!(may.kind, WeatherKind::Typical);
        assert_eq!(may.temp_min, Some(12.0));
        assert_eq!(may.temp_max, Some(22.0));
        assert_eq!(may.precipitation, Some(1.5));
        assert_eq!(may.precipitation_chance, Some(33));
        assert_eq!(may.cell, "38.7,-9.1");
    }

    #[test]
    fn the_windows_cover_each_past_year_around_the_dates() {
        let windows = typical_windows(&[date("2028-02-29"), date("2028-03-02")]);
        assert_eq!(windows.len(), 5);
        assert_eq!(windows[0], (date("2027-02-25"), date("2027-03-05")));
        assert_eq!(windows[3], (date("2024-02-26"), date("2024-03-05")));
        assert!(typical_windows(&[]).is_empty());
    }
}
