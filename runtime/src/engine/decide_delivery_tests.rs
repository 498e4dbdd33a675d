//! Decision rows for delivery claims (damaged, wrong or missing item, marked delivered but
//! not received) when the merchant's plugin serves them: the order's ownership is proven
//! first, a refund the plugin proposes waits for the shopper's confirmation with the claim
//! kept beside it, declining hands the claim to a person, and anything the plugin does not
//! settle goes to a person exactly as without it.

use crate::engine::replies::Lang;
use kefu_intent::topics::Topic;
use kefu_protocol::Card;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{call, ctx, msg, order, plugin_says, refund, reply, says, served, with_topic};
use super::*;
use crate::engine::context::TurnContext;
use crate::engine::plan::Step;
use crate::engine::replies::Line;
use crate::plugins::manifest::Need;

const CLAIMS: [&str; 4] = [
    "report_damaged",
    "report_wrong_item",
    "report_missing_item",
    "report_not_received",
];

/// The demo shop whose refunds plugin also serves delivery claims, as the reference one does.
fn claims_ctx() -> TurnContext {
    let mut ctx = ctx();
    for intent in CLAIMS {
        ctx.served.insert(
            intent.into(),
            served("refunds", &[Need::Slot("order-number".into()), Need::Owner]),
        );
    }
    ctx
}

fn damaged(text: &str) -> Understanding {
    with_topic(msg(text, "complaint", 0.5), Topic::Damaged)
}

/// The shopper proved order 1001 is theirs; they report it damaged; the plugin was asked.
fn asked_the_plugin() -> (TurnContext, Understanding, CallPlan) {
    let mut ctx = claims_ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = damaged("order 1001 arrived with the cap torn");
    let c = call(decide(&ctx, &u));
    (ctx, u, c)
}

#[test]
fn a_claim_the_plugin_serves_asks_for_proof_of_ownership_before_anything_else() {
    let ctx = claims_ctx();
    let d = reply(decide(&ctx, &damaged("the cap came torn")));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending_intent.as_deref(), Some("report_damaged"));
    // The order named, not yet proven the shopper's: its email is asked, nothing disclosed,
    // nobody called, no handoff yet.
    let d = reply(decide(
        &ctx,
        &damaged("order 1001 arrived with the cap torn"),
    ));
    assert_eq!(d.state, Bot);
    assert_eq!(d.pending_intent.as_deref(), Some("report_damaged"));
    assert!(d.new_action.is_none() && d.handoff_reason.is_none());
    assert!(
        !d.text.contains("4,500") && !d.text.contains("45.00"),
        "{}",
        d.text
    );
}

#[test]
fn an_upset_shoppers_claim_on_an_unproven_order_goes_to_a_person_with_the_facts() {
    let ctx = claims_ctx();
    let mut u = damaged("说了半天都没解决，订单1001的帽子是破的");
    u.upset = true;
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.state, WaitingForHuman, "{}", d.text);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("order 1001")),
        "{:?}",
        d.handoff_reason
    );
    // Proven already: the plugin weighs it, however upset the shopper is.
    let mut proven = claims_ctx();
    proven.conversation.verified_email = Some("jane@example.com".into());
    let c = call(decide(&proven, &u));
    assert_eq!(c.plugin, "refunds");
}

#[test]
fn a_claim_on_a_proven_order_asks_the_plugin_for_that_claim() {
    let (_, _, c) = asked_the_plugin();
    assert_eq!(c.plugin, "refunds");
    assert_eq!(c.intent(), "report_damaged");
    assert!(c.request.owner_verified);
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    // Each situation is its own intent, so the plugin knows what happened.
    for (topic, intent) in [
        (Topic::WrongItem, "report_wrong_item"),
        (Topic::MissingItem, "report_missing_item"),
        (Topic::NotReceived, "report_not_received"),
    ] {
        let mut ctx = claims_ctx();
        ctx.conversation.verified_email = Some("jane@example.com".into());
        // Marked delivered: a parcel not received is a claim (on its way, it is late).
        ctx.orders.retain(|o| o.id != "1001");
        let mut delivered = order("1001", "jane@example.com");
        delivered.status = "delivered".into();
        ctx.orders.push(delivered);
        let u = with_topic(
            msg(
                "about order 1001, something is wrong with it",
                "complaint",
                0.5,
            ),
            topic,
        );
        assert_eq!(call(decide(&ctx, &u)).intent(), intent);
    }
}

