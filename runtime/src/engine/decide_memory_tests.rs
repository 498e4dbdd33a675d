//! Decision rows for what the shopper said earlier: an order number or email given once is
//! never asked for again, a bare one is asked about rather than greeted, "I already told
//! you" is answered with what was told, and a named order keeps a late delivery or a
//! replacement about that order.

use super::tests::{call, ctx, msg, reply, says, with_faq};
use super::*;
use crate::engine::replies::Line;

#[test]
fn an_order_number_or_email_given_earlier_is_never_asked_for_again() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    let c = call(decide(&ctx, &msg("where is it now?", "track_order", 0.9)));
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    ctx.remembered.email = Some("jane@example.com".into());
    let c = call(decide(&ctx, &msg("ok cancel it then", "cancel_order", 0.9)));
    assert!(
        c.request.owner_verified,
        "the email given earlier is the order's"
    );
    // An earlier email that is not the order's is not a wrong answer: the shopper is asked.
    ctx.remembered.email = Some("someone@else.example".into());
    let d = reply(decide(&ctx, &msg("cancel it", "cancel_order", 0.9)));
    says(&d, Line::AskOrderEmail);
}

#[test]
fn a_bare_order_number_or_email_with_nothing_asked_is_asked_about_never_greeted() {
    for text in [
        "1002",
        "order no. 1002",
        "订单号1002",
        "li.wei@example.com",
        "hi I'm Jane, jane@example.com, order 1001",
        "#1004 — sam@example.com",
        "jane@example.com, since you'll ask",
        "oh sure, it's li.wei@example.com",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "greeting", 0.6)));
        says(&d, Line::WhatToDoWithIt);
        // However it sounds, read as a complaint.
        let mut u = msg(text, "complaint", 0.8);
        u.upset = true;
        says(&reply(decide(&ctx(), &u)), Line::WhatToDoWithIt);
    }
    // Anything more than a name asks for something.
    let d = reply(decide(
        &ctx(),
        &msg("hi I'm Jane, I want to return 1001", "greeting", 0.6),
    ));
    assert_ne!(d.line, Some(Line::WhatToDoWithIt));
}

#[test]
fn when_an_order_the_shopper_named_will_come_is_a_question_about_that_order() {
    let c = call(decide(
        &ctx(),
        &msg("when will order 1002 ship?", "delivery_period", 0.8),
    ));
    assert_eq!(c.intent(), "track_order");
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1002".into());
    let c = call(decide(&ctx, &msg("什么时候发货？", "delivery_period", 0.8)));
    assert_eq!(c.order_number.as_deref(), Some("1002"));
    // Without an order, the shop's delivery times in general.
    let d = reply(decide(
        &self::ctx(),
        &msg("how long does shipping take", "delivery_period", 0.8),
    ));
    assert_ne!(d.intent, "track_order");
}

#[test]
fn a_late_order_the_shopper_named_is_looked_up_not_taken_as_a_general_complaint() {
    let c = call(decide(
        &ctx(),
        &msg(
            "my order 1001 was meant to be here on the 26th",
            "complaint",
            0.7,
        ),
    ));
    assert_eq!(c.intent(), "track_order");
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    let c = call(decide(&ctx, &msg("怎么还没到", "complaint", 0.6)));
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    // Without an order, a complaint is still a complaint.
    let d = reply(decide(
        &self::ctx(),
        &msg("your deliveries are always late", "complaint", 0.8),
    ));
    assert_eq!(d.intent, "complaint");
}

#[test]
fn i_already_told_you_is_answered_with_what_was_told() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    ctx.conversation.pending_intent = Some("track_order".into());
    for text in ["I ALREADY TOLD YOU", "我刚才说过了"] {
        let c = call(decide(&ctx, &msg(text, "complaint", 0.6)));
        assert_eq!(c.intent(), "track_order", "{text}");
        assert_eq!(c.order_number.as_deref(), Some("1001"));
    }
}

#[test]
fn a_replacement_asked_for_on_a_named_order_is_taken_in_as_a_complaint() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "useless. I dont want the FAQ, I want my hoodies from #1004 replaced",
            "out_of_scope",
            0.6,
        ),
    ));
    assert_eq!(d.intent, "complaint");
}

