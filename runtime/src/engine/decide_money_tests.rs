//! Decision rows about money and orders: refunds proposed within the caps and shown on a
//! card, what goes to a person instead, order changes and the address they need, and what a
//! confirmation, a second confirmation, a failed commit and a decline do. Pure functions
//! only, as in `decide_tests.rs`.

use kefu_protocol::{Card, ConversationState};

use super::tests::*;
use super::*;
use crate::engine::plan::{CommitOutcome, Step};
use crate::engine::replies::Line;
use crate::plugins::{CallError, PluginReply, Proposal};

use ConversationState::WaitingForHuman;

#[test]
fn a_refund_within_the_caps_is_shown_on_a_card_and_stored_as_proposed() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("refund order 1001", "get_refund", 0.95);
    let c = call(decide(&ctx, &u));
    let d = after_call(&ctx, &u, &c, refund(4_500), "a1", "0.1.0");
    assert!(d.cards.iter().any(|card| matches!(
        card,
        Card::ConfirmRefund { action_id, amount_minor: 4_500, .. } if action_id == "a1"
    )));
    let action = d.new_action.as_ref().expect("stored as proposed");
    assert_eq!(
        (action.id.as_str(), action.plugin.as_str()),
        ("a1", "refunds")
    );
    assert_eq!(action.shopper, "jane@example.com");
    assert_eq!(d.pending.action.as_deref(), Some("a1"));
}

#[test]
fn a_proposal_above_the_merchants_or_the_manifests_cap_goes_to_a_person() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("refund order 1001", "get_refund", 0.95);
    let c = call(decide(&ctx, &u));
    // 60.00 is within the manifest's 100.00 but above the merchant's 50.00.
    for amount in [6_000, 20_000] {
        let d = after_call(&ctx, &u, &c, refund(amount), "a1", "0.1.0");
        says(&d, Line::RefundNeedsHuman);
        assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
        assert!(d.new_action.is_none(), "nothing is proposed");
        assert!(d.handoff_reason.unwrap().contains("on order 1001"));
    }
}

#[test]
fn a_refund_asked_beyond_the_caps_goes_to_a_person_before_any_email_is_asked() {
    let mut ctx = ctx();
    ctx.orders[0].total_minor = 9_800;
    for text in [
        "1001 is late and honestly i dont want it anymore, just refund the 98",
        "1001这单都超时一个星期了，不要了，98块给我退了",
        "I want a full refund for order 1001",
    ] {
        let d = reply(decide(&ctx, &msg(text, "get_refund", 0.95)));
        says(&d, Line::RefundNeedsHuman);
        assert_eq!((d.state, d.priority), (WaitingForHuman, 1), "{text}");
        let reason = d.handoff_reason.unwrap();
        assert!(
            reason.contains("$98.00") && reason.contains("order 1001"),
            "{reason}"
        );
    }
    // Within the caps, or no sum named: the order's email first, then the plugin says.
    ctx.orders[0].total_minor = 4_500;
    for text in [
        "refund the 45 on order 1001",
        "I want a full refund for order 1001",
        "refund order 1001",
    ] {
        let d = reply(decide(&ctx, &msg(text, "get_refund", 0.95)));
        assert!(d.handoff_reason.is_none(), "{text}");
        says(&d, Line::AskOrderEmail);
    }
    // Already proven: the plugin proposes, and the caps are checked on its proposal.
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("just refund the 98, order 1001", "get_refund", 0.95);
    assert!(matches!(decide(&ctx, &u).step, Step::Call(_)));
}

#[test]
fn a_sum_beyond_the_caps_told_while_the_email_is_awaited_goes_to_a_person() {
    let mut ctx = ctx();
    ctx.orders[0].total_minor = 13_800;
    // Asked as a refund of both items: the whole order, above the caps, at once.
    let d = reply(decide(
        &ctx,
        &msg(
            "退款 for order 1001 pls, 两件我都不要了",
            "get_refund",
            0.95,
        ),
    ));
    says(&d, Line::RefundNeedsHuman);
    // The refund asked with no sum: the email is awaited. A reply naming the whole of it,
    // or a sum above the caps, reaches a person with that sum; whatever the model made of it.
    let d = reply(decide(&ctx, &msg("refund order 1001", "get_refund", 0.95)));
    says(&d, Line::AskOrderEmail);
    ctx.conversation.pending_intent = d.pending_intent.clone();
    ctx.pending = d.pending.clone();
    for (text, sum) in [
        ("全部 138, not partial", "$138.00"),
        ("all of it obviously", "$138.00"),
        ("the 98 for the hoodie", "$98.00"),
    ] {
        let d = reply(decide(&ctx, &msg(text, "complaint", 0.5)));
        says(&d, Line::RefundNeedsHuman);
        let reason = d.handoff_reason.unwrap();
        assert!(
            reason.contains(sum) && reason.contains("order 1001"),
            "{text}: {reason}"
        );
    }
    // Within the caps, a number above the order's total, another order, or the email
    // itself: not this rule.
    for text in [
        "just the 20",
        "it was 1,500 in total",
        "order 1004 too",
        "jane@example.com",
    ] {
        let d = decide(&ctx, &msg(text, "complaint", 0.5));
        assert!(
            !matches!(&d.step, Step::Reply(d) if d.line == Some(Line::RefundNeedsHuman)),
            "{text}"
        );
    }
}

