//! The outside services — place search, map tiles, weather, routing — as the settings name
//! them: their clients (one HTTP client stack, a pace and a breaker each), the app's view of
//! them, and the background refresher that fills what pages read. Nothing here is on a page's
//! render path; only a traveler's explicit place search waits for a provider.

pub mod breaker;
pub mod client;
pub mod pace;
pub mod places;
pub mod refresher;
pub mod routing;
pub mod weather;

use std::sync::Arc;

use app::providers::{Credit, PlaceSearchService, Providers, Tiles};
use domain::{places::service::PlaceSearch, weather::service::WeatherSource};
use sea_orm::DatabaseConnection;

use self::{
    client::{ProviderClient, user_agent},
    places::PlaceProvider,
    refresher::Refresher,
    routing::RoutingProvider,
    weather::WeatherProvider,
};
use crate::config::providers::{PUBLIC_NOMINATIM, PlacesApi, ProviderSettings};

/// The providers' clients could not be made.
#[derive(Debug, thiserror::Error)]
#[error("could not set up the HTTP client for outside services: {0}")]
pub struct ProvidersError(#[from] http_client::Error);

fn host(url: &str) -> String {
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The refresher, and the queue of pages' demands it reads.
pub type RefresherWithQueue = (
    Refresher,
    tokio::sync::mpsc::Receiver<app::providers::Demand>,
);

/// The providers for the app, and the refresher to run beside it with the queue it reads
/// (none when every provider that stores answers is off).
///
/// # Errors
/// A client cannot be made.
pub fn build(
    settings: &ProviderSettings,
    base_url: &str,
    db: &DatabaseConnection,
) -> Result<(Providers, Option<RefresherWithQueue>), ProvidersError> {
    let agent = user_agent(settings, base_url);
    let client = |name: &'static str, interval| {
        ProviderClient::new(name, settings, &agent, interval, db.clone())
    };
    let mut providers = Providers::default();

    if let Some(places) = &settings.places {
        if places.url == PUBLIC_NOMINATIM && settings.contact.is_none() {
            tracing::warn!(
                "place search uses the public OpenStreetMap Nominatim without PROVIDER_CONTACT: \
                 set it to an email address, as its usage policy asks"
            );
        }
        let (name, attribution) = match places.api {
            PlacesApi::Nominatim => (
                "OpenStreetMap Nominatim",
                "Search by Nominatim · © OpenStreetMap contributors",
            ),
            PlacesApi::Photon => ("Photon", "Search by Photon · © OpenStreetMap contributors"),
        };
        let provider: Arc<dyn PlaceSearch> = Arc::new(PlaceProvider {
            client: client("places", places.min_interval)?,
            url: places.url.clone(),
            api: places.api,
            timeout: settings.search_timeout,
        });
        providers.places = Some(PlaceSearchService {
            provider,
            searches: Default::default(),
            timeout: settings.search_timeout,
            credit: Credit {
                name: name.to_string(),
                url: places.url.clone(),
                attribution: attribution.to_string(),
                attribution_url: "https://www.openstreetmap.org/copyright".to_string(),
            },
        });
    }

    if let Some(tiles) = &settings.tiles {
        providers.tiles = Some(Tiles {
            url_template: tiles.url_template.clone(),
            max_zoom: tiles.max_zoom,
            credit: Credit {
                name: host(&tiles.url_template),
                url: tiles.url_template.clone(),
                attribution: tiles.attribution.clone(),
                attribution_url: tiles.attribution_url.clone(),
            },
        });
    }

    let forecast = settings
        .weather_forecast_url
        .as_ref()
        .map(|url| {
            Ok::<_, ProvidersError>((
                client("weather_forecast", settings.weather_min_interval)?,
                url.clone(),
            ))
        })
        .transpose()?;
    let archive = settings
        .weather_archive_url
        .as_ref()
        .map(|url| {
            Ok::<_, ProvidersError>((
                client("weather_archive", settings.weather_min_interval)?,
                url.clone(),
            ))
        })
        .transpose()?;
    let weather: Option<Arc<dyn WeatherSource>> = match (forecast, archive) {
        (None, None) => None,
        (forecast, archive) => {
            let url = forecast
                .as_ref()
                .or(archive.as_ref())
                .map(|(_, url)| url.clone())
                .unwrap_or_default();
            providers.weather = Some(Credit {
                name: "Open-Meteo".to_string(),
                attribution: "Weather data by Open-Meteo.com".to_string(),
                attribution_url: "https://open-meteo.com/".to_string(),
                url,
            });
            Some(Arc::new(WeatherProvider { forecast, archive }))
        }
    };

    let foot = settings
        .routing_foot_url
        .as_ref()
        .map(|url| {
            Ok::<_, ProvidersError>((
                client("routing_foot", settings.routing_min_interval)?,
                url.clone(),
            ))
        })
        .transpose()?;
    let car = settings
        .routing_car_url
        .as_ref()
        .map(|url| {
            Ok::<_, ProvidersError>((
                client("routing_car", settings.routing_min_interval)?,
                url.clone(),
            ))
        })
        .transpose()?;
    let routing: Option<Arc<dyn domain::places::travel::Routing>> = match (foot, car) {
        (None, None) => None,
        (foot, car) => {
            let url = foot
                .as_ref()
                .or(car.as_ref())
                .map(|(_, url)| url.clone())
                .unwrap_or_default();
            let routing = RoutingProvider { foot, car };
            providers.routing = Some((
                Credit {
                    name: "OSRM".to_string(),
                    attribution: "Routes by OSRM · © OpenStreetMap contributors".to_string(),
                    attribution_url: "https://www.openstreetmap.org/copyright".to_string(),
                    url,
                },
                domain::places::travel::Routing::modes(&routing),
            ));
            Some(Arc::new(routing))
        }
    };

    if providers.places.is_none() && weather.is_none() && routing.is_none() {
        return Ok((providers, None));
    }
    let (sender, receiver) = tokio::sync::mpsc::channel(refresher::QUEUE);
    providers.demand = Some(sender);
    let refresher = Refresher::new(db.clone(), weather, routing, settings.weather_refresh);
    Ok((providers, Some((refresher, receiver))))
}
