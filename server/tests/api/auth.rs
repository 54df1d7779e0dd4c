//! Accounts and sessions over HTTP, on the real router and database (docs/security.md, "Accounts" and "Sessions").

use serde_json::Value;

use crate::helpers::{session_cookie, spawn_app};

use crate::helpers::PASSWORD;

use crate::helpers::unique_email;

#[tokio::test]
async fn sign_up_stores_an_argon2id_hash_and_logs_in() {
    let app = spawn_app().await;
    let email = unique_email();

    let cookie = app.sign_up(&email, PASSWORD).await;
    let trips = app.get_with_cookie("/trips", &cookie).await;

    assert_eq!(trips.status(), 200);
    let landing = app.get_with_cookie("/", &cookie).await;
    assert_eq!(landing.status(), 303, "travelers skip the landing page");
    assert_eq!(landing.headers()["location"], "/trips");
    let hash = app
        .text_of("SELECT password_hash FROM users", "password_hash")
        .await;
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains(PASSWORD));
}

#[tokio::test]
async fn session_cookie_is_http_only_lax_and_site_wide() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    let response = app.log_in(&email, PASSWORD, None).await;

    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(set_cookie.starts_with("tp_session="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    // Plain http here: no Secure flag, no __Host- prefix.
    assert!(!set_cookie.contains("Secure"), "{set_cookie}");
}

#[tokio::test]
async fn https_deployments_get_secure_host_prefixed_cookies() {
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.base_url = "https://trips.example.org".into();
        settings.base_url_configured = true;
    })
    .await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    let response = app.log_in(&email, PASSWORD, None).await;

    let set_cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(set_cookie.starts_with("__Host-tp_session="), "{set_cookie}");
    assert!(set_cookie.contains("Secure"), "{set_cookie}");
    assert!(!set_cookie.contains("Domain"), "{set_cookie}");
}

