//! The chat panel: header, conversation, composer.

use kefu_protocol::ConversationState;
use yew::prelude::*;

use crate::components::{Composer, Header, MessageList};
use crate::hooks::{use_chat, use_intent};
use crate::i18n::{Lang, Text, t, with_agent};
use crate::state::{Action, Connection};

/// Where the panel runs: from the iframe's URL (`?merchant=demo&locale=zh-CN`).
fn page_params() -> (String, String, String) {
    let location = web_sys::window().expect("a window").location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).expect("query parses");
    let merchant = params.get("merchant").unwrap_or_else(|| "demo".into());
    let locale = params.get("locale").unwrap_or_else(|| "en".into());
    let host = location.host().unwrap_or_default();
    let scheme = if location.protocol().unwrap_or_default() == "https:" {
        "wss"
    } else {
        "ws"
    };
    let url = format!(
        "{scheme}://{host}/v1/chat/{}",
        js_sys::encode_uri_component(&merchant)
    );
    (url, merchant, locale)
}

/// The whole panel.
#[function_component(App)]
pub fn app() -> Html {
    let (url, merchant, locale) = use_memo((), |_| page_params()).as_ref().clone();
    let lang = Lang::from_tag(&locale);
    let chat = use_chat(url, merchant, lang.tag().to_string());
    let classify = use_intent(chat.dispatch.clone());
    let state = &*chat.state;
    let on_draft = {
        let classify = classify.clone();
        let dispatch = chat.dispatch.clone();
        Callback::from(move |draft: String| {
            if draft.trim().is_empty() {
                dispatch.dispatch(Action::Hint(None));
            } else {
                classify.emit(draft);
            }
        })
    };
    let on_send = {
        let send = chat.send.clone();
        let hint = state.hint.clone();
        Callback::from(move |text: String| send.emit((text, hint.clone())))
    };
    let on_quick_reply = {
        let send = chat.send.clone();
        Callback::from(move |text: String| send.emit((text, None)))
    };
    let status = match (state.connection, state.conversation, &state.agent) {
        (Connection::Connecting, ..) => t(lang, Text::Connecting).to_string(),
        (Connection::Offline, ..) => t(lang, Text::Offline).to_string(),
        (_, ConversationState::WaitingForHuman, _) => t(lang, Text::WaitingForHuman).to_string(),
        (_, ConversationState::Human, Some(name)) => with_agent(lang, name),
        (_, ConversationState::Human, None) => t(lang, Text::WithHuman).to_string(),
        (_, ConversationState::Resolved, _) => t(lang, Text::Resolved).to_string(),
        _ => t(lang, Text::Online).to_string(),
    };
    html! {
        <main class="kefu-panel" lang={lang.tag()}>
            <Header {lang} status={status} />
            <MessageList {lang} messages={state.messages.clone()} outbox={state.outbox.clone()} {on_quick_reply}
                on_contact={chat.contact.clone()} on_rate={chat.rate.clone()} />
            if let Some(error) = &state.error {
                <div class="kefu-error" role="alert">{ error.clone() }</div>
            }
            <Composer {lang} hint={state.hint.clone()} {on_draft} {on_send} />
        </main>
    }
}
