//! Limits on abuse of the shopper's side, where anyone may connect without an account: how
//! many chat sockets one address holds, how fast a conversation and an address send, how
//! many contact requests (tickets) and messages one conversation may have, how long a
//! silent socket stays open, and how long a client may take over its request headers.
//!
//! [`Limits`] is the configuration: the `kefu serve` flags, each default documented and
//! each limit off at `0`. [`ChatLimits`] is what a running server counts with: keyed GCRA
//! limiters from `governor` (per conversation id and per address) and a count of open
//! sockets per address. The chat socket (`http::chat`) asks it before anything reaches the
//! engine, so whatever it refuses was never stored nor acknowledged, and may be sent again
//! as is; it never touches what was already stored. The header-read timeout is applied by
//! the accept loop (`http::server`).
//!
//! Memory stays bounded: a socket's count goes when its last socket closes, and the rate
//! limiters forget every key whose bucket is full again (governor's `retain_recent`), at
//! most once per [`PRUNE_EVERY`], on the request path (no task to own or stop). State is in
//! memory: a restart forgets it, which costs a flood nothing it could not get by waiting.
//!
//! Not here: console logins (`http::login_throttle`), whose limits are about guessing
//! passwords, not about load.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use clap::Args;
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota};

/// The defaults, in one place for the flags and [`Limits::default`].
mod default {
    pub const SOCKETS_PER_IP: u32 = 20;
    pub const CONVERSATION_PER_MINUTE: u32 = 20;
    pub const CONVERSATION_BURST: u32 = 10;
    pub const IP_PER_MINUTE: u32 = 60;
    pub const IP_BURST: u32 = 30;
    pub const TICKETS_PER_CONVERSATION: u32 = 3;
    pub const MESSAGES_PER_CONVERSATION: u64 = 500;
    pub const IDLE_TIMEOUT_SECS: u64 = 30 * 60;
    pub const HEADER_READ_TIMEOUT_SECS: u64 = 10;
}

