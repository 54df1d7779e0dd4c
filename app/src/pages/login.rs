//! Log-in.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::accounts::LogIn,
    forms::{Field, FormAlert, errors_of},
};

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
