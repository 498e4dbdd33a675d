//! Which language to answer in, and the few wording tests the decision needs that are not
//! the intent model's: whether a message is short enough to be an elliptical follow-up, and
//! whether a product question is about stock.

use kefu_intent::Language;

use super::replies::Lang;

/// The script `text` is written in, if it has letters of one.
pub fn script(text: &str) -> Option<Lang> {
    let words = words(text);
    match kefu_intent::language(&words) {
        Language::Zh | Language::Mixed => Some(Lang::Zh),
        Language::En if words.chars().any(|c| c.is_ascii_alphabetic()) => Some(Lang::En),
        Language::En => None,
    }
}

/// `text` without the tokens that say nothing of a language: email addresses and Latin-script
/// tokens holding a digit (order numbers like `A1002`, amounts, phone numbers). A Chinese
/// shopper's `jane@example.com` is not English; `订单1002呢` keeps its Chinese.
fn words(text: &str) -> String {
    text.split_whitespace()
        .filter(|t| !(t.is_ascii() && (t.contains('@') || t.chars().any(|c| c.is_ascii_digit()))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language to answer `text` in: its script, else the widget's locale.
pub fn reply_lang(text: &str, locale: &str) -> Lang {
    script(text).unwrap_or_else(|| Lang::from_tag(locale))
}

/// The language to answer `text` in within a conversation: its script; for a message that
/// shows none (a bare email or order number), the language the bot was speaking
/// (`last_bot`); else `fallback`.
pub fn continue_in(text: &str, last_bot: Option<&str>, fallback: Lang) -> Lang {
    script(text)
        .or_else(|| last_bot.and_then(script))
        .unwrap_or(fallback)
}

/// Whether `text` is short enough to be an elliptical follow-up ("订单1002呢", "and 1002?").
pub fn is_follow_up(text: &str) -> bool {
    match kefu_intent::language(text) {
        Language::En => text.split_whitespace().count() <= 4,
        Language::Zh | Language::Mixed => text.chars().count() <= 10,
    }
}

/// Whether `text`, lower-cased, contains any of `words` (written in lower case).
pub fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// Whether `text`, lower-cased and cut into words at anything not a letter or digit, has
/// one of `words` (written in lower case) as a whole word: "uk" is not found in "hulk",
/// nor "late" in "chocolate".
pub fn says_word(text: &str, words: &[&str]) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// Whether `text` is small talk and nothing else ("how's your day going", "how are you?",
/// "你好吗", "今天过得怎么样"): a short message with no request in it. A topic the model
/// hears weakly in it is noise: nobody harassed or in danger writes only this.
pub fn is_small_talk(text: &str) -> bool {
    let short = match kefu_intent::language(text) {
        Language::En => text.split_whitespace().count() <= 7,
        Language::Zh | Language::Mixed => text.chars().count() <= 12,
    };
    short
        && mentions(
            text,
            &[
                "how's your day",
                "hows your day",
                "how is your day",
                "how was your day",
                "how's it going",
                "hows it going",
                "how are you",
                "how r u",
                "how are u",
                "how you doing",
                "how're you",
                "what's up",
                "whats up",
                "nice to meet you",
                "你好吗",
                "过得怎么样",
                "最近怎么样",
                "最近好吗",
                "吃了吗",
                "吃饭了吗",
            ],
        )
}

/// Whether `text` says something sudden and serious has happened to the shopper ("family
/// emergency", "家里出了急事", "突发状况"): with a request about their order, time pressure
/// the topic model may not hear when no date is named. Harm to someone is the safety
/// topic's, heard before this.
pub fn speaks_of_an_emergency(text: &str) -> bool {
    mentions(
        text,
        &[
            "family emergency",
            "personal emergency",
            "emergency at home",
            "an emergency came up",
            "had an emergency",
            "have an emergency",
            "there's been an emergency",
            "emergency situation",
            "急事",
            "家里出事",
            "家里出了事",
            "紧急情况",
            "突发情况",
            "突发状况",
            "事发突然",
            "家里有急",
            "jia li chu shi",
            // A death in the family.
            "funeral",
            "passed away",
            "葬礼",
            "去世",
            "过世",
            // A stay in hospital ahead.
            "住院",
            "做手术",
            "动手术",
            "having surgery",
            "surgery tomorrow",
            "hospitalised",
            "hospitalized",
            "going into hospital",
            "admitted to hospital",
        ],
    )
}

/// Whether `text` names a moment still to come that something is needed by ("for my flight
/// on friday", "before then", "明天", "下周一"), or says it is urgent: time pressure. A
/// message that only says an order is late speaks of the past ("the estimated date was last
/// week", "another week and still nothing"): that is the order's whereabouts, not urgency.
pub fn names_a_deadline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let day = says_word(
        &lower,
        &[
            "tomorrow",
            "today",
            "tonight",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "weekend",
            "before",
            "until",
            "asap",
            "urgent",
            "urgently",
            "deadline",
        ],
    );
    day || [
        "next week",
        "this week",
        "in time",
        "by then",
        "明天",
        "后天",
        "今天",
        "今晚",
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
        "周末",
        "下星期",
        "下周",
        "这周",
        "之前",
        "以前",
        "来得及",
        "赶得上",
        "急",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether `text` says the shopper already gave what the bot is asking for ("I already told
/// you", "我刚才说过了").
pub fn says_already_told(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "already told",
        "i told you",
        "told u",
        "already said",
        "already gave",
        "already sent",
        "already provided",
        "i just said",
        "i just gave",
        "i just told",
        "said it already",
        "scroll up",
        "说过了",
        "已经给",
        "已经发",
        "已经告诉",
        "刚才给",
        "刚才发",
        "上面有",
        "前面说",
        "我说过",
        "讲过了",
        "我讲过",
        "都说了",
        "已经说",
        "说了好几",
        "说了几遍",
        // Asked again and again: what is asked is the question before.
        "third time i",
        "time im asking",
        "time i'm asking",
        "asking again",
        "问了好几",
        "问了几遍",
        "第三次问",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || already_and_a_telling_word(&lower)
}

/// "already" with a word for telling anywhere in the message, as non-native and hurried
/// writers put them: "I already say you my order number", "I SAY IT ALREADY", "told you
/// already", "i write three times already". A word for doing ("I already sent the hoodie
/// back") is not telling.
fn already_and_a_telling_word(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let already = words
        .iter()
        .any(|w| matches!(*w, "already" | "alrdy" | "alr" | "allready"));
    let telling = words.iter().any(|w| {
        matches!(
            *w,
            "say"
                | "said"
                | "tell"
                | "told"
                | "write"
                | "wrote"
                | "written"
                | "mention"
                | "mentioned"
                | "type"
                | "typed"
                | "give"
                | "gave"
                | "given"
        )
    });
    already && telling
}

/// Whether `text` asks to be put through to someone, in words that name no "human" or
/// "agent" ("is there anyone from customer service I can chat with?", "I'd rather have a
/// person sort this out", "帮我转接客服"): someone to reach, a way of reaching them, and the
/// shape of a request. [`super::replies::asks_for_human`] has the explicit words.
pub fn asks_for_a_person(text: &str) -> bool {
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let someone = has(&[
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "a person",
        "customer service",
        "customer support",
        "support team",
        "your team",
        "staff",
        "manager",
        "supervisor",
    ]);
    let reach = has(&[
        "talk",
        "chat",
        "speak",
        "contact",
        "reach",
        "call me",
        "sort this",
        "sort it",
        "deal with",
        "handle this",
        "look into",
        "look at this",
        "discuss",
        "explain",
    ]);
    let request = has(&[
        "can i",
        "could i",
        "can you",
        "could you",
        "can someone",
        "can somebody",
        "could someone",
        "could somebody",
        "i want",
        "i'd like",
        "i would like",
        "i need",
        "let me",
        "is there",
        "get me",
        "put me",
        "connect",
        "rather have",
        "i'd rather",
        "please",
        "pls",
        "transfer",
    ]);
    // Put directly, with no verb of reaching: "give me the staff", 转人工 typed in pinyin.
    let direct = has(&[
        "give me the staff",
        "give me a staff",
        "give me staff",
        "give me someone",
        "give me a person",
        "give me a real",
        "zhuan rengong",
        "zhuanrengong",
        "zhuan ren gong",
        "rengong kefu",
        "ren gong ke fu",
        "zhao kefu",
        "zhao ke fu",
        "zhen ren kefu",
    ]);
    let zh = has(&[
        "转接",
        "转客服",
        "找客服",
        "联系客服",
        "叫客服",
        "接客服",
        "客服小姐姐",
        "客服小哥",
        "找个人",
        "找人处理",
        "找人来",
    ]);
    (someone && reach && request) || direct || zh
}

/// Whether `text` speaks of the shopper's own life or of something the shop does (an order,
/// a delivery, a purchase). Time pressure heard in a message the model finds out of scope
/// is the shop's business only then ("I'm in hospital from tomorrow" is; "what's the
/// weather tomorrow in Beijing?" is not).
pub fn about_the_shopper(text: &str) -> bool {
    let lower = text.to_lowercase();
    let first_person = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| {
            matches!(
                w,
                "i" | "i'm" | "im" | "i've" | "i'll" | "my" | "me" | "we" | "our" | "us"
            )
        })
        || lower.contains('我');
    first_person
        || [
            "order",
            "deliver",
            "arrive",
            "ship",
            "parcel",
            "package",
            "bought",
            "buy",
            "purchase",
            "get here",
            "in time",
            "rush",
            "express",
            "expedite",
            "hurry",
            "订单",
            "快递",
            "物流",
            "发货",
            "送到",
            "到货",
            "寄",
            "买",
            "下单",
            "加急",
            "来得及",
            "赶得上",
            "能到",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a product question is about stock rather than details.
pub fn asks_about_stock(text: &str) -> bool {
    mentions(
        text,
        &[
            "in stock",
            "available",
            "availability",
            "sold out",
            "back in",
            "do you have",
            "有货",
            "有没有",
            "库存",
            "还有吗",
            "补货",
            "缺货",
            "售罄",
        ],
    )
}

#[cfg(test)]
#[path = "language_tests.rs"]
mod tests;

/// Whether `text` is about removing something from the shop's own lists ("delete the hoodie
/// from my cart", "把购物车里的帽子删了", "clear my wish list", "remove the expired card from
/// my account", "删掉账户里保存的旧地址"): a shop task, not a request about the shopper's
/// personal data, whatever "delete" sounds like. Unless the message names that data too
/// ("empty my cart and delete all my personal data").
pub fn removes_a_shop_thing(text: &str) -> bool {
    let shop_list = mentions(
        text,
        &[
            "cart",
            "basket",
            "wish list",
            "wishlist",
            "saved card",
            "old card",
            "expired card",
            "card from my account",
            "saved address",
            "old address",
            "address book",
            "saved payment",
            "payment method",
            "购物车",
            "收藏",
            "心愿单",
            "保存的",
            "旧地址",
            "旧的收货地址",
            "地址簿",
            "绑定的卡",
            "旧卡",
        ],
    );
    let personal_data = mentions(
        text,
        &[
            "personal",
            "my data",
            "my info",
            "my details",
            "about me",
            "on me",
            "forget me",
            "on file",
            "still have",
            "you keep",
            "you hold",
            "you store",
            "stored",
            "everything",
            "gdpr",
            "ccpa",
            "个人",
            "数据",
            "资料",
            "所有",
            "全部",
            "还存着",
            "还留着",
        ],
    );
    shop_list && !personal_data
}

/// Whether `text` names someone other than the shopper, or disowns something ("someone",
/// "not me", "I never…", "hacked", "别人", "不是我", "盗"): what makes a question about the
/// shopper's own account or payment ("how do I change my account email", "my card was
/// declined, can I use PayPal") a report of a takeover or a fraud.
pub fn names_someone_else_or_disowns(text: &str) -> bool {
    mentions(
        text,
        &[
            "someone",
            "somebody",
            "some one",
            "nobody",
            "no one",
            "none of",
            "not me",
            "don't know",
            "dont know",
            "no idea",
            "my ex",
            "without my",
            "nothing",
            "only bought",
            "only paid",
            "only ordered",
            "isn't mine",
            "isnt mine",
            "wasn't me",
            "wasnt me",
            "not mine",
            "not by me",
            "didn't",
            "didnt",
            "did not",
            "never",
            "hack",
            "stranger",
            "unknown",
            "strange",
            "recogni",
            "unauthori",
            "stolen",
            "steal",
            "fraud",
            "scam",
            "没",
            "不是我",
            "不知道",
            "不清楚",
            "被人",
            "被改",
            "被换",
            "只付了",
            "只买了",
            "只下了",
            "从来不",
            "别人",
            "他人",
            "有人",
            "陌生",
            "盗",
            "不认识",
            "骗",
            "诈",
            "不明",
        ],
    )
}

/// Whether `text` only thanks the shop for something that went well ("我的订单1004 arrived
/// fine, thanks", "all good now, thank you", "收到了，挺好的，谢谢"): good news and thanks,
/// nothing wrong said. Whatever the model hears, it is no complaint.
pub fn thanks_for_good_news(text: &str) -> bool {
    let thanks = mentions(text, &["thank", "thx", "cheers", "谢谢", "多谢", "感谢"]);
    let good = says_word(
        text,
        &["fine", "good", "great", "perfect", "love", "lovely"],
    ) || mentions(text, &["没问题", "挺好", "很好", "不错", "满意", "喜欢"]);
    let but = says_word(
        text,
        &["but", "however", "although", "though", "except", "not"],
    ) || mentions(
        text,
        &[
            "n't",
            "never",
            "但是",
            "不过",
            "可是",
            "没收到",
            "不好",
            "不行",
            "不对",
            "不是",
            "问题是",
        ],
    );
    thanks && good && !but
}

/// Whether `text` asks whether something is safe, before anything happened ("is the cap
/// strap a choking hazard for toddlers?", "is my payment info safe if I save my card",
/// "儿童T恤有没有安全认证", "用支付宝付款安全吗"), and tells of no harm done ("my son
/// choked on it", "起疹子了").
pub fn asks_if_safe(text: &str) -> bool {
    let asks = mentions(
        text,
        &[
            "hazard",
            "is it safe",
            "is my payment",
            "is my card",
            "is paying",
            "is payment",
            "payment safe",
            "payment secure",
            "safe to pay",
            "safe for",
            "safe if",
            "safe on your",
            "safety certif",
            "safety test",
            "安全认证",
            "安全检测",
            "安全吗",
            "安不安全",
            "是否安全",
        ],
    );
    let harm_done = mentions(
        text,
        &[
            "choked on",
            "choking on",
            "is choking",
            "breathe",
            "breathing",
            "ambulance",
            "emergency",
            "swallowed",
            "hurt",
            "bleed",
            "burned",
            "burnt",
            "rash",
            "reaction",
            "hospital",
            "injur",
            "吞",
            "受伤",
            "流血",
            "烫伤",
            "过敏",
            "起疹",
            "医院",
            "窒息",
            "急救",
        ],
    );
    asks && !harm_done
}
