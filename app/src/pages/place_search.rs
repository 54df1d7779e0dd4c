//! Finding a real place for an activity or a trip's destination: a search form (a GET that
//! works without JavaScript), the results, and for each a button that goes back to the form
//! it came from with the place picked — and with everything that form held, carried along in
//! the address, so nothing typed is lost. With JavaScript the results appear in place
//! (`public/places.js`).

use domain::{ids::ActivityId, places::model::Place};
use i18n::{Language, tr};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::places::{PlaceSearchPage, SearchOutcome, search_places},
    context::lang,
    scaffold::{Loaded, resource, route_param},
    views::place_picker::PickFor,
};

/// The longest value carried along (a description is at most 5,000 characters).
const CARRIED_MAX: usize = 5_000;

/// The form's fields carried along, as hidden inputs.
fn carried_inputs(carried: &[(String, String)]) -> impl IntoView + use<> {
    carried
        .iter()
        .map(|(name, value)| view! { <input type="hidden" name=name.clone() value=value.clone()/> })
        .collect_view()
}

/// A result's data for `places.js`, which fills a form with it.
fn place_data(place: &Place) -> String {
    serde_json::json!({
        "ref": place.place_ref,
        "name": place.name,
        "address": place.address,
        "lat": place.point.latitude,
        "lon": place.point.longitude,
    })
    .to_string()
}

#[component]
pub fn PlaceSearchPage() -> impl IntoView {
    let id = route_param("id");
    let query = use_query_map();
    let page = resource(
        move || (id.get(), query.read().get("q").unwrap_or_default()),
        |(id, q)| search_places(id, q),
    );
    let params = query.read_untracked();
    let pick_for = params
        .get("return")
        .and_then(|r| PickFor::parse(&r))
        .unwrap_or(PickFor::NewActivity);
    let activity: Option<ActivityId> = params.get("id").and_then(|id| id.parse().ok());
    let carried: Vec<(String, String)> = pick_for
        .fields()
        .iter()
        .filter_map(|name| {
            params.get(name).map(|value| {
                (
                    (*name).to_string(),
                    value.chars().take(CARRIED_MAX).collect(),
                )
            })
        })
        .collect();
    drop(params);
    let l = lang();
    view! {
        <Title text=tr!(l, "form-place-search-title")/>
        <Loaded data=page loading=tr!(l, "form-place-searching") render=move |page: PlaceSearchPage| {
            let trip_id = page.trip.id;
            let back = match (pick_for, activity) {
                (PickFor::Activity, Some(activity)) => {
                    format!("/trips/{trip_id}/activities/{activity}/edit")
                }
                (PickFor::Trip, _) => format!("/trips/{trip_id}/edit"),
                _ => format!("/trips/{trip_id}/activities/new"),
            };
            let purpose = match pick_for {
                PickFor::Trip => {
                    tr!(l, "form-place-search-for-trip", trip = page.trip.name.as_str())
                }
                _ => tr!(l, "form-place-search-for-activity", trip = page.trip.name.as_str()),
            };
            let results = results(l, &page, &back, &carried);
            view! {
                <section class="form-page place-search" aria-labelledby="place-search-heading">
                    <form method="get" action=back.clone() class="back-link">
                        {carried_inputs(&carried)}
                        <button type="submit" class="link-button">{tr!(l, "form-place-search-back")}</button>
                    </form>
                    <h1 id="place-search-heading">{tr!(l, "form-place-search-title")}</h1>
                    <p class="muted">{purpose}</p>
                    <form method="get" action=format!("/trips/{trip_id}/places") class="form place-search__form"
                        role="search" data-place-search-form=""
                        data-words=crate::format::place_search_words(l)>
                        {carried_inputs(&carried)}
                        <input type="hidden" name="return" value=pick_for.name()/>
                        <div class="field">
                            <label for="place-q">{tr!(l, "form-place-search-label")}</label>
                            <p class="field__hint" id="place-q-hint">
                                {tr!(l, "form-place-search-hint")}
                            </p>
                            <div class="place-picker__row">
                                <input id="place-q" type="search" name="q" value=page.query.clone()
                                    autocomplete="off" aria-describedby="place-q-hint"/>
                                <button type="submit" class="button">{tr!(l, "form-search")}</button>
                            </div>
                        </div>
                    </form>
                    {results}
                    <script src=crate::assets::places_js() defer=true></script>
                </section>
            }
        }/>
    }
}

/// The results region: a message, or the places found with a button each.
fn results(
    l: Language,
    page: &PlaceSearchPage,
    back: &str,
    carried: &[(String, String)],
) -> impl IntoView + use<> {
    let message = |class: &'static str, text: String| {
        view! { <p class=format!("place-results__message {class}")>{text}</p> }.into_any()
    };
    let body = match &page.outcome {
        SearchOutcome::NotAsked => message("muted", tr!(l, "form-place-search-start")),
        SearchOutcome::TooShort => message("form-alert", tr!(l, "form-place-search-too-short")),
        SearchOutcome::Off => message("muted", tr!(l, "form-place-search-off")),
        SearchOutcome::NotAnswering => message("form-alert", tr!(l, "form-place-search-down")),
        SearchOutcome::Found(places) if places.is_empty() => message(
            "",
            tr!(l, "form-place-search-none", query = page.query.as_str()),
        ),
        SearchOutcome::Found(places) => {
            let items = places
                .iter()
                .map(|place| {
                    view! {
                        <li class="place-result" data-place=place_data(place)>
                            <div class="place-result__text">
                                <strong>{place.name.clone()}</strong>
                                {(!place.address.is_empty()).then(|| view! {
                                    <span class="place-result__address">{place.address.clone()}</span>
                                })}
                            </div>
                            <form method="get" action=back.to_string() class="place-result__pick">
                                {carried_inputs(carried)}
                                <input type="hidden" name="pick" value=place.place_ref.clone()/>
                                <button type="submit" class="button button--small">
                                    {tr!(l, "form-place-use")}<span class="visually-hidden">{tr!(l, "form-place-use-which", place = place.name.as_str())}</span>
                                </button>
                            </form>
                        </li>
                    }
                })
                .collect_view();
            let count = tr!(l, "form-place-search-count", count = places.len());
            view! {
                <p class="place-results__message">{count}</p>
                <ol class="place-results">{items}</ol>
            }
            .into_any()
        }
    };
    let credit = page.credit.clone().map(|(text, url)| {
        view! { <p class="place-search__credit muted"><a href=url rel="external">{text}</a></p> }
    });
    view! {
        <div id="place-results" class="place-results-region" aria-live="polite">{body}</div>
        {credit}
    }
}
