//! One test per row of the decision table in docs/architecture.md, on the pure decision
//! functions: no store, no model, no sandbox. Predictions are written by hand, so each
//! test pins the decision, not the classifier.

use std::collections::HashMap;
use std::sync::Arc;

use kefu_intent::Prediction;
use kefu_protocol::{Card, ConversationState};

use super::*;
use crate::engine::context::{Remembered, Served, TurnContext};
use crate::engine::decision::Pending;
use crate::engine::plan::{CallPlan, Step};
use crate::engine::replies::{Lang, Line};
use crate::engine::understand::Understanding;
use crate::plugins::manifest::Need;
use crate::plugins::{CallError, MoneyLimits, PluginReply, Proposal};
use crate::store::{Conversation, FaqEntry, MerchantConfig, MerchantSettings, OrderRecord};

use ConversationState::{Bot, WaitingForHuman};

pub(super) fn served(plugin: &str, needs: &[Need]) -> Served {
    Served {
        plugin: plugin.into(),
        needs: needs.to_vec(),
        money: (plugin == "refunds").then(|| MoneyLimits {
            currency: "USD".into(),
            max_refund_minor: 10_000,
            max_per_day_minor: 100_000,
            max_per_shopper_minor: 20_000,
        }),
        order_changes: plugin == "orders",
    }
}

pub(super) fn order(id: &str, email: &str) -> OrderRecord {
    OrderRecord {
        id: id.into(),
        email: email.into(),
        status: "shipped".into(),
        carrier: None,
        tracking_number: None,
        eta: None,
        delivered_on: None,
        total_minor: 4_500,
        currency: "USD".into(),
        items: vec![],
        shipping_address: None,
    }
}

/// The demo shop: orders, refunds and catalog plugins, one FAQ entry, an agent online.
pub(crate) fn ctx() -> TurnContext {
    let number = Need::Slot("order-number".into());
    let mut s = HashMap::new();
    s.insert(
        "track_order".into(),
        served("orders", std::slice::from_ref(&number)),
    );
    for i in ["cancel_order", "change_shipping_address"] {
        s.insert(i.into(), served("orders", &[number.clone(), Need::Owner]));
    }
    for i in ["get_refund", "track_refund"] {
        s.insert(i.into(), served("refunds", &[number.clone(), Need::Owner]));
    }
    for i in ["product_info", "product_availability"] {
        s.insert(i.into(), served("catalog", &[Need::Product]));
    }
    TurnContext {
        conversation: Conversation {
            id: "c1".into(),
            merchant_id: "demo".into(),
            state: Bot,
            locale: "en".into(),
            pending_intent: None,
            last_seq: 0,
            failed_turns: 0,
            priority: 0,
            handoff_reason: None,
            agent_id: None,
            csat_asked: false,
            csat_score: None,
            pending: None,
            verified_email: None,
        },
        resent: None,
        pending: Pending::default(),
        settings: MerchantSettings {
            name: "Demo".into(),
            refund_cap_minor: Some(5_000),
            reply_within_hours: 24,
            handoff_phrases: vec!["wholesale".into()],
            ..MerchantSettings::default()
        },
        last_bot: None,
        refunded: vec![],
        config: Arc::new(MerchantConfig::new(
            0,
            vec![FaqEntry {
                id: 1,
                question: "What is your return policy?".into(),
                answer: "Returns are free within 30 days.".into(),
                lang: "en".into(),
                intent: Some("check_refund_policy".into()),
                public: true,
            }],
            HashMap::new(),
            vec![],
        )),
        orders: vec![order("1001", "jane@example.com")],
        names_product: false,
        proposed_action: None,
        served: s,
        live: true,
        remembered: Remembered::default(),
        trust: Default::default(),
    }
}

/// `text`, which the model reads as `intent` with confidence `p`.
/// `ctx` with a public FAQ entry for `intent` in `lang` (the next id).
pub(super) fn with_faq(
    ctx: &mut TurnContext,
    lang: &str,
    intent: &str,
    question: &str,
    answer: &str,
) {
    let faq = &mut Arc::make_mut(&mut ctx.config).faq;
    let id = faq.iter().map(|e| e.id).max().unwrap_or(0) + 1;
    faq.push(FaqEntry {
        id,
        question: question.into(),
        answer: answer.into(),
        lang: lang.into(),
        intent: Some(intent.into()),
        public: true,
    });
}

/// The demo shop with an English FAQ of `entries` (question, answer, intent), indexed as the
/// store indexes it (unlike [`with_faq`], which adds to the rows only).
pub(super) fn shop_with_faq(entries: &[(&str, &str, &str)]) -> TurnContext {
    let mut shop = ctx();
    let entries = entries
        .iter()
        .zip(1..)
        .map(|(&(question, answer, intent), id)| FaqEntry {
            id,
            question: question.into(),
            answer: answer.into(),
            lang: "en".into(),
            intent: Some(intent.into()),
            public: true,
        })
        .collect();
    shop.config = Arc::new(MerchantConfig::new(1, entries, HashMap::new(), vec![]));
    shop
}

