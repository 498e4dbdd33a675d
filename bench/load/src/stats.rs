//! What the sessions of one group (well-behaved, or flooders) recorded: turn latencies in HDR
//! histograms (microseconds, three significant digits, so p99 of a million turns costs a
//! few kilobytes and no sorting), and counters for everything that was not a clean turn.
//! Sessions record into a shared [`Recorder`] behind a mutex: a few hundred turns a second
//! make no contention worth avoiding.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;

use crate::mix::Kind;

/// How many of the slowest turns a group keeps, to say when in the run they happened.
pub const SLOWEST_KEPT: usize = 5;

/// One of the slowest turns of a run: when it was sent and to which conversation, so it can
/// be found in the server's log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlowTurn {
    /// Seconds from the run's start to the send.
    pub sent_at_s: f64,
    /// The script's kind.
    pub kind: &'static str,
    /// Send → `ack`, ms.
    pub ack_ms: f64,
    /// Send → the turn's last message, ms.
    pub turn_ms: f64,
    /// The conversation's id.
    pub conversation: String,
}

/// Longest latency the histograms hold; anything longer is clamped to it (turns time out
/// long before).
const MAX_MICROS: u64 = 600_000_000;

/// One group's counts and latencies.
#[derive(Debug)]
pub struct GroupStats {
    /// Send → `ack` (the shopper's message and the answer are stored).
    pub ack: Histogram<u64>,
    /// Send → the last message of the turn (`through_seq` of the ack) arrived.
    pub turn: Histogram<u64>,
    /// Turns answered, by script kind (flooders count under the kind they imitate).
    pub turns_by_kind: BTreeMap<Kind, u64>,
    /// Failures by code: the server's `error` codes, and the client's own (`connect`,
    /// `closed`, `timeout`, `protocol`).
    pub errors: BTreeMap<String, u64>,
    /// Messages refused with `rate_limited`: the limits working, not errors.
    pub limited: u64,
    /// Connections refused with HTTP 429.
    pub limited_connects: u64,
    /// Sockets opened again after the server closed one mid-conversation.
    pub reconnects: u64,
    /// Conversations started (a `hello` without a conversation to resume).
    pub conversations: u64,
    /// The slowest turns, slowest first (at most [`SLOWEST_KEPT`]).
    pub slowest: Vec<SlowTurn>,
}

impl Default for GroupStats {
    fn default() -> Self {
        let histogram =
            || Histogram::new_with_bounds(1, MAX_MICROS, 3).expect("valid histogram bounds");
        Self {
            ack: histogram(),
            turn: histogram(),
            turns_by_kind: BTreeMap::new(),
            errors: BTreeMap::new(),
            limited: 0,
            limited_connects: 0,
            reconnects: 0,
            conversations: 0,
            slowest: Vec::new(),
        }
    }
}

impl GroupStats {
    /// Records a turn answered.
    pub fn turn(&mut self, kind: Kind, ack: Duration, turn: Duration) {
        let micros = |d: Duration| (d.as_micros() as u64).clamp(1, MAX_MICROS);
        self.ack.saturating_record(micros(ack));
        self.turn.saturating_record(micros(turn));
        *self.turns_by_kind.entry(kind).or_default() += 1;
    }

    /// Keeps `slow` if it is among the slowest turns so far.
    pub fn keep_if_slow(&mut self, slow: SlowTurn) {
        if self.slowest.len() == SLOWEST_KEPT
            && self
                .slowest
                .last()
                .is_some_and(|s| s.turn_ms >= slow.turn_ms)
        {
            return;
        }
        let at = self.slowest.partition_point(|s| s.turn_ms >= slow.turn_ms);
        self.slowest.insert(at, slow);
        self.slowest.truncate(SLOWEST_KEPT);
    }

    /// Records a failure.
    pub fn error(&mut self, code: &str) {
        *self.errors.entry(code.to_string()).or_default() += 1;
    }

    /// Turns answered.
    pub fn turns(&self) -> u64 {
        self.turn.len()
    }

    /// Failures of every code.
    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }
}

/// Where every session of a run records, and the live counts the progress line and the
/// memory sampler read.
#[derive(Debug, Default)]
pub struct Recorder {
    /// The well-behaved sessions.
    pub shoppers: Mutex<GroupStats>,
    /// The flooders.
    pub flooders: Mutex<GroupStats>,
    open: AtomicUsize,
    max_open: AtomicUsize,
    live_turns: AtomicU64,
    live_problems: AtomicU64,
}

impl Recorder {
    /// The group of shoppers or of flooders.
    pub fn group(&self, flooder: bool) -> &Mutex<GroupStats> {
        if flooder {
            &self.flooders
        } else {
            &self.shoppers
        }
    }

    /// Records with the group's lock held.
    pub fn with<R>(&self, flooder: bool, f: impl FnOnce(&mut GroupStats) -> R) -> R {
        let mut group = self
            .group(flooder)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        f(&mut group)
    }

