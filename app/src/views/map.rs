//! The plan on a map: the panel beside the plan (an SVG sketch that works without JavaScript,
//! the interactive map over it with JavaScript, and a numbered list of the places with links
//! to open each in OpenStreetMap or a phone's map app), and what the plan's days and
//! activities show from it — marker numbers, the way from the previous place, the weather.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    ids::ActivityId,
    map::TripMap,
    places::{
        model::Point,
        travel::{Mode, Route},
    },
    weather::model::DayWeather,
};
use i18n::{Language, tr};
use leptos::prelude::*;

use crate::{
    actions::places::Stored,
    context::lang,
    providers::{Credit, MAP_PAGE_HEADER, Tiles},
    views::sketch::{Dot, Sketch},
};

/// Marks the response as a page with a map (see [`MAP_PAGE_HEADER`]).
pub fn allow_map_tiles() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::HeaderName::from_static(MAP_PAGE_HEADER),
            http::HeaderValue::from_static("1"),
        );
    }
}

/// The vendored Leaflet (see `public/vendor/`), loaded by `map.js` only when a map is shown.
pub(crate) const LEAFLET: &str = "/vendor/leaflet-1.9.4";

/// The way from the previous place of the day to an activity's.
#[derive(Debug, Clone, PartialEq)]
pub struct LegLine {
    pub from_title: String,
    pub distance_m: f64,
    /// The provider's travel time, when it is known.
    pub route: Option<(Mode, Route)>,
    pub gap_minutes: Option<i64>,
}

/// What the plan's days and activities show from the map and the stores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanExtras {
    /// The marker number and day index of each activity with a place.
    pub numbers: HashMap<ActivityId, (u32, usize)>,
    pub legs: HashMap<ActivityId, LegLine>,
    /// Each day's weather, and where it was taken when that is not the trip's destination.
    pub weather: HashMap<NaiveDate, (DayWeather, Option<String>)>,
}

impl PlanExtras {
    pub fn new(map: &TripMap, stored: &Stored) -> Self {
        let routes: HashMap<&str, Option<Route>> = stored
            .travel
            .iter()
            .map(|t| (t.leg.as_str(), t.route))
            .collect();
        let legs = map
            .legs
            .iter()
            .map(|planned| {
                let route = planned.leg.and_then(|leg| {
                    routes
                        .get(leg.key().as_str())
                        .copied()
                        .flatten()
                        .map(|route| (leg.mode, route))
                });
                (
                    planned.to,
                    LegLine {
                        from_title: planned.from_title.clone(),
                        distance_m: planned.distance_m,
                        route,
                        gap_minutes: planned.gap_minutes,
                    },
                )
            })
            .collect();
        let by_cell: HashMap<(String, NaiveDate), &DayWeather> = stored
            .weather
            .iter()
            .map(|day| ((day.cell.clone(), day.date), day))
            .collect();
        let destination = map.destination.as_ref().map(|(name, _)| name.as_str());
        let weather = map
            .weather
            .iter()
            .filter_map(|spot| {
                let day = by_cell.get(&(spot.cell.key(), spot.date))?;
                let place = (Some(spot.place.as_str()) != destination).then(|| spot.place.clone());
                Some((spot.date, ((*day).clone(), place)))
            })
            .collect();
        Self {
            numbers: map.numbers(),
            legs,
            weather,
        }
    }
}

/// `650 m`, `1.2 km`, `14 km`; `1,2 km` in German and French.
// Distances on earth fit an i64 comfortably.
#[allow(clippy::cast_possible_truncation)]
pub fn distance(l: Language, meters: f64) -> String {
    match l {
        // As the pages always wrote it.
        Language::En => {
            if meters < 950.0 {
                format!("{} m", ((meters / 10.0).round() * 10.0).max(10.0))
            } else if meters < 9_950.0 {
                format!("{:.1} km", meters / 1000.0)
            } else {
                format!("{:.0} km", meters / 1000.0)
            }
        }
        Language::De | Language::Fr => {
            let (number, exponent, unit) = if meters < 950.0 {
                (((meters / 10.0).round() * 10.0).max(10.0), 0, "m")
            } else if meters < 9_950.0 {
                ((meters / 100.0).round(), 1, "km")
            } else {
                ((meters / 1000.0).round(), 0, "km")
            };
            format!(
                "{}\u{a0}{unit}",
                i18n::format::decimal(l, number as i64, exponent)
            )
        }
    }
}

