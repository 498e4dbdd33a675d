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

/// Whether `text` names a destination abroad or asks about shipping abroad ("do you ship
/// to Japan?", "寄到加拿大要多久"): a question about the shop's international delivery, not
/// about an order the shopper named before. Words, so "uk" and "eu" are not found inside
/// others.
pub fn names_a_destination(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let places = [
        "abroad",
        "overseas",
        "international",
        "internationally",
        "canada",
        "uk",
        "england",
        "britain",
        "scotland",
        "ireland",
        "europe",
        "eu",
        "germany",
        "france",
        "spain",
        "italy",
        "netherlands",
        "japan",
        "australia",
        "china",
        "mexico",
        "brazil",
        "india",
        "korea",
        "singapore",
        "zealand",
        "taiwan",
    ];
    words.iter().any(|w| places.contains(w))
        || mentions(
            &lower,
            &[
                "hong kong",
                "国外",
                "海外",
                "国际",
                "境外",
                "加拿大",
                "英国",
                "欧洲",
                "德国",
                "法国",
                "日本",
                "澳大利亚",
                "澳洲",
                "美国",
                "韩国",
                "新加坡",
                "香港",
                "台湾",
            ],
        )
}

/// Whether `text` describes goods received that are not what was ordered: something
/// arrived in place of what was bought ("instead of two grey hoodies there are two pairs of
/// sweatpants", "I got a mug instead of the bottle", "收到的是蓝色的，我买的是灰色"), or says
/// so outright ("sent me the wrong", "not what I ordered", "发错了").
pub fn describes_a_wrong_item(text: &str) -> bool {
    let outright = mentions(
        text,
        &[
            "sent me the wrong",
            "sent the wrong",
            "got the wrong item",
            "received the wrong",
            "not what i ordered",
            "isn't what i ordered",
            "wasn't what i ordered",
            "发错了",
            "发错货",
            "寄错了",
            "不是我买的那个",
            "跟我买的不一样",
            "和我买的不一样",
        ],
    );
    let received = mentions(
        text,
        &[
            "got a ",
            "got an ",
            "got two",
            "received a ",
            "received an ",
            "received two",
            "there are",
            "there is",
            "there was",
            "there were",
            "in the box",
            "in the parcel",
            "in the package",
            "收到",
        ],
    );
    let in_place = mentions(text, &["instead of", "rather than", "而不是"])
        || (mentions(text, &["收到的是"])
            && mentions(text, &["我买的是", "我订的是", "我下单的是"]));
    outright || (in_place && received)
}

/// Whether `text` says the shopper chose wrong themselves ("I ordered the wrong size",
/// "我拍错了颜色"): a change or cancellation they ask for, not a wrong item the shop sent.
pub fn own_mistake(text: &str) -> bool {
    mentions(
        text,
        &[
            "i ordered the wrong",
            "i bought the wrong",
            "i picked the wrong",
            "i chose the wrong",
            "i selected the wrong",
            "i clicked the wrong",
            "ordered the wrong size by",
            "my mistake",
            "my bad",
            "我买错",
            "我拍错",
            "我选错",
            "我下错",
            "下错单",
            "拍错了",
            "买错了",
            "选错了",
        ],
    )
}

/// Whether `text` says an order is late or has not come yet ("it was meant to be here on the
/// 26th", "怎么还没到"): with an order known, a question about that order's whereabouts.
pub fn says_late(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Short words are whole words: "insulated", "chocolate", "related" and "plate" say
    // nothing of a delivery.
    let late_word = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "late" | "later" | "delay" | "delays" | "delayed"));
    late_word
        || [
            "overdue",
            "still not",
            "still hasn't",
            "still havent",
            "still haven't",
            "hasn't arrived",
            "hasnt arrived",
            "not arrived",
            "not here yet",
            "never came",
            "meant to be here",
            "meant to arrive",
            "supposed to arrive",
            "supposed to be here",
            "should have arrived",
            "should've arrived",
            "where is",
            "wheres",
            "where's",
            "past the delivery",
            "past the expected",
            "past the due",
            "past due",
            "was due",
            "in transit for",
            "still in transit",
            "still waiting",
            "still nothing",
            "still no sign",
            "actually coming",
            "when is it coming",
            "when will it come",
            "延误",
            "延迟",
            "还没到",
            "还没收到",
            "怎么还没",
            "迟迟",
            "超时",
            "到哪",
            "丢件",
            "过了预计",
            "超过预计",
            "催单",
            "催一下",
            "哪天能到",
            "什么时候能到",
            "什么时候到",
            "说好的",
            "还没送到",
            // Pinyin, typed without a Chinese input method.
            "hai mei dao",
            "haimeidao",
            "hai mei shou dao",
            "zenme hai mei",
            "dao na le",
            "dao nali",
            "yanwu",
            "yan wu",
            "yanchi",
            "chaoguo",
            "chao guo",
        ]
        .iter()
        .any(|w| lower.contains(w))
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
        ],
    )
}