#[test]
fn when_a_named_order_ships_read_as_its_cancellation_is_its_whereabouts() {
    let text = "Good morning, I'd like to know when it will be sent out. Order no. 1002. Thank you";
    let c = call(decide(&ctx(), &msg(text, "cancel_order", 0.6)));
    assert_eq!(c.intent(), "track_order");
    for text in ["订单1002什么时候发货", "1002 when will it ship?"] {
        let c = call(decide(&ctx(), &msg(text, "cancel_order", 0.6)));
        assert_eq!(c.intent(), "track_order", "{text}");
    }
    // Cancelling asked with it is the cancellation (the order's email asked first).
    let d = reply(decide(
        &ctx(),
        &msg(
            "1002 still hasn't shipped, when will it ship? otherwise cancel it",
            "cancel_order",
            0.8,
        ),
    ));
    assert_eq!(d.intent, "cancel_order");
}

#[test]
fn an_order_number_the_shopper_does_not_have_is_not_asked_again() {
    use kefu_protocol::ConversationState::WaitingForHuman;
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("track_order".into());
    ctx.remembered.email = Some("jane@example.com".into());
    let d = reply(decide(
        &ctx,
        &msg("单号我找不到了，你用邮箱查吧", "track_refund", 0.6),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("track_order: order number not at hand; email jane@example.com")
    );
    // Asked for it just before, the wait lapsed on a reply in between, and no email known:
    // the email is asked for, to find the order by.
    let mut lapsed = self::ctx();
    lapsed.last_bot = Some(("…".into(), Some("track_order".into())));
    let d = reply(decide(
        &lapsed,
        &msg("单号我找不到了，你用邮箱查吧", "track_refund", 0.6),
    ));
    assert_eq!(d.state, kefu_protocol::ConversationState::Bot);
    assert_eq!(d.line, Some(Line::AskEmailToFindOrder));
    assert_eq!(d.pending_intent.as_deref(), Some("track_order"));
    // The email then given names no single order (none or several): a person takes it with
    // the email, and the number is not asked for again.
    let mut asked = self::ctx();
    asked.conversation.pending_intent = Some("track_order".into());
    asked.pending = d.pending.clone();
    let d = reply(decide(&asked, &msg("sam@example.com", "greeting", 0.7)));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("track_order: order number not at hand; email sam@example.com")
    );
    // One it names: the question goes on with that order.
    asked.remembered.order_number = Some("1004".into());
    let c = call(decide(&asked, &msg("sam@example.com", "greeting", 0.7)));
    assert_eq!(c.intent(), "track_order");
    assert_eq!(c.order_number.as_deref(), Some("1004"));
    // With nothing waiting for a number, the words alone hand nothing off.
    let d = reply(decide(
        &self::ctx(),
        &msg(
            "I don't have the order number, can you look it up by email?",
            "track_order",
            0.8,
        ),
    ));
    assert_ne!(d.state, WaitingForHuman);
}

#[test]
fn an_email_sent_for_the_order_number_is_kept_and_the_number_asked_with_a_way_out() {
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("track_order".into());
    let d = reply(decide(&ctx, &msg("jane@example.com", "greeting", 0.6)));
    says(&d, Line::AskOrderNumberHaveEmail);
    // Without an email, the plain question.
    let d = reply(decide(
        &self::ctx(),
        &msg("where is my order?", "track_order", 0.9),
    ));
    says(&d, Line::AskOrderNumber);
}

