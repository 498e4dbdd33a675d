//! Decision rows for messages the models read as something they are not: praise heard as
//! upset, the weather, an order's arrival asked among other words, a zip code corrected
//! after an address change, a cancellation that sounds pressed for time, the cost of
//! shipping read as the refund policy, someone in charge demanded, and a claim's email
//! refused.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{ctx, intent_of as intent, msg, reply, says, served, with_topic};
use super::*;
use crate::engine::replies::{Lang, Line};
use crate::plugins::manifest::Need;

fn upset(mut u: Understanding) -> Understanding {
    u.upset = true;
    u
}

#[test]
fn praise_or_the_weather_heard_as_an_upset_complaint_reaches_nobody() {
    let d = reply(decide(
        &ctx(),
        &upset(msg("没事 就是想说你们家帽子好好看 哈哈", "complaint", 0.53)),
    ));
    assert_eq!(d.intent, "thanks");
    assert_eq!(d.state, Bot);
    let d = reply(decide(
        &ctx(),
        &upset(msg("你们那边下雪了没", "complaint", 0.66)),
    ));
    assert_eq!(d.intent, kefu_intent::OUT_OF_SCOPE);
    assert_eq!(d.state, Bot);
    // A complaint with praise in it is still the complaint.
    let d = reply(decide(
        &ctx(),
        &upset(msg(
            "the hoodie looks nice haha but your customer service is awful",
            "complaint",
            0.8,
        )),
    ));
    assert_eq!(d.intent, "complaint");
}

#[test]
fn an_orders_arrival_asked_among_other_words_is_its_status() {
    let u = upset(msg(
        "oh wait totally unrelated, did 1004 ever make it to me?",
        "complaint",
        0.66,
    ));
    assert_eq!(intent(decide(&ctx(), &u)), "track_order");
    let u = msg(
        "oh also while I'm here, has 1003 arrived?",
        kefu_intent::OUT_OF_SCOPE,
        0.4,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "track_order");
}

#[test]
fn a_zip_code_corrected_after_an_address_change_is_no_order_number() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    shop.conversation.verified_email = Some("jane@example.com".into());
    shop.last_bot = Some((
        "Order 1001 has already left our warehouse, so its address can't be changed.".into(),
        Some("change_shipping_address".into()),
    ));
    let u = with_topic(
        msg("should be 10012 not 10021", kefu_intent::OUT_OF_SCOPE, 0.3),
        Topic::MissingItem,
    );
    let plan = decide(&shop, &u);
    if let Step::Reply(d) = &plan.step {
        assert_ne!(d.line, Some(Line::AskOrderEmail), "{}", d.text);
    }
    assert_eq!(intent(plan), "change_shipping_address");
}

#[test]
fn a_cancellation_asked_in_words_is_not_queued_as_urgent() {
    let u = with_topic(
        msg(
            "li.wei@example.com here. having second thoughts about the water bottle, can you stop it before it leaves the warehouse?",
            kefu_intent::OUT_OF_SCOPE,
            0.24,
        ),
        Topic::Urgent,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "cancel_order");
}

#[test]
fn the_cost_of_shipping_read_as_the_refund_policy_is_the_delivery_options() {
    let u = msg(
        "what do you charge for shipping if my basket is around 40 bucks",
        "check_refund_policy",
        0.34,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "delivery_options");
    // Shipping for a return is still the refund policy.
    let u = msg(
        "do you charge for return shipping?",
        "check_refund_policy",
        0.6,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "check_refund_policy");
}

#[test]
fn someone_in_charge_demanded_is_a_person_at_once() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "get me a manager. order 1004, this is the second time I'm writing about it",
            "complaint",
            0.66,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(d.handoff_reason.as_deref(), Some("asked for a human"));
}

#[test]
fn a_claims_email_refused_goes_to_a_person_and_asked_why_is_explained() {
    let mut shop = ctx();
    shop.served.insert(
        "report_damaged".into(),
        served("refunds", &[Need::Slot("order-number".into()), Need::Owner]),
    );
    shop.conversation.pending_intent = Some("report_damaged".into());
    shop.pending.order_number = Some("1003".into());
    let d = reply(decide(
        &shop,
        &msg(
            "I'd rather not give my email out tbh",
            "newsletter_subscription",
            0.4,
        ),
    ));
    says(&d, Line::EmailDeclinedHandoff);
    assert_eq!(d.state, WaitingForHuman);
    // Asked why: said why, the claim still waiting.
    let d = reply(decide(
        &shop,
        &msg(
            "why do u need my email for that",
            "contact_customer_service",
            0.5,
        ),
    ));
    says(&d, Line::ClaimNeedsEmail);
    assert_eq!(d.pending_intent.as_deref(), Some("report_damaged"));
    assert!(!d.text.is_empty());
    let _ = Lang::En;
}

#[test]
fn a_journey_pressing_with_an_order_named_is_urgent_however_the_models_heard_it() {
    let u = msg(
        "明天一早的飞机出国 要待半年 1002今天能不能发出来 急急急",
        kefu_intent::OUT_OF_SCOPE,
        0.4,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "urgent_request");
    // Without an order named, nothing to act on: not this rule.
    let u = msg("明天一早的飞机出国 急急急", kefu_intent::OUT_OF_SCOPE, 0.4);
    assert_ne!(intent(decide(&ctx(), &u)), "urgent_request");
}

#[test]
fn the_whole_or_a_sum_asked_back_read_as_a_return_is_the_refund() {
    let u = msg(
        "Both hoodies from 1004 pilled after a single wash. I want the full 138 back, not an exchange. sam@example.com",
        "return_item",
        0.8,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "get_refund");
    // A return asked for, no money named: the return.
    let u = msg(
        "I'd like to return the hoodie from 1004",
        "return_item",
        0.8,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "return_item");
}

#[test]
fn how_a_product_fits_heard_as_a_complaint_is_the_product_question() {
    let u = upset(msg("对了 你们的T恤偏大还是偏小", "complaint", 0.87));
    let plan = decide(&ctx(), &u);
    if let Step::Reply(d) = &plan.step {
        assert_eq!(d.state, Bot);
    }
    assert_ne!(intent(plan), "complaint");
}
