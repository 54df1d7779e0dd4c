//! Deleting an activity, without JavaScript (with it, a dialog on the plan asks).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::itinerary::{ActivityInTrip, DeleteActivity, get_activity},
    format::format_date,
    scaffold::{Loaded, route_param},
};

#[component]
pub fn DeleteActivityPage() -> impl IntoView {
    let id = route_param("activity");
    let found = Resource::new(move || id.get(), get_activity);
    let action = ServerAction::<DeleteActivity>::new();
    view! {
        <Title text="Delete activity"/>
        <Loaded data=found render=move |ActivityInTrip { trip, activity }| {
            let back = format!("/trips/{}#day-{}", trip.id, activity.day);
            view! {
                <section class="confirm" aria-labelledby="delete-activity-page-heading">
                    <h1 id="delete-activity-page-heading">{format!("Delete “{}”?", activity.title)}</h1>
                    <p>{format!("It will be removed from {} in “{}”. This can’t be undone.", format_date(activity.day), trip.name)}</p>
                    {move || action.value().get().and_then(Result::err).map(|error| view! {
                        <p class="form-alert" role="alert">{error.to_string()}</p>
                    })}
                    <ActionForm action attr:class="confirm__actions">
                        <input type="hidden" name="id" value=activity.id.to_string()/>
                        <button type="submit" class="button button--danger">"Delete activity"</button>
                        <a class="button button--secondary" href=back>"Keep it"</a>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
