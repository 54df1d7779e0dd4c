//! The place part of the activity and trip forms: the place picked (or none), a search for
//! one, and the map position by hand.
//!
//! Without JavaScript the search button sends the whole form, as typed so far, to the search
//! page (a GET), which carries it along and back with the place picked, so nothing typed is
//! lost. With JavaScript (`public/places.js`) the results appear in place and picking one
//! fills the fields. Either way the form is saved as usual, through the same validation.

use domain::{
    ids::TripId,
    itinerary::model::{ActivityDraft, TITLE_MAX},
    places::model::Place,
    trips::model::{DESTINATION_MAX, TripDraft},
};
use i18n::tr;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::{
    context::{AppState, lang},
    error::FormErrors,
    forms::Field,
    icons::PinIcon,
};

/// Where the search page returns to with a pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    NewActivity,
    Activity,
    Trip,
}

impl PickFor {
    pub fn name(self) -> &'static str {
        match self {
            Self::NewActivity => "new",
            Self::Activity => "activity",
            Self::Trip => "trip",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "new" => Some(Self::NewActivity),
            "activity" => Some(Self::Activity),
            "trip" => Some(Self::Trip),
            _ => None,
        }
    }

    /// The fields its form has, which the search page carries along.
    pub fn fields(self) -> &'static [&'static str] {
        const PLACE: [&str; 6] = [
            "place_name",
            "place_address",
            "place_ref",
            "latitude",
            "longitude",
            "remove_place",
        ];
        const ACTIVITY: [&str; 15] = [
            "id",
            "day",
            "start_time",
            "end_time",
            "title",
            "location",
            "description",
            "category",
            "cost",
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            PLACE[4],
            PLACE[5],
        ];
        const TRIP: [&str; 14] = [
            "name",
            "destination",
            "start_date",
            "end_date",
            "time_zone",
            "currency",
            "budget",
            "notes",
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            PLACE[4],
            PLACE[5],
        ];
        match self {
            Self::NewActivity | Self::Activity => &ACTIVITY,
            Self::Trip => &TRIP,
        }
    }
}

/// The place fields as the form starts with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceInitial {
    pub name: String,
    pub address: String,
    pub place_ref: String,
    pub latitude: String,
    pub longitude: String,
}

/// The place search as the form offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOffer {
    /// The search page's address (`/trips/{id}/places`).
    pub url: String,
    pub pick_for: PickFor,
    /// The provider's attribution line and link.
    pub credit: (String, String),
}

/// A submit button placed first in a form that has other submit buttons further down (the
/// place search): pressing Enter in a field submits the form's own action, not a search.
#[component]
pub fn DefaultSubmit() -> impl IntoView {
    let l = lang();
    view! {
        <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">{tr!(l, "form-save")}</button>
    }
}

/// The place fieldset.
#[component]
pub fn PlacePicker(
    #[prop(into)] legend: String,
    initial: PlaceInitial,
    search: Option<SearchOffer>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let typed = |name: &str, initial: String| {
        errors
            .with_untracked(|errors| errors.value(name))
            .unwrap_or(initial)
    };
    let name = typed("place_name", initial.name);
    let address = typed("place_address", initial.address);
    let place_ref = typed("place_ref", initial.place_ref);
    let chosen = !name.is_empty();
    let problem = move || {
        errors
            .get()
            .field("place_name")
            .map(|m| i18n::rule_message(lang(), &m))
    };
    let l = lang();
    let search = search.map(|SearchOffer { url, pick_for, credit: (credit, credit_url) }| {
        let action = url.clone();
        view! {
            <div class="place-picker__search" data-place-search=url
                data-words=crate::format::place_search_words(l)>
                <label for="field-place-q">{tr!(l, "form-place-find")}</label>
                <p class="field__hint" id="field-place-q-hint">
                    {tr!(l, "form-place-find-hint")}
                </p>
                <div class="place-picker__row">
                    <input id="field-place-q" name="q" type="search" autocomplete="off"
                        aria-describedby="field-place-q-hint"/>
                    <button type="submit" class="button button--secondary" formmethod="get"
                        formaction=action formnovalidate=true name="return" value=pick_for.name()
                        data-place-search-button="">{tr!(l, "form-search")}</button>
                </div>
                <div class="place-picker__results" aria-live="polite"></div>
                <p class="place-picker__credit muted"><a href=credit_url rel="external">{credit}</a></p>
                <script src=crate::assets::places_js() defer=true></script>
            </div>
        }
    });
    view! {
        <fieldset class="place-picker" aria-describedby="place-picker-chosen">
            <legend>{legend}</legend>
            <div class="place-picker__chosen" id="place-picker-chosen" hidden=!chosen>
                <PinIcon/>
                <p>
                    <span class="visually-hidden">{format!("{} ", tr!(l, "form-place-chosen"))}</span>
                    <strong data-place-chosen-name="">{name.clone()}</strong>
                    <span class="place-picker__address" data-place-chosen-address="">{address.clone()}</span>
                </p>
                <label class="checkbox">
                    <input type="checkbox" name="remove_place" value="on"/>
                    {tr!(l, "form-place-remove")}
                </label>
            </div>
            {move || problem().map(|message| view! { <p class="field__error" id="field-place_name-error">{message}</p> })}
            {search}
            <input type="hidden" name="place_name" value=name/>
            <input type="hidden" name="place_address" value=address/>
            <input type="hidden" name="place_ref" value=place_ref/>
            <details class="coordinates">
                <summary>{tr!(l, "form-place-by-hand")}</summary>
                <div class="field-row">
                    <Field label=tr!(l, "form-latitude") name="latitude" inputmode="decimal" required=false
                        initial=initial.latitude errors/>
                    <Field label=tr!(l, "form-longitude") name="longitude" inputmode="decimal" required=false
                        initial=initial.longitude errors/>
                </div>
            </details>
        </fieldset>
    }
}

