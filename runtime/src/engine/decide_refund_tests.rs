//! Decision rows about money asked back: a refund asked for on a named order, whatever the
//! model read it as (a return, the policy, a refund's progress, out of scope), an unshipped
//! order's money back as its cancellation, and what is beyond the bot's caps. Pure
//! functions only, as in `decide_tests.rs`.

use super::tests::{call, ctx, msg, reply, says, served};
use super::*;
use crate::engine::context::TurnContext;
use crate::engine::plan::Step;
use crate::engine::replies::Line;
use crate::plugins::manifest::Need;
use kefu_intent::Prediction;

#[test]
fn money_back_asked_for_on_a_named_order_is_the_refund_not_the_return_policy() {
    let u = msg(
        "T恤不喜欢，想退款，1001号订单，邮箱jane@example.com",
        "return_item",
        0.8,
    );
    assert_eq!(call(decide(&ctx(), &u)).intent(), "get_refund");
    // Without an order, the return policy is still what is asked.
    let u = msg(
        "how do returns work, do I get a refund?",
        "return_item",
        0.8,
    );
    assert!(!matches!(decide(&ctx(), &u).step, Step::Call(c) if c.intent() == "get_refund"));
}

#[test]
fn a_refund_asked_for_on_an_order_not_yet_shipped_is_its_cancellation() {
    let mut ctx = ctx();
    let mut bottle = super::tests::order("1002", "li.wei@example.com");
    bottle.status = "processing".into();
    ctx.orders = vec![bottle];
    let text = "changed my mind about the water bottle, can i get my money back? order 1002";
    let d = reply(decide(&ctx, &msg(text, "get_refund", 0.95)));
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"));
    // Sent back before it left, however the model read it.
    let text = "hi 我想退 the bottle, order 1002, haven't even received it yet 还没发货吧?";
    let d = reply(decide(&ctx, &msg(text, "track_order", 0.89)));
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"));
    // Shipped: the refund, which the plugin weighs.
    ctx.orders[0].status = "shipped".into();
    let d = reply(decide(&ctx, &msg(text, "get_refund", 0.95)));
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
}

#[test]
fn a_refund_asked_for_on_a_known_order_is_the_refund_not_the_policy() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1003".into());
    let d = reply(decide(
        &ctx,
        &msg(
            "the colour isn't like the photos, can i get a refund on it?",
            "check_refund_policy",
            0.8,
        ),
    ));
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
    // The policy asked about is the policy.
    let d = reply(decide(
        &ctx,
        &msg(
            "what's your refund policy on sale items?",
            "check_refund_policy",
            0.8,
        ),
    ));
    assert_eq!(d.intent, "check_refund_policy");
}

#[test]
fn money_back_asked_for_with_a_return_starts_the_refund_and_asks_for_the_order() {
    let text = "want to send back both hoodies and get my 138 back";
    let d = reply(decide(&ctx(), &msg(text, "return_item", 0.8)));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
    // Asked about, it is the return policy.
    let how = "how do I return something and get my money back?";
    let d = reply(decide(&ctx(), &msg(how, "return_item", 0.8)));
    assert_ne!(d.pending_intent.as_deref(), Some("get_refund"));
}

#[test]
fn money_back_asked_on_a_named_order_read_as_something_else_is_the_refund() {
    let torn = |text: &str, top: &[(&str, f32)]| {
        let mut u = msg(text, top[0].0, top[0].1);
        u.prediction = Prediction {
            intent: top[0].0.into(),
            confidence: top[0].1,
            top: top.iter().map(|(i, p)| (i.to_string(), *p)).collect(),
        };
        u
    };
    for u in [
        torn(
            "I want a full refund on 1001. 45.00. I'm done waiting",
            &[("track_refund", 0.5), ("check_refund_policy", 0.3)],
        ),
        torn(
            "refund for 1001 please, both hoodies, changed my mind",
            &[("out_of_scope", 0.6), ("product_info", 0.2)],
        ),
        torn(
            "1001整单退款 两件卫衣都不要了",
            &[("get_refund", 0.45), ("cancel_order", 0.4)],
        ),
        torn(
            "cap's not for me after all. any chance of getting my 22 bucks back? 1001",
            &[("out_of_scope", 0.6), ("product_info", 0.2)],
        ),
    ] {
        let d = reply(decide(&ctx(), &u));
        assert_eq!(
            d.pending_intent.as_deref(),
            Some("get_refund"),
            "{}: {d:?}",
            u.text
        );
    }
    // Asked after a refund already made, or how the policy goes: not a new refund.
    for u in [
        torn(
            "did my refund for 1001 go through?",
            &[("track_refund", 0.6), ("get_refund", 0.3)],
        ),
        torn(
            "what's your refund policy on sale items, please",
            &[("check_refund_policy", 0.6), ("get_refund", 0.3)],
        ),
    ] {
        let d = decide(&ctx(), &u);
        let intent = match &d.step {
            Step::Reply(d) => d.pending_intent.clone().unwrap_or(d.intent.clone()),
            Step::Call(c) => c.intent().to_string(),
            other => panic!("{other:?}"),
        };
        assert_ne!(intent, "get_refund", "{}", u.text);
    }
}

