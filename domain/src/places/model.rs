//! Places: a point on the earth, a place a search found, what an activity or a trip keeps of
//! the place picked for it, and what a search asks for.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::FormErrors;

pub const PLACE_NAME_MAX: usize = 200;
pub const PLACE_ADDRESS_MAX: usize = 300;
pub const PLACE_REF_MAX: usize = 64;
/// Searches shorter than this find too much to be useful (and cost the provider as much).
pub const QUERY_MIN: usize = 2;
pub const QUERY_MAX: usize = 200;
/// How many results a search shows.
pub const RESULTS_MAX: usize = 8;

/// A position in degrees (WGS 84), within range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub latitude: f64,
    pub longitude: f64,
}

impl Point {
    /// The point, if both numbers are finite and within range.
    pub fn new(latitude: f64, longitude: f64) -> Option<Self> {
        (latitude.is_finite()
            && longitude.is_finite()
            && latitude.abs() <= 90.0
            && longitude.abs() <= 180.0)
            .then_some(Self {
                latitude,
                longitude,
            })
    }

    /// A point from optional coordinates (both or nothing).
    pub fn from_pair(latitude: Option<f64>, longitude: Option<f64>) -> Option<Self> {
        Self::new(latitude?, longitude?)
    }

    /// The great-circle distance to `other`, in metres.
    pub fn distance_m(self, other: Self) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_008.8;
        let (a, b) = (self.latitude.to_radians(), other.latitude.to_radians());
        let d_lat = b - a;
        let d_lon = (other.longitude - self.longitude).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + a.cos() * b.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
    }

    /// The point on openstreetmap.org, marked.
    pub fn osm_url(self) -> String {
        let (lat, lon) = (self.latitude, self.longitude);
        format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}"
        )
    }

    /// The point as a `geo:` URI, which phones open in their map app.
    pub fn geo_uri(self) -> String {
        format!("geo:{:.5},{:.5}", self.latitude, self.longitude)
    }
}

/// A place a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The provider's id for it, `osm:node/123` (see [`is_place_ref`]).
    pub place_ref: String,
    pub name: String,
    /// The rest of its address, without the name (may be empty).
    pub address: String,
    /// The provider's class of place (`museum`, `restaurant`, …); may be empty.
    pub kind: String,
    pub point: Point,
}

/// What an activity or a trip keeps of the place picked for it (its position is kept in its
/// latitude and longitude).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacePick {
    pub name: String,
    pub address: String,
    pub place_ref: String,
}

/// Whether `text` is a provider's id for a place as this site writes them: `source:type/id`,
/// such as `osm:node/123` or `osm:way/4567`.
pub fn is_place_ref(text: &str) -> bool {
    let Some((source, rest)) = text.split_once(':') else {
        return false;
    };
    let Some((kind, id)) = rest.split_once('/') else {
        return false;
    };
    text.len() <= PLACE_REF_MAX
        && (1..=16).contains(&source.len())
        && source.bytes().all(|b| b.is_ascii_lowercase())
        && (1..=16).contains(&kind.len())
        && kind.bytes().all(|b| b.is_ascii_lowercase())
        && !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A coordinate typed in a form: `None` when empty; a message on `field` when it is not a
/// number within `limit`.
fn coordinate(
    errors: &mut FormErrors,
    field: &str,
    text: &str,
    limit: f64,
    message: &str,
) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() && value.abs() <= limit => Some(value),
        _ => {
            errors.add(field, message);
            None
        }
    }
}

/// A place's fields as a form (or the API) sends them, every one text.
#[derive(Debug, Clone, Copy)]
pub struct PlaceFields<'a> {
    pub name: &'a str,
    pub address: &'a str,
    pub place_ref: &'a str,
    pub latitude: &'a str,
    pub longitude: &'a str,
    /// `on` when the traveler asked to take the place (and its position) away.
    pub remove: &'a str,
}

