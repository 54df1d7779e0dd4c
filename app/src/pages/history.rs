//! Who changed what, when, in a trip: its last 200 changes, newest first, for its members.

use domain::{
    access::Role,
    history::{Change, Kind},
    members::role_label,
};
use i18n::{Language, tr};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    actions::members::{HistoryPage, get_history},
    context::lang,
    scaffold::{Loaded, resource, route_param},
};

#[component]
pub fn HistoryPageView() -> impl IntoView {
    let l = lang();
    let id = route_param("id");
    let page = resource(move || id.get(), get_history);
    view! {
        <Title text=tr!(l, "history-title")/>
        <Loaded data=page loading=tr!(l, "history-loading") render=|page: HistoryPage| view! { <History page/> }/>
    }
}

/// The English ending of a role change's summary (`Ben is now an editor`, as the core writes
/// it) for each role.
fn role_ending(role: Role) -> String {
    format!(" is now {}", role_label(role))
}

/// A role change's summary (`Ben is now an editor`, in English from the core) in `l`; any
/// other summary as it is.
fn role_summary(l: Language, summary: &str) -> String {
    [Role::Owner, Role::Editor, Role::Viewer]
        .into_iter()
        .find_map(|role| {
            let name = summary.strip_suffix(role_ending(role).as_str())?;
            Some(now_is(l, role, name))
        })
        .unwrap_or_else(|| summary.to_string())
}

/// `Ben is now an editor`.
fn now_is(l: Language, role: Role, name: &str) -> String {
    match role {
        Role::Owner => tr!(l, "history-now-owner", name = name),
        Role::Editor => tr!(l, "history-now-editor", name = name),
        Role::Viewer => tr!(l, "history-now-viewer", name = name),
    }
}

/// "Ana added “Museum”".
pub fn describe(l: Language, change: &Change) -> String {
    let someone = tr!(l, "history-someone");
    let who = if change.who.is_empty() {
        someone.as_str()
    } else {
        change.who.as_str()
    };
    let summary = change.summary.as_str();
    match change.kind {
        Kind::TripCreated => tr!(l, "history-trip-created", who = who, summary = summary),
        Kind::TripEdited => tr!(l, "history-trip-edited", who = who),
        Kind::TripDeleted => tr!(l, "history-trip-deleted", who = who),
        Kind::ActivityAdded => tr!(l, "history-activity-added", who = who, summary = summary),
        Kind::ActivityEdited => tr!(l, "history-activity-edited", who = who, summary = summary),
        Kind::ActivityMoved => tr!(l, "history-activity-moved", who = who, summary = summary),
        Kind::ActivityDeleted => {
            tr!(l, "history-activity-deleted", who = who, summary = summary)
        }
        Kind::MemberJoined => tr!(l, "history-member-joined", who = who),
        Kind::MemberLeft => tr!(l, "history-member-left", who = who),
        Kind::MemberRemoved => tr!(l, "history-member-removed", who = who, summary = summary),
        Kind::RoleChanged | Kind::OwnerChanged => tr!(
            l,
            "history-roles-changed",
            who = who,
            summary = role_summary(l, summary)
        ),
        Kind::ShareLinkCreated => tr!(l, "history-share-link-created", who = who),
        Kind::ShareLinkRevoked => tr!(l, "history-share-link-revoked", who = who),
    }
}

/// The words of the trip page's live note ([`islands::LiveTrip`]), in `l`: templates with
/// `{who}` and `{summary}` the island fills in.
pub fn live_words(l: Language) -> islands::LiveWords {
    let (who, summary) = ("{who}", "{summary}");
    islands::LiveWords {
        someone: tr!(l, "island-live-someone"),
        activity_added: tr!(
            l,
            "island-live-activity-added",
            who = who,
            summary = summary
        ),
        activity_edited: tr!(
            l,
            "island-live-activity-edited",
            who = who,
            summary = summary
        ),
        activity_moved: tr!(
            l,
            "island-live-activity-moved",
            who = who,
            summary = summary
        ),
        activity_deleted: tr!(
            l,
            "island-live-activity-deleted",
            who = who,
            summary = summary
        ),
        trip_edited: tr!(l, "island-live-trip-edited", who = who),
        member_joined: tr!(l, "island-live-member-joined", who = who),
        member_left: tr!(l, "island-live-member-left", who = who),
        member_removed: tr!(
            l,
            "island-live-member-removed",
            who = who,
            summary = summary
        ),
        roles_changed: tr!(l, "island-live-roles-changed", who = who, summary = summary),
        share_link_created: tr!(l, "island-live-share-link-created", who = who),
        share_link_revoked: tr!(l, "island-live-share-link-revoked", who = who),
        other: tr!(l, "island-live-other", who = who),
        gone: tr!(l, "island-live-gone"),
        // English needs none: the summary is English already.
        roles: match l {
            Language::En => Vec::new(),
            Language::De | Language::Fr => [Role::Owner, Role::Editor, Role::Viewer]
                .into_iter()
                .map(|role| (role_ending(role), now_is(l, role, "{name}")))
                .collect(),
        },
    }
}

