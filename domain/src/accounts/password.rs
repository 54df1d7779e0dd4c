//! Password hashing with argon2id (the crate's defaults: m = 19456 KiB, t = 2, p = 1). Hashing
//! is CPU-heavy, so it runs on the blocking pool behind a semaphore: a burst of logins cannot
//! starve page rendering.

use std::sync::{LazyLock, OnceLock};

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};
use tokio::sync::Semaphore;

/// At most this many hashes at once; the rest wait their turn.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    Semaphore::new(cores)
});

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("the hashing task did not finish")]
    Task,
}

/// The outcome of checking a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verification {
    pub matches: bool,
    /// The stored hash uses weaker parameters than today's; re-hash after a successful login.
    pub needs_rehash: bool,
}

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PasswordError> {
    let _permit = HASHING.acquire().await.map_err(|_| PasswordError::Task)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| PasswordError::Task)
}

/// Hashes a new password into a PHC string.
///
/// # Errors
/// Hashing failed (not expected with valid parameters).
pub async fn hash(password: String) -> Result<String, PasswordError> {
    blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| PasswordError::Hash(error.to_string()))
    })
    .await?
}

/// Checks `password` against `stored`. With no stored hash (unknown account) it verifies
/// against a dummy hash anyway, so the response takes as long as for a real account.
///
/// # Errors
/// The blocking task failed.
pub async fn verify(
    password: String,
    stored: Option<String>,
) -> Result<Verification, PasswordError> {
    let known_account = stored.is_some();
    let stored = match stored {
        Some(stored) => stored,
        None => dummy_hash().await?,
    };
    blocking(move || {
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return Verification {
                matches: false,
                needs_rehash: false,
            };
        };
        // Always do the work, and only then look at whether the account exists.
        let verified = hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        let matches = verified && known_account;
        Verification {
            matches,
            needs_rehash: matches && is_weaker_than_current(&parsed),
        }
    })
    .await
}

fn is_weaker_than_current(hash: &PasswordHash<'_>) -> bool {
    let current = Params::default();
    let algorithm_ok = hash.algorithm == Algorithm::Argon2id.ident();
    match Params::try_from(hash) {
        Ok(params) => {
            !algorithm_ok
                || params.m_cost() < current.m_cost()
                || params.t_cost() < current.t_cost()
                || params.p_cost() != current.p_cost()
        }
        Err(_) => true,
    }
}

/// A hash of a random password, made once, used to spend the same effort on unknown emails.
async fn dummy_hash() -> Result<String, PasswordError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash.clone());
    }
    let made = hash(SaltString::generate(&mut OsRng).to_string()).await?;
    Ok(DUMMY.get_or_init(|| made).clone())
}

/// How much of a password zxcvbn looks at. Its cost grows steeply with length for passwords
/// made of many different look-alike characters (`4@8(3{6&1!|/0$5+7%2><` repeated: ~0.3 s for
/// 128 characters, ~0.1 s for 64, on the machines the benchmarks run on). A prefix that is easy
/// to guess makes the whole password easy to guess, so checking the first 64 characters refuses
/// at least what checking all of them would.
const CHECKED_CHARACTERS: usize = 64;

/// Why a password of acceptable length is still refused: it is common or easy to guess from
/// the person's own details. Uses zxcvbn's dictionaries (the most common passwords from breach
/// corpora, names, English words, keyboard patterns); scores 0 and 1 (under a million guesses)
/// are refused. Runs on the blocking pool behind the hashing semaphore: its worst case is far
/// over a millisecond, too long for the threads that serve pages.
///
/// # Errors
/// The blocking task failed.
pub async fn guessable_problem(
    password: &str,
    user_inputs: &[&str],
) -> Result<Option<&'static str>, PasswordError> {
    let password: String = password.chars().take(CHECKED_CHARACTERS).collect();
    let inputs: Vec<String> = user_inputs.iter().map(ToString::to_string).collect();
    blocking(move || {
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let score = zxcvbn::zxcvbn(&password, &inputs).score();
        (u8::from(score) < 2).then_some(
            "That password is too common or easy to guess. Try a few unrelated words together.",
        )
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_with_argon2id_defaults_and_verifies() -> Result<(), PasswordError> {
        let stored = hash("correct horse battery staple".into()).await?;
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );

        let right = verify("correct horse battery staple".into(), Some(stored.clone())).await?;
        let wrong = verify("Correct horse battery staple".into(), Some(stored)).await?;
        let unknown = verify("anything at all".into(), None).await?;

        assert_eq!(
            right,
            Verification {
                matches: true,
                needs_rehash: false
            }
        );
        assert!(!wrong.matches);
        assert!(!unknown.matches);
        Ok(())
    }

    #[tokio::test]
    async fn weaker_hashes_ask_to_be_rehashed() -> Result<(), PasswordError> {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).map_err(|e| PasswordError::Hash(e.to_string()))?,
        )
        .hash_password(b"a decent passphrase", &SaltString::generate(&mut OsRng))
        .map_err(|e| PasswordError::Hash(e.to_string()))?
        .to_string();

        let result = verify("a decent passphrase".into(), Some(weak)).await?;

        assert_eq!(
            result,
            Verification {
                matches: true,
                needs_rehash: true
            }
        );
        Ok(())
    }

    #[tokio::test]
    async fn common_and_personal_passwords_are_refused() -> Result<(), PasswordError> {
        for common in [
            "password",
            "password1",
            "12345678",
            "qwertyuiop",
            "iloveyou",
            &"password".repeat(16),
        ] {
            assert!(guessable_problem(common, &[]).await?.is_some(), "{common}");
        }
        assert!(
            guessable_problem("mariasantos", &["maria@example.com", "Maria Santos"])
                .await?
                .is_some()
        );
        for fine in [
            "violet kettle harbour",
            "Tr4vel-Planner-2026!x",
            "q8#Lm2vZp0",
        ] {
            assert!(guessable_problem(fine, &[]).await?.is_none(), "{fine}");
        }
        Ok(())
    }

    /// zxcvbn's slowest inputs take far longer than a millisecond: the check must not hold the
    /// thread that runs other requests. (A ticker on this single-threaded runtime measures the
    /// longest the thread was held.)
    #[tokio::test]
    async fn the_check_never_holds_the_request_threads() -> Result<(), PasswordError> {
        let slowest = "4@8(3{6&1!|/0$5+7%2><".repeat(7);
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let ticker = tokio::spawn(async move {
            let mut longest = std::time::Duration::ZERO;
            let mut last = std::time::Instant::now();
            loop {
                let stop = tokio::select! {
                    _ = &mut stopped => true,
                    () = tokio::time::sleep(std::time::Duration::from_millis(1)) => false,
                };
                longest = longest.max(last.elapsed());
                if stop {
                    return longest;
                }
                last = std::time::Instant::now();
            }
        });
        tokio::task::yield_now().await;
        let started = std::time::Instant::now();
        guessable_problem(&slowest, &["someone@example.com"]).await?;
        let took = started.elapsed();
        let _ = stop.send(());
        let held = ticker.await.map_err(|_| PasswordError::Task)?;
        assert!(
            took > std::time::Duration::from_millis(30),
            "{took:?}: slow enough to matter"
        );
        // Held for the whole check, the thread would have missed every tick while it ran. A
        // fixed bound failed on a loaded machine, where the scheduler alone can hold a thread
        // for tens of milliseconds; the check slows down as much there, so its own length is
        // the measure.
        assert!(
            held < took.mul_f64(0.75),
            "the runtime thread was held for {held:?} of the check's {took:?}"
        );
        Ok(())
    }
}
