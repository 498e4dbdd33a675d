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
    /// The learned tone model ([`crate::tone`]) hears an upset shopper.
    Tone,
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

/// The cue phrases (`frustration_cues.tsv`), by category.
#[derive(Debug, Default)]
struct Lexicon {
    profanity: Vec<&'static str>,
    repetition: Vec<&'static str>,
    repeated_asking: Vec<&'static str>,
    sarcasm_praise: Vec<&'static str>,
    sarcasm: Vec<&'static str>,
    complaint: Vec<&'static str>,
    laughter: Vec<&'static str>,
    anger: Vec<&'static str>,
    threat: Vec<&'static str>,
    innocent: Vec<&'static str>,
}

/// English phrases match whole words (after apostrophes are dropped: "cant", "dont"), so
/// "usb" is not "sb" and "scrap" is not "crap"; Chinese phrases match anywhere, after the
/// `innocent` compounds are blanked out ("操作" is not "操", "牛仔裤" not "牛").
const CUES: &str = include_str!("frustration_cues.tsv");

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| parse_lexicon(CUES).expect("frustration_cues.tsv is well-formed"))
}

fn parse_lexicon(text: &'static str) -> Result<Lexicon, String> {
    let mut l = Lexicon::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (category, phrase) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: expected category<TAB>phrase", n + 1))?;
        let list = match category {
            "profanity" => &mut l.profanity,
            "repetition" => &mut l.repetition,
            "repeated_asking" => &mut l.repeated_asking,
            "sarcasm_praise" => &mut l.sarcasm_praise,
            "sarcasm" => &mut l.sarcasm,
            "complaint" => &mut l.complaint,
            "laughter" => &mut l.laughter,
            "anger" => &mut l.anger,
            "threat" => &mut l.threat,
            "innocent" => &mut l.innocent,
            other => return Err(format!("line {}: unknown category {other:?}", n + 1)),
        };
        if phrase.is_empty() || phrase != phrase.to_lowercase() || phrase.contains('\'') {
            return Err(format!(
                "line {}: {phrase:?} must be lower case, without apostrophes",
                n + 1
            ));
        }
        list.push(phrase);
    }
    Ok(l)
}

/// Whether `text` (normalised, innocent compounds blanked) contains any of `words`:
/// ASCII entries as whole words, others anywhere.
fn any(text: &str, words: &[&'static str]) -> bool {
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
    for word in &lexicon().innocent {
        if contains(&lower, word) {
            lower = lower.replace(word, " ");
        }
    }
    lower
}

/// Scores how upset `text` sounds: the rules' score, or the learned tone model's
/// probability when that is higher.
pub fn frustration(text: &str) -> Frustration {
    let mut f = frustration_by_rules(text);
    let p = crate::tone::builtin().probability(text);
    if p >= UPSET {
        f.cues.push(Cue::Tone);
    }
    f.score = f.score.max(p);
    f
}

/// The rules' part of [`frustration`] alone (for measuring the two apart).
pub fn frustration_by_rules(text: &str) -> Frustration {
    let l = lexicon();
    let lower = prepare(text);
    let letters: Vec<char> = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_ascii_uppercase()).count();
    let bangs = text.chars().filter(|c| matches!(c, '!' | '！')).count();
    let questions = text.chars().filter(|c| matches!(c, '?' | '？')).count();
    let mut cues = Vec::new();
    let capitals_run = letters.len() >= 8 && capitals * 10 >= letters.len() * 7;
    // Marks in a friendly message are eagerness ("Hi there! … do your tees run small??
    // Thanks!!"), not shouting; capitals still shout.
    let friendly = ["thanks", "thank you", "thx", "hi there", "谢谢", "感谢"]
        .iter()
        .any(|w| text.to_lowercase().contains(w));
    if capitals_run || (!friendly && (bangs >= 3 || questions >= 3)) {
        cues.push(Cue::Shouting);
    }
    if any(&lower, &l.profanity) {
        cues.push(Cue::Profanity);
    }
    if any(&lower, &l.repetition) {
        cues.push(Cue::Repetition);
    }
    if any(&lower, &l.repeated_asking) {
        cues.push(Cue::RepeatedAsking);
    }
    // Praise alone is praise; praise in a message that also complains is sarcasm.
    if any(&lower, &l.sarcasm) || (any(&lower, &l.sarcasm_praise) && any(&lower, &l.complaint)) {
        cues.push(Cue::Sarcasm);
    }
    if any(&lower, &l.laughter) {
        cues.push(Cue::DismissiveLaughter);
    }
    if any(&lower, &l.anger) {
        cues.push(Cue::Anger);
    }
    if any(&lower, &l.threat) {
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
            Cue::Tone => 0.0,
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
            assert_eq!(
                frustration_by_rules(text).score,
                0.0,
                "{text}: {:?}",
                cues(text)
            );
            assert!(
                frustration(text).score < 0.2,
                "{text}: {:?}",
                frustration(text)
            );
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
    fn the_cue_file_parses_and_every_category_has_phrases() {
        let l = lexicon();
        for list in [
            &l.profanity,
            &l.repetition,
            &l.repeated_asking,
            &l.sarcasm_praise,
            &l.sarcasm,
            &l.complaint,
            &l.laughter,
            &l.anger,
            &l.threat,
            &l.innocent,
        ] {
            assert!(!list.is_empty());
        }
        assert!(
            parse_lexicon("rage\tgrr")
                .unwrap_err()
                .contains("unknown category")
        );
        assert!(
            parse_lexicon("anger\tWTF")
                .unwrap_err()
                .contains("lower case")
        );
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
            "Hi there! Few quick questions: 1) is shipping free? 2) can I pay with Apple Pay? 3) do your tees run small?? Thanks!!",
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
