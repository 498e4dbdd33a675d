//! Which intent money asked back is, whatever the model read it as: the refund (the merchant's
//! plugin says whether it can, and the shopper confirms), or an unshipped order's cancellation,
//! which is how its money comes back. The policy, its times and a refund already made stay
//! what they are. Pure; part of [`super::routing`].

use kefu_intent::OUT_OF_SCOPE;
use kefu_intent::slots::SlotKind;

use super::context::TurnContext;
use super::delivery_words::says_not_shipped;
use super::language::mentions;
use super::refund_sums;
use super::refund_words::{self, asks_for_money_back, asks_how_long, requests_it};
use super::return_words;
use super::routing_heard::{CANCEL_ORDER, GET_REFUND};
use super::understand::Understanding;

/// Whether `u` asks money back and the model read it as a return. On an order the shopper
/// named, it is the refund
/// (the merchant's plugin says whether it can, and the shopper confirms), not the
/// return policy recited ("帽子不喜欢，想退款，1003号订单").
/// Asked for as a request without the order ("want to send back both hoodies and get
/// my 138 back"): the refund too, its order number asked for; "how do I return
/// something and get my money back?" is the return policy.
pub(super) fn returned_for_money_back(
    u: &Understanding,
    order_in_message: bool,
    takes_order_number: impl Fn(&str) -> bool,
) -> bool {
    let text = u.text.as_str();
    u.prediction.intent == "return_item"
        && !super::claim_words::exchange_instead_of_a_refund(text)
        && (order_in_message || requests_it_not_how(text))
        && asks_for_money_back(text)
        && takes_order_number(GET_REFUND)
}

/// Whether `text` asks for the refund itself, not how refunds or returns work ("how do I
/// return something and get my money back?" is the policy).
fn requests_it_not_how(text: &str) -> bool {
    requests_it(text)
        && !mentions(
            text,
            &[
                "how do",
                "how can",
                "how does",
                "what's your",
                "what is your",
                "policy",
                "怎么",
                "如何",
                "政策",
            ],
        )
}

