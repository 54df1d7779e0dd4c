//! Typed configuration from environment variables, overridden by command-line flags, validated
//! once at start-up. A bad value becomes one line naming the variable and what it accepts.

use std::{fmt, net::SocketAddr, path::PathBuf, time::Duration};

use clap::Args;
pub use secrecy::{ExposeSecret, SecretString};

pub mod providers;

use providers::ProviderSettings;

/// Flags that override the environment. Each names the variable it overrides.
#[derive(Debug, Default, Clone, Args)]
pub struct ConfigArgs {
    /// Database to use [env: DATABASE_URL] (default: a SQLite file in ./data/)
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// Address and port to listen on [env: BIND_ADDRESS] (default: 127.0.0.1:3000)
    #[arg(long, global = true, value_name = "HOST:PORT")]
    pub bind: Option<String>,
    /// The address people use to reach the site [env: PUBLIC_BASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// `pretty` for a terminal, `json` for production [env: LOG_FORMAT]
    #[arg(long, global = true, value_name = "FORMAT")]
    pub log_format: Option<String>,
    /// Largest number of database connections [env: DATABASE_POOL_SIZE] (default: 10)
    #[arg(long, global = true, value_name = "N")]
    pub pool_size: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Every setting, read and checked once at start-up. Secrets (the database URL with its
/// password, the SMTP URL, tokens, the Sentry DSN) are `SecretString`s: printed, they show as
/// redacted, and reading one takes an explicit `expose_secret()`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: SecretString,
    pub bind: SocketAddr,
    /// Without a trailing slash, e.g. `https://trips.example.org`.
    pub base_url: String,
    /// False when `base_url` was derived from the bind address rather than configured.
    pub base_url_configured: bool,
    pub log_format: LogFormat,
    /// A `tracing` filter directive, e.g. `info,sqlx=warn`.
    pub log_filter: String,
    pub pool_size: u32,
    pub migrate_on_start: bool,
    /// How long in-flight requests may take to finish after a shutdown signal.
    pub shutdown_grace: Duration,
    /// How long the server keeps serving after a shutdown signal, with `/readyz` answering 503,
    /// before it stops accepting: the time a proxy or orchestrator needs to notice and stop
    /// sending it new requests. The grace period starts after it.
    pub shutdown_drain: Duration,
    /// Where cargo-leptos put the compiled site (WASM, JS, CSS, public files).
    pub site_root: PathBuf,
    /// Whether asset names carry content hashes: cargo-leptos wrote `hash.txt` beside the binary.
    pub hashed_assets: bool,
    /// Log out after this long without a request. 30 days by default: a deliberate "remember
    /// me" for a planner people open every few weeks.
    pub session_idle_timeout: Duration,
    /// Log out this long after logging in, however active (90 days by default).
    pub session_max_lifetime: Duration,
    /// Log-in, sign-up and forgot-password attempts allowed per client IP per minute.
    pub auth_attempts_per_ip_per_minute: u32,
    /// Failed logins allowed per account per hour before it is locked for the rest of the hour.
    pub failed_logins_per_account_per_hour: u32,
    /// `smtp://` or `smtps://` server for outgoing mail; without it, mail goes to `outbox_dir`.
    pub smtp_url: Option<SecretString>,
    /// The sender of outgoing mail.
    pub mail_from: String,
    /// Where development mail is written when no SMTP server is configured.
    pub outbox_dir: PathBuf,
    /// Requests allowed per minute per user (or per client address for visitors).
    pub requests_per_minute: u32,
    /// Requests allowed per minute from one client address by every account using it, so that
    /// many accounts cannot multiply the per-user allowance.
    pub requests_per_address_per_minute: u32,
    /// Where the per-minute counters live.
    pub rate_limit_store: RateLimitStore,
    /// Proxies whose `X-Forwarded-For` is believed; without any, the peer address is the client.
    pub trusted_proxies: Vec<IpNet>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// How long one request may take before it is answered with 408.
    pub request_timeout: Duration,
    /// How many trip pages one traveler may follow live at once (open event streams).
    pub live_streams_per_user: usize,
    /// Bearer token that opens `/metrics` on the public listener; without it (and without
    /// `metrics_bind`) the metrics are not served.
    pub metrics_token: Option<SecretString>,
    /// A separate (private) address serving only `/metrics`.
    pub metrics_bind: Option<SocketAddr>,
    /// Where errors and panics are reported (Sentry), if anywhere.
    pub sentry_dsn: Option<SecretString>,
    /// The key that signs the JSON API's access tokens (at least 32 bytes). Without it a random
    /// key is made at start-up: tokens then die with the process and other instances refuse them.
    pub api_jwt_secret: Option<SecretString>,
    /// Web origins (`https://app.example.org`) whose pages may call the JSON API from a browser.
    /// Empty by default: browsers then refuse cross-origin calls (other clients are unaffected).
    pub cors_allowed_origins: Vec<String>,
    /// The place search, map tiles, weather and routing providers (`providers::settings`).
    pub providers: ProviderSettings,
}

/// Where rate-limit counters live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateLimitStore {
    /// In this process: fast, but each instance counts on its own.
    Memory,
    /// In the database: one limit across every instance sharing it.
    Database,
}

