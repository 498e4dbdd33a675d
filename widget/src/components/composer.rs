//! The message box: classifies the draft as the shopper types and sends on Enter or click.
//!
//! The draft's hint is this component's own state: a keystroke re-renders the composer
//! only, never the conversation.

use kefu_protocol::{IntentHint, MAX_TEXT_BYTES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::{use_intent, use_panel};
use crate::i18n::{Text, intent_label, t};

/// Props of [`Composer`].
#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// The shopper sent a message, with what the model made of it (if it was ready).
    pub on_send: Callback<(String, Option<IntentHint>)>,
}

/// Input, send button and the live intent hint.
#[function_component(Composer)]
pub fn composer(props: &ComposerProps) -> Html {
    let lang = use_panel().lang;
    let hint = use_state_eq(|| None::<IntentHint>);
    let classify = use_intent(hint.setter());
    let input = use_node_ref();
    let on_submit = {
        let input = input.clone();
        let hint = hint.clone();
        let classify = classify.clone();
        let on_send = props.on_send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let text = el.value().trim().to_string();
            if text.is_empty() {
                return;
            }
            el.set_value("");
            let sent_hint = (*hint).clone();
            classify.emit(String::new());
            on_send.emit((text, sent_hint));
        })
    };
    let on_input = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        classify.emit(el.value());
    });
    let label = hint.as_ref().and_then(|h| {
        intent_label(lang, &h.intent).map(|label| format!("{} {label}", t(lang, Text::HintPrefix)))
    });
    html! {
        <>
            <div class="kefu-hint" data-testid="intent-hint" data-intent={hint.as_ref().map(|h| h.intent.clone())}>
                { label.unwrap_or_default() }
            </div>
            <form class="kefu-composer" onsubmit={on_submit}>
                <label class="visually-hidden" for="kefu-input">{ t(lang, Text::Placeholder) }</label>
                <input id="kefu-input" ref={input} type="text" autocomplete="off" maxlength={(MAX_TEXT_BYTES / 3).to_string()}
                    placeholder={t(lang, Text::Placeholder)} oninput={on_input} data-testid="composer" />
                <button type="submit">{ t(lang, Text::Send) }</button>
            </form>
        </>
    }
}
