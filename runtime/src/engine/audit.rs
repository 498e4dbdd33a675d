//! What the plugin audit log records of a call: who was called for what, what it cost, how
//! it ended, and for replay what it was asked (emails, phone numbers and addresses masked),
//! its frozen clock and every answer the host's data gave. Pure builders; the executor
//! stores them with the turn.

use crate::plugins::{
    CallError, CallInput, CallStats, LoadedPlugin, PluginReply, PluginRequest, Proposal,
    outcome_json, record,
};
use crate::store::{AuditEntry, CallRecording};

/// How a plugin call ended, for the audit log: `ok` or the error's stable code.
pub fn outcome_name(result: &Result<PluginReply, CallError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

fn base(
    (merchant, conversation): (&str, &str),
    plugin: &LoadedPlugin,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
) -> AuditEntry {
    AuditEntry {
        merchant_id: merchant.to_string(),
        plugin: plugin.manifest().plugin.name.clone(),
        plugin_version: plugin.manifest().plugin.version.clone(),
        conversation_id: Some(conversation.to_string()),
        host_calls: stats.host_calls,
        micros: stats.micros,
        peak_memory: stats.peak_memory,
        outcome: outcome_name(result).into(),
        ..AuditEntry::default()
    }
}

fn recording(
    input: &CallInput,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
) -> CallRecording {
    CallRecording {
        entry: AuditEntry::default(),
        input: serde_json::to_string(input).unwrap_or_default(),
        now_ms: stats.now_ms,
        host_log: serde_json::to_string(&stats.host_log).unwrap_or_default(),
        result: outcome_json(result).to_string(),
    }
}

/// The audit record of `handle(request)` in `conversation` (of `merchant`).
pub fn handle(
    (merchant, conversation): (&str, &str),
    plugin: &LoadedPlugin,
    request: &PluginRequest,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
) -> (AuditEntry, CallRecording) {
    let proposed = match result {
        Ok(PluginReply {
            proposal: Some(p), ..
        }) => Some((p.amount().0, p.amount().1.to_string())),
        _ => None,
    };
    // Recorded with the shopper's emails, phone numbers and addresses masked.
    let input = CallInput::Handle {
        intent: request.intent.clone(),
        locale: request.locale.clone(),
        text: record::redact_text(&request.text),
        slots: request
            .slots
            .iter()
            .map(|(k, v)| {
                let v = match k.as_str() {
                    "email" => "[email]".into(),
                    "address" => "[address]".into(),
                    _ => record::redact_text(v),
                };
                (k.clone(), v)
            })
            .collect(),
        owner_verified: request.owner_verified,
    };
    let entry = AuditEntry {
        export: "handle".into(),
        intent: Some(request.intent.clone()),
        proposed_minor: proposed.as_ref().map(|p| p.0),
        currency: proposed.map(|p| p.1),
        ..base((merchant, conversation), plugin, result, stats)
    };
    (entry, recording(&input, result, stats))
}

/// The audit record of `commit(action)` in `conversation` (of `merchant`).
pub fn commit(
    (merchant, conversation): (&str, &str),
    plugin: &LoadedPlugin,
    action_id: &str,
    proposal: &Proposal,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
) -> (AuditEntry, CallRecording) {
    let (amount_minor, currency) = (proposal.amount().0, proposal.amount().1.to_string());
    // Something irreversible happened (a refund issued, an order cancelled).
    let issued = !stats.refunds_issued.is_empty();
    let entry = AuditEntry {
        export: "commit".into(),
        intent: Some(proposal.intent().into()),
        proposed_minor: Some(amount_minor),
        committed_minor: issued.then_some(amount_minor),
        currency: Some(currency),
        ..base((merchant, conversation), plugin, result, stats)
    };
    let input = CallInput::Commit {
        action_id: action_id.to_string(),
        action: proposal.clone(),
        shopper: "[email]".into(),
    };
    (entry, recording(&input, result, stats))
}
