//! The trips list: tabs, filters from the query string, cards and pages.

use domain::{
    access::Role,
    members::Invited,
    reference::format_money,
    trips::model::{Sort, Status, Timing, TripCard, TripList, TripQuery, Whose},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    actions::{
        members::{AnswerInvitation, my_invitations},
        trips::list_trips,
    },
    format::{format_length, format_range, timing_class, timing_label},
    icons::{CalendarIcon, PinIcon, WalletIcon},
    scaffold::Loaded,
};

/// The list's address for `query`, leaving defaults out (`/trips?status=past&q=…`).
fn list_url(query: &TripQuery) -> String {
    let mut pairs = form_urlencoded::Serializer::new(String::new());
    if query.status != Status::default() {
        pairs.append_pair("status", query.status.into());
    }
    if !query.q.is_empty() {
        pairs.append_pair("q", &query.q);
    }
    if let Some(from) = query.from {
        pairs.append_pair("from", &from.to_string());
    }
    if let Some(to) = query.to {
        pairs.append_pair("to", &to.to_string());
    }
    if query.sort != Sort::default() {
        pairs.append_pair("sort", query.sort.into());
    }
    if query.whose != Whose::default() {
        pairs.append_pair("whose", query.whose.into());
    }
    if query.page > 1 {
        pairs.append_pair("page", &query.page.to_string());
    }
    match pairs.finish() {
        pairs if pairs.is_empty() => "/trips".to_string(),
        pairs => format!("/trips?{pairs}"),
    }
}

#[component]
pub fn TripsPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        TripQuery::from_params(|key| params.get(key))
    });
    let list = Resource::new(move || query.get(), list_trips);
    let invitations = Resource::new(|| (), |()| my_invitations());
    view! {
        <Title text="Your trips"/>
        <section class="trips" aria-labelledby="trips-heading">
            <div class="page-head">
                <h1 id="trips-heading">"Your trips"</h1>
                <a class="button" href="/trips/new">"New trip"</a>
            </div>
            <Loaded data=invitations render=|list| view! { <InvitationsView invitations=list/> }/>
            <StatusTabs query/>
            <Filters query/>
            <Loaded data=list loading="Loading your trips…" render=move |list| view! {
                <Results list query=query.get_untracked()/>
            }/>
        </section>
    }
}

#[component]
fn StatusTabs(query: Memo<TripQuery>) -> impl IntoView {
    let tab = move |status: Status, label: &'static str| {
        view! {
            <li>
                <a
                    class="tab"
                    href=move || list_url(&query.get().with_status(status))
                    aria-current=move || (query.get().status == status).then_some("page")
                >{label}</a>
            </li>
        }
    };
    view! {
        <nav class="tabs" aria-label="Which trips">
            <ul>
                {tab(Status::Upcoming, "Upcoming")}
                {tab(Status::Past, "Past")}
                {tab(Status::All, "All")}
            </ul>
        </nav>
    }
}

/// Search, dates and order: a GET form, so the results have a link of their own.
#[component]
fn Filters(query: Memo<TripQuery>) -> impl IntoView {
    let date = |date: Option<chrono::NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let q = move || query.get().q;
    let from = move || date(query.get().from);
    let to = move || date(query.get().to);
    let status = move || <&str>::from(query.get().status);
    let clear = move || list_url(&TripQuery::default().with_status(query.get().status));
    let sort_option = move |value: Sort, label: &'static str| {
        view! {
            <option value={<&str>::from(value)} selected=move || query.get().sort == value>{label}</option>
        }
    };
    let whose_option = move |value: Whose, label: &'static str| {
        view! {
            <option value={<&str>::from(value)} selected=move || query.get().whose == value>{label}</option>
        }
    };
    view! {
        <Form method="GET" action="/trips" attr:class="filters" attr:role="search" attr:aria-label="Find trips">
            <input type="hidden" name="status" value=status/>
            <div class="field filters__search">
                <label for="filter-q">"Search"</label>
                <input id="filter-q" type="search" name="q" placeholder="Name or destination"
                    maxlength="100" value=q/>
            </div>
            <div class="field">
                <label for="filter-from">"From"</label>
                <input id="filter-from" type="date" name="from" value=from/>
            </div>
            <div class="field">
                <label for="filter-to">"To"</label>
                <input id="filter-to" type="date" name="to" value=to/>
            </div>
            <div class="field">
                <label for="filter-whose">"Whose"</label>
                <select id="filter-whose" name="whose">
                    {whose_option(Whose::All, "All trips")}
                    {whose_option(Whose::Mine, "Mine")}
                    {whose_option(Whose::Shared, "Shared with me")}
                </select>
            </div>
            <div class="field">
                <label for="filter-sort">"Sort by"</label>
                <select id="filter-sort" name="sort">
                    {sort_option(Sort::Start, "Start date")}
                    {sort_option(Sort::Name, "Name")}
                    {sort_option(Sort::Updated, "Recently updated")}
                </select>
            </div>
            <div class="filters__actions">
                <button class="button button--secondary" type="submit">"Apply"</button>
                <a class="button button--ghost" href=clear>"Clear"</a>
            </div>
        </Form>
    }
}