#[test]
fn money_back_on_a_shipped_order_read_as_its_cancellation_is_the_refund() {
    let mut ctx = ctx();
    ctx.orders[0].total_minor = 9_800;
    ctx.orders[0].status = "shipped".into();
    let text = "1001这单都超时一个星期了，不要了，98块给我退了";
    // Beyond the caps: a person at once, as for the refund asked outright.
    let d = reply(decide(&ctx, &msg(text, "cancel_order", 0.8)));
    says(&d, Line::RefundNeedsHuman);
    // Not shipped yet: its cancellation, as before.
    ctx.orders[0].status = "processing".into();
    let d = reply(decide(&ctx, &msg(text, "cancel_order", 0.8)));
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"));
}

#[test]
fn money_back_asked_however_it_is_phrased_starts_the_refund() {
    let intent = |ctx: &TurnContext, text: &str, read: &str, p: f32| {
        super::tests::intent_of(decide(ctx, &msg(text, read, p)))
    };
    let ctx = ctx();
    // "想退" of goods, an order named (not "想退换", an exchange).
    assert_eq!(
        intent(&ctx, "帽子不太喜欢 想退 订单号1003", "return_item", 0.8),
        "get_refund"
    );
    // Asked whether it can be, whole, of an order named.
    assert_eq!(
        intent(
            &ctx,
            "两件卫衣都偏大太多了，订单1004能全额退款吗？",
            "check_refund_policy",
            0.8
        ),
        "get_refund"
    );
    // Money instead of a swap, the model torn between the refund and a return.
    let u = Understanding::new(
        "it just doesn't suit me. Would it be possible to get my money back rather than swap it?",
        Prediction {
            intent: "get_refund".into(),
            confidence: 0.51,
            top: vec![("get_refund".into(), 0.51), ("return_item".into(), 0.3)],
        },
        "en",
    );
    assert_eq!(super::tests::intent_of(decide(&ctx, &u)), "get_refund");
    // Started in so many words about a product of an order known.
    let mut known = ctx.clone();
    known.remembered.order_number = Some("1003".into());
    assert_eq!(
        intent(
            &known,
            "cool, start a refund for the cap then",
            "product_info",
            0.6
        ),
        "get_refund"
    );
}

#[test]
fn an_order_number_sent_after_the_refund_policy_was_told_is_that_orders_refund() {
    let mut ctx = ctx();
    ctx.last_bot = Some(("…".into(), Some("check_refund_policy".into())));
    let d = reply(decide(&ctx, &msg("订单是1003", "change_order", 0.5)));
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
    // After anything else, the shopper is asked what to do with it.
    ctx.last_bot = Some(("…".into(), Some("product_info".into())));
    let d = reply(decide(&ctx, &msg("订单是1003", "change_order", 0.5)));
    assert_eq!(d.intent, "supplied_values");
}

#[test]
fn a_return_asked_with_the_order_and_its_email_is_the_refund() {
    for text in [
        "Hi, order 1001, email jane@example.com. Tee arrived fine but I'd like to return it, colour looks different in person.",
        "帽子戴着不太合适 想退掉 订单1001 邮箱jane@example.com",
    ] {
        let plan = decide(&ctx(), &msg(text, "return_item", 0.8));
        assert_eq!(call(plan).intent(), "get_refund", "{text}");
    }
    // Without its email, the shopper is told the return's steps.
    let text = "Hi, order 1001. I'd like to return the tee, how does it work?";
    let plan = decide(&ctx(), &msg(text, "return_item", 0.8));
    assert_ne!(super::tests::intent_of(plan), "get_refund");
}

#[test]
fn money_back_for_goods_found_wanting_is_the_refund_before_the_order_is_named() {
    let mut u = msg("帽子戴着不好看，想退款", "track_refund", 0.4);
    u.prediction = Prediction {
        intent: "track_refund".into(),
        confidence: 0.4,
        top: vec![
            ("track_refund".into(), 0.4),
            ("check_refund_policy".into(), 0.3),
        ],
    };
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"), "{d:?}");
}

#[test]
fn money_back_asked_for_a_late_order_is_the_refund_not_its_whereabouts() {
    let mut shop = ctx();
    shop.served.insert(
        "get_refund".into(),
        served("refunds", &[Need::Slot("order-number".into()), Need::Owner]),
    );
    for (said, read) in [
        (
            "my tshirt+hoodie order is basically a week late at this point. just refund it honestly",
            "out_of_scope",
        ),
        ("1001还没到，我不想要了，钱能退吗", "track_refund"),
        (
            "it's almost a week past the date now. honestly I'd rather just have my money back at this point",
            "get_refund",
        ),
    ] {
        let d = reply(decide(&shop, &msg(said, read, 0.5)));
        assert_eq!(
            d.pending_intent.as_deref(),
            Some("get_refund"),
            "{said}: {d:?}"
        );
    }
    // Asked when a late order's refund comes, or where the order is: not a refund asked.
    let plan = decide(
        &shop,
        &msg("1001 is a week late, where is it?", "track_order", 0.8),
    );
    assert_eq!(call(plan).intent(), "track_order");
}

#[test]
fn when_a_refund_comes_asked_with_no_order_is_answered_from_the_policy_then_the_order_asked() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "I just want to know when my money comes back",
            "track_refund",
            0.8,
        ),
    ));
    says(&d, Line::AskOrderNumber);
    assert!(
        d.text.starts_with("Returns are free within 30 days."),
        "{}",
        d.text
    );
    // Its status asked, not when: only the order asked for.
    let d = reply(decide(
        &ctx(),
        &msg("any news on my refund", "track_refund", 0.8),
    ));
    assert!(!d.text.contains("30 days"), "{}", d.text);
}
