//! The general rate limit: so many requests per minute per user when logged in, per client
//! address otherwise — and, for logged-in requests, a larger allowance per address shared by
//! every account using it, so many accounts cannot multiply the limit. Addresses are counted
//! per IPv4 address or IPv6 /64. Static files and operations endpoints are not counted.
//! Counters live in the process, or — when several instances share a database — in the
//! database, so the limit holds across instances.
//!
//! The middleware also settles who the client is for the layers inside it: the client IP
//! ([`ClientIp`]) and the logged-in user ([`RequestUser`]), which it also leaves on the response
//! for the request's log line. On the JSON API the user is the bearer token's, never the
//! session's.

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use app::{
    context::{ClientIp, RequestUser},
    error::AppError,
    session::{SessionPolicy, user_in},
};
use axum::{
    body::Body,
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use domain::accounts::{
    api_tokens::AccessKeys,
    limits::{Limiter, address_key},
};
use leptos::server_fn::error::FromServerFnError;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement};
use tower_sessions::Session;

use crate::{
    api::{self, bearer::bearer_token, problem::ApiError},
    config::{IpNet, RateLimitStore},
};

use super::error_pages::ErrorPages;

/// Paths that are never counted: files, health checks, metrics.
fn is_exempt(path: &str) -> bool {
    path.starts_with("/pkg/")
        || matches!(
            path,
            "/favicon.svg" | "/favicon.ico" | "/healthz" | "/readyz" | "/metrics"
        )
}

/// Where the counts are kept.
enum Counter {
    /// One window per key for each allowance: per user or visitor, and per address.
    Memory {
        per_key: Limiter,
        per_address: Limiter,
    },
    Database(DatabaseConnection),
}

/// The per-minute request allowances and where they are counted.
pub struct RateLimit {
    per_minute: u32,
    per_address_per_minute: u32,
    counter: Counter,
    trusted_proxies: Vec<IpNet>,
    sessions: SessionPolicy,
    access: AccessKeys,
    pages: ErrorPages,
}

impl RateLimit {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        per_minute: u32,
        per_address_per_minute: u32,
        store: RateLimitStore,
        db: DatabaseConnection,
        trusted_proxies: Vec<IpNet>,
        sessions: SessionPolicy,
        access: AccessKeys,
        pages: ErrorPages,
    ) -> Self {
        let counter = match store {
            RateLimitStore::Memory => Counter::Memory {
                per_key: Limiter::new(per_minute, Duration::from_secs(60)),
                per_address: Limiter::new(per_address_per_minute, Duration::from_secs(60)),
            },
            RateLimitStore::Database => Counter::Database(db),
        };
        Self {
            per_minute,
            per_address_per_minute,
            counter,
            trusted_proxies,
            sessions,
            access,
            pages,
        }
    }

    /// Counts one request under `key` (a user, or a visitor's address) and, for a logged-in
    /// request, under the client's `address` too. `Err(seconds to wait)` when either allowance
    /// is used up for now.
    async fn hit(&self, key: &str, address: Option<&str>) -> Result<(), u64> {
        match &self.counter {
            Counter::Memory {
                per_key,
                per_address,
            } => {
                per_key.hit(key)?;
                match address {
                    Some(address) => per_address.hit(address),
                    None => Ok(()),
                }
            }
            Counter::Database(db) => {
                let mut counts = vec![(key, self.per_minute)];
                counts.extend(address.map(|address| (address, self.per_address_per_minute)));
                for (key, limit) in counts {
                    match count_in_database(db, key).await {
                        Ok((count, wait)) if count > i64::from(limit) => return Err(wait),
                        Ok(_) => {}
                        Err(error) => {
                            // Failing open: an unreachable database shows up as 503s from the
                            // pages themselves, and a limiter must not turn an outage into 429s.
                            tracing::warn!(%error, "could not count the request for the rate limit");
                            return Ok(());
                        }
                    }
                }
                Ok(())
            }
        }
    }

    /// The client's address: the peer, unless the peer is a trusted proxy. Then the entries of
    /// `X-Forwarded-For` are read from the nearest (appended by our own proxy) outwards, past
    /// every trusted proxy, and the first address that is not one is the client. Entries may
    /// carry a port (`203.0.113.9:4711`, `[2001:db8::1]:4711`). An entry that is not an address
    /// at all ends the walk at the last trusted hop: what lies beyond it was written by the
    /// client and proves nothing.
    fn client_ip(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let trusted = |ip: IpAddr| {
            let ip = ip.to_canonical();
            self.trusted_proxies.iter().any(|net| net.contains(&ip))
        };
        if !trusted(peer) {
            return peer;
        }
        let entries: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .map(|value| value.to_str().unwrap_or(""))
            .flat_map(|value| value.split(','))
            .collect();
        let mut nearest = peer;
        for entry in entries.into_iter().rev() {
            match forwarded_ip(entry) {
                Some(ip) if trusted(ip) => nearest = ip,
                Some(ip) => return ip,
                None => return nearest,
            }
        }
        nearest
    }
}

