//! Decision rows for reaching a person: asked for, offered once when a meaning is one,
//! after two unhelpful turns, for an upset shopper or a complaint; silence while a person is
//! asked for or in charge; and the bot saying what it is when asked.

use kefu_intent::Prediction;
use kefu_protocol::{Card, ConversationState};

use super::tests::{call, ctx, has_contact_form, msg, plugin_says, refund, reply, says};
use super::*;
use crate::engine::context::TurnContext;
use crate::engine::replies::{Lang, Line};
use crate::store::Conversation;

use ConversationState::{Bot, Human, WaitingForHuman};

#[test]
fn an_explicit_request_for_a_person_hands_off_at_once() {
    for (text, intent) in [
        ("I want to talk to a human", "out_of_scope"),
        ("转人工", "greeting"),
        ("can someone help me", "contact_human_agent"),
    ] {
        let d = reply(decide(&ctx(), &msg(text, intent, 0.9)));
        says(&d, Line::HandoffRequested);
        assert_eq!(d.state, WaitingForHuman, "{text}");
        assert_eq!(d.handoff_reason.as_deref(), Some("asked for a human"));
    }
}

#[test]
fn a_person_asked_for_about_a_policy_topic_or_an_emergency_gets_that_reason() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "你们存了我哪些个人资料？有没有给第三方？",
            "contact_human_agent",
            0.9,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("policy: data protection request")
    );
    assert_eq!(d.priority, 2);
    let text = "my father passed away and his order hasn't come, please someone help";
    let d = reply(decide(&ctx(), &msg(text, "contact_human_agent", 0.9)));
    says(&d, Line::HandoffRequested);
    assert_eq!(
        d.handoff_reason.as_deref(),
        Some("urgent: time-critical for the shopper")
    );
    assert!(d.priority >= 1);
}

#[test]
fn a_handoff_while_nobody_can_answer_says_so_with_a_contact_form() {
    let ctx = TurnContext {
        live: false,
        ..ctx()
    };
    let d = reply(decide(
        &ctx,
        &msg("I want a human", "contact_human_agent", 0.9),
    ));
    assert_eq!(d.state, WaitingForHuman, "still queued for a person");
    assert!(has_contact_form(&d));
    assert!(d.text.contains("within 24 hours"), "{}", d.text);
}

#[test]
fn any_other_answer_that_hands_off_while_nobody_is_there_keeps_its_reason_and_adds_the_form() {
    let ctx = TurnContext {
        live: false,
        conversation: Conversation {
            verified_email: Some("jane@example.com".into()),
            ..ctx().conversation
        },
        ..ctx()
    };
    let u = msg("refund order 1001", "get_refund", 0.95);
    let c = call(decide(&ctx, &u));
    let d = after_call(&ctx, &u, &c, refund(9_000), "a1", "0.1.0");
    says(&d, Line::RefundNeedsHuman);
    assert!(
        d.text.contains("Nobody from our team is online"),
        "{}",
        d.text
    );
    assert!(has_contact_form(&d));
}

#[test]
fn while_a_person_is_asked_for_or_in_charge_the_bot_is_silent() {
    for state in [WaitingForHuman, Human] {
        let mut ctx = ctx();
        ctx.conversation.state = state;
        let plan = decide(&ctx, &msg("hello?", "greeting", 0.99));
        assert_eq!(plan.step, Step::Silence);
    }
}

#[test]
fn a_person_is_offered_once_when_one_of_the_two_meanings_is_a_person() {
    let u = Understanding {
        prediction: Prediction {
            intent: "complaint".into(),
            confidence: 0.45,
            top: vec![
                ("complaint".into(), 0.45),
                ("contact_human_agent".into(), 0.35),
            ],
        },
        ..msg("not happy about order 1004", "complaint", 0.45)
    };
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::Clarify);
    let Card::QuickReplies { options } = &d.cards[0] else {
        panic!("quick replies expected");
    };
    assert_eq!(options.len(), 2, "a complaint, or a person: {options:?}");
}

#[test]
fn the_second_unhelpful_turn_or_a_repeated_reply_offers_a_person_instead() {
    let mut ctx = ctx();
    ctx.conversation.failed_turns = 1;
    let d = reply(decide(
        &ctx,
        &msg("what is the capital of France", "out_of_scope", 0.9),
    ));
    says(&d, Line::OfferHuman);
    assert!(!d.failed);
    let mut ctx = self::ctx();
    let greeting = crate::engine::replies::text(Line::Greeting, Lang::En);
    ctx.last_bot = Some((greeting.into(), Some("greeting".into())));
    let d = reply(decide(&ctx, &msg("hello there", "greeting", 0.95)));
    says(&d, Line::OfferHuman);
}