#[test]
fn a_refund_proposed_for_a_claim_waits_for_confirmation_and_keeps_the_claim() {
    let (ctx, u, c) = asked_the_plugin();
    let d = after_call(&ctx, &u, &c, refund(2_200), "a1", "0.2.0");
    assert_eq!(d.state, Bot);
    assert!(d.cards.iter().any(|card| matches!(
        card,
        Card::ConfirmRefund { action_id, amount_minor: 2_200, .. } if action_id == "a1"
    )));
    assert!(d.new_action.is_some(), "stored as proposed, nothing moved");
    assert_eq!(d.pending.action.as_deref(), Some("a1"));
    assert_eq!(
        d.pending.claim.as_deref(),
        Some("claim: damaged item, order 1001")
    );
    // Honest: the refund is proposed, not done.
    assert!(
        d.text
            .ends_with(replies::text(Line::ClaimRefundOffered, Lang::En)),
        "{}",
        d.text
    );
    assert!(d.handoff_reason.is_none());
}

#[test]
fn a_refund_for_a_claim_above_the_caps_hands_the_claim_to_a_person() {
    let (ctx, u, c) = asked_the_plugin();
    // Above the merchant's 50.00 cap.
    let d = after_call(&ctx, &u, &c, refund(6_000), "a1", "0.2.0");
    // Said as the claim it is: the shopper asked for no refund "like this".
    says(&d, Line::DeliveryClaim);
    assert_eq!(d.text, replies::text(Line::DeliveryClaim, Lang::En));
    assert_eq!(d.state, WaitingForHuman);
    assert!(d.new_action.is_none());
    let reason = d.handoff_reason.unwrap();
    assert!(
        reason.starts_with("claim: damaged item, order 1001; refund of $60.00"),
        "{reason}"
    );
}

#[test]
fn a_claim_the_shops_policy_does_not_settle_goes_to_a_person_with_the_reason_said() {
    let (ctx, u, c) = asked_the_plugin();
    let why = "Order 1001 hasn't been delivered yet, so I can't settle this claim myself.";
    let d = after_call(
        &ctx,
        &u,
        &c,
        Err(CallError::NotAllowed(why.into())),
        "a1",
        "0.2.0",
    );
    assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: damaged item, order 1001")
    );
    assert!(d.text.starts_with(why), "{}", d.text);
    assert!(
        d.text
            .ends_with(replies::text(Line::DeliveryClaim, Lang::En)),
        "{}",
        d.text
    );
    assert!(d.new_action.is_none());
}

#[test]
fn a_claim_the_plugin_fails_on_or_answers_without_a_proposal_goes_to_a_person_as_before() {
    let (ctx, u, c) = asked_the_plugin();
    for result in [
        Err(CallError::Timeout(50)),
        Err(CallError::Trapped("boom".into())),
        plugin_says("Sorry to hear that."),
    ] {
        let d = after_call(&ctx, &u, &c, result, "a1", "0.2.0");
        says(&d, Line::DeliveryClaim);
        assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
        assert_eq!(
            d.handoff_reason.as_deref(),
            Some("claim: damaged item, order 1001")
        );
    }
    // An order the plugin does not know is said so, as for any order question.
    let d = after_call(
        &ctx,
        &u,
        &c,
        Err(CallError::NotFound("1001".into())),
        "a1",
        "0.2.0",
    );
    says(&d, Line::OrderNotFound);
}

