//! Limits on console logins: every attempt is counted before its password is checked, per
//! account and address, per address and per account overall, and only a few password checks
//! (argon2id) run at once. Also the extractor for the address a request came from.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Login attempts allowed per account from one address within [`LOGIN_WINDOW`]: past it,
/// that address is refused for that account for the rest of the window (the agent, from
/// anywhere else, still gets in: one address cannot lock an agent out).
const MAX_LOGIN_FAILURES: u32 = 5;
/// Attempts allowed from one address, whatever the account (guessing across accounts).
const MAX_ADDRESS_FAILURES: u32 = 20;
/// Attempts allowed per account from all addresses together (guessing from many).
const MAX_ACCOUNT_FAILURES: u32 = 50;
const LOGIN_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Password checks (argon2id, ~19 MiB and tens of milliseconds each) running at once: a
/// login flood waits here instead of taking every blocking thread from plugin calls.
const CONCURRENT_PASSWORD_CHECKS: usize = 2;
/// How long a login waits for a password check before it is refused as busy.
pub(super) const PASSWORD_CHECK_WAIT: Duration = Duration::from_secs(5);

/// What a login attempt is counted against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Counted {
    /// One account, from one address.
    Pair(String, Option<IpAddr>),
    /// One address, any account.
    Address(Option<IpAddr>),
    /// One account, any address.
    Account(String),
}

/// Counts login attempts, so a password cannot be guessed at speed. An attempt is counted
/// before its password is checked (parallel guesses cannot slip in between), and forgiven
/// when it succeeds. In memory: a restart forgets it, which costs an attacker a restart per
/// few guesses.
#[derive(Debug)]
pub struct LoginThrottle {
    attempts: std::sync::Mutex<HashMap<Counted, (u32, Instant)>>,
    pub(super) password_checks: tokio::sync::Semaphore,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            attempts: std::sync::Mutex::default(),
            password_checks: tokio::sync::Semaphore::new(CONCURRENT_PASSWORD_CHECKS),
        }
    }
}

/// Why a login attempt was not even checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Throttled {
    /// Too many attempts at this account from this address.
    Account,
    /// Too many attempts from this address.
    Address,
}

impl LoginThrottle {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Counted, (u32, Instant)>> {
        self.attempts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts an attempt at `account` from `ip`, or refuses it when a limit is reached.
    pub(super) fn begin(&self, account: &str, ip: Option<IpAddr>) -> Result<(), Throttled> {
        let mut attempts = self.lock();
        attempts.retain(|_, (_, since)| since.elapsed() < LOGIN_WINDOW);
        let keys = [
            (
                Counted::Pair(account.to_string(), ip),
                MAX_LOGIN_FAILURES,
                Throttled::Account,
            ),
            (
                Counted::Address(ip),
                MAX_ADDRESS_FAILURES,
                Throttled::Address,
            ),
            (
                Counted::Account(account.to_string()),
                MAX_ACCOUNT_FAILURES,
                Throttled::Account,
            ),
        ];
        for (key, max, why) in &keys {
            if attempts.get(key).is_some_and(|(n, _)| n >= max) {
                return Err(*why);
            }
        }
        for (key, ..) in keys {
            attempts.entry(key).or_insert((0, Instant::now())).0 += 1;
        }
        Ok(())
    }

