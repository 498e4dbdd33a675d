//! The root: the panel's settings as a context, and the panel inside it.

use yew::prelude::*;

use crate::components::{ChatPanel, PanelProvider};

/// What the wasm module's start renders into the page.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <PanelProvider>
            <ChatPanel />
        </PanelProvider>
    }
}
