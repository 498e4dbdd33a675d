//! Decision rows for what a message is read as when the model's reading is weak or torn:
//! when it came is its status, how long is the FAQ, damage described is a claim, a named
//! product's price is the product, a task no shop does is no urgency.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::situations_tests::torn;
use super::tests::{call, ctx, intent_of as intent, msg, reply, with_topic};
use super::*;

#[test]
fn asking_when_an_order_was_delivered_is_its_status_not_a_claim() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    for text in ["when was it delivered?", "1001签收了吗"] {
        let u = with_topic(msg(text, "track_order", 0.8), Topic::NotReceived);
        assert_eq!(intent(decide(&shop, &u)), "track_order", "{text}");
    }
    // Marked delivered and never come: the claim.
    let u = with_topic(
        msg("it says delivered but I never got it", "track_order", 0.8),
        Topic::NotReceived,
    );
    assert_eq!(intent(decide(&shop, &u)), "report_not_received");
    // When the last order came, asked, a wrong item weakly heard: its status, no claim.
    let mut u = msg("我上次买的东西是哪天到的", "delivery_period", 0.35);
    u.topic = Some((Topic::WrongItem, 0.52));
    assert_ne!(reply(decide(&ctx(), &u)).state, WaitingForHuman);
}

#[test]
fn how_long_something_takes_is_not_acted_on_the_order_even_when_torn() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    let u = torn(
        "and how long does the refund take once you get it?",
        ("check_refund_policy", 0.5),
        ("track_refund", 0.3),
    );
    assert!(!matches!(decide(&shop, &u).step, Step::Call(c) if c.intent() == "track_refund"));
    // No order named: the shop's refund times, not "which of these do you mean?".
    let u = torn(
        "How long do refunds usually take to show up on the card once you've approved one?",
        ("check_refund_policy", 0.5),
        ("track_refund", 0.3),
    );
    assert_eq!(reply(decide(&ctx(), &u)).intent, "check_refund_policy");
    // Without "how long", torn towards the order named: the order.
    let u = torn(
        "and the refund for it?",
        ("check_refund_policy", 0.5),
        ("track_refund", 0.3),
    );
    let plan = decide(&shop, &u);
    assert!(
        matches!(&plan.step, Step::Call(c) if c.intent() == "track_refund")
            || matches!(&plan.step, Step::Reply(d) if d.intent == "track_refund"),
        "{plan:?}"
    );
}

#[test]
fn goods_that_came_damaged_described_are_a_damage_claim() {
    for text in [
        "only unboxed the mug today, the handle is snapped off. order 1003",
        "杯子收到就裂了，订单1003",
        "the parcel for #1003 showed up soaked through and the cap inside is stained",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "check_refund_policy", 0.8)));
        assert_eq!(d.intent, "report_damaged", "{text}");
    }
    // No goods came: not a claim.
    let d = reply(decide(
        &ctx(),
        &msg("your checkout page is broken", "complaint", 0.8),
    ));
    assert_ne!(d.intent, "report_damaged");
}

#[test]
fn what_shipping_costs_is_the_delivery_options_not_the_times() {
    for text in ["how much is delivery on a $30 order", "运费多少钱"] {
        let d = reply(decide(&ctx(), &msg(text, "delivery_period", 0.8)));
        assert_eq!(d.intent, "delivery_options", "{text}");
    }
    let d = reply(decide(
        &ctx(),
        &msg("how long does shipping take", "delivery_period", 0.8),
    ));
    assert_eq!(d.intent, "delivery_period");
}

