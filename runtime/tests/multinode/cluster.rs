//! The pieces of a two-node test: a schema of its own on the test PostgreSQL server, `kefu
//! serve` processes on it joined through the test NATS server, a shopper's socket that
//! keeps one message per `seq` as the widget does, and an agent with the console's session
//! cookie and live socket.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{ChatMessage, ClientMessage, PROTOCOL_VERSION, ServerMessage};
use kefu_runtime::store::{Database, Store};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The demo's agent (loaded by `--demo`).
const AGENT_EMAIL: &str = "agent@demo.kefu";
const AGENT_PASSWORD: &str = "kefu-demo";

/// The services a cluster needs, from the environment (`scripts/postgres.sh run
/// scripts/nats.sh run …` sets both); `None`, saying why, when one is missing.
pub fn services() -> Option<(String, String)> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match (var("KEFU_TEST_DATABASE"), var("KEFU_TEST_NATS")) {
        (Some(db), Some(nats)) => Some((db, nats)),
        _ => {
            eprintln!(
                "skipped: the multi-node tests need a PostgreSQL server in KEFU_TEST_DATABASE and \
                 a NATS server in KEFU_TEST_NATS; run them with \
                 `scripts/postgres.sh run scripts/nats.sh run cargo test -p kefu-runtime --test multinode` \
                 (both scripts start throw-away servers, installing Debian's packages if needed)"
            );
            None
        }
    }
}

/// One database (a fresh schema) and one NATS server that nodes share.
pub struct Cluster {
    pub database: String,
    pub nats: String,
    /// The same database, for checking what was stored.
    pub store: Store,
    pub dir: PathBuf,
    /// Plugins every node loads for the demo shop (none: tests deploy what they need).
    plugins_dir: PathBuf,
}

