//! The host side of the `http` import: a plugin's requests go only to the origins its
//! manifest allows.
//!
//! Every hop is checked: the URL's origin must be listed; a redirect is not followed by the
//! client but returned here and checked like a new request (so an allowed origin cannot
//! bounce the plugin to another one); a listed *hostname* must not resolve to an address
//! inside the runtime's network (loopback, private, link-local, …), which only a literal
//! IP in the allow list may reach. Plain-http hostnames are connected by the address we
//! checked, so a DNS answer cannot change between the check and the connection; https
//! relies on the certificate for the same guarantee. Secrets named in the manifest are
//! added by the host for their own origin only, and the plugin cannot set those headers.
//! Responses are capped in size, and the whole request in time by the smaller of the
//! manifest's timeout and what is left of the call's deadline.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use super::manifest::{HttpGrant, origin_of};

/// At most this many redirects are followed (each checked).
const MAX_HOPS: usize = 4;
/// Largest request body a plugin may send.
const MAX_REQUEST_BYTES: usize = 1 << 20;

/// A request as the plugin made it.
#[derive(Debug, Clone)]
pub struct OutboundRequest {
    /// HTTP method.
    pub method: String,
    /// Absolute URL.
    pub url: String,
    /// Headers.
    pub headers: Vec<(String, String)>,
    /// Body.
    pub body: Option<Vec<u8>>,
}

/// What came back.
#[derive(Debug, Clone)]
pub struct OutboundResponse {
    /// Status code.
    pub status: u16,
    /// Headers.
    pub headers: Vec<(String, String)>,
    /// Body (at most the manifest's cap).
    pub body: Vec<u8>,
}

/// Why a request was refused or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboundError {
    /// Not allowed by the manifest (or into the runtime's network).
    Denied(String),
    /// Over a size or hop limit.
    Limit(String),
    /// The far side failed or timed out.
    Unavailable(String),
}

/// Whether `ip` is an address on the public internet.
fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a >= 240 // reserved (240.0.0.0/4) and broadcast
                || (a == 192 && b == 0 && v4.octets()[2] == 0) // IETF protocol assignments
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

/// The host and port of an origin.
fn host_port(origin: &str) -> Option<(String, u16)> {
    let (scheme, authority) = origin.split_once("://")?;
    let default = if scheme == "https" { 443 } else { 80 };
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, tail) = rest.split_once(']')?;
        let port = tail
            .strip_prefix(':')
            .map_or(Some(default), |p| p.parse().ok())?;
        return Some((host.to_string(), port));
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => Some((host.to_string(), port.parse().ok()?)),
        None => Some((authority.to_string(), default)),
    }
}

/// Checks one hop; returns the address to connect to for plain-http hostnames.
fn check_hop(grant: &HttpGrant, url: &str) -> Result<(String, Option<SocketAddr>), OutboundError> {
    let origin = origin_of(url)
        .ok_or_else(|| OutboundError::Denied(format!("`{url}` is not an absolute http(s) URL")))?;
    if !grant
        .allow
        .iter()
        .any(|a| a.trim_end_matches('/') == origin)
    {
        return Err(OutboundError::Denied(format!(
            "{origin} is not in this plugin's http allow list"
        )));
    }
    let (host, port) =
        host_port(&origin).ok_or_else(|| OutboundError::Denied(format!("bad origin {origin}")))?;
    if host.parse::<IpAddr>().is_ok() {
        // A literal address the merchant listed on purpose.
        return Ok((origin, None));
    }
    let addrs: Vec<SocketAddr> = (host.as_str(), port)
        .to_socket_addrs()
        .map_err(|e| OutboundError::Unavailable(format!("cannot resolve {host}: {e}")))?
        .collect();
    if addrs.is_empty() || addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(OutboundError::Denied(format!(
            "{host} resolves to an address inside the runtime's network"
        )));
    }
    let pin = origin.starts_with("http://").then(|| addrs[0]);
    Ok((origin, pin))
}

/// Headers a plugin may not set: the host owns them.
fn reserved(name: &str, grant: &HttpGrant) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(
        name.as_str(),
        "host" | "content-length" | "connection" | "transfer-encoding" | "proxy-authorization"
    ) || grant
        .secrets
        .iter()
        .any(|s| s.header.eq_ignore_ascii_case(&name))
}

