//! Unit tests of the delivery words (`delivery_words.rs`).

use super::*;
use crate::engine::arrival_words::{asks_if_it_came, asks_when_delivered};
use crate::engine::late_words::says_late;

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
fn the_shoppers_own_goods_asked_after_are_where_they_are() {
    for text in [
        "so... my cap? it's been a while. no. 1003",
        "Good afternoon. Could you tell me where my two hoodies are? I've been travelling and completely lost track.",
        "and my hoodies??",
        "third time asking. the cap. 1003. coming or not",
        "it said november 26th. it is now december. where are my clothes",
        "order 1001 is running like a week behind, can you give it a nudge",
    ] {
        assert!(says_late(text), "{text}");
    }
    for text in [
        "is my size in stock?",
        "can you tell me where my order ships from?",
        "how do I update my address?",
        "love the tee. where are the hoodies made?",
    ] {
        assert!(!says_late(text), "{text}");
    }
    assert!(asks_its_status("i just want to know if my bottle shipped"));
    assert!(asks_its_status("and the expected date again?"));
    assert!(asks_its_status("我就想知道1004到底怎么回事"));
    assert!(!asks_its_status("你们网站到底怎么回事！付款一直报错"));
    assert!(!asks_its_status("我的优惠券到底怎么回事，一直用不了"));
    assert!(!asks_its_status("if it shipped late can I still cancel"));
    assert!(!says_late(
        "whatever, I'll deal with that later. different question: do you take amex?"
    ));
    assert!(says_late("it'll come later than you said, won't it"));
}

#[test]
fn lateness_is_heard_in_whole_words_only() {
    assert!(says_late("so my package is late"));
    assert!(says_late("is order 1001 delayed?"));
    assert!(says_late("怎么还没到"));
    assert!(says_late(
        "UPS has shown 1Z999AA10123456784 as 'in transit' for what feels like forever. It was supposed to land on the 26th."
    ));
    assert!(says_late(
        "发货这么慢还不通知，我1002下单都好几天了还在处理中，你们是不是要倒闭了"
    ));
    assert!(says_late("dingdan 1003 zenme hai mei dao"));
    assert!(asks_to_change_where_it_goes(
        "can i still change where 1002 goes? moving flats next week"
    ));
    assert!(asks_to_change_where_it_goes(
        "moving flats on friday so the bottle needs to go to the new place instead. 1002"
    ));
    assert!(asks_when_delivered("when was it delivered?"));
    assert!(asks_when_delivered("1004签收了吗"));
    assert!(asks_when_delivered(
        "ok 谢谢, so it's 已经 delivered or not?"
    ));
    // Someone at home may have it, to be asked first: no claim yet.
    assert!(crate::engine::arrival_words::says_it_turned_up(
        "如果显示签收了,那可能是家里人拿了,我问问"
    ));
    for text in [
        "我问问你们，显示签收了但是我没收到",
        "我确定不是家里人拿了，1002显示签收，东西不见了",
        "我问问，1003显示已签收，可我一直在家，快递员根本没来过",
    ] {
        assert!(
            !crate::engine::arrival_words::says_it_turned_up(text),
            "{text}"
        );
    }
    assert!(!asks_when_delivered(
        "1002说已签收 门口啥也没有 到底 delivered or not"
    ));
    assert!(asks_when_delivered(
        "ok so it says delivered on the 20th? just double checking before i yell at my roommate"
    ));
    assert!(!asks_when_delivered(
        "it says delivered on the 20th?? I never got anything"
    ));
    assert!(!asks_when_delivered(
        "UPS says delivered on monday but it's not here??"
    ));
    assert!(!asks_when_delivered(
        "can it be delivered the day before the wedding? right?"
    ));
    assert!(asks_when_delivered(
        "thx. and what day did it actually get delivered"
    ));
    assert!(asks_when_delivered("and what day did it say delivered"));
    assert!(asks_when_delivered("我上次买的东西是哪天到的"));
    assert!(!asks_when_delivered(
        "what day did it say delivered? because I never got it"
    ));
    assert!(!asks_when_delivered("什么时候到的货？我怎么没收到"));
    assert!(!asks_when_delivered(
        "it says delivered but I never got it, when was it delivered??"
    ));
    assert!(says_late("yijing chaoguo san tian le"));
    for text in [
        "does ur insulated bottle actually keep coffee hot? for how long",
        "is this related to my account?",
        "do you sell chocolate",
        // The shop slow to answer, not a parcel.
        "你们客服太慢了 seriously, I sent 3 emails and no reply. 三封！",
        "customer service is so slow, still waiting for an answer to my email",
    ] {
        assert!(!says_late(text), "{text}");
    }
    // Slow service about a parcel is still lateness.
    assert!(says_late("客服太慢了，快递还没到"));
    // A day it was promised by.
    assert!(says_late("单号1001，说好26号到的，现在都12月了"));
    assert!(says_late(
        "单号1001 jane@example.com 物流好几天不动了 什么情况"
    ));
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
        "could you tell me whether my bottle has been dispatched? order 1002",
        "想问下1002发货了没有",
        "1002 发了没啊",
        "can u tell me where 1003 is at",
        "morning! just wanna peek at where #1004 is, email's sam@example.com",
        "ugh 你们这个 bot 完全没用 I just want to know if 1002 shipped",
        "帮我瞅一眼我那个保温杯发出来没",
        "i don't want the faq. i want my bottle. 1002",
        "can you tell me if my order 1002 has been shipped",
        "where is 1003 now",
        "where's #1004??",
    ] {
        assert!(asks_to_look_up_an_order(text), "{text}");
    }
    for text in [
        "can I cancel order 1002",
        "check out is broken",
        "我要退款",
        "where 2 is the limit, can I buy three caps?",
        "i want my money back for 1003",
        "i want my bottle from 1002 cancelled",
        "i want my hoodie exchanged for an L, order 1003",
        "I don't want my cap anymore. 1003",
        "i want my husband to have the cap for his 40th",
        "I want my hoodie by saturday for my son's birthday, 1003",
        "let me know if it's shipped in a box",
        "can you tell me if the hoodie can be shipped to canada",
    ] {
        assert!(!asks_to_look_up_an_order(text), "{text}");
    }
}

