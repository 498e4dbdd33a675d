//! Unit tests of the wording that tells an ordinary message from a sensitive one
//! (`policy_cues.rs`).

use super::*;

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
}

#[test]
fn asking_whether_something_is_safe_is_told_from_harm_done() {
    for text in [
        "is the cap strap a choking hazard for toddlers or is it fine",
        "is my payment info safe if I save my card for next time",
        "小孩子穿的T恤有没有安全认证",
        "用支付宝付款安全吗",
    ] {
        assert!(asks_if_safe(text), "{text}");
    }
    for text in [
        "my son is choking on the strap, is it safe to pull it out",
        "is it safe? my daughter swallowed a button from the cap",
        "孩子过敏了，这个面料安全吗",
        "where is my order",
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
    ] {
        assert!(speaks_of_harm(text), "{text}");
    }
    for text in [
        "the strap on the cap broke after a week, can I exchange it",
        "the tee washed really well",
        "the hoodie pilled after one wash",
        "卫衣破了个洞",
        "I forgot my password and the reset link expired",
    ] {
        assert!(!speaks_of_harm(text), "{text}");
    }
}
