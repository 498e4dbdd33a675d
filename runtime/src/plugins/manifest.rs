//! A plugin's `manifest.toml`: what it serves, which host capabilities it is granted and the
//! limits it runs under. Parsed once at load; unknown keys and out-of-range limits are
//! errors then, not surprises on the first call. Everything not granted is denied.
//!
//! `[needs]` says, per intent, what the engine must have before it calls the plugin: slots
//! it asks the shopper for, and facts only the engine can establish (ownership of the
//! order, a catalogue product in the message). The plugin's own `describe()` export is
//! checked against this at load ([`super::LoadError::Description`]).

use std::collections::BTreeMap;

use serde::Deserialize;

pub use crate::domain::MoneyLimits;

/// The most linear memory any plugin may be granted (the pooling allocator's slot size).
pub const MAX_MEMORY_BYTES: u64 = 64 << 20;
/// The longest deadline any plugin may be granted.
pub const MAX_DEADLINE_MS: u64 = 5_000;
/// The largest key-value quota any plugin may be granted.
pub const MAX_KV_BYTES: u64 = 16 << 20;

/// A parsed, validated manifest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Who the plugin is.
    pub plugin: PluginInfo,
    /// What it may call.
    #[serde(default)]
    pub capabilities: Capabilities,
    /// What it may use.
    #[serde(default)]
    pub limits: Limits,
    /// Money it may move. Without this section the `refunds` import is denied.
    #[serde(default)]
    pub money: Option<MoneyLimits>,
    /// Where it may send HTTP requests. Without this section the `http` import is denied.
    #[serde(default)]
    pub http: Option<HttpGrant>,
    /// What the engine must have before calling the plugin, per intent (each key one of
    /// `plugin.intents`). An intent not listed needs nothing. Read it through
    /// [`Manifest::needs`].
    #[serde(default)]
    pub needs: BTreeMap<String, Vec<Need>>,
}

/// Something the engine must have before it calls a plugin for an intent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "String")]
pub enum Need {
    /// A slot, by its WIT name (`order-number`, `amount`, `address`, `email`, …): the engine
    /// asks the shopper for it when the message does not carry it.
    Slot(String),
    /// `owner`: the shopper proved they own the order in the `order-number` slot (the
    /// order's email, or a signed identity from the merchant's page).
    Owner,
    /// `product`: the message is about a product of the merchant's catalogue.
    Product,
}

impl From<String> for Need {
    fn from(name: String) -> Self {
        match name.as_str() {
            "owner" => Self::Owner,
            "product" => Self::Product,
            _ => Self::Slot(name),
        }
    }
}

impl std::fmt::Display for Need {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Slot(name) => f.write_str(name),
            Self::Owner => f.write_str("owner"),
            Self::Product => f.write_str("product"),
        }
    }
}

/// Outbound HTTP a plugin is granted.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpGrant {
    /// Origins (`https://api.example.com`, `http://127.0.0.1:9000`) requests may go to.
    pub allow: Vec<String>,
    /// Longest a request may take, in milliseconds (also bounded by the call's deadline).
    #[serde(default = "HttpGrant::default_timeout_ms")]
    pub timeout_ms: u64,
    /// Largest response body, in bytes.
    #[serde(default = "HttpGrant::default_max_response_bytes")]
    pub max_response_bytes: u64,
    /// Headers the host adds to requests to an origin, with values from the merchant's
    /// secrets (set through the admin API, `PUT /v1/admin/secrets/{name}`); the plugin
    /// never sees them.
    #[serde(default)]
    pub secrets: Vec<HttpSecret>,
}

/// A secret header added by the host.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSecret {
    /// The origin it is sent to (and only there).
    pub origin: String,
    /// The header, e.g. `Authorization`.
    pub header: String,
    /// The secret's name: its value is the plugin's merchant's secret of that name (only
    /// theirs; for the demo shop under `kefu serve --demo`, also `KEFU_SECRET_<NAME>`).
    pub name: String,
}

impl HttpGrant {
    fn default_timeout_ms() -> u64 {
        2_000
    }
    fn default_max_response_bytes() -> u64 {
        1 << 20
    }
}

/// `scheme://host[:port]` of `url`, lower-cased, without a default port; `None` if `url` is
/// not an absolute http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_string(),
        _ => authority,
    };
    Some(format!("{scheme}://{authority}"))
}

/// Identity and purpose.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluginInfo {
    /// Short name, unique per merchant (`orders`).
    pub name: String,
    /// The plugin's own version (semver).
    pub version: String,
    /// Intent labels this plugin serves.
    pub intents: Vec<String>,
}