/// What a form's page shows about a place just picked on the search page.
#[component]
pub fn PickNotice(pick: String, place: Option<Place>) -> impl IntoView {
    let l = lang();
    (!pick.is_empty()).then(|| match place {
        Some(place) => view! {
            <p class="notice-ok place-picked" role="status">
                {tr!(l, "form-place-picked", place = place.name.as_str())}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="form-alert" role="alert">
                {tr!(l, "form-place-gone")}
            </p>
        }
        .into_any(),
    })
}

/// The place search as this site offers it for a form of `trip_id`, if it has one.
pub fn search_offer(trip_id: TripId, pick_for: PickFor) -> Option<SearchOffer> {
    let state = use_context::<AppState>()?;
    let places = state.providers.places.as_ref()?;
    Some(SearchOffer {
        url: format!("/trips/{trip_id}/places"),
        pick_for,
        credit: (
            places.credit.attribution.clone(),
            places.credit.attribution_url.clone(),
        ),
    })
}

/// The form's fields a search page carried back in the address, if it did (the search page
/// always carries `title` for an activity and `name` for a trip).
pub fn carried(params: &ParamsMap, pick_for: PickFor) -> Option<Vec<(String, String)>> {
    let marker = match pick_for {
        PickFor::Trip => "name",
        _ => "title",
    };
    params.get(marker)?;
    Some(
        pick_for
            .fields()
            .iter()
            .map(|name| ((*name).to_string(), params.get(name).unwrap_or_default()))
            .collect(),
    )
}

/// An activity as the carried fields describe it.
pub fn activity_draft(fields: &[(String, String)]) -> ActivityDraft {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    ActivityDraft {
        day: get("day"),
        start_time: get("start_time"),
        end_time: get("end_time"),
        title: get("title"),
        location: get("location"),
        description: get("description"),
        category: get("category"),
        cost: get("cost"),
        latitude: get("latitude"),
        longitude: get("longitude"),
        place_name: get("place_name"),
        place_address: get("place_address"),
        place_ref: get("place_ref"),
        remove_place: get("remove_place"),
    }
}

/// A trip as the carried fields describe it.
pub fn trip_draft(fields: &[(String, String)]) -> TripDraft {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    TripDraft {
        name: get("name"),
        destination: get("destination"),
        start_date: get("start_date"),
        end_date: get("end_date"),
        time_zone: get("time_zone"),
        currency: get("currency"),
        budget: get("budget"),
        notes: get("notes"),
        place_name: get("place_name"),
        place_address: get("place_address"),
        place_ref: get("place_ref"),
        latitude: get("latitude"),
        longitude: get("longitude"),
        remove_place: get("remove_place"),
    }
}

/// Puts `place` on an activity form: its place fields, and its name as the title if there is
/// none yet.
pub fn pick_for_activity(draft: &mut ActivityDraft, place: &Place) {
    draft.place_name = place.name.clone();
    draft.place_address = place.address.clone();
    draft.place_ref = place.place_ref.clone();
    draft.latitude = place.point.latitude.to_string();
    draft.longitude = place.point.longitude.to_string();
    draft.remove_place = String::new();
    if draft.title.trim().is_empty() {
        draft.title = place.name.chars().take(TITLE_MAX).collect();
    }
}

/// Puts `place` on a trip form as its destination's place.
pub fn pick_for_trip(draft: &mut TripDraft, place: &Place) {
    draft.place_name = place.name.clone();
    draft.place_address = place.address.clone();
    draft.place_ref = place.place_ref.clone();
    draft.latitude = place.point.latitude.to_string();
    draft.longitude = place.point.longitude.to_string();
    draft.remove_place = String::new();
    if draft.destination.trim().is_empty() {
        draft.destination = place.name.chars().take(DESTINATION_MAX).collect();
    }
}
