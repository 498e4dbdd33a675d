//! `use_chat`: the conversation state plus ways to send, backed by [`crate::api`].
//!
//! Every frame the shopper sends goes into the reducer's outbox ([`Action::Queued`]) and to
//! the link. After every welcome (the first connection and each reconnect) the whole outbox
//! is sent again; the runtime answers a duplicate `client_msg_id` with what it stored the
//! first time, and the stored message takes the frame out of the outbox.
//!
//! A frame the runtime did not take now (`rate_limited`, `conversation_full`) stays in the
//! outbox with a line saying why, in the panel's language; after a rate limit's
//! `retry_after_secs` the outbox is sent again, so nothing the shopper typed is dropped.
//!
//! When the merchant allows it, a message the shop's public FAQ answers is answered on the
//! device as it is sent ([`Action::AnsweredOnDevice`]), connected or not: the intent worker
//! finds the entry with the runtime's code, and the frame still goes to the runtime, which
//! records the turn and answers it the same way.

use std::rc::Rc;

use kefu_protocol::{ClientMessage, ConversationState, IntentHint, ServerMessage};
use yew::prelude::*;

use super::{IntentWorker, Understood};
use crate::api::{self, ChatLink, Event};
use crate::components::{CardButton, PanelSettings};
use crate::i18n;
use crate::state::{Action, ChatState, Connection, DeviceAnswer};

/// What the panel gets from [`use_chat`].
#[derive(Debug, Clone)]
pub struct ChatHandle {
    /// The state to render.
    pub state: UseReducerHandle<ChatState>,
    /// Sends a shopper message (with the model's hint for it, if any).
    pub on_send: Callback<(String, Option<IntentHint>)>,
    /// Sends the contact form (email, message).
    pub on_contact: Callback<(String, String)>,
    /// Sends a satisfaction score.
    pub on_rate: Callback<u8>,
    /// Answers a confirmation card, naming its action.
    pub on_confirm: Callback<CardButton>,
}

fn new_id() -> String {
    let n = (js_sys::Math::random() * 1e15) as u64;
    format!("m{:x}{:x}", js_sys::Date::now() as u64, n)
}

