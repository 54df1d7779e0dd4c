//! The trips pages: the list, the trip, the form (new and edit) and the delete confirmation.
//! Every page renders whole on the server and every action is a real form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::Form,
    hooks::{use_params_map, use_query_map},
};

use super::{
    api::{CreateTrip, DeleteTrip, UpdateTrip, get_trip, list_trips, new_trip_defaults},
    form::TripFields,
    types::{
        Sort, Status, Timing, TripCard, TripInput, TripList, TripQuery, format_length, format_range,
    },
};
use crate::{
    auth::pages::RequireUser,
    forms::errors_of,
    icons::{CalendarIcon, PinIcon, WalletIcon},
    islands::{ConfirmLink, ZoneFromDevice},
    itinerary::{
        api::{TripPageContent, TripPlan, get_trip_page},
        pages::{BudgetView, DayLinks, DaysView},
    },
    not_found::not_found_or,
    reference::zone_label,
};

#[component]
pub fn TripsPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        TripQuery::from_params(|key| params.get(key))
    });
    let list = Resource::new(move || query.get(), list_trips);
    view! {
        <Title text="Your trips"/>
        <RequireUser>
            <section class="trips" aria-labelledby="trips-heading">
                <div class="page-head">
                    <h1 id="trips-heading">"Your trips"</h1>
                    <a class="button" href="/trips/new">"New trip"</a>
                </div>
                <StatusTabs query/>
                <Filters query/>
                <Transition fallback=|| view! { <p class="muted">"Loading your trips…"</p> }>
                    {move || Suspend::new(async move {
                        match list.await {
                            Ok(list) => view! { <Results list query=query.get_untracked()/> }.into_any(),
                            Err(error) => view! {
                                <p class="form-alert" role="alert">{error.to_string()}</p>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </RequireUser>
    }
}

#[component]
fn StatusTabs(query: Memo<TripQuery>) -> impl IntoView {
    let tab = move |status: Status, label: &'static str| {
        view! {
            <li>
                <a
                    class="tab"
                    href=move || query.get().with_status(status).to_url()
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
    let status = move || query.get().status.as_str();
    let clear = move || {
        TripQuery::default()
            .with_status(query.get().status)
            .to_url()
    };
    let sort_option = move |value: Sort, label: &'static str| {
        view! {
            <option value=value.as_str() selected=move || query.get().sort == value>{label}</option>
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
        let past_url = query.with_status(Status::Past).to_url();
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
        let first = query.with_page(1).to_url();
        return view! {
            <div class="empty-state">
                <p>{format!("There’s nothing on page {}.", list.page)}</p>
                <a href=first>"Go to the first page"</a>
            </div>
        }
        .into_any();
    }
    if query.is_filtered() {
        let clear = TripQuery::default().with_status(query.status).to_url();
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
    let budget = trip.budget_label();
    view! {
        <li>
            <article class="trip-card">
                <h3 class="trip-card__title"><a href=format!("/trips/{}", trip.id)>{trip.name}</a></h3>
                <p class="trip-card__line"><PinIcon/>{trip.destination}</p>
                <p class="trip-card__line">
                    <CalendarIcon/>
                    {format_range(trip.start_date, trip.end_date)}
                    " · "
                    {format_length(trip.start_date, trip.end_date)}
                </p>
                <p class="trip-card__meta">
                    <span class=timing.class()>{timing.label()}</span>
                    {budget.map(|budget| view! { <span class="trip-card__budget"><WalletIcon/>{budget}</span> })}
                </p>
            </article>
        </li>
    }
}

#[component]
fn Pagination(query: TripQuery, page: u64, pages: u64) -> impl IntoView {
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| query.with_page(page.min(pages + 1) - 1).to_url());
        let next = (page < pages).then(|| query.with_page(page + 1).to_url());
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

/// The `{id}` in the URL.
fn trip_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

#[component]
pub fn TripPage() -> impl IntoView {
    let id = trip_id();
    let page = Resource::new(move || id.get(), get_trip_page);
    view! {
        <RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading the trip…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(TripPageContent { name, html }) => view! {
                            <Title text=name/>
                            <article class="trip" aria-labelledby="trip-heading" inner_html=html/>
                        }
                        .into_any(),
                        Err(error) => not_found_or(error),
                    }
                })}
            </Transition>
        </RequireUser>
    }
}

/// The trip page's content as HTML. The server keeps it per revision of the trip (see
/// [`get_trip_page`]). Rendered under an owner of its own, as a page in islands mode is: the
/// islands inside need a render context, which a call to the server function from outside a
/// page (`POST /api/itinerary/page`) does not have, and nothing of the request's may leak into
/// HTML that is kept and served again.
pub fn render_overview(plan: TripPlan) -> String {
    let render = move || view! { <TripOverview plan/> }.to_html();
    #[cfg(feature = "ssr")]
    let render = move || {
        let outer = Owner::current();
        let context = hydration_context::SsrSharedContext::new_islands();
        let owner = Owner::new_root(Some(std::sync::Arc::new(context)));
        let html = render();
        // `new_root` made the new owner and its arena current (`Owner::with` would put back
        // only the owner): put back both, or the page's own rendering goes on without its arena.
        match outer {
            Some(outer) => outer.set(),
            None => owner.unset(),
        }
        html
    };
    render()
}

/// Everything inside the trip page's `<article>`. A function of the plan alone: no context,
/// no signals, nothing per visitor or request — it is rendered once and kept (see
/// [`get_trip_page`]).
#[component]
fn TripOverview(plan: TripPlan) -> impl IntoView {
    let trip = plan.trip.clone();
    let (area, place) = zone_label(&trip.time_zone);
    let zone = if area == "Other" {
        place
    } else {
        format!("{place} ({})", trip.time_zone)
    };
    let notes = (!trip.notes.is_empty()).then(|| {
        view! {
            <div class="overview__notes">
                <h2 class="section-title">"Notes"</h2>
                <p class="prewrap">{trip.notes.clone()}</p>
            </div>
        }
    });
    let edit_url = format!("/trips/{}/edit", trip.id);
    let delete_url = format!("/trips/{}/delete", trip.id);
    let (delete_id, delete_name) = (trip.id.clone(), trip.name.clone());
    view! {
        <p class="back-link"><a href="/trips">"← All trips"</a></p>
        <header class="page-head">
            <div>
                <h1 id="trip-heading">{trip.name.clone()}</h1>
                <p class="trip__destination"><PinIcon/>{trip.destination.clone()}</p>
            </div>
            <div class="page-head__actions">
                <a class="button button--secondary" href=edit_url>"Edit"</a>
                <ConfirmLink href=delete_url class="button button--danger".to_string() label="Delete".to_string()
                    heading="delete-dialog-heading".to_string()>
                    <DeleteDialog id=delete_id name=delete_name/>
                </ConfirmLink>
            </div>
        </header>
        <dl class="overview">
            <div>
                <dt><CalendarIcon/>"Dates"</dt>
                <dd>{format_range(trip.start_date, trip.end_date)}" · "{format_length(trip.start_date, trip.end_date)}</dd>
            </div>
            <div>
                <dt>"Time zone"</dt>
                <dd>{zone}</dd>
            </div>
        </dl>
        {notes}
        <BudgetView summary=plan.summary.clone() currency_code=trip.currency.clone()/>
        <section class="itinerary" aria-labelledby="itinerary-heading">
            <h2 id="itinerary-heading" class="section-title">"Day by day"</h2>
            <DayLinks days=plan.days.iter().map(|d| d.date).collect()/>
            <DaysView plan back=format!("/trips/{}", trip.id)/>
        </section>
    }
}

/// The delete confirmation as a dialog on the trip page (with JavaScript; the link opens a page
/// with the same question otherwise).
#[component]
fn DeleteDialog(id: String, name: String) -> impl IntoView {
    let action = ServerAction::<DeleteTrip>::new();
    view! {
        <h2 id="delete-dialog-heading">{format!("Delete “{name}”?")}</h2>
        <p>"This removes the trip and everything planned in it. It can’t be undone."</p>
        <ActionForm action attr:class="dialog__actions">
            <input type="hidden" name="id" value=id/>
            <button type="submit" formmethod="dialog" formnovalidate=true class="button button--secondary">"Cancel"</button>
            <button type="submit" class="button button--danger">"Delete trip"</button>
        </ActionForm>
    }
}

#[component]
pub fn DeleteTripPage() -> impl IntoView {
    let id = trip_id();
    let trip = Resource::new(move || id.get(), get_trip);
    let action = ServerAction::<DeleteTrip>::new();
    view! {
        <RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match trip.await {
                        Ok(trip) => view! {
                            <Title text=format!("Delete {}", trip.name)/>
                            <section class="confirm" aria-labelledby="delete-heading">
                                <h1 id="delete-heading">{format!("Delete “{}”?", trip.name)}</h1>
                                <p>"This removes the trip and everything planned in it. It can’t be undone."</p>
                                {move || action.value().get().and_then(Result::err).map(|error| view! {
                                    <p class="form-alert" role="alert">{error.to_string()}</p>
                                })}
                                <ActionForm action attr:class="confirm__actions">
                                    <input type="hidden" name="id" value=trip.id.clone()/>
                                    <button type="submit" class="button button--danger">"Delete trip"</button>
                                    <a class="button button--secondary" href=format!("/trips/{}", trip.id)>"Keep it"</a>
                                </ActionForm>
                            </section>
                        }.into_any(),
                        Err(error) => not_found_or(error),
                    }
                })}
            </Transition>
        </RequireUser>
    }
}

