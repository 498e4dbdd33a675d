//! Whether an order is late or still awaited, in the shopper's words: "late", "still not
//! here", "where are my caps", "so... my cap?", "its december already", a date it was due.
//! Lower-case substring checks in English, Chinese and pinyin, like [`super::language`]'s;
//! with an order known, such a message asks where that order is (`routing_*.rs`,
//! `decide.rs`). The other words about an order's delivery are [`super::delivery_words`].

use super::language::{mentions, says_word};

/// Whether `lower` asks where the shopper's goods are ("where are the hoodies at", "where
/// are my caps", "could you tell me where my two hoodies are", "so... my parcel?", "so...
/// my cap?", "我的快递呢"), not where they are made or sold.
fn asks_where_the_goods_are(lower: &str) -> bool {
    let lower = lower.trim_start();
    let fragment = asks_after_my_goods(lower)
        || mentions(
            lower,
            &[
                "my parcel?",
                "my package?",
                "my order?",
                "my stuff?",
                "my delivery?",
                "my parcel??",
                "我的快递呢",
                "我的包裹呢",
                "我的货呢",
                "快递呢",
                "包裹呢",
            ],
        );
    // Asked at a sentence's start, after what it was told ("it said november 26th. it is
    // now december. where are my clothes").
    let sentence_starts = |w: &str| {
        lower
            .split(['.', '!', '?', '。', '！', '？'])
            .any(|s| s.trim_start().starts_with(w))
    };
    fragment
        || ([
            "where are the ",
            "where are my ",
            "where r my ",
            "where r the ",
        ]
        .iter()
        .any(|w| sentence_starts(w))
            || lower.contains("where my "))
            && !mentions(
                lower,
                &[
                    "made",
                    "from",
                    "sold",
                    "located",
                    "based",
                    "available",
                    "stock",
                    "stores",
                    "shops",
                    "size",
                    "chart",
                    "photos",
                    "pictures",
                    "reviews",
                    "instructions",
                ],
            )
}

/// Whether a clause of `lower` is only "my" and one or two words, asked ("so... my cap?",
/// "and my hoodies??"): where those goods are.
fn asks_after_my_goods(lower: &str) -> bool {
    lower.split_inclusive(['?', '？']).any(|clause| {
        let clause = clause.trim();
        let Some(at) = clause.find("my ") else {
            return false;
        };
        let before = clause[..at].trim_matches(|c: char| !c.is_alphanumeric());
        let after = clause[at + 3..].trim_end_matches(['?', '？']).trim();
        clause.ends_with(['?', '？'])
            && [
                "", "so", "and", "um", "uh", "well", "ok", "hi", "hey", "hello",
            ]
            .contains(&before)
            && (1..=2).contains(&after.split_whitespace().count())
    })
}

