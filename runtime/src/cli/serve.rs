//! `kefu serve`: build the app ([`crate::app`]), bind the socket, serve until Ctrl-C.

use anyhow::{Context, Result};

use crate::app::{ServeArgs, build_app, router};
use crate::store::DemoData;

/// Runs `kefu serve`: logging, a tokio runtime, then [`serve`].
pub fn run(args: ServeArgs) -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=warn,sqlx=warn".into()),
        )
        .init();
    tokio::runtime::Runtime::new()?.block_on(serve(args))
}

/// Starts the runtime and serves until Ctrl-C.
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
    crate::http::server::serve(listener, router(app), header_read_timeout, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
