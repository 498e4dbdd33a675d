//! Decision rows for messages the models read as something they are not: praise heard as
//! upset, the weather, an order's arrival asked among other words, a zip code corrected
//! after an address change, a cancellation that sounds pressed for time, the cost of
//! shipping read as the refund policy, someone in charge demanded, a claim's email
//! refused, the money wanted back in any words, a cancellation asked only as the fallback
//! of an urgent need, a deadline with nothing pressing behind it, and shop questions (the fast option's cost, a return gone through, a
//! company invoice) read as something else.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{ctx, intent_of as intent, msg, reply, says, served, with_faq, with_topic};
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
    // Not wanted, asked why it matters: refused.
    let d = reply(decide(
        &shop,
        &msg(
            "dont really wanna give my email sorry. why does it matter",
            "product_info",
            0.5,
        ),
    ));
    says(&d, Line::EmailDeclinedHandoff);
    // Asked why and refused in one message: refused.
    let d = reply(decide(
        &shop,
        &msg(
            "why do you need my email, you've got the order number. I'd rather not put it in a chat window",
            "contact_customer_service",
            0.5,
        ),
    ));
    says(&d, Line::EmailDeclinedHandoff);
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
fn a_cancellation_asked_only_if_the_need_cannot_be_met_is_still_urgent() {
    let u = msg(
        "明天一早的飞机出国 订单1002能不能今天发 不行就直接取消 很急",
        "cancel_order",
        0.7,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "urgent_request");
    // Cancelled outright, pressed for time: the cancellation.
    let u = msg(
        "明天一早的飞机出国 订单1002直接取消 很急",
        "cancel_order",
        0.9,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "cancel_order");
}

#[test]
fn the_money_wanted_back_in_any_words_on_a_named_order_is_the_refund() {
    let u = msg(
        "want my money back for both hoodies on 1004, the fabric makes my neck itch like crazy",
        kefu_intent::OUT_OF_SCOPE,
        0.67,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "get_refund");
    // Wanting to know about refunds is a question, not a refund.
    let u = msg(
        "i want to know about the refund policy for 1004",
        kefu_intent::OUT_OF_SCOPE,
        0.5,
    );
    assert_ne!(intent(decide(&ctx(), &u)), "get_refund");
}

#[test]
fn a_question_read_as_something_else_is_routed_to_its_answer() {
    // The fast option's cost, read as a product's question with no product named.
    let u = msg("and what does the fast option cost", "product_info", 0.5);
    assert_eq!(intent(decide(&ctx(), &u)), "delivery_options");
    // Whether a return went through, read as how to return: the refund's progress.
    let u = msg(
        "all I want to know is whether the return for my cap went through. 1003",
        "return_item",
        0.6,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "track_refund");
    // A company invoice, read as a sign-up problem.
    let u = msg(
        "Quick admin question: is there an invoice somewhere in the confirmation email? Accounting wants one with our company name on it, not mine.",
        "registration_problems",
        0.4,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "get_invoice");
    // Beside a question the FAQ answers, the FAQ answers both.
    let mut shop = ctx();
    with_faq(
        &mut shop,
        "en",
        "check_payment_methods",
        "How can I pay?",
        "Visa, Mastercard, Amex, PayPal, Apple Pay, Alipay.",
    );
    let u = msg(
        "hello!! two quick ones: can I pay with apple pay, and can I get a company invoice with our VAT number on it?",
        "check_payment_methods",
        0.6,
    );
    assert_ne!(intent(decide(&shop, &u)), "get_invoice");
    // Just browsing, the colours praised, heard as a complaint: thanks.
    let u = upset(msg(
        "nothing really, just browsing. love the colours on your site",
        "complaint",
        0.76,
    ));
    assert_eq!(intent(decide(&ctx(), &u)), "thanks");
}

