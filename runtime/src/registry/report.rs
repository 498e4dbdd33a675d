//! The deploy report: what replaying a merchant's recorded calls against a new plugin
//! version found, and whether that version may go live. Pure: it takes what the replays
//! observed ([`Observation`]) and the figures measured, and decides; `rehearsal.rs` runs the
//! replays and the registry stores and acts on the verdict.
//!
//! The baseline of every comparison is the **recorded** outcome, what the shopper was
//! actually told, not a replay of the serving version: a call recorded by an older version
//! is still compared with what that shopper saw. A call *answered* when recorded (a reply,
//! or one of the plugin's own decisions: `not_found`, `missing_slot`, `not_allowed`) that
//! now ends in an error, a trap or a timeout is a **failure**, and failures refuse the
//! version unless the deployer forces it. A different answer is only **reported**: changing
//! what the plugin says is usually why a version is deployed, and only a person can tell an
//! improvement from a mistake.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many calls a report lists one by one (failures first); the counts cover them all.
pub const LISTED_CALLS: usize = 50;
/// Lines of each side of a diff that are compared; longer outputs are cut.
const DIFF_LINES: usize = 200;
/// Longest line kept in a diff, in characters.
const DIFF_LINE_CHARS: usize = 400;

/// What one replay of the new version did.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    /// `ok` or the error's stable code (`trapped`, `timeout`, …).
    pub code: String,
    /// The outcome in the recorded form (`plugins::outcome_json`).
    pub output: Value,
    /// How the plugin left the recording, if it asked for data the recording lacks.
    pub divergence: Option<String>,
    /// Wall-clock microseconds of the replay.
    pub micros: u64,
    /// Peak linear memory, bytes.
    pub peak_memory: u64,
}

/// One recorded call and what replaying it against the new version did.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The recorded call's id (`kefu plugin replay <id>`).
    pub call_id: i64,
    /// `handle` or `commit`.
    pub export: String,
    /// The intent it served.
    pub intent: Option<String>,
    /// The recorded outcome's code.
    pub recorded_code: String,
    /// The recorded outcome (`plugins::outcome_json`).
    pub recorded: Value,
    /// The replay, or why there was none.
    pub replay: Result<Replayed, Skipped>,
}

/// Why a recorded call was not replayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Skipped {
    /// The new version no longer serves the call's intent: the engine would not call it.
    IntentNotServed,
    /// The recording cannot be read back (written by a kefu whose format differs).
    Unreadable,
    /// The rehearsal's time budget ran out before this call.
    OverBudget,
}

/// How a failing call fails.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// The plugin returned an error (`failed`, `unavailable`, `unsupported`).
    Error,
    /// It crashed: a trap, its memory cap, an oversized reply.
    Trap,
    /// It ran past its deadline.
    Timeout,
}

/// `None` for an answer (a reply or one of the plugin's own decisions); the failure's kind
/// otherwise.
pub fn failure_kind(code: &str) -> Option<FailureKind> {
    match code {
        "ok" | "not_found" | "missing_slot" | "not_allowed" => None,
        "timeout" => Some(FailureKind::Timeout),
        "trapped" | "memory_limit" | "output_too_large" => Some(FailureKind::Trap),
        _ => Some(FailureKind::Error),
    }
}

/// What the report says of the version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every replayed call answered as recorded (or there was nothing to replay).
    Clear,
    /// Some answers differ; nothing that answered fails. Goes live.
    Changed,
    /// Calls that answered now fail: not activated.
    Refused,
    /// Calls that answered now fail, and the deployer activated it anyway.
    Forced,
}

impl Verdict {
    /// Its stable name, as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clear => "clear",
            Self::Changed => "changed",
            Self::Refused => "refused",
            Self::Forced => "forced",
        }
    }

    /// Whether the version goes live.
    pub fn activates(self) -> bool {
        self != Self::Refused
    }
}

