//! Decision rows for more things shoppers say in their own words: a colleague asked to get
//! back to them, all of an order wanted back with "都要退", a charge seen twice on a
//! statement, the email an order was bought with, a weak urgency with no pressure told, a
//! bereavement, surgery, illness, a fire or a flight at home the person head names as something else, policy
//! topics in new words, and the order a card was proposed on pointed at.

use kefu_protocol::ConversationState::WaitingForHuman;

use super::tests::{ctx, intent_of as intent, msg, reply};
use super::*;

#[test]
fn a_colleague_asked_to_get_back_is_a_person() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "I'd like one of your colleagues to get back to me please, it's about a bulk order of tees for my team of 40",
            "place_order",
            0.5,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn all_of_an_order_wanted_back_is_a_refund_not_a_cancellation() {
    let plan = decide(
        &ctx(),
        &msg(
            "1004号订单两件卫衣都要退 太大了穿不了",
            "change_order",
            0.31,
        ),
    );
    assert_eq!(intent(plan), "get_refund");
}

#[test]
fn a_charge_seen_twice_on_a_statement_is_a_billing_error() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "Hi quick q, I see 98.00 twice on my statement but I only placed one order (1001)",
            "payment_issue",
            0.4,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("billing error")),
        "{:?}",
        d.handoff_reason
    );
}

#[test]
fn the_email_an_order_was_bought_with_is_no_fraud() {
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("track_order".into());
    let plan = decide(
        &shop,
        &msg(
            "Order no. 1003, and it was bought with carlos@example.com",
            "cancel_order",
            0.8,
        ),
    );
    assert_eq!(intent(plan), "track_order");
}

#[test]
fn a_weak_urgency_with_no_pressure_told_is_not_urgent() {
    for (text, model) in [
        (
            "it's for work, I need our company name and VAT number on it",
            kefu_intent::OUT_OF_SCOPE,
        ),
        (
            "it's for 1004 if that matters. do I need to do anything else after that",
            "newsletter_subscription",
        ),
    ] {
        let plan = decide(&ctx(), &msg(text, model, 0.2));
        if let Step::Reply(d) = &plan.step {
            assert_ne!(d.state, WaitingForHuman, "{text}: {:?}", d.handoff_reason);
        }
    }
}

#[test]
fn an_emergency_at_home_the_person_head_names_otherwise_is_urgent() {
    for text in [
        "家里老人刚走 我这几天在处理后事 之前下的1001那个单子麻烦你们尽快帮我处理掉 我实在没精力管",
        "拜托了 那件卫衣是给我爸的 他下周要做手术 想让他穿着去医院 订单1001一直没到",
        "家里着火了 现在住亲戚家 1001的包裹千万别送到原来的地址 急",
        "our building had a fire last night and we're in a hotel now. order 1001 is supposed to be delivered there",
        "hi. our flat caught fire last night, everyone's ok, but order 1002 is supposed to ship there and I've no idea where we'll be living",
        "我妈住院了 我这段时间都在医院陪床 家里一直没人",
        "我妈病了 我明天就得去外地照顾她 估计要待一个月",
        "急 我现在人在机场 护照落在退回去的那件卫衣口袋里了!! 订单1004",
    ] {
        let d = reply(decide(&ctx(), &msg(text, kefu_intent::OUT_OF_SCOPE, 0.4)));
        assert_eq!(d.state, WaitingForHuman, "{text}");
        assert!(
            d.handoff_reason
                .as_deref()
                .is_some_and(|r| r.starts_with("urgent: time-critical for the shopper")),
            "{text}: {:?}",
            d.handoff_reason
        );
    }
}