impl Cluster {
    /// A fresh schema named after `test` on `server`, migrated, and a scratch directory.
    pub async fn new(test: &str, server: &str, nats: &str) -> Self {
        let schema = format!("kefu_multinode_{}", uuid::Uuid::new_v4().simple());
        // Made and migrated here; the nodes' connections see only it.
        let scratch = Database::PostgresScratch {
            url: server.to_string(),
            schema: schema.clone(),
        };
        let store = Store::connect(&scratch).await.unwrap();
        let joiner = if server.contains('?') { '&' } else { '?' };
        let database = format!("{server}{joiner}options[search_path]={schema}");
        let dir =
            std::env::temp_dir().join(format!("kefu-multinode-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let plugins_dir = dir.join("no-plugins");
        std::fs::create_dir_all(&plugins_dir).unwrap();
        Self {
            database,
            nats: nats.to_string(),
            store,
            dir,
            plugins_dir,
        }
    }

    /// Starts node `name` of the demo shop and waits until it listens.
    pub fn node(&self, name: &str) -> Node {
        Node::start(self, name)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A `kefu serve --demo --nats …` child process; killed when dropped.
pub struct Node {
    child: Child,
    pub url: String,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Node {
    fn start(cluster: &Cluster, name: &str) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kefu"))
            .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
            .arg("--data-dir")
            .arg(cluster.dir.join(name))
            .args(["--database", &cluster.database])
            .args(["--nats", &cluster.nats])
            .arg("--plugins-dir")
            .arg(&cluster.plugins_dir)
            .arg("--www-dir")
            .arg(root.join("www"))
            // Every test client shares one address and sends as fast as it is answered.
            .args(["--max-chat-sockets-per-ip", "0"])
            .args(["--max-messages-per-ip-per-minute", "0"])
            .args(["--max-messages-per-conversation-per-minute", "0"])
            .env(
                "RUST_LOG",
                "warn,kefu_runtime::bus=info,kefu_runtime::registry=info",
            )
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut url, mut banner) = (None, String::new());
        for line in lines.by_ref() {
            let line = line.unwrap();
            if line.is_empty() && url.is_some() {
                break;
            }
            if url.is_none()
                && let Some(at) = line.find("http://")
            {
                let found = line[at..].split_whitespace().next().unwrap();
                url = Some(found.trim_end_matches('/').to_string());
            }
            banner.push_str(&line);
            banner.push('\n');
        }
        std::thread::spawn(move || for _ in lines {});
        let url = url.unwrap_or_else(|| panic!("kefu serve ({name}) exited:\n{banner}"));
        Self { child, url }
    }

    /// The shop's chat socket on this node.
    pub fn chat(&self) -> String {
        format!("{}/v1/chat/demo", self.url.replacen("http://", "ws://", 1))
    }

    /// Kills the process with SIGKILL: no goodbye, no draining.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

fn frame(message: &ClientMessage) -> Message {
    Message::text(serde_json::to_string(message).unwrap())
}

/// The next server frame within `wait`; `None` once the socket closed or nothing came.
async fn next_within(socket: &mut Socket, wait: Duration) -> Option<ServerMessage> {
    loop {
        let msg = tokio::time::timeout(wait, socket.next())
            .await
            .ok()??
            .ok()?;
        match msg {
            Message::Text(text) => return Some(serde_json::from_str(text.as_str()).unwrap()),
            Message::Close(_) => return None,
            _ => {}
        }
    }
}

/// A shopper's chat as the widget keeps it: one message per `seq`, whichever socket and
/// node it came from.
pub struct Shopper {
    socket: Socket,
    pub conversation: String,
    /// Every message shown, in `seq` order.
    pub shown: Vec<ChatMessage>,
}

impl Shopper {
    /// Opens a new conversation on `node`.
    pub async fn start(node: &Node) -> Self {
        let (socket, conversation) = Self::hello(&node.chat(), None, 0).await;
        Self {
            socket,
            conversation,
            shown: vec![],
        }
    }

    async fn hello(url: &str, conversation: Option<&str>, last_seq: u64) -> (Socket, String) {
        let (mut socket, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        let hello = ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            conversation_id: conversation.map(str::to_string),
            last_seq,
            locale: Some("en".into()),
            identity: None,
        };
        socket.send(frame(&hello)).await.unwrap();
        match next_within(&mut socket, Duration::from_secs(30)).await {
            Some(ServerMessage::Welcome {
                conversation_id, ..
            }) => (socket, conversation_id),
            other => panic!("expected welcome, got {other:?}"),
        }
    }

    /// The highest `seq` shown.
    pub fn last_seq(&self) -> u64 {
        self.shown.last().map_or(0, |m| m.seq)
    }

    /// Goes on with the same conversation on `node`, from the last `seq` shown, as the
    /// widget does after its socket closed.
    pub async fn reconnect(&mut self, node: &Node) {
        let (socket, id) =
            Self::hello(&node.chat(), Some(&self.conversation), self.last_seq()).await;
        assert_eq!(id, self.conversation, "resumed another conversation");
        self.socket = socket;
    }

    /// Keeps `m` as the widget does: a new `seq` must follow the last one shown (nothing
    /// skipped); one shown already must be the same message (a resend answered again).
    fn show(&mut self, m: ChatMessage) {
        match self.shown.iter().find(|s| s.seq == m.seq) {
            Some(same) => assert_eq!(same, &m, "seq {} changed", m.seq),
            None => {
                assert_eq!(m.seq, self.last_seq() + 1, "a gap before {m:?}");
                self.shown.push(m);
            }
        }
    }

    /// Sends a message without waiting for anything.
    pub async fn send(&mut self, id: &str, text: &str) {
        let say = ClientMessage::Say {
            client_msg_id: id.into(),
            text: text.into(),
            locale: Some("en".into()),
            hint: None,
        };
        self.socket.send(frame(&say)).await.unwrap();
    }

    /// Says `text` and waits for its ack and every message of the turn; the turn's
    /// messages.
    pub async fn say(&mut self, id: &str, text: &str) -> Vec<ChatMessage> {
        self.send(id, text).await;
        self.acked(id).await
    }

    /// Waits for the ack of `id` and the turn's messages (shown as they come).
    pub async fn acked(&mut self, id: &str) -> Vec<ChatMessage> {
        let mut through = None;
        loop {
            if let Some((first, last)) = through
                && self.last_seq() >= last
            {
                return self
                    .shown
                    .iter()
                    .filter(|m| (first..=last).contains(&m.seq))
                    .cloned()
                    .collect();
            }
            match next_within(&mut self.socket, Duration::from_secs(30)).await {
                Some(ServerMessage::Ack {
                    client_msg_id,
                    seq,
                    through_seq,
                }) if client_msg_id == id => through = Some((seq, through_seq)),
                Some(ServerMessage::Message(m)) => self.show(m),
                Some(ServerMessage::Error { code, message, .. }) => {
                    panic!("{id} refused: {code}: {message}")
                }
                Some(_) => {}
                None => panic!("the socket closed before {id} was answered"),
            }
        }
    }

    /// Waits (up to `wait`) for a message pushed to the socket that `matches`.
    pub async fn pushed(
        &mut self,
        wait: Duration,
        matches: impl Fn(&ChatMessage) -> bool,
    ) -> Option<ChatMessage> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match next_within(&mut self.socket, left).await? {
                ServerMessage::Message(m) => {
                    let hit = matches(&m);
                    self.show(m.clone());
                    if hit {
                        return Some(m);
                    }
                }
                ServerMessage::Error { code, message, .. } => panic!("{code}: {message}"),
                _ => {}
            }
        }
    }
}

/// How a request proves who sends it.
enum Auth {
    None,
    /// An agent's session cookie (`name=value`).
    Cookie(String),
    /// A merchant's admin API key.
    Key(String),
}

/// `method url` with a JSON body (POST): status, JSON body, the session in `Set-Cookie`.
async fn http(
    method: &'static str,
    url: String,
    auth: Auth,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value, Option<String>) {
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let (name, value) = match auth {
            Auth::None => ("x-none", String::new()),
            Auth::Cookie(c) => ("cookie", c),
            Auth::Key(k) => ("authorization", format!("Bearer {k}")),
        };
        let mut response = if method == "GET" {
            agent.get(&url).header(name, &value).call().unwrap()
        } else {
            agent
                .post(&url)
                .header(name, &value)
                .send_json(body.unwrap_or(serde_json::json!({})))
                .unwrap()
        };
        let set_cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or_default().to_string());
        let status = response.status().as_u16();
        let json = response.body_mut().read_json().unwrap_or_default();
        (status, json, set_cookie)
    })
    .await
    .unwrap()
}

