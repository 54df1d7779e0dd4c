//! The providers' settings: where each one is (a fixed base URL from configuration — never an
//! address a request names), how to identify ourselves, and the limits every call runs under.
//! Each provider is switched off with the value `off`; its feature then hides.

use std::time::Duration;

use super::{ConfigError, parse_number};

/// OpenStreetMap's public Nominatim: fine for a small site within its usage policy (at most
/// one request a second, an identifying User-Agent, results cached); run your own for more.
pub const PUBLIC_NOMINATIM: &str = "https://nominatim.openstreetmap.org";
const DEFAULT_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_TILES_ATTRIBUTION: &str = "© OpenStreetMap contributors";
const DEFAULT_TILES_ATTRIBUTION_URL: &str = "https://www.openstreetmap.org/copyright";
const DEFAULT_FORECAST: &str = "https://api.open-meteo.com/v1/forecast";
const DEFAULT_ARCHIVE: &str = "https://archive-api.open-meteo.com/v1/archive";

/// Which API a place-search server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacesApi {
    Nominatim,
    Photon,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacesSettings {
    /// Without a trailing slash.
    pub url: String,
    pub api: PlacesApi,
    /// The least time between two requests, across every instance sharing the database.
    pub min_interval: Duration,
}

/// The map's background tiles, which browsers load straight from their server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TileSettings {
    /// `https://tile.openstreetmap.org/{z}/{x}/{y}.png` (`{s}` for subdomains).
    pub url_template: String,
    pub attribution: String,
    pub attribution_url: String,
    pub max_zoom: u32,
}

impl TileSettings {
    /// The origin browsers load tiles from, as a Content-Security-Policy source
    /// (`https://tile.openstreetmap.org`, or `https://*.tile.example.org` for `{s}`).
    pub fn origin(&self) -> String {
        let (scheme, rest) = self
            .url_template
            .split_once("://")
            .unwrap_or(("https", &self.url_template));
        let host = rest.split('/').next().unwrap_or_default();
        format!("{scheme}://{}", host.replace("{s}", "*"))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderSettings {
    /// Who to contact about our requests (an email or a web address), sent in the
    /// User-Agent as the public services ask.
    pub contact: Option<String>,
    pub places: Option<PlacesSettings>,
    pub tiles: Option<TileSettings>,
    pub weather_forecast_url: Option<String>,
    pub weather_archive_url: Option<String>,
    pub weather_min_interval: Duration,
    /// How often stored forecasts are asked for again.
    pub weather_refresh: Duration,
    /// OSRM servers for travel times on foot and by car (none by default).
    pub routing_foot_url: Option<String>,
    pub routing_car_url: Option<String>,
    pub routing_min_interval: Duration,
    /// One attempt's limit (connecting, sending and reading the answer).
    pub request_timeout: Duration,
    /// How long a traveler's place search may wait in all (pace, attempts, retries).
    pub search_timeout: Duration,
    /// Attempts after the first, for idempotent requests that failed in a passing way.
    pub retries: u32,
    /// The first retry's wait; each next one doubles it (with jitter).
    pub retry_base: Duration,
    /// Calls failing one after another that open a provider's breaker.
    pub breaker_failures: u32,
    /// How long an open breaker refuses calls before it lets one trial call through.
    pub breaker_cooldown: Duration,
    /// The largest answer read from a provider.
    pub max_response_bytes: usize,
}

/// Whether `text` is an http(s) address with a host and no query.
fn is_http_url(text: &str) -> bool {
    text.parse::<http::Uri>().ok().is_some_and(|uri| {
        matches!(uri.scheme_str(), Some("http" | "https"))
            && uri.host().is_some_and(|host| !host.is_empty())
            && uri.query().is_none()
    })
}

/// `None` for `off` (any case); else the value, or `default` when unset.
fn setting(value: Option<String>, default: Option<&str>) -> Option<String> {
    match value.as_deref().map(str::trim) {
        None | Some("") => default.map(str::to_string),
        Some(text) if text.eq_ignore_ascii_case("off") => None,
        Some(text) => Some(text.to_string()),
    }
}

/// `None` for `off`; else an http(s) address with a host, without a trailing slash.
fn provider_url(
    value: Option<String>,
    variable: &'static str,
    default: Option<&str>,
) -> Result<Option<String>, ConfigError> {
    let Some(text) = setting(value, default) else {
        return Ok(None);
    };
    if !is_http_url(&text) {
        return Err(ConfigError {
            variable,
            problem: format!(
                "must be an http:// or https:// address (without a query), or \"off\", got {text:?}"
            ),
        });
    }
    Ok(Some(text.trim_end_matches('/').to_string()))
}

fn tile_template(value: Option<String>) -> Result<Option<String>, ConfigError> {
    let Some(text) = setting(value, Some(DEFAULT_TILES)) else {
        return Ok(None);
    };
    let placeholders = ["{z}", "{x}", "{y}"].iter().all(|p| text.contains(p));
    let example = ["{z}", "{x}", "{y}", "{s}", "{r}"]
        .iter()
        .fold(text.clone(), |url, p| url.replace(p, "1"));
    // The template goes into a page attribute and the Content-Security-Policy header.
    let plain = text
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | ';' | ',' | '<' | '>' | '\\'));
    if !(placeholders && plain && is_http_url(&example)) {
        return Err(ConfigError {
            variable: "MAP_TILES_URL",
            problem: format!(
                "must be a tile address with {{z}}, {{x}} and {{y}}, such as {DEFAULT_TILES}, or \"off\", got {text:?}"
            ),
        });
    }
    Ok(Some(text))
}

