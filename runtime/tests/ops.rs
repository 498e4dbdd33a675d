//! Operating the real `kefu serve` process: its Prometheus metrics on their own listener
//! move with the right labels and carry nothing a shopper typed; SIGTERM while shoppers
//! are sending stops it gracefully (turns in flight answered, every socket closed with
//! 1012, exit 0) and nothing acknowledged is lost across the restart; while it drains,
//! `/healthz` answers 503 so a load balancer sends new shoppers elsewhere; SIGKILL while
//! turns are being committed together loses no acknowledged message and stores none twice.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{ClientMessage, PROTOCOL_VERSION, ServerMessage};
use tokio_tungstenite::tungstenite::Message;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A `kefu serve --demo` child process; killed when dropped (a test that stops it itself
/// waits for it first).
struct Node {
    child: Child,
    url: String,
    metrics_url: Option<String>,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Node {
    /// Starts the demo shop on `data_dir` on free ports (metrics too), with the limits on
    /// anonymous clients off (every test shopper shares one address, and sends as fast as
    /// it is answered), and waits for its banner.
    fn start(data_dir: &Path) -> Self {
        Self::start_with(data_dir, &[])
    }

    /// [`Node::start`] with more `kefu serve` flags.
    fn start_with(data_dir: &Path, flags: &[&str]) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kefu"))
            .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
            .args(flags)
            .args(["--metrics-listen", "127.0.0.1:0"])
            .arg("--data-dir")
            .arg(data_dir)
            .arg("--plugins-dir")
            .arg(kefu_test_plugins::PLUGINS_DIR)
            .arg("--www-dir")
            .arg(root.join("www"))
            .args(["--max-chat-sockets-per-ip", "0"])
            .args(["--max-messages-per-ip-per-minute", "0"])
            .args(["--max-messages-per-conversation-per-minute", "0"])
            .args(["--max-messages-per-conversation", "0"])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut url, mut metrics_url, mut banner) = (None, None, String::new());
        for line in lines.by_ref() {
            let line = line.unwrap();
            if line.is_empty() && url.is_some() {
                break;
            }
            if let Some(at) = line.find("http://") {
                let found = line[at..].split_whitespace().next().unwrap();
                if line.contains("metrics") {
                    metrics_url = Some(found.to_string());
                } else if url.is_none() {
                    url = Some(found.trim_end_matches('/').to_string());
                }
            }
            banner.push_str(&line);
            banner.push('\n');
        }
        std::thread::spawn(move || for _ in lines {});
        let url = url.unwrap_or_else(|| panic!("kefu serve exited:\n{banner}"));
        Self {
            child,
            url,
            metrics_url,
        }
    }

    fn ws(&self) -> String {
        format!("{}/v1/chat/demo", self.url.replacen("http://", "ws://", 1))
    }
}

/// `GET url`: status and body.
fn get(url: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().unwrap();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    (response.status().as_u16(), body)
}

fn frame(message: &ClientMessage) -> Message {
    Message::text(serde_json::to_string(message).unwrap())
}

/// A shopper's socket, past its welcome.
struct Shopper {
    socket: Socket,
    conversation: String,
}

impl Shopper {
    async fn open(ws: &str, conversation: Option<&str>, last_seq: u64) -> Self {
        let (mut socket, _) = tokio_tungstenite::connect_async(ws).await.unwrap();
        let hello = ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            conversation_id: conversation.map(str::to_string),
            last_seq,
            locale: Some("en".into()),
            identity: None,
        };
        socket.send(frame(&hello)).await.unwrap();
        let conversation = match next(&mut socket).await {
            Some(ServerMessage::Welcome {
                conversation_id, ..
            }) => conversation_id,
            other => panic!("expected welcome, got {other:?}"),
        };
        Self {
            socket,
            conversation,
        }
    }

    async fn send_say(&mut self, id: &str, text: &str) {
        let say = ClientMessage::Say {
            client_msg_id: id.into(),
            text: text.into(),
            locale: Some("en".into()),
            hint: None,
        };
        self.socket.send(frame(&say)).await.unwrap();
    }

    /// Says `text` and waits for its ack and the turn's messages; the ack's `seq`.
    async fn say(&mut self, id: &str, text: &str) -> u64 {
        self.send_say(id, text).await;
        let mut acked = None;
        loop {
            match next(&mut self.socket).await {
                Some(ServerMessage::Ack {
                    client_msg_id,
                    seq,
                    through_seq,
                }) if client_msg_id == id => acked = Some((seq, through_seq)),
                Some(ServerMessage::Message(m)) => {
                    if let Some((seq, through)) = acked
                        && m.seq >= through
                    {
                        return seq;
                    }
                }
                Some(ServerMessage::Error { code, message, .. }) => {
                    panic!("{text:?} refused: {code}: {message}")
                }
                Some(_) => {}
                None => panic!("the socket closed during {text:?}"),
            }
        }
    }
}