#[test]
fn when_a_named_order_ships_asked_beside_its_details_is_its_status_not_a_choice() {
    let u = msg(
        "你好，订单1002，邮箱li.wei@example.com，想问下什么时候能发货",
        "delivery_period",
        0.5,
    );
    let plan = decide(&ctx(), &u);
    assert_eq!(intent(plan), "track_order");
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

#[test]
fn thanks_from_an_upset_shopper_is_a_sneer_answered_with_a_person_not_youre_welcome() {
    let u = upset(msg(
        "wow, great help, really 👏👏 you just keep sending me FAQ links",
        "thanks",
        0.36,
    ));
    let d = reply(decide(&ctx(), &u));
    says(&d, Line::OfferHuman);
    // Thanks said calmly is thanked for.
    let d = reply(decide(&ctx(), &msg("thanks, that's all", "thanks", 0.9)));
    says(&d, Line::Thanks);
}

#[test]
fn goods_gone_wrong_beside_a_fine_or_a_cute_is_no_praise_and_praise_alone_is() {
    // "fine." opens a complaint about the goods: not thanked for.
    let u = msg(
        "fine. the cap from 1003 is already falling apart after 2 weeks",
        "complaint",
        0.7,
    );
    assert_ne!(intent(decide(&ctx(), &u)), "thanks");
    let u = upset(msg(
        "nothing really, just wanted to say the shop looks super cute",
        "complaint",
        0.7,
    ));
    assert_eq!(intent(decide(&ctx(), &u)), "thanks");
}

#[test]
fn money_back_for_goods_no_longer_wanted_or_read_as_a_change_is_the_refund() {
    // No order named yet, given up on: the refund, its order asked for.
    let u = msg(
        "帽子戴着有点紧 不想要了 能退钱吗",
        "check_refund_policy",
        0.6,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "get_refund");
    // Asked as a rule: the policy.
    let u = msg("如果不想要了能退钱吗", "check_refund_policy", 0.6);
    assert_eq!(intent(decide(&ctx(), &u)), "check_refund_policy");
    let u = msg(
        "想退款 for order1004, just one hoodie, 太大了穿着像睡袍",
        "change_order",
        0.5,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "get_refund");
}

#[test]
fn a_return_asked_with_a_repeat_is_the_refund_and_whether_it_shipped_is_its_status() {
    // With the order and its email, the return asked is the refund the plugin weighs.
    let u = msg(
        "third time I'm asking today. 1001. jane@example.com. I want to return the tee. can this thing do ONE thing right",
        "return_item",
        0.6,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "get_refund");
    let u = msg(
        "third time I'm asking today. 1003. I want to return the cap. can this thing do ONE thing right",
        "return_item",
        0.6,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "return_item");
    let u = upset(msg(
        "omg are you even reading what I write. did 1002 ship or not. yes or no",
        kefu_intent::OUT_OF_SCOPE,
        0.5,
    ));
    assert_eq!(intent(decide(&ctx(), &u)), "track_order");
    // Where the goods are, asked with no order named: their order's whereabouts.
    let u = msg("where are the hoodies at", kefu_intent::OUT_OF_SCOPE, 0.5);
    assert_eq!(intent(decide(&ctx(), &u)), "track_order");
    let u = msg("where are the hoodies made", kefu_intent::OUT_OF_SCOPE, 0.5);
    assert_ne!(intent(decide(&ctx(), &u)), "track_order");
}

#[test]
fn told_already_with_a_cancellation_asked_cancels_and_options_after_it_are_the_return_policy() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    shop.last_bot = Some(("Order 1001 has shipped.".into(), Some("track_order".into())));
    let u = msg(
        "right, then cancel it. everything you need is up there in my first message",
        kefu_intent::OUT_OF_SCOPE,
        0.5,
    );
    assert_eq!(intent(decide(&shop, &u)), "cancel_order");
    // A cancellation the matter, what else can be done: the return policy.
    let mut shop = ctx();
    shop.last_bot = Some((
        "Order 1001 has shipped and can no longer be cancelled.".into(),
        Some("cancel_order".into()),
    ));
    let u = msg(
        "oh it already came? ugh ok so what are my options",
        kefu_intent::OUT_OF_SCOPE,
        0.5,
    );
    assert_eq!(intent(decide(&shop, &u)), "check_refund_policy");
    // How many are left in stock is no order's status.
    assert!(!crate::engine::delivery_words::asks_its_status(
        "hang on, before that - how many navy caps do you have left?"
    ));
    assert!(crate::engine::delivery_words::asks_its_status(
        "did 1002 ship or not"
    ));
}

