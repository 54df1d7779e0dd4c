//! Adding an activity to a day.

use domain::{
    itinerary::model::{ActivityDraft, Category},
    trips::model::parse_date,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::{itinerary::CreateActivity, trips::get_trip},
    forms::errors_of,
    scaffold::{Loaded, route_param},
    views::activity_fields::ActivityFields,
};

#[component]
pub fn NewActivityPage() -> impl IntoView {
    let query = use_query_map();
    let id = route_param("id");
    let trip = Resource::new(move || id.get(), |id| get_trip(id, "edit_plan".to_string()));
    let action = ServerAction::<CreateActivity>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Add an activity"/>
        <Loaded data=trip render=move |trip| {
            let day = query
                .read_untracked()
                .get("day")
                .and_then(|d| parse_date(&d))
                .filter(|d| *d >= trip.start_date && *d <= trip.end_date)
                .unwrap_or(trip.start_date);
            let initial = ActivityDraft {
                day: day.to_string(),
                category: <&str>::from(Category::Sight).to_string(),
                ..ActivityDraft::default()
            };
            let back = format!("/trips/{}#day-{day}", trip.id);
            view! {
                <section class="form-page" aria-labelledby="new-activity-heading">
                    <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
                    <h1 id="new-activity-heading">"Add an activity"</h1>
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <input type="hidden" name="trip_id" value=trip.id.to_string()/>
                        <ActivityFields trip initial errors/>
                        <div class="form__actions">
                            <button class="button" type="submit" disabled=move || action.pending().get()>"Add activity"</button>
                            <a class="button button--ghost" href=back>"Cancel"</a>
                        </div>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
