//! Unit tests of the delivery words (`delivery_words.rs`).

use super::*;

#[test]
fn a_price_stock_or_shipped_yet_question_presupposes_nothing_arrived() {
    for text in [
        "有机棉T恤多少钱一件",
        "is the navy cap in stock?",
        "我就想知道1002发货了没有，就这一个问题",
        "I just want to know if order 1002 has shipped yet",
    ] {
        assert!(asks_before_arrival(text), "{text}");
    }
    for text in [
        "the t-shirt is split along the side seam",
        "my parcel arrived half empty",
        "收到的颜色不对",
    ] {
        assert!(!asks_before_arrival(text), "{text}");
    }
}

#[test]
fn lateness_is_heard_in_whole_words_only() {
    assert!(says_late("so my package is late"));
    assert!(says_late("is order 1001 delayed?"));
    assert!(says_late("怎么还没到"));
    assert!(says_late("dingdan 1003 zenme hai mei dao"));
    assert!(asks_when_delivered("when was it delivered?"));
    assert!(asks_when_delivered("1004签收了吗"));
    assert!(!asks_when_delivered(
        "it says delivered but I never got it, when was it delivered??"
    ));
    assert!(says_late("yijing chaoguo san tian le"));
    for text in [
        "does ur insulated bottle actually keep coffee hot? for how long",
        "is this related to my account?",
        "do you sell chocolate",
    ] {
        assert!(!says_late(text), "{text}");
    }
}

#[test]
fn the_shoppers_own_wrong_choice_is_not_a_wrong_item() {
    assert!(own_mistake(
        "I need to cancel order 1001, I ordered the wrong size on the hoodie"
    ));
    assert!(own_mistake("我拍错颜色了，能改吗"));
    assert!(!own_mistake("you sent me the wrong size"));
    assert!(!own_mistake("收到的颜色不对"));
}

#[test]
fn a_destination_abroad_is_heard_in_whole_words() {
    for text in [
        "do you ship to Japan?",
        "and how long does it take to get to Canada",
        "寄到加拿大要多久",
        "can you send it to the UK",
        "do you ship internationally",
    ] {
        assert!(names_a_destination(text), "{text}");
    }
    for text in [
        "when will my order ship",
        "how long does delivery take",
        "can I use my euro card",
        "快递多久到",
    ] {
        assert!(!names_a_destination(text), "{text}");
    }
}

#[test]
fn a_tracking_number_asked_for_is_heard() {
    for text in [
        "那UPS单号是多少",
        "what's the tracking number",
        "can I get the tracking link",
    ] {
        assert!(asks_for_tracking(text), "{text}");
    }
    assert!(!asks_for_tracking("do you track deliveries abroad"));
}

#[test]
fn looking_up_an_order_is_heard_in_english_chinese_and_pinyin() {
    for text in [
        "nvm, actually I want to check my order 1003 first",
        "帮我查下1001 jane@example.com",
        "dingdan 1002 fahuo le ma",
        "nvm actually, can you tell me where order 1003 is",
        "yo whats the status on #1003",
        "just wondering if it has gone out yet? It's order number 1002",
    ] {
        assert!(asks_to_look_up_an_order(text), "{text}");
    }
    for text in ["can I cancel order 1002", "check out is broken", "我要退款"] {
        assert!(!asks_to_look_up_an_order(text), "{text}");
    }
}

#[test]
fn sending_an_order_elsewhere_is_heard_without_the_word_address() {
    for text in [
        "ok can i change where it goes then",
        "can you send it somewhere else",
        "能换个地方寄吗",
    ] {
        assert!(asks_to_change_where_it_goes(text), "{text}");
    }
    for text in ["where is it going", "can I change the size", "它寄到哪了"] {
        assert!(!asks_to_change_where_it_goes(text), "{text}");
    }
}

#[test]
fn a_wrong_item_described_is_heard() {
    for text in [
        "Instead of two grey hoodies there are two pairs of black sweatpants in there",
        "I got a mug instead of the bottle",
        "收到的是蓝色的，我买的是灰色",
        "you sent me the wrong size",
    ] {
        assert!(describes_a_wrong_item(text), "{text}");
    }
    for text in [
        "can I get the grey one instead of the navy",
        "I'd like a refund rather than an exchange",
        "I'd like an exchange instead of a refund, the hoodie arrived too small",
        "where is my order",
    ] {
        assert!(!describes_a_wrong_item(text), "{text}");
    }
}

#[test]
fn goods_that_came_damaged_are_told_from_a_broken_checkout() {
    assert!(describes_damage(
        "only opened the box now, the peak is cracked"
    ));
    assert!(describes_damage("杯子收到就裂了"));
    assert!(describes_damage("帽子寄到的时候被压扁了，帽檐都折了"));
    assert!(!describes_damage("the checkout is broken"));
    assert!(!describes_damage("压扁了的纸箱能回收吗"));
    assert!(describes_damage(
        "right, and one of them has a hole in the sleeve already"
    ));
    assert!(describes_damage("卫衣收到就破了个洞"));
    assert!(!describes_damage(
        "I already bought the hoodie, does it have a thumb hole?"
    ));
}

#[test]
fn a_parcel_marked_delivered_and_not_in_hand_is_told_from_asking_when() {
    assert!(describes_a_missing_parcel(
        "UPS reckons my hoodies were delivered nov 20 but I think someone nicked them off the porch"
    ));
    assert!(describes_a_missing_parcel("显示已签收但是我根本没收到"));
    assert!(describes_a_missing_parcel(
        "Hi, ups claims they dropped off my 2 hoodies on the 20th. They did not, I asked all the neighbours. #1004"
    ));
    assert!(describes_a_missing_parcel(
        "tracking says delivered but theres nothing at my door. order 1003"
    ));
    assert!(!describes_a_missing_parcel(
        "can you drop off the parcel at my office instead?"
    ));
    assert!(!describes_a_missing_parcel("was order 1003 delivered?"));
    assert!(!describes_a_missing_parcel(
        "when will it be delivered? I haven't got a date"
    ));
}

#[test]
fn a_long_wait_told_is_lateness() {
    assert!(says_late(
        "wow '3-5 days' huh. it's been about two weeks. great job guys"
    ));
    assert!(says_late("been over a week now"));
    assert!(says_late(
        "my hoodie and tshirt never showed up. it said nov 26 and its december now"
    ));
    assert!(says_late("已经两个星期了还没动静"));
    assert!(!says_late("it's been a great experience"));
    assert!(!says_late("have you been busy these days"));
}

#[test]
fn waiting_for_ones_goods_is_told_from_late_deliveries_in_general() {
    assert!(waits_for_their_goods(
        "I'm still waiting on a hoodie and a tshirt"
    ));
    assert!(waits_for_their_goods("还在等我的卫衣"));
    assert!(!waits_for_their_goods("your deliveries are always late"));
}

#[test]
fn a_question_that_tells_of_nothing_wrong_only_asks() {
    for text in [
        "and which carrier has it?",
        "cool and did it arrive already",
        "对了 顺便问一下 退货期限是多久",
        "哪家快递公司送的",
    ] {
        assert!(only_asks(text), "{text}");
    }
    for text in [
        "where's my hoodie? the box only had the tee",
        "did you forget my hoodie?",
        "why is the cap cracked?",
        "为什么少了一件？",
        "the parcel never came, what now?",
        "1001的包裹拆开只有卫衣，T恤呢？",
        "Hi, I ordered size L hoodies (order 1004) but both that arrived are size S. Email is sam@example.com",
    ] {
        assert!(!only_asks(text), "{text}");
    }
}