fn millis(
    env: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u32,
) -> Result<Duration, ConfigError> {
    Ok(Duration::from_millis(u64::from(parse_number(
        env(variable),
        variable,
        0..=60_000,
        default,
    )?)))
}

fn seconds(
    env: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> Result<Duration, ConfigError> {
    Ok(Duration::from_secs(u64::from(parse_number(
        env(variable),
        variable,
        range,
        default,
    )?)))
}

fn text(env: &impl Fn(&str) -> Option<String>, variable: &str, default: &str) -> String {
    env(variable)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

impl ProviderSettings {
    /// Reads the providers' settings from `env`.
    ///
    /// # Errors
    /// The first value that is malformed or out of range.
    pub fn load(env: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let api = match env("PLACES_API")
            .map(|v| v.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("" | "nominatim") => PlacesApi::Nominatim,
            Some("photon") => PlacesApi::Photon,
            Some(other) => {
                return Err(ConfigError {
                    variable: "PLACES_API",
                    problem: format!("must be \"nominatim\" or \"photon\", got {other:?}"),
                });
            }
        };
        let places = provider_url(env("PLACES_URL"), "PLACES_URL", Some(PUBLIC_NOMINATIM))?
            .map(|url| -> Result<PlacesSettings, ConfigError> {
                Ok(PlacesSettings {
                    url,
                    api,
                    min_interval: millis(env, "PLACES_MIN_INTERVAL_MS", 1_000)?,
                })
            })
            .transpose()?;
        let tiles = tile_template(env("MAP_TILES_URL"))?
            .map(|url_template| -> Result<TileSettings, ConfigError> {
                Ok(TileSettings {
                    url_template,
                    attribution: text(env, "MAP_TILES_ATTRIBUTION", DEFAULT_TILES_ATTRIBUTION),
                    attribution_url: provider_url(
                        env("MAP_TILES_ATTRIBUTION_URL"),
                        "MAP_TILES_ATTRIBUTION_URL",
                        Some(DEFAULT_TILES_ATTRIBUTION_URL),
                    )?
                    .unwrap_or_default(),
                    max_zoom: parse_number(
                        env("MAP_TILES_MAX_ZOOM"),
                        "MAP_TILES_MAX_ZOOM",
                        1..=22,
                        19,
                    )?,
                })
            })
            .transpose()?;
        let contact = env("PROVIDER_CONTACT")
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        if let Some(contact) = &contact
            && (contact.len() > 200 || !contact.chars().all(|c| c.is_ascii_graphic() || c == ' '))
        {
            return Err(ConfigError {
                variable: "PROVIDER_CONTACT",
                problem: "must be an email or web address in plain ASCII (it goes into the User-Agent header)".to_string(),
            });
        }
        Ok(Self {
            contact,
            places,
            tiles,
            weather_forecast_url: provider_url(
                env("WEATHER_FORECAST_URL"),
                "WEATHER_FORECAST_URL",
                Some(DEFAULT_FORECAST),
            )?,
            weather_archive_url: provider_url(
                env("WEATHER_ARCHIVE_URL"),
                "WEATHER_ARCHIVE_URL",
                Some(DEFAULT_ARCHIVE),
            )?,
            weather_min_interval: millis(env, "WEATHER_MIN_INTERVAL_MS", 200)?,
            weather_refresh: Duration::from_secs(
                60 * u64::from(parse_number(
                    env("WEATHER_REFRESH_MINUTES"),
                    "WEATHER_REFRESH_MINUTES",
                    5..=1_440,
                    60,
                )?),
            ),
            routing_foot_url: provider_url(env("ROUTING_FOOT_URL"), "ROUTING_FOOT_URL", None)?,
            routing_car_url: provider_url(env("ROUTING_CAR_URL"), "ROUTING_CAR_URL", None)?,
            routing_min_interval: millis(env, "ROUTING_MIN_INTERVAL_MS", 1_000)?,
            request_timeout: seconds(env, "PROVIDER_TIMEOUT_SECONDS", 1..=120, 10)?,
            search_timeout: seconds(env, "PLACE_SEARCH_TIMEOUT_SECONDS", 1..=120, 10)?,
            retries: parse_number(env("PROVIDER_RETRIES"), "PROVIDER_RETRIES", 0..=5, 2)?,
            retry_base: Duration::from_millis(500),
            breaker_failures: parse_number(
                env("PROVIDER_BREAKER_FAILURES"),
                "PROVIDER_BREAKER_FAILURES",
                1..=100,
                5,
            )?,
            breaker_cooldown: seconds(env, "PROVIDER_BREAKER_COOLDOWN_SECONDS", 1..=3_600, 60)?,
            max_response_bytes: 2 << 20,
        })
    }

    /// Every provider off: nothing is ever sent anywhere.
    pub fn off(&mut self) {
        self.places = None;
        self.tiles = None;
        self.weather_forecast_url = None;
        self.weather_archive_url = None;
        self.routing_foot_url = None;
        self.routing_car_url = None;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn load(vars: &[(&str, &str)]) -> Result<ProviderSettings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ProviderSettings::load(&|k: &str| map.get(k).cloned())
    }

    #[test]
    fn the_defaults_are_the_public_open_services_and_no_routing() {
        let settings = load(&[]).unwrap();
        let places = settings.places.unwrap();
        assert_eq!(places.url, PUBLIC_NOMINATIM);
        assert_eq!(places.min_interval, Duration::from_secs(1));
        assert_eq!(
            settings.tiles.unwrap().origin(),
            "https://tile.openstreetmap.org"
        );
        assert_eq!(
            settings.weather_forecast_url.as_deref(),
            Some(DEFAULT_FORECAST)
        );
        assert_eq!(settings.routing_foot_url, None);
        assert_eq!(settings.routing_car_url, None);
    }

    #[test]
    fn each_provider_switches_off() {
        let settings = load(&[
            ("PLACES_URL", "off"),
            ("MAP_TILES_URL", "OFF"),
            ("WEATHER_FORECAST_URL", "off"),
            ("WEATHER_ARCHIVE_URL", "off"),
        ])
        .unwrap();
        assert_eq!(settings.places, None);
        assert_eq!(settings.tiles, None);
        assert_eq!(settings.weather_forecast_url, None);
        assert_eq!(settings.weather_archive_url, None);
    }

    #[test]
    fn tile_origins_cover_subdomains() {
        let settings = load(&[(
            "MAP_TILES_URL",
            "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        )])
        .unwrap();
        assert_eq!(
            settings.tiles.unwrap().origin(),
            "https://*.tiles.example.org"
        );
        let local = load(&[(
            "MAP_TILES_URL",
            "http://127.0.0.1:9000/tiles/{z}/{x}/{y}.png",
        )])
        .unwrap();
        assert_eq!(local.tiles.unwrap().origin(), "http://127.0.0.1:9000");
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (variable, bad) in [
            ("PLACES_URL", "ftp://example.org"),
            ("PLACES_URL", "nominatim"),
            ("PLACES_API", "google"),
            ("MAP_TILES_URL", "https://tiles.example.org/tile.png"),
            (
                "MAP_TILES_URL",
                "https://tiles.example.org/{z}/{x}/{y}.png'; script-src *",
            ),
            ("MAP_TILES_MAX_ZOOM", "30"),
            ("WEATHER_FORECAST_URL", "https://example.org/?key=1"),
            ("ROUTING_CAR_URL", "router"),
            ("PLACES_MIN_INTERVAL_MS", "-1"),
            ("PROVIDER_CONTACT", "ops@example.org\r\nX-Injected: 1"),
            ("WEATHER_REFRESH_MINUTES", "1"),
        ] {
            match load(&[(variable, bad)]) {
                Err(error) => assert_eq!(error.variable, variable, "{bad}"),
                Ok(_) => panic!("{variable}={bad} was accepted"),
            }
        }
    }
}
