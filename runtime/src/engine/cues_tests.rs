//! Unit tests of what a message asks of the bot (`cues.rs`).

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
        "信息我一开始就给你了",
        "订单号和邮箱我第一句就发了哈，就想知道大概哪天能发出",
    ] {
        assert!(says_already_told(text), "{text}");
    }
    for text in [
        "I already returned the hoodie, when is my refund?",
        "already got it, thanks",
        "发过货了吗",
        "你们说过包邮的",
        "刚开始穿就起球了",
        "can you tell me where my order is",
    ] {
        assert!(!says_already_told(text), "{text}");
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
    // Asked to find out something of the world, nothing the shop does spoken of.
    assert!(asks_about_the_world(
        "Do you know if my flight to Tokyo tomorrow morning is delayed? It's with ANA."
    ));
    assert!(asks_about_the_world(
        "can u check if my flight to denver tomorrow is delayed, UA 512"
    ));
    assert!(!asks_about_the_world(
        "do you know if my order will get here before my flight tomorrow?"
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
fn care_questions_are_heard() {
    for text in [
        "my baby has allergies, is the cap machine washable?",
        "can I tumble dry the tee",
        "帽子可以机洗吗",
    ] {
        assert!(asks_how_to_care(text), "{text}");
    }
    assert!(!asks_how_to_care("is the cap in stock"));
}

#[test]
fn questions_are_told_from_statements() {
    for text in ["who makes your t-shirts", "卫衣有XL吗", "can i pay later?"] {
        assert!(is_a_question(text), "{text}");
    }
    for text in ["the driver keeps texting me", "我被骚扰了"] {
        assert!(!is_a_question(text), "{text}");
    }
}
