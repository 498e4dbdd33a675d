//! Decision rows for situations shoppers hate bots for: asked in words the bot had no entry
//! for, a person is still asked for; a bot question is answered honestly whatever its
//! shape; a late order is looked up, not clarified; a new address written with the request
//! is proposed, not asked for again; time pressure is heard only about the shopper's life.

use kefu_intent::Prediction;
use kefu_intent::topics::Topic;
use kefu_protocol::Card;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{call, ctx, msg, reply, says, with_topic};
use super::*;
use crate::engine::decision::Pending;
use crate::engine::replies::Line;

#[test]
fn asking_for_someone_without_saying_human_hands_off() {
    for text in [
        "is there anyone from customer service I can chat with?",
        "I'd rather have a person sort this out",
        "帮我转接客服吧",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "contact_customer_service", 0.8)));
        says(&d, Line::HandoffRequested);
        assert_eq!(d.state, WaitingForHuman, "{text}");
    }
}

#[test]
fn a_bot_question_in_any_shape_is_answered_not_queued() {
    for text in [
        "you're a bot, right?",
        "hello. be honest, is there a human typing these replies",
        "are you a 机器人 or 真人?",
        "请问我现在是在跟真人聊天吗？",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "contact_human_agent", 0.7)));
        says(&d, Line::BotDisclosure);
        assert_eq!(d.state, Bot, "{text}");
    }
}

#[test]
fn closing_an_account_no_plugin_serves_is_a_data_protection_handoff() {
    let d = reply(decide(
        &ctx(),
        &msg("close my account and wipe it", "delete_account", 0.95),
    ));
    says(&d, Line::PolicyHandoff);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: data protection request")
    );
    // Deleting something from the cart is no account closed, whatever the model read.
    for text in [
        "delete the cap from my cart",
        "把购物车里的水杯删掉",
        "how do I delete my saved card from my account",
        // Nothing removed or closed at all: an account task read as closing it.
        "怎么绑定支付宝到账号",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "delete_account", 0.95)));
        assert_eq!(d.state, Bot, "{text}");
        assert!(d.handoff_reason.is_none(), "{text}");
    }
    // Read as closing the account but unsure, with nothing else heard: no handoff.
    let lost = "can you help me find my order, i lost the confirmation email";
    let d = reply(decide(&ctx(), &msg(lost, "delete_account", 0.4)));
    assert!(d.handoff_reason.is_none(), "{:?}", d.handoff_reason);
    // Unsure, but the topic model leans towards data protection too: two weak signs.
    let mut wipe = msg("wipe my account pls", "delete_account", 0.6);
    wipe.topic = None;
    wipe.leaning = Some((kefu_intent::topics::Topic::DataProtection, 0.45));
    assert_eq!(
        reply(decide(&ctx(), &wipe)).handoff_reason.as_deref(),
        Some("policy: data protection request")
    );
}

