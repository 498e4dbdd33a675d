//! Sensitive words said in passing, as the reason for an ordinary request or the way a
//! complaint or a compliment is put: a hack behind the shopper, "hacked" as a figure of
//! speech, a complaint or a manager asked for in so many words, praise for someone. Pure; used by [`super::topic_noise`] and the
//! keyword rules of [`super::policy`].

use super::language::mentions;

/// Whether `text` tells of a hack that is behind the shopper, as the reason for an ordinary
/// request ("my old email got hacked last year so this is the one I use now", "My other card
/// got hacked last month so it's the only one I'm using now", "thought my email got hacked
/// … turns out it was sitting in spam"), or says "hacked" as a figure of speech ("finally
/// hacked my way through your size chart"). Anything disowned now is checked apart
/// ([`super::policy_cues::names_someone_else_or_disowns`]).
pub(super) fn a_hack_behind_them(text: &str) -> bool {
    let lower = text.to_lowercase();
    let figure = mentions(
        &lower,
        &[
            "hacked my way",
            "hacked the hoodie",
            "hacked the tee",
            "hacked the cap",
            "hacked it into",
            "life hack",
            // Cut, or taken over by someone close ("I hacked the sleeves off my old tee", "my
            // gf basically hacked my hoodie, she never gives it back").
            // "my wallet got hacked by your sale haha".
            "wallet got hacked",
            "wallet was hacked",
            "hacked by your sale",
            "hacked my whole wardrobe",
            "hacked my wardrobe",
            "hacked my wishlist",
            "hacked my wish list",
            "hacked my cart",
            "hacked my basket",
            "hacked the sleeves",
            "hacked off",
            "hacked my hoodie",
            "hacked my tee",
            "hacked my shirt",
            "hacked my cap",
            // Denied ("not hacked or anything, i just forgot my password lol").
            "not hacked",
            "wasn't hacked",
            "not been hacked",
            "没被盗",
            "没有被盗",
            "没被黑",
        ],
    );
    // A child at the settings ("my phone got 'hacked' by my 6 year old who switched the
    // language to korean 😂"), nothing bought or taken (below).
    // (Not one who bought or paid with it: "my account was hacked by my son, he bought $300
    // of hoodies with my saved card".)
    let by_a_child = mentions(
        &lower,
        &[
            "'hacked' by my",
            "hacked by my kid",
            "hacked by my son",
            "hacked by my daughter",
        ],
    ) && !mentions(
        &lower,
        &[
            "bought", "ordered", "spent", "card", "paid", "refund", "revers",
        ],
    );
    let hacked = mentions(&lower, &["hacked", "compromised", "被盗", "被黑"]);
    let behind = mentions(
        &lower,
        &[
            "last year",
            "last month",
            "years ago",
            "a while ago",
            "a while back",
            "turns out",
            "turned out",
            "thought my",
            // Only feared by someone ("我老婆还以为我账号被盗了才买了两件一样的，哈哈").
            "还以为",
            "以为我",
            "thought i'd been",
            "thought i had been",
            "thought someone",
            "this is the one i use",
            "the one i use now",
            "only one i'm using",
            "only one im using",
            "so i use",
            "ages ago",
            "去年",
            "上个月",
            // "上次信用卡被盗之后我就只用支付宝了": a habit changed since.
            "之后我就只用",
            "之后就换",
            "所以现在只用",
            "之前",
            "以前",
        ],
    );
    let harm_now = mentions(
        &lower,
        &[
            "don't recognise",
            "don't recognize",
            "dont recognise",
            "dont recognize",
            "never made",
            "didn't make",
            "not me",
            "someone ordered",
            "someone used",
            "locked out",
            "charged",
            "不是我",
            "扣了",
            "两笔",
            "登不上",
            "登录不了",
            "验证码",
            "今天",
            "刚才",
            "是不是被",
        ],
    );
    // Something not the shop's hacked ("how do I tell if my home wifi's been hacked? the
    // router lights keep blinking weird"): out of scope, no account of the shop's in it.
    let elsewhere = mentions(
        &lower,
        &[
            "wifi",
            "wi-fi",
            "router",
            "home network",
            "路由器",
            "家里的网",
            "netflix",
            "instagram",
            "facebook",
            "游戏号",
        ],
    ) && !mentions(
        &lower,
        &[
            "account",
            "order",
            "your site",
            "your shop",
            "账号",
            "账户",
            "订单",
            "你们",
        ],
    );
    figure || ((elsewhere || by_a_child || (hacked && behind)) && !harm_now)
}

