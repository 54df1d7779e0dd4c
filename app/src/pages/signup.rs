//! Sign-up: the form, "check your inbox", and the emailed link that makes the account.

use domain::accounts::model::INVALID_SIGNUP_LINK;
use islands::PasswordStrength;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::{
    actions::accounts::{CompleteSignUp, SignUp, sign_up_link_valid},
    forms::{Field, FormAlert, errors_of},
    scaffold::route_param,
};

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
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
    }
    let token = route_param("token");
    let valid = Resource::new(move || token.get(), sign_up_link_valid);
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
                            <input type="hidden" name="token" value=move || token.get()/>
                            <button class="button" type="submit">"Create my account"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <p class="form-alert">{INVALID_SIGNUP_LINK}</p>
                        <p><a class="button" href="/signup">"Sign up again"</a></p>
                    }.into_any()
                })}
            </Suspense>
            <p class="auth__switch">"Already have an account? " <a href="/login">"Log in"</a></p>
        </section>
    }
}