/// Host imports the plugin is granted. All default to denied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    /// `log`: write to the merchant's plugin log.
    #[serde(default)]
    pub log: bool,
    /// `orders`: read the merchant's orders (status, items, tracking; never address or email).
    #[serde(default)]
    pub orders: bool,
    /// `orders.cancel-order`: cancel an order the shopper confirmed cancelling.
    #[serde(default)]
    pub order_changes: bool,
    /// `catalog`: search and read the merchant's products.
    #[serde(default)]
    pub catalog: bool,
    /// `kv`: a key-value store of the plugin's own (quota: `limits.kv_bytes`).
    #[serde(default)]
    pub kv: bool,
    /// `clock`: the time, frozen for the call.
    #[serde(default)]
    pub clock: bool,
}

/// Per-call limits.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Wall-clock budget per call, in milliseconds.
    #[serde(default = "Limits::default_deadline_ms")]
    pub deadline_ms: u64,
    /// Most linear memory, in bytes.
    #[serde(default = "Limits::default_memory_bytes")]
    pub memory_bytes: u64,
    /// Longest reply text, in bytes.
    #[serde(default = "Limits::default_output_bytes")]
    pub output_bytes: u64,
    /// Most host calls (imports) per invocation.
    #[serde(default = "Limits::default_host_calls")]
    pub host_calls: u32,
    /// Most bytes (keys plus values) the plugin may keep in its key-value store.
    #[serde(default = "Limits::default_kv_bytes")]
    pub kv_bytes: u64,
}

impl Limits {
    fn default_deadline_ms() -> u64 {
        50
    }
    fn default_memory_bytes() -> u64 {
        4 << 20
    }
    fn default_output_bytes() -> u64 {
        8 << 10
    }
    fn default_host_calls() -> u32 {
        32
    }
    fn default_kv_bytes() -> u64 {
        64 << 10
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            deadline_ms: Self::default_deadline_ms(),
            memory_bytes: Self::default_memory_bytes(),
            output_bytes: Self::default_output_bytes(),
            host_calls: Self::default_host_calls(),
            kv_bytes: Self::default_kv_bytes(),
        }
    }
}

/// Why a manifest was refused.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// Not valid TOML, or unknown/missing keys.
    #[error("invalid manifest: {0}")]
    Syntax(#[from] toml::de::Error),
    /// A value is outside what the host allows.
    #[error("invalid manifest: {0}")]
    Value(String),
}

impl Manifest {
    /// What the engine must have before calling the plugin for `intent`; empty for an
    /// intent the manifest lists no needs for (or does not serve).
    pub fn needs(&self, intent: &str) -> &[Need] {
        self.needs.get(intent).map_or(&[], Vec::as_slice)
    }

    /// The slots (not the engine's facts) named anywhere in `[needs]`.
    pub fn needed_slots(&self) -> impl Iterator<Item = &str> {
        self.needs.values().flatten().filter_map(|need| match need {
            Need::Slot(name) => Some(name.as_str()),
            Need::Owner | Need::Product => None,
        })
    }

