//! The host side of the plugin imports: what a plugin can ask kefu for, checked against its
//! manifest on every call. A denied or exhausted capability is a WIT `host-error`, which the
//! plugin can handle; traps are reserved for limits the plugin cannot be trusted to respect.

use std::sync::Arc;

use super::Proposal;
use super::bindings::kefu::plugin::{catalog, clock, http, kv, log, orders, refunds, types};
use super::bindings::v0_1;
use super::conversions::{
    host_error_to_v0_1, order_to_v0_1, order_to_wit, product_to_wit, refund_to_wit,
};
use super::manifest::{Capabilities, HttpGrant, Limits, MoneyLimits};
use super::outbound::{self, OutboundError, OutboundPolicy, OutboundRequest};
use crate::domain::{NewRefund, OrderChange, OrderRecord, ProductRecord, RefundRecord};

/// Where plugins' merchant data comes from. Implemented over the store by the runtime;
/// called from the blocking thread a plugin runs on. Errors are messages for the log.
pub trait MerchantData: Send + Sync + std::fmt::Debug + 'static {
    /// One order of `merchant`.
    fn order(&self, merchant: &str, id: &str) -> Result<Option<OrderRecord>, String>;
    /// Applies `change` to an order that has not shipped, atomically; `Ok(Err(why))` if it
    /// has.
    fn change_order(
        &self,
        merchant: &str,
        id: &str,
        change: &OrderChange,
    ) -> Result<Result<(), String>, String>;
    /// Products of `merchant` matching `query`, best first.
    fn search_products(
        &self,
        merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ProductRecord>, String>;
    /// One product of `merchant`.
    fn product(&self, merchant: &str, sku: &str) -> Result<Option<ProductRecord>, String>;
    /// Refunds issued on one order.
    fn refunds_for_order(&self, merchant: &str, order: &str) -> Result<Vec<RefundRecord>, String>;
    /// Records a refund if it stays within `limits` and the order's total; atomically.
    /// `Ok(Err(why))` when a limit refuses it.
    fn issue_refund(
        &self,
        refund: &NewRefund,
        limits: &MoneyLimits,
    ) -> Result<Result<String, String>, String>;
    /// A value of the plugin's key-value store.
    fn kv_get(&self, merchant: &str, plugin: &str, key: &str) -> Result<Option<Vec<u8>>, String>;
    /// Sets a value if the plugin's store stays within `quota` bytes. `Ok(false)`: over quota.
    fn kv_set(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
        value: &[u8],
        quota: u64,
    ) -> Result<bool, String>;
    /// Deletes a value.
    fn kv_delete(&self, merchant: &str, plugin: &str, key: &str) -> Result<(), String>;
}

/// What a call is for: serving a turn, or carrying out a confirmed action.
#[derive(Debug, Clone)]
pub enum Phase {
    /// `handle`: no money may move.
    Handle,
    /// `commit` of the action the shopper confirmed.
    Commit {
        /// The confirmed action's id (a refund is issued at most once per action).
        action_id: String,
        /// What the shopper confirmed.
        confirmed: Proposal,
        /// Who the money goes to (the verified email), for per-shopper caps.
        shopper: String,
    },
}

/// Longest key a plugin may use in its key-value store.
const MAX_KV_KEY: usize = 256;

/// Longest log line kept; longer lines are cut.
const MAX_LOG_LINE: usize = 1024;
/// Most log lines kept per call; more are dropped.
const MAX_LOG_LINES: u32 = 32;

/// Caps linear memory and remembers whether the cap was hit, so a failed allocation that
/// ends in a guest abort is reported as what it was.
///
/// The cap is on the sum of all the call's memories, not on each: a component may define
/// several (one per core module it instantiates, up to the pooling allocator's per-component
/// limit), and a per-memory cap would let it use that many times what its manifest grants.
/// wasmtime asks before creating a memory too (`current` 0), so the sum of every growth is
/// the memory the call holds.
#[derive(Debug)]
pub struct MemoryCap {
    max: usize,
    exceeded: bool,
    peak: usize,
    total: usize,
}

impl MemoryCap {
    /// A cap of `max` bytes over all of a call's memories.
    pub fn new(max: usize) -> Self {
        Self {
            max,
            exceeded: false,
            peak: 0,
            total: 0,
        }
    }

