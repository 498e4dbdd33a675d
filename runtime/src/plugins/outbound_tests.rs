//! Outbound requests against a hostile resolver and local servers: what is checked is what
//! is connected to, once, within the deadline.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

fn grant(allow: &[&str]) -> HttpGrant {
    HttpGrant {
        allow: allow.iter().map(|s| s.to_string()).collect(),
        timeout_ms: 1000,
        max_response_bytes: 1024,
        secrets: vec![],
    }
}

fn policy(allowed: &[&str], lookup: impl Lookup) -> OutboundPolicy {
    OutboundPolicy {
        allowed: PrivateHttp::parse(allowed).unwrap(),
        lookup: Arc::new(lookup),
    }
}

fn get(url: &str) -> OutboundRequest {
    OutboundRequest {
        method: "GET".into(),
        url: url.into(),
        headers: vec![],
        body: None,
    }
}

fn soon() -> Instant {
    Instant::now() + Duration::from_secs(2)
}

/// A resolver that answers each lookup with the next of its answers (the last one
/// repeating), counting lookups: a DNS server that changes its mind.
#[derive(Debug)]
struct Scripted {
    answers: Vec<Vec<SocketAddr>>,
    asked: AtomicUsize,
}

impl Scripted {
    fn new(answers: &[&[SocketAddr]]) -> Arc<Self> {
        Arc::new(Self {
            answers: answers.iter().map(|a| a.to_vec()).collect(),
            asked: AtomicUsize::new(0),
        })
    }
}

impl Lookup for Arc<Scripted> {
    fn lookup(&self, _host: &str, _port: u16) -> std::io::Result<Vec<SocketAddr>> {
        let n = self.asked.fetch_add(1, Ordering::SeqCst);
        Ok(self.answers[n.min(self.answers.len() - 1)].clone())
    }
}

/// A resolver that must not be asked.
#[derive(Debug)]
struct NoLookup;

impl Lookup for NoLookup {
    fn lookup(&self, host: &str, _port: u16) -> std::io::Result<Vec<SocketAddr>> {
        panic!("`{host}` is a literal address: nothing to resolve")
    }
}

/// A resolver that never answers in time.
#[derive(Debug)]
struct Stuck;

impl Lookup for Stuck {
    fn lookup(&self, _host: &str, _port: u16) -> std::io::Result<Vec<SocketAddr>> {
        std::thread::sleep(Duration::from_secs(3));
        Ok(vec![])
    }
}

/// A one-request HTTP server on 127.0.0.1 answering with the `Host` header it was sent.
fn echo_host_server() -> (SocketAddr, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let served = Mutex::new(listener);
    let handle = std::thread::spawn(move || {
        let listener = served.lock().unwrap();
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut host = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("host")
            {
                host = value.trim().to_string();
            }
        }
        let body = format!("host={host}");
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
    });
    (addr, handle)
}

#[test]
fn hops_must_be_listed() {
    let g = grant(&["http://127.0.0.1:9"]);
    let p = policy(&["127.0.0.1"], NoLookup);
    let t = Duration::from_secs(1);
    assert!(matches!(
        check_hop(&g, &p, "https://example.com/", t),
        Err(OutboundError::Denied(_))
    ));
    assert!(check_hop(&g, &p, "http://127.0.0.1:9/x", t).is_ok());
    assert!(matches!(
        check_hop(&g, &p, "http://127.0.0.1:10/x", t),
        Err(OutboundError::Denied(_))
    ));
}

#[test]
fn a_plugin_cannot_reach_loopback_by_literal_ip() {
    let t = Duration::from_secs(1);
    for origin in [
        "http://127.0.0.1:9",
        "http://127.1:9",
        "http://2130706433:9",
        "http://0x7f.1:9",
        "http://[::1]:9",
        "http://[::ffff:7f00:1]:9",
        "http://[64:ff9b::7f00:1]:9",
    ] {
        let g = grant(&[origin]);
        let refused = check_hop(&g, &policy(&[], NoLookup), &format!("{origin}/x"), t);
        assert!(
            matches!(&refused, Err(OutboundError::Denied(why)) if why.contains("inside")),
            "{origin}: {refused:?}"
        );
    }
}