/// When a change was made, in the trip's time zone: `3 Mar 2026, 14:02`.
fn when(l: Language, at: chrono::DateTime<chrono::Utc>, zone: &str) -> String {
    if l == Language::En {
        return domain::calendar::date_time_in(at, zone);
    }
    let local = domain::calendar::local_in(at, zone);
    tr!(
        l,
        "history-when",
        date = i18n::format::date(l, local.date()),
        time = local.format("%H:%M").to_string()
    )
}

#[component]
fn History(page: HistoryPage) -> impl IntoView {
    let l = lang();
    let empty = page.changes.is_empty();
    let rows = page
        .changes
        .iter()
        .map(|change| {
            view! {
                <li class="history__item">
                    <time datetime=change.at.to_rfc3339()>{when(l, change.at, &page.time_zone)}</time>
                    <span>{describe(l, change)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="form-page form-page--wide" aria-labelledby="history-heading">
            <p class="back-link"><a href=format!("/trips/{}", page.trip_id)>{format!("← {}", page.trip_name)}</a></p>
            <h1 id="history-heading">{tr!(l, "history-title")}</h1>
            <p class="muted">{tr!(l, "history-intro", count = domain::history::KEPT, zone = page.time_zone.as_str())}</p>
            {if empty {
                view! { <p class="muted">{tr!(l, "history-none")}</p> }.into_any()
            } else {
                view! { <ol class="history">{rows}</ol> }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(kind: Kind, who: &str, summary: &str) -> Change {
        Change {
            id: uuid::Uuid::nil(),
            at: chrono::Utc::now(),
            who: who.to_string(),
            user_id: None,
            kind,
            summary: summary.to_string(),
            activity_id: None,
        }
    }

    #[test]
    fn changes_read_as_sentences_in_each_language() {
        let added = change(Kind::ActivityAdded, "Ana", "Museum");
        assert_eq!(describe(Language::En, &added), "Ana added “Museum”");
        assert_eq!(
            describe(Language::De, &added),
            "Ana hat „Museum“ hinzugefügt"
        );
        let joined = change(Kind::MemberJoined, "", "");
        assert_eq!(describe(Language::En, &joined), "Someone joined the trip");
        let role = change(Kind::RoleChanged, "Ana", "Ben is now an editor");
        assert_eq!(describe(Language::En, &role), "Ana: Ben is now an editor");
        assert_eq!(
            describe(Language::De, &role),
            "Ana: Ben ist jetzt Bearbeiter"
        );
        let owner = change(Kind::OwnerChanged, "Ana", "Ben is now the owner");
        assert_eq!(describe(Language::En, &owner), "Ana: Ben is now the owner");
    }

    #[test]
    fn times_are_written_in_each_language() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-03T13:02:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(when(Language::En, at, "Europe/Lisbon"), "3 Mar 2026, 13:02");
        assert_eq!(
            when(Language::De, at, "Europe/Berlin"),
            "3. März 2026, 14:02"
        );
        assert_eq!(
            when(Language::Fr, at, "Europe/Paris"),
            "3 mars 2026 à 14:02"
        );
    }

    #[test]
    fn the_live_note_says_what_the_history_says() {
        let words = live_words(Language::En).to_prop();
        assert_eq!(
            islands::change_note(&words, "activity_added", "Ana", "Museum"),
            "Ana added “Museum”."
        );
        assert_eq!(
            islands::change_note(&words, "role_changed", "", "Ben is now a viewer"),
            "Someone changed who does what: Ben is now a viewer."
        );
        let words = live_words(Language::De).to_prop();
        assert_eq!(
            islands::change_note(&words, "role_changed", "Ana", "Ben is now a viewer"),
            "Ana hat die Rollen geändert: Ben ist jetzt Betrachter."
        );
    }
}
