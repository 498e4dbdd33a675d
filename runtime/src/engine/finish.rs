//! What every answer gets on its way out, whatever decided it: the offer of a person after
//! unhelpful turns or a reply said twice, beside an answer to a frustrated shopper, a rating
//! asked when a conversation ends well, honesty about whether anyone is there; and the
//! merchant's own wording of the bot's lines. Pure.

use kefu_protocol::{Card, ConversationState};

use super::address_change;
use super::context::TurnContext;
use super::decision::{Decision, say};
use super::handoff;
use super::replies::{self, Lang, Line};
use super::understand::Understanding;

/// Consecutive unhelpful turns after which the bot stops trying and offers a person.
pub const FAILED_TURNS_OFFER: u32 = 2;

/// What every answer gets on top of itself: a second unhelpful turn in a row, or the same
/// reply twice, stops the bot trying and offers a person instead; a frustrated or
/// sarcastic shopper is offered a person alongside the answer, at raised priority; a
/// conversation that ends well is asked for a rating; an answer that hands off says
/// whether anyone is there.
pub fn finish(ctx: &TurnContext, u: &Understanding, mut d: Decision) -> Decision {
    let conv = &ctx.conversation;
    let lang = u.lang;
    let failing = d.failed && conv.failed_turns + 1 >= FAILED_TURNS_OFFER;
    // A new address proposed after another is no repeat: its words are the same, the
    // address is not (a part of it corrected after the first was shown).
    let another_address = d.cards.iter().any(|c| match c {
        Card::ConfirmAddress { address, .. } => {
            address_change::proposed_address(ctx).is_some_and(|before| before != *address)
        }
        _ => false,
    });
    // Courtesies said twice ("you're welcome" to a second thanks) are no loop.
    // Nor is the honest answer to "are you a bot?" asked again ("老实说 你是不是AI").
    // So is a greeting answered again to nothing the matter ("在吗", then "哈哈没事 就是看看
    // 你们今天忙不忙"); "hello there" said again is a loop.
    let greeted_back =
        d.intent == "greeting" && super::remark_words::says_nothing_is_the_matter(&u.text);
    let courtesy =
        matches!(d.intent.as_str(), "thanks" | "goodbye" | "bot_identity") || greeted_back;
    let lower = u.text.to_lowercase();
    let last = ctx.last_bot.as_ref().map(|(text, _)| text.as_str());
    let is = |line: Line, text: &str| ctx.is_line(text, line, lang);
    // The order's email asked for again, after a reply without it: said once more in other
    // words (the shopper took the question for a confirmation: "嗯 确定取消"); asked again
    // after that, it is a repeat like any other.
    // So is it asked of a shopper who only asked in the request itself why it is needed
    // ("Requesting a refund for order 1003. why do you need my email for that?"): why, and a
    // person offered. Refused there, a person takes it (below).
    let asks_email_again = is(Line::AskOrderEmail, &d.text)
        && (last.is_some_and(|l| is(Line::AskOrderEmail, l))
            || super::email_declined::declines_the_email(&u.text))
        && !failing;
    let repeated = !another_address
        && !courtesy
        && !asks_email_again
        && (last == Some(d.text.as_str())
            || (is(Line::AskOrderEmail, &d.text)
                && last.is_some_and(|l| is(Line::EmailStillNeeded, l))));
    // An order's status or a product's facts asked for again are still the answer: the
    // shopper gets them, with a person offered beside them, not "I'm not getting this
    // right" in their place. So is a confirmation shown again to its order's number or a yes
    // ("it's 1002" under the cancellation of 1002 the bot just showed; not "1002 — I meant
    // its address").
    let agrees = (super::supplied::only_values(u, true) || replies::opens_with_yes(&u.text))
        && !super::language::mentions(
            &lower,
            &["not", "don't", "meant", "instead", "不是", "不要"],
        );
    let facts = d.cards.iter().any(|c| {
        matches!(c, Card::OrderStatus { .. } | Card::Product { .. })
            || (agrees && matches!(c, Card::ConfirmCancel { .. } | Card::ConfirmRefund { .. }))
    });
    // "wow, great help, really 👏👏 you just keep sending me FAQ links", heard as thanks from
    // an upset shopper: a sneer, never answered "You're welcome!".
    // (The shop's goods praised, nothing complained of, that the tone model hears as upset:
    // "哈哈 你们的帽子真的绝了 杀疯了 室友都想要" is thanks; "love it when my parcel vanishes"
    // is not.)
    let praised = super::remark_words::praises_the_goods(&u.text)
        && super::language::mentions(
            &lower,
            &[
                "hoodie", "cap", "tee", "t-shirt", "bottle", "帽", "卫衣", "t恤", "杯",
            ],
        )
        && !super::complaint_words::complains_without_a_claim(&u.text)
        && !super::language::mentions(
            &lower,
            &[
                "parcel", "vanish", "lost", "wrong", "运费", "发错", "丢", "没到",
            ],
        );
    let sneered = d.line == Some(Line::Thanks) && u.upset && !praised;
    // Refused in the request itself ("邮箱不想给，取消个订单为什么还要邮箱？"): a person takes it
    // at once, as when it is refused once asked.
    let refused_with_it = asks_email_again
        && !last.is_some_and(|l| is(Line::AskOrderEmail, l))
        && super::email_declined::refuses_the_email(&u.text);
    if let (true, Some(order)) = (refused_with_it, d.pending.order_number.clone()) {
        d = super::email_declined::to_a_person(
            &d.intent,
            &order,
            super::email_declined::DECLINED,
            lang,
        );
    } else if asks_email_again {
        // The pending order and intent stay: the email still completes the request.
        d.text = replies::text(Line::EmailStillNeeded, lang).to_string();
        d.line = Some(Line::EmailStillNeeded);
        d.cards = replies::quick_replies(Line::EmailStillNeeded, lang);
    } else if failing || sneered || (repeated && !facts) {
        // Never the same canned answer again: change course and offer a person.
        d = Decision {
            failed: false,
            ..say(&d.intent, Line::OfferHuman, lang, ConversationState::Bot)
        };
    } else if ((u.upset && !praised && !greeted_back) || repeated)
        && d.state == ConversationState::Bot
    {
        replies::append(
            &mut d.text,
            replies::text(Line::FrustrationOffer, lang),
            lang,
        );
        let human = replies::human_option(lang).to_string();
        match d.cards.iter_mut().find_map(|c| match c {
            Card::QuickReplies { options } => Some(options),
            _ => None,
        }) {
            Some(options) if options.contains(&human) => {}
            Some(options) => options.push(human),
            None => d.cards.push(Card::QuickReplies {
                options: vec![human],
            }),
        }
    }
    // Asked who answers beside a task ("is this a real person typing or is it automated?
    // … I just need 1002 cancelled"): said plainly, before the task's answer.
    if super::honesty::asks_if_bot(&u.text)
        && super::honesty::beside_a_task(u)
        && d.intent != "bot_identity"
        && d.state == ConversationState::Bot
    {
        let said = ctx
            .wording(Line::BotDisclosureShort, lang)
            .unwrap_or(replies::text(Line::BotDisclosureShort, lang));
        let sep = if lang == Lang::En { " " } else { "" };
        d.text = format!("{said}{sep}{}", d.text);
    }
    // A request on an order that waits for its email stays waiting through a question the
    // bot cannot place or answers from its FAQ ("typo in my address … order 1002" → "is that
    // fixable? do you need my email or something" → "li.wei@example.com"): the email given
    // next completes it, never "what would you like me to do with it?".
    let from_the_faq = d.line.is_none()
        && d.new_action.is_none()
        && ctx
            .faq()
            .iter()
            .any(|e| d.text.starts_with(e.answer.as_str()));
    if matches!(d.line, Some(Line::OutOfScope)) || from_the_faq {
        keep_waiting(ctx, u, &mut d);
    }
    if u.upset {
        d.priority = d.priority.max(1);
    }
    handoff::offer_csat(conv, &mut d, ctx.last_intent());
    if d.state == ConversationState::WaitingForHuman {
        // Any answer that hands off (a plugin's refund above the cap, …) is honest about
        // whether someone is there, like an explicit request; its own reason stays.
        d = handoff::note_if_nobody_is_there(ctx, d, lang);
    }
    d
}

