//! The trip page: the trip's details, its budget and every day of its plan.
//!
//! The page is most of the server's work for a traveler, and a trip is looked at far more often
//! than it is changed, so this module keeps each trip's overview rendered: per trip, with the
//! version it was rendered from — the trip's row, whose `revision` every change to the trip or
//! its activities bumps in the same transaction. The page still reads the trip on every request
//! (so access and freshness are exactly as without the cache); when the row is what the kept
//! overview was rendered from, neither reading the activities nor rendering them is needed.
//! Nothing needs invalidating: a changed trip is a different version, on any instance.

use std::sync::Arc;

use domain::{
    access::{Right, Role},
    itinerary::{model::TripPlan, service::activities_of},
    map::TripMap,
    members::{self, Member},
    reference::zone_label,
    trips::service::find_with_role_and_revision,
};
use i18n::tr;
use islands::{ConfirmLink, LiveTrip};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::{
    actions::{
        places::{Stored, missing, needs_of, read_stored},
        trips::DeleteTrip,
    },
    context,
    error::AppError,
    format::dates_and_length,
    icons::{CalendarIcon, PinIcon},
    providers::{Providers, Tiles},
    render_cache::{KeptOverview, Version},
    scaffold::{Loaded, resource, route_param},
    session,
    views::{
        map::{MapPanel, MapScope, PlanExtras},
        plan::{BudgetView, DayLinks, DaysView},
        take_along::TakeAlong,
    },
};

#[component]
pub fn TripPage() -> impl IntoView {
    let id = route_param("id");
    let page = resource(move || id.get(), get_trip_page);
    let l = context::lang();
    view! {
        <Loaded data=page loading=tr!(l, "plan-trip-loading") render=move |TripPageContent { name, html, map }| {
            if map {
                crate::views::map::allow_map_tiles();
            }
            view! {
                <Title text=name/>
                <article class="trip" aria-labelledby="trip-heading" inner_html=html/>
                <LiveTrip trip_id=id.get_untracked() page_url=GetTripPage::url().to_string() words=crate::pages::history::live_words(l).to_prop()/>
            }
        }/>
        // Outside the trip's frame: it shows a new calendar address once, and a render of the
        // frame's content may run more than once.
        <TakeAlong trip=id.get_untracked()/>
    }
}

/// Who is looking at a trip's overview: a member with their role, or anyone holding its share
/// link. Each is one variant of the rendered overview (the render cache keeps one per view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    Member(Role),
    /// Through the share link: read-only, no links into the members' pages.
    Public,
}

impl Viewer {
    fn may(self, right: Right) -> bool {
        match self {
            Self::Member(role) => role.may(right),
            Self::Public => false,
        }
    }

    /// The render cache's key part for this view.
    pub fn key(self) -> &'static str {
        match self {
            Self::Member(role) => role.into(),
            Self::Public => "public",
        }
    }
}

/// The trip page: the trip's name for the title, its overview as HTML, and whether the
/// overview shows a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripPageContent {
    pub name: String,
    pub html: Arc<str>,
    pub map: bool,
}

impl TripPageContent {
    pub(crate) fn of(name: String, kept: &KeptOverview) -> Self {
        Self {
            name,
            html: kept.html.clone(),
            map: kept.map,
        }
    }
}

/// The trip is read on every request (the access check, and what the page is rendered from);
/// its activities are read and the overview rendered only when this instance has not rendered
/// this revision of the trip, with what the stores now hold for it, before. What the stores
/// hold (weather, travel times) changes without the trip changing: it is read on every view
/// of a trip with places (one or two statements, whatever the number of days), and a change
/// renders the overview again.
#[server(prefix = "/api/itinerary", endpoint = "page")]
pub async fn get_trip_page(trip_id: String) -> Result<TripPageContent, AppError> {
    let actor = session::actor().await?;
    let state = context::state()?;
    let failed = |error: domain::trips::service::TripError| AppError::from(error).respond();
    let stores_failed = |error: sea_orm::DbErr| {
        tracing::error!(%error, "could not read the stored weather or travel times");
        AppError::Internal.respond()
    };
    let trip_id = trip_id
        .parse()
        .map_err(|error| AppError::from(error).respond())?;
    let (trip, role, revision) = find_with_role_and_revision(&state.db, &actor, trip_id)
        .await
        .map_err(failed)?;
    let viewer = Viewer::Member(role);
    let version = Version::of(&(&trip, revision));
    let name = trip.name.clone();
    let language = crate::context::lang();
    // Kept per language too: the overview's words and dates are the page's language.
    let key = format!("{}:{}:{}", trip.id, viewer.key(), language.code());
    let mut stored = None;
    if let Some(kept) = state.trip_pages.get(&key, version) {
        if kept.needs.is_empty() {
            return Ok(TripPageContent::of(name, &kept));
        }
        let now = read_stored(&state.db, &kept.needs)
            .await
            .map_err(stores_failed)?;
        if Version::of(&now) == kept.stored {
            state.providers.ask(&kept.missing);
            return Ok(TripPageContent::of(name, &kept));
        }
        // The needs follow from the trip's revision alone: what was just read is what a
        // new rendering shows.
        stored = Some(now);
    }
    let activities = activities_of(&state.db, &actor, &trip)
        .await
        .map_err(failed)?;
    // The role was checked above.
    let members = members::members_of(&state.db, trip_id)
        .await
        .map_err(|error| failed(error.into()))?;
    let plan = TripPlan::new(trip, activities);
    let map = TripMap::of(&plan, state.providers.routing_modes());
    let needs = needs_of(&state.providers, &map);
    let stored = match stored {
        Some(stored) => stored,
        None if needs.is_empty() => Stored::default(),
        None => read_stored(&state.db, &needs)
            .await
            .map_err(stores_failed)?,
    };
    let lacking = missing(&state.providers, &map, &stored);
    state.providers.ask(&lacking);
    let kept = KeptOverview {
        map: !map.is_empty(),
        stored: Version::of(&stored),
        needs: Arc::new(needs),
        missing: Arc::new(lacking),
        html: render_overview(
            language,
            plan,
            viewer,
            members,
            Some(MapParts {
                map,
                stored: &stored,
                providers: &state.providers,
            }),
        )
        .into(),
    };
    state.trip_pages.keep(&key, version, kept.clone());
    Ok(TripPageContent::of(name, &kept))
}

