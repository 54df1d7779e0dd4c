//! A trip as GPX 1.1, for map and hiking apps: every place with coordinates as a waypoint, and
//! each day's places, in the day's order, as a route.

use std::fmt::Write as _;

use super::{TripRows, xml_text};
use crate::calendar::format_date;

/// The trip's places as a GPX document.
pub fn write(rows: &TripRows) -> String {
    let plan = rows.plan();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gpx version=\"1.1\" creator=\"Travel Planner\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n",
    );
    let _ = write!(
        out,
        "  <metadata>\n    <name>{}</name>\n    <desc>{}</desc>\n    <time>{}</time>\n  </metadata>\n",
        xml_text(&rows.trip.name),
        xml_text(&rows.trip.destination),
        rows.trip.updated_at.format("%Y-%m-%dT%H:%M:%SZ"),
    );
    for day in &plan.days {
        for activity in &day.activities {
            if let (Some(lat), Some(lon)) = (activity.latitude, activity.longitude) {
                let _ = write!(
                    out,
                    "  <wpt lat=\"{lat}\" lon=\"{lon}\">\n    <name>{}</name>\n    <desc>{}</desc>\n    <type>{}</type>\n  </wpt>\n",
                    xml_text(&activity.title),
                    xml_text(&place_and_day(&activity.location, day.date)),
                    <&str>::from(activity.category),
                );
            }
        }
    }
    for day in &plan.days {
        let points: Vec<_> = day
            .activities
            .iter()
            .filter_map(|a| Some((a.latitude?, a.longitude?, &a.title)))
            .collect();
        if points.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  <rte>\n    <name>{}</name>\n    <number>{}</number>",
            xml_text(&format!("Day {} · {}", day.number, format_date(day.date))),
            day.number
        );
        for (lat, lon, title) in points {
            let _ = writeln!(
                out,
                "    <rtept lat=\"{lat}\" lon=\"{lon}\"><name>{}</name></rtept>",
                xml_text(title)
            );
        }
        out.push_str("  </rte>\n");
    }
    out.push_str("</gpx>\n");
    out
}

fn place_and_day(location: &str, day: chrono::NaiveDate) -> String {
    if location.is_empty() {
        format_date(day)
    } else {
        format!("{location} · {}", format_date(day))
    }
}