/// `d` in the merchant's words, when it says one of the bot's lines unchanged and the
/// merchant reworded that line.
pub fn worded(ctx: &TurnContext, mut d: Decision, lang: Lang) -> Decision {
    if let Some(line) = d.line
        && d.text == replies::text(line, lang)
        && let Some(own) = ctx.wording(line, lang)
    {
        d.text = own.to_string();
    }
    d
}

/// `d`, which waits on nothing, keeps the request that waits for the order's email
/// ([`super::ownership::email_awaited`]).
fn keep_waiting(ctx: &TurnContext, u: &Understanding, d: &mut Decision) {
    // The goods asked to go back instead ("我要取消订单1004" → "什么?已经送到了?那我退货总行
    // 吧"): the request changed, and the email next is for the return, not the cancellation.
    let instead = d.intent == "return_item"
        && ctx.conversation.pending_intent.as_deref() != Some("return_item")
        && super::return_words::asks_to_return_it(&u.text);
    if d.pending_intent.is_some()
        || d.state != ConversationState::Bot
        || instead
        // The request taken back ([`super::withdrawn`]).
        || d.line == Some(Line::RefundCancelled)
        || super::ownership::email_awaited(ctx, u).is_none()
    {
        return;
    }
    d.pending_intent = ctx.conversation.pending_intent.clone();
    d.pending = ctx.pending.clone();
}
