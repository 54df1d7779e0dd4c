//! Changing an activity.

use domain::itinerary::model::ActivityDraft;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::itinerary::{ActivityInTrip, UpdateActivity, get_activity},
    forms::{ConflictView, errors_of},
    scaffold::{Loaded, route_param},
    views::activity_fields::ActivityFields,
};

#[component]
pub fn EditActivityPage() -> impl IntoView {
    let id = route_param("activity");
    let found = Resource::new(move || id.get(), get_activity);
    let action = ServerAction::<UpdateActivity>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Edit activity"/>
        <Loaded data=found render=move |ActivityInTrip { trip, activity }| {
            let initial = ActivityDraft::of(&activity, &trip.currency);
            let back = format!("/trips/{}#day-{}", trip.id, activity.day);
            let version = activity.version;
            view! {
                <section class="form-page" aria-labelledby="edit-activity-heading">
                    <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
                    <h1 id="edit-activity-heading">"Edit activity"</h1>
                    <ConflictView errors reload=format!("/trips/{}/activities/{}/edit", trip.id, activity.id)/>
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <input type="hidden" name="id" value=activity.id.to_string()/>
                        <input type="hidden" name="version" value=move || errors.get().value("version").unwrap_or_else(|| version.to_string())/>
                        <ActivityFields trip initial errors/>
                        <div class="form__actions">
                            <button class="button" type="submit" disabled=move || action.pending().get()>"Save activity"</button>
                            <a class="button button--ghost" href=back>"Cancel"</a>
                        </div>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