#[test]
fn a_proposal_without_proven_ownership_is_refused_as_a_plugin_bug() {
    let u = msg("where is order 1001", "track_order", 0.95);
    let c = call(decide(&ctx(), &u));
    let d = after_call(&ctx(), &u, &c, refund(100), "a1", "0.1.0");
    says(&d, Line::PluginFailed);
    assert!(d.new_action.is_none());
}

#[test]
fn cancelling_or_redirecting_an_order_needs_the_order_changes_grant() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("cancel order 1001", "cancel_order", 0.95);
    let c = call(decide(&ctx, &u));
    let cancel = Ok(PluginReply {
        text: "Order 1001 can be cancelled.".into(),
        cards: vec![],
        proposal: Some(Proposal::CancelOrder {
            order_id: "1001".into(),
            amount_minor: 4_500,
            currency: "USD".into(),
            terms: "You get 45.00 back.".into(),
        }),
    });
    let d = after_call(&ctx, &u, &c, cancel.clone(), "a1", "0.1.0");
    assert!(
        d.cards
            .iter()
            .any(|c| matches!(c, Card::ConfirmCancel { .. }))
    );
    ctx.served.get_mut("cancel_order").unwrap().order_changes = false;
    let d = after_call(&ctx, &u, &c, cancel, "a1", "0.1.0");
    says(&d, Line::RefundNeedsHuman);
}

#[test]
fn the_address_is_asked_for_once_and_the_whole_next_message_is_the_address() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg(
        "send order 1001 somewhere else",
        "change_shipping_address",
        0.95,
    );
    let c = call(decide(&ctx, &u));
    let d = after_call(
        &ctx,
        &u,
        &c,
        Err(CallError::MissingSlot("address".into())),
        "a1",
        "0.1.0",
    );
    says(&d, Line::AskAddress);
    ctx.conversation.pending_intent = d.pending_intent.clone();
    ctx.pending = d.pending.clone();
    let c = call(decide(
        &ctx,
        &msg("12 Elm Street 1001 Springfield", "out_of_scope", 0.4),
    ));
    assert_eq!(c.intent(), "change_shipping_address");
    assert!(
        c.request
            .slots
            .contains(&("address".into(), "12 Elm Street 1001 Springfield".into()))
    );
    assert!(
        c.request
            .slots
            .contains(&("order-number".into(), "1001".into())),
        "the order asked about, not the house number"
    );
}

#[test]
fn a_confirmation_commits_the_proposed_action() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    let plan = decide(&ctx, &msg("Confirm refund", "get_refund", 0.5));
    assert_eq!(
        plan.step,
        Step::Commit {
            action_id: "a1".into()
        }
    );
    assert_eq!(plan.lapsed_action, None);
    let u = msg("yes", "thanks", 0.5);
    let done = after_commit(
        &u,
        CommitOutcome::Ran {
            action_id: "a1".into(),
            proposal: Proposal::Refund {
                order_id: "1001".into(),
                amount_minor: 4_500,
                currency: "USD".into(),
                reason: "r".into(),
                terms: "t".into(),
            },
            result: plugin_says("Refund R-1 issued."),
            issued: vec!["R-1".into()],
        },
    );
    assert_eq!(done.text, "Refund R-1 issued.");
}

