//! A change of shipping address to confirm.

use kefu_protocol::Card;
use yew::prelude::*;

use super::{CardButton, ConfirmButtons};
use crate::hooks::use_panel;
use crate::i18n::{Text, t};

/// Props of [`ConfirmAddressCard`].
#[derive(Properties, PartialEq)]
pub struct ConfirmAddressCardProps {
    /// Must be [`Card::ConfirmAddress`].
    pub card: Card,
    /// Whether the shopper can still answer it.
    pub active: bool,
    /// A button was pressed (it names the card's action).
    pub on_answer: Callback<CardButton>,
}

/// The new address an order would go to, with confirm and decline buttons.
#[function_component(ConfirmAddressCard)]
pub fn confirm_address_card(props: &ConfirmAddressCardProps) -> Html {
    let lang = use_panel().lang;
    let Card::ConfirmAddress {
        action_id,
        order_id,
        address,
        terms,
        confirm,
        cancel,
    } = &props.card
    else {
        return html! {};
    };
    html! {
        <section class="kefu-card kefu-confirm" data-testid="confirm-address" data-action={action_id.clone()} aria-label={t(lang, Text::NewAddress)}>
            <dl>
                <dt>{ t(lang, Text::Order) }</dt><dd>{ order_id.clone() }</dd>
                <dt>{ t(lang, Text::NewAddress) }</dt><dd data-testid="new-address"><strong>{ address.clone() }</strong></dd>
            </dl>
            <p class="kefu-terms">{ terms.clone() }</p>
            if props.active {
                <ConfirmButtons action_id={action_id.clone()} confirm={confirm.clone()} cancel={cancel.clone()} on_answer={props.on_answer.clone()} />
            }
        </section>
    }
}
