//! The landing page for visitors: what the product does and where to start.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    context::lang,
    icons::{CalendarIcon, RouteIcon, WalletIcon},
};

#[component]
pub fn Landing() -> impl IntoView {
    let l = lang();
    view! {
        <Title text=""/>
        <section class="hero" aria-labelledby="hero-heading">
            <h1 id="hero-heading">{tr!(l, "landing-heading")}</h1>
            <p class="hero__lead">{tr!(l, "landing-lead")}</p>
            <div class="hero__actions">
                <a class="button" href="/signup">{tr!(l, "landing-start")}</a>
                <a class="button button--secondary" href="/login">{tr!(l, "landing-have-account")}</a>
            </div>
        </section>

        <section class="features" aria-labelledby="features-heading">
            <h2 id="features-heading" class="visually-hidden">{tr!(l, "landing-features")}</h2>
            <ul class="card-grid">
                <li class="card">
                    <CalendarIcon/>
                    <h3>{tr!(l, "landing-glance-title")}</h3>
                    <p>{tr!(l, "landing-glance-text")}</p>
                </li>
                <li class="card">
                    <RouteIcon/>
                    <h3>{tr!(l, "landing-itinerary-title")}</h3>
                    <p>{tr!(l, "landing-itinerary-text")}</p>
                </li>
                <li class="card">
                    <WalletIcon/>
                    <h3>{tr!(l, "landing-budget-title")}</h3>
                    <p>{tr!(l, "landing-budget-text")}</p>
                </li>
            </ul>
        </section>

        <section class="promise" aria-labelledby="promise-heading">
            <h2 id="promise-heading">{tr!(l, "landing-promise-title")}</h2>
            <p>{tr!(l, "landing-promise-text")}</p>
        </section>
    }
}
