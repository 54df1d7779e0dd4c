//! A day's weather in one line: what kind it is (a forecast, what it was, what is typical),
//! the sky, the temperatures and the rain — and where, when that is not the trip's own place.

use domain::weather::model::{DayWeather, Sky, WeatherKind, describe};
use i18n::{Language, tr};
use leptos::prelude::*;

/// `3.4`, `3,4`: millimetres to one decimal. English as the pages always wrote it.
// Rain in a day fits an i64 comfortably.
#[allow(clippy::cast_possible_truncation)]
fn tenths(l: Language, value: f64) -> String {
    match l {
        Language::En => format!("{value:.1}"),
        Language::De | Language::Fr => i18n::format::decimal(l, (value * 10.0).round() as i64, 1),
    }
}

/// `13–17 °C`, or one end when the other is missing.
fn temperatures(l: Language, day: &DayWeather) -> Option<String> {
    // Temperatures on earth fit an i32 comfortably.
    #[allow(clippy::cast_possible_truncation)]
    let round = |t: f64| t.round() as i32;
    match (day.temp_min.map(round), day.temp_max.map(round)) {
        (Some(min), Some(max)) => Some(tr!(l, "plan-weather-temperatures", min = min, max = max)),
        (None, Some(max)) => Some(tr!(l, "plan-weather-up-to", max = max)),
        (Some(min), None) => Some(tr!(l, "plan-weather-from", min = min)),
        (None, None) => None,
    }
}

/// The rain in words.
fn rain(l: Language, day: &DayWeather) -> Option<String> {
    let mm = day.precipitation?;
    Some(match day.kind {
        WeatherKind::Typical => match day.precipitation_chance {
            Some(share) => {
                let days = (share + 5) / 10;
                match days {
                    0 => tr!(l, "plan-weather-usually-dry"),
                    10 => tr!(l, "plan-weather-wet-most-days"),
                    n => tr!(l, "plan-weather-rain-days", days = n),
                }
            }
            None => tr!(l, "plan-weather-mm-a-day", mm = tenths(l, mm)),
        },
        _ if mm < 0.1 => tr!(l, "plan-weather-dry"),
        WeatherKind::Forecast => match day.precipitation_chance {
            Some(chance) => tr!(
                l,
                "plan-weather-mm-chance",
                mm = tenths(l, mm),
                chance = chance
            ),
            None => tr!(l, "plan-weather-mm", mm = tenths(l, mm)),
        },
        WeatherKind::Observed => tr!(l, "plan-weather-mm", mm = tenths(l, mm)),
    })
}

/// The line's label for the kind of weather, with its colon.
fn label(l: Language, kind: WeatherKind) -> String {
    match kind {
        WeatherKind::Forecast => tr!(l, "plan-weather-forecast"),
        WeatherKind::Observed => tr!(l, "plan-weather-observed"),
        WeatherKind::Typical => tr!(l, "plan-weather-typical"),
    }
}

/// The sky of a WMO weather code in words (the core names them in English: [`describe`]).
fn sky_words(l: Language, code: i32) -> Option<String> {
    let english = describe(code)?.0;
    Some(match code {
        0 => tr!(l, "plan-sky-clear"),
        1 => tr!(l, "plan-sky-mostly-clear"),
        2 => tr!(l, "plan-sky-partly-cloudy"),
        3 => tr!(l, "plan-sky-overcast"),
        45 | 48 => tr!(l, "plan-sky-fog"),
        51 | 53 | 55 => tr!(l, "plan-sky-drizzle"),
        56 | 57 => tr!(l, "plan-sky-freezing-drizzle"),
        61 => tr!(l, "plan-sky-light-rain"),
        63 => tr!(l, "plan-sky-rain"),
        65 => tr!(l, "plan-sky-heavy-rain"),
        66 | 67 => tr!(l, "plan-sky-freezing-rain"),
        71 => tr!(l, "plan-sky-light-snow"),
        73 => tr!(l, "plan-sky-snow"),
        75 => tr!(l, "plan-sky-heavy-snow"),
        77 => tr!(l, "plan-sky-snow-grains"),
        80 => tr!(l, "plan-sky-light-showers"),
        81 => tr!(l, "plan-sky-showers"),
        82 => tr!(l, "plan-sky-heavy-showers"),
        85 | 86 => tr!(l, "plan-sky-snow-showers"),
        95 => tr!(l, "plan-sky-thunderstorm"),
        96 | 99 => tr!(l, "plan-sky-thunderstorm-hail"),
        // A code the core learnt to describe since: its English words.
        _ => english.to_string(),
    })
}

