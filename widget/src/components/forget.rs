//! "Delete this conversation": a header button that asks once, then has the runtime delete
//! the conversation, forgets it on this tab and starts the panel afresh. Focus goes to
//! "Keep" when the question appears (the safe answer) and back to the button if kept.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::api;
use crate::i18n::{Lang, Text, t};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Idle,
    Asking,
    Deleting,
    Failed,
}

/// Props of [`ForgetConversation`].
#[derive(Properties, PartialEq)]
pub struct ForgetProps {
    /// The panel's language.
    pub lang: Lang,
    /// The shop whose conversation is deleted.
    pub merchant: AttrValue,
}

/// The button, and the question under the header while it is asked.
#[function_component(ForgetConversation)]
pub fn forget_conversation(props: &ForgetProps) -> Html {
    let lang = props.lang;
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
        let merchant = props.merchant.to_string();
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