#[test]
fn did_it_arrive_about_a_named_order_is_looked_up_without_a_question_back() {
    let mut u = msg("order 1003, did it arrive?", "delivery_period", 0.5);
    u.prediction.top = vec![("delivery_period".into(), 0.5), ("track_order".into(), 0.3)];
    let c = call(decide(&ctx(), &u));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn money_back_on_an_unshipped_order_is_its_cancellation() {
    let mut u = msg(
        "can i get my money back for 1002, it hasnt even shipped",
        "get_refund",
        0.45,
    );
    u.prediction.top = vec![("get_refund".into(), 0.45), ("cancel_order".into(), 0.4)];
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"));
    // Shipped or not said: still asked which is meant.
    let mut u = msg("can i get my money back for 1002", "get_refund", 0.45);
    u.prediction.top = vec![("get_refund".into(), 0.45), ("cancel_order".into(), 0.4)];
    let d = reply(decide(&ctx(), &u));
    assert_ne!(d.pending_intent.as_deref(), Some("cancel_order"));
}

#[test]
fn a_person_asked_for_ahead_of_a_hospital_stay_is_urgent() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "我下周要住院做手术，订单1002能不能先寄到我姐家，找个人帮我",
            "out_of_scope",
            0.5,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("urgent")),
        "{:?}",
        d.handoff_reason
    );
}

#[test]
fn an_order_named_with_a_check_is_looked_up_and_thanks_are_no_complaint() {
    let text = "ok fine if you're a bot can you still check 1003 for me, carlos@example.com";
    let c = call(decide(&ctx(), &msg(text, "out_of_scope", 0.6)));
    assert_eq!(c.intent(), "track_order");
    let d = reply(decide(
        &ctx(),
        &msg("我的订单1004 arrived fine, thanks", "complaint", 0.8),
    ));
    assert_eq!((d.intent.as_str(), d.state), ("thanks", Bot));
}

#[test]
fn how_a_product_fits_is_the_shops_sizing_advice() {
    let mut ctx = ctx();
    ctx.config = std::sync::Arc::new(crate::store::MerchantConfig::new(
        0,
        vec![crate::store::FaqEntry {
            id: 1,
            question: "How do I find my size? Do your clothes run small or large? size guide"
                .into(),
            answer: "Our T-shirts and hoodies are a relaxed fit: take your usual size.".into(),
            lang: "en".into(),
            intent: None,
            public: true,
        }]
        .into_iter()
        .chain(ctx.faq().iter().cloned())
        .collect(),
        std::collections::HashMap::new(),
        vec![],
    ));
    ctx.names_product = true;
    let d = reply(decide(
        &ctx,
        &msg("do your t-shirts run small or large?", "product_info", 0.99),
    ));
    assert!(d.text.contains("relaxed fit"), "{}", d.text);
    // Asked with its price: the product's card, which holds the price.
    let c = call(decide(
        &ctx,
        &msg(
            "how much is the tee, and does it run small?",
            "product_info",
            0.99,
        ),
    ));
    assert_eq!(c.intent(), "product_info");
    // What it is made of is the product's details.
    let c = call(decide(
        &ctx,
        &msg("what is the tee made of?", "product_info", 0.99),
    ));
    assert_eq!(c.intent(), "product_info");
}

#[test]
fn a_swap_for_another_size_is_the_exchange_policy_not_a_question_back() {
    let mut u = msg(
        "if the hoodie doesnt fit can i swap it for another size and do i have to pay for that",
        "return_item",
        0.4,
    );
    u.prediction.top = vec![("return_item".into(), 0.4), ("product_info".into(), 0.35)];
    let route = routing::route(&ctx(), &u);
    assert!(route.settled);
    assert_eq!(route.intent, "return_item");
}

#[test]
fn an_upset_complaint_the_model_leans_to_is_taken_in() {
    let text = "paid 138 for two hoodies and they're already pilling after one wash. really \
                disappointed";
    let mut u = msg(text, "complaint", 0.45);
    u.prediction.top = vec![("complaint".into(), 0.45), ("payment_issue".into(), 0.3)];
    u.upset = true;
    assert_eq!(routing::route(&ctx(), &u).intent, "complaint");
    // Calm, goods that wore badly told are a complaint all the same.
    u.upset = false;
    assert_eq!(routing::route(&ctx(), &u).intent, "complaint");
    // Calm with nothing told of the goods: still asked which is meant.
    let mut u = msg(
        "paid 138 for two hoodies, really disappointed",
        "complaint",
        0.45,
    );
    u.prediction.top = vec![("complaint".into(), 0.45), ("payment_issue".into(), 0.3)];
    assert!(!routing::route(&ctx(), &u).settled);
}

