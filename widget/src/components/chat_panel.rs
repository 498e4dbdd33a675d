//! The chat panel, the root of the app: header, conversation, composer. It reads the
//! panel's settings from the iframe's URL once and hands them to the views.

use kefu_protocol::{ConversationState, PanelBrand};
use yew::prelude::*;

use super::message_list::line_count;
use super::{Composer, PanelSettings, Transcript, header, message_list, use_forget, welcome};
use crate::hooks::{use_chat, use_host, use_intent};
use crate::i18n::{Lang, Text, t, with_agent};
use crate::state::{ChatState, Connection, suggesting};

/// One line about the link and who answers, for the header. Offline, it says plainly what
/// still works: the shop's FAQ, when it answers on the device.
fn status(lang: Lang, state: &ChatState) -> String {
    let faq_here = state
        .welcome
        .as_ref()
        .and_then(|w| w.on_device.as_ref())
        .is_some_and(|d| d.answers && !d.faq.is_empty());
    match (state.connection, state.conversation, &state.agent) {
        (Connection::Connecting, ..) => t(lang, Text::Connecting).to_string(),
        (Connection::Offline, ConversationState::Bot | ConversationState::Resolved, _)
            if faq_here =>
        {
            t(lang, Text::OfflineAnswering).to_string()
        }
        (Connection::Offline, ..) => t(lang, Text::Offline).to_string(),
        (_, ConversationState::WaitingForHuman, _) => t(lang, Text::WaitingForHuman).to_string(),
        (_, ConversationState::Human, Some(name)) => with_agent(lang, name),
        (_, ConversationState::Human, None) => t(lang, Text::WithHuman).to_string(),
        (_, ConversationState::Resolved, _) => t(lang, Text::Resolved).to_string(),
        _ => t(lang, Text::Online).to_string(),
    }
}

/// Sets the shop's colour and the text colour on it as CSS custom properties of the panel
/// (`--brand`, `--on-brand`; `widget.css` uses them only together). Through the CSSOM, not
/// a `style` attribute: the panel's Content-Security-Policy has no `'unsafe-inline'`.
#[hook]
fn use_brand_colours(panel: &NodeRef, brand: Option<PanelBrand>) {
    let panel = panel.clone();
    use_effect_with(brand, move |brand| {
        if let Some(element) = panel.cast::<web_sys::HtmlElement>() {
            let style = element.style();
            let colours = brand
                .as_ref()
                .and_then(|b| Some((b.color.as_deref()?, b.text_color.as_deref()?)));
            match colours {
                Some((colour, text)) => {
                    let _ = style.set_property("--brand", colour);
                    let _ = style.set_property("--on-brand", text);
                }
                None => {
                    let _ = style.remove_property("--brand");
                    let _ = style.remove_property("--on-brand");
                }
            }
        }
    });
}

/// The whole panel: what the wasm module's start renders into the page.
#[function_component(ChatPanel)]
pub fn chat_panel() -> Html {
    let settings = use_memo((), |_| PanelSettings::from_page());
    let lang = settings.lang;
    let intent = use_intent();
    let chat = use_chat(&intent, &settings);
    let state = &*chat.state;
    use_host(state, &settings.merchant);
    let list = use_node_ref();
    let forget = use_forget();
    {
        // Keep the newest message in view.
        let list = list.clone();
        let count = line_count(&state.messages, &state.outbox, &state.device_answers);
        use_effect_with(count, move |_| {
            if let Some(el) = list.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let on_quick_reply = {
        let on_send = chat.on_send.clone();
        Callback::from(move |text: String| on_send.emit((text, None)))
    };
    let suggest = state
        .welcome
        .as_ref()
        .and_then(|w| w.on_device.as_ref())
        .is_some_and(|d| d.suggestions);
    let brand = state.welcome.as_ref().and_then(|w| w.brand.clone());
    let panel = use_node_ref();
    use_brand_colours(&panel, brand.clone());
    let shop = state
        .welcome
        .as_ref()
        .map(|w| AttrValue::from(w.shop.clone()));
    let logo = brand.and_then(|b| b.logo_url).map(AttrValue::from);
    let welcome = state
        .welcome
        .as_ref()
        .map(|w| welcome(lang, w, suggesting(state), &on_quick_reply));
    html! {
        <main class="kefu-panel" lang={lang.tag()} ref={panel}>
            { header(lang, (&settings.merchant, &forget), status(lang, state).into(), shop, logo) }
            { message_list(lang, Transcript {
                messages: &state.messages,
                outbox: &state.outbox,
                device_answers: &state.device_answers,
                on_quick_reply: &on_quick_reply,
                on_card_answer: &chat.on_confirm,
                on_contact: &chat.on_contact,
                on_rate: &chat.on_rate,
                welcome: welcome.unwrap_or_default(),
            }, &list) }
            if let Some(error) = &state.error {
                <div class="kefu-error" role="alert">{ error.clone() }</div>
            }
            <Composer on_send={chat.on_send.clone()} {intent} suggest={suggest} {lang} />
        </main>
    }
}
