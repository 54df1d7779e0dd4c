//! A trip's members page: who is in the trip and as what; for the owner, inviting people,
//! open invitations, roles, handing the trip over, and the share link; for everyone else,
//! leaving. Every control is a plain form; the server checks the role again on each.

use domain::{
    access::{Right, Role},
    members::{Invitation, Member},
    sharing::ShareLink,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    actions::members::{
        ChangeMemberRole, CreateShareLink, HandOverTrip, InviteMember, LeaveTrip, MembersPage,
        RemoveMember, ResendInvitation, RevokeInvitation, RevokeShareLink, get_members_page,
    },
    forms::{Field, FormAlert, errors_of},
    scaffold::{Loaded, route_param},
};

pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Owner => "Owner",
        Role::Editor => "Editor",
        Role::Viewer => "Viewer",
    }
}

#[component]
pub fn MembersPageView() -> impl IntoView {
    let id = route_param("id");
    let page = Resource::new(move || id.get(), get_members_page);
    view! {
        <Title text="Members"/>
        <Loaded data=page loading="Loading the members…" render=|page: MembersPage| view! { <Members page/> }/>
    }
}

#[component]
fn Members(page: MembersPage) -> impl IntoView {
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
                <h2 id="leave-heading" class="section-title">"Leave this trip"</h2>
                <p>"You will no longer see it. Its owner can invite you again."</p>
                <form method="post" action=LeaveTrip::url() class="inline-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <button class="button button--danger" type="submit">"Leave the trip"</button>
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
            <h1 id="members-heading">"Members"</h1>
            <p class="muted">{format!("You are {} of this trip.", match page.role {
                Role::Owner => "the owner",
                Role::Editor => "an editor",
                Role::Viewer => "a viewer",
            })}" "<a href=format!("/trips/{trip}/history")>"See its history"</a></p>
            <ul class="member-list">{rows}</ul>
            <RolesExplained/>
            {manage}
            {leave}
        </section>
    }
}

#[component]
fn RolesExplained() -> impl IntoView {
    view! {
        <details class="roles-explained">
            <summary>"What each role can do"</summary>
            <dl>
                <dt>"Owner"</dt><dd>"Everything: changes the trip and its plan, invites people, shares it, deletes it."</dd>
                <dt>"Editor"</dt><dd>"Changes the trip’s details and its plan."</dd>
                <dt>"Viewer"</dt><dd>"Sees the trip and its plan; changes nothing."</dd>
            </dl>
        </details>
    }
}

#[component]
fn MemberRow(member: Member, trip: String, owner: bool, me: bool) -> impl IntoView {
    let user = member.user_id.to_string();
    let name = member.name.clone();
    let you = me.then_some(" (you)");
    let controls = (owner && member.role != Role::Owner).then(|| {
        let select_id = format!("role-{user}");
        let option = |role: Role| {
            view! { <option value={<&str>::from(role)} selected=member.role == role>{role_name(role)}</option> }
        };
        view! {
            <div class="member__controls">
                <form method="post" action=ChangeMemberRole::url() class="inline-form member__role-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <input type="hidden" name="user_id" value=user.clone()/>
                    <label class="visually-hidden" for=select_id.clone()>{format!("Role of {name}")}</label>
                    <select id=select_id name="role">
                        {option(Role::Editor)}
                        {option(Role::Viewer)}
                    </select>
                    <button class="button button--small button--secondary" type="submit">"Change role"</button>
                </form>
                <form method="post" action=HandOverTrip::url() class="inline-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <input type="hidden" name="user_id" value=user.clone()/>
                    <button class="button button--small button--ghost" type="submit">"Make owner"<span class="visually-hidden">{format!(": {name}")}</span></button>
                </form>
                <form method="post" action=RemoveMember::url() class="inline-form">
                    <input type="hidden" name="trip_id" value=trip.clone()/>
                    <input type="hidden" name="user_id" value=user.clone()/>
                    <button class="button button--small button--ghost button--danger-text" type="submit">"Remove"<span class="visually-hidden">{format!(" {name}")}</span></button>
                </form>
            </div>
        }
    });
    view! {
        <li class="member">
            <div class="member__who">
                <span class="member__name">{member.name.clone()}{you}</span>
                <span class=format!("role-badge role-badge--{}", <&str>::from(member.role))>{role_name(member.role)}</span>
            </div>
            {controls}
        </li>
    }
}

