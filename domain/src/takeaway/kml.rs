//! A trip as KML 2.2, for Google Earth and My Maps: a folder per day with its places as
//! placemarks and, when it has two or more, the day's order as a line.

use std::fmt::Write as _;

use super::{TripRows, xml_text};
use crate::calendar::{format_date, format_time};

/// The trip's places as a KML document.
pub fn write(rows: &TripRows) -> String {
    let plan = rows.plan();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
    let _ = writeln!(
        out,
        "  <name>{}</name>\n  <description>{}</description>",
        xml_text(&rows.trip.name),
        xml_text(&rows.trip.destination)
    );
    for day in &plan.days {
        let places: Vec<_> = day
            .activities
            .iter()
            .filter_map(|a| Some((a.latitude?, a.longitude?, a)))
            .collect();
        if places.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  <Folder>\n    <name>{}</name>",
            xml_text(&format!("Day {} · {}", day.number, format_date(day.date)))
        );
        for (lat, lon, activity) in &places {
            let mut description = activity.location.clone();
            if let Some(start) = activity.start_time {
                if !description.is_empty() {
                    description.push_str(" · ");
                }
                description.push_str(&format_time(start));
            }
            let _ = writeln!(
                out,
                "    <Placemark>\n      <name>{}</name>\n      <description>{}</description>\n      <Point><coordinates>{lon},{lat}</coordinates></Point>\n    </Placemark>",
                xml_text(&activity.title),
                xml_text(&description),
            );
        }
        if places.len() > 1 {
            let line: Vec<String> = places
                .iter()
                .map(|(lat, lon, _)| format!("{lon},{lat}"))
                .collect();
            let _ = writeln!(
                out,
                "    <Placemark>\n      <name>{}</name>\n      <LineString><tessellate>1</tessellate><coordinates>{}</coordinates></LineString>\n    </Placemark>",
                xml_text(&format!("Day {} in order", day.number)),
                line.join(" ")
            );
        }
        out.push_str("  </Folder>\n");
    }
    out.push_str("</Document>\n</kml>\n");
    out
}
