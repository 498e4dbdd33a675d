//! One conversation's figures, from its messages: whether the bot answered, how the first
//! matter ended (confirmed, assumed, withdrawn, pending), every handoff with its reason,
//! the people's times, the turns per intent and the questions the bot could not answer.
//! The definitions are `docs/analytics.md`'s; the order of the checks below is theirs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hours::{OpenHours, business_ms, day_of};
use super::{ConversationRow, MessageRow, Who};

/// The assumed-resolution window: no message and no handoff for this long after the bot's
/// answer.
pub const QUIET_MS: i64 = 24 * 3_600_000;

/// A rating at or above this (of 5) confirms a resolution.
pub const SATISFIED: u8 = 4;

/// Bot messages that are notices, not answers.
const NOTICES: &[&str] = &["agent_joined", "resolved"];

/// Shopper intents that say nothing about what the matter is (a matter's subject is the
/// last intent outside these).
const NOT_A_SUBJECT: &[&str] = &[
    "greeting",
    "thanks",
    "goodbye",
    "card_accepted",
    "card_declined",
    "contact",
    "csat",
    "contact_human_agent",
];

/// Lines that say the bot could not answer the question: the unanswered questions.
const UNANSWERED_LINES: &[&str] = &["out_of_scope", "cannot_handle_yet"];

/// Lines that say the thing asked about was not found.
const NOT_FOUND_LINES: &[&str] = &["order_not_found", "product_not_found"];

/// How the conversation's first matter ended for the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The bot never answered (nothing to resolve).
    NotInvolved,
    /// The shopper said thanks after a helpful answer, or rated the bot-only chat 4 or 5.
    Confirmed,
    /// No message and no handoff within 24 hours of the bot's answer.
    Assumed,
    /// Assumed, then the shopper came back about the same thing.
    Withdrawn,
    /// A person was asked for before the matter ended.
    HandedOff,
    /// The bot's last answer is less than 24 hours old.
    Pending,
    /// The first matter ended with an answer that did not help (out of scope, not found,
    /// …) and nothing else: silence after "I can't help with that" is no resolution.
    Unresolved,
}

/// One handoff: the turn that put the conversation in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    /// The reason's kind (`asked_for_human`, `policy_topic`, `loop`, …).
    pub reason: String,
    /// The intent of the shopper's message that caused it.
    pub intent: Option<String>,
    /// Nobody could answer live (the shopper was given the contact form).
    pub nobody_online: bool,
    /// Wall-clock ms until an agent claimed it; `None` if nobody has.
    pub wait_ms: Option<i64>,
}

/// One intent's shopper messages in a conversation and what the bot made of them:
/// `[messages, clarified, not found, unhelpful, handed off]`. An array, not a struct: the
/// facts are cached as JSON for every conversation, and this keeps them short.
pub type IntentCounts = [u32; 5];

/// Positions in [`IntentCounts`].
pub mod counts {
    /// Shopper messages of the intent.
    pub const VOLUME: usize = 0;
    /// Answered with a clarifying question.
    pub const CLARIFIED: usize = 1;
    /// The order or product was not found.
    pub const NOT_FOUND: usize = 2;
    /// The bot could not help.
    pub const UNHELPFUL: usize = 3;
    /// The turn handed off.
    pub const HANDED_OFF: usize = 4;
}

