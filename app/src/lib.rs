//! Everything the server and the browser share: the page shell, the routes, the pages and
//! (later) server functions and wire types. Server-only code sits behind the `ssr` feature.

pub mod auth;
#[cfg(feature = "ssr")]
pub mod entities;
pub mod error;
mod forms;
mod icons;
pub mod islands;
pub mod itinerary;
mod landing;
mod layout;
mod legal;
#[cfg(feature = "ssr")]
pub mod mail;
mod not_found;
pub mod privacy;
pub mod reference;
#[cfg(feature = "ssr")]
pub mod state;
pub mod trips;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    auth::{
        pages::{LoginPage, SignupPage},
        recovery_pages::{AccountPage, ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage},
    },
    islands::{HydrationMark, PendingForms},
    itinerary::pages::{DayPage, DeleteActivityPage, EditActivityPage, NewActivityPage},
    landing::Landing,
    layout::{FlashMessage, Footer, Header},
    legal::{Privacy, Terms},
    not_found::NotFound,
    privacy::pages::{DeleteAccountPage, GoodbyePage},
    trips::pages::{DeleteTripPage, EditTripPage, NewTripPage, TripPage, TripsPage},
};

/// The product's name as people see it.
pub const PRODUCT_NAME: &str = "Travel Planner";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <meta
                    name="description"
                    content="Plan trips day by day, keep an eye on the budget, and share the plan. Self-hosted, fast, and works without JavaScript."
                />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" id="leptos" href=stylesheet_href(&options)/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The stylesheet's address, with its content hash when the build hashed the files. Worked out
/// once per process: leptos_meta's `HashedStylesheet` reads the hash file on every page.
#[cfg(feature = "ssr")]
fn stylesheet_href(options: &LeptosOptions) -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let hash = options
            .hash_files
            .then(|| {
                let folder = std::env::current_exe().ok()?.parent()?.to_path_buf();
                std::fs::read_to_string(folder.join(options.hash_file.as_ref())).ok()
            })
            .flatten()
            .and_then(|hashes| {
                hashes.lines().find_map(|line| {
                    let (file, hash) = line.trim().split_once(':')?;
                    (file == "css").then(|| format!(".{}", hash.trim()))
                })
            })
            .unwrap_or_default();
        format!(
            "/{}/{}{hash}.css",
            options.site_pkg_dir, options.output_name
        )
    })
}

/// The shell renders on the server only.
#[cfg(not(feature = "ssr"))]
fn stylesheet_href(_: &LeptosOptions) -> &'static str {
    ""
}

/// The root component: layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|page: String| {
            let title = if page.is_empty() { PRODUCT_NAME.to_string() } else { format!("{page} · {PRODUCT_NAME}") };
            title_text(title)
        }/>
        <Router>
            <Layout/>
        </Router>
    }
}

/// The server writes the title into the HTML verbatim (leptos_meta 0.8 does not escape it), so
/// user text in a title (a trip's name) is escaped here; the browser sets `document.title` as
/// plain text and needs nothing.
#[cfg(feature = "ssr")]
fn title_text(title: String) -> String {
    title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(not(feature = "ssr"))]
fn title_text(title: String) -> String {
    title
}

/// Header, page and footer; inside the router so the header can follow navigation. Pages render
/// whole before they are sent (`SsrMode::Async`): out-of-order streaming would need JavaScript to
/// put resolved parts in place, and every page must work without it.
#[component]
fn Layout() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header/>
        <main id="main" class="page" tabindex="-1">
            <FlashMessage/>
            <Routes fallback=NotFound>
                <Route path=StaticSegment("") view=Landing ssr=SsrMode::Async/>
                <Route path=StaticSegment("signup") view=SignupPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("account") view=AccountPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("account"), StaticSegment("delete")) view=DeleteAccountPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("goodbye") view=GoodbyePage ssr=SsrMode::Async/>
                <Route path=StaticSegment("trips") view=TripsPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), StaticSegment("new")) view=NewTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id")) view=TripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("edit")) view=EditTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("delete")) view=DeleteTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("days"), ParamSegment("date")) view=DayPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("activities"), StaticSegment("new")) view=NewActivityPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("activities"), ParamSegment("activity"), StaticSegment("edit")) view=EditActivityPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("activities"), ParamSegment("activity"), StaticSegment("delete")) view=DeleteActivityPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("reset-password"), ParamSegment("token")) view=ResetPasswordPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("verify-email"), ParamSegment("token")) view=VerifyEmailPage ssr=SsrMode::Async/>
                <Route path=StaticSegment("privacy") view=Privacy ssr=SsrMode::Async/>
                <Route path=StaticSegment("terms") view=Terms ssr=SsrMode::Async/>
            </Routes>
        </main>
        <Footer/>
        <PendingForms/>
        <HydrationMark/>
    }
}
