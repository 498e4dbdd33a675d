//! Wrong order emails counted per network address, across conversations: someone
//! guessing which email owns an order can open a new conversation for every guess, but not
//! a new address. The count per conversation is stored with the conversation; this one is
//! in memory (a restart forgets it, which costs a guesser a restart per few guesses).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a wrong email counts against its address.
pub const WINDOW: Duration = Duration::from_secs(3600);

/// Addresses remembered at most: past it the oldest are forgotten first, so a flood of
/// addresses cannot grow the map without bound.
const MAX_ADDRESSES: usize = 100_000;

/// Wrong order emails per network address within [`WINDOW`].
#[derive(Debug, Default)]
pub struct ProofFailures {
    by_address: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

/// The address a count is kept for: an IPv6 address by its /64, since one host usually
/// holds a whole /64 and could otherwise change address for every guess.
fn key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return IpAddr::V4(v4);
            }
            let mut octets = v6.octets();
            octets[8..].fill(0);
            IpAddr::V6(octets.into())
        }
        v4 => v4,
    }
}

impl ProofFailures {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, (u32, Instant)>> {
        self.by_address.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wrong emails from `ip` within the window (none when the address is unknown).
    pub fn count(&self, ip: Option<IpAddr>) -> u32 {
        let Some(ip) = ip else { return 0 };
        match self.lock().get(&key(ip)) {
            Some((n, since)) if since.elapsed() < WINDOW => *n,
            _ => 0,
        }
    }

    /// Counts a wrong email from `ip`.
    pub fn failed(&self, ip: Option<IpAddr>) {
        let Some(ip) = ip else { return };
        let mut map = self.lock();
        if map.len() >= MAX_ADDRESSES {
            map.retain(|_, (_, since)| since.elapsed() < WINDOW);
            if map.len() >= MAX_ADDRESSES
                && let Some(oldest) = map.iter().min_by_key(|(_, (_, s))| *s).map(|(k, _)| *k)
            {
                map.remove(&oldest);
            }
        }
        let entry = map.entry(key(ip)).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_count_per_address_and_an_ipv6_host_cannot_hop_within_its_64() {
        let p = ProofFailures::default();
        let a: IpAddr = "203.0.113.7".parse().unwrap();
        p.failed(Some(a));
        p.failed(Some(a));
        assert_eq!(p.count(Some(a)), 2);
        assert_eq!(p.count(Some("203.0.113.8".parse().unwrap())), 0);
        p.failed(Some("2001:db8::1".parse().unwrap()));
        assert_eq!(p.count(Some("2001:db8::ffff".parse().unwrap())), 1);
        p.failed(None);
        assert_eq!(p.count(None), 0);
    }
}
