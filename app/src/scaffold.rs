//! The frame of a page that shows something of the traveler's: read it on the server, then
//! render it — or the 404 page when it does not exist (another traveler's trip looks exactly
//! like a missing one), or the error's message. Pages under `/trips` and `/account` need no
//! check of their own that someone is signed in: the server's login guard sends visitors to
//! the log-in page before anything renders, and every server function checks again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Serialize, de::DeserializeOwned};

use crate::{
    context::{PageLanguage, lang},
    error::AppError,
};

/// The `{name}` segment of the page's address (empty when absent).
pub fn route_param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).unwrap_or_default())
}

/// Renders `render(data)` once `data` has loaded, the 404 page for `NotFound`, or the error's
/// message. Pages render whole on the server before they are sent (this crate never runs in
/// the browser), so `loading` never shows in practice; `Transition` wants a fallback.
///
/// The child is one `Suspend`, not a closure that makes one: before it renders, a suspense
/// boundary walks its children (`dry_resolve`) twice — to find the resources they read, then
/// to check nothing more is pending — and a closure child is called again on each walk, so
/// `render` ran three times per request and two of its views were thrown away (a third of
/// the trips list's time, 60 cards built for 20). A `Suspend` keeps what it resolved to
/// (tachys' `Suspend::dry_resolve`). `tests::the_page_is_built_once` holds this.
///
/// What `render` returns is written out at once ([`at_once`]), so it must not hold a
/// suspense boundary of its own: that would show its fallback.
#[component]
pub fn Loaded<T, V, F>(
    data: Resource<Result<T, AppError>>,
    #[prop(into, optional)] loading: Option<String>,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: FnOnce(T) -> V + Send + Sync + 'static,
{
    let l = lang();
    let loading = loading.unwrap_or_else(|| i18n::tr!(l, "loading"));
    view! {
        <Transition fallback=move || view! { <p class="muted">{loading.clone()}</p> }>
            {Suspend::new(async move {
                // A page's body asks for its language often (every form field does): given
                // here, each ask ends at this owner instead of walking up to the request's.
                provide_context(PageLanguage(l));
                match data.await {
                    Ok(data) => at_once(render(data)),
                    Err(error) => not_found_or(error),
                }
            })}
        </Transition>
    }
}

/// `Resource::new` with the fetcher's future boxed. A page's server function is an `async` body
/// of several kilobytes (the statements' futures nested in it), and leptos moves it by value
/// through the resource, its async derived value and the spawned task: a couple of dozen
/// copies of those kilobytes per resource. Boxed, each move is a pointer.
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new(source, move |source| Box::pin(fetch(source)))
}

