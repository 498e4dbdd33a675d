//! "Delete this conversation": a header button that asks once, then has the runtime delete
//! the conversation, forgets it on this tab and starts the panel afresh. Focus goes to
//! "Keep" when the question appears (the safe answer) and back to the button if kept.
//!
//! Its state lives in the root through [`use_forget`] and the view is a function
//! ([`forget_conversation`]): no component type of its own to download.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::api;
use crate::i18n::{Lang, Text, t};

/// Where the question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Only the button shows.
    Idle,
    /// "Delete this conversation?" with Delete and Keep.
    Asking,
    /// The request is on its way.
    Deleting,
    /// The runtime could not delete it; the question stays, with why.
    Failed,
}

/// The question's state and the two buttons focus moves between.
#[derive(Clone)]
pub struct ForgetControls {
    step: UseStateHandle<Step>,
    opener: NodeRef,
    keep_button: NodeRef,
}

/// The state of "delete this conversation", kept by the component that shows it; moves
/// the focus to "Keep" when the question appears.
#[hook]
pub fn use_forget() -> ForgetControls {
    let step = use_state(|| Step::Idle);
    let opener = use_node_ref();
    let keep_button = use_node_ref();
    {
        let keep_button = keep_button.clone();
        use_effect_with(*step, move |step| {
            if *step == Step::Asking
                && let Some(button) = keep_button.cast::<HtmlElement>()
            {
                let _ = button.focus();
            }
        });
    }
    ForgetControls {
        step,
        opener,
        keep_button,
    }
}

/// The button, and the question under the header while it is asked, for `merchant`'s
/// conversation in `lang`.
pub fn forget_conversation(lang: Lang, merchant: &AttrValue, controls: &ForgetControls) -> Html {
    let ForgetControls {
        step,
        opener,
        keep_button,
    } = controls.clone();
    let ask = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Asking))
    };
    let keep = {
        let step = step.clone();
        let opener = opener.clone();
        Callback::from(move |_: MouseEvent| {
            step.set(Step::Idle);
            if let Some(button) = opener.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let delete = {
        let step = step.clone();
        let merchant = merchant.to_string();
        Callback::from(move |_: MouseEvent| {
            step.set(Step::Deleting);
            let step = step.clone();
            let merchant = merchant.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match api::delete_conversation(&merchant).await {
                    Ok(()) => api::start_afresh(),
                    Err(()) => step.set(Step::Failed),
                }
            });
        })
    };
    let open = *step != Step::Idle;
    html! {
        <>
            <button ref={opener} type="button" class="kefu-forget-open" data-testid="forget"
                aria-expanded={open.to_string()} aria-controls="kefu-forget" onclick={ask}>
                { t(lang, Text::DeleteConversation) }
            </button>
            if open {
                <div id="kefu-forget" class="kefu-forget" role="group"
                    aria-label={t(lang, Text::DeleteConversation)}>
                    <p role={if *step == Step::Failed { "alert" } else { "status" }}>
                        { t(lang, if *step == Step::Failed { Text::DeleteFailed } else { Text::DeleteQuestion }) }
                    </p>
                    <button type="button" data-testid="forget-confirm" onclick={delete}
                        disabled={*step == Step::Deleting}>{ t(lang, Text::DeleteConfirm) }</button>
                    <button ref={keep_button} type="button" onclick={keep}>{ t(lang, Text::DeleteKeep) }</button>
                </div>
            }
        </>
    }
}
