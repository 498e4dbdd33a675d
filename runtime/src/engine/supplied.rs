//! Whether a message only supplies values (order numbers, emails) and asks for nothing:
//! a greeting word or two, politeness, a name the shopper introduces themselves with, and
//! (in answer to a question the bot asked) the words of a sentence giving them. Pure.

use kefu_intent::slots::SlotKind;

use super::understand::Understanding;

/// Whether `u` is nothing but order numbers and emails (and a greeting word or two; when
/// `answering` a question the bot asked, the words of a sentence giving them as well).
pub(super) fn only_values(u: &Understanding, answering: bool) -> bool {
    let mut rest = u.text.clone();
    let mut any = false;
    for slot in u.slots.iter().rev() {
        if matches!(slot.kind, SlotKind::OrderNumber | SlotKind::Email) {
            rest.replace_range(slot.start..slot.end, " ");
            any = true;
        }
    }
    let filler = [
        "hi",
        "hello",
        "hey",
        "order",
        "number",
        "number's",
        "numbers",
        "no",
        "my",
        "is",
        "email",
        "email's",
        "it's",
        "its",
        "#",
        "订单",
        "订单号",
        "单号",
        "号",
        "邮箱",
        "我的",
        // "我邮箱sam@example.com 订单1004".
        "我",
        "是",
        "我是",
        "你好",
        "您好",
        "在吗",
        // Agreement asks for nothing either ("oh sure, it's li.wei@example.com").
        "oh",
        "sure",
        "ok",
        "okay",
        "fine",
        "yes",
        "yeah",
        "yep",
        "好的",
        "嗯",
        // Politeness asks for nothing ("1004 pls").
        "pls",
        "plz",
        "please",
        "麻烦",
        "谢谢",
        // Asking about an order without saying what ("hi there! just wondering about 1004").
        "there",
        "just",
        "wondering",
        "about",
        "checking",
        "regarding",
        // Sorry for not giving it sooner ("oh right, 1004", "oh lol sorry … it's #1003").
        "right",
        "lol",
        "sorry",
        "oops",
        "ah",
        // A sigh asks for nothing ("li.wei@example.com ugh").
        "ugh",
        "urgh",
        "sigh",
        "唉",
        "哎",
        // A number corrected after one that was not found ("哦哦不好意思，记错了，是1002",
        // "my bad, typo, it's 1003").
        "哦",
        // "啊打错了 是li.wei@example.com".
        "啊",
        "不好意思",
        "抱歉",
        "记错了",
        "写错了",
        "打错了",
        "输错了",
        "应该是",
        "typo",
    ];
    // Said in answer to a question, values come in a sentence ("The order number is 1001
    // and my email address is jane@example.com. Thank you."). Unasked, such a sentence
    // reads as the request the model hears in it (a status asked for with both given).
    let answering_filler = [
        "the", "and", "address", "here", "it", "on", "that's", "thats", "used", "thank", "thanks",
        "you", "和", "地址",
    ];
    let filler: Vec<&str> = if answering {
        filler.iter().chain(&answering_filler).copied().collect()
    } else {
        filler.to_vec()
    };
    // Chinese runs its words together ("订单号是1002"): a run is filler when it is made of
    // filler words end to end.
    let is_filler = |w: &str| {
        let mut w = w.to_lowercase();
        while !w.is_empty() {
            if filler.contains(&w.as_str()) {
                return true;
            }
            let Some(f) = filler
                .iter()
                .filter(|f| !f.is_ascii() && w.starts_with(**f))
                .max_by_key(|f| f.len())
            else {
                return false;
            };
            w = w[f.len()..].to_string();
        }
        true
    };
    // Values given before they are asked for ("jane@example.com, since you'll ask") ask
    // for nothing more.
    let mut rest = rest.to_lowercase();
    for ahead in [
        "since you'll ask",
        "since you will ask",
        "before you ask",
        // The longer first: "its li.wei@example.com if you need it for anything".
        "if you need it for anything",
        "in case you need it",
        "in case you ask",
        "if you need it",
        "if you need that",
        "if u need it",
        "if u need that",
        "if that helps",
        "in case that helps",
        "you can't read my mind",
        // A number corrected ("my bad, typo. i meant 1002").
        "my bad",
        "i meant",
        "you cant read my mind",
    ] {
        rest = rest.replace(ahead, " ");
    }
    // A name the shopper introduces themselves with ("hi I'm Jane, jane@example.com, order
    // 1001") asks for nothing either.
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || ",.:;!?，。：；！？#—–-/|()（）".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let introduces = |i: usize| {
        i >= 1 && matches!(words[i - 1].to_lowercase().as_str(), "i'm" | "im")
            || i >= 2
                && words[i - 2].eq_ignore_ascii_case("name")
                && words[i - 1].eq_ignore_ascii_case("is")
            || i >= 2
                && words[i - 2].eq_ignore_ascii_case("this")
                && words[i - 1].eq_ignore_ascii_case("is")
    };
    // "你好 我叫李伟 邮箱li.wei@example.com 订单1002": a name, in Chinese.
    let introduces_zh =
        |w: &str| (w.starts_with("我叫") || w.starts_with("我是")) && w.chars().count() <= 6;
    any && words.iter().enumerate().all(|(i, w)| {
        is_filler(w)
            || introduces(i)
            || introduces_zh(w)
            || matches!(w.to_lowercase().as_str(), "i'm" | "im" | "name" | "this")
    })
}
