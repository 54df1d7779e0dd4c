//! The map without JavaScript: an SVG sketch of the places, numbered and coloured as on the
//! interactive map, each day's order drawn as a line. Positions are projected as web maps do
//! (Web Mercator), so the sketch and the map agree on shapes and directions.

use domain::places::model::Point;
use leptos::prelude::*;

const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 260.0;
const PADDING: f64 = 22.0;

/// A place on the sketch: its number, its day's index and where it is.
pub struct Dot {
    pub number: u32,
    pub day: usize,
    pub point: Point,
}

/// x grows east, y grows south (as on screen), both in degrees of longitude.
fn project(point: Point) -> (f64, f64) {
    let lat = point.latitude.clamp(-85.0, 85.0).to_radians();
    let y = (std::f64::consts::FRAC_PI_4 + lat / 2.0)
        .tan()
        .ln()
        .to_degrees();
    (point.longitude, -y)
}

/// Fits every projected point into the sketch, keeping proportions.
struct Fit {
    scale: f64,
    offset: (f64, f64),
}

impl Fit {
    fn of(points: &[(f64, f64)]) -> Self {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in points {
            min_x = min_x.min(*x);
            max_x = max_x.max(*x);
            min_y = min_y.min(*y);
            max_y = max_y.max(*y);
        }
        // A single place, or places a few metres apart: about a town's width around them.
        let width = (max_x - min_x).max(0.01);
        let height = (max_y - min_y).max(0.01);
        let scale = ((WIDTH - 2.0 * PADDING) / width).min((HEIGHT - 2.0 * PADDING) / height);
        let center = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
        Self {
            scale,
            offset: (
                WIDTH / 2.0 - center.0 * scale,
                HEIGHT / 2.0 - center.1 * scale,
            ),
        }
    }

    fn at(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            x * self.scale + self.offset.0,
            y * self.scale + self.offset.1,
        )
    }
}

/// The sketch of `dots` (in plan order) and the trip's `destination`, if it has one.
#[component]
pub fn Sketch(dots: Vec<Dot>, destination: Option<Point>, label: String) -> impl IntoView {
    let projected: Vec<(f64, f64)> = dots
        .iter()
        .map(|dot| project(dot.point))
        .chain(destination.map(project))
        .collect();
    let fit = Fit::of(&projected);
    let place = |point: Point| fit.at(project(point));

    let mut days: Vec<(usize, Vec<(f64, f64)>)> = Vec::new();
    for dot in &dots {
        let at = place(dot.point);
        match days.last_mut() {
            Some((day, line)) if *day == dot.day => line.push(at),
            _ => days.push((dot.day, vec![at])),
        }
    }
    let lines = days
        .into_iter()
        .filter(|(_, line)| line.len() > 1)
        .map(|(day, line)| {
            let points = line
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polyline class=format!("map-line map-day-{}", day % 8) points=points/> }
        })
        .collect_view();
    let destination = destination.map(|point| {
        let (x, y) = place(point);
        view! {
            <rect class="map-destination" x=format!("{:.1}", x - 8.0) y=format!("{:.1}", y - 8.0)
                width="16" height="16" transform=format!("rotate(45 {x:.1} {y:.1})")/>
        }
    });
    let markers = dots
        .iter()
        .map(|dot| {
            let (x, y) = place(dot.point);
            let (cx, cy) = (format!("{x:.1}"), format!("{y:.1}"));
            let small = dot.number >= 100;
            view! {
                <g class=format!("map-dot map-day-{}", dot.day % 8)>
                    <circle cx=cx.clone() cy=cy.clone() r="11"/>
                    <text x=cx y=format!("{:.1}", y + 4.0) class:map-dot__small=small>{dot.number}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="map-sketch" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label
            preserveAspectRatio="xMidYMid meet">
            {lines}
            {destination}
            {markers}
        </svg>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_keeps_every_point_inside_the_sketch() {
        let points: Vec<(f64, f64)> = [(38.6916, -9.2160), (38.7139, -9.1335), (38.7223, -9.1393)]
            .iter()
            .map(|(lat, lon)| project(Point::new(*lat, *lon).unwrap()))
            .collect();
        let fit = Fit::of(&points);
        for point in &points {
            let (x, y) = fit.at(*point);
            assert!(
                (PADDING - 0.01..=WIDTH - PADDING + 0.01).contains(&x),
                "{x}"
            );
            assert!(
                (PADDING - 0.01..=HEIGHT - PADDING + 0.01).contains(&y),
                "{y}"
            );
        }
        // North is up: the northernmost point has the smallest y.
        let ys: Vec<f64> = points.iter().map(|p| fit.at(*p).1).collect();
        assert!(ys[2] < ys[0]);
        let one = Fit::of(&points[..1]);
        assert_eq!(one.at(points[0]), (WIDTH / 2.0, HEIGHT / 2.0));
    }
}
