//! Mail the forms send: made and sent after the answer has gone, so nobody waits for the mail
//! server and the response time says nothing about which message was due. Each address gets at
//! most a few messages an hour from the forms, whoever asks.

use domain::{
    accounts::{model::normalise_email, service::AuthError},
    mail::Email,
};

use crate::context::AppState;

/// Makes `messages` and sends them once the answer has gone.
pub fn in_background(
    state: &AppState,
    purpose: &'static str,
    messages: impl std::future::Future<Output = Result<Vec<Email>, AuthError>> + Send + 'static,
) {
    let (mailer, limits) = (state.mailer.clone(), state.auth_limits.clone());
    tokio::spawn(async move {
        match messages.await {
            Ok(messages) => {
                for message in messages {
                    if !limits.may_mail(&normalise_email(&message.to)) {
                        tracing::warn!(purpose, "not sent: this address had enough mail this hour");
                        continue;
                    }
                    if let Err(error) = mailer.send(message).await {
                        tracing::error!(%error, purpose, "could not send an email");
                    }
                }
            }
            Err(error) => tracing::error!(%error, purpose, "could not prepare an email"),
        }
    });
}
