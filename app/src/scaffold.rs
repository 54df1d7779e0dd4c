//! The frame of a page that shows something of the traveler's: read it on the server, then
//! render it — or the 404 page when it does not exist (another traveler's trip looks exactly
//! like a missing one), or the error's message. Pages under `/trips` and `/account` need no
//! check of their own that someone is signed in: the server's login guard sends visitors to
//! the log-in page before anything renders, and every server function checks again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Serialize, de::DeserializeOwned};

use crate::{context::lang, error::AppError};

/// The `{name}` segment of the page's address (empty when absent).
pub fn route_param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).unwrap_or_default())
}

/// Renders `render(data)` once `data` has loaded, the 404 page for `NotFound`, or the error's
/// message. Pages render whole before they are sent, so `loading` only shows while a page
/// changes its data in the browser.
#[component]
pub fn Loaded<T, V, F>(
    data: Resource<Result<T, AppError>>,
    #[prop(into, optional)] loading: Option<String>,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let loading = loading.unwrap_or_else(|| i18n::tr!(lang(), "loading"));
    view! {
        <Transition fallback=move || view! { <p class="muted">{loading.clone()}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(data) => render(data).into_any(),
                        Err(error) => not_found_or(error),
                    }
                })
            }}
        </Transition>
    }
}

/// What a page shows when reading its data failed: the 404 page (with its status) for
/// `NotFound`, else the message.
pub fn not_found_or(error: AppError) -> AnyView {
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Forbidden => {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::FORBIDDEN);
            }
            view! { <p class="form-alert" role="alert">{AppError::Forbidden.message(lang())}</p> }
                .into_any()
        }
        other => {
            view! { <p class="form-alert" role="alert">{other.message(lang())}</p> }.into_any()
        }
    }
}

/// Shown for any path we do not know, and for what is not there, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let l = lang();
    view! {
        <Title text=i18n::tr!(l, "error-not-found-title")/>
        <section class="notice" aria-labelledby="not-found-heading">
            <p class="notice__code" aria-hidden="true">"404"</p>
            <h1 id="not-found-heading">{i18n::tr!(l, "error-not-found-heading")}</h1>
            <p>{i18n::tr!(l, "error-not-found-text")}</p>
            <p><a class="button" href="/">{i18n::tr!(l, "error-home")}</a></p>
        </section>
    }
}