#[test]
fn goods_that_wore_badly_money_back_read_as_its_progress_and_the_return_window_are_routed() {
    let mut shop = ctx();
    with_faq(
        &mut shop,
        "zh",
        "check_refund_policy",
        "你们的退款政策是什么？",
        "签收后30天内可无理由退货。",
    );
    let route = |text: &str, intent: &str| {
        crate::engine::routing::route(&shop, &msg(text, intent, 0.6)).intent
    };
    assert_eq!(
        route(
            "The hoodies from 1004 shrank two sizes after ONE cold wash. At 69 each that's ridiculous.",
            "change_order"
        ),
        "complaint"
    );
    // With no order named, told: a complaint too (its intake asks which order).
    assert_eq!(
        route(
            "The quality of your organic t-shirt is poor. It shrank a full size after one cold wash.",
            "product_info"
        ),
        "complaint"
    );
    // Asked before buying: not a complaint.
    assert_ne!(
        route(
            "will the organic t-shirt shrink after a wash?",
            "product_info"
        ),
        "complaint"
    );
    assert_eq!(
        route(
            "帽子戴着不太好看 想退款 订单1003 邮箱carlos@example.com",
            "track_refund"
        ),
        "get_refund"
    );
    assert_eq!(
        route(
            "tui huo you shi jian xian zhi ma? 收到以后多久内可以退",
            "delivery_options"
        ),
        "check_refund_policy"
    );
    assert_eq!(
        route("how long have I got to do that", "goodbye"),
        "check_refund_policy"
    );
    // A refund already made, asked after, is its progress.
    assert_eq!(
        route("订单1003的退款到账了吗", "track_refund"),
        "track_refund"
    );
}

#[test]
fn the_order_number_remembered_is_the_one_the_shopper_meant() {
    // Corrected in the same message: the number after the correction.
    let said = |texts: &[&str]| {
        crate::engine::context::Remembered::from_messages(
            &texts.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
        )
        .order_number
    };
    assert_eq!(
        said(&["got a white tee, order 1001 - no wait sorry thats the other one, this is 1003"])
            .as_deref(),
        Some("1003")
    );
    // A postcode beside the order's number is not the order.
    assert_eq!(
        said(&["wrong postcode on my order!!! typed 200031, should be 200032. order 1002"])
            .as_deref(),
        Some("1002")
    );
    // A new address's own numbers, written after the order's: the order stays the one named.
    assert_eq!(
        said(&[
            "订单1002, email li.wei@example.com, 想改一下收货地址",
            "新地址: 上海市徐汇区漕溪北路200号 5楼 邮编200030",
        ])
        .as_deref(),
        Some("1002")
    );
    // The same in the turn itself: the order looked up is the one meant.
    let u = msg(
        "wrong postcode on my order!!! typed 200031, should be 200032. order 1002",
        "change_shipping_address",
        0.9,
    );
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.pending.order_number.as_deref(), Some("1002"), "{d:?}");
}

#[test]
fn what_was_paid_for_an_order_named_earlier_looks_that_order_up() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1004".into());
    let u = msg(
        "and remind me what I paid for mine again?",
        "out_of_scope",
        0.6,
    );
    let route = crate::engine::routing::route(&shop, &u);
    assert_eq!(
        (route.intent.as_str(), route.settled),
        ("track_order", true)
    );
    // With no order named at all, it is not looked up on a guess.
    let route = crate::engine::routing::route(&ctx(), &u);
    assert_ne!(route.intent, "track_order");
}

#[test]
fn a_part_of_the_address_corrected_is_the_address_on_file_or_just_written_corrected() {
    use crate::engine::context::Remembered;
    let mut ctx = ctx();
    let mut on_file = super::tests::order("1002", "li.wei@example.com");
    on_file.status = "processing".into();
    on_file.shipping_address = Some("上海市徐汇区漕溪北路88号".into());
    ctx.orders = vec![on_file];
    // Corrected first, the order named when asked for: the address on file, corrected.
    ctx.conversation.pending_intent = Some("change_shipping_address".into());
    ctx.remembered = Remembered::from_messages(&["地址写错了！门牌号是18号不是81号".into()]);
    let u = msg(
        "订单1002，邮箱 li.wei@example.com",
        "change_shipping_address",
        0.8,
    );
    let route = crate::engine::routing::route(&ctx, &u);
    assert_eq!(route.intent, "change_shipping_address");
    assert_eq!(route.address.as_deref(), Some("上海市徐汇区漕溪北路18号"));
    // Written in full, then a part of it corrected: what was written, corrected.
    let mut ctx = self::ctx();
    ctx.conversation.pending_intent = Some("change_shipping_address".into());
    ctx.remembered = Remembered::from_messages(&[
        "change the address on 1002 to 71 Nanjing West Road, Shanghai 200041".into(),
        "li.wei@example.com".into(),
    ]);
    let u = msg("sorry it's 17 not 71", "complaint", 0.5);
    let route = crate::engine::routing::route(&ctx, &u);
    assert_eq!(route.intent, "change_shipping_address");
    assert_eq!(
        route.address.as_deref(),
        Some("17 Nanjing West Road, Shanghai 200041")
    );
    // Remembered across turns the same way.
    let remembered = Remembered::from_messages(&[
        "change the address on 1002 to 71 Nanjing West Road, Shanghai 200041".into(),
        "sorry it's 17 not 71".into(),
    ]);
    assert_eq!(
        remembered.address.as_deref(),
        Some("17 Nanjing West Road, Shanghai 200041")
    );
    // What is not a correction, or one that does not apply, leaves what was written.
    for then in [
        "I did not get the verification email",
        "sorry it's Shenzhen not Shenzen",
    ] {
        let remembered = Remembered::from_messages(&[
            "change the address on 1002 to 71 Nanjing West Road, Shanghai 200041".into(),
            then.into(),
        ]);
        assert_eq!(
            remembered.address.as_deref(),
            Some("71 Nanjing West Road, Shanghai 200041"),
            "{then}"
        );
    }
    // A sum of money corrected is no address, however it is said.
    let remembered = Remembered::from_messages(&["I was charged 79 not 69".into()]);
    assert_eq!(remembered.address_correction, None);
}

