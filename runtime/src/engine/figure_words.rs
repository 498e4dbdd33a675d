//! Figures of speech that borrow a sensitive topic's word ("a killer present", "hacked
//! together", "threatening rain", "笑死"), removed before a message's words are matched
//! ([`super::policy::without_figures`]).

/// An account's theft or a lawsuit said not to be so ("不是账号被盗啥的哈，就是不想要了", "我不是
/// 要告你们，就是想问问帽子什么时候到"), or only thought so ("我老婆还以为我账号被盗了才买了两件
/// 一样的，哈哈"): no policy topic's words.
pub const DENIED: &[&str] = &[
    "不是要告",
    "不是想告",
    "没想告",
    // "我又不是要去告你们 就想退个款", "我没打算直接告你们".
    "不是要去告",
    "没打算告",
    "没打算直接告",
    "不打算告",
    "not going to sue",
    "not gonna sue",
    "not suing",
    "以为我账号被盗",
    "以为账号被盗",
    "以为我的账号被盗",
    "以为被盗",
    "thought my account was hacked",
    "thought my account got hacked",
    "thought i got hacked",
    "不是账号被盗",
    "不是帐号被盗",
    "不是被盗",
    "不是盗号",
    "没被盗",
    "没有被盗",
    "not hacked",
    "wasn't hacked",
    "wasnt hacked",
    "not been hacked",
    // "the zip broke, not injured just annoyed, can I exchange it".
    "not injured",
    "not hurt",
    "没受伤",
    // "thought my account got deleted, turns out I was logging in with the wrong email".
    "thought my account got deleted",
    "thought my account was deleted",
];

/// `lower` without `denied` where it denies: not where it is part of a question ("我是不是
/// 被盗号了", "有没有被盗号", "是不是要告你们才给退款": 是 or 有 just before it).
pub fn without_denial(lower: &str, denied: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower;
    while let Some(at) = rest.find(denied) {
        let before = &rest[..at];
        let asked = before.ends_with('是') || before.ends_with('有');
        out.push_str(before);
        out.push_str(if asked { denied } else { " " });
        rest = &rest[at + denied.len()..];
    }
    out.push_str(rest);
    out
}