/// A network of trusted proxies, such as `10.0.0.0/8`, or a single address.
pub use ipnet::IpNet;

/// `10.0.0.0/8`, `2001:db8::/32`, or a single address (its own network).
fn parse_network(text: &str) -> Option<IpNet> {
    let text = text.trim();
    text.parse::<IpNet>()
        .ok()
        .or_else(|| text.parse::<std::net::IpAddr>().ok().map(IpNet::from))
}

/// A configuration value that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.variable, self.problem)
    }
}

impl std::error::Error for ConfigError {}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/travel-planner.db";
const DEFAULT_BIND: &str = "127.0.0.1:3000";
const MAX_POOL_SIZE: u32 = 500;

impl Settings {
    /// Reads the settings from `env` (a lookup such as `std::env::var`), with `args` winning.
    ///
    /// # Errors
    /// The first value that is malformed or out of range.
    pub fn load(
        args: &ConfigArgs,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let value = |flag: &Option<String>, var: &str| -> Option<String> {
            flag.clone()
                .or_else(|| env(var))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };

        let database_url = value(&args.database_url, "DATABASE_URL")
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        check_database_url(&database_url)?;

        let bind_text =
            value(&args.bind, "BIND_ADDRESS").unwrap_or_else(|| DEFAULT_BIND.to_string());
        let bind: SocketAddr = bind_text.parse().map_err(|_| ConfigError {
            variable: "BIND_ADDRESS",
            problem: format!(
                "must be an IP address and port such as 127.0.0.1:3000 or 0.0.0.0:8080, got {bind_text:?}"
            ),
        })?;

        let (base_url, base_url_configured) = match value(&args.base_url, "PUBLIC_BASE_URL") {
            Some(url) => (parse_base_url(&url)?, true),
            // Reachable from other machines, the server is most likely behind a TLS proxy: a
            // guessed `http://` address would send session cookies without `Secure` and put
            // unusable links in emails. Only on loopback is the bind address the address.
            None if !bind.ip().is_loopback() => {
                return Err(ConfigError {
                    variable: "PUBLIC_BASE_URL",
                    problem: format!(
                        "must be set when BIND_ADDRESS ({bind}) is reachable from other machines: the address people use, such as https://trips.example.org (it decides secure cookies and the links in emails)"
                    ),
                });
            }
            None => (format!("http://{bind}"), false),
        };

        let log_format = match value(&args.log_format, "LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "LOG_FORMAT",
                    problem: format!("must be \"pretty\" or \"json\", got {other:?}"),
                });
            }
        };

        let log_filter = env("RUST_LOG")
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "info".to_string());
        tracing_subscriber::EnvFilter::try_new(&log_filter).map_err(|_| ConfigError {
            variable: "RUST_LOG",
            problem: format!(
                "must be a log filter such as \"info\" or \"info,travel_planner=debug\", got {log_filter:?}"
            ),
        })?;

        let pool_size = parse_number(
            value(&args.pool_size, "DATABASE_POOL_SIZE"),
            "DATABASE_POOL_SIZE",
            1..=MAX_POOL_SIZE,
            10,
        )?;
        let migrate_on_start = parse_bool(env("MIGRATE_ON_START"), "MIGRATE_ON_START", true)?;
        let shutdown_grace = Duration::from_secs(u64::from(parse_number(
            env("SHUTDOWN_GRACE_SECONDS"),
            "SHUTDOWN_GRACE_SECONDS",
            0..=600,
            10,
        )?));
        // 5 s: enough for an orchestrator polling `/readyz` every second or two to take the
        // instance out and reload its proxy, short enough that stopping a laptop run is not a
        // wait. 0 stops accepting at once (only right with nothing in front to tell).
        let shutdown_drain = Duration::from_secs(u64::from(parse_number(
            env("SHUTDOWN_DRAIN_SECONDS"),
            "SHUTDOWN_DRAIN_SECONDS",
            0..=600,
            5,
        )?));
        let session_idle_timeout = Duration::from_secs(u64::from(parse_number(
            env("SESSION_IDLE_TIMEOUT_SECONDS"),
            "SESSION_IDLE_TIMEOUT_SECONDS",
            60..=31_536_000,
            30 * 24 * 3600,
        )?));
        let session_max_lifetime = Duration::from_secs(u64::from(parse_number(
            env("SESSION_MAX_LIFETIME_SECONDS"),
            "SESSION_MAX_LIFETIME_SECONDS",
            60..=31_536_000,
            90 * 24 * 3600,
        )?));
        let auth_attempts_per_ip_per_minute = parse_number(
            env("AUTH_ATTEMPTS_PER_IP_PER_MINUTE"),
            "AUTH_ATTEMPTS_PER_IP_PER_MINUTE",
            1..=10_000,
            20,
        )?;
        let failed_logins_per_account_per_hour = parse_number(
            env("FAILED_LOGINS_PER_ACCOUNT_PER_HOUR"),
            "FAILED_LOGINS_PER_ACCOUNT_PER_HOUR",
            1..=100,
            100,
        )?;
        let smtp_url = env("SMTP_URL").filter(|v| !v.trim().is_empty());
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(ConfigError {
                variable: "SMTP_URL",
                problem: "must start with smtp:// or smtps:// (e.g. smtps://user:password@mail.example.org)".to_string(),
            });
        }
        let mail_from = env("MAIL_FROM")
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "Travel Planner <no-reply@localhost>".to_string());
        let outbox_dir = PathBuf::from(
            env("OUTBOX_DIR")
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| "data/outbox".to_string()),
        );
        let requests_per_minute = parse_number(
            env("RATE_LIMIT_PER_MINUTE"),
            "RATE_LIMIT_PER_MINUTE",
            1..=1_000_000,
            100,
        )?;
        let requests_per_address_per_minute = parse_number(
            env("RATE_LIMIT_PER_ADDRESS_PER_MINUTE"),
            "RATE_LIMIT_PER_ADDRESS_PER_MINUTE",
            1..=10_000_000,
            1_000,
        )?;
        let rate_limit_store = match env("RATE_LIMIT_STORE")
            .map(|v| v.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("" | "memory") => RateLimitStore::Memory,
            Some("database") => RateLimitStore::Database,
            Some(other) => {
                return Err(ConfigError {
                    variable: "RATE_LIMIT_STORE",
                    problem: format!(
                        "must be \"memory\" (one instance) or \"database\" (several instances sharing the database), got {other:?}"
                    ),
                });
            }
        };
        let trusted_proxies = env("TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                parse_network(v).ok_or_else(|| ConfigError {
                    variable: "TRUSTED_PROXIES",
                    problem: format!(
                        "must be a comma-separated list of IP addresses or networks such as 10.0.0.1, 172.16.0.0/12, got {v:?}"
                    ),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let cors_allowed_origins = env("CORS_ALLOWED_ORIGINS")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(parse_origin)
            .collect::<Result<Vec<_>, _>>()?;
        let body_limit = parse_number(
            env("REQUEST_BODY_LIMIT_BYTES"),
            "REQUEST_BODY_LIMIT_BYTES",
            1024..=104_857_600,
            1_048_576,
        )? as usize;
        let request_timeout = Duration::from_secs(u64::from(parse_number(
            env("REQUEST_TIMEOUT_SECONDS"),
            "REQUEST_TIMEOUT_SECONDS",
            1..=3600,
            30,
        )?));
        let live_streams_per_user = parse_number(
            env("LIVE_STREAMS_PER_USER"),
            "LIVE_STREAMS_PER_USER",
            1..=10_000,
            10,
        )? as usize;
        let metrics_token = env("METRICS_TOKEN").filter(|v| !v.trim().is_empty());
        if let Some(token) = &metrics_token
            && token.trim().len() < 16
        {
            return Err(ConfigError {
                variable: "METRICS_TOKEN",
                problem: "must be at least 16 characters (a long random string)".to_string(),
            });
        }
        let metrics_bind = match env("METRICS_BIND_ADDRESS").filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(text) => Some(text.trim().parse::<SocketAddr>().map_err(|_| ConfigError {
                variable: "METRICS_BIND_ADDRESS",
                problem: format!(
                    "must be an IP address and port such as 127.0.0.1:9100, got {text:?}"
                ),
            })?),
        };
        let sentry_dsn = env("SENTRY_DSN").filter(|v| !v.trim().is_empty());
        if let Some(dsn) = &sentry_dsn
            && dsn.trim().parse::<sentry::types::Dsn>().is_err()
        {
            return Err(ConfigError {
                variable: "SENTRY_DSN",
                problem: "must be a Sentry DSN such as https://public-key@sentry.example.org/1"
                    .to_string(),
            });
        }
        let api_jwt_secret = env("API_JWT_SECRET")
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        if let Some(secret) = &api_jwt_secret
            && secret.len() < domain::accounts::api_tokens::MIN_SECRET_BYTES
        {
            return Err(ConfigError {
                variable: "API_JWT_SECRET",
                problem: format!(
                    "must be at least {} bytes (a long random string, e.g. from `openssl rand -base64 48`)",
                    domain::accounts::api_tokens::MIN_SECRET_BYTES
                ),
            });
        }
        let providers = ProviderSettings::load(&env)?;
        let site_root = PathBuf::from(
            env("LEPTOS_SITE_ROOT")
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| "target/site".to_string()),
        );

        Ok(Self {
            database_url: database_url.into(),
            bind,
            base_url,
            base_url_configured,
            log_format,
            log_filter,
            pool_size,
            migrate_on_start,
            shutdown_grace,
            shutdown_drain,
            site_root,
            hashed_assets: hash_file_beside_binary(),
            session_idle_timeout,
            session_max_lifetime,
            auth_attempts_per_ip_per_minute,
            failed_logins_per_account_per_hour,
            smtp_url: smtp_url.map(SecretString::from),
            mail_from,
            outbox_dir,
            requests_per_minute,
            requests_per_address_per_minute,
            rate_limit_store,
            trusted_proxies,
            cors_allowed_origins,
            body_limit,
            request_timeout,
            live_streams_per_user,
            metrics_token: metrics_token.map(SecretString::from),
            metrics_bind,
            sentry_dsn: sentry_dsn.map(SecretString::from),
            api_jwt_secret: api_jwt_secret.map(SecretString::from),
            providers,
        })
    }

    /// Whether the public address is https, which decides secure cookies and HSTS.
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