    /// Whether the guest asked for more than its cap during this call.
    pub fn exceeded(&self) -> bool {
        self.exceeded
    }

    /// The most linear memory the guest had during this call, in bytes.
    pub fn peak(&self) -> usize {
        self.peak
    }
}

impl wasmtime::ResourceLimiter for MemoryCap {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _max: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let total = self.total - current.min(self.total) + desired;
        if total > self.max {
            self.exceeded = true;
            return Ok(false);
        }
        self.total = total;
        self.peak = self.peak.max(total);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _max: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= 10_000)
    }
}

/// Everything one plugin call may touch. Built fresh for every call.
pub struct HostState {
    merchant: String,
    plugin: String,
    capabilities: Capabilities,
    money: Option<MoneyLimits>,
    http: Option<HttpGrant>,
    deadline: std::time::Instant,
    secrets: Arc<super::Secrets>,
    outbound: Arc<OutboundPolicy>,
    kv_quota: u64,
    data: Arc<dyn MerchantData>,
    phase: Phase,
    /// The call's frozen time, Unix milliseconds.
    now_ms: u64,
    host_calls_left: u32,
    pub(super) host_calls_made: u32,
    log_lines_left: u32,
    /// Refund references issued during this call.
    pub(super) issued: Vec<String>,
    pub(super) memory: MemoryCap,
}

/// What a call runs with, besides the plugin's manifest.
pub(super) struct CallContext {
    pub merchant: String,
    pub plugin: String,
    pub capabilities: Capabilities,
    pub money: Option<MoneyLimits>,
    pub http: Option<HttpGrant>,
    pub deadline: std::time::Instant,
    pub secrets: Arc<super::Secrets>,
    pub outbound: Arc<OutboundPolicy>,
    pub limits: Limits,
    pub phase: Phase,
    pub now_ms: u64,
}

impl HostState {
    pub(super) fn new(cx: CallContext, data: Arc<dyn MerchantData>) -> Self {
        Self {
            merchant: cx.merchant,
            plugin: cx.plugin,
            capabilities: cx.capabilities,
            money: cx.money,
            http: cx.http,
            deadline: cx.deadline,
            secrets: cx.secrets,
            outbound: cx.outbound,
            kv_quota: cx.limits.kv_bytes,
            data,
            phase: cx.phase,
            now_ms: cx.now_ms,
            host_calls_left: cx.limits.host_calls,
            host_calls_made: 0,
            log_lines_left: MAX_LOG_LINES,
            issued: Vec::new(),
            memory: MemoryCap::new(cx.limits.memory_bytes as usize),
        }
    }

    fn denied(capability: &str) -> types::HostError {
        types::HostError::AccessDenied(format!(
            "the `{capability}` capability is not granted in this plugin's manifest"
        ))
    }

    fn unavailable(&self, what: &str, error: &str) -> types::HostError {
        tracing::warn!(merchant = %self.merchant, plugin = %self.plugin, error, "{what} failed");
        types::HostError::Unavailable(format!("{what} is unavailable right now"))
    }

    fn spend_host_call(&mut self) -> Result<(), types::HostError> {
        if self.host_calls_left == 0 {
            return Err(types::HostError::Unavailable(
                "host call budget for this turn is spent".into(),
            ));
        }
        self.host_calls_left -= 1;
        self.host_calls_made += 1;
        Ok(())
    }

    fn get_order(&mut self, id: String) -> Result<types::Order, types::HostError> {
        if !self.capabilities.orders {
            return Err(Self::denied("orders"));
        }
        self.spend_host_call()?;
        match self.data.order(&self.merchant, &id) {
            Ok(Some(order)) => Ok(order_to_wit(order)),
            Ok(None) => Err(types::HostError::NotFound),
            Err(e) => Err(self.unavailable("order data", &e)),
        }
    }

