//! Calendar files and feeds, read back by an independent parser (Python's `icalendar`, in
//! `tools/icalendar`, installed by `scripts/setup.sh --test`): the instants a calendar app
//! takes from them across a change to summer time, in a half-hour zone, overnight, and on
//! servers whose own zone is east or west of UTC.

use std::{
    io::Write,
    path::Path,
    process::{Command, Stdio},
};

use domain::{
    access::Actor,
    entities::users,
    itinerary::model::ActivityDraft,
    takeaway::feeds::{self, FeedScope},
    trips::model::TripDraft,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    binary::Server,
    core,
    helpers::{TestApp, captured_logs, spawn_app, unique_email},
};

const PASSWORD: &str = "correct horse battery staple";

/// What the independent parser reads in `calendar` (see `ics_instants.py`).
pub fn parse(calendar: &str) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let python = root.join("tools/icalendar/bin/python");
    assert!(
        python.exists(),
        "the calendar parser is missing: run scripts/setup.sh --test"
    );
    let mut child = Command::new(python)
        .arg(root.join("server/tests/api/ics_instants.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(calendar.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the parser refused the calendar: {}\n{calendar}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The parsed event whose summary is `summary`.
pub fn event<'a>(parsed: &'a Value, summary: &str) -> &'a Value {
    parsed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["summary"] == summary)
        .unwrap_or_else(|| panic!("no event {summary:?} in {parsed:#}"))
}

/// Checks a timed event's start and end, by the parser's zones and by the file's VTIMEZONE.
pub fn assert_instants(parsed: &Value, summary: &str, start: &str, end: Option<&str>) {
    let event = event(parsed, summary);
    assert_eq!(event["dtstart"], start, "{summary}: start {event:#}");
    if event.get("dtstart_by_vtimezone").is_some() {
        assert_eq!(
            event["dtstart_by_vtimezone"], start,
            "{summary}: start by VTIMEZONE"
        );
    }
    match end {
        Some(end) => {
            assert_eq!(event["dtend"], end, "{summary}: end {event:#}");
            if event.get("dtend_by_vtimezone").is_some() {
                assert_eq!(
                    event["dtend_by_vtimezone"], end,
                    "{summary}: end by VTIMEZONE"
                );
            }
        }
        None => assert!(event.get("dtend").is_none(), "{summary}: no end"),
    }
}

pub fn trip(name: &str, zone: &str, start: &str, end: &str) -> TripDraft {
    TripDraft {
        name: name.into(),
        destination: format!("{name}, somewhere"),
        start_date: start.into(),
        end_date: end.into(),
        time_zone: zone.into(),
        currency: "EUR".into(),
        budget: "900".into(),
        notes: "Passports; tickets, chargers\nand the adapter".into(),
        ..TripDraft::default()
    }
}

pub fn activity(day: &str, start: &str, end: &str, title: &str) -> ActivityDraft {
    ActivityDraft {
        day: day.into(),
        start_time: start.into(),
        end_time: end.into(),
        title: title.into(),
        location: "Rua Augusta 1, Lisboa".into(),
        category: "sight".into(),
        cost: "12.50".into(),
        ..ActivityDraft::default()
    }
}

/// The Lisbon trip over the change to summer time (01:00 UTC on Sunday 28 March 2027) and the
/// Kolkata trip (UTC+05:30), with the activities whose instants the tests check.
pub async fn plan_tricky_trips(db: &sea_orm::DatabaseConnection, owner: Uuid) -> (Uuid, Uuid) {
    let lisbon = core::create_trip(
        db,
        owner,
        &trip("Lisbon", "Europe/Lisbon", "2027-03-26", "2027-03-30"),
    )
    .await
    .unwrap();
    for draft in [
        activity("2027-03-27", "09:30", "10:00", "Saturday coffee"),
        activity("2027-03-28", "00:30", "00:45", "Before the change"),
        activity("2027-03-28", "01:30", "", "In the skipped hour"),
        activity("2027-03-28", "09:30", "11:00", "Sunday museum"),
        activity("2027-03-29", "23:00", "07:15", "Night train to Madrid"),
        activity("2027-03-27", "", "", "Any time on Saturday"),
    ] {
        core::add_activity(db, owner, lisbon.id, &draft)
            .await
            .unwrap();
    }
    let kolkata = core::create_trip(
        db,
        owner,
        &trip("Kolkata", "Asia/Kolkata", "2027-01-10", "2027-01-12"),
    )
    .await
    .unwrap();
    for draft in [
        activity("2027-01-10", "09:00", "10:30", "Victoria Memorial"),
        activity("2027-01-11", "22:45", "06:10", "Overnight to Darjeeling"),
    ] {
        core::add_activity(db, owner, kolkata.id, &draft)
            .await
            .unwrap();
    }
    (lisbon.id, kolkata.id)
}

