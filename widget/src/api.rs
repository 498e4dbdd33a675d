//! The chat WebSocket: the only network code in the widget.
//!
//! One task owns the socket. It says `hello` with the conversation id and the last `seq`
//! it has seen (so the runtime replays what was missed), then pumps frames both ways. When
//! the link drops it reconnects with backoff; frames sent meanwhile wait in the channel.
//!
//! It keeps no outbox: which frames are unacknowledged is the panel's state
//! ([`crate::state::ChatState::outbox`]), and `use_chat` sends them again after every
//! welcome (safe: the runtime de-duplicates by `client_msg_id`).

use futures_channel::mpsc::{UnboundedReceiver, UnboundedSender, unbounded};
use futures_util::future::{Either, select};
use futures_util::{SinkExt, StreamExt};
use gloo_net::websocket::Message;
use gloo_net::websocket::futures::WebSocket;
use gloo_timers::future::TimeoutFuture;
use kefu_protocol::{ClientMessage, PROTOCOL_VERSION, ServerMessage, SignedIdentity};

/// What the connection reports to the UI.
#[derive(Debug)]
pub enum Event {
    /// The runtime said welcome.
    Welcome(ServerMessage),
    /// Any later frame.
    Frame(ServerMessage),
    /// The link dropped; reconnecting.
    Disconnected,
}

/// Where the conversation stands, remembered across reconnects and page reloads.
#[derive(Debug)]
struct Resume {
    /// The conversation to resume.
    conversation_id: Option<String>,
    /// The highest `seq` received.
    last_seq: u64,
}

/// A handle to send frames; dropping every clone ends the connection task.
#[derive(Debug, Clone)]
pub struct ChatLink {
    tx: UnboundedSender<ClientMessage>,
}

impl ChatLink {
    /// Sends `message` now, or as soon as the link is back.
    pub fn send(&self, message: ClientMessage) {
        let _ = self.tx.unbounded_send(message);
    }
}

/// The chat endpoint for `merchant` on the origin that served the panel.
fn chat_url(merchant: &str) -> String {
    let location = web_sys::window().expect("a window").location();
    let host = location.host().unwrap_or_default();
    let scheme = if location.protocol().unwrap_or_default() == "https:" {
        "wss"
    } else {
        "ws"
    };
    format!(
        "{scheme}://{host}/v1/chat/{}",
        js_sys::encode_uri_component(merchant)
    )
}

fn session_key(merchant: &str) -> String {
    format!("kefu.conversation.{merchant}")
}

/// The identity the merchant's page passed through `kefu('identify', …)`: the loader puts
/// it in this page's URL fragment (`#identity=…`), which never reaches a server log.
fn identity_from_fragment() -> Option<SignedIdentity> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix("#identity=")?;
    let json = js_sys::decode_uri_component(encoded).ok()?.as_string()?;
    crate::json::parse(&json)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The conversation this tab last had with `merchant`, as its welcome said.
pub fn conversation_id(merchant: &str) -> Option<String> {
    storage()?.get_item(&session_key(merchant)).ok().flatten()
}

/// Has the runtime delete this tab's conversation with `merchant`
/// (`DELETE /v1/chat/{merchant}/conversations/{id}`); also `Ok` when there was none.
pub async fn delete_conversation(merchant: &str) -> Result<(), ()> {
    use wasm_bindgen::JsCast;
    let Some(id) = conversation_id(merchant) else {
        return Ok(());
    };
    let window = web_sys::window().ok_or(())?;
    let init = web_sys::RequestInit::new();
    init.set_method("DELETE");
    let url = format!(
        "/v1/chat/{}/conversations/{}",
        js_sys::encode_uri_component(merchant),
        js_sys::encode_uri_component(&id)
    );
    let response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(&url, &init))
            .await
            .map_err(|_| ())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ())?;
    // 404: already deleted (another tab, or the shop's retention period).
    if response.ok() || response.status() == 404 {
        Ok(())
    } else {
        Err(())
    }
}

/// Forgets everything the panel kept on this tab and starts it afresh.
pub fn start_afresh() {
    if let Some(s) = storage() {
        let _ = s.clear();
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Opens the chat for `merchant`, in `locale`, and reports to `on_event`.
pub fn connect(merchant: &str, locale: &str, on_event: impl Fn(Event) + 'static) -> ChatLink {
    let (tx, rx) = unbounded();
    let resume = Resume {
        conversation_id: conversation_id(merchant),
        last_seq: 0,
    };
    let identity = identity_from_fragment();
    wasm_bindgen_futures::spawn_local(run(
        chat_url(merchant),
        merchant.to_string(),
        locale.to_string(),
        identity,
        resume,
        rx,
        on_event,
    ));
    ChatLink { tx }
}

async fn run(
    url: String,
    merchant: String,
    locale: String,
    identity: Option<SignedIdentity>,
    mut resume: Resume,
    mut rx: UnboundedReceiver<ClientMessage>,
    on_event: impl Fn(Event) + 'static,
) {
    let mut backoff = 250;
    loop {
        if let Ok(ws) = WebSocket::open(&url) {
            let (mut sink, mut stream) = ws.split();
            let hello = ClientMessage::Hello {
                version: PROTOCOL_VERSION,
                conversation_id: resume.conversation_id.clone(),
                last_seq: resume.last_seq,
                locale: Some(locale.clone()),
                identity: identity.clone(),
            };
            let mut ok = sink.send(encode(&hello)).await.is_ok();
            while ok {
                match select(stream.next(), rx.next()).await {
                    Either::Left((Some(Ok(Message::Text(text))), _)) => {
                        let Some(frame) = crate::json::parse::<ServerMessage>(&text) else {
                            continue;
                        };
                        backoff = 250;
                        remember(&mut resume, &merchant, &frame);
                        on_event(match frame {
                            ServerMessage::Welcome { .. } => Event::Welcome(frame),
                            other => Event::Frame(other),
                        });
                    }
                    Either::Left((Some(Ok(Message::Bytes(_))), _)) => {}
                    Either::Left(_) => break,
                    Either::Right((Some(out), _)) => ok = sink.send(encode(&out)).await.is_ok(),
                    // Every ChatLink is gone: the panel was closed for good.
                    Either::Right((None, _)) => return,
                }
            }
        }
        on_event(Event::Disconnected);
        TimeoutFuture::new(backoff).await;
        backoff = (backoff * 2).min(8_000);
    }
}

fn encode(message: &ClientMessage) -> Message {
    // Encoding a `ClientMessage` cannot fail (strings, numbers and structs only); not
    // `expect`, whose message would ship an error's `Debug` for a panic only.
    Message::Text(crate::json::stringify(message).unwrap_or_default())
}

fn remember(resume: &mut Resume, merchant: &str, frame: &ServerMessage) {
    match frame {
        ServerMessage::Welcome {
            conversation_id, ..
        } => {
            if resume.conversation_id.as_deref() != Some(conversation_id.as_str()) {
                resume.last_seq = 0;
            }
            resume.conversation_id = Some(conversation_id.clone());
            if let Some(s) = storage() {
                let _ = s.set_item(&session_key(merchant), conversation_id);
            }
        }
        ServerMessage::Message(m) => resume.last_seq = resume.last_seq.max(m.seq),
        _ => {}
    }
}
