//! The per-plugin circuit breaker: a plugin that keeps failing is paused for a while.

use std::time::Instant;

use super::error::CallError;

/// Consecutive failures after which a plugin is paused.
pub const BREAKER_FAILURES: u32 = 5;
/// How long a paused plugin rests before one trial call is let through.
pub const BREAKER_COOL_DOWN: std::time::Duration = std::time::Duration::from_secs(30);

/// A per-plugin circuit breaker: a plugin that keeps failing (crashing, timing out, its
/// backend down) is not called for a while, so shoppers get a person at once instead of
/// waiting on it, and the host stops spending time on it.
#[derive(Debug, Default)]
pub(super) struct Breaker {
    failures: u32,
    open_until: Option<Instant>,
}

impl Breaker {
    /// Whether a call may go ahead now; after the cool-down one trial call may.
    pub(super) fn admit(&mut self, now: Instant) -> bool {
        match self.open_until {
            Some(until) if now < until => false,
            Some(_) => {
                // Half-open: this call decides; until it returns, others wait it out.
                self.open_until = Some(now + BREAKER_COOL_DOWN);
                true
            }
            None => true,
        }
    }

    pub(super) fn record(&mut self, failed: bool, now: Instant) {
        if failed {
            self.failures += 1;
            if self.failures >= BREAKER_FAILURES {
                self.open_until = Some(now + BREAKER_COOL_DOWN);
            }
        } else {
            self.failures = 0;
            self.open_until = None;
        }
    }
}

/// Failures that count against a plugin's breaker: its own breakage, not a shopper's typo.
pub(super) fn counts_as_failure(e: &CallError) -> bool {
    matches!(
        e,
        CallError::Unavailable(_)
            | CallError::Failed(_)
            | CallError::Timeout(_)
            | CallError::MemoryLimit(_)
            | CallError::OutputTooLarge(_)
            | CallError::Trapped(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_breaker_opens_after_repeated_failures_and_a_success_closes_it() {
        let mut b = Breaker::default();
        let t0 = Instant::now();
        for _ in 0..BREAKER_FAILURES - 1 {
            assert!(b.admit(t0));
            b.record(true, t0);
        }
        assert!(b.admit(t0), "still closed below the threshold");
        b.record(true, t0);
        assert!(
            !b.admit(t0),
            "open after {BREAKER_FAILURES} failures in a row"
        );
        let later = t0 + BREAKER_COOL_DOWN;
        assert!(b.admit(later), "one trial call after the cool-down");
        assert!(!b.admit(later), "only one");
        b.record(false, later);
        assert!(b.admit(later), "a success closes it");
        // A success resets the count.
        b.record(true, later);
        assert!(b.admit(later));
    }
}
