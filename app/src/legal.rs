//! Privacy and terms. Short, plain placeholders until the compliance work fills them in.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <Title text="Privacy"/>
        <article class="prose">
            <h1>"Privacy"</h1>
            <p>
                "Travel Planner is self-hosted: your data lives on the server run by whoever "
                "set up this site, and nowhere else."
            </p>
            <p>
                "We store what you give us to plan your trips, and a session cookie that keeps "
                "you logged in. There are no analytics, no trackers and no advertising cookies, "
                "so there is no cookie banner."
            </p>
            <p class="muted">"A fuller privacy notice will follow before accounts open."</p>
        </article>
    }
}

#[component]
pub fn Terms() -> impl IntoView {
    view! {
        <Title text="Terms"/>
        <article class="prose">
            <h1>"Terms of use"</h1>
            <p>
                "Use this site to plan your own travel, and be kind to the people who run it. "
                "The software comes as it is, without warranty."
            </p>
            <p class="muted">"Full terms will follow before accounts open."</p>
        </article>
    }
}
