//! The message box: sends on Enter or click, and offers what the model understood of the
//! draft while the shopper types ([`crate::suggest`]).
//!
//! The draft's understanding is this component's own state: a keystroke re-renders the
//! composer only, never the conversation. The suggestions follow the WAI-ARIA toolbar
//! pattern: a labelled group of buttons above the box, reached with the up arrow (or Tab),
//! moved through with the arrow keys, left with Escape; updating them never moves the
//! focus, and their number is announced politely.

use kefu_protocol::{IntentHint, MAX_TEXT_BYTES};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::hooks::{IntentWorker, Understood};
use crate::i18n::{Lang, Text, suggestions_available, t};
use crate::suggest::suggestions;

/// Props of [`Composer`].
#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// The shopper sent a message, with what the model made of it (if it was ready).
    pub on_send: Callback<(String, Option<IntentHint>)>,
    /// The intent model.
    pub intent: IntentWorker,
    /// Whether to suggest while the shopper types (the merchant's setting).
    pub suggest: bool,
    /// The panel's language.
    pub lang: Lang,
}

/// The draft the model last understood, and what it made of it.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    text: String,
    understood: Understood,
}

/// Moves the focus among the suggestion buttons in `group` by `step`; past either end it
/// goes back to the message box.
fn move_focus(group: &NodeRef, input: &NodeRef, from: &HtmlElement, step: i32) {
    let Some(group) = group.cast::<web_sys::Element>() else {
        return;
    };
    let buttons = group.query_selector_all("button").ok();
    let buttons: Vec<HtmlElement> = buttons
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
                .collect()
        })
        .unwrap_or_default();
    let at = buttons.iter().position(|b| b == from).map(|i| i as i32);
    let next = at.map_or(0, |i| i + step);
    match buttons.get(usize::try_from(next).unwrap_or(usize::MAX)) {
        Some(b) => {
            let _ = b.focus();
        }
        None => {
            if let Some(el) = input.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
}

/// Input, send button and the suggestions for the draft.
#[function_component(Composer)]
pub fn composer(props: &ComposerProps) -> Html {
    let lang = props.lang;
    let draft = use_state_eq(|| None::<Draft>);
    let latest = use_mut_ref(|| 0u32);
    let input = use_node_ref();
    let group = use_node_ref();
    let understand = {
        let intent = props.intent.clone();
        let draft = draft.clone();
        let latest = latest.clone();
        Callback::from(move |text: String| {
            if text.trim().is_empty() {
                // Answers still on their way for earlier drafts are dropped.
                *latest.borrow_mut() = 0;
                draft.set(None);
                return;
            }
            let draft = draft.clone();
            let latest_now = latest.clone();
            let asked = text.clone();
            let mine = std::rc::Rc::new(std::cell::Cell::new(0u32));
            let mine_then = mine.clone();
            let id = intent.understand(
                &text,
                Callback::from(move |understood: Understood| {
                    // Only the latest draft's understanding is shown.
                    if *latest_now.borrow() == mine_then.get() {
                        draft.set(Some(Draft {
                            text: asked.clone(),
                            understood,
                        }));
                    }
                }),
            );
            mine.set(id);
            *latest.borrow_mut() = id;
        })
    };
    let send = {
        let input = input.clone();
        let draft = draft.clone();
        let understand = understand.clone();
        let on_send = props.on_send.clone();
        move |text: String| {
            let hint = draft
                .as_ref()
                .filter(|d| d.text.trim() == text)
                .map(|d| d.understood.prediction.clone());
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.set_value("");
            }
            understand.emit(String::new());
            on_send.emit((text, hint));
        }
    };
    let on_submit = {
        let input = input.clone();
        let send = send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let text = el.value().trim().to_string();
            if !text.is_empty() {
                send(text);
            }
        })
    };
    let on_input = {
        let understand = understand.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            understand.emit(el.value());
        })
    };
    let offered = match (&*draft, props.suggest) {
        (Some(d), true) => suggestions(lang, &d.text, &d.understood),
        _ => Vec::new(),
    };
    let on_input_key = {
        let group = group.clone();
        let input = input.clone();
        let any = !offered.is_empty();
        Callback::from(move |e: KeyboardEvent| {
            if any && e.key() == "ArrowUp" {
                e.prevent_default();
                if let Some(el) = input.cast::<HtmlElement>() {
                    move_focus(&group, &input, &el, 1);
                }
            }
        })
    };
    let on_group_key = {
        let group = group.clone();
        let input = input.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = match e.key().as_str() {
                "ArrowLeft" | "ArrowUp" => -1,
                "ArrowRight" | "ArrowDown" => 1,
                "Escape" => {
                    e.prevent_default();
                    e.stop_propagation();
                    if let Some(el) = input.cast::<HtmlElement>() {
                        let _ = el.focus();
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(from) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                move_focus(&group, &input, &from, step);
            }
        })
    };
    html! {
        <>
            <div class="kefu-typing" ref={group} role="group" aria-label={t(lang, Text::TypingSuggestions)}
                hidden={offered.is_empty()} onkeydown={on_group_key} data-testid="typing-suggestions"
                data-intent={draft.as_ref().map(|d| d.understood.prediction.intent.clone())}
                data-draft={draft.as_ref().map(|d| d.text.clone())}>
                { for offered.iter().map(|label| {
                    let send = send.clone();
                    let input = input.clone();
                    let text = label.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        send(text.clone());
                        // The button goes with the draft: the focus goes back to the box.
                        if let Some(el) = input.cast::<HtmlElement>() {
                            let _ = el.focus();
                        }
                    });
                    html! { <button type="button" {onclick} data-testid="typing-suggestion">{ label.clone() }</button> }
                }) }
            </div>
            <div class="visually-hidden" role="status" data-testid="suggestions-announcement">
                { suggestions_available(lang, offered.len()) }
            </div>
            <form class="kefu-composer" onsubmit={on_submit}>
                <label class="visually-hidden" for="kefu-input">{ t(lang, Text::Placeholder) }</label>
                <input id="kefu-input" ref={input} type="text" autocomplete="off" maxlength={(MAX_TEXT_BYTES / 3).to_string()}
                    placeholder={t(lang, Text::Placeholder)} oninput={on_input} onkeydown={on_input_key} data-testid="composer" />
                <button type="submit">{ t(lang, Text::Send) }</button>
            </form>
        </>
    }
}
