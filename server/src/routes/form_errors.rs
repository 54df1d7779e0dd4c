//! Only the server puts a message on a page.
//!
//! A form posted without JavaScript that fails comes back to the page it was sent from with
//! its error: leptos (`server_fn`'s form redirects) appends the error to the page's address as
//! `__path` (the action) and `__err` (the error, base64 JSON), and the page shows it beside the
//! form. Anyone could build such a link — "Your account is locked, call +1-555-…" on our log-in
//! page — and the error carries what was typed (thousands of characters of notes) in the URL.
//!
//! So the error travels in the session instead. On the way out, a server function's redirect
//! that carries `__path`/`__err` is stripped of them and they are kept in the session for that
//! page. On the way in, a page request's own `__path`/`__err` are dropped, and the session's
//! error for this page, if any, is taken and added back to the request for leptos to read.
//! leptos sees exactly what it expects; the browser never sees it; a link cannot forge it.
//!
//! The one place this workaround lives; `form_errors` in the integration tests guards it.

use axum::{
    extract::Request,
    http::{HeaderValue, Method, Uri, header},
    middleware::Next,
    response::Response,
};
use serde::{Deserialize, Serialize};
use tower_sessions::{Expiry, Session};

const KEY: &str = "form_error";
const PATH_PARAM: &str = "__path";
const ERROR_PARAM: &str = "__err";

/// How long a visitor's session that only carries a form error lives (a signed-in traveler's
/// keeps its own lifetime).
const VISITOR_ERROR_MINUTES: i64 = 15;

/// A failed form's error, waiting for the page it goes back to.
#[derive(Debug, Serialize, Deserialize)]
struct PendingError {
    /// The page's path.
    page: String,
    /// The server function's path (leptos' `__path`).
    action: String,
    /// The error as leptos encoded it (`__err`).
    error: String,
}

/// The query without leptos' error parameters, and those parameters (action, error) if both
/// were there. `None` for the query when it had none of them (it stays as it was).
fn split_query(query: &str) -> (Option<String>, Option<(String, String)>) {
    let mut action = None;
    let mut error = None;
    let mut kept = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            PATH_PARAM => action = Some(value.into_owned()),
            ERROR_PARAM => error = Some(value.into_owned()),
            _ => {
                kept.append_pair(&key, &value);
            }
        }
    }
    let stripped = action.is_some() || error.is_some();
    (stripped.then(|| kept.finish()), action.zip(error))
}

fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// Whether `path` is a page (not a server function, the JSON API or a file).
fn is_page(path: &str) -> bool {
    !path.starts_with("/api/") && !path.starts_with("/pkg/")
}

pub async fn keep_in_session(session: Session, mut request: Request, next: Next) -> Response {
    if request.method() == Method::GET && is_page(request.uri().path()) {
        restore(&session, &mut request).await;
    }
    let mut response = next.run(request).await;
    if response.status().is_redirection() {
        keep(&session, &mut response).await;
    }
    response
}

/// Drops a page request's own error parameters and adds the session's error for this page.
async fn restore(session: &Session, request: &mut Request) {
    let uri = request.uri();
    let path = uri.path().to_string();
    let original = uri.query().unwrap_or("").to_string();
    let (stripped, _forged) = split_query(&original);
    let mut changed = stripped.is_some();
    let mut query = stripped.unwrap_or(original);
    let pending = match session.get::<PendingError>(KEY).await {
        Ok(Some(pending)) if pending.page == path => {
            session.remove::<PendingError>(KEY).await.ok().flatten()
        }
        _ => None,
    };
    if let Some(pending) = pending {
        let mut extended = form_urlencoded::Serializer::new(query);
        extended.append_pair(PATH_PARAM, &pending.action);
        extended.append_pair(ERROR_PARAM, &pending.error);
        query = extended.finish();
        changed = true;
    }
    if changed && let Ok(uri) = with_query(&path, &query).parse::<Uri>() {
        *request.uri_mut() = uri;
    }
}

/// Moves the error parameters of a redirect's `Location` into the session.
async fn keep(session: &Session, response: &mut Response) {
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<Uri>().ok())
    else {
        return;
    };
    let (query, error) = split_query(location.query().unwrap_or(""));
    let (Some(query), Some((action, error))) = (query, error) else {
        return;
    };
    let page = location.path().to_string();
    let signed_in = session
        .get::<serde_json::Value>(app::session::store::USER_ID_KEY)
        .await
        .ok()
        .flatten()
        .is_some();
    if !signed_in {
        session.set_expiry(Some(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::minutes(VISITOR_ERROR_MINUTES),
        )));
    }
    let kept = PendingError {
        page: page.clone(),
        action,
        error,
    };
    if let Err(error) = session.insert(KEY, kept).await {
        tracing::warn!(%error, "could not keep a form's error for its page");
    }
    // The same place, without the parameters (relative: the browser resolves it).
    if let Ok(value) = HeaderValue::from_str(&with_query(&page, &query)) {
        response.headers_mut().insert(header::LOCATION, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_parameters_are_split_from_the_rest() {
        let (rest, error) = split_query("day=2027-01-02&__path=%2Fapi%2Fx&__err=abc%3D&q=a+b");
        assert_eq!(rest.as_deref(), Some("day=2027-01-02&q=a+b"));
        assert_eq!(error, Some(("/api/x".to_string(), "abc=".to_string())));
        let (rest, error) = split_query("__err=only");
        assert_eq!(rest.as_deref(), Some(""), "stripped all the same");
        assert_eq!(error, None, "both are needed");
        assert_eq!(split_query("q=%20x").0, None, "left as it was");
    }
}
