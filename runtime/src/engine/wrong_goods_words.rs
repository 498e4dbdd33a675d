//! Goods in hand that are not what was ordered, heard in the shopper's words: the wrong
//! thing sent, in another size or colour, something missing from the box, or the shopper's
//! own wrong choice. Lower-case substring checks in English, Chinese and pinyin, like
//! [`super::claim_words`]' (damage, a parcel not come); the decisions that use them are
//! the routing rules (`routing_*.rs`) and `decide.rs`.

use super::cues;
use super::language::mentions;

/// Whether `text` describes goods received that are not what was ordered: something
/// arrived in place of what was bought ("instead of two grey hoodies there are two pairs of
/// sweatpants", "I got a mug instead of the bottle", "收到的是蓝色的，我买的是灰色"), or says
/// so outright ("sent me the wrong", "not what I ordered", "发错了").
pub fn describes_a_wrong_item(text: &str) -> bool {
    if one_colour_not_another(&text.to_lowercase()) || another_came_zh(text) {
        return true;
    }
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
            // "the parcel for 1003 had someone else's stuff in it".
            "someone else's stuff",
            "someone elses stuff",
            "someone else's things",
            "someone else's items",
            "别人的东西",
            // "the parcel i got had someone else's name on the packing slip and a pair of socks
            // inside. no cap".
            "someone else's name on the",
            "someone elses name on the",
            "别人的名字",
            // A size nobody ordered ("One of the two hoodies in 1004 turned out to be a
            // kids' size").
            "turned out to be a kids",
            "turned out to be kids",
            "came in a kids",
            "sent a kids",
            "发成童装",
            "是童装尺码",
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
            // "Order 1004 arrived today with two hoodies, but they're both black rather than
            // grey".
            "arrived with",
            "arrived today with",
            "came with",
            "showed up with",
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
            // "opened my parcel and it's a kids' rain jacket?? definitely not my cap".
            "definitely not my",
            "that's not my",
            "thats not my",
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
            "was meant to be",
            "were meant to be",
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
    // "Ordered two GREY HOODIES. Received two grey T-shirts.": what was ordered, then what
    // came, each its own sentence.
    let ordered_then_came = text.trim_start().to_lowercase().starts_with("ordered ")
        && mentions(text, &[". received", ". got ", "but received", "but got"])
        && !describes_a_missing_item(text);
    // "whoever packed 1001 put a kids size tee in there": a child's size of the goods.
    let a_childs_size = mentions(
        text,
        &[
            "kids size",
            "kids' size",
            "kid's size",
            "kid size",
            "child's size",
            "童装",
        ],
    ) && !mentions(
        text,
        &[
            "change",
            "swap",
            "can i",
            "could i",
            "i want",
            "能不能",
            "可以换",
        ],
    ) && (received
        // "the hoodies in order 1004 are kids sizes".
        || mentions(
            text,
            &["in there", "packed", "put a", "in order", "in my order", "from order", "from my order"],
        ));
    // "拆开一看不是帽子 是一双袜子？？": opened, and not what it should be but another thing.
    let opened_to_another = mentions(text, &["拆开", "打开", "一看", "收到"])
        && !text.contains("是不是")
        && text.find("不是").is_some_and(|at| {
            let rest = &text[at + "不是".len()..];
            [" 是", "，是", ",是", "。是", "而是"]
                .iter()
                .any(|w| rest.contains(w))
        });
    // "两件卫衣，一件灰的一件绿的？？我啥时候买过绿的": goods in hand never bought (not a
    // charge disowned: "我什么时候买过你们的东西？这扣款是啥").
    let never_bought = mentions(text, &["啥时候买过", "什么时候买过"])
        && (text.matches("一件").count() >= 2 || mentions(text, &["收到了", "拆开", "寄来了"]))
        && !mentions(
            text,
            &[
                "扣款",
                "扣了",
                "扣费",
                "账单",
                "charge",
                "刷了",
                "短信",
                "邮件",
                "通知",
                "验证码",
                "如果",
            ],
        );
    outright
        || never_bought
        || wrong_kind
        || opened_to_another
        || ordered_then_came
        || a_childs_size
        || (in_place && received)
        || meant
        || came_instead
        || paid_for_other
        || sizes_differ(text)
        || another_came(text)
}

