//! Travel times from OSRM-compatible servers (`/route/v1/{profile}/{lon},{lat};{lon},{lat}`),
//! one for walking and one for driving; either may be missing.

use std::time::{Duration, Instant};

use domain::{
    places::travel::{Leg, Mode, Route, Routing},
    providers::ProviderError,
};
use http_client::StatusCode;
use serde::Deserialize;

use super::client::ProviderClient;

/// How long one background call may take in all, retries included.
const CALL_TIMEOUT: Duration = Duration::from_secs(60);

pub struct RoutingProvider {
    pub foot: Option<(ProviderClient, String)>,
    pub car: Option<(ProviderClient, String)>,
}

#[derive(Deserialize)]
struct Answer {
    code: String,
    #[serde(default)]
    routes: Vec<OsrmRoute>,
}

#[derive(Deserialize)]
struct OsrmRoute {
    duration: f64,
    distance: f64,
}

/// A whole number of seconds or metres, if the value is one a trip can have.
fn amount(value: f64) -> Option<i32> {
    // Checked to be within a day's drive around the earth first.
    #[allow(clippy::cast_possible_truncation)]
    (value.is_finite() && (0.0..=1e8).contains(&value)).then(|| value.round() as i32)
}

#[async_trait::async_trait]
impl Routing for RoutingProvider {
    fn modes(&self) -> Vec<Mode> {
        let mut modes = Vec::new();
        if self.foot.is_some() {
            modes.push(Mode::Foot);
        }
        if self.car.is_some() {
            modes.push(Mode::Car);
        }
        modes
    }

    async fn route(&self, leg: &Leg) -> Result<Option<Route>, ProviderError> {
        let (server, profile) = match leg.mode {
            Mode::Foot => (&self.foot, "foot"),
            Mode::Car => (&self.car, "driving"),
        };
        let Some((client, url)) = server else {
            return Err(ProviderError::Off);
        };
        let path = format!(
            "{url}/route/v1/{profile}/{:.5},{:.5};{:.5},{:.5}",
            leg.from.longitude, leg.from.latitude, leg.to.longitude, leg.to.latitude
        );
        // OSRM answers "no route" with a 400 and its JSON.
        let answer: Answer = client
            .get_json_accepting(
                &path,
                &[("overview", "false".to_string())],
                Instant::now() + CALL_TIMEOUT,
                &[StatusCode::BAD_REQUEST],
            )
            .await?;
        match answer.code.as_str() {
            "Ok" => {
                let route = answer
                    .routes
                    .first()
                    .ok_or_else(|| ProviderError::Failed("a route answer without routes".into()))?;
                match (amount(route.duration), amount(route.distance)) {
                    (Some(seconds), Some(meters)) => Ok(Some(Route { seconds, meters })),
                    _ => Err(ProviderError::Failed("a route out of range".into())),
                }
            }
            "NoRoute" | "NoSegment" => Ok(None),
            _ => Err(ProviderError::Failed("a routing error".into())),
        }
    }
}
