//! What goes to a person before the bot answers: an explicit request for one, a policy
//! topic (the keyword rules, a request that is itself one, the topic models), the merchant's
//! own handoff phrases; a topic raised while a person is already asked for, added to the
//! reason; and a message leaning towards a policy topic when the bot has no answer of its
//! own. Pure: the decision (`decide.rs`) asks these first.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState;

use super::context::TurnContext;
use super::decision::{Decision, hand_off};
use super::handoff;
use super::honesty;
use super::person_words;
use super::plan::Escalation;
use super::policy;
use super::policy_cues;
use super::replies::{self, Lang, Line};
use super::understand::Understanding;
use super::urgency_cues;

/// An explicit request for a person, a policy topic or one of the merchant's own handoff
/// phrases: a person takes over at once (honestly, if nobody is there).
pub(super) fn to_a_person(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let lang = u.lang;
    // "Are you a real person?" is a question, not a request: it is answered, unless the
    // message asks for a person as well.
    let asks_if_bot = honesty::asks_if_bot(&u.text);
    let asks = if asks_if_bot {
        honesty::also_asks_for_a_person(&u.text)
            // "so you're not a person. can I get one then?": told, and the offer taken.
            || (a_person_offered(ctx) && accepts_the_offer(&u.text))
    } else {
        replies::asks_for_human(&u.text)
            || person_words::asks_for_a_person(&u.text)
            // (The model's reading alone, of an order's whereabouts asked with no word of a
            // person, is no request: "actually forget that — what's happening with order
            // 1004".)
            || (u.prediction.intent == "contact_human_agent"
                // "you have both, please don't ask again": what was told, pointed at.
                && (!super::told_words::says_already_told(&u.text)
                    || super::language::mentions(
                        &u.text.to_lowercase(),
                        &["escalate", "manager", "supervisor", "升级", "投诉"],
                    ))
                && !(u.slot(kefu_intent::slots::SlotKind::OrderNumber).is_some()
                    && super::delivery_words::asks_its_status(&u.text))
                // Weakly read, of the shop's goods, with nobody named ("trying to decide if I
                // need a hoodie or a proper coat"): the goods are the matter.
                && !(u.prediction.confidence < 0.3
                    && ctx.names_product
                    && !names_anyone(&u.text))
                // Weakly read, a calm question about something of the shop's with nobody named
                // ("哈哈没事 就问问你们双十二有活动吗", "Is there a way to get it made out to the
                // company rather than to me personally?"): the question is the matter.
                // (Not pressed after a person was offered: "so can you sort it or not".)
                && !(u.prediction.confidence < 0.6
                    && !u.upset
                    && !a_person_offered(ctx)
                    && asks_after_a_filler(&u.text)
                    && !names_anyone(&u.text.to_lowercase().replace("personally", " "))
                    && !super::language::mentions(
                        &u.text.to_lowercase(),
                        &["help me", "帮我", "联系", "contact", "talk", "speak", "call", "chat"],
                    ))
                // "行吧，机器人也行，帮我看下帽子还有没有货": the bot taken as it is.
                && !super::language::mentions(
                    &u.text.to_lowercase(),
                    &[
                        "机器人也行",
                        "机器人就行",
                        "机器人也可以",
                        "bot is fine",
                        "bot's fine",
                        "bot is ok",
                        "bot's ok",
                    ],
                )
                || super::language::mentions(&u.text, &["不是机器人", "行不通", "行不了"]))
            || (a_person_offered(ctx)
                && (accepts_the_offer(&u.text) || thanks_sarcastically(&u.text)))
    };
    // Given up on the bot after it failed and offered a person ("我都问三遍了！！！" → "算了"):
    // the person takes it, so the shopper is not left with nothing.
    let gave_up = !asks
        && a_person_offered(ctx)
        && ctx.last_intent() != Some("bot_identity")
        && gives_up(&u.text);
    let d = if gave_up {
        hand_off(
            Line::HandoffRequested,
            lang,
            "gave up after the bot could not help",
            1,
        )
    } else if asks {
        // Asked for a person about what a person must take anyway (a policy topic, or a
        // sudden emergency at home): the reason names it, so the agent sees what it is and
        // takes it sooner. The request is honoured the same.
        // A topic the person head alone named is its echo of the request, no reason of
        // its own: the request is the reason.
        let echo = policy::topic(&u.text).is_none()
            && u.topic.is_some_and(|(t, _)| t.needs_a_person())
            && u.topic_by_the_head_alone();
        if let Some(reason) = policy_reason(ctx, u)
            .filter(|&r| !(echo && u.topic.is_some_and(|(t, _)| policy::reason_for(t) == r)))
        {
            policy_handoff(lang, reason)
        } else if urgency_cues::speaks_of_an_emergency(&u.text)
            || u.topic.is_some_and(|(t, _)| t == Topic::Urgent)
        {
            hand_off(
                Line::HandoffRequested,
                lang,
                "urgent: time-critical for the shopper",
                1,
            )
        } else {
            hand_off(
                Line::HandoffRequested,
                lang,
                "asked for a human",
                u32::from(u.upset),
            )
        }
    } else if let Some(reason) = policy_reason(ctx, u) {
        policy_handoff(lang, reason)
    } else {
        let lower = u.text.to_lowercase();
        let phrase = ctx
            .settings
            .handoff_phrases
            .iter()
            .find(|p| !p.is_empty() && lower.contains(p.as_str()))?;
        let reason = format!("policy: the shop's list (\"{phrase}\")");
        hand_off(Line::PolicyHandoff, lang, &reason, 2)
    };
    let mut d = handoff::unless_nobody_is_there(ctx, d, lang);
    // Asked who answers as well, or someone real asked for before the bot said what it is
    // ("ok fine. is there anyone with a pulse I could talk to then"): said plainly, before
    // the handoff's own words.
    let doubted =
        asks && honesty::asks_for_a_real_one(&u.text) && ctx.last_intent() != Some("bot_identity");
    if asks_if_bot || doubted {
        let sep = if lang == Lang::En { " " } else { "" };
        let said = ctx
            .wording(Line::BotDisclosureShort, lang)
            .unwrap_or(replies::text(Line::BotDisclosureShort, lang));
        d.text = format!("{said}{sep}{}", d.text);
    }
    Some(d)
}

