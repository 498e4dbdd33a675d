//! Whether a message asks to send goods back, asks whether it may, tells the bot to start a
//! return, says the goods were sent, or asks how long the shopper has: the return of goods,
//! apart from the money asked back (`refund_words.rs`). Pure word reading; the decisions are
//! in [`super::routing`] and [`super::money`].

use super::language::{mentions, says_word};

/// Whether `text` asks to send goods back ("can I still send one of the hoodies back?",
/// "能退回去吗"): a return, whatever product it names.
pub fn asks_to_send_back(text: &str) -> bool {
    let lower = text.to_lowercase();
    let send_back = lower
        .find("send")
        .is_some_and(|at| lower[at..].contains(" back"));
    send_back
        || mentions(
            text,
            &[
                "return one of",
                "return it",
                "return them",
                "return the",
                "退回去",
                "寄回去",
                "退一件",
            ],
        )
}

/// Whether `text` asks whether the goods may go back, with no condition or "how" in the
/// question ("订单1003能退吗？", "那可以退一件吗, just one hoodie", "can I return the cap?"):
/// on an order whose owner is known, the shopper wants it done. "Can I return it if I wore
/// it once?" and "how do I return it?" ask about the policy.
pub fn asks_to_return_it(text: &str) -> bool {
    // "想退1003那顶帽子，戴着有点紧"; not "不想退了", "想退订", "想退出".
    let wants_to =
        text.contains("想退") && !mentions(text, &["不想退", "想退订", "想退出", "想退一步"]);
    (wants_to
        || mentions(
            text,
            &[
                "能退吗",
                "可以退吗",
                // The return instead of a cancellation ("什么?已经送到了?那我退货总行吧").
                "退货总行",
                "那我退货",
                "退货行吗",
                "退货可以吗",
                "then i'll return it",
                "can i return it instead",
                "能退货吗",
                "可以退货吗",
                "能不能退",
                "可不可以退",
                "可以退一",
                "能退一",
                "can i return",
                "could i return",
                "can i send it back",
                "can i send them back",
            ],
        ))
        && !only_wonders(text)
}

/// Whether `text` wonders about sending goods back rather than asks it done: with a
/// condition, a "how", a "when" or the policy in it ("if i want to return it, whats the
/// deadline", "还能退吗", "can I still return it": whether it is in time, which the return
/// window answers).
pub fn only_wonders(text: &str) -> bool {
    mentions(
        text,
        &[
            "if ",
            "how",
            "policy",
            "deadline",
            "what",
            "until",
            "when",
            "still",
            "如果",
            "怎么",
            "如何",
            "政策",
            "规定",
            "的话",
            "还能",
            "还可以",
            "什么时候",
            "到哪天",
            "期限",
        ],
    )
}

/// Whether `text` tells the bot to start what it has just explained ("alright, go ahead and
/// start it", "那就帮我退吧"): after a return's steps, the refund the plugin weighs.
pub fn starts_it(text: &str) -> bool {
    mentions(
        text,
        &[
            "go ahead and start",
            "start it",
            "start the return",
            "start my return",
            "start a return",
            "go ahead with it",
            "go ahead with the return",
            "do it for me",
            // "ok do it" after the refund policy was told.
            "ok do it",
            "okay do it",
            "yes do it",
            "let's do it",
            "lets do it",
            "do it then",
            "那就办吧",
            "帮我退吧",
            "那就退吧",
            "就退了吧",
            "帮我办",
            "开始吧",
            "帮我申请",
            "退吧",
        ],
    ) && !super::cues::is_a_question(text)
        && !mentions(
            text,
            &[
                "不退", "先不", "don't", "dont", "not yet", "later", "keep", "swap", "exchange",
                "instead", "myself",
            ],
        )
}

/// Whether `text` says the goods were already sent back ("两件卫衣我都寄回去了", "returned the
/// hoodies two weeks ago"), not asks whether they may be ("can I send it back?").
pub fn says_sent_back(text: &str) -> bool {
    let lower = text.to_lowercase();
    let sent_back = ["sent", "mailed", "shipped", "posted", "dropped"]
        .iter()
        .any(|w| {
            lower.match_indices(w).any(|(at, _)| {
                let after = &lower[at + w.len()..];
                // "I sent the cap from order 1003 back last week": the goods named between,
                // in one clause, nothing sent to the shopper.
                after.find(" back").is_some_and(|b| {
                    b <= 16
                        || (b <= 32
                            && !after[..b].contains([',', '.', '!', '?', ';'])
                            && !after[..b].starts_with(" me")
                            && !after[..b].contains(" you")
                            && !after[..b].contains(" i "))
                })
            })
        });
    let returned = super::language::says_word(text, &["returned"])
        && !mentions(text, &["returned to sender", "be returned", "returned?"]);
    // Asked whether the return went through: it was sent ("whether the return for my cap
    // went through").
    let return_through = says_word(text, &["return"])
        && mentions(text, &["went through", "go through", "gone through"]);
    sent_back
        || returned
        || return_through
        || mentions(
            text,
            &[
                "dropped off the return",
                "received my return",
                "got my return",
                "退货收到了吗",
                "退货到了吗",
                "寄回去了",
                "退回去了",
                "寄回了",
                "已寄回",
                "已经寄回",
                "已退回",
                "退货寄出",
                "寄回给你们了",
            ],
        )
}

/// Whether `text` asks how long the shopper has to return something ("那退货期限到什么时候",
/// "收到以后多久内可以退", "how long do I have to return it"): the shop's return policy.
pub fn asks_about_the_return_window(text: &str) -> bool {
    mentions(
        text,
        &[
            "退货期限",
            "退货时间",
            "多久内可以退",
            "多久可以退",
            "几天内可以退",
            "多少天内",
            "时间限制",
            "shi jian xian zhi",
            "return window",
            "return deadline",
            "how long do i have to return",
            // "how long have I got to do that", after sending it back was the matter.
            "how long have i got",
            "how long do i have",
            "how long do i have to send",
            "how many days do i have",
            "how many days to return",
        ],
    )
}

/// Whether `text` asks about a return once the goods arrive ("那 once it arrives can I return
/// it instead?", "到了以后还能退吗"): the goods are not in hand yet, so the return policy
/// answers; there is nothing to refund.
pub fn once_it_arrives(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "once it arrives",
            "once it comes",
            "once it gets here",
            "once they arrive",
            "once i get it",
            "when it arrives",
            "when it gets here",
            "after it arrives",
            "after it comes",
            "到了以后",
            "到了之后",
            "到货以后",
            "到货之后",
        ],
    )
}

#[cfg(test)]
#[path = "return_words_tests.rs"]
mod tests;
