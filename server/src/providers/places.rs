//! Place search against a Nominatim-compatible (`/search?format=jsonv2`) or Photon-compatible
//! (`/api`, GeoJSON) server. What comes back is checked and cut to size before it is used:
//! a result without an OpenStreetMap id or a position on the earth is left out.

use std::time::{Duration, Instant};

use domain::{
    places::{
        model::{PLACE_ADDRESS_MAX, PLACE_NAME_MAX, Place, PlaceQuery, Point, RESULTS_MAX},
        service::PlaceSearch,
    },
    providers::ProviderError,
};
use serde::Deserialize;

use super::client::ProviderClient;
use crate::config::providers::PlacesApi;

pub struct PlaceProvider {
    pub client: ProviderClient,
    pub url: String,
    pub api: PlacesApi,
    /// The longest one search may take in all.
    pub timeout: Duration,
}

/// `text` cut to `max` characters.
fn cut(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// `osm:node/123` from a type as either API spells it.
fn place_ref(kind: &str, id: u64) -> Option<String> {
    let kind = match kind {
        "node" | "N" => "node",
        "way" | "W" => "way",
        "relation" | "R" => "relation",
        _ => return None,
    };
    Some(format!("osm:{kind}/{id}"))
}

/// The address without the place's own name at its start.
fn address_without(name: &str, full: &str) -> String {
    let rest = full
        .strip_prefix(name)
        .map(|rest| rest.trim_start_matches([',', ' ']))
        .unwrap_or(full);
    cut(rest, PLACE_ADDRESS_MAX)
}

#[derive(Deserialize)]
struct NominatimPlace {
    osm_type: String,
    osm_id: u64,
    lat: String,
    lon: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    display_name: String,
    #[serde(default, rename = "type")]
    kind: String,
}

impl NominatimPlace {
    fn into_place(self) -> Option<Place> {
        let point = Point::new(self.lat.parse().ok()?, self.lon.parse().ok()?)?;
        let name = if self.name.trim().is_empty() {
            self.display_name
                .split(',')
                .next()
                .unwrap_or_default()
                .to_string()
        } else {
            self.name
        };
        let name = cut(&name, PLACE_NAME_MAX);
        (!name.is_empty()).then(|| Place {
            place_ref: place_ref(&self.osm_type, self.osm_id).unwrap_or_default(),
            address: address_without(&name, &self.display_name),
            kind: cut(&self.kind, 32),
            name,
            point,
        })
    }
}

#[derive(Deserialize)]
struct PhotonAnswer {
    features: Vec<PhotonFeature>,
}

#[derive(Deserialize)]
struct PhotonFeature {
    geometry: PhotonGeometry,
    properties: PhotonProperties,
}

#[derive(Deserialize)]
struct PhotonGeometry {
    coordinates: (f64, f64),
}

#[derive(Deserialize)]
struct PhotonProperties {
    osm_type: String,
    osm_id: u64,
    #[serde(default)]
    osm_value: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    housenumber: Option<String>,
    #[serde(default)]
    street: Option<String>,
    #[serde(default)]
    postcode: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    country: Option<String>,
}

impl PhotonFeature {
    fn into_place(self) -> Option<Place> {
        let (longitude, latitude) = self.geometry.coordinates;
        let point = Point::new(latitude, longitude)?;
        let p = self.properties;
        let street = match (p.street, p.housenumber) {
            (Some(street), Some(number)) => Some(format!("{street} {number}")),
            (street, _) => street,
        };
        let town = match (p.postcode, p.city) {
            (Some(code), Some(city)) => Some(format!("{code} {city}")),
            (code, city) => city.or(code),
        };
        let parts: Vec<String> = [street, town, p.state, p.country]
            .into_iter()
            .flatten()
            .filter(|part| !part.trim().is_empty())
            .collect();
        let name = cut(
            p.name
                .as_deref()
                .or(parts.first().map(String::as_str))
                .unwrap_or_default(),
            PLACE_NAME_MAX,
        );
        let address: Vec<&str> = parts
            .iter()
            .map(String::as_str)
            .filter(|part| *part != name)
            .collect();
        (!name.is_empty()).then(|| Place {
            place_ref: place_ref(&p.osm_type, p.osm_id).unwrap_or_default(),
            address: cut(&address.join(", "), PLACE_ADDRESS_MAX),
            kind: cut(&p.osm_value, 32),
            name,
            point,
        })
    }
}

#[async_trait::async_trait]
impl PlaceSearch for PlaceProvider {
    async fn search(&self, query: &PlaceQuery) -> Result<Vec<Place>, ProviderError> {
        let deadline = Instant::now() + self.timeout;
        let limit = RESULTS_MAX.to_string();
        let mut params = vec![("q", query.text().to_string()), ("limit", limit)];
        let places: Vec<Place> = match self.api {
            PlacesApi::Nominatim => {
                params.extend([
                    ("format", "jsonv2".to_string()),
                    ("accept-language", "en".to_string()),
                ]);
                if let Some(near) = query.near() {
                    // Ranks places within about 50 km first, without leaving others out.
                    let box_ = [
                        near.longitude - 0.5,
                        near.latitude + 0.5,
                        near.longitude + 0.5,
                        near.latitude - 0.5,
                    ]
                    .map(|v| format!("{v:.1}"))
                    .join(",");
                    params.push(("viewbox", box_));
                }
                let answer: Vec<serde_json::Value> = self
                    .client
                    .get_json(&format!("{}/search", self.url), &params, deadline)
                    .await?;
                answer
                    .into_iter()
                    .filter_map(|item| serde_json::from_value::<NominatimPlace>(item).ok())
                    .filter_map(NominatimPlace::into_place)
                    .collect()
            }
            PlacesApi::Photon => {
                params.push(("lang", "en".to_string()));
                if let Some(near) = query.near() {
                    params.extend([
                        ("lat", format!("{:.1}", near.latitude)),
                        ("lon", format!("{:.1}", near.longitude)),
                    ]);
                }
                let answer: PhotonAnswer = self
                    .client
                    .get_json(&format!("{}/api", self.url), &params, deadline)
                    .await?;
                answer
                    .features
                    .into_iter()
                    .filter_map(PhotonFeature::into_place)
                    .collect()
            }
        };
        Ok(places.into_iter().take(RESULTS_MAX).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nominatim_results_become_places() {
        let place: NominatimPlace = serde_json::from_value(serde_json::json!({
            "place_id": 1, "osm_type": "way", "osm_id": 8184476,
            "lat": "38.6915837", "lon": "-9.2159689",
            "category": "tourism", "type": "attraction", "name": "Torre de Belém",
            "display_name": "Torre de Belém, Avenida Brasília, Belém, Lisboa, Portugal"
        }))
        .unwrap();
        let place = place.into_place().unwrap();
        assert_eq!(place.place_ref, "osm:way/8184476");
        assert_eq!(place.name, "Torre de Belém");
        assert_eq!(place.address, "Avenida Brasília, Belém, Lisboa, Portugal");
        assert_eq!(place.kind, "attraction");
        assert!((place.point.latitude - 38.691_583_7).abs() < 1e-9);
    }

    #[test]
    fn results_off_the_earth_or_without_a_name_are_left_out() {
        for bad in [
            serde_json::json!({"osm_type": "node", "osm_id": 1, "lat": "91", "lon": "0", "name": "x"}),
            serde_json::json!({"osm_type": "node", "osm_id": 1, "lat": "NaN", "lon": "0", "name": "x"}),
            serde_json::json!({"osm_type": "node", "osm_id": 1, "lat": "1", "lon": "0", "name": "", "display_name": ""}),
        ] {
            let place: NominatimPlace = serde_json::from_value(bad).unwrap();
            assert_eq!(place.into_place(), None);
        }
    }

    #[test]
    fn photon_features_become_places() {
        let answer: PhotonAnswer = serde_json::from_value(serde_json::json!({
            "type": "FeatureCollection",
            "features": [{
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-9.2032, 38.6975]},
                "properties": {
                    "osm_type": "N", "osm_id": 1234567, "osm_key": "amenity", "osm_value": "cafe",
                    "name": "Pastéis de Belém", "street": "Rua de Belém", "housenumber": "84",
                    "postcode": "1300-085", "city": "Lisboa", "country": "Portugal"
                }
            }]
        }))
        .unwrap();
        let place = answer
            .features
            .into_iter()
            .next()
            .unwrap()
            .into_place()
            .unwrap();
        assert_eq!(place.place_ref, "osm:node/1234567");
        assert_eq!(place.address, "Rua de Belém 84, 1300-085 Lisboa, Portugal");
        assert_eq!(place.kind, "cafe");
        assert_eq!(place.point.longitude, -9.2032);
    }
}
