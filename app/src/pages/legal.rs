//! Privacy notice and terms of use, in plain language, for a self-hosted service: the person or
//! organisation running this copy is the one responsible, so the text speaks of "the host".
//! Keep the facts here true to the code: the cookie's name (`startup::session_layer`), what the
//! logs hold (`telemetry.rs`), the session lifetimes (`config.rs` defaults), the reset-link
//! lifetime (`auth/reset.rs`). `server/tests/api/pages.rs` checks the key sentences.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    context::{AppState, lang},
    providers::Credit,
};

/// A bold label and the text after it, with a space between.
fn labelled(label: String, text: String) -> impl IntoView {
    view! { <strong>{format!("{label} ")}</strong>{text} }
}

#[component]
pub fn Privacy() -> impl IntoView {
    let l = lang();
    let state = use_context::<AppState>();
    let tiles = state.as_ref().is_some_and(|s| s.providers.tiles.is_some());
    let what_is_not = if tiles {
        tr!(l, "legal-privacy-not-with-map")
    } else {
        tr!(l, "legal-privacy-not")
    };
    view! {
        <Title text=tr!(l, "legal-privacy-title")/>
        <article class="prose">
            <h1>{tr!(l, "legal-privacy-title")}</h1>
            <p>{tr!(l, "legal-privacy-intro")}</p>

            <h2>{tr!(l, "legal-privacy-who-heading")}</h2>
            <p>{tr!(l, "legal-privacy-who-text")}</p>
            <p>{tr!(l, "legal-privacy-where")}</p>

            <h2>{tr!(l, "legal-privacy-stored-heading")}</h2>
            <ul>
                <li>
                    {labelled(tr!(l, "legal-privacy-account-label"), tr!(l, "legal-privacy-account-text"))}
                </li>
                <li>
                    {labelled(tr!(l, "legal-privacy-trips-label"), tr!(l, "legal-privacy-trips-text"))}
                </li>
                <li>
                    <strong>{format!("{} ", tr!(l, "legal-privacy-cookie-label"))}</strong><code>"tp_session"</code>
                    {format!(" {} ", tr!(l, "legal-privacy-cookie-called"))}<code>"__Host-tp_session"</code>
                    {format!(" {}", tr!(l, "legal-privacy-cookie-text"))}
                </li>
                <li>
                    {labelled(tr!(l, "legal-privacy-links-label"), tr!(l, "legal-privacy-links-text"))}
                </li>
                <li>
                    {labelled(tr!(l, "legal-privacy-logs-label"), tr!(l, "legal-privacy-logs-text"))}
                </li>
            </ul>

            <h2>{tr!(l, "legal-privacy-not-heading")}</h2>
            <p>{what_is_not}</p>

            <OutsideServices/>

            <h2>{tr!(l, "legal-privacy-emails-heading")}</h2>
            <p>{tr!(l, "legal-privacy-emails-text")}</p>

            <h2>{tr!(l, "legal-privacy-kept-heading")}</h2>
            <p>{tr!(l, "legal-privacy-kept-text")}</p>

            <h2>{tr!(l, "legal-privacy-rights-heading")}</h2>
            <ul>
                <li>
                    {labelled(tr!(l, "legal-privacy-see-label"), tr!(l, "legal-privacy-see-text"))}
                </li>
                <li>
                    <strong>{format!("{} ", tr!(l, "legal-privacy-download-label"))}</strong>
                    {format!("{} ", tr!(l, "legal-privacy-download-before"))}
                    <a href="/account">{tr!(l, "legal-account-page")}</a>
                    {after_link(tr!(l, "legal-privacy-download-after"))}
                </li>
                <li>
                    <strong>{format!("{} ", tr!(l, "legal-privacy-delete-label"))}</strong>
                    {format!("{} ", tr!(l, "legal-privacy-delete-before"))}
                    <a href="/account">{tr!(l, "legal-account-page")}</a>
                    {after_link(tr!(l, "legal-privacy-delete-after"))}
                </li>
            </ul>
            <p>{tr!(l, "legal-privacy-ask")}</p>
        </article>
    }
}