#[tokio::test]
async fn sign_up_rejects_bad_input_field_by_field_and_writes_nothing() {
    let app = spawn_app().await;
    let long = "x".repeat(129);
    let cases: [(&str, &str, &str, &str, &str); 6] = [
        ("email", "not-an-email", "Ana", PASSWORD, PASSWORD),
        ("display_name", "a@example.com", "   ", PASSWORD, PASSWORD),
        ("password", "a@example.com", "Ana", "short", "short"),
        ("password", "a@example.com", "Ana", &long, &long),
        ("password", "a@example.com", "Ana", "password1", "password1"),
        (
            "password_confirmation",
            "a@example.com",
            "Ana",
            PASSWORD,
            "something else",
        ),
    ];
    for (field, email, name, password, confirmation) in cases {
        let response = app
            .post_form(
                "/api/auth/sign_up",
                &[
                    ("email", email),
                    ("display_name", name),
                    ("password", password),
                    ("password_confirmation", confirmation),
                ],
                None,
            )
            .await;

        assert_eq!(response.status(), 422, "{field}");
        let body: Value = response.json().await.unwrap();
        let message = body["Invalid"]["fields"][field]
            .as_str()
            .unwrap_or_default();
        assert!(!message.is_empty(), "{field}: {body}");
        assert!(
            body.to_string().find(password).is_none() || password.len() < 8,
            "the password was echoed: {body}"
        );
    }
    assert_eq!(app.count("users").await, 0);
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn emails_are_unique_whatever_their_case() {
    let app = spawn_app().await;
    app.sign_up("Maria@Example.com", PASSWORD).await;

    let again = app
        .post_form(
            "/api/auth/sign_up",
            &[
                ("email", " maria@EXAMPLE.com "),
                ("display_name", "M"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
            None,
        )
        .await;
    let login = app.log_in("MARIA@example.COM", PASSWORD, None).await;

    // Answered as any sign-up is; the address's owner is told by mail.
    assert!(again.status().is_redirection() || again.status().is_success());
    for _ in 0..100 {
        if app.mail_to("maria@example.com").len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(app.mail_to("maria@example.com")[0].contains("already has one"));
    assert!(
        login.status().is_success() || login.status().is_redirection(),
        "{}",
        login.status()
    );
    assert_eq!(app.count("users").await, 1);
}

#[tokio::test]
async fn unknown_email_and_wrong_password_look_the_same() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    let wrong_password = app.log_in(&email, "not the password at all", None).await;
    let unknown_email = app
        .log_in("nobody@example.com", "not the password at all", None)
        .await;

    assert_eq!(wrong_password.status(), 422);
    assert_eq!(wrong_password.status(), unknown_email.status());
    assert!(session_cookie(&wrong_password).is_none());
    let a: Value = wrong_password.json().await.unwrap();
    let b: Value = unknown_email.json().await.unwrap();
    assert_eq!(a["Invalid"]["form"], "Your email or password is incorrect.");
    assert_eq!(a["Invalid"]["form"], b["Invalid"]["form"]);
    assert_eq!(a["Invalid"]["fields"], b["Invalid"]["fields"]);
}

#[tokio::test]
async fn unknown_email_takes_as_long_as_a_wrong_password() {
    let app = crate::helpers::spawn_app_with(|s| s.auth_attempts_per_ip_per_minute = 1000).await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    app.log_in("warm-up@example.com", "warming the dummy hash", None)
        .await;

    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..15 {
        let start = std::time::Instant::now();
        app.log_in(&email, "wrong password here", None).await;
        known.push(start.elapsed().as_secs_f64());
        let start = std::time::Instant::now();
        app.log_in("nobody@example.com", "wrong password here", None)
            .await;
        unknown.push(start.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (known, unknown) = (median(&mut known), median(&mut unknown));

    // Both do one argon2 verification; without the dummy hash the unknown email would answer in
    // well under a tenth of the time.
    let ratio = unknown / known;
    assert!(
        (0.5..2.0).contains(&ratio),
        "known {known:.4}s vs unknown {unknown:.4}s"
    );
}

#[tokio::test]
async fn login_cycles_the_session_id_and_logout_ends_it() {
    let app = spawn_app().await;
    let email = unique_email();
    let first = app.sign_up(&email, PASSWORD).await;

    let login = app.log_in(&email, PASSWORD, Some(&first)).await;
    let second = session_cookie(&login).expect("a new session id at login");
    let old_after_login = app.get_with_cookie("/account", &first).await;
    let logout = app.post_form("/api/auth/log_out", &[], Some(&second)).await;
    let replay = app.get_with_cookie("/account", &second).await;

    assert_ne!(first, second);
    assert_eq!(
        old_after_login.status(),
        303,
        "the pre-login session id no longer works"
    );
    assert!(logout.status().is_success() || logout.status().is_redirection());
    assert_eq!(
        replay.status(),
        303,
        "a logged-out cookie cannot be replayed"
    );
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn pages_that_need_an_account_send_visitors_to_login_and_back() {
    let app = spawn_app().await;

    let trips = app.get("/trips").await;
    let account = app.get("/account?tab=profile").await;

    assert_eq!(trips.status(), 303);
    assert_eq!(trips.headers()["location"], "/login?next=/trips");
    assert_eq!(
        account.headers()["location"],
        "/login?next=/account%3Ftab%3Dprofile"
    );
}

#[tokio::test]
async fn next_only_leads_to_local_pages() {
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    for (next, expected) in [
        ("/account", "/account"),
        ("https://evil.test", "/trips"),
        ("//evil.test", "/trips"),
        ("/\\evil.test", "/trips"),
    ] {
        let response = app
            .post_form(
                "/api/auth/log_in",
                &[("email", &email), ("password", PASSWORD), ("next", next)],
                None,
            )
            .await;
        let location = response
            .headers()
            .get("location")
            .or_else(|| response.headers().get("serverfnredirect"))
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(location.as_deref(), Some(expected), "next={next}");
    }
}

#[tokio::test]
async fn weak_hashes_are_upgraded_at_login() {
    use argon2::{
        Algorithm, Argon2, Params, PasswordHasher, Version,
        password_hash::{SaltString, rand_core::OsRng},
    };
    use sea_orm::{ConnectionTrait, Statement};
    let app = spawn_app().await;
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;
    let weak = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(4096, 1, 1, None).unwrap(),
    )
    .hash_password(PASSWORD.as_bytes(), &SaltString::generate(&mut OsRng))
    .unwrap()
    .to_string();
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE users SET password_hash = $1",
            [weak.clone().into()],
        ))
        .await
        .unwrap();

    let login = app.log_in(&email, PASSWORD, None).await;

    assert!(session_cookie(&login).is_some());
    let stored = app
        .text_of("SELECT password_hash FROM users", "password_hash")
        .await;
    assert_ne!(stored, weak);
    assert!(
        stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{stored}"
    );
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let form = [
        ("email", "victim@example.com"),
        ("display_name", "V"),
        ("password", PASSWORD),
        ("password_confirmation", PASSWORD),
    ];

    let by_origin = app
        .client
        .post(app.url("/api/auth/sign_up"))
        .header("origin", "https://evil.test")
        .form(&form)
        .send()
        .await
        .unwrap();
    let by_fetch_site = app
        .client
        .post(app.url("/api/auth/sign_up"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    let same_origin = app
        .client
        .post(app.url("/api/auth/log_in"))
        .header("origin", app.url(""))
        .header("sec-fetch-site", "same-origin")
        .header("accept", "application/json")
        .form(&[("email", "x@example.com"), ("password", "whatever it is")])
        .send()
        .await
        .unwrap();

    assert_eq!(by_origin.status(), 403);
    assert_eq!(by_fetch_site.status(), 403);
    assert_eq!(
        same_origin.status(),
        422,
        "same-origin requests pass the check"
    );
    assert_eq!(app.count("users").await, 0);
}

#[tokio::test]
async fn sessions_live_in_the_database_and_survive_a_restart() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;

    // A second instance on the same database, as after a restart or behind a load balancer.
    let other = crate::helpers::spawn_app_on(&app).await;
    let account = other.get_with_cookie("/account", &cookie).await;

    assert_eq!(app.count("sessions").await, 1);
    assert_eq!(account.status(), 200);
    assert!(account.text().await.unwrap().contains(&email));
}

#[tokio::test]
async fn an_address_making_too_many_attempts_is_slowed_down() {
    let app = crate::helpers::spawn_app_with(|s| s.auth_attempts_per_ip_per_minute = 5).await;

    for _ in 0..5 {
        let response = app
            .log_in("someone@example.com", "wrong password here", None)
            .await;
        assert_eq!(response.status(), 422);
    }
    let limited = app
        .log_in("someone@example.com", "wrong password here", None)
        .await;
    let signup_too = app
        .post_form(
            "/api/auth/sign_up",
            &[
                ("email", "new@example.com"),
                ("display_name", "N"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
            None,
        )
        .await;

    assert_eq!(limited.status(), 429);
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let body: Value = limited.json().await.unwrap();
    assert!(body["RateLimited"].is_u64(), "{body}");
    assert_eq!(signup_too.status(), 429);
    assert_eq!(app.count("users").await, 0);
}

#[tokio::test]
async fn an_account_with_too_many_failures_is_locked_but_others_still_log_in() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.auth_attempts_per_ip_per_minute = 1000;
        s.failed_logins_per_account_per_hour = 3;
    })
    .await;
    let target = unique_email();
    let other = unique_email();
    app.sign_up(&target, PASSWORD).await;
    app.sign_up(&other, PASSWORD).await;

    for _ in 0..3 {
        assert_eq!(
            app.log_in(&target, "guess guess guess", None)
                .await
                .status(),
            422
        );
    }
    let locked_even_with_the_right_password = app.log_in(&target, PASSWORD, None).await;
    let other_account = app.log_in(&other, PASSWORD, None).await;

    assert_eq!(locked_even_with_the_right_password.status(), 429);
    assert!(
        locked_even_with_the_right_password
            .headers()
            .contains_key("retry-after")
    );
    assert!(
        session_cookie(&other_account).is_some(),
        "{}",
        other_account.status()
    );
}

#[tokio::test]
async fn auth_events_are_logged_without_secrets() {
    let app = spawn_app().await;
    let email = unique_email();
    let password = format!("secret-{}-passphrase", uuid::Uuid::now_v7().simple());

    let cookie = app.sign_up(&email, &password).await;
    app.log_in(&email, &format!("{password}-wrong"), None).await;
    let login = app.log_in(&email, &password, None).await;
    let login_cookie = session_cookie(&login).unwrap();

    let logs = crate::helpers::captured_logs();
    assert!(
        logs.contains("\"outcome\":\"success\""),
        "successful log-ins are recorded"
    );
    assert!(
        logs.contains("\"outcome\":\"rejected\""),
        "failed log-ins are recorded"
    );
    assert!(
        logs.contains("\"outcome\":\"created\""),
        "sign-ups are recorded"
    );
    assert!(!logs.contains(&password), "a password reached the logs");
    for cookie in [cookie, login_cookie] {
        let value = cookie.split('=').nth(1).unwrap();
        assert!(!logs.contains(value), "a session id reached the logs");
    }
}

#[tokio::test]
async fn sessions_end_after_the_idle_timeout() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.session_idle_timeout = std::time::Duration::from_secs(1)
    })
    .await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;

    let fresh = app.get_with_cookie("/account", &cookie).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let idle = app.get_with_cookie("/account", &cookie).await;

    assert_eq!(fresh.status(), 200);
    assert_eq!(idle.status(), 303);
}

