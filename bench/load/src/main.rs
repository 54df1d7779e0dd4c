//! The load test: `LOAD_USERS` travelers (100 by default) sign up, log in, then plan trips over
//! and over through the web interface a browser without JavaScript uses — real form posts with
//! the session cookie, pages as HTML. Goose drives them; its command-line options (`--host`,
//! `--users`, `--run-time`, …) pass straight through.
//!
//! At the end it prints a table per step (requests, errors, p50/p95/p99) and writes a JSON
//! summary to `LOAD_SUMMARY` (if set) with every write the server acknowledged, so the caller
//! can count them in the database: an acknowledged write that is not there is a lost write.

use std::{
    collections::BTreeMap,
    sync::atomic::{AtomicU64, Ordering},
    time::Duration,
};

use goose::{metrics::GooseMetrics, prelude::*};

/// Writes the server answered with its success redirect.
static TRIPS_ACKNOWLEDGED: AtomicU64 = AtomicU64::new(0);
static ACTIVITIES_ACKNOWLEDGED: AtomicU64 = AtomicU64::new(0);

/// Activities added to each new trip.
const ACTIVITIES_PER_TRIP: usize = 3;

const PASSWORD: &str = "violet kettle harbour";

/// The steps, in the order of the table.
const STEPS: [&str; 8] = [
    "sign up",
    "log out",
    "log in",
    "list trips",
    "create trip",
    "add activity",
    "view trip",
    "view day",
];

#[tokio::main]
async fn main() -> Result<(), GooseError> {
    let metrics = GooseAttack::initialize()?
        .register_scenario(
            scenario!("Traveler")
                .set_wait_time(Duration::from_millis(500), Duration::from_millis(1500))?
                .register_transaction(transaction!(arrive).set_on_start().set_name("arrive"))
                .register_transaction(transaction!(plan_a_trip).set_name("plan a trip")),
        )
        .set_default(GooseDefault::IncreaseRate, "20")?
        .execute()
        .await?;
    report(&metrics);
    Ok(())
}

/// Each traveler gets a client that does not follow redirects (each step is timed on its own,
/// and the redirect says where the new trip is), keeps cookies, and says what a same-origin
/// form post from a browser says (the CSRF check wants it; `Accept: text/html` gets the
/// redirect a browser gets).
async fn arrive(user: &mut GooseUser) -> TransactionResult {
    let origin = user.base_url.origin().ascii_serialization();
    let mut headers = reqwest::header::HeaderMap::new();
    if let Ok(value) = origin.parse() {
        headers.insert(reqwest::header::ORIGIN, value);
    }
    headers.insert(
        reqwest::header::ACCEPT,
        reqwest::header::HeaderValue::from_static("text/html,application/xhtml+xml"),
    );
    headers.insert(
        "sec-fetch-site",
        reqwest::header::HeaderValue::from_static("same-origin"),
    );
    let builder = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(30));
    user.set_client_builder(builder).await?;

    let run = std::env::var("LOAD_RUN").unwrap_or_else(|_| "run".to_string());
    let email = format!("load-{run}-{}@example.com", user.weighted_users_index);
    post(
        user,
        "sign up",
        "/api/auth/sign_up",
        &[
            ("email", email.as_str()),
            ("display_name", "Load Tester"),
            ("password", PASSWORD),
            ("password_confirmation", PASSWORD),
        ],
    )
    .await?;
    // The address gets a link that finishes the sign-up (and logs in), as a person opens it.
    let Some(token) = sign_up_link(&email).await else {
        return Err(Box::new(TransactionError::Custom(format!(
            "no sign-up link for {email} in {OUTBOX_VARIABLE}"
        ))));
    };
    post(
        user,
        "finish sign-up",
        "/api/auth/complete_sign_up",
        &[("token", token.as_str())],
    )
    .await?;
    post(user, "log out", "/api/auth/log_out", &[]).await?;
    post(
        user,
        "log in",
        "/api/auth/log_in",
        &[("email", email.as_str()), ("password", PASSWORD)],
    )
    .await?;
    Ok(())
}

/// The server's development outbox (`OUTBOX_DIR`), where sign-up links arrive.
const OUTBOX_VARIABLE: &str = "LOAD_OUTBOX";

