//! A plugin's `manifest.toml`: what it serves, which host capabilities it is granted and the
//! limits it runs under. Parsed once at load; unknown keys and out-of-range limits are
//! errors then, not surprises on the first call. Everything not granted is denied.

use serde::Deserialize;

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
}

/// Caps on the money a plugin may move. The host enforces every one of them when the
/// plugin proposes an action and again when it issues the money.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyLimits {
    /// The only currency it may refund in (ISO 4217).
    pub currency: String,
    /// Largest single refund, in minor units. Larger proposals go to a human.
    pub max_refund_minor: u64,
    /// Most it may refund per merchant in a rolling 24 hours.
    pub max_per_day_minor: u64,
    /// Most it may refund to one shopper in a rolling 24 hours.
    pub max_per_shopper_minor: u64,
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
    fn the_shipped_orders_manifest_is_valid() {
        let m = Manifest::parse(include_str!("../../../plugins/orders/manifest.toml")).unwrap();
        assert!(m.capabilities.orders);
        assert_eq!(m.plugin.intents, ["track_order"]);
    }
}
