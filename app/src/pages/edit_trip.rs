//! Changing a trip's details.

use domain::trips::model::TripDraft;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::trips::{UpdateTrip, get_trip},
    forms::{ConflictView, errors_of},
    scaffold::{Loaded, route_param},
    views::trip_fields::TripFields,
};

#[component]
pub fn EditTripPage() -> impl IntoView {
    let id = route_param("id");
    let trip = Resource::new(
        move || id.get(),
        |id| get_trip(id, "edit_details".to_string()),
    );
    let action = ServerAction::<UpdateTrip>::new();
    let errors = errors_of(action.value());
    view! {
        <Loaded data=trip loading="Loading…" render=move |trip| {
            let initial = TripDraft::from(&trip);
            let zone = Signal::stored(initial.time_zone.clone());
            let back = format!("/trips/{}", trip.id);
            let version = trip.version;
            view! {
                <Title text=format!("Edit {}", trip.name)/>
                <section class="form-page" aria-labelledby="edit-trip-heading">
                    <p class="back-link"><a href=back.clone()>"← Back to the trip"</a></p>
                    <h1 id="edit-trip-heading">"Edit trip"</h1>
                    <ConflictView errors reload=format!("/trips/{}/edit", trip.id)/>
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <input type="hidden" name="id" value=trip.id.to_string()/>
                        <input type="hidden" name="version" value=move || errors.get().value("version").unwrap_or_else(|| version.to_string())/>
                        <div class="form__fields">
                            <TripFields initial zone errors/>
                            <label class="checkbox">
                                <input type="checkbox" name="shift_activities" value="on" checked=true/>
                                "If the first day changes, move every planned activity by the same number of days"
                            </label>
                        </div>
                        <div class="form__actions">
                            <button class="button" type="submit">"Save changes"</button>
                            <a class="button button--ghost" href=back>"Cancel"</a>
                        </div>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
