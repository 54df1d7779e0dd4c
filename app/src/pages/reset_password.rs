//! The emailed reset link: choosing a new password.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    actions::accounts::{ResetPassword, reset_link_valid},
    context::lang,
    forms::{Field, FormAlert, errors_of},
    scaffold::{resource, route_param},
};

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    // The token is in the URL: keep it out of Referer headers sent to other sites.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
    }
    let token = route_param("token");
    let valid = resource(move || token.get(), reset_link_valid);
    let action = ServerAction::<ResetPassword>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Title text=tr!(l, "auth-reset-title")/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="reset-heading">
            <h1 id="reset-heading">{tr!(l, "auth-reset-title")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{tr!(l, "auth-checking-link")}</p> }>
                {move || valid.get().map(|valid| if valid.unwrap_or(false) {
                    view! {
                        <ActionForm action attr:class="form" attr:novalidate=true>
                            <FormAlert errors/>
                            <input type="hidden" name="token" value=move || token.get()/>
                            <Field label=tr!(l, "auth-new-password") name="password" kind="password"
                                autocomplete="new-password" hint=tr!(l, "auth-reset-password-hint") errors/>
                            <Field label=tr!(l, "auth-confirm-new-password") name="password_confirmation"
                                kind="password" autocomplete="new-password" errors/>
                            <button class="button" type="submit">{tr!(l, "auth-reset-submit")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <p class="form-alert">{tr!(l, "auth-reset-invalid")}</p>
                        <p><a class="button" href="/forgot-password">{tr!(l, "auth-reset-again")}</a></p>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