/// Whether `text` names someone who could answer ("someone", "your team", "客服").
fn names_anyone(text: &str) -> bool {
    super::language::says_word(&text.to_lowercase(), &["rep", "reps"])
        || super::language::mentions(
            &text.to_lowercase(),
            &[
                "someone",
                "somebody",
                "anyone",
                "anybody",
                "person",
                "human",
                "staff",
                "team",
                "agent",
                "people",
                "manager",
                "supervisor",
                "colleague",
                "employee",
                "人",
                "客服",
                "同事",
                "老板",
                "主管",
            ],
        )
}

/// Whether `text` asks something in any clause, also after a filler that opens it ("ok is
/// there a way to get pinged or do I just stalk the page every morning").
fn asks_after_a_filler(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let rest = [
        "ok ", "okay ", "so ", "and ", "hmm ", "haha ", "lol ", "well ", "oh ",
    ]
    .iter()
    .find_map(|f| lower.strip_prefix(f))
    .unwrap_or(&lower);
    super::cues::asks_in_any_clause(text) || super::cues::asks_in_any_clause(rest)
}

/// Whether the bot's last message offered a person ("…or get you someone from our team right
/// away", "Would you like a human to help?"), in the merchant's words or its own.
fn a_person_offered(ctx: &TurnContext) -> bool {
    let Some((said, intent)) = &ctx.last_bot else {
        return false;
    };
    const OFFERS: &[Line] = &[
        Line::BotDisclosure,
        Line::OfferHuman,
        Line::FrustrationOffer,
        Line::CannotHandleYet,
        Line::PluginFailed,
        // "…If you'd rather not give it, a person from our team can check another way."
        Line::TrackingNeedsEmail,
    ];
    intent.as_deref() == Some("bot_identity")
        || [Lang::En, Lang::Zh].into_iter().any(|lang| {
            OFFERS.iter().any(|&line| {
                let offer = ctx.wording(line, lang).unwrap_or(replies::text(line, lang));
                said.contains(offer.trim())
            })
        })
}

