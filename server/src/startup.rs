//! Building the application (database, migrations, router, listener) and running it until a
//! shutdown signal, with a bounded drain for in-flight requests.

use std::{future::Future, net::SocketAddr, time::Duration};

use std::sync::{
    Arc, Mutex, PoisonError,
    atomic::{AtomicBool, AtomicU64, Ordering},
};

use app::{
    context::{AppState, AppStateFields},
    render_cache::RenderCache,
    session::{SessionPolicy, store::DbSessionStore},
};
use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::StatusCode,
    routing::{get, post},
    serve::ListenerExt,
};
use domain::{
    accounts::{api_tokens::AccessKeys, limits::AuthLimits},
    mail::{MailError, Mailer, OutboxMailer, SmtpMailer},
};
use leptos::prelude::*;
use leptos_axum::LeptosRoutes;
use migration::{Migrator, MigratorTrait};
use sea_orm::{DatabaseConnection, DbErr};
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::{
    CompressionLevel,
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    csrf::CsrfLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};
use tower_sessions::{
    ExpiredDeletion, Expiry, SessionManagerLayer,
    cookie::{SameSite, time},
};

use crate::{
    api,
    config::{ExposeSecret, RateLimitStore, Settings, redact_database_url},
    db::{self, DbSetupError},
    metrics::{self, MetricsAccess},
    routes::{
        error_pages::{self, ErrorPages},
        export, feeds, form_errors, guard, health, live, page_routes, pages,
        rate_limit::{self, RateLimit},
        render_to_the_end,
        security_headers::{self, HeaderPolicy},
        server_fn_status, static_files,
        takeaway::{self, Format},
        unavailable,
    },
    telemetry,
};

