//! Unit tests of the FAQ's answers beside the model's: every question of a message answered,
//! and the shop's sizing advice for how a product fits (`decide.rs`).

use std::sync::Arc;

use kefu_protocol::Card;

use super::tests::{call, ctx, msg, reply, with_faq};
use super::*;
use crate::store::{FaqEntry, MerchantConfig};

const FIT: &str = "Our hoodies are a relaxed fit: take your usual size.";
const PAYMENT: &str = "We accept Visa, PayPal and Alipay.";
const ABROAD: &str = "We ship to Canada, Japan and Australia in 7-14 business days.";

/// The demo context with three FAQ entries in English.
fn shop() -> TurnContext {
    let entry = |id, question: &str, answer: &str| FaqEntry {
        id,
        question: question.into(),
        answer: answer.into(),
        lang: "en".into(),
        intent: None,
        public: true,
    };
    let mut shop = ctx();
    shop.config = Arc::new(MerchantConfig::new(
        1,
        vec![
            entry(1, "Do your clothes run small or large? size guide", FIT),
            entry(2, "Which payment methods do you accept?", PAYMENT),
            entry(3, "Do you ship abroad? international shipping", ABROAD),
        ],
        std::collections::HashMap::new(),
        vec![],
    ));
    shop
}

#[test]
fn each_question_of_a_message_gets_its_faq_answer() {
    let u = msg(
        "do you ship to australia?? and which payment methods do you accept",
        "check_payment_methods",
        0.9,
    );
    let d = reply(decide(&shop(), &u));
    assert!(d.text.contains(PAYMENT), "{}", d.text);
    assert!(d.text.contains(ABROAD), "{}", d.text);
    // One question, one answer.
    let u = msg(
        "which payment methods do you accept?",
        "check_payment_methods",
        0.9,
    );
    assert_eq!(reply(decide(&shop(), &u)).text, PAYMENT);
}

#[test]
fn how_a_product_fits_is_the_sizing_advice_alone_or_beside_its_card() {
    // Asked in words the entry does not share: the entry about fit all the same.
    let u = msg("how does the zip hoodie fit?", "product_info", 0.9);
    assert_eq!(reply(decide(&shop(), &u)).text, FIT);
    // Asked with its price: the product's card from the catalogue, and the advice.
    let u = msg(
        "how does the zip hoodie fit? and how much is it?",
        "product_info",
        0.9,
    );
    let c = call(decide(&shop(), &u));
    let card = Card::Product {
        sku: "HOOD".into(),
        name: "Grey zip hoodie".into(),
        price_minor: 6_900,
        currency: "USD".into(),
        stock: 3,
    };
    let found = Ok(PluginReply {
        text: "Grey zip hoodie: $69.00.".into(),
        cards: vec![card],
        proposal: None,
    });
    let d = after_call(&shop(), &u, &c, found, "a1", "0.2.0");
    assert!(d.text.starts_with("Grey zip hoodie: $69.00."), "{}", d.text);
    assert!(d.text.ends_with(FIT), "{}", d.text);
}

#[test]
fn a_company_invoice_asked_as_where_to_find_one_is_the_company_invoice() {
    const FIND: &str = "Every invoice is attached to its confirmation email.";
    const COMPANY: &str = "Reply to the confirmation email with your company name and VAT number.";
    let entry = |id, intent: &str, question: &str, answer: &str| FaqEntry {
        id,
        question: question.into(),
        answer: answer.into(),
        lang: if question.is_ascii() { "en" } else { "zh" }.into(),
        intent: Some(intent.into()),
        public: true,
    };
    let mut shop = ctx();
    shop.config = Arc::new(MerchantConfig::new(
        1,
        vec![
            entry(1, "check_invoice", "Where can I find my invoice?", FIND),
            entry(
                2,
                "get_invoice",
                "Can I get an invoice with my company details?",
                COMPANY,
            ),
            entry(
                3,
                "check_invoice",
                "发票在哪里查看？",
                "每个订单的发票（PDF）都附在订单确认邮件中，也可以在账户的“我的订单”里下载。",
            ),
            entry(
                4,
                "get_invoice",
                "可以开具公司抬头的发票吗？",
                "可以：回复订单确认邮件并提供公司名称和税号，我们会在1个工作日内发送新的发票。",
            ),
        ],
        std::collections::HashMap::new(),
        vec![],
    ));
    let u = msg(
        "order 1004 arrived fine. how do I get the invoice made out to my company?",
        "check_invoice",
        0.8,
    );
    assert_eq!(reply(decide(&shop, &u)).text, COMPANY);
    let u = msg(
        "对了，我上周那个订单1004……哦不对已经到了。那我想问一下怎么开公司抬头的发票",
        "check_invoice",
        0.8,
    );
    assert_eq!(
        reply(decide(&shop, &u)).text,
        "可以：回复订单确认邮件并提供公司名称和税号，我们会在1个工作日内发送新的发票。"
    );
    let u = msg("where can I find my invoice?", "check_invoice", 0.9);
    assert_eq!(reply(decide(&shop, &u)).text, FIND);
}

