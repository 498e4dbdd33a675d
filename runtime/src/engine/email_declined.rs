//! A shopper who will not give the order's email while a request on the order waits for it
//! ("nah not giving my email to a chatbot. you've got the order number", "why would you need
//! my email", "不想给邮箱"). Pure.
//!
//! Not knowing which email it was, or refusing it: a person takes the request at once and
//! checks the order is theirs another way. Only asked why (or whether it is needed): the bot
//! says why it needs it (that is how it checks the order is theirs; money and addresses move
//! only for the owner) and offers a person, the request still waiting. Refused after that: a
//! person takes the request with what is known, rather than the bot asking a third time or
//! asking "which of these do you mean?". (A tracking number's email refused is explained
//! first: the order's status is shown without it.)

use super::claims;
use super::context::TurnContext;
use super::decision::{Decision, Pending, ask, hand_off};
use super::labels;
use super::language::mentions;
use super::ownership;
use super::replies::{self, Lang, Line};
use super::routing::TRACK_ORDER;
use super::understand::Understanding;

/// Why a person checks the order another way: the shopper does not know the email.
const UNKNOWN: &str =
    "the shopper does not know or cannot reach the email the order was placed with";
/// Why a person checks the order another way: the shopper will not give the email.
pub(super) const DECLINED: &str = "the shopper would rather not give the order's email";

/// The answer to a message that declines to give the order's email (or asks why it is
/// needed) while a request on the order waits for it, or that gives the order number asked
/// for with word that the email is not known; `None` for any other message.
pub fn declined(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    // The number asked for, given with word that the email is not known ("1004号订单。邮箱我
    // 不记得了，好像是sam开头的？"): asking for the email next cannot help.
    // So does the number given with the email refused ("it's #1004 but honestly I'd rather
    // not type my email into a chat window, is there another way").
    let unknown = does_not_know_the_email(&u.text);
    if let Some(intent) = ctx.conversation.pending_intent.as_deref()
        && let Some(order) = u.slot(kefu_intent::slots::SlotKind::OrderNumber)
        && u.slot(kefu_intent::slots::SlotKind::Email).is_none()
        && ctx.pending.order_number.is_none()
        && ownership::verified(ctx).is_none()
        && (claims::what(intent).is_some() || ctx.served(intent).is_some_and(|s| s.needs_owner()))
        && (unknown
            || ((!asks_why_the_email(&u.text) || refuses_outright(&u.text))
                && declines_the_email(&u.text)))
        // Of the email, in so many words: "1004. I can't find it anywhere" is the parcel.
        && speaks_of_the_email(&u.text)
    {
        let why = if unknown { UNKNOWN } else { DECLINED };
        return Some(to_a_person(intent, order, why, u.lang));
    }
    let (intent, order) = ownership::email_awaited(ctx, u)?;
    let lang = u.lang;
    if intent == TRACK_ORDER {
        return tracking_declined(ctx, u, order);
    }
    let needs_owner = ctx.served(intent).is_some_and(|s| s.needs_owner());
    if !needs_owner && claims::what(intent).is_none() {
        return None;
    }
    let explained = ctx.last_bot.as_ref().is_some_and(|(text, _)| {
        ctx.is_line(text, Line::EmailStillNeeded, lang)
            || ctx.is_line(text, Line::ClaimNeedsEmail, lang)
    });
    // Asked for it, "I don't remember" is the email not known ("真的不记得了 sorry. can't you
    // just go by the order number?").
    let unknown = does_not_know_the_email(&u.text) || forgot_it(u);
    // Told the email did not match, the shopper who says it is the only one they have
    // ("that's the only email I have, what do you mean it doesn't match?") cannot give
    // another: a person checks another way.
    let refused_before = ctx
        .last_bot
        .as_ref()
        .is_some_and(|(text, _)| ctx.is_line(text, Line::OwnershipNotProven, lang));
    let disputes = refused_before && disputes_the_mismatch(&u.text);
    let unknown = unknown || disputes;
    // Asked whether it is needed ("is that fixable? do you need my email or something"):
    // the question is answered by asking for it, the request still waiting.
    let asks_if_needed = asks_if_the_email_is_needed(&u.text);
    // ("邮箱就不给了吧 订单号还不够吗" refuses it outright, in words the declines do not hold.)
    if !(unknown
        || asks_if_needed
        || declines_the_email(&u.text)
        || (refuses_outright(&u.text) && speaks_of_the_email(&u.text))
        || (explained && still_declines(&u.text)))
    {
        return None;
    }
    // Refused (not asked why, nor whether it is needed): a person takes the request at once
    // and checks the order is theirs another way ("邮箱不方便给，你直接帮我改不就行了", "it's
    // #1004 but honestly I'd rather not type my email into a chat window, is there another
    // way"); only a question is answered with why it is needed. Asked why and refused in the
    // same message ("why do you need my email, you've got the order number. I'd rather not
    // put it in a chat window"), it is refused.
    // (Refused of the email itself: "the fabric is just not comfortable, that's why I'm
    // sending it back" gives a reason, not a refusal, and is explained to.)
    let refused = refuses_the_email(&u.text);
    if explained || unknown || refused {
        let why = if unknown { UNKNOWN } else { DECLINED };
        return Some(to_a_person(intent, order, why, lang));
    }
    let line = if claims::what(intent).is_some() {
        Line::ClaimNeedsEmail
    } else {
        Line::EmailStillNeeded
    };
    let pending = Pending {
        order_number: Some(order.to_string()),
        ..Pending::default()
    };
    Some(ask(intent, line, lang, pending))
}

