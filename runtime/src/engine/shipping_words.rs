//! What shoppers ask of the shop's shipping and stock, before or beside an order: what
//! delivery costs, a shipping option named, when a product is back in stock. Pure word
//! reading, like [`super::delivery_words`]; the decisions that use it are the routing rules (`routing_*.rs`),
//! `beside.rs` and `decide.rs`.

use super::language::{mentions, says_word};

/// Whether `text` asks what shipping costs ("how much is shipping if my order is $40",
/// "运费多少", "is delivery free?"): the shop's delivery options answer it, not its times.
pub fn asks_what_shipping_costs(text: &str) -> bool {
    let cost = mentions(
        text,
        &[
            "how much",
            "cost",
            "price",
            "fee",
            "free",
            "charge for",
            "charged",
            // "if i only spend like 40 bucks do i pay for shipping", "how much is it to ship".
            "pay for",
            "do i pay",
            "多少钱",
            "收费",
            "免费",
        ],
    );
    let shipping = mentions(
        text,
        &[
            "shipping", "delivery", "postage", "ship it", "to ship", "配送", "快递",
        ],
    );
    // "do you ship to the UK and what does that cost" (not "how much is the navy cap and do
    // you ship to Ireland?").
    let shipping_there = mentions(text, &["ship to"])
        && mentions(
            text,
            &[
                "what does that cost",
                "what does it cost",
                "how much would that",
                "how much is that",
            ],
        );
    // What to spend for it to cost nothing, asked after the fee ("so how much more do I have
    // to spend for it to be free"): the free-delivery threshold.
    let threshold = mentions(text, &["spend"])
        && mentions(
            text,
            &["to be free", "it free", "free shipping", "free delivery"],
        )
        && !mentions(text, &["points", "voucher", "coupon", "gift card", "积分"]);
    // The fee named and grumbled at ("5 dollars shipping on a 29 tshirt?? that's daylight
    // robbery").
    let fee_named = mentions(
        text,
        &[
            "dollars shipping",
            "dollar shipping",
            "bucks shipping",
            "dollars for shipping",
            "bucks for shipping",
            "dollars delivery",
            "bucks delivery",
            "dollars postage",
        ],
    );
    (cost && (shipping || names_a_shipping_option(text)))
        || shipping_there
        || threshold
        || fee_named
        || mentions(text, &["运费", "邮费", "包邮", "shipping fee"])
}

/// Whether `text` names one of the shop's ways of sending by its kind ("standard", "express",
/// "普通发货", "加急"): a question about that option in general, not about one order.
pub fn names_a_shipping_option(text: &str) -> bool {
    mentions(
        text,
        &[
            "standard shipping",
            "standard delivery",
            "express",
            "overnight",
            "next day delivery",
            // Named by speed ("and what does the fast option cost").
            "fast option",
            "faster option",
            "quick option",
            "quicker option",
            "fast shipping",
            "faster shipping",
            "quicker shipping",
            "fast delivery",
            "faster delivery",
            "expedited",
            "rush shipping",
            "priority shipping",
            "普通发货",
            "普通快递",
            "普通配送",
            "标准配送",
            "标准快递",
            "加急",
            "次日达",
        ],
    )
}

/// Whether `text` asks when a product will be back in stock ("when is the steel bottle
/// back??", "什么时候补货"), not when money or goods come back.
pub fn asks_when_back_in_stock(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    // "水杯怎么又没货了 啥时候补啊": when it is topped up, not what is resent or paid back (补发,
    // 补差价, 补偿).
    let topped_up = ["啥时候补", "什么时候补", "何时补", "多久补"]
        .iter()
        .any(|w| {
            lower.match_indices(w).any(|(at, w)| {
                !lower[at + w.len()..].starts_with(|c: char| "发寄偿差开款钱退".contains(c))
            })
        });
    topped_up
        || mentions(
        &lower,
        &[
            "back in stock",
            "restock",
            "补货",
            "到货",
            // "the steel bottle, when's it back?"
            "when's it back",
            "whens it back",
            "when is it back",
            "when will it be back",
            "when will they be back",
            "when are they back",
        ],
    )
        // "when's the bottle back?", "steel bottle back when???".
        || ((lower.starts_with("when") || lower.contains("back when"))
            && says_word(&lower, &["back"])
            && !mentions(
                &lower,
                &[
                    "send", "money", "refund", "return", "hear", "get back", "call",
                ],
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shipping_option_named_is_a_question_about_that_option() {
        for text in [
            "普通发货要多久",
            "那改成加急要加多少钱",
            "how fast is express?",
        ] {
            assert!(names_a_shipping_option(text), "{text}");
        }
        assert!(asks_what_shipping_costs("那改成加急要加多少钱"));
        assert!(asks_what_shipping_costs(
            "my lawyer friend swears by your hoodies lol. do you ship to the UK and what does that cost"
        ));
        assert!(!asks_what_shipping_costs("how much is the hoodie"));
        assert!(!asks_what_shipping_costs(
            "how much is the navy cap and do you ship to Ireland?"
        ));
        assert!(!names_a_shipping_option("where is my order 1002"));
    }

    #[test]
    fn a_product_back_in_stock_is_asked_not_money_or_goods_coming_back() {
        for text in [
            "when is the steel bottle back??",
            "什么时候补货",
            "will the hoodie be back in stock",
        ] {
            assert!(asks_when_back_in_stock(text), "{text}");
        }
        for text in [
            "when do I get my money back",
            "when will you send it back",
            "when can I hear back",
        ] {
            assert!(!asks_when_back_in_stock(text), "{text}");
        }
    }
}