/// The instants every reader must take from the tricky trips, whatever the server's zone.
pub fn assert_tricky_instants(parsed: &Value) {
    assert_lisbon_instants(parsed);
    assert_kolkata_instants(parsed);
}

pub fn assert_lisbon_instants(parsed: &Value) {
    // Lisbon: WET (UTC+0) until 01:00 UTC on 28 March, then WEST (UTC+1).
    assert_instants(
        parsed,
        "Saturday coffee",
        "2027-03-27T09:30:00Z",
        Some("2027-03-27T10:00:00Z"),
    );
    assert_instants(
        parsed,
        "Before the change",
        "2027-03-28T00:30:00Z",
        Some("2027-03-28T00:45:00Z"),
    );
    // 01:30 does not exist that night: RFC 5545 reads it with the offset before the gap.
    assert_instants(parsed, "In the skipped hour", "2027-03-28T01:30:00Z", None);
    assert_instants(
        parsed,
        "Sunday museum",
        "2027-03-28T08:30:00Z",
        Some("2027-03-28T10:00:00Z"),
    );
    assert_instants(
        parsed,
        "Night train to Madrid",
        "2027-03-29T22:00:00Z",
        Some("2027-03-30T06:15:00Z"),
    );
    let all_day = event(parsed, "Any time on Saturday");
    assert_eq!(
        (all_day["dtstart"].as_str(), all_day["dtend"].as_str()),
        (Some("2027-03-27"), Some("2027-03-28"))
    );
    let lisbon = event(parsed, "Lisbon");
    assert_eq!(
        (lisbon["dtstart"].as_str(), lisbon["dtend"].as_str()),
        (Some("2027-03-26"), Some("2027-03-31"))
    );
}

pub fn assert_kolkata_instants(parsed: &Value) {
    // Kolkata: UTC+05:30 all year.
    assert_instants(
        parsed,
        "Victoria Memorial",
        "2027-01-10T03:30:00Z",
        Some("2027-01-10T05:00:00Z"),
    );
    assert_instants(
        parsed,
        "Overnight to Darjeeling",
        "2027-01-11T17:15:00Z",
        Some("2027-01-12T00:40:00Z"),
    );
    let kolkata = event(parsed, "Kolkata");
    assert_eq!(
        (kolkata["dtstart"].as_str(), kolkata["dtend"].as_str()),
        (Some("2027-01-10"), Some("2027-01-13"))
    );
}

/// Every content line at most 75 octets, every line ended by CRLF.
pub fn assert_folded(calendar: &str) {
    assert!(calendar.ends_with("\r\n"));
    for line in calendar.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'), "a bare line feed: {line:?}");
    }
}

async fn signed_up(app: &TestApp) -> (String, Uuid) {
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    (cookie, app.user_id(&email).await)
}

/// Makes a feed through the trip page's form and returns the address the page shows once.
async fn make_feed(app: &TestApp, cookie: &str, trip: &str, page: &str) -> String {
    let made = app
        .post_form("/api/feeds/make", &[("trip", trip)], Some(cookie))
        .await;
    assert!(
        made.status().is_success() || made.status().is_redirection(),
        "{}",
        made.status()
    );
    let html = app
        .get_with_cookie(page, cookie)
        .await
        .text()
        .await
        .unwrap();
    let start = html
        .find("id=\"feed-address\"")
        .unwrap_or_else(|| panic!("the new address is shown: {html}"));
    let value = &html[start..];
    let value = &value[value.find("value=\"").unwrap() + 7..];
    let address = value[..value.find('"').unwrap()].to_string();
    // Shown once: the next visit does not show it again.
    let again = app
        .get_with_cookie(page, cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!again.contains(&address), "the address is shown only once");
    assert!(again.contains("Make a new address"));
    address
}