/// The answer to a message that declines the email an order's carrier and tracking number
/// wait for, its status shown ("I'm not handing my email to a chat window, the order number
/// should be plenty", "邮箱？为什么要邮箱"): why it is needed and a person offered; declined
/// again after that ("不给，你直接把单号发我就行", "fine. how else do I reach you then"), or
/// the email not known, a person takes it. `None` for any other message.
fn tracking_declined(ctx: &TurnContext, u: &Understanding, order: &str) -> Option<Decision> {
    let lang = u.lang;
    // Told with an apology after it, in either language ("…用其他方式确认。给您带来不便非常抱歉。").
    let explained = ctx.last_bot.as_ref().is_some_and(|(text, _)| {
        [super::replies::Lang::En, super::replies::Lang::Zh]
            .into_iter()
            .any(|l| ctx.opens_with_line(text, Line::TrackingNeedsEmail, l))
    });
    // (Only not knowing which email it was: a tracking number's email merely forgotten
    // leaves the status shown and the person offered, as the shopper can still look it up.)
    let unknown = does_not_know_the_email(&u.text);
    let declines = declines_the_email(&u.text) || refuses_outright(&u.text);
    // Declined with another way asked in the same breath ("i'd rather not put my email in a
    // chat window sorry. anything else you can do?", "邮箱不方便给 你就告诉我包裹现在在哪就
    // 行"): the bot has no other way, a person has.
    let another_way = declines && asks_for_another_way(&u.text);
    if unknown || another_way || (explained && (declines || still_declines(&u.text))) {
        let why = if unknown { UNKNOWN } else { DECLINED };
        return Some(to_a_person(TRACK_ORDER, order, why, lang));
    }
    if !declines && !asks_if_the_email_is_needed(&u.text) {
        return None;
    }
    let pending = Pending {
        order_number: Some(order.to_string()),
        ..Pending::default()
    };
    Some(ask(TRACK_ORDER, Line::TrackingNeedsEmail, lang, pending))
}

/// Whether `text` refuses the order's email, not only asks why or whether it is needed
/// ("邮箱不方便给，你直接帮我改不就行了"; "邮箱不想给，取消个订单为什么还要邮箱？" refuses it, whatever
/// it asks), speaking of the email (or a short "not giving it").
pub fn refuses_the_email(text: &str) -> bool {
    // Short: six words, or twelve characters of Chinese run together.
    let short = text.split_whitespace().count() <= 6 && text.chars().count() <= 40;
    let outright = refuses_outright(text);
    let of_the_email = speaks_of_the_email(text) || (outright && short);
    (outright || !(asks_why_the_email(text) || asks_if_the_email_is_needed(text))) && of_the_email
}

/// Whether `text` speaks of the email in so many words ("email", "邮箱", "inbox").
fn speaks_of_the_email(text: &str) -> bool {
    mentions(&text.to_lowercase(), &["email", "e-mail", "邮箱", "inbox"])
}

/// Whether `u`, asked for the email, says it is forgotten and gives none ("真的不记得了 sorry.
/// can't you just go by the order number?").
fn forgot_it(u: &Understanding) -> bool {
    u.slot(kefu_intent::slots::SlotKind::Email).is_none()
        && mentions(
            &u.text.to_lowercase(),
            &[
                "不记得",
                "记不清",
                "想不起来",
                "no idea",
                "don't remember",
                "dont remember",
                "can't remember",
                "cant remember",
                "forgot it",
                "forgotten it",
            ],
        )
}

