//! The emailed reset link: choosing a new password.

use domain::accounts::model::INVALID_RESET_LINK;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    actions::accounts::{ResetPassword, reset_link_valid},
    forms::{Field, FormAlert, errors_of},
    scaffold::route_param,
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
    let valid = Resource::new(move || token.get(), reset_link_valid);
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
                            <input type="hidden" name="token" value=move || token.get()/>
                            <Field label="New password" name="password" kind="password" autocomplete="new-password"
                                hint="At least 8 characters." errors/>
                            <Field label="Confirm new password" name="password_confirmation" kind="password"
                                autocomplete="new-password" errors/>
                            <button class="button" type="submit">"Save new password"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <p class="form-alert">{INVALID_RESET_LINK}</p>
                        <p><a class="button" href="/forgot-password">"Send me a new link"</a></p>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