#[component]
pub fn NewTripPage() -> impl IntoView {
    let defaults = Resource::new(|| (), |()| new_trip_defaults());
    let action = ServerAction::<CreateTrip>::new();
    let errors = errors_of(action.value());
    view! {
        <Title text="New trip"/>
        <RequireUser>
            <section class="form-page" aria-labelledby="new-trip-heading">
                <p class="back-link"><a href="/trips">"← All trips"</a></p>
                <h1 id="new-trip-heading">"Plan a new trip"</h1>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        let defaults = match defaults.await {
                            Ok(defaults) => defaults,
                            Err(error) => return view! {
                                <p class="form-alert" role="alert">{error.to_string()}</p>
                            }.into_any(),
                        };
                        let zone = Signal::stored(defaults.time_zone.clone());
                        // A traveler without a home zone gets the one their device is set to
                        // (unless the form came back with what they chose).
                        let from_device = !defaults.zone_chosen && errors.get_untracked().values.is_empty();
                        let initial = TripInput {
                            time_zone: defaults.time_zone,
                            currency: defaults.currency,
                            ..TripInput::default()
                        };
                        view! {
                            <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                                <div class="form__fields">
                                    <ZoneFromDevice apply=from_device>
                                        <TripFields initial zone errors/>
                                    </ZoneFromDevice>
                                </div>
                                <div class="form__actions">
                                    <button class="button" type="submit">"Create trip"</button>
                                    <a class="button button--ghost" href="/trips">"Cancel"</a>
                                </div>
                            </ActionForm>
                        }.into_any()
                    })}
                </Transition>
            </section>
        </RequireUser>
    }
}

