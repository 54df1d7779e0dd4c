//! The session store's two promises (docs/security.md, "Sessions"): a session that ended —
//! log-out, a password change — never comes back because a request that loaded it earlier
//! finishes later, and the table holds no usable session id.

use std::{sync::atomic::Ordering, time::Duration};

use sha2::{Digest, Sha256};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

use crate::helpers::{PASSWORD, TestApp, session_cookie, spawn_app, unique_email};

/// A profile update sent by hand over TCP whose body is held back: the server has loaded the
/// session (the rate limiter reads it before the handler waits for the body) and will save it
/// when the request completes.
struct HeldRequest {
    stream: TcpStream,
    rest: Vec<u8>,
}

impl HeldRequest {
    async fn start(app: &TestApp, cookie: &str, email: &str) -> Self {
        let body = format!(
            "display_name=Slow+Traveler&email={}&password={}",
            email.replace('@', "%40"),
            PASSWORD.replace(' ', "+")
        )
        .into_bytes();
        let head = format!(
            "POST /api/auth/update_profile HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\n\
             Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            app.address,
            body.len()
        );
        let before = app.queries.load(Ordering::SeqCst);
        let mut stream = TcpStream::connect(app.address).await.unwrap();
        stream.write_all(head.as_bytes()).await.unwrap();
        let (first, rest) = body.split_at(body.len() / 2);
        stream.write_all(first).await.unwrap();
        // The session is read from the database before the handler waits for the rest.
        for _ in 0..500 {
            if app.queries.load(Ordering::SeqCst) > before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(
            app.queries.load(Ordering::SeqCst) > before,
            "the server never read the session"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
        Self {
            stream,
            rest: rest.to_vec(),
        }
    }

    /// Sends the rest of the body and returns the response's status line.
    async fn finish(mut self) -> String {
        self.stream.write_all(&self.rest).await.unwrap();
        let mut response = Vec::new();
        self.stream.read_to_end(&mut response).await.unwrap();
        let text = String::from_utf8_lossy(&response);
        text.lines().next().unwrap_or_default().to_string()
    }
}

#[tokio::test]
async fn a_request_in_flight_at_log_out_does_not_bring_the_session_back() {
    let app = spawn_app().await;
    let email = unique_email();
    let cookie = app.sign_up(&email, PASSWORD).await;
    assert_eq!(app.get_with_cookie("/account", &cookie).await.status(), 200);

    let held = HeldRequest::start(&app, &cookie, &email).await;
    app.post_form("/api/auth/log_out", &[], Some(&cookie)).await;
    let right_after = app.get_with_cookie("/account", &cookie).await.status();
    let status = held.finish().await;
    let after_the_slow_request = app.get_with_cookie("/account", &cookie).await.status();

    assert_eq!(right_after, 303);
    assert!(status.starts_with("HTTP/1.1"), "{status}");
    assert_eq!(
        after_the_slow_request, 303,
        "the logged-out session came back when the slow request finished"
    );
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn a_request_in_flight_at_a_password_change_does_not_bring_the_session_back() {
    let app = spawn_app().await;
    let email = unique_email();
    let old = app.sign_up(&email, PASSWORD).await;
    let login = app.log_in(&email, PASSWORD, None).await;
    let current = session_cookie(&login).unwrap();

    let held = HeldRequest::start(&app, &old, &email).await;
    let change = app
        .post_form(
            "/api/auth/change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "amber lantern orchard"),
                ("password_confirmation", "amber lantern orchard"),
            ],
            Some(&current),
        )
        .await;
    let right_after = app.get_with_cookie("/account", &old).await.status();
    held.finish().await;
    let after_the_slow_request = app.get_with_cookie("/account", &old).await.status();

    assert!(change.status().is_success(), "{}", change.status());
    assert_eq!(right_after, 303);
    assert_eq!(
        after_the_slow_request, 303,
        "the ended session came back when the slow request finished"
    );
    assert_eq!(
        app.get_with_cookie("/account", &current).await.status(),
        200
    );
}

#[tokio::test]
async fn the_table_holds_only_hashes_of_session_ids() {
    let app = spawn_app().await;
    let cookie = app.sign_up(&unique_email(), PASSWORD).await;
    let id = cookie.split_once('=').unwrap().1;

    let stored = app.text_of("SELECT id FROM sessions", "id").await;
    let digest: String = Sha256::digest(id.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();

    assert_ne!(stored, id);
    assert!(!stored.contains(id));
    assert_eq!(stored, digest);
    // And the cookie still logs in: the store finds the row by the hash.
    assert_eq!(app.get_with_cookie("/account", &cookie).await.status(), 200);
}

/// A page reads the traveler's profile with the session, in the same statement; the profile
/// rides along in the loaded session for that request only. It is never written to the row,
/// and a page after a change shows the change.
#[tokio::test]
async fn the_profile_read_with_the_session_is_never_stored_and_never_stale() {
    let app = spawn_app().await;
    let address = unique_email();
    let cookie = app.sign_up(&address, PASSWORD).await;
    let page = app
        .get_with_cookie("/trips", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Traveler"), "the header names the traveler");

    // Renaming writes the session (a flash message) in a request that loaded the profile.
    let renamed = app
        .post_form(
            "/api/auth/update_profile",
            &[
                ("display_name", "Rosalind Franklin"),
                ("email", address.as_str()),
            ],
            Some(&cookie),
        )
        .await;
    assert!(renamed.status().is_success() || renamed.status().is_redirection());
    let stored = app.text_of("SELECT data FROM sessions", "data").await;
    assert!(
        stored.contains("flash"),
        "the session was written: {stored}"
    );
    assert!(!stored.contains("loaded_profile"), "{stored}");
    assert!(!stored.contains(&address), "{stored}");

    let page = app
        .get_with_cookie("/account", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Rosalind Franklin"),
        "the next page shows the new name"
    );
}
