//! Prometheus metrics: one recorder per process ([`prometheus`]), and one function per thing
//! the runtime counts, called where the I/O happens (the chat socket, the plugin host, the
//! store), never from the pure decision code. `GET /metrics` on the metrics listener
//! (`kefu serve --metrics-listen`, [`crate::http::metrics`]) renders them.
//!
//! Labels are bounded sets an operator chose or the code names: the merchant id (only
//! after the merchant was found), the intent (the model's labels), the handoff's kind
//! ([`handoff_kind`], never its free-text reason, which may name an order), the plugin's
//! name, an outcome code, the limit that refused. Never a conversation id, a message or
//! anything else a shopper typed.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Chat turns (`say`, `confirm`, `contact`, `rate`) by merchant, kind and outcome.
pub const TURNS: &str = "kefu_turns_total";
/// How long a turn took, from the frame read to the answer stored, by merchant.
pub const TURN_SECONDS: &str = "kefu_turn_duration_seconds";
/// Shopper messages by the runtime's classification.
pub const INTENTS: &str = "kefu_intents_total";
/// Conversations handed to a person, by merchant and [`handoff_kind`].
pub const HANDOFFS: &str = "kefu_handoffs_total";
/// Plugin calls by merchant, plugin, export and outcome (`ok` or the error's code).
pub const PLUGIN_CALLS: &str = "kefu_plugin_calls_total";
/// How long a plugin call took in its sandbox, by merchant and plugin.
pub const PLUGIN_SECONDS: &str = "kefu_plugin_call_duration_seconds";
/// Open WebSockets, by kind (`chat`, `agent`).
pub const OPEN_SOCKETS: &str = "kefu_open_sockets";
/// Conversations waiting for a person, by merchant (read from the store at each scrape).
pub const QUEUE_LENGTH: &str = "kefu_queue_length";
/// How long a conversation waited for a person before an agent claimed it, by merchant.
pub const QUEUE_WAIT_SECONDS: &str = "kefu_queue_wait_seconds";
/// Requests refused by the limits on anonymous clients, by limit.
pub const RATE_LIMITED: &str = "kefu_rate_limited_total";
/// How long a store operation took, by operation.
pub const STORE_SECONDS: &str = "kefu_store_duration_seconds";
/// 1 while the node is connected to NATS, 0 while it reconnects (absent without `--nats`).
pub const NATS_CONNECTED: &str = "kefu_nats_connected";
/// Notes for the other nodes dropped because the queue to NATS was full (each time, the
/// other nodes are then asked to catch up from the store).
pub const BUS_DROPPED: &str = "kefu_bus_dropped_total";

/// Bucket bounds (seconds) of every `_seconds` histogram: from a fast store write to a
/// plugin's deadline and a queue wait of minutes.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
    60.0, 300.0, 1800.0,
];

/// The process's recorder, installed on first use; histograms are drained by a thread of
/// its own every few seconds (the exporter's upkeep), whatever tokio runtime is running.
/// `None` if another recorder was installed first (metrics then go there).
pub fn prometheus() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
                .expect("the bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            if let Err(e) = metrics::set_global_recorder(recorder) {
                tracing::warn!(error = %e, "a metrics recorder was already installed");
                return None;
            }
            let upkeep = handle.clone();
            let spawned = std::thread::Builder::new()
                .name("kefu-metrics-upkeep".into())
                .spawn(move || {
                    loop {
                        std::thread::sleep(Duration::from_secs(5));
                        upkeep.run_upkeep();
                    }
                });
            if let Err(e) = spawned {
                tracing::warn!(error = %e, "starting the metrics upkeep thread");
            }
            Some(handle)
        })
        .clone()
}

/// A chat turn of `kind` for `merchant` ended with `outcome` after `elapsed`.
pub fn turn(merchant: &str, kind: &'static str, outcome: &'static str, elapsed: Duration) {
    let merchant = merchant.to_string();
    counter!(TURNS, "merchant" => merchant.clone(), "kind" => kind, "outcome" => outcome)
        .increment(1);
    histogram!(TURN_SECONDS, "merchant" => merchant).record(elapsed.as_secs_f64());
}

/// A shopper message of `merchant` was classified as `intent` (one of the model's labels).
pub fn intent(merchant: &str, intent: &str) {
    counter!(INTENTS, "merchant" => merchant.to_string(), "intent" => intent.to_string())
        .increment(1);
}

/// A conversation of `merchant` was handed to a person for `reason` (counted by its kind).
pub fn handoff(merchant: &str, reason: &str) {
    counter!(HANDOFFS, "merchant" => merchant.to_string(), "reason" => handoff_kind(reason))
        .increment(1);
}

/// A plugin call (`export`: `handle` or `commit`) ended with `outcome` after `elapsed`.
pub fn plugin_call(
    merchant: &str,
    plugin: &str,
    export: &'static str,
    outcome: &'static str,
    elapsed: Duration,
) {
    let (merchant, plugin) = (merchant.to_string(), plugin.to_string());
    counter!(PLUGIN_CALLS, "merchant" => merchant.clone(), "plugin" => plugin.clone(),
        "export" => export, "outcome" => outcome)
    .increment(1);
    histogram!(PLUGIN_SECONDS, "merchant" => merchant, "plugin" => plugin)
        .record(elapsed.as_secs_f64());
}

/// `merchant` has `waiting` conversations waiting for a person.
pub fn queue_length(merchant: &str, waiting: u64) {
    gauge!(QUEUE_LENGTH, "merchant" => merchant.to_string()).set(waiting as f64);
}