#[component]
pub fn EditTripPage() -> impl IntoView {
    let id = trip_id();
    let trip = Resource::new(move || id.get(), get_trip);
    let action = ServerAction::<UpdateTrip>::new();
    let errors = errors_of(action.value());
    view! {
        <RequireUser>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let trip = match trip.await {
                        Ok(trip) => trip,
                        Err(error) => return not_found_or(error),
                    };
                    let initial = trip.to_input();
                    let zone = Signal::stored(initial.time_zone.clone());
                    let back = format!("/trips/{}", trip.id);
                    view! {
                        <Title text=format!("Edit {}", trip.name)/>
                        <section class="form-page" aria-labelledby="edit-trip-heading">
                            <p class="back-link"><a href=back.clone()>"← Back to the trip"</a></p>
                            <h1 id="edit-trip-heading">"Edit trip"</h1>
                            <ActionForm action attr:class="form form--wide" attr:novalidate=true>
                                <input type="hidden" name="id" value=trip.id.clone()/>
                                <div class="form__fields">
                                    <TripFields initial zone errors/>
                                    <label class="checkbox">
                                        <input type="checkbox" name="shift_activities" value="on" checked=true/>
                                        "If the first day changes, move every planned activity by the same number of days"
                                    </label>
                                </div>
                                <div class="form__actions">
                                    <button class="button" type="submit">"Save changes"</button>
                                    <a class="button button--ghost" href=back>"Cancel"</a>
                                </div>
                            </ActionForm>
                        </section>
                    }.into_any()
                })}
            </Transition>
        </RequireUser>
    }
}
