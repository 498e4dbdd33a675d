//! What the runtime makes of one shopper message before deciding anything: the model's
//! prediction (made here again: the browser's is only a hint), corrected by what the
//! merchant's agents taught ([`Understanding::as_taught`]), the language to answer in, the
//! slots written in it and whether the shopper sounds upset. Pure: no store, no plugin.

use kefu_intent::Prediction;
use kefu_intent::slots::{self, Slot, SlotKind};
use kefu_intent::topics::Topic;

use super::confirm::CardAnswer;
use super::correction::{self, Correction, Target};
use super::cues;
use super::language;
use super::policy_cues;
use super::replies::Lang;
use super::topic_noise;

/// One message, understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Understanding {
    /// The message, trimmed.
    pub text: String,
    /// The intent model's answer.
    pub prediction: Prediction,
    /// The language to answer in.
    pub lang: Lang,
    /// Order numbers, emails, amounts… found in the text.
    pub slots: Vec<Slot>,
    /// The shopper sounds frustrated or sarcastic.
    pub upset: bool,
    /// What the message is about beyond the intent labels (a charge they did not make, a
    /// damaged item, time pressure…), with the topic model's probability.
    pub topic: Option<(Topic, f32)>,
    /// A topic a person must handle, heard under its cut-off but close to it ([`LEANING`]),
    /// with its probability: not enough to hand off on its own, enough when the bot has no
    /// answer of its own to give (`decide::unless_a_person_is_likelier`).
    pub leaning: Option<(Topic, f32)>,
    /// The confirmation card's button the message was, if it was one (the widget says
    /// which action it answers).
    pub card: Option<CardAnswer>,
    /// The phrasing an agent taught that the message says again, when it decides what the
    /// message means ([`Understanding::as_taught`]).
    pub taught: Option<Correction>,
}

/// The topic of `text`: one a person must handle, if any reaches its cut-off, before any
/// other (a lid that broke and cut a hand is about safety before it is about a damaged
/// item); else the likeliest. A weak one alone does not override a sure shop question
/// ([`weak_and_alone`]).
fn topic_of(
    text: &str,
    scores: &[(Topic, f32)],
    prediction: &Prediction,
    upset: bool,
) -> Option<(Topic, f32)> {
    let noise = |t: Topic, p: f32| {
        weak_and_alone(t, p, prediction, upset)
            || (t == Topic::Safety && p < OWN_TASK_TOPIC && !policy_cues::speaks_of_harm(text))
            || (p < WEAK_TOPIC && cues::is_small_talk(text))
            || only_a_shop_tasks_words(t, p, prediction, text)
            || asks_if_it_is_safe(t, p, text)
            || asks_about_a_product(t, p, text)
            || topic_noise::own_affairs(t, p, text)
    };
    pick(without_weak_safety_in_damage(scores.to_vec(), text)).filter(|&(t, p)| !noise(t, p))
}

/// `scores` without a weak safety topic when the message describes goods that came damaged
/// ("the cap came all squashed and theres a rip along the brim"): the damage is what it
/// says. Harm named in words ("cut my hand", "burned") reaches a person by the keyword
/// rules of [`super::policy`] before any of this.
fn without_weak_safety_in_damage(scores: Vec<(Topic, f32)>, text: &str) -> Vec<(Topic, f32)> {
    if !super::claim_words::describes_damage(text) {
        return scores;
    }
    scores
        .into_iter()
        .filter(|&(t, p)| !(t == Topic::Safety && p < WEAK_TOPIC))
        .collect()
}

/// Intents that ask for the shop's own information (policies, products, payment and delivery
/// options) or are small talk: a message the intent model is sure is one of them describes no
/// problem of the shopper's on its own.
const SHOP_QUESTIONS: &[&str] = &[
    "check_payment_methods",
    "check_refund_policy",
    "check_cancellation_fee",
    "delivery_options",
    "delivery_period",
    "product_info",
    "product_availability",
    "place_order",
    "get_invoice",
    "newsletter_subscription",
    "create_account",
    "greeting",
    "thanks",
    "goodbye",
];

