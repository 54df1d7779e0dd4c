//! The handler of every page route: the page rendered whole, then sent as one body.
//!
//! Every page waits for its data before it is sent (`SsrMode::Async`: out-of-order streaming
//! would need JavaScript to put the pieces in place). leptos_axum's handler for that mode does
//! the same steps as this one, with work on the way that such a page does not need: it clones
//! the request's head (every header and extension) to give the page a copy, collects the
//! rendered chunks into one string, joins that string again as a batch of its stream, waits a
//! scheduler turn before copying the page to put the title in its head, and sends it as a
//! stream of unknown length. Here the request's head is moved into the page's context, the
//! chunks are kept as they come, leptos_meta puts the title in the page's start (up to its
//! `<body …>` tag, the only part it changes) as before, and the pieces are copied once into a
//! string of the page's length, sent as one body of known length. The steps that shape the
//! page (the contexts provided and their order, the router's redirect, the nonce, the
//! resources' data, the status and headers a page sets) follow leptos_axum 0.8.10's
//! `handle_response_inner`, `build_response` and `ExtendResponse::from_app`: a page is byte
//! for byte what that handler sends
//! (`tests::a_page_is_what_leptos_axum_would_send_in_one_body` renders one through both). On a
//! leptos_axum upgrade, compare those three functions with [`render`] again.

use std::sync::Arc;

use axum::{
    Router,
    body::Body,
    http::{HeaderValue, Request, header},
    response::Response,
    routing::{MethodRouter, delete, get, patch, post, put},
};
use futures_util::StreamExt;
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::{
    IntoView,
    prelude::provide_context,
    reactive::owner::{Owner, Sandboxed},
    tachys::ssr::{StreamBuilder, StreamChunk},
};
use leptos_axum::{AxumRouteListing, ResponseOptions};
use leptos_meta::ServerMetaContext;
use leptos_router::{Method, SsrMode, components::provide_server_redirect, location::RequestUrl};

/// `router` with a route for each of `listings` that waits for its data (`SsrMode::Async`),
/// answered by [`render`]. The other listings are returned, for leptos_axum to route.
pub fn route_async_pages<S, IV>(
    mut router: Router<S>,
    listings: &[AxumRouteListing],
    context: impl Fn() + Clone + Send + Sync + 'static,
    app: impl Fn() -> IV + Clone + Send + Sync + 'static,
) -> (Router<S>, Vec<AxumRouteListing>)
where
    S: Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let mut others = Vec::new();
    for listing in listings {
        if !matches!(listing.mode(), SsrMode::Async) {
            others.push(listing.clone());
            continue;
        }
        for method in listing.methods() {
            let context = context.clone();
            let app = app.clone();
            let handler = move |request: Request<Body>| {
                let context = context.clone();
                render(
                    request,
                    move || {
                        provide_context(method);
                        context();
                    },
                    app.clone(),
                )
            };
            let route: MethodRouter<S> = match method {
                Method::Get => get(handler),
                Method::Post => post(handler),
                Method::Put => put(handler),
                Method::Delete => delete(handler),
                Method::Patch => patch(handler),
            };
            router = router.route(listing.path(), route);
        }
    }
    (router, others)
}