#[test]
fn a_late_order_is_looked_up_and_its_number_asked_for_not_clarified() {
    let mut u = msg("so my package is late", "track_order", 0.55);
    u.prediction.top = vec![("track_order".into(), 0.55), ("complaint".into(), 0.3)];
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending_intent.as_deref(), Some("track_order"));
    // "催单" with the order named: its status, whatever the model made of it.
    let c = call(decide(&ctx(), &msg("催单 1001", "return_item", 0.5)));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn an_order_number_sent_instead_of_a_choice_continues_the_choice_that_takes_one() {
    let mut ctx = ctx();
    ctx.pending = Pending {
        clarify: vec!["delivery_period".into(), "track_order".into()],
        ..Pending::default()
    };
    let c = call(decide(&ctx, &msg("order 1001", "track_order", 0.9)));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn an_address_corrected_is_no_parcel_gone_astray_however_weakly_heard() {
    use kefu_intent::topics::Topic;
    let text = "I typed the wrong district for order 1002, it says 黄浦区 but it should be 徐汇区";
    let mut u = msg(text, "change_shipping_address", 0.73);
    u.topic = Some((Topic::NotReceived, 0.52));
    let plan = decide(&ctx(), &u);
    let intent = match &plan.step {
        Step::Call(c) => c.intent().to_string(),
        Step::Reply(d) => d.intent.clone(),
        _ => String::new(),
    };
    assert_eq!(intent, "change_shipping_address", "{plan:?}");
    // Heard strongly, it is the claim.
    u.topic = Some((Topic::NotReceived, 0.95));
    assert_eq!(reply(decide(&ctx(), &u)).intent, "report_not_received");
}

#[test]
fn goods_that_turned_up_an_order_not_yet_shipped_and_a_price_checked_are_no_claim_or_urgency() {
    use kefu_intent::topics::Topic;
    let intent_of = |plan: &Plan| match &plan.step {
        Step::Call(c) => c.intent().to_string(),
        Step::Reply(d) => d.intent.clone(),
        _ => String::new(),
    };
    // Found after all, however surely the topic model hears a parcel not received.
    let mut u = msg(
        "oh wait it says delivered on the 20th? found them in the garage lol, cheers",
        "change_shipping_address",
        0.25,
    );
    u.topic = Some((Topic::NotReceived, 0.94));
    assert_ne!(intent_of(&decide(&ctx(), &u)), "report_not_received");
    let mut u = msg(
        "oh wait, if it already got delivered then never mind, i'll check with the front desk",
        "track_order",
        0.6,
    );
    u.topic = Some((Topic::NotReceived, 0.9));
    assert_ne!(intent_of(&decide(&ctx(), &u)), "report_not_received");
    // Still missing a part after it turned up: the claim.
    let mut u = msg(
        "found the box in the garage but the cap isn't in it, order 1003",
        "report_missing_item",
        0.6,
    );
    u.topic = Some((Topic::MissingItem, 0.9));
    assert_eq!(intent_of(&decide(&ctx(), &u)), "report_missing_item");
    // Not shipped yet, a wrong item weakly heard: the order's status.
    let mut u = msg(
        "我是1002的买家 li.wei@example.com 水杯还没发货对吧",
        "track_order",
        0.97,
    );
    u.topic = Some((Topic::WrongItem, 0.52));
    assert_eq!(intent_of(&decide(&ctx(), &u)), "track_order");
    // A price checked in a few words, urgency weakly heard: no urgency.
    let mut u = msg("and it's 69 right?", "product_info", 0.2);
    u.topic = Some((Topic::Urgent, 0.62));
    assert_ne!(intent_of(&decide(&ctx(), &u)), "urgent_request");
    // A few words with a moment they are needed by stay urgent.
    let mut u = msg("need it by friday!!", "delivery_period", 0.4);
    u.topic = Some((Topic::Urgent, 0.62));
    assert_eq!(intent_of(&decide(&ctx(), &u)), "urgent_request");
}

#[test]
fn a_new_address_written_with_the_request_is_sent_to_the_plugin() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = Understanding::new(
        "can order 1001 go to 88 Century Avenue, Pudong 2000 instead? jane@example.com",
        Prediction {
            intent: "change_shipping_address".into(),
            confidence: 0.6,
            top: vec![
                ("change_shipping_address".into(), 0.6),
                ("complaint".into(), 0.2),
            ],
        },
        "en",
    );
    let c = call(decide(&ctx, &u));
    assert_eq!(c.intent(), "change_shipping_address");
    let slots = &c.request.slots;
    assert!(slots.contains(&("order-number".into(), "1001".into())));
    assert!(
        slots.contains(&("address".into(), "88 Century Avenue, Pudong 2000".into())),
        "{slots:?}"
    );
    // Asked for the email first, the address written earlier is not asked for again.
    let mut ctx = super::tests::ctx();
    ctx.conversation.pending_intent = Some("change_shipping_address".into());
    ctx.pending.order_number = Some("1001".into());
    ctx.remembered.address = Some("88 Century Avenue, Pudong".into());
    let c = call(decide(&ctx, &msg("jane@example.com", "greeting", 0.5)));
    assert!(
        c.request
            .slots
            .contains(&("address".into(), "88 Century Avenue, Pudong".into()))
    );
}