#[test]
fn a_confirmation_in_more_words_commits_and_a_question_does_not() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    let commit = Step::Commit {
        action_id: "a1".into(),
    };
    for text in [
        "我刚才说过了 订单号和邮箱都给了 just confirm pls",
        "前面都说过了呀,直接改就行",
        "ok go ahead and cancel it",
        "I'd rather just get my money back than wait for a replacement",
    ] {
        assert_eq!(
            decide(&ctx, &msg(text, "out_of_scope", 0.4)).step,
            commit,
            "{text}"
        );
    }
    for text in [
        "can you confirm the address is right?",
        "no don't go ahead",
        "确认一下是发到哪个地址？",
        "wait, I'll just get my money back later",
        "这不是退款就行的事，你们的杯子把我手烫伤了",
        "the refund is fine but it should be 138 not 69, I returned both",
        "Partial refund of 20? No. I'd rather just get my money back in full",
    ] {
        assert_ne!(
            decide(&ctx, &msg(text, "out_of_scope", 0.4)).step,
            commit,
            "{text}"
        );
    }
    // Only the card on the latest message: after anything else it is no confirmation.
    ctx.trust.latest_card_action = None;
    let text = "just confirm pls";
    assert_ne!(decide(&ctx, &msg(text, "out_of_scope", 0.4)).step, commit);
}

#[test]
fn words_naming_another_action_confirm_nothing() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("li.wei@example.com".into());
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    let proposal = Proposal::ChangeAddress {
        order_id: "1002".into(),
        address: "上海市徐汇区漕溪北路88号".into(),
        terms: "t".into(),
    };
    ctx.proposed_action = Some(crate::store::ActionRecord {
        id: "a1".into(),
        conversation_id: "c1".into(),
        plugin: "orders".into(),
        plugin_version: "0.1.0".into(),
        proposal: serde_json::to_string(&proposal).unwrap(),
        shopper: "li.wei@example.com".into(),
        state: crate::store::ActionState::Proposed,
    });
    let commit = Step::Commit {
        action_id: "a1".into(),
    };
    // The change taken back and the order's cancellation asked instead: the card lapses.
    let plan = decide(
        &ctx,
        &msg("算了还是不改了，直接取消吧", "cancel_order", 0.8),
    );
    assert_ne!(plan.step, commit);
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"));
    assert_ne!(
        decide(&ctx, &msg("ok go ahead and cancel it", "cancel_order", 0.8)).step,
        commit
    );
    // Its own words still confirm it.
    assert_eq!(
        decide(&ctx, &msg("前面都说过了呀,直接改就行", "out_of_scope", 0.4)).step,
        commit
    );
    // A cancellation's card, confirmed with its own words and a reason that speaks of the
    // address.
    let proposal = Proposal::CancelOrder {
        order_id: "1002".into(),
        amount_minor: 3_400,
        currency: "USD".into(),
        terms: "t".into(),
    };
    if let Some(action) = ctx.proposed_action.as_mut() {
        action.proposal = serde_json::to_string(&proposal).unwrap();
    }
    assert_eq!(
        decide(&ctx, &msg("地址填错了，直接取消吧", "cancel_order", 0.8)).step,
        commit
    );
}

#[test]
fn a_second_confirmation_moves_nothing() {
    let d = after_commit(&msg("yes", "thanks", 0.5), CommitOutcome::NotProposed);
    says(&d, Line::ActionAlreadyHandled);
}

#[test]
fn a_commit_that_fails_after_money_moved_goes_to_a_person_and_one_that_failed_before_is_marked_failed()
 {
    let proposal = Proposal::Refund {
        order_id: "1001".into(),
        amount_minor: 4_500,
        currency: "USD".into(),
        reason: "r".into(),
        terms: "t".into(),
    };
    let u = msg("yes", "thanks", 0.5);
    let after = after_commit(
        &u,
        CommitOutcome::Ran {
            action_id: "a1".into(),
            proposal: proposal.clone(),
            result: Err(CallError::Trapped("boom".into())),
            issued: vec!["R-1".into()],
        },
    );
    assert_eq!((after.state, after.priority), (WaitingForHuman, 2));
    assert!(
        after.failed_action.is_none(),
        "money moved: it stays committed"
    );
    let before = after_commit(
        &u,
        CommitOutcome::Ran {
            action_id: "a1".into(),
            proposal,
            result: Err(CallError::Trapped("boom".into())),
            issued: vec![],
        },
    );
    says(&before, Line::CommitFailed);
    assert_eq!(before.failed_action.as_deref(), Some("a1"));
}

#[test]
fn declining_cancels_the_action_and_anything_else_lets_it_lapse() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    let plan = decide(&ctx, &msg("no thanks", "thanks", 0.5));
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"));
    says(&reply(plan), Line::RefundCancelled);
    let plan = decide(
        &ctx,
        &msg("is the hoodie in stock?", "product_availability", 0.9),
    );
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"));
    assert_eq!(call(plan).plugin, "catalog");
}