/// Renders the page for `request`: `context` provides what the app reads, `app` is the
/// document.
async fn render<IV: IntoView + 'static>(
    request: Request<Body>,
    context: impl FnOnce() + Send + 'static,
    app: impl FnOnce() -> IV + Send + 'static,
) -> Response {
    let (parts, _) = request.into_parts();
    let url = {
        let path = parts.uri.path_and_query().map_or("/", |path| path.as_str());
        let mut url = String::with_capacity(17 + path.len());
        url.push_str("http://leptos.dev");
        url.push_str(path);
        url
    };
    let options = ResponseOptions::default();
    let (meta, meta_output) = ServerMetaContext::new();
    let shared: Arc<dyn SharedContext + Send + Sync> = Arc::new(SsrSharedContext::new());
    // The page's owner; its arena becomes this thread's current one, which `Sandboxed` keeps for
    // the render and for the clean-up after it.
    let owner = Owner::new_root(Some(Arc::clone(&shared)));
    let page = Sandboxed::new({
        let owner = owner.clone();
        let options = options.clone();
        async move {
            let (chunks, nonce) = owner.with(|| {
                provide_context(RequestUrl::new(&url));
                provide_context(meta);
                provide_context(parts);
                provide_context(options);
                provide_server_redirect(leptos_axum::redirect);
                leptos::nonce::provide_nonce();
                context();
                let app = app();
                let nonce = leptos::nonce::use_nonce();
                (app.to_html_stream_in_order(), nonce)
            });
            // The pieces are kept as they come, to be joined once their total length is known.
            let mut parts = pieces(chunks).await;
            // What the islands' resources carry to the browser, after the page, once what the
            // page deferred is done (leptos_axum's order).
            let data = shared.pending_data();
            while let Some(pending) = shared.await_deferred() {
                pending.await;
            }
            if let Some(data) = data {
                let mut data = std::pin::pin!(data);
                let mut scripts = String::new();
                while let Some(chunk) = data.next().await {
                    scripts.push_str("<script");
                    if let Some(nonce) = &nonce {
                        scripts.push_str(" nonce=\"");
                        scripts.push_str(nonce);
                        scripts.push('"');
                    }
                    scripts.push('>');
                    scripts.push_str(&chunk);
                    scripts.push_str("</script>");
                }
                parts.push(scripts);
            }
            parts
        }
    });
    let clean_up = Sandboxed::new(async move { owner.unset_with_forced_cleanup() });
    let mut parts = page.await.into_iter();
    // leptos_meta puts the title and meta tags in the head and the `<html>` and `<body>`
    // attributes in their tags, copying what it is given: only the page's start up to the
    // end of the `<body …>` tag, not the whole page.
    let first = parts.next().unwrap_or_default();
    let cut = head_end(&first);
    let with_meta = meta_output
        .inject_meta_context(futures_util::stream::iter([first[..cut].to_string()]))
        .await;
    let head = std::pin::pin!(with_meta).next().await.unwrap_or_default();
    clean_up.await;

    // One copy of each piece into a string of the page's length. (Sent as separate pieces,
    // brotli compressed each on its own: the pages came out 8–14 % bigger.)
    let length =
        head.len() + (first.len() - cut) + parts.as_slice().iter().map(String::len).sum::<usize>();
    let mut html = String::with_capacity(length);
    html.push_str(&head);
    html.push_str(&first[cut..]);
    for part in parts {
        html.push_str(&part);
    }
    let mut response = Response::new(Body::from(html));
    let mut set = options
        .0
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(status) = set.status {
        *response.status_mut() = status;
    }
    response
        .headers_mut()
        .extend(std::mem::take(&mut set.headers));
    drop(set);
    response
        .headers_mut()
        .entry(header::CONTENT_TYPE)
        .or_insert(HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

/// The rendered page's pieces in order, each as the renderer wrote it: the text written before
/// its first wait (joined: the page's start, which [`head_end`] reads), then each piece of text
/// written synchronously, and what each wait resolves to in its place. The same text, in the
/// same order, as tachys' `StreamBuilder` gives polled as a stream — which also joins every
/// run of pieces between two waits into a new string, a copy of nearly the whole page before
/// [`render`] joins the pieces again. Out-of-order pieces never come from an in-order render;
/// should one come, the builder's own stream takes over from there.
async fn pieces(mut page: StreamBuilder) -> Vec<String> {
    let mut queue = page.take_chunks();
    let mut parts: Vec<String> = Vec::with_capacity(queue.len() + 8);
    let mut at_start = true;
    while let Some(chunk) = queue.pop_front() {
        match chunk {
            StreamChunk::Sync(text) if text.is_empty() => {}
            StreamChunk::Sync(text) => match parts.first_mut() {
                Some(start) if at_start => start.push_str(&text),
                _ => parts.push(text),
            },
            StreamChunk::Async { chunks } => {
                at_start = false;
                for chunk in chunks.await.into_iter().rev() {
                    queue.push_front(chunk);
                }
            }
            out_of_order @ StreamChunk::OutOfOrder { .. } => {
                queue.push_front(out_of_order);
                let mut rest = StreamBuilder::new(None);
                rest.push_async(async move { queue });
                while let Some(text) = rest.next().await {
                    if !text.is_empty() {
                        parts.push(text);
                    }
                }
                break;
            }
        }
    }
    parts
}

/// Where the page's start ends: just after its `<body …>` tag, which follows the head. The
/// whole chunk when it holds no such tag (leptos_meta then looks in all of it, as before).
///
/// `memchr::memmem` rather than `str::find`: the standard library's two-way search cost some
/// 4,000 instructions a search over a page's start of several kilobytes.
fn head_end(page: &str) -> usize {
    let bytes = page.as_bytes();
    let tag = memchr::memmem::find(bytes, b"</head>").and_then(|head| {
        let body = head + memchr::memmem::find(&bytes[head..], b"<body")?;
        Some(body + memchr::memchr(b'>', &bytes[body..])? + 1)
    });
    tag.unwrap_or(page.len())
}

#[cfg(test)]
mod tests {
    use axum::http::StatusCode;
    use leptos::prelude::*;
    use leptos_meta::{Meta, MetaTags, Title, provide_meta_context};

    use super::*;

    /// A page with what a real one uses: a title and a meta tag in the head, a status and a
    /// header of its own, data it waits for, the request's address and a nonce.
    fn document() -> impl IntoView {
        provide_meta_context();
        view! {
            <!DOCTYPE html>
            <html lang="en">
                <head>
                    <meta charset="utf-8"/>
                    <MetaTags/>
                </head>
                <body class="page">
                    <Page/>
                </body>
            </html>
        }
    }

    #[component]
    fn Page() -> impl IntoView {
        if let Some(options) = use_context::<ResponseOptions>() {
            options.set_status(StatusCode::IM_A_TEAPOT);
            options.insert_header(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=5"),
            );
        }
        let data = Resource::new(
            || (),
            |()| async {
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                "Lisbon & <Porto>".to_string()
            },
        );
        let address = with_context::<http::request::Parts, _>(|parts| parts.uri.to_string());
        view! {
            <Title text="Trips · plans"/>
            <Meta name="description" content="A \"planner\""/>
            <p>{address}</p>
            <Suspense fallback=|| "Loading">
                {move || Suspend::new(async move { view! { <h1>{data.await}</h1> } })}
            </Suspense>
            <script nonce=leptos::nonce::use_nonce()>"1"</script>
        }
    }

    /// A page's pieces of every kind: its start, a wait that resolves to text around another
    /// wait, more text, and (with `out_of_order`) an out-of-order piece and text after it.
    fn built(out_of_order: bool) -> StreamBuilder {
        use std::collections::VecDeque;
        let mut page = StreamBuilder::new(Some(vec![0]));
        page.push_sync("<head></head><body>");
        page.push_async(async {
            let mut inner = StreamBuilder::new(None);
            inner.push_sync("<p>a</p>");
            inner.push_async(async { VecDeque::from([StreamChunk::Sync("<p>b</p>".into())]) });
            inner.push_sync("<p>c</p>");
            inner.finish().take_chunks()
        });
        page.push_sync("<p>d</p>");
        if out_of_order {
            let mut position = leptos::tachys::view::Position::FirstChild;
            page.push_async_out_of_order(async { Some("<p>e</p>") }, &mut position, false, vec![]);
            page.push_sync("<p>f</p>");
        }
        page.finish()
    }

    /// The pieces hold the stream's text, start first, without joining what follows it.
    #[tokio::test]
    async fn the_pieces_are_the_text_the_stream_gives() {
        for out_of_order in [false, true] {
            let streamed = built(out_of_order).collect::<Vec<_>>().await.concat();
            let parts = pieces(built(out_of_order)).await;
            assert_eq!(parts.concat(), streamed);
            assert_eq!(parts[0], "<head></head><body>");
            assert!(
                streamed.contains("<p>a</p><p>b</p><p>c</p><p>d</p>"),
                "{streamed}"
            );
            if out_of_order {
                assert!(streamed.contains("<p>f</p>"), "{streamed}");
            } else {
                assert_eq!(parts.len(), 5, "{parts:?}");
            }
        }
    }

    fn request(path: &str) -> Request<Body> {
        Request::builder()
            .uri(path)
            .header("accept", "text/html")
            .body(Body::empty())
            .unwrap_or_default()
    }

    async fn body_of(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// The same page through leptos_axum's handler and through this one: the same status,
    /// headers and bytes, and this one's body has a known length.
    #[tokio::test]
    async fn a_page_is_what_leptos_axum_would_send_in_one_body() {
        let _ = any_spawner::Executor::init_tokio();
        let theirs =
            leptos_axum::render_app_async_with_context(|| {}, document)(request("/trips?page=2"))
                .await;
        let ours = render(request("/trips?page=2"), || {}, document).await;

        assert_eq!(ours.status(), StatusCode::IM_A_TEAPOT);
        assert_eq!(ours.status(), theirs.status());
        for name in [header::CONTENT_TYPE, header::CACHE_CONTROL] {
            assert_eq!(
                ours.headers().get(&name),
                theirs.headers().get(&name),
                "{name}"
            );
        }
        assert_eq!(ours.headers().get(header::TRANSFER_ENCODING), None);
        let length = axum::body::HttpBody::size_hint(ours.body()).exact();
        let (theirs, ours) = (body_of(theirs).await, body_of(ours).await);
        assert_eq!(length, Some(ours.len() as u64));
        assert!(
            ours.contains("<title>Trips · plans</title></head>"),
            "{ours}"
        );
        assert!(
            ours.contains("<h1>Lisbon &amp; &lt;Porto&gt;</h1>"),
            "{ours}"
        );
        assert!(ours.contains("<p>/trips?page=2</p>"), "{ours}");
        assert!(ours.contains("<script nonce=\""), "{ours}");
        // Each response has a nonce of its own.
        let without_nonce = |page: &str| {
            let mut kept = String::new();
            let mut rest = page;
            while let Some(at) = rest.find("nonce=\"") {
                kept.push_str(&rest[..at + 7]);
                rest = &rest[at + 7..];
                rest = &rest[rest.find('"').unwrap_or(0)..];
            }
            kept.push_str(rest);
            kept
        };
        assert_eq!(without_nonce(&ours), without_nonce(&theirs));
    }

    /// The cut falls just after the `<body …>` tag that follows the head, and takes the whole
    /// text when there is no such tag (a `<body` inside the head does not count).
    #[test]
    fn the_head_ends_after_the_body_tag() {
        let page = "<html><head><title>Für</title><meta content=\"<body>\"></head>\
                    <body class=\"page\"><main>ü</main></body></html>";
        let cut = head_end(page);
        assert_eq!(&page[..cut], &page[..page.find("<main>").unwrap_or(0)]);
        assert!(page[..cut].ends_with("<body class=\"page\">"));
        for whole in [
            "<html><head></head>",
            "<html><head></head><body class=\"page\"",
            "<body><p>no head</p>",
            "",
        ] {
            assert_eq!(head_end(whole), whole.len(), "{whole:?}");
        }
    }
}
