//! Deleting the account, and the page after it.

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::privacy::{DeleteAccount, deletion_preview},
    context::lang,
    forms::{Field, FormAlert, errors_of},
    scaffold::{Loaded, resource},
};

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let errors = errors_of(action.value());
    let confirm_error = move || {
        errors
            .get()
            .field("confirm")
            .map(|m| i18n::rule_message(lang(), &m))
    };
    let shared = resource(|| (), |()| deletion_preview());
    let l = lang();
    view! {
        <Title text=tr!(l, "account-delete-title")/>
            <section class="confirm" aria-labelledby="delete-account-heading">
                <h1 id="delete-account-heading">{tr!(l, "account-delete-heading")}</h1>
                <p>{tr!(l, "account-delete-text")}</p>
                <Loaded data=shared render=|list| view! { <SharedTrips list/> }/>
                <p>
                    {tr!(l, "account-delete-export")}" "
                    <a href="/account/export" download rel="external">{tr!(l, "account-delete-export-link")}</a>
                    {tr!(l, "account-delete-export-end")}
                </p>
                <ActionForm action attr:class="form" attr:novalidate=true>
                    <FormAlert errors/>
                    <Field label=tr!(l, "account-delete-password") name="password" kind="password"
                        autocomplete="current-password" errors/>
                    <div class="field" class:field--invalid=move || confirm_error().is_some()>
                        <label class="checkbox" for="field-confirm">
                            <input id="field-confirm" type="checkbox" name="confirm" value="yes"
                                required=true
                                aria-invalid=move || confirm_error().map(|_| "true")
                                aria-describedby=move || confirm_error().map(|_| "field-confirm-error")/>
                            <span>{tr!(l, "account-delete-confirm")}</span>
                        </label>
                        {move || confirm_error().map(|message| view! {
                            <p class="field__error" id="field-confirm-error">{message}</p>
                        })}
                    </div>
                    <div class="confirm__actions">
                        <button type="submit" class="button button--danger"
                            disabled=move || action.pending().get()>
                            {tr!(l, "account-delete-submit")}
                        </button>
                        <a class="button button--secondary" href="/account">{tr!(l, "account-delete-keep")}</a>
                    </div>
                </ActionForm>
            </section>
    }
}

/// Where a deleted account lands (with or without JavaScript).
#[component]
pub fn GoodbyePage() -> impl IntoView {
    let l = lang();
    view! {
        <Title text=tr!(l, "account-goodbye-title")/>
        <section class="prose" aria-labelledby="goodbye-heading">
            <h1 id="goodbye-heading">{tr!(l, "account-goodbye-title")}</h1>
            <p>{tr!(l, "account-goodbye-text")}</p>
            <p><a class="button" href="/">{tr!(l, "account-goodbye-home")}</a></p>
        </section>
    }
}

/// The shared trips the traveler owns, and who takes each over (or that it goes too).
#[component]
fn SharedTrips(list: Vec<domain::members::Succession>) -> impl IntoView {
    let l = lang();
    (!list.is_empty()).then(|| {
        let items = list
            .into_iter()
            .map(|succession| {
                let trip = succession.trip_name.as_str();
                let what = match succession.next_owner.as_deref() {
                    Some(owner) => tr!(l, "account-delete-goes-to", trip = trip, owner = owner),
                    None => tr!(l, "account-delete-no-heir", trip = trip),
                };
                view! { <li>{what}</li> }
            })
            .collect_view();
        view! {
            <div class="panel panel--warning">
                <p><strong>{tr!(l, "account-delete-shared")}</strong></p>
                <ul>{items}</ul>
            </div>
        }
    })
}