#[component]
fn InviteForm(trip: String) -> impl IntoView {
    let action = ServerAction::<InviteMember>::new();
    let errors = errors_of(action.value());
    view! {
        <section class="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading" class="section-title">"Invite someone"</h2>
            <p class="muted">"They get an email with a link that works for 7 days. They can create an account through it."</p>
            <ActionForm action attr:class="form form--inline-wide" attr:novalidate=true>
                <FormAlert errors/>
                <input type="hidden" name="trip_id" value=trip/>
                <Field label="Email address" name="email" kind="email" autocomplete="off" errors/>
                <div class="field">
                    <label for="field-role">"Role"</label>
                    <select id="field-role" name="role">
                        <option value="editor">"Editor — changes the trip and its plan"</option>
                        <option value="viewer" selected=move || errors.get().value("role").as_deref() == Some("viewer")>"Viewer — only sees them"</option>
                    </select>
                </div>
                <div class="form__actions">
                    <button class="button" type="submit">"Send invitation"</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn Invitations(trip: String, invitations: Vec<Invitation>) -> impl IntoView {
    let empty = invitations.is_empty();
    let rows = invitations
        .into_iter()
        .map(|invitation| {
            let id = invitation.id.to_string();
            let expires = invitation.expires_at.format("%-d %b").to_string();
            view! {
                <li class="member">
                    <div class="member__who">
                        <span class="member__name">{invitation.email.clone()}</span>
                        <span class="role-badge">{role_name(invitation.role)}</span>
                        <span class="muted">{format!("Link works until {expires}")}</span>
                    </div>
                    <div class="member__controls">
                        <form method="post" action=ResendInvitation::url() class="inline-form">
                            <input type="hidden" name="trip_id" value=trip.clone()/>
                            <input type="hidden" name="invitation_id" value=id.clone()/>
                            <button class="button button--small button--secondary" type="submit">"Send again"<span class="visually-hidden">{format!(" to {}", invitation.email)}</span></button>
                        </form>
                        <form method="post" action=RevokeInvitation::url() class="inline-form">
                            <input type="hidden" name="trip_id" value=trip.clone()/>
                            <input type="hidden" name="invitation_id" value=id/>
                            <button class="button button--small button--ghost button--danger-text" type="submit">"Withdraw"<span class="visually-hidden">{format!(" the invitation to {}", invitation.email)}</span></button>
                        </form>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="pending-heading">
            <h2 id="pending-heading" class="section-title">"Waiting for an answer"</h2>
            {if empty {
                view! { <p class="muted">"No open invitations."</p> }.into_any()
            } else {
                view! { <ul class="member-list">{rows}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Sharing(trip: String, link: Option<ShareLink>, new_url: Option<String>) -> impl IntoView {
    let shown = link.as_ref().map(|link| link.shown).unwrap_or_default();
    let status = match &link {
        Some(link) => format!(
            "A read-only link exists since {}. It shows the plan{}{}.",
            link.created_at.format("%-d %b %Y"),
            if link.shown.include_budget { ", the budget and costs" } else { "" },
            if link.shown.include_notes { ", the notes" } else { "" },
        ),
        None => "Anyone with a share link can see the trip and its plan, without an account. It is not listed anywhere.".to_string(),
    };
    let fresh = new_url.map(|url| {
        view! {
            <div class="share-url">
                <label for="share-url">"Your new link — copy it now: it is shown only once"</label>
                <input id="share-url" class="feed__address" type="text" readonly=true value=url/>
            </div>
        }
    });
    let revoke = link.is_some().then(|| {
        view! {
            <form method="post" action=RevokeShareLink::url() class="inline-form">
                <input type="hidden" name="trip_id" value=trip.clone()/>
                <button class="button button--ghost button--danger-text" type="submit">"Delete the link"</button>
            </form>
        }
    });
    let make = if link.is_some() {
        "Replace the link"
    } else {
        "Make a link"
    };
    view! {
        <section class="panel" id="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="section-title">"Share a read-only link"</h2>
            <p>{status}</p>
            {fresh}
            <form method="post" action=CreateShareLink::url() class="form">
                <input type="hidden" name="trip_id" value=trip.clone()/>
                <label class="checkbox" for="share-budget">
                    <input id="share-budget" type="checkbox" name="include_budget" value="on" checked=shown.include_budget/>
                    <span>"Show the budget and costs"</span>
                </label>
                <label class="checkbox" for="share-notes">
                    <input id="share-notes" type="checkbox" name="include_notes" value="on" checked=shown.include_notes/>
                    <span>"Show the notes"</span>
                </label>
                <div class="form__actions">
                    <button class="button button--secondary" type="submit">{make}</button>
                </div>
            </form>
            {revoke}
        </section>
    }
}
