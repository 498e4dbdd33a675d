//! The plugin host's own types: what a plugin is asked ([`PluginRequest`], [`CallInput`]),
//! what it answers ([`PluginReply`], [`Proposal`], [`Description`]), what a call cost
//! ([`CallStats`]), and where time and secrets come from ([`Clock`], [`Secrets`],
//! [`MerchantSecrets`]). No WIT
//! type appears here: `conversions.rs` translates.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use kefu_protocol::Card;

use super::error::CallError;
use super::manifest::Manifest;
use super::record;

/// One shopper turn for a plugin.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginRequest {
    /// The intent being served.
    pub intent: String,
    /// `en` or `zh`.
    pub locale: String,
    /// The shopper's message.
    pub text: String,
    /// Filled slots, by WIT name (`order-number`, `email`).
    pub slots: Vec<(String, String)>,
    /// Whether the shopper proved they own the order in the `order-number` slot.
    pub owner_verified: bool,
}

/// Something a plugin proposes that needs the shopper's consent before `commit`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Proposal {
    /// Give money back.
    Refund {
        /// The order refunded.
        order_id: String,
        /// Exactly how much, in minor units.
        amount_minor: u64,
        /// ISO 4217.
        currency: String,
        /// Why, for the merchant's records.
        reason: String,
        /// What the shopper agrees to, in their language.
        terms: String,
    },
    /// Send an order that has not shipped somewhere else.
    ChangeAddress {
        /// The order.
        order_id: String,
        /// The new address.
        address: String,
        /// What happens, in the shopper's language.
        terms: String,
    },
    /// Cancel an order that has not shipped.
    CancelOrder {
        /// The order.
        order_id: String,
        /// What the shopper gets back, in minor units.
        amount_minor: u64,
        /// ISO 4217.
        currency: String,
        /// What happens, in the shopper's language.
        terms: String,
    },
}

impl Proposal {
    /// The order it is about.
    pub fn order_id(&self) -> &str {
        match self {
            Self::Refund { order_id, .. }
            | Self::CancelOrder { order_id, .. }
            | Self::ChangeAddress { order_id, .. } => order_id,
        }
    }

    /// The money it moves, in minor units, and its currency.
    pub fn amount(&self) -> (u64, &str) {
        match self {
            Self::Refund {
                amount_minor,
                currency,
                ..
            }
            | Self::CancelOrder {
                amount_minor,
                currency,
                ..
            } => (*amount_minor, currency),
            Self::ChangeAddress { .. } => (0, ""),
        }
    }

    /// What the shopper agrees to.
    pub fn terms(&self) -> &str {
        match self {
            Self::Refund { terms, .. }
            | Self::CancelOrder { terms, .. }
            | Self::ChangeAddress { terms, .. } => terms,
        }
    }

    /// The intent it serves.
    pub fn intent(&self) -> &'static str {
        match self {
            Self::Refund { .. } => "get_refund",
            Self::CancelOrder { .. } => "cancel_order",
            Self::ChangeAddress { .. } => "change_shipping_address",
        }
    }
}

/// What a plugin says it serves: its `describe()` export, in kefu's own types. Checked
/// against the manifest at load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Description {
    /// Intent labels it answers.
    pub intents: Vec<String>,
    /// Slots it accepts, by WIT name (`order-number`); every slot `[needs]` names is here.
    pub slots: Vec<String>,
}

impl Description {
    /// Why this description does not fit `manifest`, if it does not: the intents must be
    /// the manifest's (as sets), and every slot the manifest's `[needs]` names must be
    /// among the slots (it may list more).
    pub(super) fn mismatch(&self, manifest: &Manifest) -> Option<String> {
        use std::collections::BTreeSet;
        let list = |set: BTreeSet<&str>| set.into_iter().collect::<Vec<_>>().join(", ");
        let said: BTreeSet<&str> = self.intents.iter().map(String::as_str).collect();
        let listed: BTreeSet<&str> = manifest.plugin.intents.iter().map(String::as_str).collect();
        if said != listed {
            return Some(format!(
                "describe() says intents [{}] but manifest.toml says [{}]",
                list(said),
                list(listed)
            ));
        }
        let missing: BTreeSet<&str> = manifest
            .needed_slots()
            .filter(|slot| !self.slots.iter().any(|s| s == slot))
            .collect();
        if !missing.is_empty() {
            return Some(format!(
                "manifest.toml [needs] names slots [{}] but describe() says slots [{}]",
                list(missing),
                list(self.slots.iter().map(String::as_str).collect())
            ));
        }
        None
    }
}

/// A plugin's answer in kefu's own types.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginReply {
    /// Plain text.
    pub text: String,
    /// Cards to render.
    pub cards: Vec<Card>,
    /// An action to confirm with the shopper.
    pub proposal: Option<Proposal>,
}

/// What one call cost and did, for the audit log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallStats {
    /// Wall-clock time, microseconds.
    pub micros: u64,
    /// Host imports called.
    pub host_calls: u32,
    /// The most linear memory the plugin had, in bytes.
    pub peak_memory: u64,
    /// Refund references issued during the call.
    pub refunds_issued: Vec<String>,
    /// The call's frozen time, Unix milliseconds.
    pub now_ms: u64,
    /// Every answer the host's data gave the plugin, in order (for replay).
    pub host_log: Vec<record::HostCall>,
}

