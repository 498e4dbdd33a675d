//! `kefu serve`: build the app ([`crate::app`]), bind the socket, serve until SIGTERM or
//! Ctrl-C, then stop gracefully: `/healthz` answers 503 at once (and, for
//! `--drain-delay-secs`, everything else is still served), then no new connections, every
//! open socket told to reconnect (after the turn it is answering), requests in flight
//! finished, the store closed; all within `--shutdown-grace-secs`, then exit 0.

use std::time::Duration;

use anyhow::{Context, Result};

use crate::app::{ServeArgs, build_app, router};
use crate::store::DemoData;

/// Runs `kefu serve`: logging, a tokio runtime, then [`serve`].
pub fn run(args: ServeArgs) -> Result<()> {
    tracing_subscriber::fmt()
        // Colours on a terminal only: not as escape codes in journald or a log file.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=warn,sqlx=warn".into()),
        )
        .init();
    tokio::runtime::Runtime::new()?.block_on(serve(args))
}

/// Starts the runtime, serves until SIGTERM or Ctrl-C, and stops gracefully.
pub async fn serve(args: ServeArgs) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {} (is another kefu running?)", args.listen))?;
    let local = listener.local_addr()?;
    let metrics = match args.metrics_listen {
        Some(addr) => Some(
            tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("listening for metrics on {addr}"))?,
        ),
        None => None,
    };
    let app = build_app(&args, local).await?;
    // Merchants' retention periods are in days: an hourly sweep keeps them to the hour.
    tokio::spawn(crate::engine::privacy::sweep_forever(
        app.engine.clone(),
        Duration::from_secs(3600),
    ));
    let url = app.config.public_url.clone();
    tracing::info!(%local, "kefu is listening");
    if args.demo {
        println!("\n  kefu is running the demo shop. Open the demo storefront: {url}/");
        println!("  Agent console: {url}/console");
        for agent in DemoData::builtin()?.agents() {
            println!(
                "    demo login: {} / {}  (only with --demo; add real agents with `kefu agent add`)",
                agent.email, agent.password
            );
        }
    } else {
        println!("\n  kefu is running at {url}/ (agent console: {url}/console)");
        if app.store.merchant_ids().await?.is_empty() {
            println!("  There is no merchant yet. Create your shop and an agent who answers:");
            println!("    kefu merchant add my-shop --name \"My Shop\"");
            println!(
                "    kefu agent add --merchant my-shop --email you@my-shop.example --name You   (password on stdin)"
            );
            println!("  Or try the demo shop: kefu serve --demo");
        }
    }
    if let Some(listener) = metrics {
        let addr = listener.local_addr()?;
        println!("  Prometheus metrics: http://{addr}/metrics");
        tracing::info!(%addr, "serving metrics");
        // Until the process exits: a scrape during shutdown still answers.
        let metrics = axum::serve(listener, crate::http::metrics::router(app.clone()));
        tokio::spawn(async move {
            if let Err(e) = metrics.await {
                tracing::error!(error = %e, "the metrics listener failed");
            }
        });
    }
    println!();
    // Records each peer's address (for the per-address limits) and times out clients that
    // are slow to send their headers.
    let header_read_timeout = app.limits.limits().header_read_timeout();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(crate::http::server::serve(
        listener,
        router(app.clone()),
        header_read_timeout,
        async {
            let _ = stopped.await;
        },
    ));
    let mut signal = stop_signal().await?;
    // First the load balancer hears the node is leaving (`/healthz` 503) while shoppers
    // are still served, so it sends the new ones elsewhere before sockets are closed.
    app.drain.announce();
    if args.drain_delay_secs > 0 {
        tracing::info!(
            signal,
            delay_secs = args.drain_delay_secs,
            "leaving: /healthz answers 503, still serving until the delay is over"
        );
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(args.drain_delay_secs)) => {}
            again = stop_signal() => {
                signal = again.unwrap_or("?");
                tracing::warn!(signal, "second stop signal: draining now");
            }
        }
    }
    let grace = Duration::from_secs(args.shutdown_grace_secs);
    tracing::info!(
        signal,
        sockets = app.drain.open(),
        "stopping: no new connections, open sockets asked to reconnect"
    );
    app.drain.begin();
    let _ = stop.send(());
    let drained = async {
        // The accept loop ends once the HTTP requests in flight are answered; the sockets
        // once their turns in flight are.
        let _ = server.await;
        app.drain.finished().await;
    };
    tokio::select! {
        finished = tokio::time::timeout(grace, drained) => {
            if finished.is_err() {
                tracing::warn!(
                    sockets = app.drain.open(),
                    grace_secs = grace.as_secs(),
                    "still busy after the grace period; stopping anyway (nothing unacknowledged is lost: clients send it again)"
                );
            }
        }
        again = stop_signal() => {
            tracing::warn!(signal = again.unwrap_or("?"), "second stop signal: stopping now");
        }
    }
    // The other nodes stop counting this node's consoles now, not at expiry.
    app.engine.bus().leave().await;
    app.store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Waits for SIGTERM (what systemd, Docker and Kubernetes send) or Ctrl-C (SIGINT); its
/// name.
async fn stop_signal() -> Result<&'static str> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
        tokio::select! {
            _ = term.recv() => Ok("SIGTERM"),
            r = tokio::signal::ctrl_c() => r.map(|()| "SIGINT").context("listening for Ctrl-C"),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c()
            .await
            .context("listening for Ctrl-C")?;
        Ok("Ctrl-C")
    }
}