#[tokio::test]
async fn a_trip_feed_gives_the_planned_instants_to_an_independent_reader() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    let (lisbon, kolkata) = plan_tricky_trips(&app.db, owner).await;

    let address = make_feed(
        &app,
        &cookie,
        &lisbon.to_string(),
        &format!("/trips/{lisbon}"),
    )
    .await;
    let path = address
        .strip_prefix(&format!("http://{}", app.address))
        .unwrap();
    assert!(
        path.starts_with("/feeds/") && path.ends_with(".ics"),
        "{address}"
    );
    let response = app.get(path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    assert_eq!(response.headers()["referrer-policy"], "no-referrer");
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let calendar = response.text().await.unwrap();
    assert_folded(&calendar);
    let parsed = parse(&calendar);
    assert_eq!(parsed["name"], "Lisbon");
    assert_eq!(parsed["x_wr_calname"], "Lisbon");
    assert_eq!(parsed["refresh_interval"], "PT1H");
    assert_eq!(parsed["zones"], serde_json::json!(["Europe/Lisbon"]));
    assert_eq!(
        event(&parsed, "Lisbon")["description"],
        "Passports; tickets, chargers\nand the adapter"
    );
    assert_eq!(
        event(&parsed, "Sunday museum")["description"],
        "Cost: €12.50"
    );
    assert_lisbon_instants(&parsed);
    assert_eq!(
        event(&parsed, "Lisbon")["uid"],
        format!("trip-{lisbon}@travel-planner")
    );

    // The same bytes while nothing changes (a second later too: no stamp is the download's
    // time), and a poll with the tag is answered 304.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(app.get(path).await.text().await.unwrap(), calendar);
    let unchanged = app
        .client
        .get(app.url(path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), 304);

    // A new time: SEQUENCE grows, LAST-MODIFIED follows the row; a new title alone does not
    // grow it. The trip page's .ics download is the same calendar.
    let museum = event(&parsed, "Sunday museum").clone();
    let id = museum["uid"]
        .as_str()
        .unwrap()
        .trim_start_matches("activity-")
        .trim_end_matches("@travel-planner")
        .to_string();
    core::update_activity(
        &app.db,
        owner,
        &id,
        &activity("2027-03-28", "10:00", "11:00", "Sunday museum"),
    )
    .await
    .unwrap();
    let moved = parse(&app.get(path).await.text().await.unwrap());
    let after = event(&moved, "Sunday museum");
    assert_eq!(
        after["sequence"].as_i64(),
        Some(museum["sequence"].as_i64().unwrap() + 1)
    );
    assert_eq!(after["dtstart"], "2027-03-28T09:00:00Z");
    assert_ne!(after["last_modified"], museum["last_modified"]);
    assert_eq!(after["dtstamp"], after["last_modified"]);
    core::update_activity(
        &app.db,
        owner,
        &id,
        &activity("2027-03-28", "10:00", "11:00", "Museum of tiles"),
    )
    .await
    .unwrap();
    let renamed = parse(&app.get(path).await.text().await.unwrap());
    assert_eq!(
        event(&renamed, "Museum of tiles")["sequence"],
        after["sequence"]
    );
    core::update_activity(
        &app.db,
        owner,
        &id,
        &activity("2027-03-28", "09:30", "11:00", "Sunday museum"),
    )
    .await
    .unwrap();
    let download = app
        .get_with_cookie(&format!("/trips/{lisbon}/calendar.ics"), &cookie)
        .await;
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"lisbon.ics\""
    );
    let downloaded = download.text().await.unwrap();
    assert_lisbon_instants(&parse(&downloaded));
    assert!(!downloaded.contains("Kolkata"));

    // The token is stored as a hash only, and never logged.
    let token = path.trim_start_matches("/feeds/").trim_end_matches(".ics");
    assert_eq!(
        app.count_where(
            "calendar_feeds",
            &format!("token_hash = '{}'", domain::accounts::tokens::digest(token))
        )
        .await,
        1
    );
    assert_eq!(
        app.count_where("calendar_feeds", &format!("token_hash = '{token}'"))
            .await,
        0
    );
    assert!(
        !captured_logs().contains(token),
        "the feed's token reached the logs"
    );

    // A new address ends the old one; turning it off ends the new one.
    let newer = make_feed(
        &app,
        &cookie,
        &lisbon.to_string(),
        &format!("/trips/{lisbon}"),
    )
    .await;
    assert_eq!(app.get(path).await.status(), 404);
    let newer_path = newer
        .strip_prefix(&format!("http://{}", app.address))
        .unwrap()
        .to_string();
    assert_eq!(app.get(&newer_path).await.status(), 200);
    let kolkata_page = app
        .get_with_cookie(&format!("/trips/{kolkata}/calendar.ics"), &cookie)
        .await;
    assert_kolkata_instants(&parse(&kolkata_page.text().await.unwrap()));
    let stopped = app
        .post_form(
            "/api/feeds/stop",
            &[("trip", &lisbon.to_string())],
            Some(&cookie),
        )
        .await;
    assert!(stopped.status().is_success() || stopped.status().is_redirection());
    let gone = app.get(&newer_path).await;
    assert_eq!(gone.status(), 404);
    assert_eq!(gone.headers()["referrer-policy"], "no-referrer");
}