/// Memory for trip overviews kept rendered (~40 KB for a trip of 20 activities: a few hundred
/// trips). Past it the cache starts over.
const TRIP_PAGE_CACHE_BYTES: usize = 8 << 20;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DbSetupError),
    #[error("could not apply database migrations: {0}")]
    Migrate(#[source] DbErr),
    #[error("could not fill the search texts: {0}")]
    Search(#[source] DbErr),
    #[error("SMTP_URL or MAIL_FROM is not usable: {0}")]
    Mail(#[source] MailError),
    #[error(transparent)]
    Providers(#[from] crate::providers::ProvidersError),
    #[error("could not listen on {address}: {source}")]
    Bind {
        address: SocketAddr,
        source: std::io::Error,
    },
}

/// The statements the application ran, kept only once [`Application::record_statements`] has
/// switched it on (tests); until then each statement costs one atomic load.
#[derive(Clone, Default)]
pub struct StatementLog {
    on: Arc<AtomicBool>,
    statements: Arc<Mutex<Vec<sea_orm::Statement>>>,
}

impl StatementLog {
    fn record(&self, statement: &sea_orm::Statement) {
        if self.on.load(Ordering::Relaxed) {
            self.statements
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(statement.clone());
        }
    }

    /// The statements recorded since the last call, oldest first.
    pub fn take(&self) -> Vec<sea_orm::Statement> {
        std::mem::take(
            &mut *self
                .statements
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }
}

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    metrics_listener: Option<(TcpListener, Router)>,
    router: Router,
    db: DatabaseConnection,
    queries: Arc<AtomicU64>,
    statements: StatementLog,
    shutdown_grace: Duration,
    shutdown_drain: Duration,
    draining: health::Draining,
    streams: Arc<live::Streams>,
}

impl Application {
    /// Connects to the database, applies migrations (unless switched off) and binds the port.
    ///
    /// # Errors
    /// The database cannot be opened or migrated, or the address cannot be bound.
    pub async fn build(settings: &Settings) -> Result<Self, StartupError> {
        Self::build_with_routes(settings, Router::new()).await
    }

    /// [`build`](Self::build), with `extra` routes served behind the same layers (tests use it
    /// to reach behaviour no real route has, such as a panicking handler).
    ///
    /// # Errors
    /// As for [`build`](Self::build).
    pub async fn build_with_routes(
        settings: &Settings,
        extra: Router<AppState>,
    ) -> Result<Self, StartupError> {
        tracing::info!(
            database = %redact_database_url(settings.database_url.expose_secret()),
            "opening the database"
        );
        let mut db = db::connect(settings.database_url.expose_secret(), settings.pool_size).await?;
        // Counts statements, so tests can prove a page's query count does not grow with data.
        let queries = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&queries);
        let statements = StatementLog::default();
        let log = statements.clone();
        db.set_metric_callback(move |info| {
            counter.fetch_add(1, Ordering::Relaxed);
            log.record(info.statement);
        });
        if settings.migrate_on_start {
            migrate_unless_newer(&db).await?;
        }
        // Rows from before the search text existed, or from a previous release still running
        // beside this one during a rolling deploy.
        domain::search::fill_missing(&db)
            .await
            .map_err(StartupError::Search)?;
        let listener =
            TcpListener::bind(settings.bind)
                .await
                .map_err(|source| StartupError::Bind {
                    address: settings.bind,
                    source,
                })?;
        // Without PUBLIC_BASE_URL, links (mail, the API reference) name the address actually
        // bound, which differs from the setting when it asked for port 0.
        let base_url = match listener.local_addr() {
            Ok(address) if !settings.base_url_configured => format!("http://{address}"),
            _ => settings.base_url.clone(),
        };
        let (providers, refresher) = crate::providers::build(&settings.providers, &base_url, &db)?;
        if let Some((refresher, demands)) = refresher {
            tokio::spawn(refresher.run(demands));
        }
        let state = AppState::new(AppStateFields {
            leptos_options: leptos_options(settings),
            db: db.clone(),
            sessions: SessionPolicy {
                idle_timeout: settings.session_idle_timeout,
                absolute_lifetime: settings.session_max_lifetime,
            },
            auth_limits: AuthLimits::new(
                settings.auth_attempts_per_ip_per_minute,
                settings.failed_logins_per_account_per_hour,
            ),
            mailer: mailer(settings)?,
            trip_pages: RenderCache::new(TRIP_PAGE_CACHE_BYTES),
            base_url,
            access_keys: access_keys(settings),
            providers,
        });
        let streams = live::Streams::new(settings.live_streams_per_user);
        let draining = health::Draining::default();
        live::spawn_listener(&db, settings.database_url.expose_secret(), &streams);
        spawn_expired_session_cleanup(db.clone());
        if settings.rate_limit_store == RateLimitStore::Database {
            rate_limit::spawn_cleanup(db.clone());
        }
        metrics::init();
        let metrics_listener = match settings.metrics_bind {
            Some(address) => {
                let listener = TcpListener::bind(address)
                    .await
                    .map_err(|source| StartupError::Bind { address, source })?;
                let access = MetricsAccess {
                    token: None,
                    db: db.clone(),
                };
                let router = Router::new()
                    .route("/metrics", get(metrics::private))
                    .with_state(access);
                Some((listener, router))
            }
            None => None,
        };
        Ok(Self {
            listener,
            metrics_listener,
            router: router(state, settings, extra).layer(
                ServiceBuilder::new()
                    .layer(axum::Extension(draining.clone()))
                    .layer(axum::middleware::map_response_with_state(
                        draining.clone(),
                        close_while_draining,
                    ))
                    .layer(axum::Extension(Arc::clone(&streams))),
            ),
            db,
            queries,
            statements,
            shutdown_grace: settings.shutdown_grace,
            shutdown_drain: settings.shutdown_drain,
            draining,
            streams,
        })
    }

    /// The address actually bound (useful with port 0).
    ///
    /// # Errors
    /// The socket has no local address (not expected for a bound TCP listener).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The private metrics listener's address, when `METRICS_BIND_ADDRESS` is set.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener
            .as_ref()
            .and_then(|(listener, _)| listener.local_addr().ok())
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// How many SQL statements the application has run so far (shared, keeps counting).
    pub fn query_counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.queries)
    }

    /// Starts keeping every statement the application runs (SQL and bound values) and returns
    /// the log: the query-plan test replays them under `EXPLAIN`. Off until called.
    pub fn record_statements(&self) -> StatementLog {
        self.statements.on.store(true, Ordering::Relaxed);
        self.statements.clone()
    }

    /// Serves until `shutdown` completes; then drains: `/readyz` answers 503 while everything
    /// is still served for the drain period (a proxy takes the instance out meanwhile); then
    /// stops accepting and gives in-flight requests up to the grace period to finish.
    ///
    /// # Errors
    /// The listener fails.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        self.run_until_hurried(shutdown, std::future::pending())
            .await
    }

    /// As [`run_until`](Self::run_until); and once `shutdown` has completed, `hurry`
    /// completing (a second Ctrl-C) ends the drain and the grace period at once: the server
    /// stops without waiting for them. `hurry` is first polled after `shutdown` completes.
    ///
    /// # Errors
    /// The listener fails.
    pub async fn run_until_hurried(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
        hurry: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let metrics_server = self.metrics_listener.map(|(listener, router)| {
            tokio::spawn(async move {
                if let Err(error) = axum::serve(listener, router).await {
                    tracing::warn!(%error, "the metrics listener stopped");
                }
            })
        });
        let (signalled_tx, signalled_rx) = tokio::sync::oneshot::channel::<()>();
        let (hurried_tx, mut hurried) = tokio::sync::watch::channel(false);
        let mut hurried_in_drain = hurried.clone();
        let streams = Arc::clone(&self.streams);
        let draining = self.draining.clone();
        let drain_for = self.shutdown_drain;
        // Nagle's algorithm stalls small keep-alive responses by ~40 ms; turn it off.
        let listener = self.listener.tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::warn!(%error, "could not set TCP_NODELAY");
            }
        });
        let server = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown.await;
            tokio::spawn(async move {
                hurry.await;
                tracing::warn!("second shutdown signal: stopping now, without waiting");
                let _ = hurried_tx.send(true);
            });
            let drained = tokio::select! {
                () = drain(&draining, drain_for) => true,
                Ok(_) = hurried_in_drain.wait_for(|hurried| *hurried) => false,
            };
            if drained {
                tracing::info!(
                    "shutting down: no longer accepting connections; finishing in-flight requests"
                );
            }
            // Open event streams never finish by themselves: end them (pages reconnect, by
            // now through the proxy to another instance).
            streams.close_all();
            let _ = signalled_tx.send(());
        });
        let grace = self.shutdown_grace;
        let drain_deadline = async move {
            if signalled_rx.await.is_ok() {
                tokio::time::sleep(grace).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        let outcome = tokio::select! {
            result = server.into_future() => result,
            () = drain_deadline => {
                tracing::warn!(grace_seconds = grace.as_secs(), "shutdown grace period over; closing remaining connections");
                Ok(())
            }
            Ok(_) = hurried.wait_for(|hurried| *hurried) => Ok(()),
        };
        if let Some(task) = metrics_server {
            task.abort();
        }
        outcome
    }
}

