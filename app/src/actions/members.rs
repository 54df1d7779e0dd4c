//! Server functions for planning together: a trip's members page (members, invitations, the
//! share link), answering invitations (by link, or from the trip list), signing up through an
//! invitation, the history, and the public shared page. Thin adapters over `domain::members`,
//! `domain::sharing` and `domain::history`, which check the role in every statement.

use chrono::Utc;
use domain::{
    access::{Right, Role},
    accounts::{model::SignupInput, signup},
    history::{self, Change},
    ids::{InvitationId, TripId, UserId},
    members::{self, Invitation, Invited, Member, Which},
    sharing::{self, ShareLink, Shown},
    trips::service as trips,
};
use i18n::tr;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{context, error::AppError, session};

fn failed(error: impl Into<AppError>) -> AppError {
    error.into().respond()
}

fn trip_id(id: &str) -> Result<TripId, AppError> {
    id.parse().map_err(failed)
}

fn members_url(trip: TripId) -> String {
    format!("/trips/{trip}/members")
}

/// Everything the members page shows, for the actor's role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MembersPage {
    pub trip_id: TripId,
    pub trip_name: String,
    pub role: Role,
    pub me: UserId,
    pub members: Vec<Member>,
    /// Open invitations (for the owner; empty otherwise).
    pub invitations: Vec<Invitation>,
    /// The share link's settings, if there is one (for the owner).
    pub share_link: Option<ShareLink>,
    /// The link itself, once, right after it was made.
    pub new_share_url: Option<String>,
}

#[server(prefix = "/api/members", endpoint = "page")]
pub async fn get_members_page(trip_id: String) -> Result<MembersPage, AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let db = context::db()?;
    let (found, role) = trips::find_with_role(&db, &actor, trip)
        .await
        .map_err(failed)?;
    // The role is checked: what follows reads without checking it again.
    let db_failed = |error| failed(domain::trips::service::TripError::from(error));
    let members = members::members_of(&db, trip).await.map_err(db_failed)?;
    let (invitations, share_link, new_share_url) = if role.may(Right::ManageMembers) {
        (
            members::open_invitations_of(&db, trip, Utc::now())
                .await
                .map_err(db_failed)?,
            if role.may(Right::Share) {
                sharing::link_of(&db, trip).await.map_err(db_failed)?
            } else {
                None
            },
            session::take_once(&format!("share:{trip}")).await?,
        )
    } else {
        (Vec::new(), None, None)
    };
    Ok(MembersPage {
        trip_id: trip,
        trip_name: found.name,
        role,
        me: actor.user(),
        members,
        invitations,
        share_link,
        new_share_url,
    })
}

#[server(prefix = "/api/members", endpoint = "invite")]
pub async fn invite_member(trip_id: String, email: String, role: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let state = context::state()?;
    let (invitation, mail) = members::invite(
        &state.db,
        &actor,
        trip,
        &email,
        &role,
        &state.base_url,
        context::lang(),
        Utc::now(),
    )
    .await
    .map_err(|error| match AppError::from(error) {
        AppError::Invalid(errors) => failed(AppError::Invalid(
            errors.keeping(&[("email", &email), ("role", &role)]),
        )),
        other => failed(other),
    })?;
    super::mail::in_background(&state, "invitation", async move { Ok(vec![mail]) });
    session::flash(&tr!(
        context::lang(),
        "members-flash-invited",
        email = invitation.email.as_str()
    ))
    .await?;
    leptos_axum::redirect(&members_url(trip));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "resend")]
pub async fn resend_invitation(trip_id: String, invitation_id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let id: InvitationId = invitation_id.parse().map_err(failed)?;
    let state = context::state()?;
    let (invitation, mail) = members::resend(
        &state.db,
        &actor,
        trip,
        id,
        &state.base_url,
        context::lang(),
        Utc::now(),
    )
    .await
    .map_err(failed)?;
    super::mail::in_background(&state, "invitation", async move { Ok(vec![mail]) });
    session::flash(&tr!(
        context::lang(),
        "members-flash-resent",
        email = invitation.email.as_str()
    ))
    .await?;
    leptos_axum::redirect(&members_url(trip));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "revoke")]
