//! Whether a message tells of harm to someone: harm already done ("choked on", "rash", "过敏"
//! after wearing), a body or a danger spoken of at all, a question before buying whether
//! something is safe, a lasting condition of someone a product is for (an injury told only
//! as a reason is in [`super::harm_reasons`]; harm the shop's goods did, in
//! [`super::goods_harm`]). Lower-case substring checks in English,
//! Chinese and pinyin, like [`super::language`]'s; the decisions that use them are
//! `policy.rs` and `topic_choice.rs`.

use super::language::{mentions, says_word};

/// Whether `text` names a lasting condition of someone the product is for ("my baby has
/// allergies", "I'm allergic to wool", "我对羊毛过敏", "sensitive skin"), not a reaction it
/// caused: with a question about the product, a question before buying.
pub fn names_a_condition(text: &str) -> bool {
    // Typed in pinyin ("guomin tizhi neng chuan ma"), read as characters.
    let lower = super::language::lowered_with_pinyin_read(text);
    let chinese = lower.match_indices("过敏").any(|(i, _)| {
        let before = &lower[..i];
        let after = &lower[i + "过敏".len()..];
        // "对羊毛过敏" or "过敏体质", but not "过敏了" (it happened).
        (before
            .rfind('对')
            .is_some_and(|j| before[j..].chars().count() <= 14)
            || after.starts_with("体质"))
            && !after.starts_with('了')
    });
    chinese
        || mentions(
            &lower,
            &[
                "has allergies",
                "have allergies",
                "my allergies",
                "allergy",
                "eczema",
                "surgery",
                "operation",
                "湿疹",
                "手术",
                "allergic to",
                "sensitive skin",
                "皮肤敏感",
                "敏感肌",
                // A doctor's advice, or skin prone to react ("孩子的医生说要穿纯棉的", "我容易
                // 出汗起疹子").
                "doctor said",
                "doctor says",
                "doctor recommended",
                "医生说",
                "医生建议",
                "容易起",
                "容易出汗",
                "容易过敏",
                "prone to",
            ],
        )
}

/// Whether `text` asks about a product for someone with a lasting condition, nobody hurt
/// ("my baby has allergies, is the cap machine washable?", "guomin tizhi neng chuan nimen de
/// T xu ma", "can I wear the zip hoodie after shoulder surgery?").
pub fn a_condition_asked_about(text: &str) -> bool {
    use super::cues;
    names_a_condition(text)
        && (cues::asks_what_it_is_made_of(text)
            || cues::asks_about_fit(text)
            || cues::asks_how_to_care(text)
            || asks_if_suitable(text))
        && !harm_beyond_a_condition(text)
}

/// Whether `text` asks whether a product suits someone's body or situation ("can I wear the
/// zip hoodie after shoulder surgery?", "手术后穿脱方便吗", "is it ok for a toddler").
fn asks_if_suitable(text: &str) -> bool {
    mentions(
        text,
        &[
            "can i wear",
            "could i wear",
            "ok to wear",
            "okay to wear",
            "fine to wear",
            "easier to put on",
            "easy to put on",
            "easier than",
            "suitable for",
            "good for",
            "is it ok for",
            "能穿",
            "可以穿",
            "适合",
            "穿脱方便",
            "方便穿",
            // Whether it irritates the skin ("T恤的染料刺激吗").
            "刺激吗",
            "会刺激",
            "irritate",
            "gentle on",
            "合适吗",
            "合不合适",
            // Whether it makes one hot or smells ("穿卫衣会不会闷", "会不会有化学味道").
            "会不会闷",
            "会不会热",
            "味道",
        ],
    ) && (text.contains(['?', '？']) || mentions(text, &["吗"]))
}

/// Whether `lower` tells of a child who swallowed something, in any mix of languages ("my
/// kid 吞了 a button from the hoodie 怎么办"), or a pet that ate part of the goods: not money
/// or an order "swallowed" by a machine or a system ("订单被吞了").
pub fn a_child_swallowed_something(lower: &str) -> bool {
    // A pet that ate part of the goods too ("my dog ate part of the cap, is the material
    // toxic").
    let pet_ate = (super::language::says_word(lower, &["dog", "cat", "puppy", "kitten"])
        || mentions(lower, &["狗", "猫"]))
        && mentions(
            lower,
            &[
                "ate part of",
                "ate some of",
                "ate a piece",
                "吃了一块",
                "吃掉了",
            ],
        );
    let child = (super::language::says_word(
        lower,
        &["kid", "kids", "son", "daughter", "baby", "toddler", "child"],
    ) || mentions(lower, &["孩子", "宝宝", "儿子", "女儿", "小孩", "娃"]))
        && mentions(lower, &["吞了", "吞下", "swallowed"])
        // Feared, not happened ("万一宝宝吞下去怎么办", "what if my kid swallowed a button").
        && !mentions(
            lower,
            &["被吞", "吞了我的钱", "吞钱", "会不会", "万一", "如果", "what if", "could", "if my"],
        )
        && !super::figure_words::a_meal_wolfed_down(lower);
    child || pet_ate
}

