//! A trip's files (GPX, KML, CSV, JSON, the trip pack) and files brought in (JSON trips,
//! calendar events, GPX/KML places): what they hold, who may have them, and imports that are
//! all or nothing with a message per line.

use crate::{
    calendar::{activity, trip},
    core,
    helpers::{TestApp, spawn_app, unique_email},
};

const PASSWORD: &str = "correct horse battery staple";

async fn signed_up(app: &TestApp) -> (String, uuid::Uuid) {
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    (cookie, app.user_id(&email).await)
}

/// Posts `file` as a browser's upload form does.
async fn upload(
    app: &TestApp,
    path: &str,
    cookie: &str,
    name: &str,
    file: &[u8],
    day: Option<&str>,
) -> reqwest::Response {
    let boundary = "----travel-planner-test-boundary";
    let mut body = Vec::new();
    if let Some(day) = day {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"day\"\r\n\r\n{day}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.client
        .post(app.url(path))
        .header("cookie", cookie)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn planned_trip(app: &TestApp, owner: uuid::Uuid) -> uuid::Uuid {
    let lisbon = core::create_trip(
        &app.db,
        owner,
        &trip(
            "Lisbon <b>&</b>",
            "Europe/Lisbon",
            "2027-03-26",
            "2027-03-30",
        ),
    )
    .await
    .unwrap();
    let mut tram = activity(
        "2027-03-27",
        "09:30",
        "10:00",
        "=HYPERLINK(\"http://evil.example\")",
    );
    tram.latitude = "38.7139".into();
    tram.longitude = "-9.1394".into();
    tram.category = "transport".into();
    core::add_activity(&app.db, owner, lisbon.id, &tram)
        .await
        .unwrap();
    let mut lunch = activity("2027-03-27", "13:00", "14:00", "Lunch, at the market");
    lunch.latitude = "38.7071".into();
    lunch.longitude = "-9.1459".into();
    lunch.category = "food".into();
    lunch.description = "Try the bifana.\nCash only.".into();
    core::add_activity(&app.db, owner, lisbon.id, &lunch)
        .await
        .unwrap();
    core::add_activity(
        &app.db,
        owner,
        lisbon.id,
        &activity("2027-03-28", "", "", "Free day"),
    )
    .await
    .unwrap();
    lisbon.id
}

#[tokio::test]
async fn a_trips_files_hold_the_plan_and_only_for_its_traveler() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    let id = planned_trip(&app, owner).await;
    let get = |file: &str| {
        let path = format!("/trips/{id}/{file}");
        let (app, cookie) = (&app, &cookie);
        async move { app.get_with_cookie(&path, cookie).await }
    };

    let gpx = get("places.gpx").await;
    assert_eq!(
        gpx.headers()["content-type"],
        "application/gpx+xml; charset=utf-8"
    );
    assert_eq!(
        gpx.headers()["content-disposition"],
        "attachment; filename=\"lisbon-b-b.gpx\""
    );
    let gpx = gpx.text().await.unwrap();
    assert_eq!(gpx.matches("<wpt ").count(), 2, "{gpx}");
    assert!(gpx.contains("<wpt lat=\"38.7139\" lon=\"-9.1394\">"));
    assert!(gpx.contains("<name>Lisbon &lt;b&gt;&amp;&lt;/b&gt;</name>"));
    assert_eq!(gpx.matches("<rte>").count(), 1, "one day has places");
    assert_eq!(gpx.matches("<rtept ").count(), 2);

    let kml = get("places.kml").await.text().await.unwrap();
    assert!(
        kml.contains("<coordinates>-9.1394,38.7139</coordinates>"),
        "{kml}"
    );
    assert!(kml.contains("<LineString>"));

    let csv = get("activities.csv").await.text().await.unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some(
            "Day,Date,Start,End,Ends next day,Title,Kind,Place,Latitude,Longitude,Cost,Currency,Notes"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "2,2027-03-27,09:30,10:00,no,\"'=HYPERLINK(\"\"http://evil.example\"\")\",Getting around,\"Rua Augusta 1, Lisboa\",38.7139,-9.1394,12.50,EUR,"
        )
    );
    assert!(csv.contains("\"Try the bifana.\nCash only.\""));
    let budget = get("budget.csv").await.text().await.unwrap();
    assert!(budget.contains("Day,Date,Sightseeing (EUR),Food and drink (EUR),Getting around (EUR),Lodging (EUR),Other (EUR),Day total (EUR)"), "{budget}");
    assert!(budget.contains("2,2027-03-27,0.00,12.50,12.50,0.00,0.00,25.00"));
    assert!(budget.contains("Total,,12.50,12.50,12.50,0.00,0.00,37.50"));
    assert!(budget.contains("Budget,,900.00") && budget.contains("Remaining,,862.50"));

    let json: serde_json::Value = get("trip.json").await.json().await.unwrap();
    assert_eq!(json["format"], "travel-planner-export");
    assert_eq!(json["trips"][0]["activities"].as_array().unwrap().len(), 3);
    assert!(json.get("profile").is_none());

    let pack = get("trip-pack.html").await;
    assert_eq!(
        pack.headers()["content-disposition"],
        "attachment; filename=\"lisbon-b-b-trip-pack.html\""
    );
    let pack = pack.text().await.unwrap();
    assert!(pack.contains("<title>Lisbon &lt;b&gt;&amp;&lt;/b&gt; · Trip pack</title>"));
    assert!(pack.contains("default-src 'none'"));
    assert!(!pack.contains("<script"), "the pack runs nothing");
    for attribute in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "src=\"/",
        "href=\"/",
    ] {
        assert!(
            !pack.contains(attribute),
            "the pack fetches nothing: {attribute}"
        );
    }
    assert!(
        pack.contains("@media print"),
        "the print stylesheet is inline"
    );
    assert!(
        pack.contains("<circle class=\"stop\""),
        "the sketch shows the places"
    );
    assert!(pack.contains("38.71390, -9.13940"));
    assert!(pack.contains("Try the bifana."));

    // Another traveler's trip, and a visitor, get nothing.
    let (other, _) = signed_up(&app).await;
    for file in [
        "calendar.ics",
        "places.gpx",
        "places.kml",
        "activities.csv",
        "budget.csv",
        "trip.json",
        "trip-pack.html",
    ] {
        let response = app
            .get_with_cookie(&format!("/trips/{id}/{file}"), &other)
            .await;
        assert_eq!(response.status(), 404, "{file}");
        let visitor = app.get(&format!("/trips/{id}/{file}")).await;
        assert_eq!(visitor.status(), 303, "{file}");
    }
}