pub async fn revoke_invitation(trip_id: String, invitation_id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let id: InvitationId = invitation_id.parse().map_err(failed)?;
    let db = context::db()?;
    members::revoke(&db, &actor, trip, id, Utc::now())
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "members-flash-withdrawn")).await?;
    leptos_axum::redirect(&members_url(trip));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "role")]
pub async fn change_member_role(
    trip_id: String,
    user_id: String,
    role: String,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let user: UserId = user_id.parse().map_err(failed)?;
    let db = context::db()?;
    members::change_role(&db, &actor, trip, user, &role)
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "members-flash-role-changed")).await?;
    leptos_axum::redirect(&members_url(trip));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "remove")]
pub async fn remove_member(trip_id: String, user_id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let user: UserId = user_id.parse().map_err(failed)?;
    let db = context::db()?;
    members::remove(&db, &actor, trip, user)
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "members-flash-removed")).await?;
    leptos_axum::redirect(&members_url(trip));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "hand-over")]
pub async fn hand_over_trip(trip_id: String, user_id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let user: UserId = user_id.parse().map_err(failed)?;
    let db = context::db()?;
    members::hand_over(&db, &actor, trip, user)
        .await
        .map_err(failed)?;
    session::flash(&tr!(context::lang(), "members-flash-handed-over")).await?;
    leptos_axum::redirect(&members_url(trip));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "leave")]
pub async fn leave_trip(trip_id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let db = context::db()?;
    members::leave(&db, &actor, trip).await.map_err(failed)?;
    session::flash(&tr!(context::lang(), "members-flash-left")).await?;
    leptos_axum::redirect("/trips");
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "share")]
pub async fn create_share_link(
    trip_id: String,
    #[server(default)] include_budget: Option<String>,
    #[server(default)] include_notes: Option<String>,
) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let state = context::state()?;
    let shown = Shown {
        include_budget: include_budget.is_some(),
        include_notes: include_notes.is_some(),
    };
    let (token, _) = sharing::create(&state.db, &actor, trip, shown, Utc::now())
        .await
        .map_err(failed)?;
    session::keep_once(
        &format!("share:{trip}"),
        &format!("{}/shared/{token}", state.base_url),
    )
    .await?;
    leptos_axum::redirect(&format!("{}#share", members_url(trip)));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "unshare")]
pub async fn revoke_share_link(trip_id: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let db = context::db()?;
    sharing::revoke(&db, &actor, trip).await.map_err(failed)?;
    session::flash(&tr!(context::lang(), "members-flash-link-deleted")).await?;
    leptos_axum::redirect(&format!("{}#share", members_url(trip)));
    Ok(())
}

#[server(prefix = "/api/members", endpoint = "mine")]
pub async fn my_invitations() -> Result<Vec<Invited>, AppError> {
    let actor = session::actor().await?;
    let db = context::db()?;
    // The page being rendered has read the traveler's account (and whether an invitation may be
    // waiting); a call by script reads it.
    let invited = match context::page_user_for(actor.user()) {
        // Read with the session: no invitation is open for their address.
        Some(user) if user.invitations_waiting == Some(false) => Ok(Vec::new()),
        Some(user) => {
            let email = (!user.email_unconfirmed).then_some(user.email.as_str());
            members::for_address(&db, &actor, email, Utc::now()).await
        }
        None => members::for_actor(&db, &actor, Utc::now()).await,
    };
    invited.map_err(|error| failed(domain::trips::service::TripError::from(error)))
}

/// Accepts or declines an invitation from the trip list (one sent to the traveler's address).
#[server(prefix = "/api/members", endpoint = "answer")]
pub async fn answer_invitation(invitation_id: String, answer: String) -> Result<(), AppError> {
    let actor = session::actor().await?;
    let id: InvitationId = invitation_id.parse().map_err(failed)?;
    let db = context::db()?;
    let now = Utc::now();
    if answer == "accept" {
        let trip = members::accept(&db, &actor, Which::Id(id), now)
            .await
            .map_err(failed)?;
        session::flash(&tr!(context::lang(), "members-flash-joined")).await?;
        leptos_axum::redirect(&format!("/trips/{trip}"));
    } else {
        members::decline(&db, Some(&actor), Which::Id(id), now)
            .await
            .map_err(failed)?;
        session::flash(&tr!(context::lang(), "members-flash-declined")).await?;
        leptos_axum::redirect("/trips");
    }
    Ok(())
}

