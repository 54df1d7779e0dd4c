//! The trip pack: the whole trip as one HTML file to keep on a phone or print — days, times,
//! places with their addresses and coordinates, a sketch of where they are, the notes and the
//! budget. Self-contained: the site's stylesheet (with its print rules) inline, no script, no
//! image or font from anywhere, and a Content-Security-Policy that forbids fetching anything,
//! so the file opens the same with the network off, years later.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use domain::{
    itinerary::model::{Activity, DayPlan, TripPlan},
    reference::zone_label,
};
use i18n::{Language, tr};
use leptos::prelude::*;

use crate::{
    context::{PageLanguage, lang},
    format::{category_label, dates_and_length, day_date, escape_html, money, time_range},
    views::plan::{BudgetView, day_heading},
};

/// The site's stylesheet, as built into the pages (its print rules included).
const SITE_CSS: &str = include_str!("../../style/main.css");

/// What the pack adds to the site's styles.
const PACK_CSS: &str = "
.pack-page { max-width: 52rem; margin: 0 auto; padding: 1rem; }
.pack-sketch svg { width: 100%; height: auto; border: 1px solid var(--color-border, #999); border-radius: 0.5rem; background: var(--color-surface, #fff); }
.pack-sketch .route { fill: none; stroke: currentColor; stroke-width: 2; stroke-dasharray: 6 4; opacity: 0.6; }
.pack-sketch .stop { fill: var(--color-primary, #0b5cad); }
.pack-sketch .stop-number { fill: #fff; font: bold 12px system-ui, sans-serif; text-anchor: middle; dominant-baseline: central; }
.pack-places { columns: 2 16rem; padding-left: 1.5rem; }
.pack-coords { font-variant-numeric: tabular-nums; }
.pack-foot { margin-top: 2rem; font-size: 0.875rem; }
@media print { .pack-sketch svg { border-color: #999; } }
";

/// The trip pack of `plan` in the language `l`, made at `made_at`.
pub fn trip_pack(l: Language, plan: &TripPlan, made_at: DateTime<Utc>) -> String {
    let title = tr!(l, "takeaway-pack-title", trip = plan.trip.name.as_str());
    let body = render_detached(l, plan.clone(), made_at);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{}</title>\n<style>{SITE_CSS}\n{PACK_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        l.code(),
        escape_html(&title)
    )
}

/// The pack's body, rendered under an owner of its own (outside any page's reactive tree), in
/// the language `l`.
fn render_detached(l: Language, plan: TripPlan, made_at: DateTime<Utc>) -> String {
    let outer = Owner::current();
    let owner = Owner::new_root(None);
    provide_context(PageLanguage(l));
    let html = view! { <Pack plan made_at/> }.to_html();
    match outer {
        Some(outer) => outer.set(),
        None => owner.unset(),
    }
    html
}

#[component]
fn Pack(plan: TripPlan, made_at: DateTime<Utc>) -> impl IntoView {
    let l = lang();
    let trip = plan.trip.clone();
    let (area, place) = zone_label(&trip.time_zone);
    let zone = if area == "Other" {
        place
    } else {
        format!("{place} ({})", trip.time_zone)
    };
    let stops = stops(&plan.days);
    let sketch = sketch(&stops);
    let places = stops
        .iter()
        .enumerate()
        .map(|(index, stop)| {
            view! {
                <li value=(index + 1).to_string()>
                    {stop.title.clone()}" — "{tr!(l, "takeaway-pack-place-day", day = stop.day)}
                    <span class="pack-coords muted">{format!(" ({:.5}, {:.5})", stop.lat, stop.lon)}</span>
                </li>
            }
        })
        .collect_view();
    let has_stops = !stops.is_empty();
    let days = plan
        .days
        .iter()
        .map(|day| pack_day(l, day, &trip.currency))
        .collect_view();
    let notes = (!trip.notes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="notes-heading">
                <h2 id="notes-heading" class="section-title">{tr!(l, "takeaway-pack-notes")}</h2>
                <p class="prewrap">{trip.notes.clone()}</p>
            </section>
        }
    });
    view! {
        <main class="page pack-page">
            <article class="trip">
                <header class="page-head">
                    <div>
                        <h1>{trip.name.clone()}</h1>
                        <p class="trip__destination">{trip.destination.clone()}</p>
                    </div>
                </header>
                <dl class="overview">
                    <div>
                        <dt>{tr!(l, "takeaway-pack-dates")}</dt>
                        <dd>{dates_and_length(l, trip.start_date, trip.end_date)}</dd>
                    </div>
                    <div>
                        <dt>{tr!(l, "takeaway-pack-zone")}</dt>
                        <dd>{zone}</dd>
                    </div>
                </dl>
                {notes}
                <section class="pack-sketch" aria-labelledby="sketch-heading">
                    <h2 id="sketch-heading" class="section-title">{tr!(l, "takeaway-pack-where")}</h2>
                    {if has_stops {
                        view! {
                            <div role="img" aria-label=tr!(l, "takeaway-pack-sketch") inner_html=sketch></div>
                            <ol class="pack-places">{places}</ol>
                        }.into_any()
                    } else {
                        view! { <p class="muted">{tr!(l, "takeaway-pack-no-places")}</p> }.into_any()
                    }}
                </section>
                <BudgetView summary=plan.summary.clone() currency_code=trip.currency.clone()/>
                <section class="itinerary" aria-labelledby="itinerary-heading">
                    <h2 id="itinerary-heading" class="section-title">{tr!(l, "takeaway-pack-days")}</h2>
                    <div class="days">{days}</div>
                </section>
                <p class="pack-foot muted">
                    {tr!(
                        l,
                        "takeaway-pack-saved",
                        date = day_date(l, made_at.date_naive()),
                        time = made_at.format("%H:%M").to_string()
                    )}
                </p>
            </article>
        </main>
    }
}

fn pack_day(l: Language, day: &DayPlan, currency: &str) -> impl IntoView + use<> {
    let heading = day_heading(l, day);
    let cost = (day.cost_minor > 0).then(|| money(l, day.cost_minor, currency));
    let items = day
        .activities
        .iter()
        .map(|activity| pack_activity(l, activity, currency))
        .collect_view();
    let empty = day.activities.is_empty();
    view! {
        <section class="day" id=format!("day-{}", day.date)>
            <header class="day__head">
                <h3>{heading}</h3>
                {cost.map(|cost| view! { <span class="day__cost">{cost}</span> })}
            </header>
            {if empty {
                view! { <p class="muted day__empty">{tr!(l, "takeaway-pack-nothing")}</p> }.into_any()
            } else {
                view! { <ol class="activities">{items}</ol> }.into_any()
            }}
        </section>
    }
}

fn pack_activity(l: Language, activity: &Activity, currency: &str) -> impl IntoView + use<> {
    let time = time_range(l, activity).unwrap_or_else(|| tr!(l, "takeaway-pack-any-time"));
    let cost = (activity.cost_minor > 0).then(|| money(l, activity.cost_minor, currency));
    let place = (!activity.location.is_empty()).then(|| activity.location.clone());
    let coordinates = activity
        .latitude
        .zip(activity.longitude)
        .map(|(lat, lon)| format!("{lat:.5}, {lon:.5}"));
    let description = (!activity.description.is_empty()).then(|| activity.description.clone());
    view! {
        <li class="activity">
            <p class="activity__time">{time}</p>
            <div class="activity__body">
                <h4 class="activity__title">{activity.title.clone()}</h4>
                <p class="activity__meta">
                    <span>{category_label(l, activity.category)}</span>
                    {place.map(|place| view! { <span class="activity__place">{place}</span> })}
                    {coordinates.map(|c| view! { <span class="pack-coords">{c}</span> })}
                </p>
                {description.map(|text| view! { <p class="activity__description prewrap">{text}</p> })}
            </div>
            <p class="activity__cost">{cost}</p>
        </li>
    }
}

/// A place on the sketch: the plan's places with coordinates, in the plan's order.
#[derive(Debug, Clone, PartialEq)]
struct Stop {
    lat: f64,
    lon: f64,
    title: String,
    day: i64,
}

fn stops(days: &[DayPlan]) -> Vec<Stop> {
    days.iter()
        .flat_map(|day| {
            day.activities.iter().filter_map(|a| {
                Some(Stop {
                    lat: a.latitude?,
                    lon: a.longitude?,
                    title: a.title.clone(),
                    day: day.number,
                })
            })
        })
        .collect()
}

const SKETCH_WIDTH: f64 = 640.0;
const SKETCH_HEIGHT: f64 = 400.0;
const SKETCH_MARGIN: f64 = 24.0;

/// The places as an SVG sketch: numbered dots where they are relative to each other (an
/// equirectangular projection, east–west distances shrunk by the latitude so shapes look
/// right), and each day's order as a dashed line. Numbers only: no user text in the markup.
fn sketch(stops: &[Stop]) -> String {
    if stops.is_empty() {
        return String::new();
    }
    let mean_lat = stops.iter().map(|s| s.lat).sum::<f64>() / stops.len() as f64;
    let squeeze = mean_lat.to_radians().cos().max(0.1);
    let xs: Vec<f64> = stops.iter().map(|s| s.lon * squeeze).collect();
    let ys: Vec<f64> = stops.iter().map(|s| -s.lat).collect();
    let (min_x, max_x) = bounds(&xs);
    let (min_y, max_y) = bounds(&ys);
    let span = ((max_x - min_x) / (SKETCH_WIDTH - 2.0 * SKETCH_MARGIN))
        .max((max_y - min_y) / (SKETCH_HEIGHT - 2.0 * SKETCH_MARGIN))
        .max(1e-9);
    let centre = |value: f64, min: f64, max: f64, size: f64| {
        (size - (max - min) / span) / 2.0 + (value - min) / span
    };
    let points: Vec<(f64, f64)> = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| {
            (
                centre(*x, min_x, max_x, SKETCH_WIDTH),
                centre(*y, min_y, max_y, SKETCH_HEIGHT),
            )
        })
        .collect();
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {SKETCH_WIDTH} {SKETCH_HEIGHT}\" aria-hidden=\"true\">"
    );
    let mut index = 0;
    while index < stops.len() {
        let day = stops[index].day;
        let end = stops[index..]
            .iter()
            .position(|s| s.day != day)
            .map_or(stops.len(), |offset| index + offset);
        if end - index > 1 {
            let line: Vec<String> = points[index..end]
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect();
            let _ = write!(
                svg,
                "<polyline class=\"route\" points=\"{}\"/>",
                line.join(" ")
            );
        }
        index = end;
    }
    for (number, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            svg,
            "<circle class=\"stop\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"11\"/><text class=\"stop-number\" x=\"{x:.1}\" y=\"{y:.1}\">{}</text>",
            number + 1
        );
    }
    svg.push_str("</svg>");
    svg
}

fn bounds(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::MAX, f64::MIN), |(min, max), v| {
        (min.min(*v), max.max(*v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sketch_keeps_every_place_inside_the_picture() {
        let stop = |lat: f64, lon: f64, day: i64| Stop {
            lat,
            lon,
            title: String::new(),
            day,
        };
        let svg = sketch(&[
            stop(38.7, -9.1, 1),
            stop(38.8, -9.3, 1),
            stop(41.1, -8.6, 2),
        ]);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<polyline").count(), 1);
        for part in svg.split("cx=\"").skip(1) {
            let x: f64 = part.split('"').next().unwrap().parse().unwrap();
            assert!((0.0..=SKETCH_WIDTH).contains(&x), "{x}");
        }
        // One place sits in the middle.
        assert!(sketch(&[stop(0.0, 0.0, 1)]).contains("cx=\"320.0\" cy=\"200.0\""));
    }

    #[test]
    fn titles_are_escaped() {}
}
