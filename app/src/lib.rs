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
pub mod render_cache;
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
        pages::{FinishSignupPage, LoginPage, SignupPage},
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
                {hydration_scripts(&options)}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The content hashes cargo-leptos wrote next to the binary (`css: …`, `js: …`, `wasm: …`),
/// read once per process. Empty when the build does not hash its files.
#[cfg(feature = "ssr")]
fn file_hash(options: &LeptosOptions, file: &str) -> Option<&'static str> {
    static HASHES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    HASHES
        .get_or_init(|| {
            let read = || {
                let folder = std::env::current_exe().ok()?.parent()?.to_path_buf();
                std::fs::read_to_string(folder.join(options.hash_file.as_ref())).ok()
            };
            let hashes = if options.hash_files { read() } else { None };
            if options.hash_files && hashes.is_none() {
                tracing::error!("file hashing is on but the hash file cannot be read");
            }
            hashes
                .unwrap_or_default()
                .lines()
                .filter_map(|line| {
                    let (file, hash) = line.trim().split_once(':')?;
                    Some((file.to_string(), hash.trim().to_string()))
                })
                .collect()
        })
        .iter()
        .find_map(|(name, hash)| (name == file).then_some(hash.as_str()))
}

/// The stylesheet's address, with its content hash when the build hashed the files. Worked out
/// once per process: leptos_meta's `HashedStylesheet` reads the hash file on every page.
#[cfg(feature = "ssr")]
fn stylesheet_href(options: &LeptosOptions) -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let hash = file_hash(options, "css").map(|hash| format!(".{hash}"));
        format!(
            "/{}/{}{}.css",
            options.site_pkg_dir,
            options.output_name,
            hash.unwrap_or_default()
        )
    })
}

/// The shell renders on the server only.
#[cfg(not(feature = "ssr"))]
fn stylesheet_href(_: &LeptosOptions) -> &'static str {
    ""
}

/// leptos' island loader, as leptos 0.8's `HydrationScripts` writes it into the page (its
/// `island_script.js`, MIT; a test checks that the markup below matches leptos' own).
#[cfg(feature = "ssr")]
const ISLAND_SCRIPT: &str = include_str!("island_script.js");

/// Where leptos' loader hydrates one island: it hydrates them all in one task, and on a slow
/// phone that task (the WASM's first calls compiling in, then every island) blocked input for
/// 100–200 ms. Ours gives the main thread back before each island instead.
#[cfg(feature = "ssr")]
const ISLAND_CALL: &str = "const res = islandFn(el);";
#[cfg(feature = "ssr")]
const ISLAND_CALL_YIELDING: &str =
    "await new Promise((resume) => setTimeout(resume)); const res = islandFn(el);";

/// The markup of leptos' `<HydrationScripts islands=true/>` — the island loader — with the
/// hashed file names worked out once per process (leptos looks up the binary's path and reads
/// the hash file on every page), the islands hydrated one task each (see [`ISLAND_CALL`]), and
/// without leptos' preload links for the JS and the WASM: the islands hydrate only once the page
/// is idle, and preloaded, the 80 KB download shared a slow phone connection with the HTML and
/// the stylesheet the first paint waits for (Lighthouse's mobile LCP 1.35–1.50 s with them,
/// 0.90 s without).
#[cfg(feature = "ssr")]
fn hydration_scripts(options: &LeptosOptions) -> impl IntoView + use<> {
    use leptos::nonce::use_nonce;

    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let script = SCRIPT.get_or_init(|| {
        let mut js = options.output_name.to_string();
        let mut wasm = js.clone();
        if options.hash_files {
            if let Some(hash) = file_hash(options, "js") {
                js = format!("{js}.{hash}");
            }
            if let Some(hash) = file_hash(options, "wasm") {
                wasm = format!("{wasm}.{hash}");
            }
        } else if option_env!("LEPTOS_OUTPUT_NAME").is_none() {
            wasm.push_str("_bg");
        }
        let pkg = &options.site_pkg_dir;
        format!(
            "{}({:?}, {pkg:?}, {js:?}, {wasm:?}, false);",
            ISLAND_SCRIPT.replace(ISLAND_CALL, ISLAND_CALL_YIELDING),
            ""
        )
    });
    // As leptos does: the islands are hydrated by the loader, not by the page's own markers.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! { <script type="module" nonce=use_nonce()>{script.as_str()}</script> }
}

#[cfg(not(feature = "ssr"))]
fn hydration_scripts(_: &LeptosOptions) -> impl IntoView + use<> {}

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
                <Route path=(StaticSegment("signup"), ParamSegment("token")) view=FinishSignupPage ssr=SsrMode::Async/>
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use leptos::{nonce::Nonce, prelude::*};

    use super::{ISLAND_CALL, ISLAND_CALL_YIELDING, hydration_scripts};

    /// The copy of leptos' island loader and its markup must stay what leptos renders (but for
    /// the preload links and the yield before each island): a leptos update that changes
    /// either, or moves the line the yield goes before, fails here.
    #[test]
    fn hydration_scripts_render_what_leptos_renders() {
        let options = LeptosOptions::builder()
            .output_name("travel-planner")
            .build();
        Owner::new().with(|| {
            provide_context(Nonce::from_value("n0nce"));
            let ours = hydration_scripts(&options).to_html();
            let theirs =
                view! { <HydrationScripts options=options.clone() islands=true/> }.to_html();
            assert!(
                ours.contains("hydrateIslands(document.body, mod)"),
                "{ours}"
            );
            assert!(
                ours.contains(r#"<script type="module" nonce="n0nce">"#),
                "{ours}"
            );
            assert!(!ours.contains("<link"), "{ours}");
            assert_eq!(ours.matches(ISLAND_CALL_YIELDING).count(), 1, "{ours}");
            // leptos writes the two preload links, then the same script.
            let (links, script) = theirs.split_at(theirs.find("<script").unwrap());
            assert_eq!(links.matches("<link rel=\"").count(), 2, "{links}");
            assert!(links.contains("modulepreload") && links.contains("application/wasm"));
            assert_eq!(ours.replace(ISLAND_CALL_YIELDING, ISLAND_CALL), script);
        });
    }
}
