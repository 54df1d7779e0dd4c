//! Outgoing mail over SMTP, against a small local SMTP server that records what it receives.

use std::{sync::Arc, time::Duration};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
    sync::Mutex,
};

use crate::helpers::spawn_app_with;

/// Accepts SMTP sessions on a free port and keeps each message's DATA.
async fn fake_smtp_server() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let messages = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let messages = messages.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake.smtp ESMTP\r\n").await.unwrap();
                let mut in_data = false;
                let mut data = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            messages.lock().await.push(std::mem::take(&mut data));
                            write.write_all(b"250 2.0.0 queued\r\n").await.unwrap();
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let command = line.to_ascii_uppercase();
                    let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO")
                    {
                        b"250-fake.smtp\r\n250 8BITMIME\r\n"
                    } else if command.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if command.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, received)
}

#[tokio::test]
async fn reset_links_go_out_over_smtp_when_configured() {
    let (port, received) = fake_smtp_server().await;
    let app = spawn_app_with(move |settings| {
        settings.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
        settings.mail_from = "Travel Planner <no-reply@example.org>".into();
    })
    .await;
    // An account straight in the table: its sign-up mail would be the first message here.
    let email = format!(
        "{}@example.com",
        crate::trips_service::new_user(&app.db).await.simple()
    );

    app.post_form(
        "/api/auth/request_password_reset",
        &[("email", &email)],
        None,
    )
    .await;

    let mut message = None;
    for _ in 0..100 {
        if let Some(first) = received.lock().await.first() {
            message = Some(first.clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let message = message.expect("the SMTP server received a message");
    assert!(message.contains(&format!("To: {email}")), "{message}");
    assert!(
        message.contains("From: \"Travel Planner\" <no-reply@example.org>")
            || message.contains("From: Travel Planner <no-reply@example.org>"),
        "{message}"
    );
    assert!(
        message.contains("Subject: Reset your Travel Planner password"),
        "{message}"
    );
    assert!(message.contains("/reset-password/"), "{message}");
    assert!(
        !app.dir.path().join("outbox").exists(),
        "nothing went to the development outbox"
    );
}
