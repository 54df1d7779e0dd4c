//! A trip's members page: who is in the trip and as what; for the owner, inviting people,
//! open invitations, roles, handing the trip over, and the share link; for everyone else,
//! leaving. Every control is a plain form; the server checks the role again on each.

use domain::{
    access::{Right, Role},
    members::{Invitation, Member},
    sharing::ShareLink,
};
use i18n::{Language, tr};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    actions::members::{
        ChangeMemberRole, CreateShareLink, HandOverTrip, InviteMember, LeaveTrip, MembersPage,
        RemoveMember, ResendInvitation, RevokeInvitation, RevokeShareLink, get_members_page,
    },
    context::lang,
    forms::{Field, FormAlert, errors_of},
    scaffold::{Loaded, resource, route_param},
};

/// A role's name on the pages (`domain::members::role_label` stays the API's English).
pub fn role_name(l: Language, role: Role) -> String {
    match role {
        Role::Owner => tr!(l, "members-role-owner"),
        Role::Editor => tr!(l, "members-role-editor"),
        Role::Viewer => tr!(l, "members-role-viewer"),
    }
}

/// A date on this page: `7 Mar 2027` (`7 Mar` without the year) in English, as the page always
/// wrote it (ICU's British English would write September `Sept`); the language's own date in
/// German and French.
fn page_date(l: Language, at: chrono::DateTime<chrono::Utc>, english: &str) -> String {
    match l {
        Language::En => at.format(english).to_string(),
        _ => i18n::format::date(l, at.date_naive()),
    }
}

#[component]
pub fn MembersPageView() -> impl IntoView {
    let l = lang();
    let id = route_param("id");
    let page = resource(move || id.get(), get_members_page);
    view! {
        <Title text=tr!(l, "members-title")/>
        <Loaded data=page loading=tr!(l, "members-loading") render=|page: MembersPage| view! { <Members page/> }/>
    }
}

#[component]
fn Members(page: MembersPage) -> impl IntoView {
    let l = lang();
    let trip = page.trip_id.to_string();
    let owner = page.role.may(Right::ManageMembers);
    let rows = page
        .members
        .iter()
        .cloned()
        .map(|member| {
            let me = page.me == member.user_id;
            view! { <MemberRow member trip=trip.clone() owner me/> }
        })
        .collect_view();
    let leave = page.role.may(Right::Leave).then(|| {
        view! {
            <section class="panel" aria-labelledby="leave-heading">
                <h2 id="leave-heading" class="section-title">{tr!(l, "members-leave-heading")}</h2>
                <p>{tr!(l, "members-leave-text")}</p>
                <form method="post" action=LeaveTrip::url() class="inline-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <button class="button button--danger" type="submit">{tr!(l, "members-leave-submit")}</button>
                </form>
            </section>
        }
    });
    let manage = owner.then(|| {
        view! {
            <InviteForm trip=trip.clone()/>
            <Invitations trip=trip.clone() invitations=page.invitations.clone()/>
            <Sharing trip=trip.clone() link=page.share_link.clone() new_url=page.new_share_url.clone()/>
        }
    });
    view! {
        <section class="form-page form-page--wide" aria-labelledby="members-heading">
            <p class="back-link"><a href=format!("/trips/{trip}")>{format!("← {}", page.trip_name)}</a></p>
            <h1 id="members-heading">{tr!(l, "members-title")}</h1>
            <p class="muted">{match page.role {
                Role::Owner => tr!(l, "members-you-are-owner"),
                Role::Editor => tr!(l, "members-you-are-editor"),
                Role::Viewer => tr!(l, "members-you-are-viewer"),
            }}" "<a href=format!("/trips/{trip}/history")>{tr!(l, "members-see-history")}</a></p>
            <ul class="member-list">{rows}</ul>
            <RolesExplained/>
            {manage}
            {leave}
        </section>
    }
}