/// The invitation page: the invitation behind the link, if it is open, and whether someone is
/// signed in (to accept) or not (to sign up or log in first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvitationPage {
    pub invited: Option<Invited>,
    pub signed_in: bool,
}

#[server(prefix = "/api/members", endpoint = "invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationPage, AppError> {
    let db = context::db()?;
    let signed_in = session::maybe_actor().await?.is_some();
    let invited = members::find_by_token(&db, &token, Utc::now())
        .await
        .map_err(|error| failed(domain::trips::service::TripError::from(error)))?;
    Ok(InvitationPage { invited, signed_in })
}

/// Answers an invitation through its link: accepting needs an account; declining does not.
#[server(prefix = "/api/members", endpoint = "answer-link")]
pub async fn answer_invitation_link(token: String, answer: String) -> Result<(), AppError> {
    let db = context::db()?;
    let now = Utc::now();
    let actor = session::maybe_actor().await?;
    let gone = |_| {
        failed(AppError::Invalid(domain::FormErrors::with_form(
            members::INVALID_INVITATION,
        )))
    };
    if answer == "accept" {
        let Some(actor) = actor else {
            return Err(failed(AppError::Unauthorized));
        };
        let trip = members::accept(&db, &actor, Which::Link(&token), now)
            .await
            .map_err(gone)?;
        session::flash(&tr!(context::lang(), "members-flash-joined")).await?;
        leptos_axum::redirect(&format!("/trips/{trip}"));
    } else {
        members::decline(&db, actor.as_ref(), Which::Link(&token), now)
            .await
            .map_err(gone)?;
        session::flash(&tr!(context::lang(), "members-flash-declined")).await?;
        leptos_axum::redirect(if actor.is_some() { "/trips" } else { "/" });
    }
    Ok(())
}

/// Makes an account through an invitation link and joins the trip, signed in.
#[server(prefix = "/api/members", endpoint = "sign-up")]
pub async fn sign_up_invited(
    token: String,
    display_name: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    let db = context::db()?;
    let now = Utc::now();
    let Some(email) = members::find_by_token(&db, &token, now)
        .await
        .map_err(|error| failed(domain::trips::service::TripError::from(error)))?
        .map(|invited| invited.email)
    else {
        return Err(failed(AppError::Invalid(domain::FormErrors::with_form(
            members::INVALID_INVITATION,
        ))));
    };
    let input = SignupInput {
        email,
        display_name: display_name.clone(),
        password,
        password_confirmation,
    };
    let kept = [("display_name", display_name.as_str())];
    let keep = |error: domain::accounts::service::AuthError| match AppError::from(error) {
        AppError::Invalid(errors) => failed(AppError::Invalid(errors.keeping(&kept))),
        other => failed(other),
    };
    let checked = signup::check(input).await.map_err(keep)?;
    let (user, trip) = domain::members::complete_invited(&db, &token, checked, now)
        .await
        .map_err(keep)?;
    session::start(user.id.into()).await?;
    session::flash(&tr!(context::lang(), "members-flash-welcome")).await?;
    leptos_axum::redirect(&format!("/trips/{trip}"));
    Ok(())
}

/// The history page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub trip_id: TripId,
    pub trip_name: String,
    pub time_zone: String,
    pub changes: Vec<Change>,
}

#[server(prefix = "/api/members", endpoint = "history")]
pub async fn get_history(trip_id: String) -> Result<HistoryPage, AppError> {
    let actor = session::actor().await?;
    let trip = self::trip_id(&trip_id)?;
    let db = context::db()?;
    let found = trips::find(&db, &actor, trip).await.map_err(failed)?;
    let changes = history::list(&db, &actor, trip).await.map_err(failed)?;
    Ok(HistoryPage {
        trip_id: trip,
        trip_name: found.name,
        time_zone: found.time_zone,
        changes,
    })
}