    /// `orders.cancel-order` and `orders.change-address`: only with the `order_changes`
    /// grant, only in `commit`, and only the change the shopper confirmed.
    fn change_order(&mut self, id: String, change: OrderChange) -> Result<(), types::HostError> {
        if !self.capabilities.order_changes {
            return Err(Self::denied("order_changes"));
        }
        self.spend_host_call()?;
        let confirmed = match (&self.phase, &change) {
            (
                Phase::Commit {
                    confirmed: Proposal::CancelOrder { order_id, .. },
                    ..
                },
                OrderChange::Cancel,
            ) => *order_id == id,
            (
                Phase::Commit {
                    confirmed:
                        Proposal::ChangeAddress {
                            order_id, address, ..
                        },
                    ..
                },
                OrderChange::Address(new),
            ) => *order_id == id && address == new,
            _ => false,
        };
        let done = match change {
            OrderChange::Cancel => format!("cancellation of {id}"),
            OrderChange::Address(_) => format!("new address for {id}"),
        };
        if !confirmed {
            return Err(types::HostError::AccessDenied(match change {
                OrderChange::Cancel => "an order is only cancelled in `commit`, after the shopper confirmed cancelling it".into(),
                OrderChange::Address(_) => {
                    "an address is only changed in `commit`, to the one the shopper confirmed".into()
                }
            }));
        }
        match self.data.change_order(&self.merchant, &id, &change) {
            Ok(Ok(())) => {
                self.issued.push(done);
                Ok(())
            }
            Ok(Err(why)) => Err(types::HostError::LimitExceeded(why)),
            Err(e) => Err(self.unavailable("order data", &e)),
        }
    }

    fn kv_key_ok(key: &str) -> Result<(), types::HostError> {
        if key.is_empty() || key.len() > MAX_KV_KEY {
            return Err(types::HostError::LimitExceeded(format!(
                "keys must be 1 to {MAX_KV_KEY} bytes"
            )));
        }
        Ok(())
    }
}

impl types::Host for HostState {}

impl log::Host for HostState {
    fn log(&mut self, level: log::Level, mut message: String) {
        if !self.capabilities.log || self.log_lines_left == 0 {
            return;
        }
        self.log_lines_left -= 1;
        if message.len() > MAX_LOG_LINE {
            let mut cut = MAX_LOG_LINE;
            while !message.is_char_boundary(cut) {
                cut -= 1;
            }
            message.truncate(cut);
        }
        let (merchant, plugin) = (&self.merchant, &self.plugin);
        match level {
            log::Level::Debug => {
                tracing::debug!(target: "kefu::plugin", merchant, plugin, "{message}")
            }
            log::Level::Info => {
                tracing::info!(target: "kefu::plugin", merchant, plugin, "{message}")
            }
            log::Level::Warn => {
                tracing::warn!(target: "kefu::plugin", merchant, plugin, "{message}")
            }
            log::Level::Error => {
                tracing::error!(target: "kefu::plugin", merchant, plugin, "{message}")
            }
        }
    }
}

impl orders::Host for HostState {
    fn get_order(&mut self, id: String) -> Result<types::Order, types::HostError> {
        HostState::get_order(self, id)
    }

    fn change_address(&mut self, id: String, address: String) -> Result<(), types::HostError> {
        self.change_order(id, OrderChange::Address(address))
    }

    fn cancel_order(&mut self, id: String) -> Result<(), types::HostError> {
        self.change_order(id, OrderChange::Cancel)
    }

    fn delivered_on(&mut self, id: String) -> Result<Option<String>, types::HostError> {
        if !self.capabilities.orders {
            return Err(Self::denied("orders"));
        }
        self.spend_host_call()?;
        match self.data.order(&self.merchant, &id) {
            Ok(Some(order)) => Ok(order.delivered_on),
            Ok(None) => Err(types::HostError::NotFound),
            Err(e) => Err(self.unavailable("order data", &e)),
        }
    }
}

impl catalog::Host for HostState {
    fn search(
        &mut self,
        query: String,
        limit: u32,
    ) -> Result<Vec<types::Product>, types::HostError> {
        if !self.capabilities.catalog {
            return Err(Self::denied("catalog"));
        }
        self.spend_host_call()?;
        let limit = limit.clamp(1, 20) as usize;
        match self.data.search_products(&self.merchant, &query, limit) {
            Ok(found) => Ok(found.into_iter().map(product_to_wit).collect()),
            Err(e) => Err(self.unavailable("the catalogue", &e)),
        }
    }

