//! A refund or an order cancellation to confirm: the exact amount and terms.

use kefu_protocol::{Card, format_money};
use yew::prelude::*;

use super::{CardButton, ConfirmButtons};
use crate::hooks::use_panel;
use crate::i18n::{Text, t};

/// Props of [`ConfirmRefundCard`].
#[derive(Properties, PartialEq)]
pub struct ConfirmRefundCardProps {
    /// Must be [`Card::ConfirmRefund`].
    pub card: Card,
    /// Whether the shopper can still answer it (it is on the latest message).
    pub active: bool,
    /// A button was pressed (it names the card's action).
    pub on_answer: Callback<CardButton>,
}

/// The exact amount and terms of a proposed refund or order cancellation, with confirm and
/// decline buttons.
#[function_component(ConfirmRefundCard)]
pub fn confirm_refund_card(props: &ConfirmRefundCardProps) -> Html {
    let lang = use_panel().lang;
    let (testid, title) = match &props.card {
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
    }) = &props.card
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
            if props.active {
                <ConfirmButtons action_id={action_id.clone()} confirm={confirm.clone()} cancel={cancel.clone()} on_answer={props.on_answer.clone()} />
            }
        </section>
    }
}
