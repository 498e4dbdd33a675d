//! The panel's welcome, above the conversation: the shop's greeting, who answers (its
//! automated assistant; a person on request) and, until the shopper says something, a few
//! questions to send with one click. Panel text from the runtime's welcome frame: it is
//! never a message of the conversation.

use kefu_protocol::PanelWelcome;
use yew::prelude::*;

use crate::i18n::{Lang, Text, assistant_of, t};

/// Greeting, who answers, and, if `suggest`, the suggested questions as a list of buttons;
/// `on_choose` gets the question chosen, sent as if typed (a function, as
/// [`super::order_card`] is).
pub fn welcome(lang: Lang, w: &PanelWelcome, suggest: bool, on_choose: &Callback<String>) -> Html {
    html! {
        <section class="kefu-welcome" aria-label={t(lang, Text::Welcome)} data-testid="welcome">
            <p class="kefu-welcome-shop" data-testid="welcome-shop">{ w.shop.clone() }</p>
            <p class="kefu-welcome-greeting" data-testid="greeting">{ w.greeting.clone() }</p>
            <p class="kefu-welcome-who" data-testid="who-answers">{ assistant_of(lang, &w.shop) }</p>
            if suggest && !w.suggestions.is_empty() {
                <ul class="kefu-suggestions" aria-label={t(lang, Text::Suggestions)}>
                    { for w.suggestions.iter().map(|question| {
                        let on_choose = on_choose.clone();
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