/// Whether `text` names a moment still to come that something is needed by ("for my flight
/// on friday", "before then", "明天", "下周一"), or says it is urgent: time pressure. A
/// message that only says an order is late speaks of the past ("the estimated date was last
/// week", "another week and still nothing"): that is the order's whereabouts, not urgency.
pub fn names_a_deadline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let day = words.iter().any(|w| {
        matches!(
            *w,
            "tomorrow"
                | "today"
                | "tonight"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "mon"
                | "tue"
                | "wed"
                | "thu"
                | "fri"
                | "sat"
                | "sun"
                | "weekend"
                | "before"
                | "until"
                | "asap"
                | "urgent"
                | "urgently"
                | "deadline"
        )
    });
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

/// Whether `text` asks something whose answer is the shop's own data and that presupposes
/// nothing has arrived: a product's price or stock ("有机棉T恤多少钱一件", "is the cap in
/// stock?") or whether an order has shipped yet ("1002发货了没有"). A damaged, wrong or
/// missing item is about goods the shopper has in hand; a message asking these is not.
pub fn asks_before_arrival(text: &str) -> bool {
    let lower = text.to_lowercase();
    asks_about_stock(text)
        || [
            // Price in the shape of a question ("it cost me $30 and arrived torn" is a
            // claim).
            "how much",
            "what's the price",
            "what is the price",
            "多少钱",
            "什么价",
            "几块钱",
            "shipped yet",
            "has it shipped",
            "has shipped",
            "been shipped",
            "dispatched yet",
            "been dispatched",
            "发货了没",
            "发货没",
            "发了没",
            "发货了吗",
            "发出了吗",
            "发出去了吗",
            "有没有发货",
            "发没发",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether `text` asks to look an order up ("check my order 1003", "check on order 1002",
/// "帮我查下1001", "dingdan 1002 fahuo le ma"): its status answers it.
pub fn asks_to_look_up_an_order(text: &str) -> bool {
    mentions(
        text,
        &[
            "check my order",
            "check on my order",
            "check order",
            "check on order",
            "look up my order",
            "look up order",
            "status of my order",
            "status of order",
            "查下订单",
            "查一下订单",
            "查查订单",
            "帮我查下",
            "帮我查一下",
            "查询订单",
            // Pinyin, typed without a Chinese input method: 发货了吗, 到哪了.
            "fahuo le",
            "fa huo le",
            "fahuo mei",
        ],
    )
}

/// Whether `text` asks for an order's tracking number ("what's the UPS tracking number",
/// "那UPS单号是多少"): the order's status card carries it.
pub fn asks_for_tracking(text: &str) -> bool {
    mentions(
        text,
        &[
            "tracking number",
            "tracking no",
            "tracking #",
            "tracking code",
            "tracking link",
            "单号",
            "物流信息",
            "快递信息",
        ],
    )
}

/// Whether `text` asks when or whether an order was delivered ("when was it delivered?",
/// "签收了吗"), without saying anything is missing: the order's status answers it; a parcel
/// marked delivered that never came ("it says delivered but I never got it") is a claim.
pub fn asks_when_delivered(text: &str) -> bool {
    let asks = mentions(
        text,
        &[
            "when was it delivered",
            "when was my order delivered",
            "when did it get delivered",
            "when did it arrive",
            "what day was it delivered",
            "what date was it delivered",
            "was it delivered",
            "has it been delivered",
            "been delivered yet",
            "delivered yet",
            "did it arrive",
            "has it arrived",
            "什么时候签收",
            "哪天签收",
            "签收了吗",
            "签收了没",
            "什么时候送到的",
            "哪天送到的",
            "送到了吗",
            "送达了吗",
        ],
    );
    let missing = mentions(
        text,
        &[
            "never",
            "not received",
            "haven't received",
            "havent received",
            "didn't get",
            "didnt get",
            "don't have",
            "nothing",
            "没收到",
            "没有收到",
            "没拿到",
            "没看到",
            "找不到",
        ],
    );
    asks && !missing
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
