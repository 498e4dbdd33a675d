//! Frustration and sarcasm: how upset a shopper sounds, from rules a person can read.
//!
//! Bots misread "oh great, another delay" and "呵呵" as friendly. These rules look for what
//! gives anger and sarcasm away in short chat messages: shouting (capitals, `!!!`, `???`),
//! swearing and insults, counting how often one has asked ("third time", "说了三遍"),
//! sarcastic praise next to a complaint, "呵呵"-style laughter, anger and giving up, threats
//! to complain elsewhere ("1-star review", "差评", "12315"); "again"/"still"/"又"/"还没" (a
//! repeated problem) only add to another cue. Each other cue alone makes a message
//! [`UPSET`]. The conversation engine adds what one message cannot show (the same complaint
//! twice, failed turns) and raises escalation priority from the score.
//!
//! Measured by `tests/frustration.rs` (figures in docs/model-card.md): keyword rules catch
//! the upset shoppers whose words they list and miss most of the rest.

use serde::{Deserialize, Serialize};

use crate::featurize::normalize_char;

/// The score from which a message counts as upset: the conversation engine then offers a
/// person on its own and raises the hand-off's priority.
pub const UPSET: f32 = 0.5;

/// One reason a message sounds upset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// Mostly capital letters, or several `!`.
    Shouting,
    /// Swearing or insults.
    Profanity,
    /// The problem happened before or has not gone away ("again", "still", "又", "还没").
    Repetition,
    /// The shopper counts how often they have asked ("third time", "told you twice", "说了三遍").
    RepeatedAsking,
    /// Praise used against a complaint ("oh great", "thanks a lot", "真棒" + a problem).
    Sarcasm,
    /// Dismissive laughter used in Chinese chat ("呵呵").
    DismissiveLaughter,
    /// Direct statements of anger or giving up ("fed up", "ridiculous", "气死", "垃圾").
    Anger,
    /// Threats to complain elsewhere or leave ("1-star review", "chargeback", "差评", "12315").
    Threat,
}

/// How upset a message sounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frustration {
    /// 0 (calm) to 1 (furious).
    pub score: f32,
    /// Why, in the order checked.
    pub cues: Vec<Cue>,
}

impl Frustration {
    /// Whether the message sounds upset enough to offer a person ([`UPSET`]).
    pub fn is_upset(&self) -> bool {
        self.score >= UPSET
    }
}