/// Waits (up to 10 s) for the sign-up link mailed to `email` and returns its token.
async fn sign_up_link(email: &str) -> Option<String> {
    let outbox = std::path::PathBuf::from(std::env::var(OUTBOX_VARIABLE).ok()?);
    for _ in 0..200 {
        let entries = std::fs::read_dir(&outbox).into_iter().flatten().flatten();
        for entry in entries {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            if !text.starts_with(&format!("To: {email}\n")) {
                continue;
            }
            if let Some(token) = text
                .lines()
                .find(|line| line.contains("/signup/"))
                .and_then(|line| line.rsplit('/').next())
            {
                return Some(token.trim().to_string());
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

/// A person's pause between two steps: 0.5–1.5 s (a busy traveler; people read for longer).
async fn think() {
    let jitter = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|now| u64::from(now.subsec_nanos()) % 1000)
        .unwrap_or(500);
    tokio::time::sleep(Duration::from_millis(500 + jitter)).await;
}

/// List, create a trip, add activities, look at the trip and one of its days, pausing between
/// steps as a person would.
async fn plan_a_trip(user: &mut GooseUser) -> TransactionResult {
    page(user, "list trips", "/trips").await?;
    think().await;
    let Some(location) = post(
        user,
        "create trip",
        "/api/trips/create",
        &[
            ("name", "Spring in Lisbon"),
            ("destination", "Lisbon, Portugal"),
            ("start_date", "2027-03-03"),
            ("end_date", "2027-03-09"),
            ("time_zone", "Europe/Lisbon"),
            ("currency", "EUR"),
            ("budget", "1500.50"),
            ("notes", "Pack light."),
        ],
    )
    .await?
    else {
        return Ok(());
    };
    // "/trips/{id}?notice=created"
    let Some(trip) = location
        .strip_prefix("/trips/")
        .and_then(|rest| rest.split('?').next())
        .map(str::to_string)
    else {
        return Ok(());
    };
    TRIPS_ACKNOWLEDGED.fetch_add(1, Ordering::Relaxed);
    for n in 0..ACTIVITIES_PER_TRIP {
        think().await;
        let title = format!("Activity {n}");
        let start = format!("{:02}:30", 9 + 2 * n);
        let added = post(
            user,
            "add activity",
            "/api/itinerary/create",
            &[
                ("trip_id", trip.as_str()),
                ("day", "2027-03-04"),
                ("start_time", start.as_str()),
                ("end_time", ""),
                ("title", title.as_str()),
                ("location", "Alfama"),
                ("description", ""),
                ("category", "sight"),
                ("cost", "12.50"),
                ("latitude", ""),
                ("longitude", ""),
            ],
        )
        .await?;
        if added.is_some() {
            ACTIVITIES_ACKNOWLEDGED.fetch_add(1, Ordering::Relaxed);
        }
    }
    think().await;
    page(user, "view trip", &format!("/trips/{trip}")).await?;
    think().await;
    page(user, "view day", &format!("/trips/{trip}/days/2027-03-04")).await?;
    Ok(())
}

/// The page every form is posted from, as the browser's `Referer` says: a form that fails
/// sends the browser back there, so a redirect to it is a failure.
const FORM_PAGE: &str = "http://bench.invalid/bench-form";

/// A form post that must answer with a redirect (302, as to a browser) to a page other than the
/// form's own (errors go back to the form): returns where it points.
async fn post(
    user: &mut GooseUser,
    name: &'static str,
    path: &str,
    form: &[(&str, &str)],
) -> Result<Option<String>, Box<TransactionError>> {
    let builder = user
        .get_request_builder(&GooseMethod::Post, path)?
        .header(reqwest::header::REFERER, FORM_PAGE)
        .form(form);
    let request = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path(path)
        .name(name)
        .expect_status_code(302)
        .set_request_builder(builder)
        .build();
    let mut goose = user.request(request).await?;
    let location = match &goose.response {
        Ok(response) => response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string),
        Err(_) => None,
    };
    match location {
        Some(location) if !location.contains("__err") && !location.contains("bench-form") => {
            Ok(Some(location))
        }
        other => {
            let why = format!("{name}: no success redirect (Location {other:?})");
            user.set_failure(&why, &mut goose.request, None, None)?;
            Ok(None)
        }
    }
}

/// A page that must answer 200 with HTML.
async fn page(
    user: &mut GooseUser,
    name: &'static str,
    path: &str,
) -> Result<(), Box<TransactionError>> {
    let request = GooseRequest::builder()
        .method(GooseMethod::Get)
        .path(path)
        .name(name)
        .build();
    let mut goose = user.request(request).await?;
    let problem = match goose.response {
        Ok(response) if response.status() != 200 => Some(format!("status {}", response.status())),
        Ok(response) => response
            .text()
            .await
            .err()
            .map(|error| format!("body not read: {error}")),
        Err(error) => Some(format!("no answer: {error}")),
    };
    if let Some(problem) = problem {
        user.set_failure(
            &format!("{name}: not a page ({problem})"),
            &mut goose.request,
            None,
            None,
        )?;
    }
    Ok(())
}

/// One row of the table: requests, errors, p50/p95/p99/max in milliseconds.
struct Row {
    requests: usize,
    errors: usize,
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn report(metrics: &GooseMetrics) {
    let mut rows = BTreeMap::new();
    let mut all: Vec<(u64, usize)> = Vec::new();
    let (mut requests, mut errors) = (0, 0);
    for aggregate in metrics.requests.values() {
        let name = aggregate.path.as_str();
        let data = &aggregate.raw_data;
        let ms = |us: u64| us as f64 / 1000.0;
        let row = Row {
            requests: aggregate.success_count + aggregate.fail_count,
            errors: aggregate.fail_count,
            p50: ms(data.percentile_us(0.50)),
            p95: ms(data.percentile_us(0.95)),
            p99: ms(data.percentile_us(0.99)),
            max: ms(data.maximum_time_us),
        };
        requests += row.requests;
        errors += row.errors;
        all.extend(data.times_us.iter().map(|(&us, &count)| (us, count)));
        rows.insert(name.to_string(), row);
    }
    all.sort_unstable();
    let overall = |percent: f64| {
        let total: usize = all.iter().map(|(_, count)| count).sum();
        let wanted = (total as f64 * percent).ceil() as usize;
        let mut seen = 0;
        for (us, count) in &all {
            seen += count;
            if seen >= wanted {
                return *us as f64 / 1000.0;
            }
        }
        0.0
    };
    println!(
        "{:<14}{:>9}{:>8}{:>10}{:>10}{:>10}{:>10}",
        "step", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
    for step in STEPS {
        if let Some(row) = rows.get(step) {
            println!(
                "{step:<14}{:>9}{:>8}{:>10.1}{:>10.1}{:>10.1}{:>10.1}",
                row.requests, row.errors, row.p50, row.p95, row.p99, row.max
            );
        }
    }
    // What went wrong, so a failed run can be understood from its log.
    for error in metrics.errors.values() {
        println!("error × {}: {}", error.occurrences, error.error);
    }
    let seconds = metrics.duration.max(1);
    println!(
        "{:<14}{:>9}{:>8}{:>10.1}{:>10.1}{:>10.1}   {:.0} req/s over {seconds} s",
        "all",
        requests,
        errors,
        overall(0.50),
        overall(0.95),
        overall(0.99),
        requests as f64 / seconds as f64
    );
    let summary = serde_json::json!({
        "users": metrics.maximum_users,
        "seconds": metrics.duration,
        "requests": requests,
        "errors": errors,
        "p50_ms": overall(0.50),
        "p95_ms": overall(0.95),
        "p99_ms": overall(0.99),
        "trips_acknowledged": TRIPS_ACKNOWLEDGED.load(Ordering::Relaxed),
        "activities_acknowledged": ACTIVITIES_ACKNOWLEDGED.load(Ordering::Relaxed),
        "steps": rows.iter().map(|(name, row)| (name.clone(), serde_json::json!({
            "requests": row.requests, "errors": row.errors,
            "p50_ms": row.p50, "p95_ms": row.p95, "p99_ms": row.p99, "max_ms": row.max,
        }))).collect::<serde_json::Map<_, _>>(),
    });
    if let Ok(path) = std::env::var("LOAD_SUMMARY")
        && let Err(error) = std::fs::write(&path, summary.to_string())
    {
        eprintln!("could not write {path}: {error}");
    }
}