/// How one listed call changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// It answered when recorded and now fails.
    NowFails,
    /// It answers differently.
    Changed,
    /// It failed when recorded and now answers.
    Fixed,
    /// The new version asked for data the recording does not have, so its outcome says
    /// little (it neither blocks nor clears the version).
    Diverged,
}

/// One call whose outcome is not what was recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CallChange {
    /// The recorded call (`kefu plugin replay <id>`; `GET /v1/admin/audit`).
    pub call_id: i64,
    /// `handle` or `commit`.
    pub export: String,
    /// The intent it served.
    pub intent: Option<String>,
    /// What changed.
    pub change: Change,
    /// For a failure: how it fails.
    pub failure: Option<FailureKind>,
    /// The recorded outcome's code (`ok`, `not_found`, …).
    pub recorded_outcome: String,
    /// The new version's (`ok`, `trapped`, …).
    pub outcome: String,
    /// Recorded against new output, line by line: `- ` only recorded, `+ ` only new, `  `
    /// both.
    pub diff: Vec<String>,
    /// How the replay left the recording, for a diverged call.
    pub note: Option<String>,
}

/// Latency and memory of one version over the replayed calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Figures {
    /// The version measured.
    pub version: String,
    /// Calls measured.
    pub calls: u32,
    /// Median wall-clock time of a call, microseconds.
    pub p50_micros: u64,
    /// 99th percentile (nearest rank), microseconds.
    pub p99_micros: u64,
    /// The most linear memory any call had, bytes.
    pub peak_memory: u64,
}

/// The new version's figures against the serving one's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Performance {
    /// How the figures were taken.
    pub method: String,
    /// The new version.
    pub new: Option<Figures>,
    /// The version serving when the report was made, replayed over the same calls; none on
    /// a first deploy.
    pub serving: Option<Figures>,
}

/// What replaying recorded calls against a new version found, and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeployReport {
    /// The plugin.
    pub plugin: String,
    /// The version replayed.
    pub version: String,
    /// The version serving when it was made, if any.
    pub serving_version: Option<String>,
    /// What it says of the version.
    pub verdict: Verdict,
    /// One sentence a person can act on.
    pub summary: String,
    /// Recorded calls found (at most the runtime's replay limit, newest first).
    pub calls_recorded: u32,
    /// Of those, replayed.
    pub calls_replayed: u32,
    /// Replayed to exactly the recorded outcome.
    pub unchanged: u32,
    /// Answered when recorded, answer differently now (and still answer).
    pub changed: u32,
    /// Answered when recorded, fail now.
    pub now_fail: u32,
    /// Those failures by kind (`error`, `trap`, `timeout`).
    pub now_fail_by_kind: BTreeMap<String, u32>,
    /// Failed when recorded, answer now.
    pub fixed: u32,
    /// Failed when recorded and still fail.
    pub still_fail: u32,
    /// Asked for data the recording lacks (outcome not comparable).
    pub diverged: u32,
    /// Not replayed, by reason.
    pub skipped: BTreeMap<String, u32>,
    /// The calls that differ, failures first, at most [`LISTED_CALLS`].
    pub calls: Vec<CallChange>,
    /// Latency and memory, new against serving.
    pub performance: Performance,
    /// How long the rehearsal took (reading the recordings, replaying every call on both
    /// versions), milliseconds: what it added to the deploy.
    pub replay_millis: u64,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// What the report is about, besides the observations.
#[derive(Debug, Clone, Default)]
pub struct Subject {
    /// The plugin.
    pub plugin: String,
    /// The new version.
    pub version: String,
    /// The serving version and its replays' (micros, peak memory), if one serves.
    pub serving: Option<(String, Vec<(u64, u64)>)>,
    /// Whether the deployer insists.
    pub force: bool,
    /// How long the replays took, milliseconds.
    pub replay_millis: u64,
    /// Unix milliseconds.
    pub now_ms: i64,
}

