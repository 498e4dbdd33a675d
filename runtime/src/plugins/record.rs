//! Record and replay. Every plugin call runs over a [`Recorder`] that logs each answer the
//! host's data gave the plugin; with the call's input and frozen clock, that is everything
//! the plugin saw, so a [`Replayer`] fed the log reproduces the call bit for bit
//! (`kefu plugin replay <call-id>`), with a new build of the plugin if you like.
//!
//! Privacy: orders are logged without the shopper's email and address (plugins never see
//! them anyway), and the shopper's text and slots are logged with emails and phone numbers
//! masked unless the merchant records in full.

use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::host::MerchantData;
use super::manifest::MoneyLimits;
use crate::domain::{NewRefund, OrderChange, OrderRecord, ProductRecord, RefundRecord};

/// One answer the host's data gave during a call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostCall {
    /// Which data call (`order`, `search_products`, `issue_refund`, …).
    pub call: String,
    /// Its arguments.
    pub args: Value,
    /// What it returned.
    pub result: Value,
}

/// Forwards to the real data and logs every answer.
#[derive(Debug)]
pub struct Recorder {
    inner: Arc<dyn MerchantData>,
    log: Mutex<Vec<HostCall>>,
}

impl Recorder {
    /// Records calls to `inner`.
    pub fn new(inner: Arc<dyn MerchantData>) -> Self {
        Self {
            inner,
            log: Mutex::default(),
        }
    }

    /// The answers logged so far.
    pub fn take(&self) -> Vec<HostCall> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn log<T: Serialize>(&self, call: &str, args: Value, result: &T) {
        let result = serde_json::to_value(result).unwrap_or(Value::Null);
        self.log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(HostCall {
                call: call.into(),
                args,
                result,
            });
    }
}

/// An order change as logged: the new address is the shopper's, so it is masked.
fn logged_change(id: &str, change: &OrderChange) -> Value {
    match change {
        OrderChange::Cancel => serde_json::json!([id, "cancel"]),
        OrderChange::Address(_) => serde_json::json!([id, "address", "[address]"]),
    }
}

/// What a plugin may see of an order, as logged: the shopper's email and address removed.
fn redact_order(o: &OrderRecord) -> OrderRecord {
    OrderRecord {
        email: String::new(),
        shipping_address: None,
        ..o.clone()
    }
}

impl MerchantData for Recorder {
    fn order(&self, merchant: &str, id: &str) -> Result<Option<OrderRecord>, String> {
        let r = self.inner.order(merchant, id);
        let logged = r.as_ref().map(|o| o.as_ref().map(redact_order));
        self.log("order", serde_json::json!([id]), &logged);
        r
    }

    fn change_order(
        &self,
        merchant: &str,
        id: &str,
        change: &OrderChange,
    ) -> Result<Result<(), String>, String> {
        let r = self.inner.change_order(merchant, id, change);
        self.log("change_order", logged_change(id, change), &r);
        r
    }

    fn search_products(
        &self,
        merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ProductRecord>, String> {
        let r = self.inner.search_products(merchant, query, limit);
        self.log("search_products", serde_json::json!([query, limit]), &r);
        r
    }

    fn product(&self, merchant: &str, sku: &str) -> Result<Option<ProductRecord>, String> {
        let r = self.inner.product(merchant, sku);
        self.log("product", serde_json::json!([sku]), &r);
        r
    }

    fn refunds_for_order(&self, merchant: &str, order: &str) -> Result<Vec<RefundRecord>, String> {
        let r = self.inner.refunds_for_order(merchant, order);
        self.log("refunds_for_order", serde_json::json!([order]), &r);
        r
    }

    fn issue_refund(
        &self,
        refund: &NewRefund,
        limits: &MoneyLimits,
    ) -> Result<Result<String, String>, String> {
        let r = self.inner.issue_refund(refund, limits);
        let args = serde_json::json!([refund.order_id, refund.amount_minor, refund.currency]);
        self.log("issue_refund", args, &r);
        r
    }

    fn kv_get(&self, merchant: &str, plugin: &str, key: &str) -> Result<Option<Vec<u8>>, String> {
        let r = self.inner.kv_get(merchant, plugin, key);
        self.log("kv_get", serde_json::json!([key]), &r);
        r
    }

    fn kv_set(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
        value: &[u8],
        quota: u64,
    ) -> Result<bool, String> {
        let r = self.inner.kv_set(merchant, plugin, key, value, quota);
        self.log("kv_set", serde_json::json!([key, value]), &r);
        r
    }

    fn kv_delete(&self, merchant: &str, plugin: &str, key: &str) -> Result<(), String> {
        let r = self.inner.kv_delete(merchant, plugin, key);
        self.log("kv_delete", serde_json::json!([key]), &r);
        r
    }
}

/// Answers a plugin's data calls from a log, in order, and notices when the plugin asks
/// for something else than it did when recorded (a replay that diverged).
#[derive(Debug)]
pub struct Replayer {
    log: Mutex<std::collections::VecDeque<HostCall>>,
    diverged: Mutex<Option<String>>,
}

impl Replayer {
    /// Replays `log`.
    pub fn new(log: Vec<HostCall>) -> Self {
        Self {
            log: Mutex::new(log.into()),
            diverged: Mutex::default(),
        }
    }