#[test]
fn time_pressure_is_heard_about_the_shoppers_life_not_the_weather() {
    let weather = with_topic(
        msg(
            "What is the weather of tomorrow in Beijing please?",
            "out_of_scope",
            0.99,
        ),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx(), &weather));
    assert_eq!(d.state, Bot);
    says(&d, Line::OutOfScope);
    let hospital = with_topic(
        msg(
            "I'm going into hospital tomorrow for a week",
            "out_of_scope",
            0.9,
        ),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx(), &hospital));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(d.intent, URGENT);
    // Express shipping asked for an order, with no moment named: no urgency queued.
    let express = with_topic(
        msg("订单1002能加急吗？", "delivery_options", 0.6),
        Topic::Urgent,
    );
    let plan = decide(&ctx(), &express);
    assert!(
        !matches!(&plan.step, Step::Reply(d) if d.intent == URGENT),
        "{plan:?}"
    );
}

#[test]
fn an_emergency_at_home_with_an_order_to_change_is_urgent_without_a_date() {
    for text in [
        "家里出了急事，今晚就得走，订单1002的地址要改",
        "family emergency, I have to leave town, can you change where order 1002 goes",
        "my mum's in hospital and I need to cancel everything and get my money back asap, I can't deal with this right now. order 1001",
    ] {
        let mut u = msg(text, "out_of_scope", 0.6);
        // However little the topic model heard.
        u.topic = None;
        let d = reply(decide(&ctx(), &u));
        assert_eq!(
            (d.state, d.intent.as_str()),
            (WaitingForHuman, URGENT),
            "{text}"
        );
    }
    // An emergency that is not the shopper's situation is no reason to queue anyone.
    let mut u = msg("what counts as an emergency exit?", "out_of_scope", 0.9);
    u.topic = None;
    assert_eq!(reply(decide(&ctx(), &u)).state, Bot);
}

/// `text`, which the model is torn about: `first` at `p1`, `second` at `p2`.
pub(super) fn torn(
    text: &str,
    (first, p1): (&str, f32),
    (second, p2): (&str, f32),
) -> Understanding {
    let mut u = msg(text, first, p1);
    u.prediction.top = vec![(first.into(), p1), (second.into(), p2)];
    u.leaning = None;
    u.topic = None;
    u
}

#[test]
fn a_message_leaning_to_a_sensitive_topic_goes_to_a_person_when_the_bot_has_no_answer() {
    // Torn between a complaint and a sign-up problem: the bot would ask which one is meant.
    let text = "something's off with my account, theres an order in there that looks weird";
    let u = torn(text, ("complaint", 0.29), ("registration_problems", 0.19));
    says(&reply(decide(&ctx(), &u)), Line::Clarify);
    let leaning = Understanding {
        leaning: Some((Topic::AccountTakeover, 0.45)),
        ..u
    };
    let d = reply(decide(&ctx(), &leaning));
    says(&d, Line::PolicyHandoff);
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: account security")
    );
    // "I can't handle that yet" is no answer either.
    let mut reset = msg("密码被重置了可我没操作过", "recover_password", 0.98);
    reset.topic = None;
    reset.leaning = Some((Topic::AccountTakeover, 0.42));
    says(&reply(decide(&ctx(), &reset)), Line::PolicyHandoff);
    reset.leaning = None;
    says(&reply(decide(&ctx(), &reset)), Line::CannotHandleYet);
    // An answer the bot has is given: leaning alone is not a reason to queue the shopper.
    let mut policy = msg("what is your return policy", "check_refund_policy", 0.95);
    policy.leaning = Some((Topic::Fraud, 0.45));
    let d = reply(decide(&ctx(), &policy));
    assert_eq!(d.state, Bot);
    assert_eq!(d.text, "Returns are free within 30 days.");
}

#[test]
fn a_charge_the_shopper_disowns_is_fraud_whatever_the_topic_model_heard() {
    // The topic model hears a missing item in "the second charge isn't mine"; the shape of
    // the sentence (a charge, not theirs) is fraud.
    let u = with_topic(
        msg(
            "the second charge isn't mine, I only paid once",
            "payment_issue",
            0.91,
        ),
        Topic::MissingItem,
    );
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::PolicyHandoff);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: fraud or a charge the shopper does not recognise")
    );
    // A stolen card is fraud too, not a chargeback.
    let d = reply(decide(
        &ctx(),
        &msg("有人盗刷我的卡在你们这下单！！", "complaint", 0.92),
    ));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: fraud or a charge the shopper does not recognise")
    );
}