/// How the replay figures are measured (stated in every report).
pub const METHOD: &str = "both versions replayed over the same recorded calls, one after the \
    other per call, on this runtime, with the recorded host answers and clock; live calls also \
    wait on the database, so these figures are lower than the audit log's";

/// The report of `observations` for `subject`.
pub fn build(subject: &Subject, observations: &[Observation]) -> DeployReport {
    let mut report = DeployReport {
        plugin: subject.plugin.clone(),
        version: subject.version.clone(),
        serving_version: subject.serving.as_ref().map(|(v, _)| v.clone()),
        verdict: Verdict::Clear,
        summary: String::new(),
        calls_recorded: observations.len() as u32,
        calls_replayed: 0,
        unchanged: 0,
        changed: 0,
        now_fail: 0,
        now_fail_by_kind: BTreeMap::new(),
        fixed: 0,
        still_fail: 0,
        diverged: 0,
        skipped: BTreeMap::new(),
        calls: Vec::new(),
        performance: Performance {
            method: METHOD.into(),
            new: None,
            serving: None,
        },
        replay_millis: subject.replay_millis,
        created_at: subject.now_ms,
    };
    let mut listed = Vec::new();
    let mut measured = Vec::new();
    for o in observations {
        let replay = match &o.replay {
            Ok(r) => r,
            Err(why) => {
                let key = serde_json::to_value(why)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                *report.skipped.entry(key).or_default() += 1;
                continue;
            }
        };
        report.calls_replayed += 1;
        measured.push((replay.micros, replay.peak_memory));
        let was = failure_kind(&o.recorded_code);
        let now = failure_kind(&replay.code);
        let same = replay.output == o.recorded;
        let change = match (was, now) {
            _ if replay.divergence.is_some() && !same => Some(Change::Diverged),
            (None, Some(_)) => Some(Change::NowFails),
            (Some(_), None) => Some(Change::Fixed),
            (Some(_), Some(_)) => {
                report.still_fail += 1;
                None
            }
            (None, None) if same => None,
            (None, None) => Some(Change::Changed),
        };
        match change {
            None => report.unchanged += u32::from(same),
            Some(Change::NowFails) => {
                report.now_fail += 1;
                let kind = now.map_or("error", kind_name);
                *report.now_fail_by_kind.entry(kind.into()).or_default() += 1;
            }
            Some(Change::Changed) => report.changed += 1,
            Some(Change::Fixed) => report.fixed += 1,
            Some(Change::Diverged) => report.diverged += 1,
        }
        if let Some(change) = change {
            listed.push(CallChange {
                call_id: o.call_id,
                export: o.export.clone(),
                intent: o.intent.clone(),
                change,
                failure: if change == Change::NowFails {
                    now
                } else {
                    None
                },
                recorded_outcome: o.recorded_code.clone(),
                outcome: replay.code.clone(),
                diff: diff(&render(&o.recorded), &render(&replay.output)),
                note: replay.divergence.clone(),
            });
        }
    }
    // Failures first, then changed answers, fixes, divergences; newest first within each.
    listed.sort_by_key(|c| (c.change as u8, std::cmp::Reverse(c.call_id)));
    listed.truncate(LISTED_CALLS);
    report.calls = listed;
    report.performance.new = figures(&subject.version, &measured);
    report.performance.serving = subject
        .serving
        .as_ref()
        .and_then(|(version, runs)| figures(version, runs));
    report.verdict = match (report.now_fail, report.changed + report.fixed) {
        (0, 0) => Verdict::Clear,
        (0, _) => Verdict::Changed,
        _ if subject.force => Verdict::Forced,
        _ => Verdict::Refused,
    };
    report.summary = summary(&report);
    report
}

fn kind_name(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::Error => "error",
        FailureKind::Trap => "trap",
        FailureKind::Timeout => "timeout",
    }
}

