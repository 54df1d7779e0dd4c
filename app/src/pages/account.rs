//! The account page: profile, appearance, password, and the traveler's data.

use domain::accounts::model::Theme;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::accounts::{ChangePassword, ResendConfirmation, SetLanguage, SetTheme, UpdateProfile},
    context::{lang, page_user},
    forms::{Field, FormAlert, OptionGroups, SelectField, errors_of},
    views::{take_along::CalendarFeed, trip_fields::zone_options},
};

fn home_zone_options() -> OptionGroups {
    let mut options = zone_options();
    options.insert(
        0,
        (
            String::new(),
            vec![(String::new(), "Not chosen (UTC)".to_string())],
        ),
    );
    options
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
        <Title text="Your account"/>
            <section class="account" aria-labelledby="account-heading">
                <h1 id="account-heading">"Your account"</h1>
                // The user the server looked up for this page (as for the header).
                {page_user().map(|user| view! {
                    {user.email_unconfirmed.then(|| view! {
                        <div class="reminder">
                            <p>"Your email address, "<strong>{user.email.clone()}</strong>
                                ", is not confirmed yet. Confirm it so password reset links reach you."</p>
                            <ActionForm action=resend attr:class="inline-form">
                                <button class="button button--small button--secondary" type="submit">
                                    "Send me a confirmation link"
                                </button>
                            </ActionForm>
                        </div>
                    })}
                    <h2>"Profile"</h2>
                    <ActionForm action=profile attr:class="form" attr:novalidate=true>
                        <FormAlert errors=profile_errors/>
                        <Field label="Your name" name="display_name" autocomplete="name"
                            initial=user.display_name.clone() errors=profile_errors/>
                        <Field label="Email" name="email" kind="email" autocomplete="email"
                            initial=user.email.clone() errors=profile_errors
                            hint="A new address changes once you open the link we send to it."/>
                        <SelectField label="Home time zone" name="time_zone" options=home_zone_options()
                            initial=Signal::stored(user.time_zone.clone().unwrap_or_default())
                            hint="New trips start in this zone, and your trips list counts days from here."
                            errors=profile_errors/>
                        <Field label="Your password" name="password" kind="password"
                            autocomplete="current-password" errors=profile_errors
                            hint="Needed only to change your email."/>
                        <button class="button" type="submit">"Save profile"</button>
                    </ActionForm>
                    <h2>"Appearance"</h2>
                    <ActionForm action=appearance attr:class="form">
                        <input type="hidden" name="back" value="/account"/>
                        <fieldset class="choices">
                            <legend>"Theme"</legend>
                            {[(Theme::System, "Match this device"), (Theme::Light, "Light"), (Theme::Dark, "Dark")]
                                .map(|(theme, label)| view! {
                                    <label class="checkbox">
                                        <input type="radio" name="theme" value={<&str>::from(theme)} checked=user.theme == theme/>
                                        {label}
                                    </label>
                                })
                                .collect_view()}
                        </fieldset>
                        <button class="button" type="submit">"Save theme"</button>
                    </ActionForm>
                    <h2 id="language-heading">{i18n::tr!(l, "account-language-title")}</h2>
                    <ActionForm action=language attr:class="form">
                        <input type="hidden" name="back" value="/account"/>
                        <fieldset class="choices" aria-describedby="language-hint">
                            <legend>{i18n::tr!(l, "account-language-legend")}</legend>
                            {i18n::Language::ALL
                                .map(|choice| view! {
                                    <label class="checkbox">
                                        <input type="radio" name="language" value=choice.code()
                                            checked=choice == l/>
                                        <span lang=choice.code()>{choice.autonym()}</span>
                                    </label>
                                })
                                .collect_view()}
                        </fieldset>
                        <p class="field__hint" id="language-hint">{i18n::tr!(l, "account-language-hint")}</p>
                        <button class="button" type="submit">{i18n::tr!(l, "account-language-save")}</button>
                    </ActionForm>
                })}
                <h2>"Change password"</h2>
                <ActionForm action=password attr:class="form" attr:novalidate=true>
                    <FormAlert errors=password_errors/>
                    <Field label="Current password" name="current_password" kind="password"
                        autocomplete="current-password" errors=password_errors/>
                    <Field label="New password" name="new_password" kind="password" autocomplete="new-password"
                        hint="At least 8 characters. Changing it logs you out on your other devices."
                        errors=password_errors/>
                    <Field label="Confirm new password" name="password_confirmation" kind="password"
                        autocomplete="new-password" errors=password_errors/>
                    <button class="button" type="submit">"Change password"</button>
                </ActionForm>
                <CalendarFeed trip=String::new() heading_level=2/>
                <YourData/>
            </section>
    }
}

/// The "Your data" part of the account page: download everything, or go to deletion.
#[component]
pub fn YourData() -> impl IntoView {
    view! {
        <h2 id="your-data">"Your data"</h2>
        <p>
            "Download everything your account holds — your profile, and every trip with its "
            "activities — as one JSON file."
        </p>
        // `download` (and `rel=external`) keep the router from treating the file as a page.
        <p>
            <a class="button button--secondary" href="/account/export" download rel="external">
                "Download my data"
            </a>
        </p>
        <p>
            "Have a trip from another Travel Planner, or one you exported before? "
            <a href="/trips/import">"Import trips from a JSON file…"</a>
        </p>
        <p>
            "Deleting your account removes it and all your trips for good. "
            <a href="/account/delete">"Delete my account…"</a>
        </p>
    }
}
