//! One shopper's socket: connect and say hello (or resume a conversation), exchange a frame
//! for the turn it starts, close. Knows the protocol (`kefu-protocol`) and time; knows
//! nothing of scripts or statistics. A turn is over when the `ack` has come and every
//! message through its `through_seq` has arrived.

use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{Card, ClientMessage, PROTOCOL_VERSION, ServerMessage};
use serde::Deserialize;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Each socket's read buffer; frames from the runtime are a few kilobytes at most.
const READ_BUFFER_BYTES: usize = 8192;

/// The `error` code with which the runtime refuses a shopper who sends too fast.
pub const RATE_LIMITED: &str = "rate_limited";

/// How a turn (or a hello) did not get answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The runtime refused it with an `error` frame of this code; nothing was stored.
    Refused(String),
    /// Refused with `rate_limited` (or the connection refused with HTTP 429, or closed
    /// with a policy close): wait this long, when the runtime said.
    Limited(Option<Duration>),
    /// The connection could not be opened.
    Connect(String),
    /// The runtime closed the socket.
    Closed,
    /// No answer in time.
    Timeout,
    /// A frame the protocol does not allow here.
    Protocol(String),
}

impl Failure {
    /// The code counted in the report.
    pub fn code(&self) -> &str {
        match self {
            Self::Refused(code) => code,
            Self::Limited(_) => RATE_LIMITED,
            Self::Connect(_) => "connect",
            Self::Closed => "closed",
            Self::Timeout => "timeout",
            Self::Protocol(_) => "protocol",
        }
    }
}

/// A turn answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answered {
    /// When the frame was sent.
    pub sent: Instant,
    /// Send → `ack`.
    pub ack: Duration,
    /// Send → the last message of the turn.
    pub turn: Duration,
    /// The answer offered the contact form (nobody online to take a handoff).
    pub contact_form: bool,
}

/// An open socket with a welcomed conversation.
#[derive(Debug)]
pub struct Conn {
    ws: Socket,
    /// The conversation, for resuming it on a new socket.
    pub conversation: String,
    /// The highest `seq` received.
    pub last_seq: u64,
    next_id: u64,
}

/// The extra field of a `rate_limited` refusal.
#[derive(Deserialize)]
struct RetryAfter {
    retry_after_secs: Option<f64>,
}

/// Reads one frame into the protocol's type; a `rate_limited` refusal becomes
/// [`Failure::Limited`] with its `retry_after_secs`.
pub fn classify(text: &str) -> Result<ServerMessage, Failure> {
    let frame: ServerMessage = serde_json::from_str(text)
        .map_err(|e| Failure::Protocol(format!("unreadable frame {text:.200}: {e}")))?;
    if let ServerMessage::Error { code, .. } = &frame
        && code == RATE_LIMITED
    {
        let retry = serde_json::from_str::<RetryAfter>(text)
            .ok()
            .and_then(|r| r.retry_after_secs)
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(Duration::from_secs_f64);
        return Err(Failure::Limited(retry));
    }
    Ok(frame)
}