/// The first phase of a shutdown: readiness turns 503 at once, and for `period` the server
/// goes on accepting and serving as before, so that whatever routes traffic here (a proxy, an
/// orchestrator polling `/readyz`) stops sending new requests before connections are refused.
/// While draining, every answer closes its connection (`Connection: close`): a proxy keeps no
/// idle connection to this instance, so when the listener closes it has none in hand to send a
/// request down as the instance goes (a `POST` sent on a connection that closes under it
/// cannot be retried elsewhere; a refused new connection can be, and nginx does).
async fn close_while_draining(
    axum::extract::State(draining): axum::extract::State<health::Draining>,
    mut response: axum::response::Response,
) -> axum::response::Response {
    if draining.is_on() {
        response.headers_mut().insert(
            axum::http::header::CONNECTION,
            axum::http::HeaderValue::from_static("close"),
        );
    }
    response
}

async fn drain(draining: &health::Draining, period: Duration) {
    draining.start();
    tracing::info!(
        drain_seconds = period.as_secs(),
        "shutdown signal: draining; /readyz answers 503 while requests are still served"
    );
    tokio::time::sleep(period).await;
}

/// Applies pending migrations, unless a newer release has migrated the database already.
///
/// During a rolling deploy the previous release keeps running beside the new one (migrations
/// only expand: `docs/runbook.md`), and an instance of it that restarts finds migrations it
/// does not know. sea-orm's migrator refuses to run then ("migration file … is missing"), so
/// the instance would stay down; it starts without migrating instead, with a warning.
async fn migrate_unless_newer(db: &DatabaseConnection) -> Result<(), StartupError> {
    use sea_orm::ConnectionTrait;

    let known: std::collections::HashSet<String> = Migrator::migrations()
        .iter()
        .map(|migration| migration.name().to_string())
        .collect();
    // No table yet (a new database) reads as no migrations applied.
    let applied: Vec<String> = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations",
        ))
        .await
        .map(|rows| {
            rows.iter()
                .filter_map(|row| row.try_get::<String>("", "version").ok())
                .collect()
        })
        .unwrap_or_default();
    let newer = applied
        .iter()
        .filter(|version| !known.contains(*version))
        .count();
    let all_known_applied = known
        .iter()
        .all(|name| applied.iter().any(|version| version == name));
    if newer > 0 && all_known_applied {
        tracing::warn!(
            newer,
            "the database has migrations newer than this release (a newer release migrated it); starting without migrating"
        );
        return Ok(());
    }
    Migrator::up(db, None).await.map_err(StartupError::Migrate)
}

