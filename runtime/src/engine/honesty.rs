//! Whether the shopper asks if they are talking to a bot, an AI or a person. The bot then
//! says plainly that it is the shop's automated assistant and offers a person: it never
//! claims or implies to be human (the EU AI Act, Art. 50, requires a chatbot to make clear
//! that it is one; shoppers ask because bots have hidden it).
//!
//! Recognised by the shape of the question, in English and Chinese: a question about
//! "you"/"this" being a kind of agent, not a request for one ("are you a bot?", "am I
//! chatting with a real person", "is this automated", "你是机器人吗", "是真人吗"). "I want a
//! human" stays a handoff request ([`super::replies::asks_for_human`]).

use super::bot_question_words::{
    ASKS_ABOUT_CHAT, ASKS_ABOUT_YOU, KINDS_EN, KINDS_OF_CHAT, KINDS_ZH,
};
use super::language::WEEKDAYS;

fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether one of `kinds` is among the four words after `ask` in `joined`.
fn kind_after(joined: &str, ask: &str, kinds: &[&str]) -> bool {
    let needle = format!(" {ask} ");
    let Some(at) = joined.find(&needle) else {
        return false;
    };
    let after: Vec<&str> = joined[at + needle.len()..]
        .split_whitespace()
        .take(4)
        .collect();
    let after = format!(" {} ", after.join(" "));
    kinds.iter().any(|k| after.contains(&format!(" {k} ")))
}

/// `clause` without the interjections a question may open with ("wait am i talking to a
/// bot", "ok so are you a person"): what follows them is the question.
fn without_fillers(clause: &str) -> &str {
    const FILLERS: &[&str] = &[
        "wait",
        "hey",
        "hi",
        "hello",
        "ok",
        "okay",
        "so",
        "um",
        "umm",
        "hmm",
        "lol",
        "btw",
        "sorry",
        "quick question",
        "just wondering",
    ];
    let mut rest = clause;
    for _ in 0..3 {
        match FILLERS.iter().find_map(|f| {
            rest.strip_prefix(f)
                .filter(|r| r.starts_with(' '))
                .map(str::trim_start)
        }) {
            Some(r) => rest = r,
            None => break,
        }
    }
    rest
}

/// Words that turn a question about who answers into a request for a person ("are you a
/// bot? I want a human", "是机器人吗？转人工").
const REQUESTS: &[&str] = &[
    "want",
    "talk to",
    "speak to",
    "speak with",
    "talk with",
    "get me",
    "connect me",
    "transfer",
    "let me",
    "give me",
    "need a",
    "need to talk",
    "rather",
    "i'd like",
    "id like",
    "would like",
    "put me through",
    // Looked for rather than asked about ("forget it. is there a human anywhere in this
    // company", "is there any human at all I can reach", "is there a human around?").
    "anywhere",
    "somewhere",
    // "is there an actual human in this building".
    "in this building",
    "in the building",
    // "IS THERE ANY HUMAN IN THIS COMPANY".
    "in this company",
    "in the company",
    "in your company",
    "working there",
    "around",
    "available",
    "on duty",
    "at all",
    "i can talk",
    // "is there an actual human I could chat to" (not "doesn't matter, i can chat with a bot").
    "human i could",
    "person i could",
    "human i can chat",
    "person i can chat",
    // A person looked for to do something ("Is there an actual human who can chase UPS or
    // nah").
    "who can",
    "that can",
    "to chase",
    "i can speak",
    "i can reach",
    "转人工",
    "找人工",
    "要人工",
    "找真人",
    "要真人",
    // "对面是真人还是AI啊 是AI的话帮我找个真人".
    "帮我找",
    "找个",
    "换个",
    "换真人",
    "转真人",
    "叫个",
    "给我",
    "想跟",
    "想和",
    "要跟",
    "要和",
    "让我跟",
];

/// Whether `text`, besides asking who answers, asks for a person.
pub fn also_asks_for_a_person(text: &str) -> bool {
    // The person named as the other answer to the question ("是AI吗 还是客服小姐姐") is
    // asked about, not asked for.
    // Nor is the chat the question is about a request to chat with someone ("am I chatting
    // with a script right now or is there someone named like Jessica typing this").
    let mut lower = text
        .to_lowercase()
        .replace("还是客服小姐姐", " ")
        .replace("还是客服小哥", " ");
    for asked in ASKS_ABOUT_YOU.iter().filter(|a| a.starts_with("am i")) {
        lower = lower.replace(asked, " ");
    }
    (REQUESTS.iter().any(|r| lower.contains(r)) && super::replies::asks_for_human(&lower))
        || super::person_words::asks_for_a_person(&lower)
}

