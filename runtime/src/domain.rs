//! The records kefu's parts share: orders and products as the merchant's data holds them,
//! refunds, the money caps a plugin runs under, proposed actions and the plugin audit log.
//!
//! Below both the store (which keeps them) and the plugin host (whose imports hand them to
//! plugins and whose calls produce them): both import from here and neither from the
//! other. Plain data: no SQL, no WIT, no wasmtime.

use serde::{Deserialize, Serialize};

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderItem {
    /// Stock-keeping unit.
    pub sku: String,
    /// Product name at the time of the order.
    pub name: String,
    /// How many.
    pub quantity: u32,
}

/// An order as the merchant's data holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRecord {
    /// The merchant's order number.
    pub id: String,
    /// The buyer's email (never handed to plugins without a grant).
    pub email: String,
    /// `processing`, `shipped`, `delivered`, `cancelled`, `returned`.
    pub status: String,
    /// Carrier, once shipped.
    pub carrier: Option<String>,
    /// Tracking number, once shipped.
    pub tracking_number: Option<String>,
    /// Expected delivery date.
    pub eta: Option<String>,
    /// The day the carrier marked it delivered (ISO 8601), once it did.
    #[serde(default)]
    pub delivered_on: Option<String>,
    /// Total in minor units.
    pub total_minor: u64,
    /// ISO 4217 currency.
    pub currency: String,
    /// What was ordered.
    pub items: Vec<OrderItem>,
    /// Where it goes (never handed to plugins without a grant).
    pub shipping_address: Option<String>,
}

/// A change to an order that has not shipped yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderChange {
    /// Cancel it.
    Cancel,
    /// Send it to this address instead.
    Address(String),
}

/// A product of a merchant's catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRecord {
    /// Stock-keeping unit.
    pub sku: String,
    /// Name.
    pub name: String,
    /// Name in Chinese.
    pub name_zh: Option<String>,
    /// Description.
    pub description: String,
    /// Description in Chinese.
    pub description_zh: Option<String>,
    /// Price in minor units.
    pub price_minor: u64,
    /// ISO 4217.
    pub currency: String,
    /// Units in stock.
    pub stock: u32,
}

/// A refund issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRecord {
    /// Its reference.
    pub reference: String,
    /// The order refunded.
    pub order_id: String,
    /// How much, minor units.
    pub amount_minor: u64,
    /// ISO 4217.
    pub currency: String,
    /// Unix milliseconds.
    pub issued_at: u64,
}

/// A refund to issue (see [`Store::issue_refund`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRefund {
    /// Whose money.
    pub merchant: String,
    /// The plugin issuing it.
    pub plugin: String,
    /// The confirmed action it carries out (at most one refund per action).
    pub action_id: String,
    /// The order.
    pub order_id: String,
    /// How much, minor units.
    pub amount_minor: u64,
    /// ISO 4217.
    pub currency: String,
    /// Why.
    pub reason: String,
    /// Who gets it (verified email).
    pub shopper: String,
    /// The call's frozen time, Unix milliseconds.
    pub now_ms: u64,
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

/// Where a proposed action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    /// Shown to the shopper, awaiting their answer.
    Proposed,
    /// Carried out.
    Committed,
    /// The shopper said no (or moved on).
    Cancelled,
    /// Carrying it out failed.
    Failed,
}

impl ActionState {
    /// Its name in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Committed => "committed",
            Self::Cancelled => "cancelled",
            Self::Failed => "failed",
        }
    }

    /// The state named `s` in the database.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "proposed" => Self::Proposed,
            "committed" => Self::Committed,
            "cancelled" => Self::Cancelled,
            "failed" => Self::Failed,
            _ => return None,
        })
    }
}

/// An action a plugin proposed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRecord {
    /// Random id.
    pub id: String,
    /// Conversation it was proposed in.
    pub conversation_id: String,
    /// The plugin that proposed it (and will commit it).
    pub plugin: String,
    /// That plugin's version.
    pub plugin_version: String,
    /// The proposal as JSON (`plugins::Proposal`).
    pub proposal: String,
    /// The verified shopper.
    pub shopper: String,
    /// Where it stands.
    pub state: ActionState,
}

/// One row of the plugin audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Row id: the call id `kefu plugin replay` takes.
    pub id: i64,
    /// Merchant.
    pub merchant_id: String,
    /// Plugin name.
    pub plugin: String,
    /// Plugin version.
    pub plugin_version: String,
    /// Conversation, if the call served one. Shown (in the admin API's audit output) only
    /// as its [`conversation_ref`]: a conversation id is the shopper's only credential to
    /// the chat, and whoever reads the audit log must not be able to open it.
    #[serde(rename = "conversation", serialize_with = "serialize_conversation_ref")]
    pub conversation_id: Option<String>,
    /// `handle` or `commit`.
    pub export: String,
    /// The intent served.
    pub intent: Option<String>,
    /// Host imports called.
    pub host_calls: u32,
    /// Wall-clock microseconds.
    pub micros: u64,
    /// Most linear memory the plugin had, bytes.
    pub peak_memory: u64,
    /// Money proposed, minor units.
    pub proposed_minor: Option<u64>,
    /// Money issued, minor units.
    pub committed_minor: Option<u64>,
    /// Currency of the above.
    pub currency: Option<String>,
    /// `ok`, `not_found`, `timeout`, …
    pub outcome: String,
}

/// How the audit output names a conversation: `c_` and 16 hex digits of a SHA-256 of its
/// id. Calls of one conversation share it, but it does not open the conversation (its id
/// is 122 random bits, so it cannot be found from this either).
pub fn conversation_ref(id: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("kefu-audit|{id}").as_bytes());
    format!("c_{}", hex::encode(&digest[..8]))
}

fn serialize_conversation_ref<S: serde::Serializer>(
    id: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match id {
        Some(id) => s.serialize_some(&conversation_ref(id)),
        None => s.serialize_none(),
    }
}

/// What `kefu plugin replay` needs of a recorded call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallRecording {
    /// The call's audit entry.
    pub entry: AuditEntry,
    /// JSON of `plugins::CallInput`.
    pub input: String,
    /// The frozen clock.
    pub now_ms: u64,
    /// JSON array of `plugins::record::HostCall`.
    pub host_log: String,
    /// JSON of the outcome (`plugins::outcome_json`).
    pub result: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_output_hides_conversation_ids() {
        let id = "7f1c2a9e-4b0d-4c55-9a43-1d2e3f405162";
        let entry = AuditEntry {
            conversation_id: Some(id.into()),
            ..AuditEntry::default()
        };
        let json = serde_json::to_string(&entry).unwrap();
        assert!(!json.contains(id), "{json}");
        assert!(!json.contains("7f1c2a9e"), "{json}");
        let shown = serde_json::to_value(&entry).unwrap()["conversation"].clone();
        assert_eq!(shown, serde_json::json!(conversation_ref(id)));
        // Calls of one conversation still group together; others do not.
        assert_eq!(conversation_ref(id), conversation_ref(id));
        assert_ne!(conversation_ref(id), conversation_ref("another"));
        let none = serde_json::to_value(AuditEntry::default()).unwrap();
        assert_eq!(none["conversation"], serde_json::Value::Null);
    }
}
