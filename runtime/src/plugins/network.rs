//! Which addresses are inside the runtime's network, and which of those the operator lets
//! plugins reach ([`PrivateHttp`], from `kefu serve --allow-private-http`).
//!
//! Two places ask: deploy, where an `[http]` origin naming a non-public literal address or
//! `localhost` is refused unless allowed ([`check_grant`]), so a merchant learns at upload
//! time and not from a failing call; and every outbound request ([`super::outbound`]),
//! which checks each address a name resolves to. Host names are read the way resolvers
//! read them: `2130706433`, `0x7f.1`, `127.1` and `017700000001` are all 127.0.0.1
//! ([`literal_ip`]), so none of them slips past as a "name".
//!
//! What this module does not do: resolve names (that is `outbound.rs`, once per request,
//! within the call's deadline), or decide which origins a plugin may use (its manifest).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::manifest::HttpGrant;

/// Whether `ip` is an address on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a >= 240 // reserved (240.0.0.0/4) and broadcast
                || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
                || (a == 100 && (64..128).contains(&b)) // carrier-grade NAT
                || (a == 198 && (b == 18 || b == 19))) // benchmarking
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            let first = seg[0];
            // Prefixes that carry an IPv4 address to a gateway which then reaches it (NAT64,
            // 6to4, Teredo, IPv4-compatible): a way around the IPv4 checks above, so they are
            // refused whatever the embedded address.
            let embeds_v4 = (first == 0x64 && seg[1] == 0xff9b) // NAT64 (well-known and local)
                || first == 0x2002 // 6to4
                || (first == 0x2001 && seg[1] == 0) // Teredo
                || seg[..6] == [0; 6]; // IPv4-compatible ::a.b.c.d (and ::, ::1)
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || embeds_v4
                || (first == 0x2001 && seg[1] == 0x0db8) // documentation
                || (first == 0x0100 && seg[1..4] == [0; 3]) // discard-only
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80) // link local
        }
    }
}

/// What a URL's host is, read the way a resolver would read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// A literal address, in any spelling resolvers accept.
    Ip(IpAddr),
    /// A name to resolve (lower-case, without a trailing dot).
    Name(String),
}

/// Reads `host` (as it appears in a URL: IPv6 in brackets) as an address or a name; `None`
/// for what is neither (a malformed bracketed address, a dotted number out of range: names
/// never end in a number, so `999.1.1.1` is a bad address, not a name).
pub fn literal_ip(host: &str) -> Option<Host> {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        return inner.parse::<Ipv6Addr>().ok().map(|ip| Host::Ip(ip.into()));
    }
    let host = host.to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let last = host.rsplit('.').next().unwrap_or(host);
    let numeric = |part: &str| {
        part.strip_prefix("0x").map_or(
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()),
            |hex| hex.bytes().all(|b| b.is_ascii_hexdigit()),
        )
    };
    if !numeric(last) {
        return Some(Host::Name(host.to_string()));
    }
    ipv4_any_form(host).map(|ip| Host::Ip(ip.into()))
}

/// The classic `inet_aton` forms: one to four parts, each decimal, `0x` hex or `0` octal,
/// the last filling the bytes the others leave (`127.1` is 127.0.0.1).
fn ipv4_any_form(host: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut values = Vec::with_capacity(parts.len());
    for part in &parts {
        let (digits, radix) = if let Some(hex) = part.strip_prefix("0x") {
            (hex, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (*part, 10)
        };
        let value = if digits.is_empty() {
            // `0x` alone is 0 to the resolvers that accept it.
            (radix == 16).then_some(0)?
        } else {
            u64::from_str_radix(digits, radix).ok()?
        };
        values.push(value);
    }
    let (last, leading) = values.split_last()?;
    if leading.iter().any(|&v| v > 255) {
        return None;
    }
    let room = 8 * (4 - leading.len() as u32);
    if room < 64 && *last >= 1u64 << room {
        return None;
    }
    let mut ip = *last as u32;
    for (i, &v) in leading.iter().enumerate() {
        ip |= (v as u32) << (24 - 8 * i as u32);
    }
    Some(Ipv4Addr::from(ip))
}

/// A range of addresses: `10.0.0.0/8`, `::1/128`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    net: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Reads a range (`10.0.0.0/8`, `fd00::/8`) or one address (`127.0.0.1`, `::1`,
    /// `[::1]`); `None` for anything else.
    pub fn parse(entry: &str) -> Option<Self> {
        let entry = entry.trim();
        let (net, prefix) = match entry.split_once('/') {
            Some((net, prefix)) => (net, Some(prefix)),
            None => (entry, None),
        };
        let net: IpAddr = net.trim_matches(['[', ']']).parse().ok()?;
        let max = if net.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Self { net, prefix })
    }

    /// Whether `ip` is inside the range.
    pub fn contains(&self, ip: IpAddr) -> bool {
        // An IPv4 address written the mapped way is that IPv4 address.
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.net, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// The addresses inside the runtime's network that the operator lets plugins reach: none by
/// default. Each entry is a range (`10.0.0.0/8`), an address (`127.0.0.1`) or a host name
/// (`localhost`, `orders.internal`: that name may resolve to any internal address).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrivateHttp {
    ranges: Vec<Cidr>,
    names: Vec<String>,
}