/// The intent of money asked back that the model read as something else, or `None`. `named`:
/// an order was named, in this message or earlier; `shipped`: that order has left the shop.
pub(super) fn money_back(
    u: &Understanding,
    named: bool,
    shipped: bool,
    email_known: bool,
    takes_order_number: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    let text = u.text.as_str();
    // An exchange wanted instead, the refund turned down ("能换吗 不想退"): no money back.
    if super::claim_words::exchange_instead_of_a_refund(text) {
        return None;
    }
    // Money back asked for an order the shopper says is late ("my tshirt+hoodie order is
    // basically a week late at this point. just refund it honestly", "1001还没到，我不想要了，
    // 钱能退吗"): the refund asked, not where the order is (the plugin says whether it can,
    // and a sum above the caps goes to a person at once). An unshipped order's is its
    // cancellation, below.
    if super::late_words::says_late(text)
        && !says_not_shipped(text)
        && asks_for_money_back(text)
        && (requests_it(text)
            || refund_words::no_longer_wants_it(text)
            || refund_words::demands_it(text)
            || refund_words::wants_the_money(text)
            // "it's almost a week past the date now. honestly I'd rather just have my money
            // back at this point".
            || mentions(
                text,
                &["just refund", "refund it", "rather just have", "rather have my money"],
            ))
        && !asks_how_long(text)
        && !refund_words::asks_after_a_refund(text)
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // Money back asked for on an order that has shipped, read as its cancellation ("1001这单
    // 都超时一个星期了，不要了，98块给我退了"): a shipped order is not cancelled, its money
    // comes back as a refund (the plugin proposes it and the shopper confirms; a sum above
    // the caps goes to a person at once).
    if shipped
        && u.prediction.intent == CANCEL_ORDER
        && asks_for_money_back(text)
        && !asks_how_long(text)
        && !refund_words::asks_after_a_refund(text)
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // Money back asked for, on an order the shopper says has not shipped ("changed my mind
    // on the water bottle, can I just get the money back instead of waiting for it to
    // ship"), or the model torn between a refund and a cancellation ("can I just get my
    // money back, it hasn't even shipped right? 1002"): the cancellation, which is how an
    // unshipped order's money comes back.
    if says_not_shipped(text)
        && asks_for_money_back(text)
        && !asks_how_long(text)
        && !refund_words::asks_after_a_refund(text)
        && takes_order_number(CANCEL_ORDER)
    {
        return Some(CANCEL_ORDER);
    }
    if says_not_shipped(text)
        && u.prediction
            .top
            .iter()
            .take(2)
            .any(|(i, _)| i == CANCEL_ORDER)
        && u.prediction
            .top
            .iter()
            .take(2)
            .any(|(i, _)| i == GET_REFUND)
        && takes_order_number(CANCEL_ORDER)
    {
        return Some(CANCEL_ORDER);
    }
    // "Can I get a refund on it?" about an order already named, read as the refund
    // policy: the refund itself (the merchant's plugin says whether it can, and the
    // shopper confirms), not the policy recited. A question about the policy or its
    // times is still the policy. So is money back asked, read as a refund's progress
    // ("帽子戴着不太好看 想退款 订单1003"), unless a refund already made is asked after.
    // So is money asked back for goods the shopper changed their mind about, read as
    // anything ("changed my mind about the water bottle, the charge already went through on
    // my card, can I get it back?"; not a request withdrawn: "I asked for a refund on 1003
    // but changed my mind, I want to keep the hoodie").
    if (matches!(
        u.prediction.intent.as_str(),
        "check_refund_policy" | "track_refund"
    ) || (refund_words::no_longer_wants_it(text)
        && !refund_words::withdraws_a_request(text)))
        && !refund_words::asks_after_a_refund(text)
        // No order named yet, given up on in so many words ("帽子戴着有点紧 不想要了 能退钱吗"):
        // the refund, its order asked for.
        && (named || refund_words::no_longer_wants_it(text))
        && asks_for_money_back(text)
        && requests_it(text)
        && !asks_how_long(text)
        && !mentions(text, &["policy", "政策", "规定"])
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // A refund asked for in so many words that the model reads as nothing the shop does ("I'd
    // like a refund on the navy cap, turns out my head is bigger than I thought haha"): the
    // refund, its order asked for; not one wondered about ("if it doesn't fit").
    if u.prediction.intent == OUT_OF_SCOPE
        && asks_for_money_back(text)
        && requests_it(text)
        && !asks_how_long(text)
        && !refund_words::asks_after_a_refund(text)
        && !mentions(
            &text.to_lowercase(),
            &[
                "policy",
                "if i ",
                "if it ",
                "what if",
                "in case",
                "refundable",
                "to know",
                "to say",
                "thank",
                "buy",
                "gift card",
                "why",
                "政策",
                "如果",
                "万一",
                "想买",
                "礼品卡",
                "为什么",
            ],
        )
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // Money back asked for, the model torn between the refund and a cancellation or a
    // refund's progress ("1004整单退款 两件卫衣都不要了", "refund 一下 1004 的两件
    // hoodie"), or a return when the money is what is asked for ("Would it be possible to
    // get my money back rather than swap it?"): the refund (an unshipped order's becomes its
    // cancellation below). Asking after a refund already made ("did my refund go through?")
    // is its progress.
    if asks_for_money_back(text)
        && !asks_how_long(text)
        && !refund_words::asks_after_a_refund(text)
        && u.prediction
            .top
            .iter()
            .take(2)
            .any(|(i, _)| i == GET_REFUND)
        && u.prediction.top.iter().take(2).any(|(i, _)| {
            matches!(i.as_str(), CANCEL_ORDER | "track_refund")
                || (i == "return_item" && requests_it_not_how(text))
        })
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // A return asked for on an order named, with its email given in the same message ("Hi,
    // order 1003, email carlos@example.com. Cap arrived fine but I'd like to return it") or
    // earlier, asked for or asked whether it may be ("帽子不想要了，订单1003能退吗？邮箱…"):
    // the shopper wants it done, not its steps told. The refund (the merchant's plugin says
    // whether it can, and the shopper confirms).
    if named
        && u.prediction.intent == "return_item"
        && ((u.slot(SlotKind::Email).is_some()
            && (requests_it_not_how(text)
                || asks_for_money_back(text)
                || return_words::asks_to_return_it(text)))
            // The email given earlier: asked whether it may go back, or asked for outright
            // ("could I still send one back if I wanted?" only wonders).
            || (email_known
                && !return_words::once_it_arrives(text)
                && (return_words::asks_to_return_it(text)
                    || (requests_it_not_how(text)
                        && !super::cues::is_a_question(text)
                        && !return_words::only_wonders(text)))))
        && !refund_words::asks_after_a_refund(text)
        && !asks_how_long(text)
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // A sum or the whole asked back on an order named, read as a return ("Both hoodies from
    // 1004 pilled after a single wash. I want the full 138 back, not an exchange", "全额退，
    // 138，别跟我说换货"): the refund (a sum above the caps goes to a person at once).
    if named
        && u.prediction.intent == "return_item"
        && asks_for_money_back(text)
        && refund_sums::names_how_much_back(text)
        && !refund_words::asks_after_a_refund(text)
        && !asks_how_long(text)
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // A sum asked back, no order named yet and read as the goods or anything else ("those
    // hoodies just aren't me. can I get the 138 back?"): the refund, its order asked for (a
    // sum above the caps goes to a person once it is).
    if !named
        && refund_sums::names_a_sum_back(text)
        && !refund_words::asks_after_a_refund(text)
        && !asks_how_long(text)
        && matches!(
            u.prediction.intent.as_str(),
            OUT_OF_SCOPE | "product_info" | "product_availability" | "return_item" | "complaint"
        )
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // Money back demanded, read as a refund's progress or a complaint ("问了三遍了，帽子到底
    // 给不给退款"): the refund, its order asked for if not named yet.
    if refund_words::demands_it(text)
        && !refund_words::asks_after_a_refund(text)
        && matches!(
            u.prediction.intent.as_str(),
            OUT_OF_SCOPE | "track_refund" | "complaint" | "check_refund_policy" | "payment_issue"
        )
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    // Money back asked for on an order the shopper named, read as something that is no
    // request on the order ("refund for 1004 please, both hoodies, changed my mind" as out
    // of scope; "I want a full refund on 1001. 98.00" as a refund's progress): the refund.
    // So is a sum asked back ("cap's not for me after all. any chance of getting my 22 bucks
    // back? 1003, carlos@example.com").
    if (named)
        && asks_for_money_back(text)
        && (requests_it(text)
            || refund_words::says_please(text)
            || refund_sums::names_a_sum_back(text)
            // "1004号订单两件卫衣都要退 太大了穿不了".
            || refund_words::all_of_them_wanted_back(text))
        && !refund_words::asks_after_a_refund(text)
        && !asks_how_long(text)
        && !mentions(text, &["policy", "政策", "规定"])
        && matches!(
            u.prediction.intent.as_str(),
            OUT_OF_SCOPE
                | "track_refund"
                | "check_refund_policy"
                | "product_info"
                | "product_availability"
                | "complaint"
                // "好，那就退吧" read as a greeting; "hi 我想退 the bottle, order 1002 …
                // 还没发货吧?" as its whereabouts; "想退款 for order1004, just one hoodie, 太大了"
                // as a change to the order.
                | "greeting"
                | "thanks"
                | "track_order"
                | "change_order"
                // "快递超时一个礼拜了 单号1001 … 不等了 直接退钱吧" as a payment problem.
                | "payment_issue"
        )
        && takes_order_number(GET_REFUND)
    {
        return Some(GET_REFUND);
    }
    None
}