/// Whether `text` says what the order was and that one of what came is another colour or
/// thing ("ORDER 1004 WAS 2 GREY HOODIES. ONE OF THEM IS BLACK.", "1004不是两件灰卫衣吗？？拆开
/// 一件灰的一件T恤"): not a damage told of one of them ("one of them is torn").
fn another_came(text: &str) -> bool {
    const COLOURS: &[&str] = &[
        "black", "white", "grey", "gray", "navy", "blue", "red", "green", "orange", "pink",
        "brown", "yellow", "purple", "beige",
    ];
    let lower = text.to_lowercase();
    let was = mentions(
        &lower,
        &[
            "was 2 ",
            "was two ",
            "were 2 ",
            "were two ",
            "was one ",
            "不是两件",
            "不是一件",
            "不是一顶",
        ],
    );
    let one_other = [
        "one of them is ",
        "one is ",
        "the other is ",
        "the other one is ",
    ]
    .iter()
    .any(|w| {
        lower.split(w).skip(1).any(|rest| {
            rest.split(|c: char| !c.is_alphanumeric())
                .find(|t| !t.is_empty() && !matches!(*t, "a" | "an" | "in" | "all"))
                .is_some_and(|t| COLOURS.contains(&t))
        })
    }) || lower.matches("一件").count() >= 2;
    was && one_other
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

/// Whether `lower` says goods came in one colour where another was bought ("Got a cap today
/// but it's black not navy??", "it's grey, not navy"): a wrong item, not a question about a
/// colour ("is the cap black or navy", "do you have it in black not navy?").
/// Whether Chinese `text` says one thing was ordered and another came ("我订的藏青色帽子 寄来
/// 一顶红色的", "打开包裹发现是两件T恤 不是卫衣啊"): what was ordered named before the goods
/// that came, and something came that was not ordered; or what was found, and what it is not.
/// Not a question after the order ("我买的T恤和卫衣什么时候寄来"), nor part of it missing ("我买的
/// 是T恤和帽子 只寄来了T恤").
fn another_came_zh(text: &str) -> bool {
    const KINDS: &[&str] = &[
        "黑色", "白色", "藏青", "灰色", "蓝色", "红色", "绿色", "粉色", "棕色", "米色", "橙色",
        "紫色", "黄色", "t恤", "卫衣", "帽子", "水杯", "杯子", "瓶子",
    ];
    let lower = text.to_lowercase();
    if mentions(
        &lower,
        &[
            "什么时候",
            "啥时候",
            "还没",
            "补货",
            "多久",
            "能不能",
            "可以换成",
        ],
    ) || cues::is_a_question(text)
    {
        return false;
    }
    let named =
        |part: &str| -> Vec<&str> { KINDS.iter().copied().filter(|k| part.contains(k)).collect() };
    let after = |words: &[&str]| -> Option<usize> {
        words
            .iter()
            .filter_map(|w| lower.find(w).map(|at| at + w.len()))
            .min()
    };
    let ordered = after(&[
        "我订的",
        "我下单的",
        "我买的",
        "订的是",
        "买的是",
        "我要的是",
        "下的是",
    ]);
    let came = after(&[
        "寄来",
        "发来",
        "送来",
        "来的是",
        "到的是",
        "收到的是",
        "发成了",
        "寄成了",
    ]);
    let swapped = match (ordered, came) {
        (Some(o), Some(c)) if o < c => {
            let asked = named(&lower[o..c]);
            let got = named(&lower[c..]);
            !asked.is_empty() && got.iter().any(|g| !asked.contains(g))
        }
        _ => false,
    };
    // "发现是两件T恤 不是卫衣": what was found, and what it is not.
    let found_not = after(&["发现是", "打开是", "拆开是", "收到的是", "里面是"]).is_some_and(|f| {
        lower[f..].find("不是").is_some_and(|n| {
            let found = named(&lower[f..f + n]);
            let denied = named(&lower[f + n..]);
            !found.is_empty() && denied.iter().any(|d| !found.contains(d))
        })
    });
    swapped || found_not
}

fn one_colour_not_another(lower: &str) -> bool {
    const COLOURS: &[&str] = &[
        "black", "white", "navy", "grey", "gray", "blue", "red", "green", "pink", "brown", "beige",
        "orange", "purple", "yellow",
    ];
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let swapped = words.windows(3).any(|w| {
        COLOURS.contains(&w[0]) && w[1] == "not" && COLOURS.contains(&w[2]) && w[0] != w[2]
    });
    let asks = words
        .first()
        .is_some_and(|w| ["is", "does", "do", "can", "could", "have"].contains(w))
        || lower.contains("in stock")
        || lower.contains("do you have");
    swapped && !asks
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
            // "theres just the one hoodie?? where did its twin go"
            "just the one",
            "only the one",
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
            "twin",
            "where did the",
            "where's the other",
            "wheres the other",
            "where is the other",
            "the rest of",
            "felt light",
            "opened it",
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
            // Something short, not said what ("你好，我的包裹少东西了").
            "少东西",
            "少了东西",
            "东西少了",
            "缺东西",
            "缺了东西",
            // "收到T恤了，卫衣呢？是分开发的吗".
            "是分开发的吗",
            "分开发的吗",
            "是分开寄的吗",
            "something missing",
            "something's missing",
            "somethings missing",
            "something is missing",
            "stuff missing",
            "stuff is missing",
            "one is missing",
            "one was missing",
            "missing one",
            // Nothing in it at all ("包裹里是空的！！帽子呢？订单号1003").
            "包裹里是空的",
            "盒子是空的",
            "箱子是空的",
            "空包裹",
            "empty box",
            "box was empty",
            "parcel was empty",
            "package was empty",
            "empty parcel",
            "empty package",
        ],
    );
    // One of the goods not in the parcel that came ("my parcel finally turned up but the tshirt
    // isnt in it, just the hoodie").
    // Or said as none of it there ("order 1001 finally showed up!! but no t-shirt in it, just
    // the hoodie").
    let lower = text.to_lowercase();
    let none_of_it = [
        "t-shirt", "tshirt", "shirt", "tee", "hoodie", "cap", "hat", "bottle",
    ]
    .iter()
    .any(|g| {
        [
            "in it",
            "in the box",
            "in the parcel",
            "in the package",
            "in there",
        ]
        .iter()
        .any(|w| lower.contains(&format!("no {g} {w}")))
    });
    let not_in_it = (none_of_it
        || mentions(
            text,
            &[
                "isn't in it",
                "isnt in it",
                "wasn't in it",
                "wasnt in it",
                "isn't in there",
                "isnt in there",
                "wasn't in there",
                "wasnt in there",
                "not in the box",
                "not in the parcel",
                "not in the package",
                "不在里面",
                "没在里面",
            ],
        ))
        && mentions(
            text,
            &[
                "turned up",
                "showed up",
                "arrived",
                "came",
                "opened",
                "just the",
                "only the",
                "收到",
                "到了",
                "拆开",
            ],
        )
        && mentions(
            text,
            &[
                "shirt", "tee", "hoodie", "cap", "hat", "bottle", "卫衣", "帽", "t恤", "杯",
            ],
        )
        && !mentions(
            text,
            &[
                "invoice",
                "receipt",
                "the app",
                "发票",
                "收据",
                "instead",
                "sent a",
                "they sent",
            ],
        );
    (part && the_rest || one_short || not_in_it)
        && !mentions(text, &["only one left", "just one left", "只剩"])
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
/// Whether `text` says goods the shopper has fit badly, nothing else wrong ("我是1003号订单，
/// 帽子有点紧", "the tee is a bit small on me"): a size to exchange, which the return and
/// exchange policy answers, not a complaint for a person.
pub fn fits_badly(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(
        &lower,
        &[
            "有点紧",
            "有点小",
            "有点大",
            "太紧了",
            "太小了",
            "太大了",
            "偏紧",
            "a bit tight",
            "a bit small",
            "a bit big",
            "a little tight",
            "a little small",
            "a little big",
            "too tight",
            "too small",
            "too big",
            "too large",
        ],
    ) && !mentions(
        &lower,
        &[
            "ordered",
            "wrong",
            "不是我买的",
            "发错",
            "kids",
            "童装",
            "?",
            "？",
            // Not the goods' fit ("实物跟图片差别太大了", "a box way too big for one cap").
            "差别",
            "差距",
            "区别",
            "box",
            "packag",
            "包装",
            "盒子",
            "箱子",
            "price",
            "价格",
            "fee",
            "运费",
        ],
    )
}