#[test]
fn a_tracking_number_sent_for_the_order_number_continues_the_question() {
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("track_order".into());
    // What `TurnContext::load` found: the order the parcel was sent for.
    ctx.remembered.order_number = Some("1001".into());
    let c = call(decide(
        &ctx,
        &msg("its the 1Z999AA10123456784 one", "change_order", 0.6),
    ));
    assert_eq!(c.intent(), "track_order");
    assert_eq!(c.order_number.as_deref(), Some("1001"));
}

/// A conversation waiting for order 1001's new address, its owner proven.
fn waiting_for_the_address() -> TurnContext {
    let mut ctx = ctx();
    ctx.conversation.pending_intent = Some("change_shipping_address".into());
    ctx.pending.need = Some("address".into());
    ctx.pending.order_number = Some("1001".into());
    ctx.remembered.order_number = Some("1001".into());
    ctx.remembered.email = Some("jane@example.com".into());
    ctx.orders[0].status = "processing".into();
    ctx.orders[0].shipping_address = Some("8 Elm Road, Leeds".into());
    ctx
}

#[test]
fn an_answer_with_no_number_street_or_place_is_not_taken_as_the_new_address() {
    let ctx = waiting_for_the_address();
    let c = call(decide(
        &ctx,
        &msg(
            "alright then just cancel it, I'll reorder later",
            "cancel_order",
            0.9,
        ),
    ));
    assert_eq!(c.intent(), "cancel_order");
    let c = call(decide(
        &ctx,
        &msg("21 Mill Lane, York YO1 7HH", "out_of_scope", 0.5),
    ));
    assert_eq!(c.intent(), "change_shipping_address");
    assert_eq!(
        c.request
            .slots
            .iter()
            .find(|(k, _)| k == "address")
            .map(|(_, v)| v.as_str()),
        Some("21 Mill Lane, York YO1 7HH")
    );
}

#[test]
fn which_address_the_order_goes_to_is_told_to_its_owner_and_a_new_one_still_asked() {
    let mut ctx = waiting_for_the_address();
    ctx.conversation.pending_intent = None;
    ctx.pending = Pending::default();
    let u = msg(
        "ok. and the address on it, that's the Leeds one right?",
        "change_shipping_address",
        0.8,
    );
    let c = call(decide(&ctx, &u));
    let missing = Err(CallError::MissingSlot("address".into()));
    let d = after_call(&ctx, &u, &c, missing, "a1", "0.1.0");
    assert!(d.text.contains("8 Elm Road, Leeds"), "{}", d.text);
    assert_eq!(d.pending.need.as_deref(), Some("address"));
    // Asked for the change itself: the new address, nothing of the old one.
    let u = msg(
        "can I change the address on it",
        "change_shipping_address",
        0.9,
    );
    let missing = Err(CallError::MissingSlot("address".into()));
    let d = after_call(&ctx, &u, &c, missing, "a1", "0.1.0");
    says(&d, Line::AskAddress);
    assert!(!d.text.contains("Elm"));
    // A part corrected that the address on file does not have: that address shown, the
    // new one asked for whole.
    ctx.remembered.address_correction =
        crate::engine::address_fix::correction("it says Elm Rd 12 but it should be 21", true);
    assert!(ctx.remembered.address_correction.is_some());
    let u = msg("jane@example.com", "greeting", 0.5);
    let missing = Err(CallError::MissingSlot("address".into()));
    let d = after_call(&ctx, &u, &c, missing, "a1", "0.1.0");
    assert!(d.text.contains("8 Elm Road, Leeds"), "{}", d.text);
}

