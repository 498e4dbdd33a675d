//! Whether a message answers the action awaiting confirmation. Pure.
//!
//! A card's buttons name its action ([`kefu_protocol::ClientMessage::Confirm`]): the
//! action is carried out only while it is the one awaiting confirmation, so a stale card,
//! or a card in another tab, can never confirm a different (newer) action. A typed "yes"
//! names nothing, so it confirms only the action on the conversation's latest message:
//! after an agent's message, a rating question or any other answer it is just a "yes".
//! And the proof of ownership the action was proposed on must still hold (a signed
//! identity may have expired since).

use kefu_protocol::ConversationState;

use super::claims;
use super::context::TurnContext;
use super::decision::{Decision, say};
use super::money;
use super::ownership;
use super::plan::{Plan, Step};
use super::replies::{self, Line};
use super::understand::Understanding;
use crate::plugins::Proposal;

/// A confirmation card's button, as the widget sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardAnswer {
    /// The card's action.
    pub action_id: String,
    /// The confirm button (`true`) or the one that declines.
    pub accept: bool,
}

/// What a message does to the action awaiting confirmation.
#[expect(
    clippy::large_enum_variant,
    reason = "one value per turn, moved once: boxing buys nothing"
)]
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// It answers it (or a card that is no longer open): this is the turn's plan.
    Answered(Plan),
    /// It is about something else: the action awaiting confirmation, if any, lapses, and
    /// the message is answered as usual.
    Lapses(Option<String>),
    /// It only adds to what was proposed (a statement with nothing asked in it): the action
    /// stays open, unless the message must reach a person, when it lapses as in `Lapses`.
    StillOpen(Option<String>),
}

/// What message `u` does to the action awaiting confirmation in `ctx`.
pub fn read(ctx: &TurnContext, u: &Understanding) -> Reading {
    let pending = ctx.pending.action.as_deref();
    let lapsed = pending.map(str::to_string);
    let lang = u.lang;
    let reply = |line| {
        Reading::Answered(Plan {
            lapsed_action: lapsed.clone(),
            step: Step::Reply(say("get_refund", line, lang, ConversationState::Bot)),
        })
    };
    let accepted = match (&u.card, pending) {
        // A card's button: its own action, or nothing at all.
        (Some(card), Some(id)) if card.action_id == id => card.accept,
        (Some(_), _) => return reply(Line::StaleConfirmation),
        (None, None) => return Reading::Lapses(None),
        (None, Some(id)) => {
            // "no", or the money turned down in so many words ("i don't want my money back i
            // want the NAVY one").
            if replies::declines(&u.text)
                || super::refund_words::turns_down_money_back(&u.text)
                // A claim's refund answered with the right goods asked for instead ("给我换成对
                // 的颜色吧", "can you just send the right one?"): turned down, and the claim
                // goes to a person, who can arrange what the bot cannot.
                || (ctx.pending.claim.is_some()
                    && asks_for_the_right_goods(&u.text)
                    // "I'd rather just get my money back than wait for a replacement": the
                    // money taken over the goods.
                    && !confirms_in_more_words(&u.text, ctx.proposal().as_ref()))
                || (takes_it_back(&u.text) && says_nothing_else(&u.text))
            {
                // Turned down with another question after it ("算了先不退了，T恤多少钱一件"): the
                // question is answered, the proposal lapsing (a claim's refund turned down
                // still goes to a person below).
                if asks_another_thing(&u.text) && claims::declined(ctx, lang).is_none() {
                    return Reading::Lapses(lapsed);
                }
                false
            } else if (replies::confirms(&u.text)
                || confirms_in_more_words(&u.text, ctx.proposal().as_ref()))
                && ctx.trust.latest_card_action.as_deref() == Some(id)
            {
                true
            } else if ((only_adds(u) || names_the_proposals_order_again(ctx, u))
                && ctx.trust.latest_card_action.as_deref() == Some(id))
                // Asked whether it is happening, the card further up: it still stands; so
                // it does when asked whether the email was given ("我刚才是不是已经把邮箱告诉你
                // 了？": it was, the card is the answer).
                || asks_if_it_goes_through(&u.text)
                || super::cues::says_already_told(&u.text)
                || points_to_the_proposal(&u.text)
            {
                // "And before you ask, yes I checked with the neighbours and the mailroom":
                // nothing asked or done instead.
                return Reading::StillOpen(lapsed);
            } else {
                return Reading::Lapses(lapsed);
            }
        }
    };
    if !accepted {
        // A refund proposed for a delivery claim, declined: a person takes the claim.
        if let Some(d) = claims::declined(ctx, lang) {
            return Reading::Answered(Plan {
                lapsed_action: lapsed,
                step: Step::Reply(d),
            });
        }
        return reply(Line::RefundCancelled);
    }
    // The proof the action was proposed on must still hold; an action no longer proposed
    // is the executor's to report ("already handled").
    if let Some(action) = &ctx.proposed_action
        && ownership::verified(ctx) != Some(action.shopper.as_str())
    {
        return reply(Line::ProofExpired);
    }
    Reading::Answered(Plan {
        lapsed_action: None,
        step: Step::Commit {
            action_id: pending.unwrap_or_default().to_string(),
        },
    })
}

