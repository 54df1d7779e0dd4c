//! Deleting an activity, without JavaScript (with it, a dialog on the plan asks).

use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::itinerary::{ActivityInTrip, DeleteActivity, get_activity},
    context::lang,
    format::day_date,
    scaffold::{Loaded, resource, route_param},
};

#[component]
pub fn DeleteActivityPage() -> impl IntoView {
    let id = route_param("activity");
    let found = resource(move || id.get(), get_activity);
    let action = ServerAction::<DeleteActivity>::new();
    let l = lang();
    view! {
        <Title text=tr!(l, "form-delete-activity-title")/>
        <Loaded data=found render=move |ActivityInTrip { trip, activity }| {
            let back = format!("/trips/{}#day-{}", trip.id, activity.day);
            view! {
                <section class="confirm" aria-labelledby="delete-activity-page-heading">
                    <h1 id="delete-activity-page-heading">{tr!(l, "form-delete-confirm", name = activity.title.as_str())}</h1>
                    <p>{tr!(l, "form-delete-activity-text", day = day_date(l, activity.day), trip = trip.name.as_str())}</p>
                    {move || action.value().get().and_then(Result::err).map(|error| view! {
                        <p class="form-alert" role="alert">{error.message(l)}</p>
                    })}
                    <ActionForm action attr:class="confirm__actions">
                        <input type="hidden" name="id" value=activity.id.to_string()/>
                        <button type="submit" class="button button--danger">{tr!(l, "form-delete-activity-submit")}</button>
                        <a class="button button--secondary" href=back>{tr!(l, "form-keep-it")}</a>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
