//! Asking for a password reset link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::accounts::RequestPasswordReset,
    forms::{Field, FormAlert, errors_of},
};

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
