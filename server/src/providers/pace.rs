//! The pace of requests to a provider, kept in the database so that every instance sharing it
//! keeps one pace: each request reserves the provider's next free slot (at least the minimum
//! interval after the one before) and waits for it, and a `Retry-After` a provider sends moves
//! the next slot past it. A request whose slot would come after its caller's deadline is not
//! sent at all.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use domain::providers::ProviderError;
use http::Extensions;
use http_client::{Request, Response, StatusCode, header};
use reqwest_middleware::{Middleware, Next};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// Added to every non-zero interval: requests leave on schedule but arrive with some jitter,
/// and "at most one per second" must hold where they arrive. 60 ms was not enough on a busy
/// two-core machine (two searches arrived under a second apart at the test's fake provider).
const MARGIN: Duration = Duration::from_millis(150);
/// How late after its slot a request may still leave. A request that cannot leave on time (the
/// reservation came back slowly from a busy database, or the wait overslept) gives its slot up
/// and reserves another: leaving late would bring it closer than the interval to the next one.
const LATE: i64 = 20;
/// Reservations one request makes at most before it is refused as busy.
const ATTEMPTS: u32 = 5;

/// When the caller stops waiting, carried in the request's extensions.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(pub Instant);

fn unix_ms(at: SystemTime) -> i64 {
    at.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn ms(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// Reserves `provider`'s next slot, at least `interval` after the last one, if it starts no
/// later than `latest` (Unix ms). Returns the slot's start (Unix ms), or `None` when the next
/// free slot is later than that.
pub async fn reserve(
    db: &impl ConnectionTrait,
    provider: &str,
    interval: Duration,
    now: i64,
    latest: i64,
) -> Result<Option<i64>, DbErr> {
    let step = if interval.is_zero() {
        0
    } else {
        ms(interval + MARGIN)
    };
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO provider_pace (provider, next_at) VALUES ($1, $2 + $3) \
             ON CONFLICT (provider) DO UPDATE \
             SET next_at = GREATEST(provider_pace.next_at, $2) + $3 \
             WHERE provider_pace.next_at <= $4 \
             RETURNING next_at"
        }
        _ => {
            "INSERT INTO provider_pace (provider, next_at) VALUES ($1, $2 + $3) \
             ON CONFLICT (provider) DO UPDATE \
             SET next_at = MAX(provider_pace.next_at, $2) + $3 \
             WHERE provider_pace.next_at <= $4 \
             RETURNING next_at"
        }
    };
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [provider.into(), now.into(), step.into(), latest.into()],
        ))
        .await?;
    Ok(match row {
        Some(row) => Some(row.try_get::<i64>("", "next_at")? - step),
        None => None,
    })
}

/// Moves `provider`'s next slot to `until` (Unix ms) at the earliest.
pub async fn hold_until(
    db: &impl ConnectionTrait,
    provider: &str,
    until: i64,
) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO provider_pace (provider, next_at) VALUES ($1, $2) \
             ON CONFLICT (provider) DO UPDATE SET next_at = GREATEST(provider_pace.next_at, $2)"
        }
        _ => {
            "INSERT INTO provider_pace (provider, next_at) VALUES ($1, $2) \
             ON CONFLICT (provider) DO UPDATE SET next_at = MAX(provider_pace.next_at, $2)"
        }
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [provider.into(), until.into()],
    ))
    .await?;
    Ok(())
}

/// Whether this instance takes a periodic job named `job` now: the first instance to ask after
/// its time claims it until `every` later.
pub async fn claim(db: &impl ConnectionTrait, job: &str, every: Duration) -> Result<bool, DbErr> {
    let now = unix_ms(SystemTime::now());
    let latest = now;
    Ok(reserve(db, job, every, now, latest).await?.is_some())
}

/// How long a `Retry-After` asks to wait: seconds, or an HTTP date.
pub fn retry_after(response: &Response) -> Option<Duration> {
    let value = response
        .headers()
        .get(header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = at.timestamp_millis() - unix_ms(SystemTime::now());
    Some(Duration::from_millis(u64::try_from(wait).unwrap_or(0)))
}

/// Whether a response tells us to slow down.
pub fn is_slow_down(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE
}

/// The middleware: every attempt (first or retry) waits for its slot.
pub struct Pace {
    pub db: DatabaseConnection,
    pub provider: &'static str,
    pub interval: Duration,
}

#[async_trait::async_trait]
impl Middleware for Pace {
    async fn handle(
        &self,
        request: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        let deadline = extensions
            .get::<Deadline>()
            .map_or_else(|| Instant::now() + Duration::from_secs(60), |d| d.0);
        let mut attempts = 0;
        loop {
            attempts += 1;
            let now = SystemTime::now();
            let left = deadline.saturating_duration_since(Instant::now());
            let slot = reserve(
                &self.db,
                self.provider,
                self.interval,
                unix_ms(now),
                unix_ms(now + left),
            )
            .await
            .map_err(|error| {
                tracing::warn!(provider = self.provider, %error, "could not reserve a request slot");
                reqwest_middleware::Error::middleware(ProviderError::Failed("pace".into()))
            })?
            .ok_or_else(|| reqwest_middleware::Error::middleware(ProviderError::Busy))?;
            let wait = slot - unix_ms(SystemTime::now());
            if wait > 0 {
                tokio::time::sleep(Duration::from_millis(u64::try_from(wait).unwrap_or(0))).await;
            }
            if self.interval.is_zero() || unix_ms(SystemTime::now()) - slot <= LATE {
                break;
            }
            if attempts >= ATTEMPTS {
                return Err(reqwest_middleware::Error::middleware(ProviderError::Busy));
            }
        }
        metrics::counter!("travel_planner_provider_requests_total", "provider" => self.provider)
            .increment(1);
        let response = next.run(request, extensions).await?;
        if is_slow_down(response.status())
            && let Some(wait) = retry_after(&response)
        {
            let until = unix_ms(SystemTime::now() + wait.min(Duration::from_secs(24 * 3600)));
            if let Err(error) = hold_until(&self.db, self.provider, until).await {
                tracing::warn!(provider = self.provider, %error, "could not keep a Retry-After");
            }
        }
        Ok(response)
    }
}