// English entries match whole words (after apostrophes are dropped: "cant", "dont"), so
// "usb" is not "sb" and "scrap" is not "crap"; Chinese entries match anywhere, after the
// innocent compounds in `INNOCENT` are blanked out ("操作" is not "操", "牛仔裤" not "牛").
const PROFANITY: &[&str] = &[
    "fuck",
    "fucking",
    "fucked",
    "f***",
    "f**k",
    "shit",
    "shitty",
    "damn",
    "crap",
    "crappy",
    "wtf",
    "bullshit",
    "what the hell",
    "the hell",
    "idiot",
    "idiots",
    "stupid",
    "dumb",
    "dumber",
    "useless",
    "scam",
    "scammers",
    "thief",
    "thieves",
    "stole",
    "liar",
    "liars",
    "shut up",
    "pathetic",
    "incompetent",
    "clowns",
    "他妈",
    "妈的",
    "tmd",
    "尼玛",
    "卧槽",
    "靠",
    "操",
    "傻逼",
    "傻x",
    "sb",
    "骗子",
    "坑人",
    "坑爹",
    "滚",
    "有病",
    "脑子有问题",
    "神经病",
    "奸商",
    "黑店",
    "去死",
    "要你们有什么用",
];
const REPETITION: &[&str] = &[
    "again",
    "still not",
    "still no",
    "still nothing",
    "still hasnt",
    "still havent",
    "still waiting",
    "still broken",
    "yet another",
    "another delay",
    "keep getting",
    "keep saying",
    "keeps happening",
    "every time",
    "every single time",
    "又",
    "还没",
    "还是没",
    "还不",
    "一直没",
    "一直不",
    "再次",
];
const REPEATED_ASKING: &[&str] = &[
    "third time",
    "second time",
    "three times",
    "twice",
    "how many times",
    "already told",
    "already said",
    "already mentioned",
    "one more time",
    "going in circles",
    "第二次问",
    "第三次",
    "三遍",
    "两遍",
    "多少次",
    "几遍",
    "都说了",
    "说了多少",
    "有完没完",
];
const SARCASM_PRAISE: &[&str] = &[
    "oh great",
    "great job",
    "thanks a lot",
    "just great",
    "wonderful",
    "fantastic",
    "brilliant",
    "perfect",
    "lovely",
    "wow",
    "love waiting",
    "love how",
    "nice job",
    "well done",
    "amazing service",
    "great service",
    "outdid yourselves",
    "cheers",
    "真棒",
    "好棒",
    "真好",
    "太好了",
    "太棒了",
    "真行",
    "厉害了",
    "牛",
    "一绝",
    "效率真高",
    "谢谢你们啊",
    "感谢你们让",
    "祝你们生意兴隆",
    "服了",
];
/// Sarcasm that needs no complaint next to it.
const SARCASM: &[&str] = &[
    "thanks for nothing",
    "what a surprise",
    "sure you do",
    "really classy",
    "just what i always wanted",
    "how lovely",
    "我谢谢你",
    "大开眼界",
    "长见识",
    "真是服了",
    "我真是服了",
];
const COMPLAINT: &[&str] = &[
    "delay",
    "delayed",
    "late",
    "waiting",
    "never",
    "not",
    "no",
    "broken",
    "wrong",
    "missing",
    "lost",
    "again",
    "still",
    "refund",
    "charged",
    "empty",
    "ignore",
    "ignored",
    "waste",
    "automated",
    "没",
    "不",
    "慢",
    "坏",
    "破",
    "错",
    "丢",
    "等",
    "还",
    "延迟",
];
const LAUGHTER: &[&str] = &["呵呵", "嗬嗬", "hehe", "🙂"];
const ANGER: &[&str] = &[
    "fed up",
    "sick of",
    "tired of",
    "ridiculous",
    "unacceptable",
    "unbelievable",
    "appalling",
    "disgrace",
    "furious",
    "angry",
    "pissed",
    "worst",
    "terrible",
    "disgusting",
    "outrageous",
    "losing my patience",
    "waste of",
    "wasting my time",
    "last time im asking",
    "i give up",
    "forget it",
    "im done with",
    "i am done with",
    "done with this",
    "气死",
    "垃圾",
    "无语",
    "受不了",
    "受够",
    "烦死",
    "太差",
    "离谱",
    "恶心",
    "过分",
    "耐心",
    "白等",
    "一问三不知",
    "算了算了",
    "爱咋咋地",
    "认栽",
];
const THREAT: &[&str] = &[
    "1-star",
    "1 star",
    "one star",
    "bad review",
    "report you",
    "reporting you",
    "report this",
    "consumer protection",
    "trading standards",
    "chargeback",
    "my lawyer",
    "my bank",
    "never again",
    "never ordering",
    "never order",
    "never buying",
    "差评",
    "投诉",
    "平台介入",
    "12315",
    "曝光",
    "举报",
    "消协",
    "再也不",
    "所有人知道",
];
/// Words that contain an entry above but mean something ordinary; blanked out first.
const INNOCENT: &[&str] = &[
    "cant wait",
    "can not wait",
    "no problem",
    "no rush",
    "no worries",
    "not bad",
    "no thanks",
    "操作",
    "体操",
    "操心",
    "靠谱",
    "可靠",
    "依靠",
    "靠近",
    "牛仔",
    "牛奶",
    "牛肉",
    "牛皮",
    "牛排",
    "牛油",
    "蜗牛",
    "滚筒",
    "滚刷",
    "滚子",
    "靠枕",
    "靠垫",
    "靠背",
    "垃圾桶",
    "垃圾袋",
    "垃圾分类",
    "滚轮",
    "滚动",
    "真好看",
    "真好用",
    "真好吃",
    "真好穿",
    "不错",
    "不客气",
    "等等",
];

/// Whether `text` (normalised, innocent compounds blanked) contains any of `words`:
/// ASCII entries as whole words, others anywhere.
fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| contains(text, w))
}

fn contains(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return text.contains(word);
    }
    let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(word).any(|(i, _)| {
        boundary(text[..i].chars().next_back()) && boundary(text[i + word.len()..].chars().next())
    })
}

