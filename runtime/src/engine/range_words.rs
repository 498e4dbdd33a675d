//! Questions about what the shop sells at all, with no product of the catalogue named: "do
//! you guys sell socks", "你们有卖袜子吗", "有啥适合当生日礼物的". In scope however the models
//! read them: the catalogue answers (and says so when the shop has no such thing). Pure word
//! reading.

use super::language::{mentions, says_word, word_then_word};

/// Whether `text` asks whether the shop sells something ("also do you guys sell socks",
/// "y'all carry phone cases?", "你们家有卖袜子吗", "有没有卖保温杯的") or what it has for someone
/// ("那你们有啥适合当生日礼物的", "what would you recommend for my dad"). Not the shopper's data
/// sold ("do you sell my info"), nor stock of goods on an order.
pub fn asks_what_the_shop_sells(text: &str) -> bool {
    let lower = text.to_lowercase();
    // The shopper's data, sold or kept: data protection, read elsewhere.
    if mentions(
        &lower,
        &[
            "my data",
            "my info",
            "my details",
            "my email",
            "my address",
            "my number",
            "my history",
            "sell it",
            "sell them",
            "third part",
            "data",
            "information",
            "personal",
            "我的信息",
            "我的数据",
            "个人信息",
            "隐私",
        ],
    ) {
        return false;
    }
    let sells = word_then_word(
        &lower,
        &[
            "you", "u", "guys", "all", "yall", "y'all", "ya", "folks", "shop", "store",
        ],
        &["sell", "carry", "stock"],
        // "lol ok fair. do you at least sell anything warm then".
        3,
    ) && !says_word(&lower, &["sold", "selling"]);
    let for_someone = word_then_word(
        &lower,
        &["recommend", "suggest", "suggestions", "recommendations"],
        &["for", "something", "anything", "a", "gift", "present"],
        2,
    ) && mentions(&lower, &["gift", "present", "birthday", "for my", "for a "]);
    // "ok what DO you sell", "你们都卖啥": the range itself.
    let what = mentions(
        &lower,
        &[
            "what do you sell",
            "what do you guys sell",
            "what do u sell",
            "what else do you sell",
            "what do you carry",
            "what do you have for sale",
            "what products do you",
            // What sells best, asked while browsing ("just browsing, what's popular right
            // now?", "what do people buy most?"): the range answers it.
            "what's popular",
            "whats popular",
            "what is popular",
            "most popular",
            "what do people buy",
            "best seller",
            "bestseller",
            "卖得最好",
            "什么最火",
            "热卖",
            "爆款",
            "你们卖什么",
            "你们卖啥",
            "都卖啥",
            "都卖什么",
            "卖些什么",
            "卖些啥",
            "any new arrivals",
            "有什么新品",
            "新品有哪些",
            "有啥新品",
            "最近上新",
        ],
    );
    let zh_sells = mentions(
        &lower,
        &["有卖", "有没有卖", "你们卖", "你们家卖", "你家卖", "卖不卖"],
    );
    // Suggestions asked of the shop ("你们有啥适合当生日礼物的"), not of the world ("推荐一下
    // 附近好吃的").
    let zh = zh_sells
        || mentions(
            &lower,
            &[
                "有没有适合",
                "有啥适合",
                "有什么适合",
                // "好吧 那你们有适合当生日礼物的东西吗".
                "有适合当",
                "有适合送",
                "有啥推荐",
                "有什么推荐",
                "推荐点",
                "推荐一下",
                "推荐个",
            ],
        ) && mentions(&lower, &["你们", "你家", "礼物", "送", "买"]);
    let zh = zh && !mentions(&lower, &["我卖", "转卖", "倒卖"]);
    sells || for_someone || what || zh
}

#[cfg(test)]
mod tests {
    use super::asks_what_the_shop_sells;

    #[test]
    fn the_shops_range_asked_is_heard_its_look_alikes_are_not() {
        for text in [
            "also do you guys sell socks",
            "y'all carry phone cases?",
            "lol ok fair. do you at least sell anything warm then",
            "does your store stock kids sizes",
            "你们家有卖袜子吗",
            "有没有卖保温杯的",
            "哈哈开玩笑的，你们卖袜子吗",
            "好吧。那你们有啥适合当生日礼物的",
            "what would you recommend for my dad's birthday",
            "can you suggest a gift for my sister",
            "ok what DO you sell",
            "你们都卖啥",
        ] {
            assert!(asks_what_the_shop_sells(text), "{text}");
        }
        for text in [
            "do you sell my info to advertisers?",
            "how do you use my browsing history, do you sell it to anyone?",
            "is the navy cap sold out",
            "I sold my old hoodie",
            "你们会不会把我的信息卖给别人",
            "where is my order",
            "thanks for the recommendation",
            "do you guys sell personal information to advertisers?",
            "推荐一下附近好吃的",
        ] {
            assert!(!asks_what_the_shop_sells(text), "{text}");
        }
    }
}
