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
    // A product named, the model leaning weakly to it: where it can go is still asked.
    let mut ctx = super::tests::ctx();
    ctx.names_product = true;
    let u = msg("好吧 那帽子能寄到澳洲吗", "product_info", 0.21);
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

#[test]
fn who_answers_asked_with_its_kinds_as_alternatives_is_answered_honestly() {
    let ctx = ctx();
    for text in [
        "you write very naturally haha. real person or some AI thing?",
        "you reply suspiciously fast. real person, AI, or what? just curious, not complaining",
    ] {
        let d = reply(decide(&ctx, &msg(text, "out_of_scope", 0.5)));
        assert_eq!(d.intent, "bot_identity", "{text}");
        assert_ne!(d.state, ConversationState::WaitingForHuman, "{text}");
    }
}

#[test]
fn an_orders_carrier_or_whereabouts_asked_is_no_complaint_nor_a_request_for_a_person() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    let text = "cheers. which carrier was it again, my neighbour asked";
    let mut u = msg(text, "complaint", 0.5);
    u.upset = true;
    assert_eq!(intent_of(decide(&ctx, &u)), "track_order");
    let text = "actually forget that — what's happening with order 1001";
    let plan = decide(&super::tests::ctx(), &msg(text, "contact_human_agent", 0.6));
    assert_eq!(intent_of(plan), "track_order");
}

#[test]
fn the_email_not_remembered_when_asked_goes_to_a_person() {
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("get_refund".into());
    ctx.pending.order_number = Some("1001".into());
    let d = reply(decide(
        &ctx,
        &msg(
            "真的不记得了 sorry. can't you just go by the order number?",
            "cancel_order",
            0.4,
        ),
    ));
    assert_eq!(d.state, ConversationState::WaitingForHuman, "{d:?}");
}

#[test]
fn a_sum_asked_back_on_an_unshipped_order_is_its_cancellation() {
    let mut ctx = ctx();
    ctx.orders[0].status = "processing".into();
    let text = "changed my mind about the bottle, can I just have the 34 back? order 1001, jane@example.com";
    let plan = decide(&ctx, &msg(text, "return_item", 0.5));
    assert_eq!(intent_of(plan), "cancel_order");
}

#[test]
fn goods_gone_wrong_in_new_words_are_claims_and_a_stock_asked_late_is_no_lateness() {
    let ctx = ctx();
    let plan = decide(
        &ctx,
        &msg("包裹里是空的！！帽子呢？订单号1001", "track_order", 0.5),
    );
    assert_eq!(intent_of(plan), "report_missing_item");
    let plan = decide(
        &ctx,
        &msg("hoodie 的 zip 到货就坏了, order1001", "complaint", 0.5),
    );
    assert_eq!(intent_of(plan), "report_damaged");
    let mut ctx = ctx;
    ctx.names_product = true;
    let plan = decide(
        &ctx,
        &msg(
            "grey zip hoodie — any Ls left or am I too late",
            "out_of_scope",
            0.5,
        ),
    );
    assert_eq!(intent_of(plan), "product_availability");
    let mut u = msg(
        "is it gonna rain in Chicago tomorrow? deciding between the hoodie and a real coat",
        "out_of_scope",
        0.5,
    );
    u.topic = Some((kefu_intent::topics::Topic::Urgent, 0.8));
    assert_ne!(intent_of(decide(&ctx, &u)), "urgent_request");
}

#[test]
fn a_question_routed_for_certain_is_answered_by_the_entries_about_it() {
    let shop = super::tests::shop_with_faq(&[
        (
            "What payment methods do you accept? Can I pay with PayPal?",
            "We accept Visa and PayPal.",
            "check_payment_methods",
        ),
        (
            "How much is shipping?",
            "Standard shipping is free over $50, otherwise $5.",
            "delivery_options",
        ),
    ]);
    let text = "if my basket comes to 45 bucks do i still pay for shipping";
    let d = reply(decide(&shop, &msg(text, "check_payment_methods", 0.5)));
    assert!(d.text.contains("free over $50"), "{d:?}");
}

#[test]
fn a_sum_asked_back_with_no_order_named_is_the_refund_its_order_asked_for() {
    // "those hoodies just aren't me. can I get the 138 back?", read as the product.
    let d = reply(decide(
        &ctx(),
        &msg(
            "those hoodies just aren't me. can I get the 138 back?",
            "product_info",
            0.6,
        ),
    ));
    assert_eq!(d.intent, "get_refund", "{}", d.text);
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
}

#[test]
fn a_calm_question_about_a_product_named_heard_as_a_complaint_is_the_products() {
    let mut ctx = ctx();
    ctx.served
        .insert("product_info".into(), super::tests::served("catalog", &[]));
    ctx.names_product = true;
    let u = msg(
        "ok and totally unrelated but is the grey hoodie a zip-up or a pullover",
        "complaint",
        0.62,
    );
    assert_eq!(intent_of(decide(&ctx, &u)), "product_info");
    // Goods gone wrong, asked about: still the complaint's or the claim's.
    let u = msg(
        "is the grey hoodie supposed to have a hole in the sleeve already??",
        "complaint",
        0.62,
    );
    assert_ne!(intent_of(decide(&ctx, &u)), "product_info");
}

#[test]
fn a_parcel_to_be_refused_at_the_door_is_the_returns_policy() {
    let mut ctx = ctx();
    with_faq(
        &mut ctx,
        "zh",
        "return_item",
        "怎么退货或换货？",
        "签收后30天内可以申请退货。",
    );
    ctx.remembered.order_number = Some("1001".into());
    let u = msg(
        "已经发出来了啊…那送到的时候我拒收行不行",
        "track_order",
        0.5,
    );
    assert_eq!(intent_of(decide(&ctx, &u)), "return_item");
}