#[test]
fn goods_sent_back_with_no_refund_on_record_go_to_a_person_who_can_see_the_return() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    ctx.remembered.email = Some("jane@example.com".into());
    let text = "sent both back three weeks ago and still nothing, when do I get my refund";
    let d = reply(decide(&ctx, &msg(text, "track_refund", 0.9)));
    says(&d, Line::ReturnWithoutRefund);
    assert_eq!(d.state, ConversationState::WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("no refund on record, order 1001")),
        "{:?}",
        d.handoff_reason
    );
    // Under the bot's cap and not said to be overdue: the refund's progress, from the plugin
    // (the shop's refund times beside it).
    let soon = "sent both back last week, when do I get my refund";
    assert_eq!(
        call(decide(&ctx, &msg(soon, "track_refund", 0.9))).intent(),
        "track_refund"
    );
    // Told in an earlier message, the order number given after it: above the cap.
    ctx.orders[0].total_minor = 13_800;
    ctx.remembered.sent_back = true;
    ctx.conversation.pending_intent = Some("track_refund".into());
    let d = reply(decide(&ctx, &msg("1001", "track_refund", 0.9)));
    says(&d, Line::ReturnWithoutRefund);
    // A refund on record, or nothing sent back: the refund's progress, from the plugin.
    ctx.refunded = vec!["1001".into()];
    assert_eq!(
        call(decide(&ctx, &msg(text, "track_refund", 0.9))).intent(),
        "track_refund"
    );
    ctx.refunded.clear();
    ctx.remembered.sent_back = false;
    ctx.conversation.pending_intent = None;
    let c = call(decide(
        &ctx,
        &msg("where is my refund", "track_refund", 0.9),
    ));
    assert_eq!(c.intent(), "track_refund");
    // A refund the shopper says has not come, none on record: theirs by their word, overdue
    // by it; a person, whether said now or before the email.
    let late = "just tell me why my refund for 1001 still hasn't arrived";
    says(
        &reply(decide(&ctx, &msg(late, "track_refund", 0.9))),
        Line::ReturnWithoutRefund,
    );
    ctx.remembered.refund_awaited = true;
    ctx.conversation.pending_intent = Some("track_refund".into());
    let d = reply(decide(&ctx, &msg("jane@example.com", "greeting", 0.5)));
    says(&d, Line::ReturnWithoutRefund);
}

#[test]
fn whether_the_order_just_shown_can_still_be_returned_is_the_policy_not_a_product() {
    let mut ctx = ctx();
    ctx.remembered.order_number = Some("1001".into());
    let mut u = msg(
        "ok so can I still return this one?",
        "check_refund_policy",
        0.5,
    );
    u.prediction.top = vec![
        ("check_refund_policy".into(), 0.5),
        ("product_info".into(), 0.3),
    ];
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.intent, "check_refund_policy");
    assert!(d.cards.is_empty(), "no clarifying question: {:?}", d.cards);
    // How long the refund takes, torn between the policy and a refund's progress.
    let mut u = msg(
        "And how long does the refund take once you get it?",
        "check_refund_policy",
        0.5,
    );
    u.prediction.top = vec![
        ("check_refund_policy".into(), 0.5),
        ("track_refund".into(), 0.4),
    ];
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.intent, "check_refund_policy");
    assert!(d.cards.is_empty(), "no clarifying question: {:?}", d.cards);
}

