//! `use_panel`: the [`PanelContext`] the root ([`crate::app::App`]) gives.

use yew::prelude::*;

use crate::components::PanelContext;

/// The panel's language and merchant.
///
/// # Panics
///
/// Outside the root's context: every component of the panel is rendered inside it.
#[hook]
pub fn use_panel() -> PanelContext {
    use_context::<PanelContext>().expect("rendered inside the panel's root")
}
