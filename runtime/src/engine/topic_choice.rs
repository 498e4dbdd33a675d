//! Which topic a message is about, from every topic model's probability: the likeliest one a
//! person must handle before any other, unless what the message says makes it only the
//! words of an ordinary shop message (a sure shop question, the shopper's own account or
//! payment, a question about a product, goods that came damaged…); and the topic a person
//! must handle it leans towards without reaching its cut-off. Pure: the scores come from
//! [`super::understand`], the keyword rules of [`super::policy`] are heard before any of this.

use kefu_intent::Prediction;
use kefu_intent::topics::Topic;

use super::cues;
use super::harm_cues;
use super::policy_cues;
use super::remark_words;
use super::topic_noise;

/// The topic of `text`: one a person must handle, if any reaches its cut-off, before any
/// other (a lid that broke and cut a hand is about safety before it is about a damaged
/// item); else the likeliest. A weak one alone does not override a sure shop question
/// ([`weak_and_alone`]).
pub(super) fn topic_of(
    text: &str,
    scores: &[(Topic, f32)],
    prediction: &Prediction,
    upset: bool,
) -> Option<(Topic, f32)> {
    pick(without_weak_safety_in_damage(scores.to_vec(), text)).filter(|&(t, p)| {
        !weak_and_alone(t, p, prediction, upset) && !words_only(t, p, prediction, text)
    })
}

/// Whether topic `t`, heard at `p` in `text`, is only the words of an ordinary message: a
/// shop task, a question before buying, the shopper's own affairs, small talk.
fn words_only(t: Topic, p: f32, prediction: &Prediction, text: &str) -> bool {
    (t == Topic::Safety
        && p < OWN_TASK_TOPIC
        && !harm_cues::speaks_of_harm(&super::policy::without_figures(text)))
        // "my sister bullied me into buying the cap and now I love it": goods praised, with
        // no harm beside the figure of speech.
        || (t == Topic::Safety
            && p < OWN_TASK_TOPIC_CERTAIN
            && remark_words::praises_the_goods(text)
            && !harm_cues::speaks_of_harm(&super::policy::without_figures(text)))
        || (p < WEAK_TOPIC && cues::is_small_talk(text))
        // "and remind me what I paid for it?": the order's total, with nobody else named and
        // nothing disowned.
        || (p < WEAK_TOPIC
            && super::order_paid::asks_what_was_paid(text)
            && !policy_cues::names_someone_else_or_disowns(text))
        || only_a_shop_tasks_words(t, p, prediction, text)
        || asks_if_it_is_safe(t, p, text)
        || asks_about_a_product(t, p, text)
        || asks_for_someone_with_a_condition(t, p, text)
        // "my baby spit up all over the hoodie, can it go in the washing machine?": how to
        // wash it, nobody hurt.
        || (t == Topic::Safety
            && p < OWN_TASK_TOPIC_CERTAIN
            && cues::asks_how_to_care(text)
            && !harm_cues::tells_of_harm_done(text))
        || topic_noise::own_affairs(t, p, text)
        || (t == Topic::AccountTakeover
            && p < OWN_TASK_TOPIC_CERTAIN
            && policy_cues::breached_elsewhere(text))
        || (t == Topic::Fraud
            && super::policy::misused_elsewhere_asks_how_to_pay(&text.to_lowercase()))
        // "who makes your t-shirts", "when's your next sale": a question that speaks of no one
        // bothering anyone and of no harm.
        || (t == Topic::Harassment
            && p < OWN_TASK_TOPIC
            && cues::is_a_question(text)
            && !cues::asks_why(text)
            && !topic_noise::speaks_of_harassment(&super::policy::without_figures(text))
            && !harm_cues::speaks_of_harm(text))
        // "didn't recognise the charge at first but it's my cap order, ignore me!": its "didn't
        // recognise" is taken back.
        || (t == Topic::Fraud && p < OWN_TASK_TOPIC_CERTAIN && policy_cues::owns_it_after_all(text))
        // "1001 arrived today, great job guys": goods came and are thanked for, nothing wrong
        // told; the models hear sarcasm about broken goods in such praise.
        || (t.is_delivery_problem() && policy_cues::glad_it_came(text))
        || (t.is_delivery_problem() && super::arrival_words::only_double_checks(text))
        || (t.is_delivery_problem()
            && p < OWN_TASK_TOPIC_CERTAIN
            && policy_cues::set_aside_as_come(text))
        || (p < OWN_TASK_TOPIC_CERTAIN && only_a_figure(t, text))
        // "退了以后信用卡上那笔22块的扣款多久能退回来": how long the money takes to come back,
        // the charge owned.
        || (t == Topic::Fraud
            && p < OWN_TASK_TOPIC_CERTAIN
            && super::refund_words::asks_how_long(text)
            && super::language::mentions(
                &text.to_lowercase(),
                &["退回来", "退回", "退了以后", "退款", "refund", "money back", "到账"],
            )
            && !policy_cues::names_someone_else_or_disowns(text))
}