/// Whether `text` says an order is late or has not come yet ("it was meant to be here on the
/// 26th", "怎么还没到"): with an order known, a question about that order's whereabouts.
pub fn says_late(text: &str) -> bool {
    let lower = text.to_lowercase();
    if slow_to_answer(&lower) {
        return false;
    }
    // Short words are whole words: "insulated", "chocolate", "related" and "plate" say
    // nothing of a delivery.
    // "Later" of the shopper's own plans ("whatever, I'll deal with that later") says
    // nothing of the parcel.
    let own_later = mentions(
        &lower,
        &[
            "deal with that later",
            "deal with it later",
            "do it later",
            "talk later",
            "check later",
            "later then",
            "reorder later",
            "order later",
        ],
    );
    // Too late to buy what is selling out ("grey zip hoodie — any Ls left or am I too late")
    // says nothing of a parcel.
    if mentions(
        &lower,
        &[
            "am i too late",
            "am i late",
            "too late to get",
            "too late to buy",
            // The return window passed, not a parcel ("I'm 2 days past the 30-day return
            // window, can I still get a refund").
            "return window",
            "return period",
            "退货期",
        ],
    ) {
        return false;
    }
    let late_word = says_word(&lower, &["late", "delay", "delays", "delayed"])
        || (says_word(&lower, &["later"]) && !own_later);
    late_word
        || waited_long(&lower)
        || asks_where_the_goods_are(&lower)
        || [
            "overdue",
            "still not",
            "still hasn't",
            "still havent",
            "still haven't",
            "hasn't arrived",
            "hasnt arrived",
            "never showed up",
            "never turned up",
            "never arrived",
            "not arrived",
            "not here yet",
            "never came",
            "meant to be here",
            "meant to arrive",
            "supposed to arrive",
            "supposed to be here",
            // "It was supposed to land on the 26th."
            "supposed to land",
            "supposed to get here",
            "supposed to be delivered",
            "meant to land",
            "meant to get here",
            "for what feels like forever",
            // How much longer it will take, asked by someone already waiting ("到底还要等多
            // 久？？？1001！！！").
            "还要等多久",
            "还得等多久",
            "还要多久才到",
            "how much longer",
            "how long do i have to wait",
            "how long am i supposed to wait",
            "how long must i wait",
            "should have arrived",
            "should've arrived",
            "where is",
            "wheres",
            "where's",
            // Lost on its way ("我的卫衣是不是寄丢了？？").
            "寄丢",
            "丢件",
            "lost in the post",
            "lost in transit",
            "lost in the mail",
            // "the delivery date has come and gone".
            "come and gone",
            "came and went",
            "date has passed",
            "date passed",
            "date's passed",
            "past the delivery",
            "past the expected",
            "past the due",
            "past due",
            // "has been 'on its way' for a week past the date you promised", "it only takes a
            // geological era".
            "past the date",
            "week past",
            "weeks past",
            "days past",
            "geological",
            "was due",
            "in transit for",
            "still in transit",
            "still waiting",
            "keep waiting",
            "keep on waiting",
            "still nothing",
            "still no sign",
            "hasn't moved",
            "hasnt moved",
            "not moved",
            "no movement",
            "if it's lost",
            "if its lost",
            "is it lost",
            "没动静",
            "物流不动",
            "还没影子",
            "没影子",
            "would be here by",
            "would arrive by",
            "said it would come",
            "said it would arrive",
            "said it would be here",
            "it just didn't",
            "and it didn't",
            "didn't come",
            "didnt come",
            "didn't arrive",
            "didnt arrive",
            "expected by the",
            "expected nov",
            "expected dec",
            "expected on the",
            "and it's december",
            "it's now december",
            // "hey so its december already and my hoodie + tee still arent here?? ord 1001".
            "its december",
            "it's december",
            "it is december",
            "it is now december",
            // "order 1001 is running like a week behind, can you give it a nudge".
            "running behind",
            "week behind",
            "weeks behind",
            "days behind",
            "give it a nudge",
            "still arent",
            "still aren't",
            "arent here",
            "aren't here",
            "isnt here",
            "isn't here",
            "was expected",
            "不动了",
            "一直不动",
            "没动过",
            "一直没更新",
            "actually coming",
            "when is it coming",
            "when will it come",
            // "third time asking. the cap. 1003. coming or not".
            "coming or not",
            "arriving or not",
            "is it even coming",
            "延误",
            "延迟",
            "还没到",
            "还没收到",
            "怎么还没",
            "迟迟",
            "超时",
            "到哪",
            "丢件",
            "过了预计",
            "超过预计",
            "催单",
            "催一下",
            "哪天能到",
            "什么时候能到",
            "什么时候到",
            "说好的",
            "还没送到",
            // Slow to ship ("发货这么慢", "so slow to ship").
            "这么慢",
            "太慢了",
            "so slow",
            "taking forever",
            // Pinyin, typed without a Chinese input method.
            "hai mei dao",
            "haimeidao",
            "hai mei shou dao",
            "zenme hai mei",
            "dao na le",
            "dao nali",
            "yanwu",
            "yan wu",
            "yanchi",
            "chaoguo",
            "chao guo",
        ]
        .iter()
        .any(|w| lower.contains(w))
        // A day it was promised by ("说好26号到的，现在都12月了").
        || lower.split("说好").skip(1).any(|rest| {
            rest.chars().take(8).any(|c| c == '到')
        })
}

/// Whether `lower` complains that the shop is slow to answer or its site slow, with no word
/// of a delivery ("你们客服太慢了, I sent 3 emails and no reply", "your website is so slow and
/// checkout crashed 3 times"): the shop's service, not an order's whereabouts.
fn slow_to_answer(lower: &str) -> bool {
    let answers = [
        "客服",
        "回复",
        "回消息",
        "回邮件",
        "no reply",
        "no response",
        "no answer",
        "never replied",
        "never answered",
        "customer service",
        "support team",
        // The shop's site slow ("your website is so slow and checkout crashed").
        "website",
        "checkout",
        "web page",
        "the app",
        "网站",
        "网页",
        "页面",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let delivery = [
        "快递", "物流", "发货", "到货", "送到", "收到", "ship", "deliver", "parcel", "package",
        "arriv", "tracking", "order",
    ]
    .iter()
    .any(|w| lower.contains(w));
    answers && !delivery
}

/// Whether `lower` tells of a long wait ("it's been about two weeks", "been over a week
/// now", "已经两个星期了", "都半个月了").
fn waited_long(lower: &str) -> bool {
    let english = lower.split("been ").skip(1).any(|rest| {
        let next: Vec<&str> = rest.split_whitespace().take(4).collect();
        let many_days = next.windows(2).any(|pair| {
            pair[1].starts_with("days")
                && (pair[0].parse::<u32>().is_ok_and(|n| n >= 3)
                    || matches!(
                        pair[0],
                        "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "several"
                            | "many"
                    ))
        });
        many_days
            || next
                .iter()
                .any(|w| w.starts_with("week") || w.starts_with("ages") || w.starts_with("forever"))
    });
    english
        || [
            "个星期了",
            "个礼拜了",
            "周了",
            "半个月",
            "一个月了",
            "好几天了",
            "好多天了",
            "这么多天",
        ]
        .iter()
        .any(|w| lower.contains(w))
}
