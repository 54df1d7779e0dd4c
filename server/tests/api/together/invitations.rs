//! Invitations: by email with a role, a hashed single-use link that works for 7 days, sign-up
//! through the link, accepting and declining, withdrawing and sending again — and answers that
//! never tell the inviter whether an address has an account.

use chrono::{Duration, Utc};
use domain::{entities::trip_invitations, members};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{actor, invitation_token, person, token_of, trip_with_activity};
use crate::helpers::{PASSWORD, spawn_app, unique_email};

#[tokio::test]
async fn someone_without_an_account_signs_up_through_the_link_and_lands_in_the_trip() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let ben = unique_email();

    let invited = app
        .post_form(
            "/api/members/invite",
            &[
                ("trip_id", &trip.to_string()),
                ("email", &ben),
                ("role", "editor"),
            ],
            Some(&ana.cookie),
        )
        .await;
    assert_eq!(invited.status(), 200, "{}", invited.text().await.unwrap());
    let token = invitation_token(&app, &ben).await;
    // Only a hash of the link's token is stored.
    let row = trip_invitations::Entity::find()
        .filter(trip_invitations::Column::Email.eq(&ben))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(row.token_hash, token);
    assert!(token.len() >= 43, "256 random bits");
    assert_eq!(row.expires_at - row.created_at, Duration::days(7));

    let page = app.get(&format!("/invitations/{token}")).await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Lisbon together") && html.contains("Create your account"),
        "{html}"
    );

    let joined = app
        .post_form(
            "/api/members/sign-up",
            &[
                ("token", &token),
                ("display_name", "Ben"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(joined.status(), 200, "{}", joined.text().await.unwrap());
    assert_eq!(
        joined.headers()["location"],
        format!("/trips/{trip}").as_str()
    );
    let cookie = crate::helpers::session_cookie(&joined).unwrap();
    let ben_id = app.user_id(&ben).await;
    let trip_page = app
        .get_with_cookie(&format!("/trips/{trip}"), &cookie)
        .await;
    assert_eq!(trip_page.status(), 200);
    let html = trip_page.text().await.unwrap();
    assert!(
        html.contains("Pastéis") && html.contains("You can edit this trip."),
        "{html}"
    );
    assert_eq!(
        app.count_where("trip_members", &format!("role = 'editor' AND trip_id IS NOT NULL AND user_id IN (SELECT id FROM users WHERE email = '{ben}')")).await,
        1
    );
    let _ = ben_id;

    // The link is used up.
    let again = app
        .post_form(
            "/api/members/answer-link",
            &[("token", &token), ("answer", "accept")],
            Some(&cookie),
        )
        .await;
    assert_eq!(again.status(), 422);
    assert!(again.text().await.unwrap().contains("not valid any more"));
}

#[tokio::test]
async fn the_inviter_cannot_tell_whether_an_address_has_an_account() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let nobody = unique_email();
    let mut answers = Vec::new();
    for email in [&ben.email, &nobody] {
        let response = app
            .api(
                reqwest::Method::POST,
                &format!("/api/v1/trips/{trip}/invitations"),
                Some(&ana.token),
                Some(&serde_json::json!({"email": email, "role": "viewer"})),
            )
            .await;
        let status = response.status();
        let mut body: serde_json::Value = response.json().await.unwrap();
        for field in ["id", "email", "created_at", "expires_at"] {
            body.as_object_mut().unwrap().remove(field);
        }
        answers.push((status, body));
    }
    assert_eq!(answers[0], answers[1]);
    // Both got a link.
    invitation_token(&app, &ben.email).await;
    invitation_token(&app, &nobody).await;
}

#[tokio::test]
async fn an_invitation_can_be_declined_withdrawn_and_sent_again() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let now = Utc::now();
    let (first, mail) = members::invite(
        &app.db,
        &actor(&ana),
        trip,
        &ben.email,
        "viewer",
        "http://x",
        i18n::Language::En,
        now,
    )
    .await
    .unwrap();
    // Pending invitations show on the invitee's trip list.
    let list = app
        .get_with_cookie("/trips", &ben.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("Ana invited you to “Lisbon together”"),
        "{list}"
    );
    let old = token_of(&mail);

    // Sent again: a new link; the old one stops working.
    let resent = app
        .post_form(
            "/api/members/resend",
            &[
                ("trip_id", &trip.to_string()),
                ("invitation_id", &first.id.to_string()),
            ],
            Some(&ana.cookie),
        )
        .await;
    assert_eq!(resent.status(), 200);
    let new = invitation_token(&app, &ben.email).await;
    assert_ne!(old, new);
    let stale = app
        .get(&format!("/invitations/{old}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(stale.contains("can’t be used"), "{stale}");

    // Withdrawn: the new link stops working too, and nobody joins.
    let withdrawn = app
        .post_form(
            "/api/members/revoke",
            &[
                ("trip_id", &trip.to_string()),
                ("invitation_id", &first.id.to_string()),
            ],
            Some(&ana.cookie),
        )
        .await;
    assert_eq!(withdrawn.status(), 200);
    let accepted = app
        .post_form(
            "/api/members/answer-link",
            &[("token", &new), ("answer", "accept")],
            Some(&ben.cookie),
        )
        .await;
    assert_eq!(accepted.status(), 422);
    assert_eq!(app.count("trip_members").await, 1);

    // Declined from the trip list: no member, the invitation closed.
    let (second, _) = members::invite(
        &app.db,
        &actor(&ana),
        trip,
        &ben.email,
        "editor",
        "http://x",
        i18n::Language::En,
        now,
    )
    .await
    .unwrap();
    let declined = app
        .post_form(
            "/api/members/answer",
            &[
                ("invitation_id", &second.id.to_string()),
                ("answer", "decline"),
            ],
            Some(&ben.cookie),
        )
        .await;
    assert_eq!(declined.status(), 200);
    assert_eq!(app.count("trip_members").await, 1);
    assert_eq!(
        app.count_where("trip_invitations", "outcome = 'declined'")
            .await,
        1
    );
    // Someone else's invitation cannot be answered by id.
    let (third, _) = members::invite(
        &app.db,
        &actor(&ana),
        trip,
        &unique_email(),
        "editor",
        "http://x",
        i18n::Language::En,
        now,
    )
    .await
    .unwrap();
    let taken = app
        .post_form(
            "/api/members/answer",
            &[
                ("invitation_id", &third.id.to_string()),
                ("answer", "accept"),
            ],
            Some(&ben.cookie),
        )
        .await;
    assert_eq!(taken.status(), 404);
    assert_eq!(app.count("trip_members").await, 1);
}

#[tokio::test]
async fn an_expired_invitation_link_does_not_work() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let long_ago = Utc::now() - Duration::days(8);
    let (_, mail) = members::invite(
        &app.db,
        &actor(&ana),
        trip,
        &ben.email,
        "viewer",
        "http://x",
        i18n::Language::En,
        long_ago,
    )
    .await
    .unwrap();
    let token = token_of(&mail);
    let accepted = app
        .post_form(
            "/api/members/answer-link",
            &[("token", &token), ("answer", "accept")],
            Some(&ben.cookie),
        )
        .await;
    assert_eq!(accepted.status(), 422);
    assert_eq!(app.count("trip_members").await, 1);
}

#[tokio::test]
async fn the_api_sends_an_invitation_again_with_a_new_link() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let email = unique_email();
    let invited = app
        .api(
            reqwest::Method::POST,
            &format!("/api/v1/trips/{trip}/invitations"),
            Some(&ana.token),
            Some(&serde_json::json!({"email": email, "role": "viewer"})),
        )
        .await;
    assert_eq!(invited.status(), 201);
    let first = invitation_token(&app, &email).await;
    let id = invited.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let resent = app
        .api(
            reqwest::Method::POST,
            &format!("/api/v1/trips/{trip}/invitations/{id}/resend"),
            Some(&ana.token),
            None,
        )
        .await;
    let status = resent.status();
    assert_eq!(status, 200, "{}", resent.text().await.unwrap());
    let mut second = invitation_token(&app, &email).await;
    for _ in 0..50 {
        if second != first {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        second = invitation_token(&app, &email).await;
    }
    assert_ne!(first, second, "a new link");
}

/// The session's read says whether an invitation may be waiting: a traveler with none open
/// (never invited, or the invitation withdrawn) gets their trip list without the invitations
/// read; one with an invitation sees it.
#[tokio::test]
async fn the_trip_list_reads_invitations_only_when_one_may_be_waiting() {
    use std::sync::atomic::Ordering;

    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let ben = person(&app, "Ben").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let list = async || {
        let before = app.queries.load(Ordering::SeqCst);
        let html = app
            .get_with_cookie("/trips", &ben.cookie)
            .await
            .text()
            .await
            .unwrap();
        (html, app.queries.load(Ordering::SeqCst) - before)
    };
    let (page, none) = list().await;
    assert!(!page.contains("invited you"), "{page}");

    let (invitation, _) = members::invite(
        &app.db,
        &actor(&ana),
        trip,
        &ben.email,
        "viewer",
        "http://x",
        i18n::Language::En,
        Utc::now(),
    )
    .await
    .unwrap();
    let (page, invited) = list().await;
    assert!(
        page.contains("Ana invited you to “Lisbon together”"),
        "{page}"
    );

    trip_invitations::Entity::update_many()
        .col_expr(
            trip_invitations::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .filter(trip_invitations::Column::Id.eq(invitation.id.uuid()))
        .exec(&app.db)
        .await
        .unwrap();
    let (page, expired) = list().await;
    assert!(!page.contains("invited you"), "{page}");

    println!(
        "trip list: {none} statements, {invited} with an invitation, {expired} after it expired"
    );
    // The session (with the profile and whether an invitation waits), the count, the page, the
    // recent past: no invitations read.
    assert_eq!(none, 4);
    assert_eq!(expired, none);
    assert!(invited > none);
}