#[test]
fn an_upset_shopper_is_offered_a_person_alongside_the_answer_at_raised_priority() {
    let mut u = msg("where is order 1001", "track_order", 0.95);
    u.upset = true;
    let c = call(decide(&ctx(), &u));
    let d = after_call(
        &ctx(),
        &u,
        &c,
        plugin_says("Order 1001 has shipped."),
        "a1",
        "",
    );
    assert!(d.text.starts_with("Order 1001 has shipped. "), "{}", d.text);
    assert!(d.text.ends_with(crate::engine::replies::text(
        Line::FrustrationOffer,
        Lang::En
    )));
    assert_eq!(d.priority, 1);
    assert!(
        d.cards
            .iter()
            .any(|c| matches!(c, Card::QuickReplies { .. }))
    );
}

#[test]
fn asked_whether_it_is_a_bot_it_says_so_and_offers_a_person_without_queueing() {
    for (text, lang) in [
        ("are you a real person?", Lang::En),
        ("am I talking to a bot", Lang::En),
        ("你是真人吗", Lang::Zh),
        ("是机器人还是人工啊？", Lang::Zh),
        ("说实话,我现在是在跟人聊天还是跟程序聊天?", Lang::Zh),
        (
            "be honest, am I chatting with a script right now or is there someone named like Jessica typing this",
            Lang::En,
        ),
    ] {
        let u = msg(text, "contact_human_agent", 0.8);
        assert_eq!(u.lang, lang);
        let d = reply(decide(&ctx(), &u));
        says(&d, Line::BotDisclosure);
        assert_eq!(d.state, Bot, "{text}: answered, not queued");
        assert!(d.cards.iter().any(|c| matches!(
            c,
            Card::QuickReplies { options } if options.iter().any(|o| o == crate::engine::replies::human_option(lang))
        )));
    }
    let d = reply(decide(
        &ctx(),
        &msg("are you a bot? I want a human", "out_of_scope", 0.5),
    ));
    says(&d, Line::HandoffRequested);
    assert!(
        d.text
            .starts_with("I'm this shop's automated assistant, not a person. ")
    );
    assert_eq!(d.state, WaitingForHuman);
    // Nobody online: still said, before the contact form's words.
    let mut nobody = ctx();
    nobody.live = false;
    let d = reply(decide(
        &nobody,
        &msg("是机器人吗？我想跟真人说话", "contact_human_agent", 0.8),
    ));
    assert!(
        d.text
            .starts_with("我是本店的自动客服助手（机器人），不是真人。"),
        "{}",
        d.text
    );
    assert!(has_contact_form(&d));
}
#[test]
fn a_complaint_gets_one_apology_and_a_person_who_sees_everything() {
    let d = reply(decide(
        &ctx(),
        &msg("your service is a joke", "complaint", 0.8),
    ));
    says(&d, Line::ComplaintHandoff);
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(d.handoff_reason.as_deref(), Some("complaint"));
}

