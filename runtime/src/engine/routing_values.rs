//! What a message gives the route besides its intent: the new address it answers with or
//! writes, the order it names (never a house number of that address; a parcel's tracking
//! number names the order it was sent for) and the email; and, once the intent is an
//! address change, the address the change goes to; and whether it asks about a product it
//! names, whatever the model read. Pure; part of [`super::routing`].

use kefu_intent::OUT_OF_SCOPE;
use kefu_intent::slots::SlotKind;

use super::address;
use super::address_change::{corrected_now, on_file};
use super::address_fix;
use super::context::TurnContext;
use super::cues::{self, asks_about_stock};
use super::late_words::says_late;
use super::refund_words::asks_for_money_back;
use super::return_words;
use super::shipping_words;
use super::understand::Understanding;

/// The values a message gives.
pub(super) struct Given {
    /// The new address, when the message answers "what's the new address?".
    pub address: Option<String>,
    /// A new address written with the request.
    pub written: Option<String>,
    /// The order it names.
    pub order_number: Option<String>,
    /// The email in it.
    pub email: Option<String>,
}

/// What `u` gives in `ctx`.
pub(super) fn given(ctx: &TurnContext, u: &Understanding) -> Given {
    let text = u.text.as_str();
    // The answer to "what's the new address?" is the whole message (its house and postal
    // numbers are not order numbers). A part of it corrected instead ("sorry, 17 not 71"):
    // the address the order goes to, corrected; a correction that applies to nothing is no
    // address (it is asked for again).
    // A message with no number, street or place in it is something else ("alright then just
    // cancel it").
    let address = (ctx.pending.need.as_deref() == Some("address")
        && ctx.conversation.pending_intent.is_some()
        && address::could_be_one(text))
    .then(|| {
        if address::new_address(text).is_none() && address_fix::correction(text, true).is_some() {
            corrected_now(ctx, text, ctx.pending.order_number.as_deref(), true)
        } else {
            Some(address::without_introduction(text).to_string())
        }
    })
    .flatten();
    // A new address written with the request ("change order 1002's address to 21 Nanjing
    // West Road"): its house numbers are not order numbers either.
    let written = address::new_address(text).filter(|_| address.is_none());
    // A part of the address corrected just after the address was the matter ("should be
    // 10012 not 10021", its zip code): its numbers are not order numbers either.
    let corrects_the_address = corrects_the_address(ctx, text);
    let outside_the_address =
        |n: &str| !corrects_the_address && written.as_deref().is_none_or(|w| !w.contains(n));
    let order_number = u
        .slot(SlotKind::OrderNumber)
        .filter(|n| outside_the_address(n))
        .or_else(|| {
            u.slots
                .iter()
                .filter(|s| s.kind == SlotKind::OrderNumber)
                .map(|s| s.value.as_str())
                .find(|n| outside_the_address(n))
        })
        .map(str::to_string)
        // A parcel's tracking number instead ("its the 1Z999AA10123456784 one"): the order
        // it was sent for ([`TurnContext::load`] looked it up).
        .or_else(|| {
            (!kefu_intent::slots::tracking_numbers(text).is_empty())
                .then(|| ctx.remembered.order_number.clone())
                .flatten()
        })
        .filter(|_| address.is_none());
    let email = u.slot(SlotKind::Email).map(str::to_string);
    Given {
        address,
        written,
        order_number,
        email,
    }
}

/// Whether `text` corrects a number of the address just after the address was the matter
/// ("should be 10012 not 10021"): its numbers are no order numbers, nor is it a claim.
pub(super) fn corrects_the_address(ctx: &TurnContext, text: &str) -> bool {
    ctx.last_intent() == Some("change_shipping_address") && address_fix::corrects_a_number(text)
}

/// The new address for an address change: `written` now, or earlier in the conversation.
/// Or a part of it corrected ("sorry it's 17 not 71", "门牌号是18号不是81号"): the address
/// written before, or else the one order `named` goes to, corrected, for the shopper to
/// confirm; a correction that does not apply leaves the address to be asked for.
pub(super) fn address_for(
    ctx: &TurnContext,
    text: &str,
    written: Option<String>,
    order_number: Option<&str>,
) -> Option<String> {
    if written.is_some() {
        return written;
    }
    let named = order_number.or(ctx.remembered.order_number.as_deref());
    if address_fix::correction(text, true).is_some() {
        return corrected_now(ctx, text, named, true);
    }
    ctx.remembered.address.clone().or_else(|| {
        let fix = ctx.remembered.address_correction.as_ref()?;
        address_fix::corrected(on_file(ctx, named)?, fix)
    })
}

/// Whether `u`, read as `intent`, asks about the product of the catalogue it names: a
/// question naming one is about that product, whatever the model made of the rest
/// ("有机棉T恤多少钱"). So is its price asked, with no order named and no money back asked for
/// ("算了先不退了，T恤多少钱一件"), or its stock ("actually 算了, 你们 navy cap 还有货吗? want
/// another one" read as a return), nothing sent back. Not a message about an order it names
/// ("I want my hoodies from #1004 replaced"), unless it asks about stock.
pub(super) fn about_the_product_named(
    ctx: &TurnContext,
    u: &Understanding,
    intent: &str,
    order_number: Option<&str>,
) -> bool {
    let text = u.text.as_str();
    let asks_its_price = (cues::asks_the_price(text)
        || ((asks_about_stock(text) || shipping_words::asks_when_back_in_stock(text))
            && !return_words::asks_to_send_back(text)))
        && order_number.is_none()
        && !asks_for_money_back(text)
        // (A wait for a restock is no order late: "水杯怎么又没货了 啥时候补啊 等得我快疯了".)
        && (!says_late(text) || waits_for_a_restock(text))
        // "How much is it to ship to Canada … sending two caps to my brother": shipping's
        // price, not the cap's.
        && !super::shipping_words::asks_what_shipping_costs(text);
    (matches!(
        intent,
        OUT_OF_SCOPE | "place_order" | "check_payment_methods"
    ) || asks_its_price)
        && (order_number.is_none() || asks_about_stock(text))
        // "Could you tell me where my two hoodies are?", "if my bottle shipped": the
        // shopper's own goods on their way.
        && !((says_late(text) && !waits_for_a_restock(text))
            || super::delivery_words::asks_its_status(text))
        // "Thinking of sending a hoodie to my brother in Perth. How long does it take to get
        // to Australia?": the delivery abroad, not the hoodie.
        && (!super::destinations::names_a_destination(text) || asks_its_price)
        && ctx.names_product
        && ctx.served("product_info").is_some()
        && !(intent == "check_payment_methods" && cues::names_a_payment_method(text))
        // "I'd like a refund on the navy cap, turns out my head is bigger than I thought": the
        // refund asked for what was bought, not the cap's facts.
        && !(asks_for_money_back(text) && super::refund_words::requests_it(text))
}

/// Whether `text` waits for goods out of stock to come back ("水杯怎么又没货了 啥时候补啊"), in
/// words of stock (not "卫衣怎么还没到货", an order late).
fn waits_for_a_restock(text: &str) -> bool {
    shipping_words::asks_when_back_in_stock(text)
        && super::language::mentions(
            text,
            &[
                "没货",
                "缺货",
                "补货",
                "售罄",
                "卖完",
                "restock",
                "back in stock",
                "out of stock",
                "sold out",
            ],
        )
}
