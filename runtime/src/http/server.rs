//! The accept loop of `kefu serve`: HTTP/1.1 (with upgrades, for the WebSockets) over
//! hyper's connection builder, so that a client which does not send its request headers
//! within [`Limits::header_read_timeout`](super::Limits::header_read_timeout) is
//! disconnected (`axum::serve` exposes no such timeout: a slow client could hold a
//! connection, and a file descriptor, for as long as it liked). Each connection records
//! the peer's address ([`axum::extract::ConnectInfo`], read by [`super::PeerIp`]) for the
//! per-address limits. On shutdown it stops accepting, lets requests in flight finish and
//! closes idle connections.
//!
//! Why not hyper-util's `auto` builder (HTTP/1 and HTTP/2 by prior knowledge): it reads
//! the first bytes to tell the protocols apart before any timeout runs, so a client that
//! connects and sends nothing would never be timed out. Browsers do not speak cleartext
//! HTTP/2, and a TLS proxy in front speaks HTTP/1.1 to us by default.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::Service;

/// Serves `app` on `listener` until `shutdown` completes, then waits for the requests in
/// flight. `header_read_timeout`: how long a client may take to send a request's headers
/// (`None`: forever).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    header_read_timeout: Option<Duration>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut make_service = app.into_make_service_with_connect_info::<SocketAddr>();
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    // Every connection task holds a receiver: shutdown is announced on it, and the loop
    // knows all connections are done when the last receiver is gone.
    let (stop, stopped) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, mostly: wait for some to close rather than
                    // spin (what axum::serve does too).
                    tracing::warn!(error = %e, "accepting a connection");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Without TCP_NODELAY, Nagle holds a turn's messages back until the shopper's side
        // acknowledges the `ack` frame written just before them, which a delayed ACK
        // stretches to 40 ms: every answer arrived 40 ms late (`cargo xtask load` measured it).
        let _ = stream.set_nodelay(true);
        let service = match make_service.call(peer).await {
            Ok(service) => TowerToHyperService::new(service),
            Err(never) => match never {},
        };
        let connection = builder
            .serve_connection(TokioIo::new(stream), service)
            .with_upgrades();
        let mut stopping = stopped.clone();
        tokio::spawn(async move {
            let mut connection = std::pin::pin!(connection);
            let result = tokio::select! {
                result = connection.as_mut() => result,
                _ = stopping.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(e) = result {
                // A client that went away or was too slow: theirs to fix, not ours.
                tracing::debug!(error = %e, %peer, "connection closed");
            }
            drop(stopping);
        });
    }
    drop(listener);
    drop(stopped);
    let _ = stop.send(());
    stop.closed().await;
    Ok(())
}
