//! Remarks rather than requests: praise for the goods, a figure checked back, feedback for
//! the shop to hear. Pure word reading, like [`super::cues`]'; the decisions that use them
//! are the routing rules (`routing_*.rs`) and `topic_choice.rs`.

use super::language::mentions;

/// Whether `text` praises what the shopper bought ("now I love it", "my dad loved it", "超喜欢").
pub fn praises_the_goods(text: &str) -> bool {
    mentions(
        text,
        &[
            "love it",
            "loved it",
            "loves it",
            "obsessed",
            "fits like a dream",
            // "the hoodie literally saved my life this week, it's -10 here lol".
            "saved my life",
            "超喜欢",
            "很喜欢",
            "特别喜欢",
            "爱了",
            // "你们家帽子戴着挺暖和的 哈哈", "the hoodie is so cosy".
            "挺暖和",
            "很暖和",
            "好暖和",
            "真暖和",
            "挺舒服",
            "很舒服",
            "好舒服",
            "so cosy",
            "so cozy",
            "so comfy",
            "super comfy",
            // "哈哈 你们的帽子真的绝了 杀疯了 室友都想要".
            "杀疯了",
            "yyds",
            // "哈哈 你们的T恤真的绝了 我已经买第三件了" (not "真的绝了" alone: "发错货还要我自己出
            // 运费，真的绝了" is a sneer), "saw it on a friend and it looked killer".
            "已经买第",
            "回购",
            "绝绝子",
            "looked killer",
            "looks killer",
        ],
    ) && !mentions(
        text,
        &[
            "不",
            "没",
            "not ",
            "n't",
            "isn't",
            "wasn't",
            "券",
            "对待",
            "老顾客",
            "in the photo",
            "in the pic",
            "online",
            "what showed up",
            "what arrived",
        ],
    )
}

/// Whether `text` checks a figure it names ("and it's 69 right?", "138 in total, correct?",
/// "是34块对吧"): a question, however it sounds.
pub fn checks_a_figure(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && mentions(
            &text.to_lowercase(),
            &[
                "right?",
                "correct?",
                "isn't it?",
                "isnt it?",
                "对吧",
                "是吧",
                "对吗",
                "是吗",
            ],
        )
}

/// Whether `text` gives feedback for the shop to hear, asking for nothing ("no problem with
/// an order, just telling you it's bad", "I'd like that feedback passed on to someone",
/// "想给你们提个意见").
pub fn gives_feedback(text: &str) -> bool {
    let lower = text.to_lowercase();
    // "nothing really, just saying hi": a greeting.
    let hello = mentions(
        &lower,
        &[
            "saying hi",
            "saying hello",
            "say hi",
            "say hello",
            "saying hey",
        ],
    );
    !hello
        && mentions(
            &lower,
            &[
                "just telling you",
                "just saying",
                "not asking for anything",
                "feedback",
                "pass that on",
                "pass it on",
                "pass it along",
                "pass that along",
                "for the record",
                "wanted that on record",
                "put that on record",
                // Asked whom to tell ("zero for the checkout that logged me out three times
                // mid-payment. Who do I tell?").
                "who do i tell",
                "who should i tell",
                "who can i tell",
                "who do i complain to",
                "跟谁反映",
                "找谁反映",
                "向谁反映",
                "pass this on",
                "passed on to",
                "should be clearer",
                "should be way clearer",
                "should be much clearer",
                "a bad look",
                "提个意见",
                "提意见",
                "反馈一下",
                "想反馈",
                "给你们提",
            ],
        )
}

/// Whether `text` runs down the shop's site or service, asking nothing ("your checkout page is
/// a nightmare, took me 4 tries to get through", "你们网站太难用了"): a complaint to take in.
pub fn runs_down_the_shop(text: &str) -> bool {
    let lower = text.to_lowercase();
    let the_shop = super::language::says_word(
        &lower,
        &[
            "checkout",
            "site",
            "website",
            "app",
            "page",
            "service",
            "support",
            "shipping",
            "delivery",
            "deliveries",
        ],
    ) || mentions(
        &lower,
        &["结账", "网站", "页面", "客服", "下单流程", "物流", "快递"],
    );
    let harsh = mentions(
        &lower,
        &[
            "nightmare",
            "terrible",
            "awful",
            "horrible",
            "useless",
            "a joke",
            "a mess",
            "sucks",
            "garbage",
            "rubbish",
            "keeps crashing",
            "tries to",
            "attempts to",
            "buggy",
            "太难用",
            "难用",
            "太烂",
            "垃圾",
            "太差",
            "卡死",
        ],
    );
    the_shop && harsh && !super::cues::is_a_question(text)
}

/// Whether `text` asks what the shop will do about what went wrong ("so what can you do about
/// it", "你们打算怎么处理"): the complaint taken on, not a question outside the shop.
pub fn asks_what_will_be_done(text: &str) -> bool {
    mentions(
        text,
        &[
            "what can you do about",
            "what are you going to do about",
            "what will you do about",
            "what are you gonna do about",
            "what do you plan to do",
            "so what now",
            "怎么处理",
            "打算怎么办",
            "怎么解决",
            "怎么给我解决",
        ],
    )
}