/// Leptos' options from our settings.
pub fn leptos_options(settings: &Settings) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("travel-planner")
        .site_root(settings.site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(settings.bind)
        .hash_files(settings.hashed_assets)
        .build()
}

/// The whole HTTP surface: operations endpoints, the JSON API (`/api/v1`), Leptos pages and
/// server functions, and static files with the 404 page as the fallback, behind one stack of
/// middleware (listed where it is built).
pub fn router(state: AppState, settings: &Settings, extra: Router<AppState>) -> Router {
    let page_context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(state.sessions);
            security_headers::use_request_nonce();
            app::context::provide_page_language();
        }
    };
    let shell = {
        let options = state.leptos_options.clone();
        move || app::shell(&options)
    };
    let pages = ErrorPages::new(&state.leptos_options);
    let limits = Arc::new(RateLimit::new(
        settings.requests_per_minute,
        settings.requests_per_address_per_minute,
        settings.rate_limit_store,
        state.db.clone(),
        settings.trusted_proxies.clone(),
        state.sessions,
        state.access_keys.clone(),
        pages.clone(),
    ));
    let metrics_access = MetricsAccess {
        token: settings
            .metrics_token
            .as_ref()
            .map(|token| Arc::from(token.expose_secret())),
        db: state.db.clone(),
    };

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::public).with_state(metrics_access))
        .route("/account/export", get(export::download))
        .route("/trips/{id}/events", get(live::events))
        .merge(takeaway_routes())
        .route(
            "/api/docs",
            get(api::docs::page).with_state(api::docs::Reference::new(
                &pages,
                &state.base_url,
                settings.requests_per_minute,
            )),
        )
        .nest(
            api::PREFIX,
            api::router(&settings.cors_allowed_origins, &state),
        )
        .merge(pages_router(&state, page_context, shell).route_layer(
            axum::middleware::from_fn_with_state(state.clone(), guard::prepare_page),
        ))
        .merge(extra)
        .fallback(static_files::static_or_not_found)
        // One layer made of every middleware, outermost first: request id, logging, compression,
        // security headers, metrics, friendly error pages, panic catcher, timeout, body limit,
        // CSRF, database-outage 503, session, rate limit, login guard, the form errors kept for
        // the next page, bad input as 400 and, innermost, nothing a handler renders dropped
        // half-way (a framework deadlock). As one `ServiceBuilder` the stack is boxed once per
        // route: added one `Router::layer` at a time, each layer boxed the rest, and every
        // request cloned the boxes down the stack once per middleware (~250 allocations a page).
        .layer(
            ServiceBuilder::new()
                .map_request(telemetry::plain_request_id)
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(telemetry::request_span)
                        .on_response(telemetry::on_response),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                // Pages and JSON go out compressed when the client accepts it (a 40 KB trip page
                // is ~6 KB in brotli: what a phone on a slow network waits for). The fastest
                // level: the bytes saved matter more than the last few percent. Files already
                // compressed on disk (`.br` twins) pass untouched.
                .layer(
                    CompressionLayer::new()
                        .br(true)
                        .gzip(true)
                        .quality(CompressionLevel::Fastest),
                )
                .layer(axum::middleware::from_fn_with_state(
                    HeaderPolicy {
                        https: settings.is_https(),
                        map_tiles: settings
                            .providers
                            .tiles
                            .as_ref()
                            .map(|tiles| Arc::from(tiles.origin())),
                    },
                    security_headers::add,
                ))
                .layer(axum::middleware::from_fn(metrics::track))
                .layer(axum::middleware::from_fn_with_state(
                    pages,
                    error_pages::friendly,
                ))
                .layer(CatchPanicLayer::custom(error_pages::panicked))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    settings.request_timeout,
                ))
                .layer(RequestBodyLimitLayer::new(settings.body_limit))
                .map_request(|request: axum::http::Request<_>| request.map(axum::body::Body::new))
                .layer(DefaultBodyLimit::max(settings.body_limit))
                .layer(csrf_layer(settings))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    unavailable::database_down_is_503,
                ))
                .layer(session_layer(&state, settings))
                .layer(axum::middleware::from_fn_with_state(
                    limits,
                    rate_limit::limit,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    guard::require_login,
                ))
                .layer(axum::middleware::from_fn(form_errors::keep_in_session))
                .layer(axum::middleware::from_fn(
                    server_fn_status::bad_input_is_400,
                ))
                .layer(axum::middleware::from_fn(
                    render_to_the_end::render_to_the_end,
                )),
        )
        .with_state(state)
}

