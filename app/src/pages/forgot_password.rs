//! Asking for a password reset link.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::accounts::RequestPasswordReset,
    context::lang,
    forms::{Field, FormAlert, errors_of},
};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let errors = errors_of(action.value());
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    let l = lang();
    view! {
        <Title text=tr!(l, "auth-forgot-title")/>
        <section class="auth" aria-labelledby="forgot-heading">
            <h1 id="forgot-heading">{tr!(l, "auth-forgot-title")}</h1>
            <div role="status">
                {move || sent().then(|| view! {
                    <p class="notice-ok">{tr!(l, "auth-forgot-sent")}</p>
                })}
            </div>
            <p class="muted">{tr!(l, "auth-forgot-intro")}</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert errors/>
                <Field label=tr!(l, "auth-email") name="email" kind="email" autocomplete="email" errors/>
                <button class="button" type="submit">{tr!(l, "auth-forgot-submit")}</button>
            </ActionForm>
            <p class="auth__switch"><a href="/login">{tr!(l, "auth-forgot-back")}</a></p>
        </section>
    }
}