/// Whether the legal, harassment or safety words in `text` are all figures of speech ("the
/// sky looks threatening", "should be illegal, it's so warm", "running the court", "my
/// wallet is bleeding"): with the figures gone ([`super::policy::without_figures`]), no
/// word of the topic is left and no keyword rule fires.
fn only_a_figure(t: Topic, text: &str) -> bool {
    let without = super::policy::without_figures(text);
    if without == text.to_lowercase() || super::policy::topic(&without).is_some() {
        return false;
    }
    match t {
        Topic::Legal => !super::language::mentions(
            &without,
            &[
                "law",
                "legal",
                "court",
                "sue",
                "suing",
                "lawyer",
                "attorney",
                "solicitor",
                "法",
                "律师",
                "起诉",
                "告你",
                "投诉",
            ],
        ),
        Topic::Harassment => !super::language::mentions(
            &without,
            &[
                "threat", "harass", "stalk", "follow", "scare", "afraid", "abuse", "威胁", "骚扰",
                "跟踪", "害怕", "恐吓",
            ],
        ),
        Topic::Safety => !harm_cues::speaks_of_harm(&without),
        _ => false,
    }
}

/// `scores` without a weak safety topic when the message describes goods that came damaged
/// ("the cap came all squashed and theres a rip along the brim"): the damage is what it
/// says. Harm named in words ("cut my hand", "burned") reaches a person by the keyword
/// rules of [`super::policy`] before any of this.
fn without_weak_safety_in_damage(scores: Vec<(Topic, f32)>, text: &str) -> Vec<(Topic, f32)> {
    // Harm told beside the damage ("snapped off and hit me in the eye. It's swollen shut")
    // keeps the safety topic, however weak.
    if !super::claim_words::describes_damage(text) || harm_cues::tells_of_harm_done(text) {
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
pub(super) const WEAK_TOPIC: f32 = 0.8;
/// The intent model's confidence from which a shop question is sure.
pub const SURE_INTENT: f32 = 0.9;

/// Whether a weak safety, fraud or data topic is a question before buying about whether a
/// product or paying is safe ("is the strap a choking hazard for toddlers?", "is paying
/// with Alipay safe on your site?", "付款安全吗？会不会泄露卡号"): nobody is hurt, nothing was
/// taken and no data asked for
/// ([`harm_cues::asks_if_safe`]).
fn asks_if_it_is_safe(t: Topic, p: f32, text: &str) -> bool {
    matches!(t, Topic::Safety | Topic::Fraud | Topic::DataProtection)
        && (t != Topic::DataProtection || policy_cues::worries_before_it_happens(text))
        && !harm_cues::tells_of_harm_done(text)
        // "is card payment on your site secure": asked before paying, however sure the
        // model is of fraud.
        && (p < OWN_TASK_TOPIC_CERTAIN || (t == Topic::Fraud && cues::is_a_question(text)))
        && harm_cues::asks_if_safe(text)
        && (!policy_cues::names_someone_else_or_disowns(text)
            || policy_cues::worries_before_it_happens(text))
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
            || cues::asks_about_fit(text)
            || (cues::asks_what_it_is_made_of(text) && !harm_cues::tells_of_harm_done(text)))
        && !policy_cues::names_someone_else_or_disowns(text)
}

/// Whether a safety topic short of certain is heard in a question about a product for
/// someone with a lasting condition ("my baby has allergies, is the cap machine washable?",
/// "我对羊毛过敏，卫衣有羊毛成分吗"), with no harm told beyond the condition: a question before
/// buying. "I'm allergic to nickel and the zip gave me a rash" tells of harm.
fn asks_for_someone_with_a_condition(t: Topic, p: f32, text: &str) -> bool {
    t == Topic::Safety && p < OWN_TASK_TOPIC_CERTAIN && harm_cues::a_condition_asked_about(text)
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
/// A sure request for a person with a weak topic is that request ("get me someone", "get
/// me a member of staff": the person head hears a person's matter in the words): a person
/// takes it either way, for the reason the shopper gave.
///
/// A legal topic the models alone hear in a sure complaint ("我要投诉你们的物流太慢了") is the
/// complaint's own words up to [`OWN_TASK_TOPIC`]: a lawyer, a court or a regulator named
/// reaches a person by the keyword rules first.
fn weak_and_alone(t: Topic, p: f32, prediction: &Prediction, upset: bool) -> bool {
    let sure = prediction.confidence >= SURE_INTENT;
    let intent = prediction.intent.as_str();
    let complaint = intent == "complaint";
    let asks_for_a_person = intent == "contact_human_agent";
    sure && ((p < WEAK_TOPIC
        && ((!upset && SHOP_QUESTIONS.contains(&intent)) || complaint || asks_for_a_person))
        || (complaint && t == Topic::Legal && p < OWN_TASK_TOPIC))
}

/// Whether topic `t` is heard only by the person head (its own model, in `own`, under its
/// cut-off) in a message that is something else the shopper plainly means:
/// - a complaint the intent model is sure of: the head hears a person's matter in a
///   complaint's words ("I am not happy with your service. Delivery is very slow",
///   "你们家客服态度太差了"). Taken in as the complaint, it reaches a person with its summary
///   either way;
/// - a greeting or a shopper looking around, chatting, nobody upset;
/// - a question about who answers ("wait - am I talking to an actual person right now?":
///   "person" is no personal data). It is answered plainly, with a person offered;
/// - a cancellation asked for in so many words ([`super::cancel_words`]);
/// - money back asked for in so many words, calmly, when the topic's own model hears almost
///   nothing ("it just doesn't suit me. Would it be possible to get my money back rather than
///   swap it?": the head hears money taken back as a charge disowned). Demanded by an upset
///   shopper ("forget it. just give me my money back … never shopping here again"), a person
///   takes it as the head says.
///
/// Harm, a threat or a lawyer said in words reach a person by the keyword rules first.
pub(super) fn head_alone_in_another_matter(
    t: Topic,
    own: &[(Topic, f32)],
    prediction: &Prediction,
    text: &str,
    upset: bool,
) -> bool {
    let head_alone = own.iter().any(|&(u, p)| u == t && p < 0.5);
    head_alone
        && ((prediction.intent == "complaint" && prediction.confidence >= SURE_INTENT)
            || super::honesty::asks_if_bot(text)
            // "hey there, how's your day going? must be busy with all the holiday orders": a
            // greeting the model is sure of, chatting, nobody upset.
            || (prediction.intent == "greeting" && prediction.confidence >= 0.6 && !upset)
            // "没事没事，就随便逛逛，你们店名还挺有意思的": looking around, chatting.
            || (super::remark_words::says_browsing(text) && !upset)
            // A story told laughing of a hack behind the shopper ("my phone got 'hacked' by my 6
            // year old who switched the language to korean 😂"); never harm or a threat, which
            // a nervous "lol" may hide.
            || (super::policy_cues::jokes(text)
                && !upset
                && super::aside_noise::a_hack_behind_them(text)
                && own.iter().any(|&(u, p)| u == t && p < 0.1))
            // "I placed an order for one of your bottles and I would rather not have it": a
            // cancellation asked for (the head hears an order the shopper disowns).
            || super::cancel_words::asks_to_cancel_an_order(text)
            || (super::refund_words::asks_for_money_back(text)
                && !upset
                && own.iter().any(|&(u, p)| u == t && p < 0.1)))
}

/// Whether topic `t`, safety or harassment that only the person head hears in `text` (or any
/// topic the head alone names), is an emergency at home told with no harm in it ("我爸突然
/// 住院了 这几天都在医院陪床 家里没人", "we had a fire at our apartment last night and nothing
/// can be delivered there"), or a shopper who fled someone and needs an order kept from them
/// ([`super::urgency_cues::flees_someone`]): the shopper's urgent situation, which a person
/// takes at raised priority, not someone to be told to call an ambulance.
pub(super) fn an_emergency_heard_as_harm(t: Topic, own: &[(Topic, f32)], text: &str) -> bool {
    let own_p = own.iter().find(|&&(u, _)| u == t).map_or(0.0, |&(_, p)| p);
    // A shopper who fled someone, heard as harm, harassment or by the person head alone.
    if super::urgency_cues::flees_someone(text)
        && t.needs_a_person()
        // Someone in the account or a charge disowned, that its own model hears, stays that.
        && (!matches!(t, Topic::Fraud | Topic::AccountTakeover) || own_p < 0.1)
    {
        return true;
    }
    // A fire at home that is over, the shopper safe elsewhere ("our flat caught fire last
    // night, everyone's ok"): heard as safety, it is urgent.
    if t == Topic::Safety && super::pressure_cues::a_fire_at_home_survived(text) {
        return true;
    }
    // A relative in hospital the shopper stays with, nothing else harmful told ("我妈住院了 我
    // 这段时间都在医院陪床 家里一直没人"): the safety model hears the hospital.
    let stays_with_someone_in_hospital = t == Topic::Safety
        && own_p < 0.8
        && super::language::mentions(
            &text.to_lowercase(),
            &[
                "陪床",
                "陪护",
                "in hospital with my",
                "at the hospital with my",
            ],
        );
    // Time pressured, told with a topic the person head alone names ("急 我现在人在机场 护照落在
    // 退回去的那件卫衣口袋里了!!" was named harassment).
    let pressed = own_p < 0.05
        && super::urgency_cues::names_a_deadline(text)
        && super::urgency_cues::needs_it_by(text);
    // Harm or a threat only the person head hears; or any topic the person head alone names
    // (its own model hears almost nothing: "家里出了点事 我这几天都在外地陪护 订单1002寄到
    // 家没人收" was named fraud, the nearest of nothing).
    ((matches!(t, Topic::Safety | Topic::Harassment) && own_p < 0.35)
        || stays_with_someone_in_hospital
        || (t.needs_a_person() && own_p < 0.05))
        && (super::urgency_cues::speaks_of_an_emergency(text) || pressed)
        && !harm_cues::speaks_of_harm(&without_a_stay_in_hospital(
            &super::policy::without_figures(text),
        ))
        && super::policy::topic(text).is_none()
        // Nothing of the shop's goods or people in it ("我爸用你们的保温杯泡茶喝完就进医院了",
        // "快递员这几天一直在我家楼下转悠"): those are the harm or the threat, which the
        // topic's own model hears ("那件卫衣是给我爸的 他下周要做手术" it does not).
        && (own_p < 0.05
            && !harm_cues::tells_of_harm_done(&without_a_stay_in_hospital(&text.to_lowercase()))
            || !super::language::mentions(
            &text.to_lowercase(),
            &[
                "你们", "杯", "卫衣", "帽", "t恤", "快递员", "司机", "骑手", "bottle", "hoodie", "cap",
                "tee", "shirt", "courier", "driver", "delivery guy", "delivery man", "your ",
            ],
        ))
}

/// `lower` without the words of a stay in hospital or a disaster at home, which tell where
/// someone is or why nothing can be delivered, not what hurt them.
fn without_a_stay_in_hospital(lower: &str) -> String {
    [
        "住院",
        "医院",
        "陪床",
        // Surgery to come ("他下周要做手术").
        "要做手术",
        "要动手术",
        "having surgery",
        "has surgery",
        "in hospital",
        "in the hospital",
        // "my mum's just been taken into hospital and I'm flying out tonight".
        "taken into hospital",
        "taken to hospital",
        "taken to the hospital",
        "hospitalised",
        "hospitalized",
        "an emergency",
        "fire at our",
        "fire at my",
        "fire in our",
        "fire in my",
        "house fire",
    ]
    .iter()
    .fold(lower.to_string(), |t, w| t.replace(w, " "))
}

/// From this probability (the cut-off is 0.5) a topic a person must handle is leant
/// towards: the calibrated models put most messages about it above 0.4 and ordinary shop
/// questions far below (`widget/model/topics/`, the held-out figures in docs/model-card.md).
pub const LEANING: f32 = 0.4;

/// The likeliest topic a person must handle that `text` leans towards without reaching its
/// cut-off, if none reached it.
/// The same words that make a topic noise ([`topic_of`]) make a leaning noise: deleting
/// from the wish list, changing the account's email, "is it safe to save my card?" or a
/// charge owned after all lean towards nothing.
pub(super) fn leaning_of(
    text: &str,
    scores: &[(Topic, f32)],
    prediction: &Prediction,
) -> Option<(Topic, f32)> {
    scores
        .iter()
        .copied()
        .filter(|(t, p)| t.needs_a_person() && (LEANING..0.5).contains(p))
        .filter(|&(t, p)| !words_only(t, p, prediction, text))
        .max_by(|a, b| a.1.total_cmp(&b.1))
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

#[cfg(test)]
#[path = "topic_choice_tests.rs"]
pub(crate) mod tests;
