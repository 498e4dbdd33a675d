//! The new address an address change proposes when the shopper corrects a part of one
//! ([`super::address_fix`]): the address proposed or written before, or else the one the
//! order goes to, corrected. Pure.

use super::address_fix;
use super::context::TurnContext;

/// The address order `named` goes to, as the merchant's data has it.
pub(super) fn on_file<'a>(ctx: &'a TurnContext, named: Option<&str>) -> Option<&'a str> {
    named
        .and_then(|n| ctx.order(n))
        .and_then(|o| o.shipping_address.as_deref())
}

/// The address a part corrected in `text` makes ([`address_fix`]): applied to the address
/// proposed or written before, or else to the one order `named` goes to. `None` when `text`
/// corrects nothing, or its correction applies to none of them.
pub(super) fn corrected_now(
    ctx: &TurnContext,
    text: &str,
    named: Option<&str>,
    under_way: bool,
) -> Option<String> {
    let fix = address_fix::correction(text, under_way)?;
    let before = proposed_address(ctx)
        .or(ctx.remembered.address.clone())
        .or_else(|| on_file(ctx, named).map(str::to_string))?;
    address_fix::corrected(&before, &fix)
}

/// The new address the shopper was last asked to confirm, while the proposal stands.
pub(super) fn proposed_address(ctx: &TurnContext) -> Option<String> {
    match ctx.proposal()? {
        crate::plugins::Proposal::ChangeAddress { address, .. } => Some(address),
        _ => None,
    }
}
