//! A refund or an order cancellation to confirm: the exact amount and terms.

use kefu_protocol::{Card, format_money};
use yew::prelude::*;

use super::{CardButton, confirm_buttons};
use crate::i18n::{Lang, Text, t};

/// The exact amount and terms of a proposed refund or order cancellation, with confirm and
/// decline buttons.
pub fn confirm_refund_card(
    lang: Lang,
    card: &Card,
    active: bool,
    on_answer: &Callback<CardButton>,
) -> Html {
    let (testid, title) = match card {
        Card::ConfirmRefund { .. } => ("confirm-refund", Text::Refund),
        Card::ConfirmCancel { .. } => ("confirm-cancel", Text::CancelOrder),
        _ => return html! {},
    };
    let (Card::ConfirmRefund {
        action_id,
        order_id,
        amount_minor,
        currency,
        terms,
        confirm,
        cancel,
    }
    | Card::ConfirmCancel {
        action_id,
        order_id,
        amount_minor,
        currency,
        terms,
        confirm,
        cancel,
    }) = card
    else {
        return html! {};
    };
    html! {
        <section class="kefu-card kefu-confirm" data-testid={testid} data-action={action_id.clone()} aria-label={t(lang, title)}>
            <dl>
                <dt>{ t(lang, Text::Order) }</dt><dd>{ order_id.clone() }</dd>
                <dt>{ t(lang, Text::Refund) }</dt><dd data-testid="refund-amount"><strong>{ format_money(*amount_minor, currency) }</strong></dd>
            </dl>
            <p class="kefu-terms">{ terms.clone() }</p>
            if active {
                { confirm_buttons(action_id, confirm, cancel, on_answer) }
            }
        </section>
    }
}
