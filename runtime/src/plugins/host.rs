//! The host side of the plugin imports: what a plugin can ask kefu for, checked against its
//! manifest on every call. A denied or exhausted capability is a WIT `host-error`, which the
//! plugin can handle; traps are reserved for limits the plugin cannot be trusted to respect.

use std::sync::Arc;

use super::bindings::kefu::plugin::{log, orders, types};
use super::conversions::order_to_wit;
use super::manifest::{Capabilities, Limits};
use crate::store::OrderRecord;

/// Where plugins' merchant data comes from. Implemented over the store by the runtime;
/// called from the blocking thread a plugin runs on.
pub trait MerchantData: Send + Sync + 'static {
    /// One order of `merchant`.
    fn order(&self, merchant: &str, id: &str) -> Result<Option<OrderRecord>, String>;
}

/// Longest log line kept; longer lines are cut.
const MAX_LOG_LINE: usize = 1024;
/// Most log lines kept per call; more are dropped.
const MAX_LOG_LINES: u32 = 32;

/// Caps linear memory and remembers whether the cap was hit, so a failed allocation that
/// ends in a guest abort is reported as what it was.
#[derive(Debug)]
pub struct MemoryCap {
    max: usize,
    exceeded: bool,
}

impl MemoryCap {
    /// Whether the guest asked for more than its cap during this call.
    pub fn exceeded(&self) -> bool {
        self.exceeded
    }
}

impl wasmtime::ResourceLimiter for MemoryCap {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _max: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.max {
            self.exceeded = true;
            return Ok(false);
        }
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
    data: Arc<dyn MerchantData>,
    host_calls_left: u32,
    log_lines_left: u32,
    pub(super) memory: MemoryCap,
}

impl HostState {
    pub(super) fn new(
        merchant: String,
        plugin: String,
        capabilities: Capabilities,
        limits: &Limits,
        data: Arc<dyn MerchantData>,
    ) -> Self {
        Self {
            merchant,
            plugin,
            capabilities,
            data,
            host_calls_left: limits.host_calls,
            log_lines_left: MAX_LOG_LINES,
            memory: MemoryCap {
                max: limits.memory_bytes as usize,
                exceeded: false,
            },
        }
    }

    fn spend_host_call(&mut self) -> Result<(), types::HostError> {
        if self.host_calls_left == 0 {
            return Err(types::HostError::Unavailable(
                "host call budget for this turn is spent".into(),
            ));
        }
        self.host_calls_left -= 1;
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
        if !self.capabilities.orders {
            return Err(types::HostError::AccessDenied(
                "the `orders` capability is not granted in this plugin's manifest".into(),
            ));
        }
        self.spend_host_call()?;
        match self.data.order(&self.merchant, &id) {
            Ok(Some(order)) => Ok(order_to_wit(order)),
            Ok(None) => Err(types::HostError::NotFound),
            Err(e) => {
                tracing::warn!(merchant = %self.merchant, error = %e, "order lookup failed");
                Err(types::HostError::Unavailable(
                    "order data is unavailable right now".into(),
                ))
            }
        }
    }
}
