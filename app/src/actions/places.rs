//! Places, maps and weather for the pages: the place search (the only page that may wait on a
//! provider — a traveler asked, and waits at most the configured time), reading a picked place
//! back, and what the trip and day pages show from the stores (weather, travel times), with
//! what they found missing handed to the refresher.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use domain::{
    map::{Needs, TripMap},
    places::{
        model::{Place, PlaceQuery},
        service::SearchError,
        travel::TravelTime,
    },
    providers::ProviderError,
    trips::model::Trip,
    weather::model::DayWeather,
};
use leptos::prelude::*;
use sea_orm::{ConnectionTrait, DbErr};
use serde::{Deserialize, Serialize};

use crate::{
    context,
    error::AppError,
    providers::{Demand, Providers},
    session,
};

/// What the stores hold for a page: the weather of its days and the travel times of its legs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub weather: Vec<DayWeather>,
    pub travel: Vec<TravelTime>,
}

/// What `map` would show from providers that are on.
pub fn needs_of(providers: &Providers, map: &TripMap) -> Needs {
    map.needs(providers.weather.is_some())
}

/// Reads what the stores hold for `needs`: at most two statements, however many days and
/// places.
///
/// # Errors
/// The database failed.
pub async fn read_stored(db: &impl ConnectionTrait, needs: &Needs) -> Result<Stored, DbErr> {
    let weather = match needs.dates {
        Some((from, to)) => domain::weather::service::read(db, &needs.cells, from, to).await?,
        None => Vec::new(),
    };
    let travel = domain::places::travel::read(db, &needs.legs, chrono::Utc::now()).await?;
    Ok(Stored { weather, travel })
}

/// What `map` would show but the stores do not hold yet.
pub fn missing(providers: &Providers, map: &TripMap, stored: &Stored) -> Demand {
    let mut weather: BTreeMap<_, Vec<NaiveDate>> = BTreeMap::new();
    if providers.weather.is_some() {
        let held: BTreeSet<(String, NaiveDate)> = stored
            .weather
            .iter()
            .map(|day| (day.cell.clone(), day.date))
            .collect();
        for spot in &map.weather {
            if !held.contains(&(spot.cell.key(), spot.date)) {
                weather.entry(spot.cell).or_default().push(spot.date);
            }
        }
    }
    let held: BTreeSet<&str> = stored.travel.iter().map(|t| t.leg.as_str()).collect();
    let legs = map
        .legs
        .iter()
        .filter_map(|planned| planned.leg)
        .filter(|leg| !held.contains(leg.key().as_str()))
        .collect();
    Demand {
        weather: weather.into_iter().collect(),
        legs,
    }
}

/// How a search went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SearchOutcome {
    /// Nothing searched for yet.
    NotAsked,
    /// Fewer than two letters.
    TooShort,
    /// The site has no place search.
    Off,
    /// The provider did not answer (in time, or at all).
    NotAnswering,
    Found(Vec<Place>),
}

/// The place search page: the trip it is for, what was searched and what was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceSearchPage {
    pub trip: Trip,
    pub query: String,
    pub outcome: SearchOutcome,
    /// The search provider's attribution line and link.
    pub credit: Option<(String, String)>,
}

#[server(prefix = "/api/places", endpoint = "search")]
pub async fn search_places(trip_id: String, q: String) -> Result<PlaceSearchPage, AppError> {
    let actor = session::actor().await?;
    let state = context::state()?;
    let trip_id = trip_id.parse().map_err(|e| AppError::from(e).respond())?;
    let trip = domain::trips::service::find(&state.db, &actor, trip_id)
        .await
        .map_err(|e| AppError::from(e).respond())?;
    // Searching is for putting a place on the plan: a viewer has nothing to put it on.
    actor
        .check(&state.db, trip_id, domain::access::Right::EditPlan)
        .await
        .map_err(|e| AppError::from(e).respond())?;
    let query = q.trim().to_string();
    let Some(search) = &state.providers.places else {
        return Ok(PlaceSearchPage {
            trip,
            query,
            outcome: SearchOutcome::Off,
            credit: None,
        });
    };
    let credit = Some((
        search.credit.attribution.clone(),
        search.credit.attribution_url.clone(),
    ));
    let near = domain::places::model::Point::from_pair(trip.latitude, trip.longitude);
    let outcome = if query.is_empty() {
        SearchOutcome::NotAsked
    } else {
        match PlaceQuery::new(&query, near) {
            Err(_) => SearchOutcome::TooShort,
            Ok(place_query) => {
                let found = tokio::time::timeout(
                    search.timeout,
                    search.searches.search(
                        &state.db,
                        search.provider.as_ref(),
                        &place_query,
                        chrono::Utc::now(),
                    ),
                )
                .await;
                match found {
                    Ok(Ok(places)) => SearchOutcome::Found(places),
                    Ok(Err(SearchError::Db(error))) => {
                        tracing::error!(%error, "place search cache failed");
                        return Err(AppError::Internal.respond());
                    }
                    Ok(Err(SearchError::Provider(ProviderError::Off))) => SearchOutcome::Off,
                    Ok(Err(SearchError::Provider(_))) | Err(_) => SearchOutcome::NotAnswering,
                }
            }
        }
    };
    Ok(PlaceSearchPage {
        trip,
        query,
        outcome,
        credit,
    })
}

/// A place a search returned, by the provider's id (a form's `pick`): read from the site's
/// own cache, never from what the browser sends. `None` when it is not (or no longer) there.
#[server(prefix = "/api/places", endpoint = "get")]
pub async fn get_place(place_ref: String) -> Result<Option<Place>, AppError> {
    session::actor().await?;
    if place_ref.is_empty() {
        return Ok(None);
    }
    let db = context::db()?;
    domain::places::service::find(&db, &place_ref)
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not read a place");
            AppError::Internal.respond()
        })
}
