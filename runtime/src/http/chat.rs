//! The shopper's chat WebSocket: `GET /v1/chat/{merchant}`.
//!
//! Frames are JSON [`ClientMessage`]s and [`ServerMessage`]s (`kefu-protocol`). The first
//! client frame must be `hello`; the runtime answers `welcome` and replays every stored
//! message after the client's `last_seq`, so a reconnecting widget misses nothing. Each
//! `say` is persisted with the bot's answer before `ack` and the messages are sent.
//! Malformed or oversized frames get an `error` frame naming the problem; nothing is stored.

use std::time::Duration;

use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use kefu_protocol::{ClientMessage, MAX_TEXT_BYTES, PROTOCOL_VERSION, ServerMessage};

use super::AppState;
use crate::engine::{EngineError, ShopperInput, Turn};

/// Largest frame accepted; a `say` within [`MAX_TEXT_BYTES`] fits with room for its JSON.
const MAX_FRAME_BYTES: usize = 4 * MAX_TEXT_BYTES + 2048;
/// How long a new connection may take to say hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/v1/chat/{merchant}", get(upgrade))
}

async fn upgrade(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    Path(merchant): Path<String>,
) -> Response {
    ws.max_message_size(MAX_FRAME_BYTES)
        .max_frame_size(MAX_FRAME_BYTES)
        .on_upgrade(move |socket| async move {
            if let Err(e) = session(socket, state, merchant).await {
                tracing::debug!(error = %e, "chat socket closed");
            }
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
    }
}

fn refusal(code: &str, message: impl Into<String>, client_msg_id: &str) -> ServerMessage {
    ServerMessage::Error {
        code: code.into(),
        message: message.into(),
        client_msg_id: Some(client_msg_id.to_string()),
    }
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
) -> Result<(), axum::Error> {
    let hello = match tokio::time::timeout(HELLO_TIMEOUT, next_frame(&mut socket)).await {
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
    let locale = locale.unwrap_or_else(|| "en".into());
    let engine = &state.engine;
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
    match engine.store().messages_after(&conv.id, resume_from).await {
        Ok(missed) => {
            for m in missed {
                send(&mut socket, &ServerMessage::Message(m)).await?;
            }
        }
        Err(e) => tracing::error!(error = %e, "replaying conversation"),
    }
    while let Some(frame) = next_frame(&mut socket).await {
        let (client_msg_id, text, locale, hint) = match frame {
            Ok(ClientMessage::Say {
                client_msg_id,
                text,
                locale,
                hint,
            }) => (client_msg_id, text, locale, hint),
            Ok(ClientMessage::Hello { .. }) => {
                send(
                    &mut socket,
                    &error("already_started", "hello may only be sent once"),
                )
                .await?;
                continue;
            }
            Err(e) => {
                send(&mut socket, &e).await?;
                continue;
            }
        };
        if client_msg_id.is_empty() || client_msg_id.len() > 64 {
            send(
                &mut socket,
                &error("bad_frame", "client_msg_id must be 1 to 64 characters"),
            )
            .await?;
            continue;
        }
        let input = ShopperInput {
            client_msg_id: client_msg_id.clone(),
            text,
            locale,
            hint,
        };
        let messages = match engine.turn(&merchant, &conv.id, input).await {
            Ok(Turn::Stored(messages)) => messages,
            Ok(Turn::Duplicate { messages, .. }) => messages,
            Err(e @ (EngineError::Empty | EngineError::TooLong)) => {
                let code = if matches!(e, EngineError::Empty) {
                    "empty"
                } else {
                    "too_long"
                };
                send(&mut socket, &refusal(code, e.to_string(), &client_msg_id)).await?;
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
        for m in messages {
            send(&mut socket, &ServerMessage::Message(m)).await?;
        }
    }
    Ok(())
}
