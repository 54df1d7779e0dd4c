//! The activity form's fields (adding and editing).

use domain::{
    itinerary::model::{ActivityDraft, Category, DESCRIPTION_MAX, LOCATION_MAX, TITLE_MAX},
    reference::currency,
    trips::model::Trip,
};
use leptos::prelude::*;
use strum::VariantArray;

use crate::{
    context::lang,
    error::FormErrors,
    format::{category_label, format_date},
    forms::{Field, FormAlert, OptionGroups, SelectField, TextArea},
    views::place_picker::{DefaultSubmit, PlaceInitial, PlacePicker, SearchOffer},
};

fn category_options() -> OptionGroups {
    vec![(
        String::new(),
        Category::VARIANTS
            .iter()
            .map(|c| {
                (
                    <&str>::from(*c).to_string(),
                    category_label(lang(), *c).to_string(),
                )
            })
            .collect(),
    )]
}

fn day_options(trip: &Trip) -> OptionGroups {
    let days = trip
        .start_date
        .iter_days()
        .take_while(|d| *d <= trip.end_date)
        .enumerate()
        .map(|(i, d)| (d.to_string(), format!("Day {} · {}", i + 1, format_date(d))))
        .collect();
    vec![(String::new(), days)]
}

/// The activity's fields, filled with `initial` (or what was typed, when the form comes back).
/// `search` offers the place search (when the site has one).
#[component]
pub fn ActivityFields(
    trip: Trip,
    initial: ActivityDraft,
    errors: Signal<FormErrors>,
    #[prop(optional_no_strip)] search: Option<SearchOffer>,
) -> impl IntoView {
    let cost_hint = match currency(&trip.currency) {
        Some(c) if c.exponent == 0 => "In the trip’s currency, in whole units, e.g. 2500.",
        _ => "In the trip’s currency, e.g. 25.50.",
    };
    let place = PlaceInitial {
        name: initial.place_name,
        address: initial.place_address,
        place_ref: initial.place_ref,
        latitude: initial.latitude,
        longitude: initial.longitude,
    };
    view! {
        {search.is_some().then(|| view! { <DefaultSubmit/> })}
        <FormAlert errors/>
        <Field label="Title" name="title" maxlength=TITLE_MAX initial=initial.title errors
            hint="For example “Tram 28 to Alfama”."/>
        <SelectField label="Day" name="day" options=day_options(&trip)
            initial=Signal::stored(initial.day) errors/>
        <div class="field-row">
            <Field label="Starts at (optional)" name="start_time" kind="time" required=false
                initial=initial.start_time errors/>
            <Field label="Ends at (optional)" name="end_time" kind="time" required=false
                initial=initial.end_time errors hint="Earlier than the start: it ends the next day."/>
        </div>
        <SelectField label="Kind" name="category" options=category_options()
            initial=Signal::stored(initial.category) errors/>
        <Field label="Place (optional)" name="location" required=false
            maxlength=LOCATION_MAX initial=initial.location errors/>
        <Field label="Cost (optional)" name="cost" inputmode="decimal" required=false
            initial=initial.cost errors hint=cost_hint/>
        <TextArea label="Notes (optional)" name="description"
            maxlength=DESCRIPTION_MAX initial=initial.description errors/>
        <PlacePicker legend="On the map (optional)" initial=place search errors/>
    }
}
