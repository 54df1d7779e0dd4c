//! The limits cannot be sidestepped (docs/security.md, "Rate limits"): many accounts from one
//! address share the address's allowance, an IPv6 client is one /64, a forwarded-for entry
//! with a port is still the client, concurrent guesses cannot exceed an account's failed-login
//! allowance, and nothing a client types becomes a key before it is checked.

use std::sync::Arc;

use domain::accounts::{limits::AuthLimits, service};

use crate::helpers::{PASSWORD, TestApp, spawn_app, spawn_app_with, unique_email};

#[tokio::test]
async fn many_accounts_from_one_address_share_its_allowance() {
    let app = spawn_app_with(|settings| {
        settings.requests_per_minute = 100;
        settings.requests_per_address_per_minute = 9;
    })
    .await;
    // Each sign-up ends on the traveler's first page: three of the address's nine.
    let travelers = [
        app.sign_up(&unique_email(), PASSWORD).await,
        app.sign_up(&unique_email(), PASSWORD).await,
        app.sign_up(&unique_email(), PASSWORD).await,
    ];

    for cookie in &travelers {
        for _ in 0..2 {
            assert_eq!(app.get_with_cookie("/account", cookie).await.status(), 200);
        }
    }
    let seventh = app.get_with_cookie("/account", &travelers[0]).await;
    let fresh_account = app.sign_up(&unique_email(), PASSWORD).await;
    let from_it = app.get_with_cookie("/account", &fresh_account).await;

    assert_eq!(seventh.status(), 429, "each account had allowance left");
    assert!(seventh.headers().contains_key("retry-after"));
    assert_eq!(from_it.status(), 429, "a new account buys no new allowance");
}

/// Requests through a trusted proxy on loopback, as the given client.
async fn get_as(app: &TestApp, forwarded_for: &str) -> u16 {
    app.client
        .get(app.url("/login"))
        .header("x-forwarded-for", forwarded_for)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn behind_proxy(per_minute: u32) -> impl FnOnce(&mut server::config::Settings) {
    move |settings| {
        settings.requests_per_minute = per_minute;
        settings.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    }
}

#[tokio::test]
async fn an_ipv6_client_is_counted_per_64_not_per_address() {
    let app = spawn_app_with(behind_proxy(2)).await;

    assert_eq!(get_as(&app, "2001:db8:1:2::1").await, 200);
    assert_eq!(get_as(&app, "2001:db8:1:2::2").await, 200);
    let same_network = get_as(&app, "2001:db8:1:2:ffff:ffff:ffff:ffff").await;
    let next_network = get_as(&app, "2001:db8:1:3::1").await;

    assert_eq!(
        same_network, 429,
        "a /64 holds 2^64 addresses of one client"
    );
    assert_eq!(next_network, 200);
}

#[tokio::test]
async fn a_forwarded_entry_with_a_port_is_still_the_client() {
    let app = spawn_app_with(behind_proxy(2)).await;

    // The client writes a different address each time; the proxy appends the real one with
    // its port. Before, the entry with a port was skipped and the forged one counted.
    assert_eq!(get_as(&app, "6.6.6.1, 198.51.100.7:40001").await, 200);
    assert_eq!(get_as(&app, "6.6.6.2, 198.51.100.7:40002").await, 200);
    let third = get_as(&app, "6.6.6.3, 198.51.100.7:40003").await;
    let bracketed = get_as(&app, "6.6.6.4, [2001:db8::9]:40004").await;

    assert_eq!(third, 429);
    assert_eq!(bracketed, 200, "another client");
}

#[tokio::test]
async fn concurrent_guesses_cannot_exceed_the_accounts_allowance() {
    let app = Arc::new(
        spawn_app_with(|settings| {
            settings.auth_attempts_per_ip_per_minute = 10_000;
            settings.failed_logins_per_account_per_hour = 5;
        })
        .await,
    );
    let email = unique_email();
    app.sign_up(&email, PASSWORD).await;

    let guesses: Vec<_> = (0..20)
        .map(|n| {
            let (app, email) = (Arc::clone(&app), email.clone());
            tokio::spawn(async move {
                app.log_in(&email, &format!("wrong guess number {n}"), None)
                    .await
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for guess in guesses {
        statuses.push(guess.await.unwrap());
    }

    let checked = statuses.iter().filter(|status| **status == 422).count();
    let refused = statuses.iter().filter(|status| **status == 429).count();
    assert_eq!(checked, 5, "{statuses:?}");
    assert_eq!(refused, 15, "{statuses:?}");
}

#[tokio::test]
async fn addresses_that_cannot_be_accounts_are_never_counted() {
    let app = spawn_app().await;
    let limits = AuthLimits::new(1_000, 100);
    let huge = format!("{}@example.com", "a".repeat(300_000));

    for n in 0..50 {
        let attempt = format!("{n}{huge}");
        let refused =
            service::log_in_limited(&app.db, &limits, &attempt, "wrong password".into()).await;
        assert!(matches!(
            refused,
            Err(service::LoginRefused::Auth(
                service::AuthError::InvalidCredentials
            ))
        ));
    }
    let kept_before = limits.failed_logins.keys();
    let _ = service::log_in_limited(&app.db, &limits, &unique_email(), "wrong".into()).await;

    assert_eq!(kept_before, 0, "an over-long address became a key");
    assert_eq!(limits.failed_logins.keys(), 1, "a real address is counted");
}
