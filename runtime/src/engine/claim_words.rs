//! What shoppers say went wrong with goods in hand, heard in their words: damaged, a parcel
//! marked delivered that is not there, an exchange or replacement asked, and a short
//! question that tells of nothing wrong. Goods other than ordered, or missing from the box,
//! are [`super::wrong_goods_words`]; complaints with no claim on the goods are
//! [`super::complaint_words`]. Lower-case substring checks in English, Chinese and pinyin,
//! like [`super::language`]'s; the decisions that use them are the routing rules
//! (`routing_*.rs`) and `decide.rs`.
pub use super::exchange_words::{
    asks_for_a_replacement, asks_for_other_goods, asks_to_exchange, exchange_instead_of_a_refund,
};
use super::language::{mentions, says_word};
use super::wrong_goods_words::{describes_a_missing_item, describes_a_wrong_item};

/// Whether `text` only asks a question ("and which carrier has it?", "cool and did it arrive
/// already", "对了 顺便问一下 退货期限是多久", "哪家快递公司送的") and tells of nothing wrong:
/// no damage, wrong or missing goods, nothing not come. A delivery problem the topic models
/// hear weakly in it is their bias on short questions, not a claim.
pub fn only_asks(text: &str) -> bool {
    let (short, asks, tells_of_a_problem) = read_for_a_question(text);
    short && asks && !tells_of_a_problem
}

/// Whether `text` asks a question and tells of nothing wrong, however long it is ("oh wait
/// totally unrelated, did 1004 ever make it to me?"). [`only_asks`] is the short kind.
pub fn asks_telling_nothing_wrong(text: &str) -> bool {
    let (_, asks, tells_of_a_problem) = read_for_a_question(text);
    asks && !tells_of_a_problem
}

/// Whether `text` is short, whether it asks, and whether it tells of a problem.
fn read_for_a_question(text: &str) -> (bool, bool, bool) {
    // What goods are made of says nothing went wrong: 不锈钢 is steel, not "不".
    let mut lower = super::language::lowered_with_pinyin_read(text);
    for material in ["不锈钢", "不粘", "不含"] {
        lower = lower.replace(material, "材");
    }
    // "算了先不说这个" sets another matter aside; its "不" tells of nothing wrong.
    for aside in ["先不说这个", "不说这个", "先不管这个", "不管这个"] {
        lower = lower.replace(aside, " ");
    }
    // "到了没有" asks whether it came; its "没" tells of nothing missing.
    for question in ["了没有", "到没到", "了没"] {
        lower = lower.replace(question, "了吗");
    }
    let question = lower.contains(['?', '？'])
        || mentions(
            &lower,
            &[
                "吗",
                "呢",
                "几种",
                "几个",
                "几款",
                "多少",
                "多久",
                "哪家",
                "哪个",
                "什么时候",
                "几天",
                "哪天",
                "几号",
                "对吧",
                "是吧",
                "对不对",
                // A product's colour, size or material asked ("你们的帽子是什么颜色的").
                "什么颜色",
                "什么尺码",
                "什么材质",
                "什么面料",
                "什么料",
                "哪些颜色",
                "哪几种",
            ],
        )
        || says_word(
            &lower,
            &[
                "did", "does", "which", "when", "how", "what", "is", "can", "has", "have", "will",
                "where",
            ],
        );
    let tells_of_a_problem = describes_damage(&lower)
        || describes_a_wrong_item(&lower)
        || describes_a_missing_item(&lower)
        || describes_a_missing_parcel(&lower)
        || says_word(
            &lower,
            &[
                "not",
                "never",
                "no",
                "only",
                "missing",
                "damaged",
                "broken",
                "wrong",
                "torn",
                "forgot",
                "cracked",
                "crushed",
                "smashed",
                "ripped",
                "stained",
                "dented",
                "leaking",
                "leaks",
                "hole",
                "squashed",
                "faded",
                "shrank",
                "defective",
                "faulty",
                "bent",
                "scratched",
                "dirty",
                "used",
                "fake",
                "forget",
                "lost",
                "stolen",
                "late",
            ],
        )
        || lower.contains("n't")
        || mentions(
            &lower,
            &[
                "没",
                "不",
                "坏",
                "错",
                "少",
                "破",
                "漏",
                "丢",
                "烂",
                "裂",
                "凹",
                "瘪",
                "晚",
                "未",
                "只有",
                "只收到",
                "其中",
                "结果",
            ],
        );
    // The models' bias is on short questions; a longer message tells more than it asks.
    // An email or a number given with it is not more told ("li.wei@example.com. has it even
    // left the warehouse 仓库 yet").
    let words = lower
        .split_whitespace()
        .filter(|w| !w.contains('@') && !w.trim_matches('#').chars().all(|c| c.is_ascii_digit()))
        .count();
    let han = lower
        .chars()
        .filter(|c| ('\u{3400}'..='\u{9fff}').contains(c))
        .count();
    let short = words <= 8 && han <= 16;
    (short, question, tells_of_a_problem)
}