/// What a plugin was asked, as recorded for replay.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "export", rename_all = "snake_case")]
pub enum CallInput {
    /// `handle(request)`.
    Handle {
        /// The intent.
        intent: String,
        /// `en` or `zh`.
        locale: String,
        /// The shopper's message.
        text: String,
        /// Filled slots.
        slots: Vec<(String, String)>,
        /// Ownership proven.
        owner_verified: bool,
    },
    /// `commit(action)`.
    Commit {
        /// The confirmed action's id.
        action_id: String,
        /// What was confirmed.
        action: Proposal,
        /// Who it is for.
        shopper: String,
    },
}

impl CallInput {
    /// The input of `handle(request)`.
    pub fn handle(r: &PluginRequest) -> Self {
        Self::Handle {
            intent: r.intent.clone(),
            locale: r.locale.clone(),
            text: r.text.clone(),
            slots: r.slots.clone(),
            owner_verified: r.owner_verified,
        }
    }
}

/// A call's outcome in a stable, comparable form (for the record and replays).
pub fn outcome_json(result: &Result<PluginReply, CallError>) -> serde_json::Value {
    match result {
        Ok(r) => serde_json::json!({ "text": r.text, "cards": r.cards, "proposal": r.proposal }),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
}

/// Where the time plugins see comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, read once at the start of each call.
    System,
    /// A fixed time (Unix milliseconds): tests, replays.
    Fixed(u64),
}

impl Clock {
    pub(super) fn now_ms(self) -> u64 {
        match self {
            Self::System => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64),
            Self::Fixed(ms) => ms,
        }
    }
}

/// Where a merchant's secrets come from, for the host: implemented over the encrypted store
/// by the runtime (`crate::secrets`); called from the blocking thread a plugin runs on.
/// Errors are messages for the log.
pub trait MerchantSecrets: Send + Sync + std::fmt::Debug + 'static {
    /// The value of `merchant`'s secret `name`, if they set one.
    fn secret(&self, merchant: &str, name: &str) -> Result<Option<String>, String>;
}

/// Where the values of secrets named in manifests (`[[http.secrets]]`) come from. A lookup
/// always names the merchant whose plugin is calling (the host's binding, not anything the
/// plugin says), so a plugin can only ever get its own merchant's secrets.
#[derive(Debug, Clone, Default)]
pub enum Secrets {
    /// None at all: every lookup finds nothing (a host nobody gave secrets).
    #[default]
    None,
    /// Each merchant's own secrets (`store`, set through the admin API) and, for one
    /// merchant only (`environment_for`: the demo shop under `kefu serve --demo`),
    /// `KEFU_SECRET_<NAME>` from the runtime's environment when the store has none. The
    /// environment is the operator's, not a merchant's: offered to every merchant, any
    /// shop's manifest could name a variable set for another and send it to its own
    /// origin.
    PerMerchant {
        /// Merchants' stored secrets, if the runtime keeps any.
        store: Option<Arc<dyn MerchantSecrets>>,
        /// The one merchant that may read the runtime's environment.
        environment_for: Option<String>,
    },
    /// A fixed table, the same for every merchant (tests).
    Fixed(HashMap<String, String>),
}

impl Secrets {
    /// The value of `merchant`'s secret `name`. A store failure or a value that does not
    /// decrypt is logged and finds nothing (the plugin's request then fails as
    /// `unavailable`, never goes out without its secret).
    pub fn get(&self, merchant: &str, name: &str) -> Option<String> {
        match self {
            Self::None => None,
            Self::PerMerchant {
                store,
                environment_for,
            } => {
                let stored = store.as_ref().and_then(|s| match s.secret(merchant, name) {
                    Ok(value) => value,
                    Err(e) => {
                        tracing::error!(%merchant, secret = %name, error = %e, "secret lookup failed");
                        None
                    }
                });
                stored.or_else(|| {
                    environment_for
                        .as_deref()
                        .filter(|m| *m == merchant)
                        .and_then(|_| {
                            std::env::var(format!("KEFU_SECRET_{}", name.to_ascii_uppercase())).ok()
                        })
                })
            }
            Self::Fixed(table) => table.get(name).cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Table(Vec<(&'static str, &'static str, &'static str)>);

    impl MerchantSecrets for Table {
        fn secret(&self, merchant: &str, name: &str) -> Result<Option<String>, String> {
            Ok(self
                .0
                .iter()
                .find(|(m, n, _)| *m == merchant && *n == name)
                .map(|(_, _, v)| v.to_string()))
        }
    }

    #[test]
    fn a_merchants_lookup_never_finds_another_merchants_secret() {
        let secrets = Secrets::PerMerchant {
            store: Some(Arc::new(Table(vec![("shop-a", "token", "a-value")]))),
            environment_for: Some("demo".into()),
        };
        assert_eq!(secrets.get("shop-a", "token").as_deref(), Some("a-value"));
        assert_eq!(secrets.get("shop-b", "token"), None);
        // The demo reads the environment only after its own stored secrets: it finds
        // nothing of shop-a's either.
        assert_eq!(secrets.get("demo", "token"), None);
        assert_eq!(Secrets::None.get("shop-a", "token"), None);
    }
}
