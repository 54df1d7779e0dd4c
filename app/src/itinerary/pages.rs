//! The itinerary on the page: the budget summary, one section per day, and the activity form,
//! delete confirmation and day pages. Every action is a real form.

use chrono::NaiveDate;
use leptos::{either::Either, prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api::{
        CreateActivity, DeleteActivity, MoveActivity, TripPlan, UpdateActivity, get_activity,
        get_trip_plan,
    },
    types::{Activity, ActivityInput, BudgetSummary, Category, DayPlan},
};
use crate::{
    error::FormErrors,
    forms::{Field, FormAlert, OptionGroups, SelectField, TextArea, errors_of},
    islands::DeleteActivityDialog,
    not_found::{NotFound, not_found_or},
    reference::{currency, format_money},
    trips::{
        api::get_trip,
        types::{Trip, format_date},
    },
};

fn day_heading(day: &DayPlan) -> String {
    format!("Day {} · {}", day.number, format_date(day.date))
}

/// Sticky links to each day, so any day is one tap away.
#[component]
pub fn DayLinks(days: Vec<NaiveDate>) -> impl IntoView {
    let links = days
        .into_iter()
        .enumerate()
        .map(|(index, date)| {
            view! {
                <li><a href=format!("#day-{date}")>{format!("Day {}", index + 1)}</a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="day-nav" aria-label="Days of the trip">
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
pub fn BudgetView(summary: BudgetSummary, currency_code: String) -> impl IntoView {
    let money = |minor: i64| format_money(minor, &currency_code);
    let planned = money(summary.planned_minor);
    let (remaining_label, remaining, over) = match summary.remaining_minor {
        Some(left) if left < 0 => ("Over by", Some(money(-left)), true),
        Some(left) => ("Remaining", Some(money(left)), false),
        None => ("Remaining", None, false),
    };
    let meter = summary.budget_minor.filter(|b| *b > 0).map(|budget| {
        view! {
            <meter class="budget__meter" min="0" max=budget.to_string()
                value=summary.planned_minor.min(budget).to_string()
                aria-label="Share of the budget planned"></meter>
        }
    });
    let categories = summary
        .by_category
        .iter()
        .map(|(category, minor)| {
            view! { <tr><th scope="row">{category.label()}</th><td>{money(*minor)}</td></tr> }
        })
        .collect_view();
    let has_categories = !summary.by_category.is_empty();
    let daily = summary.daily_budget_minor.map(money);
    view! {
        <section class="budget" aria-labelledby="budget-heading">
            <h2 id="budget-heading" class="section-title">"Budget"</h2>
            <dl class="overview budget__totals">
                <div>
                    <dt>"Budget"</dt>
                    <dd>{summary.budget_minor.map(money).unwrap_or_else(|| "Not set".to_string())}</dd>
                </div>
                <div>
                    <dt>"Planned"</dt>
                    <dd>{planned}</dd>
                </div>
                {remaining.map(|remaining| view! {
                    <div class:budget--over=over>
                        <dt>{remaining_label}</dt>
                        <dd>{remaining}</dd>
                    </div>
                })}
            </dl>
            {meter}
            {daily.map(|daily| view! { <p class="muted">{format!("About {daily} a day.")}</p> })}
            {has_categories.then(|| view! {
                <table class="budget__table">
                    <caption>"Planned by kind"</caption>
                    <tbody>{categories}</tbody>
                </table>
            })}
        </section>
    }
}

/// The days of the plan, each with its activities, cost and warnings.
#[component]
pub fn DaysView(
    plan: TripPlan,
    /// Where the move buttons come back to.
    back: String,
    /// The days are the page's main sections (the day page): their headings are `h2`, the
    /// activities' `h3`. Otherwise one level lower, under a section heading.
    #[prop(optional)]
    top_level: bool,
) -> impl IntoView {
    let trip = plan.trip;
    let daily = plan
        .summary
        .daily_budget_minor
        .map(|minor| format_money(minor, &trip.currency));
    let days = plan
        .days
        .into_iter()
        .map(|day| day_view(day, &trip, daily.as_deref(), &back, top_level))
        .collect_view();
    view! {
        <div class="days">{days}</div>
        <DeleteActivityDialog/>
    }
}

/// One day of the plan. A plain function rather than a component: it runs for every day on
/// the page's hot path and needs none of a component's machinery.
fn day_view(
    day: DayPlan,
    trip: &Trip,
    daily: Option<&str>,
    back: &str,
    top_level: bool,
) -> impl IntoView + use<> {
    let heading_id = format!("day-{}-heading", day.date);
    let heading = day_heading(&day);
    let labelled_by = heading_id.clone();
    let add_url = format!("/trips/{}/activities/new?day={}", trip.id, day.date);
    let cost = (day.cost_minor > 0).then(|| format_money(day.cost_minor, &trip.currency));
    let warnings = day
        .warnings
        .iter()
        .map(|warning| view! { <li>{warning.message(daily)}</li> })
        .collect_view();
    let has_warnings = !day.warnings.is_empty();
    let count = day.activities.len();
    let items = day
        .activities
        .into_iter()
        .enumerate()
        .map(|(index, activity)| {
            activity_item(
                activity,
                trip,
                (index == 0, index + 1 == count),
                back,
                top_level,
            )
        })
        .collect_view();
    view! {
        <section class="day" id=format!("day-{}", day.date) aria-labelledby=labelled_by>
            <header class="day__head">
                {
                    let link = view! { <a href=format!("/trips/{}/days/{}", trip.id, day.date)>{heading}</a> };
                    if top_level {
                        view! { <h2 id=heading_id>{link}</h2> }.into_any()
                    } else {
                        view! { <h3 id=heading_id>{link}</h3> }.into_any()
                    }
                }
                {cost.map(|cost| view! { <span class="day__cost">{cost}</span> })}
            </header>
            {has_warnings.then(|| view! { <ul class="day__warnings">{warnings}</ul> })}
            {if count == 0 {
                view! { <p class="muted day__empty">"Nothing planned yet."</p> }.into_any()
            } else {
                view! { <ol class="activities">{items}</ol> }.into_any()
            }}
            <p class="day__add"><a class="button button--small button--secondary" href=add_url>"Add an activity"</a></p>
        </section>
    }
}

/// One activity with its move, edit and delete controls; `(first, last)` say which moves make
/// sense. A plain function, like [`day_view`]. The move buttons are plain forms posting to the
/// server function: pages are server-rendered, so the browser's own submission is the action.
fn activity_item(
    activity: Activity,
    trip: &Trip,
    (first, last): (bool, bool),
    back: &str,
    top_level: bool,
) -> impl IntoView + use<> {
    let time = activity
        .time_range()
        .unwrap_or_else(|| "Any time".to_string());
    let Activity {
        id,
        title,
        location,
        description,
        category,
        cost_minor,
        ..
    } = activity;
    let cost = (cost_minor > 0).then(|| format_money(cost_minor, &trip.currency));
    let place = (!location.is_empty()).then_some(location);
    let description = (!description.is_empty()).then_some(description);
    let edit_url = format!("/trips/{}/activities/{id}/edit", trip.id);
    let delete_url = format!("/trips/{}/activities/{id}/delete", trip.id);
    let move_button = |direction: &'static str, label: &'static str, symbol: &'static str| {
        view! {
            <form action=MoveActivity::url() method="post" class="inline-form">
                <input type="hidden" name="id" value=id.clone()/>
                <input type="hidden" name="direction" value=direction/>
                <input type="hidden" name="back" value=back.to_string()/>
                <button type="submit" class="icon-button" aria-label=format!("{label}: {title}")>{symbol}</button>
            </form>
        }
    };
    let up = (!first).then(|| move_button("up", "Move up", "↑"));
    let down = (!last).then(|| move_button("down", "Move down", "↓"));
    let named = format!(" “{title}”");
    let heading = if top_level {
        Either::Left(view! { <h3 class="activity__title">{title.clone()}</h3> })
    } else {
        Either::Right(view! { <h4 class="activity__title">{title.clone()}</h4> })
    };
    view! {
        <li class="activity" id=format!("activity-{id}")>
            <p class="activity__time">{time}</p>
            <div class="activity__body">
                {heading}
                <p class="activity__meta">
                    <span class=category.tag_class()>{category.label()}</span>
                    {place.map(|place| view! { <span class="activity__place">{place}</span> })}
                </p>
                {description.map(|text| view! { <p class="activity__description prewrap">{text}</p> })}
            </div>
            <p class="activity__cost">{cost}</p>
            <div class="activity__actions">
                {up}
                {down}
                <a class="button button--small button--ghost" href=edit_url>"Edit"<span class="visually-hidden">{named.clone()}</span></a>
                <a class="button button--small button--ghost" href=delete_url
                    data-delete-activity=id.clone() data-title=title>
                    "Delete"<span class="visually-hidden">{named}</span>
                </a>
            </div>
        </li>
    }
}

/// One day on its own page, with the days before and after.
#[component]
pub fn DayPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let date = Memo::new(move |_| {
        params
            .read()
            .get("date")
            .and_then(|d| crate::trips::types::parse_date(&d))
    });
    let plan = Resource::new(move || id.get(), get_trip_plan);
    view! {
        <crate::auth::pages::RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading the day…"</p> }>
                {move || Suspend::new(async move {
                    let plan = match plan.await {
                        Ok(plan) => plan,
                        Err(error) => return not_found_or(error),
                    };
                    let Some(date) = date.get() else { return view! { <NotFound/> }.into_any() };
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
                        <DaysView plan=single back top_level=true/>
                    }.into_any()
                })}
            </Transition>
        </crate::auth::pages::RequireUser>
    }
}

fn category_options() -> OptionGroups {
    vec![(
        String::new(),
        Category::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), c.label().to_string()))
            .collect(),
    )]
}

