//! Frustration and sarcasm: how upset a shopper sounds, from rules a person can read.
//!
//! Bots misread "oh great, another delay" and "呵呵" as friendly. These rules look for what
//! gives anger and sarcasm away in short chat messages: shouting (capitals, `!!!`), swearing,
//! "again"/"still"/"又"/"还没" (a repeated problem), sarcastic praise next to a complaint,
//! and "呵呵"-style laughter. The conversation engine adds what one message cannot show
//! (the same complaint twice, failed turns) and raises escalation priority from the score.

use serde::{Deserialize, Serialize};

use crate::featurize::normalize_char;

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
    /// Praise used against a complaint ("oh great", "thanks a lot", "真棒" + a problem).
    Sarcasm,
    /// Dismissive laughter used in Chinese chat ("呵呵").
    DismissiveLaughter,
    /// Direct statements of anger or giving up ("fed up", "ridiculous", "气死", "垃圾").
    Anger,
}

/// How upset a message sounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frustration {
    /// 0 (calm) to 1 (furious).
    pub score: f32,
    /// Why, in the order checked.
    pub cues: Vec<Cue>,
}

const PROFANITY: &[&str] = &[
    "fuck", "shit", "damn", "crap", "wtf", "bullshit", "idiot", "stupid", "useless", "scam",
    "他妈", "妈的", "tmd", "靠", "操", "傻逼", "sb", "骗子", "坑人", "滚",
];
const REPETITION: &[&str] = &[
    "again",
    "still",
    "yet another",
    "another delay",
    "third time",
    "second time",
    "keep ",
    "always",
    "every time",
    "又",
    "还没",
    "还是没",
    "还不",
    "一直",
    "再次",
    "第三次",
    "第二次",
    "多少次",
];
const SARCASM_PRAISE: &[&str] = &[
    "oh great",
    "great job",
    "thanks a lot",
    "thanks for nothing",
    "just great",
    "wonderful",
    "brilliant",
    "love waiting",
    "love how",
    "nice job",
    "well done",
    "amazing service",
    "真棒",
    "真好",
    "太好了",
    "真行",
    "厉害了",
    "牛",
    "谢谢你们啊",
    "祝你们生意兴隆",
    "服了",
];
const COMPLAINT: &[&str] = &[
    "delay", "late", "wait", "never", "not", "no ", "broken", "wrong", "missing", "lost", "again",
    "still", "refund", "charged", "没", "不", "慢", "坏", "错", "丢", "等", "还",
];
const LAUGHTER: &[&str] = &["呵呵", "嗬嗬", "hehe", "🙂"];
const ANGER: &[&str] = &[
    "fed up",
    "ridiculous",
    "unacceptable",
    "furious",
    "angry",
    "pissed",
    "worst",
    "terrible",
    "disgusting",
    "never again",
    "i give up",
    "气死",
    "垃圾",
    "无语",
    "受不了",
    "太差",
    "投诉",
    "离谱",
    "恶心",
    "过分",
];

fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Scores how upset `text` sounds.
pub fn frustration(text: &str) -> Frustration {
    let lower: String = text.chars().map(normalize_char).collect();
    let letters: Vec<char> = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_ascii_uppercase()).count();
    let bangs = text.chars().filter(|c| matches!(c, '!' | '！')).count();
    let mut cues = Vec::new();
    if (letters.len() >= 8 && capitals * 10 >= letters.len() * 7) || bangs >= 3 {
        cues.push(Cue::Shouting);
    }
    if any(&lower, PROFANITY) {
        cues.push(Cue::Profanity);
    }
    if any(&lower, REPETITION) {
        cues.push(Cue::Repetition);
    }
    // Praise alone is praise; praise in a message that also complains is sarcasm.
    if any(&lower, SARCASM_PRAISE) && any(&lower, COMPLAINT) {
        cues.push(Cue::Sarcasm);
    }
    if any(&lower, LAUGHTER) {
        cues.push(Cue::DismissiveLaughter);
    }
    if any(&lower, ANGER) {
        cues.push(Cue::Anger);
    }
    let score: f32 = cues
        .iter()
        .map(|c| match c {
            Cue::Profanity | Cue::Anger | Cue::Sarcasm => 0.45,
            Cue::Shouting | Cue::DismissiveLaughter => 0.35,
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
    fn shouting_and_repeated_problems_raise_the_score() {
        let f = frustration("WHERE IS MY ORDER I HAVE ASKED THREE TIMES");
        assert!(f.cues.contains(&Cue::Shouting), "{f:?}");
        assert!(frustration("still not here!!!").score > frustration("not here").score);
        assert!(frustration("this is ridiculous, worst shop ever").score >= 0.45);
    }
}
