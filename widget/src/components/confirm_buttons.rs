//! The confirm and decline buttons of a confirmation card: each names the card's action,
//! so a press can only ever answer that action (never a newer one shown elsewhere).

use yew::prelude::*;

/// A confirmation card's button, pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardButton {
    /// The card's action.
    pub action_id: String,
    /// The confirm button (`true`) or the one that declines.
    pub accept: bool,
    /// The button's label, shown as what the shopper said.
    pub label: String,
}

/// Confirm and decline of the card's action `action_id`, labelled `confirm` and `cancel`,
/// in the quick replies' look (a function, as [`super::order_card`] is).
pub fn confirm_buttons(
    action_id: &str,
    confirm: &String,
    cancel: &String,
    on_answer: &Callback<CardButton>,
) -> Html {
    let button = |accept: bool, label: &String| {
        let on_answer = on_answer.clone();
        let pressed = CardButton {
            action_id: action_id.to_string(),
            accept,
            label: label.clone(),
        };
        html! {
            <button type="button" onclick={move |_| on_answer.emit(pressed.clone())}>{ label.clone() }</button>
        }
    };
    html! {
        <div class="kefu-quick">
            { button(true, confirm) }
            { button(false, cancel) }
        </div>
    }
}
