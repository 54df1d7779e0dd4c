//! Files from the site root (WASM, JS, CSS, favicon), served precompressed where cargo-leptos
//! wrote `.br`/`.gz` twins; anything not found there renders the app's 404 page.

use app::context::{AppState, RequestUser};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use leptos::prelude::provide_context;
use tower::ServiceExt;
use tower_http::services::ServeDir;
use tower_sessions::Session;

/// Hashed file names change with their content, so browsers may keep them for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Unhashed files (favicon, or every file when hashing is off) are revalidated daily.
const SHORT: &str = "public, max-age=86400";

pub async fn static_or_not_found(State(state): State<AppState>, request: Request) -> Response {
    let options = &state.leptos_options;
    let hashed_pkg = format!("/{}/", options.site_pkg_dir);
    let cache_control = if options.hash_files && request.uri().path().starts_with(&hashed_pkg) {
        IMMUTABLE
    } else {
        SHORT
    };

    let (parts, _body) = request.into_parts();
    let file_request = Request::from_parts(parts.clone(), Body::empty());
    let served = ServeDir::new(options.site_root.as_ref())
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(file_request)
        .await;

    match served {
        Ok(response)
            if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED =>
        {
            let mut response = response.into_response();
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control),
            );
            response
        }
        _ => not_found_page(state, Request::from_parts(parts, Body::empty())).await,
    }
}

async fn not_found_page(state: AppState, mut request: Request) -> Response {
    // The header shows who is logged in, as on every other page. The flash message is left for
    // a real page: a browser asking for a missing icon must not take it.
    if let Some(session) = request.extensions().get::<Session>().cloned() {
        let known = request.extensions().get::<RequestUser>().copied();
        let user = super::guard::page_user(&state, &session, known).await;
        request.extensions_mut().insert(user);
    }
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || {
            provide_context(state.clone());
            super::security_headers::use_request_nonce();
        },
        move || app::shell(&options),
    );
    let mut response = handler(request).await.into_response();
    if response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NOT_FOUND;
    }
    response
}