pub(super) fn msg(text: &str, intent: &str, p: f32) -> Understanding {
    let mut u = Understanding::new(
        text,
        Prediction {
            intent: intent.into(),
            confidence: p,
            top: vec![(intent.into(), p)],
        },
        "en",
    );
    u.upset = false;
    u
}

/// The reply a plan gives without a plugin.
pub(super) fn reply(plan: Plan) -> Decision {
    match plan.step {
        Step::Reply(d) => d,
        other => panic!("expected a reply, got {other:?}"),
    }
}

pub(super) fn call(plan: Plan) -> CallPlan {
    match plan.step {
        Step::Call(c) => c,
        other => panic!("expected a plugin call, got {other:?}"),
    }
}

/// The intent a plan serves, whether it replies now or calls a plugin.
pub(super) fn intent_of(plan: Plan) -> String {
    match plan.step {
        Step::Reply(d) => d.intent,
        Step::Call(c) => c.intent().to_string(),
        other => panic!("{other:?}"),
    }
}

pub(super) fn says(d: &Decision, line: Line) {
    assert_eq!(d.line, Some(line), "said {:?}: {}", d.line, d.text);
}

pub(super) fn plugin_says(text: &str) -> Result<PluginReply, CallError> {
    Ok(PluginReply {
        text: text.into(),
        cards: vec![],
        proposal: None,
    })
}

pub(super) fn refund(amount_minor: u64) -> Result<PluginReply, CallError> {
    Ok(PluginReply {
        text: "You can get your money back.".into(),
        cards: vec![],
        proposal: Some(Proposal::Refund {
            order_id: "1001".into(),
            amount_minor,
            currency: "USD".into(),
            reason: "damaged".into(),
            terms: "Refund to the card you paid with.".into(),
        }),
    })
}

pub(super) fn has_contact_form(d: &Decision) -> bool {
    d.cards
        .iter()
        .any(|c| matches!(c, Card::ContactForm { .. }))
}

#[test]
fn an_intent_a_plugin_serves_goes_to_that_plugin_with_its_slots() {
    let c = call(decide(
        &ctx(),
        &msg("where is my order 1001?", "track_order", 0.95),
    ));
    assert_eq!(c.plugin, "orders");
    assert_eq!(c.request.slots, [("order-number".into(), "1001".into())]);
    assert!(!c.request.owner_verified, "tracking needs no proof");
    let d = after_call(
        &ctx(),
        &msg("where is my order 1001?", "track_order", 0.95),
        &c,
        plugin_says("Order 1001 has shipped."),
        "a1",
        "0.1.0",
    );
    assert_eq!((d.text.as_str(), d.state), ("Order 1001 has shipped.", Bot));
    assert_eq!(d.line, None, "the plugin's words, not the bot's");
}

#[test]
fn acting_on_an_order_asks_for_its_number_then_its_email() {
    let d = reply(decide(&ctx(), &msg("I want a refund", "get_refund", 0.95)));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));

    let d = reply(decide(
        &ctx(),
        &msg("refund order 1001", "get_refund", 0.95),
    ));
    says(&d, Line::AskOrderEmail);
    assert_eq!(d.pending.order_number.as_deref(), Some("1001"));

    // The email answers the pending question, and proves ownership.
    let mut next = ctx();
    next.conversation.pending_intent = Some("get_refund".into());
    next.pending = d.pending.clone();
    let c = call(decide(&next, &msg("jane@example.com", "out_of_scope", 0.6)));
    assert_eq!(c.intent(), "get_refund");
    assert!(c.request.owner_verified);
    assert_eq!(c.verified_email.as_deref(), Some("jane@example.com"));
}

#[test]
fn a_wrong_email_is_refused_without_saying_whether_the_order_exists() {
    for number in ["1001", "9999"] {
        let text = format!("refund order {number}, my email is eve@example.com");
        let d = reply(decide(&ctx(), &msg(&text, "get_refund", 0.95)));
        says(&d, Line::OwnershipNotProven);
    }
}

#[test]
fn a_signed_identity_counts_as_proof() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let c = call(decide(
        &ctx,
        &msg("cancel order 1001", "cancel_order", 0.95),
    ));
    assert!(c.request.owner_verified);
}

#[test]
fn a_policy_question_no_plugin_serves_gets_the_faq_entry_verbatim_or_honesty() {
    let u = msg("what's your return policy?", "check_refund_policy", 0.9);
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.text, "Returns are free within 30 days.");
    assert_eq!(d.intent, "check_refund_policy");
    let d = reply(decide(
        &ctx(),
        &msg("do you ship to Mars?", "delivery_options", 0.9),
    ));
    says(&d, Line::CannotHandleYet);
    assert!(d.failed);
}

