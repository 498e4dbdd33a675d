//! What a message asks of the bot beyond its intent, read from its wording: small talk and
//! nothing else, an emergency, a deadline, "I already told you", whether the shopper speaks
//! of themselves, and whether a product question is about stock. A person asked for without
//! the word "human" is [`super::person_words`].

use kefu_intent::Language;

use super::language::{mentions, says_word};
pub use super::told_words::says_already_told;

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

/// Whether `text` says the shopper has no order number to give ("单号我找不到了，你用邮箱查吧",
/// "I don't have the order number, can you look it up by email?").
pub fn has_no_order_number(text: &str) -> bool {
    mentions(
        text,
        &[
            "don't have the order number",
            "dont have the order number",
            "don't have an order number",
            "dont have an order number",
            "don't have my order number",
            "dont have my order number",
            "can't find the order number",
            "cant find the order number",
            "can't find my order number",
            "cant find my order number",
            "lost the order number",
            "don't know the order number",
            "dont know the order number",
            "don't know my order number",
            "no order number",
            "look it up by email",
            "look it up with my email",
            "search by email",
            "use my email",
            "找不到单号",
            "找不到订单号",
            "单号我找不到",
            "单号找不到",
            "订单号找不到",
            "没有单号",
            "没有订单号",
            "不知道单号",
            "不知道订单号",
            "忘了单号",
            "忘了订单号",
            "用邮箱查",
        ],
    )
}

/// Whether `text` speaks of the shopper's own life or of something the shop does (an order,
/// a delivery, a purchase). Time pressure heard in a message the model finds out of scope
/// is the shop's business only then ("I'm in hospital from tomorrow" is; "what's the
/// weather tomorrow in Beijing?" is not).
pub fn about_the_shopper(text: &str) -> bool {
    as_typed_or_read(text, about_the_shopper_as_typed)
}

/// [`about_the_shopper`] of `text` as typed.
fn about_the_shopper_as_typed(text: &str) -> bool {
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
    first_person || speaks_of_the_shop(&lower)
}

