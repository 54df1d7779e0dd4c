//! The landing page for visitors: what the product does and where to start.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::icons::{CalendarIcon, RouteIcon, WalletIcon};

#[component]
pub fn Landing() -> impl IntoView {
    view! {
        <Title text=""/>
        <section class="hero" aria-labelledby="hero-heading">
            <h1 id="hero-heading">"Plan every day of your trip in one place"</h1>
            <p class="hero__lead">
                "Create a trip, lay out each day’s activities with times and places, "
                "and watch the budget add up as you go — on your phone or your laptop."
            </p>
            <div class="hero__actions">
                <a class="button" href="/signup">"Start planning — it’s free"</a>
                <a class="button button--secondary" href="/login">"I already have an account"</a>
            </div>
        </section>

        <section class="features" aria-labelledby="features-heading">
            <h2 id="features-heading" class="visually-hidden">"What you can do"</h2>
            <ul class="card-grid">
                <li class="card">
                    <CalendarIcon/>
                    <h3>"Trips at a glance"</h3>
                    <p>"Every trip with its dates, destination and budget, upcoming ones first."</p>
                </li>
                <li class="card">
                    <RouteIcon/>
                    <h3>"Day-by-day itinerary"</h3>
                    <p>"Sights, meals, transport and stays, in order, in the trip’s own time zone."</p>
                </li>
                <li class="card">
                    <WalletIcon/>
                    <h3>"A budget that adds up"</h3>
                    <p>"See what each day and each kind of spending costs, and what is left."</p>
                </li>
            </ul>
        </section>

        <section class="promise" aria-labelledby="promise-heading">
            <h2 id="promise-heading">"Yours to run"</h2>
            <p>
                "Travel Planner is one small program you can host yourself. Pages load fast on a "
                "slow connection, every form works even with JavaScript turned off, and there is "
                "no tracking."
            </p>
        </section>
    }
}