/// Whether `text` describes goods in hand that arrived damaged, without naming the claim
/// ("only opened the box now, the peak is cracked", "杯子收到就裂了"): a damage word and a
/// sign the goods came. "The checkout is broken" names no goods that came.
pub fn describes_damage(text: &str) -> bool {
    let lower = text.to_lowercase();
    let damage = says_word(
        &lower,
        &[
            "cracked",
            "crushed",
            "smashed",
            "shattered",
            "dented",
            "ripped",
            "torn",
            "snapped",
            "broken",
            // "the zip on one of the hoodies is busted".
            "busted",
            "leaking",
            "leaked",
            "stained",
            "stain",
            "stains",
            "snagged",
            // "both hoodies in my order have bleach spots??"
            "bleach",
            "squashed",
            "soaked",
            "soaking",
            "mouldy",
            "moldy",
            "mould",
            "mold",
            "mildew",
            "rip",
            "bent",
            "warped",
            "scratched",
            "mangled",
            "flattened",
            "creased",
            "squished",
        ],
    ) || mentions(
        &lower,
        &[
            // "the brim folded in half like someone sat on it", "flat as a pancake".
            "folded in half",
            "flat as a",
            "sat on it",
            "sat on them",
            "stepped on it",
            "run over",
            "碎了",
            "裂了",
            "裂开",
            "破了",
            "破洞",
            "有个洞",
            "开线",
            "脱线",
            "压坏",
            "摔坏",
            "压扁",
            "压变形",
            "压得变形",
            "挤变形",
            "破损",
            "坏的",
            // "hoodie 的 zip 到货就坏了", "之前1004那单有件卫衣拉链坏了".
            "拉链坏了",
            "拉链坏掉",
            "zip is broken",
            "zipper is broken",
            "zip broke",
            "zipper broke",
            "到货就坏",
            "收到就坏",
            "到手就坏",
            "漏水",
            "湿透",
            "发霉",
            "a hole in",
            "has a hole",
            "have a hole",
            "got a hole",
            "holes in",
            // "has a small hole by the pocket".
            "small hole",
            "tiny hole",
            "little hole",
            "big hole",
            "huge hole",
            "破了个洞",
            // Broken off or coming apart ("帽檐折断了", "a loose stitch coming off the brim",
            // "already coming apart at the seams").
            "折断",
            "断了",
            "掉了一块",
            "loose stitch",
            // "the shoulder seam on one hoodie is split right open".
            "split open",
            "split right open",
            "seam is split",
            "seam split",
            "loose thread",
            "pulled thread",
            "a snag",
            "coming off the",
            "came off the",
            "coming apart",
            "come apart",
            "coming undone",
            "came undone",
            "unravelling",
            "unraveling",
            "frayed",
            "fraying",
            // Pinyin ("weiyi you ge dong").
            "you ge dong",
            "you dong",
            "po dong",
            "有个洞",
            "有洞",
        ],
    );
    let came = mentions(
        &lower,
        &[
            "arrived",
            "showed up",
            "turned up",
            "came ",
            "came,",
            "came.",
            "opened",
            "unboxed",
            "received",
            "got my",
            "got the",
            // "The cap I got has a loose stitch"
            " i got",
            "delivered",
            "in the box",
            "out of the box",
            // Goods of an order named ("the cap from order 1003 has a hole in it").
            "from order",
            "from my order",
            "in my order",
            "from #",
            // Found on goods just had ("has a hole in the sleeve already", "洗之前就有个破洞").
            " already",
            "before washing",
            "before i washed",
            "before wearing",
            "before i wore",
            "never worn",
            "洗之前",
            "没洗过",
            "还没穿",
            "没穿过",
            "收到",
            "到了",
            "打开",
            "拆开",
            "送来",
            "寄到",
            "送到",
            "到货",
            "拿到",
            "到手",
        ],
    );
    // Said again after the bot missed it, of the goods ("I SAID the hoodie zipper is broken,
    // I don't want to track anything"; not "I SAID the checkout page is broken").
    let restated = mentions(&lower, &["i said the", "i told you the", "我说了"])
        && mentions(
            &lower,
            &[
                "hoodie", "tee", "t-shirt", "tshirt", "shirt", "cap", "bottle", "zip", "卫衣",
                "t恤", "帽", "杯", "拉链",
            ],
        )
        && !mentions(
            &lower,
            &["site", "app", "link", "page", "checkout", "website", "网"],
        );
    // Or an order's number named beside it ("the hoodie. order 1004. one has a hole"): goods
    // of that order, in hand, unless the shop's site is what broke.
    let of_an_order = kefu_intent::slots::first(
        &kefu_intent::slots::extract(text),
        kefu_intent::slots::SlotKind::OrderNumber,
    )
    .is_some()
        // Whole words: "not happy" holds no app.
        && !says_word(
            &lower,
            &["checkout", "website", "site", "app", "page", "link", "button"],
        )
        && !mentions(&lower, &["结账", "网站", "页面", "链接"]);
    damage && (came || of_an_order || restated)
}

