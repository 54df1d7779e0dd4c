//! The account page: profile, appearance, password, and the traveler's data.

use domain::accounts::model::Theme;
use i18n::{Language, tr};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::accounts::{ChangePassword, ResendConfirmation, SetLanguage, SetTheme, UpdateProfile},
    context::{lang, page_user},
    forms::{Field, FormAlert, Options, SelectField, errors_of},
    scaffold::at_once,
    views::{take_along::CalendarFeed, trip_fields::zone_options},
};

fn home_zone_options(l: Language) -> Options {
    zone_options().after(String::new(), tr!(l, "account-zone-none"))
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let profile = ServerAction::<UpdateProfile>::new();
    let password = ServerAction::<ChangePassword>::new();
    let resend = ServerAction::<ResendConfirmation>::new();
    let appearance = ServerAction::<SetTheme>::new();
    let language = ServerAction::<SetLanguage>::new();
    let l = lang();
    let profile_errors = errors_of(profile.value());
    let password_errors = errors_of(password.value());
    view! {
        <Title text=tr!(l, "account-title")/>
            <section class="account" aria-labelledby="account-heading">
                <h1 id="account-heading">{tr!(l, "account-title")}</h1>
                // The user the server looked up for this page (as for the header).
                // Written out at once (`scaffold::at_once`); only the calendar feed below waits.
                {at_once(page_user().map(|user| view! {
                    {user.email_unconfirmed.then(|| view! {
                        <div class="reminder">
                            <p>{tr!(l, "account-unconfirmed-before")}" "<strong>{user.email.clone()}</strong>
                                {tr!(l, "account-unconfirmed-after")}</p>
                            <ActionForm action=resend attr:class="inline-form">
                                <button class="button button--small button--secondary" type="submit">
                                    {tr!(l, "account-resend")}
                                </button>
                            </ActionForm>
                        </div>
                    })}
                    <h2>{tr!(l, "account-profile-title")}</h2>
                    <ActionForm action=profile attr:class="form" attr:novalidate=true>
                        <FormAlert errors=profile_errors/>
                        <Field label=tr!(l, "account-name") name="display_name" autocomplete="name"
                            initial=user.display_name.clone() errors=profile_errors/>
                        <Field label=tr!(l, "account-email") name="email" kind="email" autocomplete="email"
                            initial=user.email.clone() errors=profile_errors
                            hint=tr!(l, "account-email-hint")/>
                        <SelectField label=tr!(l, "account-zone") name="time_zone" options=home_zone_options(l)
                            initial=Signal::stored(user.time_zone.clone().unwrap_or_default())
                            hint=tr!(l, "account-zone-hint")
                            errors=profile_errors/>
                        <Field label=tr!(l, "account-password") name="password" kind="password"
                            autocomplete="current-password" errors=profile_errors
                            hint=tr!(l, "account-password-hint")/>
                        <button class="button" type="submit">{tr!(l, "account-profile-save")}</button>
                    </ActionForm>
                    <h2>{tr!(l, "account-appearance-title")}</h2>
                    <ActionForm action=appearance attr:class="form">
                        <input type="hidden" name="back" value="/account"/>
                        <fieldset class="choices">
                            <legend>{tr!(l, "account-theme")}</legend>
                            {[
                                (Theme::System, tr!(l, "account-theme-system")),
                                (Theme::Light, tr!(l, "account-theme-light")),
                                (Theme::Dark, tr!(l, "account-theme-dark")),
                            ]
                                .map(|(theme, label)| view! {
                                    <label class="checkbox">
                                        <input type="radio" name="theme" value={<&str>::from(theme)} checked=user.theme == theme/>
                                        {label}
                                    </label>
                                })
                                .collect_view()}
                        </fieldset>
                        <button class="button" type="submit">{tr!(l, "account-theme-save")}</button>
                    </ActionForm>
                    <h2 id="language-heading">{tr!(l, "account-language-title")}</h2>
                    <ActionForm action=language attr:class="form">
                        <input type="hidden" name="back" value="/account"/>
                        <fieldset class="choices" aria-describedby="language-hint">
                            <legend>{tr!(l, "account-language-legend")}</legend>
                            {Language::ALL
                                .map(|choice| view! {
                                    <label class="checkbox">
                                        <input type="radio" name="language" value=choice.code()
                                            checked=choice == l/>
                                        <span lang=choice.code()>{choice.autonym()}</span>
                                    </label>
                                })
                                .collect_view()}
                        </fieldset>
                        <p class="field__hint" id="language-hint">{tr!(l, "account-language-hint")}</p>
                        <button class="button" type="submit">{tr!(l, "account-language-save")}</button>
                    </ActionForm>
                }))}
                {at_once(view! {
                    <h2>{tr!(l, "account-password-title")}</h2>
                    <ActionForm action=password attr:class="form" attr:novalidate=true>
                        <FormAlert errors=password_errors/>
                        <Field label=tr!(l, "account-current-password") name="current_password" kind="password"
                            autocomplete="current-password" errors=password_errors/>
                        <Field label=tr!(l, "account-new-password") name="new_password" kind="password"
                            autocomplete="new-password" hint=tr!(l, "account-new-password-hint")
                            errors=password_errors/>
                        <Field label=tr!(l, "account-confirm-password") name="password_confirmation" kind="password"
                            autocomplete="new-password" errors=password_errors/>
                        <button class="button" type="submit">{tr!(l, "account-password-save")}</button>
                    </ActionForm>
                })}
                <CalendarFeed trip=String::new() heading_level=2/>
                {at_once(view! { <YourData/> })}
            </section>
    }
}

/// The "Your data" part of the account page: download everything, or go to deletion.
#[component]
pub fn YourData() -> impl IntoView {
    let l = lang();
    view! {
        <h2 id="your-data">{tr!(l, "account-data-title")}</h2>
        <p>{tr!(l, "account-data-text")}</p>
        // `download` (and `rel=external`) keep the router from treating the file as a page.
        <p>
            <a class="button button--secondary" href="/account/export" download rel="external">
                {tr!(l, "account-data-download")}
            </a>
        </p>
        <p>
            {tr!(l, "account-data-import")}" "
            <a href="/trips/import">{tr!(l, "account-data-import-link")}</a>
        </p>
        <p>
            {tr!(l, "account-data-delete")}" "
            <a href="/account/delete">{tr!(l, "account-data-delete-link")}</a>
        </p>
    }
}
