//! Deleting the account, and the page after it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::privacy::{DeleteAccount, deletion_preview},
    forms::{Field, FormAlert, errors_of},
    scaffold::Loaded,
};

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let errors = errors_of(action.value());
    let confirm_error = move || errors.get().field("confirm");
    let shared = Resource::new(|| (), |()| deletion_preview());
    view! {
        <Title text="Delete your account"/>
            <section class="confirm" aria-labelledby="delete-account-heading">
                <h1 id="delete-account-heading">"Delete your account?"</h1>
                <p>
                    "This deletes your account, every trip and everything planned in them, and logs "
                    "you out on all your devices. It can’t be undone."
                </p>
                <Loaded data=shared render=|list| view! { <SharedTrips list/> }/>
                <p>
                    "You may want to "
                    <a href="/account/export" download rel="external">"download your data"</a>
                    " first."
                </p>
                <ActionForm action attr:class="form" attr:novalidate=true>
                    <FormAlert errors/>
                    <Field label="Your password" name="password" kind="password"
                        autocomplete="current-password" errors/>
                    <div class="field" class:field--invalid=move || confirm_error().is_some()>
                        <label class="checkbox" for="field-confirm">
                            <input id="field-confirm" type="checkbox" name="confirm" value="yes"
                                required=true
                                aria-invalid=move || confirm_error().map(|_| "true")
                                aria-describedby=move || confirm_error().map(|_| "field-confirm-error")/>
                            <span>"I understand that my account and all my trips will be deleted for good."</span>
                        </label>
                        {move || confirm_error().map(|message| view! {
                            <p class="field__error" id="field-confirm-error">{message}</p>
                        })}
                    </div>
                    <div class="confirm__actions">
                        <button type="submit" class="button button--danger"
                            disabled=move || action.pending().get()>
                            "Delete my account"
                        </button>
                        <a class="button button--secondary" href="/account">"Keep my account"</a>
                    </div>
                </ActionForm>
            </section>
    }
}

/// Where a deleted account lands (with or without JavaScript).
#[component]
pub fn GoodbyePage() -> impl IntoView {
    view! {
        <Title text="Your account is deleted"/>
        <section class="prose" aria-labelledby="goodbye-heading">
            <h1 id="goodbye-heading">"Your account is deleted"</h1>
            <p>
                "Your account, your trips and everything planned in them are gone, and you are "
                "logged out on every device. Thank you for travelling with us."
            </p>
            <p><a class="button" href="/">"Back to the start"</a></p>
        </section>
    }
}

/// The shared trips the traveler owns, and who takes each over (or that it goes too).
#[component]
fn SharedTrips(list: Vec<domain::members::Succession>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        let items = list
            .into_iter()
            .map(|succession| {
                let what = match succession.next_owner {
                    Some(owner) => format!("“{}” goes to {owner}, its longest-standing editor.", succession.trip_name),
                    None => format!("“{}” has no editor to take it over: it is deleted, and its viewers lose it.", succession.trip_name),
                };
                view! { <li>{what}</li> }
            })
            .collect_view();
        view! {
            <div class="panel panel--warning">
                <p><strong>"You share some of your trips:"</strong></p>
                <ul>{items}</ul>
            </div>
        }
    })
}