#[tokio::test]
async fn sessions_end_after_their_absolute_lifetime_however_active() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.session_max_lifetime = std::time::Duration::from_secs(1)
    })
    .await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;

    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(
            app.get_with_cookie("/account", &cookie)
                .await
                .status()
                .as_u16(),
        );
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    }

    assert_eq!(statuses[0], 200);
    assert_eq!(*statuses.last().unwrap(), 303, "{statuses:?}");
}

#[tokio::test]
async fn expired_session_rows_are_deleted() {
    use tower_sessions::{
        ExpiredDeletion, SessionStore,
        cookie::time::{Duration, OffsetDateTime},
        session::{Id, Record},
    };
    let app = spawn_app().await;
    let store = app::session::store::DbSessionStore::new(app.db.clone());
    let mut live = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: OffsetDateTime::now_utc() + Duration::hours(1),
    };
    let mut expired = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: OffsetDateTime::now_utc() - Duration::hours(1),
    };
    store.create(&mut live).await.unwrap();
    store.create(&mut expired).await.unwrap();

    let loaded_expired = store.load(&expired.id).await.unwrap();
    store.delete_expired().await.unwrap();

    assert!(loaded_expired.is_none(), "expired sessions never load");
    assert!(store.load(&live.id).await.unwrap().is_some());
    assert_eq!(app.count("sessions").await, 1);
}

