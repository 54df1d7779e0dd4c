//! What a request can reach: the application state (handed to handlers as axum `State` and to
//! server functions as Leptos context), and what the server's middleware found out about the
//! request before the page renders (who is signed in, the client's address, the flash message).

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use std::sync::Arc;

use domain::{
    accounts::{api_tokens::AccessKeys, limits::AuthLimits, model::Profile},
    mail::Mailer,
};

use crate::{
    providers::Providers,
    render_cache::{KeptOverview, RenderCache},
    session::SessionPolicy,
};

/// What every request handler can reach. Cheap to clone — one reference count — because axum
/// clones the state into each handler and state-carrying middleware on every request, and the
/// fields (`LeptosOptions` alone holds twenty-odd shared strings) are not.
#[derive(Clone)]
pub struct AppState(Arc<AppStateFields>);

/// The fields of [`AppState`], reached through it (`state.db`).
pub struct AppStateFields {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub sessions: SessionPolicy,
    pub auth_limits: AuthLimits,
    pub mailer: Arc<dyn Mailer>,
    /// The public address, for links in emails (no trailing slash).
    pub base_url: String,
    /// Signs and checks the JSON API's access tokens.
    pub access_keys: AccessKeys,
    /// Trip overviews as last rendered, by trip (see [`RenderCache`]).
    pub trip_pages: RenderCache<KeptOverview>,
    /// The place search, map tiles, weather and routing providers (each may be off).
    pub providers: Providers,
}

impl AppState {
    pub fn new(fields: AppStateFields) -> Self {
        Self(Arc::new(fields))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppStateFields;

    fn deref(&self) -> &AppStateFields {
        &self.0
    }
}

/// leptos_axum finds the site's options in the router's state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The application state from the request's context (server functions only).
///
/// # Errors
/// `Internal` when called outside a request that carries the state.
pub fn state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("application state missing from context");
        crate::error::AppError::Internal
    })
}

/// The database pool from the request's context (server functions only).
///
/// # Errors
/// `Internal` when called outside a request that carries the state.
pub fn db() -> Result<DatabaseConnection, crate::error::AppError> {
    // Only the pool is cloned, not the whole state.
    leptos::prelude::with_context::<AppState, _>(|state| state.db.clone()).ok_or_else(|| {
        tracing::error!("application state missing from context");
        crate::error::AppError::Internal
    })
}

/// The client's address as the rate limiter determined it: the peer address, or — behind a
/// trusted proxy — the nearest untrusted address in `X-Forwarded-For`. Put in the request's
/// extensions by the server's rate-limit middleware.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub std::net::IpAddr);

/// The logged-in user (if any) as the rate-limit middleware found it in the session, so later
/// layers need not read the session again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestUser(pub Option<domain::ids::UserId>);

/// Who is logged in, looked up by the server before a page renders (`None` for visitors), so
/// the header shows it without a resource and a boundary of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUser(pub Option<Profile>);

/// The one-time message the last action left for this page ("Trip saved."), taken from the
/// session by the server before the page renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFlash(pub Option<String>);

/// The language the page is in, chosen by the server before it renders (the account's choice,
/// the visitor's cookie, the browser's languages, or English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLanguage(pub i18n::Language);

/// The language of the page being rendered: the one given to a fragment rendered apart (the
/// kept trip overview), else the request's, else English.
pub fn lang() -> i18n::Language {
    leptos::prelude::use_context::<PageLanguage>()
        .map(|PageLanguage(language)| language)
        .or_else(|| {
            // A page's language was settled before it rendered; a server function's call (the
            // live page's fragment) reads the visitor's cookie and browser languages.
            leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
                parts
                    .extensions
                    .get::<PageLanguage>()
                    .map_or_else(|| language_of(&parts.headers, None), |l| l.0)
            })
        })
        .unwrap_or_default()
}

/// Gives the page's language, which the server put into the request before the page renders,
/// as a context of the page's root: [`lang`] then finds it in one walk up the owners instead of
/// failing to, then walking up again to the request.
pub fn provide_page_language() {
    if let Some(language) = from_request(|language: &PageLanguage| Some(*language)) {
        leptos::prelude::provide_context(language);
    }
}

/// The cookie that keeps a visitor's choice of language (an account keeps its own).
pub const LANGUAGE_COOKIE: &str = "tp_lang";

/// The language for a request: `chosen` (the account's), else the `tp_lang` cookie, else the
/// browser's `Accept-Language`, else English.
pub fn language_of(headers: &http::HeaderMap, chosen: Option<i18n::Language>) -> i18n::Language {
    let chosen = chosen.or_else(|| {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .find_map(|pair| pair.trim().strip_prefix(LANGUAGE_COOKIE)?.strip_prefix('='))
            .and_then(|code| code.parse().ok())
    });
    let accept = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    i18n::Language::negotiate(chosen, accept)
}

/// The user the server looked up for this page, if any.
pub fn page_user() -> Option<Profile> {
    from_request(|PageUser(user): &PageUser| user.clone())
}

/// The page's user, if this call is part of rendering a page for `user`: what a server
/// function may take from it instead of reading the account again (outside a page render,
/// a call by script, it is `None`).
pub fn page_user_for(user: domain::ids::UserId) -> Option<Profile> {
    page_user().filter(|profile| profile.id == user)
}

/// The flash message the server took for this page, if any.
pub fn page_flash() -> Option<String> {
    from_request(|PageFlash(message): &PageFlash| message.clone())
}

/// What `read` takes from the request's extension `T`, borrowed where it is (`use_context`
/// would clone the request's parts, every extension included, to read one).
pub fn from_request<T: Send + Sync + 'static, U>(read: impl FnOnce(&T) -> Option<U>) -> Option<U> {
    leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
        parts.extensions.get::<T>().and_then(read)
    })
    .flatten()
}

/// The client address of the current server-function call.
pub fn client_ip() -> Option<std::net::IpAddr> {
    from_request(|ClientIp(ip): &ClientIp| Some(*ip))
}
