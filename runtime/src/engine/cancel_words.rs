//! Whether a message asks to cancel an order, in so many words ("right, then cancel it",
//! "is it too late to cancel??", "那就取消吧"), whatever the model read it as: a cancellation
//! asked for, not the cancellation policy recited. Pure word reading, like
//! [`super::refund_words`]'.

use super::language::mentions;

/// Whether `text` asks for an order to be cancelled, or whether it still can be: a request
/// ("cancel it", "帮我取消"), or asking if it is still possible ("is it too late to cancel?",
/// "还能取消吗"), which a shopper asks because they want it. Not the cost of cancelling ("is
/// there a fee to cancel?"), how cancelling works in general, nor an account, a
/// subscription or a newsletter cancelled.
pub fn asks_to_cancel_an_order(text: &str) -> bool {
    let lower = text.to_lowercase();
    (mentions(
        &lower,
        &[
            "cancel it",
            "cancel my order",
            "cancel the order",
            "cancel this order",
            "cancel that order",
            "cancel order",
            // "Hmm actually keep the old address, sorry. Cancel the whole thing instead."
            "cancel the whole thing",
            "cancel the whole order",
            "cancel everything",
            "please cancel",
            "pls cancel",
            "then cancel",
            "just cancel",
            "go ahead and cancel",
            "too late to cancel",
            "still cancel",
            "can i cancel",
            "can you cancel",
            "could you cancel",
            "can u cancel",
            "want to cancel",
            "wanna cancel",
            "like to cancel",
            "need to cancel",
            // Stopped before it goes, or no longer wanted before it does ("can you stop it
            // before it leaves the warehouse?", "I have decided I would rather not have it").
            "stop it before",
            "be stopped before",
            "stopped before it",
            "stop the order",
            "stop my order",
            "stop it from shipping",
            // "kill order 1002 please", "1002, kill it before it ships pls".
            "kill it before",
            "kill order",
            "kill my order",
            "kill the order",
            "kill that order",
            // "I need to stop the water bottle order before it ships".
            "order before it ships",
            "order before it goes",
            "order before it leaves",
            "too late to stop",
            // "is it too late to stop 1002 from going out", "too late to call it off?".
            "from going out",
            "from being shipped",
            "from being sent",
            "call it off",
            "call off the order",
            "call off my order",
            "rather not have it",
            "rather not have the",
            // Backed out of ("is it too late to back out?? … changed my mind").
            "to back out",
            "back out of",
            "still back out",
            "can i back out",
            "i want to back out",
            "帮我取消",
            "那就取消",
            "取消吧",
            "给我取消",
            "直接取消",
            "想取消",
            "要取消",
            "还能取消",
            "能不能取消",
            "可以取消吗",
            // Withdrawn, or no longer wanted ("1002那个订单还能撤回吗", "is it too late to
            // un-want a water bottle?", "changed my mind about the bottle, don't want it").
            "还能撤回",
            "能不能撤回",
            "可以撤回吗",
            "撤回订单",
            "把订单撤回",
            "订单撤回",
            "撤销订单",
            "un-want",
            "unwant",
            "undo my order",
            "undo the order",
            "undo this order",
        ],
    ) || super::language::word_then_word(
        // Wanted cancelled ("I just need 1002 cancelled", "want the order canceled").
        &lower,
        &["need", "want", "get", "have"],
        &["cancelled", "canceled"],
        3,
    ) || stops_it_before_it_goes(&lower)
        || cancels_an_order_named(&lower))
        && !mentions(
            &lower,
            &[
                "fee",
                "cost",
                "charge for cancel",
                "policy",
                "how do i cancel",
                "how can i cancel",
                "how to cancel",
                "cancel my account",
                "cancel the account",
                "cancel account",
                "subscription",
                "newsletter",
                "membership",
                "手续费",
                "费用",
                "注销",
                "订阅",
                "退订",
                "怎么取消",
                "如何取消",
                // Not cancelling it after all ("hmm actually hold off, don't cancel it").
                "don't cancel",
                "dont cancel",
                "do not cancel",
                "not cancel",
                "hold off",
                "不要取消",
                "别取消",
                "不取消",
                "先不取消",
            ],
        )
}

/// Whether `text` asks for the cancellation only if what it needs cannot be done ("订单1002能
/// 不能今天发 不行就直接取消", "ship it today, otherwise cancel it"): the need is the
/// request, the cancellation its fallback.
pub fn only_if_it_cannot_be_done(text: &str) -> bool {
    mentions(
        text,
        &[
            "不行就",
            "不然就",
            "要不然",
            "否则",
            "做不到就",
            "if not",
            "otherwise",
            "if you can't",
            "if you cant",
            "if it can't",
            "if it cant",
            "if that's not possible",
            "or else",
            // "Can someone rush it out today or should I just cancel??".
            "or should i just cancel",
            "or should i cancel",
            "or do i cancel",
            "or i'll cancel",
            "or ill cancel",
            "还是直接取消",
            "还是取消",
            // "1002 has to either ship today or be cancelled".
            "or be cancelled",
            "or be canceled",
            "要么取消",
        ],
    )
}

