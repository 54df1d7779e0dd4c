//! Planning together: a trip's members and their roles, invitations, the share link and the
//! history. Everything goes through `domain::members`, `domain::sharing` and
//! `domain::history`, which check the caller's role in the trip with the one table of rights
//! (`domain::access::Role::may`): a trip the caller is not in is 404, a right their role lacks
//! is 403.

use app::{context::AppState, error::FormErrors};
use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use domain::{
    access::Role,
    history::{self, Kind},
    ids::{InvitationId, TripId, UserId},
    members::{self, Which},
    sharing::{self, Shown},
};
use serde::{Deserialize, Serialize};
use utoipa::{
    ToSchema,
    openapi::{RefOr, Schema},
};

use super::{
    bearer::Bearer,
    contract,
    problem::{ApiError, ApiJson, Problem},
};

/// A member of a trip.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Member {
    pub user_id: String,
    pub name: String,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

impl From<members::Member> for Member {
    fn from(member: members::Member) -> Self {
        Self {
            user_id: member.user_id.to_string(),
            name: member.name,
            role: member.role,
            joined_at: member.joined_at,
        }
    }
}

/// An open invitation to a trip, as its owner sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Invitation {
    pub id: String,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl From<members::Invitation> for Invitation {
    fn from(invitation: members::Invitation) -> Self {
        Self {
            id: invitation.id.to_string(),
            email: invitation.email,
            role: invitation.role,
            created_at: invitation.created_at,
            expires_at: invitation.expires_at,
        }
    }
}

/// An open invitation sent to the traveler's address.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReceivedInvitation {
    pub id: String,
    pub trip_id: String,
    pub trip_name: String,
    pub destination: String,
    /// The trip's dates in words.
    pub dates: String,
    /// Who sent it.
    pub invited_by: String,
    pub role: Role,
    pub expires_at: DateTime<Utc>,
}

impl From<members::Invited> for ReceivedInvitation {
    fn from(invited: members::Invited) -> Self {
        Self {
            id: invited.id.to_string(),
            trip_id: invited.trip_id.to_string(),
            trip_name: invited.trip_name,
            destination: invited.destination,
            dates: format!(
                "{} – {}",
                domain::calendar::format_date(invited.start_date),
                domain::calendar::format_date(invited.end_date)
            ),
            invited_by: invited.invited_by,
            role: invited.role,
            expires_at: invited.expires_at,
        }
    }
}

/// Whom to invite, as what.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct InviteRequest {
    #[schema(required = true, schema_with = email_schema)]
    pub email: String,
    #[schema(required = true, schema_with = member_role_schema)]
    pub role: String,
}

/// A member's new role.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RoleRequest {
    #[schema(required = true, schema_with = member_role_schema)]
    pub role: String,
}

/// Whom to hand the trip to.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct OwnerRequest {
    /// A member's `user_id`.
    #[schema(required = true, format = "uuid")]
    pub user_id: String,
}

/// What the share link shows besides the plan.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ShareRequest {
    /// Show the budget and the activities' costs.
    pub include_budget: bool,
    /// Show the trip's notes and the activities' descriptions.
    pub include_notes: bool,
}

/// The trip's share link.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ShareLink {
    pub include_budget: bool,
    pub include_notes: bool,
    pub created_at: DateTime<Utc>,
    /// The link itself: only in the answer that made it (it is stored as a hash).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One change in a trip's history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Change {
    pub at: DateTime<Utc>,
    /// Who made it, named as they were then.
    pub who: String,
    pub kind: Kind,
    /// What it was about: an activity's title, a member's name…
    pub summary: String,
    /// The activity it was about, if any.
    #[schema(required = true)]
    pub activity_id: Option<String>,
}

impl From<history::Change> for Change {
    fn from(change: history::Change) -> Self {
        Self {
            at: change.at,
            who: change.who,
            kind: change.kind,
            summary: change.summary,
            activity_id: change.activity_id.map(|id| id.to_string()),
        }
    }
}

/// Where the trip went after an invitation was accepted.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Joined {
    pub trip_id: String,
}

fn email_schema() -> RefOr<Schema> {
    contract::email("The address to send the invitation to.")
}

fn member_role_schema() -> RefOr<Schema> {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(["editor", "viewer"]))
        .description(Some(
            "`editor` changes the trip and its plan; `viewer` only reads them.",
        ))
        .into()
}

fn trip(id: &str) -> Result<TripId, ApiError> {
    Ok(id.parse()?)
}

fn send(state: &AppState, mail: domain::mail::Email) {
    app::actions::mail::in_background(state, "invitation", async move { Ok(vec![mail]) });
}

/// The trip's members, the owner first.
#[utoipa::path(
    operation_id = "list_members",
    get, path = "/api/v1/trips/{id}/members", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "The members", body = Vec<Member>),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_members(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Json<Vec<Member>>, ApiError> {
    let list = members::list(&state.db, &super::actor(&grant), trip(&id)?)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(list.into_iter().map(Member::from).collect()))
}

