//! A circuit breaker per provider: after a run of failed calls it refuses calls for a while
//! (failing at once instead of making travelers and the refresher wait on a provider that is
//! down), then lets one trial call through; its success closes the breaker again.

use std::{
    sync::{Arc, Mutex, PoisonError},
    time::{Duration, Instant},
};

use domain::providers::ProviderError;

/// The breaker's state, as the metrics report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

impl BreakerState {
    /// The gauge's value: 0 closed, 1 open, 2 half open (a trial call allowed).
    fn gauge(self) -> f64 {
        match self {
            Self::Closed => 0.0,
            Self::Open => 1.0,
            Self::HalfOpen => 2.0,
        }
    }
}

#[derive(Debug)]
enum State {
    Closed {
        failures: u32,
    },
    Open {
        until: Instant,
    },
    /// The trial call is out.
    HalfOpen,
}

pub struct Breaker {
    provider: &'static str,
    failures_to_open: u32,
    cooldown: Duration,
    state: Mutex<State>,
}

/// Permission for one call; report how it went with [`Ticket::finish`]. A ticket dropped
/// unfinished (the caller gave up waiting) counts as a failure.
pub struct Ticket {
    breaker: Arc<Breaker>,
    done: bool,
}

/// How a call went, for the breaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// The provider failed (an error status, a timeout, an unusable answer).
    Failure,
    /// The call never reached the provider (our own pacing left no time): says nothing about
    /// the provider.
    NotSent,
}

impl Breaker {
    pub fn new(provider: &'static str, failures_to_open: u32, cooldown: Duration) -> Arc<Self> {
        let breaker = Arc::new(Self {
            provider,
            failures_to_open: failures_to_open.max(1),
            cooldown,
            state: Mutex::new(State::Closed { failures: 0 }),
        });
        breaker.report(BreakerState::Closed);
        breaker
    }

    fn report(&self, state: BreakerState) {
        metrics::gauge!("travel_planner_provider_breaker_state", "provider" => self.provider)
            .set(state.gauge());
    }

    /// The state now (an open breaker whose cool-down is over reads as half open).
    pub fn state(&self) -> BreakerState {
        match *self.state.lock().unwrap_or_else(PoisonError::into_inner) {
            State::Closed { .. } => BreakerState::Closed,
            State::Open { until } if Instant::now() < until => BreakerState::Open,
            State::Open { .. } | State::HalfOpen => BreakerState::HalfOpen,
        }
    }

    /// A ticket for one call, unless the breaker is open (or its trial call is out).
    ///
    /// # Errors
    /// `BreakerOpen`.
    pub fn admit(self: &Arc<Self>) -> Result<Ticket, ProviderError> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match *state {
            State::Closed { .. } => {}
            State::Open { until } if Instant::now() >= until => {
                *state = State::HalfOpen;
                self.report(BreakerState::HalfOpen);
            }
            State::Open { .. } | State::HalfOpen => return Err(ProviderError::BreakerOpen),
        }
        Ok(Ticket {
            breaker: Arc::clone(self),
            done: false,
        })
    }

    fn record(&self, outcome: Outcome) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let next = match (&*state, outcome) {
            (_, Outcome::Success) => State::Closed { failures: 0 },
            (State::HalfOpen, Outcome::NotSent) => State::Open {
                until: Instant::now(),
            },
            (State::HalfOpen, Outcome::Failure) => State::Open {
                until: Instant::now() + self.cooldown,
            },
            (State::Closed { failures }, Outcome::Failure) => {
                let failures = failures + 1;
                if failures >= self.failures_to_open {
                    tracing::warn!(
                        provider = self.provider,
                        failures,
                        cooldown_seconds = self.cooldown.as_secs_f64(),
                        "provider failing: its breaker is open"
                    );
                    State::Open {
                        until: Instant::now() + self.cooldown,
                    }
                } else {
                    State::Closed { failures }
                }
            }
            (State::Closed { failures }, Outcome::NotSent) => State::Closed {
                failures: *failures,
            },
            // Calls admitted before the breaker opened, finishing late: the breaker stays open.
            (State::Open { until }, _) => State::Open { until: *until },
        };
        if matches!(*state, State::HalfOpen | State::Open { .. })
            && matches!(next, State::Closed { .. })
        {
            tracing::info!(
                provider = self.provider,
                "provider answering again: its breaker is closed"
            );
        }
        let reported = match next {
            State::Closed { .. } => BreakerState::Closed,
            State::Open { .. } => BreakerState::Open,
            State::HalfOpen => BreakerState::HalfOpen,
        };
        *state = next;
        self.report(reported);
    }
}

impl Ticket {
    pub fn finish(mut self, outcome: Outcome) {
        self.done = true;
        self.breaker.record(outcome);
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if !self.done {
            self.breaker.record(Outcome::Failure);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_after_a_run_of_failures_and_closes_after_a_good_trial() {
        let breaker = Breaker::new("test", 2, Duration::from_millis(30));
        breaker.admit().unwrap().finish(Outcome::Failure);
        breaker.admit().unwrap().finish(Outcome::Success);
        breaker.admit().unwrap().finish(Outcome::Failure);
        assert_eq!(
            breaker.state(),
            BreakerState::Closed,
            "a success resets the run"
        );
        breaker.admit().unwrap().finish(Outcome::Failure);
        assert_eq!(breaker.state(), BreakerState::Open);
        assert!(matches!(breaker.admit(), Err(ProviderError::BreakerOpen)));

        std::thread::sleep(Duration::from_millis(40));
        let trial = breaker.admit().unwrap();
        assert!(
            matches!(breaker.admit(), Err(ProviderError::BreakerOpen)),
            "one trial call at a time"
        );
        trial.finish(Outcome::Failure);
        assert_eq!(
            breaker.state(),
            BreakerState::Open,
            "a failed trial opens it again"
        );

        std::thread::sleep(Duration::from_millis(40));
        breaker.admit().unwrap().finish(Outcome::Success);
        assert_eq!(breaker.state(), BreakerState::Closed);
    }

    #[test]
    fn a_call_given_up_counts_as_failed_and_one_never_sent_does_not() {
        let breaker = Breaker::new("test", 1, Duration::from_secs(60));
        breaker.admit().unwrap().finish(Outcome::NotSent);
        assert_eq!(breaker.state(), BreakerState::Closed);
        drop(breaker.admit().unwrap());
        assert_eq!(breaker.state(), BreakerState::Open);
    }
}
