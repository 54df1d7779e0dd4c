//! Brute-force brakes: a sliding window of events per key (a client address, an account, a
//! recipient of mail). In-process: with several instances each keeps its own counts, which
//! still bounds an attacker to N times the limit.
//!
//! Nothing here grows with what clients send. Keys are stored as a 128-bit digest of the text
//! they come from, whatever its length; the windows live in a `quick_cache` map of a fixed
//! number of keys (past it, the least useful are dropped); each window holds at most `max`
//! timestamps. Checking and recording is one step under the key's lock, so concurrent requests
//! cannot all pass a check before any of them is recorded.

use std::{
    collections::VecDeque,
    net::IpAddr,
    time::{Duration, Instant},
};

use quick_cache::sync::{Cache, EntryAction, EntryResult};

/// How many keys one limiter keeps at most.
pub const KEYS_MAX: usize = 100_000;

/// A key as stored: 128 bits of a keyed hash of its text, never the text (a user id, an
/// address), and a fixed size whatever the text's length.
type KeyDigest = [u8; 16];

/// The limiter's keyed hash: SipHash with keys drawn when the limiter is made, applied to the
/// text twice (tagged 0 and 1) for 128 bits. Not SHA-256 as before: every request counts a key
/// or two, and SipHash costs a twentieth of it. Digests never leave the process, and without
/// its random keys nobody can choose two texts that share one.
struct KeyHasher(std::hash::RandomState);

impl KeyHasher {
    fn digest(&self, key: &str) -> KeyDigest {
        use std::hash::BuildHasher;
        let mut digest = [0; 16];
        digest[..8].copy_from_slice(&self.0.hash_one((key, 0u8)).to_le_bytes());
        digest[8..].copy_from_slice(&self.0.hash_one((key, 1u8)).to_le_bytes());
        digest
    }
}

/// Counts events per key within a sliding window.
pub struct Limiter {
    max: usize,
    window: Duration,
    /// The clock's zero: timestamps are milliseconds since it.
    started: Instant,
    hasher: KeyHasher,
    windows: Cache<KeyDigest, VecDeque<u64>>,
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Limiter")
            .field("max", &self.max)
            .field("window", &self.window)
            .field("keys", &self.windows.len())
            .finish()
    }
}

/// What [`Limiter::reserve`] recorded: keep it (the attempt counts) or give it back.
#[must_use = "an unused reservation counts against the key"]
pub struct Reservation<'a> {
    limiter: &'a Limiter,
    key: KeyDigest,
    at: u64,
}

impl Reservation<'_> {
    /// The attempt did not count after all (it failed for another reason).
    pub fn refund(self) {
        self.limiter.windows.entry(&self.key, None, |_, times| {
            if let Some(index) = times.iter().rposition(|t| *t == self.at) {
                times.remove(index);
            }
            EntryAction::Retain(())
        });
    }

    /// The attempt succeeded: the key starts afresh.
    pub fn clear(self) {
        self.limiter.windows.remove(&self.key);
    }
}

