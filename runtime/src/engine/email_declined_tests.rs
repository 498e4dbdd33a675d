//! Unit tests of the email declined, asked about or not known (`email_declined.rs`).

use super::*;

#[test]
fn an_email_given_unknowing_is_heard_around_the_email() {
    assert!(does_not_know_the_email_given(
        "下单邮箱我记不清了，可能是liwei88@qq.com？"
    ));
    assert!(does_not_know_the_email_given(
        "email... no idea which one I used, maybe liwei88@example.com?"
    ));
    assert!(does_not_know_the_email(
        "邮箱不知道，是我老婆用她手机下的单"
    ));
    assert!(!does_not_know_the_email("我不知道为什么要邮箱"));
    assert!(!does_not_know_the_email(
        "it says delivered but I don't have it"
    ));
    assert!(!refuses_the_email(
        "订单1003到底给不给退款？为什么还要邮箱？"
    ));
    assert!(refuses_the_email("邮箱不想给，取消个订单为什么还要邮箱？"));
    for text in [
        "啊？那可能是我老公下的单，我不知道他用的什么邮箱",
        "hmm no idea then, maybe my work one. I really don't remember",
        "no I really don't have it, the company shut it down",
    ] {
        assert!(does_not_know_the_email(text), "{text}");
    }
    assert!(!does_not_know_the_email_given("my email is sam@gmail.com"));
    assert!(!does_not_know_the_email_given(
        "忘了说，邮箱是liwei@163.com"
    ));
}

#[test]
fn declining_the_email_is_told_apart_from_giving_it_or_another_answer() {
    for text in [
        "nah not giving my email to a chatbot. you've got the order number, use that",
        "why would you need my email, you've got the order number",
        "no. not giving that out in a chat. just process it",
        "邮箱不想给，订单号不就行了",
        "要邮箱干嘛",
        "why do u need my email for that. the number is right there",
        "nah not typing my email into a chat window. forget it",
        "为啥还要我邮箱",
        "I'd rather not. Is there another way?",
        "邮箱不太方便说，你就按订单号改呗",
        "邮箱?你们后台看不到吗",
    ] {
        assert!(declines_the_email(text), "{text}");
    }
    for text in [
        "jane@example.com",
        "hang on, let me find it",
        "which email do you have for order 1003?",
        "ok yes cancel it",
        "我找一下邮箱",
        "why is it not shipped yet?",
        "在开会不方便说话，邮箱等下发你",
        "邮箱我找找，你先按订单号帮我看看发货没",
    ] {
        assert!(!declines_the_email(text), "{text}");
    }
    for text in [
        "no idea which email I used tbh, I have like four",
        "邮箱我真记不清是哪个了…可能是公司邮箱？",
        "邮箱…我不记得用的是哪个了 有好几个",
        "no clue what email he used tbh",
        "no, I really can't find it and he's away for work. can't you just do it with the number?",
        // Known and out of reach.
        "邮箱? hmm I don't have access to that inbox anymore, it was my old work one",
        "that was my old work email, I can't get into it anymore",
        "Hmm, I'm not sure which address it was under, my brother bought it for me as a present.",
        "I don't have that email anymore, it was an old uni account",
    ] {
        assert!(does_not_know_the_email(text), "{text}");
    }
    for text in [
        "I don't remember ordering this",
        "jane@example.com i think",
        "忘了说 要快递",
        "no idea what you mean, it's order 1003",
        "can't find the order number, hang on",
    ] {
        assert!(!does_not_know_the_email(text), "{text}");
    }
}
