//! The report of a run: per group (well-behaved shoppers, flooders) the turns, turns/s,
//! latency percentiles, errors by code, limits and reconnects; the server's memory; the
//! machine's load average before and after (the figures are only as good as the machine
//! was quiet). Printed as a table, or as JSON with `--json`.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::memory::MemoryReport;
use crate::stats::{GroupStats, Percentiles, SlowTurn};

/// One group's figures.
#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    /// `shoppers` or `flooders`.
    pub name: &'static str,
    /// Sockets the group keeps open at once.
    pub sockets: usize,
    /// Conversations started.
    pub conversations: u64,
    /// Turns answered.
    pub turns: u64,
    /// Turns answered per second of the run.
    pub turns_per_s: f64,
    /// Send → last message of the turn.
    pub turn_latency: Option<Percentiles>,
    /// Send → `ack`.
    pub ack_latency: Option<Percentiles>,
    /// Failures by code.
    pub errors: BTreeMap<String, u64>,
    /// Messages refused with `rate_limited`.
    pub limited: u64,
    /// Connections refused with HTTP 429.
    pub limited_connects: u64,
    /// Sockets reopened to resume a conversation.
    pub reconnects: u64,
    /// Turns answered by script kind.
    pub turns_by_kind: BTreeMap<&'static str, u64>,
    /// The slowest turns, slowest first: when in the run, and which conversation.
    pub slowest: Vec<SlowTurn>,
}

impl GroupReport {
    /// From what a group recorded over `elapsed_s` seconds.
    pub fn new(name: &'static str, sockets: usize, stats: &GroupStats, elapsed_s: f64) -> Self {
        Self {
            name,
            sockets,
            conversations: stats.conversations,
            turns: stats.turns(),
            turns_per_s: if elapsed_s > 0.0 {
                stats.turns() as f64 / elapsed_s
            } else {
                0.0
            },
            turn_latency: Percentiles::of(&stats.turn),
            ack_latency: Percentiles::of(&stats.ack),
            errors: stats.errors.clone(),
            limited: stats.limited,
            limited_connects: stats.limited_connects,
            reconnects: stats.reconnects,
            turns_by_kind: stats
                .turns_by_kind
                .iter()
                .map(|(k, n)| (k.name(), *n))
                .collect(),
            slowest: stats.slowest.clone(),
        }
    }

    /// Failures of every code.
    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }
}

/// Everything a run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The `--label` given.
    pub label: String,
    /// The chat socket's URL.
    pub url: String,
    /// The well-behaved sessions' mix.
    pub mix: &'static str,
    /// Their think time.
    pub think: String,
    /// Seconds from the first connection to the last session's end.
    pub elapsed_s: f64,
    /// Shoppers, then flooders if any ran.
    pub groups: Vec<GroupReport>,
    /// The server's memory, with `--server-pid`.
    pub memory: Option<MemoryReport>,
    /// The machine's 1-, 5- and 15-minute load averages before the run.
    pub load_average_before: Option<[f64; 3]>,
    /// And after it.
    pub load_average_after: Option<[f64; 3]>,
}

impl Report {
    /// The group named `name`.
    pub fn group(&self, name: &str) -> Option<&GroupReport> {
        self.groups.iter().find(|g| g.name == name)
    }
}

/// The load averages from `/proc/loadavg`.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut fields = text.split_whitespace().map(|f| f.parse::<f64>().ok());
    Some([fields.next()??, fields.next()??, fields.next()??])
}

/// Below this many open sockets, the memory per session is mostly the server's caches.
const FEW_SESSIONS: usize = 500;

