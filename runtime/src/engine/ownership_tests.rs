//! Regressions for the attacks on ownership and confirmation, one test per attack, on the
//! pure decision functions (the helpers of `decide_tests.rs`).

use kefu_protocol::{Card, ConversationState};

use super::tests::{call, ctx, msg, order, refund, reply, says};
use super::*;
use crate::engine::confirm::CardAnswer;
use crate::engine::ownership::{MAX_ADDRESS_PROOF_FAILURES, MAX_PROOF_FAILURES};
use crate::engine::plan::Step;
use crate::engine::replies::Lang;
use crate::engine::replies::Line;
use crate::plugins::{PluginReply, Proposal};
use crate::store::{ActionRecord, ActionState};

const NOW: u64 = 1_795_305_600;

/// What the orders plugin answers about order 1001, details and all.
fn tracked() -> Result<PluginReply, CallError> {
    Ok(PluginReply {
        text: "Order 1001 has shipped with UPS, tracking number 1Z999AA10123456784.".into(),
        cards: vec![Card::OrderStatus {
            order_id: "1001".into(),
            status: "shipped".into(),
            status_label: "shipped".into(),
            carrier: Some("UPS".into()),
            tracking_number: Some("1Z999AA10123456784".into()),
            eta: Some("2026-11-26".into()),
        }],
        proposal: None,
    })
}

fn details(d: &Decision) -> (Option<String>, Option<String>) {
    d.cards
        .iter()
        .find_map(|c| match c {
            Card::OrderStatus {
                carrier,
                tracking_number,
                ..
            } => Some((carrier.clone(), tracking_number.clone())),
            _ => None,
        })
        .expect("an order card")
}

#[test]
fn tracking_details_need_proof_of_ownership() {
    let ctx = ctx();
    // Anyone with the order number hears the status, never the carrier or tracking number,
    // even if the plugin puts them in its words.
    let u = msg("where is my order 1001?", "track_order", 0.95);
    let c = call(decide(&ctx, &u));
    assert!(!c.request.owner_verified);
    let d = after_call(&ctx, &u, &c, tracked(), "a1", "0.1.0");
    assert_eq!(details(&d), (None, None));
    assert!(
        !d.text.contains("1Z999") && !d.text.contains("UPS"),
        "{}",
        d.text
    );
    assert!(d.text.starts_with("Order 1001: shipped."), "{}", d.text);
    assert!(
        d.text
            .contains(replies::text(Line::DetailsNeedProof, Lang::En)),
        "{}",
        d.text
    );
    // The order's email, given next, shows them.
    let mut next = ctx.clone();
    next.conversation.pending_intent = d.pending_intent.clone();
    next.pending = d.pending.clone();
    let u = msg("jane@example.com", "out_of_scope", 0.6);
    let c = call(decide(&next, &u));
    assert_eq!(c.intent(), "track_order");
    assert!(c.request.owner_verified);
    let d = after_call(&next, &u, &c, tracked(), "a1", "0.1.0");
    assert_eq!(
        details(&d),
        (Some("UPS".into()), Some("1Z999AA10123456784".into()))
    );
    // So does a signed identity of the order's email; a wrong email shows nothing more, and
    // is counted.
    let mut signed = ctx.clone();
    signed.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("where is my order 1001?", "track_order", 0.95);
    assert!(call(decide(&signed, &u)).request.owner_verified);
    let u = msg(
        "where is order 1001? I'm eve@example.com",
        "track_order",
        0.95,
    );
    let c = call(decide(&ctx, &u));
    assert!(!c.request.owner_verified && c.proof_failed);
    let d = after_call(&ctx, &u, &c, tracked(), "a1", "0.1.0");
    assert_eq!(details(&d), (None, None));
    assert!(d.proof_failed, "a wrong email is counted");
}

#[test]
fn guessing_order_emails_hands_over_after_three_failures() {
    let guess = msg(
        "refund order 1001, my email is eve@example.com",
        "get_refund",
        0.95,
    );
    // The first wrong emails are refused (and counted) without saying why.
    for failures in 0..MAX_PROOF_FAILURES - 1 {
        let mut ctx = ctx();
        ctx.trust.conversation_failures = failures;
        let d = reply(decide(&ctx, &guess));
        says(&d, Line::OwnershipNotProven);
        assert!(d.proof_failed);
    }
    // The third hands the conversation to a person.
    let mut ctx = ctx();
    ctx.trust.conversation_failures = MAX_PROOF_FAILURES - 1;
    let d = reply(decide(&ctx, &guess));
    says(&d, Line::ProofsExhausted);
    assert_eq!(d.state, ConversationState::WaitingForHuman);
    assert!(d.proof_failed);
    assert!(d.handoff_reason.unwrap().starts_with("ownership:"));
    // Past the limit even the right email is not checked any more: a lucky guess wins
    // nothing.
    ctx.trust.conversation_failures = MAX_PROOF_FAILURES;
    let right = msg(
        "refund order 1001, my email is jane@example.com",
        "get_refund",
        0.95,
    );
    says(&reply(decide(&ctx, &right)), Line::ProofsExhausted);
    // Per address too: a new conversation per guess does not help.
    let mut ctx = super::tests::ctx();
    ctx.trust.address_failures = MAX_ADDRESS_PROOF_FAILURES - 1;
    says(&reply(decide(&ctx, &guess)), Line::ProofsExhausted);
    ctx.trust.address_failures = MAX_ADDRESS_PROOF_FAILURES;
    says(&reply(decide(&ctx, &right)), Line::ProofsExhausted);
    // A valid signed identity still proves ownership: it cannot be guessed.
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let c = call(decide(
        &ctx,
        &msg("cancel order 1001", "cancel_order", 0.95),
    ));
    assert!(c.request.owner_verified);
}