/// The answer to a message that only adds to what was proposed ([`Reading::StillOpen`]):
/// the proposal stands, and what awaits the shopper's answer stays as it was.
pub fn still_open(ctx: &TurnContext, u: &Understanding) -> Decision {
    Decision {
        pending: ctx.pending.clone(),
        pending_intent: ctx.conversation.pending_intent.clone(),
        ..say(
            &u.prediction.intent,
            Line::ProposalStillOpen,
            u.lang,
            ConversationState::Bot,
        )
    }
}

/// The answer `d` to a question about the terms of the refund or cancellation proposed, asked
/// before answering it ("how long does the money take to come back?" under the card, "and
/// what do I do with the dino shirt, keep it?" under a wrong item's refund): the
/// answer, with the proposal shown again beneath it and still open, so the shopper can
/// confirm it there or with a typed "yes". `None` when `d` answers anything else, or the
/// card is no longer the latest message.
pub fn shown_again(ctx: &TurnContext, u: &Understanding, d: &Decision) -> Option<Decision> {
    let id = ctx.pending.action.as_deref()?;
    if ctx.proposed_action.as_ref().is_none_or(|a| a.id != id)
        || ctx.trust.latest_card_action.as_deref() != Some(id)
        || !matches!(d.intent.as_str(), "check_refund_policy" | "return_item")
        || d.handoff_reason.is_some()
        || d.state != ConversationState::Bot
        || !super::cues::asks_in_any_clause(&u.text)
    {
        return None;
    }
    let proposal = ctx.proposal()?;
    if !matches!(
        proposal,
        Proposal::Refund { .. } | Proposal::CancelOrder { .. }
    ) {
        return None;
    }
    let mut d = d.clone();
    d.cards.push(money::card(&proposal, id, u.lang));
    d.pending = ctx.pending.clone();
    d.pending_intent = ctx.conversation.pending_intent.clone();
    Some(d)
}

/// Whether `text` asks something else after its first clause ("算了先不退了，T恤多少钱一件",
/// "no thanks. is the hoodie in stock?").
fn asks_another_thing(text: &str) -> bool {
    // Chinese clauses may be parted by spaces alone ("等等 先不退了 我想再买一顶一样的 还有货吗").
    let han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let at = text
        .find([',', '.', '，', '。', '!', '！', ';', '；'])
        .or_else(|| {
            han.then(|| {
                text.trim()
                    .find(' ')
                    .map(|i| i + (text.len() - text.trim_start().len()))
            })
            .flatten()
        });
    let Some(at) = at else {
        return false;
    };
    let rest = text[at..].trim_start_matches(|c: char| !c.is_alphanumeric());
    !rest.is_empty()
        && (super::cues::asks_in_any_clause(rest)
            || super::cues::asks_the_price(rest)
            || super::cues::asks_about_stock(rest))
}

/// Whether `u` only names again the order the open proposal is about ("1002 I think? yes,
/// 1002" under its cancellation's card), asking nothing else: nothing new to act on.
fn names_the_proposals_order_again(ctx: &TurnContext, u: &Understanding) -> bool {
    let Some(proposal) = ctx.proposal() else {
        return false;
    };
    let numbers: Vec<&str> = u
        .slots
        .iter()
        .filter(|s| s.kind == kefu_intent::slots::SlotKind::OrderNumber)
        .map(|s| s.value.as_str())
        .collect();
    !numbers.is_empty()
        && numbers.iter().all(|n| *n == proposal.order_id())
        && u.slots.len() == numbers.len()
        && u.topic.is_none()
        && !super::person_words::asks_for_a_person(&u.text)
        && matches!(
            u.prediction.intent.as_str(),
            "out_of_scope" | "greeting" | "thanks" | "track_order"
        )
        && u.text.split_whitespace().count() <= 8
}