/// Whether `text` tells of harm done beyond a condition it names ("I'm allergic to nickel
/// and the zip gave me a rash" does; "my baby has allergies, is the cap machine washable?"
/// does not).
pub fn harm_beyond_a_condition(text: &str) -> bool {
    let mut rest = super::language::lowered_with_pinyin_read(text);
    for condition in [
        "容易出汗起疹子",
        "容易起疹子",
        "mite allergy",
        "allergy here",
        "allergy to",
        "an allergy",
        "has allergies",
        "have allergies",
        "my allergies",
        "allergic to",
        "过敏体质",
        "过敏",
        "湿疹",
        "eczema",
    ] {
        rest = rest.replace(condition, " ");
    }
    tells_of_harm_done(&rest)
}

/// Whether `text` asks whether something is safe, before anything happened ("is the cap
/// strap a choking hazard for toddlers?", "is my payment info safe if I save my card",
/// "儿童T恤有没有安全认证", "用支付宝付款安全吗"), and tells of no harm done ("my son
/// choked on it", "起疹子了").
pub fn asks_if_safe(text: &str) -> bool {
    // Words start at a space: "this payment" does not ask "is payment …".
    let text = &format!(" {text}");
    let asks = mentions(
        text,
        &[
            "hazard",
            "is it safe",
            // Paying safely, before paying ("do you use secure payment? I'm nervous").
            "secure payment",
            "payment secure",
            "site secure",
            "is it secure",
            "checkout secure",
            "nervous putting my card",
            // Whether the shop is genuine, before buying.
            "site legit",
            "shop legit",
            "store legit",
            "you legit",
            "网站正规吗",
            "正规吗",
            " is my payment",
            " is my card",
            " is paying",
            " is payment",
            "safer",
            "会不会被盗刷",
            "会不会被盗",
            "不会被盗刷吧",
            "不会被盗吧",
            "payment safe",
            "payment secure",
            "safe to pay",
            "safe for",
            "safe if",
            "safe on your",
            "safety certif",
            "child-safe",
            "child safe",
            "childproof",
            "child-proof",
            "safety test",
            "安全认证",
            "安全检测",
            "安全吗",
            "安不安全",
            "是否安全",
        ],
    );
    // Asked as a joke ("are you gonna steal my data lol. jk").
    let joked =
        mentions(text, &["gonna steal my", "going to steal my"]) && super::policy_cues::jokes(text);
    (asks || joked) && !tells_of_harm_done(text)
}

/// Whether `text` tells of harm already done to someone ("choked on", "rash", "受伤", "过敏",
/// "医院").
pub fn tells_of_harm_done(text: &str) -> bool {
    mentions(
        text,
        &[
            "choked on",
            "choking on",
            "is choking",
            // The goods choked someone ("the drawstring choked my kid for a second, he's ok
            // but shaken. That's a safety hazard.").
            "choked my",
            "choked him",
            "choked her",
            "choked the",
            "choking my",
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
            // "金属片把我手划了个大口子，血一直流，这东西安全吗".
            "血一直",
            // "卫衣上的绳子勒到了宝宝的脖子，吓死我了，这东西安全吗" (not "会不会勒到").
            "勒到了",
            "勒住了",
            "勒伤了",
            // "穿了一天T恤皮肤就溃烂了，这安全吗".
            "溃烂",
            "划破了手",
            "割破了手",
            "手划伤",
            "划伤了手",
            "手被划",
            "烫伤",
            "过敏",
            "起疹",
            "医院",
            "窒息",
            "急救",
            "swell",
            "swollen",
            "hives",
            "blister",
            "itchy",
            "numb",
            "发麻",
            "肿",
            "疹",
            "dizzy",
            "fainted",
            "throat",
            "喉咙",
            "passed out",
            "晕倒",
            "水泡",
            // "my daughter got sick after drinking from the steel bottle, is it safe??".
            "got sick after",
            "fell ill after",
            "been sick since",
            "喝了就吐",
            "feel awful",
            "feeling awful",
            "felt awful",
            "难受",
            "felt sick",
            "feel sick",
            "feel really sick",
            "feel so sick",
            "feeling sick",
            "feel ill",
            "feeling ill",
            "想吐",
            "不舒服",
            "threw up",
            "vomit",
            "cramps",
            "肚子疼",
            "头晕",
            "呕吐",
        ],
    )
}

