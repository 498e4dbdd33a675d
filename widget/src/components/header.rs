//! The panel's title bar: the shop's logo and name (from its settings, once the welcome has
//! arrived; "Customer service" before), the connection/handoff status, "delete this
//! conversation" and the close button.

use yew::prelude::*;

use super::ForgetConversation;
use crate::hooks::{post_to_host, use_panel};
use crate::i18n::{Text, t};

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// One line about who answers / the link.
    pub status: AttrValue,
    /// The shop's name, once the runtime's welcome said it.
    #[prop_or_default]
    pub shop: Option<AttrValue>,
    /// The shop's logo (an https URL), if it set one.
    #[prop_or_default]
    pub logo: Option<AttrValue>,
}

/// Title, status (announced politely to screen readers) and close.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = use_panel().lang;
    // The loader on the shop's page hides the iframe.
    let on_close = Callback::from(|_: MouseEvent| post_to_host("close", &[]));
    html! {
        <header class="kefu-header">
            <div>
                <h1 data-testid="title">
                    // The name is written next to it: the logo is decoration (empty alt).
                    if let Some(logo) = &props.logo {
                        <img class="kefu-logo" src={logo.clone()} alt="" data-testid="logo" />
                    }
                    <span>{ props.shop.clone().unwrap_or_else(|| t(lang, Text::Title).into()) }</span>
                </h1>
                <div class="status" role="status" aria-live="polite" data-testid="status">{ props.status.clone() }</div>
            </div>
            <ForgetConversation />
            <button type="button" aria-label={t(lang, Text::Close)} onclick={on_close}>{ "×" }</button>
        </header>
    }
}