/// Whether `text` tells of goods gone wrong, in its words or as the topic models heard it
/// (`topic`): damaged, wrong or missing.
pub fn goods_gone_wrong(text: &str, topic: Option<(kefu_intent::topics::Topic, f32)>) -> bool {
    topic.is_some_and(|(t, _)| t.is_delivery_problem())
        || describes_damage(text)
        || describes_a_wrong_item(text)
        || describes_a_missing_item(text)
}

/// Whether `text` asks how goods will be, as a shopper asks before buying ("will it shrink?",
/// "does the hoodie pill?", "洗了会缩水吗"), rather than telling how they were.
pub fn asks_before_buying(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Told in the past, however it is punctuated ("the hoodie shrank after ONE wash on cold.
    // $69 for this??"); "pre-shrunk" is a kind of cloth.
    let told = mentions(
        &lower.replace("pre-shrunk", "").replace("preshrunk", ""),
        &[
            "shrank",
            "shrunk",
            "faded",
            "pilled",
            "fell apart",
            "came apart",
            "缩水了",
            "掉色了",
            "起球了",
        ],
    );
    !told && lower.contains(['?', '？', '吗', '会'])
        || [
            "will ",
            "does ",
            "do they",
            "do these",
            "would ",
            "is it going",
            "could it",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether `text` tells of an earlier parcel, not this order's ("上次快递放门口被偷了", "last
/// time the parcel got nicked off my porch").
pub fn of_an_earlier_parcel(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "上次",
            "上回",
            "之前的快递",
            "以前的快递",
            "last time",
            "previous order",
            "previous parcel",
        ],
    )
}

/// Whether `text` says a parcel marked delivered is not in the shopper's hands ("UPS reckons
/// my hoodies were delivered nov 20 but I think someone nicked them off the porch",
/// "显示已签收但是我根本没收到"): the carrier's word and the shopper's, against each other.
pub fn describes_a_missing_parcel(text: &str) -> bool {
    let lower = text.to_lowercase();
    let marked = says_the_carrier_left_it(&lower);
    let missing = mentions(
        &lower,
        &[
            "not here",
            "isn't here",
            "isnt here",
            "wasn't there",
            "wasnt there",
            "nowhere",
            "never got",
            "never received",
            "never arrived",
            "never came",
            "didn't get",
            "didnt get",
            "haven't got",
            "havent got",
            "haven't received",
            "havent received",
            "didn't receive",
            "didnt receive",
            "don't have",
            "dont have",
            "stolen",
            "nicked",
            "they did not",
            "they didn't",
            "they didnt",
            "nothing at my door",
            // "UPS swears they dropped off my two hoodies on nov 20. they absolutely did not".
            "absolutely did not",
            "absolutely didn't",
            "not at my door",
            "asked all the neighbours",
            "asked the neighbours",
            "checked with the neighbours",
            "checked with the neighbors",
            "checked with my neighbours",
            "checked with my neighbors",
            // Doubted ("so apparently two hoodies were left at my door on nov 20. my door would
            // like a word").
            "would like a word",
            "asked all the neighbors",
            "asked the neighbors",
            "swiped",
            "pinched",
            // "none of my neighbours have it"
            "none of my neighbo",
            "nobody has it",
            "no one has it",
            "noone has it",
            "neighbour doesn't have",
            "neighbor doesn't have",
            "neighbour doesnt have",
            "neighbor doesnt have",
            "邻居没有",
            "邻居说没",
            "someone took",
            "somebody took",
            "porch pirate",
            "can't find",
            "cant find",
            // "订单1004 物流说11月20号送达 我根本没见过包裹".
            "没见过包裹",
            "没见到包裹",
            "没看到包裹",
            "never saw the parcel",
            "never saw the package",
            "never saw it",
            "没收到",
            "没有收到",
            "没拿到",
            "没看到",
            "没见到",
            "不见了",
            "被偷",
            "找不到",
        ],
    );
    marked && missing && !mentions(&lower, &["will it be delivered", "when will", "什么时候"])
}

/// Whether `text` says the carrier has the parcel delivered or left somewhere ("it says
/// delivered", "dropped off", "left it with a neighbour", "显示已签收"): a parcel the shopper
/// does not have is then the claim, not a late one.
pub fn says_the_carrier_left_it(text: &str) -> bool {
    // Not delivered, said so ("still hasn't been delivered", "没签收"), says no such thing.
    let mut lower = text.to_lowercase();
    for negated in [
        "hasn't been delivered",
        "hasnt been delivered",
        "has not been delivered",
        "wasn't delivered",
        "wasnt delivered",
        "not delivered",
        "never delivered",
        "undelivered",
        "没签收",
        "未签收",
        "没有签收",
        "没送达",
        "未送达",
    ] {
        lower = lower.replace(negated, " ");
    }
    // "a ups guy dropped something off", "dropped the parcel off at 2pm".
    let dropped_off = lower.find("dropped").is_some_and(|at| {
        lower[at..]
            .split_whitespace()
            .take(4)
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "off")
    });
    dropped_off
        || mentions(
            &lower,
            &[
                "delivered",
                "says it was left",
                "left at",
                "dropped off",
                "dropped it off",
                // Left with someone ("UPS reckons they left 1004 with a neighbour on the 20th").
                "with a neighbour",
                "with a neighbor",
                "with my neighbour",
                "with my neighbor",
                "left it with",
                "left them with",
                "放邻居",
                "邻居代收",
                "签收",
                "已送达",
                "显示送达",
                // "物流说11月20号送达".
                "号送达",
                "日送达",
                "送达了",
                "妥投",
            ],
        )
}

#[cfg(test)]
#[path = "claim_words_tests.rs"]
mod tests;
