//! When the legal topic the models heard is only the words of a shop task: the law on
//! returns asked to compare the shop's, a lawyer the shopper knows or is, a law firm buying,
//! a few words asking the money back, the shopper's own day in court, praise in the law's
//! words. Pure; part of [`super::topic_noise`], which applies it only while nobody else is
//! named and nothing is disowned.

use super::language::mentions;
use super::policy_cues;

/// Whether the law's words in `text` name a shop task or praise ("invoice 上要写公司的 legal
/// name", "我 legally 要公司发票", "this fit is illegal la so nice"): no threat.
pub(super) fn the_law_in_a_shop_task(text: &str) -> bool {
    let invoice = mentions(text, &["invoice", "receipt", "发票", "收据"]);
    let praise = mentions(
        text,
        &[
            "so nice",
            "so good",
            "so soft",
            "so cute",
            "so comfy",
            "comfy",
            "cosy",
            "cozy",
            "好看",
            "太好",
            "好舒服",
        ],
    );
    let knows_one = someone_in_the_law(text);
    let a_story = a_story_of_the_law(text);
    // What the law says about returns, asked to compare the shop's ("法律上退货期是多少天
    // 你们是30天吗", "消费者权益说7天无理由退货，你们是30天对吧"): the return policy.
    let the_law_on_returns = mentions(
        text,
        &[
            "法律上",
            "法律规定",
            "按法律",
            "消费者权益",
            "by law",
            "legally required",
            "consumer law",
            "consumer rights",
            "the law says",
        ],
    ) && mentions(
        text,
        &["退货", "退款", "无理由", "return", "refund", "cooling"],
    ) && !mentions(text, super::legal_words::LAWYER_THREATS)
        && !mentions(text, super::legal_words::LEGAL)
        // Asked, and nobody says the shop broke the law ("my solicitor thinks the way you
        // handled my return breaches consumer law" is a legal matter).
        && (text.contains(['?', '？', '吗'])
            || mentions(text, &["对吧", "是吧", "多少天", "how many days", "how long"]))
        && !mentions(
            text,
            &[
                "solicitor", "lawyer", "attorney", "律师", "breach", "violat", "illegal",
                "against the law", "违反", "违法", "不合法",
            ],
        );
    // A few words asking the money back or the goods returned, no word of the law in them
    // ("那就退吧"): the refund.
    let short = if text.is_ascii() {
        text.split_whitespace().count() <= 5
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count() <= 10
    };
    let a_short_refund = short
        && mentions(text, &["退", "refund", "return"])
        && !mentions(
            text,
            &[
                "法", "律", "诉", "告", "court", "sue", "lawyer", "legal", "attorney",
            ],
        );
    // The shopper's own day in court, a deadline for a delivery ("court date next week, will
    // express get the tee here by then?"), nothing threatened.
    let own_court_day = mentions(
        text,
        &[
            "court date",
            "court hearing",
            "court appearance",
            "jury duty",
        ],
    ) && !mentions(
        &super::policy::without_figures(text),
        super::legal_words::LEGAL,
    ) && !mentions(text, super::legal_words::LAWYER_THREATS);
    // A law firm buying ("我们律师事务所想团购一批T恤"): a customer's workplace.
    let a_firm_buys = mentions(text, &["律师事务所", "律所", "law firm", "law office"])
        && mentions(text, &["团购", "买", "采购", "buy", "order", "bulk"])
        && !mentions(text, super::legal_words::LAWYER_THREATS)
        && !mentions(text, super::legal_words::LEGAL);
    // Praise with no word of the law in it ("你们家卫衣真的好穿，已经回购了").
    let praise_only = policy_cues::speaks_well(text)
        && !mentions(
            text,
            &[
                "法", "律", "诉", "告", "court", "sue", "lawyer", "legal", "attorney", "judge",
                "claim",
            ],
        )
        && !mentions(text, super::legal_words::LAWYER_THREATS);
    policy_cues::jokes(text)
        || praise_only
        || knows_one
        || a_story
        || a_matter_elsewhere(text)
        || a_firm_buys
        || a_short_refund
        || own_court_day
        || the_law_on_returns
        || mentions(text, &["legal name", "legal entity", "法定名称"])
        || (invoice
            && mentions(
                text,
                &["legally", "legal requirement", "抬头", "律所", "law firm"],
            ))
        || (praise && mentions(text, &["illegal", "criminal", "犯规"]))
}

