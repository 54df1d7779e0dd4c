//! Changing a trip's details — and putting its destination on the map with the place search,
//! which comes back here with the place picked and what the form held.

use domain::{
    places::model::Place,
    trips::model::{Trip, TripDraft},
};
use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::{
        places::get_place,
        trips::{UpdateTrip, get_trip},
    },
    context::lang,
    error::AppError,
    forms::{ConflictView, errors_of},
    scaffold::{Loaded, resource, route_param},
    views::{
        place_picker::{PickFor, PickNotice, carried, pick_for_trip, search_offer, trip_draft},
        trip_fields::TripFields,
    },
};

/// The trip, and the place just picked on the search page (if any).
async fn trip_and_pick(id: String, pick: String) -> Result<(Trip, Option<Place>), AppError> {
    let trip = get_trip(id, "edit_details".to_string()).await?;
    let place = get_place(pick).await?;
    Ok((trip, place))
}

#[component]
pub fn EditTripPage() -> impl IntoView {
    let query = use_query_map();
    let id = route_param("id");
    let data = resource(
        move || (id.get(), query.read().get("pick").unwrap_or_default()),
        |(id, pick)| trip_and_pick(id, pick),
    );
    let action = ServerAction::<UpdateTrip>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Loaded data loading=tr!(l, "loading") render=move |(trip, place): (Trip, Option<Place>)| {
            let params = query.read_untracked();
            let mut initial = match carried(&params, PickFor::Trip) {
                Some(fields) => trip_draft(&fields),
                None => TripDraft::from(&trip),
            };
            if let Some(place) = &place {
                pick_for_trip(&mut initial, place);
            }
            let pick = params.get("pick").unwrap_or_default();
            drop(params);
            let zone = Signal::stored(initial.time_zone.clone());
            let search = search_offer(trip.id, PickFor::Trip);
            let back = format!("/trips/{}", trip.id);
            let version = trip.version;
            view! {
                <Title text=tr!(l, "form-edit-trip-title", name = trip.name.as_str())/>
                <section class="form-page" aria-labelledby="edit-trip-heading">
                    <p class="back-link"><a href=back.clone()>{tr!(l, "form-back-to-trip")}</a></p>
                    <h1 id="edit-trip-heading">{tr!(l, "form-edit-trip-heading")}</h1>
                    <ConflictView errors reload=format!("/trips/{}/edit", trip.id)/>
                    <PickNotice pick place/>
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <input type="hidden" name="id" value=trip.id.to_string()/>
                        <input type="hidden" name="version" value=move || errors.get().value("version").unwrap_or_else(|| version.to_string())/>
                        <div class="form__fields">
                            <TripFields initial zone errors search/>
                            <label class="checkbox">
                                <input type="checkbox" name="shift_activities" value="on" checked=true/>
                                {tr!(l, "form-edit-trip-shift")}
                            </label>
                        </div>
                        <div class="form__actions">
                            <button class="button" type="submit">{tr!(l, "form-edit-trip-submit")}</button>
                            <a class="button button--ghost" href=back>{tr!(l, "form-cancel")}</a>
                        </div>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
