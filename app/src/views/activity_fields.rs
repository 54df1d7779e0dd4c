//! The activity form's fields (adding and editing).

use domain::{
    itinerary::model::{ActivityDraft, Category, DESCRIPTION_MAX, LOCATION_MAX, TITLE_MAX},
    reference::currency,
    trips::model::Trip,
};
use i18n::{Language, tr};
use leptos::prelude::*;
use strum::VariantArray;

use crate::{
    context::lang,
    error::FormErrors,
    format::{category_label, day_date},
    forms::{Field, FormAlert, OptionGroups, SelectField, TextArea},
    views::place_picker::{DefaultSubmit, PlaceInitial, PlacePicker, SearchOffer},
};

fn category_options(l: Language) -> OptionGroups {
    vec![(
        String::new(),
        Category::VARIANTS
            .iter()
            .map(|c| (<&str>::from(*c).to_string(), category_label(l, *c)))
            .collect(),
    )]
}

fn day_options(l: Language, trip: &Trip) -> OptionGroups {
    let days = trip
        .start_date
        .iter_days()
        .take_while(|d| *d <= trip.end_date)
        .enumerate()
        .map(|(i, d)| {
            (
                d.to_string(),
                tr!(
                    l,
                    "form-activity-day-option",
                    number = i + 1,
                    date = day_date(l, d)
                ),
            )
        })
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
    let l = lang();
    let cost_hint = match currency(&trip.currency) {
        Some(c) if c.exponent == 0 => tr!(l, "form-activity-cost-hint-whole"),
        _ => tr!(l, "form-activity-cost-hint"),
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
        <Field label=tr!(l, "form-activity-title") name="title" maxlength=TITLE_MAX initial=initial.title errors
            hint=tr!(l, "form-activity-title-hint")/>
        <SelectField label=tr!(l, "form-activity-day") name="day" options=day_options(l, &trip)
            initial=Signal::stored(initial.day) errors/>
        <div class="field-row">
            <Field label=tr!(l, "form-activity-start") name="start_time" kind="time" required=false
                initial=initial.start_time errors/>
            <Field label=tr!(l, "form-activity-end") name="end_time" kind="time" required=false
                initial=initial.end_time errors hint=tr!(l, "form-activity-end-hint")/>
        </div>
        <SelectField label=tr!(l, "form-activity-kind") name="category" options=category_options(l)
            initial=Signal::stored(initial.category) errors/>
        <Field label=tr!(l, "form-activity-location") name="location" required=false
            maxlength=LOCATION_MAX initial=initial.location errors/>
        <Field label=tr!(l, "form-activity-cost") name="cost" inputmode="decimal" required=false
            initial=i18n::format::amount_for_editing(l, &initial.cost) errors=crate::forms::amount_typed_back(errors, "cost", l) hint=cost_hint/>
        <TextArea label=tr!(l, "form-notes") name="description"
            maxlength=DESCRIPTION_MAX initial=initial.description errors/>
        <PlacePicker legend=tr!(l, "form-activity-place") initial=place search errors/>
    }
}