/// Whether `text` says something nice only to say it, asking nothing ("没事 就是想说你们家
/// 帽子好好看 哈哈", "just wanted to say the hoodie is lovely lol").
pub fn says_something_nice_only(text: &str) -> bool {
    (super::policy_cues::speaks_well(text) || praises_the_goods(text))
        && !super::cues::is_a_question(text)
        && mentions(
            text,
            &[
                "就是想说",
                "只是想说",
                "想说一下",
                "想夸",
                "哈哈",
                "just wanted to say",
                "just want to say",
                "just saying",
                "just to say",
                "haha",
                "lol",
                // Nothing wanted ("nothing really, just browsing. love the colours").
                "just browsing",
                "just looking",
                "nothing really",
                "随便看看",
                "没什么事",
            ],
        )
}

/// Whether `text` opens by saying nothing is the matter and goes on to say only why it was
/// written ("哈哈没事 就是看看你们今天忙不忙", "nothing, just checking you're there lol"): a
/// hello, not a complaint.
pub fn says_nothing_is_the_matter(text: &str) -> bool {
    let lower = text.to_lowercase();
    let rest = lower
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_start_matches("哈哈哈")
        .trim_start_matches("哈哈")
        .trim_start_matches("haha")
        .trim_start_matches("lol")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let short = if lower.is_ascii() {
        lower.split_whitespace().count() <= 10
    } else {
        lower.chars().count() <= 20
    };
    // Only why it was written follows: checking in, saying hello, or praise.
    let checks_in = mentions(
        &lower,
        &[
            "看看",
            "问问",
            "在不在",
            "忙不忙",
            "有没有人",
            "夸",
            "打个招呼",
            "checking you're there",
            "checking if you're there",
            "checking in",
            "saying hi",
            "say hi",
            "wanted to say",
        ],
    );
    short
        && [
            "没事 ",
            "没事，",
            "没事,",
            "没什么事",
            "没啥事",
            "nothing, just",
            "nothing just",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
        && checks_in
        && !mentions(
            &lower,
            &[
                "但是",
                "不过",
                "可是",
                "还没",
                "没收到",
                "坏",
                "错",
                "找事",
                "退",
                "订单",
                "but ",
                "still",
                "wrong",
                "broken",
                "never",
                "refund",
                "order",
            ],
        )
}

/// Words of a shopper only looking around.
const BROWSING: &[&str] = &[
    "随便看看",
    "随便逛逛",
    "先看看",
    "只是看看",
    "just browsing",
    "just looking",
    "having a look around",
];

/// Whether `text` says the shopper is looking around, whatever else it says ("没事没事，就
/// 随便逛逛，你们店名还挺有意思的").
pub fn says_browsing(text: &str) -> bool {
    let lower = text.to_lowercase();
    // ("just looking at my bank app, there are 3 payments to you" looks at something.)
    mentions(&lower, BROWSING) && !mentions(&lower, &["looking at", "looking for"])
}

/// Whether `text` only says the shopper is looking around ("哈喽～第一次逛你们店，随便看看",
/// "hi, just browsing"), asking and complaining of nothing.
pub fn only_browsing(text: &str) -> bool {
    // What is left once the browsing, a greeting and a first visit are taken out: next to
    // nothing ("just browsing and the site is so slow" leaves a complaint).
    const AROUND: &[&str] = &[
        "哈喽",
        "你好",
        "您好",
        "嗨",
        "第一次逛你们店",
        "第一次来",
        "第一次逛",
        "hello",
        "hi",
        "hey",
        "first time here",
        "thanks",
        "谢谢",
        // "anyway nothing really, just browsing".
        "anyway",
        "nothing really",
        "没什么事",
        "没事",
    ];
    let lower = text.to_lowercase();
    if !mentions(&lower, BROWSING) || super::cues::is_a_question(text) {
        return false;
    }
    let mut rest = lower;
    // Longer words first: "hi" is inside "nothing".
    let mut words: Vec<&str> = BROWSING.iter().chain(AROUND).copied().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in words {
        rest = rest.replace(w, " ");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn praise_said_only_to_say_it_is_not_a_complaint() {
        assert!(says_something_nice_only(
            "没事 就是想说你们家帽子好好看 哈哈"
        ));
        assert!(says_something_nice_only(
            "just wanted to say the hoodie is lovely lol"
        ));
        assert!(says_something_nice_only(
            "the hoodie literally saved my life this week, it's -10 here lol"
        ));
        assert!(says_something_nice_only("哈哈你们这个客服还挺可爱的"));
        assert!(says_something_nice_only("哈哈没事 你们客服辛苦了 晚安"));
        assert!(!says_something_nice_only("就是想说帽子不好看"));
        assert!(!says_something_nice_only("哈哈你们客服一点都不贴心"));
        assert!(only_browsing("哈喽～第一次逛你们店，随便看看"));
        assert!(only_browsing("anyway nothing really, just browsing"));
        assert!(!only_browsing("随便看看都找不到想要的，你们网站太烂了"));
        assert!(!only_browsing("just browsing and the site is so slow"));
        assert!(!only_browsing("退货流程太麻烦了，我先看看再说"));
        assert!(says_browsing("没事没事，就随便逛逛，你们店名还挺有意思的"));
        assert!(!says_browsing(
            "just looking at my bank app, there are 3 payments to you"
        ));
        assert!(runs_down_the_shop(
            "your website kept logging me out during checkout, took me 4 tries to buy one cap. fix it"
        ));
        assert!(!runs_down_the_shop(
            "I'd like to buy one cap from your website"
        ));
        assert!(!says_something_nice_only(
            "haha nice, but where is my order?"
        ));
    }
}
