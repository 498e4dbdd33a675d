//! End-to-end over real sockets: a kefu runtime on a free port with a fresh SQLite store, the
//! real orders plugin (built into `dist/` by `cargo xtask build`) running in wasmtime, and a
//! WebSocket client speaking the widget's protocol.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{
    Author, Card, ClientMessage, ConversationState, PROTOCOL_VERSION, ServerMessage,
};
use kefu_runtime::cli::{ServeArgs, build_app};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

struct Runtime {
    addr: std::net::SocketAddr,
    data_dir: PathBuf,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// Starts a runtime serving the built plugins, with its own data directory.
async fn start(data_dir: Option<PathBuf>) -> Runtime {
    static N: AtomicU32 = AtomicU32::new(0);
    let plugins_dir = root().join("dist/plugins");
    assert!(
        plugins_dir.join("orders/plugin.wasm").is_file(),
        "the orders plugin is not built: run `cargo xtask build` (or `cargo xtask test`)"
    );
    let data_dir = data_dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "kefu-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ))
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let args = ServeArgs {
        listen: addr,
        data_dir: data_dir.clone(),
        assets_dir: root().join("dist"),
        www_dir: root().join("www"),
        plugins_dir,
        public_url: None,
        training_file: None,
    };
    let app = build_app(&args, addr).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::http::router(app)).await });
    Runtime { addr, data_dir }
}

async fn connect(rt: &Runtime, merchant: &str) -> Socket {
    let (ws, _) = tokio_tungstenite::connect_async(format!("ws://{}/v1/chat/{merchant}", rt.addr))
        .await
        .unwrap();
    ws
}

async fn send(ws: &mut Socket, msg: &ClientMessage) {
    ws.send(Message::Text(serde_json::to_string(msg).unwrap().into()))
        .await
        .unwrap();
}

async fn recv(ws: &mut Socket) -> ServerMessage {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(10), ws.next())
            .await
            .expect("the runtime answers within 10 s")
            .expect("socket open")
            .unwrap();
        if let Message::Text(text) = frame {
            return serde_json::from_str(text.as_str()).unwrap();
        }
    }
}

async fn hello(ws: &mut Socket, conversation_id: Option<String>, last_seq: u64) -> String {
    send(
        ws,
        &ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            conversation_id,
            last_seq,
            locale: Some("en".into()),
        },
    )
    .await;
    match recv(ws).await {
        ServerMessage::Welcome {
            conversation_id, ..
        } => conversation_id,
        other => panic!("expected welcome, got {other:?}"),
    }
}

fn say(id: &str, text: &str) -> ClientMessage {
    ClientMessage::Say {
        client_msg_id: id.into(),
        text: text.into(),
        locale: Some("en".into()),
        hint: None,
    }
}

/// Sends `text` and returns (ack seq, shopper message, bot reply).
async fn turn(
    ws: &mut Socket,
    id: &str,
    text: &str,
) -> (u64, kefu_protocol::ChatMessage, kefu_protocol::ChatMessage) {
    send(ws, &say(id, text)).await;
    let ServerMessage::Ack { seq, .. } = recv(ws).await else {
        panic!("expected ack")
    };
    let ServerMessage::Message(shopper) = recv(ws).await else {
        panic!("expected the shopper message")
    };
    let ServerMessage::Message(bot) = recv(ws).await else {
        panic!("expected the bot reply")
    };
    (seq, shopper, bot)
}

// The foundation path: an order question answered by the orders plugin in wasmtime.
mod order_status {
    use super::*;

    #[tokio::test]
    async fn order_1001_is_answered_by_the_orders_plugin_with_its_tracking_number() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        let (seq, shopper, bot) = turn(&mut ws, "m1", "where is my order 1001?").await;
        assert_eq!((seq, shopper.seq, bot.seq), (1, 1, 2));
        assert_eq!(shopper.author, Author::Shopper);
        assert_eq!(bot.author, Author::Bot);
        assert_eq!(bot.intent.as_deref(), Some("track_order"));
        assert!(bot.text.contains("1Z999AA10123456784"), "{}", bot.text);
        let Some(Card::OrderStatus {
            order_id,
            status,
            carrier,
            ..
        }) = bot.cards.first()
        else {
            panic!("expected an order card, got {:?}", bot.cards);
        };
        assert_eq!(
            (order_id.as_str(), status.as_str(), carrier.as_deref()),
            ("1001", "shipped", Some("UPS"))
        );
    }

    #[tokio::test]
    async fn chinese_questions_get_chinese_answers() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        let (_, _, bot) = turn(&mut ws, "m1", "我的订单1002到哪了").await;
        assert!(bot.text.contains("订单1002目前备货中"), "{}", bot.text);
    }

    #[tokio::test]
    async fn a_missing_order_number_is_asked_for_and_the_answer_continues_the_request() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        let (_, _, bot) = turn(&mut ws, "m1", "where is my order?").await;
        assert!(bot.text.contains("order number"), "{}", bot.text);
        let (_, _, bot) = turn(&mut ws, "m2", "1001").await;
        assert!(bot.text.contains("UPS"), "{}", bot.text);
    }

    #[tokio::test]
    async fn an_unknown_order_number_is_not_guessed_at() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        let (_, _, bot) = turn(&mut ws, "m1", "where is my order 99999?").await;
        assert!(bot.text.contains("couldn't find"), "{}", bot.text);
        assert!(
            bot.cards
                .iter()
                .all(|c| !matches!(c, Card::OrderStatus { .. }))
        );
    }
}

