//! Planning together: who may do what (one matrix over every page, server function and API
//! operation), invitations, the share link, conflicting edits and live updates.

mod conflicts;
mod invitations;
mod live;
mod matrix;
mod sharing;

use chrono::Utc;
use domain::{
    access::Actor,
    ids::{ActivityId, InvitationId, TripId, UserId},
    itinerary::model::ActivityDraft,
    members,
    trips::model::TripDraft,
};
use uuid::Uuid;

use crate::helpers::{PASSWORD, TestApp, unique_email};

/// Someone with an account: their session cookie, API token and id.
pub struct Person {
    pub email: String,
    pub cookie: String,
    pub token: String,
    pub id: Uuid,
}

pub async fn person(app: &TestApp, name: &str) -> Person {
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let id = app.user_id(&email).await;
    // Names in history and on member lists.
    {
        use domain::entities::users;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        users::Entity::update_many()
            .col_expr(users::Column::DisplayName, Expr::value(name))
            .filter(users::Column::Id.eq(id))
            .exec(&app.db)
            .await
            .unwrap();
    }
    let tokens = app.api_log_in(&email, PASSWORD).await;
    Person {
        email,
        cookie,
        token: tokens["access_token"].as_str().unwrap().to_string(),
        id,
    }
}

pub fn actor(person: &Person) -> Actor {
    Actor::signed_in(UserId::from(person.id))
}

/// The token in the last invitation link mailed to `to`.
pub async fn invitation_token(app: &TestApp, to: &str) -> String {
    let link = app.link_sent_to(to, "/invitations/").await;
    link.rsplit('/').next().unwrap().trim().to_string()
}

/// The token in an invitation email's link.
pub fn token_of(mail: &domain::mail::Email) -> String {
    mail.body
        .split("/invitations/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string()
}

/// Invites `who` into `trip` as `role` and accepts through the emailed link.
pub async fn join(app: &TestApp, owner: &Person, trip: TripId, who: &Person, role: &str) {
    let (_, mail) = members::invite(
        &app.db,
        &actor(owner),
        trip,
        &who.email,
        role,
        "http://localhost",
        i18n::Language::En,
        Utc::now(),
    )
    .await
    .unwrap();
    let token = token_of(&mail);
    members::accept(
        &app.db,
        &actor(who),
        members::Which::Link(&token),
        Utc::now(),
    )
    .await
    .unwrap();
}

/// A trip of `owner`'s from 3 to 5 March 2027 with one activity on the 3rd.
pub async fn trip_with_activity(app: &TestApp, owner: &Person) -> (TripId, ActivityId) {
    let trip = crate::core::create_trip(
        &app.db,
        owner.id,
        &TripDraft {
            name: "Lisbon together".into(),
            destination: "Lisbon".into(),
            start_date: "2027-03-03".into(),
            end_date: "2027-03-05".into(),
            time_zone: "Europe/Lisbon".into(),
            currency: "EUR".into(),
            budget: "900".into(),
            notes: "Secret notes".into(),
            ..TripDraft::default()
        },
    )
    .await
    .unwrap();
    let activity = crate::core::add_activity(
        &app.db,
        owner.id,
        trip.id,
        &ActivityDraft {
            day: "2027-03-03".into(),
            start_time: "09:30".into(),
            title: "Pastéis".into(),
            category: "food".into(),
            cost: "12.50".into(),
            description: "Private description".into(),
            ..ActivityDraft::default()
        },
    )
    .await
    .unwrap();
    (trip.id.into(), activity.id)
}

/// An open invitation in `trip` to a fresh address.
pub async fn open_invitation(app: &TestApp, owner: &Person, trip: TripId) -> InvitationId {
    let (invitation, _) = members::invite(
        &app.db,
        &actor(owner),
        trip,
        &unique_email(),
        "viewer",
        "http://localhost",
        i18n::Language::En,
        Utc::now(),
    )
    .await
    .unwrap();
    invitation.id
}
