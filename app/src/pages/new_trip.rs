//! Planning a new trip.

use domain::trips::model::TripDraft;
use i18n::tr;
use islands::ZoneFromDevice;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::trips::{CreateTrip, new_trip_defaults},
    context::lang,
    forms::errors_of,
    scaffold::{Loaded, resource},
    views::trip_fields::TripFields,
};

#[component]
pub fn NewTripPage() -> impl IntoView {
    let defaults = resource(|| (), |()| new_trip_defaults());
    let action = ServerAction::<CreateTrip>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Title text=tr!(l, "form-new-trip-title")/>
        <section class="form-page" aria-labelledby="new-trip-heading">
            <p class="back-link"><a href="/trips">{tr!(l, "form-back-all-trips")}</a></p>
            <h1 id="new-trip-heading">{tr!(l, "form-new-trip-heading")}</h1>
            <Loaded data=defaults render=move |defaults| {
                let zone = Signal::stored(defaults.time_zone.clone());
                // A traveler without a home zone gets the one their device is set to (unless the
                // form came back with what they chose).
                let from_device = !defaults.zone_chosen && errors.get_untracked().values.is_empty();
                let initial = TripDraft {
                    time_zone: defaults.time_zone,
                    currency: defaults.currency,
                    ..TripDraft::default()
                };
                view! {
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <div class="form__fields">
                            <ZoneFromDevice apply=from_device>
                                <TripFields initial zone errors/>
                            </ZoneFromDevice>
                        </div>
                        <div class="form__actions">
                            <button class="button" type="submit">{tr!(l, "form-new-trip-submit")}</button>
                            <a class="button button--ghost" href="/trips">{tr!(l, "form-cancel")}</a>
                        </div>
                    </ActionForm>
                }
            }/>
        </section>
    }
}