#[test]
fn declining_the_refund_for_a_claim_hands_the_claim_to_a_person() {
    let mut ctx = claims_ctx();
    ctx.pending.action = Some("a1".into());
    ctx.pending.claim = Some("claim: damaged item, order 1001".into());
    let plan = decide(&ctx, &msg("no thanks", "thanks", 0.5));
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"), "nothing moves");
    let d = reply(plan);
    says(&d, Line::ClaimRefundDeclined);
    assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: damaged item, order 1001; refund declined")
    );
    // The money turned down in so many words does the same, and asks for no refund again.
    for text in [
        "i don't want my money back i want the NAVY one",
        "我想换成藏青色的，不要退款",
        "换成藏青色就行，钱不用退",
        "I want the cap I paid for, not my money back",
        "honestly I'd take a new one over money",
        // Taken back in more words than "no".
        "wait actually don't, 还是留着吧, sorry",
    ] {
        let plan = decide(&ctx, &msg(text, "get_refund", 0.8));
        assert_eq!(plan.lapsed_action.as_deref(), Some("a1"), "{text}");
        says(&reply(plan), Line::ClaimRefundDeclined);
    }
    // The card's decline button does the same.
    let mut u = msg("", "thanks", 0.5);
    u.card = Some(confirm::CardAnswer {
        action_id: "a1".into(),
        accept: false,
    });
    says(&reply(decide(&ctx, &u)), Line::ClaimRefundDeclined);
    // Nobody online: said honestly, with the contact form, still queued.
    ctx.live = false;
    let d = reply(decide(&ctx, &msg("no", "thanks", 0.5)));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.cards
            .iter()
            .any(|c| matches!(c, Card::ContactForm { .. }))
    );
}

#[test]
fn confirming_the_refund_for_a_claim_commits_it() {
    let mut ctx = claims_ctx();
    ctx.pending.action = Some("a1".into());
    ctx.pending.claim = Some("claim: damaged item, order 1001".into());
    let mut u = msg("", "thanks", 0.5);
    u.card = Some(confirm::CardAnswer {
        action_id: "a1".into(),
        accept: true,
    });
    match decide(&ctx, &u).step {
        Step::Commit { action_id } => assert_eq!(action_id, "a1"),
        other => panic!("expected a commit, got {other:?}"),
    }
}

#[test]
fn a_refund_declined_without_a_claim_changes_nothing_as_before() {
    let mut ctx = claims_ctx();
    ctx.pending.action = Some("a1".into());
    says(
        &reply(decide(&ctx, &msg("no thanks", "thanks", 0.5))),
        Line::RefundCancelled,
    );
}

#[test]
fn without_the_plugin_a_claim_still_goes_to_a_person_with_the_facts() {
    let d = reply(decide(
        &ctx(),
        &damaged("order 1001 arrived with the cap torn"),
    ));
    says(&d, Line::DeliveryClaim);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: damaged item, order 1001")
    );
}

#[test]
fn a_claim_waiting_for_the_email_is_kept_when_the_shopper_says_more_instead() {
    let mut ctx = claims_ctx();
    ctx.conversation.pending_intent = Some("report_missing_item".into());
    ctx.pending.order_number = Some("1001".into());
    for u in [
        msg("the grey zip hoodie isnt in the box", "product_info", 0.9),
        msg("so what can you do about it", "out_of_scope", 0.8),
    ] {
        let d = reply(decide(&ctx, &u));
        says(&d, Line::ClaimNeedsEmail);
        assert_eq!(d.pending_intent.as_deref(), Some("report_missing_item"));
        assert_eq!(d.pending.order_number.as_deref(), Some("1001"));
    }
    // The email continues the claim to the plugin.
    ctx.conversation.verified_email = None;
    let c = call(decide(&ctx, &msg("jane@example.com", "greeting", 0.4)));
    assert_eq!(c.intent(), "report_missing_item");
    // So does one spelled out so no filter reads it.
    let c = call(decide(
        &ctx,
        &msg(
            "I'm Jane, email is jane at example dot com",
            "out_of_scope",
            0.6,
        ),
    ));
    assert_eq!(c.intent(), "report_missing_item");
    // A clear other request is answered.
    let c = call(decide(
        &ctx,
        &msg("is the hoodie in stock", "product_availability", 0.9),
    ));
    assert_ne!(c.intent(), "report_missing_item");
}

