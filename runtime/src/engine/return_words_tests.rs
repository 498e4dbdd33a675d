//! Unit tests of the return of goods in a message (`return_words.rs`).

use super::*;

#[test]
fn goods_sent_back_are_told_not_asked_about() {
    for text in [
        "两件卫衣我都寄回去了，138块什么时候退给我",
        "I sent the hoodies back two weeks ago and still no refund",
        "returned the cap last week, where is my money",
        "mailed it back on monday",
        "已经寄回了 退款呢",
    ] {
        assert!(says_sent_back(text), "{text}");
    }
    for text in [
        "can I send it back?",
        "how do I send the hoodie back",
        "tracking says returned to sender",
        "可以寄回去吗",
        "where is my refund",
        "sent you an email yesterday, did you get it? want to go back to the old address",
    ] {
        assert!(!says_sent_back(text), "{text}");
    }
}
