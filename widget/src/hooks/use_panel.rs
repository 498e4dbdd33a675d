//! `use_panel`: the [`PanelContext`] the [`crate::components::PanelProvider`] above gives.

use yew::prelude::*;

use crate::components::PanelContext;

/// The panel's language and merchant.
///
/// # Panics
///
/// Outside a `PanelProvider`: every component of the panel is rendered inside one.
#[hook]
pub fn use_panel() -> PanelContext {
    use_context::<PanelContext>().expect("rendered inside a PanelProvider")
}