/// Whether `text` takes up a person offered ("then get me one", "yes please", "那给我找一个"):
/// not a bare "ok", which only acknowledges.
fn accepts_the_offer(text: &str) -> bool {
    let bare = text
        .trim()
        .trim_end_matches(['.', '!', '。', '！', ' '])
        .to_lowercase();
    // "gimme one sec, looking for the order number": a moment asked, not the person.
    if super::language::mentions(&bare, &["one sec", "one second", "one min", "one moment"]) {
        return false;
    }
    matches!(
        bare.as_str(),
        "gimme one" | "then gimme one" | "ok gimme one"
    ) || matches!(
        bare.as_str(),
        "yes"
            | "yes please"
            | "yes pls"
            | "yeah"
            | "yep"
            | "please"
            | "please do"
            | "sure"
            | "do it"
            | "go ahead"
            | "要"
            | "是的"
            | "需要"
            | "好的麻烦了"
            | "麻烦了"
            | "转吧"
    ) || super::language::mentions(
        &bare,
        &[
            "get me one",
            // "so you're not a person. can I get one then?"
            "can i get one",
            "can i have one",
            "get one then",
            "give me one",
            "i'll take one",
            "get me someone",
            "get me a person",
            "get me a human",
            "get me a real",
            // "so I'm talking to a program. can you get Sandra then, or whoever took over from
            // her".
            "whoever took over",
            "找一个",
            "找个人",
            "找个真人",
            "帮我转",
            "给我转",
        ],
    ) || says_yes_first(&bare)
        || wants_one(&bare)
        // "fine. then what happens now": what next, asked of the one offered.
        || matches!(
            bare.trim_start_matches("fine").trim_start_matches(['.', ',', ' ']),
            "then what happens now"
                | "what happens now"
                | "so what happens now"
                | "ok what happens now"
                | "then what"
                | "now what"
                | "what now"
                | "what are my options then"
                | "then what are my options"
                | "那怎么办"
                | "那现在怎么办"
                | "那然后呢"
        )
        // "so if i want a real one what do i do": the one offered, asked how to get (not "nah
        // i don't want a real one").
        || (super::language::mentions(
            &bare,
            &["want a real one", "get a real one", "talk to a real one"],
        ) && !super::language::says_word(&bare, &["don't", "dont", "not", "no", "nah"]))
}

/// Whether `bare` says it would like the one offered and nothing more ("Then I'd like one.
/// Please.", "i want one then"; not "i'd like one in navy", the goods).
fn wants_one(bare: &str) -> bool {
    [
        "i'd like one",
        "id like one",
        "i would like one",
        "i want one",
        "i'll have one",
    ]
    .iter()
    .any(|w| {
        bare.match_indices(w).any(|(at, _)| {
            // Only after a word of assent, nothing else said before it ("lol ok. the navy cap
            // is cute, i want one" wants the cap).
            let before = bare[..at].trim_matches(|c: char| !c.is_alphanumeric());
            if !matches!(
                before,
                "" | "then"
                    | "ok"
                    | "ok then"
                    | "okay"
                    | "okay then"
                    | "yes"
                    | "yeah"
                    | "sure"
                    | "fine"
                    | "fine then"
                    | "well then"
                    | "right then"
            ) {
                return false;
            }
            let rest = bare[at + w.len()..].trim_matches(|c: char| !c.is_alphanumeric());
            matches!(
                rest,
                "" | "please" | "pls" | "then" | "then please" | "thanks" | "thank you"
            )
        })
    })
}

