//! Brute-force brakes for the account forms: a sliding window per client IP over every auth
//! attempt, and per account over failed logins. In-process: with several instances each keeps
//! its own counts, which still bounds an attacker to N times the limit.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// Counts events per key within a sliding window.
#[derive(Debug)]
pub struct Limiter {
    max: usize,
    window: Duration,
    events: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Limiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            max: usize::try_from(max).unwrap_or(usize::MAX),
            window,
            events: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when `key` has used up its allowance.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut events = self
            .events
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(times) = events.get_mut(key) else {
            return Ok(());
        };
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
        if times.len() < self.max {
            return Ok(());
        }
        let oldest = times.front().copied().unwrap_or(now);
        let wait = self.window.saturating_sub(now.duration_since(oldest));
        Err(wait.as_secs().max(1))
    }

    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let mut events = self
            .events
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if events.len() > 100_000 {
            // Bound memory under a flood of distinct keys: forget windows that have passed.
            events.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < self.window)
            });
        }
        events.entry(key.to_string()).or_default().push_back(now);
    }

    /// Checks and records in one step.
    pub fn hit(&self, key: &str) -> Result<(), u64> {
        self.check(key)?;
        self.record(key);
        Ok(())
    }

    pub fn clear(&self, key: &str) {
        self.events
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(key);
    }
}

/// The limits for the account forms, shared by every request.
#[derive(Debug, Clone)]
pub struct AuthLimits {
    /// Log-in, sign-up and forgot-password attempts per client IP.
    pub per_ip: Arc<Limiter>,
    /// Failed logins per account (normalised email).
    pub failed_logins: Arc<Limiter>,
}

impl AuthLimits {
    /// Counts an account-form attempt (log-in, sign-up, forgot password) from `ip`; requests
    /// whose address is unknown share one allowance. `Err(seconds to wait)` over the limit.
    pub fn attempt_from(&self, ip: Option<std::net::IpAddr>) -> Result<(), u64> {
        self.per_ip
            .hit(&ip.map(|ip| ip.to_string()).unwrap_or_default())
    }

    pub fn new(per_ip_per_minute: u32, failed_logins_per_hour: u32) -> Self {
        Self {
            per_ip: Arc::new(Limiter::new(per_ip_per_minute, Duration::from_secs(60))),
            failed_logins: Arc::new(Limiter::new(
                failed_logins_per_hour,
                Duration::from_secs(3600),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_up_to_the_limit_then_asks_to_wait() {
        let limiter = Limiter::new(3, Duration::from_secs(60));
        for _ in 0..3 {
            assert_eq!(limiter.hit("a"), Ok(()));
        }
        let wait = limiter.hit("a").unwrap_err();
        assert!((1..=60).contains(&wait), "{wait}");
        assert_eq!(limiter.hit("b"), Ok(()), "other keys are unaffected");
        limiter.clear("a");
        assert_eq!(limiter.hit("a"), Ok(()));
    }

    #[test]
    fn the_window_slides() {
        let limiter = Limiter::new(1, Duration::from_millis(50));
        assert_eq!(limiter.hit("a"), Ok(()));
        assert!(limiter.hit("a").is_err());
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(limiter.hit("a"), Ok(()));
    }
}
