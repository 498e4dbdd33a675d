//! Unit tests of what shoppers say went wrong with goods in hand (`claim_words.rs`).

use super::*;
use crate::engine::wrong_goods_words::own_mistake;

#[test]
fn goods_asked_to_be_sent_again_ask_for_a_replacement() {
    for text in [
        "给个说法吧 要么重新发一份 要么把98全退了",
        "just send another one please",
        "can you replace it",
        "honestly I'd take a new one over money",
        "给我个新的吧",
    ] {
        assert!(asks_for_a_replacement(text), "{text}");
    }
    assert!(!asks_for_a_replacement("where is my order"));
    assert!(!asks_for_a_replacement(
        "yeah the full 22 is fine, no need to send another one"
    ));
    assert!(!asks_for_a_replacement("退钱就行 不用补发了"));
    assert!(!asks_for_a_replacement(
        "no need to send a new one, I'd rather have the money"
    ));
    assert!(!asks_for_a_replacement(
        "The cap came crushed, order 1003. I don't want a new one, just my money back."
    ));
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
fn a_wrong_item_described_is_heard() {
    for text in [
        "Instead of two grey hoodies there are two pairs of black sweatpants in there",
        "I got a mug instead of the bottle",
        "收到的是蓝色的，我买的是灰色",
        "you sent me the wrong size",
        "the tee from my order is the wrong colour, I picked white",
        "帽子颜色不对，我买的是藏青色",
        "1004: paid for 2 grey hoodies, one of them is a black t shirt. how",
        "Opened order 1004 today: one grey hoodie (correct) and one... organic t-shirt? I paid for two hoodies.",
        "finally opened my 1004 box (been travelling) and both hoodies are XS. I ordered L. can these be exchanged?",
        "not sure how you managed this but there's an XL t-shirt in my box and no cap. no. 1003",
        "carlos@example.com here, wrong colour cap in my parcel",
        "Hello, my parcel for order 1004 contained two organic T-shirts rather than the two grey zip hoodies I paid for.",
        "Hi, I think there's been a mix-up. My parcel had a water bottle in it, but I ordered a cap.",
        "hey so the parcel for 1003 had someone else's stuff in it, a kids' t-shirt with a dinosaur on it, no cap anywhere",
        "Order 1004 arrived today with two hoodies, but they're both black rather than grey. My email is sam@example.com.",
        "Ordered two GREY HOODIES. Received two grey T-shirts. Order #1004, sam@example.com. Please sort it out.",
        "Hello, order 1004 was meant to be two grey hoodies. One is grey, the other is a green kids' size thing with a cartoon on it.",
        "opened my parcel and it's a kids' rain jacket?? definitely not my cap",
        "whoever packed 1001 put a kids size tee in there 😂 the hoodie is right tho",
        "pretty sure i'm not a 6 year old. the hoodies in order 1004 are kids sizes",
        "拆开一看不是帽子 是一双袜子？？ 订单1003",
        "两件卫衣，一件灰的一件绿的？？我啥时候买过绿的",
        "我订的藏青色帽子 寄来一顶红色的",
        "打开包裹发现是两件T恤 不是卫衣啊 订单1004",
    ] {
        assert!(describes_a_wrong_item(text), "{text}");
    }
    for text in [
        "收到了 不是很满意 但是还行",
        "拆开看了 是不是少了个标签？",
        "if the colour is wrong can I swap it?",
        "I had a question about the wrong size policy",
        "我什么时候买过你们的东西？收到扣款短信了",
        "我没买过你们家的，一件M一件L哪个合适？",
        "我没订过东西，怎么收到你们的发货短信",
        "我订的是藏青色帽子 能换成红色的吗",
        "我买的是黑色卫衣 寄来了 很好看",
        "我订的藏青色帽子寄来的是红色的吗？",
        "我买的T恤和卫衣什么时候寄来",
        "我买的是T恤和帽子 只寄来了T恤",
        "我买的灰色卫衣寄来了 黑色的什么时候补货",
    ] {
        assert!(!describes_a_wrong_item(text), "{text}");
    }
    for text in [
        "I ordered M but want L, can I swap it?",
        "I paid for two hoodies and one cap, when do they ship?",
        "it's a great tee, I'm an M usually, is L too big?",
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
    assert!(describes_damage(
        "算了先不买了，之前1004那单有件卫衣拉链坏了"
    ));
    assert!(describes_damage(
        "both hoodies in my order have bleach spots?? how does that even happen"
    ));
    assert!(describes_damage("帽子寄到的时候被压扁了，帽檐都折了"));
    assert!(describes_damage(
        "ok whoever packed my cap wanted to murder it lol. flat as a pancake. order 1003"
    ));
    assert!(!describes_damage("the checkout is broken"));
    assert!(!describes_damage("is the brim flat as a board or curved?"));
    assert!(!describes_damage("压扁了的纸箱能回收吗"));
    assert!(describes_damage(
        "right, and one of them has a hole in the sleeve already"
    ));
    assert!(describes_damage("卫衣收到就破了个洞"));
    assert!(!describes_damage(
        "I already bought the hoodie, does it have a thumb hole?"
    ));
    // Goods of an order named.
    assert!(describes_damage(
        "forget it. the hoodie. order 1004. one has a hole. what do i DO"
    ));
    assert!(!describes_damage("the checkout for order 1004 is broken?"));
}

#[test]
fn a_parcel_marked_delivered_and_not_in_hand_is_told_from_asking_when() {
    assert!(describes_a_missing_parcel(
        "UPS reckons my hoodies were delivered nov 20 but I think someone nicked them off the porch"
    ));
    assert!(describes_a_missing_parcel("显示已签收但是我根本没收到"));
    for text in [
        "my neighbour swears a ups guy dropped something off but its not here. do i need to call the police or what lol. order 1004",
        "UPS swears they dropped off my two hoodies on nov 20. they absolutely did not",
        "so apparently two hoodies were left at my door on nov 20. my door would like a word",
    ] {
        assert!(describes_a_missing_parcel(text), "{text}");
    }
    assert!(!describes_a_missing_parcel(
        "I dropped my phone and it's not here anymore, can I still track order 1004?"
    ));
    assert!(!says_the_carrier_left_it(
        "order 1001 still hasn't been delivered, is it lost?"
    ));
    assert!(!says_the_carrier_left_it("1001还没签收，是不是丢了"));
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
fn a_question_that_tells_of_nothing_wrong_only_asks() {
    for text in [
        "and which carrier has it?",
        "cool and did it arrive already",
        "对了 顺便问一下 退货期限是多久",
        "哪家快递公司送的",
        // What the goods are made of, confirmed: 不锈钢 tells of nothing wrong.
        "你们家的水杯是不锈钢的对吧",
        "对了，你们的帽子是什么颜色的",
        "我上次买的东西是哪天到的",
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
        "不锈钢杯子收到就是凹的，对吧？这正常吗",
    ] {
        assert!(!only_asks(text), "{text}");
    }
}

#[test]
fn what_it_should_have_been_beside_what_came_is_a_wrong_item() {
    assert!(describes_a_wrong_item(
        "order 1004 should have been two grey hoodies. One is a grey hoodie, the other is a bright orange T-shirt"
    ));
    // Lateness is not a wrong item.
    assert!(!describes_a_wrong_item(
        "it should have been here by now and there is no update"
    ));
}

#[test]
fn part_of_an_order_not_in_the_parcel_is_a_missing_item() {
    for text in [
        "there's just one hoodie in there. Is the second one coming separately or did it get lost?",
        "只收到一件，另一件呢",
        "only got one cap in the box",
        "我都说了三遍了！订单1004少一件卫衣！邮箱sam@example.com！你到底能不能处理？",
        "the box came but one is missing",
        "my parcel finally turned up but the tshirt isnt in it, just the hoodie",
    ] {
        assert!(describes_a_missing_item(text), "{text}");
    }
    // Told, it is no question only.
    assert!(!only_asks("订单1004少一件卫衣！你到底能不能处理？"));
    assert!(!describes_a_missing_item("只剩一件了吗"));
    assert!(!describes_a_missing_item("do you have just one left in M?"));
    assert!(!describes_a_missing_item(
        "my parcel arrived but the invoice isn't in it, can you email it?"
    ));
    assert!(!describes_a_missing_item(
        "I opened the app and order 1004 isn't in there"
    ));
}

#[test]
fn damage_found_before_washing_or_wearing_came_with_the_goods() {
    assert!(describes_damage(
        "hi 我的 t-shirt 洗之前就有个破洞 order 1001"
    ));
    assert!(describes_damage("the tee was torn before wearing it"));
    assert!(!describes_damage("does the tee shrink before washing?"));
}

#[test]
fn goods_received_that_were_not_the_ones_ordered_are_a_wrong_item() {
    assert!(describes_a_wrong_item(
        "您好，1004号订单收到了，但是两件里有一件是灰色圆领卫衣，不是我下单的拉链款。"
    ));
    assert!(describes_a_wrong_item(
        "got a hoodie in the box but it's not the one i ordered"
    ));
    assert!(describes_a_wrong_item(
        "Hi! One of the two hoodies in 1004 turned out to be a kids' size, the other one's perfect"
    ));
    assert!(!describes_a_wrong_item(
        "do you do the hoodie in a kids size?"
    ));
    assert!(!describes_a_wrong_item(
        "my son is 8, is a kids' size available in the navy hoodie?"
    ));
    // Not received: nothing to be wrong yet.
    assert!(!describes_a_wrong_item("这个订单不是我下单的"));
}

#[test]
fn an_exchange_turned_down_is_not_asked_for() {
    for text in [
        "if the hoodie doesnt fit can i swap it for another size",
        "能换个码吗",
        "I'd like to exchange the cap for the black one",
        "卫衣小了，可以换个大一号吗",
        "could I get the tee for a bigger size? it's tight",
    ] {
        assert!(asks_to_exchange(text), "{text}");
    }
    for text in [
        "refund for order 1004 please, both hoodies are way too big and I don't want to exchange",
        "不换了，直接退款吧",
        "no exchange, just my money back",
    ] {
        assert!(!asks_to_exchange(text), "{text}");
    }
}

#[test]
fn ordered_one_thing_got_another() {
    assert!(describes_a_wrong_item(
        "I ordered two grey zip hoodies but received one grey zip hoodie and one black pullover"
    ));
    assert!(describes_a_wrong_item(
        "there's a kids t-shirt in there, not what I paid 138 for"
    ));
    assert!(!describes_a_wrong_item(
        "I ordered two hoodies but received only one, where's the other?"
    ));
}

#[test]
fn a_colour_clicked_and_another_come() {
    assert!(describes_a_wrong_item(
        "I got a cap but it's red?? pretty sure I clicked navy"
    ));
}

#[test]
fn a_hole_told_in_pinyin_beside_an_order_is_damage() {
    assert!(describes_damage(
        "wo yijing shuo le san bian le!! dingdan 1004, youxiang sam@example.com, weiyi you ge dong"
    ));
}

#[test]
fn goods_broken_off_coming_apart_short_or_left_with_a_neighbour_are_told_in_other_words() {
    for text in [
        "Hi, Carlos here - carlos@example.com, order 1003. The cap I got has a loose stitch coming off the brim",
        "fine. the cap from 1003 is already coming apart at the seams",
        "收到的帽子帽檐折断了😢 订单号1003",
    ] {
        assert!(describes_damage(text), "{text}");
    }
    assert!(!describes_damage(
        "is the strap coming off easily if I want to wash it?"
    ));
    assert!(describes_a_missing_item(
        "hmm. my package felt light so I opened it right away... theres just the one hoodie?? where did its twin go"
    ));
    assert!(!describes_a_missing_item("is there only the one colour?"));
    assert!(describes_a_missing_parcel(
        "UPS reckons they left 1004 with a neighbour on the 20th. none of my neighbours have it. that's $138 of hoodies gone"
    ));
    assert!(!describes_a_missing_parcel(
        "UPS left it with a neighbour, got it, thanks"
    ));
    // A question whether it has left, an email beside it, asks only.
    assert!(only_asks(
        "li.wei@example.com. has it even left the warehouse 仓库 yet"
    ));
}

#[test]
fn wear_told_in_the_past_is_no_question_before_buying() {
    assert!(!asks_before_buying(
        "the hoodie shrank after ONE wash on cold. $69 for this??"
    ));
    assert!(asks_before_buying("will the hoodie shrink in the wash?"));
    assert!(asks_before_buying("洗了会缩水吗"));
    assert!(asks_before_buying("is the organic tee pre-shrunk?"));
}