/// A checked place: what was picked (if anything) and the position (if any).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedPlace {
    pub pick: Option<PlacePick>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl PlaceFields<'_> {
    /// Checks the fields, adding a message per problem (on `latitude`, `longitude` or
    /// `place_name`) to `errors`.
    pub fn check(&self, errors: &mut FormErrors) -> CheckedPlace {
        if self.remove.trim() == "on" {
            return CheckedPlace::default();
        }
        let latitude = coordinate(
            errors,
            "latitude",
            self.latitude,
            90.0,
            "Latitude is a number from -90 to 90.",
        );
        let longitude = coordinate(
            errors,
            "longitude",
            self.longitude,
            180.0,
            "Longitude is a number from -180 to 180.",
        );
        let coordinates_typed =
            errors.field("latitude").is_none() && errors.field("longitude").is_none();
        if latitude.is_some() != longitude.is_some() && coordinates_typed {
            errors.add("latitude", "Give both latitude and longitude, or neither.");
        }
        let (name, address, place_ref) =
            (self.name.trim(), self.address.trim(), self.place_ref.trim());
        let pick = if name.is_empty() && address.is_empty() && place_ref.is_empty() {
            None
        } else if name.is_empty()
            || name.chars().count() > PLACE_NAME_MAX
            || address.chars().count() > PLACE_ADDRESS_MAX
            || !(place_ref.is_empty() || is_place_ref(place_ref))
        {
            errors.add(
                "place_name",
                "That place could not be read. Search for it again, or remove it.",
            );
            None
        } else if latitude.is_none() || longitude.is_none() {
            if coordinates_typed {
                errors.add(
                    "place_name",
                    "A place needs its map position. Search for it again, or remove it.",
                );
            }
            None
        } else {
            Some(PlacePick {
                name: name.to_string(),
                address: address.to_string(),
                place_ref: place_ref.to_string(),
            })
        };
        CheckedPlace {
            pick,
            latitude,
            longitude,
        }
    }
}

/// Why a search cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QueryProblem {
    #[error("too short")]
    TooShort,
}

/// What a traveler searched for: the words (trimmed, spaces collapsed, at most
/// [`QUERY_MAX`] characters) and, to rank nearby places first, a point near the trip.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceQuery {
    text: String,
    near: Option<Point>,
}

impl PlaceQuery {
    /// The search for `text`, near `near`.
    ///
    /// # Errors
    /// `TooShort` when fewer than [`QUERY_MIN`] characters are left after trimming.
    pub fn new(text: &str, near: Option<Point>) -> Result<Self, QueryProblem> {
        let text: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|c| !c.is_control())
            .take(QUERY_MAX)
            .collect();
        if text.chars().count() < QUERY_MIN {
            return Err(QueryProblem::TooShort);
        }
        // A tenth of a degree is plenty to rank results by, and keeps equal searches near the
        // same town one entry in the shared cache.
        let near = near.and_then(|p| {
            Point::new(
                (p.latitude * 10.0).round() / 10.0,
                (p.longitude * 10.0).round() / 10.0,
            )
        });
        Ok(Self { text, near })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn near(&self) -> Option<Point> {
        self.near
    }

