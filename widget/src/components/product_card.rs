//! A catalogue product: name, price and stock.

use kefu_protocol::{Card, format_money};
use yew::prelude::*;

use crate::i18n::{Lang, Text, t};

/// Name, price and stock of one product, a [`Card::Product`] (a function, as
/// [`super::order_card`] is).
pub fn product_card(lang: Lang, card: &Card) -> Html {
    let Card::Product {
        sku,
        name,
        price_minor,
        currency,
        stock,
    } = card
    else {
        return html! {};
    };
    let stock_text = if *stock == 0 {
        t(lang, Text::SoldOut).to_string()
    } else {
        format!("{} {stock}", t(lang, Text::InStock))
    };
    html! {
        <section class="kefu-card" data-testid="product-card" data-sku={sku.clone()} aria-label={name.clone()}>
            <dl>
                <dt>{ t(lang, Text::Product) }</dt><dd>{ name.clone() }</dd>
                <dt>{ t(lang, Text::Price) }</dt><dd data-testid="product-price">{ format_money(*price_minor, currency) }</dd>
                <dt>{ t(lang, Text::Stock) }</dt><dd data-testid="product-stock">{ stock_text }</dd>
            </dl>
        </section>
    }
}
