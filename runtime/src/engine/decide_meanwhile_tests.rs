//! Decision rows for a conversation waiting for a person with nobody online
//! (`meanwhile.rs`): a question the shop's facts answer is answered, the request kept.

use kefu_protocol::ConversationState::WaitingForHuman;

use super::tests::{call, ctx, msg, reply};
use super::*;
use crate::engine::plan::Step;
use crate::engine::replies::{Lang, Line};

#[test]
fn with_nobody_online_a_question_the_shops_facts_answer_is_answered_while_waiting() {
    let mut ctx = ctx();
    ctx.conversation.state = WaitingForHuman;
    ctx.conversation.handoff_reason = Some("complaint".into());
    ctx.conversation.priority = 1;
    ctx.live = false;
    let c = call(decide(
        &ctx,
        &msg("where is order 1001?", "track_order", 0.95),
    ));
    assert_eq!(c.intent(), "track_order");
    let d = reply(decide(
        &ctx,
        &msg("how long does delivery take?", "delivery_period", 0.95),
    ));
    // The request for a person stays as it was, and the shopper is told so.
    let d = super::super::meanwhile::keeps_waiting(&ctx, d, Lang::En);
    assert_eq!(
        (d.state, d.priority, d.handoff_reason.as_deref()),
        (WaitingForHuman, 1, Some("complaint"))
    );
    assert!(
        d.text
            .ends_with(replies::text(Line::StillWaiting, Lang::En)),
        "{}",
        d.text
    );
    // Nothing done to an order, nothing small-talked, no person asked again: silence.
    for (text, intent) in [
        ("cancel order 1001", "cancel_order"),
        ("hello?", "greeting"),
        ("is anyone there? I want a human", "contact_human_agent"),
    ] {
        assert_eq!(
            decide(&ctx, &msg(text, intent, 0.95)).step,
            Step::Silence,
            "{text}"
        );
    }
    // With someone online, the person answers.
    ctx.live = true;
    let plan = decide(&ctx, &msg("where is order 1001?", "track_order", 0.95));
    assert_eq!(plan.step, Step::Silence);
}

#[test]
fn asked_meanwhile_whether_anyone_is_there_the_bot_says_what_it_is() {
    let mut ctx = ctx();
    ctx.conversation.state = WaitingForHuman;
    ctx.conversation.handoff_reason = Some("asked for a human".into());
    ctx.live = false;
    let mut u = msg("你说话咋这么机械，到底是不是人啊", "out_of_scope", 0.97);
    u.lang = Lang::Zh;
    let d = reply(decide(&ctx, &u));
    assert_eq!(d.line, Some(Line::BotDisclosureShort));
    let d = super::super::meanwhile::keeps_waiting(&ctx, d, Lang::Zh);
    assert_eq!(d.state, WaitingForHuman);
    // Someone online answers it themselves.
    ctx.live = true;
    assert!(matches!(decide(&ctx, &u).step, Step::Silence));
}