/// `about 15 min`, `about 1 h 20 min`.
fn duration(l: Language, seconds: i32) -> String {
    let minutes = (seconds + 59) / 60;
    match (minutes / 60, minutes % 60) {
        (0, m) => tr!(l, "plan-leg-minutes", minutes = m.max(1)),
        (h, 0) => tr!(l, "plan-leg-hours", hours = h),
        (h, m) => tr!(l, "plan-leg-hours-minutes", hours = h, minutes = m),
    }
}

/// `about 25 min by car`.
fn way(l: Language, mode: Mode, seconds: i32) -> String {
    let duration = duration(l, seconds);
    match mode {
        Mode::Foot => tr!(l, "plan-leg-on-foot", duration = duration),
        Mode::Car => tr!(l, "plan-leg-by-car", duration = duration),
    }
}

/// The line above an activity: how far from the previous place and, with a routing provider,
/// how long it takes — with a warning when the plan leaves less time than that.
pub fn leg_line(l: Language, leg: &LegLine) -> impl IntoView + use<> {
    let distance = distance(l, leg.distance_m);
    let from = leg.from_title.as_str();
    let text = match leg.route {
        Some((mode, route)) => tr!(
            l,
            "plan-leg-routed",
            distance = distance,
            from = from,
            way = way(l, mode, route.seconds)
        ),
        None => tr!(l, "plan-leg-straight", distance = distance, from = from),
    };
    let tight = match (leg.route, leg.gap_minutes) {
        (Some((mode, route)), Some(gap)) if gap >= 0 && i64::from(route.seconds) > gap * 60 => {
            Some(tr!(
                l,
                "plan-leg-tight",
                gap = gap,
                from = from,
                way = way(l, mode, route.seconds)
            ))
        }
        _ => None,
    };
    view! {
        <p class="activity__leg"><span aria-hidden="true">"↓ "</span>{text}</p>
        {tight.map(|warning| view! {
            <p class="activity__leg activity__leg--tight">
                <span class="visually-hidden">{format!("{} ", tr!(l, "plan-leg-warning"))}</span>{warning}
            </p>
        })}
    }
}

/// An activity's marker number, coloured as its day on the map.
pub fn marker_number(l: Language, number: u32, day: usize) -> impl IntoView + use<> {
    view! {
        <span class=format!("map-number map-day-{}", day % 8)
            title=tr!(l, "plan-map-number-title", number = number)>
            <span class="visually-hidden">{format!("{} ", tr!(l, "plan-map-number"))}</span>{number}
        </span>
    }
}

/// One place in the list beside the map, with its links.
fn legend_item(
    l: Language,
    number: Option<(u32, usize)>,
    title: String,
    place: String,
    point: Point,
) -> impl IntoView {
    let name = if place.is_empty() || place == title {
        title.clone()
    } else {
        format!("{title} — {place}")
    };
    let badge = match number {
        Some((n, day)) => marker_number(l, n, day).into_any(),
        None => view! {
            <span class="map-number map-number--destination" title=tr!(l, "plan-map-destination-title")>
                <span aria-hidden="true">"★"</span><span class="visually-hidden">{format!("{} ", tr!(l, "plan-map-destination"))}</span>
            </span>
        }
        .into_any(),
    };
    let (n, day) = number.map_or((String::new(), String::new()), |(n, d)| {
        (n.to_string(), (d % 8).to_string())
    });
    view! {
        <li class="map-legend__item" data-lat=format!("{:.6}", point.latitude)
            data-lon=format!("{:.6}", point.longitude) data-number=n data-day=day data-title=title.clone()>
            {badge}
            <span class="map-legend__name">{name}</span>
            <span class="map-legend__links">
                <a href=point.osm_url() rel="external noopener" target="_blank">
                    "OpenStreetMap"<span class="visually-hidden">{tr!(l, "plan-map-osm-hidden", title = title.as_str())}</span>
                </a>
                <a href=point.geo_uri()>
                    {tr!(l, "plan-map-app")}<span class="visually-hidden">{tr!(l, "plan-map-app-hidden", title = title.as_str())}</span>
                </a>
            </span>
        </li>
    }
    .into_any()
}

/// What a map panel shows: the whole trip, or one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapScope {
    Trip,
    Day,
}