/// Figures of speech that borrow a topic's word ("hacked together a gift list"): removed
/// before the words are matched.
pub const FIGURES: &[&str] = &[
    // A wallet bleeding, a price cut felt as a trick ("钱包在流血啊，运费能不能便宜点", "刚下单
    // 就降价了，感觉被黑了一把").
    "钱包在流血",
    "钱包流血",
    "被黑了一把",
    // "是不是被黑洞吞了": a parcel lost in a black hole.
    "被黑洞",
    // Haggled to a fracture, handsome to bursting, living in the goods ("she basically lives
    // in your hoodies").
    // Goods borrowed for good ("my husband hijacked my hoodie, guess I'm ordering another").
    "hijacked my hoodie",
    "hijacked my cap",
    "hijacked my tee",
    "hijacked my t-shirt",
    "hijacked my shirt",
    "hijacked my bottle",
    "hijacked my sweater",
    "hijacked my jacket",
    "杀到骨折",
    "帅炸",
    "美炸",
    "lives in your",
    "live in your",
    "basically lives in",
    // "想吐槽一下你们物流" complains; "injured my wallet with this order haha" spent.
    "吐槽",
    "injured my wallet",
    "hurt my wallet",
    "wallet is crying",
    "wallet is hurting",
    // Suing oneself, or the wallet suing: a joke ("I'm going to sue myself for not buying two").
    "sue myself",
    "going to sue me",
    "gonna sue me",
    "you guys stalking me",
    "you stalking me",
    "法院的传达室",
    "在法院上班",
    "在法院工作",
    "survived a fall",
    "survived the fall",
    "survived a drop",
    "not a scratch",
    "shipping charge back",
    "delivery charge back",
    "driving me crazy",
    "drives me crazy",
    "driving me nuts",
    "driving me mad",
    // Praise and persuasion in violent words ("the cap was a killer present", "my sister
    // bullied me into buying it").
    "killer present",
    "killer gift",
    "killer deal",
    "killer price",
    // A price "broken-boned" is a deep discount ("这个价格简直是骨折价").
    "骨折价",
    "打骨折",
    "bullied me into",
    "bullied into",
    "pressured me into",
    "twisted my arm",
    "hacked together",
    "hacked the siz",
    "hacked the fit",
    "hacked my outfit",
    "hack together",
    "life hack",
    "hacked my own budget",
    "hacked my budget",
    "hack my budget",
    "budget hack",
    // The shopper's own day in court, a deadline for a delivery ("court date next week, will
    // express get the tee here by then?").
    "court date",
    "court hearing",
    "court appearance",
    "jury duty",
    "heart attack at",
    "gave me a heart attack",
    "give me a heart attack",
    "swears by",
    "swear by",
    "basketball court",
    "tennis court",
    "food court",
    "法院对面",
    "法院旁边",
    "法院附近",
    "急诊科上班",
    "急诊科工作",
    "在急诊科",
    "fell in love",
    "fell for",
    "fell over laughing",
    // Who the shopper knows: "my lawyer friend says the tees are great".
    "lawyer friend",
    "律师朋友",
    // Jobs: "ambulance driver here, need something warm for night shifts".
    "ambulance driver",
    "ambulance crew",
    "救护车司机",
    // The weather: "threatened with rain all week".
    "threatened with rain",
    "threatened with snow",
    "threat of rain",
    "threat of snow",
    "threat of storms",
    "threatening rain",
    "threatening to rain",
    "threatening to snow",
    // A fright said as an illness: "I nearly had a heart attack, thought I'd lost the
    // parcel", "物流信息看得我心脏病都要犯了".
    "nearly had a heart attack",
    "almost had a heart attack",
    "giving me a heart attack",
    "心脏病都要犯了",
    "心脏病要犯了",
    // "看到寄澳洲的运费差点心脏病发作哈哈", "你们不卖粉色 我心都碎了", "I got hurt laughing at
    // your 404 page", a lawsuit ruled out ("不会告你们的啦 就想换个颜色").
    "差点心脏病发作",
    "心脏病发作哈哈",
    "心都碎了",
    "hurt laughing",
    "hurt from laughing",
    "不会告你们的啦",
    "不会告你们啦",
    // A matter closed ("退款的事可以告一段落了 谢谢"), 告 as in telling ("你直接告我单号就行").
    "告一段落",
    "告我单号",
    "心脏病都犯了",
    // A court as where the shopper works or takes delivery ("能送到区人民法院门口吗 我在那上班").
    "法院门口",
    "在法院上班",
    "在法院工作",
    "寄到法院",
    "送到法院",
    // Jobs: "I'm a data scientist and I'm obsessed with the navy cap".
    "data scientist",
    "data analyst",
    "data engineer",
    // The site's own banner: "the GDPR cookie banner won't go away".
    "gdpr cookie",
    "cookie banner",
    "cookie consent",
    "cookie popup",
    "cookie pop-up",
    // A court as where the shopper lives or works: "收货地址写法院家属院可以吗".
    "法院家属院",
    "法院宿舍",
    "法院小区",
    "法院路",
    "法院街",
    // "是不是我…" asks whether it was the shopper ("扣款失败了 是不是我的卡有问题"); its "不是我"
    // denies nothing.
    "是不是我",
    // A laugh: "笑死，我把白T恤和红袜子一起洗成粉色了".
    "笑死",
    // Impatience or annoyance "to death" ("1002还在处理中，急死我了", "气死了 还没发货").
    "急死",
    "气死",
    "烦死",
    // The weather: "rain's threatening all day tomorrow".
    "rain's threatening",
    "rains threatening",
    "weather's threatening",
    "sky's threatening",
    "storm's threatening",
    // A weak immune system is no account compromised: "for my immunocompromised mum".
    "immunocompromised",
    "immuno-compromised",
    // A place of work: "can I ship to the ambulance station?".
    "ambulance station",
    // A word in quotes is not meant: "my cat 'hacked' my laptop".
    "'hacked'",
    "\"hacked\"",
    "“hacked”",
    // A cable, not data ("我的数据线能放进卫衣口袋吗"); a phone low on data; a wallet "bleeding"
    // after a sale; the sky "threatening"; a basketball court run; praise "should be illegal";
    // "legally obliged" to praise.
    "数据线",
    // British for annoyed; a joke threat to buy everything.
    "hacked off",
    "threatening to buy",
    // A job in an emergency room ("我是急诊科医生，经常值夜班").
    "急诊科医生",
    "急诊科护士",
    "急诊科",
    // A print or finish coming off in the dryer.
    "burn off",
    "burns off",
    "burnt off",
    "burned off",
    "low data",
    "on low data",
    "wallet is bleeding",
    "wallet's bleeding",
    "wallet bleeding",
    // Money spent, not blood ("I'm bleeding money on shipping here").
    "bleeding money",
    "bleed money",
    // "so sue me", said of oneself ("I will never shop anywhere else, sue me 😂").
    "so sue me",
    ", sue me",
    "sky looks threatening",
    "sky is threatening",
    "looks threatening",
    "running the court",
    "on the court",
    "should be illegal",
    "legally i'm obliged to tell you",
    "legally obliged to tell you",
];

/// Whether `lower` calls a shop task an emergency ("emergency: forgot my password and the
/// sale ends tonight"), with nobody hurt or ill and nothing happening at home.
pub fn a_shop_tasks_emergency(lower: &str) -> bool {
    use super::language::mentions;
    lower.contains("emergency")
        && mentions(
            lower,
            &[
                "password", "sale", "discount", "coupon", "promo", "checkout", "basket", "cart",
                "log in", "login", "sign in", "voucher",
            ],
        )
        && !mentions(
            lower,
            &[
                "room",
                "hospital",
                "ambulance",
                "family",
                "mum",
                "mom",
                "dad",
                "child",
                "kid",
                "baby",
                "hurt",
                "injur",
                "fire",
                "flood",
                "house",
                "home",
                "sick",
                "died",
                "funeral",
                "shelter",
                "accident",
                "police",
                "doctor",
                "medic",
            ],
        )
}

/// Whether `lower` tells of harm that nearly happened, as a joke about the goods ("the box
/// was so heavy I nearly injured myself lol, what did I even order"): nobody hurt.
pub fn only_nearly_hurt(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "nearly injured",
            "almost injured",
            "nearly hurt myself",
            "almost hurt myself",
            "nearly broke my back",
            "almost broke my back",
            "nearly threw my back",
            "差点受伤",
            "差点闪了腰",
            "差点把腰闪了",
        ],
    ) && !super::language::mentions(lower, &["bleed", "blood", "流血", "hospital", "医院"])
}

/// Whether `lower` tells of a meal swallowed in haste ("my kid swallowed his dinner in 2
/// minutes so he could check if the parcel came"): no harm.
pub fn a_meal_wolfed_down(lower: &str) -> bool {
    super::language::mentions(lower, &["吞了", "吞下", "swallowed"])
        && super::language::mentions(
            lower,
            &[
                "his dinner",
                "her dinner",
                "my dinner",
                "his food",
                "her food",
                "lunch",
                "breakfast",
                "饭",
            ],
        )
}
