//! The shopper's chat WebSocket: `GET /v1/chat/{merchant}`.
//!
//! Frames are JSON [`ClientMessage`]s and [`ServerMessage`]s (`kefu-protocol`). The first
//! client frame must be `hello`; the runtime answers `welcome` and replays every stored
//! message after the client's `last_seq`, so a reconnecting widget misses nothing. Each
//! `say` (and `contact`, `rate`) is persisted with the bot's answer before `ack` and the
//! messages are sent. Malformed or oversized frames get an `error` frame naming the
//! problem; nothing is stored.
//!
//! The socket also listens on the conversation's bus channel and pushes messages it did not
//! cause (an agent's reply, the notice that an agent joined, a rating question) as they are
//! committed. It sends every message in `seq` order exactly once: it remembers the last
//! `seq` it sent, skips what it already sent, and fills any gap (a lagging subscription,
//! a message committed between two frames) from the store. What another node committed
//! arrives as a `seq` only ([`Event::Stored`]); the messages are read from the store.
//!
//! Anonymous clients are held to [`super::limits`]: an address opening too many sockets is
//! refused the upgrade (429); a `say`, `contact` or `rate` sent too fast, past the
//! conversation's size or past its tickets is refused with an `error` frame
//! (`rate_limited` with `retry_after_secs`, `conversation_full`, `too_many_tickets`) before
//! the engine sees it, so it is neither stored nor acknowledged and may be sent again; a
//! socket silent for too long after hello is closed with a reason.
//!
//! A conversation deleted while its socket is open (from another tab, or by the retention
//! sweep) closes the socket with that reason.
//!
//! When the runtime stops ([`super::drain`]), the socket finishes the turn it is answering
//! and closes with 1012 "service restart"; the widget reconnects and resumes.

use std::net::IpAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade, close_code};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kefu_protocol::{ChatMessage, ClientMessage, MAX_TEXT_BYTES, PROTOCOL_VERSION, ServerMessage};
use tokio::sync::broadcast::error::RecvError;
use tracing::Instrument;

use super::drain::{self, DrainGuard};
use super::limits::whole_seconds;
use super::{ApiError, AppState, PeerIp};
use crate::bus::{Change, Event};
use crate::engine::handoff::ContactInput;
use crate::engine::{CardAnswer, EngineError, ShopperInput, Turn};
use crate::store::Store;
use crate::telemetry;

/// Largest frame accepted; a `say` within [`MAX_TEXT_BYTES`] fits with room for its JSON.
const MAX_FRAME_BYTES: usize = 4 * MAX_TEXT_BYTES + 2048;
/// The socket's read buffer. tungstenite zero-fills the whole buffer on the first read, so
/// its default (128 KiB) made every open chat, idle or not, cost 128 KiB of resident memory
/// (`cargo xtask load --mix idle`: 156 KB per open session). Chat frames are small; a larger
/// one grows the buffer as it arrives.
const READ_BUFFER_BYTES: usize = 4096;
/// How long a new connection may take to say hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/v1/chat/{merchant}", get(upgrade))
}

async fn upgrade(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    Path(merchant): Path<String>,
    PeerIp(ip): PeerIp,
) -> Response {
    // Taken before the upgrade and held by the session: an address cannot open more
    // sockets than its share, however fast it connects.
    let Some(slot) = state.limits.open_socket(ip) else {
        telemetry::refused("sockets_per_ip");
        let max = state.limits.limits().sockets_per_ip;
        return ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_sockets",
            format!(
                "too many chats open from your network (at most {max}); close one and try again"
            ),
        )
        .into_response();
    };
    // Taken before the upgrade too: a runtime that is stopping waits for this socket.
    let guard = state.drain.guard();
    ws.max_message_size(MAX_FRAME_BYTES)
        .max_frame_size(MAX_FRAME_BYTES)
        .read_buffer_size(READ_BUFFER_BYTES)
        .on_upgrade(move |socket| {
            // Every log line of this socket, and of its turns, names the merchant and (once
            // known) the conversation.
            let span = tracing::info_span!("chat", %merchant, conversation = tracing::field::Empty);
            async move {
                let open = telemetry::OpenSocket::new("chat");
                if let Err(e) = session(socket, state, merchant, ip, guard).await {
                    tracing::debug!(error = %e, "chat socket closed");
                }
                drop((slot, open));
            }
            .instrument(span)
        })
}