#[test]
fn a_person_offered_and_taken_up_is_a_person() {
    let mut ctx = ctx();
    ctx.last_bot = Some((
        replies::text(Line::BotDisclosure, Lang::En).into(),
        Some("bot_identity".into()),
    ));
    for text in [
        "then get me one",
        "yes please",
        "yes, a real one",
        "Then I'd like one. Please.",
    ] {
        let d = reply(decide(&ctx, &msg(text, "get_invoice", 0.6)));
        says(&d, Line::HandoffRequested);
    }
    // A yes that goes on about something else takes nothing up.
    for text in [
        "yes, but not now",
        "yes cancel it",
        "对 就是退钱",
        "sure, please try again",
        "I'd like one in navy then",
        "lol ok. the navy cap is cute, i want one",
    ] {
        let d = reply(decide(&ctx, &msg(text, "thanks", 0.6)));
        assert_eq!(d.state, Bot, "{text}");
    }
    // The offer after an answer the bot could not give, taken with a yes and more words.
    ctx.last_bot = Some((
        replies::text(Line::CannotHandleYet, Lang::Zh).into(),
        Some("contact_customer_service".into()),
    ));
    let d = reply(decide(&ctx, &msg("对，人，活的那种", "out_of_scope", 0.5)));
    says(&d, Line::HandoffRequested);
    // Someone named, or whoever took over ("can you get Sandra then, or whoever took over
    // from her").
    let d = reply(decide(
        &ctx,
        &msg(
            "so I'm talking to a program. can you get Sandra then, or whoever took over from her",
            "out_of_scope",
            0.5,
        ),
    ));
    says(&d, Line::HandoffRequested);
    // A moment asked, or someone else to ring: not the offer taken.
    for text in [
        "gimme one sec, looking for the order number",
        "no thanks, I'll just ring DHL or whoever has it now",
    ] {
        let d = decide(&ctx, &msg(text, "out_of_scope", 0.5));
        assert!(
            !matches!(d.step, Step::Reply(ref r) if r.state == WaitingForHuman),
            "{text}"
        );
    }
    // Asked how to get the one offered ("so if i want a real one what do i do").
    let d = reply(decide(
        &ctx,
        &msg(
            "so if i want a real one what do i do",
            "check_refund_policy",
            0.5,
        ),
    ));
    says(&d, Line::HandoffRequested);
    let c = call(decide(
        &ctx,
        &msg(
            "nah i don't want a real one, just tell me if 1002 shipped",
            "track_order",
            0.6,
        ),
    ));
    assert_eq!(c.intent(), "track_order");
    // Thanked with a sneer after the offer: a person too.
    let d = reply(decide(
        &ctx,
        &msg(
            "so you have no idea when? great. super helpful",
            "thanks",
            0.7,
        ),
    ));
    says(&d, Line::HandoffRequested);
    // An acknowledgement only, or nothing offered: no person.
    let d = reply(decide(&ctx, &msg("ok", "thanks", 0.6)));
    assert_eq!(d.state, Bot);
    let d = reply(decide(&ctx, &msg("thanks, super helpful", "thanks", 0.9)));
    assert_eq!(d.state, Bot);
    ctx.last_bot = Some(("Order 1001 has shipped.".into(), Some("track_order".into())));
    let d = reply(decide(&ctx, &msg("yes please", "thanks", 0.6)));
    assert_eq!(d.state, Bot);
}

#[test]
fn asked_whether_it_is_a_bot_and_for_a_real_one_if_so_it_says_so_and_hands_over() {
    for text in [
        "对面是真人还是AI啊 是AI的话帮我找个真人",
        "你是机器人吗 是的话换真人",
    ] {
        let d = reply(decide(&ctx(), &msg(text, "out_of_scope", 0.53)));
        assert_eq!(d.state, WaitingForHuman, "{text}");
        assert!(
            d.text.starts_with("我是本店的自动客服助手"),
            "{text}: {}",
            d.text
        );
    }
    // Asked only what it is, with a search for an order: answered, not queued.
    let d = reply(decide(
        &ctx(),
        &msg("你是机器人吗 帮我找一下我的订单", "bot_identity", 0.6),
    ));
    assert_eq!(d.state, Bot, "{}", d.text);
}

#[test]
fn asked_who_answers_beside_an_order_to_act_on_both_are_answered() {
    // "is this a real person typing or is it automated? … I just need 1002 cancelled": who
    // answers, said first, then the cancellation itself.
    let text = "is this a real person typing or is it automated? doesn't matter much, I just need 1001 cancelled. jane@example.com";
    let c = call(decide(&ctx(), &msg(text, "product_info", 0.5)));
    assert_eq!(c.intent(), "cancel_order");
    // Asked alone, it is the question's answer.
    let d = reply(decide(
        &ctx(),
        &msg(
            "is this a real person typing or is it automated?",
            "bot_identity",
            0.8,
        ),
    ));
    says(&d, Line::BotDisclosure);
    // Looked for, a person is asked for ("is there a human around? … a weird question").
    let d = reply(decide(
        &ctx(),
        &msg(
            "is there a human around? not complaining, I've just got a weird question about a bulk order",
            "contact_human_agent",
            0.6,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman, "{}", d.text);
}

#[test]
fn the_bot_taken_as_it_is_is_no_request_for_a_person() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "行吧，机器人也行，帮我看下帽子还有没有货",
            "contact_human_agent",
            0.6,
        ),
    ));
    assert_eq!(d.state, Bot); // Not the bot refused in the same words.
    let d = reply(decide(
        &ctx(),
        &msg("随便找个人，只要不是机器人就行", "contact_human_agent", 0.6),
    ));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn a_weak_reading_of_a_person_asked_about_the_goods_is_no_request() {
    let mut shop = ctx();
    shop.names_product = true;
    let u = msg(
        "trying to decide if I need a hoodie or a proper coat",
        "contact_human_agent",
        0.2,
    );
    assert!(
        !matches!(decide(&shop, &u).step, Step::Reply(d) if d.state == WaitingForHuman),
        "{}",
        u.text
    );
    // Someone named, however weakly read: a person.
    let u = msg(
        "the hoodie thing is confusing, can someone just explain",
        "contact_human_agent",
        0.2,
    );
    assert_eq!(reply(decide(&shop, &u)).state, WaitingForHuman);
}