/// Whether `bare` opens with a yes and only says more of the person it wants ("对，人，活的那
/// 种", "yes, a real one", "是的 要人工"): nothing asked, given or taken back after it, and
/// not the request said again ("yes cancel it", "对 就是退钱").
fn says_yes_first(bare: &str) -> bool {
    let Some(at) = bare.find([',', '，', '.', '。', ' ', '!', '！', '、']) else {
        return false;
    };
    let (first, rest) = bare.split_at(at);
    matches!(
        first,
        "yes"
            | "yeah"
            | "yep"
            | "yup"
            | "sure"
            | "对"
            | "对的"
            | "是"
            | "是的"
            | "要"
            | "要的"
            | "需要"
    ) && of_the_person(rest)
        && !rest.contains(['?', '？'])
        && !rest.contains(|c: char| c.is_ascii_digit() || c == '@')
        && !super::language::says_word(rest, &["no", "not", "don", "dont", "but"])
        && !super::language::mentions(rest, &["不", "别", "但", "先"])
}

/// Whether `rest`, what follows a yes, speaks only of the person wanted ("人，活的那种", "a real
/// one", "要人工"), or only says please ("yes, please"; not "sure, please try again").
fn of_the_person(rest: &str) -> bool {
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
    let segments = rest.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == ' '));
    matches!(rest, "please" | "pls" | "麻烦了" | "麻烦")
        || segments
            .into_iter()
            .any(|s| matches!(s.trim(), "人" | "一个人" | "找人"))
        || super::language::mentions(
            rest,
            &[
                "人工", "真人", "活人", "客服", "person", "human", "someone", "somebody",
                "real one", "staff", "agent",
            ],
        )
}

/// Whether `text` is only a give-up ("算了", "forget it", "whatever"), not a "no thanks" to
/// the person offered ("不用了", "no thanks, I'm fine").
fn gives_up(text: &str) -> bool {
    let bare = text
        .trim()
        .trim_end_matches(['.', '!', '。', '！', ' ', '…', '~'])
        .to_lowercase();
    matches!(
        bare.as_str(),
        "算了"
            | "算了吧"
            | "算了算了"
            | "唉算了"
            | "哎算了"
            | "forget it"
            | "forget it then"
            | "ugh forget it"
            | "just forget it"
            | "forget about it"
            | "whatever"
            | "fine whatever"
            | "ugh whatever"
            | "never mind"
            | "nevermind"
            | "nvm"
            | "i give up"
            | "give up"
            | "我放弃了"
            | "无语"
    )
}

/// Whether `text` thanks with a sneer after being let down ("so you have no idea when?
/// great. super helpful"): praise beside a question or a shrug, not thanks.
fn thanks_sarcastically(text: &str) -> bool {
    let lower = text.to_lowercase();
    let praise = super::language::mentions(
        &lower,
        &[
            "super helpful",
            "so helpful",
            "very helpful",
            "really helpful",
            "thanks for nothing",
            "great help",
            "big help",
            "真有用",
            "太有帮助了",
        ],
    );
    let sneer = lower.contains(['?', '？'])
        || lower.starts_with("great")
        || lower.contains(". great")
        || lower.starts_with("wow")
        || lower.contains("no idea")
        || lower.contains("thanks for nothing");
    praise && sneer
}

/// The policy topic message `u` raises, as the reason a person takes it: the keyword
/// rules, a request the model recognised that is itself such a topic, or, however it is
/// phrased, the topic model (it hears what the keywords have no entry for).
fn policy_reason(ctx: &TurnContext, u: &Understanding) -> Option<&'static str> {
    if let Some(topic) = policy::topic(&u.text) {
        Some(topic.reason())
    } else if let Some(reason) = policy::reason_for_intent(&u.prediction.intent)
        .filter(|_| ctx.served(&u.prediction.intent).is_none())
        // Sure, or heard by the topic model too: "can you help me find my order, i lost the
        // confirmation email" is read as closing the account at 0.14.
        .filter(|_| {
            u.prediction.confidence >= super::topic_choice::SURE_INTENT
                || u.leaning
                    .is_some_and(|(t, _)| t == kefu_intent::topics::Topic::DataProtection)
        })
        // "Delete the hoodie from my cart" is read as deleting the account: a shop task.
        .filter(|_| !policy_cues::removes_a_shop_thing(&u.text))
        // Nothing asked removed or closed ("怎么绑定支付宝到账号" read as closing the account
        // at 0.9): an account task.
        .filter(|_| policy_cues::asks_to_remove_or_close(&u.text))
    {
        Some(reason)
    } else {
        u.topic
            .filter(|(t, _)| t.needs_a_person())
            .map(|(topic, _)| policy::reason_for(topic))
    }
}

