//! What shoppers say went wrong with goods in hand, heard in their words: damaged, the wrong
//! thing sent (or their own wrong choice), a parcel marked delivered that is not there, and a
//! short question that tells of nothing wrong. Lower-case substring checks in English,
//! Chinese and pinyin, like [`super::language`]'s; the decisions that use them are
//! `routing.rs` and `decide.rs`.

use super::language::{mentions, says_word};

/// Whether `text` describes goods received that are not what was ordered: something
/// arrived in place of what was bought ("instead of two grey hoodies there are two pairs of
/// sweatpants", "I got a mug instead of the bottle", "收到的是蓝色的，我买的是灰色"), or says
/// so outright ("sent me the wrong", "not what I ordered", "发错了").
pub fn describes_a_wrong_item(text: &str) -> bool {
    let outright = mentions(
        text,
        &[
            "sent me the wrong",
            "sent the wrong",
            "got the wrong item",
            // "The cap from 1003 is the wrong colour."
            "is the wrong colour",
            "is the wrong color",
            "are the wrong colour",
            "are the wrong color",
            "came in the wrong",
            "颜色不对",
            "颜色发错",
            "received the wrong",
            "not what i ordered",
            "not what i paid",
            "but one of them is a",
            "one of them is a",
            "one of them is an",
            "but one is a",
            "isn't what i ordered",
            "wasn't what i ordered",
            "发错了",
            "发错货",
            "寄错了",
            "不是我买的那个",
            "跟我买的不一样",
            "和我买的不一样",
        ],
    );
    let received = mentions(
        text,
        &[
            "got a ",
            "got an ",
            "got two",
            "received a ",
            "received an ",
            "received two",
            "there are",
            "there is",
            "there was",
            "there were",
            "there's",
            "theres",
            "in the box",
            "in my box",
            "in the parcel",
            "in the package",
            "in my parcel",
            "in my package",
            "opened",
            // "my parcel for order 1004 contained two organic T-shirts rather than …", "My
            // parcel had a water bottle in it, but I ordered a cap."
            "contained",
            "parcel had",
            "box had",
            "package had",
            "收到",
        ],
    );
    // "收到了，但是有一件是圆领卫衣，不是我下单的拉链款": goods received, disowned as ordered.
    let not_ordered = mentions(
        text,
        &[
            "不是我下单的",
            "不是我订的",
            "不是我要的那款",
            "not the one i ordered",
            "not the one i bought",
            "not the ones i ordered",
        ],
    );
    let in_place = not_ordered
        || mentions(text, &["instead of", "rather than", "而不是"])
        || (mentions(text, &["收到的是"])
            && mentions(text, &["我买的是", "我订的是", "我下单的是"]));
    // "order 1004 should have been two grey hoodies. One is a grey hoodie, the other is a
    // bright orange T-shirt": what it should have been, beside what came.
    let meant = mentions(
        text,
        &[
            "should have been",
            "was supposed to be",
            "were supposed to be",
            "本来应该是",
            // "I ordered two grey zip hoodies but received one grey zip hoodie and one black
            // pullover": what was ordered, beside what came.
            "i ordered",
            "i bought",
            "i clicked",
            "i picked",
            "i chose",
            "i selected",
            "我买的是",
            "我订的是",
        ],
    ) && !describes_a_missing_item(text)
        && !mentions(text, &["only", "just one", "只", "少"])
        && mentions(
            text,
            &[
                "the other is",
                "the other one is",
                "one is a",
                "but got",
                "but i got",
                "but received",
                "but it's a",
                "but its a",
                "but it's ",
                "but its ",
                "结果是",
                "结果收到",
                // "My parcel had a water bottle in it, but I ordered a cap."
                "but i ordered",
            ],
        );
    // "there's an XL t-shirt in my box and no cap": something came, and what was bought
    // did not; "Opened order 1004 today: one grey hoodie (correct) and one... organic
    // t-shirt? I paid for two hoodies": what came, beside what was paid for.
    let came_instead = received && mentions(text, &["and no ", "but no "]);
    let paid_for_other = mentions(text, &["i paid for", "paid for"])
        && received
        && mentions(text, &["and one", "one of them", "the other"])
        && !describes_a_missing_item(text);
    // "wrong colour cap in my parcel": the wrong kind, in goods that came.
    let wrong_kind = mentions(
        text,
        &[
            "wrong colour",
            "wrong color",
            "wrong size",
            "wrong item",
            "wrong product",
        ],
    ) && received;
    outright
        || wrong_kind
        || (in_place && received)
        || meant
        || came_instead
        || paid_for_other
        || sizes_differ(text)
}