#[test]
fn a_named_products_price_is_the_product_whatever_the_model_read() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let u = msg("算了先不退了，T恤多少钱一件", "track_refund", 0.6);
    assert_eq!(routing::route(&ctx, &u).intent, "product_info");
    // Money back asked for: not a price question.
    let u = msg(
        "how much of the cap's price do I get back as a refund?",
        "get_refund",
        0.6,
    );
    assert_ne!(routing::route(&ctx, &u).intent, "product_info");
}

#[test]
fn an_upset_shopper_quoting_the_delivery_times_is_asked_for_their_order() {
    let text = "wow 'standard shipping 3-5 days' huh. it's been about two weeks. great job guys";
    let mut u = msg(text, "delivery_period", 0.9);
    u.upset = true;
    assert_eq!(routing::route(&ctx(), &u).intent, "track_order");
    // Calm and general: the delivery times.
    let u = msg(
        "how long does standard shipping take?",
        "delivery_period",
        0.9,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "delivery_period");
}

#[test]
fn a_task_no_shop_does_is_no_urgency_however_soon() {
    let report = with_topic(
        msg("你能帮我写一下明天的工作周报吗", "out_of_scope", 0.8),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx(), &report));
    assert_eq!(d.state, Bot, "{}", d.text);
    assert_ne!(d.intent, URGENT);
    // A train ticket or tomorrow's weather: another business's, or nobody's.
    for text in [
        "能帮我订一张明天去北京的高铁票吗",
        "你能帮我查下明天上海的天气吗",
        "can you book me a train to Leeds for tomorrow morning",
    ] {
        let d = reply(decide(
            &ctx(),
            &with_topic(msg(text, "out_of_scope", 0.9), Topic::Urgent),
        ));
        assert_eq!(d.state, Bot, "{text}: {}", d.text);
    }
}

#[test]
fn another_thing_asked_of_the_order_is_not_the_question_before_however_told() {
    let mut shop = ctx();
    shop.conversation.pending_intent = None;
    shop.remembered.order_number = Some("1002".into());
    let u = msg(
        "ok then cancel it. I already gave you everything above",
        "cancel_order",
        0.9,
    );
    let route = crate::engine::routing::route(&shop, &u);
    assert_eq!(route.intent, "cancel_order");
}

#[test]
fn the_delivery_date_of_an_order_given_asked_calmly_is_its_status_not_a_complaint() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1003".into());
    let u = msg(
        "ok never mind. what was the delivery date again on the order I gave you?",
        "complaint",
        0.7,
    );
    let route = routing::route(&ctx, &u);
    assert_eq!(route.intent, "track_order");
    // Upset, it is still a complaint taken in.
    let mut upset = u.clone();
    upset.upset = true;
    upset.text = "what was the delivery date?? this is ridiculous, I want to complain".into();
    assert_ne!(routing::route(&ctx, &upset).intent, "track_order");
}

#[test]
fn what_was_asked_for_given_with_another_question_is_that_question() {
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("track_order".into());
    let u = msg(
        "jane@example.com, and how do I send the cap back?",
        "return_item",
        0.6,
    );
    assert_eq!(routing::route(&ctx, &u).intent, "return_item");
    // The values alone, or with the same question, continue the question asked.
    for (text, intent) in [
        ("jane@example.com", "greeting"),
        ("jane@example.com where is it?", "track_order"),
        ("jane@example.com, what is this??", "out_of_scope"),
    ] {
        let u = msg(text, intent, 0.6);
        assert_eq!(routing::route(&ctx, &u).intent, "track_order", "{text}");
    }
}