/// Intents about the shopper's own account or payment: changing the account's email or
/// password, signing in, a card declined, how to pay. The topic model hears account
/// takeover and fraud in their words.
const ACCOUNT_AND_PAYMENT_TASKS: &[&str] = &[
    "edit_account",
    "recover_password",
    "switch_account",
    "registration_problems",
    "delete_account",
    "payment_issue",
    "check_payment_methods",
];

/// A topic probability under this (its cut-off is 0.5) is a weak signal.
const WEAK_TOPIC: f32 = 0.8;
/// The intent model's confidence from which a shop question is sure.
pub const SURE_INTENT: f32 = 0.9;

/// Whether a weak safety or fraud topic is a question before buying about whether a
/// product or paying is safe ("is the strap a choking hazard for toddlers?", "is paying
/// with Alipay safe on your site?"): nobody is hurt and nothing was taken
/// ([`policy_cues::asks_if_safe`]).
fn asks_if_it_is_safe(t: Topic, p: f32, text: &str) -> bool {
    matches!(t, Topic::Safety | Topic::Fraud)
        && p < OWN_TASK_TOPIC
        && policy_cues::asks_if_safe(text)
        && !policy_cues::names_someone_else_or_disowns(text)
}

/// Whether a weak topic other than fraud or account takeover is heard in a question about a
/// product's price, stock or fit ("ok and the navy cap 多少钱", "does the tee run big or
/// small?"), with nobody else named and nothing disowned: the question is the shopper's
/// whole message. Harm or a threat said in words reaches a person by the keyword rules of
/// [`super::policy`] first.
fn asks_about_a_product(t: Topic, p: f32, text: &str) -> bool {
    !matches!(t, Topic::Fraud | Topic::AccountTakeover)
        && p < WEAK_TOPIC
        && (cues::asks_the_price(text)
            || cues::asks_about_stock(text)
            || cues::asks_about_fit(text))
        && !policy_cues::names_someone_else_or_disowns(text)
}

/// Whether topic `t`, heard at `p`, is only the words of a shop task: deleting from the
/// cart or a saved card ([`policy_cues::removes_a_shop_thing`]), or the shopper's own account
/// or payment ([`own_account_or_payment`]).
fn only_a_shop_tasks_words(t: Topic, p: f32, prediction: &Prediction, text: &str) -> bool {
    (t == Topic::DataProtection && policy_cues::removes_a_shop_thing(text))
        || own_account_or_payment(t, p, prediction, text)
}

/// Under this an account-takeover or fraud topic yields to the shopper's own account or
/// payment task ([`own_account_or_payment`]): the words of those tasks are the topics'
/// words, and nothing else in such a message speaks of someone else.
const OWN_TASK_TOPIC: f32 = 0.9;
/// The intent model's confidence from which a shop task is certain ("账号被锁了 密码输错太多
/// 次了" is a password to recover, at 1.0)…
const CERTAIN_INTENT: f32 = 0.98;
/// …and under which a topic then yields to it: the task's own words are all the topic
/// models hear.
const OWN_TASK_TOPIC_CERTAIN: f32 = 0.97;

/// Whether a weak account-takeover or fraud topic is only the words of a task on the
/// shopper's own account or payment, which the intent model is sure of ("how do I change the
/// email on my account?", "my card was declined twice, can I pay with Alipay?"): nobody
/// else is named and nothing is disowned ([`policy_cues::names_someone_else_or_disowns`]).
/// "Someone changed my password" and "a payment I never made" keep their topic.
///
/// Asked how to do it ("where do I change the password on my account", "我想 change my
/// password 但是找不到 setting"), the task is the shopper's own even when the intent model is
/// less sure which account task it is: a takeover is told, not asked about.
fn own_account_or_payment(topic: Topic, p: f32, prediction: &Prediction, text: &str) -> bool {
    let certain = prediction.confidence >= CERTAIN_INTENT;
    let account_task = ACCOUNT_AND_PAYMENT_TASKS.contains(&prediction.intent.as_str());
    let asked_how = topic == Topic::AccountTakeover
        && p < OWN_TASK_TOPIC_CERTAIN
        && prediction.confidence >= HOW_TO_INTENT
        && cues::asks_how_to(text);
    matches!(topic, Topic::AccountTakeover | Topic::Fraud)
        && (asked_how
            || ((p < OWN_TASK_TOPIC || (certain && p < OWN_TASK_TOPIC_CERTAIN))
                && prediction.confidence >= SURE_INTENT))
        && account_task
        && !policy_cues::names_someone_else_or_disowns(text)
}

