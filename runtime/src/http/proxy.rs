//! Which address a request comes from when kefu runs behind reverse proxies the operator
//! names (`--trusted-proxy`): the per-address chat limits and the login throttle must see
//! the shopper's or agent's address, not the proxy's, or one abuser behind the proxy locks
//! everybody out.
//!
//! Only a peer the operator trusts may speak for the client: `X-Forwarded-For` is read from
//! the right (the entries the trusted proxies appended), skipping trusted addresses, and the
//! first other address is the client. A header from anyone else is ignored, so a client
//! cannot name itself another address.

use std::net::IpAddr;

use axum::http::HeaderMap;

use crate::plugins::Cidr;

/// The proxies whose `X-Forwarded-For` kefu believes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// Reads the operator's entries, each a range (`10.0.0.0/8`) or an address.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Self, String> {
        entries
            .iter()
            .map(|e| {
                Cidr::parse(e.as_ref()).ok_or_else(|| {
                    format!(
                        "--trusted-proxy `{}` must be an address (127.0.0.1, ::1) or a range \
                         (10.0.0.0/8)",
                        e.as_ref()
                    )
                })
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The client's address for a request that reached kefu from `peer`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // Garbage stops the walk: nothing left of it can be believed.
            let Some(ip) = hop.trim().trim_matches(['[', ']']).parse::<IpAddr>().ok() else {
                break;
            };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_speaks_for_the_client() {
        let trusted = TrustedProxies::parse(&["127.0.0.1", "10.0.0.0/8"]).unwrap();
        let forwarded = headers(&["203.0.113.7"]);
        // Through the proxy: the shopper's address.
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &forwarded),
            ip("203.0.113.7")
        );
        // Straight from the internet, the header is the client's own claim: ignored.
        assert_eq!(
            trusted.client(ip("198.51.100.1"), &forwarded),
            ip("198.51.100.1")
        );
        // Nobody trusted (the default): the peer, always.
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("127.0.0.1"), &forwarded), ip("127.0.0.1"));
    }

    #[test]
    fn a_forged_entry_left_of_the_proxies_is_not_believed() {
        let trusted = TrustedProxies::parse(&["127.0.0.1", "10.0.0.0/8"]).unwrap();
        // The client sent "X-Forwarded-For: 1.2.3.4"; the edge proxy appended the client's
        // real address, the inner proxy the edge's.
        let forwarded = headers(&["1.2.3.4, 203.0.113.7, 10.1.2.3"]);
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &forwarded),
            ip("203.0.113.7")
        );
        // The same, spread over several header lines.
        let forwarded = headers(&["1.2.3.4", "203.0.113.7", "10.1.2.3"]);
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &forwarded),
            ip("203.0.113.7")
        );
        // Garbage or no header: the nearest address that can be believed.
        let forwarded = headers(&["203.0.113.7, not-an-address"]);
        assert_eq!(trusted.client(ip("127.0.0.1"), &forwarded), ip("127.0.0.1"));
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &HeaderMap::new()),
            ip("127.0.0.1")
        );
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &headers(&["[2001:db8::1]"])),
            ip("2001:db8::1")
        );
    }

    #[test]
    fn entries_are_addresses_or_ranges() {
        assert!(TrustedProxies::parse(&["::1", "fd00::/8", "[::1]"]).is_ok());
        let error = TrustedProxies::parse(&["proxy.internal"]).unwrap_err();
        assert!(
            error.contains("--trusted-proxy `proxy.internal`"),
            "{error}"
        );
        assert!(TrustedProxies::parse(&["10.0.0.0/33"]).is_err());
    }
}
