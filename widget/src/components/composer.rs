//! The message box: classifies the draft as the shopper types and sends on Enter or click.

use kefu_protocol::{IntentHint, MAX_TEXT_BYTES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text, intent_label, t};

/// Props of [`Composer`].
#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// Panel language.
    pub lang: Lang,
    /// What the model makes of the draft.
    pub hint: Option<IntentHint>,
    /// The draft changed.
    pub on_draft: Callback<String>,
    /// The shopper sent a message.
    pub on_send: Callback<String>,
}

/// Input, send button and the live intent hint.
#[function_component(Composer)]
pub fn composer(props: &ComposerProps) -> Html {
    let input = use_node_ref();
    let lang = props.lang;
    let submit = {
        let input = input.clone();
        let on_send = props.on_send.clone();
        let on_draft = props.on_draft.clone();
        move || {
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let text = el.value().trim().to_string();
            if text.is_empty() {
                return;
            }
            el.set_value("");
            on_draft.emit(String::new());
            on_send.emit(text);
        }
    };
    let on_submit = {
        let submit = submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit();
        })
    };
    let on_input = {
        let on_draft = props.on_draft.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            on_draft.emit(el.value());
        })
    };
    let hint = props.hint.as_ref().and_then(|h| {
        intent_label(lang, &h.intent).map(|label| format!("{} {label}", t(lang, Text::HintPrefix)))
    });
    html! {
        <>
            <div class="kefu-hint" data-testid="intent-hint" data-intent={props.hint.as_ref().map(|h| h.intent.clone())}>
                { hint.unwrap_or_default() }
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
