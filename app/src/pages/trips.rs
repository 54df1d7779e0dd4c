//! The trips list: tabs, filters from the query string, cards and pages.

use domain::{
    access::Role,
    members::Invited,
    trips::model::{Sort, Status, Timing, TripCard, TripList, TripQuery, Whose},
};
use i18n::{Language, tr};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::{
    actions::{
        members::{AnswerInvitation, my_invitations},
        trips::list_trips,
    },
    context::lang,
    format::{dates_and_length, format_range, money, timing_class, timing_label},
    icons::{CalendarIcon, PinIcon, WalletIcon},
    links::{id_text, join},
    scaffold::{Loaded, resource},
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
    let list = resource(move || query.get(), list_trips);
    let invitations = resource(|| (), |()| my_invitations());
    let l = lang();
    view! {
        <Title text=tr!(l, "trips-title")/>
        <section class="trips" aria-labelledby="trips-heading">
            <div class="page-head">
                <h1 id="trips-heading">{tr!(l, "trips-title")}</h1>
                <a class="button" href="/trips/new">{tr!(l, "trips-new")}</a>
            </div>
            <Loaded data=invitations render=|list| view! { <InvitationsView invitations=list/> }/>
            <StatusTabs query/>
            <Filters query/>
            <Loaded data=list loading=tr!(l, "trips-loading") render=move |list| view! {
                <Results list query=query.get_untracked()/>
            }/>
        </section>
    }
}

#[component]
fn StatusTabs(query: Memo<TripQuery>) -> impl IntoView {
    let l = lang();
    let tab = move |status: Status, label: String| {
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
        <nav class="tabs" aria-label=tr!(l, "trips-tabs")>
            <ul>
                {tab(Status::Upcoming, tr!(l, "status-upcoming"))}
                {tab(Status::Past, tr!(l, "status-past"))}
                {tab(Status::All, tr!(l, "status-all"))}
            </ul>
        </nav>
    }
}

