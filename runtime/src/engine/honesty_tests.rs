//! Unit tests of whether a message asks who answers (`honesty.rs`).

use super::asks_if_bot;

#[test]
fn an_actual_person_asked_after_is_a_question_about_who_answers() {
    assert!(asks_if_bot(
        "Before I type my whole story out: is an actual human reading this?"
    ));
    assert!(!asks_if_bot("is a refund possible on the cap?"));
    assert!(asks_if_bot(
        "so is anyone actually reading this or is it all a script"
    ));
    assert!(asks_if_bot(
        "be honest, is there somebody reading this or is it all auto-generated"
    ));
    assert!(!asks_if_bot(
        "is the refund auto generated or do I ask for it?"
    ));
    assert!(!asks_if_bot(
        "is there an auto reply email when I place an order? I didn't get one"
    ));
    assert!(!asks_if_bot(
        "the invoice email, is it auto generated or can you add my VAT number"
    ));
    assert!(asks_if_bot(
        "u sound like a robot lol. be honest, is there an actual person typing"
    ));
}

#[test]
fn a_person_or_a_program_is_asked_about_who_answers() {
    assert!(asks_if_bot(
        "Be honest with me. Is there an actual employee typing these answers or is it a program? Your replies are suspiciously fast."
    ));
    assert!(!asks_if_bot("is there a loyalty program?"));
    assert!(asks_if_bot("so no actual person reads this?"));
    for text in [
        "你是 AI 吗 or is somebody actually typing this",
        "你说话咋这么机械，到底是不是人啊",
        "你是AI吗",
        "别装了，你就是个AI吧？回答得这么像模板",
        "be honest, am I chatting with a script right now or is there someone named like Jessica typing this",
        "你这回得也太快了，是程序自动回的吧",
        "说实话,我现在是在跟人聊天还是跟程序聊天?",
        "你回得这么像人，后台是不是有人在打字？",
    ] {
        assert!(asks_if_bot(text), "{text}");
    }
    for text in [
        "这道划痕是不是人为的",
        "这件是人造棉吗",
        "is somebody home to sign for it?",
        "这快递员到底是不是人啊，包裹直接扔雨里",
        "小程序自动登录不了，是bug吗",
        "是自动发货吗",
        "退款是自动回到原账户吗？",
        "我跟人拼单买的，退款是原路退回还是自动退到余额？",
        "我家人在回复你们确认邮件时把邮箱填错了",
        "are you restocking the script logo hoodie?",
    ] {
        assert!(!asks_if_bot(text), "{text}");
    }
}

#[test]
fn someone_met_before_asked_for_by_name_is_a_question_about_who_answers() {
    for text in [
        "Sorry, quick question before I go on - is this Sarah from yesterday? She said she'd follow up on my hoodie exchange.",
        "am I talking to Tom again?",
    ] {
        assert!(asks_if_bot(text), "{text}");
    }
    for text in [
        "is this Amex accepted? I asked yesterday",
        "is this Visa card ok, it failed before",
        // A date in a story, not a question of its own.
        "it's for my brother's birthday which is this Saturday, and the site said it would arrive by the 26th",
        "so is this Friday ok for delivery? you said before it was",
        "the parcel that is this Mark guy's, he said he'd pick it up",
    ] {
        assert!(!asks_if_bot(text), "{text}");
    }
}

#[test]
fn a_last_clause_asking_which_kind_is_a_question_about_the_bot() {
    assert!(asks_if_bot(
        "you sound very human lol. be honest with me, real person or AI?"
    ));
    // A person alone, asked for.
    assert!(!asks_if_bot("real person??"));
}

#[test]
fn questions_about_who_answers_are_recognised() {
    for text in [
        "ni shi ji qi ren ma",
        "hey jessica, thanks for the help yesterday! is this the same person I talked to?",
        "你是哪位客服？工号多少",
        "who are you",
        "Ni shi jiqiren ma?",
        "shi zhen ren ma",
        "ni shi zhenren haishi AI a",
        "ni shi ren ma",
        "ni shi bu shi AI",
        "are you a bot?",
        "Are you a real person",
        "r u a robot",
        "am I talking to a human?",
        "am i chatting with an AI or a person?",
        "is this automated?",
        "am i chatting w a program right now or is someone actually typing",
        "is this a real person or a machine",
        "wait, are you human?",
        "hi, are you a bot or a real agent?",
        "bot?",
        "human or bot?",
        "who am I talking to, a person or a program?",
        "你是机器人吗",
        "你是真人吗？",
        "是真人还是机器人",
        "您是人工智能吗",
        "你是不是机器人啊",
        "对面是真人吗",
        "这是自动回复吗",
        "你是AI吧",
        "你回得这么快，到底是人还是程序啊",
        "you're a bot, right?",
        "ur an AI arent you",
        "hello. be honest with me, is there a human typing these replies",
        "is it a bot answering me",
        "are these replies automated?",
        "are you a 机器人 or 真人?",
        "请问我现在是在跟真人聊天吗？",
        "我是在和机器人说话吗",
        "hmm ok so am i chatting with an actual human or some program here",
        "you reply way too fast. real human or AI? be honest",
        "am I typing to a real person or a script right now",
        "ok so like an actual employee or just a program?",
        "你是 robot 吗? be honest",
        "you reply way too fast to be someone called 'Emma' lol. are you?",
    ] {
        assert!(asks_if_bot(text), "{text}");
    }
}