#[test]
fn a_question_thanked_for_in_advance_praise_and_a_cancel_told_again_are_what_they_ask() {
    let u = msg(
        "hello! when will order 1001 leave your warehouse? many thanks :)",
        "thanks",
        0.8,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "track_order");
    let u = msg("哈哈 你们回复好快", "complaint", 0.7);
    assert_eq!(routing::route(&ctx(), &u).intent, "thanks");
    let u = msg(
        "I told you twice already, order 1001, cancel it!!",
        "cancel_order",
        0.8,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "cancel_order");
}

#[test]
fn goods_asked_to_be_sent_back_are_a_return_whatever_product_they_name() {
    for text in ["is it too late to send the tee back?", "卫衣能退回去吗"] {
        let u = msg(text, "product_availability", 0.8);
        assert_eq!(routing::route(&ctx(), &u).intent, "return_item", "{text}");
    }
    let u = msg(
        "is the grey hoodie back in stock?",
        "product_availability",
        0.8,
    );
    assert_ne!(routing::route(&ctx(), &u).intent, "return_item");
}

#[test]
fn what_was_paid_asked_again_is_the_orders_total_even_when_it_sounds_upset() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    let mut u = msg(
        "ok and what was the total on that one again",
        "complaint",
        0.7,
    );
    u.upset = true;
    assert_eq!(routing::route(&ctx, &u).intent, "track_order");
}

#[test]
fn a_products_stock_asked_is_that_product_whatever_the_model_read() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let c = call(decide(
        &ctx,
        &msg(
            "actually 算了, 你们 navy cap 还有货吗? want another one",
            "return_item",
            0.6,
        ),
    ));
    assert_eq!(c.intent(), "product_availability");
    // Sending one back is the return.
    let d = decide(
        &ctx,
        &msg(
            "can I send the navy cap back? is that in stock",
            "return_item",
            0.6,
        ),
    );
    assert!(!matches!(d.step, Step::Call(ref c) if c.intent() == "product_availability"));
}

#[test]
fn a_status_asked_again_a_return_asked_calmly_and_another_question_already_told_are_read_as_asked()
{
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    ctx.last_bot = Some(("Standard shipping…".into(), Some("delivery_options".into())));
    let mut u = msg("ok 那我的订单现在什么状态 again?", "complaint", 0.7);
    u.upset = true;
    assert_eq!(call(decide(&ctx, &u)).intent(), "track_order");
    // A return asked calmly, torn with a complaint: the return.
    let mut u = msg("我想退这顶帽子，戴着太紧了，订单1001", "complaint", 0.5);
    u.prediction.top = vec![("complaint".into(), 0.5), ("return_item".into(), 0.3)];
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.intent, "return_item");
    // "I already told you" with another question: that question.
    ctx.last_bot = Some(("Order 1001 has shipped.".into(), Some("track_order".into())));
    let u = msg(
        "那我现在还能退吗？单号和邮箱刚才都给过你了",
        "check_refund_policy",
        0.63,
    );
    assert_eq!(reply(decide(&ctx, &u)).intent, "check_refund_policy");
    // Shipping charged on a small order, told in anger: what delivery costs.
    let u = msg(
        "why 收了我 $5 shipping for a 22 dollar cap?? total rip off",
        "cancel_order",
        0.5,
    );
    assert_eq!(
        reply(decide(&super::tests::ctx(), &u)).intent,
        "delivery_options"
    );
}

#[test]
fn a_named_order_said_to_be_stuck_is_looked_up_not_asked_about() {
    let mut u = msg(
        "单号1001 jane@example.com 物流好几天不动了 什么情况",
        "delivery_period",
        0.69,
    );
    u.prediction.top = vec![
        ("delivery_period".into(), 0.69),
        ("track_order".into(), 0.27),
    ];
    assert_eq!(call(decide(&ctx(), &u)).intent(), "track_order");
}