/// The pages (each rendered whole by `pages::route_async_pages`) and the server functions
/// (leptos_axum's handler, which routes any page that does not wait for its data too).
fn pages_router<IV: leptos::IntoView + 'static>(
    state: &AppState,
    context: impl Fn() + Clone + Send + Sync + 'static,
    app: impl Fn() -> IV + Clone + Send + Sync + 'static,
) -> Router<AppState> {
    let (router, others) = pages::route_async_pages(
        Router::new(),
        page_routes::list(),
        context.clone(),
        app.clone(),
    );
    router.leptos_routes_with_context(state, others, context, app)
}

/// A trip's files (`/trips/{id}/calendar.ics`, …) and the calendar feeds' secret addresses.
fn takeaway_routes() -> Router<AppState> {
    let mut routes = Router::new()
        .route("/feeds/{file}", get(feeds::feed))
        .route("/trips/import/upload", post(takeaway::upload_trips))
        .route(
            "/trips/{id}/import/upload",
            post(takeaway::upload_into_trip),
        );
    for (path, format) in [
        ("calendar.ics", Format::Calendar),
        ("places.gpx", Format::Gpx),
        ("places.kml", Format::Kml),
        ("activities.csv", Format::ActivitiesCsv),
        ("budget.csv", Format::BudgetCsv),
        ("trip.json", Format::Json),
        ("trip-pack.html", Format::Pack),
    ] {
        routes = routes.route(
            &format!("/trips/{{id}}/{path}"),
            get(
                move |state: axum::extract::State<AppState>,
                      session: tower_sessions::Session,
                      id: axum::extract::Path<String>,
                      headers: http::HeaderMap| {
                    takeaway::download(state, session, id, headers, format)
                },
            ),
        );
    }
    routes
}

