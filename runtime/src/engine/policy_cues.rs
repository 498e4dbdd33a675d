//! Wording that tells an ordinary shop message from a sensitive one that sounds like it:
//! removing something from the shop's own lists is not asking to be forgotten; a charge or
//! login disowned or done by someone else is the shopper's concern, not a task; thanks for
//! good news is no complaint. Whether harm is told is [`super::harm_cues`]'s.

use super::language::{mentions, says_word};

/// Whether `text` asks to remove something from the shop's hands, or to close the account
/// ("delete my account", "注销账号"), as a request about personal data must.
pub fn asks_to_remove_or_close(text: &str) -> bool {
    mentions(
        text,
        &[
            "delete",
            "remove",
            "close",
            "closing",
            "erase",
            "wipe",
            "deactivate",
            "get rid of",
            "forget",
            "cancel my account",
            "unsubscribe",
            "don't want my account",
            "dont want my account",
            "no longer want",
            "don't need my account",
            "删",
            "注销",
            "关闭",
            "销户",
            "清除",
            "清空",
            "移除",
            "不用了",
            "不想要",
            "不要了",
        ],
    )
}

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
            // Identity documents and "your system" are personal data, not a shop list.
            "身份证",
            "护照",
            "passport",
            "id number",
            "id card",
            "系统里",
            "your system",
            "your records",
            "your database",
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
            // Not done by the shopper ("我没下过这单", "我没有登录"), not every 没 ("邮件一直
            // 没收到" is a reset email still awaited).
            "我没",
            "没买",
            "没下",
            "没付",
            "没登",
            "没授权",
            "没同意",
            "没申请",
            "没操作",
            "没改",
            "没消费",
            "没用过",
            "没绑",
            "没刷",
            "没有买",
            "没有下",
            "没有付",
            "没有登",
            "没有授权",
            "没有同意",
            "没有申请",
            "没有操作",
            "没有改",
            "没有消费",
            "没有用过",
            "没有绑",
            "没有刷",
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
            // Out of nowhere ("莫名收到验证码").
            "莫名",
            "out of nowhere",
            "unexpected",
            // Done to the shopper's account by nobody they name.
            "was changed",
            "were changed",
            "been changed",
            "got changed",
            "被修改",
            "被更改",
        ],
    ) || not_me(text)
        || names_an_ex(text)
}

