//! The panel's title bar with the connection/handoff status and the close button.

use yew::prelude::*;

use crate::hooks::use_panel;
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
    let on_close = Callback::from(|_: MouseEvent| {
        // The loader on the shop's page listens for this and hides the iframe.
        if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
            let _ = parent.post_message(&"kefu:close".into(), "*");
        }
    });
    html! {
        <header class="kefu-header">
            <div>
                <h1>{ t(lang, Text::Title) }</h1>
                <div class="status" role="status" aria-live="polite" data-testid="status">{ props.status.clone() }</div>
            </div>
            <button type="button" aria-label={t(lang, Text::Close)} onclick={on_close}>{ "×" }</button>
        </header>
    }
}
