//! A new address written, or sending an order elsewhere asked, or a number of the address
//! corrected just after the address was the matter: the address change. Tried by
//! `routing.rs` after a message that goes on with what came before. Pure.

use kefu_intent::OUT_OF_SCOPE;

use super::clarify::CLARIFY_BELOW;
use super::delivery_words;
use super::routing_heard::{CHANGE_ADDRESS, Heard};
use super::routing_values;

/// The address change, settled, if `h` writes, asks or corrects a new address for an order.
pub(super) fn address_change<'a>(h: &Heard<'a>) -> Option<(&'a str, bool)> {
    let Heard {
        ctx,
        u,
        text,
        named,
        written,
        ..
    } = *h;
    Some(match () {
        // A new address written with a request the model reads as an address change (or
        // as its runner-up): that change, nothing to clarify.
        _ if written.is_some()
            && u.prediction
                .top
                .iter()
                .take(2)
                .any(|(i, _)| matches!(i.as_str(), CHANGE_ADDRESS | "set_up_shipping_address"))
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // A new address written with nothing the model is sure of ("new one is 200 Nanjing
        // West Road, Shanghai"), or sending it elsewhere asked without the word "address"
        // ("can i change where it goes"), about an order already named: the address change
        // (the plugin proposes it, the shopper confirms).
        _ if named.is_some()
            && ((written.is_some()
                && (u.prediction.intent == OUT_OF_SCOPE
                    || u.prediction.confidence < CLARIFY_BELOW))
                || delivery_words::asks_to_change_where_it_goes(text)
                || (u.prediction.intent == OUT_OF_SCOPE
                    && super::address_fix::says_the_address_was_written_wrong(text)))
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // Sending an order elsewhere asked before any order is named ("hey can i change
        // where my order is going"): the address change, its order asked for (not where the
        // order is).
        // (An order placed, not one still to place, a return's label or the account's
        // default: "if I order now can I change where it ships later?")
        _ if named.is_none()
            && delivery_words::asks_to_change_where_it_goes(text)
            && super::language::mentions(
                &text.to_lowercase(),
                &[
                    "my order",
                    "the order",
                    "my parcel",
                    "my package",
                    "我的订单",
                    "订单",
                ],
            )
            && !super::language::mentions(
                &text.to_lowercase(),
                &[
                    "billing",
                    "gift",
                    "if i order",
                    "before i order",
                    "when i order",
                    "future order",
                    "default",
                    "account",
                    "return",
                    "label",
                    "later",
                    "发票",
                    "退货",
                    "以后",
                ],
            )
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // A number of the address corrected just after the address was the matter ("should
        // be 10012 not 10021"): the same address change, for the order already named.
        _ if routing_values::corrects_the_address(ctx, text)
            && ctx.remembered.order_number.is_some()
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        _ => return None,
    })
}
