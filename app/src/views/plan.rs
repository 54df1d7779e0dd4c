//! A trip's plan on a page: the budget, and the days with their activities.

use chrono::NaiveDate;
use domain::{
    calendar::iso_date,
    itinerary::model::{Activity, BudgetSummary, DayPlan, TripPlan},
    trips::model::Trip,
};
use i18n::{Language, tr};
use islands::DeleteActivityDialog;
use leptos::{either::Either, prelude::*, server_fn::ServerFn};

use crate::{
    actions::itinerary::MoveActivity,
    context::lang,
    format::{category_class, category_label, day_date, money, time_range, warning_message},
    links::{id_text, join},
    views::{
        map::{PlanExtras, leg_line, marker_number},
        weather::weather_line,
    },
};

/// `Day 2 · Wed 4 Mar 2027`.
pub fn day_heading(l: Language, day: &DayPlan) -> String {
    tr!(
        l,
        "plan-day-heading",
        number = day.number,
        date = day_date(l, day.date)
    )
}

/// Sticky links to each day, so any day is one tap away.
#[component]
pub fn DayLinks(days: Vec<NaiveDate>) -> impl IntoView {
    let l = lang();
    let links = days
        .into_iter()
        .enumerate()
        .map(|(index, date)| {
            view! {
                <li><a href=join(&["#day-", &iso_date(date)])>{tr!(l, "plan-day-link", number = index + 1)}</a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="day-nav" aria-label=tr!(l, "plan-days-label")>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
pub fn BudgetView(summary: BudgetSummary, currency_code: String) -> impl IntoView {
    let l = lang();
    let amount = |minor: i64| money(l, minor, &currency_code);
    let planned = amount(summary.planned_minor);
    let (remaining_label, remaining, over) = match summary.remaining_minor {
        Some(left) if left < 0 => (tr!(l, "plan-budget-over"), Some(amount(-left)), true),
        Some(left) => (tr!(l, "plan-budget-remaining"), Some(amount(left)), false),
        None => (tr!(l, "plan-budget-remaining"), None, false),
    };
    let meter = summary.budget_minor.filter(|b| *b > 0).map(|budget| {
        view! {
            <meter class="budget__meter" min="0" max=budget.to_string()
                value=summary.planned_minor.min(budget).to_string()
                aria-label=tr!(l, "plan-budget-meter")></meter>
        }
    });
    let categories = summary
        .by_category
        .iter()
        .map(|(category, minor)| {
            view! { <tr><th scope="row">{category_label(l, *category)}</th><td>{amount(*minor)}</td></tr> }
        })
        .collect_view();
    let has_categories = !summary.by_category.is_empty();
    let daily = summary.daily_budget_minor.map(amount);
    view! {
        <section class="budget" aria-labelledby="budget-heading">
            <h2 id="budget-heading" class="section-title">{tr!(l, "plan-budget")}</h2>
            <dl class="overview budget__totals">
                <div>
                    <dt>{tr!(l, "plan-budget")}</dt>
                    <dd>{summary.budget_minor.map(amount).unwrap_or_else(|| tr!(l, "plan-budget-not-set"))}</dd>
                </div>
                <div>
                    <dt>{tr!(l, "plan-budget-planned")}</dt>
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
            {daily.map(|daily| view! { <p class="muted">{tr!(l, "plan-budget-daily", amount = daily)}</p> })}
            {has_categories.then(|| view! {
                <table class="budget__table">
                    <caption>{tr!(l, "plan-budget-by-kind")}</caption>
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
    /// Without the controls that change the plan (a viewer, a share link).
    #[prop(optional)]
    read_only: bool,
    /// Seen through a share link: no links to the members' own pages.
    #[prop(optional)]
    public: bool,
    /// Marker numbers, the ways between places and the weather (none without places).
    #[prop(optional)]
    extras: PlanExtras,
    /// Whether the site has a place search (then each day links to it).
    #[prop(optional)]
    place_search: bool,
) -> impl IntoView {
    let l = lang();
    let trip = plan.trip;
    let daily = plan
        .summary
        .daily_budget_minor
        .map(|minor| money(l, minor, &trip.currency));
    let days = plan
        .days
        .into_iter()
        .map(|day| {
            day_view(
                l,
                day,
                &trip,
                daily.as_deref(),
                &back,
                (top_level, read_only, public),
                &extras,
                place_search,
            )
        })
        .collect_view();
    view! {
        <div class="days">{days}</div>
        {(!read_only).then(|| view! { <DeleteActivityDialog words=islands::words(&[tr!(l, "island-delete-activity-heading", title = "{title}"), tr!(l, "island-delete-activity-text"), tr!(l, "island-delete-activity-cancel"), tr!(l, "island-delete-activity-submit")])/> })}
    }
}

/// One day of the plan. A plain function rather than a component: it runs for every day on
/// the page's hot path and needs none of a component's machinery.
#[allow(clippy::too_many_arguments)]
fn day_view(
    l: Language,
    day: DayPlan,
    trip: &Trip,
    daily: Option<&str>,
    back: &str,
    (top_level, read_only, public): (bool, bool, bool),
    extras: &PlanExtras,
    place_search: bool,
) -> impl IntoView + use<> {
    let (trip_id, date) = (id_text(trip.id), iso_date(day.date));
    let (trip_id, date) = (trip_id.as_str(), date.as_str());
    let heading_id = join(&["day-", date, "-heading"]);
    let heading = day_heading(l, &day);
    let labelled_by = heading_id.clone();
    let add_url = join(&["/trips/", trip_id, "/activities/new?day=", date]);
    let find_url =
        place_search.then(|| join(&["/trips/", trip_id, "/places?return=new&day=", date]));
    let section_id = join(&["day-", date]);
    let day_url = (!public).then(|| join(&["/trips/", trip_id, "/days/", date]));
    let weather = extras
        .weather
        .get(&day.date)
        .map(|(weather, place)| weather_line(l, weather, place.clone()));
    let cost = (day.cost_minor > 0).then(|| money(l, day.cost_minor, &trip.currency));
    let warnings = day
        .warnings
        .iter()
        .map(|warning| view! { <li>{warning_message(l, warning, daily)}</li> })
        .collect_view();
    let has_warnings = !day.warnings.is_empty();
    let count = day.activities.len();
    let items = day
        .activities
        .into_iter()
        .enumerate()
        .map(|(index, activity)| {
            activity_item(
                l,
                activity,
                trip,
                (index == 0, index + 1 == count),
                back,
                (top_level, read_only),
                extras,
            )
        })
        .collect_view();
    view! {
        <section class="day" id=section_id aria-labelledby=labelled_by>
            <header class="day__head">
                {
                    let link = match day_url {
                        None => Either::Left(heading),
                        Some(url) => Either::Right(view! { <a href=url>{heading}</a> }),
                    };
                    if top_level {
                        view! { <h2 id=heading_id>{link}</h2> }.into_any()
                    } else {
                        view! { <h3 id=heading_id>{link}</h3> }.into_any()
                    }
                }
                {cost.map(|cost| view! { <span class="day__cost">{cost}</span> })}
            </header>
            {weather}
            {has_warnings.then(|| view! { <ul class="day__warnings">{warnings}</ul> })}
            {if count == 0 {
                view! { <p class="muted day__empty">{tr!(l, "plan-day-empty")}</p> }.into_any()
            } else {
                view! { <ol class="activities">{items}</ol> }.into_any()
            }}
            {(!read_only).then(|| view! {
                <p class="day__add">
                    <a class="button button--small button--secondary" href=add_url>{tr!(l, "plan-add-activity")}</a>
                    {find_url.map(|url| view! {
                        <a class="button button--small button--ghost" href=url>{tr!(l, "plan-find-place")}</a>
                    })}
                </p>
            })}
        </section>
    }
}

/// One activity with its move, edit and delete controls; `(first, last)` say which moves make
/// sense. A plain function, like [`day_view`]. The move buttons are plain forms posting to the
/// server function: pages are server-rendered, so the browser's own submission is the action.
fn activity_item(
    l: Language,
    activity: Activity,
    trip: &Trip,
    (first, last): (bool, bool),
    back: &str,
    (top_level, read_only): (bool, bool),
    extras: &PlanExtras,
) -> impl IntoView + use<> {
    let time = time_range(l, &activity).unwrap_or_else(|| tr!(l, "plan-any-time"));
    let Activity {
        id,
        title,
        location,
        description,
        category,
        cost_minor,
        place_name,
        place_address,
        ..
    } = activity;
    let cost = (cost_minor > 0).then(|| money(l, cost_minor, &trip.currency));
    let place = if place_name.is_empty() {
        (!location.is_empty()).then_some(location)
    } else {
        Some(place_name)
    };
    let address = (!place_address.is_empty()).then_some(place_address);
    let number = extras
        .numbers
        .get(&id)
        .map(|(number, day)| marker_number(l, *number, *day));
    let leg = extras.legs.get(&id).map(|leg| leg_line(l, leg));
    let description = (!description.is_empty()).then_some(description);
    let (trip_text, activity_text) = (id_text(trip.id), id_text(id));
    let (trip_id, id) = (trip_text.as_str(), activity_text.as_str());
    let edit_url = join(&["/trips/", trip_id, "/activities/", id, "/edit"]);
    let delete_url = join(&["/trips/", trip_id, "/activities/", id, "/delete"]);
    let item_id = join(&["activity-", id]);
    let move_button = |direction: &'static str, label: String, symbol: &'static str| {
        view! {
            <form action=MoveActivity::url() method="post" class="inline-form">
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="direction" value=direction/>
                <input type="hidden" name="back" value=back.to_string()/>
                <button type="submit" class="icon-button" aria-label=label>{symbol}</button>
            </form>
        }
    };
    let up =
        (!first).then(|| move_button("up", tr!(l, "plan-move-up", title = title.as_str()), "↑"));
    let down = (!last).then(|| {
        move_button(
            "down",
            tr!(l, "plan-move-down", title = title.as_str()),
            "↓",
        )
    });
    let named = join(&[" ", &tr!(l, "plan-quoted", title = title.as_str())]);
    let heading = if top_level {
        Either::Left(view! { <h3 class="activity__title">{title.clone()}</h3> })
    } else {
        Either::Right(view! { <h4 class="activity__title">{title.clone()}</h4> })
    };
    view! {
        <li class="activity" id=item_id>
            {leg}
            <p class="activity__time">{time}</p>
            <div class="activity__body">
                <div class="activity__heading">{number}{heading}</div>
                <p class="activity__meta">
                    <span class=category_class(category)>{category_label(l, category)}</span>
                    {place.map(|place| view! { <span class="activity__place">{place}</span> })}
                    {address.map(|address| view! { <span class="activity__address">{address}</span> })}
                </p>
                {description.map(|text| view! { <p class="activity__description prewrap">{text}</p> })}
            </div>
            <p class="activity__cost">{cost}</p>
            {(!read_only).then(|| view! {
                <div class="activity__actions">
                    {up}
                    {down}
                    <a class="button button--small button--ghost" href=edit_url>{tr!(l, "plan-edit")}<span class="visually-hidden">{named.clone()}</span></a>
                    <a class="button button--small button--ghost" href=delete_url
                        data-delete-activity=id.to_string() data-title=title>
                        {tr!(l, "plan-delete")}<span class="visually-hidden">{named}</span>
                    </a>
                </div>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_headings_name_the_weekday() {
        let day = DayPlan {
            date: NaiveDate::from_ymd_opt(2027, 3, 4).unwrap_or_default(),
            number: 2,
            activities: Vec::new(),
            cost_minor: 0,
            warnings: Vec::new(),
        };
        assert_eq!(day_heading(Language::En, &day), "Day 2 · Thu 4 Mar 2027");
        assert_eq!(day_heading(Language::De, &day), "Tag 2 · Do., 4. März 2027");
        assert_eq!(day_heading(Language::Fr, &day), "Jour 2 · jeu. 4 mars 2027");
    }
}
