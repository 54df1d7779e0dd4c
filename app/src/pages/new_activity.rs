//! Adding an activity to a day — typed, or started from a place found by the place search
//! (which comes back here with the place picked and what the form held).

use domain::{
    itinerary::model::{ActivityDraft, Category},
    places::model::Place,
    trips::model::{Trip, parse_date},
};
use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::{itinerary::CreateActivity, places::get_place, trips::get_trip},
    context::lang,
    error::AppError,
    forms::errors_of,
    scaffold::{Loaded, resource, route_param},
    views::{
        activity_fields::ActivityFields,
        place_picker::{
            PickFor, PickNotice, activity_draft, carried, pick_for_activity, search_offer,
        },
    },
};

/// The trip, and the place just picked on the search page (if any).
async fn trip_and_pick(id: String, pick: String) -> Result<(Trip, Option<Place>), AppError> {
    let trip = get_trip(id, "edit_plan".to_string()).await?;
    let place = get_place(pick).await?;
    Ok((trip, place))
}

#[component]
pub fn NewActivityPage() -> impl IntoView {
    let query = use_query_map();
    let id = route_param("id");
    let data = resource(
        move || (id.get(), query.read().get("pick").unwrap_or_default()),
        |(id, pick)| trip_and_pick(id, pick),
    );
    let action = ServerAction::<CreateActivity>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Title text=tr!(l, "form-new-activity-title")/>
        <Loaded data render=move |(trip, place): (Trip, Option<Place>)| {
            let params = query.read_untracked();
            let day = params
                .get("day")
                .and_then(|d| parse_date(&d))
                .filter(|d| *d >= trip.start_date && *d <= trip.end_date)
                .unwrap_or(trip.start_date);
            let mut initial = match carried(&params, PickFor::NewActivity) {
                Some(fields) => activity_draft(&fields),
                None => ActivityDraft {
                    category: <&str>::from(Category::Sight).to_string(),
                    ..ActivityDraft::default()
                },
            };
            initial.day = day.to_string();
            if initial.category.is_empty() {
                initial.category = <&str>::from(Category::Sight).to_string();
            }
            if let Some(place) = &place {
                pick_for_activity(&mut initial, place);
            }
            let pick = params.get("pick").unwrap_or_default();
            drop(params);
            let search = search_offer(trip.id, PickFor::NewActivity);
            let back = format!("/trips/{}#day-{day}", trip.id);
            view! {
                <section class="form-page" aria-labelledby="new-activity-heading">
                    <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
                    <h1 id="new-activity-heading">{tr!(l, "form-new-activity-title")}</h1>
                    <PickNotice pick place/>
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <input type="hidden" name="trip_id" value=trip.id.to_string()/>
                        <ActivityFields trip initial errors search/>
                        <div class="form__actions">
                            <button class="button" type="submit" disabled=move || action.pending().get()>{tr!(l, "form-new-activity-submit")}</button>
                            <a class="button button--ghost" href=back>{tr!(l, "form-cancel")}</a>
                        </div>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