/// One `X-Forwarded-For` entry as an address: bare, with a port, or bracketed IPv6.
fn forwarded_ip(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| {
            entry
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse::<IpAddr>().ok())
        })
        .map(|ip| ip.to_canonical())
}

/// Counts one request in the current minute's row and returns the count so far and the seconds
/// until the minute ends. One statement, atomic on SQLite and PostgreSQL.
async fn count_in_database(db: &DatabaseConnection, key: &str) -> Result<(i64, u64), DbErr> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let window = now - now % 60;
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            placeholders(
                backend,
                "INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1) \
                 ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 \
                 RETURNING count",
            ),
            [key.into(), i64::try_from(window).unwrap_or(i64::MAX).into()],
        ))
        .await?;
    let count: i64 = match row {
        Some(row) => row
            .try_get::<i32>("", "count")
            .map(i64::from)
            .or_else(|_| row.try_get::<i64>("", "count"))?,
        None => 0,
    };
    Ok((count, (window + 60).saturating_sub(now).max(1)))
}

/// PostgreSQL numbers its parameters; SQLite takes `?` in order.
fn placeholders(backend: sea_orm::DbBackend, sql: &str) -> String {
    match backend {
        sea_orm::DbBackend::Postgres => sql.to_string(),
        _ => {
            let mut out = String::with_capacity(sql.len());
            let mut chars = sql.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                    while chars.peek().is_some_and(char::is_ascii_digit) {
                        chars.next();
                    }
                    out.push('?');
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

/// Deletes counter rows of minutes that have passed, every five minutes (database store only).
pub fn spawn_cleanup(db: DatabaseConnection) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(300));
        loop {
            every.tick().await;
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs();
            let before = i64::try_from(now.saturating_sub(120)).unwrap_or(i64::MAX);
            let backend = db.get_database_backend();
            if let Err(error) = db
                .execute_raw(Statement::from_sql_and_values(
                    backend,
                    placeholders(backend, "DELETE FROM rate_limits WHERE window_start < $1"),
                    [before.into()],
                ))
                .await
            {
                tracing::warn!(%error, "could not delete old rate-limit counters");
            }
        }
    });
}

pub async fn limit(
    State(limits): State<Arc<RateLimit>>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([127, 0, 0, 1]), |ConnectInfo(addr)| addr.ip());
    let ip = limits.client_ip(peer, request.headers());
    request.extensions_mut().insert(ClientIp(ip));

    let path = request.uri().path().to_string();
    if is_exempt(&path) {
        return next.run(request).await;
    }

    let user = if api::is_api_path(&path) {
        // The API never reads the session cookie. A validly signed, unexpired access token
        // names the user to count (whether its login still stands is the handler's question);
        // anything else counts against the address.
        let user = bearer_token(request.headers())
            .and_then(|token| limits.access.verify(token, chrono::Utc::now()).ok())
            .map(|grant| grant.user_id.into());
        request.extensions_mut().insert(RequestUser(user));
        user
    } else {
        // A session that cannot be read (the database is down) counts as a visitor here; the
        // guard reads it again and fails properly.
        match user_in(&session, limits.sessions).await {
            Ok(user) => {
                request.extensions_mut().insert(RequestUser(user));
                user
            }
            Err(_) => None,
        }
    };

    let address = address_key(ip);
    let (key, shared) = match user {
        Some(id) => (format!("user:{id}"), Some(format!("address:{address}"))),
        None => (format!("ip:{address}"), None),
    };
    let mut response = match limits.hit(&key, shared.as_deref()).await {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            metrics::counter!("travel_planner_rate_limited_total").increment(1);
            tracing::warn!(
                outcome = "rate limited",
                retry_after = wait,
                "request refused: over the per-minute limit"
            );
            too_many_requests(&limits.pages, &path, request.headers(), wait)
        }
    };
    // For the request's log line (see `telemetry::on_response`).
    response.extensions_mut().insert(RequestUser(user));
    response
}