#[test]
fn torn_between_acting_on_a_named_order_and_something_else_the_order_is_meant() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    // A refund or a return (no plugin takes returns), order and email given: the refund.
    let u = torn(
        "1001号订单申请退款，都不想要了，邮箱jane@example.com",
        ("get_refund", 0.55),
        ("return_item", 0.37),
    );
    assert_eq!(call(decide(&ctx, &u)).intent(), "get_refund");
    // The refund policy or a refund, about the order named earlier: the refund.
    ctx.remembered.order_number = Some("1001".into());
    let u = torn(
        "ok and can I get a refund on it?",
        ("check_refund_policy", 0.5),
        ("get_refund", 0.3),
    );
    assert_eq!(call(decide(&ctx, &u)).intent(), "get_refund");
    // No order named: the bot still asks which one is meant.
    let u = torn(
        "can I get a refund?",
        ("check_refund_policy", 0.5),
        ("get_refund", 0.3),
    );
    says(&reply(decide(&super::tests::ctx(), &u)), Line::Clarify);
}

#[test]
fn a_chinese_order_number_sent_instead_of_a_choice_continues_the_choice_that_takes_one() {
    let mut ctx = ctx();
    ctx.pending = Pending {
        clarify: vec!["track_order".into(), "delivery_period".into()],
        ..Pending::default()
    };
    for text in [
        "订单号是1001",
        "我的订单号是1001",
        "The order number is 1001 and my email address is jane@example.com. Thank you.",
        "订单号是1001，邮箱地址是jane@example.com，谢谢",
    ] {
        let c = call(decide(&ctx, &msg(text, "change_order", 0.4)));
        assert_eq!(c.intent(), "track_order", "{text}");
    }
}

#[test]
fn a_late_order_without_a_deadline_is_looked_up_not_queued_as_urgent() {
    let late = with_topic(
        msg(
            "order #1001 still hasn't turned up and the estimated date was last week. any update?",
            "track_order",
            0.92,
        ),
        Topic::Urgent,
    );
    let c = call(decide(&ctx(), &late));
    assert_eq!(c.intent(), "track_order");
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    // A moment it is needed by makes the same lateness urgent.
    let flight = with_topic(
        msg(
            "my flight is friday morning and order 1001 still hasn't arrived",
            "track_order",
            0.92,
        ),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx(), &flight));
    assert_eq!(d.intent, URGENT);
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn a_price_or_shipped_yet_question_is_no_claim_whatever_topic_was_heard() {
    let mut shop = ctx();
    shop.names_product = true;
    let price = with_topic(
        msg("有机棉T恤多少钱一件", "out_of_scope", 0.57),
        Topic::MissingItem,
    );
    let c = call(decide(&shop, &price));
    assert_eq!(c.intent(), "product_info");
    let shipped = with_topic(
        msg("我就想知道1001发货了没有", "track_order", 0.6),
        Topic::MissingItem,
    );
    let c = call(decide(&ctx(), &shipped));
    assert_eq!(c.intent(), "track_order");
    // Goods in hand said to be missing stay a claim.
    let missing = with_topic(
        msg("order 1001 came but the cap is missing", "track_order", 0.6),
        Topic::MissingItem,
    );
    let d = reply(decide(&ctx(), &missing));
    assert_eq!(d.intent, "report_missing_item");
}

#[test]
fn a_product_question_with_late_inside_a_word_is_about_the_product() {
    let mut shop = ctx();
    shop.names_product = true;
    let u = msg(
        "does ur insulated bottle actually keep coffee hot? for how long",
        "out_of_scope",
        0.58,
    );
    let c = call(decide(&shop, &u));
    assert_eq!(c.intent(), "product_info");
}