/// Give a member another role (owner only).
#[utoipa::path(
    operation_id = "change_member_role",
    patch, path = "/api/v1/trips/{id}/members/{user_id}", tag = "members",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("user_id" = String, Path, description = "The member's id"),
    ),
    request_body = RoleRequest,
    responses(
        (status = 204, description = "Changed"),
        (status = 403, description = "Only the trip's owner changes roles", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip, or no such member other than the owner", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change_role(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path((id, user)): Path<(String, String)>,
    ApiJson(body): ApiJson<RoleRequest>,
) -> Result<StatusCode, ApiError> {
    let user: UserId = user.parse()?;
    members::change_role(
        &state.db,
        &super::actor(&grant),
        trip(&id)?,
        user,
        &body.role,
    )
    .await
    .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Take a member out of the trip (owner), or leave it (the member themself).
#[utoipa::path(
    operation_id = "remove_member",
    delete, path = "/api/v1/trips/{id}/members/{user_id}", tag = "members",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("user_id" = String, Path, description = "The member's id; the caller's own to leave"),
    ),
    responses(
        (status = 204, description = "Removed, or left"),
        (status = 403, description = "Only the owner removes others; the owner hands the trip over before leaving", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip, or no such member other than the owner", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn remove_member(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path((id, user)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let user: UserId = user.parse()?;
    let actor = super::actor(&grant);
    let trip = trip(&id)?;
    if user == actor.user() {
        members::leave(&state.db, &actor, trip).await
    } else {
        members::remove(&state.db, &actor, trip, user).await
    }
    .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Hand the trip to another member; the owner stays as an editor.
#[utoipa::path(
    operation_id = "hand_over_trip",
    post, path = "/api/v1/trips/{id}/owner", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    request_body = OwnerRequest,
    responses(
        (status = 204, description = "Handed over"),
        (status = 403, description = "Only the owner hands the trip over", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip, or no such member", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn hand_over(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OwnerRequest>,
) -> Result<StatusCode, ApiError> {
    let to: UserId = body.user_id.parse().map_err(|_| {
        let mut errors = FormErrors::default();
        errors.add("user_id", "Use the user_id of one of the trip's members.");
        ApiError::Invalid(errors)
    })?;
    members::hand_over(&state.db, &super::actor(&grant), trip(&id)?, to)
        .await
        .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The trip's open invitations, newest first (owner only).
#[utoipa::path(
    operation_id = "list_invitations",
    get, path = "/api/v1/trips/{id}/invitations", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "The open invitations", body = Vec<Invitation>),
        (status = 403, description = "Only the trip's owner sees its invitations", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_invitations(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Json<Vec<Invitation>>, ApiError> {
    let list = members::open_invitations(&state.db, &super::actor(&grant), trip(&id)?, Utc::now())
        .await
        .map_err(ApiError::from)?;
    Ok(Json(list.into_iter().map(Invitation::from).collect()))
}

/// Invite someone by email (owner only). The answer is the same whether or not the address
/// has an account; an open invitation of the same address is replaced.
#[utoipa::path(
    operation_id = "invite",
    post, path = "/api/v1/trips/{id}/invitations", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; the link is on its way by email", body = Invitation),
        (status = 403, description = "Only the trip's owner invites", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn invite(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<InviteRequest>,
) -> Result<Response, ApiError> {
    let (invitation, mail) = members::invite(
        &state.db,
        &super::actor(&grant),
        trip(&id)?,
        &body.email,
        &body.role,
        &state.base_url,
        // The API speaks English; an invitee whose account chose a language gets theirs.
        i18n::Language::En,
        Utc::now(),
    )
    .await
    .map_err(ApiError::from)?;
    send(&state, mail);
    Ok((StatusCode::CREATED, Json(Invitation::from(invitation))).into_response())
}

/// Send an invitation again, with a new link and a new week (owner only).
#[utoipa::path(
    operation_id = "resend_invitation",
    post, path = "/api/v1/trips/{id}/invitations/{invitation_id}/resend", tag = "members",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("invitation_id" = String, Path, description = "The invitation's id"),
    ),
    responses(
        (status = 200, description = "Sent again", body = Invitation),
        (status = 403, description = "Only the trip's owner sends invitations", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such open invitation in this trip", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn resend(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path((id, invitation)): Path<(String, String)>,
) -> Result<Json<Invitation>, ApiError> {
    let invitation: InvitationId = invitation.parse()?;
    let (invitation, mail) = members::resend(
        &state.db,
        &super::actor(&grant),
        trip(&id)?,
        invitation,
        &state.base_url,
        i18n::Language::En,
        Utc::now(),
    )
    .await
    .map_err(ApiError::from)?;
    send(&state, mail);
    Ok(Json(Invitation::from(invitation)))
}

/// Withdraw an open invitation: its link stops working (owner only).
#[utoipa::path(
    operation_id = "revoke_invitation",
    delete, path = "/api/v1/trips/{id}/invitations/{invitation_id}", tag = "members",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("invitation_id" = String, Path, description = "The invitation's id"),
    ),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 403, description = "Only the trip's owner withdraws invitations", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such open invitation in this trip", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revoke(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path((id, invitation)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let invitation: InvitationId = invitation.parse()?;
    members::revoke(
        &state.db,
        &super::actor(&grant),
        trip(&id)?,
        invitation,
        Utc::now(),
    )
    .await
    .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Open invitations sent to the traveler's confirmed address.
#[utoipa::path(
    operation_id = "my_invitations",
    get, path = "/api/v1/me/invitations", tag = "members",
    security(("bearer" = [])),
    responses((status = 200, description = "Open invitations", body = Vec<ReceivedInvitation>))
)]
pub async fn my_invitations(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
) -> Result<Json<Vec<ReceivedInvitation>>, ApiError> {
    let list = members::for_actor(&state.db, &super::actor(&grant), Utc::now())
        .await
        .map_err(|error| ApiError::from(domain::trips::service::TripError::from(error)))?;
    Ok(Json(
        list.into_iter().map(ReceivedInvitation::from).collect(),
    ))
}

/// Accept an invitation sent to the traveler's address: they join the trip.
#[utoipa::path(
    operation_id = "accept_invitation",
    post, path = "/api/v1/me/invitations/{invitation_id}/accept", tag = "members",
    security(("bearer" = [])),
    params(("invitation_id" = String, Path, description = "The invitation's id")),
    responses(
        (status = 200, description = "Joined", body = Joined),
        (status = 404, description = "No such open invitation for this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(invitation): Path<String>,
) -> Result<Json<Joined>, ApiError> {
    let invitation: InvitationId = invitation.parse()?;
    let trip = members::accept(
        &state.db,
        &super::actor(&grant),
        Which::Id(invitation),
        Utc::now(),
    )
    .await
    .map_err(ApiError::from)?;
    Ok(Json(Joined {
        trip_id: trip.to_string(),
    }))
}

/// Decline an invitation sent to the traveler's address.
#[utoipa::path(
    operation_id = "decline_invitation",
    post, path = "/api/v1/me/invitations/{invitation_id}/decline", tag = "members",
    security(("bearer" = [])),
    params(("invitation_id" = String, Path, description = "The invitation's id")),
    responses(
        (status = 204, description = "Declined"),
        (status = 404, description = "No such open invitation for this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn decline(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(invitation): Path<String>,
) -> Result<StatusCode, ApiError> {
    let invitation: InvitationId = invitation.parse()?;
    members::decline(
        &state.db,
        Some(&super::actor(&grant)),
        Which::Id(invitation),
        Utc::now(),
    )
    .await
    .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The trip's share link, without the link itself (owner only).
#[utoipa::path(
    operation_id = "get_share_link",
    get, path = "/api/v1/trips/{id}/share-link", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "The link's settings", body = ShareLink),
        (status = 403, description = "Only the trip's owner shares it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip of this traveler, or no link", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_share_link(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Json<ShareLink>, ApiError> {
    let link = sharing::find(&state.db, &super::actor(&grant), trip(&id)?)
        .await
        .map_err(ApiError::from)?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(ShareLink {
        include_budget: link.shown.include_budget,
        include_notes: link.shown.include_notes,
        created_at: link.created_at,
        url: None,
    }))
}

/// Make the trip's read-only link, replacing the one it had (owner only). The answer carries
/// the link; it is not shown again.
#[utoipa::path(
    operation_id = "create_share_link",
    put, path = "/api/v1/trips/{id}/share-link", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    request_body = ShareRequest,
    responses(
        (status = 201, description = "Made; `url` is the link", body = ShareLink),
        (status = 403, description = "Only the trip's owner shares it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_share_link(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ShareRequest>,
) -> Result<Response, ApiError> {
    let shown = Shown {
        include_budget: body.include_budget,
        include_notes: body.include_notes,
    };
    let (token, link) = sharing::create(
        &state.db,
        &super::actor(&grant),
        trip(&id)?,
        shown,
        Utc::now(),
    )
    .await
    .map_err(ApiError::from)?;
    let url = format!("{}/shared/{token}", state.base_url);
    let mut response = (
        StatusCode::CREATED,
        Json(ShareLink {
            include_budget: link.shown.include_budget,
            include_notes: link.shown.include_notes,
            created_at: link.created_at,
            url: Some(url),
        }),
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Delete the trip's link: it stops working at once (owner only). Deleting when there is no link
/// changes nothing and answers the same 204.
#[utoipa::path(
    operation_id = "revoke_share_link",
    delete, path = "/api/v1/trips/{id}/share-link", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 204, description = "Deleted, or there was no link"),
        (status = 403, description = "Only the trip's owner shares it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revoke_share_link(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    sharing::revoke(&state.db, &super::actor(&grant), trip(&id)?)
        .await
        .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who changed what, when: the trip's last 200 changes, newest first.
#[utoipa::path(
    operation_id = "trip_history",
    get, path = "/api/v1/trips/{id}/history", tag = "members",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "The changes", body = Vec<Change>),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn trip_history(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Json<Vec<Change>>, ApiError> {
    let list = history::list(&state.db, &super::actor(&grant), trip(&id)?)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(list.into_iter().map(Change::from).collect()))
}
