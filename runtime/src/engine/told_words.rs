//! Whether the shopper says they already gave what the bot asks for, in plain, hurried or
//! non-native words and in Chinese ("I already told you", "I SAY IT ALREADY", "信息我一开始就给
//! 你了"). Pure word reading, like [`super::cues`]' (which re-exports it).

/// Whether `text` says the shopper already gave what the bot is asking for ("I already told
/// you", "我刚才说过了").
pub fn says_already_told(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "already told",
        "i told you",
        // Pinyin ("wo yijing gei ni le dingdan hao", "wo yijing shuo le san bian le").
        "yijing gei ni le",
        "yijing gei le",
        "yijing shuo le",
        "yijing shuo guo",
        "told u",
        "already said",
        "already gave",
        "already sent",
        "already provided",
        "i just said",
        "i just gave",
        "i just told",
        "said it already",
        "scroll up",
        // "you've got my email and number from my first message", "I already gave you
        // everything above".
        "from my first message",
        "in my first message",
        "my first message",
        "everything above",
        "gave you everything",
        // "you have both, please don't ask again".
        "you have both,",
        "you have both.",
        "you already have both",
        "you've got both",
        "you have all of it",
        "don't ask again",
        "dont ask again",
        "don't ask me again",
        "说过了",
        "说了多少遍",
        "说了好几遍",
        "说了几遍",
        "已经给",
        "已经发",
        "已经告诉",
        "已经把邮箱",
        "已经把单号",
        "已经把订单号",
        "刚才给",
        "给过你了",
        "都给过你",
        "都给你了",
        "刚才发",
        // "退吧 信息我上面都给过了", "我一开始就告诉你邮箱了 别再问了".
        "上面都给过",
        "都给过了",
        "上面给过",
        "一开始就告诉",
        "一开始就给",
        "别再问了",
        // "刚才都发给你了 别再让我重复一遍".
        "都发给你了",
        "都发你了",
        "别再让我重复",
        "不想再重复",
        "上面有",
        "前面说",
        "我说过",
        "讲过了",
        "我讲过",
        "都说了",
        "已经说",
        "说了好几",
        "说了几遍",
        // Asked again and again: what is asked is the question before.
        "third time i",
        "time im asking",
        "time i'm asking",
        "time im contacting",
        "time i'm contacting",
        "time i am contacting",
        "time im writing",
        "time i'm writing",
        "第几次联系",
        "联系你们好几次",
        "asking again",
        "问了好几",
        "问了几遍",
        "第三次问",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || already_and_a_telling_word(&lower)
        || told_at_the_start(&lower)
}

/// "At the start" with a word for giving or telling, in Chinese ("信息我一开始就给你了",
/// "订单号和邮箱我第一句就发了哈"): told already.
fn told_at_the_start(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "一开始",
            "开头",
            "第一句",
            "最开始",
            "一上来",
            "刚开始",
            "早就",
        ],
    ) && super::language::mentions(lower, &["给", "发", "说", "告诉", "提供", "讲"])
}

/// "already" with a word for telling anywhere in the message, as non-native and hurried
/// writers put them: "I already say you my order number", "I SAY IT ALREADY", "told you
/// already", "i write three times already". A word for doing ("I already sent the hoodie
/// back") is not telling.
fn already_and_a_telling_word(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let already = words
        .iter()
        .any(|w| matches!(*w, "already" | "alrdy" | "alr" | "allready"));
    let telling = words.iter().any(|w| {
        matches!(
            *w,
            "say"
                | "said"
                | "tell"
                | "told"
                | "write"
                | "wrote"
                | "written"
                | "mention"
                | "mentioned"
                | "type"
                | "typed"
                | "give"
                | "gave"
                | "given"
        )
    });
    already && telling
}
