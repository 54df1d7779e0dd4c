//! The authorization matrix: every page, server function and API operation on a trip, for its
//! owner, an editor, a viewer, a traveler who is not a member, a visitor, and a visitor holding
//! the trip's share link. What each may do comes from the one table of rights
//! (`Role::may`); the expected answer follows from it — the success status when the role has
//! the right, 403 for a member without it, 404 for a non-member, and for visitors the login
//! redirect (pages) or 401. Every refusal must leave every trip table exactly as it was.
//! Each case runs on a trip of its own, so the order of the cases does not matter.

use std::collections::BTreeMap;

use domain::{
    access::{Right, Role},
    ids::{ActivityId, InvitationId, TripId},
};
use reqwest::Method;
use serde_json::json;

use super::{Person, join, open_invitation, person, trip_with_activity};
use crate::{
    backup::every_row,
    helpers::{TestApp, spawn_app},
};

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Member(Role),
    Stranger,
    Visitor,
    /// A visitor who has the share link (and nothing else).
    LinkHolder,
}

/// How an operation is reached, which decides the statuses.
#[derive(Debug, Clone)]
enum Via {
    /// A page (GET, session cookie): 200, 403, 404, or 303 to the login page.
    Page,
    /// A server function posted as a script does (session cookie): 200, 403, 404 or 401.
    Function,
    /// The JSON API (bearer token): its success status, 403, 404 or 401.
    Api(Method, u16),
    /// A file posted as a browser's upload form does (session cookie): 303 back to the trip,
    /// 403, 404, or 303 to the login page.
    Upload,
}

/// One trip as a case sees it.
struct Case {
    trip: TripId,
    activity: ActivityId,
    invitation: InvitationId,
    share: String,
}

struct People {
    owner: Person,
    editor: Person,
    viewer: Person,
    guest: Person,
    stranger: Person,
}

type Build = fn(&Case, &People) -> (String, serde_json::Value);

