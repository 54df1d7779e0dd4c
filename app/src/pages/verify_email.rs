//! The emailed confirmation link for an address.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    actions::accounts::ConfirmEmail,
    context::lang,
    forms::{FormAlert, errors_of},
    scaffold::route_param,
};

/// The link from the confirmation email. Confirming is a POST (never a GET that changes data),
/// so the page asks for one click.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let token = route_param("token");
    let action = ServerAction::<ConfirmEmail>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Title text=tr!(l, "auth-verify-title")/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="verify-heading">
            <h1 id="verify-heading">{tr!(l, "auth-verify-title")}</h1>
            <p>{tr!(l, "auth-verify-text")}</p>
            <ActionForm action attr:class="form">
                <FormAlert errors/>
                <input type="hidden" name="token" value=move || token.get()/>
                <button class="button" type="submit">{tr!(l, "auth-verify-submit")}</button>
            </ActionForm>
        </section>
    }
}