/// Whether `text` asks for someone real, not only for someone ("is there anyone with a pulse
/// I could talk to", "那现在有真人在线吗"): the shopper doubts what answers, so the handoff
/// says what it is first.
pub fn asks_for_a_real_one(text: &str) -> bool {
    let lower = text.to_lowercase();
    super::language::mentions(&lower, super::replies::REAL_ONES)
        || super::replies::asks_if_someone_real_is_there(&lower)
}

/// Whether the message that asks who answers also names an order to act on ("is this a
/// real person typing or is it automated? doesn't matter much, I just need 1002
/// cancelled"): both are answered, who answers first.
pub fn beside_a_task(u: &super::understand::Understanding) -> bool {
    u.slot(kefu_intent::slots::SlotKind::OrderNumber).is_some()
}

/// Whether `text` presses for the truth just after the bot said what it is ("说实话嘛 我不会
/// 生气的哈哈", "be honest", "seriously?"): the same question again, answered the same.
pub fn presses_for_the_truth(text: &str) -> bool {
    const PRESSING: &[&str] = &[
        "说实话",
        "老实说",
        "讲真",
        "真的吗",
        "我不会生气",
        "be honest",
        "tell me the truth",
        "honestly?",
        "seriously?",
        "for real?",
        "really?",
    ];
    let lower = text.to_lowercase();
    // Nothing else asked beside it ("really? is the cap unisex?" asks about the cap).
    let rest = PRESSING
        .iter()
        .fold(lower.clone(), |l, w| l.replace(w, " "));
    lower.chars().count() <= 30
        && super::language::mentions(&lower, PRESSING)
        && !super::cues::asks_in_any_clause(rest.trim())
        && rest.split_whitespace().count() <= 3
}

