//! What the core needs to know about outside services (place search, weather, travel times):
//! that they can fail, and how. The services that call them (and the traits they implement)
//! live beside the capability (`places`, `weather`); the HTTP clients live in the server.

/// Why an outside service gave no usable answer. Every variant means the same to a traveler
/// ("not answering, try again later"); they differ for logs and metrics.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// Switched off by configuration.
    #[error("the provider is switched off")]
    Off,
    /// Too many recent failures: not asked until its breaker lets a trial call through.
    #[error("the provider's breaker is open")]
    BreakerOpen,
    /// The request could not go out in time: the provider's pace (its requests per second,
    /// or a `Retry-After` it sent) leaves no slot before the caller's deadline.
    #[error("the provider is busy")]
    Busy,
    /// No answer in time.
    #[error("the provider did not answer in time")]
    Timeout,
    /// An answer, but not a usable one (an error status, or a body that is not what the
    /// provider's API describes, or too large).
    #[error("the provider failed: {0}")]
    Failed(String),
}
