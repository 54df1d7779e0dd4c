//! Pages that need an account answer a visitor with a redirect to the login page, carrying the
//! page to return to; the landing page sends a logged-in traveler to their trips. Done here,
//! before rendering, so it works without JavaScript and the status is a real 303.

use app::{
    context::{AppState, PageFlash, PageLanguage, PageUser, RequestUser},
    error::AppError,
    links::login_url,
    session::{take_flash, user_in},
};
use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use domain::{accounts::service, ids::UserId};
use tower_sessions::Session;

/// Path prefixes that need a logged-in user.
const PROTECTED: [&str; 2] = ["/trips", "/account"];

fn is_protected(path: &str) -> bool {
    PROTECTED
        .iter()
        .any(|prefix| path == *prefix || path.starts_with(&format!("{prefix}/")))
}

/// The user the rate limiter already found, or a fresh look at the session.
async fn signed_in(
    state: &AppState,
    session: &Session,
    known: Option<RequestUser>,
) -> Result<Option<UserId>, AppError> {
    match known {
        Some(RequestUser(user)) => Ok(user),
        None => user_in(session, state.sessions).await,
    }
}

pub async fn require_login(
    State(state): State<AppState>,
    session: Session,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let known = request.extensions().get::<RequestUser>().copied();
    if path == "/" {
        return match signed_in(&state, &session, known).await {
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
    match signed_in(&state, &session, known).await {
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

/// Before a page renders: looks up who is logged in (the header shows their name and theme)
/// and takes the flash message from the session, and leaves both in the request for the
/// renderer — plain data, so the page needs no resources or boundaries for them. Only for
/// `GET`: form posts answer with a redirect and render nothing.
pub async fn prepare_page(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    add_page_data(&state, &session, &mut request).await;
    let traveler = request
        .extensions()
        .get::<PageUser>()
        .and_then(|PageUser(user)| user.as_ref().map(|user| offline_key(user.id)));
    let mut response = next.run(request).await;
    if let Some(key) = traveler.and_then(|key| HeaderValue::from_str(&key).ok()) {
        response.headers_mut().insert(OFFLINE_TRAVELER, key);
    }
    // The page's language follows these (a cache must not give a German page to a Frenchman).
    response.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("accept-language, cookie"),
    );
    response
}

/// The language for a page: the account's choice, else the visitor's (their cookie), else the
/// browser's `Accept-Language`, else English.
pub fn page_language(headers: &HeaderMap, user: &PageUser) -> PageLanguage {
    let chosen = user.0.as_ref().and_then(|user| user.language);
    PageLanguage(app::context::language_of(headers, chosen))
}

/// Names the traveler a page is for, to the service worker (`public/sw.js`): it keeps pages
/// for reading offline under this key and forgets them when a page comes for anyone else or
/// for no one. Absent on pages for visitors.
pub const OFFLINE_TRAVELER: &str = "x-offline-traveler";

/// An opaque key per traveler: the same for all their pages, telling nothing about them.
pub fn offline_key(user: UserId) -> String {
    domain::accounts::tokens::digest(&format!("offline pages of {user}"))[..32].to_string()
}

/// Puts [`PageUser`] and [`PageFlash`] in `request`'s extensions.
pub async fn add_page_data(state: &AppState, session: &Session, request: &mut Request) {
    let known = request.extensions().get::<RequestUser>().copied();
    let user = page_user(state, session, known).await;
    let flash = take_flash(session).await.unwrap_or_else(|error| {
        tracing::error!(%error, "could not read the flash message");
        None
    });
    let language = page_language(request.headers(), &user);
    request.extensions_mut().insert(user);
    request.extensions_mut().insert(language);
    request.extensions_mut().insert(PageFlash(flash));
}

/// The logged-in traveler for a page. A failure to read them shows the page as to a visitor,
/// with the error logged: the header is not worth failing a page for (a database outage gets
/// its 503 from `unavailable` anyway).
pub async fn page_user(
    state: &AppState,
    session: &Session,
    known: Option<RequestUser>,
) -> PageUser {
    let id = match signed_in(state, session, known).await {
        Ok(Some(id)) => id,
        Ok(None) | Err(_) => return PageUser(None),
    };
    if let Some(profile) = app::session::loaded_profile(session, id).await {
        return PageUser(Some(profile));
    }
    match service::profile(&state.db, id).await {
        Ok(user) => PageUser(user),
        Err(error) => {
            tracing::error!(%error, "could not load the current user");
            PageUser(None)
        }
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
