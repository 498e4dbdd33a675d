//! Wording that tells an ordinary shop message from a sensitive one that sounds like it:
//! removing something from the shop's own lists is not asking to be forgotten; a charge or
//! login disowned or done by someone else is the shopper's concern, not a task; thanks for
//! good news is no complaint; asking before buying whether something is safe is no harm done.

use super::language::{mentions, says_word};

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
        &[
            "fine",
            "good",
            "great",
            "perfect",
            "love",
            "lovely",
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
            "很棒",
            "好评",
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

#[cfg(test)]
#[path = "policy_cues_tests.rs"]
mod tests;