/// Whether `text` names someone the shopper knows by the law's words, not one set on the shop
/// ("my lawyer friend says the tees are great", "my attorney friend recommended your hoodies",
/// "买来送给法院同事的"): the words that say who they are are no threat, and the law's words are
/// looked for in the rest.
pub(super) fn someone_in_the_law(text: &str) -> bool {
    const KNOWN: &[&str] = &[
        "lawyer friend",
        "lawyer brother",
        "lawyer sister",
        "lawyer dad",
        "lawyer mum",
        "lawyer mom",
        "attorney friend",
        "'s a lawyer",
        "s a lawyer",
        "is a lawyer",
        "solicitor friend",
        // "my cousin's a solicitor and she refuses to take off your tee", "the lawyer in my
        // family says your hoodies are the comfiest".
        "'s a solicitor",
        "is a solicitor",
        "'s an attorney",
        "lawyer in my family",
        // "my accountant is a stickler (and a lawyer, god help me)".
        "and a lawyer",
        "also a lawyer",
        "a lawyer too",
        "lawyer in the family",
        "律师朋友",
        "做律师的亲戚",
        "当律师的亲戚",
        "律师亲戚",
        "became a lawyer",
        "became an attorney",
        "became a solicitor",
        "passed the bar",
        "lawyer 朋友",
        // "my lawyer 同事问你们能不能开 company invoice".
        "lawyer 同事",
        "lawyer同事",
        "律师同事",
        "lawyer朋友",
        "friend is a lawyer",
        "朋友是律师",
        "是做律师的",
        // "我老板是 lawyer 想买件卫衣当礼物": someone's job.
        "是 lawyer",
        "是lawyer",
        "是律师",
        // A colleague at a court.
        "法院同事",
        "在法院上班",
        "在法院工作",
    ];
    // The words that name who they are are no threat ("my attorney friend recommended your
    // hoodies", "my lawyer buddy wants to buy a few tees"): the law's words are looked for in
    // the rest.
    // (A filler borrows a threat's word: "not gonna lie my lawyer brother reckons…".)
    let mut rest = text
        .to_lowercase()
        .replace("not gonna lie", " ")
        .replace("ngl", " ");
    let mut known = false;
    for who in KNOWN {
        known |= rest.contains(who);
        rest = rest.replace(who, " ");
    }
    for law in ["lawyer", "attorney", "solicitor"] {
        for kin in KIN {
            let who = format!("{law} {kin}");
            known |= rest.contains(&who);
            rest = rest.replace(&who, " ");
        }
    }
    // A condition about the goods ("what's the return window if it doesn't fit") threatens
    // nobody: the other words of a threat still count.
    let threat = super::legal_words::LAWYER_THREATS
        .iter()
        .filter(|w| !matches!(**w, "if " | "如果"))
        .any(|w| rest.contains(w));
    // Someone known buying ("my lawyer buddy wants to buy a few tees through his firm, how
    // does he get a proper company invoice?"): the everyday words a threat is also made of
    // ("get a", "going to") threaten nobody there, only the law's own would.
    let buys = mentions(
        &rest,
        &[
            "to buy",
            "buying",
            "invoice",
            "as a gift",
            "recommend",
            "loves your",
            "love your",
            "发票",
            "想买",
            "要买",
        ],
    );
    let said_of_the_law = mentions(
        &rest,
        &[
            "sue",
            "suing",
            "court",
            "liable",
            "isn't over",
            "hear from",
            "hearing from",
            "you'll",
            "youll",
            "says you",
            "追究",
            "没完",
            "走着瞧",
            "起诉",
        ],
    );
    // Someone known cited with a laugh ("my lawyer buddy says you have to take it back within
    // 30 days anyway lol"): what they say of the shop's rules, no case threatened.
    let laughed = policy_cues::jokes(&rest)
        && !mentions(
            &rest,
            &[
                "sue",
                "suing",
                "court",
                "hear from",
                "hearing from",
                "起诉",
                "没完",
                "走着瞧",
                "追究",
                "isn't over",
                "not over",
                "deal with you",
                "liable",
                "last chance",
                "next stop",
                "you'll",
                "youll",
            ],
        );
    let threat = threat && (!buys || said_of_the_law) && !laughed;
    known
        && !threat
        && !mentions(&rest, super::legal_words::LEGAL)
        && !super::policy::sues_in_chinese(&rest)
}

/// Who a lawyer the shopper knows may be to them ("my lawyer buddy", "her attorney
/// husband").
const KIN: &[&str] = &[
    "buddy",
    "buddies",
    "pal",
    "mate",
    "friend",
    "friends",
    "cousin",
    "uncle",
    "aunt",
    "auntie",
    "neighbour",
    "neighbor",
    "colleague",
    "coworker",
    "co-worker",
    "roommate",
    "flatmate",
    "wife",
    "husband",
    "partner",
    "boyfriend",
    "girlfriend",
    "bf",
    "gf",
    "son",
    "daughter",
    "boss",
    "brother",
    "sister",
    "dad",
    "mum",
    "mom",
    "father",
    "mother",
    "grandpa",
    "grandma",
    "in-law",
    "bestie",
];

