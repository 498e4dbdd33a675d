//! Decision rows for messages an agent taught the bot (`correction.rs`): a taught label is
//! acted on as the model's would be, with the slots of the message; a taught FAQ entry is
//! given verbatim; and nothing taught keeps a request for a person, a policy topic or a
//! sensitive topic from reaching a person.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{call, ctx, msg, reply, says, with_topic};
use super::*;
use crate::engine::correction::{Correction, Target};
use crate::engine::replies::Line;
use crate::store::FaqEntry;

fn taught(u: Understanding, target: Target) -> Understanding {
    u.as_taught(Some(Correction {
        id: 1,
        target,
        similarity: 0.9,
    }))
}

fn intent(label: &str) -> Target {
    Target::Intent(label.into())
}

/// The demo context with an entry an agent saved from a conversation.
fn with_gift_wrap() -> TurnContext {
    let mut ctx = ctx();
    std::sync::Arc::make_mut(&mut ctx.config)
        .faq
        .push(FaqEntry {
            id: 9,
            question: "do you gift wrap".into(),
            answer: "Yes: tick 'gift' at checkout, it is free.".into(),
            lang: "en".into(),
            intent: None,
            // Saved from a conversation: private until the merchant publishes it.
            public: false,
        });
    ctx
}

#[test]
fn a_taught_label_is_acted_on_with_the_messages_own_slots() {
    let u = taught(
        msg("can I collect 1001 myself", "out_of_scope", 0.8),
        intent("track_order"),
    );
    let c = call(decide(&ctx(), &u));
    assert_eq!(
        (c.plugin.as_str(), c.request.intent.as_str()),
        ("orders", "track_order")
    );
    assert_eq!(c.order_number.as_deref(), Some("1001"));
    let u = taught(
        msg("can I collect it myself", "out_of_scope", 0.8),
        intent("track_order"),
    );
    says(&reply(decide(&ctx(), &u)), Line::AskOrderNumber);
}

#[test]
fn a_taught_faq_entry_is_given_verbatim_unless_the_message_answers_a_question() {
    let ctx = with_gift_wrap();
    // The model reads it as a product question a plugin serves: the entry answers anyway.
    let u = taught(msg("do you giftwrap", "product_info", 0.9), Target::Faq(9));
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.text, "Yes: tick 'gift' at checkout, it is free.");
    assert_eq!((d.intent.as_str(), d.state), ("faq", Bot));
    // Asked for an order number, the shopper's next message answers that question.
    let mut asked = ctx.clone();
    asked.conversation.pending_intent = Some("track_order".into());
    let u = taught(
        msg("do you gift wrap 1001", "track_order", 0.9),
        Target::Faq(9),
    );
    assert_eq!(call(decide(&asked, &u)).request.intent, "track_order");
    // An entry since deleted teaches nothing: the model's reading stands.
    let u = taught(
        msg("do you gift wrap", "out_of_scope", 0.9),
        Target::Faq(42),
    );
    says(&reply(decide(&super::tests::ctx(), &u)), Line::OutOfScope);
}

#[test]
fn nothing_taught_keeps_a_policy_or_sensitive_topic_from_a_person() {
    let ctx = with_gift_wrap();
    // A policy phrase, taught as an order question or as an FAQ entry.
    for target in [intent("track_order"), Target::Faq(9)] {
        let u = taught(
            msg("I'll talk to my lawyer about 1001", "track_order", 0.9),
            target,
        );
        let d = reply(decide(&ctx, &u));
        says(&d, Line::PolicyHandoff);
        assert_eq!(d.handoff_reason.as_deref(), Some("policy: legal"));
        assert_eq!(d.state, WaitingForHuman);
    }
    // A charge the shopper never made, heard by meaning, taught as a payment question.
    for target in [intent("check_payment_methods"), Target::Faq(9)] {
        let u = taught(
            with_topic(
                msg(
                    "what is this payment on my card",
                    "check_payment_methods",
                    0.7,
                ),
                Topic::Fraud,
            ),
            target,
        );
        let d = reply(decide(&ctx, &u));
        says(&d, Line::PolicyHandoff);
        assert_eq!(d.state, WaitingForHuman);
    }
    // A request for a person, and closing an account, stay what the model heard.
    let u = taught(
        msg("get me someone", "contact_human_agent", 0.9),
        intent("track_order"),
    );
    says(&reply(decide(&ctx, &u)), Line::HandoffRequested);
    let u = taught(
        msg("close my account", "delete_account", 0.9),
        Target::Faq(9),
    );
    let d = reply(decide(&ctx, &u));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: data protection request")
    );
    // And the merchant's own handoff phrases.
    let u = taught(
        msg("wholesale prices for 200 mugs", "product_info", 0.9),
        Target::Faq(9),
    );
    says(&reply(decide(&ctx, &u)), Line::PolicyHandoff);
}
