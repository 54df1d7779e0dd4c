//! The frame around every page: header with navigation, footer with the legal links.

use domain::accounts::model::Theme;
use i18n::{Language, tr};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Html;
use leptos_router::{hooks::use_location, location::Location};

use crate::{
    PRODUCT_NAME,
    actions::accounts::{LogOut, SetLanguage, SetTheme},
    context::{lang, page_flash, page_user},
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
    let l = lang();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <LogoIcon/>
                    <span>{PRODUCT_NAME}</span>
                </a>
                <nav aria-label=tr!(l, "nav-main")>
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
    let l = lang();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{PRODUCT_NAME}" — "{tr!(l, "site-tagline")}</p>
                <LanguageSwitcher/>
                <nav aria-label=tr!(l, "nav-legal")>
                    <ul class="nav-list">
                        <li><a href="/privacy">{tr!(l, "nav-privacy")}</a></li>
                        <li><a href="/terms">{tr!(l, "nav-terms")}</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}

/// The languages as buttons of one form, each named in itself (and marked as in its language,
/// for screen readers); the current one is marked. A plain post: works without JavaScript.
///
/// The frame's three forms (language, theme, log out) are written as plain `<form>`s posting
/// to their server function, the HTML `ActionForm` writes for them: they are not in an island,
/// so nothing in the browser would use an `ActionForm`'s handler, and nothing reads their
/// results (each answers with a redirect). An `ActionForm` needs a `ServerAction`, which on
/// every page cost four signals and the clean-up of each.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let l = lang();
    let back = current_address(&use_location());
    view! {
        <form action=SetLanguage::url() method="post" class="inline-form language-switcher">
            <input type="hidden" name="back" value=back/>
            <fieldset>
                <legend>{tr!(l, "language-label")}</legend>
                {Language::ALL
                    .map(|language| {
                        let current = language == l;
                        view! {
                            <button type="submit" name="language" value=language.code()
                                class="language-switcher__choice" lang=language.code()
                                aria-current=current.then_some("true")
                                title=tr!(l, "language-switch", language = language.autonym())>
                                {language.autonym()}
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </form>
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
    let l = lang();
    match page_user() {
        Some(user) => view! {
            <Html {..} data-theme=(user.theme != Theme::System).then_some(<&str>::from(user.theme)) data-signed-in="true"/>
            <li><a href="/trips">{tr!(l, "nav-trips")}</a></li>
            <li><ThemeToggle/></li>
            <li><a href="/account" class="nav-user">{user.display_name}</a></li>
            <li>
                <form action=LogOut::url() method="post" class="inline-form">
                    <button type="submit" class="button button--small button--secondary">{tr!(l, "nav-log-out")}</button>
                </form>
            </li>
        }
        .into_any(),
        None => view! {
            <li><a href="/login">{tr!(l, "nav-log-in")}</a></li>
            <li><a class="button button--small" href="/signup">{tr!(l, "nav-sign-up")}</a></li>
        }
        .into_any(),
    }
}

/// Switches between light and dark, remembered on the account. Both buttons are rendered; the
/// stylesheet shows the one that switches away from the theme in effect (which, for "match my
/// device", only the browser knows).
#[component]
fn ThemeToggle() -> impl IntoView {
    let l = lang();
    let back = current_address(&use_location());
    view! {
        <form action=SetTheme::url() method="post" class="inline-form theme-toggle">
            <input type="hidden" name="back" value=back/>
            <button type="submit" name="theme" value="dark" class="icon-button theme-toggle__to-dark"
                aria-label=tr!(l, "theme-to-dark") title=tr!(l, "theme-to-dark-short")><MoonIcon/></button>
            <button type="submit" name="theme" value="light" class="icon-button theme-toggle__to-light"
                aria-label=tr!(l, "theme-to-light") title=tr!(l, "theme-to-light-short")><SunIcon/></button>
        </form>
    }
}