/// SMTP when configured, otherwise the development outbox (files in `OUTBOX_DIR`).
fn mailer(settings: &Settings) -> Result<Arc<dyn Mailer>, StartupError> {
    match &settings.smtp_url {
        Some(url) => Ok(Arc::new(
            SmtpMailer::new(url.expose_secret(), &settings.mail_from)
                .map_err(StartupError::Mail)?,
        )),
        None => {
            tracing::info!(outbox = %settings.outbox_dir.display(), "no SMTP_URL: email goes to the development outbox");
            Ok(Arc::new(OutboxMailer::new(settings.outbox_dir.clone())))
        }
    }
}

/// Session cookies: HttpOnly, SameSite=Lax, Path=/, and over https also Secure with the
/// `__Host-` prefix (which browsers accept only from a secure origin, for the whole host).
fn session_layer(state: &AppState, settings: &Settings) -> SessionManagerLayer<DbSessionStore> {
    let secure = settings.is_https();
    let idle = time::Duration::seconds(
        i64::try_from(state.sessions.idle_timeout.as_secs()).unwrap_or(i64::MAX),
    );
    SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(if secure {
            "__Host-tp_session"
        } else {
            "tp_session"
        })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

/// Refuses cross-site unsafe requests (forms posted from another site) by `Sec-Fetch-Site` and
/// `Origin`. The configured public address is trusted too, for proxies that rewrite `Host`.
///
/// The JSON API is let through: it authenticates only by the `Authorization` header, which a
/// browser never adds to a request on its own, and never reads the session cookie, so a forged
/// cross-site request reaches it without credentials. Refusing it here would only block
/// legitimate clients on other origins (the future CORS allow-list is the control for those).
fn csrf_layer(settings: &Settings) -> CsrfLayer {
    let layer = CsrfLayer::new().with_insecure_bypass(|_, uri| api::is_api_path(uri.path()));
    if settings.base_url_configured {
        match layer.clone().add_trusted_origin(&settings.base_url) {
            Ok(with_origin) => return with_origin,
            Err(error) => {
                tracing::warn!(%error, "PUBLIC_BASE_URL is not usable as a trusted origin")
            }
        }
    }
    layer
}

/// Deletes expired session rows, API refresh tokens and sign-ups every hour, for the life of
/// the process.
fn spawn_expired_session_cleanup(db: DatabaseConnection) {
    let store = DbSessionStore::new(db.clone());
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "could not delete expired sessions");
            }
            if let Err(error) =
                domain::accounts::refresh::delete_expired(&db, chrono::Utc::now()).await
            {
                tracing::warn!(%error, "could not delete expired refresh tokens");
            }
            if let Err(error) =
                domain::accounts::signup::delete_expired(&db, chrono::Utc::now()).await
            {
                tracing::warn!(%error, "could not delete expired sign-ups");
            }
            if let Err(error) = domain::idempotency::delete_expired(&db, chrono::Utc::now()).await {
                tracing::warn!(%error, "could not delete expired idempotency keys");
            }
        }
    });
}

/// The key for the API's access tokens: `API_JWT_SECRET`, or a random one for this process.
fn access_keys(settings: &Settings) -> AccessKeys {
    match &settings.api_jwt_secret {
        Some(secret) => AccessKeys::new(secret.expose_secret().as_bytes()),
        None => {
            tracing::warn!(
                "API_JWT_SECRET is not set: API access tokens are signed with a random key made \
                 at start-up, so they stop working when the server restarts and other instances \
                 refuse them"
            );
            AccessKeys::new(domain::accounts::tokens::new_token().as_bytes())
        }
    }
}