/// Everything the reports count about one conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationFacts {
    /// The conversation.
    pub id: String,
    /// UTC day it started.
    pub day: String,
    /// When it started (Unix ms).
    pub created_at: i64,
    /// Language: the start locale's primary tag (`en`, `zh`).
    pub lang: String,
    /// Channel (`widget`).
    pub channel: String,
    /// The shopper wrote at least once (empty conversations are not reported).
    pub active: bool,
    /// The bot answered at least one message without handing it off.
    pub involved: bool,
    /// How its first matter ended.
    pub resolution: Resolution,
    /// Every handoff, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handoffs: Vec<Handoff>,
    /// A person wrote in it.
    pub human: bool,
    /// A person wrote in it and the bot never answered.
    pub agent_only: bool,
    /// Rating asked.
    pub csat_asked: bool,
    /// Rating given.
    pub csat_score: Option<u8>,
    /// First handoff → first agent message, in business hours (ms).
    pub first_response_ms: Option<i64>,
    /// First handoff → the first "resolved", in business hours (ms).
    pub resolution_ms: Option<i64>,
    /// The shopper wrote again after a person resolved it.
    pub reopened: bool,
    /// Messages people wrote (the bot's never count).
    pub agent_messages: u32,
    /// Shopper messages by intent and what became of them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub intents: BTreeMap<String, IntentCounts>,
    /// Shopper messages the bot answered with "out of scope" or "cannot handle yet".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unanswered: Vec<String>,
    /// The shopper's first message, cut to 100 characters.
    pub first_line: String,
    /// Until when these facts hold without a new message (Unix ms); `None`: until one.
    pub valid_until: Option<i64>,
}

/// The kind of a recorded handoff reason. `upset` and `after_line` (the bot's line before
/// the shopper's request) tell a request for a person apart by what led to it.
pub fn reason_kind(reason: &str, upset: bool, after_line: Option<&str>) -> &'static str {
    if reason.starts_with("asked for a human") {
        return match after_line {
            _ if upset => "frustration",
            Some("plugin_failed" | "commit_failed") => "plugin_failure",
            Some("offer_human") => "loop",
            _ => "asked_for_human",
        };
    }
    if reason.contains("but the plugin failed afterwards") {
        return "plugin_failure";
    }
    const KINDS: &[(&str, &str)] = &[
        ("policy:", "policy_topic"),
        ("refund of", "over_cap"),
        ("cancellation of", "over_cap"),
        ("claim:", "delivery_claim"),
        ("complaint", "complaint"),
        ("urgent:", "urgent"),
        ("ownership:", "proofs_exhausted"),
    ];
    KINDS
        .iter()
        .find(|(prefix, _)| reason.starts_with(prefix))
        .map_or("other", |(_, kind)| kind)
}

fn is_answer(m: &MessageRow) -> bool {
    m.author == Who::Bot && !m.intent.as_deref().is_some_and(|i| NOTICES.contains(&i))
}

fn is_notice(m: &MessageRow, notice: &str) -> bool {
    m.author == Who::Bot && m.intent.as_deref() == Some(notice)
}