/// The intent model's confidence from which an account task asked how to do is the
/// shopper's own ([`own_account_or_payment`]): the likelier reading, not a sure one.
const HOW_TO_INTENT: f32 = 0.5;

/// Whether a topic heard at probability `p` is the only, weak sign of a costly handoff
/// against a message the intent model is sure is a shop question ("do you take Alipay?",
/// "is the steel bottle in stock?"): then the question is answered instead. A second sign
/// (the shopper sounds upset) or a strong topic keeps it; the keyword rules of
/// [`super::policy`] are heard before any of this.
///
/// A sure complaint is taken in as a complaint, upset or not (anger is what a complaint is
/// made of, not a second sign), when the topic is weak: it reaches a person with its summary
/// either way, and "我要投诉" is not a lawyer's letter.
///
/// A legal topic the models alone hear in a sure complaint ("我要投诉你们的物流太慢了") is the
/// complaint's own words up to [`OWN_TASK_TOPIC`]: a lawyer, a court or a regulator named
/// reaches a person by the keyword rules first.
fn weak_and_alone(t: Topic, p: f32, prediction: &Prediction, upset: bool) -> bool {
    let sure = prediction.confidence >= SURE_INTENT;
    let intent = prediction.intent.as_str();
    let complaint = intent == "complaint";
    sure && ((p < WEAK_TOPIC && ((!upset && SHOP_QUESTIONS.contains(&intent)) || complaint))
        || (complaint && t == Topic::Legal && p < OWN_TASK_TOPIC))
}

/// From this probability (the cut-off is 0.5) a topic a person must handle is leant
/// towards: the calibrated models put most messages about it above 0.4 and ordinary shop
/// questions far below (`widget/model/topics/`, the held-out figures in docs/model-card.md).
pub const LEANING: f32 = 0.4;

