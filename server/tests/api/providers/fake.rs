//! A local stand-in for every outside provider (Nominatim, Photon, Open-Meteo's forecast and
//! archive, OSRM, map tiles) on port 0. Each answers like the real API, or — as a test sets
//! it — with errors, a hang, garbage, an answer too large, or a 429 with `Retry-After`; every
//! request it receives is recorded with its arrival time.

use std::{
    collections::VecDeque,
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{
    Json, Router,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use serde_json::{Value, json};

/// How the fake answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Like the real API.
    Normal,
    /// This status, with a small body.
    Status(u16),
    /// Never: the connection stays open with no answer.
    Hang,
    /// A 200 with a body that is not the API's JSON.
    Garbage,
    /// A 200 with 10 MB of JSON.
    TooLarge,
    /// 429 with `Retry-After: n` seconds.
    SlowDown(u64),
}

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub query: Vec<(String, String)>,
    pub at: Instant,
    pub user_agent: String,
}

impl Seen {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Default)]
struct Script {
    /// Answers to give next, one per request, before the standing answer.
    next: VecDeque<Answer>,
    standing: Option<Answer>,
    seen: Vec<Seen>,
    /// Forecast values: (max °C, WMO code) for every day answered.
    forecast: Option<(f64, i32)>,
}

#[derive(Clone, Default)]
pub struct Fake {
    script: Arc<Mutex<Script>>,
    pub address: Option<SocketAddr>,
}

impl Fake {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address.expect("started"))
    }

    /// The answer for every request from now on (after any queued ones).
    pub fn answer(&self, answer: Answer) {
        self.script.lock().unwrap().standing = Some(answer);
    }

    /// Answers for the next requests, in order.
    pub fn then(&self, answers: &[Answer]) {
        self.script
            .lock()
            .unwrap()
            .next
            .extend(answers.iter().cloned());
    }

    /// The forecast's maximum temperature and weather code for every day from now on.
    pub fn forecast(&self, max: f64, code: i32) {
        self.script.lock().unwrap().forecast = Some((max, code));
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.script.lock().unwrap().seen.clone()
    }

    /// The requests received under `path` (a prefix).
    pub fn seen_at(&self, path: &str) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|seen| seen.path.starts_with(path))
            .collect()
    }

    fn take(&self, seen: Seen) -> Answer {
        let mut script = self.script.lock().unwrap();
        script.seen.push(seen);
        script
            .next
            .pop_front()
            .or_else(|| script.standing.clone())
            .unwrap_or(Answer::Normal)
    }
}

/// Starts a fake provider on port 0.
pub async fn start() -> Fake {
    let mut fake = Fake::default();
    let router = Router::new()
        .route("/search", get(nominatim))
        .route("/api", get(photon))
        .route("/forecast", get(forecast))
        .route("/archive", get(archive))
        .route("/route/v1/{profile}/{coordinates}", get(route))
        .route("/tiles/{z}/{x}/{y}", get(tile))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    fake.address = Some(listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    fake
}

type Params = Query<Vec<(String, String)>>;

/// Records the request and answers as scripted, or with `normal()`.
async fn respond(
    fake: &Fake,
    path: String,
    query: Vec<(String, String)>,
    headers: &HeaderMap,
    normal: impl FnOnce(&Seen) -> Response,
) -> Response {
    let seen = Seen {
        path,
        query,
        at: Instant::now(),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
    };
    match fake.take(seen.clone()) {
        Answer::Normal => normal(&seen),
        Answer::Status(status) => (
            StatusCode::from_u16(status).unwrap(),
            Json(json!({"error": "scripted"})),
        )
            .into_response(),
        Answer::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            StatusCode::OK.into_response()
        }
        Answer::Garbage => (
            [(header::CONTENT_TYPE, "application/json")],
            "<html><body>Service temporarily unavailable</body></html>",
        )
            .into_response(),
        Answer::TooLarge => {
            let filler = "x".repeat(10 << 20);
            (
                [(header::CONTENT_TYPE, "application/json")],
                format!("[{{\"name\": \"{filler}\"}}]"),
            )
                .into_response()
        }
        Answer::SlowDown(seconds) => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, seconds.to_string())],
            "slow down",
        )
            .into_response(),
    }
}