#[test]
fn a_question_with_a_request_for_a_person_is_both() {
    assert!(super::also_asks_for_a_person(
        "are you a bot? I want a human"
    ));
    assert!(super::also_asks_for_a_person("是机器人吗？转人工"));
    assert!(super::also_asks_for_a_person(
        "Is this an AI？我想跟real person说话"
    ));
    assert!(super::also_asks_for_a_person(
        "are you a bot? I'd rather talk to a real person"
    ));
    assert!(super::also_asks_for_a_person(
        "forget it. is there a human anywhere in this company"
    ));
    assert!(super::also_asks_for_a_person(
        "look I've explained this three times to three different things. is there an actual human in this building"
    ));
    assert!(super::also_asks_for_a_person(
        "is there like... an actual human somewhere in this building"
    ));
    assert!(super::also_asks_for_a_person(
        "IS THERE ANY HUMAN IN THIS COMPANY"
    ));
    assert!(super::also_asks_for_a_person(
        "is there an actual human I could chat to"
    ));
    assert!(!super::also_asks_for_a_person("我是在跟真人说话吗"));
    assert!(!super::also_asks_for_a_person(
        "am I typing to a real person or a script right now"
    ));
    assert!(!super::also_asks_for_a_person(
        "is there a human reading this at some point?"
    ));
    assert!(!super::also_asks_for_a_person("are you a real person?"));
    assert!(!super::also_asks_for_a_person("你是真人吗"));
}

#[test]
fn requests_for_a_person_and_other_messages_are_not_the_question() {
    for text in [
        "wo de ding dan dao na le ma",
        "ke yi yong zhi fu bao ma",
        "I want to talk to a human",
        "human please",
        "let me speak to a real person",
        "转人工",
        "我要真人客服",
        "where is my order 1001?",
        "is this hoodie available in grey?",
        "is it real leather?",
        "who are you shipping with?",
        "are you open on sundays?",
        "do you sell robot vacuum parts?",
        "有机器人玩具吗",
        "这个是真皮吗",
        "you're a lifesaver, thanks",
        "is it real leather or fake",
        "能跟真人聊吗",
        "我要跟人工客服说话",
        "is it machine washable?",
        "ok so is the hoodie real cotton or a blend, need it for my dad",
        "这个是robot玩具吗",
        "it shipped too fast to be true, is it the right one?",
        "too quick to be true, thanks for your update",
        "Do you have an employee or student discount on the steel bottles?",
        "is the bottle deal per person or just per order?",
    ] {
        assert!(!asks_if_bot(text), "{text}");
    }
}

#[test]
fn the_truth_pressed_for_alone_is_told_from_another_question() {
    use super::presses_for_the_truth;
    assert!(presses_for_the_truth("说实话嘛 我不会生气的哈哈"));
    assert!(presses_for_the_truth("seriously?"));
    for text in [
        "really? is the cap unisex?",
        "真的吗 那帽子有黑色吗",
        "seriously? so where's my hoodie",
    ] {
        assert!(!presses_for_the_truth(text), "{text}");
    }
}

#[test]
fn software_fast_typing_and_anyone_there_at_all_ask_who_answers() {
    for text in [
        "wait am I talking to software right now",
        "honest question, is this chat run by software?",
        "you type really fast for a human 🤔",
        "be honest with me, is anyone actually there",
        "before I type out my whole problem, is anyone actually reading this?",
    ] {
        assert!(asks_if_bot(text), "{text}");
    }
    for text in [
        "is the software on your site why my card keeps failing?",
        "is it a software issue? my card keeps getting declined at checkout",
        "are you having a software problem? the site won't load",
        "the courier is quick for a human, left it before I reached the door",
        "is anyone home to sign, or can it go in the locker",
    ] {
        assert!(!asks_if_bot(text), "{text}");
    }
}
