//! A whole run: start the memory sampler, the shoppers (spread over `--ramp`) and the
//! flooders, show progress, wait for every session to finish, and build the [`Report`].

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::LoadArgs;
use crate::memory::Sampler;
use crate::report::{GroupReport, Report, load_average};
use crate::session::{self, Ctx};
use crate::stats::Recorder;

/// Runs the load `args` describe against a running server and reports what it measured.
pub async fn run(args: LoadArgs) -> Result<Report> {
    let flooders = args.flooder_count() * args.flood_sockets;
    if args.sessions + flooders == 0 {
        bail!("nothing to run: give --sessions or --flooders");
    }
    if !(args.flood_rate.is_finite() && args.flood_rate >= 0.0) {
        bail!("--flood-rate must be 0 (as fast as answered) or a positive rate");
    }
    let recorder = Arc::new(Recorder::default());
    let load_average_before = load_average();
    let sampler = if args.server_pid.is_empty() {
        None
    } else {
        Some(
            Sampler::start(args.server_pid.clone(), recorder.clone()).ok_or_else(|| {
                anyhow::anyhow!(
                    "cannot read /proc/<pid>/status of {:?}: is --server-pid the server's \
                     process id on this machine?",
                    args.server_pid
                )
            })?,
        )
    };
    let start = Instant::now();
    let ctx = Arc::new(Ctx {
        urls: args.chat_urls(),
        recorder: recorder.clone(),
        start,
        deadline: start + args.duration,
        args: args.clone(),
    });
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..args.sessions {
        tasks.spawn(session::shopper(ctx.clone(), i));
    }
    for i in 0..flooders {
        tasks.spawn(session::flooder(ctx.clone(), i));
    }
    let progress = tokio::spawn(progress(ctx.clone()));
    while let Some(joined) = tasks.join_next().await {
        if let Err(e) = joined
            && e.is_panic()
        {
            std::panic::resume_unwind(e.into_panic());
        }
    }
    let elapsed_s = start.elapsed().as_secs_f64();
    progress.abort();
    let memory = match sampler {
        Some(s) => Some(s.finish(args.settle).await),
        None => None,
    };
    let group = |flooder: bool| {
        recorder.with(flooder, |g| {
            GroupReport::new(
                if flooder { "flooders" } else { "shoppers" },
                if flooder { flooders } else { args.sessions },
                g,
                elapsed_s,
            )
        })
    };
    let mut groups = vec![group(false)];
    if flooders > 0 {
        groups.push(group(true));
    }
    Ok(Report {
        label: args.label.clone(),
        url: ctx.urls.join(", "),
        mix: args.mix.name(),
        think: args.think.to_string(),
        elapsed_s,
        groups,
        memory,
        load_average_before,
        load_average_after: load_average(),
    })
}

/// A progress bar over the run's duration on a terminal; a line every ten seconds
/// otherwise (a log, `cargo xtask load` in CI); nothing with `--quiet`.
async fn progress(ctx: Arc<Ctx>) {
    if ctx.args.quiet {
        return;
    }
    let total = ctx.args.duration.as_secs().max(1);
    let terminal = std::io::stderr().is_terminal();
    let bar = terminal.then(|| {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} s  {msg}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar
    });
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tick.tick().await;
        let r = &ctx.recorder;
        let secs = ctx.start.elapsed().as_secs();
        let line = format!(
            "{} open, {} turns ({:.0}/s), {} errors or limits",
            r.open(),
            r.turns_so_far(),
            r.turns_so_far() as f64 / ctx.start.elapsed().as_secs_f64().max(0.001),
            r.problems_so_far()
        );
        match &bar {
            Some(bar) => {
                bar.set_position(secs.min(total));
                bar.set_message(line);
            }
            None if secs > 0 && secs.is_multiple_of(10) => eprintln!("  {secs:>4} s: {line}"),
            None => {}
        }
    }
}