/// 429 with `Retry-After`, in the form the client understands: problem+json for the JSON API,
/// the app's error encoding for server-function calls made by script, a friendly page for
/// browsers, JSON otherwise.
fn too_many_requests(pages: &ErrorPages, path: &str, headers: &HeaderMap, wait: u64) -> Response {
    if api::is_api_path(path) {
        return ApiError::RateLimited(wait).into_response();
    }
    let accepts_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let mut response = if accepts_html {
        pages.page(
            StatusCode::TOO_MANY_REQUESTS,
            app::context::language_of(headers, None),
        )
    } else if path.starts_with("/api/") {
        let body = AppError::RateLimited(wait).ser();
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(body),
        )
            .into_response()
    } else {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(
                serde_json::json!({
                    "error": "too_many_requests",
                    "message": format!("Too many requests. Please wait {wait} seconds and try again."),
                })
                .to_string(),
            ),
        )
            .into_response()
    };
    if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(trusted: &[&str]) -> RateLimit {
        RateLimit {
            per_minute: 1,
            per_address_per_minute: 1,
            counter: Counter::Memory {
                per_key: Limiter::new(1, Duration::from_secs(60)),
                per_address: Limiter::new(1, Duration::from_secs(60)),
            },
            trusted_proxies: trusted.iter().map(|t| t.parse().unwrap()).collect(),
            sessions: SessionPolicy {
                idle_timeout: Duration::from_secs(60),
                absolute_lifetime: Duration::from_secs(60),
            },
            access: AccessKeys::new(&[1; 32]),
            pages: ErrorPages::with_stylesheet("/pkg/x.css"),
        }
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        let spoofed = forwarded("198.51.100.1");
        assert_eq!(limits(&[]).client_ip(peer, &spoofed), peer);
        assert_eq!(limits(&["10.0.0.0/8"]).client_ip(peer, &spoofed), peer);
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_address_is_the_client() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let limits = limits(&["10.0.0.0/8"]);
        // The client may prepend anything; only what our proxies appended counts.
        let headers = forwarded("1.1.1.1, 198.51.100.7, 10.0.0.3");
        assert_eq!(
            limits.client_ip(proxy, &headers),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(limits.client_ip(proxy, &HeaderMap::new()), proxy);
    }

    #[test]
    fn entries_with_ports_are_read_and_garbage_ends_the_walk() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let limits = limits(&["10.0.0.0/8", "2001:db8:ff::/48"]);
        let client = |value: &str| limits.client_ip(proxy, &forwarded(value));
        let ip = |text: &str| text.parse::<IpAddr>().unwrap();
        // Our proxy wrote the client with a port: that is the client, not the forged entry.
        assert_eq!(client("6.6.6.6, 198.51.100.7:4711"), ip("198.51.100.7"));
        assert_eq!(client("6.6.6.6, [2001:db8::7]:4711"), ip("2001:db8::7"));
        assert_eq!(client("6.6.6.6, [2001:db8::8]"), ip("2001:db8::8"));
        assert_eq!(client("6.6.6.6, ::ffff:198.51.100.9"), ip("198.51.100.9"));
        // An entry that is no address: nothing to its left can be believed.
        assert_eq!(client("6.6.6.6, unknown"), proxy);
        assert_eq!(client("6.6.6.6, garbage, 10.0.0.3"), ip("10.0.0.3"));
        assert_eq!(client("6.6.6.6, 2001:db8:ff::1"), ip("6.6.6.6"));
    }

    #[test]
    fn files_and_health_checks_are_not_counted() {
        for path in [
            "/pkg/app.wasm",
            "/favicon.svg",
            "/healthz",
            "/readyz",
            "/metrics",
        ] {
            assert!(is_exempt(path), "{path}");
        }
        for path in ["/", "/trips", "/api/auth/log_in", "/pkgs"] {
            assert!(!is_exempt(path), "{path}");
        }
    }
}