/// Whether `text` names the shopper's ex ("my ex", "my ex-boyfriend"), not "my expenses".
fn names_an_ex(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("my ex").any(|(i, m)| {
        !lower[i + m.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
    })
}

/// Whether `text` tells of an account broken into on another site ("my account got hacked
/// on some other site years ago so now I only pay with paypal"): a reason for care here, not
/// a takeover of the shopper's account with this shop.
pub fn breached_elsewhere(text: &str) -> bool {
    mentions(
        text,
        &[
            "other site",
            "different site",
            "another site",
            "other website",
            "different website",
            "another website",
            "别的网站",
            "其他网站",
            "别的平台",
            // A friend's account ("我朋友被盗号过所以我有点担心").
            "朋友被盗",
            // Another service's account ("my instagram got hacked so I can't DM you there").
            "instagram",
            "facebook",
            "twitter",
            "tiktok",
            "微博",
            "微信号",
            "抖音",
            // A device or an account of long ago ("my old laptop got hacked years ago").
            "laptop got hacked",
            "computer got hacked",
            "phone got hacked",
            "years ago",
        ],
    )
}

/// Whether `text` says it is joking ("哈哈", "lol", "开玩笑的", "jk", "😄") and names no
/// lawyer: the law's words in it are a figure of speech. "lmao no seriously i will" takes
/// the joke back.
pub fn jokes(text: &str) -> bool {
    let serious = mentions(
        text,
        &[
            "no seriously",
            "no, seriously",
            "not joking",
            "not kidding",
            // Called thieves, however it laughs ("see you in court lol, you people are
            // thieves").
            "thieves",
            "scammers",
            "骗子",
            "i'm serious",
            "im serious",
            "i mean it",
            "不是开玩笑",
            "没开玩笑",
            "认真的",
        ],
    );
    (mentions(
        text,
        &[
            "哈哈",
            "haha",
            "开玩笑",
            "just kidding",
            "(joking)",
            "kidding",
            "😄",
            "😂",
            "🤣",
            "😆",
            "😜",
            "😉",
        ],
    ) || says_word(text, &["lol", "jk", "lmao"])
        // Goods too good as the grievance ("I'm going to sue you... for making me spend my
        // whole paycheck, these caps are too good").
        || (mentions(text, &["too good", "太好看了", "太好穿了", "太好用了"])
            && !mentions(text, &["not too good", "不太好"])))
        && !serious
        && !mentions(text, super::legal_words::LAWYERS)
}

/// Whether `text` rules a lawsuit out in so many words ("倒不至于起诉，就是想问一下退货流程",
/// "I'm not going to sue, just tell me how returns work"): the law named only to set it aside.
pub fn rules_out_the_law(text: &str) -> bool {
    mentions(
        text,
        &[
            "不至于起诉",
            "不会起诉",
            "不打算起诉",
            "不想起诉",
            "不用起诉",
            "not going to sue",
            "wouldn't sue",
            "wouldnt sue",
            "would not sue",
            "won't sue",
            "wont sue",
            "not suing",
            "no need to sue",
            "not taking you to court",
        ],
    )
}

/// Whether `text` says the shopper did it themselves ("that was me on my new phone", "是我自己
/// 密码输错太多次了", "I changed my password and now…"): a sign-in, a lock or a change on their
/// own account that nobody else made.
pub fn says_it_was_them(text: &str) -> bool {
    use super::owning_words::{THEIR_OWN_DOING, THEIR_OWN_SLIP};
    (mentions(text, THEIR_OWN_DOING)
        || mentions(text, THEIR_OWN_SLIP)
        || mentions(
            text,
            &[
                "i changed my password",
                "i reset my password",
                "i changed the password",
                "i reset the password",
                "i changed my email",
                // A password typed wrong, whoever's hands ("是不是我 password 输错了").
                "输错",
                "我改了密码",
                "我刚改了密码",
                "我重置了密码",
            ],
        ))
        && !mentions(
            text,
            &[
                "wasn't me",
                "wasnt me",
                "not me",
                "不是我自己",
                "不是我本人",
                "不是本人",
                // An order in the account they never placed outweighs a reset of their own.
                "never placed",
                "我没下过",
            ],
        )
}

/// Whether `text` takes back a charge it first did not recognise ("didn't recognise the
/// charge at first but it's my cap order, sorry, ignore me!", "想起来了，是我自己买的"), or
/// asks after an order its payment went through for ("扣款成功了但是订单列表里没有，是不是没
/// 下单成功").
pub fn owns_it_after_all(text: &str) -> bool {
    mentions(
        text,
        &[
            "at first but",
            "ignore me",
            "never mind",
            "nevermind",
            "my bad",
            "it's mine after all",
            "想起来了",
            "原来是我",
            "是我自己买的",
            // The bank's check answered by the shopper ("银行问我是不是本人…我确认了", "my
            // bank asked me to confirm the payment to you and I did").
            "我确认了",
            "确认是本人",
            "confirm the payment to you and i did",
            "i confirmed it",
        ],
    ) || (mentions(text, &["扣款成功", "付款成功", "支付成功"])
        && mentions(
            text,
            &["没下单成功", "订单列表里没有", "看不到订单", "没有订单"],
        )
        && !mentions(text, &["我没买", "没买东西", "不是我", "没下过"]))
}

/// Whether `text` worries about a fraud before anything happened ("会不会被盗刷", "just
/// general fraud paranoia on my part"): its words of theft are the worry, not a report.
pub fn worries_before_it_happens(text: &str) -> bool {
    // Asked as a joke ("are you gonna steal my data lol. jk"), not a data request made.
    (mentions(
        text,
        &[
            "gonna steal my",
            "going to steal my",
            "won't steal my",
            "wont steal my",
        ],
    ) && jokes(text)
        && !mentions(text, &["delete", "删除", "erase"]))
        || mentions(
            text,
            &[
                "会不会被",
                "会不会泄露",
                "会不会泄漏",
                "will it leak",
                "could it leak",
                "paranoia",
                "paranoid",
                "could it get stolen",
                "could it be stolen",
                "will it get stolen",
                "will it be stolen",
                // Feared aloud, laughing ("能用支付宝吗 不会被盗刷吧哈哈", "are you gonna steal my
                // data lol. jk").
                "不会被盗刷吧",
                "不会被盗吧",
                "不会泄露吧",
                // A first order, its shop asked about ("is this site legit? never bought from you
                // before").
                "never bought from you",
                "never ordered from you",
                "first time ordering",
                "first time buying",
                "第一次在你们",
                "第一次买",
            ],
        )
}

/// Whether `text` says "不是我" as a denial, not inside the question "是不是我…" ("是不是我
/// email 填错了": did I type the email wrong?).
fn not_me(text: &str) -> bool {
    text.match_indices("不是我")
        .any(|(i, _)| !text[..i].ends_with('是'))
}

/// Whether `text` only thanks the shop for something that went well ("我的订单1004 arrived
/// fine, thanks", "all good now, thank you", "收到了，挺好的，谢谢"): good news and thanks,
/// nothing wrong said. Whatever the model hears, it is no complaint.
pub fn thanks_for_good_news(text: &str) -> bool {
    (mentions(text, &["thank", "thx", "cheers", "谢谢", "多谢", "感谢"]) && speaks_well(text))
        || glad_it_came(text)
}

/// Whether `text` tells that goods came and thanks for them or praises them ("1001 arrived
/// today, great job guys", "order 1004 arrived today, thanks guys", "1003到了，谢谢"), with
/// nothing wrong told beside it: no damage, wrong or missing goods, lateness or "but".
pub fn glad_it_came(text: &str) -> bool {
    let came = says_it_came(text);
    let glad =
        mentions(text, &["thank", "thx", "cheers", "谢谢", "多谢", "感谢"]) || speaks_well(text);
    let wrong = tells_of_something_wrong(text);
    // A claim's remedy asked for ("a refund or a new one, either is fine with me") tells of
    // something wrong too; so much told is more than thanks.
    let remedy = mentions(
        text,
        &[
            "refund",
            "replace",
            "new one",
            "return",
            "exchange",
            "send another",
            "退",
            "换",
            "补发",
        ],
    );
    let short = text.split_whitespace().count() <= 12 && text.chars().count() <= 80;
    came && glad && short && !wrong && !remedy && !super::cues::is_a_question(text)
}

/// Whether `text` sets a delivery worry aside because the goods came ("oh nvm it was
/// delivered. do you sell that cap in any other colours?", "never mind, found it"), with
/// nothing wrong told beside it.
pub fn set_aside_as_come(text: &str) -> bool {
    says_it_came(text)
        && mentions(text, &["nvm", "never mind", "nevermind", "算了", "没事了"])
        && !tells_of_something_wrong(text)
}

/// Whether `text` says goods came ("arrived", "got it", "到了").
fn says_it_came(text: &str) -> bool {
    says_word(text, &["arrived", "came", "received", "delivered", "here"])
        || mentions(
            text,
            &[
                "got it",
                "got my",
                "got the",
                "got them",
                "到了",
                "收到了",
                "收到啦",
                "到啦",
            ],
        )
}

/// Whether `text` tells of something wrong beside goods that came: damage, wrong or missing
/// goods, lateness, a "but", a sneer.
fn tells_of_something_wrong(text: &str) -> bool {
    super::claim_words::describes_damage(text)
        || super::wrong_goods_words::describes_a_wrong_item(text)
        || super::wrong_goods_words::describes_a_missing_item(text)
        || super::late_words::says_late(text)
        || says_word(text, &["but", "however", "though", "except", "not", "only"])
        || mentions(
            text,
            &[
                "n't",
                "never",
                "nothing",
                "wrong",
                "🙄",
                "thanks a lot",
                "yeah right",
                "wow",
                "但是",
                "不过",
                "错",
                "可是",
                "没收到",
                "坏",
                "破",
                "少",
                "呵呵",
            ],
        )
}

/// Whether `text` only speaks well of something ("哈哈好的,你们客服回得还挺快", "arrived fine"),
/// with nothing wrong said beside it.
pub fn speaks_well(text: &str) -> bool {
    let good = says_word(
        text,
        &[
            "fine",
            "good",
            "great",
            "perfect",
            "love",
            "lovely",
            "cute",
            "pretty",
            "gorgeous",
            "beautiful",
            "adorable",
            "loving",
            "comfy",
            "comfortable",
            "soft",
            "cozy",
            "cosy",
            "nice",
            "awesome",
            "amazing",
            "excellent",
            "beautiful",
            "gorgeous",
            "happy",
            "pleased",
            "impressed",
        ],
    ) || mentions(
        text,
        &[
            "没问题",
            "挺好",
            "很好",
            "不错",
            "满意",
            "喜欢",
            "舒服",
            "好看",
            "好穿",
            // "哈哈 你们店名挺有意思的".
            "挺有意思",
            "很有意思",
            // "哈哈你们这个客服还挺可爱的".
            "可爱",
            "贴心",
            // Thanks for the work ("哈哈没事 你们客服辛苦了 晚安").
            "辛苦了",
            "辛苦啦",
            "很棒",
            "好评",
            // Good wishes ("祝你们生意兴隆~").
            "生意兴隆",
            "祝你们",
            // Quick replies praised.
            "挺快",
            "很快",
            "好快",
            "真快",
            "回得快",
            "so fast",
            "super fast",
            "really fast",
        ],
    );
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
            // "你们客服一点都不贴心", "一点也不可爱".
            "一点都不",
            "一点也不",
            "不可爱",
            "不贴心",
            // "你们客服真是辛苦了，三天都没人回我".
            "没人回",
            "没人理",
        ],
    );
    // A mood that is no praise, whatever good word comes with it ("honestly pretty
    // disappointed with the hoodies from 1004").
    let let_down = says_word(
        text,
        &[
            "disappointed",
            "disappointing",
            "unhappy",
            "annoyed",
            "upset",
            "frustrated",
            // Blame, whatever "pretty" comes with it ("that's pretty hypocritical").
            "wasteful",
            "hypocritical",
            "ridiculous",
            "terrible",
            "awful",
            "unacceptable",
            "shameful",
            "pathetic",
        ],
    ) || mentions(
        text,
        &[
            "失望",
            "不开心",
            "不满意",
            "浪费",
            "太差",
            // A threat, whatever "好看" it says ("再投诉就让我好看").
            "让我好看",
            "给我好看",
            "让你好看",
            "给你好看",
            "要你好看",
        ],
    );
    good && !but && !let_down
}

#[cfg(test)]
#[path = "policy_cues_tests.rs"]
mod tests;
