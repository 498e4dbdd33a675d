//! Decision rows about what plugins answer: a missing slot asked for once and a bare value
//! continuing the intent, a follow-up naming another order, "not found" said and never
//! guessed, a failing plugin apologised for with a person offered, a merchant's refusal in
//! the plugin's words, a product named taken to the catalogue. Pure functions only, as in
//! `decide_tests.rs`.

use super::tests::*;
use super::*;
use crate::engine::replies::Line;
use crate::plugins::CallError;

#[test]
fn a_missing_slot_is_asked_for_once_and_a_bare_value_continues_the_intent() {
    let d = reply(decide(
        &ctx(),
        &msg("where is my order?", "track_order", 0.95),
    ));
    says(&d, Line::AskOrderNumber);
    let mut next = ctx();
    next.conversation.pending_intent = d.pending_intent;
    let c = call(decide(&next, &msg("1001", "out_of_scope", 0.3)));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn a_short_follow_up_naming_another_order_continues_the_order_question() {
    let mut ctx = ctx();
    ctx.last_bot = Some(("Order 1001 has shipped.".into(), Some("track_order".into())));
    for text in ["and 1002?", "订单1002呢"] {
        let c = call(decide(&ctx, &msg(text, "out_of_scope", 0.4)));
        assert_eq!(c.intent(), "track_order", "{text}");
        assert_eq!(c.order_number.as_deref(), Some("1002"));
    }
}

#[test]
fn not_found_is_said_never_guessed() {
    let u = msg("where is order 4242", "track_order", 0.95);
    let c = call(decide(&ctx(), &u));
    let d = after_call(
        &ctx(),
        &u,
        &c,
        Err(CallError::NotFound("4242".into())),
        "a1",
        "",
    );
    says(&d, Line::OrderNotFound);
    let mut pc = ctx();
    pc.names_product = true;
    let u = msg("tell me about the purple kettle", "product_info", 0.95);
    let c = call(decide(&pc, &u));
    let d = after_call(
        &pc,
        &u,
        &c,
        Err(CallError::NotFound("kettle".into())),
        "a1",
        "",
    );
    says(&d, Line::ProductNotFound);
}

#[test]
fn a_failing_plugin_gets_an_apology_and_a_person_offered() {
    let u = msg("where is order 1001", "track_order", 0.95);
    let c = call(decide(&ctx(), &u));
    for e in [
        CallError::Trapped("x".into()),
        CallError::Timeout(50),
        CallError::CircuitOpen(5),
    ] {
        let d = after_call(&ctx(), &u, &c, Err(e), "a1", "");
        says(&d, Line::PluginFailed);
        assert!(d.failed);
    }
}

#[test]
fn a_refusal_by_the_merchants_policy_is_said_in_the_plugins_words_with_a_person_offered() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = msg("refund order 1001", "get_refund", 0.95);
    let c = call(decide(&ctx, &u));
    let why = "The 30-day return window has passed.";
    let d = after_call(
        &ctx,
        &u,
        &c,
        Err(CallError::NotAllowed(why.into())),
        "a1",
        "",
    );
    assert_eq!(d.text, why);
    assert!(d.failed);
    assert!(!d.cards.is_empty(), "a person is offered");
}

#[test]
fn a_message_naming_a_product_goes_to_the_catalog_whatever_the_model_says() {
    let mut ctx = ctx();
    ctx.names_product = true;
    let c = call(decide(
        &ctx,
        &msg("organic cotton tee price", "out_of_scope", 0.5),
    ));
    assert_eq!(c.intent(), "product_info");
    let c = call(decide(
        &ctx,
        &msg("grey hoodie in stock", "place_order", 0.5),
    ));
    assert_eq!(c.intent(), "product_availability");
    // Naming a way to pay asks about paying, whatever product is named with it.
    let d = decide(
        &ctx,
        &msg(
            "do you take alipay? I might order a cap too",
            "check_payment_methods",
            0.8,
        ),
    );
    assert!(
        !matches!(&d.step, Step::Call(c) if c.intent() == "product_info"),
        "{d:?}"
    );
}