    /// Forgives the attempt that just succeeded (the account's counts start again).
    pub(super) fn succeeded(&self, account: &str, ip: Option<IpAddr>) {
        let mut attempts = self.lock();
        attempts.remove(&Counted::Pair(account.to_string(), ip));
        attempts.remove(&Counted::Account(account.to_string()));
        if let Some((n, _)) = attempts.get_mut(&Counted::Address(ip)) {
            *n = n.saturating_sub(1);
        }
    }
}

/// The address a request came from, when the server records it (`kefu serve` does; an app
/// driven without a socket has none, and is counted as one unknown address).
#[derive(Debug, Clone, Copy)]
pub struct PeerIp(pub Option<IpAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PeerIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        // Behind proxies the operator trusts, the client they forwarded for.
        let trusted = parts
            .extensions
            .get::<std::sync::Arc<super::proxy::TrustedProxies>>();
        Ok(Self(match (peer, trusted) {
            (Some(peer), Some(trusted)) => Some(trusted.client(peer, &parts.headers)),
            (peer, _) => peer,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> Option<IpAddr> {
        Some(IpAddr::from([203, 0, 113, last]))
    }

    /// The address the extractor gives a request from `peer` carrying `forwarded`.
    async fn peer_ip(peer: [u8; 4], forwarded: &str, trusted: &[&str]) -> Option<IpAddr> {
        use axum::extract::FromRequestParts as _;
        let mut request = axum::http::Request::builder()
            .header("x-forwarded-for", forwarded)
            .body(())
            .unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                peer, 4000,
            ))));
        request.extensions_mut().insert(std::sync::Arc::new(
            super::super::proxy::TrustedProxies::parse(trusted).unwrap(),
        ));
        let (mut parts, ()) = request.into_parts();
        PeerIp::from_request_parts(&mut parts, &()).await.unwrap().0
    }

    #[tokio::test]
    async fn behind_a_trusted_proxy_each_client_is_counted_apart() {
        // Two agents behind the operator's proxy are two addresses to the throttle...
        assert_eq!(
            peer_ip([127, 0, 0, 1], "203.0.113.7", &["127.0.0.1"]).await,
            ip(7)
        );
        assert_eq!(
            peer_ip([127, 0, 0, 1], "203.0.113.8", &["127.0.0.1"]).await,
            ip(8)
        );
        // ...and a client that is not the proxy cannot pick its address.
        assert_eq!(
            peer_ip([198, 51, 100, 9], "203.0.113.7", &["127.0.0.1"]).await,
            Some(IpAddr::from([198, 51, 100, 9]))
        );
        assert_eq!(
            peer_ip([127, 0, 0, 1], "203.0.113.7", &[]).await,
            Some(IpAddr::from([127, 0, 0, 1]))
        );
    }

    #[test]
    fn parallel_guesses_are_counted_before_the_password_is_checked() {
        let throttle = LoginThrottle::default();
        // Ten guesses in flight at once: only the first five are even checked.
        let admitted = (0..10)
            .filter(|_| throttle.begin("ada@shop.example", ip(1)).is_ok())
            .count();
        assert_eq!(admitted, MAX_LOGIN_FAILURES as usize);
    }

    #[test]
    fn one_address_cannot_lock_an_agent_out() {
        let throttle = LoginThrottle::default();
        while throttle.begin("ada@shop.example", ip(1)).is_ok() {}
        assert_eq!(
            throttle.begin("ada@shop.example", ip(1)),
            Err(Throttled::Account)
        );
        // Ada, from her own network, still gets to try; and a success clears her count.
        assert_eq!(throttle.begin("ada@shop.example", ip(2)), Ok(()));
        throttle.succeeded("ada@shop.example", ip(2));
        assert_eq!(throttle.begin("ada@shop.example", ip(2)), Ok(()));
    }

    #[test]
    fn one_address_guessing_across_accounts_is_stopped() {
        let throttle = LoginThrottle::default();
        let mut admitted = 0;
        for n in 0..100 {
            if throttle
                .begin(&format!("agent{n}@shop.example"), ip(9))
                .is_ok()
            {
                admitted += 1;
            }
        }
        assert_eq!(admitted, MAX_ADDRESS_FAILURES);
        assert_eq!(
            throttle.begin("someone@shop.example", ip(9)),
            Err(Throttled::Address)
        );
    }

    #[test]
    fn many_addresses_guessing_one_account_are_stopped() {
        let throttle = LoginThrottle::default();
        let admitted = (0..=255u8)
            .filter(|n| throttle.begin("ada@shop.example", ip(*n)).is_ok())
            .count();
        assert_eq!(admitted, MAX_ACCOUNT_FAILURES as usize);
    }
}