/// The priority a policy topic goes to a person with: someone hurt or in danger first.
fn policy_priority(reason: &str) -> u32 {
    if reason == policy::SAFETY { 3 } else { 2 }
}

/// While a person is asked for or in charge the bot is silent, but a policy topic the
/// message raises that the handoff's reason does not name yet ("I was charged twice", then
/// "the second charge isn't mine") is added to the reason, and the priority rises to the
/// topic's: the agent sees it, and sooner.
pub(super) fn escalation(ctx: &TurnContext, u: &Understanding) -> Option<Escalation> {
    // So is an urgent situation told once a person is asked ("求求你们帮帮我", then "我被家暴
    // 了，现在躲在朋友家，订单1002千万不要寄到原来的地址"): a shopper who fled someone, or an
    // emergency at home.
    let urgent = urgency_cues::flees_someone(&u.text)
        || (u.topic.is_some_and(|(t, _)| t == Topic::Urgent)
            && urgency_cues::speaks_of_an_emergency(&u.text));
    let (reason, priority) = match policy_reason(ctx, u) {
        Some(reason) => (reason, policy_priority(reason)),
        None if urgent => (policy::reason_for(Topic::Urgent), 1),
        None => return None,
    };
    let conv = &ctx.conversation;
    let known = conv.handoff_reason.as_deref().unwrap_or_default();
    if known.contains(reason) {
        return None;
    }
    Some(Escalation {
        priority: priority.max(conv.priority),
        reason: if known.is_empty() {
            reason.to_string()
        } else {
            format!("{known}; then {reason}")
        },
    })
}

/// A person, when the bot has no answer of its own to `d`'s message (it would ask which of
/// two things is meant, say it can't handle it yet, or call it out of scope) and the message
/// leans towards a topic a person must handle ([`Understanding::leaning`]): two weak signs
/// together ("my account's been compromised, there's an order I never placed" read as a
/// complaint or a sign-up problem; a courier who keeps texting the shopper read as a
/// cancellation) are one strong one, and a shopper in that situation must not be asked
/// to pick between "cancel an order" and "change the address". An answer the bot does have
/// (an order's status, the FAQ, a product) is given as it is.
pub(super) fn unless_a_person_is_likelier(
    ctx: &TurnContext,
    u: &Understanding,
    d: &Decision,
) -> Option<Decision> {
    let (topic, _) = u.leaning?;
    // An FAQ entry found by its words alone, the model reading nothing the shop does ("hi 我的
    // account 好像被人入侵了，里面保存的银行卡也被用了" beside a privacy entry): no answer to it.
    let no_answer = matches!(
        d.line,
        Some(Line::Clarify | Line::CannotHandleYet | Line::OutOfScope)
    ) || (d.intent == "faq" && u.prediction.intent == kefu_intent::OUT_OF_SCOPE);
    if !no_answer || d.state != ConversationState::Bot {
        return None;
    }
    let d = policy_handoff(u.lang, policy::reason_for(topic));
    Some(handoff::unless_nobody_is_there(ctx, d, u.lang))
}

/// A person at once for a policy topic, at raised priority. Someone hurt or in danger is
/// first told where to get help now (emergency services, a doctor: a chat queue is not
/// that), and goes to the top of the queue.
fn policy_handoff(lang: Lang, reason: &str) -> Decision {
    let line = if reason == policy::SAFETY {
        Line::SafetyHandoff
    } else {
        Line::PolicyHandoff
    };
    hand_off(line, lang, reason, policy_priority(reason))
}