/// The map panel: closed on a phone (a summary to open it), open beside the plan on a wide
/// screen. `scope` says what it shows (the trip, the day).
#[component]
pub fn MapPanel(map: TripMap, tiles: Option<Tiles>, scope: MapScope) -> impl IntoView {
    let l = lang();
    let count = map.points.len();
    let summary = match count {
        0 => tr!(l, "plan-map-destination-only"),
        n => tr!(l, "plan-map-places", count = n),
    };
    let dots = map
        .points
        .iter()
        .map(|p| Dot {
            number: p.number,
            day: p.day,
            point: p.point,
        })
        .collect();
    let destination_point = map.destination.as_ref().map(|(_, point)| *point);
    let label = match scope {
        MapScope::Trip => tr!(l, "plan-map-sketch-trip", places = summary.as_str()),
        MapScope::Day => tr!(l, "plan-map-sketch-day", places = summary.as_str()),
    };
    let destination = map
        .destination
        .clone()
        .map(|(name, point)| legend_item(l, None, name, String::new(), point));
    let items = map
        .points
        .into_iter()
        .map(|p| legend_item(l, Some((p.number, p.day)), p.title, p.place, p.point))
        .collect_view();
    let live = tiles.map(|tiles| {
        let Credit {
            attribution,
            attribution_url,
            ..
        } = tiles.credit;
        (
            tiles.url_template,
            tiles.max_zoom.to_string(),
            attribution,
            attribution_url,
        )
    });
    let credit = live
        .as_ref()
        .map(|(_, _, text, url)| (text.clone(), url.clone()));
    let (template, zoom, attribution, attribution_url) = live.unwrap_or_default();
    let has_tiles = !template.is_empty();
    view! {
        <details class="map-panel" id="map"
            data-words=crate::format::script_words(&[
                ("label", tr!(l, "js-map-label")),
                ("destination", tr!(l, "js-map-destination", name = "{name}")),
            ])
            data-tiles=has_tiles.then(|| template.clone())
            data-max-zoom=has_tiles.then(|| zoom.clone())
            data-attribution=has_tiles.then(|| attribution.clone())
            data-attribution-url=has_tiles.then(|| attribution_url.clone())
            data-leaflet=has_tiles.then_some(LEAFLET)>
            <summary class="map-panel__summary">
                <span class="map-panel__title">{tr!(l, "plan-map")}</span>
                <span class="muted">{summary}</span>
            </summary>
            <div class="map-panel__body">
                <div class="map-panel__canvas" data-map-canvas="">
                    <Sketch dots destination=destination_point label/>
                </div>
                <ol class="map-legend">
                    {destination}
                    {items}
                </ol>
                {credit.map(|(text, url)| view! {
                    <p class="map-panel__credit">{format!("{} ", tr!(l, "plan-map-tiles"))}<a href=url rel="external">{text}</a></p>
                })}
            </div>
        </details>
        {has_tiles.then(|| view! { <script src=crate::assets::map_js() defer=true></script> })}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_durations_read_naturally() {
        let en = Language::En;
        assert_eq!(distance(en, 4.0), "10 m");
        assert_eq!(distance(en, 648.0), "650 m");
        assert_eq!(distance(en, 1_234.0), "1.2 km");
        assert_eq!(distance(en, 14_321.0), "14 km");
        assert_eq!(duration(en, 1), "about 1 min");
        assert_eq!(duration(en, 900), "about 15 min");
        assert_eq!(duration(en, 3_600), "about 1 h");
        assert_eq!(duration(en, 4_830), "about 1 h 21 min");
        assert_eq!(distance(Language::De, 1_234.0), "1,2\u{a0}km");
        assert_eq!(distance(Language::Fr, 648.0), "650\u{a0}m");
        assert_eq!(
            tr!(Language::Fr, "plan-map-app-hidden", title = "Sintra"),
            "\u{a0}: Sintra"
        );
    }

    #[test]
    fn a_leg_warns_when_the_plan_leaves_too_little_time() {
        let leg = LegLine {
            from_title: "Belém Tower".into(),
            distance_m: 7_400.0,
            route: Some((
                Mode::Car,
                Route {
                    seconds: 1_500,
                    meters: 9_000,
                },
            )),
            gap_minutes: Some(10),
        };
        let html = leg_line(Language::En, &leg).to_html();
        assert!(
            html.contains("7.4 km from “Belém Tower” · about 25 min by car"),
            "{html}"
        );
        assert!(
            html.contains(
                "Only 10 min after “Belém Tower”, but getting here takes about 25 min by car."
            ),
            "{html}"
        );
        let roomy = LegLine {
            gap_minutes: Some(40),
            ..leg.clone()
        };
        assert!(!leg_line(Language::En, &roomy).to_html().contains("Only"));
        let straight = LegLine { route: None, ..leg };
        let html = leg_line(Language::En, &straight).to_html();
        assert!(
            html.contains("7.4 km from “Belém Tower” in a straight line"),
            "{html}"
        );
        assert!(!html.contains("Only"));
    }
}