    fn get_product(&mut self, sku: String) -> Result<types::Product, types::HostError> {
        if !self.capabilities.catalog {
            return Err(Self::denied("catalog"));
        }
        self.spend_host_call()?;
        match self.data.product(&self.merchant, &sku) {
            Ok(Some(p)) => Ok(product_to_wit(p)),
            Ok(None) => Err(types::HostError::NotFound),
            Err(e) => Err(self.unavailable("the catalogue", &e)),
        }
    }
}

impl refunds::Host for HostState {
    fn refunds_for_order(
        &mut self,
        order_id: String,
    ) -> Result<Vec<types::RefundRecord>, types::HostError> {
        if self.money.is_none() {
            return Err(Self::denied("money"));
        }
        self.spend_host_call()?;
        match self.data.refunds_for_order(&self.merchant, &order_id) {
            Ok(list) => Ok(list.into_iter().map(refund_to_wit).collect()),
            Err(e) => Err(self.unavailable("refund records", &e)),
        }
    }

    fn issue_refund(
        &mut self,
        order_id: String,
        amount_minor: u64,
        currency: String,
        reason: String,
    ) -> Result<String, types::HostError> {
        let Some(limits) = self.money.clone() else {
            return Err(Self::denied("money"));
        };
        self.spend_host_call()?;
        let Phase::Commit {
            action_id,
            confirmed,
            shopper,
        } = &self.phase
        else {
            return Err(types::HostError::AccessDenied(
                "money only moves in `commit`, after the shopper confirmed".into(),
            ));
        };
        let Proposal::Refund {
            order_id: confirmed_order,
            amount_minor: confirmed_amount,
            currency: confirmed_currency,
            ..
        } = confirmed
        else {
            return Err(types::HostError::AccessDenied(
                "the shopper confirmed something else than a refund".into(),
            ));
        };
        if *confirmed_order != order_id || *confirmed_currency != currency {
            return Err(types::HostError::AccessDenied(
                "only the refund the shopper confirmed may be issued".into(),
            ));
        }
        if amount_minor == 0 || amount_minor > *confirmed_amount {
            return Err(types::HostError::LimitExceeded(format!(
                "the shopper confirmed {confirmed_amount} minor units, not {amount_minor}"
            )));
        }
        let refund = NewRefund {
            merchant: self.merchant.clone(),
            plugin: self.plugin.clone(),
            action_id: action_id.clone(),
            order_id,
            amount_minor,
            currency,
            reason,
            shopper: shopper.clone(),
            now_ms: self.now_ms,
        };
        match self.data.issue_refund(&refund, &limits) {
            Ok(Ok(reference)) => {
                self.issued.push(reference.clone());
                Ok(reference)
            }
            Ok(Err(why)) => Err(types::HostError::LimitExceeded(why)),
            Err(e) => Err(self.unavailable("the payment side", &e)),
        }
    }
}

impl kv::Host for HostState {
    fn get(&mut self, key: String) -> Result<Option<Vec<u8>>, types::HostError> {
        if !self.capabilities.kv {
            return Err(Self::denied("kv"));
        }
        Self::kv_key_ok(&key)?;
        self.spend_host_call()?;
        self.data
            .kv_get(&self.merchant, &self.plugin, &key)
            .map_err(|e| self.unavailable("the key-value store", &e))
    }

    fn set(&mut self, key: String, value: Vec<u8>) -> Result<(), types::HostError> {
        if !self.capabilities.kv {
            return Err(Self::denied("kv"));
        }
        Self::kv_key_ok(&key)?;
        self.spend_host_call()?;
        match self
            .data
            .kv_set(&self.merchant, &self.plugin, &key, &value, self.kv_quota)
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(types::HostError::LimitExceeded(format!(
                "the key-value quota of {} bytes is full",
                self.kv_quota
            ))),
            Err(e) => Err(self.unavailable("the key-value store", &e)),
        }
    }

    fn delete(&mut self, key: String) -> Result<(), types::HostError> {
        if !self.capabilities.kv {
            return Err(Self::denied("kv"));
        }
        Self::kv_key_ok(&key)?;
        self.spend_host_call()?;
        self.data
            .kv_delete(&self.merchant, &self.plugin, &key)
            .map_err(|e| self.unavailable("the key-value store", &e))
    }
}

