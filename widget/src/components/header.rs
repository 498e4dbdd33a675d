//! The panel's title bar: the shop's logo and name (from its settings, once the welcome has
//! arrived; "Customer service" before), the connection/handoff status, "delete this
//! conversation" and the close button.

use yew::prelude::*;

use super::{ForgetControls, forget_conversation};
use crate::hooks::post_to_host;
use crate::i18n::{Lang, Text, t};

/// Title (the shop's `logo` and name `shop` once known), `status` (one line about who
/// answers, announced politely to screen readers), "delete this conversation" of
/// `merchant`'s chat (its state in `forget`), and close (a function, as
/// [`super::order_card`] is).
pub fn header(
    lang: Lang,
    (merchant, forget): (&AttrValue, &ForgetControls),
    status: AttrValue,
    shop: Option<AttrValue>,
    logo: Option<AttrValue>,
) -> Html {
    // The loader on the shop's page hides the iframe.
    let on_close = Callback::from(|_: MouseEvent| post_to_host("close", &[]));
    html! {
        <header class="kefu-header">
            <div>
                <h1 data-testid="title">
                    // The name is written next to it: the logo is decoration (empty alt).
                    if let Some(logo) = logo {
                        <img class="kefu-logo" src={logo.clone()} alt="" data-testid="logo" />
                    }
                    <span>{ shop.unwrap_or_else(|| t(lang, Text::Title).into()) }</span>
                </h1>
                <div class="status" role="status" aria-live="polite" data-testid="status">{ status }</div>
            </div>
            { forget_conversation(lang, merchant, forget) }
            <button type="button" aria-label={t(lang, Text::Close)} onclick={on_close}>{ "×" }</button>
        </header>
    }
}