fn trip_count(n: u64) -> String {
    match n {
        1 => "1 trip".to_string(),
        n => format!("{n} trips"),
    }
}

#[component]
fn Results(list: TripList, query: TripQuery) -> impl IntoView {
    let heading = match query.status {
        Status::Upcoming => "Upcoming",
        Status::Past => "Past",
        Status::All => "All trips",
    };
    let today = list.today;
    let empty = if list.trips.is_empty() {
        Some(empty_state(&list, &query))
    } else {
        None
    };
    let summary = if list.pages > 1 {
        format!(
            "{} · page {} of {}",
            trip_count(list.total),
            list.page,
            list.pages
        )
    } else {
        trip_count(list.total)
    };
    let cards = list
        .trips
        .into_iter()
        .map(|trip| view! { <TripCardView trip today/> })
        .collect_view();
    let past = (!list.recent_past.is_empty()).then(|| {
        let past_url = list_url(&query.with_status(Status::Past));
        let cards = list
            .recent_past
            .into_iter()
            .map(|trip| view! { <TripCardView trip today/> })
            .collect_view();
        view! {
            <section class="trip-section" aria-labelledby="past-heading">
                <h2 id="past-heading" class="section-title">"Recent past trips"</h2>
                <ul class="trip-grid">{cards}</ul>
                <p><a href=past_url>"See all past trips"</a></p>
            </section>
        }
    });
    view! {
        <section class="trip-section" aria-labelledby="results-heading">
            <h2 id="results-heading" class="section-title">
                {heading}
                {list.has_any.then(|| view! {
                    <span class="section-title__count" aria-live="polite">{summary}</span>
                })}
            </h2>
            {empty}
            <ul class="trip-grid">{cards}</ul>
            <Pagination query page=list.page pages=list.pages/>
        </section>
        {past}
    }
}

fn empty_state(list: &TripList, query: &TripQuery) -> AnyView {
    if !list.has_any {
        return view! {
            <div class="empty-state">
                <p class="empty-state__title">"No trips yet"</p>
                <p>"Start with where you’re going and when. You can add the day-by-day plan and the budget as you go."</p>
                <a class="button" href="/trips/new">"Plan your first trip"</a>
            </div>
        }
        .into_any();
    }
    if list.page > list.pages && list.total > 0 {
        let first = list_url(&query.with_page(1));
        return view! {
            <div class="empty-state">
                <p>{format!("There’s nothing on page {}.", list.page)}</p>
                <a href=first>"Go to the first page"</a>
            </div>
        }
        .into_any();
    }
    if query.is_filtered() {
        let clear = list_url(&TripQuery::default().with_status(query.status));
        return view! {
            <div class="empty-state">
                <p>"No trips match these filters."</p>
                <a class="button button--secondary" href=clear>"Clear the filters"</a>
            </div>
        }
        .into_any();
    }
    let message = match query.status {
        Status::Upcoming => "No upcoming trips. Where to next?",
        Status::Past => "No past trips yet.",
        Status::All => "No trips yet.",
    };
    view! {
        <div class="empty-state">
            <p>{message}</p>
            <a class="button" href="/trips/new">"Plan a trip"</a>
        </div>
    }
    .into_any()
}