/// Whether `u` only adds to what was proposed: a statement the intent model finds no request
/// in, with no question, no order number or email, and no topic a person must hear.
/// "I already told you" ("信息我一开始就给你了"), however annoyed, only adds too: what was
/// told is what the proposal was made from.
fn only_adds(u: &Understanding) -> bool {
    u.slots.is_empty()
        && u.topic.is_none()
        && u.leaning.is_none()
        && !super::cues::asks_in_any_clause(&u.text)
        && !super::person_words::asks_for_a_person(&u.text)
        && ((u.prediction.intent == "out_of_scope" && !u.upset)
            || super::cues::says_already_told(&u.text))
}

/// Whether `text` only says the order proposed on is the one meant ("对 就是刚才那单",
/// "yes that one"): the card further up is the answer, nothing else asked or done.
fn points_to_the_proposal(text: &str) -> bool {
    // Said alone, after a yes at most: "就是那个订单号写错了 应该是1003" corrects it.
    let lower = text.trim().to_lowercase();
    let rest = ["对", "是的", "嗯", "yes", "yeah", "yep"]
        .iter()
        .find_map(|y| lower.strip_prefix(y))
        .unwrap_or(&lower)
        .trim_matches(|c: char| !c.is_alphanumeric());
    // "that one" alone points only after a yes said in so many words ("yes, that one").
    const POINTING: &[&str] = &[
        "就是刚才那单",
        "就是刚才那个",
        "就是这单",
        "就是那单",
        "就是这个订单",
        "就是那个订单",
        "that's the one",
        "thats the one",
    ];
    text.chars().count() <= 24
        && !super::cues::is_a_question(text)
        && !text.chars().any(|c| c.is_ascii_digit())
        && (POINTING.contains(&rest)
            || (rest == "that one"
                && super::language::mentions(
                    &lower,
                    &[
                        "yes that one",
                        "yes, that one",
                        "yep that one",
                        "yeah that one",
                    ],
                )))
}

/// Whether `text` asks whether what was proposed is happening ("so is that going through or
/// not", "那到底退不退"): it happens once confirmed, so the proposal stays open and is
/// pointed to.
fn asks_if_it_goes_through(text: &str) -> bool {
    super::language::mentions(
        text,
        &[
            "going through or not",
            "is that going through",
            "is it going through",
            "is this going through",
            "is that happening",
            "is it happening or not",
            "到底退不退",
            "到底能不能退",
            "退不退啊",
        ],
    )
}

/// Whether `text` tells the bot to go ahead with what it proposed, in more words than a
/// "yes" ("我刚才说过了 订单号和邮箱都给了 just confirm pls", "前面都说过了呀,直接改就行",
/// "ok go ahead and cancel it"): a confirmation when the card it answers is the latest
/// message. A question ("can you confirm the address is right?") is none, and neither is
/// another thing asked in its place: "算了还是不改了，直接取消吧" under an address change's card
/// takes the change back and asks for the order cancelled (words that name what is done
/// confirm only the card that does it).
fn confirms_in_more_words(text: &str, proposal: Option<&Proposal>) -> bool {
    // "I'd rather just get my money back than wait for a replacement": the waiting is what is
    // turned down.
    // "money back is fine, I don't need a replacement": the goods are what is turned down.
    let lower = OTHER_GOODS_TURNED_DOWN
        .iter()
        .fold(text.to_lowercase().replace("than wait", "than"), |l, w| {
            l.replace(w, " ")
        });
    if super::cues::is_a_question(text)
        || replies::declines(text)
        || takes_it_back(text)
        || super::language::mentions(
            &lower,
            &[
                "don't", "dont", "do not", "not yet", "wait", "不要", "别", "先不", "等等",
            ],
        )
    {
        return false;
    }
    // A card disputed or turned to something else in the same words ("the refund is fine but it
    // should be 138", "这不是退款就行的事，你们的杯子把我手烫伤了") confirms nothing.
    if super::language::mentions(&lower, &[" but ", "但是", "可是", "不是"])
        || super::policy::topic(text).is_some()
    {
        return false;
    }
    let names = |words: &[&str]| super::language::mentions(&lower, words);
    // Words that name what is done confirm only the card that does it; words that only say
    // go ahead confirm any card, unless another action is named beside them.
    let cancels = names(&["直接取消", "cancel it"]);
    let changes = names(&["直接改", "就这样改", "改就行"]);
    // The money back taken over anything else, no other sum or "no" in it ("Partial refund of
    // 20? No. I'd rather just get my money back in full" disputes the card).
    let money_back_taken = names(&[
        "just get my money back",
        "rather have my money back",
        "i'll take the refund",
        "i'll take the money",
        "the refund is fine",
        "money back is fine",
        "money back's fine",
        "money back works",
        "refund is fine",
        "退款就行",
        "退钱就行",
    ]) && !text.chars().any(|c| c.is_ascii_digit())
        && !super::language::says_word(&lower, &["no", "not", "partial", "full", "prefer"])
        // "send the right one, otherwise a refund is fine": the refund only if not.
        && !names(&["otherwise", "if not", "if you can't", "if you cant", "否则", "不行的话"]);
    let refunds = money_back_taken || names(&["直接退", "refund it"]);
    let generic = names(&[
        "just confirm",
        "confirm pls",
        "confirm please",
        "please confirm it",
        "confirm it",
        "go ahead",
        "just do it",
        "yes do it",
        "yes please do",
        "直接确认",
        "确认就行",
        "就按这个",
        "帮我确认",
    ]);
    // Another action named beside them, in its own words or plainly.
    let cancel_named = cancels || names(&["cancel", "取消"]);
    let change_named = changes
        || names(&[
            "change the address",
            "change my address",
            "改地址",
            "改成",
            "改到",
            "改寄",
        ]);
    let refund_named = refunds || names(&["refund", "退款", "退钱"]);
    match proposal {
        Some(Proposal::CancelOrder { .. }) => (cancels || generic) && !change_named,
        Some(Proposal::ChangeAddress { .. }) => {
            (changes || generic) && !cancel_named && !refund_named
        }
        Some(Proposal::Refund { .. }) => (refunds || generic) && !cancel_named && !change_named,
        None => cancels || changes || refunds || generic,
    }
}

