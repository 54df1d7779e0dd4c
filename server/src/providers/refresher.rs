//! The background task that fills the stores pages read: what pages found missing (weather for
//! a trip's days, travel times between its places), and every `WEATHER_REFRESH_MINUTES` the
//! stored forecasts again. One task per instance, one provider call at a time; the periodic
//! refresh is claimed in the database, so of several instances one does it.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use app::providers::Demand;
use chrono::{NaiveDate, TimeDelta, Utc};
use domain::{
    places::{self, travel::Routing},
    weather::{
        self,
        model::Cell,
        service::{RefreshError, WeatherSource},
    },
};
use quick_cache::sync::Cache;
use sea_orm::DatabaseConnection;
use tokio::sync::mpsc;

use super::pace;

/// What pages asked for is not asked again for this long (a provider that is down is not
/// asked on every page view).
const RETRY_AFTER: Duration = Duration::from_secs(600);
/// Demands waiting at most; past this, pages' demands are dropped (and made again later).
pub const QUEUE: usize = 256;

pub struct Refresher {
    pub db: DatabaseConnection,
    pub weather: Option<Arc<dyn WeatherSource>>,
    pub routing: Option<Arc<dyn Routing>>,
    pub every: Duration,
    /// What was asked recently: a cell and date, or a leg.
    tried: Cache<String, Instant>,
}

impl Refresher {
    pub fn new(
        db: DatabaseConnection,
        weather: Option<Arc<dyn WeatherSource>>,
        routing: Option<Arc<dyn Routing>>,
        every: Duration,
    ) -> Self {
        Self {
            db,
            weather,
            routing,
            every,
            tried: Cache::new(10_000),
        }
    }

    /// Runs until the demand queue closes (the application stopped).
    pub async fn run(self, mut demands: mpsc::Receiver<Demand>) {
        let mut tick = tokio::time::interval(self.every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                demand = demands.recv() => match demand {
                    Some(demand) => self.fill(demand).await,
                    None => return,
                },
                _ = tick.tick() => self.periodic().await,
            }
        }
    }

    /// Whether `key` may be asked for now (and marks it asked).
    fn fresh_attempt(&self, key: String) -> bool {
        let now = Instant::now();
        match self.tried.get(&key) {
            Some(at) if now.duration_since(at) < RETRY_AFTER => false,
            _ => {
                self.tried.insert(key, now);
                true
            }
        }
    }

    fn today() -> NaiveDate {
        Utc::now().date_naive()
    }

    async fn fill(&self, demand: Demand) {
        if let Some(source) = &self.weather {
            for (cell, dates) in demand.weather {
                let dates: Vec<NaiveDate> = dates
                    .into_iter()
                    .filter(|date| self.fresh_attempt(format!("{}@{date}", cell.key())))
                    .collect();
                if !dates.is_empty() {
                    self.refresh_weather(source.as_ref(), cell, &dates).await;
                }
            }
        }
        if let Some(routing) = &self.routing {
            for leg in demand.legs {
                if !self.fresh_attempt(leg.key()) {
                    continue;
                }
                // A failed call: the client logged it.
                if let Ok(route) = routing.route(&leg).await
                    && let Err(error) =
                        places::travel::store(&self.db, &leg, route, Utc::now()).await
                {
                    tracing::warn!(%error, "could not keep a travel time");
                }
            }
        }
    }

    async fn refresh_weather(&self, source: &dyn WeatherSource, cell: Cell, dates: &[NaiveDate]) {
        match weather::service::refresh(&self.db, source, cell, dates, Self::today(), Utc::now())
            .await
        {
            Ok(()) | Err(RefreshError::Provider(_)) => {}
            Err(RefreshError::Db(error)) => tracing::warn!(%error, "could not keep the weather"),
        }
    }

    /// Stored forecasts asked for again, and old provider answers deleted — by one instance.
    async fn periodic(&self) {
        match pace::claim(&self.db, "refresh", self.every).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(error) => {
                tracing::warn!(%error, "could not claim the periodic refresh");
                return;
            }
        }
        let now = Utc::now();
        if let Some(source) = &self.weather {
            let stale_before = now - TimeDelta::from_std(self.every).unwrap_or(TimeDelta::hours(1))
                + TimeDelta::minutes(5);
            match weather::service::due(&self.db, Self::today(), stale_before).await {
                Ok(cells) => {
                    let today = Self::today();
                    for cell in cells {
                        self.refresh_weather(source.as_ref(), cell, &[today]).await;
                    }
                }
                Err(error) => tracing::warn!(%error, "could not list the forecasts due"),
            }
        }
        for result in [
            weather::service::delete_stale(&self.db, now).await,
            places::service::delete_stale(&self.db, now).await,
            places::travel::delete_stale(&self.db, now).await,
        ] {
            if let Err(error) = result {
                tracing::warn!(%error, "could not delete old provider answers");
            }
        }
    }
}