impl Conn {
    /// Connects to `url`, says hello (resuming `resume`'s conversation from its `seq` when
    /// given) and waits for the welcome.
    pub async fn open(
        url: &str,
        locale: &str,
        resume: Option<(String, u64)>,
        timeout: Duration,
    ) -> Result<Self, Failure> {
        // A small read buffer: tungstenite zero-fills all of it (128 KiB by default) on the
        // first read, which for thousands of sockets is the client's memory, not the test's.
        let config = WebSocketConfig::default().read_buffer_size(READ_BUFFER_BYTES);
        let connect = tokio_tungstenite::connect_async_with_config(url, Some(config), true);
        let (ws, _) = match tokio::time::timeout(timeout, connect).await {
            Err(_) => return Err(Failure::Timeout),
            Ok(Err(tungstenite::Error::Http(response))) if response.status().as_u16() == 429 => {
                let retry = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .map(Duration::from_secs_f64);
                return Err(Failure::Limited(retry));
            }
            Ok(Err(e)) => return Err(Failure::Connect(e.to_string())),
            Ok(Ok(ok)) => ok,
        };
        let (conversation_id, last_seq) = resume.unzip();
        let last_seq = last_seq.unwrap_or(0);
        let mut conn = Self {
            ws,
            conversation: String::new(),
            last_seq,
            next_id: 0,
        };
        conn.send(&ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            conversation_id,
            last_seq,
            locale: Some(locale.to_string()),
            identity: None,
        })
        .await?;
        let deadline = Instant::now() + timeout;
        match conn.recv(deadline).await? {
            ServerMessage::Welcome {
                conversation_id, ..
            } => conn.conversation = conversation_id,
            ServerMessage::Error { code, .. } => return Err(Failure::Refused(code)),
            other => return Err(Failure::Protocol(format!("{other:?} before welcome"))),
        }
        Ok(conn)
    }

    /// A fresh `client_msg_id` for this socket's next message.
    pub fn next_id(&mut self) -> String {
        self.next_id += 1;
        format!("load-{}", self.next_id)
    }

    async fn send(&mut self, msg: &ClientMessage) -> Result<(), Failure> {
        let json = serde_json::to_string(msg).expect("client messages serialise");
        self.ws
            .send(Message::Text(json.into()))
            .await
            .map_err(|_| Failure::Closed)
    }

    async fn recv(&mut self, deadline: Instant) -> Result<ServerMessage, Failure> {
        loop {
            let next = tokio::time::timeout_at(deadline.into(), self.ws.next()).await;
            match next.map_err(|_| Failure::Timeout)? {
                Some(Ok(Message::Text(text))) => {
                    let frame = classify(text.as_str())?;
                    if let ServerMessage::Message(m) = &frame {
                        self.last_seq = self.last_seq.max(m.seq);
                    }
                    return Ok(frame);
                }
                Some(Ok(Message::Close(Some(close)))) if close.code == CloseCode::Policy => {
                    return Err(Failure::Limited(None));
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return Err(Failure::Closed),
                Some(Ok(_)) => continue,
            }
        }
    }

    /// Sends `frame` (whose `client_msg_id` is `id`) and waits for its turn to end.
    pub async fn exchange(
        &mut self,
        frame: &ClientMessage,
        id: &str,
        timeout: Duration,
    ) -> Result<Answered, Failure> {
        let sent = Instant::now();
        let deadline = sent + timeout;
        self.send(frame).await?;
        let mut acked: Option<(Duration, u64)> = None;
        let mut contact_form = false;
        loop {
            match self.recv(deadline).await? {
                ServerMessage::Ack {
                    client_msg_id,
                    through_seq,
                    seq,
                } if client_msg_id == id => {
                    // An ack names its own message at least.
                    acked = Some((sent.elapsed(), through_seq.max(seq)));
                }
                ServerMessage::Message(m) => {
                    contact_form |= m
                        .cards
                        .iter()
                        .any(|c| matches!(c, Card::ContactForm { .. }));
                }
                ServerMessage::Error {
                    code,
                    client_msg_id,
                    ..
                } if client_msg_id.as_deref().is_none_or(|c| c == id) => {
                    return Err(Failure::Refused(code));
                }
                ServerMessage::Ack { .. } | ServerMessage::Error { .. } => {}
                ServerMessage::Welcome { .. } => {
                    return Err(Failure::Protocol("a second welcome".into()));
                }
            }
            if let Some((ack, through)) = acked
                && self.last_seq >= through
            {
                return Ok(Answered {
                    sent,
                    ack,
                    turn: sent.elapsed(),
                    contact_form,
                });
            }
        }
    }

    /// Closes the socket and waits (briefly) for the runtime's close.
    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
        let drain = async { while let Some(Ok(_)) = self.ws.next().await {} };
        let _ = tokio::time::timeout(Duration::from_secs(2), drain).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_limited_refusal_is_a_limit_with_its_wait() {
        let text = r#"{"type":"error","code":"rate_limited","message":"slow down",
                      "client_msg_id":"load-3","retry_after_secs":2}"#;
        assert_eq!(
            classify(text),
            Err(Failure::Limited(Some(Duration::from_secs(2))))
        );
        let without = r#"{"type":"error","code":"rate_limited","message":"slow down"}"#;
        assert_eq!(classify(without), Err(Failure::Limited(None)));
        assert_eq!(Failure::Limited(None).code(), RATE_LIMITED);
    }

    #[test]
    fn other_refusals_and_frames_pass_through() {
        let text = r#"{"type":"error","code":"too_long","message":"shorter please"}"#;
        assert!(matches!(
            classify(text),
            Ok(ServerMessage::Error { code, .. }) if code == "too_long"
        ));
        let ack = r#"{"type":"ack","client_msg_id":"load-1","seq":3,"through_seq":4}"#;
        assert!(matches!(
            classify(ack),
            Ok(ServerMessage::Ack { through_seq: 4, .. })
        ));
        assert!(matches!(classify("{oops"), Err(Failure::Protocol(_))));
    }
}