/// `(intent, settled)`, or the cancellation when it asks money back on an order that has not
/// shipped. `order_number`: the order the route is about.
pub(super) fn unshipped_means_cancel<'a>(
    ctx: &TurnContext,
    u: &Understanding,
    order_number: Option<&str>,
    (intent, settled): (&'a str, bool),
    takes_order_number: impl Fn(&str) -> bool,
) -> (&'a str, bool) {
    let text = u.text.as_str();
    // Money back asked for on an order that has not shipped ("changed my mind about the
    // water bottle, can i get my money back? order 1002"): its cancellation, which is how an
    // unshipped order's money comes back (the merchant's plugin proposes it and the shopper
    // confirms), not a refund refused.
    let unshipped = order_number
        .or(ctx.remembered.order_number.as_deref())
        .and_then(|n| ctx.order(n))
        .is_some_and(|o| o.status == "processing");
    let money_back = intent == GET_REFUND
        || (!settled
            && asks_for_money_back(text)
            && !asks_how_long(text)
            && u.prediction
                .top
                .iter()
                .take(2)
                .any(|(i, _)| i == GET_REFUND));
    // So is a wish to send back what has not left the shop ("hi 我想退 the bottle, order 1002,
    // haven't even received it yet 还没发货吧?").
    let sends_back = (return_words::asks_to_send_back(text)
        || mentions(
            text,
            &[
                "我想退",
                "想退掉",
                "退掉",
                "want to return",
                "like to return",
            ],
        ))
        && requests_it(text)
        && !refund_words::turns_down_money_back(text);
    if unshipped && (money_back || sends_back) && takes_order_number(CANCEL_ORDER) {
        (CANCEL_ORDER, true)
    } else {
        (intent, settled)
    }
}