#[test]
fn products_asked_together_get_their_total_and_what_shipping_costs() {
    const SHIPPING: &str = "Standard shipping is free over $50, else $5.";
    let mut shop = shop();
    with_faq(
        &mut shop,
        "en",
        "delivery_options",
        "What shipping options do you offer?",
        SHIPPING,
    );
    let u = msg(
        "how much is the organic tee + the navy cap together? and would shipping be free on that",
        "product_info",
        0.9,
    );
    let c = call(decide(&shop, &u));
    let product = |sku: &str, price_minor| Card::Product {
        sku: sku.into(),
        name: sku.into(),
        price_minor,
        currency: "USD".into(),
        stock: 3,
    };
    let found = || {
        Ok(PluginReply {
            text: "Navy cap: $22.00.".into(),
            cards: vec![product("CAP", 2_200), product("TEE", 2_900)],
            proposal: None,
        })
    };
    let d = after_call(&shop, &u, &c, found(), "a1", "0.2.0");
    assert!(d.text.contains("Together: $51.00."), "{}", d.text);
    assert!(d.text.ends_with(SHIPPING), "{}", d.text);
    // One price asked: neither.
    let u = msg("how much is the navy cap?", "product_info", 0.9);
    let d = after_call(&shop, &u, &call(decide(&shop, &u)), found(), "a1", "0.2.0");
    assert_eq!(d.text, "Navy cap: $22.00.");
}

#[test]
fn a_shipping_fee_charged_read_as_a_payment_problem_is_what_shipping_costs() {
    let u = msg(
        "your checkout charged me $5 shipping even though my cart was over $50?! what a scam lol",
        "payment_issue",
        0.7,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "delivery_options");
    // A payment problem without shipping stays one.
    let u = msg(
        "my card got charged but the order failed",
        "payment_issue",
        0.7,
    );
    assert_eq!(routing::route(&ctx(), &u).intent, "payment_issue");
}

/// Asks the demo shop `text` (heard as a payment question) and checks its reply holds the
/// answer of each entry whose question is one of `questions`.
fn demo_answers_each(text: &str, questions: &[&str]) {
    let mut demo = ctx();
    let entries = crate::store::DemoData::builtin().unwrap().faq_entries();
    demo.config = Arc::new(MerchantConfig::new(
        1,
        entries.clone(),
        std::collections::HashMap::new(),
        vec![],
    ));
    let answer = |q: &str| {
        entries
            .iter()
            .find(|e| e.question == q)
            .map(|e| e.answer.clone())
            .unwrap()
    };
    let d = reply(decide(&demo, &msg(text, "check_payment_methods", 0.9)));
    for q in questions {
        assert!(d.text.contains(&answer(q)), "{q}: {}", d.text);
    }
}

#[test]
fn numbered_questions_behind_a_greeting_each_get_the_demo_shops_answer() {
    // Each question is read without what leads up to it ("Hi there! Few quick questions:
    // 1) …"), which had hidden the first from the demo shop's answers.
    demo_answers_each(
        "Hi there! Few quick questions: 1) is shipping free? 2) can I pay with Apple Pay? 3) do your tees run small?? Thanks!!",
        &[
            "What shipping options do you offer?",
            "Which payment methods do you accept?",
        ],
    );
}

#[test]
fn questions_in_a_row_each_get_their_answer_whatever_the_first_was_heard_as() {
    demo_answers_each(
        "so a few things: if my basket is 70 is shipping free? do you take Apple Pay? and can I get an invoice with my company name on it",
        &[
            "What shipping options do you offer?",
            "Which payment methods do you accept?",
            "Can I get an invoice with my company details?",
        ],
    );
}

#[test]
fn torn_between_the_ways_to_pay_and_a_product_never_named_the_faq_answers() {
    let mut shop = shop();
    shop.served
        .insert("product_info".into(), super::tests::served("catalog", &[]));
    let mut u = msg(
        "can I pay with alipay? and roughly how long does shipping to japan take",
        "check_payment_methods",
        0.4,
    );
    u.prediction.top = vec![
        ("check_payment_methods".into(), 0.4),
        ("product_info".into(), 0.35),
    ];
    let d = reply(decide(&shop, &u));
    assert!(d.text.contains(PAYMENT), "{d:?}");
    // A product named, the choice stays the shopper's.
    shop.names_product = true;
    let d = reply(decide(&shop, &u));
    assert!(!d.text.contains(PAYMENT), "{d:?}");
}
