//! The host side of the `http` import: a plugin's requests go only to the origins its
//! manifest allows, and into the runtime's own network only where the operator allows.
//!
//! Every hop is checked: the URL's origin must be listed; a redirect is not followed by the
//! client but returned here and checked like a new request (so an allowed origin cannot
//! bounce the plugin to another one). The host is read as resolvers read it (`127.1` is an
//! address, not a name); a name is resolved **once**, within what is left of the call's
//! deadline, and every address it resolves to must be public or allowed by the runtime's
//! [`PrivateHttp`] ([`super::network`]). The client is then handed exactly those addresses
//! as its resolver's answer: it connects to what was checked, with no second lookup a DNS
//! server could answer differently (rebinding), while the URL keeps the name for the `Host`
//! header and TLS. Proxies from the environment are not used, since a proxy would resolve
//! the name again on its own. Secrets named in the manifest are added by the host for their
//! own origin only, and the plugin cannot set those headers. Responses are capped in size,
//! and the whole request in time by the smaller of the manifest's timeout and what is left
//! of the call's deadline.

use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

use super::manifest::{HttpGrant, origin_of};
use super::network::{Host, PrivateHttp, host_of, literal_ip};

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

/// Resolves host names for outbound requests: the system's resolver in production
/// ([`SystemLookup`]); tests substitute their own answers to play a hostile DNS server.
pub trait Lookup: Send + Sync + std::fmt::Debug + 'static {
    /// The addresses `host` has, with `port`.
    fn lookup(&self, host: &str, port: u16) -> std::io::Result<Vec<SocketAddr>>;
}

/// The operating system's resolver (`getaddrinfo`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemLookup;

impl Lookup for SystemLookup {
    fn lookup(&self, host: &str, port: u16) -> std::io::Result<Vec<SocketAddr>> {
        Ok((host, port).to_socket_addrs()?.collect())
    }
}

/// What the runtime, not the manifest, decides about outbound requests: which internal
/// addresses the operator lets plugins reach, and how names are resolved.
#[derive(Debug, Clone)]
pub struct OutboundPolicy {
    /// Addresses inside the runtime's network plugins may reach anyway.
    pub allowed: PrivateHttp,
    /// The resolver.
    pub lookup: Arc<dyn Lookup>,
}

impl Default for OutboundPolicy {
    fn default() -> Self {
        Self {
            allowed: PrivateHttp::none(),
            lookup: Arc::new(SystemLookup),
        }
    }
}

/// The addresses a hop was checked against, given to the HTTP client as its only answer:
/// it connects to them and nowhere else (no second lookup a DNS server could answer
/// differently), while the URL, so the `Host` header and TLS's server name, keep the name.
#[derive(Debug)]
struct Pinned(Vec<SocketAddr>);

impl Resolver for Pinned {
    fn resolve(
        &self,
        _uri: &ureq::http::Uri,
        _config: &ureq::config::Config,
        _timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let mut out = self.empty();
        for addr in self.0.iter().take(16) {
            out.push(*addr);
        }
        if out.is_empty() {
            return Err(ureq::Error::HostNotFound);
        }
        Ok(out)
    }
}

/// The host and port of an origin.
fn host_port(origin: &str) -> Option<(&str, u16)> {
    let default = if origin.starts_with("https://") {
        443
    } else {
        80
    };
    let host = host_of(origin)?;
    let tail = &origin[origin.find("://")? + 3 + host.len()..];
    let port = match tail.strip_prefix(':') {
        Some(port) => port.parse().ok()?,
        None if tail.is_empty() => default,
        None => return None,
    };
    Some((host, port))
}

/// Resolves `host` once, giving up after `timeout`: a resolver that never answers costs
/// the call its deadline, not a stuck thread's worth of calls (the lookup thread finishes
/// on its own, its answer dropped).
fn resolve_within(
    lookup: &Arc<dyn Lookup>,
    host: &str,
    port: u16,
    timeout: Duration,
) -> Result<Vec<SocketAddr>, OutboundError> {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let (resolver, name) = (lookup.clone(), host.to_string());
    std::thread::Builder::new()
        .name("kefu-resolve".into())
        .spawn(move || tx.send(resolver.lookup(&name, port)).ok())
        .map_err(|e| OutboundError::Unavailable(format!("cannot resolve {host}: {e}")))?;
    match rx.recv_timeout(timeout) {
        Ok(Ok(addrs)) => Ok(addrs),
        Ok(Err(e)) => Err(OutboundError::Unavailable(format!(
            "cannot resolve {host}: {e}"
        ))),
        Err(_) => Err(OutboundError::Unavailable(format!(
            "resolving {host} took longer than the time left for this request"
        ))),
    }
}

/// Checks one hop: the URL's origin must be listed, and every address its host is (a
/// literal) or resolves to (once, within `timeout`) must be public or allowed by the
/// operator. Returns the origin and the checked addresses, the only ones to connect to.
fn check_hop(
    grant: &HttpGrant,
    policy: &OutboundPolicy,
    url: &str,
    timeout: Duration,
) -> Result<(String, Vec<SocketAddr>), OutboundError> {
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
    let bad = || OutboundError::Denied(format!("bad origin {origin}"));
    let (host_text, port) = host_port(&origin).ok_or_else(bad)?;
    let host = literal_ip(host_text).ok_or_else(bad)?;
    let addrs = match &host {
        Host::Ip(ip) => vec![SocketAddr::new(*ip, port)],
        Host::Name(name) => resolve_within(&policy.lookup, name, port, timeout)?,
    };
    if addrs.is_empty() {
        return Err(OutboundError::Unavailable(format!(
            "{host_text} has no address"
        )));
    }
    if let Some(inside) = addrs.iter().find(|a| !policy.allowed.allows(&host, a.ip())) {
        return Err(OutboundError::Denied(format!(
            "{host_text} is {}, inside the runtime's network",
            inside.ip()
        )));
    }
    Ok((origin, addrs))
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

/// Sends `request` as `grant` and `policy` allow, before `deadline`.
pub fn fetch(
    grant: &HttpGrant,
    policy: &OutboundPolicy,
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
        let time_left = || {
            let left = deadline.saturating_duration_since(Instant::now());
            let timeout = left.min(Duration::from_millis(grant.timeout_ms));
            if timeout.is_zero() {
                Err(OutboundError::Unavailable(
                    "no time left in this call".into(),
                ))
            } else {
                Ok(timeout)
            }
        };
        let (origin, addrs) = check_hop(grant, policy, &request.url, time_left()?)?;
        let config = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            // A proxy would resolve the name itself, after our check.
            .proxy(None)
            .timeout_global(Some(time_left()?))
            .build();
        let agent = ureq::Agent::with_parts(config, DefaultConnector::new(), Pinned(addrs));
        let mut builder = ureq::http::Request::builder()
            .method(method.as_str())
            .uri(&request.url);
        for (name, value) in &request.headers {
            if !reserved(name, grant) {
                builder = builder.header(name, value);
            }
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
#[path = "outbound_tests.rs"]
mod tests;
