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

/// Stands for a shopper's address in recordings.
const ADDRESS_MASK: &str = "[address]";

/// `text` with every occurrence of the shopper's `addresses` masked.
fn mask_addresses(text: &str, addresses: &[String]) -> String {
    addresses
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .fold(text.to_string(), |text, a| text.replace(a, ADDRESS_MASK))
}

/// The addresses in a call: the one the shopper gave, and any a proposal carries (the
/// plugin may have written it differently).
fn addresses(
    request_slots: &[(String, String)],
    result: &Result<PluginReply, CallError>,
) -> Vec<String> {
    let mut found: Vec<String> = request_slots
        .iter()
        .filter(|(k, _)| k == "address")
        .map(|(_, v)| v.clone())
        .collect();
    if let Ok(PluginReply {
        proposal: Some(Proposal::ChangeAddress { address, .. }),
        ..
    }) = result
    {
        found.push(address.clone());
    }
    // Longest first, so a shorter one inside a longer one never leaves a piece behind.
    found.sort_by_key(|a| std::cmp::Reverse(a.len()));
    found
}

/// The recording of a call: input and result with the shopper's `addresses` masked
/// wherever they appear (the message, the plugin's words, its cards, its proposal). A
/// replay feeds the masked input back and compares with the masked result, so it still
/// reproduces the call.
fn recording(
    input: &CallInput,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
    addresses: &[String],
) -> CallRecording {
    let json_masked = |json: String| {
        let escaped: Vec<String> = addresses
            .iter()
            .map(|a| {
                let quoted = serde_json::to_string(a.trim()).unwrap_or_default();
                quoted.trim_matches('"').to_string()
            })
            .collect();
        mask_addresses(&json, &escaped)
    };
    CallRecording {
        entry: AuditEntry::default(),
        input: json_masked(serde_json::to_string(input).unwrap_or_default()),
        now_ms: stats.now_ms,
        host_log: serde_json::to_string(&stats.host_log).unwrap_or_default(),
        result: json_masked(outcome_json(result).to_string()),
    }
}

/// What `handle(request)` returning `result` is recorded as: emails, phone numbers and
/// addresses masked.
fn handle_recording(
    request: &PluginRequest,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
) -> CallRecording {
    let addresses = addresses(&request.slots, result);
    let input = CallInput::Handle {
        intent: request.intent.clone(),
        locale: request.locale.clone(),
        // The address first: masking a phone number inside it would leave the rest.
        text: record::redact_text(&mask_addresses(&request.text, &addresses)),
        slots: request
            .slots
            .iter()
            .map(|(k, v)| {
                let v = match k.as_str() {
                    "email" => "[email]".into(),
                    "address" => ADDRESS_MASK.into(),
                    _ => record::redact_text(v),
                };
                (k.clone(), v)
            })
            .collect(),
        owner_verified: request.owner_verified,
    };
    recording(&input, result, stats, &addresses)
}

/// What `commit(action)` returning `result` is recorded as: the shopper's email and any
/// new address masked.
fn commit_recording(
    action_id: &str,
    proposal: &Proposal,
    result: &Result<PluginReply, CallError>,
    stats: &CallStats,
) -> CallRecording {
    let mut addresses = addresses(&[], result);
    if let Proposal::ChangeAddress { address, .. } = proposal {
        addresses.push(address.clone());
    }
    let input = CallInput::Commit {
        action_id: action_id.to_string(),
        action: proposal.clone(),
        shopper: "[email]".into(),
    };
    recording(&input, result, stats, &addresses)
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
    let entry = AuditEntry {
        export: "handle".into(),
        intent: Some(request.intent.clone()),
        proposed_minor: proposed.as_ref().map(|p| p.0),
        currency: proposed.map(|p| p.1),
        ..base((merchant, conversation), plugin, result, stats)
    };
    (entry, handle_recording(request, result, stats))
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
    (entry, commit_recording(action_id, proposal, result, stats))
}

#[cfg(test)]
mod tests {
    use kefu_protocol::Card;

    use super::*;

    const ADDRESS: &str = "221B Baker Street, London NW1 6XE, +44 20 7946 0958";

    fn address_reply() -> Result<PluginReply, CallError> {
        Ok(PluginReply {
            text: format!("Order 1002 can go to {ADDRESS} instead."),
            cards: vec![Card::ConfirmAddress {
                action_id: "a1".into(),
                order_id: "1002".into(),
                address: ADDRESS.into(),
                terms: "It ships there.".into(),
                confirm: "Change address".into(),
                cancel: "Keep it".into(),
            }],
            proposal: Some(Proposal::ChangeAddress {
                order_id: "1002".into(),
                address: ADDRESS.into(),
                terms: "It ships there.".into(),
            }),
        })
    }

    #[test]
    fn recordings_mask_addresses() {
        let request = PluginRequest {
            intent: "change_shipping_address".into(),
            locale: "en".into(),
            text: ADDRESS.into(),
            slots: vec![
                ("order-number".into(), "1002".into()),
                ("address".into(), ADDRESS.into()),
            ],
            owner_verified: true,
        };
        let stats = CallStats::default();
        let handled = handle_recording(&request, &address_reply(), &stats);
        let done = Ok(PluginReply {
            text: format!("Done: order 1002 goes to {ADDRESS}."),
            cards: vec![],
            proposal: None,
        });
        let Ok(PluginReply {
            proposal: Some(proposal),
            ..
        }) = address_reply()
        else {
            unreachable!()
        };
        let committed = commit_recording("a1", &proposal, &done, &stats);
        for r in [&handled, &committed] {
            for part in [&r.input, &r.result] {
                assert!(!part.contains("Baker"), "{part}");
                assert!(!part.contains("7946"), "{part}");
            }
        }
        assert!(handled.input.contains(ADDRESS_MASK), "{}", handled.input);
        assert!(handled.result.contains(ADDRESS_MASK), "{}", handled.result);
        assert!(
            committed.input.contains(ADDRESS_MASK),
            "{}",
            committed.input
        );
        // Still something a replay can feed back: the input reads as a call input.
        let _: CallInput = serde_json::from_str(&committed.input).unwrap();
        let _: CallInput = serde_json::from_str(&handled.input).unwrap();
    }
}