// Handoff: an explicit request is honoured at once and the bot then stays quiet.
mod handoff {
    use super::*;

    #[tokio::test]
    async fn asking_for_a_human_hands_off_and_silences_the_bot() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        let (_, _, bot) = turn(&mut ws, "m1", "转人工").await;
        assert_eq!(bot.state, ConversationState::WaitingForHuman);
        assert!(bot.text.contains("人工客服"), "{}", bot.text);
        send(&mut ws, &say("m2", "hello?")).await;
        let ServerMessage::Ack { seq, .. } = recv(&mut ws).await else {
            panic!("expected ack")
        };
        let ServerMessage::Message(m) = recv(&mut ws).await else {
            panic!("expected the stored message")
        };
        assert_eq!((seq, m.author), (3, Author::Shopper));
        // No bot reply follows: the next frame is the answer to the next message.
        send(&mut ws, &say("m2", "hello?")).await;
        assert!(matches!(
            recv(&mut ws).await,
            ServerMessage::Ack { seq: 3, .. }
        ));
    }
}

// Delivery: acknowledged turns are durable, resends are idempotent, reconnects replay.
mod delivery {
    use super::*;

    #[tokio::test]
    async fn a_resent_message_is_answered_from_storage_not_handled_twice() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        let (seq, _, first) = turn(&mut ws, "same-id", "where is my order 1001?").await;
        let (again, _, replayed) = turn(&mut ws, "same-id", "where is my order 1001?").await;
        assert_eq!((seq, again), (1, 1));
        assert_eq!(first, replayed);
        let (next, _, _) = turn(&mut ws, "other-id", "thanks").await;
        assert_eq!(next, 3, "the resend stored nothing");
    }

    #[tokio::test]
    async fn a_reconnecting_widget_gets_what_it_missed_even_after_a_restart() {
        let data_dir =
            std::env::temp_dir().join(format!("kefu-test-restart-{}", std::process::id()));
        let conversation = {
            let rt = start(Some(data_dir.clone())).await;
            let mut ws = connect(&rt, "demo").await;
            let id = hello(&mut ws, None, 0).await;
            turn(&mut ws, "m1", "hello").await;
            std::mem::forget(rt); // keep the data directory for the second runtime
            id
        };
        let rt = start(Some(data_dir)).await;
        let mut ws = connect(&rt, "demo").await;
        assert_eq!(
            hello(&mut ws, Some(conversation.clone()), 1).await,
            conversation
        );
        let ServerMessage::Message(m) = recv(&mut ws).await else {
            panic!("expected a replayed message")
        };
        assert_eq!((m.seq, m.author), (2, Author::Bot));
    }
}

// Bad input: refused with a reason, nothing stored, the connection stays usable.
mod bad_input {
    use super::*;

    #[tokio::test]
    async fn oversized_empty_and_malformed_messages_are_refused_with_a_reason() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        hello(&mut ws, None, 0).await;
        send(
            &mut ws,
            &say("big", &"a".repeat(kefu_protocol::MAX_TEXT_BYTES + 1)),
        )
        .await;
        let ServerMessage::Error {
            code,
            message,
            client_msg_id,
        } = recv(&mut ws).await
        else {
            panic!()
        };
        assert_eq!(
            (code.as_str(), client_msg_id.as_deref()),
            ("too_long", Some("big"))
        );
        assert!(message.contains("shorten"), "{message}");
        send(&mut ws, &say("blank", "   ")).await;
        assert!(
            matches!(recv(&mut ws).await, ServerMessage::Error { code, .. } if code == "empty")
        );
        ws.send(Message::Text("{not json".into())).await.unwrap();
        assert!(
            matches!(recv(&mut ws).await, ServerMessage::Error { code, .. } if code == "bad_frame")
        );
        let (seq, _, _) = turn(&mut ws, "ok", "hello").await;
        assert_eq!(seq, 1, "refused messages stored nothing");
    }

    #[tokio::test]
    async fn an_unknown_shop_is_refused() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "no-such-shop").await;
        send(
            &mut ws,
            &ClientMessage::Hello {
                version: PROTOCOL_VERSION,
                conversation_id: None,
                last_seq: 0,
                locale: None,
            },
        )
        .await;
        assert!(
            matches!(recv(&mut ws).await, ServerMessage::Error { code, .. } if code == "unknown_merchant")
        );
    }

    #[tokio::test]
    async fn an_unknown_conversation_id_starts_a_fresh_conversation() {
        let rt = start(None).await;
        let mut ws = connect(&rt, "demo").await;
        let id = hello(&mut ws, None, 0).await;
        turn(&mut ws, "m1", "hello").await;
        let mut ws = connect(&rt, "demo").await;
        let resumed = hello(&mut ws, Some("not-a-real-id".into()), 0).await;
        assert_ne!(resumed, id);
    }

    #[tokio::test]
    async fn health_is_reported() {
        let rt = start(None).await;
        let mut stream = TcpStream::connect(rt.addr).await.unwrap();
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut body = String::new();
        stream.read_to_string(&mut body).await.unwrap();
        assert!(
            body.starts_with("HTTP/1.1 200") && body.ends_with("ok\n"),
            "{body}"
        );
    }
}