#[component]
fn RolesExplained() -> impl IntoView {
    let l = lang();
    view! {
        <details class="roles-explained">
            <summary>{tr!(l, "members-roles-summary")}</summary>
            <dl>
                <dt>{role_name(l, Role::Owner)}</dt><dd>{tr!(l, "members-roles-owner")}</dd>
                <dt>{role_name(l, Role::Editor)}</dt><dd>{tr!(l, "members-roles-editor")}</dd>
                <dt>{role_name(l, Role::Viewer)}</dt><dd>{tr!(l, "members-roles-viewer")}</dd>
            </dl>
        </details>
    }
}

#[component]
fn MemberRow(member: Member, trip: String, owner: bool, me: bool) -> impl IntoView {
    let l = lang();
    let user = member.user_id.to_string();
    let name = member.name.clone();
    let you = me.then(|| format!(" {}", tr!(l, "members-you")));
    let controls = (owner && member.role != Role::Owner).then(|| {
        let select_id = format!("role-{user}");
        let option = |role: Role| {
            view! { <option value={<&str>::from(role)} selected=member.role == role>{role_name(l, role)}</option> }
        };
        view! {
            <div class="member__controls">
                <form method="post" action=ChangeMemberRole::url() class="inline-form member__role-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <input type="hidden" name="user_id" value=user.clone()/>
                    <label class="visually-hidden" for=select_id.clone()>{tr!(l, "members-role-of", name = name.as_str())}</label>
                    <select id=select_id name="role">
                        {option(Role::Editor)}
                        {option(Role::Viewer)}
                    </select>
                    <button class="button button--small button--secondary" type="submit">{tr!(l, "members-change-role")}</button>
                </form>
                <form method="post" action=HandOverTrip::url() class="inline-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <input type="hidden" name="user_id" value=user.clone()/>
                    <button class="button button--small button--ghost" type="submit">{tr!(l, "members-make-owner")}<span class="visually-hidden">{tr!(l, "members-make-owner-who", name = name.as_str())}</span></button>
                </form>
                <form method="post" action=RemoveMember::url() class="inline-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <input type="hidden" name="user_id" value=user.clone()/>
                    <button class="button button--small button--ghost button--danger-text" type="submit">{tr!(l, "members-remove")}<span class="visually-hidden">{tr!(l, "members-remove-who", name = name.as_str())}</span></button>
                </form>
            </div>
        }
    });
    view! {
        <li class="member">
            <div class="member__who">
                <span class="member__name">{member.name.clone()}{you}</span>
                <span class=format!("role-badge role-badge--{}", <&str>::from(member.role))>{role_name(l, member.role)}</span>
            </div>
            {controls}
        </li>
    }
}

