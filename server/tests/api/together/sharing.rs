//! The public share link: read-only, no account or JavaScript needed, never indexed, cached or
//! named in a Referer; budget and notes only when chosen; revoked or replaced, the old link is
//! a 404 at once — and the render cache never serves one view's HTML for another.

use reqwest::Method;

use super::{person, trip_with_activity};
use crate::helpers::spawn_app;

async fn share(app: &crate::helpers::TestApp, cookie: &str, trip: &str, budget: bool) -> String {
    let mut form = vec![("trip_id", trip)];
    if budget {
        form.push(("include_budget", "on"));
    }
    let made = app
        .post_form("/api/members/share", &form, Some(cookie))
        .await;
    assert_eq!(made.status(), 200, "{}", made.text().await.unwrap());
    // The link is shown once, on the members page.
    let page = app
        .get_with_cookie(&format!("/trips/{trip}/members"), cookie)
        .await
        .text()
        .await
        .unwrap();
    let url = page
        .split("/shared/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let again = app
        .get_with_cookie(&format!("/trips/{trip}/members"), cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!again.contains(&url), "the link is shown only once");
    url
}

#[tokio::test]
async fn a_share_link_shows_the_trip_read_only_until_it_is_revoked_or_replaced() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let trip = trip.to_string();
    // The owner's page is rendered (and kept) first: the shared view must not reuse it.
    let own = app
        .get_with_cookie(&format!("/trips/{trip}"), &ana.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(own.contains("Secret notes") && own.contains("Add an activity"));

    let token = share(&app, &ana.cookie, &trip, false).await;
    assert!(token.len() >= 22, "at least 128 bits: {token}");
    let shared = app.get(&format!("/shared/{token}")).await;
    assert_eq!(shared.status(), 200);
    let headers = shared.headers().clone();
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert!(
        headers["x-robots-tag"]
            .to_str()
            .unwrap()
            .contains("noindex")
    );
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store")
    );
    let html = shared.text().await.unwrap();
    assert!(html.contains("Pastéis") && html.contains("Lisbon together"));
    assert!(
        html.contains(r#"name="robots" content="noindex"#),
        "noindex in the page too"
    );
    for private in [
        "Secret notes",
        "Private description",
        "900.00",
        "Add an activity",
        "/edit",
        "/members",
        "Ana",
    ] {
        assert!(!html.contains(private), "the shared page shows {private}");
    }

    // With the budget: the costs show; the notes still do not.
    let with_budget = share(&app, &ana.cookie, &trip, true).await;
    assert_eq!(
        app.get(&format!("/shared/{token}")).await.status(),
        404,
        "replaced"
    );
    let html = app
        .get(&format!("/shared/{with_budget}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("12.50") && !html.contains("Secret notes"),
        "{html}"
    );

    let revoked = app
        .post_form(
            "/api/members/unshare",
            &[("trip_id", &trip)],
            Some(&ana.cookie),
        )
        .await;
    assert_eq!(revoked.status(), 200);
    assert_eq!(
        app.get(&format!("/shared/{with_budget}")).await.status(),
        404
    );
    assert_eq!(app.get("/shared/not-a-token").await.status(), 404);
}

/// `DELETE` on the link is idempotent: with no link it answers 204 and records nothing, so a
/// second "Stop sharing" (or a client's retry) is not an error and history says it once.
#[tokio::test]
async fn deleting_a_missing_link_changes_nothing_and_is_not_an_error() {
    let app = spawn_app().await;
    let ana = person(&app, "Ana").await;
    let (trip, _) = trip_with_activity(&app, &ana).await;
    let link = app.url(&format!("/api/v1/trips/{trip}/share-link"));
    // The link's address called with `method` as `who`: the answer's status.
    let call = |method: Method, who: &str| {
        let request = app
            .client
            .request(method, link.clone())
            .bearer_auth(who)
            .json(&serde_json::json!({"include_budget": false}));
        async move { request.send().await.unwrap().status() }
    };
    let revocations = || async {
        let changes: Vec<serde_json::Value> = app
            .client
            .get(app.url(&format!("/api/v1/trips/{trip}/history")))
            .bearer_auth(&ana.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        changes
            .iter()
            .filter(|change| change["kind"] == "share_link_revoked")
            .count()
    };

    assert_eq!(call(Method::DELETE, &ana.token).await, 204, "no link yet");
    assert_eq!(revocations().await, 0, "nothing happened, nothing recorded");
    assert_eq!(call(Method::PUT, &ana.token).await, 201);
    assert_eq!(call(Method::DELETE, &ana.token).await, 204);
    assert_eq!(
        call(Method::DELETE, &ana.token).await,
        204,
        "again: still no link"
    );
    assert_eq!(revocations().await, 1);
    assert_eq!(call(Method::GET, &ana.token).await, 404);
    // Someone else's trip is still not found: idempotence is no way to probe for trips.
    let bea = person(&app, "Bea").await;
    assert_eq!(call(Method::DELETE, &bea.token).await, 404);
}