impl Limiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self::with_keys(max, window, KEYS_MAX)
    }

    /// A limiter that keeps at most `keys` keys.
    pub fn with_keys(max: u32, window: Duration, keys: usize) -> Self {
        Self {
            max: usize::try_from(max).unwrap_or(usize::MAX),
            window,
            started: Instant::now(),
            hasher: KeyHasher(std::hash::RandomState::new()),
            windows: Cache::new(keys.max(1)),
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn window_ms(&self) -> u64 {
        u64::try_from(self.window.as_millis()).unwrap_or(u64::MAX)
    }

    /// Drops the timestamps that left the window; `Err(seconds to wait)` when full.
    fn allowance(&self, times: &mut VecDeque<u64>, now: u64) -> Result<(), u64> {
        let window = self.window_ms();
        while times
            .front()
            .is_some_and(|t| now.saturating_sub(*t) >= window)
        {
            times.pop_front();
        }
        if times.len() < self.max {
            return Ok(());
        }
        let oldest = times.front().copied().unwrap_or(now);
        let wait_ms = window.saturating_sub(now.saturating_sub(oldest));
        Err(wait_ms.div_ceil(1000).max(1))
    }

    /// Checks and, when allowed, records one event for `key`, atomically. `Err(seconds to
    /// wait)` when the key has used up its allowance.
    fn take(&self, key: KeyDigest) -> Result<u64, u64> {
        let now = self.now();
        match self.windows.entry(&key, None, |_, times| {
            EntryAction::Retain(self.allowance(times, now).map(|()| {
                times.push_back(now);
                now
            }))
        }) {
            EntryResult::Retained(outcome) => outcome,
            EntryResult::Vacant(guard) => {
                if self.max == 0 {
                    return Err(self.window.as_secs().max(1));
                }
                let _ = guard.insert(VecDeque::from([now]));
                Ok(now)
            }
            // Not asked for: `Retain` is the only action above, and there is no timeout.
            EntryResult::Removed(..) | EntryResult::Replaced(..) | EntryResult::Timeout => Ok(now),
        }
    }

    /// `Err(seconds to wait)` when `key` has used up its allowance; records nothing.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = self.now();
        match self
            .windows
            .entry(&self.hasher.digest(key), None, |_, times| {
                EntryAction::Retain(self.allowance(times, now))
            }) {
            EntryResult::Retained(outcome) => outcome,
            _ => Ok(()),
        }
    }

    /// Checks and records in one step.
    pub fn hit(&self, key: &str) -> Result<(), u64> {
        self.take(self.hasher.digest(key)).map(|_| ())
    }

    /// Records an attempt before its outcome is known (so concurrent attempts each count):
    /// the caller then keeps, refunds or clears it. `Err(seconds to wait)` when over.
    pub fn reserve(&self, key: &str) -> Result<Reservation<'_>, u64> {
        let key = self.hasher.digest(key);
        let at = self.take(key)?;
        Ok(Reservation {
            limiter: self,
            key,
            at,
        })
    }

    pub fn clear(&self, key: &str) {
        self.windows.remove(&self.hasher.digest(key));
    }

    /// How many keys are kept now.
    pub fn keys(&self) -> usize {
        self.windows.len()
    }
}

/// The part of a client address that identifies one client: the whole IPv4 address, the /64
/// network of an IPv6 address (one subscriber's allocation; counting per /128 would hand out
/// 2^64 allowances). IPv4-mapped IPv6 addresses count as the IPv4 address.
pub fn address_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
    }
}

/// The limits for the account forms, shared by every request.
#[derive(Debug, Clone)]
pub struct AuthLimits {
    /// Log-in, sign-up and forgot-password attempts per client address.
    pub per_ip: std::sync::Arc<Limiter>,
    /// Failed logins per account (its normalised email; unknown addresses count alike, so a
    /// lock-out says nothing about whether an account exists).
    pub failed_logins: std::sync::Arc<Limiter>,
    /// Messages to one address (links, notices), whoever asks for them.
    pub mail_per_address: std::sync::Arc<Limiter>,
}

/// Emails one address receives from the forms at most per hour: enough for a real person
/// asking twice, too few to make the instance a mail cannon.
pub const MAIL_PER_ADDRESS_PER_HOUR: u32 = 5;

impl AuthLimits {
    /// Counts an account-form attempt (log-in, sign-up, forgot password) from `ip`; requests
    /// whose address is unknown share one allowance. `Err(seconds to wait)` over the limit.
    pub fn attempt_from(&self, ip: Option<IpAddr>) -> Result<(), u64> {
        self.per_ip.hit(&ip.map(address_key).unwrap_or_default())
    }