/// How often the rate limiters forget the keys that have gone quiet.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// What anonymous clients may do; `kefu serve` flags (and `KEFU_…` variables). Every limit
/// is off at `0`. "Messages" are the frames that store something: a chat message, a contact
/// form, a rating. Per-address limits see the address the connection comes from: behind a
/// reverse proxy that is the proxy's, so raise them (or turn them off) there.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct Limits {
    /// Chat sockets one address may hold open at once. Default 20: a household or an
    /// office behind one address, a few tabs each, stays under it; a script opening
    /// hundreds does not. Past it the upgrade is refused with 429.
    #[arg(long = "max-chat-sockets-per-ip", env = "KEFU_MAX_CHAT_SOCKETS_PER_IP", default_value_t = default::SOCKETS_PER_IP)]
    pub sockets_per_ip: u32,
    /// Messages one conversation may send per minute, on average. Default 20 (one every
    /// three seconds, faster than anyone types a question and reads the answer).
    #[arg(long = "max-messages-per-conversation-per-minute", env = "KEFU_MAX_MESSAGES_PER_CONVERSATION_PER_MINUTE", default_value_t = default::CONVERSATION_PER_MINUTE)]
    pub conversation_per_minute: u32,
    /// How many messages a conversation may send at once before that pace applies.
    /// Default 10: a shopper pasting a few lines in a row is not told to wait.
    #[arg(long = "message-burst-per-conversation", env = "KEFU_MESSAGE_BURST_PER_CONVERSATION", default_value_t = default::CONVERSATION_BURST)]
    pub conversation_burst: u32,
    /// Messages one address may send per minute, all its conversations together (a
    /// script opening a new conversation for every message). Default 60.
    #[arg(long = "max-messages-per-ip-per-minute", env = "KEFU_MAX_MESSAGES_PER_IP_PER_MINUTE", default_value_t = default::IP_PER_MINUTE)]
    pub ip_per_minute: u32,
    /// How many messages one address may send at once before that pace applies.
    /// Default 30.
    #[arg(long = "message-burst-per-ip", env = "KEFU_MESSAGE_BURST_PER_IP", default_value_t = default::IP_BURST)]
    pub ip_burst: u32,
    /// Contact requests (tickets for the shop's staff) one conversation may open.
    /// Default 3: a shopper who corrects their email twice still gets through; a flood
    /// of tickets into the shop's inbox does not.
    #[arg(long = "max-tickets-per-conversation", env = "KEFU_MAX_TICKETS_PER_CONVERSATION", default_value_t = default::TICKETS_PER_CONVERSATION)]
    pub tickets_per_conversation: u32,
    /// Messages a conversation may hold (the shopper's, the bot's and agents' together)
    /// before it takes no more from the shopper. Default 500, about 250 questions: no
    /// real chat gets there, and the console, the transcripts and every turn's context
    /// stay small.
    #[arg(long = "max-messages-per-conversation", env = "KEFU_MAX_MESSAGES_PER_CONVERSATION", default_value_t = default::MESSAGES_PER_CONVERSATION)]
    pub messages_per_conversation: u64,
    /// Seconds a chat socket stays open after hello without a frame from the client; then
    /// it is closed with a reason, and the widget reconnects (and misses nothing).
    /// Default 1800 (30 minutes).
    #[arg(long = "chat-idle-timeout-secs", env = "KEFU_CHAT_IDLE_TIMEOUT_SECS", default_value_t = default::IDLE_TIMEOUT_SECS)]
    pub idle_timeout_secs: u64,
    /// Seconds a client has to send a request's headers before the connection is
    /// closed, so slow clients cannot hold connections open. Default 10.
    #[arg(long = "header-read-timeout-secs", env = "KEFU_HEADER_READ_TIMEOUT_SECS", default_value_t = default::HEADER_READ_TIMEOUT_SECS)]
    pub header_read_timeout_secs: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            sockets_per_ip: default::SOCKETS_PER_IP,
            conversation_per_minute: default::CONVERSATION_PER_MINUTE,
            conversation_burst: default::CONVERSATION_BURST,
            ip_per_minute: default::IP_PER_MINUTE,
            ip_burst: default::IP_BURST,
            tickets_per_conversation: default::TICKETS_PER_CONVERSATION,
            messages_per_conversation: default::MESSAGES_PER_CONVERSATION,
            idle_timeout_secs: default::IDLE_TIMEOUT_SECS,
            header_read_timeout_secs: default::HEADER_READ_TIMEOUT_SECS,
        }
    }
}

/// `0` is "no limit".
fn nonzero<T: PartialEq + Default>(value: T) -> Option<T> {
    (value != T::default()).then_some(value)
}

impl Limits {
    /// How long a socket may stay silent after hello, if limited.
    pub fn idle_timeout(&self) -> Option<Duration> {
        nonzero(self.idle_timeout_secs).map(Duration::from_secs)
    }

    /// How long a client may take over a request's headers, if limited.
    pub fn header_read_timeout(&self) -> Option<Duration> {
        nonzero(self.header_read_timeout_secs).map(Duration::from_secs)
    }

    /// The most tickets a conversation may open, if limited.
    pub fn tickets_per_conversation(&self) -> Option<u32> {
        nonzero(self.tickets_per_conversation)
    }

    /// The most messages a conversation may hold, if limited.
    pub fn messages_per_conversation(&self) -> Option<u64> {
        nonzero(self.messages_per_conversation)
    }
}

/// `per_minute` on average with bursts of `burst` (at least 1), or `None` when off.
fn quota(per_minute: u32, burst: u32) -> Option<Quota> {
    let per_minute = NonZeroU32::new(per_minute)?;
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Some(Quota::per_minute(per_minute).allow_burst(burst))
}