/// Search, dates and order: a GET form, so the results have a link of their own.
#[component]
fn Filters(query: Memo<TripQuery>) -> impl IntoView {
    let l = lang();
    let date = |date: Option<chrono::NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let q = move || query.get().q;
    let from = move || date(query.get().from);
    let to = move || date(query.get().to);
    let status = move || <&str>::from(query.get().status);
    let clear = move || list_url(&TripQuery::default().with_status(query.get().status));
    let sort_option = move |value: Sort, label: String| {
        view! {
            <option value={<&str>::from(value)} selected=move || query.get().sort == value>{label}</option>
        }
    };
    let whose_option = move |value: Whose, label: String| {
        view! {
            <option value={<&str>::from(value)} selected=move || query.get().whose == value>{label}</option>
        }
    };
    view! {
        <Form method="GET" action="/trips" attr:class="filters" attr:role="search" attr:aria-label=tr!(l, "filters-label")>
            <input type="hidden" name="status" value=status/>
            <div class="field filters__search">
                <label for="filter-q">{tr!(l, "filter-search")}</label>
                <input id="filter-q" type="search" name="q" placeholder=tr!(l, "filter-search-placeholder")
                    maxlength="100" value=q/>
            </div>
            <div class="field">
                <label for="filter-from">{tr!(l, "filter-from")}</label>
                <input id="filter-from" type="date" name="from" value=from/>
            </div>
            <div class="field">
                <label for="filter-to">{tr!(l, "filter-to")}</label>
                <input id="filter-to" type="date" name="to" value=to/>
            </div>
            <div class="field">
                <label for="filter-whose">{tr!(l, "filter-whose")}</label>
                <select id="filter-whose" name="whose">
                    {whose_option(Whose::All, tr!(l, "whose-all"))}
                    {whose_option(Whose::Mine, tr!(l, "whose-mine"))}
                    {whose_option(Whose::Shared, tr!(l, "whose-shared"))}
                </select>
            </div>
            <div class="field">
                <label for="filter-sort">{tr!(l, "filter-sort")}</label>
                <select id="filter-sort" name="sort">
                    {sort_option(Sort::Start, tr!(l, "sort-start"))}
                    {sort_option(Sort::Name, tr!(l, "sort-name"))}
                    {sort_option(Sort::Updated, tr!(l, "sort-updated"))}
                </select>
            </div>
            <div class="filters__actions">
                <button class="button button--secondary" type="submit">{tr!(l, "filters-apply")}</button>
                <a class="button button--ghost" href=clear>{tr!(l, "filters-clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn Results(list: TripList, query: TripQuery) -> impl IntoView {
    let l = lang();
    let heading = match query.status {
        Status::Upcoming => tr!(l, "status-upcoming"),
        Status::Past => tr!(l, "status-past"),
        Status::All => tr!(l, "trips-all"),
    };
    let today = list.today;
    let empty = if list.trips.is_empty() {
        Some(empty_state(l, &list, &query))
    } else {
        None
    };
    let count = tr!(l, "trip-count", count = list.total);
    let summary = if list.pages > 1 {
        let page = tr!(l, "trips-page-of", page = list.page, pages = list.pages);
        format!("{count} · {page}")
    } else {
        count
    };
    let cards = list
        .trips
        .into_iter()
        .map(|trip| view! { <TripCardView trip today l/> })
        .collect_view();
    let past = (!list.recent_past.is_empty()).then(|| {
        let past_url = list_url(&query.with_status(Status::Past));
        let cards = list
            .recent_past
            .into_iter()
            .map(|trip| view! { <TripCardView trip today l/> })
            .collect_view();
        view! {
            <section class="trip-section" aria-labelledby="past-heading">
                <h2 id="past-heading" class="section-title">{tr!(l, "trips-recent-past")}</h2>
                <ul class="trip-grid">{cards}</ul>
                <p><a href=past_url>{tr!(l, "trips-see-past")}</a></p>
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

fn empty_state(l: Language, list: &TripList, query: &TripQuery) -> AnyView {
    if !list.has_any {
        return view! {
            <div class="empty-state">
                <p class="empty-state__title">{tr!(l, "trips-empty-title")}</p>
                <p>{tr!(l, "trips-empty-text")}</p>
                <a class="button" href="/trips/new">{tr!(l, "trips-empty-first")}</a>
            </div>
        }
        .into_any();
    }
    if list.page > list.pages && list.total > 0 {
        let first = list_url(&query.with_page(1));
        return view! {
            <div class="empty-state">
                <p>{tr!(l, "trips-empty-page", page = list.page)}</p>
                <a href=first>{tr!(l, "trips-first-page")}</a>
            </div>
        }
        .into_any();
    }
    if query.is_filtered() {
        let clear = list_url(&TripQuery::default().with_status(query.status));
        return view! {
            <div class="empty-state">
                <p>{tr!(l, "trips-no-match")}</p>
                <a class="button button--secondary" href=clear>{tr!(l, "trips-clear-filters")}</a>
            </div>
        }
        .into_any();
    }
    let message = match query.status {
        Status::Upcoming => tr!(l, "trips-none-upcoming"),
        Status::Past => tr!(l, "trips-none-past"),
        Status::All => tr!(l, "trips-none"),
    };
    view! {
        <div class="empty-state">
            <p>{message}</p>
            <a class="button" href="/trips/new">{tr!(l, "trips-plan")}</a>
        </div>
    }
    .into_any()
}

#[component]
fn TripCardView(trip: TripCard, today: chrono::NaiveDate, l: Language) -> impl IntoView {
    let timing = Timing::of(trip.start_date, trip.end_date, today);
    let budget = trip
        .budget_minor
        .map(|minor| money(l, minor, &trip.currency));
    let shared = trip.owner_name.clone().map(|owner| {
        let role = match trip.role {
            Role::Owner => "owner",
            Role::Editor => "editor",
            Role::Viewer => "viewer",
        };
        view! {
            <p class="trip-card__shared">
                <span>{tr!(l, "card-owner", owner = owner)}</span>
                <span class=format!("role-badge role-badge--{role}")>{if trip.role == Role::Editor { tr!(l, "card-you-editor") } else { tr!(l, "card-you-viewer") }}</span>
            </p>
        }
    });
    view! {
        <li>
            <article class="trip-card">
                <h3 class="trip-card__title"><a href=join(&["/trips/", id_text(trip.id).as_str()])>{trip.name}</a></h3>
                {shared}
                <p class="trip-card__line"><PinIcon/>{trip.destination}</p>
                <p class="trip-card__line">
                    <CalendarIcon/>
                    {dates_and_length(l, trip.start_date, trip.end_date)}
                </p>
                <p class="trip-card__meta">
                    <span class=timing_class(timing)>{timing_label(l, timing)}</span>
                    {budget.map(|budget| view! { <span class="trip-card__budget"><WalletIcon/>{budget}</span> })}
                </p>
            </article>
        </li>
    }
}

/// Invitations waiting for the traveler's answer, above the list.
#[component]
fn InvitationsView(invitations: Vec<Invited>) -> impl IntoView {
    let l = lang();
    (!invitations.is_empty()).then(|| {
        let items = invitations
            .into_iter()
            .map(|invited| {
                let id = invited.id.to_string();
                let role = if invited.role == Role::Editor { tr!(l, "invitation-as-editor") } else { tr!(l, "invitation-as-viewer") };
                let dates = format_range(l, invited.start_date, invited.end_date);
                let answer = |value: &'static str, label: String, class: &'static str| {
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
                            <p class="invitation__title">{tr!(l, "invitation-from", inviter = invited.invited_by.as_str(), trip = invited.trip_name.as_str())}</p>
                            <p class="muted">{format!("{} · {dates} · {role}", invited.destination)}</p>
                        </div>
                        <div class="invitation__actions">
                            {answer("accept", tr!(l, "invitation-join"), "button button--small")}
                            {answer("decline", tr!(l, "invitation-decline"), "button button--small button--ghost")}
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="invitations" aria-labelledby="invitations-heading">
                <h2 id="invitations-heading" class="section-title">{tr!(l, "invitations-title")}</h2>
                <ul class="invitation-list">{items}</ul>
            </section>
        }
    })
}

#[component]
fn Pagination(query: TripQuery, page: u64, pages: u64) -> impl IntoView {
    let l = lang();
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| list_url(&query.with_page(page.min(pages + 1) - 1)));
        let next = (page < pages).then(|| list_url(&query.with_page(page + 1)));
        view! {
            <nav class="pagination" aria-label=tr!(l, "pages-label")>
                {match previous {
                    Some(url) => view! { <a class="button button--secondary" href=url rel="prev">{tr!(l, "page-previous")}</a> }.into_any(),
                    None => view! { <span></span> }.into_any(),
                }}
                <span class="muted">{tr!(l, "page-of", page = page.min(pages), pages = pages)}</span>
                {match next {
                    Some(url) => view! { <a class="button button--secondary" href=url rel="next">{tr!(l, "page-next")}</a> }.into_any(),
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