/// Whether `text` is short and asks nothing: a card taken back in it is all it says ("wait
/// actually don't, 还是留着吧, sorry"); one that goes on ("actually don't cancel it, just
/// change the address to …") lets the card lapse and is answered for what it goes on to ask.
fn says_nothing_else(text: &str) -> bool {
    text.chars().count() <= 50
        && !text.contains(['?', '？'])
        && !text.contains(|c: char| c.is_ascii_digit())
        && !super::language::mentions(&text.to_lowercase(), &["address", "地址", "改", "change"])
}

/// Whether `text` asks for the goods replaced or swapped instead ("给我换成对的颜色吧", "just
/// send the right one", "can I swap them instead").
fn asks_for_the_right_goods(text: &str) -> bool {
    let lower = text.to_lowercase();
    !turns_down_other_goods(&lower)
        && (super::claim_words::asks_to_exchange(&lower)
            || super::language::mentions(
                &lower,
                &[
                    "换成对的",
                    "换成正确的",
                    "换一个",
                    "换一件",
                    "重新发",
                    "补发",
                    "send the right",
                    "send me the right",
                    "the right one instead",
                    "a replacement",
                    "replace it",
                    "replace them",
                ],
            ))
}

/// Words that turn down other goods in place of the money ("money back is fine, I don't need
/// a replacement", "不用换了 退钱吧").
const OTHER_GOODS_TURNED_DOWN: &[&str] = &[
    "don't need a replacement",
    "dont need a replacement",
    "don't want a replacement",
    "dont want a replacement",
    "no need for a replacement",
    "no need to replace",
    "no replacement",
    "不用换",
    "不需要换",
    "不用补发",
    "不用重新发",
];

/// Whether `lower` turns down other goods in place of the money ([`OTHER_GOODS_TURNED_DOWN`]).
fn turns_down_other_goods(lower: &str) -> bool {
    super::language::mentions(lower, OTHER_GOODS_TURNED_DOWN)
}

/// Whether `text` takes back what the card would do, in more words than "no" ("wait actually
/// don't, 还是留着吧, sorry", "hold on, don't cancel it", "算了不取消了"): declined.
pub(super) fn takes_it_back(text: &str) -> bool {
    super::language::mentions(
        &text.to_lowercase(),
        &[
            "actually don't",
            "actually dont",
            // "actually no, don't. I'll keep it and just wait".
            "no, don't",
            "no don't",
            "i'll keep it",
            "ill keep it",
            "wait don't",
            "wait dont",
            "don't cancel",
            "dont cancel",
            "don't do it",
            "dont do it",
            "keep it after all",
            // "actually wait no. keep it. sorry".
            "no. keep it",
            "no, keep it",
            "no keep it",
            "actually keep it",
            "不改了",
            "先不改",
            "还是留着",
            "留着吧",
            "先不取消",
            "不取消了",
            "别取消",
            "不要取消",
        ],
    )
}