/// A conversation of `merchant` waited `waited` for an agent to claim it.
pub fn queue_wait(merchant: &str, waited: Duration) {
    histogram!(QUEUE_WAIT_SECONDS, "merchant" => merchant.to_string()).record(waited.as_secs_f64());
}

/// A request was refused by `limit` (`sockets_per_ip`, `messages`,
/// `messages_per_conversation`, `tickets_per_conversation`, `login`).
pub fn refused(limit: &'static str) {
    counter!(RATE_LIMITED, "limit" => limit).increment(1);
}

/// Whether the node is connected to the NATS server.
pub fn nats_connected(connected: bool) {
    gauge!(NATS_CONNECTED).set(if connected { 1.0 } else { 0.0 });
}

/// A note for the other nodes was dropped.
pub fn bus_dropped() {
    counter!(BUS_DROPPED).increment(1);
}

/// An open WebSocket of `kind`, counted in [`OPEN_SOCKETS`] while this value lives.
#[derive(Debug)]
pub struct OpenSocket(&'static str);

impl OpenSocket {
    /// Counts a socket of `kind` (`chat`, `agent`) as open.
    pub fn new(kind: &'static str) -> Self {
        gauge!(OPEN_SOCKETS, "kind" => kind).increment(1.0);
        Self(kind)
    }
}

impl Drop for OpenSocket {
    fn drop(&mut self) {
        gauge!(OPEN_SOCKETS, "kind" => self.0).decrement(1.0);
    }
}

/// Times a store operation: recorded in [`STORE_SECONDS`] when dropped, so every return
/// path (errors included) counts.
#[derive(Debug)]
pub struct StoreTimer {
    op: &'static str,
    started: Instant,
}

impl StoreTimer {
    /// Starts timing `op` (`write_turn`, `turn_snapshot`, …).
    pub fn start(op: &'static str) -> Self {
        Self {
            op,
            started: Instant::now(),
        }
    }
}

impl Drop for StoreTimer {
    fn drop(&mut self) {
        histogram!(STORE_SECONDS, "op" => self.op).record(self.started.elapsed().as_secs_f64());
    }
}

/// The bounded kind of a handoff's recorded reason (which is a sentence that may name an
/// order or a merchant's own phrase): what it starts with, among the reasons the engine
/// writes (`engine/decide.rs`, `policy.rs`, `money.rs`, `ownership.rs`).
pub fn handoff_kind(reason: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        ("asked for a human", "asked_for_human"),
        ("policy: the shop's list", "shop_phrase"),
        ("policy: account security", "account_security"),
        ("policy: legal", "legal"),
        ("policy: payment dispute", "payment_dispute"),
        ("policy: fraud", "fraud"),
        ("policy: data protection", "data_protection"),
        ("policy: harassment", "harassment"),
        ("policy: safety", "safety"),
        ("policy:", "policy"),
        ("urgent:", "urgent"),
        ("claim:", "delivery_claim"),
        ("complaint", "complaint"),
        ("ownership:", "proofs_exhausted"),
        ("refund of", "above_caps"),
        ("cancellation of", "above_caps"),
    ];
    if reason.contains("but the plugin failed afterwards") {
        return "failed_after_commit";
    }
    KINDS
        .iter()
        .find(|(prefix, _)| reason.starts_with(prefix))
        .map_or("other", |(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handoff_reasons_become_a_bounded_kind_without_their_details() {
        for (reason, kind) in [
            ("asked for a human", "asked_for_human"),
            (
                "policy: the shop's list (\"my parcel 1234\")",
                "shop_phrase",
            ),
            ("policy: account security", "account_security"),
            (
                "policy: fraud or a charge the shopper does not recognise",
                "fraud",
            ),
            ("policy: data protection request", "data_protection"),
            ("policy: something new", "policy"),
            (
                "urgent: time-critical for the shopper, order 1003",
                "urgent",
            ),
            ("claim: damaged item, order 1003", "delivery_claim"),
            ("complaint, order 1003", "complaint"),
            (
                "ownership: 3 wrong order emails; the bot checks no more",
                "proofs_exhausted",
            ),
            (
                "refund of $120.00 on order 1004 is above what the bot may approve",
                "above_caps",
            ),
            (
                "refund done on order 1003, but the plugin failed afterwards",
                "failed_after_commit",
            ),
            ("anything else", "other"),
        ] {
            assert_eq!(handoff_kind(reason), kind, "{reason}");
        }
    }

    #[test]
    fn what_is_recorded_is_rendered_with_its_labels() {
        let handle = prometheus().expect("the first recorder in this test binary");
        turn("shop-a", "say", "stored", Duration::from_millis(3));
        handoff("shop-a", "claim: damaged item, order 1003");
        refused("messages");
        {
            let _open = OpenSocket::new("chat");
        }
        let text = handle.render();
        assert!(
            text.contains(r#"kefu_turns_total{merchant="shop-a",kind="say",outcome="stored"}"#),
            "{text}"
        );
        assert!(
            text.contains(r#"kefu_turn_duration_seconds_bucket{merchant="shop-a",le="0.005"}"#),
            "a histogram with buckets: {text}"
        );
        assert!(
            text.contains(r#"kefu_handoffs_total{merchant="shop-a",reason="delivery_claim"}"#),
            "{text}"
        );
        // The reason's words never become a label (a number like 1003 may well turn up in
        // a duration's sum recorded by another test).
        assert!(
            !text.contains("damaged item") && !text.contains("order 1003"),
            "no reason text: {text}"
        );
        assert!(
            text.contains(r#"kefu_rate_limited_total{limit="messages"}"#),
            "{text}"
        );
        assert!(
            text.contains(r#"kefu_open_sockets{kind="chat"} 0"#),
            "{text}"
        );
    }
}
