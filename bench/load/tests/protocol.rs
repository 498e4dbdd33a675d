//! The load client's handling of what a real runtime rarely does on cue: a `rate_limited`
//! refusal and a socket closed mid-turn, played by a scripted WebSocket server on a free
//! port. (A run against the real runtime is in the workspace's `tests/load.rs`.)

use std::future::Future;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use kefu_load::{LoadArgs, ThinkTime};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

type Ws = WebSocketStream<TcpStream>;

/// A server that hands its n-th connection (from 0) to `handler`; returns its URL.
async fn scripted<F, Fut>(handler: F) -> String
where
    F: Fn(usize, Ws) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        for n in 0.. {
            let (tcp, _) = listener.accept().await.unwrap();
            let ws = tokio_tungstenite::accept_async(tcp).await.unwrap();
            tokio::spawn(handler(n, ws));
        }
    });
    url
}

/// The next JSON frame; `None` once the client has gone.
async fn next(ws: &mut Ws) -> Option<Value> {
    loop {
        match ws.next().await? {
            Ok(Message::Text(t)) => return Some(serde_json::from_str(t.as_str()).unwrap()),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => continue,
        }
    }
}

async fn read(ws: &mut Ws) -> Value {
    next(ws).await.expect("a frame from the client")
}

async fn send(ws: &mut Ws, frame: Value) {
    ws.send(Message::Text(frame.to_string().into()))
        .await
        .unwrap();
}

async fn welcome(ws: &mut Ws) -> Value {
    let hello = read(ws).await;
    assert_eq!(hello["type"], "hello");
    send(
        ws,
        json!({"type": "welcome", "version": 1, "conversation_id": "c1", "state": "bot"}),
    )
    .await;
    hello
}

/// Answers `say` as the runtime does: ack through seq + 1, the shopper's message, the bot's.
async fn answer(ws: &mut Ws, say: &Value, seq: u64) {
    let id = &say["client_msg_id"];
    send(
        ws,
        json!({"type": "ack", "client_msg_id": id, "seq": seq, "through_seq": seq + 1}),
    )
    .await;
    for (s, author) in [(seq, "shopper"), (seq + 1, "bot")] {
        let m = json!({"type": "message", "seq": s, "author": author, "text": "…", "state": "bot"});
        send(ws, m).await;
    }
}

fn one_turn(url: &str) -> LoadArgs {
    let mut args = LoadArgs::new(url, 1);
    args.turns = Some(1);
    args.think = ThinkTime::parse("0").unwrap();
    args.ramp = Duration::ZERO;
    args.duration = Duration::from_secs(10);
    args.timeout = Duration::from_secs(5);
    args.quiet = true;
    args
}

#[tokio::test]
async fn a_rate_limited_message_is_waited_out_and_sent_again_under_the_same_id() {
    let url = scripted(|_, mut ws| async move {
        welcome(&mut ws).await;
        let first = read(&mut ws).await;
        let refusal = json!({"type": "error", "code": "rate_limited", "message": "slow down",
                             "client_msg_id": first["client_msg_id"], "retry_after_secs": 1});
        send(&mut ws, refusal).await;
        let again = read(&mut ws).await;
        assert_eq!(again["client_msg_id"], first["client_msg_id"]);
        answer(&mut ws, &again, 1).await;
        let _ = next(&mut ws).await;
    })
    .await;
    let started = std::time::Instant::now();
    let report = kefu_load::run(one_turn(&url)).await.unwrap();
    let shoppers = report.group("shoppers").unwrap();
    assert_eq!((shoppers.turns, shoppers.limited), (1, 1), "{report}");
    assert!(
        shoppers.errors.is_empty(),
        "a limit is not an error: {report}"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "retry_after_secs was not waited"
    );
}

#[tokio::test]
async fn a_socket_closed_mid_turn_is_reopened_and_the_conversation_resumed() {
    let url = scripted(|n, mut ws| async move {
        let hello = welcome(&mut ws).await;
        let say = read(&mut ws).await;
        if n == 0 {
            assert!(hello.get("conversation_id").is_none());
            let _ = ws.close(None).await;
            return;
        }
        // The second socket resumes the conversation and resends the same message.
        assert_eq!(hello["conversation_id"], "c1");
        assert_eq!(
            say["client_msg_id"]
                .as_str()
                .map(|s| s.starts_with("load-")),
            Some(true)
        );
        answer(&mut ws, &say, 1).await;
        let _ = next(&mut ws).await;
    })
    .await;
    let report = kefu_load::run(one_turn(&url)).await.unwrap();
    let shoppers = report.group("shoppers").unwrap();
    assert_eq!(shoppers.turns, 1, "{report}");
    assert_eq!(shoppers.reconnects, 1, "{report}");
    assert_eq!(shoppers.conversations, 1, "{report}");
    assert_eq!(shoppers.errors.get("closed"), Some(&1), "{report}");
}

#[tokio::test]
async fn a_flooder_refused_by_the_limits_counts_limits_not_errors() {
    let url = scripted(|_, mut ws| async move {
        welcome(&mut ws).await;
        while let Some(say) = next(&mut ws).await {
            let refusal = json!({"type": "error", "code": "rate_limited", "message": "slow down",
                                 "client_msg_id": say["client_msg_id"], "retry_after_secs": 30});
            send(&mut ws, refusal).await;
        }
    })
    .await;
    let mut args = one_turn(&url);
    args.sessions = 0;
    args.flooders = Some(1);
    args.duration = Duration::from_millis(300);
    let report = kefu_load::run(args).await.unwrap();
    let flooders = report.group("flooders").unwrap();
    // A flooder ignores retry_after_secs: many refusals in 300 ms, none of them an error.
    assert!(flooders.limited > 10, "{report}");
    assert_eq!(flooders.turns, 0, "{report}");
    assert!(flooders.errors.is_empty(), "{report}");
}