/// Whether `text` says goods came in another size than the one ordered ("both hoodies are
/// XS. I ordered L."): two sizes named, with what was ordered; not a size the shopper now
/// wants instead ("I ordered M but want L").
fn sizes_differ(text: &str) -> bool {
    const SIZES: &[&str] = &["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl"];
    let lower = text.to_lowercase();
    let named: std::collections::BTreeSet<&str> = lower
        .split(|c: char| c.is_whitespace() || ",.!?;:()/\"".contains(c))
        .filter(|w| SIZES.contains(w))
        .collect();
    named.len() >= 2
        && mentions(
            &lower,
            &["i ordered", "i bought", "i picked", "i chose", "i paid for"],
        )
        && mentions(
            &lower,
            &[" are ", " is ", "came", "got", "sent", "received"],
        )
        && !mentions(
            &lower,
            &[
                "want",
                "prefer",
                "would like",
                "need a",
                "exchange for",
                "swap for",
                "swap it for",
                "change it to",
                "instead",
            ],
        )
}

/// Whether `text` says part of an order did not come ("there's just one hoodie in there. Is
/// the second one coming separately?", "只收到一件，另一件呢"): a missing item, whatever the
/// models heard. A parcel that did not come at all is [`describes_a_missing_parcel`].
pub fn describes_a_missing_item(text: &str) -> bool {
    let part = mentions(
        text,
        &[
            "just one",
            "only one",
            "only got one",
            "only received one",
            "只有一件",
            "只收到一件",
            "只来了一件",
            "只有一个",
            "只收到一个",
        ],
    );
    let the_rest = mentions(
        text,
        &[
            "in there",
            "in the box",
            "in the parcel",
            "in the package",
            "the second",
            "the other one",
            "the other hoodie",
            "the other item",
            "另一件",
            "另外一件",
            "另一个",
            "少了",
        ],
    );
    // Or the part missing named outright ("订单1004少一件卫衣", "one hoodie is missing").
    let one_short = mentions(
        text,
        &[
            "少一件",
            "少了一件",
            "少一个",
            "少了一个",
            "少发",
            "漏发",
            "one is missing",
            "one was missing",
            "missing one",
        ],
    );
    (part && the_rest || one_short) && !mentions(text, &["only one left", "just one left", "只剩"])
}

