//! End-to-end over real sockets: a kefu runtime on a free port with a fresh SQLite store, the
//! real reference plugins (built by `kefu-test-plugins`' build script) running in wasmtime, and
//! a WebSocket client speaking the widget's protocol; agents use the console's HTTP API on
//! the same app and its live socket. Nothing here reads `dist/`: the browser tests
//! (`tests/e2e/`) are the ones that load the built widget.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{
    Author, Card, ClientMessage, ConversationState, PROTOCOL_VERSION, ServerMessage,
};
use kefu_runtime::app::{ServeArgs, build_app};
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
    app: kefu_runtime::http::AppState,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// Starts a runtime serving the reference plugins, with its own data directory; its widget
/// files (none unless a test writes some) are in `assets/` inside it.
async fn start(data_dir: Option<PathBuf>) -> Runtime {
    static N: AtomicU32 = AtomicU32::new(0);
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
        // Some tests send a dozen messages at once, faster than anyone types; the limits
        // have tests of their own (runtime/tests/limits.rs).
        limits: kefu_runtime::http::Limits {
            conversation_burst: 20,
            ..Default::default()
        },
        ..ServeArgs::demo_in(
            addr,
            data_dir.clone(),
            root().join("www"),
            PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
        )
    };
    let app = build_app(&args, addr).await.unwrap();
    let served = app.clone();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(served)).await });
    Runtime {
        addr,
        data_dir,
        app,
    }
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
            identity: None,
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
        // The tracking number is the owner's to see: the order's email comes with the question.
        let (seq, shopper, bot) = turn(
            &mut ws,
            "m1",
            "where is my order 1001? my email is jane@example.com",
        )
        .await;
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
        assert!(bot.text.contains("Order 1001: shipped"), "{}", bot.text);
        // The carrier is the owner's to see: the order's email shows it.
        assert!(!bot.text.contains("UPS"), "{}", bot.text);
        let (_, _, bot) = turn(&mut ws, "m3", "jane@example.com").await;
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
            retry_after_secs: None,
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
                identity: None,
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
    async fn the_loader_and_the_model_runtime_go_over_the_wire_gzipped_when_accepted() {
        use std::io::{Read as _, Write as _};
        use tower::ServiceExt;
        let rt = start(None).await;
        // The files as `cargo xtask build` lays them out, each with its `.gz` beside it: the
        // real loader, and a real wasm file (a plugin's component) as the model runtime.
        let assets = rt.data_dir.join("assets");
        for (path, source) in [
            (
                "widget/pkg/kefu_intent_web_bg.wasm",
                PathBuf::from(kefu_test_plugins::ORDERS),
            ),
            ("kefu.js", root().join("widget/loader/kefu.js")),
        ] {
            let raw = std::fs::read(source).unwrap();
            let file = assets.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &raw).unwrap();
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&raw).unwrap();
            std::fs::write(assets.join(format!("{path}.gz")), gz.finish().unwrap()).unwrap();
        }
        for (path, content_type) in [
            ("/widget/pkg/kefu_intent_web_bg.wasm", "application/wasm"),
            ("/kefu.js", "text/javascript; charset=utf-8"),
        ] {
            let raw = std::fs::read(assets.join(&path[1..])).unwrap();
            let get = |encoding: Option<&'static str>| {
                let mut request = axum::http::Request::builder().uri(path);
                if let Some(e) = encoding {
                    request = request.header("accept-encoding", e);
                }
                kefu_runtime::app::router(rt.app.clone())
                    .oneshot(request.body(axum::body::Body::empty()).unwrap())
            };
            let response = get(Some("gzip, deflate, br")).await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            let headers = response.headers().clone();
            assert_eq!(headers["content-encoding"], "gzip", "{path}");
            assert_eq!(headers["content-type"], content_type, "{path}");
            assert_eq!(headers["vary"], "accept-encoding", "{path}");
            let body = axum::body::to_bytes(response.into_body(), 64 << 20)
                .await
                .unwrap();
            assert!(
                body.len() * 2 < raw.len(),
                "{path}: {} bytes gzipped of {}",
                body.len(),
                raw.len()
            );
            let mut unzipped = Vec::new();
            flate2::read::GzDecoder::new(&body[..])
                .read_to_end(&mut unzipped)
                .unwrap();
            assert!(unzipped == raw, "{path}: the .gz beside the file is served");

            let response = get(Some("gzip;q=0, identity")).await.unwrap();
            assert!(response.headers().get("content-encoding").is_none());
            let body = axum::body::to_bytes(response.into_body(), 64 << 20)
                .await
                .unwrap();
            assert_eq!(body.len(), raw.len(), "{path}");
        }
        let response = kefu_runtime::app::router(rt.app.clone())
            .oneshot(
                axum::http::Request::builder()
                    .uri("/widget/pkg/kefu_intent_web_bg.wasm")
                    .header("accept-encoding", "gzip")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert!(response.headers().contains_key("content-security-policy"));
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

// People: agents claim, answer live, resolve with a rating; nobody online means a ticket;
// an agent sees only their own shop.
#[path = "e2e_agents.rs"]
mod agents;

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_identity_proves_ownership_and_a_forged_one_is_refused() {
    use kefu_runtime::engine::identity::sign;
    let rt = start(None).await;
    let expires = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 600;
    // The demo shop's secret, as its server would sign a logged-in shopper.
    let secret = "demo-identity-secret-change-me";
    let hello_as = |email: &str, signature: String| ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        conversation_id: None,
        last_seq: 0,
        locale: Some("en".into()),
        identity: Some(kefu_protocol::SignedIdentity {
            email: email.into(),
            expires,
            signature,
        }),
    };
    let mut ws = connect(&rt, "demo").await;
    let signature = sign(secret, "demo", "carlos@example.com", expires);
    send(&mut ws, &hello_as("carlos@example.com", signature)).await;
    assert!(matches!(recv(&mut ws).await, ServerMessage::Welcome { .. }));
    let (_, _, bot) = turn(&mut ws, "r1", "I want a refund for order 1003").await;
    assert!(
        bot.cards.iter().any(|c| matches!(
            c,
            Card::ConfirmRefund {
                amount_minor: 2200,
                ..
            }
        )),
        "a signed-in owner is offered the refund at once: {bot:?}"
    );

    // Carlos's signature does not make Jane's email trusted.
    let mut ws = connect(&rt, "demo").await;
    let forged = sign(secret, "demo", "carlos@example.com", expires);
    send(&mut ws, &hello_as("jane@example.com", forged)).await;
    assert!(matches!(recv(&mut ws).await, ServerMessage::Welcome { .. }));
    match recv(&mut ws).await {
        ServerMessage::Error { code, .. } => assert_eq!(code, "identity_rejected"),
        other => panic!("expected identity_rejected, got {other:?}"),
    }
    let (_, _, bot) = turn(&mut ws, "r2", "I want a refund for order 1001").await;
    assert!(
        !bot.cards
            .iter()
            .any(|c| matches!(c, Card::ConfirmRefund { .. })),
        "{bot:?}"
    );
    assert!(bot.text.contains("email"), "{}", bot.text);
}