#[tokio::test]
async fn the_travelers_feed_holds_all_their_trips_and_no_one_elses() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    plan_tricky_trips(&app.db, owner).await;
    let (other_cookie, other) = signed_up(&app).await;
    let theirs = core::create_trip(
        &app.db,
        other,
        &trip("Secret", "Asia/Tokyo", "2027-05-01", "2027-05-02"),
    )
    .await
    .unwrap();

    let address = make_feed(&app, &cookie, "", "/account").await;
    let path = address
        .strip_prefix(&format!("http://{}", app.address))
        .unwrap();
    let calendar = app.get(path).await.text().await.unwrap();
    assert_folded(&calendar);
    let parsed = parse(&calendar);
    assert_eq!(
        parsed["zones"],
        serde_json::json!(["Asia/Kolkata", "Europe/Lisbon"])
    );
    assert_tricky_instants(&parsed);
    assert!(!calendar.contains("Secret"));
    assert_eq!(parsed["name"], "My trips (Travel Planner)");

    // Another traveler can neither make nor stop a feed of a trip that is not theirs.
    let refused = app
        .post_form(
            "/api/feeds/make",
            &[("trip", &theirs.id.to_string())],
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status(), 404);
    let stop = app
        .post_form(
            "/api/feeds/stop",
            &[("trip", &theirs.id.to_string())],
            Some(&cookie),
        )
        .await;
    assert_eq!(stop.status(), 404);
    assert_eq!(app.count("calendar_feeds").await, 1);
    let visitor = app
        .post_form("/api/feeds/make", &[("trip", "")], None)
        .await;
    assert_eq!(visitor.status(), 401);
    let _ = other_cookie;

    // A trip added later shows up; a deleted trip goes.
    let later = core::create_trip(
        &app.db,
        owner,
        &trip("Later", "America/New_York", "2027-11-05", "2027-11-09"),
    )
    .await
    .unwrap();
    let parsed = parse(&app.get(path).await.text().await.unwrap());
    event(&parsed, "Later");
    core::delete_trip(&app.db, owner, &later.id.to_string())
        .await
        .unwrap();
    let parsed = parse(&app.get(path).await.text().await.unwrap());
    assert!(
        parsed["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["summary"] != "Later")
    );
}

