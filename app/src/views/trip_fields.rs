//! The trip form's fields, shared by "new" and "edit". The server checks them
//! (`TripDraft::validate`) and sends the form back with what was typed and a message next to
//! each problem.

use domain::{
    reference::{CURRENCIES, TIME_ZONES, zone_label},
    trips::model::{DESTINATION_MAX, NAME_MAX, NOTES_MAX, TripDraft},
};
use i18n::tr;
use leptos::prelude::*;

use crate::{
    context::lang,
    error::FormErrors,
    forms::{Field, FormAlert, OptionGroups, Options, SelectField, TextArea},
    views::place_picker::{DefaultSubmit, PlaceInitial, PlacePicker, SearchOffer},
};

/// Every zone, grouped by area, UTC first: built once.
pub fn zone_options() -> Options {
    static ZONES: std::sync::LazyLock<Options> =
        std::sync::LazyLock::new(|| Options::new(zone_groups()));
    ZONES.clone()
}

fn zone_groups() -> OptionGroups {
    let mut groups: OptionGroups = Vec::new();
    for zone in TIME_ZONES {
        let (area, place) = zone_label(zone);
        match groups.last_mut() {
            Some((group, items)) if group == area => items.push(((*zone).to_string(), place)),
            _ => groups.push((area.to_string(), vec![((*zone).to_string(), place)])),
        }
    }
    // UTC sits on its own at the top, where people look for it.
    if let Some(index) = groups.iter().position(|(group, _)| group == "Other") {
        let (_, items) = groups.remove(index);
        groups.insert(0, (String::new(), items));
    }
    groups
}

/// Every currency: built once.
fn currency_options() -> Options {
    static CURRENCY_OPTIONS: std::sync::LazyLock<Options> =
        std::sync::LazyLock::new(|| Options::new(currency_groups()));
    CURRENCY_OPTIONS.clone()
}

fn currency_groups() -> OptionGroups {
    vec![(
        String::new(),
        CURRENCIES
            .iter()
            .map(|(code, _, name, _)| ((*code).to_string(), format!("{code} — {name}")))
            .collect(),
    )]
}

/// The trip's fields, filled with `initial` (or what was typed, when the form comes back).
/// `search` offers the place search for the destination (editing a trip, when the site has
/// one).
#[component]
pub fn TripFields(
    initial: TripDraft,
    #[prop(into)] zone: Signal<String>,
    errors: Signal<FormErrors>,
    #[prop(optional_no_strip)] search: Option<SearchOffer>,
) -> impl IntoView {
    let currency = initial.currency.clone();
    let place = PlaceInitial {
        name: initial.place_name,
        address: initial.place_address,
        place_ref: initial.place_ref,
        latitude: initial.latitude,
        longitude: initial.longitude,
    };
    let has_search = search.is_some();
    // A new trip has no page to search from yet; its place is picked when editing it.
    let show_place = has_search || place != PlaceInitial::default();
    let l = lang();
    view! {
        {has_search.then(|| view! { <DefaultSubmit/> })}
        <FormAlert errors/>
        <Field label=tr!(l, "form-trip-name") name="name" maxlength=NAME_MAX initial=initial.name errors
            hint=tr!(l, "form-trip-name-hint")/>
        <Field label=tr!(l, "form-trip-destination") name="destination" maxlength=DESTINATION_MAX
            initial=initial.destination errors/>
        {show_place.then(|| view! {
            <PlacePicker legend=tr!(l, "form-trip-place") initial=place search errors/>
        })}
        <div class="field-row">
            <Field label=tr!(l, "form-trip-start") name="start_date" kind="date" initial=initial.start_date errors/>
            <Field label=tr!(l, "form-trip-end") name="end_date" kind="date" initial=initial.end_date errors/>
        </div>
        <SelectField label=tr!(l, "form-trip-zone") name="time_zone" options=zone_options() initial=zone errors
            hint=tr!(l, "form-trip-zone-hint")/>
        <div class="field-row">
            <SelectField label=tr!(l, "form-trip-currency") name="currency" options=currency_options()
                initial=Signal::stored(currency) errors/>
            <Field label=tr!(l, "form-trip-budget") name="budget" inputmode="decimal" required=false
                initial=i18n::format::amount_for_editing(l, &initial.budget) errors=crate::forms::amount_typed_back(errors, "budget", l) hint=tr!(l, "form-trip-budget-hint")/>
        </div>
        <TextArea label=tr!(l, "form-notes") name="notes" maxlength=NOTES_MAX initial=initial.notes errors/>
    }
}
