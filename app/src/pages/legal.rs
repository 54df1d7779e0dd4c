//! Privacy notice and terms of use, in plain language, for a self-hosted service: the person or
//! organisation running this copy is the one responsible, so the text speaks of "the host".
//! Keep the facts here true to the code: the cookie's name (`startup::session_layer`), what the
//! logs hold (`telemetry.rs`), the session lifetimes (`config.rs` defaults), the reset-link
//! lifetime (`auth/reset.rs`). `server/tests/api/pages.rs` checks the key sentences.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{context::AppState, providers::Credit};

#[component]
pub fn Privacy() -> impl IntoView {
    let state = use_context::<AppState>();
    let tiles = state.as_ref().is_some_and(|s| s.providers.tiles.is_some());
    let what_is_not = if tiles {
        "There are no analytics, no tracking, no advertising and no third-party scripts or \
         fonts: every part of every page comes from this server, but for the map’s \
         background images (see “Maps, places and weather” below). The only cookie is the \
         session cookie, which is needed to log you in, so there is no cookie banner."
    } else {
        "There are no analytics, no tracking, no advertising and no third-party scripts, \
         fonts or images: every part of every page comes from this server. The only cookie \
         is the session cookie, which is needed to log you in, so there is no cookie banner."
    };
    view! {
        <Title text="Privacy"/>
        <article class="prose">
            <h1>"Privacy"</h1>
            <p>
                "This notice explains what this Travel Planner site keeps about you, why, for how "
                "long, and how to take it with you or delete it."
            </p>

            <h2>"Who runs this site"</h2>
            <p>
                "Travel Planner is software that anyone can install on their own server. This site "
                "is run by the person or organisation who installed it here — “the host” below — "
                "not by the people who write the software. The host is responsible for your data "
                "and is the one to contact with questions about it."
            </p>
            <p>
                "Your data lives on the host’s server (and in the host’s backups), and nowhere "
                "else. It is not sold or shared with anyone."
            </p>

            <h2>"What is stored"</h2>
            <ul>
                <li>
                    <strong>"Your account: "</strong>
                    "your email address, your name, your home time zone if you choose one, when "
                    "you signed up and whether you confirmed your email. Your password is never "
                    "stored: only a one-way hash of it (argon2id), which cannot be turned back "
                    "into the password."
                </li>
                <li>
                    <strong>"Your trips and activities: "</strong>
                    "everything you enter to plan them — names, places, dates, times, notes, "
                    "costs and budgets."
                </li>
                <li>
                    <strong>"A session cookie, "</strong><code>"tp_session"</code>
                    " (called " <code>"__Host-tp_session"</code> " on https sites), that keeps you "
                    "logged in. It holds a random id and nothing else; the server keeps a matching "
                    "session record with your account’s id."
                </li>
                <li>
                    <strong>"Links we email you "</strong>
                    "to reset your password or confirm your address: only a fingerprint of each "
                    "link is stored, and the links expire."
                </li>
                <li>
                    <strong>"Server logs: "</strong>
                    "for each request, the time, the kind of page, a random request id, the "
                    "result and how long it took; log-ins and account changes are logged with "
                    "your account’s internal id. Logs never contain passwords. If the host has "
                    "switched on error reporting, the details of an error (the kind of page and a "
                    "request id — never passwords, cookies or what you typed) also go to the "
                    "host’s error tracker."
                </li>
            </ul>

            <h2>"What is not"</h2>
            <p>{what_is_not}</p>

            <OutsideServices/>

            <h2>"Emails"</h2>
            <p>
                "You only get emails about your account: confirming your address and resetting "
                "your password. No newsletters, no marketing."
            </p>

            <h2>"How long it is kept"</h2>
            <p>
                "Your account, trips and activities are kept until you delete them. A session "
                "ends when you log out, after 30 days without a visit, or 90 days after you "
                "logged in (the host can choose other limits). Password-reset links work for one "
                "hour. How long logs and backups are kept is up to the host; deleted data "
                "disappears from backups as they are replaced."
            </p>

            <h2>"Your rights"</h2>
            <ul>
                <li>
                    <strong>"See and correct: "</strong>
                    "your profile and trips are shown and can be changed in the app."
                </li>
                <li>
                    <strong>"Download your data: "</strong>
                    "your " <a href="/account">"account page"</a> " has a “Download my data” "
                    "button that gives you everything as one file."
                </li>
                <li>
                    <strong>"Delete your account: "</strong>
                    "also on your " <a href="/account">"account page"</a> ". It deletes your "
                    "account and all your trips at once and logs you out everywhere."
                </li>
            </ul>
            <p>"For anything else, ask the host."</p>
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
    let item = |what: &'static str, credit: &Credit, sent: &'static str| {
        view! {
            <li><strong>{format!("{what}: ")}</strong>{format!("{} ({}) ", credit.name, host(credit))}{sent}</li>
        }
    };
    let mut items = Vec::new();
    if let Some(places) = &providers.places {
        items.push(item(
            "Finding places",
            &places.credit,
            "receives the words you type in the place search and, to rank nearby places \
             first, the area of your trip to about 10 km — never who you are. The results \
             are kept on this server for up to 30 days and shared by everyone using it, \
             without who searched or what for.",
        ));
    }
    if let Some(tiles) = &providers.tiles {
        items.push(item(
            "The map",
            &tiles.credit,
            "sends the map’s background images. Your browser loads them straight from \
             there when a page shows a map, so that service sees your internet address and \
             the part of the map you look at, as with any map website. Without JavaScript \
             no map images are loaded.",
        ));
    }
    if let Some(weather) = &providers.weather {
        items.push(item(
            "Weather",
            weather,
            "receives the position of your trips’ places to about 10 km and the dates, and \
             nothing else. Weather is kept on this server and shared by everyone using it.",
        ));
    }
    if let Some((routing, _)) = &providers.routing {
        items.push(item(
            "Travel times",
            routing,
            "receives the positions of two places you visit one after the other on a day, \
             to tell how long the way between them takes — never who you are or what you \
             do there.",
        ));
    }
    if items.is_empty() {
        return view! {
            <h2>"Maps, places and weather"</h2>
            <p>"This site contacts no outside service for maps, places or weather."</p>
        }
        .into_any();
    }
    view! {
        <h2>"Maps, places and weather"</h2>
        <p>
            "To show maps, find real places and tell the weather, this site uses the outside "
            "services below. This server asks them; your account, your name and your email "
            "address are never sent."
        </p>
        <ul>{items}</ul>
    }
    .into_any()
}

#[component]
pub fn Terms() -> impl IntoView {
    view! {
        <Title text="Terms"/>
        <article class="prose">
            <h1>"Terms of use"</h1>
            <p>
                "Short and plain: by creating an account you agree to these terms. The "
                <a href="/privacy">"privacy notice"</a> " explains what is stored about you."
            </p>

            <h2>"Who you are dealing with"</h2>
            <p>
                "This site is run by the person or organisation who installed Travel Planner on "
                "this server (“the host”). The host provides it free of charge unless they tell "
                "you otherwise."
            </p>

            <h2>"Your part"</h2>
            <ul>
                <li>"Use the site to plan your own travel, and keep your password to yourself."</li>
                <li>
                    "Don’t abuse it: no attacks, no attempts to get into other people’s "
                    "accounts, no flooding it with requests or automated sign-ups, and nothing "
                    "illegal."
                </li>
                <li>"What you enter stays yours. The host only stores it and shows it to you."</li>
            </ul>

            <h2>"The host’s part"</h2>
            <ul>
                <li>
                    "The host may suspend or delete an account that abuses the site, and may "
                    "change or stop the service; they will try to give notice first."
                </li>
                <li>"The host keeps your data private as the privacy notice describes."</li>
            </ul>

            <h2>"No guarantees"</h2>
            <p>
                "The site is provided as it is, without warranty: use it at your own risk. Check "
                "important details (times, bookings, prices) at their source, and keep your own "
                "copy of what matters — the “Download my data” button on your account page gives "
                "you everything."
            </p>

            <h2>"Leaving"</h2>
            <p>
                "You can delete your account at any time from your "
                <a href="/account">"account page"</a> "; everything in it is deleted with it."
            </p>

            <h2>"The software"</h2>
            <p>
                "Travel Planner is free software under the "
                <a href="https://www.gnu.org/licenses/agpl-3.0.html" rel="external">
                    "GNU Affero General Public License, version 3 or later"
                </a>
                ". You may study, change and share it; if the host changed it, they must offer "
                "you the source of the version you use."
            </p>
        </article>
    }
}