/// The server's own zone must change nothing: the same feed from servers running in UTC, far
/// east (UTC+14) and west (UTC−8/−7) of it, for trips east (Tokyo) and west (Los Angeles, over
/// its change to summer time) of UTC, byte for byte, with the same instants.
#[tokio::test]
async fn servers_in_any_zone_give_the_same_feed() {
    let dir = tempfile::TempDir::new().unwrap();
    let url = crate::helpers::fresh_database_url(&dir).await;
    let vars = |zone: &'static str| [("DATABASE_URL", url.clone()), ("TZ", zone.to_string())];
    let start = |zone: &'static str| {
        let vars = vars(zone);
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let server = Server::start(dir.path(), &vars);
        let lines = server.wait_for(|line| line.contains("Travel Planner is running at "));
        let line = lines.last().unwrap();
        let address = line[line.find("http://").unwrap()..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_string();
        (server, address)
    };
    // The first server migrates the database; then the plan is written beside it.
    let (mut server, mut address) = start("UTC");
    let db = sea_orm::Database::connect(&url).await.unwrap();
    let owner = insert_traveler(&db).await;
    plan_tricky_trips(&db, owner).await;
    let tokyo = core::create_trip(
        &db,
        owner,
        &trip("Tokyo", "Asia/Tokyo", "2027-03-27", "2027-03-29"),
    )
    .await
    .unwrap();
    core::add_activity(
        &db,
        owner,
        tokyo.id,
        &activity("2027-03-28", "08:00", "09:00", "Tsukiji breakfast"),
    )
    .await
    .unwrap();
    let angeles = core::create_trip(
        &db,
        owner,
        &trip(
            "Los Angeles",
            "America/Los_Angeles",
            "2027-03-13",
            "2027-03-15",
        ),
    )
    .await
    .unwrap();
    core::add_activity(
        &db,
        owner,
        angeles.id,
        &activity("2027-03-13", "20:00", "22:00", "Saturday show"),
    )
    .await
    .unwrap();
    core::add_activity(
        &db,
        owner,
        angeles.id,
        &activity("2027-03-14", "20:00", "22:00", "Sunday show"),
    )
    .await
    .unwrap();
    let token = feeds::replace(
        &db,
        &Actor::signed_in(owner.into()),
        FeedScope::AllTrips,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    db.close().await.ok();

    let mut calendars = Vec::new();
    let mut addresses = Vec::new();
    for zone in ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"] {
        if !calendars.is_empty() {
            server.terminate();
            (server, address) = start(zone);
        }
        let calendar = reqwest::get(format!("{address}/feeds/{token}.ics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let parsed = parse(&calendar);
        assert_tricky_instants(&parsed);
        // Tokyo is UTC+9: a breakfast there is the evening before in UTC.
        assert_instants(
            &parsed,
            "Tsukiji breakfast",
            "2027-03-27T23:00:00Z",
            Some("2027-03-28T00:00:00Z"),
        );
        // Los Angeles moves to summer time (UTC−7) at 02:00 on Sunday 14 March 2027.
        assert_instants(
            &parsed,
            "Saturday show",
            "2027-03-14T04:00:00Z",
            Some("2027-03-14T06:00:00Z"),
        );
        assert_instants(
            &parsed,
            "Sunday show",
            "2027-03-15T03:00:00Z",
            Some("2027-03-15T05:00:00Z"),
        );
        let tokyo = event(&parsed, "Tokyo");
        assert_eq!(
            (tokyo["dtstart"].as_str(), tokyo["dtend"].as_str()),
            (Some("2027-03-27"), Some("2027-03-30"))
        );
        calendars.push(calendar);
        addresses.push(address.clone());
    }
    server.terminate();
    // Each server names its own address in the events' URLs; everything else is the same.
    let calendars: Vec<String> = calendars
        .iter()
        .zip(&addresses)
        .map(|(calendar, address)| {
            calendar
                .replace("\r\n ", "")
                .replace(address.as_str(), "ADDRESS")
        })
        .collect();
    assert!(
        calendars.windows(2).all(|pair| pair[0] == pair[1]),
        "the server's zone changed the feed"
    );
}

/// A traveler's row written directly (the binary's tests have no mail outbox to follow).
pub async fn insert_traveler(db: &sea_orm::DatabaseConnection) -> Uuid {
    let id = Uuid::now_v7();
    let now = chrono::Utc::now();
    users::ActiveModel {
        id: Set(id),
        email: Set(unique_email()),
        display_name: Set("Rosa".into()),
        password_hash: Set("not a usable hash".into()),
        email_verified_at: Set(Some(now)),
        time_zone: Set(None),
        theme: Set("system".into()),
        language: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .unwrap();
    id
}

/// Moving an activity through the JSON API is a change of day like any other: the calendar
/// shows it on its new day with a grown `SEQUENCE`; a new place within the same day is not.
#[tokio::test]
async fn an_activity_moved_through_the_api_moves_in_the_feed() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    let owner = app.user_id(&email).await;
    let (lisbon, _) = plan_tricky_trips(&app.db, owner).await;
    let token = feeds::replace(
        &app.db,
        &Actor::signed_in(owner.into()),
        FeedScope::Trip(lisbon.into()),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let feed = format!("/feeds/{token}.ics");
    let before = parse(&app.get(&feed).await.text().await.unwrap());
    let museum = event(&before, "Sunday museum").clone();
    let id = museum["uid"]
        .as_str()
        .unwrap()
        .trim_start_matches("activity-")
        .trim_end_matches("@travel-planner")
        .to_string();
    let tokens = app.api_log_in(&email, PASSWORD).await;
    let bearer = tokens["access_token"].as_str().unwrap();
    let move_to = |body: Value| {
        let path = format!("/api/v1/activities/{id}/move");
        let app = &app;
        async move {
            let moved = app
                .api(reqwest::Method::POST, &path, Some(bearer), Some(&body))
                .await;
            assert_eq!(moved.status(), 200, "{}", moved.text().await.unwrap());
        }
    };

    move_to(serde_json::json!({ "day": "2027-03-29", "position": 0 })).await;
    let after = parse(&app.get(&feed).await.text().await.unwrap());
    let moved = event(&after, "Sunday museum");
    assert_eq!(
        moved["sequence"].as_i64(),
        Some(museum["sequence"].as_i64().unwrap() + 1)
    );
    // 09:30 on Monday 29 March, summer time (UTC+1).
    assert_instants(
        &after,
        "Sunday museum",
        "2027-03-29T08:30:00Z",
        Some("2027-03-29T10:00:00Z"),
    );

    move_to(serde_json::json!({ "position": 5 })).await;
    let reordered = parse(&app.get(&feed).await.text().await.unwrap());
    assert_eq!(
        event(&reordered, "Sunday museum")["sequence"],
        moved["sequence"]
    );
}
