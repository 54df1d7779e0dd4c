//! Sending email. A `Mailer` trait with two implementations: SMTP (lettre) when configured, and
//! a development outbox that writes each message to a file, where a developer or a test can
//! read it. The outbox is never served over HTTP.

use std::{
    fmt::Debug,
    path::PathBuf,
    sync::atomic::{AtomicU64, Ordering},
};

use async_trait::async_trait;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor, message::Mailbox};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("could not build the message: {0}")]
    Build(String),
    #[error("could not deliver the message: {0}")]
    Deliver(String),
}

#[async_trait]
pub trait Mailer: Debug + Send + Sync + 'static {
    /// Sends one message.
    ///
    /// # Errors
    /// The address is malformed or delivery failed.
    async fn send(&self, email: Email) -> Result<(), MailError>;
}

/// Delivers through an SMTP server, e.g. `smtps://user:password@mail.example.org`.
#[derive(Debug, Clone)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    /// # Errors
    /// The URL or the sender address is malformed.
    pub fn new(url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|error| MailError::Address(error.to_string()))?
            .build();
        let from = from
            .parse()
            .map_err(|_| MailError::Address(from.to_string()))?;
        Ok(Self { transport, from })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, email: Email) -> Result<(), MailError> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|_| MailError::Address(email.to.clone()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject)
            .body(email.body)
            .map_err(|error| MailError::Build(error.to_string()))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| MailError::Deliver(error.to_string()))
    }
}

/// Development mail: each message becomes a text file in `dir`, named so they sort in order.
#[derive(Debug)]
pub struct OutboxMailer {
    dir: PathBuf,
    sequence: AtomicU64,
}

impl OutboxMailer {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            sequence: AtomicU64::new(0),
        }
    }
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, email: Email) -> Result<(), MailError> {
        let io = |error: std::io::Error| MailError::Deliver(error.to_string());
        tokio::fs::create_dir_all(&self.dir).await.map_err(io)?;
        let name = format!(
            "{}-{:06}.txt",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
            self.sequence.fetch_add(1, Ordering::Relaxed)
        );
        let text = format!(
            "To: {}\nSubject: {}\n\n{}\n",
            email.to, email.subject, email.body
        );
        tokio::fs::write(self.dir.join(&name), text)
            .await
            .map_err(io)?;
        tracing::info!(file = %name, "email written to the development outbox");
        Ok(())
    }
}
