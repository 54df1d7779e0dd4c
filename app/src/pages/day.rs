//! One day of a trip on a page of its own, with the days before and after, and the day's
//! places on a map beside it.

use domain::{
    calendar::iso_date,
    itinerary::{model::TripPlan, service},
    map::TripMap,
    trips::model::parse_date,
};
use i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::{
    actions::places::{Stored, missing, needs_of, read_stored},
    context,
    error::AppError,
    links::{id_text, join},
    scaffold::{Loaded, NotFound, resource, route_param},
    session,
    views::{
        map::{MapPanel, MapScope, PlanExtras, allow_map_tiles},
        plan::{DaysView, day_heading},
    },
};

/// The day page: the plan with this day's activities only (the other days are there for the
/// links to the days before and after, which need their dates and numbers, not their
/// activities — the plan's trip-wide totals are not shown here), which day it is, the day on
/// the map, and what the stores hold for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayPageData {
    pub plan: TripPlan,
    pub index: usize,
    pub map: TripMap,
    pub stored: Stored,
    /// Whether the traveler's role lets them change the plan.
    pub editable: bool,
}

/// The trip with the traveler's role, and the day's activities (two statements), and for a day
/// with places what the stores hold for it (one or two more).
#[server(prefix = "/api/itinerary", endpoint = "day")]
pub async fn get_day_page(trip_id: String, date: String) -> Result<DayPageData, AppError> {
    let actor = session::actor().await?;
    let state = context::state()?;
    let trip_id = trip_id
        .parse()
        .map_err(|error| AppError::from(error).respond())?;
    let date = parse_date(&date).ok_or_else(|| AppError::NotFound.respond())?;
    let (trip, activities, role) = service::trip_with_day(&state.db, &actor, trip_id, date)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    let plan = TripPlan::new(trip, activities);
    let index = plan
        .days
        .iter()
        .position(|d| d.date == date)
        .ok_or_else(|| AppError::NotFound.respond())?;
    let day = TripPlan {
        days: vec![plan.days[index].clone()],
        ..plan.clone()
    };
    let map = TripMap::of(&day, state.providers.routing_modes());
    let needs = needs_of(&state.providers, &map);
    let stored = if needs.is_empty() {
        Stored::default()
    } else {
        read_stored(&state.db, &needs).await.map_err(|error| {
            tracing::error!(%error, "could not read the stored weather or travel times");
            AppError::Internal.respond()
        })?
    };
    state
        .providers
        .ask(&missing(&state.providers, &map, &stored));
    Ok(DayPageData {
        plan,
        index,
        map,
        stored,
        editable: role.may(domain::access::Right::EditPlan),
    })
}

#[component]
pub fn DayPage() -> impl IntoView {
    let id = route_param("id");
    let date = route_param("date");
    let page = resource(
        move || (id.get(), date.get()),
        |(id, date)| get_day_page(id, date),
    );
    let settings = context::state().ok();
    let l = context::lang();
    view! {
        <Loaded data=page loading=tr!(l, "plan-day-loading") render=move |DayPageData { plan, index, map, stored, editable }| {
            let Some(day) = plan.days.get(index).cloned() else {
                return view! { <NotFound/> }.into_any();
            };
            let trip_id = id_text(plan.trip.id);
            let trip_url = join(&["/trips/", trip_id.as_str()]);
            let day_url = |date| join(&["/trips/", trip_id.as_str(), "/days/", &iso_date(date)]);
            let link = |offset: isize| {
                index
                    .checked_add_signed(offset)
                    .and_then(|i| plan.days.get(i))
                    .map(|d| (day_url(d.date), day_heading(l, d)))
            };
            let (previous, next) = (link(-1), link(1));
            let back = day_url(day.date);
            let heading = day_heading(l, &day);
            let single = TripPlan {
                days: vec![day],
                ..plan.clone()
            };
            let extras = PlanExtras::new(&map, &stored);
            let providers = settings.as_ref().map(|state| &state.providers);
            let tiles = providers.and_then(|p| p.tiles.clone());
            let place_search = providers.is_some_and(|p| p.places.is_some());
            let weather_credit = providers
                .and_then(|p| p.weather.clone())
                .filter(|_| !extras.weather.is_empty());
            let has_map = !map.is_empty();
            if has_map {
                allow_map_tiles();
            }
            let map_panel = has_map.then(|| view! { <MapPanel map tiles scope=MapScope::Day/> }.into_any());
            view! {
                <Title text=format!("{heading} · {}", plan.trip.name)/>
                <p class="back-link"><a href=trip_url>{format!("← {}", plan.trip.name)}</a></p>
                <h1 class="day-page__title">{plan.trip.name.clone()}</h1>
                <nav class="pager" aria-label=tr!(l, "plan-other-days")>
                    {match previous {
                        Some((url, label)) => view! { <a href=url rel="prev">{format!("← {label}")}</a> }.into_any(),
                        None => view! { <span></span> }.into_any(),
                    }}
                    {match next {
                        Some((url, label)) => view! { <a href=url rel="next">{format!("{label} →")}</a> }.into_any(),
                        None => view! { <span></span> }.into_any(),
                    }}
                </nav>
                <div class="itinerary__layout" class:itinerary__layout--map=has_map>
                    {map_panel}
                    <div class="itinerary__plan">
                        {view! { <DaysView plan=single back top_level=true read_only=!editable extras place_search/> }.into_any()}
                    </div>
                </div>
                {weather_credit.map(|credit| view! {
                    <p class="credits muted"><a href=credit.attribution_url rel="external">{credit.attribution}</a></p>
                })}
            }.into_any()
        }/>
    }
}