/// The weather line of a day; `place` names where it is taken when that is not the trip's
/// destination.
pub fn weather_line(l: Language, day: &DayWeather, place: Option<String>) -> impl IntoView + use<> {
    let sky = day.code.and_then(describe).map(|(_, sky)| sky);
    let words: Vec<String> = [
        day.code.and_then(|code| sky_words(l, code)),
        temperatures(l, day),
        rain(l, day),
        place.map(|place| tr!(l, "plan-weather-at", place = place)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let icon = sky.unwrap_or(match day.kind {
        WeatherKind::Typical => Sky::PartlyCloudy,
        _ => Sky::Cloudy,
    });
    view! {
        <p class=format!("day__weather day__weather--{}", <&str>::from(day.kind))>
            <SkyIcon sky=icon/>
            <span class="day__weather-label">{format!("{} ", label(l, day.kind))}</span>
            {words.join(" · ")}
        </p>
    }
}

/// A small picture of the sky. Decorative: the words say it.
#[component]
fn SkyIcon(sky: Sky) -> impl IntoView {
    let paths: &[&str] = match sky {
        Sky::Clear => &[
            "M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 1 0 0-7z",
            "M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8",
        ],
        Sky::PartlyCloudy => &[
            "M8 4.5v1.5M3.5 9H5M4.8 5.8l1 1M11.2 5.8l-1 1",
            "M5.6 11.2a3 3 0 1 1 5.2-2.9",
            "M7.5 19.5h10a3.5 3.5 0 0 0 .3-7 5 5 0 0 0-9.6.9A3 3 0 0 0 7.5 19.5z",
        ],
        Sky::Cloudy => {
            &["M6.5 18.5h11a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6 1A3.5 3.5 0 0 0 6.5 18.5z"]
        }
        Sky::Fog => &["M4 9h16M3 13h18M5 17h14"],
        Sky::Rain => &[
            "M6.5 14.5h11a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6 1A3.5 3.5 0 0 0 6.5 14.5z",
            "M8 17.5l-1 2.5M12 17.5l-1 2.5M16 17.5l-1 2.5",
        ],
        Sky::Snow => &[
            "M6.5 14.5h11a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6 1A3.5 3.5 0 0 0 6.5 14.5z",
            "M8 18h.01M12 19.5h.01M16 18h.01M10 21h.01M14 21h.01",
        ],
        Sky::Thunder => &[
            "M6.5 14.5h11a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6 1A3.5 3.5 0 0 0 6.5 14.5z",
            "M12.5 15l-2 3.5h3l-2 3.5",
        ],
    };
    let paths = paths.iter().map(|d| view! { <path d=*d/> }).collect_view();
    view! {
        <svg class="icon day__weather-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{paths}</svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(kind: WeatherKind) -> DayWeather {
        DayWeather {
            cell: "38.7,-9.1".into(),
            date: chrono::NaiveDate::from_ymd_opt(2027, 3, 4).unwrap(),
            kind,
            code: Some(61),
            temp_min: Some(12.6),
            temp_max: Some(17.2),
            precipitation: Some(3.44),
            precipitation_chance: Some(80),
        }
    }

    #[test]
    fn each_kind_says_what_it_is() {
        let forecast = weather_line(Language::En, &day(WeatherKind::Forecast), None).to_html();
        assert!(forecast.contains("Forecast: "), "{forecast}");
        assert!(
            forecast.contains("Light rain · 13–17 °C · 3.4 mm, 80 % chance"),
            "{forecast}"
        );
        let past = weather_line(
            Language::En,
            &day(WeatherKind::Observed),
            Some("Sintra".into()),
        )
        .to_html();
        assert!(past.contains("On the day: "), "{past}");
        assert!(past.contains("3.4 mm · at Sintra"), "{past}");
        let typical = DayWeather {
            code: None,
            precipitation_chance: Some(33),
            ..day(WeatherKind::Typical)
        };
        let typical = weather_line(Language::En, &typical, None).to_html();
        assert!(typical.contains("Typical for these dates: "), "{typical}");
        assert!(
            typical.contains("13–17 °C · rain on about 3 days in 10"),
            "{typical}"
        );
        let dry = DayWeather {
            precipitation: Some(0.0),
            ..day(WeatherKind::Forecast)
        };
        assert!(
            weather_line(Language::En, &dry, None)
                .to_html()
                .contains("· dry")
        );
        let german = weather_line(Language::De, &day(WeatherKind::Forecast), None).to_html();
        assert!(
            german.contains("Leichter Regen · 13–17\u{a0}°C · 3,4\u{a0}mm, Regenrisiko 80\u{a0}%"),
            "{german}"
        );
    }
}