/// Lower case, full-width folded, apostrophes dropped, innocent compounds blanked.
fn prepare(text: &str) -> String {
    let mut lower: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .map(normalize_char)
        .collect();
    for word in INNOCENT {
        if contains(&lower, word) {
            lower = lower.replace(word, " ");
        }
    }
    lower
}

/// Scores how upset `text` sounds.
pub fn frustration(text: &str) -> Frustration {
    let lower = prepare(text);
    let letters: Vec<char> = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_ascii_uppercase()).count();
    let bangs = text.chars().filter(|c| matches!(c, '!' | '！')).count();
    let questions = text.chars().filter(|c| matches!(c, '?' | '？')).count();
    let mut cues = Vec::new();
    let capitals_run = letters.len() >= 8 && capitals * 10 >= letters.len() * 7;
    if capitals_run || bangs >= 3 || questions >= 3 {
        cues.push(Cue::Shouting);
    }
    if any(&lower, PROFANITY) {
        cues.push(Cue::Profanity);
    }
    if any(&lower, REPETITION) {
        cues.push(Cue::Repetition);
    }
    if any(&lower, REPEATED_ASKING) {
        cues.push(Cue::RepeatedAsking);
    }
    // Praise alone is praise; praise in a message that also complains is sarcasm.
    if any(&lower, SARCASM) || (any(&lower, SARCASM_PRAISE) && any(&lower, COMPLAINT)) {
        cues.push(Cue::Sarcasm);
    }
    if any(&lower, LAUGHTER) {
        cues.push(Cue::DismissiveLaughter);
    }
    if any(&lower, ANGER) {
        cues.push(Cue::Anger);
    }
    if any(&lower, THREAT) {
        cues.push(Cue::Threat);
    }
    let score: f32 = cues
        .iter()
        .map(|c| match c {
            // Each of these alone says the shopper is upset.
            Cue::Profanity
            | Cue::Anger
            | Cue::Sarcasm
            | Cue::DismissiveLaughter
            | Cue::RepeatedAsking
            | Cue::Threat => 0.55,
            // Whole messages in capitals, or runs of "!!!" / "???".
            Cue::Shouting => 0.55,
            // "again" can be calm ("I'd order again"); it raises what else is there.
            Cue::Repetition => 0.25,
        })
        .sum();
    Frustration {
        score: score.min(1.0),
        cues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<Cue> {
        frustration(text).cues
    }

    #[test]
    fn calm_messages_score_zero() {
        for text in [
            "where is my order 1001?",
            "我的订单到哪了",
            "thanks, that's great!",
            "谢谢，太好了",
        ] {
            assert_eq!(frustration(text).score, 0.0, "{text}: {:?}", cues(text));
        }
    }

    #[test]
    fn sarcastic_praise_with_a_complaint_is_sarcasm() {
        assert!(cues("oh great, another delay").contains(&Cue::Sarcasm));
        assert!(cues("祝你们生意兴隆，到现在还没发货").contains(&Cue::Sarcasm));
    }

    #[test]
    fn hehe_is_not_a_laugh() {
        assert!(cues("呵呵").contains(&Cue::DismissiveLaughter));
        assert!(frustration("呵呵，又没发货").score >= 0.5);
    }

    #[test]
    fn words_that_only_contain_a_swear_word_are_calm() {
        for text in [
            "my usb cable is broken",
            "can I use scrap paper as filler",
            "退款怎么操作",
            "这个质量靠谱吗",
            "牛仔裤还没发货吗",
            "滚筒洗衣机有货吗",
            "can't wait for it, wonderful!",
            "这件衣服真好看",
        ] {
            assert!(!frustration(text).is_upset(), "{text}: {:?}", cues(text));
        }
        assert!(cues("你是sb吗").contains(&Cue::Profanity));
        assert!(cues("what a SCAM").contains(&Cue::Profanity));
    }

    #[test]
    fn shouting_and_repeated_problems_raise_the_score() {
        let f = frustration("WHERE IS MY ORDER I HAVE ASKED THREE TIMES");
        assert!(f.cues.contains(&Cue::Shouting), "{f:?}");
        assert!(frustration("still not here!!!").score > frustration("not here").score);
        assert!(frustration("this is ridiculous, worst shop ever").score >= 0.45);
    }
}