/// The trip page's content as HTML. The server keeps it per revision of the trip (see
/// [`get_trip_page`]). Rendered under an owner of its own, as a page in islands mode is: the
/// islands inside need a render context, which a call to the server function from outside a
/// page (`POST /api/itinerary/page`) does not have, and nothing of the request's may leak into
/// HTML that is kept and served again.
/// What the overview shows from the map and the providers' stores.
pub(crate) struct MapParts<'a> {
    pub map: TripMap,
    pub stored: &'a Stored,
    pub providers: &'a Providers,
}

pub(crate) fn render_overview(
    language: i18n::Language,
    plan: TripPlan,
    viewer: Viewer,
    members: Vec<Member>,
    parts: Option<MapParts<'_>>,
) -> String {
    let (map, extras, tiles, place_search, weather_credit) = match parts {
        Some(MapParts {
            map,
            stored,
            providers,
        }) => {
            let extras = PlanExtras::new(&map, stored);
            let weather_credit = (!extras.weather.is_empty())
                .then(|| providers.weather.clone())
                .flatten()
                .map(|credit| (credit.attribution, credit.attribution_url));
            let place_search = providers.places.is_some() && viewer.may(Right::EditPlan);
            (
                map,
                extras,
                providers.tiles.clone(),
                place_search,
                weather_credit,
            )
        }
        None => Default::default(),
    };
    let outer = Owner::current();
    let context = hydration_context::SsrSharedContext::new_islands();
    let owner = Owner::new_root(Some(std::sync::Arc::new(context)));
    provide_context(crate::context::PageLanguage(language));
    let html = view! {
        <TripOverview plan viewer members map extras tiles place_search weather_credit/>
    }
    .to_html();
    // `new_root` made the new owner and its arena current (`Owner::with` would put back only
    // the owner): put back both, or the page's own rendering goes on without its arena.
    match outer {
        Some(outer) => outer.set(),
        None => owner.unset(),
    }
    html
}