#[test]
fn the_shops_site_run_down_is_a_complaint_taken_in_not_out_of_scope() {
    let text = "your checkout page is a nightmare, took me 4 tries to get through";
    assert_eq!(
        intent(decide(&ctx(), &msg(text, kefu_intent::OUT_OF_SCOPE, 0.5))),
        "complaint"
    );
    // Read as buying, it is the complaint too, not the product it names.
    let text =
        "your website kept logging me out during checkout, took me 4 tries to buy one cap. fix it";
    assert_eq!(
        intent(decide(&ctx(), &msg(text, "place_order", 0.6))),
        "complaint"
    );
    // A question about the site is still asked, not taken in.
    let text = "is the checkout page broken? it took me 4 tries to get through";
    assert_ne!(
        intent(decide(&ctx(), &msg(text, kefu_intent::OUT_OF_SCOPE, 0.5))),
        "complaint"
    );
}

#[test]
fn an_email_declined_in_the_request_itself_is_explained_and_declined_again_goes_to_a_person() {
    // Refused in the request itself, whatever it asks besides: a person at once, as when
    // refused once asked.
    let text = "Requesting a refund for order 1003. I'd rather not type my email into a chat window — isn't the order number enough?";
    let d = reply(decide(&ctx(), &msg(text, "get_refund", 0.9)));
    says(&d, Line::EmailDeclinedHandoff);
    // Only asked why: why it is needed, the request waiting.
    let text = "Requesting a refund for order 1003. why do you need my email for that?";
    let d = reply(decide(&ctx(), &msg(text, "get_refund", 0.9)));
    says(&d, Line::EmailStillNeeded);
    assert_eq!(d.pending_intent.as_deref(), Some("get_refund"));
    // Explained, and still no: a person checks the order is theirs another way.
    let mut explained = ctx();
    explained.conversation.pending_intent = Some("get_refund".into());
    explained.pending.order_number = Some("1003".into());
    explained.last_bot = Some((
        crate::engine::replies::text(Line::EmailStillNeeded, Lang::En).to_string(),
        Some("get_refund".into()),
    ));
    for text in [
        "no. just refund it or tell me who can",
        "No, I'm really not comfortable with that. Is there some other way to do this?",
    ] {
        let d = reply(decide(&explained, &msg(text, "complaint", 0.47)));
        says(&d, Line::EmailDeclinedHandoff);
        assert_eq!(d.state, WaitingForHuman, "{text}");
    }
}

#[test]
fn a_grievance_in_other_words_is_a_complaint_taken_in() {
    let oos = kefu_intent::OUT_OF_SCOPE;
    for (text, read) in [
        ("'3-5 business days' my foot. your shipping is a joke", oos),
        ("so what can you do about it", oos),
        (
            "honestly pretty disappointed with the hoodies from 1004, the colour is way more brown than in the photos",
            "complaint",
        ),
        (
            "not after a refund really, I just think someone should fix the pictures",
            "get_refund",
        ),
    ] {
        assert_eq!(
            intent(decide(&ctx(), &msg(text, read, 0.5))),
            "complaint",
            "{text}"
        );
    }
    // Better than pictured is praise, not a grievance.
    assert!(
        !crate::engine::complaint_words::describes_a_quality_problem(
            "the hoodie looks even better than in the photos"
        )
    );
}

