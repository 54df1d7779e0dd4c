//! Logging: human-readable in a terminal, JSON lines in production. Each request gets a span
//! with its method, route pattern (never the raw path, which can hold tokens), request id, the
//! logged-in user's id (recorded by the rate-limit middleware), status and latency. Error
//! tracking (Sentry) hangs off the same logs when `SENTRY_DSN` is set.

use std::time::Duration;

use axum::{extract::MatchedPath, http::Request, response::Response};
use tracing::{Span, field};
use tracing_subscriber::{EnvFilter, fmt, layer::SubscriberExt, util::SubscriberInitExt};

use crate::config::LogFormat;

/// Installs the global subscriber. Safe to call more than once (later calls do nothing). With a
/// Sentry DSN, error logs and panics also go to Sentry (tagged with the request id); keep the
/// returned guard alive for the life of the process so events are flushed at exit.
pub fn init(
    format: LogFormat,
    filter: &str,
    sentry_dsn: Option<&str>,
) -> Option<sentry::ClientInitGuard> {
    let guard = sentry_dsn.map(|dsn| {
        let mut options = sentry::ClientOptions::default();
        options.release = sentry::release_name!();
        // Never send cookies, headers or bodies: they can hold sessions and passwords.
        options.send_default_pii = false;
        // The transport's thread is joined at exit: with a timeout on its requests, an ingest
        // that hangs cannot hold the process (and a deployment's restart) hostage.
        options.transport = Some(std::sync::Arc::new(
            |options: &sentry::ClientOptions| -> std::sync::Arc<dyn sentry::Transport> {
                let client = http_client::Client::builder()
                    .connect_timeout(Duration::from_secs(3))
                    .timeout(Duration::from_secs(5))
                    .build();
                let transport = sentry::TransportOptions::try_from_client_options(options)
                    .map(sentry::transports::ReqwestHttpTransportOptions::from);
                match (transport, client) {
                    (Some(transport), Ok(client)) => {
                        std::sync::Arc::new(transport.with_client(client).build())
                    }
                    (Some(transport), Err(_)) => std::sync::Arc::new(transport.build()),
                    // No DSN: nothing is sent anyway.
                    (None, _) => std::sync::Arc::new(NoTransport),
                }
            },
        ));
        sentry::init((dsn, options))
    });
    let sentry_layers = guard.as_ref().map(|_| {
        use sentry::integrations::tracing::{BreadcrumbLayer, ErrorLayer};
        use tracing_subscriber::{Layer, filter::LevelFilter};
        SentryRequestTag
            .and_then(ErrorLayer::new().with_filter(LevelFilter::ERROR))
            .and_then(BreadcrumbLayer::new().with_filter(LevelFilter::INFO))
    });
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry()
        .with(filter)
        .with(sentry_layers);
    let _ = match format {
        LogFormat::Pretty => registry.with(fmt::layer().with_target(false)).try_init(),
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true)
                    .with_span_list(false),
            )
            .try_init(),
    };
    guard
}

/// The longest `x-request-id` a client may choose; longer or unusual ones are replaced by one
/// of ours. The id goes into every log line of the request and into error reports, so it must
/// not carry whatever a client sends (kilobytes of it, or control characters).
const REQUEST_ID_MAX: usize = 64;

/// Drops a client's `x-request-id` unless it is short and plain (letters, digits, `.`, `_`,
/// `-`); the request-id layer then gives the request a fresh one.
pub fn plain_request_id<B>(mut request: Request<B>) -> Request<B> {
    let plain = |id: &[u8]| {
        !id.is_empty()
            && id.len() <= REQUEST_ID_MAX
            && id
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    };
    let headers = request.headers_mut();
    if headers
        .get_all("x-request-id")
        .iter()
        .any(|value| !plain(value.as_bytes()))
        || headers.get_all("x-request-id").iter().count() > 1
    {
        headers.remove("x-request-id");
    }
    request
}

/// The span that wraps one request.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", MatchedPath::as_str);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    tracing::info_span!(
        "request",
        method = crate::metrics::method_label(request.method()),
        route,
        request_id,
        user_id = field::Empty,
        status = field::Empty,
        latency_ms = field::Empty,
    )
}

/// Records the outcome on the request span and logs one line for it.
pub fn on_response<B>(response: &Response<B>, latency: Duration, span: &Span) {
    let status = response.status().as_u16();
    span.record("status", status);
    if let Some(app::context::RequestUser(Some(user_id))) = response.extensions().get() {
        span.record("user_id", field::display(user_id));
    }
    span.record("latency_ms", latency.as_secs_f64() * 1000.0);
    let expected = response
        .extensions()
        .get::<crate::routes::health::Expected>()
        .is_some();
    if response.status().is_server_error() && !expected {
        tracing::error!(status, "request failed");
    } else {
        tracing::info!(status, "request finished");
    }
}

/// The request id of a request span, kept in the span's extensions.
struct RequestId(String);

struct RequestIdVisitor(Option<String>);

impl tracing::field::Visit for RequestIdVisitor {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "request_id" {
            self.0 = Some(value.to_string());
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "request_id" && self.0.is_none() {
            self.0 = Some(format!("{value:?}").trim_matches('"').to_string());
        }
    }
}

/// Tags what Sentry captures for an error log with the request id of the request it happened
/// in. Runs just before Sentry's own layer, on the same thread, for the same event.
struct SentryRequestTag;

impl<S> tracing_subscriber::Layer<S> for SentryRequestTag
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    fn on_new_span(
        &self,
        attributes: &tracing::span::Attributes<'_>,
        id: &tracing::span::Id,
        context: tracing_subscriber::layer::Context<'_, S>,
    ) {
        let mut visitor = RequestIdVisitor(None);
        attributes.record(&mut visitor);
        if let (Some(request_id), Some(span)) = (visitor.0, context.span(id)) {
            span.extensions_mut().insert(RequestId(request_id));
        }
    }

    fn on_event(
        &self,
        event: &tracing::Event<'_>,
        context: tracing_subscriber::layer::Context<'_, S>,
    ) {
        if *event.metadata().level() != tracing::Level::ERROR {
            return;
        }
        let request_id = context.event_scope(event).and_then(|scope| {
            scope
                .from_root()
                .find_map(|span| span.extensions().get::<RequestId>().map(|id| id.0.clone()))
        });
        sentry::configure_scope(|scope| match request_id {
            Some(id) => scope.set_tag("request_id", id),
            None => scope.remove_tag("request_id"),
        });
    }
}

/// A transport that drops everything (only used if Sentry is initialised without a DSN).
struct NoTransport;

impl sentry::Transport for NoTransport {
    fn send_envelope(&self, _envelope: sentry::Envelope) {}
}
