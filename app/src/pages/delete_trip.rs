//! Deleting a trip, without JavaScript (with it, the trip page asks in a dialog).

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::trips::{DeleteTrip, get_trip},
    context::lang,
    scaffold::{Loaded, resource, route_param},
};

#[component]
pub fn DeleteTripPage() -> impl IntoView {
    let id = route_param("id");
    let trip = resource(move || id.get(), |id| get_trip(id, "delete".to_string()));
    let action = ServerAction::<DeleteTrip>::new();
    let l = lang();
    view! {
        <Loaded data=trip render=move |trip| view! {
            <Title text=tr!(l, "form-delete-trip-title", name = trip.name.as_str())/>
            <section class="confirm" aria-labelledby="delete-heading">
                <h1 id="delete-heading">{tr!(l, "form-delete-confirm", name = trip.name.as_str())}</h1>
                <p>{tr!(l, "form-delete-trip-text")}</p>
                {move || action.value().get().and_then(Result::err).map(|error| view! {
                    <p class="form-alert" role="alert">{error.message(l)}</p>
                })}
                <ActionForm action attr:class="confirm__actions">
                    <input type="hidden" name="id" value=trip.id.to_string()/>
                    <button type="submit" class="button button--danger">{tr!(l, "form-delete-trip-submit")}</button>
                    <a class="button button--secondary" href=format!("/trips/{}", trip.id)>{tr!(l, "form-keep-it")}</a>
                </ActionForm>
            </section>
        }/>
    }
}
