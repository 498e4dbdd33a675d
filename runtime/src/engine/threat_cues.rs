//! Whether a message tells of a threat in words no list of phrases holds: the shopper's
//! address put out and fear, a courier who keeps contacting them, the shop threatened with
//! fire, threatening direct messages. Lower-case substring
//! checks; the decision that uses them is [`super::policy::topic`].

/// Whether `lower` tells of the shopper's address put out by someone, and of fear ("你们有个员工
/// replied to my review with my home address and wrote 'see you soon'. 我现在有点害怕"): a
/// threat, before it is a question about their data.
pub(super) fn exposed_and_afraid(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "with my home address",
        "with my address",
        "posted my address",
        "posted my home address",
        "shared my address",
        "shared my home address",
        "know where i live",
        "knows where i live",
        "我的地址发",
        "公开了我的地址",
        "知道我住",
    ]) && says(&[
        "害怕",
        "吓",
        "scared",
        "afraid",
        "frightened",
        "terrified",
        "freaked out",
        "see you soon",
    ])
}

/// Whether `lower` tells of someone threatening to expose the shopper ("你们客服在电话里骂我
/// 还说要把我曝光", "your rep threatened to post my address online"): a threat, whatever
/// data it names.
pub(super) fn threatened_with_exposure(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "要把我曝光",
            "要曝光我",
            "威胁要曝光",
            "威胁说要曝光",
            "威胁我说要曝光",
            "威胁我要曝光",
            "说要曝光我",
            "说要把我曝光",
            "扬言要曝光",
            "threatened to expose",
            "threatening to expose",
            "threatened to post my",
            "threatening to post my",
            "threatened to leak",
            "threatening to leak",
        ],
    )
}

/// Whether `lower` tells of a courier who keeps contacting the shopper, or frightens them
/// doing it ("那个 delivery guy 一直 text 我，好可怕"), or laid hands on them: not a delivery
/// arranged.
pub(super) fn pursued_by_a_courier(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "delivery guy",
        "delivery man",
        "delivery driver",
        "courier",
        "driver",
        "快递员",
        "快递小哥",
        "送货的",
    ]) && {
        let writes = says(&[
            // "快递小哥加我微信后天天发些乱七八糟的东西".
            "加我微信",
            "text 我",
            "text我",
            "texting me",
            "messaging me",
            "发消息给我",
            "给我发消息",
        ]);
        let calls = says(&["calling me", "给我打电话"]);
        let again = says(&[
            "一直",
            "天天",
            "keeps",
            "won't stop",
            "wont stop",
            "every day",
            "all night",
        ]);
        let afraid = says(&["可怕", "害怕", "scared", "creepy"]);
        // Laid hands on ("还有昨天送货的人推了我一把").
        let pushed = says(&[
            "推了我",
            "推我",
            "打了我",
            "pushed me",
            "shoved me",
            "grabbed me",
        ]);
        // Calls to arrange the delivery are the courier's job ("the courier keeps calling
        // me to arrange delivery, I'm at work").
        pushed
            || (((writes && (again || afraid)) || (calls && afraid))
                && !says(&["arrange", "leave it", "drop it off", "送货上门", "约时间"]))
    }
}

/// Whether `lower` threatens the shop with burning it down ("If my parcel doesn't arrive I'll
/// burn your shop down"), or tells of threatening direct messages ("I'm getting threatening
/// DMs from an account that says it works for you"): words the harassment list does not hold.
pub(super) fn threatens_violence(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "burn your shop",
        "burn your store",
        "burn your warehouse",
        "burn down your",
        "burn the shop down",
        "threatening dm",
    ])
}