/// The next server frame; `None` once the socket closed.
async fn next(socket: &mut Socket) -> Option<ServerMessage> {
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(30), socket.next())
            .await
            .expect("a frame within 30 s")?
            .ok()?;
        match msg {
            Message::Text(text) => return Some(serde_json::from_str(text.as_str()).unwrap()),
            Message::Close(_) => return None,
            _ => {}
        }
    }
}

fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kefu-ops-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The value of the sample `name{labels}` in a Prometheus exposition.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_move_with_their_labels_on_their_own_listener_only() {
    let dir = data_dir("metrics");
    let node = Node::start(&dir);
    let metrics = node
        .metrics_url
        .clone()
        .expect("the banner names the metrics URL");

    let mut shopper = Shopper::open(&node.ws(), None, 0).await;
    shopper.say("m1", "where is my order 1001?").await;
    shopper.say("m2", "hello").await;
    shopper.say("m3", "I want to talk to a human").await;
    let (status, text) = tokio::task::spawn_blocking(move || get(&metrics))
        .await
        .unwrap();
    assert_eq!(status, 200, "{text}");

    for (series, at_least) in [
        (
            r#"kefu_turns_total{merchant="demo",kind="say",outcome="stored"}"#,
            3.0,
        ),
        (r#"kefu_turn_duration_seconds_count{merchant="demo"}"#, 3.0),
        (
            r#"kefu_intents_total{merchant="demo",intent="track_order"}"#,
            1.0,
        ),
        (
            r#"kefu_intents_total{merchant="demo",intent="greeting"}"#,
            1.0,
        ),
        (
            r#"kefu_handoffs_total{merchant="demo",reason="asked_for_human"}"#,
            1.0,
        ),
        (
            r#"kefu_plugin_calls_total{merchant="demo",plugin="orders",export="handle",outcome="ok"}"#,
            1.0,
        ),
        (
            r#"kefu_plugin_call_duration_seconds_count{merchant="demo",plugin="orders"}"#,
            1.0,
        ),
        (r#"kefu_open_sockets{kind="chat"}"#, 1.0),
        (r#"kefu_queue_length{merchant="demo"}"#, 1.0),
        (r#"kefu_store_duration_seconds_count{op="write_turn"}"#, 3.0),
        (
            r#"kefu_store_duration_seconds_count{op="turn_snapshot"}"#,
            3.0,
        ),
    ] {
        let value = sample(&text, series).unwrap_or_else(|| panic!("no {series} in:\n{text}"));
        assert!(
            value >= at_least,
            "{series} = {value}, expected ≥ {at_least}"
        );
    }
    assert_eq!(
        sample(&text, r#"kefu_open_sockets{kind="chat"}"#),
        Some(1.0)
    );
    assert!(
        text.contains(r#"kefu_turn_duration_seconds_bucket{merchant="demo",le="0.5"}"#),
        "a real histogram: {text}"
    );
    // Bounded labels only: no conversation, nothing the shopper typed.
    assert!(!text.contains(&shopper.conversation), "{text}");
    assert!(!text.contains("where is my order"), "{text}");
    assert!(!text.contains("talk to a human"), "{text}");

    // Not on the public listener.
    let public = format!("{}/metrics", node.url);
    let (status, _) = tokio::task::spawn_blocking(move || get(&public))
        .await
        .unwrap();
    assert_eq!(status, 404);
    drop(node);
    let _ = std::fs::remove_dir_all(dir);
}

/// What one shopper saw until the runtime closed its socket.
#[derive(Debug)]
struct Run {
    conversation: String,
    /// Acknowledged messages: id, seq, text.
    acked: Vec<(String, u64, String)>,
    /// Sent, not acknowledged when the socket closed.
    pending: Option<(String, String)>,
    /// The highest `seq` received.
    last_seq: u64,
    /// The close frame's code.
    close_code: Option<u16>,
}

const TEXTS: [&str; 3] = [
    "where is my order 1001?",
    "what's your return policy?",
    "is the grey hoodie in stock?",
];

/// Sends message after message, each as soon as the last is answered, until the runtime
/// closes the socket.
async fn keep_sending(ws: String, n: usize) -> Run {
    let mut shopper = Shopper::open(&ws, None, 0).await;
    let mut run = Run {
        conversation: shopper.conversation.clone(),
        acked: vec![],
        pending: None,
        last_seq: 0,
        close_code: None,
    };
    for i in 0.. {
        let (id, text) = (format!("s{n}-{i}"), TEXTS[i % TEXTS.len()]);
        let say = ClientMessage::Say {
            client_msg_id: id.clone(),
            text: text.into(),
            locale: Some("en".into()),
            hint: None,
        };
        if shopper.socket.send(frame(&say)).await.is_err() {
            break;
        }
        run.pending = Some((id.clone(), text.to_string()));
        let mut through = None;
        while through.is_none_or(|t| run.last_seq < t) {
            let msg = tokio::time::timeout(Duration::from_secs(30), shopper.socket.next())
                .await
                .expect("a frame within 30 s");
            match msg {
                Some(Ok(Message::Text(t))) => match serde_json::from_str(t.as_str()).unwrap() {
                    ServerMessage::Ack {
                        client_msg_id,
                        seq,
                        through_seq,
                    } if client_msg_id == id => {
                        run.acked.push((id.clone(), seq, text.to_string()));
                        run.pending = None;
                        through = Some(through_seq);
                    }
                    ServerMessage::Message(m) => run.last_seq = run.last_seq.max(m.seq),
                    other => panic!("unexpected {other:?}"),
                },
                Some(Ok(Message::Close(close))) => {
                    run.close_code = close.map(|c| u16::from(c.code));
                    // Answer the close (tungstenite does, on the next read) and let go.
                    let _ =
                        tokio::time::timeout(Duration::from_secs(5), shopper.socket.next()).await;
                    return run;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => return run,
            }
        }
    }
    run
}

/// Waits for `child` to exit, at most `limit`.
fn wait_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(started.elapsed() < limit, "still running after {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_turns_closes_sockets_for_restart_and_loses_nothing() {
    const SHOPPERS: usize = 6;
    let dir = data_dir("sigterm");
    let mut node = Node::start(&dir);
    let shoppers: Vec<_> = (0..SHOPPERS)
        .map(|n| tokio::spawn(keep_sending(node.ws(), n)))
        .collect();
    // Turns flowing on every socket.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let pid = node.child.id().to_string();
    let stopped_at = std::time::Instant::now();
    let kill = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(kill.success());
    let mut runs = vec![];
    for shopper in shoppers {
        runs.push(shopper.await.unwrap());
    }
    let status =
        tokio::task::block_in_place(|| wait_exit(&mut node.child, Duration::from_secs(15)));
    assert!(status.success(), "kefu serve exited with {status}");
    let took = stopped_at.elapsed();
    assert!(took < Duration::from_secs(10), "stopping took {took:?}");
    for run in &runs {
        assert_eq!(
            run.close_code,
            Some(1012),
            "every socket is told to reconnect: {run:?}"
        );
        assert!(!run.acked.is_empty(), "turns were flowing: {run:?}");
    }

    // In the store, as the runtime left it: every acknowledged message, where its ack said;
    // a message sent but not acknowledged was not stored (the turn in flight was answered
    // before the socket closed, or the frame was never read).
    let store = kefu_runtime::store::Store::open(&dir).await.unwrap();
    for run in &runs {
        let stored = store.messages_after(&run.conversation, 0).await.unwrap();
        for (id, seq, text) in &run.acked {
            let m = stored
                .iter()
                .find(|m| m.seq == *seq)
                .unwrap_or_else(|| panic!("acknowledged {id} (seq {seq}) lost"));
            assert_eq!(
                (m.client_msg_id.as_deref(), m.text.as_str()),
                (Some(id.as_str()), text.as_str())
            );
        }
        if let Some((id, _)) = &run.pending {
            assert!(
                !stored
                    .iter()
                    .any(|m| m.client_msg_id.as_deref() == Some(id)),
                "{id} was stored but never acknowledged"
            );
        }
        let seqs: Vec<u64> = stored.iter().map(|m| m.seq).collect();
        assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    }
    store.close().await;

    // Restarted, each widget resumes from its last seq and sends what was not acknowledged
    // again: it is stored once.
    let node = Node::start(&dir);
    for run in &runs {
        let mut shopper = Shopper::open(&node.ws(), Some(&run.conversation), run.last_seq).await;
        assert_eq!(
            shopper.conversation, run.conversation,
            "the same conversation"
        );
        if let Some((id, text)) = &run.pending {
            shopper.say(id, text).await;
        }
    }
    drop(node);
    let store = kefu_runtime::store::Store::open(&dir).await.unwrap();
    for run in &runs {
        let stored = store.messages_after(&run.conversation, 0).await.unwrap();
        let shopper_ids: Vec<&str> = stored
            .iter()
            .filter_map(|m| m.client_msg_id.as_deref())
            .collect();
        let expected = run.acked.len() + usize::from(run.pending.is_some());
        assert_eq!(
            shopper_ids.len(),
            expected,
            "each message once: {shopper_ids:?}"
        );
        if let Some((id, _)) = &run.pending {
            assert!(shopper_ids.contains(&id.as_str()));
        }
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_503_while_draining_and_chats_go_on_until_the_delay_is_over() {
    let dir = data_dir("draining");
    let mut node = Node::start_with(&dir, &["--drain-delay-secs", "3"]);
    let healthz = format!("{}/healthz", node.url);
    let probe = {
        let url = healthz.clone();
        move || tokio::task::block_in_place(|| get(&url))
    };
    assert_eq!(probe(), (200, "ok\n".to_string()));
    let mut shopper = Shopper::open(&node.ws(), None, 0).await;
    shopper.say("before", "where is my order 1001?").await;

    let pid = node.child.id().to_string();
    let kill = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(kill.success());
    // The signal is handled on the runtime's own time: wait for the first 503.
    let mut answer = probe();
    for _ in 0..40 {
        if answer.0 == 503 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        answer = probe();
    }
    assert_eq!(
        answer,
        (503, "draining\n".to_string()),
        "a load balancer must see the node leave"
    );
    // Meanwhile the node still serves: the open chat gets its answer, a new one opens.
    shopper.say("during", "what's your return policy?").await;
    let mut late = Shopper::open(&node.ws(), None, 0).await;
    late.say("late", "is the grey hoodie in stock?").await;

    // Then the drain as always: every socket told to reconnect, a clean exit.
    for socket in [&mut shopper.socket, &mut late.socket] {
        let closed = tokio::time::timeout(Duration::from_secs(15), async {
            loop {
                match socket.next().await {
                    Some(Ok(Message::Close(close))) => return close.map(|c| u16::from(c.code)),
                    Some(Ok(_)) => {}
                    Some(Err(_)) | None => return None,
                }
            }
        })
        .await
        .expect("closed within 15 s");
        assert_eq!(closed, Some(1012));
    }
    let status =
        tokio::task::block_in_place(|| wait_exit(&mut node.child, Duration::from_secs(15)));
    assert!(status.success(), "kefu serve exited with {status}");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_while_turns_commit_together_loses_nothing_acknowledged_and_stores_nothing_twice() {
    // More shoppers than the SIGTERM test: their turns arrive together and are committed
    // in shared transactions, which the kill interrupts somewhere.
    const SHOPPERS: usize = 16;
    let dir = data_dir("sigkill");
    let mut node = Node::start(&dir);
    let shoppers: Vec<_> = (0..SHOPPERS)
        .map(|n| tokio::spawn(keep_sending(node.ws(), n)))
        .collect();
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let pid = node.child.id().to_string();
    let kill = Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    assert!(kill.success());
    let mut runs = vec![];
    for shopper in shoppers {
        runs.push(shopper.await.unwrap());
    }
    tokio::task::block_in_place(|| wait_exit(&mut node.child, Duration::from_secs(15)));
    assert!(
        runs.iter().map(|r| r.acked.len()).sum::<usize>() > SHOPPERS,
        "turns were flowing"
    );

    // Every acknowledged message is stored where its ack said. The one in flight may or
    // may not be: its commit may have reached the disk before the kill, its ack not.
    let store = kefu_runtime::store::Store::open(&dir).await.unwrap();
    for run in &runs {
        let stored = store.messages_after(&run.conversation, 0).await.unwrap();
        for (id, seq, text) in &run.acked {
            let m = stored
                .iter()
                .find(|m| m.seq == *seq)
                .unwrap_or_else(|| panic!("acknowledged {id} (seq {seq}) lost"));
            assert_eq!(
                (m.client_msg_id.as_deref(), m.text.as_str()),
                (Some(id.as_str()), text.as_str())
            );
        }
        let seqs: Vec<u64> = stored.iter().map(|m| m.seq).collect();
        assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    }
    store.close().await;

    // Restarted, each widget sends what was not acknowledged again: stored exactly once,
    // whether or not the first send had reached the disk.
    let node = Node::start(&dir);
    for run in &runs {
        let mut shopper = Shopper::open(&node.ws(), Some(&run.conversation), run.last_seq).await;
        if let Some((id, text)) = &run.pending {
            shopper.say(id, text).await;
        }
    }
    drop(node);
    let store = kefu_runtime::store::Store::open(&dir).await.unwrap();
    for run in &runs {
        let stored = store.messages_after(&run.conversation, 0).await.unwrap();
        let mut ids: Vec<&str> = stored
            .iter()
            .filter_map(|m| m.client_msg_id.as_deref())
            .collect();
        let expected = run.acked.len() + usize::from(run.pending.is_some());
        assert_eq!(ids.len(), expected, "each message once: {ids:?}");
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), expected, "no message twice: {ids:?}");
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// The node's resident memory in KiB (`VmRSS`).
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memory_taken_by_a_burst_of_chats_goes_back_to_the_os_after_they_close() {
    // Sockets on both ends in this test process, plus the node's.
    const CHATS: usize = 1_200;
    rlimit::increase_nofile_limit(4 * CHATS as u64).unwrap();
    let dir = data_dir("memory");
    let node = Node::start(&dir);
    let pid = node.child.id();
    // One chat first, so that start-up allocations are not counted as the burst's.
    let first = Shopper::open(&node.ws(), None, 0).await;
    drop(first);
    let before = rss_kib(pid);
    let mut open = Vec::with_capacity(CHATS);
    for _ in 0..CHATS {
        open.push(Shopper::open(&node.ws(), None, 0).await);
    }
    let peak = rss_kib(pid);
    let grown = peak.saturating_sub(before);
    assert!(
        grown > 4 * 1024,
        "{CHATS} open chats should take memory: {before} → {peak} KiB"
    );
    drop(open);
    // The allocator's background thread gives pages that stayed free ~10 s back.
    let deadline = std::time::Instant::now() + Duration::from_secs(40);
    let mut after = rss_kib(pid);
    while after > before + grown / 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(500)).await;
        after = rss_kib(pid);
    }
    eprintln!("{CHATS} chats: {before} KiB before, {peak} KiB open, {after} KiB after closing");
    assert!(
        after <= before + grown / 2,
        "memory not given back after {CHATS} chats closed: {before} KiB before, {peak} KiB \
         with them open, {after} KiB 40 s after they closed"
    );
    drop(node);
    let _ = std::fs::remove_dir_all(dir);
}
