//! Who is online to answer shoppers: open agent consoles per merchant, on this node and, with
//! NATS, on the others. Pure bookkeeping: the caller passes the time.
//!
//! Each node tells the others its own counts (all merchants at once) whenever they change
//! and every [`HEARTBEAT`]; a node's counts count until it says it is leaving or until
//! nothing was heard from it for [`EXPIRY`] (three heartbeats: a node killed with SIGKILL
//! says nothing). Counts are whole snapshots, never deltas, so a lost or repeated message
//! does no lasting harm: the next one replaces it.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

/// How often a node tells the others who is online on it.
pub const HEARTBEAT: Duration = Duration::from_secs(2);
/// How long another node's counts hold without news from it.
pub const EXPIRY: Duration = Duration::from_secs(6);

/// Open consoles per merchant.
pub(super) type Counts = BTreeMap<String, usize>;

/// What was last heard from another node.
#[derive(Debug)]
struct Heard {
    online: Counts,
    at: Instant,
}

/// This node's consoles and what the others said about theirs.
#[derive(Debug, Default)]
pub(super) struct Roster {
    local: Counts,
    remote: HashMap<String, Heard>,
}

impl Roster {
    /// A console of `merchant` opened on this node.
    pub(super) fn opened(&mut self, merchant: &str) {
        *self.local.entry(merchant.to_string()).or_default() += 1;
    }

    /// A console of `merchant` on this node closed.
    pub(super) fn closed(&mut self, merchant: &str) {
        if let Some(n) = self.local.get_mut(merchant) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.local.remove(merchant);
            }
        }
    }

    /// This node's counts, as told to the others.
    pub(super) fn local(&self) -> Counts {
        self.local.clone()
    }

    /// This node's consoles of `merchant`.
    pub(super) fn local_online(&self, merchant: &str) -> usize {
        self.local.get(merchant).copied().unwrap_or(0)
    }

    /// `node` said at `now` that these are its counts.
    pub(super) fn heard(&mut self, node: &str, online: Counts, now: Instant) {
        self.remote
            .insert(node.to_string(), Heard { online, at: now });
    }

    /// `node` is stopping: its consoles are gone.
    pub(super) fn left(&mut self, node: &str) {
        self.remote.remove(node);
    }

    /// Forgets nodes not heard from within [`EXPIRY`] of `now`.
    pub(super) fn prune(&mut self, now: Instant) {
        self.remote.retain(|_, h| fresh(h, now));
    }

    /// Consoles of `merchant` open anywhere, as far as this node knows at `now`.
    pub(super) fn online(&self, merchant: &str, now: Instant) -> usize {
        let remote: usize = self
            .remote
            .values()
            .filter(|h| fresh(h, now))
            .filter_map(|h| h.online.get(merchant))
            .sum();
        self.local_online(merchant) + remote
    }
}

fn fresh(heard: &Heard, now: Instant) -> bool {
    now.saturating_duration_since(heard.at) <= EXPIRY
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, usize)]) -> Counts {
        pairs.iter().map(|(m, n)| (m.to_string(), *n)).collect()
    }

    #[test]
    fn local_consoles_are_counted_per_merchant() {
        let mut roster = Roster::default();
        let now = Instant::now();
        roster.opened("demo");
        roster.opened("demo");
        roster.opened("other");
        assert_eq!(
            (roster.online("demo", now), roster.online("x", now)),
            (2, 0)
        );
        roster.closed("demo");
        roster.closed("other");
        roster.closed("other");
        assert_eq!(roster.local(), counts(&[("demo", 1)]));
    }

    #[test]
    fn online_is_the_union_over_nodes() {
        let mut roster = Roster::default();
        let now = Instant::now();
        roster.opened("demo");
        roster.heard("b", counts(&[("demo", 2), ("other", 1)]), now);
        roster.heard("c", counts(&[("other", 1)]), now);
        assert_eq!(roster.online("demo", now), 3);
        assert_eq!(roster.online("other", now), 2);
        // A new snapshot replaces the last one: counts are never added up twice.
        roster.heard("b", counts(&[("demo", 1)]), now);
        assert_eq!(
            (roster.online("demo", now), roster.online("other", now)),
            (2, 1)
        );
        roster.left("c");
        assert_eq!(roster.online("other", now), 0);
    }

    #[test]
    fn a_silent_node_stops_counting_after_three_heartbeats() {
        let mut roster = Roster::default();
        let start = Instant::now();
        roster.heard("b", counts(&[("demo", 1)]), start);
        assert_eq!(roster.online("demo", start + EXPIRY), 1);
        assert_eq!(roster.online("demo", start + EXPIRY + HEARTBEAT), 0);
        // A heartbeat keeps it counting.
        roster.heard("b", counts(&[("demo", 1)]), start + 2 * HEARTBEAT);
        assert_eq!(roster.online("demo", start + EXPIRY + HEARTBEAT), 1);
        roster.prune(start + 2 * HEARTBEAT + EXPIRY + HEARTBEAT);
        assert!(roster.remote.is_empty());
        assert_eq!(EXPIRY, 3 * HEARTBEAT);
    }
}
