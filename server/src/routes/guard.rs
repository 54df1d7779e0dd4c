//! Pages that need an account answer a visitor with a redirect to the login page, carrying the
//! page to return to; the landing page sends a logged-in traveler to their trips. Done here,
//! before rendering, so it works without JavaScript and the status is a real 303.

use app::{
    auth::{session::user_id_in, types::login_url},
    state::AppState,
};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

/// Path prefixes that need a logged-in user.
const PROTECTED: [&str; 2] = ["/trips", "/account"];

fn is_protected(path: &str) -> bool {
    PROTECTED
        .iter()
        .any(|prefix| path == *prefix || path.starts_with(&format!("{prefix}/")))
}

pub async fn require_login(
    State(state): State<AppState>,
    session: Session,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if path == "/" {
        return match user_id_in(&session, state.sessions).await {
            Ok(Some(_)) => Redirect::to("/trips").into_response(),
            Ok(None) => next.run(request).await,
            // The session cannot be read (the database is down): showing the visitor's landing
            // page to a traveler would look like being logged out. Fail like any other page.
            Err(error) => (error.status(), error.to_string()).into_response(),
        };
    }
    if !is_protected(path) {
        return next.run(request).await;
    }
    match user_id_in(&session, state.sessions).await {
        Ok(Some(_)) => next.run(request).await,
        Ok(None) => {
            let here = request
                .uri()
                .path_and_query()
                .map_or("/trips", |pq| pq.as_str());
            Redirect::to(&login_url(here)).into_response()
        }
        Err(error) => (error.status(), error.to_string()).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protects_trips_and_account_only() {
        for path in ["/trips", "/trips/new", "/account", "/account/password"] {
            assert!(is_protected(path), "{path}");
        }
        for path in ["/", "/login", "/tripsy", "/accounts", "/privacy"] {
            assert!(!is_protected(path), "{path}");
        }
    }
}
