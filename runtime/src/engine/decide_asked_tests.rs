//! Decision rows about what a shopper asks in words the model reads as something else: a
//! return asked whether it may be, its owner known; "go ahead and start it" after a return's
//! steps; a person looked for rather than asked about; the shop's delivery abroad asked
//! after an order was the matter; a shipping option's speed; a product's restock; the
//! packing griped about. Pure functions only, as in `decide_tests.rs`.

use super::tests::{ctx, intent_of, msg, reply, with_faq};
use super::*;

#[test]
fn a_return_asked_whether_it_may_be_with_its_owner_known_is_the_refund() {
    let mut ctx = ctx();
    ctx.orders[0].status = "delivered".into();
    // The email in the message.
    let text = "帽子不想要了，订单1001能退吗？邮箱jane@example.com";
    let plan = decide(&ctx, &msg(text, "return_item", 0.6));
    assert_eq!(intent_of(plan), "get_refund");
    // The email given earlier.
    ctx.remembered.email = Some("jane@example.com".into());
    ctx.remembered.order_number = Some("1001".into());
    let plan = decide(
        &ctx,
        &msg("那可以退一件吗, just one hoodie", "return_item", 0.6),
    );
    assert_eq!(intent_of(plan), "get_refund");
    // With a condition, it asks about the policy.
    let plan = decide(
        &ctx,
        &msg("can i return it if i wore it once?", "return_item", 0.6),
    );
    assert_ne!(intent_of(plan), "get_refund");
}

#[test]
fn told_to_start_what_the_return_steps_described_is_the_refund() {
    let mut ctx = ctx();
    ctx.orders[0].status = "delivered".into();
    ctx.remembered.order_number = Some("1001".into());
    ctx.last_bot = Some((
        "Start a return from Orders.".into(),
        Some("return_item".into()),
    ));
    let text = "alright, go ahead and start it - you've got everything from my first message";
    let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
    assert_eq!(intent_of(plan), "get_refund");
    // With no order named, nothing to start.
    ctx.remembered.order_number = None;
    let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
    assert_ne!(intent_of(plan), "get_refund");
}

#[test]
fn a_person_looked_for_after_failed_turns_is_a_handoff_with_the_honest_answer() {
    let mut ctx = ctx();
    ctx.conversation.failed_turns = 2;
    let text = "forget it. is there a human anywhere in this company";
    let d = reply(decide(&ctx, &msg(text, "contact_human_agent", 0.6)));
    assert_eq!(d.state, ConversationState::WaitingForHuman, "{d:?}");
    // Asked about, not looked for: the honest answer, no handoff.
    let d = reply(decide(
        &super::tests::ctx(),
        &msg("are you a real person?", "out_of_scope", 0.5),
    ));
    assert_eq!(d.intent, "bot_identity");
    assert_ne!(d.state, ConversationState::WaitingForHuman);
}

#[test]
fn the_shops_delivery_abroad_asked_after_an_order_is_no_address_change() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    ctx.orders[0].status = "delivered".into();
    let mut u = msg(
        "oh it's delivered, found it in the shed lol. diff question: do you ship to Australia? my brother wants one",
        "delivery_options",
        0.4,
    );
    u.prediction.top = vec![
        ("delivery_options".into(), 0.4),
        ("change_shipping_address".into(), 0.35),
    ];
    assert_eq!(intent_of(decide(&ctx, &u)), "delivery_options");
}

#[test]
fn a_shipping_options_speed_and_cost_are_the_delivery_options() {
    let mut ctx = ctx();
    with_faq(
        &mut ctx,
        "en",
        "delivery_options",
        "What are the shipping options?",
        "Standard shipping is free over $50. Express (1-2 business days) is $15.",
    );
    let plan = decide(
        &ctx,
        &msg("and how fast is the express option?", "product_info", 0.5),
    );
    assert_eq!(intent_of(plan), "delivery_options");
    // "How much is it to ship": shipping's price, not the cap's.
    ctx.names_product = true;
    let text =
        "How much is it to ship to Canada? Thinking of sending two caps to my brother in Toronto.";
    let plan = decide(&ctx, &msg(text, "delivery_period", 0.5));
    assert_ne!(intent_of(plan), "product_info");
}

#[test]
fn a_products_restock_asked_is_no_damage_claim() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let mut u = msg(
        "the steel bottle, when's it back? been refreshing the page every day like a weirdo",
        "return_item",
        0.34,
    );
    u.topic = Some((kefu_intent::topics::Topic::Damaged, 0.58));
    let plan = decide(&ctx, &u);
    assert!(
        matches!(
            intent_of(plan).as_str(),
            "product_info" | "product_availability"
        ),
        "restock"
    );
}

#[test]
fn the_packing_griped_about_with_the_goods_fine_is_a_complaint() {
    let ctx = ctx();
    for text in [
        "提个意见 包装太简陋了 1001的盒子都破了 东西倒是没坏",
        "why on earth did ONE cap come in a box the size of a microwave stuffed with plastic air pillows. order 1001. do better",
    ] {
        let plan = decide(&ctx, &msg(text, "product_info", 0.5));
        assert_eq!(intent_of(plan), "complaint", "{text}");
    }
    // The goods broken too: the claim.
    let plan = decide(
        &ctx,
        &msg(
            "the box was crushed and the cap inside is torn, order 1001",
            "complaint",
            0.5,
        ),
    );
    assert_eq!(intent_of(plan), "report_damaged");
}