    /// A turn answered, in either group: sent `sent_at` into the run, in `conversation`.
    pub fn turn(
        &self,
        flooder: bool,
        kind: Kind,
        (ack, turn): (Duration, Duration),
        sent_at: Duration,
        conversation: &str,
    ) {
        self.live_turns.fetch_add(1, Ordering::Relaxed);
        self.with(flooder, |g| {
            g.turn(kind, ack, turn);
            g.keep_if_slow(SlowTurn {
                sent_at_s: sent_at.as_secs_f64(),
                kind: kind.name(),
                ack_ms: ack.as_secs_f64() * 1000.0,
                turn_ms: turn.as_secs_f64() * 1000.0,
                conversation: conversation.to_string(),
            });
        });
    }

    /// A failure, or a refusal by the limits.
    pub fn problem(&self, flooder: bool, f: impl FnOnce(&mut GroupStats)) {
        self.live_problems.fetch_add(1, Ordering::Relaxed);
        self.with(flooder, f);
    }

    /// A socket opened (said hello and was welcomed).
    pub fn opened(&self) {
        let now = self.open.fetch_add(1, Ordering::Relaxed) + 1;
        self.max_open.fetch_max(now, Ordering::Relaxed);
    }

    /// A socket closed.
    pub fn closed(&self) {
        self.open.fetch_sub(1, Ordering::Relaxed);
    }

    /// Sockets open now.
    pub fn open(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }

    /// The most sockets open at once so far.
    pub fn max_open(&self) -> usize {
        self.max_open.load(Ordering::Relaxed)
    }

    /// Turns answered so far, both groups.
    pub fn turns_so_far(&self) -> u64 {
        self.live_turns.load(Ordering::Relaxed)
    }

    /// Errors and refusals so far, both groups.
    pub fn problems_so_far(&self) -> u64 {
        self.live_problems.load(Ordering::Relaxed)
    }
}

/// Latency percentiles in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percentiles {
    /// Median.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest.
    pub max_ms: f64,
    /// Mean.
    pub mean_ms: f64,
}

impl Percentiles {
    /// Of a histogram in microseconds; `None` when it is empty.
    pub fn of(histogram: &Histogram<u64>) -> Option<Self> {
        if histogram.is_empty() {
            return None;
        }
        let ms = |micros: u64| micros as f64 / 1000.0;
        Some(Self {
            p50_ms: ms(histogram.value_at_quantile(0.50)),
            p90_ms: ms(histogram.value_at_quantile(0.90)),
            p99_ms: ms(histogram.value_at_quantile(0.99)),
            max_ms: ms(histogram.max()),
            mean_ms: histogram.mean() / 1000.0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_come_from_the_recorded_turns() {
        let mut g = GroupStats::default();
        assert_eq!(Percentiles::of(&g.turn), None);
        for ms in 1..=100 {
            g.turn(
                Kind::Faq,
                Duration::from_millis(ms / 2),
                Duration::from_millis(ms),
            );
        }
        let p = Percentiles::of(&g.turn).unwrap();
        assert!((p.p50_ms - 50.0).abs() < 0.1, "{p:?}");
        assert!((p.p90_ms - 90.0).abs() < 0.1, "{p:?}");
        assert!((p.p99_ms - 99.0).abs() < 0.1, "{p:?}");
        assert!((p.max_ms - 100.0).abs() < 0.1, "{p:?}");
        assert_eq!(g.turns(), 100);
        assert_eq!(g.turns_by_kind[&Kind::Faq], 100);
    }

    #[test]
    fn the_slowest_turns_are_kept_slowest_first() {
        let r = Recorder::default();
        for (i, ms) in [5u64, 900, 7, 40, 1200, 3, 60, 2].into_iter().enumerate() {
            let d = Duration::from_millis(ms);
            r.turn(
                false,
                Kind::Faq,
                (d / 2, d),
                Duration::from_secs(i as u64),
                "c",
            );
        }
        let g = r.shoppers.lock().unwrap();
        let kept: Vec<f64> = g.slowest.iter().map(|s| s.turn_ms).collect();
        assert_eq!(kept, [1200.0, 900.0, 60.0, 40.0, 7.0]);
        assert_eq!(g.slowest[0].sent_at_s, 4.0);
        assert_eq!(g.slowest[0].ack_ms, 600.0);
        assert_eq!(g.turns(), 8);
    }

    #[test]
    fn open_sockets_and_their_peak_are_counted() {
        let r = Recorder::default();
        r.opened();
        r.opened();
        r.closed();
        r.opened();
        assert_eq!((r.open(), r.max_open()), (2, 2));
        r.problem(true, |g| g.limited += 1);
        r.problem(false, |g| g.error("timeout"));
        assert_eq!(r.problems_so_far(), 2);
        assert_eq!(r.flooders.lock().unwrap().limited, 1);
        assert_eq!(r.shoppers.lock().unwrap().error_count(), 1);
    }
}
