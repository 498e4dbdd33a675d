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
fn requests_for_someone_without_the_word_human_are_recognised() {
    for text in [
        "is there anyone from customer service I can chat with? someone actual",
        "tbh I'd rather have a person sort this out",
        "can somebody from your team call me",
        "I need to speak to a manager",
        "算了 还是帮我转接客服小姐姐吧",
        "帮我联系客服",
        "我不想跟程序聊，有没有能说话的客服",
        "I'd rather discuss this with a member of your team, thanks.",
        "please give me the staff, I cannot explain to machine",
        "zhuan rengong",
        "孩子住院了，我实在没精力处理订单，能不能直接让人联系我",
        "this is a bigger question, could you put me through to someone in sales?",
        // Someone in charge demanded, with no verb of reaching.
        "get me a manager. order 1004, this is the second time I'm writing about it",
        "I want your supervisor, now",
        "你好，我想找你们的工作人员聊一下团购合作的事情",
        "叫你们负责人出来",
        "你好 订单1004的事情我想直接跟你们的工作人员说 麻烦安排一下",
        // Needed now, or a call back asked for.
        "please I need someone now. the parcel for 1002 is going to my old flat",
        "能不能让你们客服打电话给我，打字太累了",
        // A member of staff, or someone rather than the chat.
        "Hi, quick one: before I answer any of your questions, can I just get a member of staff? It's about an order but it's complicated",
        "hi, order 1004 - I've got a question about the hoodies but I'd honestly rather go through it with someone on your team than the chat thing",
        // Who to turn to, asked.
        "it's already out with UPS? ugh. ok who can I actually talk to",
        "fine, how do i reach someone then",
        "no offence to you but I want someone with a pulse looking at order 1004",
        "ok. then gimme the person",
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
        "my manager loved the hoodie, do you do bulk orders?",
        "工作人员辛苦了",
        "is anyone looking at my complaint from last week?",
        "can someone tell me, I'm looking at the navy cap, is it adjustable?",
        "my manager is looking at ordering 30 tees, can you do bulk pricing?",
        "ugh just gimme a real tracking number for 1002",
    ] {
        assert!(!asks_for_a_person(text), "{text}");
    }
}

#[test]
fn asking_whether_it_is_chatgpt_asks_for_nobody() {
    assert!(!asks_for_a_person(
        "lol you reply super fast, is there actually someone typing or is this chatgpt"
    ));
    assert!(asks_for_a_person("can someone from your team chat with me"));
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