#[test]
fn a_claim_still_without_the_email_after_asking_twice_goes_to_a_person_with_the_facts() {
    let mut ctx = claims_ctx();
    ctx.conversation.pending_intent = Some("report_missing_item".into());
    ctx.pending.order_number = Some("1004".into());
    ctx.last_bot = Some((
        replies::text(Line::ClaimNeedsEmail, Lang::En).to_string(),
        Some("report_missing_item".into()),
    ));
    let d = reply(decide(&ctx, &msg("what now", "out_of_scope", 0.3)));
    says(&d, Line::DeliveryClaim);
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: missing item, order 1004; email not given")
    );
}

/// A claim with the shopper's email in it and no order number.
fn not_received_with_email() -> Understanding {
    with_topic(
        msg(
            "it says delivered but nothing came, jane@example.com",
            "complaint",
            0.5,
        ),
        Topic::NotReceived,
    )
}

/// `ctx` after the bot asked for `d`'s claim's order number, the shopper's earlier email
/// remembered.
fn after_asking(mut ctx: TurnContext, d: &Decision) -> TurnContext {
    ctx.conversation.pending_intent = d.pending_intent.clone();
    ctx.pending = d.pending.clone();
    ctx.remembered.email = Some("jane@example.com".into());
    ctx
}

#[test]
fn a_claim_with_an_email_and_no_order_number_asks_for_the_number_once_keeping_the_email() {
    for ctx in [claims_ctx(), ctx()] {
        let d = reply(decide(&ctx, &not_received_with_email()));
        says(&d, Line::ClaimAskOrderNumber);
        assert_eq!(d.state, Bot);
        assert_eq!(d.pending_intent.as_deref(), Some("report_not_received"));
        assert_eq!(d.pending.need.as_deref(), Some("order-number"));
        // A person is one tap away if they don't have the number.
        assert!(d.cards.iter().any(|c| matches!(
            c,
            Card::QuickReplies { options } if options.contains(&"Talk to a human".to_string())
        )));
    }
    // Without an email the usual question is asked, still only once.
    let d = reply(decide(
        &claims_ctx(),
        &with_topic(msg("it never came", "complaint", 0.5), Topic::NotReceived),
    ));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending.need.as_deref(), Some("order-number"));
}

#[test]
fn the_order_number_then_continues_the_claim_with_the_email_given_before() {
    let first = reply(decide(&claims_ctx(), &not_received_with_email()));
    let asked = after_asking(claims_ctx(), &first);
    // The email is never asked for again: the one given earlier proves the order.
    let c = call(decide(&asked, &msg("1001", "greeting", 0.3)));
    assert_eq!(c.intent(), "report_not_received");
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    assert!(c.request.owner_verified);
    // Without the plugin, the claim goes to a person with the order.
    let first = reply(decide(&ctx(), &not_received_with_email()));
    let d = reply(decide(
        &after_asking(ctx(), &first),
        &msg("it's 1001", "track_order", 0.6),
    ));
    says(&d, Line::DeliveryClaim);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: marked delivered, not received, order 1001")
    );
}

#[test]
fn a_claim_whose_order_number_the_shopper_does_not_give_goes_to_a_person_with_what_is_known() {
    let first = reply(decide(&claims_ctx(), &not_received_with_email()));
    let ctx = after_asking(claims_ctx(), &first);
    // The topic model's own reading left out: these rows are about the order number.
    let plain = |mut u: Understanding| {
        u.topic = None;
        u
    };
    for u in [
        plain(msg("i don't have it, sorry", "out_of_scope", 0.6)),
        plain(msg("i lost the confirmation email", "get_invoice", 0.5)),
        plain(msg("jane@example.com is all i have", "edit_account", 0.95)),
        with_topic(
            msg(
                "the courier says he left it at the door",
                "track_order",
                0.9,
            ),
            Topic::NotReceived,
        ),
    ] {
        let d = reply(decide(&ctx, &u));
        says(&d, Line::DeliveryClaim);
        assert_eq!((d.state, d.priority), (WaitingForHuman, 1), "{}", u.text);
        assert_eq!(
            d.handoff_reason.as_deref(),
            Some(
                "claim: marked delivered, not received, order number not given; email jane@example.com"
            )
        );
        assert_ne!(d.line, Some(Line::AskOrderEmail));
        assert_ne!(d.line, Some(Line::ClaimAskOrderNumber));
    }
    // A clear other request is answered instead.
    let d = decide(
        &ctx,
        &plain(msg(
            "what payment methods do you take",
            "check_payment_methods",
            0.95,
        )),
    );
    assert!(
        !matches!(&d.step, Step::Reply(d) if d.state == WaitingForHuman),
        "{d:?}"
    );
}

