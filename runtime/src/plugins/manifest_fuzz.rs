//! Property tests for what merchants upload and operators type: manifests (arbitrary text,
//! and the shipped manifests mutated), their `[http]` origins, and `--allow-private-http`.
//! Nothing panics; what parses obeys the limits; refusals say what was wrong.
//!
//! Cases per property: 256, or `PROPTEST_CASES`.

use std::net::{IpAddr, Ipv4Addr};

use proptest::prelude::*;

use super::manifest::{MAX_DEADLINE_MS, MAX_KV_BYTES, MAX_MEMORY_BYTES, Manifest, origin_of};
use super::network::{Host, PrivateHttp, check_grant, host_of, literal_ip};

const SHIPPED: &[&str] = &[
    include_str!("../../../plugins/orders/manifest.toml"),
    include_str!("../../../plugins/refunds/manifest.toml"),
    include_str!("../../../plugins/catalog/manifest.toml"),
    "[plugin]\nname = \"shop\"\nversion = \"1.0.0\"\nintents = [\"track_order\"]\n\
     [http]\nallow = [\"https://api.shop.example\", \"http://127.0.0.1:9000\"]\n\
     timeout_ms = 500\n[[http.secrets]]\norigin = \"https://api.shop.example\"\n\
     header = \"Authorization\"\nname = \"shop_token\"\n",
];

/// Pieces of TOML and of what manifests hold.
fn tomlish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            Just("[plugin]\n".to_string()),
            Just("[http]\n".to_string()),
            Just("[[http.secrets]]\n".to_string()),
            Just("[limits]\n".to_string()),
            Just("[needs]\n".to_string()),
            Just("[money]\n".to_string()),
            Just(" = ".to_string()),
            Just("\"".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("\n".to_string()),
            Just("allow".to_string()),
            Just("http://".to_string()),
            Just("name".to_string()),
            Just("intents".to_string()),
            Just("18446744073709551616".to_string()),
            Just("-1".to_string()),
            Just("inf".to_string()),
            "[a-z_]{1,10}",
            "[0-9]{1,20}",
        ],
        0..60,
    )
    .prop_map(|p| p.concat())
}

/// `text` with a random span replaced by `insert`.
fn splice(text: &str, at: usize, len: usize, insert: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let start = at % (bytes.len() + 1);
    let end = (start + len % 16).min(bytes.len());
    bytes.splice(start..end, insert.bytes());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What holds for every manifest `parse` accepts.
fn check_accepted(m: &Manifest) -> Result<(), TestCaseError> {
    prop_assert!((1..=MAX_DEADLINE_MS).contains(&m.limits.deadline_ms));
    prop_assert!(m.limits.memory_bytes <= MAX_MEMORY_BYTES);
    prop_assert!(m.limits.kv_bytes <= MAX_KV_BYTES);
    prop_assert!(!m.plugin.intents.is_empty());
    if let Some(http) = &m.http {
        for origin in &http.allow {
            prop_assert!(origin_of(origin).is_some(), "{origin}");
        }
        // The deploy-time check decides without panicking, and says why when it refuses.
        if let Err(why) = check_grant(http, &PrivateHttp::none()) {
            prop_assert!(why.contains("http origin"), "{why}");
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_is_refused_with_a_reason(text in tomlish()) {
        match Manifest::parse(&text) {
            Ok(m) => check_accepted(&m)?,
            Err(e) => prop_assert!(e.to_string().starts_with("invalid manifest: ")),
        }
    }

    #[test]
    fn mutated_manifests_parse_or_fail_cleanly(
        which in 0..SHIPPED.len(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), tomlish()), 1..4),
    ) {
        let mut text = SHIPPED[which].to_string();
        for (at, len, insert) in &edits {
            text = splice(&text, *at, *len, insert);
        }
        match Manifest::parse(&text) {
            Ok(m) => check_accepted(&m)?,
            Err(e) => prop_assert!(e.to_string().starts_with("invalid manifest: ")),
        }
    }

    #[test]
    fn any_origin_is_checked_without_panicking(origin in prop_oneof![
        any::<String>(),
        ("(http|https|ftp)://", "[a-z0-9.:\\[\\]x%@-]{0,40}").prop_map(|(s, a)| format!("{s}{a}")),
    ]) {
        let _ = origin_of(&origin);
        let _ = host_of(&origin);
        let _ = literal_ip(&origin);
        let text = format!(
            "[plugin]\nname = \"p\"\nversion = \"1\"\nintents = [\"x\"]\n[http]\nallow = [{}]\n",
            toml::Value::String(origin.clone())
        );
        if let Ok(m) = Manifest::parse(&text) {
            check_accepted(&m)?;
        }
    }

    #[test]
    fn every_spelling_of_an_ipv4_address_is_that_address(ip in any::<u32>()) {
        let v4 = Ipv4Addr::from(ip);
        let [a, b, c, d] = v4.octets();
        let want = Some(Host::Ip(IpAddr::V4(v4)));
        for spelling in [
            v4.to_string(),
            ip.to_string(),
            format!("{ip:#x}"),
            format!("0{ip:o}"),
            format!("{a}.{}", u32::from(b) << 16 | u32::from(c) << 8 | u32::from(d)),
            format!("{a:#x}.{b:#x}.{}", u32::from(c) << 8 | u32::from(d)),
            format!("0{a:o}.0{b:o}.0{c:o}.0{d:o}"),
            format!("{v4}."),
        ] {
            prop_assert_eq!(literal_ip(&spelling), want.clone(), "{}", spelling);
        }
    }

    #[test]
    fn operator_entries_parse_or_are_refused_by_name(entries in proptest::collection::vec(
        prop_oneof![any::<String>(), "[0-9a-f.:/]{0,20}", "[a-z.-]{1,20}"], 0..4
    )) {
        match PrivateHttp::parse(&entries) {
            Ok(allowed) => {
                // Public addresses are always reachable, whatever was allowed.
                let public: IpAddr = "93.184.216.34".parse().unwrap();
                prop_assert!(allowed.allows(&Host::Name("x.example".into()), public));
            }
            Err(why) => prop_assert!(why.contains("--allow-private-http")),
        }
    }
}