async fn send(socket: &mut WebSocket, msg: &ServerMessage) -> Result<(), axum::Error> {
    let json = serde_json::to_string(msg).expect("server messages serialise");
    socket.send(Message::Text(json.into())).await
}

fn error(code: &str, message: impl Into<String>) -> ServerMessage {
    ServerMessage::Error {
        code: code.into(),
        message: message.into(),
        client_msg_id: None,
        retry_after_secs: None,
    }
}

fn refusal(code: &str, message: impl Into<String>, client_msg_id: &str) -> ServerMessage {
    ServerMessage::Error {
        code: code.into(),
        message: message.into(),
        client_msg_id: Some(client_msg_id.to_string()),
        retry_after_secs: None,
    }
}

/// Whether a frame the engine would store may reach it; if not, the frame that says why.
async fn admit(
    state: &AppState,
    conversation: &str,
    ip: Option<IpAddr>,
    stored: u64,
    request: &ClientMessage,
    client_msg_id: &str,
) -> Result<(), ServerMessage> {
    let limits = state.limits.limits();
    if let Err(wait) = state.limits.message(conversation, ip) {
        telemetry::refused("messages");
        let secs = whole_seconds(wait).max(1);
        return Err(ServerMessage::Error {
            code: "rate_limited".into(),
            message: format!(
                "you are sending messages faster than we can answer; please wait {secs} s and send it again"
            ),
            client_msg_id: Some(client_msg_id.to_string()),
            retry_after_secs: Some(secs),
        });
    }
    match request {
        ClientMessage::Say { .. } | ClientMessage::Confirm { .. } => {
            // A contact form or a rating still goes through: the shopper can always
            // leave a way to be answered.
            if let Some(max) = limits.messages_per_conversation()
                && stored >= max
            {
                telemetry::refused("messages_per_conversation");
                let msg = format!(
                    "this conversation is full ({max} messages) and this message was not sent; \
                     open the chat in a new tab to start a new conversation"
                );
                return Err(refusal("conversation_full", msg, client_msg_id));
            }
        }
        ClientMessage::Contact { .. } => {
            let Some(max) = limits.tickets_per_conversation() else {
                return Ok(());
            };
            let store = &state.store;
            // A resent form is answered from storage, whatever the count.
            let counted = async {
                if store
                    .seq_of_client_message(conversation, client_msg_id)
                    .await?
                    .is_some()
                {
                    return Ok(0);
                }
                store.ticket_count(conversation).await
            };
            match counted.await {
                Ok(n) if n >= u64::from(max) => {
                    telemetry::refused("tickets_per_conversation");
                    let msg = format!(
                        "this conversation already has {n} contact requests; the shop will answer them by email"
                    );
                    return Err(refusal("too_many_tickets", msg, client_msg_id));
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::error!(error = %e, "counting tickets");
                    let msg = "your request could not be saved; please send it again";
                    return Err(refusal("unavailable", msg, client_msg_id));
                }
            }
        }
        ClientMessage::Rate { .. } | ClientMessage::Hello { .. } => {}
    }
    Ok(())
}

/// Reads the next client frame; `None` when the socket closed.
async fn next_frame(socket: &mut WebSocket) -> Option<Result<ClientMessage, ServerMessage>> {
    loop {
        let msg = socket.recv().await?.ok()?;
        return Some(match msg {
            Message::Text(text) => serde_json::from_str(text.as_str())
                .map_err(|e| error("bad_frame", format!("could not read this message: {e}"))),
            Message::Binary(_) => Err(error(
                "bad_frame",
                "binary frames are not supported; send JSON text",
            )),
            Message::Close(_) => return None,
            Message::Ping(_) | Message::Pong(_) => continue,
        });
    }
}