#[test]
fn a_torn_model_asks_which_one_is_meant_and_the_pick_is_that_intent() {
    let u = Understanding {
        prediction: Prediction {
            intent: "track_order".into(),
            confidence: 0.5,
            top: vec![("track_order".into(), 0.5), ("get_refund".into(), 0.3)],
        },
        ..msg("I have a problem with my order", "track_order", 0.5)
    };
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::Clarify);
    assert_eq!(d.pending.clarify, ["track_order", "get_refund"]);
    let Card::QuickReplies { options } = &d.cards[0] else {
        panic!("quick replies expected");
    };
    assert_eq!(options.len(), 3, "both intents and a person: {options:?}");
    let mut next = ctx();
    next.pending = d.pending.clone();
    let pick = msg(&options[1], "out_of_scope", 0.3);
    let d = reply(decide(&next, &pick));
    assert_eq!(d.intent, "get_refund", "{}", d.text);
}

#[test]
fn a_bare_yes_with_nothing_pending_is_an_acknowledgement() {
    for text in ["yes", "ok", "好的"] {
        let d = reply(decide(&ctx(), &msg(text, "get_refund", 0.6)));
        says(&d, Line::Thanks);
    }
}

#[test]
fn greetings_thanks_and_goodbyes_get_fixed_replies() {
    for (text, intent, line) in [
        ("hello there", "greeting", Line::Greeting),
        ("thank you so much", "thanks", Line::Thanks),
        ("bye now", "goodbye", Line::Goodbye),
    ] {
        says(&reply(decide(&ctx(), &msg(text, intent, 0.95))), line);
    }
}

#[test]
fn thanks_after_an_answer_that_helped_asks_for_a_rating_once() {
    let mut ctx = ctx();
    ctx.last_bot = Some(("Order 1001 has shipped.".into(), Some("track_order".into())));
    let d = reply(decide(&ctx, &msg("thank you so much", "thanks", 0.95)));
    assert!(d.cards.iter().any(|c| matches!(c, Card::Csat { .. })));
    ctx.conversation.csat_asked = true;
    let d = reply(decide(&ctx, &msg("thank you so much", "thanks", 0.95)));
    assert!(!d.cards.iter().any(|c| matches!(c, Card::Csat { .. })));
}

#[test]
fn out_of_scope_is_said_honestly() {
    let d = reply(decide(
        &ctx(),
        &msg("what is the capital of France", "out_of_scope", 0.9),
    ));
    says(&d, Line::OutOfScope);
    assert!(d.failed);
}

#[test]
fn a_shop_intent_no_plugin_serves_is_said_honestly() {
    let d = reply(decide(
        &ctx(),
        &msg("can I pay with bitcoin", "check_payment_methods", 0.9),
    ));
    says(&d, Line::CannotHandleYet);
}

#[test]
fn the_merchants_wording_replaces_the_bots_own_line() {
    let mut ctx = ctx();
    Arc::make_mut(&mut ctx.config)
        .wording
        .insert(("greeting".into(), "en".into()), "Welcome to Demo!".into());
    let d = reply(decide(&ctx, &msg("hello there", "greeting", 0.95)));
    assert_eq!(worded(&ctx, d, Lang::En).text, "Welcome to Demo!");
    // A plugin's words are never reworded.
    let u = msg("where is order 1001", "track_order", 0.95);
    let c = call(decide(&ctx, &u));
    let d = after_call(&ctx, &u, &c, plugin_says("Shipped."), "a1", "");
    assert_eq!(worded(&ctx, d, Lang::En).text, "Shipped.");
}

pub(super) fn with_topic(mut u: Understanding, topic: kefu_intent::topics::Topic) -> Understanding {
    u.topic = Some((topic, 0.9));
    u
}

#[test]
fn a_delivery_problem_is_taken_in_and_handed_to_a_person_with_the_order() {
    use kefu_intent::topics::Topic;
    let u = with_topic(msg("the cap came torn", "complaint", 0.5), Topic::Damaged);
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending_intent.as_deref(), Some("report_damaged"));
    let mut next = ctx();
    next.conversation.pending_intent = d.pending_intent;
    let d = reply(decide(&next, &msg("1003", "out_of_scope", 0.3)));
    says(&d, Line::DeliveryClaim);
    assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: damaged item, order 1003")
    );
    // With the order in the message, at once.
    let u = with_topic(
        msg(
            "order 1003 says delivered but nothing came",
            "track_order",
            0.6,
        ),
        Topic::NotReceived,
    );
    let d = reply(decide(&ctx(), &u));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("claim: marked delivered, not received, order 1003")
    );
}