#[component]
fn InviteForm(trip: String) -> impl IntoView {
    let l = lang();
    let action = ServerAction::<InviteMember>::new();
    let errors = errors_of(action.value());
    view! {
        <section class="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading" class="section-title">{tr!(l, "members-invite-heading")}</h2>
            <p class="muted">{tr!(l, "members-invite-text")}</p>
            <ActionForm action attr:class="form form--inline-wide" attr:novalidate=true>
                <FormAlert errors/>
                <input type="hidden" name="trip_id" value=trip/>
                <Field label=tr!(l, "members-invite-email") name="email" kind="email" autocomplete="off" errors/>
                <div class="field">
                    <label for="field-role">{tr!(l, "members-invite-role")}</label>
                    <select id="field-role" name="role">
                        <option value="editor">{tr!(l, "members-invite-as-editor")}</option>
                        <option value="viewer" selected=move || errors.get().value("role").as_deref() == Some("viewer")>{tr!(l, "members-invite-as-viewer")}</option>
                    </select>
                </div>
                <div class="form__actions">
                    <button class="button" type="submit">{tr!(l, "members-invite-submit")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn Invitations(trip: String, invitations: Vec<Invitation>) -> impl IntoView {
    let l = lang();
    let empty = invitations.is_empty();
    let rows = invitations
        .into_iter()
        .map(|invitation| {
            let id = invitation.id.to_string();
            let expires = page_date(l, invitation.expires_at, "%-d %b");
            view! {
                <li class="member">
                    <div class="member__who">
                        <span class="member__name">{invitation.email.clone()}</span>
                        <span class="role-badge">{role_name(l, invitation.role)}</span>
                        <span class="muted">{tr!(l, "members-pending-until", date = expires)}</span>
                    </div>
                    <div class="member__controls">
                        <form method="post" action=ResendInvitation::url() class="inline-form">
                            <input type="hidden" name="trip_id" value=trip.clone()/>
                            <input type="hidden" name="invitation_id" value=id.clone()/>
                            <button class="button button--small button--secondary" type="submit">{tr!(l, "members-resend")}<span class="visually-hidden">{tr!(l, "members-resend-to", email = invitation.email.as_str())}</span></button>
                        </form>
                        <form method="post" action=RevokeInvitation::url() class="inline-form">
                            <input type="hidden" name="trip_id" value=trip.clone()/>
                            <input type="hidden" name="invitation_id" value=id/>
                            <button class="button button--small button--ghost button--danger-text" type="submit">{tr!(l, "members-withdraw")}<span class="visually-hidden">{tr!(l, "members-withdraw-to", email = invitation.email.as_str())}</span></button>
                        </form>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="pending-heading">
            <h2 id="pending-heading" class="section-title">{tr!(l, "members-pending-heading")}</h2>
            {if empty {
                view! { <p class="muted">{tr!(l, "members-pending-none")}</p> }.into_any()
            } else {
                view! { <ul class="member-list">{rows}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Sharing(trip: String, link: Option<ShareLink>, new_url: Option<String>) -> impl IntoView {
    let l = lang();
    let shown = link.as_ref().map(|link| link.shown).unwrap_or_default();
    let status = match &link {
        Some(link) => {
            let since = page_date(l, link.created_at, "%-d %b %Y");
            let shows = match (link.shown.include_budget, link.shown.include_notes) {
                (false, false) => tr!(l, "members-share-shows-plan"),
                (true, false) => tr!(l, "members-share-shows-budget"),
                (false, true) => tr!(l, "members-share-shows-notes"),
                (true, true) => tr!(l, "members-share-shows-all"),
            };
            format!("{} {shows}", tr!(l, "members-share-since", date = since))
        }
        None => tr!(l, "members-share-none"),
    };
    let fresh = new_url.map(|url| {
        view! {
            <div class="share-url">
                <label for="share-url">{tr!(l, "members-share-new")}</label>
                <input id="share-url" class="feed__address" type="text" readonly=true value=url/>
            </div>
        }
    });
    let revoke = link.is_some().then(|| {
        view! {
            <form method="post" action=RevokeShareLink::url() class="inline-form">
                <input type="hidden" name="trip_id" value=trip.clone()/>
                <button class="button button--ghost button--danger-text" type="submit">{tr!(l, "members-share-delete")}</button>
            </form>
        }
    });
    let make = if link.is_some() {
        tr!(l, "members-share-replace")
    } else {
        tr!(l, "members-share-make")
    };
    view! {
        <section class="panel" id="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="section-title">{tr!(l, "members-share-heading")}</h2>
            <p>{status}</p>
            {fresh}
            <form method="post" action=CreateShareLink::url() class="form">
                <input type="hidden" name="trip_id" value=trip.clone()/>
                <label class="checkbox" for="share-budget">
                    <input id="share-budget" type="checkbox" name="include_budget" value="on" checked=shown.include_budget/>
                    <span>{tr!(l, "members-share-budget")}</span>
                </label>
                <label class="checkbox" for="share-notes">
                    <input id="share-notes" type="checkbox" name="include_notes" value="on" checked=shown.include_notes/>
                    <span>{tr!(l, "members-share-notes")}</span>
                </label>
                <div class="form__actions">
                    <button class="button button--secondary" type="submit">{make}</button>
                </div>
            </form>
            {revoke}
        </section>
    }
}