fn day_options(trip: &Trip) -> OptionGroups {
    let days = trip
        .start_date
        .iter_days()
        .take_while(|d| *d <= trip.end_date)
        .enumerate()
        .map(|(i, d)| (d.to_string(), format!("Day {} · {}", i + 1, format_date(d))))
        .collect();
    vec![(String::new(), days)]
}

/// The activity's fields, filled with `initial` (or what was typed, when the form comes back).
#[component]
fn ActivityFields(trip: Trip, initial: ActivityInput, errors: Signal<FormErrors>) -> impl IntoView {
    let cost_hint = match currency(&trip.currency) {
        Some(c) if c.exponent == 0 => "In the trip’s currency, in whole units, e.g. 2500.",
        _ => "In the trip’s currency, e.g. 25.50.",
    };
    view! {
        <FormAlert errors/>
        <Field label="Title" name="title" maxlength=super::types::TITLE_MAX initial=initial.title errors
            hint="For example “Tram 28 to Alfama”."/>
        <SelectField label="Day" name="day" options=day_options(&trip)
            initial=Signal::stored(initial.day) errors/>
        <div class="field-row">
            <Field label="Starts at (optional)" name="start_time" kind="time" required=false
                initial=initial.start_time errors/>
            <Field label="Ends at (optional)" name="end_time" kind="time" required=false
                initial=initial.end_time errors hint="Earlier than the start: it ends the next day."/>
        </div>
        <SelectField label="Kind" name="category" options=category_options()
            initial=Signal::stored(initial.category) errors/>
        <Field label="Place (optional)" name="location" required=false
            maxlength=super::types::LOCATION_MAX initial=initial.location errors/>
        <Field label="Cost (optional)" name="cost" inputmode="decimal" required=false
            initial=initial.cost errors hint=cost_hint/>
        <TextArea label="Notes (optional)" name="description"
            maxlength=super::types::DESCRIPTION_MAX initial=initial.description errors/>
        <details class="coordinates">
            <summary>"Map position (optional)"</summary>
            <div class="field-row">
                <Field label="Latitude" name="latitude" inputmode="decimal" required=false
                    initial=initial.latitude errors/>
                <Field label="Longitude" name="longitude" inputmode="decimal" required=false
                    initial=initial.longitude errors/>
            </div>
        </details>
    }
}