/// Places named after the search: `{q}`, then `{q} Café`.
async fn nominatim(State(fake): State<Fake>, Query(query): Params, headers: HeaderMap) -> Response {
    respond(&fake, "/search".into(), query, &headers, |seen| {
        let q = seen.param("q").unwrap_or_default().to_string();
        Json(json!([
            {
                "place_id": 1, "osm_type": "way", "osm_id": 8184476,
                "lat": "38.6915837", "lon": "-9.2159689",
                "category": "tourism", "type": "attraction", "name": q,
                "display_name": format!("{q}, Avenida Brasília, Belém, Lisboa, Portugal")
            },
            {
                "place_id": 2, "osm_type": "node", "osm_id": 1234567,
                "lat": "38.6975", "lon": "-9.2032",
                "category": "amenity", "type": "cafe", "name": format!("{q} Café"),
                "display_name": format!("{q} Café, Rua de Belém 84, Lisboa, Portugal")
            },
            { "osm_type": "node", "osm_id": 3, "lat": "not a number", "lon": "0", "name": "Broken" }
        ]))
        .into_response()
    })
    .await
}

async fn photon(State(fake): State<Fake>, Query(query): Params, headers: HeaderMap) -> Response {
    respond(&fake, "/api".into(), query, &headers, |seen| {
        let q = seen.param("q").unwrap_or_default().to_string();
        Json(json!({
            "type": "FeatureCollection",
            "features": [{
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-9.2032, 38.6975]},
                "properties": {
                    "osm_type": "N", "osm_id": 1234567, "osm_value": "cafe", "name": q,
                    "street": "Rua de Belém", "housenumber": "84", "city": "Lisboa",
                    "country": "Portugal"
                }
            }]
        }))
        .into_response()
    })
    .await
}

/// Daily columns for `days` from `first`, each with `max` °C and `code`.
fn daily(first: chrono::NaiveDate, days: i64, max: f64, code: Option<i32>) -> Value {
    let dates: Vec<String> = (0..days)
        .map(|i| (first + chrono::TimeDelta::days(i)).to_string())
        .collect();
    let n = dates.len();
    let mut daily = json!({
        "time": dates,
        "temperature_2m_max": vec![max; n],
        "temperature_2m_min": vec![max - 6.0; n],
        "precipitation_sum": vec![2.0; n],
        "precipitation_probability_max": vec![40; n],
    });
    if let Some(code) = code {
        daily["weather_code"] = json!(vec![code; n]);
    }
    json!({ "latitude": 38.7, "longitude": -9.1, "daily": daily })
}

/// The last week and 16 days ahead, as Open-Meteo's forecast API answers.
async fn forecast(State(fake): State<Fake>, Query(query): Params, headers: HeaderMap) -> Response {
    let values = fake.script.lock().unwrap().forecast.unwrap_or((21.0, 2));
    respond(&fake, "/forecast".into(), query, &headers, move |_| {
        let today = chrono::Utc::now().date_naive();
        Json(daily(
            today - chrono::TimeDelta::days(7),
            23,
            values.0,
            Some(values.1),
        ))
        .into_response()
    })
    .await
}

/// The days asked for: 15 °C, rain (code 61), as Open-Meteo's archive API answers.
async fn archive(State(fake): State<Fake>, Query(query): Params, headers: HeaderMap) -> Response {
    respond(&fake, "/archive".into(), query, &headers, |seen| {
        let date = |name| {
            seen.param(name)
                .and_then(|d| d.parse::<chrono::NaiveDate>().ok())
                .unwrap_or_default()
        };
        let (from, to) = (date("start_date"), date("end_date"));
        let days = (to - from).num_days() + 1;
        Json(daily(from, days.clamp(0, 800), 15.0, Some(61))).into_response()
    })
    .await
}

/// 20 minutes and 9 km between any two points.
async fn route(
    State(fake): State<Fake>,
    Path((profile, coordinates)): Path<(String, String)>,
    Query(query): Params,
    headers: HeaderMap,
) -> Response {
    let path = format!("/route/v1/{profile}/{coordinates}");
    respond(&fake, path, query, &headers, |_| {
        Json(json!({"code": "Ok", "routes": [{"duration": 1200.0, "distance": 9000.0}]}))
            .into_response()
    })
    .await
}

/// A 1×1 PNG.
async fn tile(State(fake): State<Fake>, headers: HeaderMap) -> Response {
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 5, 0, 1, 0xff, 0x56, 0xc6,
        0x3b, 0x94, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    respond(&fake, "/tiles".into(), Vec::new(), &headers, |_| {
        ([(header::CONTENT_TYPE, "image/png")], PNG).into_response()
    })
    .await
}