#[test]
fn a_statement_that_only_adds_leaves_the_proposal_open() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    let told = "And before you ask, yes I checked with the neighbours and the mailroom.";
    let plan = decide(&ctx, &msg(told, "out_of_scope", 0.4));
    assert_eq!(plan.lapsed_action, None, "the proposal stays open");
    let d = reply(plan);
    says(&d, Line::ProposalStillOpen);
    assert_eq!(
        d.pending.action.as_deref(),
        Some("a1"),
        "and still awaits its answer"
    );
    // "I already told you", however annoyed: what was told is what it was made from.
    let mut u = msg("信息我一开始就给你了", "out_of_scope", 0.96);
    u.upset = true;
    let plan = decide(&ctx, &u);
    assert_eq!(
        plan.lapsed_action, None,
        "told again, the proposal stays open"
    );
    says(&reply(plan), Line::ProposalStillOpen);
    // Anything else lapses it: another request, a question, a person asked for.
    for (text, intent) in [
        ("where is order 1002?", "track_order"),
        ("is that all you can do?", "out_of_scope"),
        ("just get me a human", "out_of_scope"),
    ] {
        let plan = decide(&ctx, &msg(text, intent, 0.6));
        assert_eq!(plan.lapsed_action.as_deref(), Some("a1"), "{text}");
    }
}

#[test]
fn a_question_in_any_clause_is_no_statement_that_only_adds() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    let text = "hmm wait. don't cancel. can you just tell me when the steel bottle is actually back in stock";
    let plan = decide(&ctx, &msg(text, "out_of_scope", 0.5));
    assert_eq!(
        plan.lapsed_action.as_deref(),
        Some("a1"),
        "asked, not added"
    );
}

#[test]
fn a_question_about_the_refunds_terms_is_answered_and_the_card_shown_again() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    let proposal = Proposal::Refund {
        order_id: "1001".into(),
        amount_minor: 2_200,
        currency: "USD".into(),
        reason: "changed mind".into(),
        terms: "Refunded to your original payment method.".into(),
    };
    ctx.proposed_action = Some(crate::store::ActionRecord {
        id: "a1".into(),
        conversation_id: "c1".into(),
        plugin: "refunds".into(),
        plugin_version: "0.1.0".into(),
        proposal: serde_json::to_string(&proposal).unwrap(),
        shopper: "jane@example.com".into(),
        state: crate::store::ActionState::Proposed,
    });
    let asked = msg(
        "how long does the money take to come back?",
        "check_refund_policy",
        0.8,
    );
    let plan = decide(&ctx, &asked);
    assert_eq!(plan.lapsed_action, None, "the proposal stays open");
    let d = reply(plan);
    assert_eq!(d.intent, "check_refund_policy");
    assert!(
        d.cards.iter().any(|c| matches!(
            c,
            Card::ConfirmRefund { action_id, amount_minor: 2_200, .. } if action_id == "a1"
        )),
        "the card is shown again: {d:?}"
    );
    assert_eq!(d.pending.action.as_deref(), Some("a1"));
    // So a typed "yes" next confirms it, as the card is on the latest message again.
    // Another question lets it lapse, as before.
    let other = msg("is the hoodie in stock?", "product_availability", 0.9);
    assert_eq!(decide(&ctx, &other).lapsed_action.as_deref(), Some("a1"));
    // And the card no longer the latest message: the policy, the proposal lapsed.
    ctx.trust.latest_card_action = None;
    assert_eq!(decide(&ctx, &asked).lapsed_action.as_deref(), Some("a1"));
}

#[test]
fn a_proposal_turned_down_with_another_question_answers_the_question() {
    let mut ctx = ctx();
    ctx.pending.action = Some("a1".into());
    ctx.trust.latest_card_action = Some("a1".into());
    ctx.names_product = true;
    let plan = decide(
        &ctx,
        &msg("算了先不退了，T恤多少钱一件", "track_refund", 0.5),
    );
    assert_eq!(plan.lapsed_action.as_deref(), Some("a1"));
    assert_eq!(call(plan).plugin, "catalog");
    // Turned down alone, it is cancelled as before.
    let d = reply(decide(&ctx, &msg("算了先不退了", "track_refund", 0.5)));
    says(&d, Line::RefundCancelled);
}