#[test]
fn sending_an_order_elsewhere_is_heard_without_the_word_address() {
    for text in [
        "ok can i change where it goes then",
        "can you send it somewhere else",
        "能换个地方寄吗",
        "ok 那可以改地址吗 to 88 Nanjing West Rd, same city",
        "Need to change where 1002 gets delivered, we're moving flats this weekend",
    ] {
        assert!(asks_to_change_where_it_goes(text), "{text}");
    }
    for text in [
        "for 1003, can I change where the refund gets sent? that card is closed",
        "where is it going",
        "can I change the size",
        "它寄到哪了",
        "账号里的默认地址在哪里看",
    ] {
        assert!(!asks_to_change_where_it_goes(text), "{text}");
    }
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
    assert!(says_late(
        "wow, 'free shipping over $50' and it only takes a geological era. love that for me. order 1001"
    ));
    assert!(says_late(
        "love how UPS 1Z999AA10123456784 has been \"on its way\" for a week past the date you promised"
    ));
    assert!(!says_late("it's been a great experience"));
    assert!(!says_late(
        "I'm 2 days past the 30-day return window, can I still get a refund for 1004?"
    ));
    assert!(!says_late("the bottle takes forever to cool down"));
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
fn tracking_that_has_not_moved_is_late() {
    for text in [
        "the tracking hasn't moved since like the 24th. Can you at least tell me if it's lost?",
        "物流一直没更新",
        "no movement on the tracking for a week",
    ] {
        assert!(says_late(text), "{text}");
    }
}

#[test]
fn when_it_ships_is_asked_of_whatever_is_named() {
    for text in [
        "Could you tell me roughly when my water bottle will be sent out? order 1002",
        "when will my water bottle be sent out? It's order no. 1002.",
        "any idea when the hoodies get here?",
        "would like to know when it will be sent out",
        "1002什么时候发货",
    ] {
        assert!(asks_when_it_ships(text), "{text}");
    }
    for text in [
        "when it arrives I'll send it back",
        "when will my refund be sent?",
        "I was out when they came",
    ] {
        assert!(!asks_when_it_ships(text), "{text}");
    }
}

#[test]
fn news_asked_a_delivery_asked_after_and_a_day_gone_by() {
    assert!(asks_its_status(
        "oops sorry hit enter too soon. order no. 1001, the one going ups, any news?"
    ));
    assert!(asks_its_status("1003有消息吗"));
    assert!(asks_if_it_came(
        "carlos@example.com, just want to know if it was delivered"
    ));
    // The order named where "it" would be.
    assert!(asks_if_it_came(
        "oh wait totally unrelated, did 1004 ever make it to me? sam@example.com"
    ));
    assert!(asks_if_it_came("oh also while I'm here, has 1003 arrived?"));
    assert!(asks_if_it_came(
        "你打字也太快了吧 🤔 are you even real? anyway order 1003 delivered了没"
    ));
    assert!(!asks_if_it_came("order 1003 arrived damaged"));
    assert!(says_late(
        "tracking said it would come nov 26 and it just... didn't. what now"
    ));
    assert!(says_late("it didn't arrive on the day you said"));
}
