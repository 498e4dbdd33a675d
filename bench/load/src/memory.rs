//! The server's resident memory, read from `/proc/<pid>/status` (`VmRSS`): sampled before
//! the first session connects, every [`INTERVAL`] during the run (keeping the peak and how
//! many sockets were open then), and after every session closed. Linux only; elsewhere, or
//! without `--server-pid`, the report has no memory section.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use crate::stats::Recorder;

/// How often the sampler reads the server's memory.
pub const INTERVAL: Duration = Duration::from_millis(250);

/// The server's memory over a run, in KiB.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemoryReport {
    /// The processes sampled (their memory is added up).
    pub pids: Vec<u32>,
    /// Before any session connected.
    pub before_kb: u64,
    /// The highest sample during the run.
    pub peak_kb: u64,
    /// The most sockets open at one sample.
    pub most_open: usize,
    /// The server's memory at that sample (the highest, if several had as many open).
    pub at_most_open_kb: u64,
    /// After every session closed (and a moment to let the server drop them).
    pub after_kb: u64,
    /// (at most open − before) / most open: what an open session costs, with its turn's
    /// buffers when the sessions were talking.
    pub kb_per_open_session: Option<f64>,
}

/// `VmRSS` in KiB from the text of a `/proc/<pid>/status` file.
pub fn parse_rss_kb(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// The resident memory of `pid` now, in KiB.
pub fn rss_kb(pid: u32) -> Option<u64> {
    parse_rss_kb(&std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
}

/// The resident memory of every one of `pids` now, added up, in KiB; `None` if one of
/// them cannot be read.
pub fn total_rss_kb(pids: &[u32]) -> Option<u64> {
    pids.iter().map(|&pid| rss_kb(pid)).sum()
}

/// What the samples of a run came to.
#[derive(Debug, Clone, Copy, Default)]
struct Samples {
    peak_kb: u64,
    most_open: usize,
    at_most_open_kb: u64,
}

impl Samples {
    fn add(&mut self, kb: u64, open: usize) {
        self.peak_kb = self.peak_kb.max(kb);
        if open > self.most_open || (open == self.most_open && kb > self.at_most_open_kb) {
            (self.most_open, self.at_most_open_kb) = (open, kb);
        }
    }
}

/// Samples the server's processes during a run.
#[derive(Debug)]
pub struct Sampler {
    pids: Vec<u32>,
    before_kb: u64,
    stop: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<Samples>,
}

impl Sampler {
    /// Takes the "before" sample and starts sampling; `None` if `pid` cannot be read.
    pub fn start(pids: Vec<u32>, recorder: Arc<Recorder>) -> Option<Self> {
        let before_kb = total_rss_kb(&pids)?;
        let sampled = pids.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let task = tokio::spawn(async move {
            let mut samples = Samples::default();
            samples.add(before_kb, 0);
            while !stopped.load(Ordering::Relaxed) {
                tokio::time::sleep(INTERVAL).await;
                // The count first: a socket opened between the two reads is in the memory
                // but not the count, which errs toward a higher cost per session.
                let open = recorder.open();
                let Some(now) = total_rss_kb(&sampled) else {
                    break;
                };
                samples.add(now, open);
            }
            samples
        });
        Some(Self {
            pids,
            before_kb,
            stop,
            task,
        })
    }

    /// Stops sampling and takes the "after" sample; call once every session has closed.
    pub async fn finish(self, settle: Duration) -> MemoryReport {
        self.stop.store(true, Ordering::Relaxed);
        let s = self.task.await.unwrap_or_default();
        tokio::time::sleep(settle).await;
        let after_kb = total_rss_kb(&self.pids).unwrap_or(0);
        let kb_per_open_session = (s.most_open > 0)
            .then(|| s.at_most_open_kb.saturating_sub(self.before_kb) as f64 / s.most_open as f64);
        MemoryReport {
            pids: self.pids,
            before_kb: self.before_kb,
            peak_kb: s.peak_kb.max(self.before_kb),
            most_open: s.most_open,
            at_most_open_kb: s.at_most_open_kb,
            after_kb,
            kb_per_open_session,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_is_read_from_proc_status_text() {
        let status = "Name:\tkefu\nVmPeak:\t 900 kB\nVmRSS:\t  123456 kB\nThreads:\t4\n";
        assert_eq!(parse_rss_kb(status), Some(123_456));
        assert_eq!(parse_rss_kb("Name:\tkefu\n"), None);
    }

    #[test]
    fn the_cost_per_session_is_read_where_most_sockets_were_open() {
        let mut s = Samples::default();
        s.add(100, 0);
        s.add(300, 10);
        s.add(310, 10);
        s.add(400, 2);
        assert_eq!((s.peak_kb, s.most_open, s.at_most_open_kb), (400, 10, 310));
    }

    #[test]
    fn this_process_has_a_resident_size() {
        if cfg!(target_os = "linux") {
            assert!(rss_kb(std::process::id()).unwrap() > 0);
        }
    }
}