    /// The key of this search in the shared cache: a digest, so the cache never holds what
    /// anyone searched for. Case does not matter to the providers, so neither does it here.
    pub fn key(&self) -> String {
        let near = self
            .near
            .map(|p| format!("{:.1},{:.1}", p.latitude, p.longitude))
            .unwrap_or_default();
        let source = format!("v1\n{}\n{near}", self.text.to_lowercase());
        Sha256::digest(source.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(name: &'a str, lat: &'a str, lon: &'a str) -> PlaceFields<'a> {
        PlaceFields {
            name,
            address: "Avenida Brasília, Lisboa",
            place_ref: "osm:way/8184476",
            latitude: lat,
            longitude: lon,
            remove: "",
        }
    }

    #[test]
    fn place_refs_are_source_type_and_id() {
        for good in ["osm:node/123", "osm:way/8184476", "osm:relation/5400890"] {
            assert!(is_place_ref(good), "{good}");
        }
        for bad in [
            "",
            "osm",
            "osm:node",
            "osm:/1",
            "OSM:node/1",
            "osm:node/",
            "osm:node/1 2",
            "osm:node/<b>",
            &format!("osm:node/{}", "1".repeat(64)),
        ] {
            assert!(!is_place_ref(bad), "{bad}");
        }
    }

    #[test]
    fn a_picked_place_needs_its_name_and_position() {
        let mut errors = FormErrors::default();
        let checked = fields(" Torre de Belém ", "38.6916", "-9.216").check(&mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(checked.pick.unwrap().name, "Torre de Belém");
        assert_eq!(checked.latitude, Some(38.6916));

        let mut errors = FormErrors::default();
        let checked = fields("Torre de Belém", "", "").check(&mut errors);
        assert_eq!(checked.pick, None);
        assert!(errors.field("place_name").unwrap().contains("map position"));

        let mut errors = FormErrors::default();
        fields("", "38.6916", "-9.216").check(&mut errors);
        assert!(errors.field("place_name").is_some());

        let mut errors = FormErrors::default();
        fields(&"x".repeat(201), "38.6916", "-9.216").check(&mut errors);
        assert!(errors.field("place_name").is_some());
    }

    #[test]
    fn coordinates_come_in_pairs_and_within_range() {
        let mut errors = FormErrors::default();
        fields("", "91", "0").check(&mut errors);
        assert_eq!(
            errors.field("latitude").as_deref(),
            Some("Latitude is a number from -90 to 90.")
        );
        let mut errors = FormErrors::default();
        let checked = PlaceFields {
            latitude: "38.7",
            ..PlaceFields {
                name: "",
                address: "",
                place_ref: "",
                latitude: "",
                longitude: "",
                remove: "",
            }
        }
        .check(&mut errors);
        assert_eq!(checked.longitude, None);
        assert_eq!(
            errors.field("latitude").as_deref(),
            Some("Give both latitude and longitude, or neither.")
        );
    }

    #[test]
    fn removing_takes_the_place_and_its_position_away() {
        let mut errors = FormErrors::default();
        let checked = PlaceFields {
            remove: "on",
            ..fields("Torre de Belém", "not a number", "-9.216")
        }
        .check(&mut errors);
        assert!(errors.is_empty());
        assert_eq!(checked, CheckedPlace::default());
    }

    #[test]
    fn equal_searches_share_a_key_that_hides_the_words() {
        let near = Point::new(38.7223, -9.1393);
        let a = PlaceQuery::new("  Torre   de Belém ", near).unwrap();
        let b = PlaceQuery::new("torre de belém", Point::new(38.71, -9.14)).unwrap();
        assert_eq!(a.text(), "Torre de Belém");
        assert_eq!(a.key(), b.key());
        assert_eq!(a.key().len(), 64);
        assert!(!a.key().contains("Bel"));
        assert_ne!(
            a.key(),
            PlaceQuery::new("torre de belém", None).unwrap().key()
        );
        assert_eq!(PlaceQuery::new(" a ", None), Err(QueryProblem::TooShort));
        let long = "x".repeat(500);
        assert_eq!(
            PlaceQuery::new(&long, None).unwrap().text().len(),
            QUERY_MAX
        );
    }

    #[test]
    fn distances_are_great_circle_metres() {
        let belem = Point::new(38.6916, -9.2160).unwrap();
        let castle = Point::new(38.7139, -9.1335).unwrap();
        let d = belem.distance_m(castle);
        assert!((7_500.0..7_600.0).contains(&d), "{d}");
        assert_eq!(belem.distance_m(belem), 0.0);
        assert_eq!(Point::new(91.0, 0.0), None);
        assert_eq!(Point::new(f64::NAN, 0.0), None);
        assert_eq!(belem.geo_uri(), "geo:38.69160,-9.21600");
        assert!(
            belem
                .osm_url()
                .starts_with("https://www.openstreetmap.org/?mlat=38.69160")
        );
    }
}
