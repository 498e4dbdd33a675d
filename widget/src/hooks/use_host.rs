//! `use_host`: the panel and the loader (`kefu.js`) on the shop's page that opened it.
//!
//! The panel posts `{kefu: "message", author, text}` for each new bot or agent message,
//! `{kefu: "handoff", state, agent}` when who answers changes and `{kefu: "close"}` (the
//! close button, Escape); the loader turns them into its `message`, `unread` and `handoff`
//! events. It posts only to the page's origin as the loader gave it (`?origin=` in the
//! iframe's URL): the browser drops the message if the page that framed the panel is not
//! of that origin, so another site framing the panel hears nothing. The loader posts
//! `{kefu: "focus"}` when it shows the panel again: the composer takes the focus.
//!
//! "New" survives the next page of the shop: the panel there replays the whole history,
//! so the highest `seq` reported is kept in sessionStorage (with the conversation's id, a
//! new conversation starts from zero) and nothing is reported twice.

use js_sys::Reflect;
use kefu_protocol::{Author, ChatMessage, ConversationState};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, KeyboardEvent, MessageEvent};
use yew::prelude::*;

use crate::api;
use crate::state::ChatState;

/// The origin of the page the loader runs on, from the iframe's URL.
fn host_origin() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("origin")
}

/// Posts `{kefu: kind, …fields}` to the loader; nothing when the panel was opened by hand.
pub fn post_to_host(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(origin) = host_origin() else {
        return;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &"kefu".into(), &kind.into());
    for (name, value) in fields {
        let _ = Reflect::set(&message, &(*name).into(), value);
    }
    // Fails only for an origin that is not one (a page opened from a file): nobody to tell.
    let _ = parent.post_message(&message, &origin);
}

/// Puts the focus on the message box.
fn focus_composer() {
    let composer = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("kefu-input"))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(composer) = composer {
        let _ = composer.focus();
    }
}

/// The bot's and agents' messages in `messages` after the mark `stored` (kept as
/// `"<conversation id> <seq>"`; a mark of another conversation counts as none), as
/// (author, text), and the new mark.
fn unreported<'a>(
    messages: &'a [ChatMessage],
    stored: Option<&str>,
    conversation: &str,
) -> (Vec<(&'static str, &'a str)>, String) {
    let after = stored
        .and_then(|s| s.split_once(' '))
        .filter(|(id, _)| *id == conversation)
        .and_then(|(_, seq)| seq.parse::<u64>().ok())
        .unwrap_or(0);
    let new = messages
        .iter()
        .filter(|m| m.seq > after)
        .filter_map(|m| match m.author {
            Author::Bot => Some(("bot", m.text.as_str())),
            Author::Agent => Some(("agent", m.text.as_str())),
            Author::Shopper => None,
        })
        .collect();
    let last = messages.iter().map(|m| m.seq).max().unwrap_or(0).max(after);
    (new, format!("{conversation} {last}"))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Reports what the loader needs to know about `state` (see the module's doc), focuses the
/// composer when the panel opens and closes the panel on Escape.
#[hook]
pub fn use_host(state: &ChatState, merchant: &AttrValue) {
    let merchant = merchant.clone();
    use_effect_with((), |_| {
        focus_composer();
        let origin = host_origin();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let kind = Reflect::get(&e.data(), &"kefu".into()).ok();
            if origin.as_deref() == Some(e.origin().as_str())
                && kind.and_then(|k| k.as_string()).as_deref() == Some("focus")
            {
                focus_composer();
            }
        });
        let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(|e: KeyboardEvent| {
            if e.key() == "Escape" {
                post_to_host("close", &[]);
            }
        });
        let window = web_sys::window().expect("a window");
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        move || {
            let _ = window.remove_event_listener_with_callback(
                "message",
                on_message.as_ref().unchecked_ref(),
            );
            let _ = window
                .remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        }
    });
    {
        let messages = state.messages.clone();
        let last = messages.last().map(|m| m.seq);
        use_effect_with(last, move |_| {
            if messages.is_empty() {
                return;
            }
            let key = format!("kefu.reported.{merchant}");
            let conversation = api::conversation_id(&merchant).unwrap_or_default();
            let stored = storage().and_then(|s| s.get_item(&key).ok().flatten());
            let (new, mark) = unreported(&messages, stored.as_deref(), &conversation);
            for (author, text) in new {
                post_to_host(
                    "message",
                    &[("author", author.into()), ("text", text.into())],
                );
            }
            if let Some(s) = storage() {
                let _ = s.set_item(&key, &mark);
            }
        });
    }
    let reported = use_mut_ref(|| (ConversationState::Bot, None::<String>));
    use_effect_with((state.conversation, state.agent.clone()), move |who| {
        if *reported.borrow() != *who {
            let agent = who.1.as_deref().map_or(JsValue::NULL, JsValue::from);
            post_to_host(
                "handoff",
                &[("state", who.0.as_str().into()), ("agent", agent)],
            );
            *reported.borrow_mut() = who.clone();
        }
    });
}

#[cfg(test)]
mod tests {
    use kefu_protocol::{Author, ChatMessage, ConversationState};

    use super::unreported;

    fn message(seq: u64, author: Author, text: &str) -> ChatMessage {
        ChatMessage {
            seq,
            author,
            text: text.into(),
            cards: Vec::new(),
            client_msg_id: None,
            intent: None,
            state: ConversationState::Bot,
            agent: None,
        }
    }

    #[test]
    fn answers_after_the_mark_are_reported_and_the_shoppers_own_words_are_not() {
        let messages = [
            message(1, Author::Shopper, "where is 1001?"),
            message(2, Author::Bot, "shipped"),
            message(3, Author::Agent, "hi, Ada here"),
        ];
        let (new, mark) = unreported(&messages, None, "c1");
        assert_eq!(new, [("bot", "shipped"), ("agent", "hi, Ada here")]);
        assert_eq!(mark, "c1 3");
    }

    #[test]
    fn the_replay_in_the_next_pages_panel_is_not_reported_again() {
        let replay = [
            message(1, Author::Shopper, "hello"),
            message(2, Author::Bot, "hi"),
        ];
        let (new, mark) = unreported(&replay, Some("c1 2"), "c1");
        assert!(new.is_empty());
        assert_eq!(mark, "c1 2");
        let (new, _) = unreported(&replay[..1], Some("c1 2"), "c1");
        assert!(new.is_empty(), "a partial replay does not lower the mark");
    }

    #[test]
    fn a_mark_of_another_conversation_counts_as_none() {
        let messages = [message(1, Author::Bot, "welcome back")];
        let (new, mark) = unreported(&messages, Some("c1 9"), "c2");
        assert_eq!(new, [("bot", "welcome back")]);
        assert_eq!(mark, "c2 1");
    }
}
