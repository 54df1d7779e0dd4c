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

/// What a page shows when loading its data failed: the 404 page (with its status) for
/// `NotFound` — another traveler's trip looks exactly like a missing one — else the message.
pub fn not_found_or(error: crate::error::AppError) -> AnyView {
    match error {
        crate::error::AppError::NotFound => view! { <NotFound/> }.into_any(),
        other => view! { <p class="form-alert" role="alert">{other.to_string()}</p> }.into_any(),
    }
}
