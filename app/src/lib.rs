//! The web: pages rendered on the server, the server functions their forms post to, and the
//! frame around them. A thin layer over the core (`domain`): a server function reads who is
//! signed in, parses its form into a command, calls a service and redirects; a page reads what
//! it shows through a server function and renders it. The interactive parts are the `islands`
//! crate, the only code that also runs in the browser.
//!
//! Modules depend in one direction, from the routes down: `pages` → `views` → `actions` →
//! `session`, `context`, `error` (`scripts/check-module-cycles.py` keeps it so).

#[cfg(not(feature = "ssr"))]
compile_error!("`app` is the server's web layer: build it with the `ssr` feature");

pub mod actions;
mod assets;
pub mod context;
pub mod error;
mod format;
mod forms;
mod icons;
mod layout;
pub mod links;
mod pages;
#[cfg(test)]
mod patched_renderer;
pub mod providers;
pub mod render_cache;
mod scaffold;
pub mod session;
mod shell;
pub mod takeaway;
mod views;

pub use format::escape_html;
pub use shell::{linked_files, shell};

use islands::{HydrationMark, PendingForms};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    layout::{FlashMessage, Footer, Header},
    pages::{
        account::AccountPage,
        day::DayPage,
        delete_account::{DeleteAccountPage, GoodbyePage},
        delete_activity::DeleteActivityPage,
        delete_trip::DeleteTripPage,
        edit_activity::EditActivityPage,
        edit_trip::EditTripPage,
        forgot_password::ForgotPasswordPage,
        history::HistoryPageView,
        import::{ImportIntoTripPage, ImportTripsPage},
        invitation::InvitationPageView,
        landing::Landing,
        legal::{Privacy, Terms},
        login::LoginPage,
        members::MembersPageView,
        new_activity::NewActivityPage,
        new_trip::NewTripPage,
        place_search::PlaceSearchPage,
        reset_password::ResetPasswordPage,
        shared::SharedTripPage,
        signup::{FinishSignupPage, SignupPage},
        trip::TripPage,
        trips::TripsPage,
        verify_email::VerifyEmailPage,
    },
    scaffold::{NotFound, at_once},
};

/// The product's name as people see it.
pub const PRODUCT_NAME: &str = "Travel Planner";

/// The root component: layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|page: String| {
            let title = if page.is_empty() { PRODUCT_NAME.to_string() } else { format!("{page} · {PRODUCT_NAME}") };
            shell::title_text(title)
        }/>
        <Router>
            <Layout/>
        </Router>
    }
}

/// Header, page and footer; inside the router so the header can follow navigation. Pages render
/// whole before they are sent (`SsrMode::Async`): out-of-order streaming would need JavaScript to
/// put resolved parts in place, and every page must work without it.
#[component]
fn Layout() -> impl IntoView {
    // The frame around the routes waits for nothing: written out at once (`scaffold::at_once`).
    let top = at_once(view! {
        <a class="skip-link" href="#main">{i18n::tr!(context::lang(), "landing-skip-link")}</a>
        <Header/>
    });
    let flash = at_once(view! { <FlashMessage/> });
    let bottom = at_once(view! {
        <Footer/>
        <PendingForms/>
        <HydrationMark/>
    });
    view! {
        {top}
        <main id="main" class="page" tabindex="-1">
            {flash}
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
                <Route path=(StaticSegment("trips"), StaticSegment("import")) view=ImportTripsPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("import")) view=ImportIntoTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id")) view=TripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("edit")) view=EditTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("delete")) view=DeleteTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("members")) view=MembersPageView ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("history")) view=HistoryPageView ssr=SsrMode::Async/>
                <Route path=(StaticSegment("invitations"), ParamSegment("token")) view=InvitationPageView ssr=SsrMode::Async/>
                <Route path=(StaticSegment("shared"), ParamSegment("token")) view=SharedTripPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("days"), ParamSegment("date")) view=DayPage ssr=SsrMode::Async/>
                <Route path=(StaticSegment("trips"), ParamSegment("id"), StaticSegment("places")) view=PlaceSearchPage ssr=SsrMode::Async/>
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
        {bottom}
    }
}
