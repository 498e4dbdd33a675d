//! The root: the panel's settings, read once from the page, as a context, and the panel
//! inside it.

use yew::prelude::*;

use crate::components::{ChatPanel, PanelContext};

/// What the wasm module's start renders into the page.
#[function_component(App)]
pub fn app() -> Html {
    let panel = use_memo((), |_| PanelContext::from_page());
    html! {
        <ContextProvider<PanelContext> context={(*panel).clone()}>
            <ChatPanel />
        </ContextProvider<PanelContext>>
    }
}