#[test]
fn thanks_sneered_for_an_order_late_is_its_whereabouts_not_you_are_welcome() {
    let text = "wow. expected by the 26th. love that for me. great job guys 👏👏 #1001";
    let mut u = msg(text, "thanks", 0.53);
    u.upset = true;
    let c = call(decide(&ctx(), &u));
    assert_eq!(
        (c.intent(), c.order_number.as_deref()),
        ("track_order", Some("1001"))
    );
    // Calm words, the same sneer ("Wow. Great service. … Really top-notch stuff.").
    let calm = "Wow. Great service. Order 1001, expected Nov 26, and it's December. Really top-notch stuff.";
    let c = call(decide(&ctx(), &msg(calm, "thanks", 0.6)));
    assert_eq!(c.intent(), "track_order");
    // Thanks meant, for an order that came: thanks.
    let d = reply(decide(
        &ctx(),
        &msg("1001 arrived today, great job guys", "thanks", 0.8),
    ));
    assert_eq!(d.intent, "thanks");
}

#[test]
fn i_already_told_you_with_money_asked_back_is_the_refund_not_the_status() {
    let text = "wo yijing shuo le san bian le, dingdan 1003, maozi tai xiao yao tui";
    assert!(crate::engine::cues::says_already_told(text));
    let d = decide(&ctx(), &msg(text, "get_refund", 0.4));
    assert!(
        !matches!(d.step, Step::Call(ref c) if c.intent() == "track_order"),
        "{d:?}"
    );
}

#[test]
fn a_number_or_email_given_with_an_apology_or_a_shrug_only_supplies_it() {
    for text in [
        "oh right, 1004",
        "oh lol sorry, you can't read my mind. it's #1003",
        "carlos@example.com if that helps",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "out_of_scope", 0.6)));
        says(&d, Line::WhatToDoWithIt);
    }
}

#[test]
fn an_order_number_written_in_words_or_an_order_asked_after_in_a_fragment_is_used() {
    // "my parcel?" asks where it is: its number is asked for, not "which of these".
    let d = reply(decide(
        &ctx(),
        &msg("so... my parcel? the hoodie+tee one", "complaint", 0.4),
    ));
    assert_eq!(
        d.pending_intent.as_deref(),
        Some("track_order"),
        "{}",
        d.text
    );
    // Its number written out in words, when it was asked for.
    let mut asked = ctx();
    asked.conversation.pending_intent = Some("track_order".into());
    let c = call(decide(
        &asked,
        &msg("order one thousand and one", "place_order", 0.81),
    ));
    assert_eq!(c.intent(), "track_order");
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    // Another question set aside, the order asked after, read as a goodbye.
    let c = call(decide(
        &ctx(),
        &msg(
            "算了这个等下再说 先帮我看下1004到了没 sam@example.com",
            "goodbye",
            0.7,
        ),
    ));
    assert_eq!(c.intent(), "track_order");
    // How much longer, of an order named: its whereabouts, not "which of these".
    let c = call(decide(
        &ctx(),
        &msg("到底还要等多久？？？1001！！！", "delivery_period", 0.64),
    ));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn an_order_told_by_its_cost_or_asked_if_it_left_is_looked_for() {
    // Its number asked for, the order told by what it cost: the email that finds it.
    let mut asked = ctx();
    asked.conversation.pending_intent = Some("track_order".into());
    let d = reply(decide(
        &asked,
        &msg("the 98 dollar one", kefu_intent::OUT_OF_SCOPE, 0.4),
    ));
    says(&d, Line::AskEmailToFindOrder);
    let c = call(decide(
        &ctx(),
        &msg(
            "oh also, did #1002 leave the warehouse yet",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
    ));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn an_order_number_corrected_after_one_not_found_continues_the_request() {
    use kefu_protocol::Lang;
    for (said, lang) in [
        ("哦哦不好意思，记错了，是1002", Lang::Zh),
        ("my bad, typo. i meant 1002", Lang::En),
    ] {
        let mut shop = ctx();
        shop.last_bot = Some((
            crate::engine::replies::text(Line::OfferHuman, lang).into(),
            Some("track_order".into()),
        ));
        let mut u = msg(said, "complaint", 0.58);
        u.lang = lang;
        let c = call(decide(&shop, &u));
        assert_eq!(c.intent(), "track_order", "{said}");
        assert_eq!(c.order_number.as_deref(), Some("1002"), "{said}");
    }
}
