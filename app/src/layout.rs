//! The frame around every page: header with navigation, footer with the legal links.

use domain::accounts::model::Theme;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::{hooks::use_location, location::Location};

use crate::{
    PRODUCT_NAME,
    actions::accounts::{LogOut, SetTheme},
    context::{page_flash, page_user},
    icons::{LogoIcon, MoonIcon, SunIcon},
};

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

/// The address of the page being rendered: its path and query string.
fn current_address(location: &Location) -> String {
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// The header's account area: who is logged in and a log-out button, or the way in.
#[component]
pub fn AccountNav() -> impl IntoView {
    let log_out = ServerAction::<LogOut>::new();
    match page_user() {
        Some(user) => view! {
            <Html {..} data-theme=(user.theme != Theme::System).then_some(<&str>::from(user.theme)) data-signed-in="true"/>
            <li><a href="/trips">"Trips"</a></li>
            <li><ThemeToggle/></li>
            <li><a href="/account" class="nav-user">{user.display_name}</a></li>
            <li>
                <ActionForm action=log_out attr:class="inline-form">
                    <button type="submit" class="button button--small button--secondary">"Log out"</button>
                </ActionForm>
            </li>
        }
        .into_any(),
        None => view! {
            <li><a href="/login">"Log in"</a></li>
            <li><a class="button button--small" href="/signup">"Sign up"</a></li>
        }
        .into_any(),
    }
}

/// Switches between light and dark, remembered on the account. Both buttons are rendered; the
/// stylesheet shows the one that switches away from the theme in effect (which, for "match my
/// device", only the browser knows).
#[component]
fn ThemeToggle() -> impl IntoView {
    let set_theme = ServerAction::<SetTheme>::new();
    let back = current_address(&use_location());
    view! {
        <ActionForm action=set_theme attr:class="inline-form theme-toggle">
            <input type="hidden" name="back" value=back/>
            <button type="submit" name="theme" value="dark" class="icon-button theme-toggle__to-dark"
                aria-label="Use the dark theme" title="Dark theme"><MoonIcon/></button>
            <button type="submit" name="theme" value="light" class="icon-button theme-toggle__to-light"
                aria-label="Use the light theme" title="Light theme"><SunIcon/></button>
        </ActionForm>
    }
}
