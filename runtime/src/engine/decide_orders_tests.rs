//! Decision rows about one order asked in the shopper's own words: a cancellation asked
//! without the word, agreement said again while the order's email is asked, the shopper's
//! own goods asked after, a return asked in anger, an address written wrong and a trip
//! abroad for a product named. Pure functions only, as in `decide_tests.rs`.

use super::tests::{call, ctx, intent_of, msg, order, reply, with_faq};
use super::*;
use crate::engine::replies::Line;
use crate::engine::understand::Understanding;
use kefu_intent::Prediction;

/// `text`, the model torn between `top`'s intents.
fn torn(text: &str, top: &[(&str, f32)]) -> Understanding {
    let mut u = msg(text, top[0].0, top[0].1);
    u.prediction = Prediction {
        intent: top[0].0.into(),
        confidence: top[0].1,
        top: top.iter().map(|(i, p)| (i.to_string(), *p)).collect(),
    };
    u
}

#[test]
fn a_cancellation_asked_without_the_word_is_the_cancellation() {
    let mut ctx = ctx();
    let mut bottle = order("1002", "li.wei@example.com");
    bottle.status = "processing".into();
    ctx.orders = vec![bottle];
    for text in [
        "is it too late to stop 1002 from going out",
        "It's 1002. Is it too late to call it off?",
    ] {
        let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
        assert_eq!(intent_of(plan), "cancel_order", "{text}");
    }
}

#[test]
fn agreement_said_again_while_the_email_is_asked_asks_for_it_again() {
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("cancel_order".into());
    ctx.pending.order_number = Some("1001".into());
    let text = "yes please stop it, found one cheaper locally";
    let d = reply(decide(&ctx, &msg(text, "out_of_scope", 0.5)));
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"), "{d:?}");
    // With nothing asked, a yes is no cancellation.
    ctx.conversation.pending_intent = None;
    ctx.pending.order_number = None;
    let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
    assert_ne!(intent_of(plan), "cancel_order");
}

#[test]
fn the_shoppers_own_goods_asked_after_are_the_orders_whereabouts() {
    let mut ctx = ctx();
    // A product of the shop is named in each: still the shopper's own goods on their way.
    ctx.names_product = true;
    for text in [
        "so... my cap? it's been a while. no. 1001",
        "why is this so hard. i just want to know if my bottle shipped",
        "Good afternoon. Could you tell me where my two hoodies are? I've been travelling and completely lost track.",
    ] {
        let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
        assert_eq!(intent_of(plan), "track_order", "{text}");
    }
}

#[test]
fn a_return_asked_in_anger_of_an_order_named_is_the_return() {
    let mut ctx = ctx();
    with_faq(
        &mut ctx,
        "en",
        "return_item",
        "How do I return something?",
        "Start a return from Orders in your account.",
    );
    let mut u = torn(
        "this thing is useless. simple question: can I send back the hoodies from 1001 or not",
        &[("return_item", 0.45), ("product_info", 0.3)],
    );
    u.upset = true;
    assert_eq!(intent_of(decide(&ctx, &u)), "return_item");
}

#[test]
fn torn_towards_the_order_never_cancels_one_that_has_left() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    ctx.orders[0].status = "delivered".into();
    let u = torn(
        "and what do I do with the dino shirt, keep it? send it somewhere?",
        &[("return_item", 0.4), ("cancel_order", 0.35)],
    );
    assert_ne!(intent_of(decide(&ctx, &u)), "cancel_order");
    // Not shipped yet, the order is what the shopper means.
    ctx.orders[0].status = "processing".into();
    assert_eq!(intent_of(decide(&ctx, &u)), "cancel_order");
}

#[test]
fn an_address_written_wrong_is_its_change() {
    let text = "wrong street on 1001!! put Elm St, it's Elm Ave";
    let plan = decide(&ctx(), &msg(text, "out_of_scope", 0.5));
    assert_eq!(intent_of(plan), "change_shipping_address");
}

#[test]
fn a_trip_abroad_for_a_product_named_is_the_delivery_abroad() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let text = "Morning! Thinking of sending a hoodie to my brother in Perth. How long does it take to get to Australia?";
    let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
    assert_ne!(intent_of(plan), "product_info");
    // Its price asked is the product's.
    let text = "how much is the hoodie? I'm in Australia";
    let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
    assert_eq!(intent_of(plan), "product_info");
}

#[test]
fn a_value_given_alone_carries_no_urgency() {
    let ctx = ctx();
    let mut u = msg(
        "its jane@example.com if you need it for anything",
        "check_cancellation_fee",
        0.36,
    );
    u.topic = Some((kefu_intent::topics::Topic::Urgent, 0.7));
    assert_ne!(intent_of(decide(&ctx, &u)), "urgent_request");
    // Told with a need, it is urgent.
    let mut u = msg(
        "need 1001 by tomorrow morning, flying out, please help",
        "out_of_scope",
        0.5,
    );
    u.topic = Some((kefu_intent::topics::Topic::Urgent, 0.9));
    assert_eq!(intent_of(decide(&ctx, &u)), "urgent_request");
}

#[test]
fn torn_between_delivery_times_and_an_order_named_earlier_is_that_orders_whereabouts() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1002".into());
    let mut u = msg(
        "wait no. actually keep it. sorry!! is it shipping soon though",
        "delivery_period",
        0.4,
    );
    u.prediction.top = vec![
        ("delivery_period".into(), 0.4),
        ("track_order".into(), 0.35),
    ];
    assert_eq!(call(decide(&shop, &u)).intent(), "track_order");
    // The shop's express option asked, the order set aside: not the order's whereabouts.
    let mut u2 = msg(
        "actually wait, forget that, it's fine where it is. how long does express shipping take?",
        "delivery_period",
        0.4,
    );
    u2.prediction.top = u.prediction.top.clone();
    assert_ne!(intent_of(decide(&shop, &u2)), "track_order");
    // The shop's times abroad asked: not the order's whereabouts.
    let mut u3 = msg(
        "thanks! how long does delivery to Germany usually take?",
        "delivery_period",
        0.4,
    );
    u3.prediction.top = u.prediction.top.clone();
    assert_ne!(intent_of(decide(&shop, &u3)), "track_order");
    // No order known: the shopper is asked which they mean.
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.line, Some(Line::Clarify));
}

#[test]
fn news_of_an_order_read_as_a_refunds_progress_is_its_whereabouts() {
    let text = "hey any news on #1002?? its been like 5 days since i paid";
    let plan = decide(&ctx(), &msg(text, "track_refund", 0.7));
    assert_eq!(intent_of(plan), "track_order");
    // With the refund named, or just after one, it is the refund's.
    let text = "any news on the refund for #1002??";
    assert_eq!(
        intent_of(decide(&ctx(), &msg(text, "track_refund", 0.7))),
        "track_refund"
    );
}

#[test]
fn an_order_named_late_in_a_message_read_as_an_account_matter_is_looked_up() {
    let mut shop = ctx();
    shop.orders.push(order("1003", "carlos@example.com"));
    assert_eq!(
        intent_of(decide(
            &shop,
            &msg("my cap never showed up. 1003", "registration_problems", 0.8)
        )),
        "track_order"
    );
    // A product's restock asked beside the order is the product's.
    assert_ne!(
        intent_of(decide(
            &shop,
            &msg(
                "loved the hoodie from 1003! I'll grab the blue one later, is it back in stock?",
                "product_availability",
                0.8
            )
        )),
        "track_order"
    );
}