async fn session(
    mut socket: WebSocket,
    state: AppState,
    merchant: String,
    ip: Option<IpAddr>,
    mut drain: DrainGuard,
) -> Result<(), axum::Error> {
    let hello = tokio::select! {
        biased;
        () = drain.stopping() => {
            drain::close_for_restart(&mut socket).await;
            return Ok(());
        }
        hello = tokio::time::timeout(HELLO_TIMEOUT, next_frame(&mut socket)) => hello,
    };
    let hello = match hello {
        Ok(Some(Ok(hello))) => hello,
        Ok(Some(Err(e))) => return send(&mut socket, &e).await,
        Ok(None) | Err(_) => return Ok(()),
    };
    let ClientMessage::Hello {
        version,
        conversation_id,
        last_seq,
        locale,
        identity,
    } = hello
    else {
        return send(
            &mut socket,
            &error("hello_expected", "start the connection with a hello frame"),
        )
        .await;
    };
    if version != PROTOCOL_VERSION {
        let msg =
            format!("this server speaks protocol version {PROTOCOL_VERSION}; reload the page");
        return send(&mut socket, &error("unsupported_version", msg)).await;
    }
    // No locale from the widget: the engine starts in the shop's default locale.
    let locale = locale.unwrap_or_default();
    let engine = &state.engine;
    let store = &state.store;
    let conv = match engine
        .open(&merchant, conversation_id.as_deref(), &locale)
        .await
    {
        Ok(c) => c,
        Err(EngineError::UnknownMerchant) => {
            return send(
                &mut socket,
                &error(
                    "unknown_merchant",
                    format!("no shop named `{merchant}` here"),
                ),
            )
            .await;
        }
        Err(e) => {
            tracing::error!(error = %e, "opening conversation");
            return send(
                &mut socket,
                &error(
                    "unavailable",
                    "chat is unavailable right now; try again shortly",
                ),
            )
            .await;
        }
    };
    // Logged by its one-way reference: the id is the shopper's credential, and logs travel.
    tracing::Span::current().record(
        "conversation",
        tracing::field::display(crate::domain::conversation_ref(&conv.id)),
    );
    // Subscribe before replaying: whatever commits in between is either replayed or heard.
    let mut live = engine.bus().subscribe_conversation(&conv.id);
    // A different conversation than asked for starts from nothing.
    let resume_from = if conversation_id.as_deref() == Some(conv.id.as_str()) {
        last_seq
    } else {
        0
    };
    send(
        &mut socket,
        &ServerMessage::Welcome {
            version: PROTOCOL_VERSION,
            conversation_id: conv.id.clone(),
            state: conv.state,
            agent: engine.agent_in_charge(&conv).await,
            welcome: engine
                .welcome(&merchant, kefu_protocol::Lang::from_tag(&locale))
                .await
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "reading the panel's welcome");
                    None
                }),
        },
    )
    .await?;
    if let Some(identity) = &identity {
        match engine.identify(&merchant, &conv.id, identity).await {
            Ok(Ok(())) => {}
            // The chat goes on; the shopper just is not known to be anyone.
            Ok(Err(e)) => send(&mut socket, &error("identity_rejected", e.to_string())).await?,
            Err(e) => tracing::error!(error = %e, "verifying an identity"),
        }
    }
    let mut out = Outbound {
        conversation: conv.id.clone(),
        sent: resume_from,
        stored: conv.last_seq,
    };
    out.catch_up(&mut socket, store).await?;
    let idle_timeout = state.limits.limits().idle_timeout();
    let mut idle_until = idle_timeout.map(|t| tokio::time::Instant::now() + t);
    // After a `rate_limited` refusal nothing more is read from this socket until the wait is
    // over: a client that ignores `retry_after_secs` finds its frames waiting in its own
    // send buffer instead of costing the runtime a refusal each (the widget waits anyway).
    let mut read_after: Option<tokio::time::Instant> = None;
    loop {
        let reading = read_after.is_none_or(|t| tokio::time::Instant::now() >= t);
        let frame = tokio::select! {
            // First: a turn in flight has finished (its ack and messages are sent) when the
            // loop comes back here. Frames not read yet are not acknowledged; the widget
            // sends them again after it reconnected.
            biased;
            () = drain.stopping() => {
                drain::close_for_restart(&mut socket).await;
                break;
            },
            frame = next_frame(&mut socket), if reading => match frame {
                Some(frame) => frame,
                None => break,
            },
            () = sleep_until(read_after), if !reading => {
                read_after = None;
                continue;
            },
            () = sleep_until(idle_until) => {
                let minutes = idle_timeout.unwrap_or_default().as_secs().div_ceil(60);
                let close = CloseFrame {
                    code: close_code::NORMAL,
                    reason: format!("no message for {minutes} min; reconnect to go on").into(),
                };
                // Nothing is lost: a reconnecting widget is replayed what it missed.
                let _ = socket.send(Message::Close(Some(close))).await;
                break;
            },
            event = live.recv() => {
                match event {
                    Ok(Event::Messages { messages, .. }) => {
                        out.push(&mut socket, store, &messages).await?
                    }
                    // Another node stored them: read them from the store, the record.
                    Ok(Event::Stored { through_seq, .. }) => {
                        out.stored = out.stored.max(through_seq);
                        if through_seq > out.sent {
                            out.catch_up(&mut socket, store).await?;
                        }
                    }
                    Ok(Event::Changed { what: Change::Deleted, .. }) => {
                        // Deleted from another tab (or by the retention sweep): nothing
                        // here to go on with; a reconnect starts a new conversation.
                        let close = CloseFrame {
                            code: close_code::NORMAL,
                            reason: "this conversation was deleted".into(),
                        };
                        let _ = socket.send(Message::Close(Some(close))).await;
                        break;
                    }
                    Ok(Event::Changed { .. }) => {}
                    Err(RecvError::Lagged(_)) => out.catch_up(&mut socket, store).await?,
                    Err(RecvError::Closed) => break,
                }
                continue;
            }
        };
        idle_until = idle_timeout.map(|t| tokio::time::Instant::now() + t);
        let request = match frame {
            Ok(ClientMessage::Hello { .. }) => {
                send(
                    &mut socket,
                    &error("already_started", "hello may only be sent once"),
                )
                .await?;
                continue;
            }
            Ok(request) => request,
            Err(e) => {
                send(&mut socket, &e).await?;
                continue;
            }
        };
        let client_msg_id = request.client_msg_id().unwrap_or_default().to_string();
        if client_msg_id.is_empty() || client_msg_id.len() > 64 {
            send(
                &mut socket,
                &error("bad_frame", "client_msg_id must be 1 to 64 characters"),
            )
            .await?;
            continue;
        }
        if let Err(refused) =
            admit(&state, &conv.id, ip, out.stored, &request, &client_msg_id).await
        {
            if let ServerMessage::Error {
                retry_after_secs: Some(secs),
                ..
            } = &refused
            {
                read_after =
                    Some(tokio::time::Instant::now() + Duration::from_secs((*secs).min(60)));
            }
            send(&mut socket, &refused).await?;
            continue;
        }
        let (kind, started) = (turn_kind(&request), std::time::Instant::now());
        // Each turn's future is boxed: awaited inline it would be part of this socket's
        // future, and so of the memory every open chat holds while idle (the engine's
        // turn is by far the largest state this loop awaits).
        let result = match request {
            ClientMessage::Say {
                text, locale, hint, ..
            } => {
                let input = ShopperInput {
                    client_msg_id: client_msg_id.clone(),
                    text,
                    locale,
                    hint,
                    card: None,
                    peer: ip,
                };
                Box::pin(engine.turn(&merchant, &conv.id, input)).await
            }
            // A card's button: a message that names the action it answers.
            ClientMessage::Confirm {
                action_id,
                accept,
                text,
                locale,
                ..
            } => {
                let input = ShopperInput {
                    client_msg_id: client_msg_id.clone(),
                    text,
                    locale,
                    hint: None,
                    card: Some(CardAnswer { action_id, accept }),
                    peer: ip,
                };
                Box::pin(engine.turn(&merchant, &conv.id, input)).await
            }
            ClientMessage::Contact {
                email,
                message,
                locale,
                ..
            } => {
                let input = ContactInput {
                    client_msg_id: client_msg_id.clone(),
                    email,
                    message,
                    locale,
                };
                Box::pin(engine.contact(&merchant, &conv.id, input)).await
            }
            ClientMessage::Rate { score, locale, .. } => {
                Box::pin(engine.rate(
                    &merchant,
                    &conv.id,
                    &client_msg_id,
                    score,
                    locale.as_deref(),
                ))
                .await
            }
            // Answered above.
            ClientMessage::Hello { .. } => continue,
        };
        let outcome = match &result {
            Ok(Turn::Stored(_)) => "stored",
            Ok(Turn::Duplicate { .. }) => "duplicate",
            Err(EngineError::Empty | EngineError::TooLong | EngineError::Refused { .. }) => {
                "refused"
            }
            Err(EngineError::Busy) => "busy",
            Err(_) => "failed",
        };
        telemetry::turn(&merchant, kind, outcome, started.elapsed());
        let (messages, duplicate) = match result {
            Ok(Turn::Stored(messages)) => (messages, false),
            Ok(Turn::Duplicate { messages, .. }) => (messages, true),
            Err(e @ (EngineError::Empty | EngineError::TooLong)) => {
                let code = if matches!(e, EngineError::Empty) {
                    "empty"
                } else {
                    "too_long"
                };
                send(&mut socket, &refusal(code, e.to_string(), &client_msg_id)).await?;
                continue;
            }
            Err(EngineError::Refused { code, message }) => {
                send(&mut socket, &refusal(code, message, &client_msg_id)).await?;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "chat turn failed");
                let msg = "your message could not be saved; please send it again";
                send(&mut socket, &refusal("unavailable", msg, &client_msg_id)).await?;
                continue;
            }
        };
        if let (Some(first), Some(last)) = (messages.first(), messages.last()) {
            let ack = ServerMessage::Ack {
                client_msg_id,
                seq: first.seq,
                through_seq: last.seq,
            };
            send(&mut socket, &ack).await?;
        }
        if duplicate {
            // A resend: answered again with what it stored, as before (the widget keeps
            // one message per seq).
            for m in &messages {
                send(&mut socket, &ServerMessage::Message(m.clone())).await?;
            }
            out.sent = out.sent.max(messages.last().map_or(0, |m| m.seq));
            out.stored = out.stored.max(messages.last().map_or(0, |m| m.seq));
        } else {
            out.push(&mut socket, store, &messages).await?;
        }
    }
    Ok(())
}

