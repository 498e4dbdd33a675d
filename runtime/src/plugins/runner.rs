//! Running a plugin: a fresh [`Store`] per call with the manifest's memory cap, an epoch
//! deadline and the host-call budget; the breaker consulted before and told after; the
//! outcome (a reply, the plugin's own error, or a trap) turned into kefu's types, with what
//! the call cost. Replays run the same way over a recorded log.

use std::sync::Arc;
use std::time::Instant;

use wasmtime::{Store, Trap};

use super::bindings::types as wit;
use super::breaker::counts_as_failure;
use super::conversions;
use super::error::CallError;
use super::host::{CallContext, HostState, MerchantData, Phase};
use super::manifest;
use super::record;
use super::table::{LoadedPlugin, Pre};
use super::ticker::TICK;
use super::types::{CallInput, CallStats, Description, PluginReply, PluginRequest, Proposal};
use super::{BREAKER_FAILURES, LoadError, PluginHost};

impl PluginHost {
    /// Calls `plugin` for one turn, in a fresh sandbox. Blocks the calling thread.
    pub fn call(
        &self,
        plugin: &LoadedPlugin,
        request: &PluginRequest,
    ) -> Result<PluginReply, CallError> {
        self.call_with_stats(plugin, request).0
    }

    /// [`Self::call`], with what the call cost.
    pub fn call_with_stats(
        &self,
        plugin: &LoadedPlugin,
        request: &PluginRequest,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        self.run_input(
            plugin,
            &CallInput::handle(request),
            self.data.clone(),
            self.clock.now_ms(),
            Run::Live,
        )
    }

    /// Runs a recorded call again, answering the plugin's data calls from `log` at the
    /// recorded time: the outcome, what it cost and, if the plugin asked for other data
    /// than it did when recorded, how it diverged. A replay is not a shopper's call: it
    /// neither consults nor feeds the plugin's circuit breaker (a version rehearsed before
    /// deploy must not go live already paused, nor a serving one be paused by a rehearsal)
    /// and is not counted in the call metrics.
    pub fn replay(
        &self,
        plugin: &LoadedPlugin,
        input: &CallInput,
        log: Vec<record::HostCall>,
        now_ms: u64,
    ) -> Replay {
        let replayer = Arc::new(record::Replayer::new(log));
        let (result, stats) = self.run_input(plugin, input, replayer.clone(), now_ms, Run::Replay);
        Replay {
            result,
            stats,
            divergence: replayer.divergence(),
        }
    }

    fn run_input(
        &self,
        plugin: &LoadedPlugin,
        input: &CallInput,
        data: Arc<dyn MerchantData>,
        now_ms: u64,
        run: Run,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let request = match input {
            CallInput::Handle {
                intent,
                locale,
                text,
                slots,
                owner_verified,
            } => PluginRequest {
                intent: intent.clone(),
                locale: locale.clone(),
                text: text.clone(),
                slots: slots.clone(),
                owner_verified: *owner_verified,
            },
            CallInput::Commit {
                action_id,
                action,
                shopper,
            } => return self.commit_with(plugin, action_id, action, shopper, data, now_ms, run),
        };
        let request = conversions::request_to_wit(&request);
        self.invoke(
            plugin,
            Phase::Handle,
            data,
            now_ms,
            run,
            |store, pre| match pre {
                Pre::Current(pre) => {
                    let instance = pre.instantiate(&mut *store)?;
                    Ok(instance
                        .call_handle(&mut *store, &request)?
                        .map(conversions::reply_from_wit))
                }
                Pre::V0_1(pre) => {
                    let instance = pre.instantiate(&mut *store)?;
                    let old = conversions::request_to_v0_1(&request);
                    Ok(instance
                        .call_handle(&mut *store, &old)?
                        .map(conversions::reply_from_v0_1)
                        .map_err(conversions::plugin_error_from_v0_1))
                }
            },
        )
    }

