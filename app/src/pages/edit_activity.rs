//! Changing an activity — and giving it a place from the place search, which comes back here
//! with the place picked and what the form held.

use domain::{itinerary::model::ActivityDraft, places::model::Place};
use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    actions::{
        itinerary::{ActivityInTrip, UpdateActivity, get_activity},
        places::get_place,
    },
    context::lang,
    error::AppError,
    forms::{ConflictView, errors_of},
    scaffold::{Loaded, resource, route_param},
    views::{
        activity_fields::ActivityFields,
        place_picker::{
            PickFor, PickNotice, activity_draft, carried, pick_for_activity, search_offer,
        },
    },
};

/// The activity, and the place just picked on the search page (if any).
async fn activity_and_pick(
    id: String,
    pick: String,
) -> Result<(ActivityInTrip, Option<Place>), AppError> {
    let found = get_activity(id).await?;
    let place = get_place(pick).await?;
    Ok((found, place))
}

#[component]
pub fn EditActivityPage() -> impl IntoView {
    let query = use_query_map();
    let id = route_param("activity");
    let data = resource(
        move || (id.get(), query.read().get("pick").unwrap_or_default()),
        |(id, pick)| activity_and_pick(id, pick),
    );
    let action = ServerAction::<UpdateActivity>::new();
    let errors = errors_of(action.value());
    let l = lang();
    view! {
        <Title text=tr!(l, "form-edit-activity-title")/>
        <Loaded data render=move |(ActivityInTrip { trip, activity }, place): (ActivityInTrip, Option<Place>)| {
            let params = query.read_untracked();
            let mut initial = match carried(&params, PickFor::Activity) {
                Some(fields) => activity_draft(&fields),
                None => ActivityDraft::of(&activity, &trip.currency),
            };
            if let Some(place) = &place {
                pick_for_activity(&mut initial, place);
            }
            let pick = params.get("pick").unwrap_or_default();
            drop(params);
            let search = search_offer(trip.id, PickFor::Activity);
            let back = format!("/trips/{}#day-{}", trip.id, activity.day);
            let version = activity.version;
            view! {
                <section class="form-page" aria-labelledby="edit-activity-heading">
                    <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
                    <h1 id="edit-activity-heading">{tr!(l, "form-edit-activity-title")}</h1>
                    <ConflictView errors reload=format!("/trips/{}/activities/{}/edit", trip.id, activity.id)/>
                    <PickNotice pick place/>
                    <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                        <input type="hidden" name="id" value=activity.id.to_string()/>
                        <input type="hidden" name="version" value=move || errors.get().value("version").unwrap_or_else(|| version.to_string())/>
                        <ActivityFields trip initial errors search/>
                        <div class="form__actions">
                            <button class="button" type="submit" disabled=move || action.pending().get()>{tr!(l, "form-edit-activity-submit")}</button>
                            <a class="button button--ghost" href=back>{tr!(l, "form-cancel")}</a>
                        </div>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