#[test]
fn an_order_status_asked_for_again_is_given_again_with_a_person_offered() {
    let status = kefu_protocol::Card::OrderStatus {
        order_id: "1001".into(),
        status: "shipped".into(),
        status_label: "shipped".into(),
        carrier: None,
        tracking_number: None,
        eta: None,
    };
    let mut ctx = ctx();
    ctx.last_bot = Some(("Order 1001 has shipped.".into(), Some("track_order".into())));
    let u = msg("where is it?", "track_order", 0.95);
    let d = finish(
        &ctx,
        &u,
        answer_with(
            "track_order",
            "Order 1001 has shipped.".into(),
            vec![status],
        ),
    );
    assert!(d.text.starts_with("Order 1001 has shipped. "), "{}", d.text);
    assert!(
        d.text.ends_with(crate::engine::replies::text(
            Line::FrustrationOffer,
            kefu_protocol::Lang::En
        )),
        "{}",
        d.text
    );
    assert!(matches!(d.cards[0], Card::OrderStatus { .. }));
    // The same words without the facts are a loop: a person is offered instead.
    let d = finish(
        &ctx,
        &u,
        answer_with("track_order", "Order 1001 has shipped.".into(), vec![]),
    );
    says(&d, Line::OfferHuman);
}

#[test]
fn torn_between_two_questions_the_faq_answers_the_entry_matched_is_the_answer() {
    let shop = super::tests::shop_with_faq(&[
        (
            "How long does delivery take?",
            "Standard delivery takes 3-5 business days.",
            "delivery_period",
        ),
        (
            "What shipping options do you offer?",
            "Express (1-2 business days) is $15.",
            "delivery_options",
        ),
    ]);
    let u = torn(
        "how long does delivery take to canada",
        ("delivery_period", 0.45),
        ("delivery_options", 0.4),
    );
    let d = reply(decide(&shop, &u));
    assert_eq!(d.text, "Standard delivery takes 3-5 business days.");
    // Without an entry for either, the shopper is asked which they mean.
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.intent, "clarify");
}

#[test]
fn a_products_name_alone_is_no_claim() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let u = with_topic(msg("bottle", "out_of_scope", 0.5), Topic::Damaged);
    let plan = decide(&ctx, &u);
    let claim = |plan: &crate::engine::plan::Plan| matches!(&plan.step, crate::engine::plan::Step::Reply(d) if d.intent == "report_damaged");
    assert!(!claim(&plan), "{plan:?}");
    // Said with what went wrong, it is one.
    let u = with_topic(msg("bottle dented", "out_of_scope", 0.5), Topic::Damaged);
    assert!(claim(&decide(&ctx, &u)));
}

#[test]
fn the_email_asked_again_after_a_confirmation_is_asked_in_other_words_once() {
    use crate::engine::decision::say;
    use crate::engine::replies::text;
    use kefu_protocol::Lang;
    // "亲 1002帮我取消一下" → the email asked for → "嗯 确定取消": the question was taken for a
    // confirmation. Asked once more, why and with a person offered; the request still waits.
    let mut shop = ctx();
    shop.last_bot = Some((
        text(Line::AskOrderEmail, Lang::Zh).into(),
        Some("cancel_order".into()),
    ));
    let u = msg("嗯 确定取消", "cancel_order", 0.8);
    let mut asked = say("cancel_order", Line::AskOrderEmail, Lang::Zh, Bot);
    asked.pending_intent = Some("cancel_order".into());
    let d = finish(&shop, &u, asked.clone());
    says(&d, Line::EmailStillNeeded);
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"));
    assert_eq!(d.state, Bot);
    // Asked that way already, and still no email: a person is offered, not a third ask.
    shop.last_bot = Some((
        text(Line::EmailStillNeeded, Lang::Zh).into(),
        Some("cancel_order".into()),
    ));
    says(&finish(&shop, &u, asked), Line::OfferHuman);
}