    /// Parses and validates a manifest.
    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let m: Manifest = toml::from_str(text)?;
        let bad = |s: String| Err(ManifestError::Value(s));
        if m.plugin.name.is_empty()
            || !m
                .plugin
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return bad(format!(
                "plugin.name `{}` must be lower-case letters, digits and `-`",
                m.plugin.name
            ));
        }
        if m.plugin.intents.is_empty() {
            return bad("plugin.intents must name at least one intent".into());
        }
        for (intent, needs) in &m.needs {
            if !m.plugin.intents.contains(intent) {
                return bad(format!(
                    "needs.{intent}: `{intent}` is not one of plugin.intents {:?}",
                    m.plugin.intents
                ));
            }
            for need in needs {
                if let Need::Slot(name) = need
                    && (name.is_empty()
                        || !name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                {
                    return bad(format!(
                        "needs.{intent}: `{name}` must be a slot name (lower-case letters, digits and `-`), `owner` or `product`"
                    ));
                }
            }
        }
        if !(1..=MAX_DEADLINE_MS).contains(&m.limits.deadline_ms) {
            return bad(format!("limits.deadline_ms must be 1..={MAX_DEADLINE_MS}"));
        }
        if !(64 << 10..=MAX_MEMORY_BYTES).contains(&m.limits.memory_bytes) {
            return bad(format!(
                "limits.memory_bytes must be 65536..={MAX_MEMORY_BYTES}"
            ));
        }
        if m.limits.kv_bytes > MAX_KV_BYTES {
            return bad(format!("limits.kv_bytes must be at most {MAX_KV_BYTES}"));
        }
        if let Some(http) = &m.http {
            for origin in http
                .allow
                .iter()
                .chain(http.secrets.iter().map(|s| &s.origin))
            {
                if origin_of(origin).as_deref() != Some(origin.trim_end_matches('/')) {
                    return bad(format!(
                        "http origin `{origin}` must be scheme://host[:port], like https://api.example.com"
                    ));
                }
            }
            if !(1..=MAX_DEADLINE_MS).contains(&http.timeout_ms) {
                return bad(format!("http.timeout_ms must be 1..={MAX_DEADLINE_MS}"));
            }
            if http.max_response_bytes > 16 << 20 {
                return bad("http.max_response_bytes must be at most 16 MiB".into());
            }
        }
        if let Some(money) = &m.money {
            if money.currency.len() != 3 || !money.currency.chars().all(|c| c.is_ascii_uppercase())
            {
                return bad(format!(
                    "money.currency `{}` must be an ISO 4217 code like USD",
                    money.currency
                ));
            }
            if money.max_refund_minor > money.max_per_day_minor {
                return bad("money.max_refund_minor cannot exceed money.max_per_day_minor".into());
            }
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        "[plugin]\nname = \"orders\"\nversion = \"0.1.0\"\nintents = [\"track_order\"]\n";

    #[test]
    fn capabilities_are_denied_unless_granted() {
        let m = Manifest::parse(MINIMAL).unwrap();
        assert_eq!(m.capabilities, Capabilities::default());
        assert!(!m.capabilities.orders && !m.capabilities.log);
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let text = format!("{MINIMAL}[capabilities]\nnetwork = true\n");
        let err = Manifest::parse(&text).unwrap_err().to_string();
        assert!(err.contains("network"), "{err}");
    }

    #[test]
    fn limits_beyond_the_host_maximum_are_rejected() {
        let text = format!("{MINIMAL}[limits]\nmemory_bytes = 1_000_000_000\n");
        assert!(Manifest::parse(&text).is_err());
    }

    #[test]
    fn http_origins_are_checked() {
        assert_eq!(
            origin_of("https://API.example.com/v1?x=1").as_deref(),
            Some("https://api.example.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:9000/a").as_deref(),
            Some("http://127.0.0.1:9000")
        );
        assert_eq!(
            origin_of("https://example.com:443/").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(origin_of("https://user@evil.com/"), None);
        assert_eq!(origin_of("file:///etc/passwd"), None);
        let ok = format!("{MINIMAL}[http]\nallow = [\"https://api.example.com\"]\n");
        assert!(Manifest::parse(&ok).is_ok());
        let bad = format!("{MINIMAL}[http]\nallow = [\"https://api.example.com/path\"]\n");
        assert!(Manifest::parse(&bad).is_err());
    }

    #[test]
    fn the_shipped_orders_manifest_is_valid() {
        let m = Manifest::parse(include_str!("../../../plugins/orders/manifest.toml")).unwrap();
        assert!(m.capabilities.orders);
        assert_eq!(
            m.plugin.intents,
            ["track_order", "cancel_order", "change_shipping_address"]
        );
        assert!(m.capabilities.order_changes);
        assert_eq!(m.needs("track_order"), [Need::Slot("order-number".into())]);
        assert_eq!(
            m.needs("cancel_order"),
            [Need::Slot("order-number".into()), Need::Owner]
        );
    }

    #[test]
    fn needs_name_slots_and_the_engines_facts() {
        let text = format!(
            "{MINIMAL}[needs]\ntrack_order = [\"order-number\", \"owner\", \"product\", \"amount\"]\n"
        );
        let m = Manifest::parse(&text).unwrap();
        assert_eq!(
            m.needs("track_order"),
            [
                Need::Slot("order-number".into()),
                Need::Owner,
                Need::Product,
                Need::Slot("amount".into())
            ]
        );
        assert_eq!(
            m.needed_slots().collect::<Vec<_>>(),
            ["order-number", "amount"]
        );
        assert!(m.needs("cancel_order").is_empty(), "not listed: no needs");
        assert!(
            Manifest::parse(MINIMAL)
                .unwrap()
                .needs("track_order")
                .is_empty()
        );
    }

    #[test]
    fn needs_of_an_intent_the_plugin_does_not_serve_are_refused() {
        let text = format!("{MINIMAL}[needs]\ncancel_order = [\"order-number\"]\n");
        let err = Manifest::parse(&text).unwrap_err().to_string();
        assert!(err.contains("cancel_order"), "{err}");
        let text = format!("{MINIMAL}[needs]\ntrack_order = [\"Order Number\"]\n");
        let err = Manifest::parse(&text).unwrap_err().to_string();
        assert!(err.contains("Order Number"), "{err}");
    }

    #[test]
    fn every_shipped_manifest_is_valid() {
        for text in [
            include_str!("../../../plugins/refunds/manifest.toml"),
            include_str!("../../../plugins/catalog/manifest.toml"),
            include_str!("../../tests/fixtures/orders-0.1.0.toml"),
        ] {
            Manifest::parse(text).unwrap();
        }
        let template =
            include_str!("../plugin_template/manifest.toml.txt").replace("{name}", "returns");
        let m = Manifest::parse(&template).unwrap();
        // Starting a return reveals nothing an order number does not: no proof needed.
        assert_eq!(m.needs("return_item"), [Need::Slot("order-number".into())]);
    }
}