/// The counters of a running server: open sockets per address, and the pace of messages
/// per conversation and per address. One per process, in [`super::AppState`].
#[derive(Debug)]
pub struct ChatLimits {
    limits: Limits,
    by_conversation: Option<DefaultKeyedRateLimiter<String>>,
    /// `None` is a connection whose address the server did not record (an app driven
    /// without a socket): counted as one unknown address, as logins are.
    by_ip: Option<DefaultKeyedRateLimiter<Option<IpAddr>>>,
    sockets: Mutex<HashMap<Option<IpAddr>, u32>>,
    started: Instant,
    /// When the limiters were last pruned, in ms after `started`.
    pruned_at_ms: AtomicU64,
}

impl ChatLimits {
    /// Counters for `limits`, all empty.
    pub fn new(limits: Limits) -> Self {
        Self {
            by_conversation: quota(limits.conversation_per_minute, limits.conversation_burst)
                .map(DefaultKeyedRateLimiter::dashmap),
            by_ip: quota(limits.ip_per_minute, limits.ip_burst)
                .map(DefaultKeyedRateLimiter::dashmap),
            limits,
            sockets: Mutex::default(),
            started: Instant::now(),
            pruned_at_ms: AtomicU64::new(0),
        }
    }

    /// The configuration.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn sockets(&self) -> MutexGuard<'_, HashMap<Option<IpAddr>, u32>> {
        self.sockets.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes one of `ip`'s chat socket slots, held until the returned slot drops; `None`
    /// when `ip` already holds as many as allowed.
    pub fn open_socket(self: &Arc<Self>, ip: Option<IpAddr>) -> Option<SocketSlot> {
        let mut sockets = self.sockets();
        let open = sockets.entry(ip).or_default();
        if nonzero(self.limits.sockets_per_ip).is_some_and(|max| *open >= max) {
            return None;
        }
        *open += 1;
        Some(SocketSlot {
            limits: Arc::clone(self),
            ip,
        })
    }

    /// Sockets `ip` holds open now.
    pub fn open_sockets(&self, ip: Option<IpAddr>) -> u32 {
        self.sockets().get(&ip).copied().unwrap_or(0)
    }

    /// Counts one message of `conversation` from `ip`, or says how long to wait before
    /// the next one is accepted (the message is then not counted against the address).
    pub fn message(&self, conversation: &str, ip: Option<IpAddr>) -> Result<(), Duration> {
        self.prune_now_and_then();
        if let Some(limiter) = &self.by_conversation
            && let Err(not_until) = limiter.check_key(&conversation.to_string())
        {
            return Err(not_until.wait_time_from(limiter.clock().now()));
        }
        if let Some(limiter) = &self.by_ip
            && let Err(not_until) = limiter.check_key(&ip)
        {
            return Err(not_until.wait_time_from(limiter.clock().now()));
        }
        Ok(())
    }

