//! Searching for places: the shared cache first, the provider only for what it does not hold.
//! Results are cached in the database by a digest of the search (never the words), shared by
//! every traveler and every instance, as the public geocoders ask; each result is kept by the
//! provider's id so that picking one reads it from here, not from what a browser sends.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, Weak},
};

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    sea_query::OnConflict,
};

use super::model::{Place, PlaceQuery, Point, RESULTS_MAX, is_place_ref};
use crate::{
    entities::{place_searches, places},
    providers::ProviderError,
};

/// How long a search's results are used before the provider is asked again.
pub const SEARCH_FRESH_DAYS: i64 = 30;

/// A geocoder: finds places by name.
#[async_trait::async_trait]
pub trait PlaceSearch: Send + Sync {
    /// Up to [`RESULTS_MAX`] places matching `query`, best first.
    ///
    /// # Errors
    /// The provider is off, failing, too slow or busy.
    async fn search(&self, query: &PlaceQuery) -> Result<Vec<Place>, ProviderError>;
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Searches through the cache, asking the provider at most once at a time per search on this
/// instance: travelers searching for the same thing together wait for one answer.
#[derive(Default)]
pub struct Searches {
    in_flight: Mutex<HashMap<String, Weak<tokio::sync::Mutex<()>>>>,
}

impl Searches {
    /// The places for `query`: cached when a search for the same was answered in the last
    /// [`SEARCH_FRESH_DAYS`] days, else from `provider` (and then cached).
    ///
    /// # Errors
    /// The provider gave no answer (nothing is cached then), or the database failed.
    pub async fn search(
        &self,
        db: &impl ConnectionTrait,
        provider: &dyn PlaceSearch,
        query: &PlaceQuery,
        now: DateTime<Utc>,
    ) -> Result<Vec<Place>, SearchError> {
        let key = query.key();
        if let Some(places) = cached(db, &key, now).await? {
            return Ok(places);
        }
        let flight = self.flight(&key);
        let _turn = flight.lock().await;
        if let Some(places) = cached(db, &key, now).await? {
            return Ok(places);
        }
        let mut found = provider.search(query).await?;
        found.retain(|place| is_place_ref(&place.place_ref));
        found.truncate(RESULTS_MAX);
        store(db, &key, &found, now).await?;
        Ok(found)
    }

    /// The lock searches for `key` take turns on.
    fn flight(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(flight) = in_flight.get(key).and_then(Weak::upgrade) {
            return flight;
        }
        in_flight.retain(|_, flight| flight.strong_count() > 0);
        let flight = Arc::new(tokio::sync::Mutex::new(()));
        in_flight.insert(key.to_string(), Arc::downgrade(&flight));
        flight
    }
}

/// The cached results for `key`, in order, if fresh.
async fn cached(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> Result<Option<Vec<Place>>, DbErr> {
    let Some(search) = place_searches::Entity::find_by_id(key.to_string())
        .filter(place_searches::Column::FetchedAt.gt(now - TimeDelta::days(SEARCH_FRESH_DAYS)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let refs: Vec<String> = serde_json::from_str(&search.results).unwrap_or_default();
    if refs.is_empty() {
        // "Nothing found" is kept a day only: a place may be added to the map meanwhile.
        let fresh = search.fetched_at > now - TimeDelta::days(1);
        return Ok(fresh.then(Vec::new));
    }
    let rows = places::Entity::find()
        .filter(places::Column::PlaceRef.is_in(refs.clone()))
        .all(db)
        .await?;
    let mut by_ref: HashMap<String, Place> = rows
        .into_iter()
        .filter_map(|row| Some((row.place_ref.clone(), place_of(row)?)))
        .collect();
    let places: Vec<Place> = refs.iter().filter_map(|r| by_ref.remove(r)).collect();
    // A result cleaned out of `places` since: ask again rather than show fewer.
    Ok((places.len() == refs.len()).then_some(places))
}

fn place_of(row: places::Model) -> Option<Place> {
    Some(Place {
        point: Point::new(row.latitude, row.longitude)?,
        place_ref: row.place_ref,
        name: row.name,
        address: row.address,
        kind: row.kind,
    })
}

async fn store(
    db: &impl ConnectionTrait,
    key: &str,
    found: &[Place],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if !found.is_empty() {
        let rows = found.iter().map(|place| places::ActiveModel {
            place_ref: Set(place.place_ref.clone()),
            name: Set(place.name.clone()),
            address: Set(place.address.clone()),
            kind: Set(place.kind.clone()),
            latitude: Set(place.point.latitude),
            longitude: Set(place.point.longitude),
            fetched_at: Set(now),
        });
        places::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::column(places::Column::PlaceRef)
                    .update_columns([
                        places::Column::Name,
                        places::Column::Address,
                        places::Column::Kind,
                        places::Column::Latitude,
                        places::Column::Longitude,
                        places::Column::FetchedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    let refs: Vec<&str> = found.iter().map(|place| place.place_ref.as_str()).collect();
    place_searches::Entity::insert(place_searches::ActiveModel {
        key: Set(key.to_string()),
        results: Set(serde_json::to_string(&refs).unwrap_or_else(|_| "[]".to_string())),
        fetched_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(place_searches::Column::Key)
            .update_columns([
                place_searches::Column::Results,
                place_searches::Column::FetchedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A place a search returned, by the provider's id (for picking it).
pub async fn find(db: &impl ConnectionTrait, place_ref: &str) -> Result<Option<Place>, DbErr> {
    if !is_place_ref(place_ref) {
        return Ok(None);
    }
    Ok(places::Entity::find_by_id(place_ref.to_string())
        .one(db)
        .await?
        .and_then(place_of))
}

/// Forgets searches older than [`SEARCH_FRESH_DAYS`], and places no search has returned for
/// twice as long.
pub async fn delete_stale(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    place_searches::Entity::delete_many()
        .filter(place_searches::Column::FetchedAt.lt(now - TimeDelta::days(SEARCH_FRESH_DAYS)))
        .exec(db)
        .await?;
    places::Entity::delete_many()
        .filter(places::Column::FetchedAt.lt(now - TimeDelta::days(2 * SEARCH_FRESH_DAYS)))
        .exec(db)
        .await?;
    Ok(())
}
