//! What a load run does, as the command line says it: where the server is, how many shoppers,
//! for how long, how long they think between messages, what they talk about and who floods.
//! Parsed by clap in `kefu-load` and `cargo xtask load`; tests build a [`LoadArgs`] directly.

use std::time::Duration;

use clap::{Parser, ValueEnum};

/// One load run.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "kefu-load",
    about = "Load generator for the kefu runtime: concurrent shopper sessions over the chat \
             WebSocket; reports turn latency percentiles, turns/s, errors and the server's memory"
)]
pub struct LoadArgs {
    /// The runtime's base URL (`ws://` or `http://`; the chat path is added); several,
    /// comma-separated, for nodes of one cluster: session i talks to the i-th mod n.
    #[arg(long, default_value = "ws://127.0.0.1:8080", value_delimiter = ',')]
    pub url: Vec<String>,
    /// The shop to talk to.
    #[arg(long, default_value = "demo")]
    pub merchant: String,
    /// Well-behaved shopper sessions open at once.
    #[arg(long, default_value_t = 10)]
    pub sessions: usize,
    /// How long the run lasts (`60s`, `2m`, `500ms`).
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    pub duration: Duration,
    /// Stop each session after this many turns (the run ends when all have, or at
    /// `--duration`, whichever is first).
    #[arg(long)]
    pub turns: Option<u64>,
    /// Time a shopper takes before each message, drawn uniformly per turn (`2s..8s`; `0`
    /// sends each message as soon as the previous one is answered).
    #[arg(long, default_value = "2s..8s", value_parser = ThinkTime::parse)]
    pub think: ThinkTime,
    /// Sessions start spread over this long, so a thousand do not connect in the same
    /// millisecond.
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    pub ramp: Duration,
    /// What the well-behaved sessions do: `default` (conversations about orders, FAQ,
    /// products, small talk and handoffs), `idle` (connect, say hello, stay open: for memory
    /// per open session) or `flood` (`default` plus `--flooders`, 5 unless given).
    #[arg(long, value_enum, default_value_t = Mix::Default)]
    pub mix: Mix,
    /// Abusive sessions that send as fast as they are answered (or at `--flood-rate`),
    /// ignoring `retry_after_secs`; reported apart from the well-behaved ones.
    #[arg(long)]
    pub flooders: Option<usize>,
    /// Sockets each flooder opens at once (many sockets from one address).
    #[arg(long, default_value_t = 1)]
    pub flood_sockets: usize,
    /// Messages per second each flooding socket sends; 0 sends the next one as soon as the
    /// previous is answered or refused.
    #[arg(long, default_value_t = 0.0)]
    pub flood_rate: f64,
    /// A turn not answered within this long counts as a `timeout` error.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// The server's process id: its resident memory is sampled from `/proc/<pid>/status`
    /// before, during and after the run. Several, comma-separated, for several nodes on
    /// this machine: their memory is added up.
    #[arg(long, value_delimiter = ',')]
    pub server_pid: Vec<u32>,
    /// How long after the last session closed the server's memory is read "after": an
    /// allocator gives freed pages back on its own schedule (jemalloc's within ~10 s).
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    pub settle: Duration,
    /// Seed for the conversation mix and think times (runs with the same seed send the same
    /// messages in the same order per session).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// A note printed with the report (e.g. the server's build profile).
    #[arg(long, default_value = "")]
    pub label: String,
    /// Print the report as JSON on stdout instead of a table.
    #[arg(long)]
    pub json: bool,
    /// No progress bar or progress lines on stderr.
    #[arg(long)]
    pub quiet: bool,
}

impl LoadArgs {
    /// Arguments for a run of `sessions` sessions against `url`, everything else at its
    /// command-line default.
    pub fn new(url: &str, sessions: usize) -> Self {
        let mut args = Self::parse_from(["kefu-load"]);
        args.url = vec![url.to_string()];
        args.sessions = sessions;
        args
    }

    /// How many flooders run: `--flooders`, or 5 with `--mix flood`.
    pub fn flooder_count(&self) -> usize {
        self.flooders
            .unwrap_or(if self.mix == Mix::Flood { 5 } else { 0 })
    }

    /// The chat socket's URL on every node, in the order given.
    pub fn chat_urls(&self) -> Vec<String> {
        self.url
            .iter()
            .map(|url| {
                let base = url.trim_end_matches('/');
                let base = if let Some(rest) = base.strip_prefix("http") {
                    format!("ws{rest}")
                } else {
                    base.to_string()
                };
                format!("{base}/v1/chat/{}", self.merchant)
            })
            .collect()
    }
}