/// Everything inside the trip page's `<article>`. A function of the plan, what the stores held
/// for it and the providers' settings alone: no context, no signals, nothing per visitor or
/// request — it is rendered once and kept (see [`get_trip_page`]).
#[component]
#[allow(clippy::too_many_arguments)]
fn TripOverview(
    plan: TripPlan,
    viewer: Viewer,
    members: Vec<Member>,
    map: TripMap,
    extras: PlanExtras,
    tiles: Option<Tiles>,
    place_search: bool,
    weather_credit: Option<(String, String)>,
) -> impl IntoView {
    let l = context::lang();
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
                <h2 class="section-title">{tr!(l, "plan-notes")}</h2>
                <p class="prewrap">{trip.notes.clone()}</p>
            </div>
        }
    });
    let edit_url = format!("/trips/{}/edit", trip.id);
    // A trip not yet on the map: one click to find its destination.
    let find_destination = (place_search && trip.latitude.is_none()).then(|| {
        let query: String = form_urlencoded::byte_serialize(trip.destination.as_bytes()).collect();
        format!("/trips/{}/places?return=trip&q={query}", trip.id)
    });
    let has_map = !map.is_empty();
    let map_panel =
        has_map.then(|| view! { <MapPanel map tiles scope=MapScope::Trip/> }.into_any());
    let delete_url = format!("/trips/{}/delete", trip.id);
    let (delete_id, delete_name) = (trip.id.to_string(), trip.name.clone());
    let edit = viewer.may(Right::EditDetails).then(|| {
        view! { <a class="button button--secondary" href=edit_url>{tr!(l, "plan-edit")}</a> }
    });
    let delete = viewer.may(Right::Delete).then(|| {
        view! {
            <ConfirmLink href=delete_url class="button button--danger".to_string() label=tr!(l, "plan-delete")
                heading="delete-dialog-heading".to_string()>
                <DeleteDialog id=delete_id name=delete_name/>
            </ConfirmLink>
        }
    });
    let back = match viewer {
        Viewer::Member(_) => {
            Some(view! { <p class="back-link"><a href="/trips">{tr!(l, "plan-all-trips")}</a></p> })
        }
        Viewer::Public => None,
    };
    let people = match viewer {
        Viewer::Member(role) => {
            Some(view! { <MembersLine trip_id=trip.id.to_string() role members/> })
        }
        Viewer::Public => None,
    };
    let read_only = !viewer.may(Right::EditPlan);
    view! {
        {back}
        <header class="page-head">
            <div>
                <h1 id="trip-heading">{trip.name.clone()}</h1>
                <p class="trip__destination">
                    <PinIcon/>{trip.destination.clone()}
                    {find_destination.map(|url| view! {
                        <a class="trip__find" href=url>{tr!(l, "plan-show-on-map")}</a>
                    })}
                </p>
            </div>
            <div class="page-head__actions">
                <a class="button button--secondary" href="#take-along">{tr!(l, "plan-take-along")}</a>
                {edit}
                {delete}
            </div>
        </header>
        {people}
        <dl class="overview">
            <div>
                <dt><CalendarIcon/>{tr!(l, "plan-dates")}</dt>
                <dd>{dates_and_length(l, trip.start_date, trip.end_date)}</dd>
            </div>
            <div>
                <dt>{tr!(l, "plan-time-zone")}</dt>
                <dd>{zone}</dd>
            </div>
        </dl>
        {notes}
        <BudgetView summary=plan.summary.clone() currency_code=trip.currency.clone()/>
        <section class="itinerary" aria-labelledby="itinerary-heading">
            <h2 id="itinerary-heading" class="section-title">{tr!(l, "plan-day-by-day")}</h2>
            <div class="itinerary__layout" class:itinerary__layout--map=has_map>
                {map_panel}
                <div class="itinerary__plan">
                    <DayLinks days=plan.days.iter().map(|d| d.date).collect()/>
                    <DaysView plan back=format!("/trips/{}", trip.id) read_only public=viewer == Viewer::Public extras place_search/>
                </div>
            </div>
            {weather_credit.map(|(text, url)| view! {
                <p class="credits muted"><a href=url rel="external">{text}</a></p>
            })}
        </section>
    }
}

/// Who is in the trip, and the way to its members page and history.
#[component]
fn MembersLine(trip_id: String, role: Role, members: Vec<Member>) -> impl IntoView {
    let l = context::lang();
    let names = members
        .iter()
        .map(|member| {
            let role = match member.role {
                Role::Owner => tr!(l, "plan-role-owner"),
                Role::Editor => tr!(l, "plan-role-editor"),
                Role::Viewer => tr!(l, "plan-role-viewer"),
            };
            view! { <li>{member.name.clone()}<span class="members-line__role">{role}</span></li> }
        })
        .collect_view();
    let manage = if role.may(Right::ManageMembers) {
        tr!(l, "plan-invite-and-share")
    } else {
        tr!(l, "plan-members")
    };
    let yours = match role {
        Role::Owner => tr!(l, "plan-you-own"),
        Role::Editor => tr!(l, "plan-you-edit"),
        Role::Viewer => tr!(l, "plan-you-view"),
    };
    view! {
        <section class="members-line" aria-label=tr!(l, "plan-members-label")>
            <ul class="members-line__list">{names}</ul>
            <p class="members-line__links">
                <span class="muted">{yours}</span>
                <a href=format!("/trips/{trip_id}/members")>{manage}</a>
                <a href=format!("/trips/{trip_id}/history")>{tr!(l, "plan-history")}</a>
            </p>
        </section>
    }
}

/// The delete confirmation as a dialog on the trip page (with JavaScript; the link opens a page
/// with the same question otherwise).
#[component]
fn DeleteDialog(id: String, name: String) -> impl IntoView {
    let l = context::lang();
    let action = ServerAction::<DeleteTrip>::new();
    view! {
        <h2 id="delete-dialog-heading">{tr!(l, "plan-delete-heading", name = name)}</h2>
        <p>{tr!(l, "plan-delete-text")}</p>
        <ActionForm action attr:class="dialog__actions">
            <input type="hidden" name="id" value=id/>
            <button type="submit" formmethod="dialog" formnovalidate=true class="button button--secondary">{tr!(l, "plan-cancel")}</button>
            <button type="submit" class="button button--danger">{tr!(l, "plan-delete-trip")}</button>
        </ActionForm>
    }
}
