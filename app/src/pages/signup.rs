//! Sign-up: the form, "check your inbox", and the emailed link that makes the account.

use i18n::tr;
use islands::PasswordStrength;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::{
    actions::accounts::{CompleteSignUp, SignUp, sign_up_link_valid},
    context::lang,
    forms::{Field, FormAlert, errors_of},
    scaffold::{resource, route_param},
};

#[component]
pub fn SignupPage() -> impl IntoView {
    let query = use_query_map();
    let l = lang();
    if query.read_untracked().get("sent").is_some() {
        return view! {
            <Title text=tr!(l, "auth-sent-title")/>
            <section class="auth" aria-labelledby="signup-heading">
                <h1 id="signup-heading">{tr!(l, "auth-sent-title")}</h1>
                <p class="notice-ok" role="status">{tr!(l, "auth-sent-text")}</p>
                <p class="muted">{tr!(l, "auth-sent-spam")}" "
                    <a href="/signup">{tr!(l, "auth-sent-again")}</a>{tr!(l, "auth-sent-end")}</p>
                <p class="auth__switch">{tr!(l, "auth-have-account")}" "
                    <a href="/login">{tr!(l, "auth-log-in")}</a></p>
            </section>
        }
        .into_any();
    }
    let action = ServerAction::<SignUp>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text=tr!(l, "auth-signup-title")/>
        <section class="auth" aria-labelledby="signup-heading">
            <h1 id="signup-heading">{tr!(l, "auth-signup-heading")}</h1>
            <p class="muted">{tr!(l, "auth-signup-intro")}</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert errors/>
                <Field label=tr!(l, "auth-email") name="email" kind="email" autocomplete="email" errors/>
                <Field label=tr!(l, "auth-your-name") name="display_name" autocomplete="name" errors
                    hint=tr!(l, "auth-signup-name-hint")/>
                <PasswordStrength words=islands::words(&[tr!(l, "island-password-too-short"), tr!(l, "island-password-enough"), tr!(l, "island-password-strong")])>
                    <Field label=tr!(l, "auth-password") name="password" kind="password" autocomplete="new-password"
                        errors hint=tr!(l, "auth-signup-password-hint")/>
                </PasswordStrength>
                <Field label=tr!(l, "auth-confirm-password") name="password_confirmation" kind="password"
                    autocomplete="new-password" errors/>
                <button class="button" type="submit" disabled=move || action.pending().get()>
                    {tr!(l, "auth-signup-submit")}
                </button>
            </ActionForm>
            <p class="auth__switch">{tr!(l, "auth-have-account")}" "
                <a href="/login">{tr!(l, "auth-log-in")}</a></p>
        </section>
    }
    .into_any()
}

/// The link from the sign-up email. Finishing is a POST (a link checker opening the page
/// creates nothing), so the page asks for one click.
#[component]
pub fn FinishSignupPage() -> impl IntoView {
    // The token is in the URL: keep it out of Referer headers sent to other sites.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
    }
    let token = route_param("token");
    let valid = resource(move || token.get(), sign_up_link_valid);
    let action = ServerAction::<CompleteSignUp>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Title text=tr!(l, "auth-finish-title")/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="finish-heading">
            <h1 id="finish-heading">{tr!(l, "auth-finish-title")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{tr!(l, "auth-checking-link")}</p> }>
                {move || valid.get().map(|valid| if valid.unwrap_or(false) || errors.get().form.is_some() {
                    view! {
                        <p>{tr!(l, "auth-finish-text")}</p>
                        <ActionForm action attr:class="form">
                            <FormAlert errors/>
                            <input type="hidden" name="token" value=move || token.get()/>
                            <button class="button" type="submit">{tr!(l, "auth-finish-submit")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <p class="form-alert">{tr!(l, "auth-finish-invalid")}</p>
                        <p><a class="button" href="/signup">{tr!(l, "auth-finish-again")}</a></p>
                    }.into_any()
                })}
            </Suspense>
            <p class="auth__switch">{tr!(l, "auth-have-account")}" "
                <a href="/login">{tr!(l, "auth-log-in")}</a></p>
        </section>
    }
}