#[tokio::test]
async fn an_exported_trip_imports_as_an_equal_trip() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    let id = planned_trip(&app, owner).await;
    // A hand-made order: the lunch before the tram.
    let (_, activities) = core::trip_with_activities(&app.db, owner, id)
        .await
        .unwrap();
    core::move_activity(
        &app.db,
        owner,
        activities[1].id,
        domain::itinerary::service::Direction::Up,
    )
    .await
    .unwrap();
    let file = app
        .get_with_cookie(&format!("/trips/{id}/trip.json"), &cookie)
        .await
        .bytes()
        .await
        .unwrap();

    let (importer, importer_id) = signed_up(&app).await;
    let response = upload(
        &app,
        "/trips/import/upload",
        &importer,
        "lisbon.json",
        &file,
        None,
    )
    .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let new_id = location.trim_start_matches("/trips/").to_string();
    assert_ne!(new_id, id.to_string());
    let (original, before) = core::trip_with_activities(&app.db, owner, id)
        .await
        .unwrap();
    let (imported, after) = core::trip_with_activities(&app.db, importer_id, &new_id)
        .await
        .unwrap();
    assert_eq!(imported.name, original.name);
    assert_eq!(
        (imported.start_date, imported.end_date, &imported.time_zone),
        (original.start_date, original.end_date, &original.time_zone)
    );
    assert_eq!(
        (imported.budget_minor, &imported.notes),
        (original.budget_minor, &original.notes)
    );
    let strip = |list: Vec<domain::itinerary::model::Activity>| {
        list.into_iter()
            .map(|a| domain::itinerary::model::Activity {
                id: domain::ids::ActivityId::from(uuid::Uuid::nil()),
                // A new row's version counts its own changes from 1.
                version: 1,
                ..a
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(after), strip(before));
    let page = app
        .get_with_cookie(&location, &importer)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Trip imported."));
}

#[tokio::test]
async fn a_bad_file_imports_nothing_and_says_what_is_wrong_by_line() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    let id = planned_trip(&app, owner).await;
    let trips_before = app.count("trips").await;
    let activities_before = app.count("activities").await;

    // Two trips, the second with an activity outside its dates: neither is created.
    let mut file: serde_json::Value = app
        .get_with_cookie(&format!("/trips/{id}/trip.json"), &cookie)
        .await
        .json()
        .await
        .unwrap();
    let mut second = file["trips"][0].clone();
    second["id"] = "019ad0c2-6b1e-7c53-a0a4-3f0f2b1c9d10".into();
    second["activities"][2]["day"] = "2027-04-20".into();
    file["trips"].as_array_mut().unwrap().push(second);
    let text = serde_json::to_string_pretty(&file).unwrap();
    let response = upload(
        &app,
        "/trips/import/upload",
        &cookie,
        "two.json",
        text.as_bytes(),
        None,
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/trips/import#import-problems"
    );
    let line = text[..text.find(second_activity_id(&file)).unwrap()]
        .lines()
        .count();
    let page = app
        .get_with_cookie("/trips/import", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Nothing was imported"), "{page}");
    assert!(page.contains(&format!("Line {line}: Trip “Lisbon &lt;b&gt;&amp;&lt;/b&gt;”, activity “Free day”: Choose a day within the trip.")), "{page}");
    // Shown once.
    assert!(
        !app.get_with_cookie("/trips/import", &cookie)
            .await
            .text()
            .await
            .unwrap()
            .contains("Nothing was imported")
    );

    // Not JSON; too large; a calendar with a bad line; an XML bomb.
    let broken = upload(
        &app,
        "/trips/import/upload",
        &cookie,
        "x.json",
        b"{\n  \"format\": \"travel-planner-export\",\n  oops\n}",
        None,
    )
    .await;
    assert_eq!(broken.status(), 303);
    let page = app
        .get_with_cookie("/trips/import", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Line 3: this is not a Travel Planner export we can read"),
        "{page}"
    );
    let huge = vec![b' '; domain::takeaway::import::IMPORT_MAX_BYTES + 10];
    upload(
        &app,
        "/trips/import/upload",
        &cookie,
        "big.json",
        &huge,
        None,
    )
    .await;
    let page = app
        .get_with_cookie("/trips/import", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("This file is too large: files up to 768 KB can be imported."));
    let calendar = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Good\r\nDTSTART:20270327T100000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Bad\r\nDTSTART:2027-03-27 10:00\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    upload(
        &app,
        &format!("/trips/{id}/import/upload"),
        &cookie,
        "cal.ics",
        calendar.as_bytes(),
        None,
    )
    .await;
    let page = app
        .get_with_cookie(&format!("/trips/{id}/import"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Line 8: “2027-03-27 10:00” is not a date or time we can read in DTSTART."),
        "{page}"
    );
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<gpx><wpt lat=\"1\" lon=\"1\"><name>&lol2;</name></wpt></gpx>";
    upload(
        &app,
        &format!("/trips/{id}/import/upload"),
        &cookie,
        "bomb.gpx",
        bomb.as_bytes(),
        Some("2027-03-27"),
    )
    .await;
    let page = app
        .get_with_cookie(&format!("/trips/{id}/import"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Line 2: this file has a document type declaration"),
        "{page}"
    );

    assert_eq!(app.count("trips").await, trips_before);
    assert_eq!(app.count("activities").await, activities_before);

    // Another traveler cannot import into this trip.
    let (other, _) = signed_up(&app).await;
    let refused = upload(
        &app,
        &format!("/trips/{id}/import/upload"),
        &other,
        "cal.ics",
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        None,
    )
    .await;
    assert_eq!(refused.status(), 404);
    assert_eq!(
        app.get_with_cookie(&format!("/trips/{id}/import"), &other)
            .await
            .status(),
        404
    );
}

fn second_activity_id(file: &serde_json::Value) -> &str {
    file["trips"][1]["activities"][2]["id"].as_str().unwrap()
}

#[tokio::test]
async fn calendar_events_and_places_join_the_trip() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    let id = planned_trip(&app, owner).await;
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Flight to Porto\r\nDTSTART:20270329T083000Z\r\nDTEND:20270329T093000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Dentist at home\r\nDTSTART;TZID=Europe/Berlin:20270402T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let response = upload(
        &app,
        &format!("/trips/{id}/import/upload"),
        &cookie,
        "calendar.ics",
        calendar.as_bytes(),
        None,
    )
    .await;
    assert_eq!(response.headers()["location"], format!("/trips/{id}"));
    let page = app
        .get_with_cookie(&format!("/trips/{id}"), &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("1 activity imported. 1 event on another day was left out."),
        "{page}"
    );
    let (_, activities) = core::trip_with_activities(&app.db, owner, id)
        .await
        .unwrap();
    let flight = activities
        .iter()
        .find(|a| a.title == "Flight to Porto")
        .unwrap();
    // 08:30 UTC on 29 March is 09:30 in Lisbon (summer time since the 28th).
    assert_eq!(flight.start_time.unwrap().to_string(), "09:30:00");
    assert_eq!(flight.day.to_string(), "2027-03-29");

    let gpx = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n<wpt lat=\"38.6916\" lon=\"-9.2160\"><name>Torre de Belém</name></wpt>\n<wpt lat=\"38.6979\" lon=\"-9.2068\"><name>Jerónimos</name></wpt>\n</gpx>";
    upload(
        &app,
        &format!("/trips/{id}/import/upload"),
        &cookie,
        "places.gpx",
        gpx.as_bytes(),
        Some("2027-03-30"),
    )
    .await;
    let (_, activities) = core::trip_with_activities(&app.db, owner, id)
        .await
        .unwrap();
    let day: Vec<&str> = activities
        .iter()
        .filter(|a| a.day.to_string() == "2027-03-30")
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(day, ["Torre de Belém", "Jerónimos"]);
}

/// What the service worker (`public/sw.js`) goes by: pages name their traveler with an opaque
/// key (none for visitors, another for another traveler), and logging out tells the browser to
/// forget what it kept.
#[tokio::test]
async fn pages_name_their_traveler_for_the_offline_copy_and_log_out_clears_it() {
    let app = spawn_app().await;
    let (cookie, owner) = signed_up(&app).await;
    let id = planned_trip(&app, owner).await;
    let page = app.get_with_cookie(&format!("/trips/{id}"), &cookie).await;
    let key = page.headers()["x-offline-traveler"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(key.len(), 32);
    assert!(
        !key.contains(&owner.simple().to_string()[..8]),
        "the key tells nothing of the traveler"
    );
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("worker-src 'self'") && csp.contains("manifest-src 'self'"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"));
    assert!(html.contains("<script src=\"/app.js\" defer"));
    assert!(html.contains("data-signed-in=\"true\""));
    let again = app.get_with_cookie("/trips", &cookie).await;
    assert_eq!(again.headers()["x-offline-traveler"], key.as_str());

    let (other, _) = signed_up(&app).await;
    let theirs = app.get_with_cookie("/trips", &other).await;
    assert_ne!(theirs.headers()["x-offline-traveler"], key.as_str());
    let visitor = app.get("/login").await;
    assert!(visitor.headers().get("x-offline-traveler").is_none());

    let out = app.post_form("/api/auth/log_out", &[], Some(&cookie)).await;
    assert_eq!(out.headers()["clear-site-data"], "\"cache\", \"storage\"");
    let after = app.get_with_cookie(&format!("/trips/{id}"), &cookie).await;
    assert!(after.headers().get("x-offline-traveler").is_none());
}
