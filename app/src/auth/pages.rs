//! Sign-up, log-in and account pages. Real forms: they work before and without JavaScript.

use leptos::prelude::*;
use leptos_meta::{Html, Meta, Title};
use leptos_router::{
    hooks::{use_location, use_params_map, use_query_map},
    location::Location,
};

use super::{
    api::{CompleteSignUp, LogIn, LogOut, SetTheme, SignUp, sign_up_link_valid},
    types::{PASSWORD_MIN, PASSWORD_STRONG, Theme},
};
use crate::{
    forms::{Field, FormAlert, errors_of},
    icons::{MoonIcon, SunIcon},
    islands::PasswordStrength,
};

/// Who is logged in: the server looks the user up before the page renders
/// ([`crate::state::PageUser`]). Plain data, not a resource: a resource read by more than one
/// boundary can hang a server render (leptos issue #4578), and the header has no need to wait.
#[cfg(feature = "ssr")]
pub(crate) use crate::state::page_user;

/// The header renders on the server only (it is not an island).
#[cfg(not(feature = "ssr"))]
pub(crate) fn page_user() -> Option<super::types::CurrentUser> {
    None
}

/// How a password of `length` characters is described while it is typed (JavaScript only; the
/// server has the last word, including the common-password check).
pub(crate) fn strength_label(length: usize) -> &'static str {
    match length {
        0 => "",
        1..PASSWORD_MIN => "Too short",
        PASSWORD_MIN..PASSWORD_STRONG => "Long enough — longer is stronger",
        _ => "Strong",
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let query = use_query_map();
    if query.read_untracked().get("sent").is_some() {
        return view! {
            <Title text="Check your inbox"/>
            <section class="auth" aria-labelledby="signup-heading">
                <h1 id="signup-heading">"Check your inbox"</h1>
                <p class="notice-ok" role="status">
                    "We sent a link to the address you gave. Open it to finish creating your account: it works for 24 hours."
                </p>
                <p class="muted">"Nothing there after a few minutes? Look in your spam folder, or "
                    <a href="/signup">"sign up again"</a>"."</p>
                <p class="auth__switch">"Already have an account? " <a href="/login">"Log in"</a></p>
            </section>
        }
        .into_any();
    }
    let action = ServerAction::<SignUp>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Sign up"/>
        <section class="auth" aria-labelledby="signup-heading">
            <h1 id="signup-heading">"Create your account"</h1>
            <p class="muted">"Plan trips, lay out each day and keep the budget in view."</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert errors/>
                <Field label="Email" name="email" kind="email" autocomplete="email" errors/>
                <Field label="Your name" name="display_name" autocomplete="name" errors
                    hint="Shown to the people you share trips with."/>
                <PasswordStrength>
                    <Field label="Password" name="password" kind="password" autocomplete="new-password" errors
                        hint="At least 8 characters. A few unrelated words make a strong one."/>
                </PasswordStrength>
                <Field label="Confirm password" name="password_confirmation" kind="password"
                    autocomplete="new-password" errors/>
                <button class="button" type="submit" disabled=move || action.pending().get()>
                    "Create account"
                </button>
            </ActionForm>
            <p class="auth__switch">"Already have an account? " <a href="/login">"Log in"</a></p>
        </section>
    }
    .into_any()
}

/// The link from the sign-up email. Finishing is a POST (a link checker opening the page
/// creates nothing), so the page asks for one click.
#[component]
pub fn FinishSignupPage() -> impl IntoView {
    // The token is in the URL: keep it out of Referer headers sent to other sites.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
    }
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let valid = Resource::new(token, sign_up_link_valid);
    let action = ServerAction::<CompleteSignUp>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Finish signing up"/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="finish-heading">
            <h1 id="finish-heading">"Finish signing up"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Checking your link…"</p> }>
                {move || valid.get().map(|valid| if valid.unwrap_or(false) || errors.get().form.is_some() {
                    view! {
                        <p>"Your address is confirmed by this link. One click and your account is ready."</p>
                        <ActionForm action attr:class="form">
                            <FormAlert errors/>
                            <input type="hidden" name="token" value=token/>
                            <button class="button" type="submit">"Create my account"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <p class="form-alert">{super::types::INVALID_SIGNUP_LINK}</p>
                        <p><a class="button" href="/signup">"Sign up again"</a></p>
                    }.into_any()
                })}
            </Suspense>
            <p class="auth__switch">"Already have an account? " <a href="/login">"Log in"</a></p>
        </section>
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<LogIn>::new();
    let errors = errors_of(action.value());
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <Title text="Log in"/>
        <section class="auth" aria-labelledby="login-heading">
            <h1 id="login-heading">"Welcome back"</h1>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert errors/>
                <input type="hidden" name="next" value=next/>
                <Field label="Email" name="email" kind="email" autocomplete="email" errors/>
                <Field label="Password" name="password" kind="password" autocomplete="current-password" errors/>
                <button class="button" type="submit" disabled=move || action.pending().get()>"Log in"</button>
            </ActionForm>
            <p class="auth__switch"><a href="/forgot-password">"Forgot your password?"</a></p>
            <p class="auth__switch">"New here? " <a href="/signup">"Create an account"</a></p>
        </section>
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

/// Wraps a page that needs an account. Such pages live under `/trips` and `/account`, where
/// the server's login guard (`server::routes::guard`) has sent visitors to the login page
/// before anything renders, so the page itself need not wait for the user (a page that shows
/// the user reads [`page_user`], as the header does).
#[component]
pub fn RequireUser(children: Children) -> impl IntoView {
    children()
}

/// The header's account area: who is logged in and a log-out button, or the way in.
#[component]
pub fn AccountNav() -> impl IntoView {
    let log_out = ServerAction::<LogOut>::new();
    match page_user() {
        Some(user) => view! {
            <Html {..} data-theme=(user.theme != Theme::System).then_some(user.theme.as_str())/>
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

#[cfg(test)]
mod tests {
    use super::strength_label;

    #[test]
    fn fifteen_characters_and_up_are_strong() {
        assert_eq!(strength_label(0), "");
        assert_eq!(strength_label(7), "Too short");
        assert_eq!(strength_label(8), "Long enough — longer is stronger");
        assert_eq!(strength_label(14), "Long enough — longer is stronger");
        assert_eq!(strength_label(15), "Strong");
    }
}