/// `POST path` on the admin API of `node` with `key`: status and JSON body.
pub async fn admin(
    node: &Node,
    path: &str,
    key: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    let url = format!("{}{path}", node.url);
    let (status, json, _) = http("POST", url, Auth::Key(key.to_string()), Some(body)).await;
    (status, json)
}

/// The demo agent, logged in: the session is in the shared database, so the cookie works
/// on every node.
pub struct Agent {
    cookie: String,
}

impl Agent {
    /// Logs in through `node`.
    pub async fn login(node: &Node) -> Self {
        let body = serde_json::json!({ "email": AGENT_EMAIL, "password": AGENT_PASSWORD });
        let (status, json, cookie) = http(
            "POST",
            format!("{}/v1/agent/login", node.url),
            Auth::None,
            Some(body),
        )
        .await;
        assert_eq!(status, 200, "{json}");
        Self {
            cookie: cookie.expect("a session cookie"),
        }
    }

    /// `GET path` on `node`.
    pub async fn get(&self, node: &Node, path: &str) -> serde_json::Value {
        let (status, json, _) = http(
            "GET",
            format!("{}{path}", node.url),
            Auth::Cookie(self.cookie.clone()),
            None,
        )
        .await;
        assert_eq!(status, 200, "{path}: {json}");
        json
    }