    /// Counts a password check for the account `email` (normalised) before it is made: a log-in,
    /// or the current password asked for by a sensitive change. All of them share the account's
    /// failed-login allowance; the caller keeps the reservation on a wrong password, clears it
    /// on a right one and refunds it on any other failure. `Err(seconds to wait)` when over.
    pub fn password_attempt(&self, email: &str) -> Result<Reservation<'_>, u64> {
        self.failed_logins.reserve(&format!("login:{email}"))
    }

    /// Whether one more message may go to `email` (normalised) this hour; counts it if so.
    pub fn may_mail(&self, email: &str) -> bool {
        self.mail_per_address.hit(&format!("mail:{email}")).is_ok()
    }

    pub fn new(per_ip_per_minute: u32, failed_logins_per_hour: u32) -> Self {
        Self {
            per_ip: std::sync::Arc::new(Limiter::new(per_ip_per_minute, Duration::from_secs(60))),
            failed_logins: std::sync::Arc::new(Limiter::new(
                failed_logins_per_hour,
                Duration::from_secs(3600),
            )),
            mail_per_address: std::sync::Arc::new(Limiter::new(
                MAIL_PER_ADDRESS_PER_HOUR,
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
        assert_eq!(limiter.check("a"), Err(wait));
        assert_eq!(limiter.hit("b"), Ok(()), "other keys are unaffected");
        limiter.clear("a");
        assert_eq!(limiter.hit("a"), Ok(()));
    }

    #[test]
    fn keys_are_digested_apart_and_each_limiter_draws_its_own() {
        let one = Limiter::new(1, Duration::from_secs(60));
        let other = Limiter::new(1, Duration::from_secs(60));
        let digests: std::collections::HashSet<KeyDigest> = (0..10_000)
            .map(|i| one.hasher.digest(&format!("user-{i}")))
            .collect();
        assert_eq!(digests.len(), 10_000);
        let digest = one.hasher.digest("203.0.113.9");
        assert_eq!(digest, one.hasher.digest("203.0.113.9"));
        assert_ne!(digest[..8], digest[8..], "two hashes, not one twice");
        assert_ne!(digest, other.hasher.digest("203.0.113.9"));
    }

    #[test]
    fn the_window_slides() {
        let limiter = Limiter::new(1, Duration::from_millis(50));
        assert_eq!(limiter.hit("a"), Ok(()));
        assert!(limiter.hit("a").is_err());
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(limiter.hit("a"), Ok(()));
    }

    #[test]
    fn reservations_count_until_refunded_or_cleared() {
        let limiter = Limiter::new(2, Duration::from_secs(60));
        let first = limiter.reserve("a").unwrap();
        let second = limiter.reserve("a").unwrap();
        assert!(limiter.reserve("a").is_err(), "two in flight use it up");
        second.refund();
        let third = limiter.reserve("a").unwrap();
        assert!(limiter.check("a").is_err());
        third.clear();
        assert_eq!(limiter.check("a"), Ok(()));
        first.refund();
        assert_eq!(limiter.check("a"), Ok(()));
    }

    #[test]
    fn concurrent_attempts_never_exceed_the_limit() {
        let limiter = std::sync::Arc::new(Limiter::new(10, Duration::from_secs(60)));
        let passed = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..10 {
                        if limiter.hit("shared").is_ok() {
                            passed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        assert_eq!(passed.into_inner(), 10);
    }

    #[test]
    fn keys_are_bounded_whatever_clients_send() {
        let limiter = Limiter::with_keys(5, Duration::from_secs(60), 1_000);
        let huge = "x".repeat(100_000);
        for n in 0..5_000 {
            let _ = limiter.hit(&format!("{huge}{n}"));
        }
        assert!(limiter.keys() <= 1_100, "{} keys kept", limiter.keys());
    }

    #[test]
    fn ipv6_clients_share_their_64_and_mapped_ipv4_is_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(other));
        let mapped: IpAddr = "::ffff:203.0.113.9".parse().unwrap();
        assert_eq!(address_key(mapped), "203.0.113.9");
    }
}