    /// Forgets the keys whose buckets are full again, at most once per [`PRUNE_EVERY`].
    fn prune_now_and_then(&self) {
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.pruned_at_ms.load(Ordering::Relaxed);
        if now.saturating_sub(last) < PRUNE_EVERY.as_millis() as u64 {
            return;
        }
        // One caller prunes; the others go on.
        if self
            .pruned_at_ms
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            self.prune();
        }
    }

    /// Forgets every key whose bucket is full again: it would behave as a fresh one.
    pub fn prune(&self) {
        if let Some(limiter) = &self.by_conversation {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        if let Some(limiter) = &self.by_ip {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// Keys the rate limiters hold (conversations and addresses): what pruning bounds.
    pub fn tracked_keys(&self) -> usize {
        self.by_conversation.as_ref().map_or(0, |l| l.len())
            + self.by_ip.as_ref().map_or(0, |l| l.len())
    }
}

/// One open chat socket of an address; dropping it (the socket closed, or never opened)
/// gives the slot back.
#[derive(Debug)]
pub struct SocketSlot {
    limits: Arc<ChatLimits>,
    ip: Option<IpAddr>,
}

impl Drop for SocketSlot {
    fn drop(&mut self) {
        let mut sockets = self.limits.sockets();
        if let Some(open) = sockets.get_mut(&self.ip) {
            *open = open.saturating_sub(1);
            if *open == 0 {
                sockets.remove(&self.ip);
            }
        }
    }
}

/// `wait` in whole seconds, rounded up (a client that waits that long is accepted).
pub fn whole_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u32) -> Option<IpAddr> {
        Some(IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + n)))
    }

    #[test]
    fn the_flags_default_to_the_documented_limits() {
        #[derive(Debug, clap::Parser)]
        struct Flags {
            #[command(flatten)]
            limits: Limits,
        }
        use clap::Parser;
        let parsed = Flags::try_parse_from(["kefu"]).unwrap().limits;
        // Unless the environment sets one: then only that one differs.
        let ours = [
            "KEFU_MAX_",
            "KEFU_MESSAGE_BURST",
            "KEFU_CHAT_IDLE",
            "KEFU_HEADER_READ",
        ];
        if std::env::vars().all(|(k, _)| !ours.iter().any(|o| k.starts_with(o))) {
            assert_eq!(parsed, Limits::default());
        }
        let parsed = Flags::try_parse_from(["kefu", "--max-chat-sockets-per-ip", "0"])
            .unwrap()
            .limits;
        assert_eq!(parsed.sockets_per_ip, 0);
    }

    #[test]
    fn a_closed_socket_gives_its_slot_back_and_leaves_no_trace() {
        let limits = Arc::new(ChatLimits::new(Limits {
            sockets_per_ip: 2,
            ..Limits::default()
        }));
        let a = limits.open_socket(ip(1)).unwrap();
        let _b = limits.open_socket(ip(1)).unwrap();
        assert!(limits.open_socket(ip(1)).is_none());
        assert!(
            limits.open_socket(ip(2)).is_some(),
            "another address is not affected"
        );
        drop(a);
        let c = limits.open_socket(ip(1));
        assert!(c.is_some());
        drop(c);
        drop(_b);
        assert!(limits.sockets().is_empty());
    }

    #[test]
    fn zero_turns_a_limit_off() {
        let limits = Arc::new(ChatLimits::new(Limits {
            sockets_per_ip: 0,
            conversation_per_minute: 0,
            ip_per_minute: 0,
            ..Limits::default()
        }));
        let slots: Vec<_> = (0..100).filter_map(|_| limits.open_socket(ip(1))).collect();
        assert_eq!(slots.len(), 100);
        assert!((0..1000).all(|_| limits.message("c1", ip(1)).is_ok()));
    }

    #[test]
    fn one_address_flooding_many_conversations_is_told_to_wait() {
        let limits = ChatLimits::new(Limits {
            ip_per_minute: 60,
            ip_burst: 5,
            ..Limits::default()
        });
        let accepted = (0..20)
            .filter(|n| limits.message(&format!("c{n}"), ip(1)).is_ok())
            .count();
        assert_eq!(accepted, 5);
        let wait = limits.message("c99", ip(1)).unwrap_err();
        assert!(wait <= Duration::from_secs(1), "{wait:?}");
        assert_eq!(whole_seconds(wait), 1);
        assert!(limits.message("c99", ip(2)).is_ok());
    }

    #[test]
    fn limiter_state_is_forgotten_once_buckets_refill() {
        let limits = ChatLimits::new(Limits {
            conversation_per_minute: 60_000,
            ip_per_minute: 60_000,
            ..Limits::default()
        });
        for n in 0..10_000 {
            limits.message(&format!("c{n}"), ip(n)).unwrap();
        }
        assert_eq!(limits.tracked_keys(), 20_000);
        // One token a millisecond: every bucket is full again well within this.
        std::thread::sleep(Duration::from_millis(50));
        limits.prune();
        assert_eq!(limits.tracked_keys(), 0);
    }
}
