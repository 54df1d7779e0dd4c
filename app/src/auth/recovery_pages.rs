//! The account page (profile, password, your data) and the forgotten-password pages.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api::{
        ChangePassword, ConfirmEmail, RequestPasswordReset, ResendConfirmation, ResetPassword,
        SetTheme, UpdateProfile, reset_link_valid,
    },
    pages::{RequireUser, page_user},
    types::Theme,
};
use crate::{
    forms::{Field, FormAlert, SelectField, errors_of},
    privacy::pages::YourData,
};

fn home_zone_options() -> crate::forms::OptionGroups {
    let mut options = crate::trips::form::zone_options();
    options.insert(
        0,
        (
            String::new(),
            vec![(String::new(), "Not chosen (UTC)".to_string())],
        ),
    );
    options
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let profile = ServerAction::<UpdateProfile>::new();
    let password = ServerAction::<ChangePassword>::new();
    let resend = ServerAction::<ResendConfirmation>::new();
    let appearance = ServerAction::<SetTheme>::new();
    let profile_errors = errors_of(profile.value());
    let password_errors = errors_of(password.value());
    view! {
        <Title text="Your account"/>
        <RequireUser>
            <section class="account" aria-labelledby="account-heading">
                <h1 id="account-heading">"Your account"</h1>
                // The user the server looked up for this page (as for the header).
                {page_user().map(|user| view! {
                    {user.email_unconfirmed.then(|| view! {
                        <div class="reminder">
                            <p>"Your email address, "<strong>{user.email.clone()}</strong>
                                ", is not confirmed yet. Confirm it so password reset links reach you."</p>
                            <ActionForm action=resend attr:class="inline-form">
                                <button class="button button--small button--secondary" type="submit">
                                    "Send me a confirmation link"
                                </button>
                            </ActionForm>
                        </div>
                    })}
                    <h2>"Profile"</h2>
                    <ActionForm action=profile attr:class="form" attr:novalidate=true>
                        <FormAlert errors=profile_errors/>
                        <Field label="Your name" name="display_name" autocomplete="name"
                            initial=user.display_name.clone() errors=profile_errors/>
                        <Field label="Email" name="email" kind="email" autocomplete="email"
                            initial=user.email.clone() errors=profile_errors
                            hint="A new address changes once you open the link we send to it."/>
                        <SelectField label="Home time zone" name="time_zone" options=home_zone_options()
                            initial=Signal::stored(user.time_zone.clone().unwrap_or_default())
                            hint="New trips start in this zone, and your trips list counts days from here."
                            errors=profile_errors/>
                        <Field label="Your password" name="password" kind="password"
                            autocomplete="current-password" errors=profile_errors
                            hint="Needed only to change your email."/>
                        <button class="button" type="submit">"Save profile"</button>
                    </ActionForm>
                    <h2>"Appearance"</h2>
                    <ActionForm action=appearance attr:class="form">
                        <input type="hidden" name="back" value="/account"/>
                        <fieldset class="choices">
                            <legend>"Theme"</legend>
                            {[(Theme::System, "Match this device"), (Theme::Light, "Light"), (Theme::Dark, "Dark")]
                                .map(|(theme, label)| view! {
                                    <label class="checkbox">
                                        <input type="radio" name="theme" value=theme.as_str() checked=user.theme == theme/>
                                        {label}
                                    </label>
                                })
                                .collect_view()}
                        </fieldset>
                        <button class="button" type="submit">"Save theme"</button>
                    </ActionForm>
                })}
                <h2>"Change password"</h2>
                <ActionForm action=password attr:class="form" attr:novalidate=true>
                    <FormAlert errors=password_errors/>
                    <Field label="Current password" name="current_password" kind="password"
                        autocomplete="current-password" errors=password_errors/>
                    <Field label="New password" name="new_password" kind="password" autocomplete="new-password"
                        hint="At least 8 characters. Changing it logs you out on your other devices."
                        errors=password_errors/>
                    <Field label="Confirm new password" name="password_confirmation" kind="password"
                        autocomplete="new-password" errors=password_errors/>
                    <button class="button" type="submit">"Change password"</button>
                </ActionForm>
                <YourData/>
            </section>
        </RequireUser>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let errors = errors_of(action.value());
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <Title text="Forgot your password?"/>
        <section class="auth" aria-labelledby="forgot-heading">
            <h1 id="forgot-heading">"Forgot your password?"</h1>
            <div role="status">
                {move || sent().then(|| view! {
                    <p class="notice-ok">
                        "If that address has an account, a reset link is on its way. It works for one hour."
                    </p>
                })}
            </div>
            <p class="muted">"Enter your email and we’ll send you a link to choose a new password."</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert errors/>
                <Field label="Email" name="email" kind="email" autocomplete="email" errors/>
                <button class="button" type="submit">"Send reset link"</button>
            </ActionForm>
            <p class="auth__switch"><a href="/login">"Back to log in"</a></p>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
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
    let valid = Resource::new(token, reset_link_valid);
    let action = ServerAction::<ResetPassword>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Choose a new password"/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="reset-heading">
            <h1 id="reset-heading">"Choose a new password"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Checking your link…"</p> }>
                {move || valid.get().map(|valid| if valid.unwrap_or(false) {
                    view! {
                        <ActionForm action attr:class="form" attr:novalidate=true>
                            <FormAlert errors/>
                            <input type="hidden" name="token" value=token/>
                            <Field label="New password" name="password" kind="password" autocomplete="new-password"
                                hint="At least 8 characters." errors/>
                            <Field label="Confirm new password" name="password_confirmation" kind="password"
                                autocomplete="new-password" errors/>
                            <button class="button" type="submit">"Save new password"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <p class="form-alert">{super::types::INVALID_RESET_LINK}</p>
                        <p><a class="button" href="/forgot-password">"Send me a new link"</a></p>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// The link from the confirmation email. Confirming is a POST (never a GET that changes data),
/// so the page asks for one click.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let action = ServerAction::<ConfirmEmail>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Confirm your email"/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="verify-heading">
            <h1 id="verify-heading">"Confirm your email"</h1>
            <p>"One click and your address is confirmed."</p>
            <ActionForm action attr:class="form">
                <FormAlert errors/>
                <input type="hidden" name="token" value=token/>
                <button class="button" type="submit">"Confirm my email"</button>
            </ActionForm>
        </section>
    }
}