#[test]
fn a_parcel_marked_delivered_and_gone_is_a_claim_whatever_the_models_heard() {
    let ctx = claims_ctx();
    let text = "UPS reckons my hoodies were delivered nov 20 but I think someone nicked them off \
                the porch. what can you do";
    let d = reply(decide(&ctx, &msg(text, "out_of_scope", 0.2)));
    assert_eq!(d.pending_intent.as_deref(), Some("report_not_received"));
    // Asking whether it was delivered is a lookup, not a claim.
    let d = reply(decide(
        &ctx,
        &msg("was it delivered yet?", "track_order", 0.9),
    ));
    assert_ne!(d.pending_intent.as_deref(), Some("report_not_received"));
}

#[test]
fn asking_whether_it_came_or_only_giving_the_number_claims_nothing() {
    for (text, topic) in [
        (
            "ni hao, wo de dingdan 1004 daole meiyou a",
            Topic::MissingItem,
        ),
        ("我的订单1004到了没有", Topic::MissingItem),
        ("我的订单号是1004", Topic::WrongItem),
    ] {
        let mut u = with_topic(msg(text, "track_order", 0.6), topic);
        u.topic = Some((topic, 0.95));
        let plan = decide(&claims_ctx(), &u);
        let intent = match &plan.step {
            Step::Reply(d) => d.intent.clone(),
            Step::Call(c) => c.intent().to_string(),
            other => format!("{other:?}"),
        };
        assert!(
            crate::engine::claims::what(&intent).is_none(),
            "{text}: {intent}"
        );
    }
    // Something told beside the number is heard as ever.
    let u = with_topic(
        msg("订单1004到了，少了一件卫衣", "track_order", 0.6),
        Topic::MissingItem,
    );
    assert_eq!(
        reply(decide(&claims_ctx(), &u)).intent,
        "report_missing_item"
    );
}

#[test]
fn a_calm_question_about_a_product_read_as_a_complaint_is_the_products() {
    let u = msg("你们的帽子有几种颜色", "complaint", 0.6);
    let route = crate::engine::routing::route(&ctx(), &u);
    assert_eq!(
        (route.intent.as_str(), route.settled),
        ("product_info", true)
    );
    // Told of goods gone wrong, it stays a complaint.
    let u = msg("你们的帽子怎么才戴两次就坏了", "complaint", 0.6);
    assert_ne!(
        crate::engine::routing::route(&ctx(), &u).intent,
        "product_info"
    );
}

#[test]
fn a_stain_told_beside_an_order_is_damage_and_a_shipping_question_is_none() {
    let ctx = claims_ctx();
    // "not happy" holds no "app": the order named is goods in hand.
    let u = msg(
        "both hoodies have like a bleach stain?? order 1004. not happy",
        "complaint",
        0.4,
    );
    assert_eq!(super::tests::intent_of(decide(&ctx, &u)), "report_damaged");
    let u = msg(
        "order #1004. One of the hoodies has a pulled thread running down the sleeve.",
        "product_info",
        0.25,
    );
    assert_eq!(super::tests::intent_of(decide(&ctx, &u)), "report_damaged");
    // Whether it has shipped presupposes nothing came, however surely damage is heard.
    let u = with_topic(
        msg(
            "li.wei@example.com / #1002 — has the bottle shipped?",
            "track_order",
            0.95,
        ),
        Topic::Damaged,
    );
    assert_eq!(super::tests::intent_of(decide(&ctx, &u)), "track_order");
}