/// The likeliest topic a person must handle that `text` leans towards without reaching its
/// cut-off, if none reached it.
/// The same words that make a topic noise ([`topic_of`]) make a leaning noise: deleting
/// from the wish list or changing the account's email leans towards nothing.
fn leaning_of(
    text: &str,
    scores: &[(Topic, f32)],
    prediction: &Prediction,
) -> Option<(Topic, f32)> {
    scores
        .iter()
        .copied()
        .filter(|(t, p)| t.needs_a_person() && (LEANING..0.5).contains(p))
        .filter(|&(t, p)| !only_a_shop_tasks_words(t, p, prediction, text))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// `text` as the models read it: pinyin in Chinese characters ([`kefu_intent::pinyin`]).
pub fn as_read(text: &str) -> std::borrow::Cow<'_, str> {
    kefu_intent::pinyin::read(text)
        .map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

/// How far a topic heard in a message of both scripts may rise above what its English and
/// its Chinese words make of it alone.
const MIXED_RISE: f32 = 0.2;

/// Every topic's probability for `text` as read ([`as_read`]). In a message of both
/// scripts, a topic is heard no more than [`MIXED_RISE`] above what either script's words
/// say of it alone: the models saw few such messages, and a short mix ("ok and 什么时候到的")
/// can sound to them like harm or damage that neither half speaks of. "我的card被盗刷了" keeps its fraud: the Chinese says it.
fn topic_scores(text: &str) -> Vec<(Topic, f32)> {
    let read = as_read(text);
    let models = kefu_intent::topics::builtin();
    let scores = models.scores(&read);
    let han = |c: char| ('\u{3400}'..='\u{9fff}').contains(&c);
    let latin_word = read
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 2);
    if !(read.chars().any(han) && latin_word) {
        return scores;
    }
    let part = |keep_han: bool| -> String {
        read.chars()
            .map(|c| {
                if han(c) != keep_han && c.is_alphabetic() {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    };
    let halves = [models.scores(&part(true)), models.scores(&part(false))];
    scores
        .into_iter()
        .enumerate()
        .map(|(i, (t, p))| {
            let alone = halves.iter().map(|h| h[i].1).fold(0.0, f32::max);
            (t, p.min(alone + MIXED_RISE))
        })
        .collect()
}

/// [`topic_of`] over every topic's probability.
fn pick(scores: Vec<(Topic, f32)>) -> Option<(Topic, f32)> {
    let over: Vec<(Topic, f32)> = scores.into_iter().filter(|(_, p)| *p >= 0.5).collect();
    let likeliest = |only_sensitive: bool| {
        over.iter()
            .copied()
            .filter(|(t, _)| !only_sensitive || t.needs_a_person())
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    likeliest(true).or_else(|| likeliest(false))
}

impl Understanding {
    /// `text` with the model's `prediction`; `locale` is the widget's (or the conversation's)
    /// and only decides the language of a message without letters.
    pub fn new(text: &str, prediction: Prediction, locale: &str) -> Self {
        let text = text.trim();
        let upset = kefu_intent::signals::frustration(text).is_upset();
        // Scored once: the topic and the leaning weigh the same scores.
        let scores = topic_scores(text);
        Self {
            text: text.to_string(),
            lang: language::reply_lang(text, locale),
            slots: slots::extract(text),
            upset,
            topic: topic_of(text, &scores, &prediction, upset),
            leaning: leaning_of(text, &scores, &prediction),
            prediction,
            card: None,
            taught: None,
        }
    }

    /// The message as the merchant's agents taught it, when it says a taught phrasing
    /// again: a taught label replaces the model's intent (the similarity as its confidence,
    /// no runner-up, so nothing is asked back); a taught FAQ entry is given by the decision
    /// (`decide::answer`), the intent staying the model's. Neither when the model heard a
    /// request for a person or a policy request ([`correction::may_replace`]). Slots,
    /// language and tone stay as read from the text; topics are weighed again against the
    /// taught meaning as against the model's ([`weak_and_alone`]): a strong sensitive topic
    /// still sends the message to a person before any intent counts, and a delivery problem
    /// heard still becomes a claim.
    pub fn as_taught(mut self, correction: Option<Correction>) -> Self {
        let Some(c) = correction.filter(|_| correction::may_replace(&self.prediction.intent))
        else {
            return self;
        };
        if let Target::Intent(label) = &c.target {
            let confidence = (c.similarity * 10_000.0).round() / 10_000.0;
            self.prediction = Prediction {
                intent: label.clone(),
                confidence,
                top: vec![(label.clone(), confidence)],
            };
            // Topics are weighed against what the message means: a weak one alone yields to a
            // taught shop question as to one the model is sure of (a person decided what these
            // words mean; the match already needed all their content and a close reading).
            let as_sure = Prediction {
                confidence: 1.0,
                ..self.prediction.clone()
            };
            self.topic = topic_of(&self.text, &topic_scores(&self.text), &as_sure, self.upset);
        }
        self.taught = Some(c);
        self
    }

    /// The first slot of `kind` in the message.
    pub fn slot(&self, kind: SlotKind) -> Option<&str> {
        slots::first(&self.slots, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_a_person_must_handle_outranks_a_likelier_delivery_problem() {
        let scores = vec![
            (Topic::Damaged, 0.93),
            (Topic::Safety, 0.6),
            (Topic::Urgent, 0.2),
        ];
        assert_eq!(pick(scores), Some((Topic::Safety, 0.6)));
        assert_eq!(
            pick(vec![(Topic::Damaged, 0.93), (Topic::Safety, 0.4)]),
            Some((Topic::Damaged, 0.93))
        );
        assert_eq!(pick(vec![(Topic::Fraud, 0.3)]), None);
    }

    #[test]
    fn pinyin_is_heard_as_the_chinese_it_spells() {
        // Typed without a Chinese input method: the topic models hear the characters.
        for (text, topic) in [
            (
                "zhanghao bei dao le, mima ye bei gai le",
                Topic::AccountTakeover,
            ),
            ("wo yao qisu nimen, yijing zhao le lushi", Topic::Legal),
        ] {
            let u = Understanding::new(text, sure("unknown", 0.3), "en");
            assert_eq!(u.topic.map(|t| t.0), Some(topic), "{text}");
        }
        assert_eq!(
            as_read("wo xiang tui kuan, order 1003"),
            "我想退款, order 1003"
        );
        assert_eq!(as_read("can you ship to china"), "can you ship to china");
    }

    #[test]
    fn a_short_mix_of_scripts_hears_no_topic_neither_half_speaks_of() {
        let when = Understanding::new("ok and 什么时候到的", sure("out_of_scope", 0.5), "en");
        assert_eq!(when.topic, None);
        // The Chinese half says it: the fraud stays.
        let stolen = Understanding::new("我的card被盗刷了", sure("payment_issue", 0.5), "zh");
        assert_eq!(stolen.topic.map(|t| t.0), Some(Topic::Fraud));
    }

    #[test]
    fn a_weak_topic_in_a_question_about_a_product_is_noise() {
        assert!(asks_about_a_product(
            Topic::Safety,
            0.6,
            "ok and the navy cap 多少钱"
        ));
        assert!(asks_about_a_product(
            Topic::Damaged,
            0.7,
            "does the tee run big or small?"
        ));
        // Strong, or a charge: kept.
        assert!(!asks_about_a_product(
            Topic::Safety,
            0.9,
            "ok and the navy cap 多少钱"
        ));
        assert!(!asks_about_a_product(
            Topic::Fraud,
            0.6,
            "how much did you take from my card"
        ));
        // A question about something else: kept.
        assert!(!asks_about_a_product(
            Topic::Safety,
            0.6,
            "my son can't breathe properly"
        ));
    }

    fn sure(intent: &str, confidence: f32) -> Prediction {
        Prediction {
            intent: intent.into(),
            confidence,
            top: vec![(intent.into(), confidence)],
        }
    }

    #[test]
    fn a_weak_topic_alone_does_not_override_a_sure_shop_question() {
        let payment = sure("check_payment_methods", 0.99);
        // Weak, alone, against a sure shop question: the question is answered.
        assert!(weak_and_alone(Topic::Fraud, 0.6, &payment, false));
        // A second sign, a strong topic, an unsure model or a message that is no shop
        // question keep the topic.
        assert!(!weak_and_alone(Topic::Fraud, 0.6, &payment, true));
        assert!(!weak_and_alone(Topic::Fraud, 0.85, &payment, false));
        assert!(!weak_and_alone(
            Topic::Fraud,
            0.6,
            &sure("check_payment_methods", 0.7),
            false
        ));
        for intent in ["track_order", "out_of_scope", "cancel_order"] {
            assert!(
                !weak_and_alone(Topic::Fraud, 0.6, &sure(intent, 0.99), false),
                "{intent}"
            );
        }
        // A sure complaint takes a weak topic in, upset or not; a strong one stays.
        assert!(weak_and_alone(
            Topic::Fraud,
            0.6,
            &sure("complaint", 0.99),
            true
        ));
        assert!(!weak_and_alone(
            Topic::Fraud,
            0.9,
            &sure("complaint", 0.99),
            true
        ));
        assert!(!weak_and_alone(
            Topic::Fraud,
            0.6,
            &sure("complaint", 0.6),
            true
        ));
        // A legal topic the models alone hear in a sure complaint is its words ("我要投诉");
        // a strong one, or one in a complaint the model is unsure of, stays.
        assert!(weak_and_alone(
            Topic::Legal,
            0.85,
            &sure("complaint", 1.0),
            false
        ));
        assert!(!weak_and_alone(
            Topic::Legal,
            0.95,
            &sure("complaint", 1.0),
            false
        ));
        assert!(!weak_and_alone(
            Topic::Legal,
            0.85,
            &sure("complaint", 0.6),
            false
        ));
        assert!(!weak_and_alone(
            Topic::Safety,
            0.85,
            &sure("complaint", 1.0),
            false
        ));
    }

    #[test]
    fn a_weak_takeover_or_fraud_topic_in_the_shoppers_own_account_task_is_noise() {
        let edit = sure("edit_account", 0.99);
        let declined = sure("payment_issue", 0.95);
        // The shopper's own task, nobody else named: the words are not a takeover or fraud.
        for (topic, prediction, text) in [
            (
                Topic::AccountTakeover,
                &edit,
                "how do I change the email on my account?",
            ),
            (Topic::AccountTakeover, &edit, "我想修改账号邮箱"),
            (
                Topic::Fraud,
                &declined,
                "my card was declined twice, can I pay with PayPal",
            ),
            (
                Topic::Fraud,
                &declined,
                "信用卡被拒了三次，你们支付页面是不是有问题",
            ),
        ] {
            assert!(
                own_account_or_payment(topic, 0.7, prediction, text),
                "{text}"
            );
        }
        // Someone else, something disowned, a strong topic, an unsure model, another topic
        // or another task: the topic stays.
        let someone = "someone changed the email on my account";
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.7,
            &edit,
            someone
        ));
        let disowned = "there's a payment on my card i never made";
        assert!(!own_account_or_payment(
            Topic::Fraud,
            0.7,
            &declined,
            disowned
        ));
        assert!(!own_account_or_payment(
            Topic::Fraud,
            0.7,
            &declined,
            "这笔扣款不是我付的"
        ));
        let own = "how do I change the email on my account?";
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.98,
            &edit,
            own
        ));
        for changed_by_another in ["我的账号绑定的手机号被人换了", "my ex knows my password"]
        {
            assert!(!own_account_or_payment(
                Topic::AccountTakeover,
                0.7,
                &edit,
                changed_by_another
            ));
        }
        // A strong topic yields only to a task the model is certain of.
        let locked = "账号被锁了 密码输错太多次了";
        let certain = sure("recover_password", 1.0);
        assert!(own_account_or_payment(
            Topic::AccountTakeover,
            0.95,
            &certain,
            locked
        ));
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.98,
            &certain,
            locked
        ));
        let only_sure = sure("recover_password", 0.92);
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.95,
            &only_sure,
            locked
        ));
        // Asked how to do it, the likelier account task is the shopper's own, up to a topic
        // the models are certain of; told, not asked, an unsure task keeps the topic.
        let unsure = sure("edit_account", 0.6);
        for asked in [
            own,
            "where do I change the password on my account",
            "我想 change my password 但是找不到 setting",
        ] {
            assert!(
                own_account_or_payment(Topic::AccountTakeover, 0.9, &unsure, asked),
                "{asked}"
            );
        }
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.98,
            &unsure,
            own
        ));
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.7,
            &sure("edit_account", 0.4),
            own
        ));
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.7,
            &unsure,
            "the email on my account is different now"
        ));
        assert!(!own_account_or_payment(
            Topic::Fraud,
            0.7,
            &sure("payment_issue", 0.6),
            "how do I check a charge on my card"
        ));
        assert!(!own_account_or_payment(
            Topic::DataProtection,
            0.7,
            &edit,
            own
        ));
        let track = sure("track_order", 0.99);
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.7,
            &track,
            own
        ));
    }

    #[test]
    fn goods_that_came_damaged_are_damage_not_a_weak_safety_topic() {
        let scores = || vec![(Topic::Safety, 0.51), (Topic::Damaged, 0.99)];
        let squashed = "the cap came all squashed and theres a rip along the brim";
        assert_eq!(
            pick(without_weak_safety_in_damage(scores(), squashed)),
            Some((Topic::Damaged, 0.99))
        );
        // A strong safety topic stays, and so does a weak one with no damage described.
        let strong = vec![(Topic::Safety, 0.9), (Topic::Damaged, 0.99)];
        assert_eq!(
            pick(without_weak_safety_in_damage(strong, squashed)),
            Some((Topic::Safety, 0.9))
        );
        let hurt = "my son's hand hurts after playing with the cap";
        assert_eq!(
            pick(without_weak_safety_in_damage(scores(), hurt)),
            Some((Topic::Safety, 0.51))
        );
    }

    #[test]
    fn a_plain_shop_question_is_not_a_topic_and_a_charge_nobody_made_is() {
        let alipay = Understanding::new(
            "你们支持支付宝付款吗",
            sure("check_payment_methods", 0.99),
            "zh",
        );
        assert_eq!(alipay.topic, None);
        let stock = Understanding::new(
            "is the steel bottle in stock?",
            sure("product_availability", 0.99),
            "en",
        );
        assert_eq!(stock.topic, None);
        let fraud = Understanding::new(
            "there's a charge from your shop on my card that i never made",
            sure("check_payment_methods", 0.95),
            "en",
        );
        assert_eq!(fraud.topic.map(|t| t.0), Some(Topic::Fraud));
    }

    #[test]
    fn a_weak_topic_yields_to_a_taught_shop_question_a_strong_one_does_not() {
        let taught_as = |similarity| {
            Some(Correction {
                id: 1,
                target: Target::Intent("check_payment_methods".into()),
                similarity,
            })
        };
        // The model reads "will my payment details be kept?" as a payment problem, unsure; the
        // topic model hears a weak data-protection request in it. An agent taught it as a
        // question about paying: then it is answered as one.
        let kept = "我的支付信息会被保存吗";
        let read = Understanding::new(kept, sure("payment_issue", 0.44), "zh");
        let (topic, p) = read.topic.expect("a topic heard in the words alone");
        assert!(topic.needs_a_person() && p < WEAK_TOPIC, "{topic:?} {p}");
        assert_eq!(read.as_taught(taught_as(1.0)).topic, None);
        // With more words the match is less close, and still the agent's reading.
        let variant = "请问我的支付信息会被保存吗";
        let read = Understanding::new(variant, sure("payment_issue", 0.4), "zh");
        assert!(read.topic.is_some());
        assert_eq!(read.as_taught(taught_as(0.7)).topic, None);
        // Collecting in person heard as a weak safety topic speaks of no harm: no topic.
        let collect = "could I swing by and grab my stuff in person";
        let read = Understanding::new(collect, sure("switch_account", 0.28), "en");
        assert_eq!(read.topic, None);
        // A threat stays a threat whatever was taught about the words around it.
        let threat = "your courier grabbed me and said he would hurt me if I complain";
        let read = Understanding::new(threat, sure("complaint", 0.5), "en");
        let heard = read.topic.map(|t| t.0);
        assert!(heard.is_some_and(|t| t.needs_a_person()), "{heard:?}");
        assert_eq!(read.as_taught(taught_as(1.0)).topic.map(|t| t.0), heard);
    }

    #[test]
    fn small_talk_raises_no_topic_but_a_threat_in_it_does() {
        // The topic model hears harassment (0.57) in "how's your day going", and the
        // frustration model a shopper upset: small talk alone is neither.
        for text in [
            "how's your day going",
            "hows your day going",
            "how are you today",
            "你今天过得怎么样",
        ] {
            let u = Understanding::new(text, sure("greeting", 0.6), "en");
            assert_eq!(u.topic, None, "{text}");
        }
        // With anything more it is not small talk, and the topic is weighed as ever.
        let threat = "how's your day going? I know where you live and I'm coming";
        assert!(!cues::is_small_talk(threat), "{threat}");
    }

    fn taught(target: Target) -> Option<Correction> {
        Some(Correction {
            id: 1,
            target,
            similarity: 0.87,
        })
    }

    #[test]
    fn a_taught_label_replaces_the_intent_and_keeps_slots_and_topics() {
        let u = Understanding::new(
            "can I collect order 1001 at your warehouse, jane@example.com",
            sure("out_of_scope", 0.8),
            "en",
        )
        .as_taught(taught(Target::Intent("delivery_options".into())));
        assert_eq!(u.prediction.intent, "delivery_options");
        assert_eq!(u.prediction.confidence, 0.87);
        assert_eq!(u.prediction.top.len(), 1, "nothing to ask back");
        assert_eq!(u.slot(SlotKind::OrderNumber), Some("1001"));
        assert_eq!(u.slot(SlotKind::Email), Some("jane@example.com"));
        // A sensitive topic stays whatever was taught.
        let fraud = Understanding::new(
            "there's a charge from your shop on my card that i never made",
            sure("check_payment_methods", 0.95),
            "en",
        )
        .as_taught(taught(Target::Intent("check_payment_methods".into())));
        assert_eq!(fraud.topic.map(|t| t.0), Some(Topic::Fraud));
    }

    #[test]
    fn a_request_for_a_person_stays_one_whatever_was_taught() {
        for intent in ["contact_human_agent", "delete_account"] {
            let u = Understanding::new("get me someone", sure(intent, 0.9), "en")
                .as_taught(taught(Target::Intent("track_order".into())));
            assert_eq!(u.prediction.intent, intent);
            assert_eq!(u.taught, None);
        }
        let faq = Understanding::new("do you gift wrap", sure("out_of_scope", 0.6), "en")
            .as_taught(taught(Target::Faq(7)));
        assert_eq!(
            faq.prediction.intent, "out_of_scope",
            "the entry is given later"
        );
        assert_eq!(faq.taught.map(|t| t.target), Some(Target::Faq(7)));
    }
}
