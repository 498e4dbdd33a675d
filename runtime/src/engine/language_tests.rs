//! Unit tests of the language checks (`language.rs`).

use super::*;

#[test]
fn a_bare_email_or_order_number_continues_the_conversations_language() {
    assert_eq!(script("jane@example.com"), None);
    assert_eq!(script("A1002"), None);
    assert_eq!(script("订单1002呢"), Some(Lang::Zh));
    assert_eq!(script("my email is jane@example.com"), Some(Lang::En));
    let zh = Some("请告诉我下单时用的邮箱。");
    assert_eq!(continue_in("jane@example.com", zh, Lang::En), Lang::Zh);
    assert_eq!(continue_in("1002", zh, Lang::En), Lang::Zh);
    assert_eq!(continue_in("where is 1002", zh, Lang::Zh), Lang::En);
    assert_eq!(continue_in("jane@example.com", None, Lang::En), Lang::En);
}

#[test]
fn the_answer_follows_the_script_then_the_locale() {
    assert_eq!(reply_lang("where is it", "zh"), Lang::En);
    assert_eq!(reply_lang("我的订单", "en"), Lang::Zh);
    assert_eq!(reply_lang("1001", "zh"), Lang::Zh);
    assert_eq!(reply_lang("1001", "en"), Lang::En);
}

#[test]
fn short_messages_are_follow_ups() {
    assert!(is_follow_up("and 1002?"));
    assert!(is_follow_up("订单1002呢"));
    assert!(!is_follow_up(
        "where is my order 1002 that I bought last week"
    ));
}

#[test]
fn chinese_words_are_heard_in_pinyin() {
    assert!(mentions("wo xiang tuikuan, order 1003", &["退款"]));
    assert!(mentions(
        "ni hao, bang wo cha yixia dingdan 1004",
        &["查一下订单"]
    ));
    // English words are matched as typed only.
    assert!(!mentions("wo xiang tuikuan", &["refund"]));
    assert!(!mentions("can you ship to china", &["吃"]));
}

#[test]
fn a_word_is_found_a_few_words_after_another() {
    let wants = ["want", "need"];
    let money = ["money", "refund"];
    assert!(word_then_word("want my money back", &wants, &money, 3));
    assert!(word_then_word("I NEED a full refund.", &wants, &money, 3));
    // Too far apart, or in the other order.
    assert!(!word_then_word(
        "i want to know about the refund policy",
        &wants,
        &money,
        3
    ));
    assert!(!word_then_word(
        "refund? no, i want a swap",
        &wants,
        &money,
        3
    ));
}