/// `intent` on `order` handed to a person who checks another way that the order is the
/// shopper's, `why` the email could not prove it.
pub fn to_a_person(intent: &str, order: &str, why: &str, lang: Lang) -> Decision {
    let what = claims::what(intent)
        .map(str::to_string)
        .or_else(|| labels::label(intent, Lang::En).map(str::to_lowercase))
        .unwrap_or_else(|| intent.replace('_', " "));
    let reason = format!("{what}, order {order}; {why}: check it is theirs another way");
    Decision {
        intent: intent.to_string(),
        ..hand_off(Line::EmailDeclinedHandoff, lang, &reason, 0)
    }
}

/// Whether `text` declines to give the email, or asks why it is needed ("not giving my
/// email to a chatbot", "why would you need my email, you've got the order number", "不想给
/// 邮箱", "要邮箱干嘛").
pub fn declines_the_email(text: &str) -> bool {
    let lower = text.to_lowercase();
    asks_why_the_email(&lower)
        || mentions(&lower, REFUSALS)
        || mentions(
            &lower,
            &[
                "not typing",
                "not entering",
                "not putting",
                "not sending",
                "not telling you",
                "none of your business",
                "number is right there",
                // Uneasy about it, or another way asked for ("I'm really not comfortable
                // with that. Is there some other way to do this?").
                "not comfortable",
                "rather not type",
                "rather not put",
                "some other way",
                "another way to do this",
                // "I'd rather not. Is there another way?", "那算了，还有别的路子吗".
                "is there another way",
                "any other way",
                "别的路子",
                "别的办法",
                // "邮箱不太方便说，你就按订单号改呗" (not "在开会不方便说话").
                "不方便说，",
                "不方便说,",
                "就按订单号",
                "直接按订单号",
                // "邮箱?你们后台看不到吗": the shop's own records, asked why they are not
                // enough.
                "后台看不到",
                "后台查不到",
                "后台没有",
                "how else",
                "order number enough",
                "不放心",
                "number's right there",
                "numbers right there",
            ],
        )
        || mentions(
            &lower,
            &[
                "not gonna give",
                "rather not give",
                "rather not share",
                "don't want to give",
                "dont want to give",
                "do not want to give",
                "not sharing",
                "won't share",
                "wont share",
                "why do you need my email",
                "why would you need my email",
                "why do you need an email",
                "why do you need the email",
                "why do you need my e-mail",
                "why does it need my email",
                "why the email",
                "you've got the order number",
                "youve got the order number",
                "you have the order number",
                "you already have the order number",
                "use the order number",
                "不给你",
                "不想提供",
                "不提供邮箱",
                "不告诉你",
                "为什么要邮箱",
                "为什么要我的邮箱",
                "为什么需要邮箱",
                "为什么还要邮箱",
                "为啥要邮箱",
                "要邮箱干嘛",
                "要邮箱干什么",
                "干嘛要邮箱",
                "订单号不就行了",
                "有订单号还不够",
            ],
        )
}

/// Whether `text` asks whether the email is needed ("do you need my email or something",
/// "要我邮箱吗"), refusing nothing.
fn asks_if_the_email_is_needed(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(
        &lower,
        &[
            "do you need my email",
            "do u need my email",
            "you need my email?",
            "need my email or",
            "need the email?",
            "need an email?",
            "want my email?",
            "要我邮箱吗",
            "要我的邮箱吗",
            "要邮箱吗",
            "需要邮箱吗",
            "需要我的邮箱吗",
            "需要我邮箱吗",
        ],
    ) && !lower.contains("why")
        && !lower.contains("为什么")
}

/// Whether `text` asks why the email is wanted, in any words ("why do u need my email for
/// that", "为啥要我邮箱"), asked while it is.
fn asks_why_the_email(text: &str) -> bool {
    let lower = text.to_lowercase();
    (super::language::says_word(&lower, &["why", "y"])
        && mentions(&lower, &["need", "want", "require", "ask for"])
        && mentions(&lower, &["email", "e-mail", "mail", " it", "that"]))
        || (mentions(&lower, &["为什么", "为啥", "干嘛", "干什么"]) && lower.contains("邮箱"))
}

