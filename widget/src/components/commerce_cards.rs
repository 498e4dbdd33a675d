//! Cards about products and money: a catalogue product, and a refund to confirm.

use kefu_protocol::{Card, format_money};
use yew::prelude::*;

use super::QuickReplies;
use crate::i18n::{Lang, Text, t};

/// Props of [`ProductCard`].
#[derive(Properties, PartialEq)]
pub struct ProductCardProps {
    /// Panel language.
    pub lang: Lang,
    /// Must be [`Card::Product`].
    pub card: Card,
}

/// Name, price and stock of one product.
#[function_component(ProductCard)]
pub fn product_card(props: &ProductCardProps) -> Html {
    let Card::Product {
        sku,
        name,
        price_minor,
        currency,
        stock,
    } = &props.card
    else {
        return html! {};
    };
    let stock_text = if *stock == 0 {
        t(props.lang, Text::SoldOut).to_string()
    } else {
        format!("{} {stock}", t(props.lang, Text::InStock))
    };
    html! {
        <section class="kefu-card" data-testid="product-card" data-sku={sku.clone()} aria-label={name.clone()}>
            <dl>
                <dt>{ t(props.lang, Text::Product) }</dt><dd>{ name.clone() }</dd>
                <dt>{ t(props.lang, Text::Price) }</dt><dd data-testid="product-price">{ format_money(*price_minor, currency) }</dd>
                <dt>{ t(props.lang, Text::Stock) }</dt><dd data-testid="product-stock">{ stock_text }</dd>
            </dl>
        </section>
    }
}

/// Props of [`ConfirmRefundCard`].
#[derive(Properties, PartialEq)]
pub struct ConfirmRefundCardProps {
    /// Panel language.
    pub lang: Lang,
    /// Must be [`Card::ConfirmRefund`].
    pub card: Card,
    /// Whether the shopper can still answer it (it is on the latest message).
    pub active: bool,
    /// A button was pressed: its label is sent as the shopper's answer.
    pub on_choose: Callback<String>,
}

/// The exact amount and terms of a proposed refund or order cancellation, with confirm and
/// decline buttons.
#[function_component(ConfirmRefundCard)]
pub fn confirm_refund_card(props: &ConfirmRefundCardProps) -> Html {
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
    let lang = props.lang;
    html! {
        <section class="kefu-card kefu-confirm" data-testid={testid} data-action={action_id.clone()} aria-label={t(lang, title)}>
            <dl>
                <dt>{ t(lang, Text::Order) }</dt><dd>{ order_id.clone() }</dd>
                <dt>{ t(lang, Text::Refund) }</dt><dd data-testid="refund-amount"><strong>{ format_money(*amount_minor, currency) }</strong></dd>
            </dl>
            <p class="kefu-terms">{ terms.clone() }</p>
            if props.active {
                <QuickReplies options={vec![confirm.clone(), cancel.clone()]} on_choose={props.on_choose.clone()} />
            }
        </section>
    }
}

/// Props of [`ConfirmAddressCard`].
#[derive(Properties, PartialEq)]
pub struct ConfirmAddressCardProps {
    /// Panel language.
    pub lang: Lang,
    /// Must be [`Card::ConfirmAddress`].
    pub card: Card,
    /// Whether the shopper can still answer it.
    pub active: bool,
    /// A button was pressed.
    pub on_choose: Callback<String>,
}

/// The new address an order would go to, with confirm and decline buttons.
#[function_component(ConfirmAddressCard)]
pub fn confirm_address_card(props: &ConfirmAddressCardProps) -> Html {
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
    let lang = props.lang;
    html! {
        <section class="kefu-card kefu-confirm" data-testid="confirm-address" data-action={action_id.clone()} aria-label={t(lang, Text::NewAddress)}>
            <dl>
                <dt>{ t(lang, Text::Order) }</dt><dd>{ order_id.clone() }</dd>
                <dt>{ t(lang, Text::NewAddress) }</dt><dd data-testid="new-address"><strong>{ address.clone() }</strong></dd>
            </dl>
            <p class="kefu-terms">{ terms.clone() }</p>
            if props.active {
                <QuickReplies options={vec![confirm.clone(), cancel.clone()]} on_choose={props.on_choose.clone()} />
            }
        </section>
    }
}