#[component]
fn TripCardView(trip: TripCard, today: chrono::NaiveDate) -> impl IntoView {
    let timing = Timing::of(trip.start_date, trip.end_date, today);
    let budget = trip
        .budget_minor
        .map(|minor| format_money(minor, &trip.currency));
    let shared = trip.owner_name.clone().map(|owner| {
        let role = match trip.role {
            Role::Owner => "owner",
            Role::Editor => "editor",
            Role::Viewer => "viewer",
        };
        view! {
            <p class="trip-card__shared">
                <span>{format!("{owner}’s trip")}</span>
                <span class=format!("role-badge role-badge--{role}")>{format!("You’re {}", if trip.role == Role::Editor { "an editor" } else { "a viewer" })}</span>
            </p>
        }
    });
    view! {
        <li>
            <article class="trip-card">
                <h3 class="trip-card__title"><a href=format!("/trips/{}", trip.id)>{trip.name}</a></h3>
                {shared}
                <p class="trip-card__line"><PinIcon/>{trip.destination}</p>
                <p class="trip-card__line">
                    <CalendarIcon/>
                    {format_range(trip.start_date, trip.end_date)}
                    " · "
                    {format_length(trip.start_date, trip.end_date)}
                </p>
                <p class="trip-card__meta">
                    <span class=timing_class(timing)>{timing_label(timing)}</span>
                    {budget.map(|budget| view! { <span class="trip-card__budget"><WalletIcon/>{budget}</span> })}
                </p>
            </article>
        </li>
    }
}

/// Invitations waiting for the traveler's answer, above the list.
#[component]
fn InvitationsView(invitations: Vec<Invited>) -> impl IntoView {
    (!invitations.is_empty()).then(|| {
        let items = invitations
            .into_iter()
            .map(|invited| {
                let id = invited.id.to_string();
                let role = if invited.role == Role::Editor { "an editor" } else { "a viewer" };
                let answer = |value: &'static str, label: &'static str, class: &'static str| {
                    view! {
                        <form method="post" action=AnswerInvitation::url() class="inline-form">
                            <input type="hidden" name="invitation_id" value=id.clone()/>
                            <input type="hidden" name="answer" value=value/>
                            <button class=class type="submit">{label}<span class="visually-hidden">{format!(": {}", invited.trip_name)}</span></button>
                        </form>
                    }
                };
                view! {
                    <li class="invitation">
                        <div>
                            <p class="invitation__title">{format!("{} invited you to “{}”", invited.invited_by, invited.trip_name)}</p>
                            <p class="muted">{format!("{} · {} · as {role}", invited.destination, invited.dates)}</p>
                        </div>
                        <div class="invitation__actions">
                            {answer("accept", "Join", "button button--small")}
                            {answer("decline", "Decline", "button button--small button--ghost")}
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="invitations" aria-labelledby="invitations-heading">
                <h2 id="invitations-heading" class="section-title">"Invitations"</h2>
                <ul class="invitation-list">{items}</ul>
            </section>
        }
    })
}

#[component]
fn Pagination(query: TripQuery, page: u64, pages: u64) -> impl IntoView {
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| list_url(&query.with_page(page.min(pages + 1) - 1)));
        let next = (page < pages).then(|| list_url(&query.with_page(page + 1)));
        view! {
            <nav class="pagination" aria-label="Pages">
                {match previous {
                    Some(url) => view! { <a class="button button--secondary" href=url rel="prev">"← Previous"</a> }.into_any(),
                    None => view! { <span></span> }.into_any(),
                }}
                <span class="muted">{format!("Page {} of {pages}", page.min(pages))}</span>
                {match next {
                    Some(url) => view! { <a class="button button--secondary" href=url rel="next">"Next →"</a> }.into_any(),
                    None => view! { <span></span> }.into_any(),
                }}
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use domain::trips::model::{Sort, Status, TripQuery, Whose, parse_date};

    use super::list_url;

    #[test]
    fn the_list_address_holds_only_what_differs_from_the_defaults() {
        let query = TripQuery {
            status: Status::Past,
            q: "São Paulo & co".to_string(),
            from: parse_date("2026-01-01"),
            to: None,
            sort: Sort::Name,
            whose: Whose::Shared,
            page: 3,
        };
        assert_eq!(
            list_url(&query),
            "/trips?status=past&q=S%C3%A3o+Paulo+%26+co&from=2026-01-01&sort=name&whose=shared&page=3"
        );
        assert_eq!(
            list_url(&TripQuery {
                page: 1,
                ..TripQuery::default()
            }),
            "/trips"
        );
    }
}
