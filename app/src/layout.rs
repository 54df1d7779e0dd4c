//! The frame around every page: header with navigation, footer with the legal links.

use leptos::prelude::*;

use crate::{PRODUCT_NAME, auth::pages::AccountNav, icons::LogoIcon};

/// The one-time message the last action left in the session ("Trip saved."), shown at the top
/// of the next page and then gone. It needs no JavaScript and no query parameter.
#[component]
pub fn FlashMessage() -> impl IntoView {
    page_flash().map(|message| {
        view! {
            <div role="status" class="flash"><p class="notice-ok">{message}</p></div>
        }
    })
}

#[cfg(feature = "ssr")]
use crate::state::page_flash;

/// The layout renders on the server only (it is not an island).
#[cfg(not(feature = "ssr"))]
fn page_flash() -> Option<String> {
    None
}

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <LogoIcon/>
                    <span>{PRODUCT_NAME}</span>
                </a>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        <AccountNav/>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{PRODUCT_NAME}" — plan the trip, not the spreadsheet."</p>
                <nav aria-label="Legal">
                    <ul class="nav-list">
                        <li><a href="/privacy">"Privacy"</a></li>
                        <li><a href="/terms">"Terms"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}