/// The primary language tag of a locale.
fn lang_of(locale: &str) -> String {
    locale
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Indexes of the messages that handed off: the first bot answer of each run of
/// `waiting_for_human` (the shopper's message of that turn carries the same state).
fn handoff_points(messages: &[MessageRow]) -> Vec<usize> {
    let mut points = vec![];
    let mut waiting = false;
    let mut run_counted = false;
    for (i, m) in messages.iter().enumerate() {
        let now_waiting = m.state == "waiting_for_human";
        if !now_waiting {
            waiting = false;
            continue;
        }
        if !waiting {
            waiting = true;
            run_counted = false;
        }
        if !run_counted && is_answer(m) {
            points.push(i);
            run_counted = true;
        }
    }
    points
}

/// The figures of one conversation at time `now`, with the merchant's business `hours`.
pub fn conversation_facts(
    c: &ConversationRow,
    now: i64,
    hours: Option<&OpenHours>,
) -> ConversationFacts {
    let msgs = &c.messages;
    let points = handoff_points(msgs);
    let first_shopper = msgs.iter().find(|m| m.author == Who::Shopper);
    let involved = msgs
        .iter()
        .any(|m| is_answer(m) && m.author == Who::Bot && m.state == "bot");
    let human = msgs.iter().any(|m| m.author == Who::Agent);

    let handoffs: Vec<Handoff> = points
        .iter()
        .map(|&i| {
            let m = &msgs[i];
            let asked = msgs[..i].iter().rposition(|m| m.author == Who::Shopper);
            let shopper = asked.map(|j| &msgs[j]);
            let before = asked
                .and_then(|j| msgs[..j].iter().rev().find(|m| is_answer(m)))
                .and_then(|m| m.line.as_deref());
            let reason = m
                .handoff_reason
                .as_deref()
                .or(c.handoff_reason.as_deref())
                .unwrap_or("");
            let claimed = msgs[i..]
                .iter()
                .find(|m| is_notice(m, "agent_joined"))
                .map(|j| j.created_at - m.created_at);
            Handoff {
                reason: reason_kind(reason, shopper.is_some_and(|s| s.upset), before).into(),
                intent: shopper.and_then(|s| s.intent.clone()),
                nobody_online: m.contact_form,
                wait_ms: claimed,
            }
        })
        .collect();

    let (resolution, valid_until) = resolution(c, &points, now);

    let first_handoff = points.first().map(|&i| &msgs[i]);
    let after = |pred: &dyn Fn(&MessageRow) -> bool| {
        let start = first_handoff?;
        let m = msgs.iter().find(|m| m.seq > start.seq && pred(m))?;
        Some(business_ms(hours, start.created_at, m.created_at))
    };
    let first_response_ms = after(&|m| m.author == Who::Agent);
    let resolution_ms = after(&|m| is_notice(m, "resolved"));
    let reopened = msgs
        .iter()
        .position(|m| is_notice(m, "resolved"))
        .is_some_and(|r| {
            // A rating answers the resolution; it does not reopen it.
            msgs[r..]
                .iter()
                .any(|m| m.author == Who::Shopper && m.intent.as_deref() != Some("csat"))
        });

    let mut intents: BTreeMap<String, IntentCounts> = BTreeMap::new();
    for (i, m) in msgs
        .iter()
        .enumerate()
        .filter(|(_, m)| m.author == Who::Shopper)
    {
        let reply = msgs.get(i + 1).filter(|r| is_answer(r));
        let line = reply.and_then(|r| r.line.as_deref());
        let intent = m.intent.clone().unwrap_or_else(|| "unknown".into());
        let c = intents.entry(intent).or_default();
        c[counts::VOLUME] += 1;
        c[counts::CLARIFIED] += u32::from(line == Some("clarify"));
        c[counts::NOT_FOUND] += u32::from(line.is_some_and(|l| NOT_FOUND_LINES.contains(&l)));
        c[counts::UNHELPFUL] += u32::from(reply.is_some_and(|r| r.failed));
        c[counts::HANDED_OFF] += u32::from(points.contains(&(i + 1)));
    }
    let unanswered = msgs
        .windows(2)
        .filter(|w| {
            w[0].author == Who::Shopper
                && is_answer(&w[1])
                && w[1]
                    .line
                    .as_deref()
                    .is_some_and(|l| UNANSWERED_LINES.contains(&l))
        })
        .map(|w| w[0].text.clone())
        .collect();

    ConversationFacts {
        id: c.id.clone(),
        day: day_of(c.created_at),
        created_at: c.created_at,
        lang: lang_of(&c.locale),
        channel: c.channel.clone(),
        active: first_shopper.is_some(),
        involved,
        resolution,
        handoffs,
        human,
        agent_only: human && !involved,
        csat_asked: c.csat_asked,
        csat_score: c.csat_score,
        first_response_ms,
        resolution_ms,
        reopened,
        agent_messages: msgs.iter().filter(|m| m.author == Who::Agent).count() as u32,
        intents,
        unanswered,
        first_line: first_shopper
            .map(|m| m.text.chars().take(100).collect())
            .unwrap_or_default(),
        valid_until,
    }
}

/// How the first matter ended, and until when that answer holds without a new message.
fn resolution(c: &ConversationRow, points: &[usize], now: i64) -> (Resolution, Option<i64>) {
    let msgs = &c.messages;
    let answered = msgs.iter().any(|m| is_answer(m) && m.state == "bot");
    if !answered {
        return (Resolution::NotInvolved, None);
    }
    let next_shopper = |i: usize| msgs[i + 1..].iter().find(|m| m.author == Who::Shopper);
    // The matter ends at the first bot answer followed by 24 quiet hours (or by nothing).
    let end = msgs.iter().enumerate().position(|(i, m)| {
        is_answer(m) && next_shopper(i).is_none_or(|n| n.created_at - m.created_at >= QUIET_MS)
    });
    let matter = &msgs[..end.map_or(msgs.len(), |e| e + 1)];
    if points.iter().any(|&p| p < matter.len()) {
        return (Resolution::HandedOff, None);
    }
    let thanked = matter.windows(2).any(|w| {
        is_answer(&w[0])
            && !w[0].failed
            && w[0].state == "bot"
            && w[1].author == Who::Shopper
            && w[1].intent.as_deref() == Some("thanks")
    });
    let rated_well = !msgs.iter().any(|m| m.author == Who::Agent)
        && c.csat_score.is_some_and(|s| s >= SATISFIED);
    if thanked || rated_well {
        return (Resolution::Confirmed, None);
    }
    let Some(end) = end else {
        return (Resolution::Pending, None);
    };
    let answer = &msgs[end];
    let window_open = now - answer.created_at < QUIET_MS;
    if answer.failed && !(window_open && next_shopper(end).is_none()) {
        return (Resolution::Unresolved, None);
    }
    match next_shopper(end) {
        None if window_open => (Resolution::Pending, Some(answer.created_at + QUIET_MS)),
        None => (Resolution::Assumed, None),
        Some(back) => {
            let subject = matter
                .iter()
                .rev()
                .filter(|m| m.author == Who::Shopper)
                .filter_map(|m| m.intent.as_deref())
                .find(|i| !NOT_A_SUBJECT.contains(i));
            if subject.is_some() && back.intent.as_deref() == subject {
                (Resolution::Withdrawn, None)
            } else {
                (Resolution::Assumed, None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_for_a_person_is_told_apart_by_what_led_to_it() {
        let asked = "asked for a human";
        assert_eq!(reason_kind(asked, false, None), "asked_for_human");
        assert_eq!(reason_kind(asked, false, Some("offer_human")), "loop");
        assert_eq!(reason_kind(asked, true, Some("offer_human")), "frustration");
        assert_eq!(
            reason_kind(asked, false, Some("plugin_failed")),
            "plugin_failure"
        );
        for (reason, kind) in [
            ("policy: account security", "policy_topic"),
            ("policy: the shop's list (\"warranty\")", "policy_topic"),
            (
                "refund of €120.00 on order 1003 is above what the bot may approve",
                "over_cap",
            ),
            (
                "refund done on order 1003, but the plugin failed afterwards",
                "plugin_failure",
            ),
            (
                "claim: damaged item, order 1003; refund declined",
                "delivery_claim",
            ),
            ("complaint, order 1002", "complaint"),
            ("urgent: time-critical for the shopper", "urgent"),
            ("ownership: three wrong emails", "proofs_exhausted"),
            ("something new", "other"),
        ] {
            assert_eq!(reason_kind(reason, false, None), kind, "{reason}");
        }
    }

    fn msg(seq: u64, author: Who, intent: &str, state: &str, at: i64) -> MessageRow {
        MessageRow {
            seq,
            author,
            text: String::new(),
            intent: Some(intent.into()),
            state: state.into(),
            created_at: at,
            line: None,
            failed: false,
            handoff_reason: None,
            upset: false,
            contact_form: false,
        }
    }

    #[test]
    fn an_answer_less_than_a_day_old_is_pending_until_the_window_closes() {
        let c = ConversationRow {
            id: "c".into(),
            created_at: 0,
            locale: "en".into(),
            channel: "widget".into(),
            csat_asked: false,
            csat_score: None,
            handoff_reason: None,
            messages: vec![
                msg(1, Who::Shopper, "track_order", "bot", 0),
                msg(2, Who::Bot, "track_order", "bot", 1000),
            ],
        };
        let f = conversation_facts(&c, 1000 + QUIET_MS - 1, None);
        assert_eq!(
            (f.resolution, f.valid_until),
            (Resolution::Pending, Some(1000 + QUIET_MS))
        );
        let f = conversation_facts(&c, 1000 + QUIET_MS, None);
        assert_eq!((f.resolution, f.valid_until), (Resolution::Assumed, None));
    }
}
