//! Security headers on every response. The Content-Security-Policy carries a fresh nonce per
//! response: this middleware mints it and puts it in the request's extensions, the page renderer
//! hands it to Leptos (which stamps it on the hydration scripts), and the header allows exactly
//! those scripts — no inline script without it, no plugins, no framing, no `<base>` tricks.
//! Images come from this site only, but on a page that shows a map (it says so with
//! `app::providers::MAP_PAGE_HEADER`, removed here) also from the map's tile server.

use app::providers::MAP_PAGE_HEADER;
use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};
use leptos::nonce::Nonce;
use std::sync::Arc;

/// Whether the site is served over https (then browsers are told to stay on https), and the
/// map tiles' origin (`https://tile.openstreetmap.org`) when the map has tiles.
#[derive(Clone)]
pub struct HeaderPolicy {
    pub https: bool,
    pub map_tiles: Option<Arc<str>>,
}

/// The policy for a response whose scripts carry `nonce`; `tiles` is an origin its images may
/// also come from (a page with a map).
pub fn content_security_policy(nonce: &str, tiles: Option<&str>) -> String {
    let tiles = tiles.map(|origin| format!(" {origin}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:{tiles}; font-src 'self'; connect-src 'self'; \
         worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}

pub async fn add(State(policy): State<HeaderPolicy>, mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());

    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let map_page = headers
        .remove(HeaderName::from_static(MAP_PAGE_HEADER))
        .is_some();
    let tiles = policy.map_tiles.as_deref().filter(|_| map_page);
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce, tiles)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Pages that set their own (the reset page's `no-referrer`) keep it.
    headers
        .entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("same-origin"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    // Pages and server-function answers are personal: never stored by browsers or proxies.
    // Static files set their own caching.
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    if policy.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// Hands this response's nonce (minted by [`add`]) to Leptos, replacing the one it generated,
/// so the scripts it writes match the header. Call in the render context.
pub fn use_request_nonce() {
    if let Some(nonce) = app::context::from_request(|nonce: &Nonce| Some(nonce.clone())) {
        leptos::prelude::provide_context(nonce);
    }
}
