//! `/shared/{token}`: a trip through its public share link — read-only, without an account or
//! JavaScript, never indexed, never named in a Referer, never stored by a cache. Rendered like
//! the trip page's overview (its `Public` view: no controls, no links into members' pages),
//! and kept by the render cache under a key of its own, apart from every member's view.

use std::sync::Arc;

use domain::{itinerary::model::TripPlan, sharing};
use i18n::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    context,
    error::AppError,
    pages::trip::{TripPageContent, Viewer, render_overview},
    render_cache::{KeptOverview, Version},
    scaffold::{Loaded, resource, route_param},
};

#[component]
pub fn SharedTripPage() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
        response.insert_header(
            http::HeaderName::from_static("x-robots-tag"),
            http::HeaderValue::from_static("noindex, nofollow"),
        );
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store, private"),
        );
    }
    let l = context::lang();
    let token = route_param("token");
    let page = resource(move || token.get(), get_shared_trip);
    view! {
        <Meta name="robots" content="noindex, nofollow"/>
        <Meta name="referrer" content="no-referrer"/>
        <Loaded data=page loading=tr!(l, "members-shared-loading") render=move |TripPageContent { name, html, .. }| view! {
            <Title text=name/>
            <p class="shared-banner">{tr!(l, "members-shared-banner")}</p>
            <article class="trip trip--shared" aria-labelledby="trip-heading" inner_html=html/>
        }/>
    }
}

#[server(prefix = "/api/shared", endpoint = "trip")]
pub async fn get_shared_trip(token: String) -> Result<TripPageContent, AppError> {
    let state = context::state()?;
    let shared = sharing::open(&state.db, &token)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    let version = Version::of(&(&shared.trip, shared.revision, shared.shown));
    let name = shared.trip.name.clone();
    let language = context::lang();
    let key = format!(
        "{}:{}:{}{}:{}",
        shared.trip.id,
        Viewer::Public.key(),
        u8::from(shared.shown.include_budget),
        u8::from(shared.shown.include_notes),
        language.code()
    );
    if let Some(kept) = state.trip_pages.get(&key, version) {
        return Ok(TripPageContent::of(name, &kept));
    }
    // Without the map and the weather: a share link shows the plan, not where its places are.
    let html: Arc<str> = render_overview(
        language,
        TripPlan::new(shared.trip, shared.activities),
        Viewer::Public,
        Vec::new(),
        None,
    )
    .into();
    let kept = KeptOverview::plain(html);
    state.trip_pages.keep(&key, version, kept.clone());
    Ok(TripPageContent::of(name, &kept))
}
