//! Unit tests of the wording that tells an ordinary message from a sensitive one
//! (`policy_cues.rs`) and of whether harm is told (`harm_cues.rs`).

use super::*;
use crate::engine::harm_cues::*;
use crate::engine::harm_reasons::injury_as_a_reason;

#[test]
fn removing_from_the_shops_lists_is_told_from_asking_to_be_forgotten() {
    for text in [
        "delete the cap from my cart pls",
        "把购物车里的帽子删了",
        "clear my wishlist",
    ] {
        assert!(removes_a_shop_thing(text), "{text}");
    }
    for text in [
        "why do you still have my old address, i asked you to forget me",
        "delete my account and everything you hold on me",
        "删除我的个人信息",
        // A shop list named beside the shopper's data is about the data.
        "empty my cart and delete all my personal data",
        "do you still have my old card details on file? i want them gone",
    ] {
        assert!(!removes_a_shop_thing(text), "{text}");
    }
    for text in [
        "how do I delete my saved card from my account",
        "please remove my old card, it expired",
        "我要删掉账户里保存的旧地址",
    ] {
        assert!(removes_a_shop_thing(text), "{text}");
    }
}

#[test]
fn someone_else_or_a_disowned_act_is_heard_in_both_languages() {
    for text in [
        "someone changed my password",
        "I never made this payment",
        "my account was hacked",
        "不是我登录的",
        "别人用了我的卡",
        "账号被盗了",
        "这单我没下过",
        "我没有登录过",
        "订单不是我下的",
    ] {
        assert!(names_someone_else_or_disowns(text), "{text}");
    }
    for text in [
        "how do I change my account password",
        "my card got declined, can I use apple pay",
        "我想改一下登录密码",
        "reset password 的邮件一直没收到",
        "密码 reset 了还是登不进去，是不是我 email 填错了",
    ] {
        assert!(!names_someone_else_or_disowns(text), "{text}");
    }
}

#[test]
fn thanks_for_good_news_is_told_from_a_complaint() {
    assert!(thanks_for_good_news(
        "nothing really, just wanted to say the t-shirt is super comfy, thanks guys"
    ));
    assert!(thanks_for_good_news("帽子很好看 穿着也舒服 谢谢"));
    assert!(!thanks_for_good_news(
        "the hoodie is comfy but the zip broke, thanks"
    ));
    for text in [
        "我的订单1004 arrived fine, thanks",
        "all good now, thank you!",
        "收到了，挺好的，谢谢",
        "帽子不错，谢谢",
    ] {
        assert!(thanks_for_good_news(text), "{text}");
    }
    for text in [
        "thanks for nothing, the cap is not good",
        "fine, thanks, but it still hasn't arrived",
        "谢谢，但是颜色不对",
        "the hoodie is great",
    ] {
        assert!(!thanks_for_good_news(text), "{text}");
    }
    // Praise alone, with nothing wrong beside it.
    for text in ["你们回复得好快，赞", "wow you guys reply so fast"] {
        assert!(speaks_well(text), "{text}");
    }
    for text in [
        "你们回复很快，但是问题没解决",
        "so fast to take my money, not to refund it",
    ] {
        assert!(!speaks_well(text), "{text}");
    }
}

#[test]
fn asking_whether_something_is_safe_is_told_from_harm_done() {
    for text in [
        "is the cap strap a choking hazard for toddlers or is it fine",
        "is my payment info safe if I save my card for next time",
        "小孩子穿的T恤有没有安全认证",
        "用支付宝付款安全吗",
        "卫衣帽绳会不会勒到小孩脖子？安全吗",
    ] {
        assert!(asks_if_safe(text), "{text}");
    }
    for text in [
        "my son is choking on the strap, is it safe to pull it out",
        "is it safe? my daughter swallowed a button from the cap",
        "孩子过敏了，这个面料安全吗",
        "where is my order",
        "the hoodie's drawstring choked my kid for a second, he's ok but shaken. That's a safety hazard.",
        "卫衣上的绳子勒到了宝宝的脖子，吓死我了，这东西安全吗",
    ] {
        assert!(!asks_if_safe(text), "{text}");
    }
}

#[test]
fn harm_is_spoken_of_with_a_body_a_person_at_risk_or_a_danger() {
    for text in [
        "the bottle burst with hot tea in it and scalded my little girl",
        "the bottle leaked something black into my water and I drank it",
        "my toddler chewed the cap strap and now he's coughing",
        "帽子上的金属扣划到了我的眼睛",
        "卫衣有股怪味，孩子穿了一直咳嗽",
        "my baby isn't well since wearing the hoodie",
    ] {
        assert!(speaks_of_harm(text), "{text}");
    }
    for text in [
        "the strap on the cap broke after a week, can I exchange it",
        "the tee washed really well",
        "the hoodie pilled after one wash",
        "卫衣破了个洞",
        "I forgot my password and the reset link expired",
        "random q but whats the capital of australia lol my kid is asking and i blanked",
        "my daughter wants one for her birthday, is the navy cap in stock?",
    ] {
        assert!(!speaks_of_harm(text), "{text}");
    }
}

