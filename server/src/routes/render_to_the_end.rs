//! A request's handler runs to its end even when the client leaves first.
//!
//! Workaround for a deadlock in `reactive_graph` 0.2.16 (leptos 0.8.23), in one place: when a
//! client goes away mid-render, hyper drops the request's future — and with it the page's root
//! reactive `Owner` — on one thread while the spawned render task still runs on another. A
//! component there that reads context (`use_context`, as `<Title>` and our `lang()` do) walks
//! up its owners holding a read lock on its own, upgrades its parent's weak reference, and can
//! end up holding the parent's last strong reference: dropping it runs the parent's cleanup,
//! which takes a write lock on the child the walk still holds — the worker thread waits on
//! itself for ever (seen under `bench/pages.sh`: each time a load run ended with requests in
//! flight, a worker thread hung, later requests ran on one thread, and the process never
//! stopped). Upstream: `Owner::with_context` in `reactive_graph/src/owner/context.rs` drops an
//! upgraded parent while the child's guard is held; no fix released at the time of writing.
//!
//! Running the handler as its own task means nothing of the render is dropped before it
//! finishes: the client leaving only drops the wait for it. Its cost is one task spawn per
//! request. Guarded by `tests::the_handler_finishes_after_the_client_leaves`; when upstream
//! fixes the walk (drop the upgraded parents after the guards), this module can go.

use axum::{extract::Request, middleware::Next, response::Response};

pub async fn render_to_the_end(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        // A panic goes on to the panic catcher further out, as if nothing were in between.
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        Err(error) => {
            tracing::error!(%error, "a request's task was cancelled");
            // A bare status: the friendly error pages further out fill it in.
            axum::response::IntoResponse::into_response(axum::http::StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::{
        sync::{
            Arc,
            atomic::{AtomicBool, Ordering},
        },
        time::Duration,
    };

    use axum::{Router, body::Body, routing::get};
    use tower::ServiceExt;

    use super::*;

    /// The client gives up 20 ms into a 100 ms handler: the handler still runs to its end.
    #[tokio::test]
    async fn the_handler_finishes_after_the_client_leaves() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&finished);
        let app = Router::new()
            .route(
                "/",
                get(move || async move {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    flag.store(true, Ordering::SeqCst);
                    "done"
                }),
            )
            .layer(axum::middleware::from_fn(render_to_the_end));
        let request = Request::builder()
            .uri("/")
            .body(Body::empty())
            .unwrap_or_default();
        let gave_up = tokio::time::timeout(Duration::from_millis(20), app.oneshot(request)).await;
        assert!(
            gave_up.is_err(),
            "the handler answered before the client left"
        );
        assert!(!finished.load(Ordering::SeqCst));
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(
            finished.load(Ordering::SeqCst),
            "the handler was dropped with the client's request"
        );
    }
}
