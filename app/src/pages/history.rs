//! Who changed what, when, in a trip: its last 200 changes, newest first, for its members.

use domain::history::{Change, Kind};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::members::{HistoryPage, get_history},
    scaffold::{Loaded, route_param},
};

#[component]
pub fn HistoryPageView() -> impl IntoView {
    let id = route_param("id");
    let page = Resource::new(move || id.get(), get_history);
    view! {
        <Title text="History"/>
        <Loaded data=page loading="Loading the history…" render=|page: HistoryPage| view! { <History page/> }/>
    }
}

/// "Ana added “Museum”".
pub fn describe(change: &Change) -> String {
    let summary = &change.summary;
    let what = match change.kind {
        Kind::TripCreated => format!("created the trip “{summary}”"),
        Kind::TripEdited => "changed the trip’s details".to_string(),
        Kind::TripDeleted => "deleted the trip".to_string(),
        Kind::ActivityAdded => format!("added “{summary}”"),
        Kind::ActivityEdited => format!("changed “{summary}”"),
        Kind::ActivityMoved => format!("moved “{summary}”"),
        Kind::ActivityDeleted => format!("deleted “{summary}”"),
        Kind::MemberJoined => "joined the trip".to_string(),
        Kind::MemberLeft => "left the trip".to_string(),
        Kind::MemberRemoved => format!("removed {summary} from the trip"),
        Kind::RoleChanged | Kind::OwnerChanged => summary.clone(),
        Kind::ShareLinkCreated => "made a share link".to_string(),
        Kind::ShareLinkRevoked => "deleted the share link".to_string(),
    };
    let who = if change.who.is_empty() {
        "Someone"
    } else {
        &change.who
    };
    match change.kind {
        Kind::RoleChanged | Kind::OwnerChanged => format!("{who}: {what}"),
        _ => format!("{who} {what}"),
    }
}

#[component]
fn History(page: HistoryPage) -> impl IntoView {
    let empty = page.changes.is_empty();
    let rows = page
        .changes
        .iter()
        .map(|change| {
            view! {
                <li class="history__item">
                    <time datetime=change.at.to_rfc3339()>{domain::calendar::date_time_in(change.at, &page.time_zone)}</time>
                    <span>{describe(change)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="form-page form-page--wide" aria-labelledby="history-heading">
            <p class="back-link"><a href=format!("/trips/{}", page.trip_id)>{format!("← {}", page.trip_name)}</a></p>
            <h1 id="history-heading">"History"</h1>
            <p class="muted">{format!("The last {} changes, newest first. Times are the trip’s ({}).", domain::history::KEPT, page.time_zone)}</p>
            {if empty {
                view! { <p class="muted">"No changes yet."</p> }.into_any()
            } else {
                view! { <ol class="history">{rows}</ol> }.into_any()
            }}
        </section>
    }
}
