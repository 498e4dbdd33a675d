//! A catalogue product: name, price and stock.

use kefu_protocol::{Card, format_money};
use yew::prelude::*;

use crate::hooks::use_panel;
use crate::i18n::{Text, t};

/// Props of [`ProductCard`].
#[derive(Properties, PartialEq)]
pub struct ProductCardProps {
    /// Must be [`Card::Product`].
    pub card: Card,
}

/// Name, price and stock of one product.
#[function_component(ProductCard)]
pub fn product_card(props: &ProductCardProps) -> Html {
    let lang = use_panel().lang;
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