/// Whether the law in `text` is the shopper's own matter with someone else, not the shop
/// ("can you help me draft an email to my lawyer about my landlord keeping my deposit",
/// "我在跟房东打官司，押金不退"): out of the shop's scope, no threat to it.
pub(super) fn a_matter_elsewhere(text: &str) -> bool {
    mentions(
        text,
        &[
            "landlord",
            "tenant",
            "my deposit",
            "security deposit",
            "divorce",
            "custody",
            "my employer",
            "my ex ",
            "my ex-",
            "parking ticket",
            "speeding ticket",
            "房东",
            "租客",
            "押金",
            "离婚",
            "抚养权",
            "前夫",
            "前妻",
            "老板欠",
            "欠薪",
            "罚单",
        ],
    ) && (mentions(
        text,
        &[
            "跟你们无关",
            "和你们无关",
            "与你们无关",
            "nothing to do with you",
            "not about you",
        ],
    ) || !mentions(
        text,
        &[
            "your shop",
            "your store",
            "your company",
            "you guys",
            "against you",
            "sue you",
            "suing you",
            "take you",
            "your site",
            "order",
            "refund",
            "你们",
            "订单",
            "退款",
        ],
    ))
}

/// Whether `text` threatens only a feeling, with nothing of the law in it ("hurry up with
/// 1001 or I'm going to cry", "再不发货我要疯了"): impatience, no legal threat.
pub(super) fn threatens_only_to_feel(text: &str) -> bool {
    mentions(
        text,
        &[
            "going to cry",
            "gonna cry",
            "i'll cry",
            "going to scream",
            "gonna scream",
            "lose my mind",
            "要哭了",
            "要疯了",
        ],
    ) && !mentions(text, super::legal_words::LEGAL)
        && !mentions(text, super::legal_words::LAWYERS)
}

/// Whether `text` tells of a film or a show about the law ("我刚看完一部律师起诉大公司的电影，男主
/// 穿的卫衣跟你们的好像"): a story, no threat.
pub(super) fn a_story_of_the_law(text: &str) -> bool {
    mentions(
        text,
        &[
            "电影",
            "电视剧",
            "剧里",
            "movie",
            "film",
            "tv show",
            "netflix",
            "series",
        ],
    ) && !mentions(text, super::legal_words::LAWYER_THREATS)
}

/// Whether the law in `text` is a business's paperwork for buying ("公司法务要求供应商签合同，你们
/// 能签吗", "our legal team needs a supplier agreement"): a wholesale request, no threat.
pub(super) fn a_business_deal(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(
        &lower,
        &[
            "供应商",
            "supplier",
            "wholesale",
            "批发",
            "采购",
            "vendor",
            "b2b",
            "bulk order",
            "purchase order",
        ],
    ) && mentions(
        &lower,
        &[
            "法务",
            "合同",
            "legal team",
            "legal department",
            "our legal",
            "agreement",
            "contract",
        ],
    ) && !mentions(
        &lower,
        &[
            "sue",
            "court",
            "起诉",
            "法院",
            "律师函",
            "breach",
            "违约",
            "lawyer",
            "attorney",
            "律师",
            "liable",
        ],
    )
}

/// Whether `text` tells of a threat or a case from someone who is not the shop's, in passing
/// to an ordinary request ("got a threatening letter from my landlord so I'm moving, need to
/// update the address on order 1002 lol"): the request is the shop's, the threat elsewhere.
pub(super) fn a_matter_elsewhere_in_passing(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Paper from them, as the reason for a change to an order; not someone threatening the
    // shopper now ("my ex is threatening me and knows where i live").
    let paper = mentions(&lower, &["letter", "notice", "信", "通知"])
        && mentions(&lower, &["order", "address", "订单", "地址"])
        && !mentions(
            &lower,
            &[
                "threatening me",
                "threatened me",
                "knows where",
                "afraid",
                "scared",
                "not safe",
                "unsafe",
                "威胁我",
                "害怕",
            ],
        );
    paper
        && mentions(
            &lower,
            &[
                "from my landlord",
                "my landlord",
                "my neighbour",
                "my neighbor",
                "my ex ",
                "my ex-",
                "房东",
                "邻居",
                "前夫",
                "前妻",
            ],
        )
        && !mentions(
            &lower,
            &[
                "your staff",
                "your courier",
                "your driver",
                "your rep",
                "your team",
                "your delivery",
                "your guy",
                "courier",
                "driver",
                "快递员",
                "快递小哥",
                "你们的",
                "客服",
            ],
        )
}