#[test]
fn a_joke_is_taken_back_by_saying_it_is_serious() {
    assert!(jokes(
        "I'll take you to court... the basketball court, wearing my new hoodie 😄"
    ));
    assert!(jokes("要是卫衣起球我可要找你们算账哦哈哈"));
    assert!(!jokes(
        "i'll see u in court over this cap lmao no seriously i will"
    ));
    assert!(!jokes("哈哈，不是开玩笑，我要告你们"));
}

#[test]
fn what_the_shopper_did_themselves_is_told_from_what_someone_else_did() {
    for text in [
        "I got a new sign-in email from you but that was me on my new phone",
        "I changed my password and now the app keeps logging me out, bug?",
        "login 不上去, 是不是我 password 输错了?",
        "刚刚账户被锁了，哦不对，是我自己密码输错太多次了，现在好了",
    ] {
        assert!(says_it_was_them(text), "{text}");
    }
    for text in [
        "someone changed my password and it wasn't me",
        "new sign-in from Brazil, not me",
        "我的账号被盗了，密码也被改了",
    ] {
        assert!(!says_it_was_them(text), "{text}");
    }
}

#[test]
fn a_charge_owned_after_all_is_told_from_one_disowned() {
    assert!(owns_it_after_all(
        "didn't recognise the charge at first but it's my cap order, sorry, ignore me!"
    ));
    assert!(owns_it_after_all("这笔扣款……想起来了，是我自己买的帽子"));
    assert!(!owns_it_after_all(
        "there's a charge I don't recognise, 98.00"
    ));
}

#[test]
fn an_injury_as_the_reason_for_a_pickup_is_told_from_harm_now() {
    for text in [
        "injured my knee so i can't get to the post office, can a courier collect my return?",
        "腿受伤了不方便出门，退货可以上门取件吗",
        "腰受伤了去不了快递点，退货能上门取件吗",
        "sprained my ankle so I'm slow getting to the door, can the courier leave it in the porch?",
    ] {
        assert!(injury_as_a_reason(text), "{text}");
    }
    for text in [
        "the zip sliced my hand and it won't stop bleeding, can't go out, can you collect it",
        "i'm injured, the lid cut me",
        "腿受伤了",
    ] {
        assert!(!injury_as_a_reason(text), "{text}");
    }
}

#[test]
fn a_lasting_condition_is_told_from_a_reaction() {
    for text in [
        "my baby has allergies, is the cap machine washable?",
        "I'm allergic to wool, is the hoodie 100% cotton",
        "我对羊毛过敏，卫衣有羊毛成分吗",
        "my baby 对 polyester 过敏, is the tee 100% organic cotton?",
        "宝宝是过敏体质，T恤是什么面料",
    ] {
        assert!(names_a_condition(text), "{text}");
        assert!(!harm_beyond_a_condition(text), "{text}");
    }
    // A reaction that happened.
    for text in [
        "穿了以后过敏了",
        "allergic reaction after wearing the hoodie",
    ] {
        assert!(
            !names_a_condition(text) || harm_beyond_a_condition(text),
            "{text}"
        );
    }
    assert!(harm_beyond_a_condition(
        "I'm allergic to nickel and the zip gave me a rash"
    ));
    assert!(harm_beyond_a_condition("我对镍过敏，拉链让我起了疹子"));
}

#[test]
fn goods_come_and_thanked_for_are_good_news() {
    for text in [
        "1001 arrived today, great job guys",
        "order 1004 arrived today, thanks guys",
        "got my hoodies today, thanks!",
        "1003到了，谢谢",
        "finally arrived, thanks",
    ] {
        assert!(glad_it_came(text), "{text}");
        assert!(thanks_for_good_news(text), "{text}");
    }
    for text in [
        "arrived smashed, great job guys",
        "1001 arrived today but the zip is broken, thanks",
        "got charged twice, thanks",
        "arrived a week late, great job",
        "only one hoodie arrived, thanks",
        "did 1004 arrive? thanks",
        "到了，但是少了一件，谢谢",
        "says delivered, i have nothing. thanks a lot 🙄",
        "fine. my order 1003 was delivered to the wrong house",
        "The navy cap arrived with the brim bent right down the middle, looks like the box got sat on. Order 1003. A refund or a new one, either is fine with me.",
    ] {
        assert!(!glad_it_came(text), "{text}");
    }
}

#[test]
fn blame_with_a_good_word_is_no_praise() {
    assert!(!speaks_well(
        "Your packaging is wasteful. One cap arrived in a box big enough for a microwave. For a shop selling 'organic' shirts that's pretty hypocritical."
    ));
    assert!(speaks_well("the cap is pretty cute"));
}

#[test]
fn a_worry_set_aside_because_the_goods_came_is_no_claim() {
    for text in [
        "oh nvm it was delivered. do you sell that cap in any other colours?",
        "nvm it came this morning, sorry",
    ] {
        assert!(set_aside_as_come(text), "{text}");
    }
    for text in [
        "nvm, it was delivered but the cap is torn",
        "it says delivered, never arrived",
        "never mind the cap, where is 1001?",
    ] {
        assert!(!set_aside_as_come(text), "{text}");
    }
}

#[test]
fn an_ex_is_named_and_expenses_are_not() {
    for text in [
        "my ex knows my password",
        "my ex-boyfriend ordered this",
        "it was my ex",
    ] {
        assert!(names_someone_else_or_disowns(text), "{text}");
    }
    assert!(!names_someone_else_or_disowns(
        "the charge on my card, I just need a receipt for my expenses"
    ));
}
