//! The one HTTP client every provider call goes through: an identifying User-Agent, a time
//! limit per attempt and per call, retries with exponential backoff and jitter for passing
//! failures (an error status, 429 or 503, a dropped connection; a `Retry-After` is honoured
//! through the pace), the provider's pace and breaker, answers read up to a size limit, and
//! counts of calls and their outcomes in the metrics.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use domain::providers::ProviderError;
use http_client::{Response, StatusCode};
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use reqwest_retry::{
    Jitter, RetryError, RetryTransientMiddleware, Retryable, RetryableStrategy,
    default_on_request_failure, default_on_request_success, policies::ExponentialBackoff,
};
use sea_orm::DatabaseConnection;
use serde::de::DeserializeOwned;

use super::{
    breaker::{Breaker, Outcome},
    pace::{Deadline, Pace, is_slow_down, retry_after},
};
use crate::config::providers::ProviderSettings;

/// Retries what is worth retrying, except a slow-down whose `Retry-After` is longer than the
/// longest backoff: the pace then holds the provider, and waiting here would only keep the
/// caller.
struct Strategy {
    longest_wait: Duration,
}

impl RetryableStrategy for Strategy {
    fn handle(&self, result: &Result<Response, reqwest_middleware::Error>) -> Option<Retryable> {
        match result {
            Ok(response)
                if is_slow_down(response.status())
                    && retry_after(response).is_some_and(|wait| wait > self.longest_wait) =>
            {
                Some(Retryable::Fatal)
            }
            Ok(response) => default_on_request_success(response),
            Err(error) => default_on_request_failure(error),
        }
    }
}

/// A provider's client.
pub struct ProviderClient {
    /// The provider's name in metrics and logs (a fixed set).
    pub provider: &'static str,
    http: ClientWithMiddleware,
    breaker: Arc<Breaker>,
    max_bytes: usize,
}

/// The User-Agent the public services ask for: who we are and how to reach whoever runs us.
pub fn user_agent(settings: &ProviderSettings, base_url: &str) -> String {
    let mut agent = format!("travel-planner/{} (+{base_url}", env!("CARGO_PKG_VERSION"));
    if let Some(contact) = &settings.contact {
        agent.push_str("; ");
        agent.push_str(contact);
    }
    agent.push(')');
    agent
}

impl ProviderClient {
    /// A client for `provider`, at most one request per `interval` across every instance.
    ///
    /// # Errors
    /// The TLS backend cannot be set up.
    pub fn new(
        provider: &'static str,
        settings: &ProviderSettings,
        user_agent: &str,
        interval: Duration,
        db: DatabaseConnection,
    ) -> Result<Self, http_client::Error> {
        let inner = http_client::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(settings.request_timeout.min(Duration::from_secs(5)))
            .timeout(settings.request_timeout)
            // A fixed base URL may redirect (a new host, https), but not anywhere at all.
            .redirect(http_client::redirect::Policy::limited(3))
            .build()?;
        let longest_wait = settings.retry_base * 2u32.saturating_pow(settings.retries);
        let policy = ExponentialBackoff::builder()
            .retry_bounds(settings.retry_base, longest_wait.max(settings.retry_base))
            .jitter(Jitter::Bounded)
            .build_with_max_retries(settings.retries);
        let http = ClientBuilder::new(inner)
            .with(RetryTransientMiddleware::new_with_policy_and_strategy(
                policy,
                Strategy { longest_wait },
            ))
            .with(Pace {
                db,
                provider,
                interval,
            })
            .build();
        Ok(Self {
            provider,
            http,
            breaker: Breaker::new(
                provider,
                settings.breaker_failures,
                settings.breaker_cooldown,
            ),
            max_bytes: settings.max_response_bytes,
        })
    }

    /// GETs `url` with `query` and reads the answer as `T`, giving up at `deadline`.
    ///
    /// # Errors
    /// The breaker is open, no slot came before the deadline, the provider did not answer in
    /// time, answered with an error, or with something that is not a `T` within the size limit.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, String)],
        deadline: Instant,
    ) -> Result<T, ProviderError> {
        self.get_json_accepting(url, query, deadline, &[]).await
    }

    /// [`get_json`](Self::get_json), also reading answers with one of the statuses in `also`
    /// (an API that answers "no route" with a 400 and a JSON body, say).
    ///
    /// # Errors
    /// As for [`get_json`](Self::get_json).
    pub async fn get_json_accepting<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, String)],
        deadline: Instant,
        also: &[StatusCode],
    ) -> Result<T, ProviderError> {
        let ticket = self
            .breaker
            .admit()
            .inspect_err(|_| self.count("rejected"))?;
        let result =
            tokio::time::timeout_at(deadline.into(), self.fetch(url, query, deadline, also))
                .await
                .unwrap_or(Err(ProviderError::Timeout));
        let (outcome, label) = match &result {
            Ok(_) => (Outcome::Success, "ok"),
            Err(ProviderError::Busy) => (Outcome::NotSent, "busy"),
            Err(ProviderError::Timeout) => (Outcome::Failure, "timeout"),
            Err(_) => (Outcome::Failure, "error"),
        };
        ticket.finish(outcome);
        self.count(label);
        if let Err(error) = &result {
            tracing::warn!(provider = self.provider, %error, "provider call failed");
        }
        result
    }

    fn count(&self, outcome: &'static str) {
        metrics::counter!(
            "travel_planner_provider_calls_total",
            "provider" => self.provider,
            "outcome" => outcome
        )
        .increment(1);
    }

    async fn fetch<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, String)],
        deadline: Instant,
        also: &[StatusCode],
    ) -> Result<T, ProviderError> {
        let response = self
            .http
            .get(url)
            .query(query)
            .with_extension(Deadline(deadline))
            .send()
            .await
            .map_err(classify)?;
        let status = response.status();
        if status != StatusCode::OK && !also.contains(&status) {
            return Err(ProviderError::Failed(format!("status {}", status.as_u16())));
        }
        let body = self.read(response).await?;
        serde_json::from_slice(&body)
            .map_err(|_| ProviderError::Failed("an answer that is not the API's JSON".into()))
    }

    /// The body, up to the size limit.
    async fn read(&self, mut response: Response) -> Result<Vec<u8>, ProviderError> {
        let too_large =
            || ProviderError::Failed(format!("an answer over {} bytes", self.max_bytes));
        if response
            .content_length()
            .is_some_and(|length| length > self.max_bytes as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| {
            if error.is_timeout() {
                ProviderError::Timeout
            } else {
                failed(&error.without_url())
            }
        })? {
            if body.len() + chunk.len() > self.max_bytes {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

/// What went wrong, through the retry middleware's wrapping.
fn classify(error: reqwest_middleware::Error) -> ProviderError {
    match error {
        reqwest_middleware::Error::Middleware(error) => match error.downcast::<RetryError>() {
            Ok(RetryError::WithRetries { err, .. } | RetryError::Error(err)) => classify(err),
            Err(error) => error
                .downcast::<ProviderError>()
                .unwrap_or_else(|error| failed(&error)),
        },
        reqwest_middleware::Error::Reqwest(error) if error.is_timeout() => ProviderError::Timeout,
        // Never the URL: it holds what a traveler searched for.
        reqwest_middleware::Error::Reqwest(error) => failed(&error.without_url()),
    }
}

fn failed(error: &dyn std::fmt::Display) -> ProviderError {
    ProviderError::Failed(error.to_string())
}