/// Refusals of the email that [`declines_the_email`] and [`refuses_outright`] both hear.
const REFUSALS: &[&str] = &[
    "not giving",
    // "dont really wanna give my email sorry. why does it matter".
    "dont wanna give",
    "don't wanna give",
    "dont really wanna give",
    "don't really wanna give",
    "dont really want to give",
    "don't really want to give",
    "not really wanna give",
    "won't give",
    "wont give",
    "not going to give",
    "not handing",
    "不想给",
    "不方便给",
];

/// Whether `text` refuses the email in so many words, whatever else it asks ("I'd rather
/// not put it in a chat window", "不给", "not giving it").
fn refuses_outright(text: &str) -> bool {
    let lower = text.to_lowercase();
    // (Not "给不给退款", "不给力".)
    let lower = lower
        .replace("给不给", " ")
        .replace("不给力", " ")
        .replace("不给退", " ");
    // "nah, I'd rather not": said alone, of the email asked for.
    let short_rather_not = lower.contains("rather not") && lower.split_whitespace().count() <= 6;
    short_rather_not
        || mentions(&lower, REFUSALS)
        || mentions(
            &lower,
            &[
                "rather not give",
                "rather not type",
                "rather not put",
                "rather not share",
                "rather not send",
                "rather not enter",
                "不给",
                "不想给",
                "不愿意给",
                "不方便给",
            ],
        )
}

/// [`does_not_know_the_email`] of `text` without the emails it gives ("@gmail.com" says no
/// "mail") nor a thing forgotten to say ("忘了说，邮箱是…"): an email given with word that the
/// shopper does not know which it was.
pub fn does_not_know_the_email_given(text: &str) -> bool {
    // Each email cut out where it stands, whatever is written around it ("可能是liwei88@qq.com？").
    let in_email = |c: char| c.is_ascii_alphanumeric() || "._+-".contains(c);
    let mut without = text.to_string();
    while let Some(at) = without.find('@') {
        let start = without[..at].rfind(|c: char| !in_email(c)).map_or(0, |i| {
            i + without[i..].chars().next().map_or(1, char::len_utf8)
        });
        let end = without[at + 1..]
            .find(|c: char| !in_email(c))
            .map_or(without.len(), |i| at + 1 + i);
        without.replace_range(start..end, " ");
    }
    let without = without.replace("忘了说", " ").replace("forgot to say", " ");
    does_not_know_the_email(&without)
}

/// Whether `text` says the shopper does not know which email the order was placed with
/// ("no idea which email I used tbh, I have like four", "邮箱我真记不清是哪个了"), or cannot
/// reach it ("I don't have access to that inbox anymore"): asking again cannot help, so a
/// person takes the request at once.
pub fn does_not_know_the_email(text: &str) -> bool {
    let lower = text.to_lowercase();
    let unsure = mentions(
        &lower,
        &[
            // Which or what email ("no clue what email he used tbh").
            "no idea",
            "no clue",
            "not sure which",
            "not sure what",
            "don't know which",
            "dont know which",
            "don't know what",
            "dont know what",
            "do not know which",
            "do not know what",
            "can't find",
            "cant find",
            "cannot find",
            "couldn't find",
            "couldnt find",
            "don't remember",
            "dont remember",
            "can't remember",
            "cant remember",
            "forgot which",
            "forgotten which",
            "no clue which",
            "记不清",
            "不记得",
            "想不起来",
            "忘了",
            "忘记了",
            "不知道是哪个",
            // "邮箱不知道，是我老婆用她手机下的单".
            "邮箱不知道",
            "不知道邮箱",
            "不知道她的邮箱",
            "不知道他的邮箱",
            // "那可能是我老公下的单，我不知道他用的什么邮箱".
            "不知道他用的什么",
            "不知道她用的什么",
            "不知道他用的哪个",
            "不知道她用的哪个",
            "不知道用的什么邮箱",
            "不确定是哪个",
            "找不到",
            // Or knows it and cannot reach it ("I don't have access to that inbox anymore,
            // it was my old work one").
            "have access",
            "no access",
            "no longer have",
            // "I don't have that email anymore, it was an old uni account".
            "don't have that email",
            "dont have that email",
            "don't use that email",
            "dont use that email",
            "can't access",
            "cant access",
            "cannot access",
            "lost access",
            // "no, I really can't get it, she's travelling".
            "can't get it",
            "cant get it",
            "can't get hold of",
            "cant get hold of",
            "can't get into",
            "cant get into",
            "can't log into",
            "cant log into",
            "登不上",
            "登录不了",
            "进不去",
            "用不了",
        ],
    );
    let of_the_email = mentions(
        &lower,
        &[
            "email",
            "e-mail",
            "mail",
            "邮箱",
            "inbox",
            // "I'm not sure which address it was under, my brother bought it for me".
            "which address",
            "which one",
            "哪个",
            "好几个",
            // Asked for it, the email is "it" ("no, I really can't find it and he's away").
            "find it",
            "get it",
            "get hold of",
            "he used",
            "she used",
            "they used",
            // "hmm no idea then, maybe my work one. I really don't remember".
            "my work one",
            "my old one",
            "my other one",
        ],
    );
    // The address itself gone ("no I really don't have it, the company shut it down"), no
    // goods spoken of ("it says delivered but I don't have it").
    let gone = mentions(&lower, &["don't have it", "dont have it", "do not have it"])
        && mentions(
            &lower,
            &[
                "shut",
                "closed",
                "deleted",
                "anymore",
                "any more",
                "old work",
                "no longer",
            ],
        )
        && !mentions(
            &lower,
            &[
                "deliver",
                "arrive",
                "parcel",
                "package",
                "sent it back",
                "return",
                "收到",
                "到货",
            ],
        );
    (unsure && of_the_email) || gone
}