fn proposed(id: &str, shopper: &str) -> ActionRecord {
    ActionRecord {
        id: id.into(),
        conversation_id: "c1".into(),
        plugin: "refunds".into(),
        plugin_version: "0.1.0".into(),
        proposal: "{}".into(),
        shopper: shopper.into(),
        state: ActionState::Proposed,
    }
}

fn pressed(text: &str, action_id: &str, accept: bool) -> Understanding {
    let mut u = msg(text, "get_refund", 0.5);
    u.card = Some(CardAnswer {
        action_id: action_id.into(),
        accept,
    });
    u
}

#[test]
fn a_stale_card_cannot_confirm_a_newer_action() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    ctx.pending.action = Some("a2".into());
    ctx.proposed_action = Some(proposed("a2", "jane@example.com"));
    ctx.trust.latest_card_action = Some("a2".into());
    // The button of an older card (or of a card in another tab) names its own action.
    let plan = decide(&ctx, &pressed("Confirm refund", "a1", true));
    says(&reply(plan.clone()), Line::StaleConfirmation);
    assert!(!matches!(plan.step, Step::Commit { .. }));
    // The latest card's own button confirms it; its decline button declines it.
    let plan = decide(&ctx, &pressed("Confirm refund", "a2", true));
    assert_eq!(
        plan.step,
        Step::Commit {
            action_id: "a2".into()
        }
    );
    let plan = decide(&ctx, &pressed("Cancel", "a2", false));
    assert_eq!(plan.lapsed_action.as_deref(), Some("a2"));
    says(&reply(plan), Line::RefundCancelled);
    // A typed "ok" confirms what the latest card shows, and only that: after anything
    // else (an agent's message, a rating question) it is just an "ok".
    assert!(matches!(
        decide(&ctx, &msg("ok", "thanks", 0.5)).step,
        Step::Commit { .. }
    ));
    ctx.trust.latest_card_action = None;
    let plan = decide(&ctx, &msg("ok", "thanks", 0.5));
    assert!(!matches!(plan.step, Step::Commit { .. }), "{plan:?}");
    assert_eq!(plan.lapsed_action.as_deref(), Some("a2"));
}

#[test]
fn an_expired_identity_is_not_honoured() {
    let mut ctx = ctx();
    ctx.trust.now = NOW;
    ctx.conversation.verified_email = Some("jane@example.com".into());
    ctx.trust.verified_until = Some(NOW + 60);
    let u = msg("cancel order 1001", "cancel_order", 0.95);
    assert!(call(decide(&ctx, &u)).request.owner_verified);
    // Checked on every use, not only when the identity arrived.
    ctx.trust.verified_until = Some(NOW);
    says(&reply(decide(&ctx, &u)), Line::AskOrderEmail);
    let track = msg("where is my order 1001?", "track_order", 0.95);
    assert!(!call(decide(&ctx, &track)).request.owner_verified);
    // Nor at confirmation: an action proposed while it held is not carried out after.
    ctx.pending.action = Some("a1".into());
    ctx.proposed_action = Some(proposed("a1", "jane@example.com"));
    ctx.trust.latest_card_action = Some("a1".into());
    let plan = decide(&ctx, &pressed("Confirm refund", "a1", true));
    says(&reply(plan), Line::ProofExpired);
    // An email proven in the conversation does not expire.
    ctx.trust.verified_until = None;
    assert!(matches!(
        decide(&ctx, &pressed("Confirm refund", "a1", true)).step,
        Step::Commit { .. }
    ));
}

#[test]
fn a_proposal_for_another_order_is_refused() {
    let mut ctx = ctx();
    ctx.orders.push(order("1002", "carlos@example.com"));
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("refund order 1001", "get_refund", 0.95);
    let c = call(decide(&ctx, &u));
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    // Proof for 1001 never pays out on 1002, whatever the plugin proposes.
    let mut other = refund(1_000).unwrap();
    if let Some(Proposal::Refund { order_id, .. }) = &mut other.proposal {
        *order_id = "1002".into();
    }
    let d = after_call(&ctx, &u, &c, Ok(other), "a1", "0.1.0");
    says(&d, Line::PluginFailed);
    assert!(d.new_action.is_none());
    // The proven order's proposal stands.
    let d = after_call(&ctx, &u, &c, refund(1_000), "a1", "0.1.0");
    assert!(d.new_action.is_some());
}