    /// `POST path` on `node`.
    pub async fn post(
        &self,
        node: &Node,
        path: &str,
        body: serde_json::Value,
    ) -> serde_json::Value {
        let (status, json, _) = http(
            "POST",
            format!("{}{path}", node.url),
            Auth::Cookie(self.cookie.clone()),
            Some(body),
        )
        .await;
        assert_eq!(status, 200, "{path}: {json}");
        json
    }

    /// How many agents `node` counts online for the demo shop.
    pub async fn online_seen_by(&self, node: &Node) -> u64 {
        self.get(node, "/v1/agent/queue").await["agents_online"]
            .as_u64()
            .unwrap()
    }

    /// Opens the console's live socket on `node` (the agent counts as online while it is
    /// open), past its `ready` event.
    pub async fn console(&self, node: &Node) -> Console {
        let url = format!("{}/v1/agent/ws", node.url.replacen("http://", "ws://", 1));
        let mut request = url.into_client_request().unwrap();
        request
            .headers_mut()
            .insert("cookie", self.cookie.parse().unwrap());
        let (socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        let mut console = Console { socket };
        let ready = console.event(Duration::from_secs(10)).await.unwrap();
        assert_eq!(ready["type"], "ready", "{ready}");
        console
    }
}

/// The console's live socket.
pub struct Console {
    socket: Socket,
}

impl Console {
    /// The next event within `wait`.
    pub async fn event(&mut self, wait: Duration) -> Option<serde_json::Value> {
        loop {
            let msg = tokio::time::timeout(wait, self.socket.next())
                .await
                .ok()??
                .ok()?;
            if let Message::Text(text) = msg {
                return Some(serde_json::from_str(text.as_str()).unwrap());
            }
        }
    }

    /// Waits (up to `wait`) for an event about `conversation` that says it has a message
    /// through `seq` or later, or that the console should reload everything.
    pub async fn heard(&mut self, conversation: &str, seq: u64, wait: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let Some(event) = self.event(left).await else {
                return false;
            };
            if event["type"] == "resync" {
                return true;
            }
            if event["conversation_id"] != conversation {
                continue;
            }
            let through = event["through_seq"].as_u64().or_else(|| {
                event["messages"]
                    .as_array()
                    .and_then(|m| m.last())
                    .and_then(|m| m["seq"].as_u64())
            });
            if through.is_some_and(|t| t >= seq) {
                return true;
            }
        }
    }

    /// Closes the socket (the agent goes offline).
    pub async fn close(mut self) {
        let _ = self.socket.close(None).await;
    }
}

/// Asks `text` on a fresh conversation on `node`; what the bot answered.
pub async fn ask(node: &Node, text: &str) -> String {
    let mut shopper = Shopper::start(node).await;
    let turn = shopper.say("q1", text).await;
    let said: Vec<&str> = turn
        .iter()
        .filter(|m| m.author == kefu_protocol::Author::Bot)
        .map(|m| m.text.as_str())
        .collect();
    said.join("\n")
}

/// A NATS server of the test's own (to stop and start again), on a fixed loopback port.
pub struct NatsServer {
    port: u16,
    child: Option<Child>,
}

impl NatsServer {
    /// Starts `nats-server` (installed by `scripts/nats.sh`) on a free port.
    pub fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut server = Self { port, child: None };
        server.restart();
        server
    }

    /// Its URL.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Stops it (clients see the connection drop).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port and waits until it accepts connections.
    pub fn restart(&mut self) {
        let program = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .chain([PathBuf::from("/usr/sbin")])
            .map(|dir| dir.join("nats-server"))
            .find(|p| p.is_file())
            .expect("nats-server installed (scripts/nats.sh installs it)");
        let child = Command::new(program)
            .args(["--addr", "127.0.0.1", "--port", &self.port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "nats-server did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.stop();
    }
}
