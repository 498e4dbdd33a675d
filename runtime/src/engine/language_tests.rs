//! Unit tests of the language checks (`language.rs`).

use super::*;

#[test]
fn saying_it_was_told_already_is_heard_in_plain_and_non_native_words() {
    for text in [
        "I already told you the order number",
        "I already say you my order number 1001!!! why ask again",
        "jane@example.com I SAY IT ALREADY",
        "told you already",
        "i write it 3 times already",
        "我刚才说过了",
        "订单号我都说了好几遍了",
        "我说过是1001",
        "1001!!!! jane@example.com. thats the third time im asking",
        "这个问题我都问了好几遍了",
    ] {
        assert!(says_already_told(text), "{text}");
    }
    for text in [
        "I already returned the hoodie, when is my refund?",
        "already got it, thanks",
        "发过货了吗",
        "你们说过包邮的",
        "can you tell me where my order is",
    ] {
        assert!(!says_already_told(text), "{text}");
    }
}

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
fn requests_for_someone_without_the_word_human_are_recognised() {
    for text in [
        "is there anyone from customer service I can chat with? someone actual",
        "tbh I'd rather have a person sort this out",
        "can somebody from your team call me",
        "I need to speak to a manager",
        "算了 还是帮我转接客服小姐姐吧",
        "帮我联系客服",
        "I'd rather discuss this with a member of your team, thanks.",
        "please give me the staff, I cannot explain to machine",
        "zhuan rengong",
    ] {
        assert!(asks_for_a_person(text), "{text}");
    }
    for text in [
        "someone used my card on your site",
        "can anyone tell me when it ships",
        "can you check on order 5567 for me",
        "the delivery guy keeps texting me",
        "客服电话是多少",
        "do staff get a discount",
        "please explain the return policy",
    ] {
        assert!(!asks_for_a_person(text), "{text}");
    }
}

#[test]
fn time_pressure_is_the_shops_business_when_the_shopper_or_an_order_is_spoken_of() {
    assert!(about_the_shopper("I'm going into hospital tomorrow"));
    assert!(about_the_shopper(
        "the funeral is friday, will the order get here?"
    ));
    assert!(about_the_shopper("明天婚礼 能加急吗"));
    assert!(!about_the_shopper(
        "What is the weather of tomorrow in Beijing please?"
    ));
    assert!(!about_the_shopper("明天北京天气怎么样"));
}

#[test]
fn a_deadline_is_a_moment_to_come_and_lateness_alone_is_none() {
    for text in [
        "my flight is friday morning and order 1001 still isn't here",
        "need it before then",
        "后天的飞机出国，订单1001今天能送到吗",
        "URGENT - wedding on saturday",
    ] {
        assert!(names_a_deadline(text), "{text}");
    }
    for text in [
        "order #1001 still hasn't turned up and the estimated date was last week",
        "seriously?? another week and still nothing from order 1001",
        "说好的上周到，怎么还没到",
    ] {
        assert!(!names_a_deadline(text), "{text}");
    }
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
fn small_talk_is_short_and_asks_nothing_of_the_shop() {
    for text in ["how's your day going", "hi how are you", "你好吗"] {
        assert!(is_small_talk(text), "{text}");
    }
    for text in [
        "how are you going to fix my broken order 1001 then",
        "where is my order",
        "how's your day going? mine is ruined because my parcel never came",
    ] {
        assert!(!is_small_talk(text), "{text}");
    }
}

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
    ] {
        assert!(names_someone_else_or_disowns(text), "{text}");
    }
    for text in [
        "how do I change my account password",
        "my card got declined, can I use apple pay",
        "我想改一下登录密码",
    ] {
        assert!(!names_someone_else_or_disowns(text), "{text}");
    }
}

#[test]
fn thanks_for_good_news_is_told_from_a_complaint() {
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
