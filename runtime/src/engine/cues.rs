//! What a message asks of the bot beyond its intent, read from its wording: small talk and
//! nothing else, an emergency, a deadline, "I already told you", a person asked for without
//! the word "human", whether the shopper speaks of themselves, and whether a product
//! question is about stock.

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

/// Whether `text` asks to be put through to someone, in words that name no "human" or
/// "agent" ("is there anyone from customer service I can chat with?", "I'd rather have a
/// person sort this out", "帮我转接客服"): someone to reach, a way of reaching them, and the
/// shape of a request. [`super::replies::asks_for_human`] has the explicit words.
pub fn asks_for_a_person(text: &str) -> bool {
    // "is this chatgpt?" names a model, not a chat with someone.
    let lower = text.to_lowercase().replace("chatgpt", "gpt");
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
        // "is there like an actual team behind this shop I can talk to?".
        "actual team",
        "team behind",
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
        // "is there anyone there with a pulse who can look at order 1002".
        "who can look at",
        // "no offence to you but I want someone with a pulse looking at order 1004" (not "I'm
        // looking at the navy cap").
        "someone looking at",
        "somebody looking at",
        "pulse looking at",
        "a person looking at",
        "a human looking at",
        "discuss",
        "explain",
        // "probably easier to sort out with someone on your team, can you put me through?"
        "sort out",
        // "i'd rather sort the rest out with someone on your team, can you pass me over"
        "sort the rest",
        // "I'd honestly rather go through it with someone on your team than the chat thing".
        "go through it with",
        "go over it with",
        "pass me",
        "hand me over",
        "hand me to",
        "put through",
        "get someone",
        "get somebody",
        "transfer me",
        "connect me",
        // "can someone please help me": someone, asked for.
        "help me",
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
        "i'd honestly rather",
        "would rather",
        "please",
        "pls",
        "transfer",
    ]);
    // Put directly, with no verb of reaching: "give me the staff", 转人工 typed in pinyin.
    let direct = has(&[
        "give me the staff",
        // "ok. then gimme the person".
        "gimme the person",
        "gimme a person",
        "gimme a human",
        "gimme someone",
        "gimme a real person",
        "gimme a real human",
        "gimme a real one",
        "give me a staff",
        "give me staff",
        "give me someone",
        "get me someone",
        // "fine, I'll wait. put me through".
        "put me through",
        "get me somebody",
        "get me a person",
        "get me a human",
        // "can I just get a member of staff? It's about an order but it's complicated".
        "get a member of staff",
        "get a member of your team",
        "speak to a member of",
        "talk to a member of",
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
        // "qing zhao ren lian xi wo": someone to get in touch, in pinyin.
        "zhao ren lian xi",
        "zhao ren lianxi",
        "zhaoren lianxi",
        "lian xi wo",
        "lianxi wo",
        // Someone offered, taken ("ok then put them on"); someone alive looked for ("three
        // emails to your support address, zero replies. is anyone actually alive over
        // there").
        "put them on",
        "put him on",
        "put her on",
        "put someone on",
        "put a person on",
        "put a human on",
        "anyone actually alive",
        "anybody actually alive",
        "anyone alive",
        "anybody alive",
        "anyone still alive",
        // Who to turn to, asked ("ok who can I actually talk to", "fine, how do i reach
        // someone then").
        "who can i talk to",
        "who can i actually talk to",
        "who can i speak to",
        "who can i speak with",
        "who do i talk to",
        "who do i speak to",
        "who should i talk to",
        "how do i reach someone",
        "how do i reach somebody",
        "how do i reach a person",
        "how can i reach someone",
        "how do i contact someone",
        "how do i get hold of someone",
        // Needed now ("please I need someone now. the parcel is going to my old flat").
        "need someone now",
        "need somebody now",
        "need a person now",
        "need someone asap",
        "need someone urgently",
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
        // Called back ("能不能让你们客服打电话给我，打字太累了").
        "客服打电话",
        "客服给我打",
        "客服联系我",
        "客服回个电话",
        // Whether anyone reads at all ("does anyone even read these").
        "anyone even read",
        "does anyone read",
        "is anyone reading",
        "anybody even read",
        "有没有人看",
        "有人看吗",
        "让人联系我",
        "找人联系我",
        "请人联系我",
        "安排人联系",
        "人工帮我",
        // "不想跟机器聊，让你们的客服直接联系我".
        "客服直接联系我",
        "客服联系我",
        "不想跟机器",
        "不想和机器",
        "不要跟机器",
        "不跟机器人",
        // "我不想跟程序聊，有没有能说话的客服".
        "不想跟程序",
        "不想和程序",
        "不想跟自动",
        "不想和自动",
        "不想跟ai",
        "不想和ai",
        "能说话的客服",
        "有没有客服在",
    ]);
    (someone && reach && request) || direct || zh || demands_someone_in_charge(&lower)
}

/// Whether `lower` demands someone in charge or on the staff in so many words, with no verb
/// of reaching ("get me a manager", "I want your supervisor", "我想找你们的工作人员聊一下",
/// "叫你们负责人出来").
fn demands_someone_in_charge(lower: &str) -> bool {
    const ASKS: &[&str] = &[
        "get me", "give me", "i want", "i need", "i demand", "fetch", "bring me", "send me",
    ];
    const WHOM: &[&str] = &[
        "manager",
        "supervisor",
        "someone in charge",
        "somebody in charge",
        "person in charge",
        "staff member",
        "member of staff",
        "someone senior",
    ];
    let en = ASKS.iter().any(|ask| {
        lower.match_indices(ask).any(|(at, _)| {
            let after: Vec<&str> = lower[at + ask.len()..].split_whitespace().take(3).collect();
            let after = after.join(" ");
            WHOM.iter().any(|w| after.contains(w))
        })
    });
    // 找/叫/联系 followed closely by the staff ("找你们的工作人员", "叫你们经理来").
    const ASKS_ZH: &[&str] = &["找", "叫", "联系", "让", "请", "跟", "和"];
    const WHOM_ZH: &[&str] = &["工作人员", "负责人", "经理", "主管", "领导", "店长"];
    let zh = ASKS_ZH.iter().any(|ask| {
        lower.match_indices(ask).any(|(at, _)| {
            let after: String = lower[at + ask.len()..].chars().take(8).collect();
            WHOM_ZH.iter().any(|w| after.contains(w))
        })
    });
    en || zh
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