    /// Carries out `action`, which the shopper confirmed, in a fresh sandbox: the only
    /// call during which the plugin may move money, and only as much as `action` says.
    pub fn commit(
        &self,
        plugin: &LoadedPlugin,
        action_id: &str,
        action: &Proposal,
        shopper: &str,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let now = self.clock.now_ms();
        self.commit_with(
            plugin,
            action_id,
            action,
            shopper,
            self.data.clone(),
            now,
            Run::Live,
        )
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the confirmed action's parts, and where the call's data, time and mode come from"
    )]
    fn commit_with(
        &self,
        plugin: &LoadedPlugin,
        action_id: &str,
        action: &Proposal,
        shopper: &str,
        data: Arc<dyn MerchantData>,
        now_ms: u64,
        run: Run,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let phase = Phase::Commit {
            action_id: action_id.to_string(),
            confirmed: action.clone(),
            shopper: shopper.to_string(),
        };
        let wit_action = conversions::action_to_wit(action);
        self.invoke(plugin, phase, data, now_ms, run, |store, pre| match pre {
            Pre::Current(pre) => {
                let instance = pre.instantiate(&mut *store)?;
                Ok(instance
                    .call_commit(&mut *store, &wit_action)?
                    .map(conversions::reply_from_wit))
            }
            Pre::V0_1(_) => Ok(Err(wit::PluginError::Internal(
                "contract 0.1.0 has no commit".into(),
            ))),
        })
    }

    /// Runs `f` against a fresh store for `plugin`, enforcing its limits, and turns the
    /// outcome into kefu's types.
    fn invoke(
        &self,
        plugin: &LoadedPlugin,
        phase: Phase,
        data: Arc<dyn MerchantData>,
        now_ms: u64,
        run: Run,
        f: impl FnOnce(
            &mut Store<HostState>,
            &Pre,
        ) -> wasmtime::Result<Result<PluginReply, wit::PluginError>>,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let started = Instant::now();
        let export = match phase {
            Phase::Handle => "handle",
            Phase::Commit { .. } => "commit",
        };
        let live = run == Run::Live;
        let record = |result: &Result<PluginReply, CallError>| {
            if !live {
                return;
            }
            let outcome = result.as_ref().map_or_else(CallError::code, |_| "ok");
            crate::telemetry::plugin_call(
                &plugin.merchant,
                &plugin.manifest.plugin.name,
                export,
                outcome,
                started.elapsed(),
            );
        };
        let admitted = !live
            || plugin
                .breaker
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .admit(started);
        if !admitted {
            let refused = Err(CallError::CircuitOpen(BREAKER_FAILURES));
            record(&refused);
            return (refused, CallStats::default());
        }
        let limits = &plugin.manifest.limits;
        let recorder = Arc::new(record::Recorder::new(data));
        let unsupported = matches!((&phase, &plugin.pre), (Phase::Commit { .. }, Pre::V0_1(_)));
        let state = HostState::new(
            CallContext {
                merchant: plugin.merchant.clone(),
                plugin: plugin.manifest.plugin.name.clone(),
                capabilities: plugin.manifest.capabilities.clone(),
                money: plugin.manifest.money.clone(),
                http: plugin.manifest.http.clone(),
                secrets: self.secrets.clone(),
                outbound: self.outbound.clone(),
                deadline: started + std::time::Duration::from_millis(limits.deadline_ms),
                limits: limits.clone(),
                phase,
                now_ms,
            },
            recorder.clone(),
        );
        let mut store = self.sandbox(state, limits);
        let outcome = f(&mut store, &plugin.pre);
        let result = match outcome {
            Ok(_) if unsupported => Err(CallError::Unsupported("commit")),
            Ok(Ok(reply)) if reply.text.len() as u64 > limits.output_bytes => {
                Err(CallError::OutputTooLarge(limits.output_bytes))
            }
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(e)) => Err(conversions::call_error_from_wit(e)),
            Err(e) => Err(classify_trap(&e, &store, limits)),
        };
        if live {
            plugin
                .breaker
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .record(
                    result.as_ref().is_err_and(counts_as_failure),
                    Instant::now(),
                );
        }
        let state = store.data();
        let stats = CallStats {
            micros: started.elapsed().as_micros() as u64,
            host_calls: state.host_calls_made,
            peak_memory: state.memory.peak() as u64,
            refunds_issued: state.issued.clone(),
            now_ms,
            host_log: recorder.take(),
        };
        record(&result);
        (result, stats)
    }

    /// Calls the plugin's `describe()` in a fresh sandbox with its limits and no grants.
    pub(super) fn describe(&self, plugin: &LoadedPlugin) -> Result<Description, LoadError> {
        let limits = &plugin.manifest.limits;
        let state = HostState::new(
            CallContext {
                merchant: plugin.merchant.clone(),
                plugin: plugin.manifest.plugin.name.clone(),
                // Describing needs nothing from the host: every import is denied.
                capabilities: manifest::Capabilities::default(),
                money: None,
                http: None,
                secrets: self.secrets.clone(),
                outbound: self.outbound.clone(),
                deadline: Instant::now() + std::time::Duration::from_millis(limits.deadline_ms),
                limits: limits.clone(),
                phase: Phase::Handle,
                now_ms: self.clock.now_ms(),
            },
            self.data.clone(),
        );
        let mut store = self.sandbox(state, limits);
        let described = match &plugin.pre {
            Pre::Current(pre) => pre
                .instantiate(&mut store)
                .and_then(|instance| instance.call_describe(&mut store))
                .map(conversions::description_from_wit),
            Pre::V0_1(pre) => pre
                .instantiate(&mut store)
                .and_then(|instance| instance.call_describe(&mut store))
                .map(conversions::description_from_v0_1),
        };
        described.map_err(|e| LoadError::Description {
            name: plugin.manifest.plugin.name.clone(),
            reason: format!("describe() failed: {}", classify_trap(&e, &store, limits)),
        })
    }

    /// A fresh store for one call: the memory cap and the epoch deadline of `limits`.
    fn sandbox(&self, state: HostState, limits: &manifest::Limits) -> Store<HostState> {
        let mut store = Store::new(&self.engine, state);
        store.limiter(|state| &mut state.memory);
        let ticks = limits.deadline_ms.div_ceil(TICK.as_millis() as u64).max(1);
        store.set_epoch_deadline(ticks);
        store.epoch_deadline_trap();
        store
    }
}

/// Whether a call serves a shopper or replays a recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    /// A shopper's call: the breaker and the metrics see it.
    Live,
    /// A replay: neither does.
    Replay,
}

/// What replaying a recorded call did.
#[derive(Debug)]
pub struct Replay {
    /// Its outcome.
    pub result: Result<PluginReply, CallError>,
    /// What it cost (micros, peak memory, …).
    pub stats: CallStats,
    /// How the plugin left the recording, if it asked for data the recording lacks.
    pub divergence: Option<String>,
}

fn classify_trap(
    e: &wasmtime::Error,
    store: &Store<HostState>,
    limits: &manifest::Limits,
) -> CallError {
    if store.data().memory.exceeded() {
        return CallError::MemoryLimit(limits.memory_bytes);
    }
    match e.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => CallError::Timeout(limits.deadline_ms),
        Some(trap) => CallError::Trapped(trap.to_string()),
        None => CallError::Trapped(format!("{e:#}")),
    }
}