fn hash_file_beside_binary() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|path| path.exists())
}

fn check_database_url(url: &str) -> Result<(), ConfigError> {
    let supported = ["sqlite:", "postgres://", "postgresql://"];
    if supported.iter().any(|prefix| url.starts_with(prefix)) {
        Ok(())
    } else {
        Err(ConfigError {
            variable: "DATABASE_URL",
            problem: "must start with sqlite: (e.g. sqlite://data/travel-planner.db) or postgres:// (e.g. postgres://user:password@host/db)".to_string(),
        })
    }
}

/// Whether `text` is an http(s) address of a whole site: a scheme and a host (no wildcard),
/// nothing after them but an optional `/`.
fn is_site_root(text: &str) -> bool {
    let Ok(uri) = text.parse::<http::Uri>() else {
        return false;
    };
    matches!(uri.scheme_str(), Some("http" | "https"))
        && uri
            .host()
            .is_some_and(|h| !h.is_empty() && !h.contains('*'))
        && uri.path_and_query().is_none_or(|pq| pq.as_str() == "/")
}

fn parse_base_url(url: &str) -> Result<String, ConfigError> {
    if !is_site_root(url) {
        return Err(ConfigError {
            variable: "PUBLIC_BASE_URL",
            problem: format!(
                "must be an http:// or https:// address without a path, such as https://trips.example.org, got {url:?}"
            ),
        });
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// One web origin as browsers send it (scheme, host, port), without a trailing slash.
fn parse_origin(origin: &str) -> Result<String, ConfigError> {
    if !is_site_root(origin) {
        return Err(ConfigError {
            variable: "CORS_ALLOWED_ORIGINS",
            problem: format!(
                "must be a comma-separated list of origins such as https://app.example.org, http://localhost:5173 (no paths, no wildcards), got {origin:?}"
            ),
        });
    }
    Ok(origin.trim_end_matches('/').to_ascii_lowercase())
}

fn parse_number(
    value: Option<String>,
    variable: &'static str,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> Result<u32, ConfigError> {
    let Some(text) = value else {
        return Ok(default);
    };
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| ConfigError {
            variable,
            problem: format!(
                "must be a whole number from {} to {}, got {text:?}",
                range.start(),
                range.end()
            ),
        })
}

fn parse_bool(
    value: Option<String>,
    variable: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match value
        .as_deref()
        .map(str::trim)
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("") => Ok(default),
        Some("true" | "1" | "yes" | "on") => Ok(true),
        Some("false" | "0" | "no" | "off") => Ok(false),
        Some(other) => Err(ConfigError {
            variable,
            problem: format!("must be true or false, got {other:?}"),
        }),
    }
}

