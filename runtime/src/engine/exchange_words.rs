//! Goods asked to be exchanged, replaced or swapped for other goods, rather than refunded
//! ("can i swap it for a medium", "能换吗 不想退", "I want my hoodies replaced"): what the
//! shopper wants instead of the money back. Lower-case substring checks; the claims that use
//! them are heard in `claim_words.rs`, which re-exports them.

use super::language::{mentions, says_word};

/// Whether `text` asks to swap an item for another size or colour ("can i swap it for a
/// medium", "exchange for a bigger size", "能换个尺码吗").
pub fn asks_to_exchange(text: &str) -> bool {
    // "I don't want to exchange", "不换了，退款": turned down, not asked.
    if mentions(
        text,
        &[
            "don't want to exchange",
            "dont want to exchange",
            "do not want to exchange",
            "don't want an exchange",
            "dont want an exchange",
            "no exchange",
            "not an exchange",
            "not exchange",
            "rather not exchange",
            "don't want to swap",
            "dont want to swap",
            "不换",
            "不要换",
            "不想换",
            "不用换",
        ],
    ) {
        return false;
    }
    says_word(text, &["swap", "exchange", "exchanges", "exchanging"])
        || mentions(
            text,
            &[
                "换尺码",
                "换 size",
                "换size",
                "换个 size",
                "换个size",
                "换个码",
                "换码",
                "换大一码",
                "换小一码",
                // "能换成大一号的吗", "换个大一号的", "换成小一码".
                "换成大一",
                "换成小一",
                "换大一号",
                "换小一号",
                "换个大一",
                "换个小一",
                "for a bigger size",
                "for a smaller size",
                "for the next size",
                "a size up instead",
                "a size down instead",
                "换颜色",
                "换个颜色",
                "换货",
                // "能换吗 不想退", "能直接换一件吗".
                "能换吗",
                "能不能换",
                "可以换吗",
                "换一件",
                "换一顶",
                "换一个新的",
                // The right goods instead of the wrong ones ("帮我换成对的颜色吧").
                "换成对的",
                "换成正确的",
                // "carlos@example.com 想换成我买的那个颜色".
                "换成我买的",
                "send the right",
                "send me the right",
            ],
        )
}

/// Whether `text` asks for an exchange and turns the refund down ("能换吗 不想退", "can I
/// swap it? I don't want a refund"): no money back is asked.
pub fn exchange_instead_of_a_refund(text: &str) -> bool {
    asks_to_exchange(text)
        && mentions(
            &text.to_lowercase(),
            &[
                "不想退",
                "不退",
                "not a refund",
                "no refund",
                "don't want a refund",
                "dont want a refund",
            ],
        )
}

/// Whether `text` asks for goods to be replaced ("I want my hoodies replaced", "给我补发").
pub fn asks_for_a_replacement(text: &str) -> bool {
    // Turned down ("yeah the full 22 is fine, no need to send another one", "不用补发").
    let declined = mentions(
        text,
        &[
            "no need to",
            "don't send",
            "dont send",
            "don't need a",
            "dont need a",
            "not a replacement",
            "no replacement",
            "不用补发",
            "不用重新发",
            "不用再发",
            "不要补发",
            "不要重新发",
            "别发",
            // "I don't want a new one, just my money back".
            "don't want a new one",
            "dont want a new one",
            "not a new one",
            "no new one",
            "不想要个新的",
            "不要新的",
            "不用给我个新的",
        ],
    );
    !declined
        && (says_word(text, &["replaced", "replacement", "replacements"])
            || mentions(
                text,
                &[
                    "replace them",
                    "replace it",
                    // Sent again ("要么重新发一份 要么把98全退了", "just send another one").
                    "send another",
                    "resend",
                    "send it again",
                    "send them again",
                    "重新发",
                    "再发一份",
                    "重发",
                    "补发",
                    "换新",
                    "换一个新的",
                    "换个新的",
                    // "honestly I'd take a new one over money", "i'd rather have a new one".
                    "take a new one",
                    "have a new one",
                    "want a new one",
                    "new one instead",
                    "a new one over",
                    "a fresh one",
                    "要个新的",
                    "给我个新的",
                    "换个好的",
                ],
            ))
}

/// Whether `text`, telling of a claim, asks for other goods rather than money back: an
/// exchange, a replacement, or the goods swapped in so many words ("能换吗", "can you just
/// swap it").
pub fn asks_for_other_goods(text: &str) -> bool {
    let lower = text.to_lowercase();
    // The goods ordered still wanted, the money turned down ("carlos@example.com 我还是要藏青
    // 色的 不要退款", "I still want the navy one, no refund").
    let still_wants_them = mentions(
        &lower,
        &[
            "还是要",
            "我要的是",
            "still want the",
            "still want a",
            "still want my",
        ],
    )
    // (A refund insisted on is no such thing: "I still want my refund, no refund has come".)
    && !mentions(
        &lower,
        &[
            "还是要退",
            "我要的是退",
            "still want the refund",
            "still want a refund",
            "still want my refund",
            "still want my money",
            "still want the money",
        ],
    )
    && mentions(
        &lower,
        &[
            "色", "款", "件", "顶", "个", "navy", "black", "grey", "gray", "size", "colour", "color",
            "one", "hoodie", "cap", "tee", "shirt", "bottle",
        ],
    )
    && mentions(
        &lower,
        &[
            "不要退款",
            "不退款",
            "不想退",
            "不用退",
            "no refund",
            "not a refund",
            "don't want a refund",
            "dont want a refund",
            "don't want my money",
            "dont want my money",
        ],
    );
    still_wants_them
        || asks_to_exchange(&lower)
        || asks_for_a_replacement(&lower)
        || mentions(
            &lower,
            &[
                "能换吗",
                "能不能换",
                "可以换吗",
                "可不可以换",
                "换一个吗",
                "换一下吗",
                // "能不能直接换一件新的".
                "换一件新的",
                "换件新的",
                "换一顶新的",
                "换一个新的",
            ],
        )
}