#[test]
fn policy_topics_in_the_shoppers_own_words_name_their_reason() {
    use crate::engine::policy::{PolicyTopic, topic};
    for (text, want) in [
        (
            "我想知道你们手里有我哪些东西 地址电话什么的 全部导出来给我看看",
            PolicyTopic::DataProtection,
        ),
        (
            "已经咨询过律师了 你们这是虚假宣传 说满50包邮结果还收我运费",
            PolicyTopic::Legal,
        ),
        (
            "hey, so, weird. there's stuff in my order history I never bought and the saved card is one I don't own",
            PolicyTopic::AccountSecurity,
        ),
        (
            "hey can you check where 1004 is? also weird thing, since this morning my account shows a different name and phone number and I didn't touch it",
            PolicyTopic::AccountSecurity,
        ),
        (
            "lol weird, just got an order confirmation for a hoodie going to some address in Ohio. from my own profile",
            PolicyTopic::AccountSecurity,
        ),
        (
            "weird question, why does my order history have stuff I never ordered, and my saved address is somewhere in Ohio now??",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn the_order_a_card_was_proposed_on_pointed_at_keeps_the_card() {
    let mut shop = ctx();
    shop.pending.action = Some("a1".into());
    shop.trust.latest_card_action = Some("a1".into());
    let d = reply(decide(&shop, &msg("对 就是刚才那单", "complaint", 0.43)));
    assert_ne!(d.state, WaitingForHuman);
    assert!(d.pending.action.is_some());
}

#[test]
fn an_order_number_after_the_delivery_times_is_its_whereabouts() {
    let mut shop = ctx();
    shop.last_bot = Some((
        "订单1个工作日内发货，发货后标准配送3-5个工作日送达。".into(),
        Some("delivery_period".into()),
    ));
    let plan = decide(
        &shop,
        &msg("订单号 1002，邮箱 li.wei@example.com", "return_item", 0.4),
    );
    assert_eq!(intent(plan), "track_order");
}

#[test]
fn the_order_named_by_its_goods_asks_the_email_to_find_it() {
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("cancel_order".into());
    shop.names_product = true;
    let d = reply(decide(
        &shop,
        &msg("the water bottle one", "product_info", 0.5),
    ));
    assert_eq!(
        d.line,
        Some(crate::engine::replies::Line::AskEmailToFindOrder)
    );
}

#[test]
fn the_goods_named_while_the_order_number_is_asked_keep_the_request() {
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("get_refund".into());
    shop.names_product = true;
    let plan = decide(&shop, &msg("for the water bottle", "product_info", 0.41));
    assert_eq!(intent(plan), "get_refund");
    // A question about it is the product's.
    let plan = decide(
        &shop,
        &msg("is the water bottle dishwasher safe?", "product_info", 0.8),
    );
    assert_eq!(intent(plan), "product_info");
}

/// The demo shop with claim `intent` on `order` waiting for its email.
fn claim_waiting_for_the_email(intent: &str, order: &str) -> TurnContext {
    use crate::plugins::manifest::Need;
    let mut shop = ctx();
    shop.served.insert(
        intent.into(),
        super::tests::served("refunds", &[Need::Slot("order-number".into()), Need::Owner]),
    );
    shop.conversation.pending_intent = Some(intent.into());
    shop.pending.order_number = Some(order.into());
    shop
}

#[test]
fn the_email_refused_for_a_claim_takes_it_to_a_person() {
    let shop = claim_waiting_for_the_email("report_not_received", "1004");
    let d = reply(decide(
        &shop,
        &msg("邮箱就不给了吧 订单号还不够吗", "complaint", 0.5),
    ));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn other_goods_asked_with_a_claims_email_go_to_a_person() {
    let shop = claim_waiting_for_the_email("report_wrong_item", "1003");
    let d = reply(decide(
        &shop,
        &msg("carlos@example.com 帮我换成对的颜色吧", "change_order", 0.5),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("exchange") && r.contains("carlos@example.com")),
        "{:?}",
        d.handoff_reason
    );
    // The email alone goes on with the claim.
    let plan = decide(&shop, &msg("carlos@example.com", "greeting", 0.5));
    assert_eq!(intent(plan), "report_wrong_item");
}

#[test]
fn a_refund_turned_down_with_a_stock_question_answers_the_question() {
    let mut shop = ctx();
    shop.pending.action = Some("a1".into());
    shop.trust.latest_card_action = Some("a1".into());
    let plan = decide(
        &shop,
        &msg(
            "等等 先不退了 我想再买一顶一样的 还有货吗",
            "product_availability",
            0.6,
        ),
    );
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"));
    assert_eq!(intent(plan), "product_availability");
}

#[test]
fn a_calm_question_weakly_read_as_a_person_wanted_is_answered() {
    for (text, p) in [
        ("哈哈没事 就问问你们双十二有活动吗", 0.53),
        (
            "Is there a way to get it made out to the company rather than to me personally?",
            0.36,
        ),
    ] {
        let plan = decide(&ctx(), &msg(text, "contact_human_agent", p));
        if let Step::Reply(d) = &plan.step {
            assert_ne!(d.state, WaitingForHuman, "{text}");
        }
    }
    // Someone named stays a request.
    let d = reply(decide(
        &ctx(),
        &msg(
            "is there someone I could ask about bulk pricing?",
            "contact_human_agent",
            0.5,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn a_delivery_double_checked_and_the_carrier_asked_are_the_status() {
    use crate::engine::replies::{Lang, Line, text};
    let shop = |said: Line| {
        let mut shop = ctx();
        shop.remembered.order_number = Some("1001".into());
        shop.remembered.email = Some("jane@example.com".into());
        shop.conversation.verified_email = Some("jane@example.com".into());
        shop.last_bot = Some((text(said, Lang::En).into(), Some("track_order".into())));
        shop
    };
    for (said, model) in [
        (
            "所以已经送到了? my app says delivered too, just double checking 哈",
            "track_order",
        ),
        ("was that UPS or USPS", "complaint"),
    ] {
        let plan = decide(&shop(Line::AskOrderNumber), &msg(said, model, 0.5));
        assert_eq!(intent(plan), "track_order", "{said}");
    }
}

#[test]
fn the_truth_pressed_for_after_the_bot_said_what_it_is_is_told_again() {
    use crate::engine::replies::{Lang, Line, text};
    let mut told = ctx();
    told.last_bot = Some((
        text(Line::BotDisclosure, Lang::Zh).into(),
        Some("bot_identity".into()),
    ));
    let d = reply(decide(
        &told,
        &msg("说实话嘛 我不会生气的哈哈", "complaint", 0.5),
    ));
    assert_eq!(d.intent, "bot_identity");
    assert_ne!(d.state, WaitingForHuman);
}

#[test]
fn called_a_program_while_a_person_is_awaited_it_says_what_it_is() {
    let mut waiting = ctx();
    waiting.conversation.state = WaitingForHuman;
    waiting.live = false;
    let d = reply(decide(
        &waiting,
        &msg(
            "Right, so you're a program. Is there anyone with a pulse around? I'd like to talk to them",
            "contact_human_agent",
            0.9,
        ),
    ));
    assert_eq!(d.intent, "bot_identity");
}

#[test]
fn a_product_question_read_as_a_greeting_is_the_products() {
    let mut shop = ctx();
    shop.names_product = true;
    let plan = decide(&shop, &msg("哈哈好吧 那你们卫衣保暖吗", "greeting", 0.6));
    assert_eq!(intent(plan), "product_info");
}

#[test]
fn how_long_refunds_take_after_goods_sent_back_is_the_refund_times() {
    let plan = decide(
        &ctx(),
        &msg(
            "I sent the cap from order 1003 back last week and the charge is still showing on my card. how long do refunds normally take to come through?",
            "track_refund",
            0.5,
        ),
    );
    assert_eq!(intent(plan), "check_refund_policy");
    assert!(crate::engine::return_words::says_sent_back(
        "I sent the cap from order 1003 back last week"
    ));
    assert!(!crate::engine::return_words::says_sent_back(
        "you sent the wrong one, I want my money back"
    ));
    assert!(!crate::engine::return_words::says_sent_back(
        "sent me an email saying to come back tomorrow"
    ));
}

#[test]
fn a_letter_to_a_landlord_is_out_of_scope_not_harassment() {
    let plan = decide(
        &ctx(),
        &msg(
            "can you help me write a letter to my landlord? he's threatening to keep my whole deposit",
            kefu_intent::OUT_OF_SCOPE,
            1.0,
        ),
    );
    let d = reply(plan);
    assert_ne!(d.state, WaitingForHuman);
    // Threatened themselves, they reach a person.
    let d = reply(decide(
        &ctx(),
        &msg(
            "my landlord is threatening me and I'm scared, can my parcel go elsewhere",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn the_old_address_kept_and_the_order_cancelled_instead_is_the_cancellation() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    let plan = decide(
        &shop,
        &msg(
            "Hmm actually keep the old address, sorry. Cancel the whole thing instead.",
            "change_shipping_address",
            0.8,
        ),
    );
    assert_eq!(intent(plan), "cancel_order");
}

#[test]
fn a_remark_with_a_question_after_it_is_the_question() {
    use crate::engine::replies::{Lang, Line, text};
    let mut told = ctx();
    told.last_bot = Some((
        text(Line::BotDisclosure, Lang::En).into(),
        Some("bot_identity".into()),
    ));
    let plan = decide(
        &told,
        &msg(
            "lol ok fine, a bot's fine. how long does express take",
            kefu_intent::OUT_OF_SCOPE,
            0.49,
        ),
    );
    assert_ne!(intent(plan), "thanks");
}

#[test]
fn the_own_words_look_alikes_keep_their_meaning() {
    use crate::engine::policy::{PolicyTopic, topic};
    // The email looked for, not refused.
    let mut waiting = ctx();
    waiting.conversation.pending_intent = Some("cancel_order".into());
    waiting.pending.order_number = Some("1001".into());
    for said in ["hang on, let me check my inbox", "稍等 我找一下邮箱"] {
        let d = reply(decide(&waiting, &msg(said, kefu_intent::OUT_OF_SCOPE, 0.5)));
        assert_ne!(d.state, WaitingForHuman, "{said}");
    }
    // Twice and seeing, of something other than a charge; an export for an expense claim.
    for text in [
        "I paid by card for order 1002 a week ago, I've messaged twice and still can't see any tracking",
        "能把订单记录导出来给我吗 报销用",
    ] {
        assert!(
            !matches!(
                topic(text),
                Some(PolicyTopic::BillingError | PolicyTopic::DataProtection)
            ),
            "{text}"
        );
    }
    assert!(!crate::engine::urgency_cues::speaks_of_an_emergency(
        "we had a fire drill at work and I missed the UPS guy, can 1002 be redelivered?"
    ));
    assert!(!crate::engine::arrival_words::only_double_checks(
        "just double checking, app says delivered but my porch is empty"
    ));
    assert!(!crate::engine::topic_noise::own_affairs(
        kefu_intent::topics::Topic::Fraud,
        0.9,
        "an order was placed with zoe@x.com on my card and that email isn't even mine"
    ));
    // Pressed after a person was offered, a weak reading is still a request.
    let mut offered = ctx();
    offered.last_bot = Some((
        crate::engine::replies::text(
            crate::engine::replies::Line::FrustrationOffer,
            crate::engine::replies::Lang::En,
        )
        .into(),
        Some("track_order".into()),
    ));
    let d = reply(decide(
        &offered,
        &msg("so can you sort it or not", "contact_human_agent", 0.5),
    ));
    assert_eq!(d.state, WaitingForHuman);
    // A rep or an employee asked for, weakly read, is still a person.
    for said in [
        "can I get a rep?",
        "is there a living breathing employee I can chat with",
    ] {
        let d = reply(decide(&ctx(), &msg(said, "contact_human_agent", 0.5)));
        assert_eq!(d.state, WaitingForHuman, "{said}");
    }
    // A card's order corrected lapses the card; the refund only if not is no confirmation.
    let mut card = ctx();
    card.pending.action = Some("a1".into());
    card.trust.latest_card_action = Some("a1".into());
    let plan = decide(
        &card,
        &msg("就是那个订单号写错了 应该是1003", "change_order", 0.5),
    );
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"));
    card.pending.claim = Some("claim: wrong item, order 1003".into());
    let plan = decide(
        &card,
        &msg(
            "I'd prefer you send the right one, otherwise a refund is fine",
            "get_refund",
            0.6,
        ),
    );
    assert!(!matches!(plan.step, Step::Commit { .. }));
}

#[test]
fn an_order_number_put_right_after_sorry_is_the_one_looked_up() {
    let mut shop = ctx();
    shop.last_bot = Some((
        "Orders ship within 1 business day.".into(),
        Some("delivery_period".into()),
    ));
    let plan = decide(&shop, &msg("order 1010 — sorry, 1001", "change_order", 0.5));
    assert!(
        matches!(&plan.step, Step::Call(c) if c.order_number.as_deref() == Some("1001")),
        "{:?}",
        plan.step
    );
}

#[test]
fn another_way_asked_after_the_tracking_email_was_explained_reaches_a_person() {
    use crate::engine::replies::{Lang, Line, text};
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("track_order".into());
    shop.pending.order_number = Some("1001".into());
    shop.last_bot = Some((
        format!(
            "{}{}",
            text(Line::TrackingNeedsEmail, Lang::Zh),
            text(Line::FrustrationOffer, Lang::Zh)
        ),
        Some("track_order".into()),
    ));
    let d = reply(decide(
        &shop,
        &msg(
            "那还有别的办法吗 if you won't show it without the email",
            "product_availability",
            0.4,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
}