/// The welcome frame carries the panel's welcome in the hello's language: the shop's name,
/// its greeting and questions to suggest. The merchant's own wording replaces the defaults,
/// and nothing of it is stored in the conversation.
#[tokio::test]
async fn the_welcome_frame_greets_in_the_shoppers_language_in_the_merchants_words() {
    let rt = start(None).await;
    let store = &rt.app.store;
    store
        .set_reply_template("demo", "welcome", "zh", Some("欢迎光临！"))
        .await
        .unwrap();
    store
        .set_reply_template(
            "demo",
            "suggestions",
            "zh",
            Some("发票怎么开？\n运费多少？"),
        )
        .await
        .unwrap();
    for (locale, greeting, suggestions) in [
        ("zh-CN", "欢迎光临！", vec!["发票怎么开？", "运费多少？"]),
        (
            "en",
            "Hi! I can help with your orders, returns and refunds, and our products. What would you like to know?",
            vec![
                "Where is my order?",
                "How do I return an item?",
                "How long does delivery take?",
                "Can I talk to a person?",
            ],
        ),
    ] {
        let mut ws = connect(&rt, "demo").await;
        send(
            &mut ws,
            &ClientMessage::Hello {
                version: PROTOCOL_VERSION,
                conversation_id: None,
                last_seq: 0,
                locale: Some(locale.into()),
                identity: None,
            },
        )
        .await;
        let ServerMessage::Welcome {
            conversation_id,
            welcome: Some(welcome),
            ..
        } = recv(&mut ws).await
        else {
            panic!("a welcome with the panel's welcome");
        };
        assert_eq!(welcome.shop, "Kefu Demo Outfitters");
        assert_eq!(welcome.greeting, greeting, "{locale}");
        assert_eq!(welcome.suggestions, suggestions, "{locale}");
        let stored = store.messages_after(&conversation_id, 0).await.unwrap();
        assert!(stored.is_empty(), "the welcome is not a message");
    }
}