#[test]
fn the_email_asked_about_is_explained_once_refused_a_person_takes_the_request() {
    use crate::engine::replies::text;
    use kefu_protocol::Lang;
    // "id like a refund for #1001 please" → the email asked for.
    let mut shop = ctx();
    let d = reply(decide(
        &shop,
        &msg(
            "id like a refund for #1001 please, 22 dollars",
            "get_refund",
            0.9,
        ),
    ));
    says(&d, Line::AskOrderEmail);
    shop.conversation.pending_intent = d.pending_intent.clone();
    shop.pending = d.pending.clone();
    shop.last_bot = Some((d.text.clone(), Some(d.intent.clone())));
    // Refused: a person takes the refund at once, with the order and why.
    for said in [
        "nah not giving my email to a chatbot. you've got the order number, use that",
        "邮箱不方便给，你直接帮我改不就行了",
        // Refused and asked why in one: refused.
        "邮箱不想给，取消个订单为什么还要邮箱？",
    ] {
        let d = reply(decide(&shop, &msg(said, "complaint", 0.5)));
        says(&d, Line::EmailDeclinedHandoff);
        assert_eq!(d.state, WaitingForHuman, "{said}");
    }
    // Asked why: why it is needed, a person offered, the refund still waiting for it.
    let u = msg("why do you need my email for that?", "complaint", 0.5);
    let d = reply(decide(&shop, &u));
    says(&d, Line::EmailStillNeeded);
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
    assert_eq!(d.pending.order_number.as_deref(), Some("1001"));
    assert_eq!(d.state, Bot);
    // Declined again: a person takes the refund, with the order and why.
    shop.last_bot = Some((
        text(Line::EmailStillNeeded, Lang::En).into(),
        Some("get_refund".into()),
    ));
    for text in [
        "still no",
        "no. not giving that out in a chat. just process it",
    ] {
        let d = reply(decide(&shop, &msg(text, "complaint", 0.5)));
        assert_eq!(d.state, WaitingForHuman, "{text}");
        let reason = d.handoff_reason.unwrap();
        assert!(
            reason.contains("order 1001") && reason.contains("email"),
            "{reason}"
        );
    }
    // Not knowing which email it was, before any explanation: a person at once.
    shop.last_bot = Some((
        text(Line::AskOrderEmail, Lang::En).into(),
        Some("get_refund".into()),
    ));
    let u = msg(
        "no idea which email I used tbh, I have like four",
        "out_of_scope",
        0.4,
    );
    let d = reply(decide(&shop, &u));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.handoff_reason
            .unwrap()
            .contains("does not know or cannot reach the email")
    );
    // The email given after all completes the request as usual.
    let u = msg("fine. jane@example.com", "get_refund", 0.5);
    let plan = decide(&shop, &u);
    assert!(matches!(plan.step, Step::Call(_)), "{plan:?}");
}

#[test]
fn an_address_written_wrong_or_a_purchase_backed_out_of_is_that_task() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "wrong street on order 1002 — I put Elm St but I'm on Elm Ave. can u fix",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    assert_eq!(d.pending_intent.as_deref(), Some("change_shipping_address"));
    // Goods taken to a wrong address are no address to change.
    let d = decide(
        &ctx(),
        &msg(
            "the courier delivered order 1003 to the wrong address, can u fix",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    );
    assert_ne!(super::tests::intent_of(d), "change_shipping_address");
    let d = reply(decide(
        &ctx(),
        &msg(
            "ugh changed my mind about that water bottle, can i still back out?",
            "product_info",
            0.6,
        ),
    ));
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"));
    // A new address in pinyin is an address.
    assert!(
        super::address::new_address("xin dizhi: Shanghai Pudong Zhangjiang lu 200 hao 5 lou 502")
            .is_some()
    );
}

#[test]
fn an_address_change_asked_with_where_the_shopper_will_be_keeps_its_order_number() {
    // "my parents' place" is no address written with the request, so "1002" is the order.
    let d = reply(decide(
        &ctx(),
        &msg(
            "need to change the delivery address on 1002, I'll be at my parents' place till xmas",
            "change_shipping_address",
            0.9,
        ),
    ));
    assert_eq!(d.pending_intent.as_deref(), Some("change_shipping_address"));
    assert!(!d.text.contains("order number"), "{}", d.text);
    assert_eq!(
        d.pending.order_number.as_deref(),
        Some("1002"),
        "{}",
        d.text
    );
}