#[test]
fn a_product_still_out_of_stock_is_its_stock_and_an_address_written_wrong_keeps_the_order() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let mut u = msg(
        "this is ridiculous, the bottle is STILL out of stock, I've been checking for weeks",
        "product_availability",
        0.6,
    );
    u.upset = true;
    assert_eq!(call(decide(&ctx, &u)).intent(), "product_availability");
    // "地址写错了" before the apartment's numbers: the order named stays the one asked about.
    let u = msg(
        "hi, order 1001 地址写错了 the apartment number should be 1203 not 1302",
        "change_shipping_address",
        0.98,
    );
    let d = decide(&super::tests::ctx(), &u);
    let order = match d.step {
        Step::Call(c) => c.order_number,
        Step::Reply(d) => d.pending.order_number,
        other => panic!("{other:?}"),
    };
    assert_eq!(order.as_deref(), Some("1001"));
}

#[test]
fn a_cancellation_asked_for_in_so_many_words_is_the_cancellation_not_its_policy() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    for (text, read) in [
        (
            "right, then cancel it. everything you need is up there in my first message",
            "out_of_scope",
        ),
        (
            "ugh I ordered the water bottle by accident, is it too late to cancel?? my account says processing",
            "delete_account",
        ),
        ("那就取消吧", "check_cancellation_fee"),
    ] {
        let u = msg(text, read, 0.45);
        assert_eq!(routing::route(&ctx, &u).intent, "cancel_order", "{text}");
    }
    // What cancelling costs is the policy's question.
    let u = msg("is there a fee to cancel?", "check_cancellation_fee", 0.45);
    assert_eq!(routing::route(&ctx, &u).intent, "check_cancellation_fee");
}

#[test]
fn feedback_to_pass_on_is_taken_in_as_a_complaint_and_praise_is_not() {
    for (text, read) in [
        (
            "no problem with an order, just telling you it's bad",
            "complaint",
        ),
        (
            "The hoodies themselves are lovely, but three layers of plastic wrap for two sweaters is absurd. I'd like that feedback passed on to someone.",
            "product_info",
        ),
    ] {
        let u = msg(text, read, 0.6);
        assert_eq!(routing::route(&ctx(), &u).intent, "complaint", "{text}");
    }
    let u = msg(
        "just telling you the hoodie is lovely, great job",
        "complaint",
        0.6,
    );
    assert_ne!(routing::route(&ctx(), &u).intent, "complaint");
    // A greeting is no feedback.
    let u = msg("nothing really, just saying hi", "out_of_scope", 0.5);
    assert_ne!(routing::route(&ctx(), &u).intent, "complaint");
}

#[test]
fn a_figure_checked_by_a_shopper_who_sounds_upset_is_a_question_not_a_complaint() {
    let mut u = msg("and it's 69 right?", "product_info", 0.2);
    u.upset = true;
    assert_ne!(routing::route(&ctx(), &u).intent, "complaint");
    let mut u = msg("this bot is useless", "product_info", 0.3);
    u.upset = true;
    assert_eq!(routing::route(&ctx(), &u).intent, "complaint");
}

#[test]
fn tracking_asked_with_a_greeting_is_the_order_asked_for() {
    for text in ["你好 想查下物流", "hi there! can you track my parcel"] {
        let u = msg(text, "greeting", 0.8);
        assert_eq!(routing::route(&ctx(), &u).intent, "track_order", "{text}");
    }
    let u = msg("你好", "greeting", 0.9);
    assert_eq!(routing::route(&ctx(), &u).intent, "greeting");
}

#[test]
fn good_news_thanked_for_with_a_question_about_another_order_is_that_question() {
    let u = msg(
        "ok nice. unrelated, did 1004 actually arrive? sam@example.com",
        "complaint",
        0.6,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "track_order");
}

#[test]
fn money_back_before_it_ships_is_the_cancellation_and_where_is_it_asked_again_is_the_order() {
    let u = msg(
        "changed my mind on the water bottle, can I just get the money back instead of waiting for it to ship",
        "change_order",
        0.4,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "cancel_order");
    let u = msg(
        "说了多少遍了！！1001！！jane@example.com！！到底在哪",
        "out_of_scope",
        0.4,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "track_order");
}
