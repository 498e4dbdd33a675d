//! Whether a payment was taken twice for one purchase, or a double charge is only feared
//! before paying: the billing error's kind told apart from a payment question. Pure.

/// Whether `lower` tells of a payment taken twice for one purchase, in words the list does
/// not hold ("我的信用卡 got hit twice 两次 for order 1003?? I only bought one cap", "why did
/// you take 69 off me twice? I bought ONE hoodie"): a taking word, a twice word and one thing
/// bought, the payment not said to have failed or been tried.
pub(super) fn taken_twice(lower: &str) -> bool {
    use super::language::{mentions, says_word};
    let twice = mentions(
        lower,
        &[
            "twice",
            "two times",
            "2 times",
            "three times",
            "3 times",
            "three separate",
            "multiple times",
            // "my statement shows two payments to you and I only placed one order (1003)".
            "two payments",
            "two charges",
            "2 payments",
            "2 charges",
            "两次",
            "两笔",
            // "a second payment for order 1003 on a day I wasn't even home".
            "a second payment",
            "a second charge",
            "两遍",
            "三次",
        ],
    );
    let payment = mentions(
        lower,
        &[
            "card",
            "payment",
            "bank",
            "statement",
            "paypal",
            // "it showed up on my amex twice this week and I only ordered once".
            "amex",
            "visa",
            "mastercard",
            "支付宝",
            "信用卡",
            "银行卡",
            "付款",
            "支付",
            "账单",
        ],
    );
    let taken = says_word(lower, &["charged", "billed", "debited"])
        || mentions(lower, &["扣", "冒出来", "多了一笔"])
        // "it showed up on my amex twice this week and I only ordered once".
        || (payment && mentions(lower, &["showed up", "shows up"]))
        || says_word(lower, &["take", "took", "taken"])
        // "我的信用卡 statement shows 22 块 twice from you guys??".
        || (payment
            && says_word(
                lower,
                &["hit", "went", "gone", "shows", "showing", "appears", "appeared"],
            ))
        // "I see 98.00 twice on my statement but I only placed one order (1001)": seen, with the
        // sum or the twice right after (not "I've messaged twice and still can't see any
        // tracking").
        || (payment && sees_it_twice(lower));
    let one_bought = mentions(
        lower,
        &[
            "bought one",
            "ordered one",
            "bought 1 ",
            "ordered 1 ",
            "one order",
            "only one",
            "只买了一",
            "bought once",
            "ordered once",
            "only ordered",
            "only bought",
            "只下过一次",
            "只买过一次",
            "只下了一",
            "就买了一",
            "就下了一",
            // "怎么会扣我两次钱？同一个订单扣了两遍".
            "同一个订单",
            "同一笔订单",
            "same order",
        ],
    )
    // One order named by its number ("my order 1003 was 22 but my bank app shows you took 22
    // three separate times", "why did you take money 两次 for order 1003?").
    || kefu_intent::slots::first(
        &kefu_intent::slots::extract(lower),
        kefu_intent::slots::SlotKind::OrderNumber,
    )
    .is_some();
    let failed = mentions(
        lower,
        &[
            "failed",
            "declined",
            "tried",
            // One of the two taken back already ("one line says reversed, so I guess it's
            // fine?").
            "reversed",
            "it's fine",
            // Shown twice and found once ("…but only one charge is on my bank, so nvm, all
            // good").
            "only one charge is",
            "so nvm",
            "so all good",
            "pending",
            "didn't go through",
            "didnt go through",
            "失败",
            "没成功",
            "没付成",
            "试了",
        ],
    );
    twice && taken && one_bought && !failed
}

/// Whether `lower` says a sum or a charge is seen twice: "see", "seeing", "saw" or "listed",
/// followed within three words by an amount, "twice", or a charge.
fn sees_it_twice(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '!' | '?'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        ["see", "seeing", "saw", "listed"].contains(w)
            && words.iter().skip(i + 1).take(3).any(|n| {
                n.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c == '$' || c == '¥')
                    || ["twice", "two", "charge", "charges", "payment", "payments"].contains(n)
            })
    })
}

/// Whether `lower` says a double charge it feared turned out to be something else ("I thought
/// I paid twice but one was my old order, all good", "吓死我了 以为付了两次钱 原来一笔是上个月
/// 的订单"): nothing to put right.
pub(super) fn feared_and_found_another(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &["i thought i", "thought i was", "thought you", "以为"],
    ) && super::language::mentions(
        lower,
        &[
            "one was my old",
            "one was for my old",
            "one was from my",
            "one was my last",
            "one was for another",
            "was another order",
            "other order",
            "原来一笔是",
            "上个月的订单",
            "之前的订单",
            "另一个订单",
        ],
    )
}

/// Whether `lower` asks whether a charge will happen rather than says it did ("I was
/// charged twice, will I be charged again?" says it did), or how to pay in parts.
pub(super) fn worries_about_a_charge(lower: &str) -> bool {
    let happened = super::language::mentions(
        lower,
        &[
            "was charged",
            "been charged",
            "got charged",
            "charged me",
            "扣了",
            "扣款了",
        ],
    );
    !happened
        && super::language::mentions(
            lower,
            &[
                "will i be charged",
                "will i get charged",
                // "Does my card get charged again if I swap the hoodie for a different size?"
                "get charged again if",
                "be charged again if",
                "charged again if",
                "charged twice if",
                "does my card get charged",
                "do i get charged",
                "would i be charged",
                "am i going to be charged",
                "will you charge",
                "will it charge",
                "don't want to be charged",
                "dont want to be charged",
                "不想被重复扣",
                "会不会重复",
                "会不会扣",
                "会不会被扣",
                "会重复扣",
                // A way to pay asked ("can I split it into two payments?", "do you take 2
                // payments for one order? half now half later").
                "can i split",
                "could i split",
                "do you take",
                "half now",
                "分两次付",
            ],
        )
}
