//! Rehearsing a deploy: the merchant's latest recorded calls of a plugin replayed against
//! the new version, in the sandbox, over the recorded host answers at the recorded time
//! (`PluginHost::replay`, which moves no money, changes no order and leaves the plugin's
//! circuit breaker alone). The serving version is replayed over the same calls, one call
//! after the other, so the two versions' latency and memory are measured alike. What the
//! replays observed goes to `report.rs`, which decides.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::report::{Observation, Replayed, Skipped};
use crate::plugins::{CallError, CallInput, LoadedPlugin, PluginHost, outcome_json, record};
use crate::store::CallRecording;

/// How long a rehearsal may run; the calls left when it is spent are skipped (counted in
/// the report). A version that times out on every call would otherwise hold a deploy for
/// its deadline times the replay limit.
pub(super) const BUDGET: Duration = Duration::from_secs(60);

/// What the replays observed: one observation per recorded call (newest first), and the
/// serving version's (micros, peak memory) per call it replayed.
#[derive(Debug, Default)]
pub(super) struct Rehearsal {
    pub(super) observations: Vec<Observation>,
    pub(super) serving_runs: Vec<(u64, u64)>,
}

/// Replays `recordings` against `candidate` and, when one serves, `serving`. Blocks: call
/// it on a blocking thread.
pub(super) fn rehearse(
    host: &PluginHost,
    candidate: &LoadedPlugin,
    serving: Option<&Arc<LoadedPlugin>>,
    recordings: &[CallRecording],
) -> Rehearsal {
    let mut rehearsal = Rehearsal::default();
    let started = Instant::now();
    for rec in recordings {
        let call = read(rec);
        let replay = match &call {
            Ok(_) if started.elapsed() > BUDGET => Err(Skipped::OverBudget),
            Ok(call) if !serves(candidate, &call.input) => Err(Skipped::IntentNotServed),
            Ok(call) => {
                if let Some(serving) = serving.filter(|s| serves(s, &call.input)) {
                    let old = host.replay(serving, &call.input, call.log.clone(), rec.now_ms);
                    rehearsal
                        .serving_runs
                        .push((old.stats.micros, old.stats.peak_memory));
                }
                let new = host.replay(candidate, &call.input, call.log.clone(), rec.now_ms);
                Ok(Replayed {
                    code: new
                        .result
                        .as_ref()
                        .map_or_else(CallError::code, |_| "ok")
                        .to_string(),
                    output: outcome_json(&new.result),
                    divergence: new.divergence,
                    micros: new.stats.micros,
                    peak_memory: new.stats.peak_memory,
                })
            }
            Err(why) => Err(*why),
        };
        rehearsal.observations.push(Observation {
            call_id: rec.entry.id,
            export: rec.entry.export.clone(),
            intent: rec.entry.intent.clone(),
            recorded_code: rec.entry.outcome.clone(),
            recorded: call
                .as_ref()
                .map(|c| c.recorded.clone())
                .unwrap_or_default(),
            replay,
        });
    }
    rehearsal
}

/// A recording read back.
struct Call {
    input: CallInput,
    log: Vec<record::HostCall>,
    recorded: serde_json::Value,
}

fn read(rec: &CallRecording) -> Result<Call, Skipped> {
    let unreadable = |_| Skipped::Unreadable;
    Ok(Call {
        input: serde_json::from_str(&rec.input).map_err(unreadable)?,
        log: serde_json::from_str(&rec.host_log).map_err(unreadable)?,
        recorded: serde_json::from_str(&rec.result).map_err(unreadable)?,
    })
}

/// Whether the engine would call `plugin` with `input`: a `handle` only for an intent its
/// manifest lists (a version that dropped an intent is not asked about it any more).
fn serves(plugin: &LoadedPlugin, input: &CallInput) -> bool {
    match input {
        CallInput::Handle { intent, .. } => {
            plugin.manifest().plugin.intents.iter().any(|i| i == intent)
        }
        CallInput::Commit { .. } => true,
    }
}