impl http::Host for HostState {
    fn fetch(&mut self, request: http::Request) -> Result<http::Response, types::HostError> {
        let Some(grant) = self.http.clone() else {
            return Err(Self::denied("http"));
        };
        self.spend_host_call()?;
        let outcome = outbound::fetch(
            &grant,
            &self.outbound,
            OutboundRequest {
                method: request.method,
                url: request.url,
                headers: request.headers,
                body: request.body,
            },
            self.deadline,
            &|name| self.secrets.get(&self.merchant, name),
        );
        match outcome {
            Ok(r) => Ok(http::Response {
                status: r.status,
                headers: r.headers,
                body: r.body,
            }),
            Err(OutboundError::Denied(why)) => Err(types::HostError::AccessDenied(why)),
            Err(OutboundError::Limit(why)) => Err(types::HostError::LimitExceeded(why)),
            Err(OutboundError::Unavailable(why)) => Err(types::HostError::Unavailable(why)),
        }
    }
}

impl clock::Host for HostState {
    fn now(&mut self) -> u64 {
        // Not a capability check that could fail the call: a denied clock reads 0.
        if self.capabilities.clock {
            self.now_ms
        } else {
            0
        }
    }

    fn today(&mut self) -> String {
        if self.capabilities.clock {
            iso_date(self.now_ms)
        } else {
            "1970-01-01".into()
        }
    }
}

/// `YYYY-MM-DD` (UTC) of a Unix time in milliseconds (proleptic Gregorian calendar).
pub fn iso_date(ms: u64) -> String {
    // Howard Hinnant's days-to-civil.
    let z = (ms / 86_400_000) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

// Plugins built against kefu:plugin@0.1.0.

impl v0_1::types::Host for HostState {}

impl v0_1::kefu::plugin::log::Host for HostState {
    fn log(&mut self, level: v0_1::kefu::plugin::log::Level, message: String) {
        use v0_1::kefu::plugin::log::Level as Old;
        let level = match level {
            Old::Debug => log::Level::Debug,
            Old::Info => log::Level::Info,
            Old::Warn => log::Level::Warn,
            Old::Error => log::Level::Error,
        };
        log::Host::log(self, level, message);
    }
}

impl v0_1::kefu::plugin::orders::Host for HostState {
    fn get_order(&mut self, id: String) -> Result<v0_1::types::Order, v0_1::types::HostError> {
        if !self.capabilities.orders {
            return Err(host_error_to_v0_1(Self::denied("orders")));
        }
        self.spend_host_call().map_err(host_error_to_v0_1)?;
        match self.data.order(&self.merchant, &id) {
            Ok(Some(order)) => Ok(order_to_v0_1(order)),
            Ok(None) => Err(v0_1::types::HostError::NotFound),
            Err(e) => Err(host_error_to_v0_1(self.unavailable("order data", &e))),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_civil_dates() {
        assert_eq!(super::iso_date(0), "1970-01-01");
        assert_eq!(super::iso_date(1_795_305_600_000), "2026-11-22");
        assert_eq!(super::iso_date(951_782_400_000), "2000-02-29");
    }

    #[test]
    fn a_plugin_with_several_memories_shares_one_cap_among_them() {
        use wasmtime::ResourceLimiter as _;
        const MIB: usize = 1 << 20;
        let mut cap = super::MemoryCap::new(16 * MIB);
        // An interpreter's memory, created at its snapshot's size, then grown.
        assert!(cap.memory_growing(0, 10 * MIB, None).unwrap());
        assert!(cap.memory_growing(10 * MIB, 12 * MIB, None).unwrap());
        // A second memory of the same component gets only what is left of the 16 MiB.
        assert!(!cap.memory_growing(0, 10 * MIB, None).unwrap());
        assert!(cap.exceeded());
        assert!(cap.memory_growing(0, 4 * MIB, None).unwrap());
        assert!(!cap.memory_growing(4 * MIB, 5 * MIB, None).unwrap());
        assert_eq!(cap.peak(), 16 * MIB);
    }
}