/// The one sentence of a report.
fn summary(r: &DeployReport) -> String {
    let replayed = r.calls_replayed;
    let calls = |n: u32| if n == 1 { "call" } else { "calls" };
    if replayed == 0 {
        return format!(
            "no recorded calls of {} to replay; {} {}",
            r.plugin,
            r.version,
            if r.verdict.activates() {
                "goes live"
            } else {
                "was refused"
            }
        );
    }
    let kinds: Vec<String> = r
        .now_fail_by_kind
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    let mut text = match r.verdict {
        Verdict::Refused => format!(
            "{} of {replayed} recorded {} now fail ({}); deploy with force to activate anyway",
            r.now_fail,
            calls(replayed),
            kinds.join(", ")
        ),
        Verdict::Forced => format!(
            "{} of {replayed} recorded {} now fail ({}); activated anyway, as forced",
            r.now_fail,
            calls(replayed),
            kinds.join(", ")
        ),
        Verdict::Changed => format!(
            "{} of {replayed} recorded {} answer differently and none that answered fails; \
             read the diffs",
            r.changed + r.fixed,
            calls(replayed)
        ),
        Verdict::Clear if r.unchanged == replayed => format!(
            "all {replayed} recorded {} replayed as recorded",
            calls(replayed)
        ),
        Verdict::Clear => format!(
            "{} of {replayed} recorded {} replayed as recorded and none that answered fails",
            r.unchanged,
            calls(replayed)
        ),
    };
    if r.diverged > 0 {
        text.push_str(&format!(
            "; {} asked for data the recording lacks and could not be compared",
            r.diverged
        ));
    }
    text
}

/// p50, p99 (nearest rank) and peak memory of `runs` (micros, bytes).
fn figures(version: &str, runs: &[(u64, u64)]) -> Option<Figures> {
    if runs.is_empty() {
        return None;
    }
    let mut micros: Vec<u64> = runs.iter().map(|(m, _)| *m).collect();
    micros.sort_unstable();
    let rank =
        |p: f64| micros[((p * micros.len() as f64).ceil() as usize).clamp(1, micros.len()) - 1];
    Some(Figures {
        version: version.to_string(),
        calls: runs.len() as u32,
        p50_micros: rank(0.50),
        p99_micros: rank(0.99),
        peak_memory: runs.iter().map(|(_, m)| *m).max().unwrap_or(0),
    })
}

/// An outcome as lines a person reads: the text, each card, the proposal, or the error.
pub fn render(output: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(error) = output.get("error") {
        lines.push(format!(
            "error: {}",
            error.as_str().unwrap_or(&error.to_string())
        ));
        return lines;
    }
    match output.get("text").and_then(Value::as_str) {
        Some(text) => lines.extend(text.lines().map(|l| format!("text: {l}"))),
        None => lines.push(format!("output: {output}")),
    }
    if let Some(cards) = output.get("cards").and_then(Value::as_array) {
        lines.extend(cards.iter().map(|c| format!("card: {c}")));
    }
    match output.get("proposal") {
        None | Some(Value::Null) => {}
        Some(p) => lines.push(format!("proposal: {p}")),
    }
    lines
}

/// A line diff of `old` against `new` (longest common subsequence): `- ` lines only in
/// `old`, `+ ` only in `new`, `  ` in both. Each side is cut at [`DIFF_LINES`] lines and
/// each line at [`DIFF_LINE_CHARS`] characters.
pub fn diff(old: &[String], new: &[String]) -> Vec<String> {
    let cut = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .take(DIFF_LINES)
            .map(|l| match l.char_indices().nth(DIFF_LINE_CHARS) {
                Some((at, _)) => format!("{}…", &l[..at]),
                None => l.clone(),
            })
            .collect()
    };
    let (a, b) = (cut(old), cut(new));
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(format!("  {}", a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j == b.len() || (i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("- {}", a[i]));
            i += 1;
        } else {
            out.push(format!("+ {}", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
