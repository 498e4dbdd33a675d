//! What goes beside a plugin's answer when the shopper asked for more than it holds: the
//! shop's sizing advice beside a product's card, the total and delivery costs of several
//! products asked about together, the shop's refund times beside a refund's progress, and
//! what was paid for the order shown. Each comes once, in the shop's own words. Pure.

use kefu_intent::slots::SlotKind;
use kefu_protocol::Card;

use super::basket;
use super::context::TurnContext;
use super::decision::Decision;
use super::faq_answers;
use super::order_paid;
use super::refund_words;
use super::replies;
use super::shipping_words;
use super::understand::Understanding;

/// Appends to `d` (the answer to `intent`, `about_product` when it answers a product
/// question) what the shopper asked for beside it.
pub(super) fn append(
    ctx: &TurnContext,
    u: &Understanding,
    intent: &str,
    about_product: bool,
    d: &mut Decision,
) {
    let lang = u.lang;
    // Asked how it fits besides what it costs or whether it is in stock ("how does the zip
    // hoodie fit? … and is it the 69 one?"): the product's card, and the shop's sizing advice
    // from its FAQ, which the product's details do not hold.
    if about_product
        && d.cards.iter().any(|c| matches!(c, Card::Product { .. }))
        && let Some(advice) = faq_answers::fit_advice(ctx, u)
        && !d.text.contains(&advice)
    {
        replies::append(&mut d.text, &advice, lang);
    }
    // Several products asked about together ("the tee + the cap together? would shipping
    // be free on that"): their total, and what delivery costs, in the shop's own words.
    if about_product {
        if let Some(total) = basket::together(&d.cards, &u.text, lang)
            && !d.text.contains(&total)
        {
            replies::append(&mut d.text, &total, lang);
        }
        if shipping_words::asks_what_shipping_costs(&u.text)
            && let Some(entry) = faq_answers::entry_for(ctx, "delivery_options", lang)
            && !d.text.contains(&entry.answer)
        {
            replies::append(&mut d.text, &entry.answer, lang);
        }
    }
    // When the money lands, asked of a refund's progress ("sent one back last week, when does
    // the money actually land?"): besides what the plugin found, the shop's refund times.
    if intent == "track_refund"
        && refund_words::asks_when(&u.text)
        && let Some(entry) = faq_answers::entry_for(ctx, "check_refund_policy", lang)
        && !d.text.contains(&entry.answer)
    {
        replies::append(&mut d.text, &entry.answer, lang);
    }
    // What was paid for the order shown ("remind me what I paid for mine?"): its total.
    if let Some(paid) = order_paid::paid(&d.cards, &ctx.orders, &u.text, lang)
        && !d.text.contains(&paid)
    {
        replies::append(&mut d.text, &paid, lang);
    }
    // What the order shown holds ("what did i order again"): its items, to its proven owner.
    let email = u.slot(SlotKind::Email).or(ctx.remembered.email.as_deref());
    let proven = |order: &str| {
        matches!(
            super::ownership::owner_of(ctx, order, email),
            super::ownership::Ownership::Proven(_)
        )
    };
    let last_bot = ctx.last_bot.as_ref().map(|(text, _)| text.as_str());
    match order_paid::ordered(&d.cards, &ctx.orders, &u.text, last_bot, lang, proven) {
        Some(order_paid::Items::Told(items)) if !d.text.contains(&items) => {
            replies::append(&mut d.text, &items, lang);
        }
        Some(order_paid::Items::NeedEmail(ask)) if !d.text.contains(&ask) => {
            replies::append(&mut d.text, &ask, lang);
        }
        _ => {}
    }
}
