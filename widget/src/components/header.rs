//! The panel's title bar with the connection/handoff status, "delete this conversation" and
//! the close button.

use yew::prelude::*;

use super::ForgetConversation;
use crate::hooks::{post_to_host, use_panel};
use crate::i18n::{Text, t};

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// One line about who answers / the link.
    pub status: AttrValue,
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
                <h1>{ t(lang, Text::Title) }</h1>
                <div class="status" role="status" aria-live="polite" data-testid="status">{ props.status.clone() }</div>
            </div>
            <ForgetConversation />
            <button type="button" aria-label={t(lang, Text::Close)} onclick={on_close}>{ "×" }</button>
        </header>
    }
}