/// Whether `text` speaks of a body, a person at risk or a danger at all ("hurt", "rash",
/// "my toddler", "smoke", "受伤", "过敏", "孩子"): what a message about someone's safety
/// cannot do without. "The strap on the cap broke after a week" and "the tee washed really
/// well" speak of none, whatever the topic model heard in them.
///
/// A child named only as the one who asks or wants something ("my kid is asking", "my son
/// loves the cap") is no one at risk.
pub fn speaks_of_harm(text: &str) -> bool {
    speaks_of_danger(text) || (names_a_child(text) && !a_child_only_asks_or_wants(text))
}

/// Whether `text` names a child ("my toddler", "孩子").
fn names_a_child(text: &str) -> bool {
    says_word(text, &["kid", "kids", "son", "baby", "girl", "boy"])
        || mentions(
            text,
            &[
                "toddler", "child", "daughter", "孩子", "宝宝", "小孩", "儿子", "女儿",
            ],
        )
}

/// Whether the child `text` names only asks, wants or likes something ("my kid is asking
/// and i blanked", "my daughter wants one for her birthday", "孩子想要一个").
fn a_child_only_asks_or_wants(text: &str) -> bool {
    mentions(
        text,
        &[
            "is asking",
            "keeps asking",
            "was asking",
            "asked me",
            "wants to know",
            "wants one",
            "wants the",
            "wants a ",
            "loves",
            "likes",
            "birthday",
            "for school",
            "school uniform",
            "back to school",
            "for my kid",
            "for my son",
            "for my daughter",
            "给孩子买",
            "给儿子买",
            "给女儿买",
            "开学",
            "学校",
            "上学",
            "校服",
            "问我",
            "想要",
            "喜欢",
            "生日",
        ],
    )
}

/// Whether `text` speaks of a body or a danger: harm's words, a child aside.
fn speaks_of_danger(text: &str) -> bool {
    says_word(
        text,
        &[
            "er", "a&e", "911", "999", "112", "ill", "ate", "eye", "eyes", "fell", "fall", "die",
            "died", "dead", "safe", "fire", "cut", "cuts", "face", "drank", "skin", "arm", "arms",
            "leg", "legs", "head", "hand", "hands",
        ],
    ) || mentions(
        text,
        &[
            "hurt",
            "injur",
            "scald",
            "cough",
            "bleed",
            "blood",
            "burn",
            "rash",
            "allerg",
            "swell",
            "swollen",
            "sick",
            "hospital",
            "doctor",
            "ambulance",
            "emergency",
            "pain",
            "sore",
            "chok",
            "breath",
            "faint",
            "collapse",
            "unconscious",
            "danger",
            "unsafe",
            "scared",
            "afraid",
            "fear",
            "threat",
            "kill",
            "death",
            "toxic",
            "poison",
            "chemical",
            "pregnan",
            "怀孕",
            "孕妇",
            "fume",
            "smoke",
            "flame",
            "melt",
            "shock",
            "spark",
            "mouth",
            "throat",
            "itch",
            "blister",
            "bruise",
            "trip",
            "wound",
            "stitch",
            "swallow",
            "eaten",
            "vomit",
            "throw up",
            "threw up",
            "dizzy",
            "headache",
            "nause",
            "bump",
            "hives",
            "welt",
            "wheez",
            "lips",
            "tongue",
            "finger",
            "foot",
            "feet",
            "neck",
            "chest",
            "stomach",
            "heart",
            "suicid",
            "self-harm",
            "self harm",
            "hit me",
            "abuse",
            "violen",
            "shelter",
            "stalk",
            "following me",
            "followed me",
            "follows me",
            "police",
            "受伤",
            "伤",
            "疼",
            "痛",
            "血",
            "烫",
            "烧",
            "过敏",
            "肿",
            "痒",
            "疹",
            "医院",
            "医生",
            "急诊",
            "救护",
            "呼吸",
            "晕",
            "吐",
            "毒",
            "危险",
            "安全",
            "害怕",
            "怕",
            "皮肤",
            "眼",
            "嘴",
            "喉",
            "脸",
            "摔",
            "吞",
            "窒息",
            "手",
            "脚",
            "腿",
            "胳膊",
            "水泡",
            "起泡",
            "火",
            "电",
            "炸",
            "死",
            "命",
            "暴",
            "打我",
            "报警",
            "咳",
        ],
    )
}