#[test]
fn urgency_is_acknowledged_with_the_fastest_options_and_a_person_at_raised_priority() {
    use kefu_intent::topics::Topic;
    let mut ctx = ctx();
    with_faq(
        &mut ctx,
        "en",
        "delivery_options",
        "What shipping options do you offer?",
        "Express (1-2 business days) is $15.",
    );
    let u = with_topic(
        msg(
            "I need it by friday for my dad's funeral",
            "delivery_period",
            0.7,
        ),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx, &u));
    assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
    assert!(
        d.text.contains("urgent") && d.text.contains("Express"),
        "{}",
        d.text
    );
    assert!(d.handoff_reason.unwrap().starts_with("urgent"));
}

#[test]
fn a_move_told_with_an_address_change_is_the_change_not_urgency() {
    use kefu_intent::topics::Topic;
    let text = "need to change the delivery address on 1002, moving to a different flat next week";
    let mut u = msg(text, "change_shipping_address", 0.8);
    u.topic = Some((Topic::Urgent, 0.57));
    let d = reply(decide(&ctx(), &u));
    assert_eq!(
        (d.intent.as_str(), d.state),
        ("change_shipping_address", Bot)
    );
    let asap = "need to change the delivery address on 1002 asap, i'm moving out this weekend";
    let mut pressed = msg(asap, "change_shipping_address", 0.8);
    pressed.topic = Some((Topic::Urgent, 0.6));
    assert_eq!(
        reply(decide(&ctx(), &pressed)).intent,
        "change_shipping_address"
    );
    // Someone ill, or time pressure heard surely, stays urgent.
    let ill = "very urgent!! my mother is sick in hospital, I need order 1002 sent to the hospital";
    let mut sick = msg(ill, "change_shipping_address", 0.8);
    sick.topic = Some((Topic::Urgent, 0.6));
    assert_eq!(reply(decide(&ctx(), &sick)).priority, 1);
    // A move is the change however surely the model hears time pressure in it; time
    // pressure heard surely without one stays urgent.
    u.topic = Some((Topic::Urgent, 0.9));
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.intent, "change_shipping_address");
    let by_friday = "need to change the delivery address on 1002, it has to reach me by friday";
    let mut pressed = msg(by_friday, "change_shipping_address", 0.8);
    pressed.topic = Some((Topic::Urgent, 0.9));
    let d = reply(decide(&ctx(), &pressed));
    assert_eq!((d.state, d.priority), (WaitingForHuman, 1));
    // An earlier parcel's fate told as the reason: the change, no claim.
    let earlier = "上次快递放门口被偷了，1002能改寄到公司吗：上海市浦东新区张杨路500号15楼，邮箱jane@example.com";
    for topic in [None, Some((Topic::NotReceived, 0.9))] {
        let mut u = msg(earlier, "change_shipping_address", 0.8);
        u.topic = topic;
        let plan = decide(&ctx(), &u);
        assert!(
            !matches!(&plan.step, Step::Reply(d) if d.state == WaitingForHuman),
            "{topic:?}: {plan:?}"
        );
    }
}

#[test]
fn a_wrong_email_leaves_the_request_waiting_and_doubt_or_a_dispute_reaches_a_person() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "refund order 1001, my email is eve@example.com",
            "get_refund",
            0.95,
        ),
    ));
    says(&d, Line::OwnershipNotProven);
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
    assert_eq!(d.pending.order_number.as_deref(), Some("1001"));
    let mut next = ctx();
    next.conversation.pending_intent = Some("get_refund".into());
    next.pending = d.pending.clone();
    next.last_bot = Some((d.text.clone(), Some("get_refund".into())));
    next.trust.conversation_failures = 1;
    // The next email given is checked for the request ("不对？那试试 …").
    let c = call(decide(
        &next,
        &msg("oh wait, try jane@example.com", "out_of_scope", 0.6),
    ));
    assert_eq!(c.intent(), "get_refund");
    assert!(c.request.owner_verified);
    // So is one given in doubt, whatever the model made of it.
    let c = call(decide(
        &next,
        &msg(
            "hm 好像不是这个... maybe jane@example.com?",
            "product_info",
            0.6,
        ),
    ));
    assert_eq!(c.intent(), "get_refund");
    assert!(c.request.owner_verified);
    // Held to ("that's the only email I have"), or another guessed in doubt and wrong too:
    // a person checks another way.
    for text in [
        "that's the only email I have, what do you mean it doesn't match?",
        "hmm or eve2@example.com? I have like four emails",
        "hmm that's my email though? try eve2@example.com then",
        "不对吗？那我也不知道是哪个了，你们就不能直接取消吗",
    ] {
        let d = reply(decide(&next, &msg(text, "out_of_scope", 0.6)));
        says(&d, Line::EmailDeclinedHandoff);
        assert_eq!(d.state, WaitingForHuman, "{text}");
    }
}