/// Which outside services this site contacts for maps, places and weather, and what each is
/// sent — as configured (`app::providers`).
#[component]
fn OutsideServices() -> impl IntoView {
    let Some(state) = use_context::<AppState>() else {
        return ().into_any();
    };
    let l = lang();
    let providers = &state.providers;
    let host = |credit: &Credit| {
        credit
            .url
            .split_once("://")
            .map_or(credit.url.as_str(), |(_, rest)| rest)
            .split('/')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let item = |what: String, credit: &Credit, sent: String| {
        view! {
            <li><strong>{format!("{what} ")}</strong>{format!("{} ({}) ", credit.name, host(credit))}{sent}</li>
        }
    };
    let mut items = Vec::new();
    if let Some(places) = &providers.places {
        items.push(item(
            tr!(l, "legal-services-places-label"),
            &places.credit,
            tr!(l, "legal-services-places-text"),
        ));
    }
    if let Some(tiles) = &providers.tiles {
        items.push(item(
            tr!(l, "legal-services-map-label"),
            &tiles.credit,
            tr!(l, "legal-services-map-text"),
        ));
    }
    if let Some(weather) = &providers.weather {
        items.push(item(
            tr!(l, "legal-services-weather-label"),
            weather,
            tr!(l, "legal-services-weather-text"),
        ));
    }
    if let Some((routing, _)) = &providers.routing {
        items.push(item(
            tr!(l, "legal-services-routing-label"),
            routing,
            tr!(l, "legal-services-routing-text"),
        ));
    }
    if items.is_empty() {
        return view! {
            <h2>{tr!(l, "legal-services-heading")}</h2>
            <p>{tr!(l, "legal-services-none")}</p>
        }
        .into_any();
    }
    view! {
        <h2>{tr!(l, "legal-services-heading")}</h2>
        <p>{tr!(l, "legal-services-intro")}</p>
        <ul>{items}</ul>
    }
    .into_any()
}

#[component]
pub fn Terms() -> impl IntoView {
    let l = lang();
    view! {
        <Title text=tr!(l, "legal-terms-title")/>
        <article class="prose">
            <h1>{tr!(l, "legal-terms-heading")}</h1>
            <p>
                {format!("{} ", tr!(l, "legal-terms-intro-before"))}
                <a href="/privacy">{tr!(l, "legal-terms-privacy-link")}</a>
                {after_link(tr!(l, "legal-terms-intro-after"))}
            </p>

            <h2>{tr!(l, "legal-terms-who-heading")}</h2>
            <p>{tr!(l, "legal-terms-who-text")}</p>

            <h2>{tr!(l, "legal-terms-yours-heading")}</h2>
            <ul>
                <li>{tr!(l, "legal-terms-yours-use")}</li>
                <li>{tr!(l, "legal-terms-yours-abuse")}</li>
                <li>{tr!(l, "legal-terms-yours-content")}</li>
            </ul>

            <h2>{tr!(l, "legal-terms-host-heading")}</h2>
            <ul>
                <li>{tr!(l, "legal-terms-host-suspend")}</li>
                <li>{tr!(l, "legal-terms-host-private")}</li>
            </ul>

            <h2>{tr!(l, "legal-terms-warranty-heading")}</h2>
            <p>{tr!(l, "legal-terms-warranty-text")}</p>

            <h2>{tr!(l, "legal-terms-leaving-heading")}</h2>
            <p>
                {format!("{} ", tr!(l, "legal-terms-leaving-before"))}
                <a href="/account">{tr!(l, "legal-account-page")}</a>
                {after_link(tr!(l, "legal-terms-leaving-after"))}
            </p>

            <h2>{tr!(l, "legal-terms-software-heading")}</h2>
            <p>
                {format!("{} ", tr!(l, "legal-terms-software-before"))}
                <a href="https://www.gnu.org/licenses/agpl-3.0.html" rel="external">
                    {tr!(l, "legal-terms-license")}
                </a>
                {after_link(tr!(l, "legal-terms-software-after"))}
            </p>
        </article>
    }
}

/// The text after a link: a space first, unless it starts with punctuation.
fn after_link(text: String) -> String {
    if text.starts_with(['.', ',', ';', ':', '!', '?', ')']) {
        text
    } else {
        format!(" {text}")
    }
}
