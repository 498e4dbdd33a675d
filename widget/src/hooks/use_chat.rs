//! `use_chat`: the conversation state plus a way to send, backed by [`crate::api`].

use std::rc::Rc;

use kefu_protocol::{ClientMessage, IntentHint, ServerMessage};
use yew::prelude::*;

use crate::api::{self, ChatLink, Event};
use crate::state::{Action, ChatState, Outgoing};

/// What the panel gets from [`use_chat`].
#[derive(Clone)]
pub struct ChatHandle {
    /// The state to render.
    pub state: UseReducerHandle<ChatState>,
    /// Sends a shopper message (with the model's hint for it, if any).
    pub send: Callback<(String, Option<IntentHint>)>,
    /// Sends the contact form (email, message).
    pub contact: Callback<(String, String)>,
    /// Sends a satisfaction score.
    pub rate: Callback<u8>,
    /// Records what the model makes of the draft.
    pub dispatch: UseReducerDispatcher<ChatState>,
}

fn new_id() -> String {
    let n = (js_sys::Math::random() * 1e15) as u64;
    format!("m{:x}{:x}", js_sys::Date::now() as u64, n)
}

/// Connects to the runtime at `url` for `merchant` once, for the panel's lifetime.
#[hook]
pub fn use_chat(url: String, merchant: String, locale: String) -> ChatHandle {
    let state = use_reducer(ChatState::default);
    let dispatch = state.dispatcher();
    let link = use_mut_ref(|| None::<ChatLink>);
    {
        let dispatch = dispatch.clone();
        let link = link.clone();
        let locale = locale.clone();
        use_effect_with((), move |_| {
            let on_event = move |event: Event| match event {
                Event::Welcome(ServerMessage::Welcome { state, agent, .. }) => {
                    dispatch.dispatch(Action::Welcomed(state, agent))
                }
                Event::Welcome(_) => {}
                Event::Frame(ServerMessage::Message(m)) => dispatch.dispatch(Action::Received(m)),
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
            *link.borrow_mut() = Some(api::connect(url, merchant, locale, on_event));
            move || {
                link.borrow_mut().take();
            }
        });
    }
    let send = {
        let dispatch = dispatch.clone();
        let link = Rc::clone(&link);
        let locale = locale.clone();
        Callback::from(move |(text, hint): (String, Option<IntentHint>)| {
            let client_msg_id = new_id();
            dispatch.dispatch(Action::Queued(Outgoing {
                client_msg_id: client_msg_id.clone(),
                text: text.clone(),
            }));
            if let Some(link) = link.borrow().as_ref() {
                link.send(ClientMessage::Say {
                    client_msg_id,
                    text,
                    locale: Some(locale.clone()),
                    hint,
                });
            }
        })
    };
    let contact = {
        let link = Rc::clone(&link);
        let locale = locale.clone();
        Callback::from(move |(email, message): (String, String)| {
            if let Some(link) = link.borrow().as_ref() {
                link.send(ClientMessage::Contact {
                    client_msg_id: new_id(),
                    email,
                    message,
                    locale: Some(locale.clone()),
                });
            }
        })
    };
    let rate = {
        let link = Rc::clone(&link);
        Callback::from(move |score: u8| {
            if let Some(link) = link.borrow().as_ref() {
                link.send(ClientMessage::Rate {
                    client_msg_id: new_id(),
                    score,
                    locale: Some(locale.clone()),
                });
            }
        })
    };
    ChatHandle {
        state,
        send,
        contact,
        rate,
        dispatch,
    }
}
