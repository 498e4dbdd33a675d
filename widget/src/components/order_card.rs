//! An order's status, as the merchant's orders plugin reported it.

use kefu_protocol::Card;
use yew::prelude::*;

use crate::i18n::{Lang, Text, t};

/// Order number, status, carrier, tracking number, expected date of a
/// [`Card::OrderStatus`]. A function, not a component: a card has no state of its own, and
/// each component type costs the download its own copy of Yew's machinery.
pub fn order_card(lang: Lang, card: &Card) -> Html {
    let Card::OrderStatus {
        order_id,
        status,
        status_label,
        carrier,
        tracking_number,
        eta,
    } = card
    else {
        return html! {};
    };
    let row = |label: Text, value: &Option<String>, testid: &'static str| match value {
        Some(v) => {
            html! { <><dt>{ t(lang, label) }</dt><dd data-testid={testid}>{ v.clone() }</dd></> }
        }
        None => html! {},
    };
    html! {
        <section class="kefu-card" data-testid="order-card" data-status={status.clone()} aria-label={format!("{} {order_id}", t(lang, Text::Order))}>
            <dl>
                <dt>{ t(lang, Text::Order) }</dt><dd data-testid="order-id">{ order_id.clone() }</dd>
                <dt>{ t(lang, Text::Status) }</dt><dd data-testid="order-status">{ status_label.clone() }</dd>
                { row(Text::Carrier, carrier, "order-carrier") }
                { row(Text::Tracking, tracking_number, "order-tracking") }
                { row(Text::Eta, eta, "order-eta") }
            </dl>
        </section>
    }
}
