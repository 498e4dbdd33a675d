//! A change of shipping address to confirm.

use kefu_protocol::Card;
use yew::prelude::*;

use super::{CardButton, confirm_buttons};
use crate::i18n::{Lang, Text, t};

/// The new address an order would go to, with confirm and decline buttons.
pub fn confirm_address_card(
    lang: Lang,
    card: &Card,
    active: bool,
    on_answer: &Callback<CardButton>,
) -> Html {
    let Card::ConfirmAddress {
        action_id,
        order_id,
        address,
        terms,
        confirm,
        cancel,
    } = card
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
            if active {
                { confirm_buttons(action_id, confirm, cancel, on_answer) }
            }
        </section>
    }
}
