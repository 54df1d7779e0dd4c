//! Weather from Open-Meteo-compatible APIs: the forecast API (the last week and the coming 16
//! days) and the archive API (any past dates). Daily values only, in °C and mm, for the local
//! days of the place (`timezone=auto`). Values outside what the earth's weather can be are
//! dropped, and an answer whose columns do not line up is refused.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use domain::{
    places::model::Point,
    providers::ProviderError,
    weather::{
        model::{DailyValues, FORECAST_DAYS, PAST_DAYS},
        service::WeatherSource,
    },
};
use serde::Deserialize;

use super::client::ProviderClient;

/// The most days one answer may hold (a year and a bit).
const DAYS_MAX: usize = 800;
/// How long one background call may take in all, retries included.
const CALL_TIMEOUT: Duration = Duration::from_secs(60);

pub struct WeatherProvider {
    pub forecast: Option<(ProviderClient, String)>,
    pub archive: Option<(ProviderClient, String)>,
}

#[derive(Deserialize)]
struct Answer {
    daily: Daily,
}

#[derive(Deserialize)]
struct Daily {
    time: Vec<NaiveDate>,
    #[serde(default)]
    weather_code: Vec<Option<f64>>,
    #[serde(default)]
    temperature_2m_max: Vec<Option<f64>>,
    #[serde(default)]
    temperature_2m_min: Vec<Option<f64>>,
    #[serde(default)]
    precipitation_sum: Vec<Option<f64>>,
    #[serde(default)]
    precipitation_probability_max: Vec<Option<f64>>,
}

fn within(value: Option<f64>, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite() && range.contains(v))
}

/// A whole number within `range` (codes and percentages).
fn whole(value: Option<f64>, range: std::ops::RangeInclusive<f64>) -> Option<i32> {
    // Checked to be within a small range first.
    #[allow(clippy::cast_possible_truncation)]
    within(value, range).map(|v| v.round() as i32)
}

impl Daily {
    fn into_values(self) -> Result<Vec<DailyValues>, ProviderError> {
        let days = self.time.len();
        let lined_up = [
            &self.weather_code,
            &self.temperature_2m_max,
            &self.temperature_2m_min,
            &self.precipitation_sum,
            &self.precipitation_probability_max,
        ]
        .iter()
        .all(|column| column.is_empty() || column.len() == days);
        if !lined_up || days > DAYS_MAX {
            return Err(ProviderError::Failed(
                "daily columns that do not line up".into(),
            ));
        }
        let at = |column: &[Option<f64>], i: usize| column.get(i).copied().flatten();
        Ok(self
            .time
            .iter()
            .enumerate()
            .map(|(i, date)| DailyValues {
                date: *date,
                code: whole(at(&self.weather_code, i), 0.0..=99.0),
                temp_max: within(at(&self.temperature_2m_max, i), -90.0..=60.0),
                temp_min: within(at(&self.temperature_2m_min, i), -90.0..=60.0),
                precipitation: within(at(&self.precipitation_sum, i), 0.0..=2_000.0),
                precipitation_chance: whole(
                    at(&self.precipitation_probability_max, i),
                    0.0..=100.0,
                ),
            })
            .collect())
    }
}

fn position(at: Point) -> [(&'static str, String); 2] {
    [
        ("latitude", format!("{:.2}", at.latitude)),
        ("longitude", format!("{:.2}", at.longitude)),
    ]
}

#[async_trait::async_trait]
impl WeatherSource for WeatherProvider {
    fn has_forecast(&self) -> bool {
        self.forecast.is_some()
    }

    fn has_history(&self) -> bool {
        self.archive.is_some()
    }

    async fn forecast(&self, at: Point) -> Result<Vec<DailyValues>, ProviderError> {
        let Some((client, url)) = &self.forecast else {
            return Err(ProviderError::Off);
        };
        let mut query = position(at).to_vec();
        query.extend([
            (
                "daily",
                "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max".to_string(),
            ),
            ("timezone", "auto".to_string()),
            ("past_days", PAST_DAYS.to_string()),
            ("forecast_days", FORECAST_DAYS.to_string()),
        ]);
        let answer: Answer = client
            .get_json(url, &query, Instant::now() + CALL_TIMEOUT)
            .await?;
        answer.daily.into_values()
    }

    async fn history(
        &self,
        at: Point,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DailyValues>, ProviderError> {
        let Some((client, url)) = &self.archive else {
            return Err(ProviderError::Off);
        };
        let mut query = position(at).to_vec();
        query.extend([
            ("start_date", from.to_string()),
            ("end_date", to.to_string()),
            (
                "daily",
                "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum".to_string(),
            ),
            ("timezone", "auto".to_string()),
        ]);
        let answer: Answer = client
            .get_json(url, &query, Instant::now() + CALL_TIMEOUT)
            .await?;
        answer.daily.into_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_columns_become_values_within_range() {
        let answer: Answer = serde_json::from_value(serde_json::json!({
            "latitude": 38.7, "longitude": -9.1,
            "daily": {
                "time": ["2027-03-03", "2027-03-04"],
                "weather_code": [61, 4000],
                "temperature_2m_max": [17.2, null],
                "temperature_2m_min": [11.0, -300],
                "precipitation_sum": [3.4, 0.0],
                "precipitation_probability_max": [80, 5]
            }
        }))
        .unwrap();
        let values = answer.daily.into_values().unwrap();
        assert_eq!(values[0].code, Some(61));
        assert_eq!(values[0].temp_max, Some(17.2));
        assert_eq!(values[0].precipitation_chance, Some(80));
        assert_eq!(values[1].code, None);
        assert_eq!(values[1].temp_max, None);
        assert_eq!(values[1].temp_min, None);
    }

    #[test]
    fn columns_that_do_not_line_up_are_refused() {
        let answer: Answer = serde_json::from_value(serde_json::json!({
            "daily": { "time": ["2027-03-03", "2027-03-04"], "temperature_2m_max": [17.2] }
        }))
        .unwrap();
        assert!(answer.daily.into_values().is_err());
    }
}