#[tokio::test]
async fn the_theme_is_remembered_on_the_account_and_set_on_every_page() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    let html = |response: reqwest::Response| async move { response.text().await.unwrap() };

    // The device decides until the traveler chooses.
    let page = html(app.get_with_cookie("/trips", &cookie).await).await;
    assert!(!page.contains("data-theme="), "no theme forced by default");
    assert!(page.contains("aria-label=\"Use the dark theme\""));

    let dark = [("theme", "dark"), ("back", "/account")];
    let chosen = app.post_form("/api/auth/theme", &dark, Some(&cookie)).await;
    assert_eq!(chosen.status(), 200);
    assert_eq!(chosen.headers()["location"], "/account");
    for path in ["/trips", "/account", "/trips/new"] {
        let page = html(app.get_with_cookie(path, &cookie).await).await;
        assert!(
            page.contains("<html data-theme=\"dark\"") || page.contains(" data-theme=\"dark\""),
            "{path}"
        );
    }
    assert_eq!(
        app.text_of("SELECT theme FROM users", "theme").await,
        "dark"
    );

    // Refused: an unknown theme, an address elsewhere, a visitor.
    let odd = [("theme", "purple"), ("back", "/trips")];
    let refused = app.post_form("/api/auth/theme", &odd, Some(&cookie)).await;
    assert_eq!(refused.status(), 400);
    assert_eq!(
        app.text_of("SELECT theme FROM users", "theme").await,
        "dark"
    );
    let away = [("theme", "light"), ("back", "https://evil.example/")];
    let kept_home = app.post_form("/api/auth/theme", &away, Some(&cookie)).await;
    assert_eq!(kept_home.headers()["location"], "/trips");
    let visitor = app.post_form("/api/auth/theme", &dark, None).await;
    assert_eq!(visitor.status(), 401);
    assert_eq!(
        app.text_of("SELECT theme FROM users", "theme").await,
        "light"
    );
}

#[tokio::test]
async fn activity_keeps_a_session_alive_past_the_idle_timeout() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.session_idle_timeout = std::time::Duration::from_secs(2)
    })
    .await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;

    let mut statuses = Vec::new();
    for _ in 0..5 {
        tokio::time::sleep(std::time::Duration::from_millis(900)).await;
        statuses.push(
            app.get_with_cookie("/account", &cookie)
                .await
                .status()
                .as_u16(),
        );
    }

    assert_eq!(
        statuses, [200; 5],
        "4.5 s of activity with a 2 s idle timeout"
    );
}

#[tokio::test]
async fn an_unchanged_session_is_not_rewritten_on_every_page() {
    let app = spawn_app().await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;
    let expiry = || app.text_of("SELECT CAST(expires_at AS TEXT) AS e FROM sessions", "e");
    let first = expiry().await;

    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(app.get_with_cookie("/trips", &cookie).await.status(), 200);
    assert_eq!(
        expiry().await,
        first,
        "a page view within a minute writes nothing"
    );

    // A change to the session's data (here, the flash message a new trip leaves) is written
    // at once.
    let trip = [
        ("name", "Spring in Lisbon"),
        ("destination", "Lisbon"),
        ("start_date", "2027-03-03"),
        ("end_date", "2027-03-09"),
        ("time_zone", "Europe/Lisbon"),
        ("currency", "EUR"),
        ("budget", ""),
        ("notes", ""),
    ];
    app.post_form("/api/trips/create", &trip, Some(&cookie))
        .await;
    assert_ne!(expiry().await, first, "the flash message was saved");
}