impl PrivateHttp {
    /// Nothing inside the runtime's network is reachable (the default).
    pub fn none() -> Self {
        Self::default()
    }

    /// Parses the operator's entries (`--allow-private-http`), each a range, an address or
    /// a host name.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Self, String> {
        let mut allowed = Self::default();
        for entry in entries {
            let entry = entry.as_ref().trim();
            let bad = || {
                format!(
                    "--allow-private-http `{entry}` must be a range (10.0.0.0/8), an address \
                     (127.0.0.1, ::1) or a host name (localhost)"
                )
            };
            if let Some((net, prefix)) = entry.split_once('/') {
                let net: IpAddr = net.trim_matches(['[', ']']).parse().map_err(|_| bad())?;
                let max = if net.is_ipv4() { 32 } else { 128 };
                let prefix: u8 = prefix.parse().ok().filter(|p| *p <= max).ok_or_else(bad)?;
                allowed.ranges.push(Cidr { net, prefix });
                continue;
            }
            let bracketed = entry.starts_with('[');
            let as_host = if !bracketed && entry.contains(':') {
                entry.parse::<Ipv6Addr>().ok().map(|ip| Host::Ip(ip.into()))
            } else {
                literal_ip(entry)
            };
            match as_host.ok_or_else(bad)? {
                Host::Ip(net) => allowed.ranges.push(Cidr {
                    net,
                    prefix: if net.is_ipv4() { 32 } else { 128 },
                }),
                Host::Name(name)
                    if name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') =>
                {
                    allowed.names.push(name)
                }
                Host::Name(_) => return Err(bad()),
            }
        }
        Ok(allowed)
    }

    /// Whether a request to `host` may go to `ip` (an address `host` is, or resolved to).
    pub fn allows(&self, host: &Host, ip: IpAddr) -> bool {
        is_public(ip)
            || self.ranges.iter().any(|r| r.contains(ip))
            || matches!(host, Host::Name(name) if self.names.contains(name))
    }
}

/// `localhost` and `*.localhost` are loopback whatever DNS says (RFC 6761).
fn is_localhost(name: &str) -> bool {
    name == "localhost" || name.ends_with(".localhost")
}

/// The host of an origin (`scheme://host[:port]`), as it appears in the URL.
pub fn host_of(origin: &str) -> Option<&str> {
    let authority = origin.split_once("://")?.1;
    if authority.starts_with('[') {
        let end = authority.find(']')?;
        return Some(&authority[..=end]);
    }
    Some(
        authority
            .rsplit_once(':')
            .map_or(authority, |(host, _)| host),
    )
}

