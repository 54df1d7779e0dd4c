//! The outside services pages use, as the server configured them: the place search (the only
//! provider a request ever waits for — a traveler's explicit search, with a time limit), the
//! map's tiles (loaded by browsers), whether weather and travel times are kept (the server's
//! refresher fetches them; pages only read them), and the queue of what pages found missing.
//! A provider that is off is `None` here, and what it would show is left out of the pages.

use std::{
    hash::{DefaultHasher, Hasher},
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use domain::{
    places::{
        service::{PlaceSearch, Searches},
        travel::{Leg, Mode},
    },
    weather::model::Cell,
};

/// A response header a page with a map sets, for the server's security headers to allow the
/// map's tile server in the page's `img-src` (they remove it before the response leaves).
pub const MAP_PAGE_HEADER: &str = "x-travel-planner-map";

/// Who a provider is, for attribution and the privacy page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// `OpenStreetMap Nominatim`.
    pub name: String,
    /// The address requests go to (its host is shown).
    pub url: String,
    /// The line shown beside what it provided (`© OpenStreetMap contributors`).
    pub attribution: String,
    pub attribution_url: String,
}

/// The place search.
pub struct PlaceSearchService {
    pub provider: Arc<dyn PlaceSearch>,
    pub searches: Searches,
    /// The longest a traveler waits for an answer.
    pub timeout: Duration,
    pub credit: Credit,
}

/// The map's background tiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tiles {
    pub url_template: String,
    pub max_zoom: u32,
    pub credit: Credit,
}

/// A page asks for the same missing things at most this often (a popular trip is viewed many
/// times a second; the refresher needs to hear once).
const ASK_AGAIN_AFTER: Duration = Duration::from_secs(60);

/// What a page found missing from the stores, for the refresher to fetch.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Demand {
    pub weather: Vec<(Cell, Vec<NaiveDate>)>,
    pub legs: Vec<Leg>,
}

impl Demand {
    pub fn is_empty(&self) -> bool {
        self.weather.is_empty() && self.legs.is_empty()
    }
}

/// The providers, as configured.
pub struct Providers {
    pub places: Option<PlaceSearchService>,
    pub tiles: Option<Tiles>,
    /// The weather provider, when weather is kept.
    pub weather: Option<Credit>,
    /// The routing provider(s) and the modes they time.
    pub routing: Option<(Credit, Vec<Mode>)>,
    /// Where pages send what they found missing (the server's refresher). Never waits: when
    /// the queue is full the demand is dropped, and the next view asks again.
    pub demand: Option<tokio::sync::mpsc::Sender<Demand>>,
    /// When each recent demand was made, by a digest of it.
    asked: quick_cache::sync::Cache<u64, Instant>,
}

impl Default for Providers {
    fn default() -> Self {
        Self {
            places: None,
            tiles: None,
            weather: None,
            routing: None,
            demand: None,
            asked: quick_cache::sync::Cache::new(4_096),
        }
    }
}

/// A digest of `demand`.
fn digest(demand: &Demand) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(serde_json::to_string(demand).unwrap_or_default().as_bytes());
    hasher.finish()
}

impl Providers {
    /// The modes travel times are kept for (none without a routing provider).
    pub fn routing_modes(&self) -> &[Mode] {
        self.routing
            .as_ref()
            .map_or(&[], |(_, modes)| modes.as_slice())
    }

    /// Hands `demand` to the refresher without waiting (unless the same was asked within
    /// the last minute).
    pub fn ask(&self, demand: &Demand) {
        let Some(queue) = &self.demand else {
            return;
        };
        if demand.is_empty() {
            return;
        }
        let key = digest(demand);
        let now = Instant::now();
        if self
            .asked
            .get(&key)
            .is_some_and(|at| now.duration_since(at) < ASK_AGAIN_AFTER)
        {
            return;
        }
        self.asked.insert(key, now);
        if queue.try_send(demand.clone()).is_err() {
            tracing::debug!("the refresher's queue is full; a later view asks again");
        }
    }
}