#[component]
pub fn NewActivityPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let trip = Resource::new(move || id.get(), get_trip);
    let action = ServerAction::<CreateActivity>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Add an activity"/>
        <crate::auth::pages::RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let trip = match trip.await {
                        Ok(trip) => trip,
                        Err(error) => return not_found_or(error),
                    };
                    let day = query
                        .read_untracked()
                        .get("day")
                        .and_then(|d| crate::trips::types::parse_date(&d))
                        .filter(|d| *d >= trip.start_date && *d <= trip.end_date)
                        .unwrap_or(trip.start_date);
                    let initial = ActivityInput {
                        day: day.to_string(),
                        category: Category::Sight.as_str().to_string(),
                        ..ActivityInput::default()
                    };
                    let back = format!("/trips/{}#day-{day}", trip.id);
                    view! {
                        <section class="form-page" aria-labelledby="new-activity-heading">
                            <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
                            <h1 id="new-activity-heading">"Add an activity"</h1>
                            <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                                <input type="hidden" name="trip_id" value=trip.id.clone()/>
                                <ActivityFields trip initial errors/>
                                <div class="form__actions">
                                    <button class="button" type="submit" disabled=move || action.pending().get()>"Add activity"</button>
                                    <a class="button button--ghost" href=back>"Cancel"</a>
                                </div>
                            </ActionForm>
                        </section>
                    }.into_any()
                })}
            </Transition>
        </crate::auth::pages::RequireUser>
    }
}

