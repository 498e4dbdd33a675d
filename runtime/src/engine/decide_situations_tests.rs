//! Decision rows for situations shoppers hate bots for: asked in words the bot had no entry
//! for, a person is still asked for; a bot question is answered honestly whatever its
//! shape; a late order is looked up, not clarified; a new address written with the request
//! is proposed, not asked for again; time pressure is heard only about the shopper's life.

use kefu_intent::Prediction;
use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{call, ctx, msg, reply, says, with_topic};
use super::*;
use crate::engine::decision::Pending;
use crate::engine::replies::Line;

#[test]
fn asking_for_someone_without_saying_human_hands_off() {
    for text in [
        "is there anyone from customer service I can chat with?",
        "I'd rather have a person sort this out",
        "帮我转接客服吧",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "contact_customer_service", 0.8)));
        says(&d, Line::HandoffRequested);
        assert_eq!(d.state, WaitingForHuman, "{text}");
    }
}

#[test]
fn a_bot_question_in_any_shape_is_answered_not_queued() {
    for text in [
        "you're a bot, right?",
        "hello. be honest, is there a human typing these replies",
        "are you a 机器人 or 真人?",
        "请问我现在是在跟真人聊天吗？",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "contact_human_agent", 0.7)));
        says(&d, Line::BotDisclosure);
        assert_eq!(d.state, Bot, "{text}");
    }
}

#[test]
fn closing_an_account_no_plugin_serves_is_a_data_protection_handoff() {
    let d = reply(decide(
        &ctx(),
        &msg("close my account and wipe it", "delete_account", 0.95),
    ));
    says(&d, Line::PolicyHandoff);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: data protection request")
    );
}

#[test]
fn a_late_order_is_looked_up_and_its_number_asked_for_not_clarified() {
    let mut u = msg("so my package is late", "track_order", 0.55);
    u.prediction.top = vec![("track_order".into(), 0.55), ("complaint".into(), 0.3)];
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::AskOrderNumber);
    assert_eq!(d.pending_intent.as_deref(), Some("track_order"));
    // "催单" with the order named: its status, whatever the model made of it.
    let c = call(decide(&ctx(), &msg("催单 1001", "return_item", 0.5)));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn an_order_number_sent_instead_of_a_choice_continues_the_choice_that_takes_one() {
    let mut ctx = ctx();
    ctx.pending = Pending {
        clarify: vec!["delivery_period".into(), "track_order".into()],
        ..Pending::default()
    };
    let c = call(decide(&ctx, &msg("order 1001", "track_order", 0.9)));
    assert_eq!(c.intent(), "track_order");
}

#[test]
fn a_new_address_written_with_the_request_is_sent_to_the_plugin() {
    let mut ctx = ctx();
    ctx.conversation.verified_email = Some("jane@example.com".into());
    let u = Understanding::new(
        "can order 1001 go to 88 Century Avenue, Pudong 2000 instead? jane@example.com",
        Prediction {
            intent: "change_shipping_address".into(),
            confidence: 0.6,
            top: vec![
                ("change_shipping_address".into(), 0.6),
                ("complaint".into(), 0.2),
            ],
        },
        "en",
    );
    let c = call(decide(&ctx, &u));
    assert_eq!(c.intent(), "change_shipping_address");
    let slots = &c.request.slots;
    assert!(slots.contains(&("order-number".into(), "1001".into())));
    assert!(
        slots.contains(&("address".into(), "88 Century Avenue, Pudong 2000".into())),
        "{slots:?}"
    );
    // Asked for the email first, the address written earlier is not asked for again.
    let mut ctx = super::tests::ctx();
    ctx.conversation.pending_intent = Some("change_shipping_address".into());
    ctx.pending.order_number = Some("1001".into());
    ctx.remembered.address = Some("88 Century Avenue, Pudong".into());
    let c = call(decide(&ctx, &msg("jane@example.com", "greeting", 0.5)));
    assert!(
        c.request
            .slots
            .contains(&("address".into(), "88 Century Avenue, Pudong".into()))
    );
}

#[test]
fn time_pressure_is_heard_about_the_shoppers_life_not_the_weather() {
    let weather = with_topic(
        msg(
            "What is the weather of tomorrow in Beijing please?",
            "out_of_scope",
            0.99,
        ),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx(), &weather));
    assert_eq!(d.state, Bot);
    says(&d, Line::OutOfScope);
    let hospital = with_topic(
        msg(
            "I'm going into hospital tomorrow for a week",
            "out_of_scope",
            0.9,
        ),
        Topic::Urgent,
    );
    let d = reply(decide(&ctx(), &hospital));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(d.intent, URGENT);
}
