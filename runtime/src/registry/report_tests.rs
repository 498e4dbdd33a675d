//! Unit tests of the deploy report: comparison, verdict, figures and diffs.
use super::*;
use serde_json::json;

fn reply(text: &str) -> Value {
    json!({ "text": text, "cards": [], "proposal": null })
}

fn seen(id: i64, recorded: Value, code: &str, output: Value) -> Observation {
    let recorded_code = if recorded.get("error").is_some() {
        "trapped"
    } else {
        "ok"
    };
    Observation {
        call_id: id,
        export: "handle".into(),
        intent: Some("track_order".into()),
        recorded_code: recorded_code.into(),
        recorded,
        replay: Ok(Replayed {
            code: code.into(),
            output,
            divergence: None,
            micros: 100 * id as u64,
            peak_memory: 1000 + id as u64,
        }),
    }
}

fn subject(force: bool) -> Subject {
    Subject {
        plugin: "orders".into(),
        version: "0.2.0".into(),
        serving: Some(("0.1.0".into(), vec![(50, 900), (70, 1100)])),
        force,
        replay_millis: 3,
        now_ms: 1,
    }
}

#[test]
fn identical_replays_are_all_clear() {
    let calls = [
        seen(
            1,
            reply("Order 1001 has shipped."),
            "ok",
            reply("Order 1001 has shipped."),
        ),
        seen(
            2,
            reply("Order 1002 is delivered."),
            "ok",
            reply("Order 1002 is delivered."),
        ),
    ];
    let r = build(&subject(false), &calls);
    assert_eq!(r.verdict, Verdict::Clear);
    assert_eq!(
        (r.calls_replayed, r.unchanged, r.changed, r.now_fail),
        (2, 2, 0, 0)
    );
    assert!(r.calls.is_empty());
    assert_eq!(r.summary, "all 2 recorded calls replayed as recorded");
}

#[test]
fn a_call_that_answered_and_now_traps_refuses_the_version_unless_forced() {
    let calls = [
        seen(
            1,
            reply("Order 1001 has shipped."),
            "ok",
            reply("Order 1001 has shipped."),
        ),
        seen(
            2,
            reply("Order 1002 is delivered."),
            "trapped",
            json!({ "error": "plugin crashed: unreachable" }),
        ),
        seen(
            3,
            reply("a"),
            "timeout",
            json!({ "error": "plugin exceeded its 50 ms deadline" }),
        ),
    ];
    let r = build(&subject(false), &calls);
    assert_eq!(r.verdict, Verdict::Refused);
    assert!(!r.verdict.activates());
    assert_eq!(r.now_fail, 2);
    assert_eq!(
        r.now_fail_by_kind,
        BTreeMap::from([("timeout".into(), 1), ("trap".into(), 1)])
    );
    assert_eq!(
        r.summary,
        "2 of 3 recorded calls now fail (1 timeout, 1 trap); deploy with force to activate anyway"
    );
    assert_eq!(r.calls[0].call_id, 3, "newest failure first");
    assert_eq!(r.calls[1].failure, Some(FailureKind::Trap));
    assert_eq!(
        r.calls[1].diff,
        [
            "- text: Order 1002 is delivered.",
            "+ error: plugin crashed: unreachable"
        ]
    );
    let forced = build(&subject(true), &calls);
    assert_eq!(forced.verdict, Verdict::Forced);
    assert!(forced.verdict.activates());
    assert!(
        forced.summary.ends_with("activated anyway, as forced"),
        "{}",
        forced.summary
    );
}

#[test]
fn a_changed_answer_is_reported_with_its_diff_and_does_not_block() {
    let calls = [seen(
        7,
        reply("Order 1001 has shipped.\nIt should arrive by 2026-11-25."),
        "ok",
        reply("Order 1001 is on its way.\nIt should arrive by 2026-11-25."),
    )];
    let r = build(&subject(false), &calls);
    assert_eq!(r.verdict, Verdict::Changed);
    assert_eq!(r.changed, 1);
    assert_eq!(
        r.calls[0].diff,
        [
            "- text: Order 1001 has shipped.",
            "+ text: Order 1001 is on its way.",
            "  text: It should arrive by 2026-11-25.",
        ]
    );
    assert!(
        r.summary.starts_with("1 of 1 recorded call answer"),
        "{}",
        r.summary
    );
}

