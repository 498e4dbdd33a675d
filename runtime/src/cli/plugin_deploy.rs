//! `kefu plugin deploy`: uploads a built plugin through the admin API and prints the deploy
//! report the runtime answers with (the summary, the figures and the first few calls that
//! differ). A version the runtime refused because recorded calls now fail on it makes the
//! command fail; `--force` asks the runtime to activate it anyway.

use std::path::Path;

use anyhow::{Context, Result, bail};
use base64::Engine as _;
use serde_json::Value;

/// Calls printed one by one; the rest are counted, and the whole report is one request away.
const SHOWN_CALLS: usize = 3;
/// Diff lines printed per call.
const SHOWN_DIFF_LINES: usize = 12;

/// Deploys the plugin of `dir` to the runtime at `url` with the merchant's API `key`.
pub(super) fn deploy(dir: &Path, url: &str, key: &str, force: bool) -> Result<()> {
    let (manifest, component) = super::plugin::artifacts(dir)?;
    let body = serde_json::json!({
        "manifest": manifest,
        "component": base64::engine::general_purpose::STANDARD.encode(&component),
    });
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let endpoint = format!("{}/v1/admin/plugins", url.trim_end_matches('/'));
    let target = if force {
        format!("{endpoint}?force=true")
    } else {
        endpoint.clone()
    };
    let mut response = agent
        .post(&target)
        .header("Authorization", &format!("Bearer {key}"))
        .send_json(&body)
        .with_context(|| format!("reaching {endpoint}"))?;
    let status = response.status();
    let reply: Value = response
        .body_mut()
        .read_json()
        .with_context(|| format!("reading the answer of {endpoint} ({status})"))?;
    if let Some(report) = reply.get("report") {
        print!("{}", render_report(report, &endpoint));
    }
    if !status.is_success() {
        let hint = if reply["code"] == "breaks_recorded_calls" {
            " (kefu plugin deploy --force activates it anyway)"
        } else {
            ""
        };
        bail!(
            "deploy refused ({status}): {}{hint}",
            reply["error"].as_str().unwrap_or("no reason given")
        );
    }
    println!(
        "deployed {} {} (contract {}, sha256 {})",
        reply["name"].as_str().unwrap_or("?"),
        reply["version"].as_str().unwrap_or("?"),
        reply["contract"].as_str().unwrap_or("?"),
        reply["sha256"].as_str().unwrap_or("?")
    );
    Ok(())
}

/// A deploy report as a person reads it in a terminal.
fn render_report(r: &Value, endpoint: &str) -> String {
    let n = |key: &str| r[key].as_u64().unwrap_or(0);
    let s = |v: &Value| v.as_str().unwrap_or("?").to_string();
    let mut out = String::new();
    let serving = r["serving_version"]
        .as_str()
        .map_or(String::new(), |v| format!(" (serving: {v})"));
    out.push_str(&format!(
        "replayed {} of {} recorded calls of {} against {}{serving} in {} ms\n",
        n("calls_replayed"),
        n("calls_recorded"),
        s(&r["plugin"]),
        s(&r["version"]),
        n("replay_millis"),
    ));
    let kinds: Vec<String> = r["now_fail_by_kind"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| format!("{k} {v}")).collect())
        .unwrap_or_default();
    let kinds = if kinds.is_empty() {
        String::new()
    } else {
        format!(" ({})", kinds.join(", "))
    };
    out.push_str(&format!(
        "  unchanged {}, changed {}, now failing {}{kinds}, fixed {}, diverged {}\n",
        n("unchanged"),
        n("changed"),
        n("now_fail"),
        n("fixed"),
        n("diverged"),
    ));
    let perf = &r["performance"];
    let figures = |f: &Value| {
        format!(
            "p50 {} µs, p99 {} µs, peak memory {} KiB",
            f["p50_micros"],
            f["p99_micros"],
            f["peak_memory"].as_u64().unwrap_or(0) / 1024
        )
    };
    if perf["new"].is_object() {
        out.push_str(&format!(
            "  {}: {}\n",
            s(&r["version"]),
            figures(&perf["new"])
        ));
    }
    if perf["serving"].is_object() {
        out.push_str(&format!(
            "  {}: {}\n",
            s(&perf["serving"]["version"]),
            figures(&perf["serving"])
        ));
    }
    let calls = r["calls"].as_array().cloned().unwrap_or_default();
    for call in calls.iter().take(SHOWN_CALLS) {
        let failure = call["failure"]
            .as_str()
            .map_or(String::new(), |f| format!(" ({f})"));
        out.push_str(&format!(
            "  call {} ({}): {}{failure}\n",
            call["call_id"],
            call["intent"].as_str().unwrap_or(&s(&call["export"])),
            s(&call["change"]).replace('_', " "),
        ));
        let diff = call["diff"].as_array().cloned().unwrap_or_default();
        for line in diff.iter().take(SHOWN_DIFF_LINES) {
            out.push_str(&format!("    {}\n", line.as_str().unwrap_or("")));
        }
        if diff.len() > SHOWN_DIFF_LINES {
            out.push_str(&format!(
                "    … {} more lines\n",
                diff.len() - SHOWN_DIFF_LINES
            ));
        }
        if let Some(note) = call["note"].as_str() {
            out.push_str(&format!("    note: {note}\n"));
        }
    }
    if calls.len() > SHOWN_CALLS {
        out.push_str(&format!(
            "  … {} more calls: GET {endpoint}/{}/versions/{}/report\n",
            calls.len() - SHOWN_CALLS,
            s(&r["plugin"]),
            s(&r["version"])
        ));
    }
    out.push_str(&format!("{}\n", s(&r["summary"])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_prints_its_summary_figures_and_first_diffs() {
        let report = serde_json::json!({
            "plugin": "orders", "version": "0.2.0", "serving_version": "0.1.0",
            "calls_recorded": 4, "calls_replayed": 4, "unchanged": 3, "changed": 0,
            "now_fail": 1, "now_fail_by_kind": { "trap": 1 }, "fixed": 0, "diverged": 0,
            "summary": "1 of 4 recorded calls now fail (1 trap); deploy with force to activate anyway",
            "replay_millis": 12,
            "performance": {
                "new": { "version": "0.2.0", "p50_micros": 40, "p99_micros": 90, "peak_memory": 1_179_648 },
                "serving": { "version": "0.1.0", "p50_micros": 38, "p99_micros": 85, "peak_memory": 1_179_648 }
            },
            "calls": [{
                "call_id": 7, "export": "handle", "intent": "track_order", "change": "now_fails",
                "failure": "trap", "diff": ["- text: Order 1002 has shipped.", "+ error: plugin crashed: unreachable"],
                "note": null
            }]
        });
        let text = render_report(&report, "http://k/v1/admin/plugins");
        assert_eq!(
            text,
            "replayed 4 of 4 recorded calls of orders against 0.2.0 (serving: 0.1.0) in 12 ms\n\
             \x20 unchanged 3, changed 0, now failing 1 (trap 1), fixed 0, diverged 0\n\
             \x20 0.2.0: p50 40 µs, p99 90 µs, peak memory 1152 KiB\n\
             \x20 0.1.0: p50 38 µs, p99 85 µs, peak memory 1152 KiB\n\
             \x20 call 7 (track_order): now fails (trap)\n\
             \x20   - text: Order 1002 has shipped.\n\
             \x20   + error: plugin crashed: unreachable\n\
             1 of 4 recorded calls now fail (1 trap); deploy with force to activate anyway\n"
        );
    }
}