/// Whether `text` asks if the shopper is talking to a bot, an AI or a person.
pub fn asks_if_bot(text: &str) -> bool {
    if asks_for_someone_met_before(text) {
        return true;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim();
    // "ok fine you're a shop bot. is the navy cap unisex then": granted, not asked.
    if super::bot_conceded::concedes_and_asks_on(lower) {
        return false;
    }
    // Who is answering, by name or as the person met before ("hey jessica, is this the same
    // person I talked to?", "你是哪位客服？工号多少"): the honest answer is what it is.
    if super::language::mentions(lower, WHO_ANSWERS)
        || ["who are you", "who is this", "who's this"].contains(&lower)
    {
        return true;
    }
    // Asked outright of the one answering ("你说话咋这么机械，到底是不是人啊"; not "这快递员
    // 到底是不是人啊", a rant about the courier).
    if super::language::mentions(
        lower,
        &[
            "是不是人啊",
            "是不是人呀",
            "是不是人?",
            "是不是人？",
            "到底是不是人",
            "是人吗",
            "是人么",
            "是人嘛",
            "是个人吗",
        ],
    ) && super::language::mentions(lower, &["你", "客服", "这边"])
        && !super::language::mentions(lower, &["快递员", "司机", "骑手", "courier"])
    {
        return true;
    }
    // Doubted from how it answers, and asked ("you reply way too fast to be someone called
    // 'Emma' lol. are you?").
    if super::language::mentions(
        lower,
        &[
            "too fast to be",
            "too quick to be",
            "too fast for a human",
            "too quick for a human",
            "too fast for a person",
            "too polite to be real",
        ],
    ) && super::language::mentions(lower, &["reply", "replies", "answer", "typing", "respond"])
        && super::language::word_then_word(lower, &["are", "r"], &["you", "u"], 1)
    {
        return true;
    }
    // Doubted from how fast it types, said to it ("you type really fast for a human 🤔"; not
    // "the courier is quick for a human").
    if super::language::mentions(
        lower,
        &[
            "fast for a human",
            "quick for a human",
            "fast for a person",
            "quick for a person",
        ],
    ) && super::language::says_word(lower, &["you", "u", "your", "ur"])
    {
        return true;
    }
    // Doubted from how it sounds, and asked ("you sound like a robot, are you one?", "like a
    // real person typing? or AI").
    if super::language::mentions(
        lower,
        &[
            "sound like a robot",
            "sound like a bot",
            "sound like an ai",
            "sounds like a robot",
            "sounds like a bot",
            "real person typing",
            "real human typing",
        ],
    ) && super::language::mentions(
        lower,
        &[
            "are you one",
            "r u one",
            "are you?",
            "or ai",
            "or a bot",
            "or bot",
            "or a robot",
        ],
    ) {
        return true;
    }
    // A person of the shop or a program, asked ("ok so like an actual employee or just a
    // program?").
    if super::language::mentions(lower, &["employee or", "staff or", "person or just"])
        && super::language::word_then_word(lower, &["or"], &["program", "bot", "script"], 3)
        && !super::language::mentions(lower, &["discount", "per order"])
        && lower.contains('?')
    {
        return true;
    }
    // Someone chatting or software, asked as the choice ("am I chatting with someone in your
    // office or is this software"; not "is it my bank or is it software on your end?").
    if super::language::mentions(
        lower,
        &[
            "am i chatting",
            "am i talking",
            "am i speaking",
            "someone in your office",
        ],
    ) && super::language::word_then_word(lower, &["or"], &["software"], 3)
        && !super::language::mentions(lower, &["on your end", "glitch", "bug", "issue", "error"])
    {
        return true;
    }
    // The English kind asked in a Chinese question ("你是 robot 吗? be honest").
    let compact = lower.replace(' ', "");
    if [
        "你是robot",
        "是robot吗",
        "是bot吗",
        "你是bot吧",
        "你是robot吧",
    ]
    .iter()
    .any(|k| compact.contains(k))
    {
        return true;
    }
    let message_words = words(lower);
    let joined = format!(" {} ", message_words.join(" "));
    // A question, or a statement to be confirmed: asked with "?", opened like a question
    // in any of its clauses ("hello. be honest, is there a human typing these?"), tagged
    // ("…, right", "be honest"), or short.
    let clause_asks = lower
        .split(['.', ',', ';', '!', '-', ':'])
        .map(|c| without_fillers(c.trim()))
        .any(|c| {
            [
                "are ",
                "am i",
                "is ",
                "r u",
                "who ",
                "what are",
                "be honest",
                "honestly",
            ]
            .iter()
            .any(|s| c.starts_with(s))
        });
    let question = lower.contains('?')
        || clause_asks
        || [
            " right",
            " innit",
            " honestly",
            "be honest",
            "tell me the truth",
        ]
        .iter()
        .any(|t| lower.contains(t))
        || message_words.len() <= 6;
    if question
        && (ASKS_ABOUT_YOU
            .iter()
            .any(|a| kind_after(&joined, a, KINDS_EN))
            || ASKS_ABOUT_CHAT
                .iter()
                .any(|a| kind_after(&joined, a, KINDS_OF_CHAT)))
    {
        return true;
    }
    // "bot?", "human or bot?", "real person??", also as the last clause of a longer message
    // ("you sound very human lol. be honest with me, real person or AI?").
    let only_kinds = |clause: &str| {
        let clause_words = words(clause);
        let rest: Vec<&str> = clause_words
            .iter()
            .copied()
            // "real person or some AI thing?", "real person, AI, or what?"
            .filter(|w| {
                !matches!(
                    *w,
                    "or" | "a" | "an" | "real" | "live" | "u" | "you" | "some" | "thing" | "what"
                )
            })
            .collect();
        // "person" alone ("real person??") asks for one; beside a kind of bot it asks which.
        (1..=6).contains(&clause_words.len())
            && rest.iter().any(|w| KINDS_OF_CHAT.contains(w))
            && rest
                .iter()
                .all(|w| KINDS_OF_CHAT.contains(w) || matches!(*w, "person" | "people"))
    };
    // Asked anywhere, a tag after it ("real human or AI? be honest").
    // (Commas inside the question too: "real person, AI, or what?")
    let asked_as_kinds = |separators: &[char]| {
        lower
            .split(separators)
            .flat_map(|c| c.split_inclusive('?'))
            .map(str::trim)
            .any(|c| c.ends_with('?') && only_kinds(c))
    };
    if asked_as_kinds(&['.', ',', ';', '!', ':']) || asked_as_kinds(&['.', ';', '!', ':']) {
        return true;
    }
    // Pinyin without tones, as typed on a keyboard without a Chinese input method: "ni shi
    // ji qi ren ma" (你是机器人吗), "shi zhen ren ma" (是真人吗), "ni shi ren ma" (你是人吗),
    // "ni shi AI ma".
    let pinyin_kind = [
        " ji qi ren ",
        " jiqiren ",
        " zhen ren ",
        " zhenren ",
        " ren ",
        " ren gong zhi neng ",
        " ai ",
    ]
    .iter()
    .any(|k| joined.contains(k));
    let pinyin_asks = [" ma ", " me ", " shi bu shi ", " haishi ", " hai shi "]
        .iter()
        .any(|q| joined.contains(q))
        || lower.contains('?');
    if joined.contains(" shi ") && pinyin_kind && pinyin_asks {
        return true;
    }
    // Chinese: "是" + a kind of agent, asked ("你是机器人吗", "是真人还是机器人").
    let zh_question = ["吗", "嘛", "么", "吧", "?", "？", "还是", "是不是"]
        .iter()
        .any(|q| lower.contains(q));
    // "…是人还是程序", "真人还是机器人": a choice between a person and a machine.
    let person_or_machine = lower.contains("还是")
        && ["人", "真人", "人工"]
            .iter()
            .any(|p| lower.contains(&format!("{p}还是")))
        && ["机器", "程序", "ai", "自动", "电脑"]
            .iter()
            .any(|m| lower.contains(&format!("还是{m}")));
    // Also with the verb on both sides of one 还是 ("我现在是在跟人聊天还是跟程序聊天?"): a
    // person just before it, a machine just after.
    let person_or_machine = person_or_machine
        || lower.match_indices("还是").any(|(at, w)| {
            let before: String = {
                let mut b: Vec<char> = lower[..at].chars().rev().take(8).collect();
                b.reverse();
                b.into_iter().collect()
            };
            let after: String = lower[at + w.len()..].chars().take(6).collect();
            ["跟人", "和人", "跟真人", "和真人"]
                .iter()
                .any(|p| before.contains(p))
                && ["跟机器", "和机器", "跟程序", "和程序", "跟ai", "和ai"]
                    .iter()
                    .any(|m| after.starts_with(m))
        });
    // "我现在是在跟真人聊天吗": asked whom the shopper is talking with, not asking to be put
    // through ("能跟真人聊吗", "我要跟人工说" are requests, [`super::replies::asks_for_human`]).
    let with_whom = ["跟", "和", "与"]
        .iter()
        .any(|w| KINDS_ZH.iter().any(|k| lower.contains(&format!("{w}{k}"))))
        && !ZH_REQUESTS.iter().any(|r| lower.contains(r));
    // Spaces between Chinese and a Latin word ("你是 AI 吗") are no part of the question.
    let compact = lower.replace(' ', "");
    person_or_machine
        || (zh_question
            && (with_whom
                || KINDS_ZH.iter().any(|k| {
                    compact.contains(&format!("是{k}")) || compact.contains(&format!("是个{k}"))
                })))
}

/// Questions about who is answering: a name, an employee number, the person met before,
/// whether a person reads the chat at all ("so no actual person reads this?").
const WHO_ANSWERS: &[&str] = &[
    "person reads",
    "person read this",
    "human reads",
    "human read this",
    "anyone read this",
    "anyone reads",
    "anybody read this",
    "anybody reads",
    "no one reads",
    "nobody reads",
    "有真人看",
    "有人看吗",
    // Guessed aloud ("你回复这么快，肯定不是人吧"), or someone typing asked after ("你回得这么
    // 像人，后台是不是有人在打字？").
    "不是人吧",
    "不是真人吧",
    // "感觉你回复好快 不像真人打字".
    "不像真人",
    "不像是真人",
    "不像人打",
    "有人在打字",
    "真人在打字",
    "有人在回复",
    "真人在回复",
    // "你是 AI 吗 or is somebody actually typing this".
    "somebody actually typing",
    "someone actually typing",
    "anyone actually typing",
    "somebody typing this",
    "someone typing this",
    // Guessed aloud in English ("you type way too fast to be a person. be honest with me"),
    // or someone not automated looked for ("is there anyone there who isn't automated").
    // Someone real looked for ("is there anyone real working there today").
    "anyone real",
    "someone real",
    "anybody real",
    "who made you",
    "who built you",
    "who created you",
    "who programmed you",
    "谁开发的你",
    "谁做的你",
    "too fast to be a person",
    "too fast to be a human",
    "too fast to be human",
    "too fast to be real",
    "too quick to be a person",
    "too quick to be human",
    "can't be a person",
    "cant be a person",
    "can't be a human",
    "cant be a human",
    // Software answering, asked ("wait am I talking to software right now", "honest question,
    // is this chat run by software?"; not "is it a software issue?").
    "run by software",
    "talking to software",
    "talking with software",
    "chatting to software",
    "chatting with software",
    "just software",
    "software or a person",
    "software or a human",
    "software or human",
    // Whether anyone is there at all, or reading, asked ("be honest with me, is anyone actually
    // there", "before I type out my whole problem, is anyone actually reading this?").
    "anyone actually reading",
    "anybody actually reading",
    "someone actually reading",
    "is anyone reading",
    "anyone actually there",
    "anybody actually there",
    "anyone even there",
    "anybody even there",
    "who isn't automated",
    "who isnt automated",
    "that isn't automated",
    "that isnt automated",
    "who isn't a bot",
    "who isnt a bot",
    "是机器人吧",
    "是ai吧",
    "是ai回复",
    "who are you?",
    "who is this?",
    // "thought so. who am I actually talking to here".
    "who am i talking to",
    "who am i actually talking to",
    "who am i chatting with",
    "who am i speaking to",
    "who's this?",
    "whos this?",
    "what's your name",
    "whats your name",
    "what is your name",
    "same person i",
    "same person as",
    "same person from",
    "same agent",
    "same guy",
    "same lady",
    "哪位客服",
    // "请问现在回我消息的是客服本人吗".
    "客服本人",
    "回我消息的是",
    "工号",
    "你叫什么",
    "你是谁",
    "您是谁",
    "您是哪位",
    "你是哪位",
    "同一个人",
    "同一个客服",
    "同一位客服",
];

/// Whether `text` asks if a person met before, named, is answering ("is this Sarah from
/// yesterday? She said she'd follow up", "am I talking to Tom again?"): the honest answer is
/// what answers. A name is a capitalised word right after the question's opening, followed
/// by "from", "again" or the question's end, in a message that speaks of meeting before.
fn asks_for_someone_met_before(text: &str) -> bool {
    let lower = text.to_lowercase();
    let before = [
        "yesterday",
        "earlier",
        "last time",
        "last week",
        "before",
        "again",
        "said",
        "talked",
        "spoke",
        "chatted",
        "promised",
        "follow up",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // "Sarah, is that you? You helped me last week": the person met before, asked after.
    if before && super::language::mentions(&lower, &["is that you", "is it you", "is this you"]) {
        return true;
    }
    // Byte offsets of the lower-cased text are the original's only when lower-casing kept
    // every length.
    before
        && lower.len() == text.len()
        && [
            "is this ",
            "is that ",
            "am i talking to ",
            "am i talking with ",
            "am i speaking to ",
            "am i speaking with ",
            "am i chatting with ",
            "are you ",
        ]
        .iter()
        .any(|opening| {
            lower.match_indices(opening).any(|(at, _)| {
                let Some(rest) = text.get(at + opening.len()..) else {
                    return false;
                };
                // Asked as a question of its own: at the start of a clause ("… which is
                // this Saturday, and the site said" tells a date).
                let before = lower[..at].trim_end();
                let opens_a_clause = before.is_empty()
                    || before.ends_with(['.', '?', '!', ',', ';', ':', '-'])
                    || before.rsplit(' ').next().is_some_and(|w| {
                        [
                            "hi", "hey", "hello", "so", "wait", "oh", "and", "but", "ok", "okay",
                        ]
                        .contains(&w)
                    });
                let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
                let after = rest[name.len()..].to_lowercase();
                opens_a_clause
                    && name.len() >= 2
                    && name.starts_with(|c: char| c.is_ascii_uppercase())
                    && name != "AI"
                    && !CALENDAR_NAMES.contains(&name.to_lowercase().as_str())
                    && !WEEKDAYS.contains(&name.to_lowercase().as_str())
                    && (after.is_empty()
                        || after.starts_with(['?', ',', '!', '.'])
                        || after.starts_with(" from")
                        || after.starts_with(" again"))
            })
        })
}

/// Months and feasts, capitalised like a name ("is it open at Easter?"); days are
/// [`WEEKDAYS`].
const CALENDAR_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "christmas",
    "easter",
];

/// Chinese words that make a question about a person a request for one ("能跟真人聊吗").
const ZH_REQUESTS: &[&str] = &["能", "可以", "想", "要", "让", "帮", "转", "找", "给我"];

#[cfg(test)]
#[path = "honesty_tests.rs"]
mod tests;