#[test]
fn the_plugins_own_decisions_count_as_answers_and_a_fix_is_no_failure() {
    assert_eq!(failure_kind("not_found"), None);
    assert_eq!(failure_kind("missing_slot"), None);
    assert_eq!(failure_kind("not_allowed"), None);
    assert_eq!(failure_kind("failed"), Some(FailureKind::Error));
    assert_eq!(failure_kind("memory_limit"), Some(FailureKind::Trap));
    let mut was_broken = seen(
        4,
        json!({ "error": "plugin crashed: x" }),
        "ok",
        reply("fine"),
    );
    was_broken.recorded_code = "trapped".into();
    let mut still_broken = seen(
        5,
        json!({ "error": "plugin crashed: x" }),
        "trapped",
        json!({ "error": "plugin crashed: y" }),
    );
    still_broken.recorded_code = "trapped".into();
    let r = build(&subject(false), &[was_broken, still_broken]);
    assert_eq!((r.fixed, r.still_fail, r.now_fail), (1, 1, 0));
    assert_eq!(r.verdict, Verdict::Changed);
    assert_eq!(r.calls[0].change, Change::Fixed);
}

#[test]
fn a_diverged_or_skipped_call_neither_blocks_nor_counts_as_unchanged() {
    let mut diverged = seen(
        1,
        reply("x"),
        "unavailable",
        json!({ "error": "plugin backend unavailable: y" }),
    );
    if let Ok(r) = &mut diverged.replay {
        r.divergence = Some("the plugin called order[\"1002\"] after the recording ended".into());
    }
    let skipped = Observation {
        replay: Err(Skipped::IntentNotServed),
        ..seen(2, reply("x"), "ok", reply("x"))
    };
    let r = build(&subject(false), &[diverged, skipped]);
    assert_eq!(r.verdict, Verdict::Clear);
    assert_eq!(
        (r.calls_recorded, r.calls_replayed, r.diverged, r.unchanged),
        (2, 1, 1, 0)
    );
    assert_eq!(r.skipped, BTreeMap::from([("intent_not_served".into(), 1)]));
    assert!(
        r.calls[0]
            .note
            .as_deref()
            .unwrap()
            .contains("after the recording ended")
    );
    assert!(
        r.summary.contains("1 asked for data the recording lacks"),
        "{}",
        r.summary
    );
}

#[test]
fn figures_are_nearest_rank_percentiles_of_both_versions() {
    let calls: Vec<_> = (1..=100)
        .map(|i| seen(i, reply("a"), "ok", reply("a")))
        .collect();
    let r = build(&subject(false), &calls);
    let new = r.performance.new.unwrap();
    assert_eq!(
        (new.p50_micros, new.p99_micros, new.peak_memory),
        (5000, 9900, 1100)
    );
    let serving = r.performance.serving.unwrap();
    assert_eq!(
        (
            serving.version.as_str(),
            serving.p50_micros,
            serving.p99_micros
        ),
        ("0.1.0", 50, 70)
    );
    assert_eq!(serving.peak_memory, 1100);
    let empty = build(&subject(false), &[]);
    assert_eq!(empty.performance.new, None);
    assert_eq!(
        empty.summary,
        "no recorded calls of orders to replay; 0.2.0 goes live"
    );
}

#[test]
fn outputs_render_as_readable_lines() {
    let out = json!({
        "text": "Order 1001 has shipped.",
        "cards": [{ "type": "order_status", "order_id": "1001" }],
        "proposal": { "kind": "refund", "amount_minor": 2200 }
    });
    assert_eq!(
        render(&out),
        [
            "text: Order 1001 has shipped.",
            r#"card: {"order_id":"1001","type":"order_status"}"#,
            r#"proposal: {"amount_minor":2200,"kind":"refund"}"#,
        ]
    );
    assert_eq!(
        render(&json!({ "error": "not found: 9" })),
        ["error: not found: 9"]
    );
    let lines = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert_eq!(
        diff(&lines(&["a", "b", "c"]), &lines(&["a", "c", "d"])),
        ["  a", "- b", "  c", "+ d"]
    );
    assert_eq!(diff(&[], &lines(&["new"])), ["+ new"]);
    let long = "x".repeat(1000);
    assert_eq!(
        diff(&lines(&[&long]), &[])[0].chars().count(),
        2 + DIFF_LINE_CHARS + 1
    );
}