/// What kind of frame a turn answers (a label of [`telemetry::TURNS`]).
fn turn_kind(request: &ClientMessage) -> &'static str {
    match request {
        ClientMessage::Say { .. } => "say",
        ClientMessage::Confirm { .. } => "confirm",
        ClientMessage::Contact { .. } => "contact",
        ClientMessage::Rate { .. } => "rate",
        ClientMessage::Hello { .. } => "hello",
    }
}

/// Waits until `deadline`, or forever without one.
async fn sleep_until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// What this socket has sent: every message through `sent`, in order, once.
struct Outbound {
    conversation: String,
    sent: u64,
    /// The highest `seq` stored in the conversation, as far as this socket knows: how
    /// full it is (not `sent`, which starts from what the client says it has).
    stored: u64,
}

impl Outbound {
    /// Sends `messages` (consecutive, in order) that follow what was sent; a gap before
    /// them is filled from the store first.
    async fn push(
        &mut self,
        socket: &mut WebSocket,
        store: &Store,
        messages: &[ChatMessage],
    ) -> Result<(), axum::Error> {
        let Some(first) = messages.first() else {
            return Ok(());
        };
        self.stored = self.stored.max(messages.last().map_or(0, |m| m.seq));
        if first.seq > self.sent + 1 {
            return self.catch_up(socket, store).await;
        }
        for m in messages {
            if m.seq > self.sent {
                send(socket, &ServerMessage::Message(m.clone())).await?;
                self.sent = m.seq;
            }
        }
        Ok(())
    }

    /// Sends everything stored after `sent`.
    async fn catch_up(&mut self, socket: &mut WebSocket, store: &Store) -> Result<(), axum::Error> {
        match store.messages_after(&self.conversation, self.sent).await {
            Ok(missed) => {
                for m in missed {
                    self.sent = m.seq;
                    self.stored = self.stored.max(m.seq);
                    send(socket, &ServerMessage::Message(m)).await?;
                }
            }
            Err(e) => tracing::error!(error = %e, "replaying conversation"),
        }
        Ok(())
    }
}