/// The `{activity}` in the URL.
fn activity_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("activity").unwrap_or_default())
}

#[component]
pub fn EditActivityPage() -> impl IntoView {
    let id = activity_id();
    let found = Resource::new(move || id.get(), get_activity);
    let action = ServerAction::<UpdateActivity>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="Edit activity"/>
        <crate::auth::pages::RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let found = match found.await {
                        Ok(found) => found,
                        Err(error) => return not_found_or(error),
                    };
                    let (trip, activity) = (found.trip, found.activity);
                    let exponent = currency(&trip.currency).map_or(2, |c| c.exponent);
                    let mut initial = activity.to_input();
                    if activity.cost_minor > 0 {
                        initial.cost = crate::reference::amount_for_input(activity.cost_minor, exponent);
                    }
                    let back = format!("/trips/{}#day-{}", trip.id, activity.day);
                    view! {
                        <section class="form-page" aria-labelledby="edit-activity-heading">
                            <p class="back-link"><a href=back.clone()>{format!("← {}", trip.name)}</a></p>
                            <h1 id="edit-activity-heading">"Edit activity"</h1>
                            <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                                <input type="hidden" name="id" value=activity.id.clone()/>
                                <ActivityFields trip initial errors/>
                                <div class="form__actions">
                                    <button class="button" type="submit" disabled=move || action.pending().get()>"Save activity"</button>
                                    <a class="button button--ghost" href=back>"Cancel"</a>
                                </div>
                            </ActionForm>
                        </section>
                    }.into_any()
                })}
            </Transition>
        </crate::auth::pages::RequireUser>
    }
}

#[component]
pub fn DeleteActivityPage() -> impl IntoView {
    let id = activity_id();
    let found = Resource::new(move || id.get(), get_activity);
    let action = ServerAction::<DeleteActivity>::new();
    view! {
        <Title text="Delete activity"/>
        <crate::auth::pages::RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let found = match found.await {
                        Ok(found) => found,
                        Err(error) => return not_found_or(error),
                    };
                    let (trip, activity) = (found.trip, found.activity);
                    let back = format!("/trips/{}#day-{}", trip.id, activity.day);
                    view! {
                        <section class="confirm" aria-labelledby="delete-activity-page-heading">
                            <h1 id="delete-activity-page-heading">{format!("Delete “{}”?", activity.title)}</h1>
                            <p>{format!("It will be removed from {} in “{}”. This can’t be undone.", format_date(activity.day), trip.name)}</p>
                            {move || action.value().get().and_then(Result::err).map(|error| view! {
                                <p class="form-alert" role="alert">{error.to_string()}</p>
                            })}
                            <ActionForm action attr:class="confirm__actions">
                                <input type="hidden" name="id" value=activity.id.clone()/>
                                <button type="submit" class="button button--danger">"Delete activity"</button>
                                <a class="button button--secondary" href=back>"Keep it"</a>
                            </ActionForm>
                        </section>
                    }.into_any()
                })}
            </Transition>
        </crate::auth::pages::RequireUser>
    }
}
