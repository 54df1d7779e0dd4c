//! The outside services pages use, as the server configured them: the place search (the only
//! provider a request ever waits for — a traveler's explicit search, with a time limit), the
//! map's tiles (loaded by browsers), whether weather and travel times are kept (the server's
//! refresher fetches them; pages only read them), and the queue of what pages found missing.
//! A provider that is off is `None` here, and what it would show is left out of the pages.

use std::{sync::Arc, time::Duration};

use chrono::NaiveDate;
use domain::{
    places::{
        service::{PlaceSearch, Searches},
        travel::{Leg, Mode},
    },
    weather::model::Cell,
};

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

/// What a page found missing from the stores, for the refresher to fetch.
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Default)]
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
}

impl Providers {
    /// The modes travel times are kept for (none without a routing provider).
    pub fn routing_modes(&self) -> &[Mode] {
        self.routing
            .as_ref()
            .map_or(&[], |(_, modes)| modes.as_slice())
    }

    /// Hands `demand` to the refresher without waiting.
    pub fn ask(&self, demand: Demand) {
        if demand.is_empty() {
            return;
        }
        if let Some(queue) = &self.demand
            && queue.try_send(demand).is_err()
        {
            tracing::debug!("the refresher's queue is full; a later view asks again");
        }
    }
}
