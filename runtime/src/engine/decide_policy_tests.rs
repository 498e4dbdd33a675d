//! Decision rows for topics a bot must not handle: a policy topic, heard by its words or
//! by meaning, goes to a person at raised priority; someone hurt or in danger is told
//! where to get help now first, goes to the top of the queue, and keeps that advice when
//! nobody is online.

use kefu_protocol::ConversationState::WaitingForHuman;

use super::tests::{ctx, has_contact_form, msg, reply, says, with_topic};
use super::*;
use crate::engine::context::TurnContext;
use crate::engine::replies::Line;

#[test]
fn a_policy_topic_or_a_merchant_phrase_goes_to_a_person_at_priority_two() {
    let d = reply(decide(
        &ctx(),
        &msg("my account was hacked", "track_order", 0.9),
    ));
    says(&d, Line::PolicyHandoff);
    assert_eq!((d.state, d.priority), (WaitingForHuman, 2));
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: account security")
    );
    let d = reply(decide(
        &ctx(),
        &msg("do you sell wholesale?", "product_info", 0.9),
    ));
    says(&d, Line::PolicyHandoff);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: the shop's list (\"wholesale\")")
    );
}

#[test]
fn a_sensitive_topic_heard_by_meaning_goes_to_a_person_at_priority_two() {
    use kefu_intent::topics::Topic;
    for (topic, reason) in [
        (Topic::Fraud, "fraud"),
        (Topic::AccountTakeover, "account security"),
        (Topic::DataProtection, "data protection"),
        (Topic::Legal, "legal"),
        (Topic::Harassment, "harassment"),
    ] {
        let u = with_topic(msg("there's something odd here", "track_order", 0.6), topic);
        let d = reply(decide(&ctx(), &u));
        says(&d, Line::PolicyHandoff);
        assert_eq!((d.state, d.priority), (WaitingForHuman, 2));
        assert!(d.handoff_reason.unwrap().contains(reason), "{topic:?}");
    }
}

#[test]
fn someone_hurt_is_told_to_get_help_now_and_goes_first_in_the_queue() {
    use kefu_intent::topics::Topic;
    // Heard by meaning, or by the words that name harm when the model heard nothing.
    for u in [
        with_topic(
            msg("my kid put the lid seal in his mouth", "complaint", 0.5),
            Topic::Safety,
        ),
        msg("my son swallowed a piece of the cap", "track_order", 0.4),
        msg("孩子把瓶盖上的小零件吞下去了", "out_of_scope", 0.4),
        msg(
            "the bottle exploded in the car and burned my hand",
            "report_damaged",
            0.5,
        ),
    ] {
        let d = reply(decide(&ctx(), &u));
        says(&d, Line::SafetyHandoff);
        assert_eq!((d.state, d.priority), (WaitingForHuman, 3), "{}", u.text);
        assert_eq!(
            d.handoff_reason.as_deref(),
            Some("policy: safety or health")
        );
    }
    let d = reply(decide(
        &ctx(),
        &msg("孩子把瓶盖上的小零件吞下去了", "out_of_scope", 0.4),
    ));
    assert!(d.text.contains("120"), "{}", d.text);
    // A stay in hospital that is planned is time pressure, not harm happening now.
    let d = reply(decide(
        &ctx(),
        &msg(
            "I'm going into hospital tomorrow, can order 1002 ship today?",
            "track_order",
            0.6,
        ),
    ));
    assert_ne!(d.line, Some(Line::SafetyHandoff));
}

#[test]
fn someone_hurt_while_nobody_is_online_keeps_the_advice_and_gets_the_form() {
    let ctx = TurnContext {
        live: false,
        ..ctx()
    };
    let d = reply(decide(
        &ctx,
        &msg(
            "my daughter is having an allergic reaction to the shirt",
            "complaint",
            0.5,
        ),
    ));
    says(&d, Line::SafetyHandoff);
    assert!(d.text.contains("emergency number"), "{}", d.text);
    assert!(
        d.text.contains("Nobody from our team is online"),
        "{}",
        d.text
    );
    assert!(has_contact_form(&d));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn a_charge_taken_twice_goes_to_a_person_as_a_billing_error() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "why was I charged twice for order 1003??",
            "payment_issue",
            0.8,
        ),
    ));
    says(&d, Line::PolicyHandoff);
    assert_eq!((d.state, d.priority), (WaitingForHuman, 2));
    assert!(d.handoff_reason.unwrap().contains("billing error"));
}

#[test]
fn a_policy_topic_raised_while_waiting_is_added_to_the_reason_without_a_word() {
    use kefu_protocol::ConversationState::Human;
    let waiting = |state, reason: Option<&str>, priority| {
        let mut ctx = ctx();
        ctx.conversation.state = state;
        ctx.conversation.handoff_reason = reason.map(str::to_string);
        ctx.conversation.priority = priority;
        ctx
    };
    // The second charge turns out not to be theirs: fraud, after the billing error.
    let ctx_billing = waiting(
        WaitingForHuman,
        Some("policy: billing error (charged twice or the wrong amount)"),
        2,
    );
    let plan = decide(
        &ctx_billing,
        &msg(
            "the second charge isn't mine, I only paid once",
            "payment_issue",
            0.8,
        ),
    );
    let Step::Escalate(e) = plan.step else {
        panic!("{plan:?}");
    };
    assert_eq!(e.priority, 2);
    assert_eq!(
        e.reason,
        "policy: billing error (charged twice or the wrong amount); \
         then policy: fraud or a charge the shopper does not recognise"
    );
    // Someone hurt, while an agent is in charge of a plain request: to the top.
    let plan = decide(
        &waiting(Human, Some("asked for a human"), 0),
        &msg("the bottle burned my hand, it's bleeding", "complaint", 0.6),
    );
    let Step::Escalate(e) = plan.step else {
        panic!("{plan:?}");
    };
    assert_eq!(
        (e.priority, e.reason.as_str()),
        (3, "asked for a human; then policy: safety or health")
    );
    // Said again, or nothing a person must handle: silence, the header unchanged.
    let plan = decide(
        &ctx_billing,
        &msg("I was charged twice, hello??", "payment_issue", 0.8),
    );
    assert_eq!(plan.step, Step::Silence);
    let plan = decide(&ctx_billing, &msg("hello?", "greeting", 0.99));
    assert_eq!(plan.step, Step::Silence);
}