/// Whether `text` says the shopper chose wrong themselves ("I ordered the wrong size",
/// "我拍错了颜色"): a change or cancellation they ask for, not a wrong item the shop sent.
pub fn own_mistake(text: &str) -> bool {
    mentions(
        text,
        &[
            "i ordered the wrong",
            "i bought the wrong",
            "i picked the wrong",
            "i chose the wrong",
            "i selected the wrong",
            "i clicked the wrong",
            "ordered the wrong size by",
            "my mistake",
            "my bad",
            "我买错",
            "我拍错",
            "我选错",
            "我下错",
            "下错单",
            "拍错了",
            "买错了",
            "选错了",
        ],
    )
}

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
            &["did", "does", "which", "when", "how", "what", "is", "can"],
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
    let words = lower.split_whitespace().count();
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
            "leaking",
            "leaked",
            "stained",
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
        ],
    ) || mentions(
        &lower,
        &[
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
            "破损",
            "坏的",
            "漏水",
            "湿透",
            "发霉",
            "a hole in",
            "has a hole",
            "have a hole",
            "got a hole",
            "holes in",
            "破了个洞",
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
    // Or an order's number named beside it ("the hoodie. order 1004. one has a hole"): goods
    // of that order, in hand, unless the shop's site is what broke.
    let of_an_order = kefu_intent::slots::first(
        &kefu_intent::slots::extract(text),
        kefu_intent::slots::SlotKind::OrderNumber,
    )
    .is_some()
        && !mentions(
            &lower,
            &[
                "checkout", "website", "site", "app", "page", "link", "button", "结账", "网站",
                "页面", "链接",
            ],
        );
    damage && (came || of_an_order)
}

/// Whether `text` tells of goods gone wrong, in its words or as the topic models heard it
/// (`topic`): damaged, wrong or missing.
pub fn goods_gone_wrong(text: &str, topic: Option<(kefu_intent::topics::Topic, f32)>) -> bool {
    topic.is_some_and(|(t, _)| t.is_delivery_problem())
        || describes_damage(text)
        || describes_a_wrong_item(text)
        || describes_a_missing_item(text)
}

/// Whether `text` makes a complaint outright and tells of nothing damaged, wrong or missing
/// ("I want to complain about the packaging. The cap came in so much plastic. Nothing wrong
/// with the cap itself"): a complaint for a person, not a claim on the goods.
pub fn complains_without_a_claim(text: &str) -> bool {
    let complains = mentions(text, &["complain", "投诉", "feedback", "提个意见"]);
    let nothing_wrong = mentions(
        text,
        &[
            "nothing wrong with",
            "nothing's wrong with",
            "not broken",
            "没什么问题",
            "本身没问题",
        ],
    );
    let claim = goods_gone_wrong(text, None) || describes_a_missing_parcel(text);
    complains && (nothing_wrong || !claim)
}

/// Whether `text` tells of goods that wore badly once in use ("shrank two sizes after ONE
/// cold wash", "洗了一次就缩水了", "faded", "起球"): a complaint about the goods, for a person.
pub fn describes_a_quality_problem(text: &str) -> bool {
    mentions(
        text,
        &[
            "shrank",
            "shrunk",
            "faded",
            "pilled",
            "pilling",
            "fell apart",
            "falling apart",
            "came apart",
            // Broken in first use ("the zip came off the first time I used it").
            "came off the first",
            "fell off the first",
            "broke the first",
            "first time i used",
            "first time i wore",
            "after one use",
            "after one wear",
            "第一次用就",
            "第一次穿就",
            // Coming apart after one wear ("卫衣袖子开线了，才穿一次").
            "开线",
            "才穿一次",
            "穿了一次就",
            "only worn once",
            "worn it once",
            "wore it once",
            "缩水",
            "掉色",
            "褪色",
            "起球",
            "变形",
        ],
    )
}

/// Whether `text` asks how goods will be, as a shopper asks before buying ("will it shrink?",
/// "does the hoodie pill?", "洗了会缩水吗"), rather than telling how they were.
pub fn asks_before_buying(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains(['?', '？', '吗', '会'])
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

/// Whether `text` says a parcel marked delivered is not in the shopper's hands ("UPS reckons
/// my hoodies were delivered nov 20 but I think someone nicked them off the porch",
/// "显示已签收但是我根本没收到"): the carrier's word and the shopper's, against each other.
pub fn describes_a_missing_parcel(text: &str) -> bool {
    let lower = text.to_lowercase();
    let marked = mentions(
        &lower,
        &[
            "delivered",
            "says it was left",
            "left at",
            "dropped off",
            "dropped it off",
            "签收",
            "已送达",
            "显示送达",
            "妥投",
        ],
    );
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
            "not at my door",
            "asked all the neighbours",
            "asked the neighbours",
            "asked all the neighbors",
            "asked the neighbors",
            "swiped",
            "pinched",
            "someone took",
            "somebody took",
            "porch pirate",
            "can't find",
            "cant find",
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

/// Whether `text` asks to swap an item for another size or colour ("can i swap it for a
/// medium", "exchange for a bigger size", "能换个尺码吗").
pub fn asks_to_exchange(text: &str) -> bool {
    // "I don't want to exchange", "不换了，退款": turned down, not asked.
    if mentions(
        text,
        &[
            "don't want to exchange",
            "dont want to exchange",
            "do not want to exchange",
            "don't want an exchange",
            "dont want an exchange",
            "no exchange",
            "not an exchange",
            "not exchange",
            "rather not exchange",
            "don't want to swap",
            "dont want to swap",
            "不换",
            "不要换",
            "不想换",
            "不用换",
        ],
    ) {
        return false;
    }
    says_word(text, &["swap", "exchange", "exchanges", "exchanging"])
        || mentions(
            text,
            &[
                "换尺码",
                "换 size",
                "换size",
                "换个 size",
                "换个size",
                "换个码",
                "换码",
                "换大一码",
                "换小一码",
                // "能换成大一号的吗", "换个大一号的", "换成小一码".
                "换成大一",
                "换成小一",
                "换大一号",
                "换小一号",
                "换个大一",
                "换个小一",
                "for a bigger size",
                "for a smaller size",
                "for the next size",
                "a size up instead",
                "a size down instead",
                "换颜色",
                "换个颜色",
                "换货",
            ],
        )
}

/// Whether `text` asks for goods to be replaced ("I want my hoodies replaced", "给我补发").
pub fn asks_for_a_replacement(text: &str) -> bool {
    says_word(text, &["replaced", "replacement", "replacements"])
        || mentions(
            text,
            &[
                "replace them",
                "replace it",
                "补发",
                "换新",
                "换一个新的",
                "换个新的",
            ],
        )
}

#[cfg(test)]
#[path = "claim_words_tests.rs"]
mod tests;
