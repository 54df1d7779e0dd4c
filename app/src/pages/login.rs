//! Log-in.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::accounts::LogIn,
    context::lang,
    forms::{Field, FormAlert, errors_of},
};

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<LogIn>::new();
    let errors = errors_of(action.value());
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let l = lang();
    view! {
        <Title text=tr!(l, "auth-log-in")/>
        <section class="auth" aria-labelledby="login-heading">
            <h1 id="login-heading">{tr!(l, "auth-login-heading")}</h1>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert errors/>
                <input type="hidden" name="next" value=next/>
                <Field label=tr!(l, "auth-email") name="email" kind="email" autocomplete="email" errors/>
                <Field label=tr!(l, "auth-password") name="password" kind="password" autocomplete="current-password"
                    errors/>
                <button class="button" type="submit" disabled=move || action.pending().get()>
                    {tr!(l, "auth-log-in")}
                </button>
            </ActionForm>
            <p class="auth__switch"><a href="/forgot-password">{tr!(l, "auth-login-forgot")}</a></p>
            <p class="auth__switch">{tr!(l, "auth-login-new")}" "
                <a href="/signup">{tr!(l, "auth-login-create")}</a></p>
        </section>
    }
}