/// Whether `text` holds to the email the bot could not match ("that's the only email I
/// have", "what do you mean it doesn't match?", "不对吗？就是这个啊").
pub fn disputes_the_mismatch(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "only email",
            "only one i have",
            "only address i have",
            "doesn't match",
            "doesnt match",
            "does not match",
            "didn't match",
            "what do you mean",
            "that's my email",
            "thats my email",
            "that is my email",
            "it is my email",
            "it's my email",
            "definitely the one",
            "不对吗",
            "怎么会不对",
            "就是这个",
            "没错啊",
            "明明是",
            "就这一个",
            // "就这个邮箱啊，别的我没有", "that's the one I always use".
            "就这个邮箱",
            "就这个啊",
            "别的我没有",
            "没有别的",
            "只有这个",
            "只有这一个",
            "one i always use",
            "the one i use",
            "don't have another",
            "dont have another",
            "no other email",
            "haven't got another",
        ],
    )
}

/// Whether `text`, giving another email after one did not match, doubts it too ("hmm or
/// samuel@example.com? I have like four emails", "那可能是 sam@example.com 吧，我记不清了"):
/// when it does not match either, a person checks another way rather than the shopper
/// guessing on.
pub fn doubts_the_email_given(text: &str) -> bool {
    does_not_know_the_email(text)
        || mentions(
            &text.to_lowercase(),
            &[
                "maybe",
                "or maybe",
                "hmm or",
                "i think",
                "not sure",
                "like four",
                "several emails",
                "so many emails",
                "a few emails",
                "可能",
                "也许",
                "好像",
                "试试",
                "好几个",
            ],
        )
}

/// Whether `text` keeps declining after the bot said why it needs the email ("still no",
/// "nope", "还是不给", "no. just refund it or tell me who can").
fn still_declines(text: &str) -> bool {
    let bare = replies::bare(text);
    let first = text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_string);
    let insists = mentions(
        &text.to_lowercase(),
        &[
            "just refund",
            "just do it",
            "just cancel",
            "who can",
            "just process",
        ],
    );
    (insists && matches!(first.as_deref(), Some("no" | "nope" | "nah")))
        || [
            "no",
            "nope",
            "nah",
            "still no",
            "still not",
            "no thanks",
            "not happening",
            "不",
            "不要",
            "还是不给",
            "不给",
        ]
        .contains(&bare.as_str())
        // Another way asked, after why the email is needed was told ("那还有别的办法吗 if you
        // won't show it without the email").
        || asks_for_another_way(text)
}

/// Whether `text` asks what else can be done without the email ("anything else you can do?",
/// "is there another way", "你就告诉我包裹现在在哪就行").
fn asks_for_another_way(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "anything else you can do",
            "something else you can do",
            "anything else you could do",
            "another way",
            "any other way",
            "some other way",
            "other options",
            "别的办法",
            "其他办法",
            "别的方法",
            "其他方法",
            "其他方式",
            "别的方式",
            "你就告诉我",
            "直接告诉我",
        ],
    )
}

#[cfg(test)]
#[path = "email_declined_tests.rs"]
mod tests;
