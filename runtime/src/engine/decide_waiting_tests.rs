//! Decision rows for what a request keeps through the turns around it: a request waiting
//! for its email kept through a question the bot cannot place or answers from its FAQ, the
//! email asked whether it is needed, a delivery problem told of an order not shipped yet,
//! praise heard as upset, and what follows a set-aside clause.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::Bot;

use super::tests::{call, ctx, intent_of as intent, msg, order, reply, says};
use super::*;
use crate::engine::replies::{Lang, Line, text};

/// The demo shop with order 1002, still being prepared, waiting for the email of an
/// address change on it.
fn address_change_waiting() -> TurnContext {
    let mut shop = ctx();
    let mut o = order("1002", "li.wei@example.com");
    o.status = "processing".into();
    shop.orders.push(o);
    shop.remembered.order_number = Some("1002".into());
    shop.conversation.pending_intent = Some("change_shipping_address".into());
    shop.pending.order_number = Some("1002".into());
    shop.last_bot = Some((
        text(Line::AskOrderEmail, Lang::En).into(),
        Some("change_shipping_address".into()),
    ));
    shop
}

#[test]
fn a_request_waiting_for_its_email_stays_through_an_aside() {
    let shop = address_change_waiting();
    // Whether the email is needed: asked for, the change still waiting.
    let d = reply(decide(
        &shop,
        &msg(
            "is that fixable? do you need my email or something",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    says(&d, Line::EmailStillNeeded);
    assert_eq!(d.pending_intent.as_deref(), Some("change_shipping_address"));
    // Something the bot cannot place: answered so, the change still waiting for the email.
    let d = reply(decide(
        &shop,
        &msg(
            "what's the capital of mongolia",
            kefu_intent::OUT_OF_SCOPE,
            0.9,
        ),
    ));
    assert_eq!(d.line, Some(Line::OutOfScope));
    assert_eq!(d.pending_intent.as_deref(), Some("change_shipping_address"));
    assert_eq!(d.pending.order_number.as_deref(), Some("1002"));
    // Nothing waiting: nothing kept.
    let d = reply(decide(
        &ctx(),
        &msg(
            "what's the capital of mongolia",
            kefu_intent::OUT_OF_SCOPE,
            0.9,
        ),
    ));
    assert_eq!(d.pending_intent, None);
}

/// The shop with order `id` (li.wei's) in the given status.
fn with_status(shop: &TurnContext, id: &str, status: &str) -> TurnContext {
    let mut shop = shop.clone();
    shop.orders.retain(|o| o.id != id);
    let mut o = order(id, "li.wei@example.com");
    o.status = status.into();
    shop.orders.push(o);
    shop
}

#[test]
fn a_delivery_problem_told_of_an_order_not_shipped_is_answered_with_where_it_is() {
    let mut shop = address_change_waiting();
    shop.conversation.pending_intent = None;
    shop.pending = Pending::default();
    shop.last_bot = None;
    shop.conversation.verified_email = Some("li.wei@example.com".into());
    for (said, read) in [
        (
            "heyy has my bottle order shipped yet?? order no 1002",
            "report_not_received",
        ),
        (
            "早上好! any news on #1002? has it even left the warehouse",
            "report_damaged",
        ),
    ] {
        let plan = decide(&shop, &msg(said, read, 0.9));
        assert_eq!(call(plan).intent(), "track_order", "{said}");
    }
    // Shipped, the claim is the claim.
    let shipped = with_status(&shop, "1002", "delivered");
    let plan = decide(
        &shipped,
        &msg("order 1002 never came", "report_not_received", 0.9),
    );
    assert_ne!(intent(plan), "track_order");
    // On its way still, it never came is late, not lost: where it is, with the late line.
    let on_its_way = with_status(&shop, "1002", "shipped");
    let plan = decide(
        &on_its_way,
        &msg(
            "It's December. The package was supposed to be here on the 26th. Order 1002. Is it lost or what",
            "report_not_received",
            0.9,
        ),
    );
    assert_eq!(call(plan).intent(), "track_order");
    // Damaged on its way by the carrier's record is still a claim (the record can lag).
    let plan = decide(
        &on_its_way,
        &msg("order 1002 arrived smashed", "report_damaged", 0.9),
    );
    assert_ne!(intent(plan), "track_order");
}

#[test]
fn praise_heard_as_upset_is_praise_in_chinese_a_sneer_is_not() {
    let upset = |mut u: Understanding| {
        u.upset = true;
        u
    };
    let d = reply(decide(
        &ctx(),
        &upset(msg("没事，就想说你们的T恤真的好舒服😄", "complaint", 0.6)),
    ));
    assert_eq!(d.intent, "thanks");
    assert_eq!(d.state, Bot);
    let d = reply(decide(
        &ctx(),
        &upset(msg(
            "呵呵 祝你们生意兴隆啊 钱收了东西不到 1001 jane@example.com",
            "complaint",
            0.6,
        )),
    ));
    assert_ne!(d.intent, "thanks");
}

#[test]
fn the_goods_asked_after_a_set_aside_clause_are_the_question() {
    let mut shop = ctx();
    shop.last_bot = Some((
        text(Line::OrderNotFound, Lang::En).into(),
        Some("track_order".into()),
    ));
    // "Pre-shrunk" is a kind of cloth, not goods that shrank.
    let plan = decide(
        &shop,
        &msg(
            "actually never mind that, is the organic tee pre-shrunk?",
            "product_info",
            0.6,
        ),
    );
    assert_eq!(call(plan).intent(), "product_info");
    assert_eq!(
        crate::engine::set_aside::what_is_asked(
            "actually never mind that, is the organic tee pre-shrunk?"
        ),
        "is the organic tee pre-shrunk?"
    );
    // The shop's delivery asked after the order set aside is not the order's status.
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    let plan = decide(
        &shop,
        &msg(
            "actually never mind that. do you guys ship to Osaka? sending a present to a friend",
            "delivery_options",
            0.8,
        ),
    );
    assert_ne!(intent(plan), "track_order");
}

#[test]
fn round_eleven_requests_are_heard_by_kind() {
    use crate::engine::{
        cancel_words, claim_words, delivery_words, honesty, person_words, urgency_cues,
    };
    for text in [
        "you type way too fast to be a person. be honest with me",
        "is there anyone there who isn't automated",
        "who made you",
    ] {
        assert!(honesty::asks_if_bot(text), "{text}");
    }
    for text in [
        "ok thanks. honestly i'd rather sort the rest out with someone on your team, can you pass me over",
        "ok then put them on",
        "three emails to your support address, zero replies. is anyone actually alive over there",
        "fine whatever just get me someone",
        "is there anyone there with a pulse who can look at order 1002",
        "is there like an actual team behind this shop I can talk to? got a weird question about kitting out my whole office",
    ] {
        assert!(person_words::asks_for_a_person(text), "{text}");
    }
    assert!(urgency_cues::speaks_of_an_emergency(
        "很急！我爸在icu，这件卫衣是他点名要的，订单1001到底什么时候能到"
    ));
    for text in [
        "1002那个订单还能撤回吗？反正一直没发货。",
        "is it too late to un-want a water bottle? li.wei@example.com, #1002",
        "changed my mind on the water bottle. 1002, kill it before it ships pls",
        "kill order 1002 please, found the same bottle cheaper down the road",
    ] {
        assert!(cancel_words::asks_to_cancel_an_order(text), "{text}");
    }
    assert!(claim_words::describes_damage(
        "hey so the cap from order 1003 showed up with the brim folded in half like someone sat on it"
    ));
    assert!(delivery_words::asks_for_tracking(
        "can u pull up tracking for #1004 pls, sam@example.com is the email on it"
    ));
    // A sensitive topic heard beside them still is one.
    let u = msg(
        "someone hacked my account, get me someone",
        "contact_human_agent",
        0.9,
    );
    assert!(
        crate::engine::policy::topic(&u.text).is_some()
            || u.topic.is_some_and(|(t, _)| t == Topic::AccountTakeover)
    );
}

#[test]
fn given_up_after_the_bot_failed_and_offered_a_person_a_person_takes_it() {
    let mut shop = ctx();
    shop.conversation.failed_turns = 1;
    shop.last_bot = Some((
        format!(
            "{} {}",
            text(Line::OutOfScope, Lang::Zh),
            text(Line::FrustrationOffer, Lang::Zh)
        ),
        Some(kefu_intent::OUT_OF_SCOPE.into()),
    ));
    for said in ["算了", "forget it", "whatever."] {
        let d = reply(decide(&shop, &msg(said, "goodbye", 0.8)));
        assert_eq!(
            d.handoff_reason.as_deref(),
            Some("gave up after the bot could not help"),
            "{said}"
        );
    }
    // "No thanks" to the person offered is no give-up; nor is "never mind" after the bot
    // said what it is.
    let d = reply(decide(&shop, &msg("不用了", "goodbye", 0.8)));
    assert_eq!(d.state, Bot);
    let mut told = ctx();
    told.last_bot = Some((
        text(Line::BotDisclosure, Lang::En).into(),
        Some("bot_identity".into()),
    ));
    let d = reply(decide(&told, &msg("never mind", "goodbye", 0.8)));
    assert_eq!(d.state, Bot);
}

#[test]
fn a_claims_refund_answered_with_the_right_goods_asked_for_reaches_a_person() {
    let mut shop = ctx();
    shop.pending.action = Some("a1".into());
    shop.pending.claim = Some("claim: wrong item, order 1003".into());
    shop.trust.latest_card_action = Some("a1".into());
    for said in [
        "给我换成对的颜色吧",
        "can you just send the right one instead?",
    ] {
        let d = reply(decide(&shop, &msg(said, "change_order", 0.6)));
        assert_eq!(
            d.handoff_reason.as_deref(),
            Some("claim: wrong item, order 1003; refund declined"),
            "{said}"
        );
    }
    // The money taken over the goods: the card confirmed.
    for said in [
        "I'd rather just get my money back than wait for a replacement",
        "money back is fine, I don't need a replacement",
    ] {
        let plan = decide(&shop, &msg(said, "get_refund", 0.6));
        assert_eq!(
            plan.step,
            Step::Commit {
                action_id: "a1".into()
            },
            "{said}"
        );
    }
}

#[test]
fn round_twelve_requests_for_a_person_and_money_in_few_words() {
    use kefu_protocol::ConversationState::WaitingForHuman;
    // A person, in words the rules did not know.
    for said in [
        "fine, I'll wait. put me through",
        "Is there an actual human who can chase UPS or nah",
    ] {
        let d = reply(decide(&ctx(), &msg(said, kefu_intent::OUT_OF_SCOPE, 0.5)));
        assert_eq!(d.state, WaitingForHuman, "{said}");
    }
    let mut told = ctx();
    told.last_bot = Some((
        text(Line::BotDisclosure, Lang::En).into(),
        Some("bot_identity".into()),
    ));
    let d = reply(decide(
        &told,
        &msg(
            "so you're not a person. can I get one then?",
            "contact_human_agent",
            0.5,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    // A refund put tersely is the refund (above the cap: a person).
    for said in [
        "refund 1004. both hoodies. sam@example.com. thanks",
        "1004 两件卫衣全退 钱多久到账",
    ] {
        assert!(
            crate::engine::refund_words::requests_it(&said.to_lowercase()),
            "{said}"
        );
    }
}

#[test]
fn round_twelve_look_alikes_reach_nobody() {
    let upset = |mut u: Understanding| {
        u.upset = true;
        u
    };
    for said in [
        "lol ok not your department I guess",
        "我对羊毛过敏，你们的T恤是什么材质的？",
    ] {
        let d = decide(&ctx(), &upset(msg(said, "complaint", 0.7)));
        if let Step::Reply(d) = &d.step {
            assert_eq!(d.state, Bot, "{said}");
        }
    }
    for (topic, said) in [
        (
            Topic::Fraud,
            "good morning!! survived black friday? my wallet got hacked by your sale haha",
        ),
        (
            Topic::Legal,
            "my accountant is a stickler (and a lawyer, god help me) and wants a proper receipt. also is apple pay ok next time?",
        ),
    ] {
        assert!(
            crate::engine::topic_noise::own_affairs(topic, 0.9, said),
            "{said}"
        );
    }
}

#[test]
fn the_email_declined_for_a_tracking_number_is_explained_then_a_person_takes_it() {
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("track_order".into());
    shop.pending.order_number = Some("1003".into());
    shop.last_bot = Some((
        format!(
            "Order 1003: delivered. {}",
            text(Line::DetailsNeedProof, Lang::En)
        ),
        Some("track_order".into()),
    ));
    // Declined, or asked why: why, the order still waiting for its email.
    for (said, lang) in [
        (
            "I'm not handing my email to a chat window, the order number should be plenty",
            Lang::En,
        ),
        ("邮箱？为什么要邮箱，订单号不是都给你了吗", Lang::Zh),
    ] {
        let mut u = msg(said, "contact_customer_service", 0.5);
        u.lang = lang;
        let d = reply(decide(&shop, &u));
        says(&d, Line::TrackingNeedsEmail);
        assert_eq!(d.pending_intent.as_deref(), Some("track_order"), "{said}");
        assert_eq!(d.state, Bot, "{said}");
    }
    // Declined again after that: a person takes it.
    let told_in = |lang| {
        let mut told = shop.clone();
        told.last_bot = Some((
            text(Line::TrackingNeedsEmail, lang).into(),
            Some("track_order".into()),
        ));
        told
    };
    let told = told_in(Lang::En);
    for (said, lang) in [
        ("fine. how else do I reach you then", Lang::En),
        ("no", Lang::En),
        ("不给，你直接把单号发我就行", Lang::Zh),
    ] {
        let mut u = msg(said, "out_of_scope", 0.5);
        u.lang = lang;
        let d = reply(decide(&told_in(lang), &u));
        says(&d, Line::EmailDeclinedHandoff);
        assert_eq!(
            d.state,
            kefu_protocol::ConversationState::WaitingForHuman,
            "{said}"
        );
    }
    // The email given is no refusal; a new question is not one either.
    let d = reply(decide(
        &told,
        &msg("do you ship to Canada?", "shipping_destinations", 0.9),
    ));
    assert_ne!(d.line, Some(Line::EmailDeclinedHandoff));
}

#[test]
fn a_claims_number_given_with_the_email_not_known_reaches_a_person() {
    let mut shop = ctx();
    shop.served.insert(
        "report_wrong_item".into(),
        super::tests::served(
            "refunds",
            &[
                crate::plugins::manifest::Need::Slot("order-number".into()),
                crate::plugins::manifest::Need::Owner,
            ],
        ),
    );
    shop.conversation.pending_intent = Some("report_wrong_item".into());
    shop.pending.need = Some("order-number".into());
    let mut u = msg(
        "1004号订单。邮箱我不记得了，好像是sam开头的？",
        "registration_problems",
        0.5,
    );
    u.lang = Lang::Zh;
    let d = reply(decide(&shop, &u));
    says(&d, Line::EmailDeclinedHandoff);
    assert!(
        d.handoff_reason
            .as_deref()
            .unwrap_or_default()
            .contains("1004")
    );
    // The number alone, or with the parcel not found: the email is asked for.
    for said in ["1004", "1004. I can't find it anywhere"] {
        let d = reply(decide(&shop, &msg(said, "greeting", 0.5)));
        assert_ne!(d.line, Some(Line::EmailDeclinedHandoff), "{said}");
    }
}

#[test]
fn a_return_asked_instead_of_a_cancellation_is_the_return() {
    let read_as_a_move = crate::engine::routing::route(
        &ctx(),
        &msg(
            "changed my mind on the water bottle. 1002, kill it before it ships pls",
            "change_shipping_address",
            0.6,
        ),
    );
    assert_eq!(read_as_a_move.intent, "cancel_order");
    let moved = crate::engine::routing::route(
        &ctx(),
        &msg(
            "1002: stop my order going to the old flat, I've moved to 22 Queen Rd, Shanghai",
            "change_shipping_address",
            0.6,
        ),
    );
    assert_ne!(moved.intent, "cancel_order");
    assert!(!crate::engine::return_words::asks_to_return_it(
        "算了，1003那顶帽子我不想退了，留着吧"
    ));
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("cancel_order".into());
    shop.pending.order_number = Some("1004".into());
    shop.remembered.order_number = Some("1004".into());
    let mut u = msg("什么?已经送到了?那我退货总行吧", "out_of_scope", 0.6);
    u.lang = Lang::Zh;
    let d = decide(&shop, &u);
    assert_ne!(intent(d), "cancel_order");
    let plan = decide(&shop, &u);
    assert_ne!(intent(plan), kefu_intent::OUT_OF_SCOPE);
    // Answered with the return's steps, the cancellation no longer waits for the email.
    let d = finish(&shop, &u, reply(decide(&shop, &u)));
    assert_ne!(d.pending_intent.as_deref(), Some("cancel_order"));
}

#[test]
fn an_order_told_by_its_goods_while_its_number_is_awaited_is_looked_for_by_email() {
    let mut asked = shop_waiting_for_a_number();
    asked.names_product = true;
    let mut u = msg("就是那个水杯的订单", kefu_intent::OUT_OF_SCOPE, 0.5);
    u.lang = Lang::Zh;
    says(&reply(decide(&asked, &u)), Line::AskEmailToFindOrder);
    // "我的订单" names no goods.
    asked.names_product = false;
    let mut u = msg("我的订单呢", kefu_intent::OUT_OF_SCOPE, 0.5);
    u.lang = Lang::Zh;
    assert_ne!(
        reply(decide(&asked, &u)).line,
        Some(Line::AskEmailToFindOrder)
    );
}

fn shop_waiting_for_a_number() -> TurnContext {
    let mut shop = super::tests::ctx();
    shop.conversation.pending_intent = Some("cancel_order".into());
    shop
}

#[test]
fn a_request_taken_back_while_its_email_is_awaited_is_left_undone() {
    let mut asked = shop_waiting_for_a_number();
    asked.pending.order_number = Some("1002".into());
    for said in ["actually wait no. keep it. sorry", "算了不取消了"] {
        let d = reply(decide(&asked, &msg(said, "complaint", 0.5)));
        says(&d, Line::RefundCancelled);
        assert_eq!((d.state, d.pending_intent), (Bot, None), "{said}");
    }
    // Taken back for another thing: not only taken back.
    let mut changing = asked.clone();
    changing.conversation.pending_intent = Some("change_shipping_address".into());
    let d = reply(decide(
        &changing,
        &msg("算了不改了,干脆取消吧", "cancel_order", 0.7),
    ));
    assert_ne!(d.line, Some(Line::RefundCancelled));
    // Taken back with another thing asked: not only taken back.
    let d = reply(decide(
        &asked,
        &msg(
            "no, keep it. can you change the address instead?",
            "change_shipping_address",
            0.6,
        ),
    ));
    assert_ne!(d.line, Some(Line::RefundCancelled));
    // Pressed for a guess after an out-of-scope answer: still out of scope, nobody queued.
    let d = reply(decide(
        &ctx(),
        &msg("come on, just a guess", "complaint", 0.5),
    ));
    assert_eq!(d.state, Bot);
}

#[test]
fn the_return_asked_should_a_waiting_cancellation_fail_is_the_policy_and_the_wait_stays() {
    let mut asked = shop_waiting_for_a_number();
    asked.pending.order_number = Some("1004".into());
    let u = msg(
        "if it's already shipped, how do I return it then?",
        "cancel_order",
        0.8,
    );
    let d = reply(decide(&asked, &u));
    assert_eq!(d.intent, "check_refund_policy");
    assert_eq!(d.pending_intent.as_deref(), Some("cancel_order"), "{d:?}");
}

#[test]
fn a_number_given_with_its_email_refused_or_an_email_given_unknowing_reaches_a_person() {
    // The number asked for, given with the email refused: a person at once.
    let mut asked = shop_waiting_for_a_number();
    asked.conversation.pending_intent = Some("change_shipping_address".into());
    let d = reply(decide(
        &asked,
        &msg(
            "it's #1002 but honestly I'd rather not type my email into a chat window, is there another way",
            "contact_customer_service",
            0.5,
        ),
    ));
    says(&d, Line::EmailDeclinedHandoff);
    // An email that does not match, given with word that the shopper does not know which:
    // a person checks another way, rather than "please check both".
    asked.pending.order_number = Some("1002".into());
    let d = reply(decide(
        &asked,
        &msg(
            "email... no idea which one I used, maybe liwei88@example.com?",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    assert_eq!(
        d.state,
        kefu_protocol::ConversationState::WaitingForHuman,
        "{d:?}"
    );
}

#[test]
fn a_reason_or_a_no_of_another_kind_while_the_email_is_awaited_is_no_refusal() {
    let mut asked = shop_waiting_for_a_number();
    asked.conversation.pending_intent = Some("change_shipping_address".into());
    asked.pending.order_number = Some("1002".into());
    // A reason, with no word of the email: explained to, the request still waiting.
    let d = reply(decide(
        &asked,
        &msg(
            "the old flat is just not comfortable, that's why I'm moving",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    assert_ne!(d.line, Some(Line::EmailDeclinedHandoff));
    // "no, don't" of the email, not of the request: nothing taken back.
    let d = reply(decide(
        &asked,
        &msg(
            "No, don't have access to that email",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    assert_ne!(d.line, Some(Line::RefundCancelled));
}

#[test]
fn the_email_a_status_waited_for_with_the_money_asked_back_is_the_refund() {
    let mut shop = ctx();
    shop.orders.push(order("1001", "jane@example.com"));
    shop.remembered.order_number = Some("1001".into());
    shop.conversation.pending_intent = Some("track_order".into());
    shop.pending.order_number = Some("1001".into());
    let text = "jane@example.com. honestly just refund me, I'm done waiting";
    assert_eq!(
        intent(decide(&shop, &msg(text, "track_refund", 0.5))),
        "get_refund"
    );
    // The email alone still goes on with the status.
    assert_eq!(
        intent(decide(&shop, &msg("jane@example.com", "greeting", 0.5))),
        "track_order"
    );
}

#[test]
fn an_order_number_given_again_after_a_typo_goes_on_with_the_order_asked_after() {
    let mut shop = ctx();
    shop.orders.push(order("1002", "li.wei@example.com"));
    shop.last_bot = Some((
        text(Line::FrustrationOffer, Lang::En).into(),
        Some("track_order".into()),
    ));
    assert_eq!(
        intent(decide(
            &shop,
            &msg("ugh, typo. 1002. the bottle.", "product_info", 0.6)
        )),
        "track_order"
    );
    // A product asked after with an order number and no slip owned stays the product's.
    assert_ne!(
        intent(decide(
            &shop,
            &msg(
                "is the bottle from 1002 dishwasher safe? the lid especially",
                "product_info",
                0.8
            )
        )),
        "track_order"
    );
}
