//! Deleting a trip, without JavaScript (with it, the trip page asks in a dialog).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::trips::{DeleteTrip, get_trip},
    scaffold::{Loaded, route_param},
};

#[component]
pub fn DeleteTripPage() -> impl IntoView {
    let id = route_param("id");
    let trip = Resource::new(move || id.get(), |id| get_trip(id, "delete".to_string()));
    let action = ServerAction::<DeleteTrip>::new();
    view! {
        <Loaded data=trip render=move |trip| view! {
            <Title text=format!("Delete {}", trip.name)/>
            <section class="confirm" aria-labelledby="delete-heading">
                <h1 id="delete-heading">{format!("Delete “{}”?", trip.name)}</h1>
                <p>"This removes the trip and everything planned in it. It can’t be undone."</p>
                {move || action.value().get().and_then(Result::err).map(|error| view! {
                    <p class="form-alert" role="alert">{error.to_string()}</p>
                })}
                <ActionForm action attr:class="confirm__actions">
                    <input type="hidden" name="id" value=trip.id.to_string()/>
                    <button type="submit" class="button button--danger">"Delete trip"</button>
                    <a class="button button--secondary" href=format!("/trips/{}", trip.id)>"Keep it"</a>
                </ActionForm>
            </section>
        }/>
    }
}