/// Whether `lower` asks to stop an order before it goes, named by its number or as "it" ("Can
/// I still stop 1002 before it goes out?"; not "can your driver stop here before 5pm?").
fn stops_it_before_it_goes(lower: &str) -> bool {
    lower.split("stop ").skip(1).any(|rest| {
        let next = rest.split_whitespace().next().unwrap_or("");
        (matches!(next, "it" | "order" | "my" | "the") || super::language::is_a_number_word(next))
            && mentions(
                rest,
                &[
                    "before it goes",
                    "before it ships",
                    "before it leaves",
                    "before it's sent",
                    "before shipping",
                    "before dispatch",
                ],
            )
    })
}

/// Whether `text` asks how to send the goods back should the cancellation not be possible
/// ("取消不了的话，那我要怎么退？", "if it's already shipped, how do I return it then?"): the
/// return policy asked, the cancellation still wanted.
pub fn asks_how_to_return_if_not(text: &str) -> bool {
    let lower = text.to_lowercase();
    let how = mentions(
        &lower,
        &[
            "怎么退",
            "如何退",
            "退货怎么",
            "怎么办退货",
            "how do i return",
            "how would i return",
            "how can i return",
            "how do returns work",
            "how do i send it back",
            "how would i send it back",
            // "已经送到了？那我不要了怎么办".
            "不要了怎么办",
            "不想要了怎么办",
            "what do i do with it",
        ],
    );
    let if_not = mentions(
        &lower,
        &[
            "取消不了",
            "不能取消",
            "没法取消",
            "不能的话",
            "不行的话",
            "已经发出",
            "已经发货",
            "已经送到",
            "货已经到了",
            "快递已经到了",
            "包裹已经到了",
            "already delivered",
            "already arrived",
            "if not",
            "if it can't",
            "if it cant",
            "if you can't",
            "if you cant",
            "can't be cancelled",
            "cant be cancelled",
            "if it's already shipped",
            "if its already shipped",
            "if it already shipped",
            "if it's shipped",
            "too late to cancel",
        ],
    );
    how && if_not
}

/// Whether `lower` says "cancel" right before an order's number ("Cancel 1002 please, found a
/// bottle cheaper locally", "pls cancel #1002").
fn cancels_an_order_named(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.windows(2).any(|w| {
        matches!(
            w[0].trim_matches(|c: char| !c.is_alphanumeric()),
            "cancel" | "cancelling"
        ) && w[1]
            .trim_start_matches(['#', '№'])
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
            >= 4
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_return_asked_should_the_cancellation_fail_is_heard() {
        for text in [
            "取消不了的话，那我要怎么退？",
            "如果已经发出去了还能取消吗？不能的话要怎么退",
            "if it's already shipped, how do I return it then?",
            "已经送到了？那我不要了怎么办",
        ] {
            assert!(asks_how_to_return_if_not(text), "{text}");
        }
        assert!(!asks_how_to_return_if_not("how do I return it"));
        assert!(!asks_how_to_return_if_not("取消不了吗"));
        assert!(!asks_how_to_return_if_not(
            "都已经到了第五天还没发货，我不想要了怎么办"
        ));
    }

    #[test]
    fn a_cancellation_asked_for_is_told_apart_from_its_policy_and_other_things_cancelled() {
        for text in [
            "right, then cancel it. everything you need is up there in my first message",
            "ugh I ordered the water bottle by accident, is it too late to cancel?? my account says processing",
            "Good evening. I ordered a water bottle from you but then found one at a shop near me. Is it too late to cancel?",
            "算了 那就取消吧",
            "1002还能取消吗",
            "having second thoughts about the water bottle, can you stop it before it leaves the warehouse?",
            "I placed an order for one of your bottles and I have decided I would rather not have it.",
            "i ordered a water bottle a few days ago and changed my mind, can it still be stopped before it goes out?",
            "is it too late to stop 1002 from going out",
            "Can I still stop 1002 before it goes out? Found the exact same bottle at a shop down the road.",
            "is it too late to stop the water bottle order",
            "li.wei@example.com here. I need to stop the water bottle order before it ships, the one going to Shanghai",
            "found the same kind at a shop round the corner. Is it too late to call it off?",
            "doesn't matter much, I just need 1002 cancelled",
            "Hmm actually keep the old address, sorry. Cancel the whole thing instead.",
            "Cancel 1002 please, found a bottle cheaper locally",
        ] {
            assert!(asks_to_cancel_an_order(text), "{text}");
        }
        for text in [
            "is there a fee to cancel?",
            "how do I cancel an order?",
            "please cancel my newsletter subscription",
            "I want to cancel my account",
            "取消订单要手续费吗",
            "where is my order",
            "hmm actually hold off, don't cancel it. different question: do you ship to Japan?",
            "先不取消了，我再想想",
            "can your driver stop here before 5pm?",
            "make him stop before I call the police",
        ] {
            assert!(!asks_to_cancel_an_order(text), "{text}");
        }
    }
}
