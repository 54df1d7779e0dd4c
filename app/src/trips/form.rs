//! The trip form, shared by "new" and "edit". The browser checks it with the same rules as the
//! server (`TripInput::validate`) for instant feedback; the server checks again and decides.

use std::collections::BTreeSet;

use leptos::{prelude::*, wasm_bindgen::JsCast, web_sys};

use super::types::{DESTINATION_MAX, NAME_MAX, NOTES_MAX, TripInput};
use crate::{
    error::FormErrors,
    forms::{Field, FormAlert, OptionGroups, SelectField, TextArea},
    reference::{CURRENCIES, TIME_ZONES, zone_label},
};

/// The field names, in the order they appear (the first invalid one gets focus).
const FIELDS: [&str; 8] = [
    "name",
    "destination",
    "start_date",
    "end_date",
    "time_zone",
    "currency",
    "budget",
    "notes",
];

/// Every zone, grouped by area, UTC first.
pub(crate) fn zone_options() -> OptionGroups {
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

fn currency_options() -> OptionGroups {
    vec![(
        String::new(),
        CURRENCIES
            .iter()
            .map(|(code, _, name, _)| ((*code).to_string(), format!("{code} — {name}")))
            .collect(),
    )]
}

/// What the form currently holds.
fn read_form(form: &web_sys::HtmlFormElement) -> Option<TripInput> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let get = |name: &str| data.get(name).as_string().unwrap_or_default();
    Some(TripInput {
        name: get("name"),
        destination: get("destination"),
        start_date: get("start_date"),
        end_date: get("end_date"),
        time_zone: get("time_zone"),
        currency: get("currency"),
        budget: get("budget"),
        notes: get("notes"),
        shift_activities: get("shift_activities"),
    })
}

/// The form's own problems, limited to the fields in `shown`.
fn check(form: &web_sys::HtmlFormElement, shown: &BTreeSet<String>) -> Option<FormErrors> {
    let input = read_form(form)?;
    match input.validate() {
        Ok(_) => None,
        Err(mut errors) => {
            errors.fields.retain(|name, _| shown.contains(name));
            Some(errors)
        }
    }
}

/// Browser-side checking for a trip form: call `on_field_event` from `input` events,
/// `on_focus_out` when focus leaves a field, and `on_submit_click` from the submit button's
/// click (which also fires for Enter).
#[derive(Clone, Copy)]
pub struct ClientCheck {
    form: NodeRef<leptos::html::Form>,
    touched: RwSignal<BTreeSet<String>>,
    /// `Some` while the browser has something to say; the server's answer shows otherwise.
    errors: RwSignal<Option<FormErrors>>,
}

impl ClientCheck {
    pub fn new() -> Self {
        Self {
            form: NodeRef::new(),
            touched: RwSignal::new(BTreeSet::new()),
            errors: RwSignal::new(None),
        }
    }

    pub fn node_ref(&self) -> NodeRef<leptos::html::Form> {
        self.form
    }

    /// The messages to show: the browser's while it has any, else the server's.
    pub fn merged(self, server: Signal<FormErrors>) -> Signal<FormErrors> {
        Signal::derive(move || match self.errors.get() {
            Some(errors) if !errors.fields.is_empty() => errors,
            _ => server.get(),
        })
    }

    /// Focus left a field: check it (and the others already left). Not when focus went to the
    /// submit button: the messages would push the button down between press and release, and
    /// the click itself checks everything.
    pub fn on_focus_out(self, event: &web_sys::FocusEvent) {
        let to_submit = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.get_attribute("type").as_deref() == Some("submit"));
        if !to_submit {
            self.on_field_event(event, true);
        }
    }

    /// A field changed: check the fields the person has already left.
    pub fn on_field_event(self, event: &web_sys::Event, left_field: bool) {
        let Some(form) = self.form.get_untracked() else {
            return;
        };
        if left_field
            && let Some(name) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.get_attribute("name"))
        {
            self.touched.update(|touched| {
                touched.insert(name);
            });
        }
        let touched = self.touched.get_untracked();
        if !touched.is_empty() {
            self.errors.set(check(&form, &touched));
        }
    }

    /// Stops a submission the server would refuse, shows why, and focuses the first problem.
    pub fn on_submit_click(self, event: &web_sys::MouseEvent) {
        let Some(form) = self.form.get_untracked() else {
            return;
        };
        let all: BTreeSet<String> = FIELDS.iter().map(|name| (*name).to_string()).collect();
        self.touched.set(all.clone());
        let errors = check(&form, &all);
        if let Some(errors) = &errors {
            event.prevent_default();
            let first = FIELDS
                .iter()
                .find(|name| errors.fields.contains_key(**name));
            if let Some(element) = first
                .and_then(|name| document().get_element_by_id(&format!("field-{name}")))
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        }
        self.errors.set(errors);
    }
}

/// The trip's fields, filled with `initial` (or what was typed, when the form comes back).
#[component]
pub fn TripFields(
    initial: TripInput,
    #[prop(into)] zone: Signal<String>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let currency = initial.currency.clone();
    view! {
        <FormAlert errors/>
        <Field label="Trip name" name="name" maxlength=NAME_MAX initial=initial.name errors
            hint="For example “Spring in Lisbon”."/>
        <Field label="Destination" name="destination" maxlength=DESTINATION_MAX
            initial=initial.destination errors/>
        <div class="field-row">
            <Field label="First day" name="start_date" kind="date" initial=initial.start_date errors/>
            <Field label="Last day" name="end_date" kind="date" initial=initial.end_date errors/>
        </div>
        <SelectField label="Time zone" name="time_zone" options=zone_options() initial=zone errors
            hint="Dates and times in this trip are in this zone, wherever you view them from."/>
        <div class="field-row">
            <SelectField label="Currency" name="currency" options=currency_options()
                initial=Signal::stored(currency) errors/>
            <Field label="Budget (optional)" name="budget" inputmode="decimal" required=false
                initial=initial.budget errors hint="The total you plan to spend, e.g. 1500.50."/>
        </div>
        <TextArea label="Notes (optional)" name="notes" maxlength=NOTES_MAX initial=initial.notes errors/>
    }
}
