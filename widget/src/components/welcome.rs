//! The panel's welcome, above the conversation: the shop's greeting, who answers (its
//! automated assistant; a person on request) and, until the shopper says something, a few
//! questions to send with one click. Panel text from the runtime's welcome frame: it is
//! never a message of the conversation.

use std::rc::Rc;

use kefu_protocol::PanelWelcome;
use yew::prelude::*;

use crate::hooks::use_panel;
use crate::i18n::{Text, assistant_of, t};

/// Props of [`Welcome`].
#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// The shop's name, greeting and suggested questions.
    pub welcome: Rc<PanelWelcome>,
    /// Whether to offer the questions (only before the shopper's first message).
    pub suggest: bool,
    /// A question was chosen: it is sent as if typed.
    pub on_choose: Callback<String>,
}

/// Greeting, who answers, and the suggested questions as a list of buttons.
#[function_component(Welcome)]
pub fn welcome(props: &WelcomeProps) -> Html {
    let lang = use_panel().lang;
    let w = &props.welcome;
    html! {
        <section class="kefu-welcome" aria-label={t(lang, Text::Welcome)} data-testid="welcome">
            <p class="kefu-welcome-shop" data-testid="welcome-shop">{ w.shop.clone() }</p>
            <p class="kefu-welcome-greeting" data-testid="greeting">{ w.greeting.clone() }</p>
            <p class="kefu-welcome-who" data-testid="who-answers">{ assistant_of(lang, &w.shop) }</p>
            if props.suggest && !w.suggestions.is_empty() {
                <ul class="kefu-suggestions" aria-label={t(lang, Text::Suggestions)}>
                    { for w.suggestions.iter().map(|question| {
                        let on_choose = props.on_choose.clone();
                        let text = question.clone();
                        html! {
                            <li>
                                <button type="button" data-testid="suggestion"
                                    onclick={move |_| on_choose.emit(text.clone())}>{ question.clone() }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