/// Connects to the runtime once, for the panel's lifetime, as the
/// `panel`'s settings say; answers on the device with `intent`.
#[hook]
pub fn use_chat(intent: &IntentWorker, panel: &PanelSettings) -> ChatHandle {
    let panel = panel.clone();
    let locale = panel.lang.tag();
    let lang = panel.lang;
    let state = use_reducer(ChatState::default);
    let link = use_mut_ref(|| None::<ChatLink>);
    {
        let dispatch = state.dispatcher();
        let link = link.clone();
        use_effect_with((), move |_| {
            let waiting = Rc::new(std::cell::Cell::new(false));
            let on_event = move |event: Event| match event {
                Event::Welcome(ServerMessage::Welcome {
                    state,
                    agent,
                    welcome,
                    ..
                }) => {
                    if let Some(welcome) = welcome {
                        dispatch.dispatch(Action::Greeted(welcome));
                    }
                    dispatch.dispatch(Action::Welcomed(state, agent))
                }
                Event::Welcome(_) => {}
                Event::Frame(ServerMessage::Message(m)) => dispatch.dispatch(Action::Received(m)),
                Event::Frame(ServerMessage::Error {
                    code,
                    retry_after_secs,
                    ..
                }) if code == "rate_limited" => {
                    let secs = retry_after_secs.unwrap_or(1).clamp(1, 3600);
                    dispatch.dispatch(Action::Held {
                        message: i18n::please_wait(lang, secs),
                        wait: true,
                    });
                    // Every held frame of a resend says so: one wait, one resend, or the
                    // resends would multiply.
                    if !waiting.replace(true) {
                        let dispatch = dispatch.clone();
                        let waiting = Rc::clone(&waiting);
                        wasm_bindgen_futures::spawn_local(async move {
                            gloo_timers::future::TimeoutFuture::new(secs as u32 * 1000).await;
                            waiting.set(false);
                            dispatch.dispatch(Action::WaitOver);
                        });
                    }
                }
                Event::Frame(ServerMessage::Error { code, .. }) if code == "conversation_full" => {
                    dispatch.dispatch(Action::Held {
                        message: i18n::conversation_full(lang).to_string(),
                        wait: false,
                    })
                }
                Event::Frame(ServerMessage::Error {
                    message,
                    client_msg_id,
                    ..
                }) => dispatch.dispatch(Action::Refused {
                    message,
                    client_msg_id,
                }),
                Event::Frame(_) => {}
                Event::Disconnected => dispatch.dispatch(Action::Disconnected),
            };
            *link.borrow_mut() = Some(api::connect(&panel.merchant, locale, on_event));
            move || {
                link.borrow_mut().take();
            }
        });
    }
    {
        // The link is open again: resend what was not acknowledged. A disconnect is always
        // rendered before the next welcome (the reconnect waits out a backoff), so every
        // welcome changes `connection` to `Open`.
        // The same after a rate limit's wait.
        let link = link.clone();
        let connection = state.connection;
        let state = state.clone();
        use_effect_with((connection, state.retries), move |(connection, _)| {
            if *connection == Connection::Open
                && let Some(link) = link.borrow().as_ref()
            {
                for frame in state.outbox.iter() {
                    link.send(frame.clone());
                }
            }
        });
    }
    {
        // Every welcome may carry the shop's FAQ anew (a merchant edited it, or the panel
        // reloaded in another language): the worker gets it.
        let intent = intent.clone();
        let on_device = state.welcome.as_ref().and_then(|w| w.on_device.clone());
        use_effect_with(on_device, move |on_device| {
            if let Some(config) = on_device {
                intent.set_shop(config);
            }
        });
    }
    // The FAQ answers on the device only while the bot answers: with a person in charge (or
    // asked for), the runtime answers nothing and neither does the device.
    let answer_here = state
        .welcome
        .as_ref()
        .and_then(|w| w.on_device.as_ref())
        .is_some_and(|d| d.answers)
        && matches!(
            state.conversation,
            ConversationState::Bot | ConversationState::Resolved
        );
    // The runtime never gives the same answer twice in a row (it offers a person instead):
    // neither does the device.
    let last_answers: Rc<[String]> = state
        .messages
        .iter()
        .rev()
        .find(|m| m.author == kefu_protocol::Author::Bot)
        .map(|m| m.text.clone())
        .into_iter()
        .chain(state.device_answers.last().map(|a| a.text.clone()))
        .collect();
    let queue: Rc<dyn Fn(ClientMessage)> = {
        let dispatch = state.dispatcher();
        let link = Rc::clone(&link);
        Rc::new(move |frame: ClientMessage| {
            dispatch.dispatch(Action::Queued(frame.clone()));
            if let Some(link) = link.borrow().as_ref() {
                link.send(frame);
            }
        })
    };
    let on_send = {
        let queue = Rc::clone(&queue);
        let intent = intent.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |(text, hint): (String, Option<IntentHint>)| {
            let client_msg_id = new_id();
            if answer_here {
                let dispatch = dispatch.clone();
                let id = client_msg_id.clone();
                let last_answers = Rc::clone(&last_answers);
                intent.understand(
                    &text,
                    Callback::from(move |understood: Understood| {
                        if let Some(entry) =
                            understood.faq.filter(|e| !last_answers.contains(&e.answer))
                        {
                            dispatch.dispatch(Action::AnsweredOnDevice(DeviceAnswer {
                                client_msg_id: id.clone(),
                                text: entry.answer,
                            }));
                        }
                    }),
                );
            }
            queue(ClientMessage::Say {
                client_msg_id,
                text,
                locale: Some(locale.to_string()),
                hint,
            })
        })
    };
    let on_contact = {
        let queue = Rc::clone(&queue);
        Callback::from(move |(email, message): (String, String)| {
            queue(ClientMessage::Contact {
                client_msg_id: new_id(),
                email,
                message,
                locale: Some(locale.to_string()),
            })
        })
    };
    let on_confirm = {
        let queue = Rc::clone(&queue);
        Callback::from(move |pressed: CardButton| {
            queue(ClientMessage::Confirm {
                client_msg_id: new_id(),
                action_id: pressed.action_id,
                accept: pressed.accept,
                text: pressed.label,
                locale: Some(locale.to_string()),
            })
        })
    };
    let on_rate = Callback::from(move |score: u8| {
        queue(ClientMessage::Rate {
            client_msg_id: new_id(),
            score,
            locale: Some(locale.to_string()),
        })
    });
    ChatHandle {
        state,
        on_send,
        on_contact,
        on_rate,
        on_confirm,
    }
}