/// Whether `text` makes a complaint in so many words or asks for a manager ("我要投诉你们发货
/// 慢", "I want to complain about how slow you are", "我要找你们经理"): a complaint or a
/// person asked for, which reach a person as that, not as a legal matter.
pub(super) fn complains_or_asks_for_the_manager(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "我要投诉",
            "我想投诉",
            "投诉你们",
            "投诉快递",
            "want to complain",
            "wanna complain",
            "make a complaint",
            "file a complaint",
            "找你们经理",
            "找经理",
            "your manager",
            "speak to a manager",
            "talk to a manager",
        ],
    )
}
/// Whether `text` praises someone ("your delivery driver was super polite, 10/10", "快递员态度
/// 挺好的"): the opposite of a harassment report.
pub(super) fn praises(text: &str) -> bool {
    mentions(
        text,
        &[
            // "your UPS driver ran to my door in the pouring rain, give that man a raise"
            "a raise",
            "poor guy",
            "great service",
            "so sweet",
            "waved at",
            "有礼貌",
            "很礼貌",
            "给五星",
            "五星好评",
            "five stars",
            "5 stars",
            "leave him a tip",
            "leave her a tip",
            "tip the driver",
            "love your shop",
            "love this shop",
            "love your store",
            "love you guys",
            "love your stuff",
            "喜欢你们家",
            "polite",
            "lovely",
            "friendly",
            "so nice",
            "super nice",
            "really nice",
            "very nice",
            "kind",
            "helpful",
            "10/10",
            "shoutout",
            "shout out",
            "kudos",
            "you're great",
            "what a star",
            "a legend",
            "youre great",
            "you are great",
            "you guys are great",
            "pass on my thanks",
            "态度挺好",
            "态度很好",
            "态度好",
            "很客气",
            "很有礼貌",
            "表扬",
            "点赞",
            // A delivery told as good news ("left it with the neighbour, which was great,
            // just letting you know").
            "which was great",
            "which was perfect",
            "was perfect",
            "挺好的",
        ],
    )
}

/// Whether `text` only asks who answers or asks for someone, in a few words ("who made you",
/// "please get someone to call me", "fine whatever just get me someone"): the topic models
/// hear fraud or threats in such short messages; the keyword rules, heard first, still hear
/// a topic told with them.
pub(super) fn only_asks_who(text: &str) -> bool {
    let short = if text.is_ascii() {
        text.split_whitespace().count() <= 8
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count() <= 14
    };
    short
        && (super::honesty::asks_if_bot(text)
            || super::person_words::asks_for_a_person(text)
            || super::replies::asks_for_human(&text.to_lowercase()))
}

/// Whether `text` calls the bot slow-witted or useless ("你们这个客服有点笨", "dumb bot"): the
/// shopper's frustration, nobody threatened.
pub(super) fn mocks_the_bot(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "有点笨",
            "好笨",
            "太笨",
            "真笨",
            "笨死",
            "有点傻",
            "好蠢",
            "太蠢",
            "dumb bot",
            "stupid bot",
            "useless bot",
            "you're useless",
            "youre useless",
            "you are useless",
            "you're so dumb",
            "you're dumb",
            "that didn't help",
            "that didnt help",
            "didn't help at all",
            "not helpful",
            "没用",
            "没帮上",
        ],
    )
}

/// Whether `text` pesters someone of the shopper's own, as a joke ("我每天都骚扰我老公让他给我
/// 买卫衣", "I've been harassing my husband to buy me one"): nobody of the shop's involved.
pub(super) fn pesters_their_own(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(&lower, &["骚扰", "harass", "pester", "nag", "bug "])
        && mentions(
            &lower,
            &[
                "我老公",
                "我老婆",
                "我男朋友",
                "我女朋友",
                "我妈",
                "我爸",
                "my husband",
                "my wife",
                "my boyfriend",
                "my girlfriend",
                "my mum",
                "my mom",
                "my dad",
                "my partner",
                "my sister",
                "my brother",
                "my friend",
                "sister",
                "brother",
                "我姐",
                "我妹",
                "我哥",
                "我弟",
                "我朋友",
            ],
        )
        && mentions(
            &lower,
            &[
                "买", "buy", "get me", "gift", "礼物", "礼品", "还有", "码", "size",
            ],
        )
}

/// Whether `text` asks about the goods in data's words ("can you send me more information
/// about the organic cotton certification", "info on the hoodie's fabric"): the product, no
/// personal data.
pub(super) fn asks_about_the_goods(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(
        &lower,
        &[
            "information about the",
            "info about the",
            "information on the",
            "info on the",
            "more information about",
            "more info about",
            "details about the",
            "details on the",
        ],
    ) && mentions(
        &lower,
        &[
            "cotton",
            "fabric",
            "material",
            "certification",
            "certificate",
            "hoodie",
            "tee",
            "t-shirt",
            "shirt",
            "cap",
            "bottle",
            "product",
            "size",
            "sizing",
            "shipping",
            "delivery",
            "care",
            "wash",
        ],
    ) && !mentions(
        &lower,
        &["my data", "my personal", "about me", "on me", "my account"],
    )
}