    /// How the replay left the recording, if it did.
    pub fn divergence(&self) -> Option<String> {
        self.diverged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn next<T: for<'de> Deserialize<'de>>(&self, call: &str, args: Value) -> Result<T, String> {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        let differs = |why: String| {
            let mut d = self.diverged.lock().unwrap_or_else(|e| e.into_inner());
            d.get_or_insert(why.clone());
            Err(format!("replay diverged: {why}"))
        };
        match log.pop_front() {
            Some(h) if h.call == call && h.args == args => {
                serde_json::from_value(h.result).map_err(|e| format!("replay log is corrupt: {e}"))
            }
            Some(h) => differs(format!(
                "the plugin called {call}{args} where the recording has {}{}",
                h.call, h.args
            )),
            None => differs(format!(
                "the plugin called {call}{args} after the recording ended"
            )),
        }
    }
}

impl MerchantData for Replayer {
    fn order(&self, _merchant: &str, id: &str) -> Result<Option<OrderRecord>, String> {
        self.next::<Result<Option<OrderRecord>, String>>("order", serde_json::json!([id]))?
    }

    fn change_order(
        &self,
        _merchant: &str,
        id: &str,
        change: &OrderChange,
    ) -> Result<Result<(), String>, String> {
        // Replays never change orders: the recorded answer is returned.
        self.next::<Result<_, String>>("change_order", logged_change(id, change))?
    }

    fn search_products(
        &self,
        _merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ProductRecord>, String> {
        self.next::<Result<_, String>>("search_products", serde_json::json!([query, limit]))?
    }

    fn product(&self, _merchant: &str, sku: &str) -> Result<Option<ProductRecord>, String> {
        self.next::<Result<_, String>>("product", serde_json::json!([sku]))?
    }

    fn refunds_for_order(&self, _merchant: &str, order: &str) -> Result<Vec<RefundRecord>, String> {
        self.next::<Result<_, String>>("refunds_for_order", serde_json::json!([order]))?
    }

    fn issue_refund(
        &self,
        refund: &NewRefund,
        _limits: &MoneyLimits,
    ) -> Result<Result<String, String>, String> {
        // Replays never move money: the recorded answer is returned, nothing is issued.
        let args = serde_json::json!([refund.order_id, refund.amount_minor, refund.currency]);
        self.next::<Result<_, String>>("issue_refund", args)?
    }

    fn kv_get(&self, _m: &str, _p: &str, key: &str) -> Result<Option<Vec<u8>>, String> {
        self.next::<Result<_, String>>("kv_get", serde_json::json!([key]))?
    }

    fn kv_set(
        &self,
        _m: &str,
        _p: &str,
        key: &str,
        value: &[u8],
        _quota: u64,
    ) -> Result<bool, String> {
        self.next::<Result<_, String>>("kv_set", serde_json::json!([key, value]))?
    }

    fn kv_delete(&self, _m: &str, _p: &str, key: &str) -> Result<(), String> {
        self.next::<Result<_, String>>("kv_delete", serde_json::json!([key]))?
    }
}

/// `text` with email addresses and phone numbers masked.
pub fn redact_text(text: &str) -> String {
    use kefu_intent::slots::{self, SlotKind};
    let mut found: Vec<_> = slots::extract(text)
        .into_iter()
        .filter(|s| matches!(s.kind, SlotKind::Email | SlotKind::PhoneNumber))
        .collect();
    found.sort_by_key(|s| std::cmp::Reverse(s.start));
    let mut out = text.to_string();
    for s in found {
        let mask = if s.kind == SlotKind::Email {
            "[email]"
        } else {
            "[phone]"
        };
        out.replace_range(s.start..s.end, mask);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_phones_are_masked() {
        assert_eq!(
            redact_text("refund 1003, I'm carlos@example.com, call +1 415 555 0100"),
            "refund 1003, I'm [email], call [phone]"
        );
        assert_eq!(redact_text("where is 1001"), "where is 1001");
    }
}