/// Checks at deploy that no origin in `grant` names a literal address inside the runtime's
/// network, or `localhost`, unless `allowed`. The error names the entry and what would
/// allow it.
pub fn check_grant(grant: &HttpGrant, allowed: &PrivateHttp) -> Result<(), String> {
    for origin in grant
        .allow
        .iter()
        .chain(grant.secrets.iter().map(|s| &s.origin))
    {
        let Some(host) = host_of(origin) else {
            return Err(format!("http origin `{origin}` has no host"));
        };
        match literal_ip(host) {
            None => {
                return Err(format!(
                    "http origin `{origin}`: `{host}` is neither a host name nor a valid IP address"
                ));
            }
            Some(Host::Ip(ip)) if !allowed.allows(&Host::Ip(ip), ip) => {
                return Err(format!(
                    "http origin `{origin}` is the address {ip}, inside the runtime's network: \
                     plugins may reach it only if the runtime is started with \
                     --allow-private-http {ip}"
                ));
            }
            Some(Host::Name(name)) if is_localhost(&name) && !allowed.names.contains(&name) => {
                return Err(format!(
                    "http origin `{origin}` is this machine ({name}): plugins may reach it only \
                     if the runtime is started with --allow-private-http {name}"
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<Host> {
        Some(Host::Ip(s.parse().unwrap()))
    }

    #[test]
    fn internal_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "169.254.169.254",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "100.64.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "2606:2800:220:1::1"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn nat64_6to4_teredo_and_reserved_addresses_cannot_reach_inside() {
        for ip in [
            // An internal IPv4 address wrapped for a gateway that would unwrap it.
            "64:ff9b::a9fe:a9fe",                   // NAT64 → 169.254.169.254
            "64:ff9b:1::a00:1",                     // local-use NAT64 → 10.0.0.1
            "2002:7f00:1::1",                       // 6to4 → 127.0.0.1
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
            "::7f00:1",                             // IPv4-compatible 127.0.0.1
            "::a00:1",                              // IPv4-compatible 10.0.0.1
            "2001:db8::1",                          // documentation
            "240.0.0.1",                            // reserved
            "255.255.255.254",                      // reserved, next to broadcast
            "192.0.0.8",                            // IETF protocol assignments
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        // A public IPv4 address written the mapped way is still public.
        assert!(is_public("::ffff:93.184.216.34".parse().unwrap()));
    }

    #[test]
    fn hosts_are_read_the_way_resolvers_read_them() {
        for loopback in [
            "127.0.0.1",
            "2130706433",
            "0x7f000001",
            "0x7f.1",
            "127.1",
            "127.0.1",
            "0177.0.0.1",
            "017700000001",
            "0x7F.0.0.0x1",
            "127.0.0.1.",
        ] {
            assert_eq!(literal_ip(loopback), ip("127.0.0.1"), "{loopback}");
        }
        assert_eq!(literal_ip("[::1]"), ip("::1"));
        assert_eq!(literal_ip("[::ffff:7f00:1]"), ip("::ffff:127.0.0.1"));
        assert_eq!(literal_ip("0"), ip("0.0.0.0"));
        assert_eq!(
            literal_ip("Shop.Example.COM."),
            Some(Host::Name("shop.example.com".into()))
        );
        assert_eq!(
            literal_ip("1.2.3.example"),
            Some(Host::Name("1.2.3.example".into()))
        );
        // Numbers out of range, or malformed brackets: neither an address nor a name.
        for bad in [
            "256.1.1.1",
            "1.2.3.4.5",
            "4294967296",
            "09",
            "[::1",
            "[nope]",
            "",
        ] {
            assert_eq!(literal_ip(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_operator_allows_ranges_addresses_and_names() {
        let allowed =
            PrivateHttp::parse(&["10.0.0.0/8", "127.0.0.1", "::1", "Orders.Internal"]).unwrap();
        let name = |n: &str| Host::Name(n.into());
        let any = name("x.example");
        assert!(allowed.allows(&any, "10.9.8.7".parse().unwrap()));
        assert!(allowed.allows(&any, "127.0.0.1".parse().unwrap()));
        assert!(allowed.allows(&any, "::ffff:127.0.0.1".parse().unwrap()));
        assert!(!allowed.allows(&any, "127.0.0.2".parse().unwrap()));
        assert!(allowed.allows(&any, "::1".parse().unwrap()));
        assert!(allowed.allows(&name("orders.internal"), "192.168.1.1".parse().unwrap()));
        assert!(!allowed.allows(&any, "192.168.1.1".parse().unwrap()));
        assert!(PrivateHttp::none().allows(&any, "93.184.216.34".parse().unwrap()));
        for bad in ["10.0.0.0/33", "not a host", "1.2.3.4/x", "300.1.1.1"] {
            let err = PrivateHttp::parse(&[bad]).unwrap_err();
            assert!(err.contains(bad), "{err}");
        }
    }
}