#[test]
fn a_deadline_with_no_journey_occasion_or_emergency_is_answered_not_queued() {
    // Stock asked before a day, no journey or occasion and nobody in trouble: the stock.
    let mut shop = ctx();
    shop.names_product = true;
    let mut u = msg(
        "is the zip hoodie still a thing or sold out? need a grey one before saturday",
        "product_availability",
        0.63,
    );
    u.topic = Some((Topic::Urgent, 0.97));
    assert_ne!(intent(decide(&shop, &u)), "urgent_request");
    // Asked before a flight, it stays urgent.
    let mut u = msg(
        "is the zip hoodie still in stock? flying out saturday, need it before my flight",
        "product_availability",
        0.63,
    );
    u.topic = Some((Topic::Urgent, 0.97));
    assert_eq!(intent(decide(&shop, &u)), "urgent_request");
    // An order asked after in other words, a birthday named: its status.
    let mut u = msg(
        "yo can u tell me if 1004 went out yet?? my brothers bday is sunday",
        "out_of_scope",
        0.92,
    );
    u.topic = Some((Topic::Urgent, 0.57));
    assert_ne!(intent(decide(&ctx(), &u)), "urgent_request");
}

#[test]
fn goods_that_gave_out_are_a_complaint_and_how_to_wash_them_is_care() {
    let shop = ctx();
    let route = |text: &str, intent: &str| {
        crate::engine::routing::route(&shop, &msg(text, intent, 0.6)).intent
    };
    assert_eq!(
        route(
            "zip on the hoodie gave up on the second wear. for 69 bucks I expected a bit better than that",
            "out_of_scope"
        ),
        "complaint"
    );
    assert_ne!(route("卫衣咋洗不缩水", "out_of_scope"), "complaint");
    let shop_low = ctx();
    let u = msg(
        "Five stars for the T-shirt, zero for the checkout that logged me out three times mid-payment. Who do I tell?",
        "payment_issue",
        0.27,
    );
    assert_eq!(
        crate::engine::routing::route(&shop_low, &u).intent,
        "complaint"
    );
}

#[test]
fn goods_or_a_parcel_complained_of_with_a_product_named_stay_complaints() {
    let mut shop = ctx();
    shop.names_product = true;
    let route = |text: &str, intent: &str| {
        crate::engine::routing::route(&shop, &msg(text, intent, 0.6)).intent
    };
    for text in [
        "so... my parcel? the hoodie+tee one",
        "说实话有点失望 卫衣洗一次就起球 138块钱就这质量？",
        "The cap itself is fine but three layers of plastic to ship one hat? Come on. Just wanted that on record.",
    ] {
        assert_ne!(route(text, "complaint"), "product_info", "{text}");
    }
}

#[test]
fn a_card_misused_at_another_shop_told_before_asking_how_to_pay_is_the_ways_to_pay() {
    let u = msg(
        "上次在别家买东西卡被盗刷过，有点怕了，你们这儿支付宝能付不",
        "payment_issue",
        0.47,
    );
    assert_eq!(
        crate::engine::routing::route(&ctx(), &u).intent,
        "check_payment_methods"
    );
}

#[test]
fn the_new_words_keep_to_their_meaning() {
    let mut shop = ctx();
    let route = |shop: &TurnContext, text: &str, intent: &str| {
        crate::engine::routing::route(shop, &msg(text, intent, 0.45)).intent
    };
    // Fillers of a corrected number are phrases, not words.
    assert_ne!(
        route(&shop, "order 1003 is bad", "complaint"),
        "supplied_values"
    );
    // "on record" of the shopper's details is no feedback.
    assert_ne!(
        route(
            &shop,
            "what email do you have on record for me?",
            "out_of_scope"
        ),
        "complaint"
    );
    // A named product's question is a question, of the product, not a return or a complaint.
    shop.names_product = true;
    for (text, intent) in [
        (
            "the grey hoodie is really itchy and the seams feel rough",
            "complaint",
        ),
        ("can I return the grey hoodie?", "complaint"),
    ] {
        assert_ne!(route(&shop, text, intent), "product_info", "{text}");
    }
}
