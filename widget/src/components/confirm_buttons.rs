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

/// Props of [`ConfirmButtons`].
#[derive(Properties, PartialEq)]
pub struct ConfirmButtonsProps {
    /// The card's action.
    pub action_id: String,
    /// Label of the button that confirms.
    pub confirm: String,
    /// Label of the button that declines.
    pub cancel: String,
    /// A button was pressed.
    pub on_answer: Callback<CardButton>,
}

/// Confirm and decline, in the quick replies' look.
#[function_component(ConfirmButtons)]
pub fn confirm_buttons(props: &ConfirmButtonsProps) -> Html {
    let button = |accept: bool, label: &String| {
        let on_answer = props.on_answer.clone();
        let pressed = CardButton {
            action_id: props.action_id.clone(),
            accept,
            label: label.clone(),
        };
        html! {
            <button type="button" onclick={move |_| on_answer.emit(pressed.clone())}>{ label.clone() }</button>
        }
    };
    html! {
        <div class="kefu-quick">
            { button(true, &props.confirm) }
            { button(false, &props.cancel) }
        </div>
    }
}
