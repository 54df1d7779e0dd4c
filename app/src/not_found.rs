use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any path we do not know, with status 404 on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }

    view! {
        <Title text="Page not found"/>
        <section class="notice" aria-labelledby="not-found-heading">
            <p class="notice__code" aria-hidden="true">"404"</p>
            <h1 id="not-found-heading">"We couldn’t find that page"</h1>
            <p>
                "The link may be old, or the address may have a typo. "
                "Your trips are safe — this page just doesn’t exist."
            </p>
            <p><a class="button" href="/">"Go to the home page"</a></p>
        </section>
    }
}