fn ms(p: Option<Percentiles>, f: impl Fn(Percentiles) -> f64) -> String {
    p.map_or_else(|| "-".into(), |p| format!("{:.1}", f(p)))
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = if self.label.is_empty() {
            String::new()
        } else {
            format!(" [{}]", self.label)
        };
        writeln!(
            f,
            "kefu-load: mix {}, think {}, {:.1} s against {}{label}",
            self.mix, self.think, self.elapsed_s, self.url
        )?;
        let avg = |a: Option<[f64; 3]>| {
            a.map_or_else(|| "?".into(), |[a, b, c]| format!("{a:.2} {b:.2} {c:.2}"))
        };
        writeln!(
            f,
            "load average before {}, after {} (figures taken while other work runs are noisy)\n",
            avg(self.load_average_before),
            avg(self.load_average_after)
        )?;
        writeln!(
            f,
            "{:<9} {:>7} {:>6} {:>7} {:>8} {:>7} {:>7} {:>8} {:>10}",
            "group",
            "sockets",
            "convs",
            "turns",
            "turns/s",
            "errors",
            "limited",
            "429s",
            "reconnects"
        )?;
        for g in &self.groups {
            writeln!(
                f,
                "{:<9} {:>7} {:>6} {:>7} {:>8.1} {:>7} {:>7} {:>8} {:>10}",
                g.name,
                g.sockets,
                g.conversations,
                g.turns,
                g.turns_per_s,
                g.error_count(),
                g.limited,
                g.limited_connects,
                g.reconnects
            )?;
        }
        for (what, pick) in [
            (
                "turn latency (send → last message of the turn), ms",
                (|g: &GroupReport| g.turn_latency) as fn(&GroupReport) -> Option<Percentiles>,
            ),
            ("ack latency (send → ack), ms", |g: &GroupReport| {
                g.ack_latency
            }),
        ] {
            writeln!(f, "\n{what}")?;
            writeln!(
                f,
                "{:<9} {:>8} {:>8} {:>8} {:>8} {:>8}",
                "group", "p50", "p90", "p99", "max", "mean"
            )?;
            for g in &self.groups {
                let p = pick(g);
                writeln!(
                    f,
                    "{:<9} {:>8} {:>8} {:>8} {:>8} {:>8}",
                    g.name,
                    ms(p, |p| p.p50_ms),
                    ms(p, |p| p.p90_ms),
                    ms(p, |p| p.p99_ms),
                    ms(p, |p| p.max_ms),
                    ms(p, |p| p.mean_ms)
                )?;
            }
        }
        writeln!(f)?;
        for g in &self.groups {
            let kinds: Vec<String> = g
                .turns_by_kind
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            if !kinds.is_empty() && g.name == "shoppers" {
                writeln!(f, "{} turns by kind: {}", g.name, kinds.join(", "))?;
            }
            if g.name == "shoppers" && !g.slowest.is_empty() {
                writeln!(
                    f,
                    "slowest turns (sent at s into the run: kind, turn ms, ack ms, conversation):"
                )?;
                for s in &g.slowest {
                    writeln!(
                        f,
                        "  {:>7.2} s: {} {:.1} ms, ack {:.1} ms, {}",
                        s.sent_at_s, s.kind, s.turn_ms, s.ack_ms, s.conversation
                    )?;
                }
            }
            if !g.errors.is_empty() {
                let errors: Vec<String> =
                    g.errors.iter().map(|(k, n)| format!("{k} {n}")).collect();
                writeln!(f, "{} errors by code: {}", g.name, errors.join(", "))?;
            }
        }
        if let Some(m) = &self.memory {
            write!(
                f,
                "server memory (pid {:?}): before {}, {} with {} sockets open, peak {}, after {}",
                m.pids,
                mb(m.before_kb),
                mb(m.at_most_open_kb),
                m.most_open,
                mb(m.peak_kb),
                mb(m.after_kb)
            )?;
            if let Some(per) = m.kb_per_open_session {
                write!(f, "; {per:.0} KB per open session")?;
                if m.most_open < FEW_SESSIONS {
                    // Caches warming up (SQLite pages, plugin instances) dwarf a few sockets.
                    write!(f, " (few sessions: mostly the server warming up)")?;
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mix::Kind;
    use std::time::Duration;

    #[test]
    fn the_table_names_every_group_and_figure() {
        let mut stats = GroupStats {
            conversations: 2,
            ..GroupStats::default()
        };
        stats.turn(
            Kind::Order,
            Duration::from_millis(3),
            Duration::from_millis(5),
        );
        stats.error("timeout");
        stats.keep_if_slow(SlowTurn {
            sent_at_s: 12.5,
            kind: "order",
            ack_ms: 1040.0,
            turn_ms: 1043.0,
            conversation: "c-slow".into(),
        });
        let flood = GroupStats {
            limited: 40,
            ..GroupStats::default()
        };
        let report = Report {
            label: "debug".into(),
            url: "ws://127.0.0.1:1/v1/chat/demo".into(),
            mix: "flood",
            think: "2s..8s".into(),
            elapsed_s: 2.0,
            groups: vec![
                GroupReport::new("shoppers", 2, &stats, 2.0),
                GroupReport::new("flooders", 1, &flood, 2.0),
            ],
            memory: Some(MemoryReport {
                pids: vec![7],
                before_kb: 1024,
                peak_kb: 3072,
                most_open: 16,
                at_most_open_kb: 3072,
                after_kb: 2048,
                kb_per_open_session: Some(128.0),
            }),
            load_average_before: Some([0.5, 0.25, 0.0]),
            load_average_after: None,
        };
        let table = report.to_string();
        for needle in [
            "[debug]",
            "shoppers",
            "flooders",
            "0.5",
            "timeout 1",
            "order 1",
            "128 KB per open session",
            "load average before 0.50 0.25 0.00, after ?",
            "12.50 s: order 1043.0 ms, ack 1040.0 ms, c-slow",
        ] {
            assert!(table.contains(needle), "{needle} missing from\n{table}");
        }
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["groups"][1]["limited"], 40);
        let p50 = json["groups"][0]["turn_latency"]["p50_ms"]
            .as_f64()
            .unwrap();
        assert!((p50 - 5.0).abs() < 0.01, "{p50}");
        assert_eq!(report.group("shoppers").unwrap().error_count(), 1);
    }
}
