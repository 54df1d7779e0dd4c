//! The emailed confirmation link for an address.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    actions::accounts::ConfirmEmail,
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
    view! {
        <Title text="Confirm your email"/>
        <Meta name="referrer" content="no-referrer"/>
        <section class="auth" aria-labelledby="verify-heading">
            <h1 id="verify-heading">"Confirm your email"</h1>
            <p>"One click and your address is confirmed."</p>
            <ActionForm action attr:class="form">
                <FormAlert errors/>
                <input type="hidden" name="token" value=move || token.get()/>
                <button class="button" type="submit">"Confirm my email"</button>
            </ActionForm>
        </section>
    }
}