/// `view`, written out to HTML at once on the server.
///
/// Everything under a suspense boundary goes through tachys' streaming renderer, which gives
/// each element a `String` of its own for its opening tag (grown attribute by attribute) and
/// another for its closing tag, then copies both into the stream: a few hundred allocations
/// and as many copies for a page of cards or a form. Once a page's data is there nothing in
/// its body waits any more, so the synchronous renderer, which writes every element straight
/// into one buffer, gives the same HTML (`tests::at_once_writes_what_streaming_writes`) for
/// less work. Islands render the same on both paths (their tag, props and view).
///
/// The HTML is written into a buffer the thread keeps from one page to the next and copied out
/// at its length: written into a new string, it grew from the view's estimated length (a few
/// hundred bytes for a list of cards) by doubling, each step a copy of what it held.
pub fn at_once(view: impl IntoView) -> AnyView {
    use leptos::tachys::view::Position;
    /// A buffer grown past this is let go rather than kept (the trip page of a full trip
    /// writes ~110 KB).
    const KEPT: usize = 256 * 1024;
    thread_local! {
        static BUFFER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    // Taken, not borrowed: a view that renders another `at_once` inside gets a new buffer.
    let mut buf = BUFFER.take();
    buf.clear();
    view.into_view()
        .to_html_with_buf(&mut buf, &mut Position::FirstChild, true, false, vec![]);
    let html = String::from(buf.as_str());
    if buf.capacity() <= KEPT {
        BUFFER.set(buf);
    }
    leptos::tachys::html::InertElement::new(html).into_any()
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    };

    use futures::StreamExt;
    use leptos::prelude::*;

    use super::Loaded;
    use crate::error::AppError;

    /// Renders `Loaded` as a page does (server side, waiting for its resource) and counts how
    /// often its `render` ran.
    async fn rendered(ready_at_once: bool) -> (String, usize) {
        _ = any_spawner::Executor::init_tokio();
        let renders = Arc::new(AtomicUsize::new(0));
        let context = hydration_context::SsrSharedContext::new_islands();
        let owner = Owner::new_root(Some(Arc::new(context)));
        let counted = Arc::clone(&renders);
        let stream = owner.with(|| {
            let data = Resource::new(
                || (),
                move |()| async move {
                    if !ready_at_once {
                        tokio::task::yield_now().await;
                    }
                    Ok::<_, AppError>(vec!["Lisbon".to_string(), "Porto".to_string()])
                },
            );
            let render = move |cities: Vec<String>| {
                counted.fetch_add(1, Ordering::SeqCst);
                let items = cities
                    .into_iter()
                    .map(|city| view! { <li>{city}</li> })
                    .collect_view();
                view! { <ul>{items}</ul> }
            };
            view! { <Loaded data render/> }.to_html_stream_in_order()
        });
        let html: String = stream.collect::<Vec<_>>().await.concat();
        (html, renders.load(Ordering::SeqCst))
    }

    /// A page body with what pages hold: classes set whole and one by one, escaped text and
    /// attributes, adjacent text, optional and either-or parts, a list, raw HTML and an island
    /// with children.
    fn body(strong: bool) -> impl IntoView {
        let cities = ["Lisbon", "Porto & Braga", "\"Évora\""];
        view! {
            <section class="trips" aria-labelledby="h">
                <h1 id="h" class="title" class:title--strong=strong>"Trips " {cities.len()} " planned"</h1>
                <ul>
                    {cities.iter().map(|city| view! { <li title=*city>{*city}</li> }).collect_view()}
                </ul>
                {strong.then(|| view! { <p class="note">"<b>not bold</b>"</p> })}
                {if strong { leptos::either::Either::Left(view! { <a href="/?a=1&b=2">"A"</a> }) } else { leptos::either::Either::Right("B") }}
                <div inner_html="<em>kept</em>"/>
                <islands::PasswordStrength words="weak\nstrong".to_string()>
                    <input type="password" name="password" required/>
                </islands::PasswordStrength>
            </section>
        }
    }

    async fn streamed(view: impl FnOnce() -> AnyView) -> String {
        _ = any_spawner::Executor::init_tokio();
        let context = hydration_context::SsrSharedContext::new_islands();
        let owner = Owner::new_root(Some(Arc::new(context)));
        let stream = owner.with(|| view().to_html_stream_in_order());
        stream.collect::<Vec<_>>().await.concat()
    }

    #[tokio::test]
    async fn at_once_writes_what_streaming_writes() {
        for strong in [true, false] {
            let streaming = streamed(|| body(strong).into_any()).await;
            let at_once = streamed(|| super::at_once(body(strong))).await;
            assert!(streaming.contains("<leptos-island"), "{streaming}");
            assert!(streaming.contains("Porto &amp; Braga"), "{streaming}");
            assert_eq!(at_once, streaming);
        }
    }

    #[tokio::test]
    async fn the_page_is_built_once() {
        for ready_at_once in [true, false] {
            let (html, renders) = rendered(ready_at_once).await;
            assert!(html.contains("<li>Lisbon</li><li>Porto</li>"), "{html}");
            assert_eq!(
                renders, 1,
                "built {renders} times (ready at once: {ready_at_once})"
            );
        }
    }
}