/// `(name, right needed, how, request)`: the request's path and its form or JSON body.
fn operations() -> Vec<(&'static str, Right, Via, Build)> {
    use Right::*;
    use Via::*;
    let nothing = json!({});
    let _ = nothing;
    vec![
        ("trip page", Read, Page, |c, _| {
            (format!("/trips/{}", c.trip), json!({}))
        }),
        ("day page", Read, Page, |c, _| {
            (format!("/trips/{}/days/2027-03-03", c.trip), json!({}))
        }),
        ("members page", Read, Page, |c, _| {
            (format!("/trips/{}/members", c.trip), json!({}))
        }),
        ("history page", Read, Page, |c, _| {
            (format!("/trips/{}/history", c.trip), json!({}))
        }),
        ("edit trip page", EditDetails, Page, |c, _| {
            (format!("/trips/{}/edit", c.trip), json!({}))
        }),
        ("delete trip page", Delete, Page, |c, _| {
            (format!("/trips/{}/delete", c.trip), json!({}))
        }),
        ("new activity page", EditPlan, Page, |c, _| {
            (
                format!("/trips/{}/activities/new?day=2027-03-04", c.trip),
                json!({}),
            )
        }),
        ("edit activity page", EditPlan, Page, |c, _| {
            (
                format!("/trips/{}/activities/{}/edit", c.trip, c.activity),
                json!({}),
            )
        }),
        ("delete activity page", EditPlan, Page, |c, _| {
            (
                format!("/trips/{}/activities/{}/delete", c.trip, c.activity),
                json!({}),
            )
        }),
        ("place search page", EditPlan, Page, |c, _| {
            (format!("/trips/{}/places", c.trip), json!({}))
        }),
        ("import into trip page", EditPlan, Page, |c, _| {
            (format!("/trips/{}/import", c.trip), json!({}))
        }),
        ("calendar file", Read, Page, |c, _| {
            (format!("/trips/{}/calendar.ics", c.trip), json!({}))
        }),
        ("GPX file", Read, Page, |c, _| {
            (format!("/trips/{}/places.gpx", c.trip), json!({}))
        }),
        ("KML file", Read, Page, |c, _| {
            (format!("/trips/{}/places.kml", c.trip), json!({}))
        }),
        ("activities CSV", Read, Page, |c, _| {
            (format!("/trips/{}/activities.csv", c.trip), json!({}))
        }),
        ("budget CSV", Read, Page, |c, _| {
            (format!("/trips/{}/budget.csv", c.trip), json!({}))
        }),
        ("trip JSON", Read, Page, |c, _| {
            (format!("/trips/{}/trip.json", c.trip), json!({}))
        }),
        ("trip pack", Read, Page, |c, _| {
            (format!("/trips/{}/trip-pack.html", c.trip), json!({}))
        }),
        ("import places into trip", EditPlan, Upload, |c, _| {
            (format!("/trips/{}/import/upload", c.trip), json!({}))
        }),
        ("place search", EditPlan, Function, |c, _| {
            (
                "/api/places/search".into(),
                json!({"trip_id": c.trip.to_string(), "q": ""}),
            )
        }),
        ("import page data", EditPlan, Function, |c, _| {
            (
                "/api/imports/page".into(),
                json!({"trip": c.trip.to_string()}),
            )
        }),
        ("calendar address data", Read, Function, |c, _| {
            ("/api/feeds/get".into(), json!({"trip": c.trip.to_string()}))
        }),
        ("make calendar address", Read, Function, |c, _| {
            (
                "/api/feeds/make".into(),
                json!({"trip": c.trip.to_string()}),
            )
        }),
        ("stop calendar address", Read, Function, |c, _| {
            (
                "/api/feeds/stop".into(),
                json!({"trip": c.trip.to_string()}),
            )
        }),
        ("trip page data", Read, Function, |c, _| {
            (
                "/api/itinerary/page".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("plan", Read, Function, |c, _| {
            (
                "/api/itinerary/plan".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("members data", Read, Function, |c, _| {
            (
                "/api/members/page".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("history data", Read, Function, |c, _| {
            (
                "/api/members/history".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("update trip", EditDetails, Function, |c, _| {
            (
                "/api/trips/update".into(),
                json!({
            "id": c.trip.to_string(), "name": "Renamed", "destination": "Porto", "start_date": "2027-03-03",
            "end_date": "2027-03-05", "time_zone": "Europe/Lisbon", "currency": "EUR"}),
            )
        }),
        ("delete trip", Delete, Function, |c, _| {
            (
                "/api/trips/delete".into(),
                json!({"id": c.trip.to_string()}),
            )
        }),
        ("add activity", EditPlan, Function, |c, _| {
            (
                "/api/itinerary/create".into(),
                json!({
            "trip_id": c.trip.to_string(), "day": "2027-03-04", "title": "Theirs", "category": "sight"}),
            )
        }),
        ("change activity", EditPlan, Function, |c, _| {
            (
                "/api/itinerary/update".into(),
                json!({
            "id": c.activity.to_string(), "day": "2027-03-05", "title": "Taken", "category": "sight"}),
            )
        }),
        ("move activity", EditPlan, Function, |c, _| {
            (
                "/api/itinerary/move".into(),
                json!({
            "id": c.activity.to_string(), "direction": "down", "back": "/trips"}),
            )
        }),
        ("delete activity", EditPlan, Function, |c, _| {
            (
                "/api/itinerary/delete".into(),
                json!({"id": c.activity.to_string()}),
            )
        }),
        ("invite", ManageMembers, Function, |c, _| {
            (
                "/api/members/invite".into(),
                json!({
            "trip_id": c.trip.to_string(), "email": "someone@example.com", "role": "viewer"}),
            )
        }),
        ("resend invitation", ManageMembers, Function, |c, _| {
            (
                "/api/members/resend".into(),
                json!({
            "trip_id": c.trip.to_string(), "invitation_id": c.invitation.to_string()}),
            )
        }),
        ("withdraw invitation", ManageMembers, Function, |c, _| {
            (
                "/api/members/revoke".into(),
                json!({
            "trip_id": c.trip.to_string(), "invitation_id": c.invitation.to_string()}),
            )
        }),
        ("change role", ManageMembers, Function, |c, p| {
            (
                "/api/members/role".into(),
                json!({
            "trip_id": c.trip.to_string(), "user_id": p.guest.id.to_string(), "role": "editor"}),
            )
        }),
        ("remove member", ManageMembers, Function, |c, p| {
            (
                "/api/members/remove".into(),
                json!({
            "trip_id": c.trip.to_string(), "user_id": p.guest.id.to_string()}),
            )
        }),
        ("hand over", ManageMembers, Function, |c, p| {
            (
                "/api/members/hand-over".into(),
                json!({
            "trip_id": c.trip.to_string(), "user_id": p.guest.id.to_string()}),
            )
        }),
        ("make share link", Share, Function, |c, _| {
            (
                "/api/members/share".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("delete share link", Share, Function, |c, _| {
            (
                "/api/members/unshare".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("leave", Leave, Function, |c, _| {
            (
                "/api/members/leave".into(),
                json!({"trip_id": c.trip.to_string()}),
            )
        }),
        ("API get trip", Read, Api(Method::GET, 200), |c, _| {
            (format!("/api/v1/trips/{}", c.trip), json!(null))
        }),
        (
            "API replace trip",
            EditDetails,
            Api(Method::PUT, 200),
            |c, _| {
                (
                    format!("/api/v1/trips/{}", c.trip),
                    json!({
            "name": "Renamed", "destination": "Porto", "start_date": "2027-03-03", "end_date": "2027-03-05",
            "time_zone": "Europe/Lisbon", "currency": "EUR"}),
                )
            },
        ),
        (
            "API delete trip",
            Delete,
            Api(Method::DELETE, 204),
            |c, _| (format!("/api/v1/trips/{}", c.trip), json!(null)),
        ),
        (
            "API list activities",
            Read,
            Api(Method::GET, 200),
            |c, _| (format!("/api/v1/trips/{}/activities", c.trip), json!(null)),
        ),
        (
            "API add activity",
            EditPlan,
            Api(Method::POST, 201),
            |c, _| {
                (
                    format!("/api/v1/trips/{}/activities", c.trip),
                    json!({
            "day": "2027-03-04", "title": "Theirs", "category": "sight"}),
                )
            },
        ),
        ("API get activity", Read, Api(Method::GET, 200), |c, _| {
            (format!("/api/v1/activities/{}", c.activity), json!(null))
        }),
        (
            "API replace activity",
            EditPlan,
            Api(Method::PUT, 200),
            |c, _| {
                (
                    format!("/api/v1/activities/{}", c.activity),
                    json!({
            "day": "2027-03-05", "title": "Taken", "category": "sight"}),
                )
            },
        ),
        (
            "API move activity",
            EditPlan,
            Api(Method::POST, 200),
            |c, _| {
                (
                    format!("/api/v1/activities/{}/move", c.activity),
                    json!({
            "day": "2027-03-04", "position": 0}),
                )
            },
        ),
        (
            "API delete activity",
            EditPlan,
            Api(Method::DELETE, 204),
            |c, _| (format!("/api/v1/activities/{}", c.activity), json!(null)),
        ),
        ("API members", Read, Api(Method::GET, 200), |c, _| {
            (format!("/api/v1/trips/{}/members", c.trip), json!(null))
        }),
        ("API history", Read, Api(Method::GET, 200), |c, _| {
            (format!("/api/v1/trips/{}/history", c.trip), json!(null))
        }),
        (
            "API change role",
            ManageMembers,
            Api(Method::PATCH, 204),
            |c, p| {
                (
                    format!("/api/v1/trips/{}/members/{}", c.trip, p.guest.id),
                    json!({"role": "editor"}),
                )
            },
        ),
        (
            "API remove member",
            ManageMembers,
            Api(Method::DELETE, 204),
            |c, p| {
                (
                    format!("/api/v1/trips/{}/members/{}", c.trip, p.guest.id),
                    json!(null),
                )
            },
        ),
        (
            "API hand over",
            ManageMembers,
            Api(Method::POST, 204),
            |c, p| {
                (
                    format!("/api/v1/trips/{}/owner", c.trip),
                    json!({"user_id": p.guest.id.to_string()}),
                )
            },
        ),
        (
            "API invitations",
            ManageMembers,
            Api(Method::GET, 200),
            |c, _| (format!("/api/v1/trips/{}/invitations", c.trip), json!(null)),
        ),
        (
            "API invite",
            ManageMembers,
            Api(Method::POST, 201),
            |c, _| {
                (
                    format!("/api/v1/trips/{}/invitations", c.trip),
                    json!({
            "email": "someone@example.com", "role": "editor"}),
                )
            },
        ),
        (
            "API resend invitation",
            ManageMembers,
            Api(Method::POST, 200),
            |c, _| {
                (
                    format!(
                        "/api/v1/trips/{}/invitations/{}/resend",
                        c.trip, c.invitation
                    ),
                    json!(null),
                )
            },
        ),
        (
            "API withdraw invitation",
            ManageMembers,
            Api(Method::DELETE, 204),
            |c, _| {
                (
                    format!("/api/v1/trips/{}/invitations/{}", c.trip, c.invitation),
                    json!(null),
                )
            },
        ),
        ("API share link", Share, Api(Method::GET, 200), |c, _| {
            (format!("/api/v1/trips/{}/share-link", c.trip), json!(null))
        }),
        (
            "API make share link",
            Share,
            Api(Method::PUT, 201),
            |c, _| {
                (
                    format!("/api/v1/trips/{}/share-link", c.trip),
                    json!({"include_budget": true}),
                )
            },
        ),
        (
            "API delete share link",
            Share,
            Api(Method::DELETE, 204),
            |c, _| (format!("/api/v1/trips/{}/share-link", c.trip), json!(null)),
        ),
    ]
}

/// The rows of every table a trip lives in.
async fn trip_tables(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let mut rows = every_row(&app.db).await;
    rows.retain(|table, _| {
        [
            "trips",
            "activities",
            "trip_members",
            "trip_invitations",
            "share_links",
            "trip_changes",
            "calendar_feeds",
        ]
        .contains(&table.as_str())
    });
    rows
}

async fn case(app: &TestApp, people: &People) -> Case {
    let (trip, activity) = trip_with_activity(app, &people.owner).await;
    join(app, &people.owner, trip, &people.editor, "editor").await;
    join(app, &people.owner, trip, &people.viewer, "viewer").await;
    join(app, &people.owner, trip, &people.guest, "viewer").await;
    let invitation = open_invitation(app, &people.owner, trip).await;
    let (share, _) = domain::sharing::create(
        &app.db,
        &super::actor(&people.owner),
        trip,
        domain::sharing::Shown::default(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    Case {
        trip,
        activity,
        invitation,
        share,
    }
}

fn form(body: &serde_json::Value) -> Vec<(String, String)> {
    body.as_object()
        .map(|fields| {
            fields
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

async fn ask(
    app: &TestApp,
    people: &People,
    who: Who,
    via: &Via,
    path: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    let (cookie, token) = match who {
        Who::Member(Role::Owner) => (Some(&people.owner.cookie), Some(&people.owner.token)),
        Who::Member(Role::Editor) => (Some(&people.editor.cookie), Some(&people.editor.token)),
        Who::Member(Role::Viewer) => (Some(&people.viewer.cookie), Some(&people.viewer.token)),
        Who::Stranger => (Some(&people.stranger.cookie), Some(&people.stranger.token)),
        Who::Visitor | Who::LinkHolder => (None, None),
    };
    match via {
        Via::Page => {
            let mut request = app.client.get(app.url(path));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            request.send().await.unwrap()
        }
        Via::Function => {
            let fields = form(body);
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            app.post_form(path, &fields, cookie.map(String::as_str))
                .await
        }
        Via::Api(method, _) => {
            let body = (!body.is_null()).then_some(body);
            app.api(method.clone(), path, token.map(String::as_str), body)
                .await
        }
        Via::Upload => {
            let boundary = "----matrix-boundary";
            let gpx = r#"<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="38.7139" lon="-9.1334"><name>Rossio</name></wpt></gpx>"#;
            let body = format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"day\"\r\n\r\n2027-03-04\r\n\
                 --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"places.gpx\"\r\n\
                 Content-Type: application/gpx+xml\r\n\r\n{gpx}\r\n--{boundary}--\r\n"
            );
            let mut request = app
                .client
                .post(app.url(path))
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(body);
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            request.send().await.unwrap()
        }
    }
}

fn expected(who: Who, right: Right, via: &Via) -> u16 {
    let success = match via {
        Via::Page | Via::Function => 200,
        Via::Api(_, status) => *status,
        Via::Upload => 303,
    };
    match who {
        Who::Member(role) if role.may(right) => success,
        Who::Member(_) => 403,
        Who::Stranger => 404,
        Who::Visitor | Who::LinkHolder => match via {
            Via::Page | Via::Upload => 303,
            _ => 401,
        },
    }
}

#[tokio::test]
async fn every_operation_answers_each_role_as_the_table_of_rights_says() {
    let app = spawn_app().await;
    let people = People {
        owner: person(&app, "Ana").await,
        editor: person(&app, "Ben").await,
        viewer: person(&app, "Cleo").await,
        guest: person(&app, "Dai").await,
        stranger: person(&app, "Eve").await,
    };
    let everyone = [
        Who::Member(Role::Owner),
        Who::Member(Role::Editor),
        Who::Member(Role::Viewer),
        Who::Stranger,
        Who::Visitor,
        Who::LinkHolder,
    ];
    let mut cases = 0;
    let mut refusals = 0;
    for (name, right, via, build) in operations() {
        for who in everyone {
            let case = case(&app, &people).await;
            let (path, body) = build(&case, &people);
            let before = trip_tables(&app).await;
            let response = ask(&app, &people, who, &via, &path, &body).await;
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_string();
            let want = expected(who, right, &via);
            let allowed = matches!(who, Who::Member(role) if role.may(right));
            let text = response.text().await.unwrap_or_default();
            assert_eq!(status, want, "{name} as {who:?}: {text}");
            assert!(
                !text.contains("Secret notes") || allowed,
                "{name} as {who:?} leaks the notes"
            );
            // An upload that was let in goes back to the trip (not to its problems), a refused
            // visitor to the login page.
            if matches!(via, Via::Upload) {
                let to = if allowed {
                    format!("/trips/{}", case.trip)
                } else {
                    "/login".to_string()
                };
                assert!(
                    !(allowed || status == 303) || location.starts_with(&to),
                    "{name} as {who:?} went to {location}"
                );
            }
            if !allowed {
                refusals += 1;
                assert_eq!(
                    trip_tables(&app).await,
                    before,
                    "{name} as {who:?} was refused but changed something"
                );
            }
            cases += 1;
            // The share link shows the trip to everyone who has it, read-only, and no more.
            if who == Who::LinkHolder && name == "trip page" {
                let shared = app.get(&format!("/shared/{}", case.share)).await;
                assert_eq!(shared.status(), 200);
                let html = shared.text().await.unwrap();
                assert!(
                    html.contains("Pastéis") && !html.contains("Secret notes"),
                    "{html}"
                );
                assert!(!html.contains("/edit") && !html.contains("Add an activity"));
            }
        }
    }
    // The size of the matrix, for the record (the issue's note quotes it).
    println!("authorization matrix: {cases} cases, {refusals} refusals");
    assert_eq!(cases, operations().len() * everyone.len());
}
