//! Unit tests of what refund a message asks for (`refund_words.rs`).

use super::*;

#[test]
fn asked_how_quickly_the_money_comes_is_asked_how_long() {
    for text in [
        "once you receive my return how quickly does the money come back",
        "how soon will I see the refund",
    ] {
        assert!(asks_how_long(text), "{text}");
    }
    assert!(!asks_how_long("refund it quickly please"));
}

#[test]
fn a_sum_asked_back_is_read_with_or_without_its_currency() {
    for (text, order, want) in [
        (
            "1001 is late and honestly i dont want it anymore, just refund the 98",
            Some("1001"),
            9800,
        ),
        (
            "never got order 1004 and I want my 138 back",
            Some("1004"),
            13800,
        ),
        (
            "1001这单都超时一个星期了，不要了，98块给我退了",
            Some("1001"),
            9800,
        ),
        (
            "1004没收到货还显示签收，138块钱全部退给我",
            Some("1004"),
            13800,
        ),
        ("can you refund me $22.50 for the cap", None, 2250),
        ("退我98就行", None, 9800),
        ("just want the 69.00 back for the hoodie", None, 6900),
    ] {
        assert_eq!(asked_sum(text, order), Some(want), "{text}");
    }
    for (text, order) in [
        ("refund my order 1004 please", Some("1004")),
        ("refund the 1004 order", Some("1004")),
        ("I want a refund, it came 3 days late", None),
        ("refund the 2nd hoodie", None),
        ("can I get a refund within 30 days?", None),
        ("I want my money back", None),
    ] {
        assert_eq!(asked_sum(text, order), None, "{text}");
    }
}

#[test]
fn the_whole_order_asked_back_is_heard_only_with_money_back() {
    for text in [
        "I want a full refund for order 1004",
        "1004整单退款 两件卫衣都不要了",
        "refund the whole order",
        "两件都退，全额退款",
    ] {
        assert!(asks_for_the_whole_order(text), "{text}");
    }
    for text in [
        "the whole order arrived wet",
        "can I get a refund on the cap only",
        "整单什么时候发货",
    ] {
        assert!(!asks_for_the_whole_order(text), "{text}");
    }
}

#[test]
fn asking_after_a_refund_is_not_asking_for_one() {
    for text in [
        "did my refund for 1003 go through?",
        "still waiting on my refund from last week",
        "退款到账了吗 1003",
        "1003的退款呢",
    ] {
        assert!(asks_after_a_refund(text), "{text}");
    }
    for text in [
        "refund 一下 1004 的两件 hoodie",
        "1004整单退款 两件卫衣都不要了",
        "1004没收到货还显示签收，138块钱全部退给我",
        "I want a refund for order 1003",
    ] {
        assert!(!asks_after_a_refund(text), "{text}");
    }
}

#[test]
fn money_back_demanded_is_a_request_however_it_is_asked() {
    for text in [
        "问了三遍了，帽子到底给不给退款",
        "so are you going to refund me or not",
    ] {
        assert!(demands_it(text), "{text}");
    }
    assert!(!demands_it("退款多久到账"));
    assert!(!demands_it("how long do refunds take"));
    // Asked whether it can be, in Chinese: a request when an order is named beside it.
    assert!(requests_it("帽子不想要了，能退款吗？单号#1003"));
    assert!(requests_it("1003那顶帽子不太喜欢 能退钱吗"));
    assert!(!requests_it("退款多久到账"));
    // How much is wanted back, a sum or the whole.
    assert!(names_how_much_back(
        "Both hoodies from 1004 pilled after a single wash. I want the full 138 back, not an exchange."
    ));
    assert!(names_how_much_back("全额退，138，别跟我说换货"));
    assert!(!names_how_much_back("I want all 3 back in stock"));
}

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

#[test]
fn a_refund_not_come_and_money_back_in_few_words() {
    assert!(asks_after_a_refund(
        "just tell me why my refund for 1003 still hasn't arrived"
    ));
    assert!(asks_after_a_refund(
        "the refund has not shown up on my card"
    ));
    assert!(!asks_after_a_refund("I want a refund for 1003"));
    assert!(!refund_not_come(
        "refund order 1001. all of it. it never came and im done waiting"
    ));
    for text in [
        "好，那就退吧",
        "行，那就按刚才那个订单退吧",
        "订单1004两件卫衣都要退，退全款138",
        "全部退 all 98 please",
        "not after an exchange, I want the whole 138 back",
        "I want my 22 bucks back for the cap. order no. 1003",
        "帽子戴着不太合适 想退掉 订单1003",
        "hello 我想退 order 1003 的cap, 颜色跟图片不一样 a bit too dark",
    ] {
        assert!(asks_for_money_back(text), "{text}");
    }
    for text in [
        "我想退货，怎么操作",
        "我想退1003的帽子",
        "算了不退了",
        "那先不退吧",
        "I want all 3 back in stock",
    ] {
        assert!(!asks_for_money_back(text), "{text}");
    }
}