/// What the well-behaved sessions do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mix {
    /// Realistic conversations: orders, FAQ, products, small talk, handoffs.
    Default,
    /// Connect, say hello and stay open without a message.
    Idle,
    /// `default`, plus flooders.
    Flood,
}

impl Mix {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::Idle => "idle",
            Self::Flood => "flood",
        }
    }
}

/// A range of think times, drawn uniformly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThinkTime {
    /// Shortest.
    pub min: Duration,
    /// Longest.
    pub max: Duration,
}

impl ThinkTime {
    /// Parses `2s..8s`, `500ms`, or `0`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (min, max) = match text.split_once("..") {
            Some((a, b)) => (parse_duration(a)?, parse_duration(b)?),
            None => {
                let d = parse_duration(text)?;
                (d, d)
            }
        };
        if min > max {
            return Err(format!(
                "think time `{text}`: the shortest is longer than the longest"
            ));
        }
        Ok(Self { min, max })
    }

    /// A think time for `unit` in [0, 1).
    pub fn at(self, unit: f64) -> Duration {
        self.min + (self.max - self.min).mul_f64(unit.clamp(0.0, 1.0))
    }

    /// Zero: the next message goes as soon as the last is answered.
    pub fn is_zero(self) -> bool {
        self.max.is_zero()
    }
}

impl std::fmt::Display for ThinkTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.min == self.max {
            write!(f, "{}", show(self.min))
        } else {
            write!(f, "{}..{}", show(self.min), show(self.max))
        }
    }
}

/// A duration the way [`parse_duration`] reads it: `2s`, `1.5s`, `250ms`.
pub fn show(d: Duration) -> String {
    if d.subsec_millis() == 0 || d >= Duration::from_secs(10) {
        format!("{}s", d.as_secs())
    } else if d < Duration::from_secs(1) {
        format!("{}ms", d.as_millis())
    } else {
        format!("{}s", d.as_secs_f64())
    }
}

/// Parses `60s`, `2m`, `1h`, `250ms`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration: write e.g. 60s, 2m, 500ms"))?;
    let seconds = match unit.trim() {
        "" | "s" => value,
        "ms" => value / 1000.0,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        other => {
            return Err(format!(
                "`{text}`: unknown unit `{other}` (use ms, s, m or h)"
            ));
        }
    };
    Ok(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_the_usual_units() {
        assert_eq!(parse_duration("60s"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert!(
            parse_duration("soon")
                .unwrap_err()
                .contains("not a duration")
        );
        assert!(parse_duration("3d").unwrap_err().contains("unknown unit"));
    }

    #[test]
    fn think_time_is_a_range_or_one_value() {
        let t = ThinkTime::parse("2s..8s").unwrap();
        assert_eq!(t.at(0.0), Duration::from_secs(2));
        assert_eq!(t.at(0.5), Duration::from_secs(5));
        assert!(ThinkTime::parse("0").unwrap().is_zero());
        assert!(ThinkTime::parse("8s..2s").is_err());
        assert_eq!(t.to_string(), "2s..8s");
        assert_eq!(ThinkTime::parse("0").unwrap().to_string(), "0s");
        assert_eq!(ThinkTime::parse("250ms").unwrap().to_string(), "250ms");
    }

    #[test]
    fn the_chat_url_is_derived_from_http_or_ws() {
        let mut args = LoadArgs::new("http://127.0.0.1:9/", 1);
        assert_eq!(args.chat_urls(), ["ws://127.0.0.1:9/v1/chat/demo"]);
        args.url = vec!["wss://shop.example".into()];
        assert_eq!(args.chat_urls(), ["wss://shop.example/v1/chat/demo"]);
    }

    #[test]
    fn several_nodes_are_given_comma_separated() {
        let args = LoadArgs::parse_from([
            "kefu-load",
            "--url",
            "ws://127.0.0.1:1,ws://127.0.0.1:2",
            "--server-pid",
            "10,11",
        ]);
        assert_eq!(
            args.chat_urls(),
            [
                "ws://127.0.0.1:1/v1/chat/demo",
                "ws://127.0.0.1:2/v1/chat/demo"
            ]
        );
        assert_eq!(args.server_pid, [10, 11]);
    }

    #[test]
    fn flood_mix_brings_five_flooders_unless_told() {
        let mut args = LoadArgs::new("ws://x", 1);
        assert_eq!(args.flooder_count(), 0);
        args.mix = Mix::Flood;
        assert_eq!(args.flooder_count(), 5);
        args.flooders = Some(2);
        assert_eq!(args.flooder_count(), 2);
    }
}
