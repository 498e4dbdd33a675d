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
        "cap's not for me after all. any chance of getting my 22 bucks back? 1003, carlos@example.com",
        "so how does one get 22 bucks back from you people",
        "帽子戴着不太合适 想退掉 订单1003",
        "hello 我想退 order 1003 的cap, 颜色跟图片不一样 a bit too dark",
        "订单1004两件卫衣都想退 一共138",
        "两件都想退",
        "1004号订单两件卫衣都要退 太大了穿不了",
    ] {
        assert!(asks_for_money_back(text), "{text}");
    }
    for text in [
        "我想退货，怎么操作",
        "两件都想退货，怎么寄回去",
        "两件都要退货，怎么寄回去",
        "这些都要退吗",
        "1004的两件卫衣是不是都要退回去",
        "吊牌和包装都要退回吗",
        "我想退1003的帽子",
        "算了不退了",
        "那先不退吧",
        "I want all 3 back in stock",
        "I'll check back in 2 days",
        "the tracking went 3 days back",
        "is the 2XL back in stock?",
        "when's the 750ml back?",
    ] {
        assert!(!asks_for_money_back(text), "{text}");
    }
}

#[test]
fn goods_taken_back_in_the_ba_shape_ask_for_the_money() {
    for text in [
        "想把1004的两件卫衣都退了，邮箱sam@example.com",
        "把帽子退掉吧",
    ] {
        assert!(asks_for_money_back(text), "{text}");
    }
    assert!(!asks_for_money_back("想把地址退了换一个"));
    assert!(!asks_for_money_back("把订单号发给你了"));
}

#[test]
fn the_money_turned_down_is_told_from_where_it_goes() {
    for text in ["换成藏青色就行，钱不用退", "我想换成藏青色的，不要退款"]
    {
        assert!(turns_down_money_back(text), "{text}");
    }
    for text in [
        "钱别退到花呗，退到银行卡吧",
        "钱不要退到信用卡，退支付宝可以吗",
    ] {
        assert!(!turns_down_money_back(text), "{text}");
    }
}
