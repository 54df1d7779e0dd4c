//! `GET /feeds/{token}.ics`: a calendar feed, opened by its secret address alone (calendar apps
//! send no cookies). An address that is unknown, replaced or turned off answers 404 like one
//! that never existed. The token never reaches a log (requests are logged by route pattern),
//! and the answer tells browsers to send no `Referer` from it.
//!
//! The answer is the same bytes while nothing changed (see `domain::takeaway::ics`), so it
//! carries an `ETag` and a poll with `If-None-Match` gets a bodiless 304.

use app::context::AppState;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use domain::{
    accounts::tokens::digest,
    takeaway::{
        feeds,
        ics::{self, CalendarInfo},
    },
};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use i18n::tr;

fn with_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    headers.insert(
        header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    response
}

pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request_headers: HeaderMap,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    // Calendar apps send no cookies: their `Accept-Language` (if any) says the language.
    let l = app::context::language_of(&request_headers, None);
    let content = match feeds::open(&state.db, token).await {
        Ok(Some(content)) => content,
        Ok(None) => {
            return with_headers(
                (StatusCode::NOT_FOUND, tr!(l, "takeaway-feed-gone")).into_response(),
            );
        }
        Err(error) => {
            tracing::error!(%error, "could not read a calendar feed");
            return with_headers(
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    tr!(l, "takeaway-feed-failed"),
                )
                    .into_response(),
            );
        }
    };
    let name = content
        .trip_name
        .clone()
        .unwrap_or_else(|| tr!(l, "takeaway-feed-all-name"));
    let body = ics::calendar(
        &CalendarInfo {
            name: &name,
            base_url: &state.base_url,
        },
        &content.trips,
    );
    let tag = format!("\"{}\"", &digest(&body)[..32]);
    let unchanged = request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|candidate| candidate.trim() == tag || candidate.trim() == "*");
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        body.into_response()
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    with_headers(response)
}
