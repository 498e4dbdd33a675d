//! Limits on abuse, over real sockets and the real accept loop (`http::server`, which
//! records each peer's address): each test is named after the attack it stops, and runs
//! with small limits so it takes seconds, not minutes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{ClientMessage, PROTOCOL_VERSION, ServerMessage};
use kefu_runtime::app::{ServeArgs, build_app};
use kefu_runtime::http::{AppState, Limits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

struct Runtime {
    addr: std::net::SocketAddr,
    app: AppState,
    data_dir: PathBuf,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// The demo shop on a free port, served as `kefu serve` serves it, with `limits`.
async fn start(limits: Limits) -> Runtime {
    static N: AtomicU32 = AtomicU32::new(0);
    let data_dir = std::env::temp_dir().join(format!(
        "kefu-limits-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let header_read_timeout = limits.header_read_timeout();
    let args = ServeArgs {
        limits,
        ..ServeArgs::demo_in(
            addr,
            data_dir.clone(),
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../www"),
            PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
        )
    };
    let app = build_app(&args, addr).await.unwrap();
    let router = kefu_runtime::app::router(app.clone());
    tokio::spawn(kefu_runtime::http::server::serve(
        listener,
        router,
        header_read_timeout,
        std::future::pending(),
    ));
    Runtime {
        addr,
        app,
        data_dir,
    }
}

async fn connect(rt: &Runtime) -> Result<Socket, tungstenite::Error> {
    let url = format!("ws://{}/v1/chat/demo", rt.addr);
    Ok(tokio_tungstenite::connect_async(url).await?.0)
}

async fn send(ws: &mut Socket, msg: &ClientMessage) {
    let json = serde_json::to_string(msg).unwrap();
    ws.send(Message::Text(json.into())).await.unwrap();
}

/// The next frame, JSON or close.
async fn next(ws: &mut Socket) -> Message {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(10), ws.next())
            .await
            .expect("the runtime answers within 10 s")
            .expect("socket open")
            .unwrap();
        if matches!(frame, Message::Text(_) | Message::Close(_)) {
            return frame;
        }
    }
}

async fn recv(ws: &mut Socket) -> ServerMessage {
    match next(ws).await {
        Message::Text(text) => serde_json::from_str(text.as_str()).unwrap(),
        other => panic!("expected a frame, got {other:?}"),
    }
}

/// Says hello (resuming `conversation` if given) and returns the conversation id.
async fn hello(ws: &mut Socket, conversation: Option<&str>) -> String {
    send(
        ws,
        &ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            conversation_id: conversation.map(Into::into),
            last_seq: 0,
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

fn contact(id: &str) -> ClientMessage {
    ClientMessage::Contact {
        client_msg_id: id.into(),
        email: "jane@example.com".into(),
        message: "please call me back".into(),
        locale: Some("en".into()),
    }
}

/// Sends `frame` and reads the answer: `Ok(last seq of the turn)` once every message of
/// the acknowledged turn arrived, or the refusal.
async fn request(ws: &mut Socket, frame: &ClientMessage) -> Result<u64, ServerMessage> {
    send(ws, frame).await;
    let through = loop {
        match recv(ws).await {
            ServerMessage::Ack { through_seq, .. } => break through_seq,
            refusal @ ServerMessage::Error { .. } => return Err(refusal),
            // Replayed after a hello.
            ServerMessage::Message(_) => {}
            other => panic!("expected an ack or a refusal, got {other:?}"),
        }
    };
    loop {
        if let ServerMessage::Message(m) = recv(ws).await
            && m.seq >= through
        {
            return Ok(through);
        }
    }
}

fn code(refusal: &ServerMessage) -> &str {
    match refusal {
        ServerMessage::Error { code, .. } => code,
        other => panic!("not a refusal: {other:?}"),
    }
}

/// Whether `client_msg_id` was stored in `conversation`.
async fn stored(rt: &Runtime, conversation: &str, client_msg_id: &str) -> bool {
    rt.app
        .store
        .seq_of_client_message(conversation, client_msg_id)
        .await
        .unwrap()
        .is_some()
}

#[tokio::test(flavor = "multi_thread")]
async fn one_ip_cannot_open_hundreds_of_sockets() {
    let rt = start(Limits {
        sockets_per_ip: 3,
        ..Limits::default()
    })
    .await;
    let mut open = Vec::new();
    for _ in 0..3 {
        let mut ws = connect(&rt).await.unwrap();
        hello(&mut ws, None).await;
        open.push(ws);
    }
    // The fourth is refused before the upgrade, with a reason a person can read.
    for _ in 0..50 {
        match connect(&rt).await {
            Err(tungstenite::Error::Http(response)) => {
                assert_eq!(response.status(), 429);
                let body: serde_json::Value =
                    serde_json::from_slice(response.body().as_deref().unwrap()).unwrap();
                assert_eq!(body["code"], "too_many_sockets", "{body}");
                assert!(
                    body["error"].as_str().unwrap().contains("at most 3"),
                    "{body}"
                );
            }
            other => panic!("expected 429, got {:?}", other.map(|_| "a socket")),
        }
    }
    // Closing one gives its place back.
    let mut closed = open.pop().unwrap();
    closed.close(None).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match connect(&rt).await {
            Ok(mut ws) => {
                hello(&mut ws, None).await;
                break;
            }
            Err(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(20)).await
            }
            Err(e) => panic!("the closed socket's place was not given back: {e}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flooding_conversation_is_told_to_wait_and_nothing_is_lost() {
    let rt = start(Limits {
        conversation_per_minute: 60,
        conversation_burst: 2,
        ..Limits::default()
    })
    .await;
    let mut ws = connect(&rt).await.unwrap();
    let conversation = hello(&mut ws, None).await;
    request(&mut ws, &say("m1", "hello")).await.unwrap();
    request(&mut ws, &say("m2", "where is my order 1001?"))
        .await
        .unwrap();
    let refusal = request(&mut ws, &say("m3", "hello??")).await.unwrap_err();
    let ServerMessage::Error {
        code,
        message,
        client_msg_id,
        retry_after_secs,
    } = refusal
    else {
        unreachable!()
    };
    assert_eq!(code, "rate_limited");
    assert_eq!(client_msg_id.as_deref(), Some("m3"));
    // One message a second: the next is accepted within the second.
    assert_eq!(retry_after_secs, Some(1));
    assert!(message.contains("wait 1 s"), "{message}");
    // The refused message was not stored; the acknowledged ones were.
    assert!(!stored(&rt, &conversation, "m3").await);
    assert!(stored(&rt, &conversation, "m1").await && stored(&rt, &conversation, "m2").await);
    // After the wait, the same frame goes through.
    tokio::time::sleep(Duration::from_secs(1)).await;
    request(&mut ws, &say("m3", "hello??")).await.unwrap();
    assert!(stored(&rt, &conversation, "m3").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_ignoring_the_wait_is_not_read_until_it_is_over() {
    let rt = start(Limits {
        conversation_per_minute: 60,
        conversation_burst: 1,
        ..Limits::default()
    })
    .await;
    let mut ws = connect(&rt).await.unwrap();
    let conversation = hello(&mut ws, None).await;
    request(&mut ws, &say("m1", "hello")).await.unwrap();
    let refusal = request(&mut ws, &say("m2", "hello??")).await.unwrap_err();
    assert_eq!(code(&refusal), "rate_limited");
    let refused_at = Instant::now();
    // A flooder sends on regardless: twenty frames at once.
    for n in 3..23 {
        send(&mut ws, &say(&format!("m{n}"), "answer me")).await;
    }
    // Nothing of them is read, so nothing is refused, until the second is over.
    let early = tokio::time::timeout(Duration::from_millis(700), ws.next()).await;
    assert!(
        early.is_err(),
        "the runtime answered during the wait: {early:?}"
    );
    // Then the first of them is read and accepted, and the next waits again.
    let ack = loop {
        match recv(&mut ws).await {
            ServerMessage::Ack { client_msg_id, .. } => break client_msg_id,
            ServerMessage::Message(_) => {}
            other => panic!("expected the ack of m3, got {other:?}"),
        }
    };
    assert_eq!(ack, "m3");
    assert!(refused_at.elapsed() >= Duration::from_millis(900));
    assert!(stored(&rt, &conversation, "m3").await);
    assert!(!stored(&rt, &conversation, "m2").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn one_address_cannot_flood_by_starting_new_conversations() {
    let rt = start(Limits {
        ip_per_minute: 6,
        ip_burst: 2,
        ..Limits::default()
    })
    .await;
    for n in 0..2 {
        let mut ws = connect(&rt).await.unwrap();
        hello(&mut ws, None).await;
        request(&mut ws, &say(&format!("m{n}"), "hello"))
            .await
            .unwrap();
    }
    let mut ws = connect(&rt).await.unwrap();
    let conversation = hello(&mut ws, None).await;
    let refusal = request(&mut ws, &say("m9", "hello")).await.unwrap_err();
    assert_eq!(code(&refusal), "rate_limited");
    // Six a minute: one every ten seconds.
    assert!(
        matches!(refusal, ServerMessage::Error { retry_after_secs: Some(s), .. } if (1..=10).contains(&s)),
        "{refusal:?}"
    );
    assert!(!stored(&rt, &conversation, "m9").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_conversation_cannot_grow_without_end() {
    let rt = start(Limits {
        messages_per_conversation: 6,
        ..Limits::default()
    })
    .await;
    let mut ws = connect(&rt).await.unwrap();
    let conversation = hello(&mut ws, None).await;
    let mut last = 0;
    let refusal = loop {
        let id = format!("m{last}");
        match request(&mut ws, &say(&id, "hello")).await {
            Ok(seq) => last = seq,
            Err(refusal) => break refusal,
        }
        assert!(last < 20, "never refused");
    };
    assert!(last >= 6, "refused at {last} messages");
    assert_eq!(code(&refusal), "conversation_full", "{refusal:?}");
    let ServerMessage::Error { message, .. } = &refusal else {
        unreachable!()
    };
    assert!(message.contains("new conversation"), "{message}");
    assert!(!stored(&rt, &conversation, &format!("m{last}")).await);
    // Coming back to it changes nothing; a contact form still gets through.
    drop(ws);
    let mut ws = connect(&rt).await.unwrap();
    hello(&mut ws, Some(&conversation)).await;
    let again = request(&mut ws, &say("again", "hello")).await.unwrap_err();
    assert_eq!(code(&again), "conversation_full");
    request(&mut ws, &contact("c1")).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_conversation_cannot_open_endless_tickets() {
    let rt = start(Limits {
        tickets_per_conversation: 2,
        ..Limits::default()
    })
    .await;
    let mut ws = connect(&rt).await.unwrap();
    let conversation = hello(&mut ws, None).await;
    request(&mut ws, &contact("c1")).await.unwrap();
    request(&mut ws, &contact("c2")).await.unwrap();
    let refusal = request(&mut ws, &contact("c3")).await.unwrap_err();
    assert_eq!(code(&refusal), "too_many_tickets", "{refusal:?}");
    assert_eq!(rt.app.store.ticket_count(&conversation).await.unwrap(), 2);
    // A resent form (its ack was lost) is answered from storage, not refused.
    send(&mut ws, &contact("c1")).await;
    let answer = recv(&mut ws).await;
    assert!(
        matches!(&answer, ServerMessage::Ack { client_msg_id, .. } if client_msg_id == "c1"),
        "{answer:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_socket_is_closed() {
    let rt = start(Limits {
        idle_timeout_secs: 1,
        ..Limits::default()
    })
    .await;
    let mut ws = connect(&rt).await.unwrap();
    let conversation = hello(&mut ws, None).await;
    // Talking keeps it open past the timeout.
    for n in 0..3 {
        tokio::time::sleep(Duration::from_millis(600)).await;
        request(&mut ws, &say(&format!("m{n}"), "hello"))
            .await
            .unwrap();
    }
    let started = Instant::now();
    let Message::Close(Some(close)) = next(&mut ws).await else {
        panic!("expected a close frame")
    };
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(close.reason.contains("no message for"), "{close:?}");
    assert_eq!(rt.app.limits.open_sockets(Some([127, 0, 0, 1].into())), 0);
    // Reconnecting finds everything that was acknowledged.
    let mut ws = connect(&rt).await.unwrap();
    hello(&mut ws, Some(&conversation)).await;
    for n in 0..3 {
        assert!(stored(&rt, &conversation, &format!("m{n}")).await);
    }
}

/// Whether the server closes `stream` within `within`.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buf = Vec::new();
    tokio::time::timeout(within, stream.read_to_end(&mut buf))
        .await
        .is_ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_client_cannot_hold_a_connection_open_without_headers() {
    let rt = start(Limits {
        header_read_timeout_secs: 1,
        ..Limits::default()
    })
    .await;
    // Half a request line, then nothing.
    let mut slow = TcpStream::connect(rt.addr).await.unwrap();
    slow.write_all(b"GET /healthz HT").await.unwrap();
    // Nothing at all.
    let mut silent = TcpStream::connect(rt.addr).await.unwrap();
    let started = Instant::now();
    assert!(closed_within(&mut slow, Duration::from_secs(5)).await);
    assert!(closed_within(&mut silent, Duration::from_secs(5)).await);
    assert!(started.elapsed() >= Duration::from_millis(900));
    // A chat socket is not a request waiting for headers: it outlives the timeout.
    let mut ws = connect(&rt).await.unwrap();
    hello(&mut ws, None).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    request(&mut ws, &say("m1", "hello")).await.unwrap();
    // And a prompt client is served.
    let mut prompt = TcpStream::connect(rt.addr).await.unwrap();
    prompt
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: kefu\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    prompt.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