/// Whether `text` speaks of something the shop does: an order, a delivery, a purchase.
fn speaks_of_the_shop(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
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
        "包裹",
        "家里",
        "家人",
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

/// Whether `text` asks the bot to find out something of the world outside the shop ("do
/// you know if my flight to Tokyo tomorrow is delayed?", "你知道明天会下雨吗"): nothing
/// the shop does is spoken of, so no time pressure in it is the shop's business.
pub fn asks_about_the_world(text: &str) -> bool {
    mentions(
        text,
        &[
            "do you know if",
            "do you know whether",
            "do you know when",
            "can you tell me if",
            "can you tell me whether",
            "could you tell me if",
            "can you check if",
            "can you check whether",
            // "can u check if my flight to denver tomorrow is delayed".
            "can u check if",
            "can u tell me if",
            "could you check if",
            "你知道",
            "你知不知道",
        ],
    ) && !speaks_of_the_shop(text)
}

/// Whether `text` asks how or where to do something ("where do I change my password", "how
/// can I get back in", "怎么改密码", "找不到设置在哪"): a task the shopper means to do
/// themselves.
pub fn asks_how_to(text: &str) -> bool {
    mentions(
        text,
        &[
            "how do i",
            "how can i",
            "how to",
            "how would i",
            "where do i",
            "where can i",
            "where is the",
            "where's the",
            "can't find",
            "cant find",
            "couldn't find",
            "怎么",
            "如何",
            "在哪",
            "找不到",
        ],
    )
}

/// Whether `text` names a way to pay ("do you take alipay?", "能用花呗吗"): a question
/// about paying, even when it names a product as well.
pub fn names_a_payment_method(text: &str) -> bool {
    mentions(
        text,
        &[
            "alipay",
            "paypal",
            "visa",
            "mastercard",
            "master card",
            "amex",
            "american express",
            "apple pay",
            "google pay",
            "wechat pay",
            "klarna",
            "credit card",
            "debit card",
            "支付宝",
            "微信支付",
            "信用卡",
            "银联",
            "花呗",
            "zhifubao",
            "zhi fu bao",
        ],
    )
}

/// Whether a product question is about stock rather than details
/// ([`kefu_intent::asks::asks_about_stock`], in pinyin too).
pub fn asks_about_stock(text: &str) -> bool {
    as_typed_or_read(text, kefu_intent::asks::asks_about_stock)
}

/// Whether `text` asks what something costs ([`kefu_intent::asks::asks_the_price`], in
/// pinyin too).
pub fn asks_the_price(text: &str) -> bool {
    as_typed_or_read(text, kefu_intent::asks::asks_the_price)
}

/// Whether a product question is about its fit or which size to take
/// ([`kefu_intent::asks::asks_about_fit`], in pinyin too).
pub fn asks_about_fit(text: &str) -> bool {
    as_typed_or_read(text, kefu_intent::asks::asks_about_fit)
}

/// Whether `text` is a question: a question mark or particle at its end, or a question word
/// first ("who makes your t-shirts", "when's your next sale", "卫衣有XL吗").
pub fn is_a_question(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    lower.ends_with(['?', '？', '吗', '呢', '么'])
        || [
            "who", "what", "what's", "whats", "when", "when's", "whens", "where", "where's", "how",
            "why", "which", "can", "could", "do", "does", "is", "are", "will", "would",
        ]
        .contains(&first)
}

/// Whether any sentence or clause of `text` is a question ([`is_a_question`]): "hmm wait.
/// don't cancel. can you just tell me when the steel bottle is back in stock" asks
/// something, though it neither starts nor ends as a question.
pub fn asks_in_any_clause(text: &str) -> bool {
    is_a_question(text)
        || text
            .split(['.', '!', ';', ',', '。', '！', '；', '，'])
            .any(|c| !c.trim().is_empty() && is_a_question(c))
}

/// Whether `text` asks why ("why does your driver keep texting me?", "为什么"): a question
/// that complains.
pub fn asks_why(text: &str) -> bool {
    says_word(text, &["why", "whys", "why's"]) || mentions(text, &["为什么", "为啥", "凭什么"])
}

/// Whether `text` asks how to wash or care for a product ("is the cap machine washable?",
/// "can I tumble dry the tee", "帽子可以机洗吗").
pub fn asks_how_to_care(text: &str) -> bool {
    mentions(
        text,
        &[
            "washable",
            "wash it",
            "washing",
            "tumble dry",
            "dry clean",
            "iron it",
            "care label",
            "机洗",
            "手洗",
            "怎么洗",
            // "卫衣咋洗不缩水".
            "咋洗",
            "如何洗",
            "能洗",
            "可以洗",
            "烘干",
            "高温洗",
            "度的水洗",
            "washed hot",
            "wash hot",
            "hot wash",
            "cold wash",
            "on a wash",
            "in the wash",
            "washing machine",
        ],
    )
}

/// Whether `text` asks what a product is made of or has ("does the cap have a metal
/// buckle?", "is the cap breathable?", "卫衣是什么面料"): a question before buying, an allergy
/// or a child it is for named or not.
pub fn asks_what_it_is_made_of(text: &str) -> bool {
    as_typed_or_read(text, made_of_asked)
}

/// [`asks_what_it_is_made_of`] of `text` as it stands.
fn made_of_asked(text: &str) -> bool {
    mentions(
        text,
        &[
            "made of",
            "made from",
            "material",
            "fabric",
            "does the cap have",
            "does the hoodie have",
            "does the tee have",
            "does the bottle have",
            "does it have",
            "adjustable",
            "成分",
            "材质",
            "可调节",
            "能调节",
            "is there any",
            "are there any",
            "contain",
            "breathable",
            "treated with",
            "chemical",
            "coating",
            "waterproof",
            "什么面料",
            "什么材质",
            "什么材料",
            "含不含",
            "有没有金属",
            "透气",
            // A material a body reacts to, asked after ("any latex in the cap?").
            "latex",
            "nickel",
            "wool",
            "polyester",
            "100% cotton",
            "纯棉",
            "cotton",
            "organic",
            "有机棉",
            "面料",
            "bpa",
            "乳胶",
            "羊毛",
            "镍",
            "双酚",
        ],
    ) && (text.contains(['?', '？', '吗'])
        || mentions(
            text,
            &[
                "什么",
                "what",
                "are there any",
                "is there any",
                "does it have",
            ],
        ))
}

/// Whether `text` asks anything about a product at all: its price, stock, fit, material or
/// care, whether the shop sells or has it, its colour or size.
pub fn asks_about_a_product_at_all(text: &str) -> bool {
    asks_the_price(text)
        || asks_about_stock(text)
        || asks_about_fit(text)
        || asks_what_it_is_made_of(text)
        || asks_how_to_care(text)
        || mentions(
            text,
            &[
                "sell",
                "have",
                "product",
                "item",
                "colour",
                "color",
                "size",
                "model",
                "stock",
                "卖",
                "有没有",
                "款",
                "颜色",
                "尺码",
                "型号",
                "商品",
            ],
        )
}

/// Whether `text` speaks of signing in: a password, a reset, a code, logging in.
pub fn speaks_of_signing_in(text: &str) -> bool {
    mentions(
        text,
        &[
            "password",
            "passcode",
            "reset",
            "log in",
            "login",
            "log into",
            "logged",
            "sign in",
            "sign-in",
            "signin",
            "verification code",
            "verify",
            "username",
            "account",
            "密码",
            "验证码",
            "登录",
            "登陆",
            "登不上",
            "账号",
            "账户",
            "帐号",
            "用户名",
        ],
    )
}

/// `test` of `text` as typed, or of its pinyin read as characters (the reading
/// [`super::language::mentions`] keeps for the message).
fn as_typed_or_read(text: &str, test: fn(&str) -> bool) -> bool {
    test(text) || super::language::with_pinyin_read(text, |read| read.is_some_and(test))
}

#[cfg(test)]
#[path = "cues_tests.rs"]
mod tests;