#[test]
fn a_name_resolving_to_loopback_is_refused_without_the_allowance() {
    let g = grant(&["http://shop.test:9"]);
    let t = Duration::from_secs(1);
    let loopback: SocketAddr = "127.0.0.1:9".parse().unwrap();
    let refused = check_hop(
        &g,
        &policy(&[], Scripted::new(&[&[loopback]])),
        "http://shop.test:9/",
        t,
    );
    assert!(
        matches!(&refused, Err(OutboundError::Denied(why)) if why.contains("127.0.0.1")),
        "{refused:?}"
    );
    // One internal address among public ones is enough to refuse.
    let public: SocketAddr = "93.184.216.34:9".parse().unwrap();
    let mixed = Scripted::new(&[&[public, loopback]]);
    assert!(matches!(
        check_hop(&g, &policy(&[], mixed), "http://shop.test:9/", t),
        Err(OutboundError::Denied(_))
    ));
    // The operator can allow the name, or the range.
    for allowed in ["shop.test", "127.0.0.0/8"] {
        let p = policy(&[allowed], Scripted::new(&[&[loopback]]));
        assert!(
            check_hop(&g, &p, "http://shop.test:9/", t).is_ok(),
            "{allowed}"
        );
    }
    // The real resolver's `localhost`, too.
    let g = grant(&["http://localhost:9"]);
    assert!(matches!(
        check_hop(&g, &policy(&[], SystemLookup), "http://localhost:9/", t),
        Err(OutboundError::Denied(_))
    ));
}

#[test]
fn dns_rebinding_cannot_switch_the_checked_address() {
    let (server, handle) = echo_host_server();
    // The first answer is the (allowed) server; any later one would be the cloud's
    // metadata service. The client must connect to the first and never ask again.
    let metadata: SocketAddr = "169.254.169.254:80".parse().unwrap();
    let dns = Scripted::new(&[&[server], &[metadata]]);
    let p = policy(&["127.0.0.1"], dns.clone());
    let url = format!("http://shop.test:{}", server.port());
    let response = fetch(
        &grant(&[&url]),
        &p,
        get(&format!("{url}/x")),
        soon(),
        &|_| None,
    )
    .unwrap();
    assert_eq!(dns.asked.load(Ordering::SeqCst), 1, "resolved once");
    // Connected to the checked address, with the name kept for the Host header (and TLS).
    assert_eq!(
        String::from_utf8(response.body).unwrap(),
        format!("host=shop.test:{}", server.port())
    );
    handle.join().unwrap();
    // Answered the other way round, the request is refused before anything connects.
    let dns = Scripted::new(&[&[metadata], &[server]]);
    let refused = fetch(
        &grant(&[&url]),
        &policy(&["127.0.0.1"], dns.clone()),
        get(&url),
        soon(),
        &|_| None,
    );
    assert!(
        matches!(refused, Err(OutboundError::Denied(_))),
        "{refused:?}"
    );
    assert_eq!(dns.asked.load(Ordering::SeqCst), 1);
}

#[test]
fn a_slow_resolver_costs_the_request_its_timeout_not_more() {
    let mut g = grant(&["http://shop.test"]);
    g.timeout_ms = 200;
    let started = Instant::now();
    let outcome = fetch(
        &g,
        &policy(&[], Stuck),
        get("http://shop.test/"),
        soon(),
        &|_| None,
    );
    assert!(
        matches!(&outcome, Err(OutboundError::Unavailable(why)) if why.contains("resolving")),
        "{outcome:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(1000));
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

#[test]
fn origins_split_into_host_and_port() {
    assert_eq!(host_port("http://a.com"), Some(("a.com", 80)));
    assert_eq!(host_port("https://a.com"), Some(("a.com", 443)));
    assert_eq!(host_port("http://a.com:8080"), Some(("a.com", 8080)));
    assert_eq!(host_port("http://[::1]:9"), Some(("[::1]", 9)));
    assert_eq!(host_port("http://[::1]"), Some(("[::1]", 80)));
    assert_eq!(host_port("http://a.com:x"), None);
}
