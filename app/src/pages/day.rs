//! One day of a trip on a page of its own, with the days before and after.

use domain::{itinerary::model::TripPlan, trips::model::parse_date};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::itinerary::{PlanView, get_trip_plan},
    scaffold::{Loaded, NotFound, route_param},
    views::plan::{DaysView, day_heading},
};

#[component]
pub fn DayPage() -> impl IntoView {
    let id = route_param("id");
    let date = route_param("date");
    let plan = Resource::new(move || id.get(), get_trip_plan);
    view! {
        <Loaded data=plan loading="Loading the day…" render=move |PlanView { plan, editable }| {
            let Some(date) = parse_date(&date.get()) else { return view! { <NotFound/> }.into_any() };
            let Some(index) = plan.days.iter().position(|d| d.date == date) else {
                return view! { <NotFound/> }.into_any();
            };
            let trip_url = format!("/trips/{}", plan.trip.id);
            let link = |offset: isize| {
                index
                    .checked_add_signed(offset)
                    .and_then(|i| plan.days.get(i))
                    .map(|d| (format!("/trips/{}/days/{}", plan.trip.id, d.date), day_heading(d)))
            };
            let (previous, next) = (link(-1), link(1));
            let back = format!("/trips/{}/days/{date}", plan.trip.id);
            let single = TripPlan {
                days: vec![plan.days[index].clone()],
                ..plan.clone()
            };
            view! {
                <Title text=format!("{} · {}", day_heading(&plan.days[index]), plan.trip.name)/>
                <p class="back-link"><a href=trip_url>{format!("← {}", plan.trip.name)}</a></p>
                <h1 class="day-page__title">{plan.trip.name.clone()}</h1>
                <nav class="pager" aria-label="Other days">
                    {match previous {
                        Some((url, label)) => view! { <a href=url rel="prev">{format!("← {label}")}</a> }.into_any(),
                        None => view! { <span></span> }.into_any(),
                    }}
                    {match next {
                        Some((url, label)) => view! { <a href=url rel="next">{format!("{label} →")}</a> }.into_any(),
                        None => view! { <span></span> }.into_any(),
                    }}
                </nav>
                <DaysView plan=single back top_level=true read_only=!editable/>
            }.into_any()
        }/>
    }
}