/// Sends `request` as `grant` allows, before `deadline`.
pub fn fetch(
    grant: &HttpGrant,
    mut request: OutboundRequest,
    deadline: Instant,
    secret: &dyn Fn(&str) -> Option<String>,
) -> Result<OutboundResponse, OutboundError> {
    let method = request.method.to_ascii_uppercase();
    if !matches!(method.as_str(), "GET" | "POST" | "PUT" | "PATCH" | "DELETE") {
        return Err(OutboundError::Denied(format!(
            "method {method} is not allowed"
        )));
    }
    if request
        .body
        .as_ref()
        .is_some_and(|b| b.len() > MAX_REQUEST_BYTES)
    {
        return Err(OutboundError::Limit(format!(
            "request bodies are at most {MAX_REQUEST_BYTES} bytes"
        )));
    }
    let mut method = method;
    for _ in 0..=MAX_HOPS {
        let (origin, pin) = check_hop(grant, &request.url)?;
        let left = deadline.saturating_duration_since(Instant::now());
        let timeout = left.min(Duration::from_millis(grant.timeout_ms));
        if timeout.is_zero() {
            return Err(OutboundError::Unavailable(
                "no time left in this call".into(),
            ));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .into();
        // Plain http to a hostname: connect to the address that was checked.
        let (url, host_header) = match pin {
            Some(addr) => {
                let rest = &request.url[origin.len()..];
                let host = origin.trim_start_matches("http://").to_string();
                (format!("http://{addr}{rest}"), Some(host))
            }
            None => (request.url.clone(), None),
        };
        let mut builder = ureq::http::Request::builder()
            .method(method.as_str())
            .uri(&url);
        for (name, value) in &request.headers {
            if !reserved(name, grant) {
                builder = builder.header(name, value);
            }
        }
        if let Some(host) = host_header {
            builder = builder.header("Host", host);
        }
        let secret_value = secret;
        for secret in grant
            .secrets
            .iter()
            .filter(|s| s.origin.trim_end_matches('/') == origin)
        {
            match secret_value(&secret.name) {
                Some(value) => builder = builder.header(&secret.header, value),
                None => {
                    return Err(OutboundError::Unavailable(format!(
                        "the secret {} is not configured on this runtime",
                        secret.name
                    )));
                }
            }
        }
        let body = request.body.clone().unwrap_or_default();
        let built = builder
            .body(body)
            .map_err(|e| OutboundError::Denied(format!("malformed request: {e}")))?;
        let mut response = agent.run(built).map_err(|e| match e {
            ureq::Error::Timeout(_) => OutboundError::Unavailable("the request timed out".into()),
            other => OutboundError::Unavailable(other.to_string()),
        })?;
        let status = response.status().as_u16();
        if (300..400).contains(&status)
            && let Some(location) = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
        {
            request.url = resolve(&request.url, location);
            if matches!(status, 301..=303) {
                method = "GET".into();
                request.body = None;
            }
            continue;
        }
        let headers = response
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.to_string(), v.to_str().ok()?.to_string())))
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(grant.max_response_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(n) => OutboundError::Limit(format!(
                    "the response is larger than the {n} bytes this plugin may read"
                )),
                other => OutboundError::Unavailable(other.to_string()),
            })?;
        return Ok(OutboundResponse {
            status,
            headers,
            body,
        });
    }
    Err(OutboundError::Limit(format!(
        "more than {MAX_HOPS} redirects"
    )))
}

/// `location` relative to `base`.
fn resolve(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let origin = origin_of(base).unwrap_or_default();
    if location.starts_with('/') {
        format!("{origin}{location}")
    } else {
        let path = base.rsplit_once('/').map_or(base, |(dir, _)| dir);
        format!("{path}/{location}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(allow: &[&str]) -> HttpGrant {
        HttpGrant {
            allow: allow.iter().map(|s| s.to_string()).collect(),
            timeout_ms: 1000,
            max_response_bytes: 1024,
            secrets: vec![],
        }
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
    fn hops_must_be_listed_and_hostnames_must_not_resolve_inside() {
        let g = grant(&["http://localhost:9", "http://127.0.0.1:9"]);
        assert!(matches!(
            check_hop(&g, "https://example.com/"),
            Err(OutboundError::Denied(_))
        ));
        // `localhost` is a name that resolves to loopback: refused even though listed.
        assert!(matches!(
            check_hop(&g, "http://localhost:9/x"),
            Err(OutboundError::Denied(_))
        ));
        // The literal address was listed on purpose.
        assert!(check_hop(&g, "http://127.0.0.1:9/x").is_ok());
        assert!(matches!(
            check_hop(&g, "http://127.0.0.1:10/x"),
            Err(OutboundError::Denied(_))
        ));
    }

    #[test]
    fn redirect_locations_resolve_against_the_request() {
        assert_eq!(resolve("http://a.com/x/y", "/z"), "http://a.com/z");
        assert_eq!(resolve("http://a.com/x/y", "z"), "http://a.com/x/z");
        assert_eq!(
            resolve("http://a.com/x", "https://b.com/"),
            "https://b.com/"
        );
    }
}