#[test]
fn goods_told_wrong_or_damaged_in_other_words_are_claims_and_goods_taken_in_are_none() {
    let ctx = claims_ctx();
    let intent = |u: Understanding| super::tests::intent_of(decide(&ctx, &u));
    let u = msg(
        "One of my hoodies has a small hole by the pocket. I have photos. Order 1004",
        "track_order",
        0.5,
    );
    assert_eq!(intent(u), "report_damaged");
    let u = msg("帽檐整个压变形了 订单1003", "complaint", 0.5);
    assert_eq!(intent(u), "report_damaged");
    let u = msg(
        "ORDER 1004 WAS 2 GREY HOODIES. ONE OF THEM IS BLACK.",
        "track_order",
        0.6,
    );
    assert_eq!(intent(u), "report_wrong_item");
    let u = msg(
        "1004不是两件灰卫衣吗？？拆开一件灰的一件T恤",
        "product_info",
        0.5,
    );
    assert_eq!(intent(u), "report_wrong_item");
    // One of them torn is damage, not another thing sent.
    assert!(!crate::engine::wrong_goods_words::describes_a_wrong_item(
        "order 1004 was 2 grey hoodies. one of them is torn"
    ));
    // Taken in by a flatmate: nothing to claim.
    let u = with_topic(
        msg(
            "oh wait it says delivered, my flatmate has it. unrelated q - do you take amex",
            kefu_intent::OUT_OF_SCOPE,
            0.5,
        ),
        Topic::NotReceived,
    );
    assert_ne!(intent(u), "report_not_received");
}

#[test]
fn a_claims_email_that_does_not_match_reaches_a_person_who_checks_another_way() {
    let shop = claims_ctx();
    let d = reply(decide(
        &shop,
        &damaged("the cap from order 1001 arrived crushed. janet@example.com"),
    ));
    assert_eq!(d.state, kefu_protocol::ConversationState::WaitingForHuman);
    assert!(d.proof_failed);
    let reason = d.handoff_reason.unwrap();
    assert!(
        reason.starts_with("claim: damaged item, order 1001; the email given did not match"),
        "{reason}"
    );
    // Nothing in the reply says which of the two was wrong.
    assert!(
        d.text
            .starts_with("I couldn't match that order number and email"),
        "{}",
        d.text
    );
}

#[test]
fn a_claim_asking_for_other_goods_reaches_a_person_with_the_facts() {
    let mut ctx = claims_ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    for text in [
        "order 1001: wrong colour cap came, can you swap it",
        "1001发错货了，能换吗",
    ] {
        let u = with_topic(msg(text, "complaint", 0.5), Topic::WrongItem);
        let d = reply(decide(&ctx, &u));
        assert_eq!(
            d.state,
            kefu_protocol::ConversationState::WaitingForHuman,
            "{text}"
        );
        assert!(
            d.handoff_reason
                .as_deref()
                .unwrap_or_default()
                .contains("exchange or replacement"),
            "{text}"
        );
    }
    // Money back, or nothing asked: the plugin weighs the claim.
    let u = with_topic(
        msg("order 1001: wrong colour cap came", "complaint", 0.5),
        Topic::WrongItem,
    );
    assert_eq!(call(decide(&ctx, &u)).intent(), "report_wrong_item");
    // Another colour wanted, nothing wrong sent: no claim, however the topic model heard it.
    let u = with_topic(
        msg(
            "actually wait, could I swap it for a different colour instead?",
            "return_item",
            0.6,
        ),
        Topic::WrongItem,
    );
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.state, kefu_protocol::ConversationState::Bot);
    assert_eq!(d.intent, "return_item");
}

#[test]
fn other_goods_asked_while_a_claims_email_is_awaited_reach_a_person() {
    let mut ctx = claims_ctx();
    ctx.conversation.pending_intent = Some("report_damaged".into());
    ctx.pending.order_number = Some("1004".into());
    let d = reply(decide(
        &ctx,
        &msg("能不能直接换一件新的", "change_order", 0.6),
    ));
    assert_eq!(d.state, kefu_protocol::ConversationState::WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("order 1004") && r.contains("exchange")),
        "{:?}",
        d.handoff_reason
    );
}