/// The database URL with any password replaced, safe to log.
pub fn redact_database_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::load(&ConfigArgs::default(), |k| map.get(k).cloned())
    }

    #[test]
    fn defaults_need_no_configuration() -> Result<(), ConfigError> {
        let settings = load(&[])?;
        assert_eq!(settings.database_url.expose_secret(), DEFAULT_DATABASE_URL);
        assert_eq!(settings.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(settings.base_url, "http://127.0.0.1:3000");
        assert_eq!(settings.log_format, LogFormat::Pretty);
        assert_eq!(settings.pool_size, 10);
        assert!(settings.migrate_on_start);
        assert!(!settings.is_https());
        Ok(())
    }

    #[test]
    fn flags_override_the_environment() -> Result<(), ConfigError> {
        let args = ConfigArgs {
            bind: Some("0.0.0.0:8080".into()),
            log_format: Some("json".into()),
            ..ConfigArgs::default()
        };
        let settings = Settings::load(&args, |k| match k {
            "BIND_ADDRESS" => Some("127.0.0.1:1".into()),
            "LOG_FORMAT" => Some("pretty".into()),
            "PUBLIC_BASE_URL" => Some("https://trips.example.org".into()),
            _ => None,
        })?;
        assert_eq!(settings.bind.to_string(), "0.0.0.0:8080");
        assert_eq!(settings.log_format, LogFormat::Json);
        Ok(())
    }

    #[test]
    fn printing_the_settings_shows_no_secret() {
        let settings = load(&[
            ("DATABASE_URL", "postgres://travel:db-hunter2@db/travel"),
            ("SMTP_URL", "smtps://mail:smtp-hunter2@mail.example.org"),
            ("METRICS_TOKEN", "metrics-hunter2-0123456789"),
            ("SENTRY_DSN", "https://sentrykey1234@sentry.example.org/1"),
            (
                "API_JWT_SECRET",
                "jwt-hunter2-0123456789-0123456789-0123456789",
            ),
        ])
        .expect("valid");
        let printed = format!("{settings:?}");
        for secret in [
            "db-hunter2",
            "smtp-hunter2",
            "metrics-hunter2",
            "sentrykey1234",
            "jwt-hunter2",
        ] {
            assert!(!printed.contains(secret), "{secret} in {printed}");
        }
        assert!(settings.database_url.expose_secret().contains("db-hunter2"));
    }

    /// Behind a TLS proxy the server cannot know it is served over https: a guessed address
    /// would send session cookies without `Secure`. Off loopback, the address must be given.
    #[test]
    fn reachable_from_other_machines_the_public_address_is_required() {
        for bind in ["0.0.0.0:3000", "192.168.1.10:3000", "[::]:3000"] {
            let error = load(&[("BIND_ADDRESS", bind)]).expect_err(bind);
            assert_eq!(error.variable, "PUBLIC_BASE_URL", "{bind}");
            assert!(error.to_string().contains("https://"), "{error}");
        }
        for bind in ["127.0.0.1:3000", "[::1]:3000"] {
            assert!(load(&[("BIND_ADDRESS", bind)]).is_ok(), "{bind}");
        }
        let behind_proxy = load(&[
            ("BIND_ADDRESS", "0.0.0.0:3000"),
            ("PUBLIC_BASE_URL", "https://trips.example.org"),
        ])
        .expect("configured");
        assert!(behind_proxy.is_https());
    }

    #[test]
    fn every_bad_value_names_its_variable() {
        let cases = [
            ("DATABASE_URL", "mysql://localhost/db"),
            ("BIND_ADDRESS", "localhost"),
            ("PUBLIC_BASE_URL", "ftp://example.org"),
            ("PUBLIC_BASE_URL", "https://example.org/app"),
            ("LOG_FORMAT", "xml"),
            ("RUST_LOG", "info,[=bad"),
            ("DATABASE_POOL_SIZE", "0"),
            ("DATABASE_POOL_SIZE", "many"),
            ("MIGRATE_ON_START", "maybe"),
            ("SHUTDOWN_GRACE_SECONDS", "-1"),
            ("SHUTDOWN_DRAIN_SECONDS", "601"),
            ("SESSION_IDLE_TIMEOUT_SECONDS", "5"),
            ("SESSION_MAX_LIFETIME_SECONDS", "forever"),
            ("SMTP_URL", "mail.example.org"),
            ("API_JWT_SECRET", "too short"),
            ("CORS_ALLOWED_ORIGINS", "*"),
            ("CORS_ALLOWED_ORIGINS", "https://*.example.org"),
            ("CORS_ALLOWED_ORIGINS", "https://app.example.org/path"),
            ("CORS_ALLOWED_ORIGINS", "app.example.org"),
            (
                "CORS_ALLOWED_ORIGINS",
                "https://a.example.org, ftp://b.example.org",
            ),
        ];
        for (variable, bad) in cases {
            match load(&[(variable, bad)]) {
                Err(error) => {
                    assert_eq!(error.variable, variable, "{bad}");
                    assert!(error.to_string().starts_with(variable));
                    assert!(!error.to_string().contains('\n'));
                }
                Ok(_) => panic!("{variable}={bad} was accepted"),
            }
        }
    }

    #[test]
    fn https_base_url_is_detected_and_trimmed() -> Result<(), ConfigError> {
        let settings = load(&[("PUBLIC_BASE_URL", "https://trips.example.org/")])?;
        assert_eq!(settings.base_url, "https://trips.example.org");
        assert!(settings.is_https());
        Ok(())
    }

    #[test]
    fn cors_origins_are_a_list_and_empty_by_default() -> Result<(), ConfigError> {
        assert!(load(&[])?.cors_allowed_origins.is_empty());
        let settings = load(&[(
            "CORS_ALLOWED_ORIGINS",
            " https://App.example.org/ ,http://localhost:5173,",
        )])?;
        assert_eq!(
            settings.cors_allowed_origins,
            ["https://app.example.org", "http://localhost:5173"]
        );
        Ok(())
    }

    #[test]
    fn passwords_are_redacted_from_database_urls() {
        assert_eq!(
            redact_database_url("postgres://app:s3cret@db:5432/travel"),
            "postgres://app:***@db:5432/travel"
        );
        assert_eq!(
            redact_database_url("sqlite://data/x.db"),
            "sqlite://data/x.db"
        );
        assert_eq!(
            redact_database_url("postgres://app@db/travel"),
            "postgres://app@db/travel"
        );
    }
}
