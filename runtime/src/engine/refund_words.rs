//! What refund a message asks for: money back at all, for the shopper rather than about the
//! policy, after one under way, or turned down; how much is read in `refund_sums.rs`, the
//! goods sent back in `return_words.rs`. Pure word reading; the decisions are in
//! [`super::routing`] and [`super::money`].

use super::language::mentions;
use super::refund_sums::{names_a_sum_back, names_the_whole};

/// Whether `text` asks for the shopper's money back ("I want a refund", "退款", "退钱").
pub fn asks_for_money_back(text: &str) -> bool {
    !turns_down_money_back(text)
        && (wants_it_taken_back(text)
            || mentions(
                text,
                &[
                    "refund",
                    "money back",
                    "退款",
                    "退钱",
                    // "1001还没到，我不想要了，钱能退吗".
                    "钱能退",
                    "钱能不能退",
                    "钱可以退",
                    "把钱退",
                    "钱给我退",
                    "块给我退",
                    "元给我退",
                    "退给我",
                    "退了吧",
                    "那就退吧",
                    "就退吧",
                    "那退吧",
                    "给我退吧",
                    "帮我退",
                    "退吧",
                    // Pinyin ("maozi tai xiao yao tui").
                    "yao tui",
                    "tui kuan",
                    "tuikuan",
                    // The whole of it back ("退全款138", "全部退 all 98").
                    "退全款",
                    "全额退",
                    "全部退",
                    "全退",
                    // "sam@example.com,两件都退".
                    "都退",
                ],
            )
            || names_a_sum_back(text)
            || takes_them_back(text)
            || wants_a_charge_back(text))
}

/// Whether `text` asks a charge back in words that say "back" only of it ("the charge already
/// went through on my card, can I get it back?").
fn wants_a_charge_back(text: &str) -> bool {
    let lower = text.to_lowercase();
    // A charge, not a charger or someone in charge.
    let charge = (super::language::says_word(&lower, &["charge", "charged", "charges"])
        && !mentions(&lower, &["in charge", "charger"]))
        || mentions(&lower, &["扣款", "扣了"]);
    charge
        && mentions(
            &lower,
            &["get it back", "have it back", "钱能拿回", "能退回"],
        )
}

/// Whether `text` takes back a request already made, the money not wanted after all ("I
/// asked for a refund on 1003 but changed my mind, I want to keep the hoodie", "不退了"):
/// a change of mind about the request, not about the goods.
pub fn withdraws_a_request(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "want to keep",
            "keep it",
            "keep the",
            "keep them",
            "don't cancel",
            "dont cancel",
            "un-cancel",
            "uncancel",
            "reinstate",
            "asked for a refund",
            "requested a refund",
            "cancelled",
            "canceled",
            "不退了",
            "不取消",
            "不要取消",
            "留着",
        ],
    )
}

/// Whether `text` says the goods are to be taken back, in the "把…退了" shape ("想把1004的两件
/// 卫衣都退了", "把帽子退掉吧"): the money back with them.
fn takes_them_back(text: &str) -> bool {
    text.match_indices('把').any(|(at, w)| {
        let rest = &text[at + w.len()..];
        let end = rest
            .find(['，', '。', ',', '.', '？', '?'])
            .unwrap_or(rest.len());
        let clause = &rest[..end];
        ["退了", "退掉", "都退", "全退"]
            .iter()
            .any(|t| clause.contains(t))
            && !clause.contains("地址")
    })
}

/// Whether `text` says "想退" on its own, or of an order: the goods taken back and the money
/// with them ("帽子不太喜欢 想退 订单号1003", "想退了"). With the goods sent back after it
/// ("我想退1003的帽子", "想退 the bottle", "想退货", "想退换") it is the return of those
/// goods, whose steps the shopper is told. "想退掉" is the same ask ("帽子戴着不太合适 想退掉
/// 订单1003").
fn wants_it_taken_back(text: &str) -> bool {
    text.match_indices("想退").any(|(at, w)| {
        let after = text[at + w.len()..].trim_start();
        let after = after.strip_prefix('掉').unwrap_or(after).trim_start();
        let lower = after.to_lowercase();
        let ends = after
            .chars()
            .next()
            .is_none_or(|c| c == '了' || c.is_ascii_punctuation() || "，。！？～…".contains(c));
        let an_order = ["订单", "单号", "order", "#"]
            .iter()
            .any(|o| lower.starts_with(o))
            && !after.contains('的');
        // Goods named after it, found wanting ("hello 我想退 order 1003 的cap, 颜色跟图片不一样"):
        // the money back with them.
        let goods_found_wanting = (an_order_then_goods(&lower)) && no_longer_wants_it(text);
        // All of them wanted back, with what they cost ("订单1004两件卫衣都想退 一共138"):
        // the money, not the steps of a return ("都想退货", "都想退换").
        let all_of_them = (text[..at].ends_with('都') || text[..at].ends_with('全'))
            && !after.starts_with(['货', '换', '订', '出'])
            && !after.contains('换');
        let what_it_cost = after.starts_with("一共") || after.starts_with("总共");
        ends || an_order || goods_found_wanting || all_of_them || what_it_cost
    }) || all_of_them_wanted_back(text)
}

/// Whether `text` wants all of the goods taken back with "要" ("1004号订单两件卫衣都要退 太大
/// 了穿不了"): the money, as with "都想退"; not the steps of a return ("都要退货").
pub fn all_of_them_wanted_back(text: &str) -> bool {
    // Asked whether all must go back ("1004的两件卫衣是不是都要退回去", "吊牌和包装都要退回吗"):
    // the return's steps.
    let asked = mentions(text, &["是不是", "要不要", "需要"])
        || text.trim_end().ends_with(['吗', '?', '？']);
    !asked
        && ["都要退", "全要退", "全都要退"].iter().any(|w| {
            text.match_indices(w).any(|(at, w)| {
                let after = text[at + w.len()..].trim_start();
                !after.starts_with(['货', '换', '订', '出', '吗', '回', '还'])
            })
        })
}

/// Whether `lower` names an order and then its goods ("order 1003 的cap", "1003的帽子").
fn an_order_then_goods(lower: &str) -> bool {
    let rest = ["订单", "单号", "order", "#"]
        .iter()
        .find_map(|o| lower.strip_prefix(o))
        .unwrap_or(lower)
        .trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
            .starts_with('的')
}

/// Whether `text` says the refund is overdue ("still nothing", "three weeks ago", "还没退").
pub fn says_it_is_overdue(text: &str) -> bool {
    asks_after_a_refund(text) && mentions(text, &["still", "还没", "一直没"])
        || mentions(
            text,
            &[
                "still nothing",
                "still no",
                "weeks ago",
                "2 weeks",
                "two weeks",
                "3 weeks",
                "three weeks",
                "a month ago",
                "still haven't",
                "still havent",
                "还没退",
                "还没到账",
                "一直没",
                "好几周",
                "一个月了",
                "两周了",
                "几个星期",
            ],
        )
}

/// Whether `text` turns the money down ("i don't want my money back i want the NAVY one",
/// "我想换成藏青色的，不要退款"): a refund proposed is declined, and none is asked for.
pub fn turns_down_money_back(text: &str) -> bool {
    mentions(
        text,
        &[
            "don't want my money back",
            "dont want my money back",
            "don't want the money back",
            "dont want the money back",
            "don't want a refund",
            "dont want a refund",
            "don't want the refund",
            "dont want the refund",
            "no refund",
            "not a refund",
            "not refund",
            "rather not have a refund",
            "instead of a refund",
            "instead of refund",
            // "not after a refund really, I just think someone should fix the pictures".
            "not after a refund",
            "not after my money",
            "not looking for a refund",
            "not asking for a refund",
            "not asking for my money",
            "不是要退",
            "不是想退",
            "don't need a refund",
            "dont need a refund",
            // "I'd rather have the cap I ordered than a refund, if that's possible".
            "than a refund",
            "than the refund",
            "than my money back",
            // "I'd rather swap it than get my money back tbh".
            "than get my money back",
            "than getting my money back",
            "than get a refund",
            "than getting a refund",
            // "I want the cap I paid for, not my money back", "a new one over money".
            ", not my money back",
            ", not the money back",
            ", not money back",
            "over money",
            "比起退款",
            "不要退款",
            "不想退款",
            "不用退款",
            "不需要退款",
            "不要退钱",
            "不想退钱",
            "不退款",
            "别退款",
            "不退吧",
            "不退了",
            "先不退",
            "不用退钱",
        ],
    ) || declines_the_money_itself(text)
}

/// Whether `text` says the money is not to come back at all ("换成藏青色就行，钱不用退"), not
/// where it is not to go ("钱别退到花呗，退到银行卡吧", "钱不要退到信用卡").
fn declines_the_money_itself(text: &str) -> bool {
    ["钱不用退", "钱就不用退", "钱不要退", "钱别退"]
        .iter()
        .any(|w| {
            text.match_indices(w).any(|(at, _)| {
                !text[at + w.len()..]
                    .trim_start()
                    .starts_with(['到', '回', '至', '给'])
            })
        })
}

/// Whether `text` asks for something for the shopper rather than about it ("can I get a
/// refund on it", "I want my money back", "给我退款"), not "do you refund sale items".
pub fn requests_it(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Put tersely, an order after it ("refund 1004. both hoodies. sam@example.com",
    // "1004 两件卫衣全退 钱多久到账").
    let terse = lower.trim_start().starts_with("refund ")
        && lower.split_whitespace().nth(1).is_some_and(|w| {
            w.trim_start_matches('#')
                .starts_with(|c: char| c.is_ascii_digit())
        });
    terse
        || mentions(&lower, &["全退", "都退", "全部退", "全部退款", "全额退"])
        // Said again after the bot took it for something else ("我说的是退款 不是查物流!!").
        || mentions(&lower, &["说的是退款", "要的是退款"])
        || wants_the_money(text)
        || mentions(
            text,
            &[
                "can i get",
                "can i have",
                "want to send",
                "want to return",
                "wanna return",
                "could i get",
                "i want",
                "i'd like",
                "id like",
                "i would like",
                "give me",
                "get my money",
                "refund me",
                "refund it",
                "can you refund",
                "could you refund",
                "can you just refund",
                "just refund",
                "do the refund",
                "process the refund",
                // "cool, start a refund for the cap then".
                "start a refund",
                "start the refund",
                "start my refund",
                "begin a refund",
                "initiate a refund",
                "issue a refund",
                "process a refund",
                "refund this",
                "refund my",
                // Agreed to ("yeah a refund is fine", "退款也行").
                "refund is fine",
                "refund is ok",
                "refund works",
                "refund then",
                "退款也行",
                "退款就行",
                "退款吧",
                // "不等了 直接退钱吧".
                "退钱吧",
                "直接退",
                // Asked politely ("Would it be possible to have it sent again, or refunded in
                // full?").
                "have it refunded",
                "get it refunded",
                "be refunded",
                "would it be possible",
                "is it possible to get",
                "我要",
                "我想",
                "给我退",
                "帮我退",
                "想退",
                "退了吧",
                "那就退吧",
                "就退吧",
                "那退吧",
                "给我退吧",
                "退吧",
                // Asked whether it can be, of an order named ("帽子不想要了，能退款吗？单号#1003",
                // "1003那顶帽子不太喜欢 能退钱吗").
                "能退款吗",
                "能退钱吗",
                // "订单1004能全额退款吗？", "1003支持退款吗".
                "退款吗",
                "退钱吗",
                "可以退款吗",
                "可以退钱吗",
                "能不能退款",
                "能不能退钱",
                "可不可以退款",
            ],
        )
}

/// Whether `text` says the shopper wants or needs the money back, in any words between
/// ("want my money back for both hoodies", "need a full refund", "wanna get refunded").
pub fn wants_the_money(text: &str) -> bool {
    super::language::word_then_word(
        text,
        &["want", "wanna", "need", "demand", "expect"],
        &["money", "refund", "refunded", "cash"],
        3,
    )
}

/// Whether `text` says the shopper no longer wants what they bought ("帽子戴着有点紧 不想要了
/// 能退钱吗", "changed my mind about the cap") or finds it wanting ("戴着不好看"), not "if I
/// don't want it".
pub fn no_longer_wants_it(text: &str) -> bool {
    mentions(
        text,
        &[
            // The goods found wanting, with no fault in them ("帽子戴着不好看，想退款", "颜色跟
            // 图片不一样").
            "不好看",
            "不合适",
            "不喜欢",
            "跟图片不一样",
            "和图片不一样",
            "与图片不符",
            "色差",
            "不想要了",
            "不要了",
            "don't want it anymore",
            "dont want it anymore",
            "don't want it any more",
            "don't want them anymore",
            "dont want them anymore",
            "don't want them any more",
            "changed my mind",
            // "saw the 22.00 charge for my cap on my statement, all good, but I want to return
            // it now. never worn, tag still on".
            "want to return it now",
        ],
    ) && !mentions(
        text,
        &["如果", "万一", "if i ", "if it ", "what if", "in case"],
    )
}

/// Whether `text` demands the money back, whether or not it will come ("帽子到底给不给退款",
/// "are you going to refund me or not"): a request, however it is asked.
pub fn demands_it(text: &str) -> bool {
    mentions(
        text,
        &[
            "给不给退",
            "退不退",
            "到底退",
            "能不能给我退",
            "refund me or not",
            "going to refund me",
            "gonna refund me",
            "will you refund me",
            "are you refunding",
        ],
    )
}

/// Whether `text` says please ("refund for 1004 please", "麻烦退一下"): a request.
pub fn says_please(text: &str) -> bool {
    mentions(text, &["please", "pls", "plz", "麻烦", "请"])
}

/// Whether `text` asks after a refund already under way ("did my refund go through?",
/// "退款到账了吗") rather than for one.
pub fn asks_after_a_refund(text: &str) -> bool {
    // A refund gone through, not the charge ("the charge already went through on my card,
    // can I get it back?").
    let through = ["go through", "gone through", "went through"];
    let refund_through = mentions(text, &through)
        && (mentions(text, &["refund", "return", "money", "退"])
            || !mentions(
                text,
                &[
                    "charge went",
                    "charge already went",
                    "charge has gone",
                    "charge has already gone",
                    "payment went",
                    "payment already went",
                    "payment has gone",
                ],
            ));
    refund_not_come(text)
        || refund_through
        || mentions(
            text,
            &[
                "refund status",
                "status of my refund",
                "status of the refund",
                "refund yet",
                "refunded yet",
                "where is my refund",
                "where's my refund",
                "wheres my refund",
                "received my refund",
                "received the refund",
                "got my refund",
                "get my refund yet",
                "still waiting for my refund",
                "still waiting on my refund",
                "still no refund",
                "been refunded",
                "到账",
                "退款进度",
                "退款状态",
                "退了吗",
                "退款呢",
                "退款还没",
                "钱还没退",
                "退款什么时候",
            ],
        )
}

/// Whether `text` says a refund has not come ("why my refund for 1003 still hasn't
/// arrived", "the refund has not shown up"): "hasn't", "still not", "never"… within a few
/// words after "refund", with no order or parcel spoken of between ("refund order 1001. it
/// never came" is the parcel that never came).
pub fn refund_not_come(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("refund").any(|(i, m)| {
        let words: Vec<&str> = lower[i + m.len()..]
            .split(|c: char| c.is_whitespace() || ",.!?;:".contains(c))
            .filter(|w| !w.is_empty())
            .take(6)
            .collect();
        let negated = |w: &str| {
            matches!(
                w,
                "hasn't" | "hasnt" | "has" | "still" | "haven't" | "havent" | "never" | "not"
            )
        };
        let Some(at) = words.iter().position(|w| negated(w)) else {
            return false;
        };
        let rest = words[at..].join(" ");
        !words[..at]
            .iter()
            .any(|w| matches!(*w, "it" | "order" | "parcel" | "package" | "all" | "of"))
            && mentions(
                &rest,
                &[
                    "hasn't",
                    "hasnt",
                    "has not",
                    "still not",
                    "still no",
                    "haven't",
                    "havent",
                    "never",
                    "not arrived",
                    "not come",
                    "not shown",
                ],
            )
    })
}

/// Whether `text` asks for the whole order's money back ("a full refund", "refund the whole
/// order", "整单退款", "全部退给我", "退款 for 1004, 两件我都不要了").
pub fn asks_for_the_whole_order(text: &str) -> bool {
    asks_for_money_back(text) && names_the_whole(text)
}

/// Whether `text` asks when something happens or how long it takes ("when does the money
/// actually land?", "退款什么时候到").
pub fn asks_when(text: &str) -> bool {
    asks_how_long(text)
        || super::language::says_word(text, &["when"])
        || mentions(text, &["什么时候", "何时", "哪天"])
}

/// Whether `text` asks how long something takes ("how long does a refund take", "退款要几天").
pub fn asks_how_long(text: &str) -> bool {
    mentions(
        text,
        &[
            "how long",
            "how many days",
            "how many business days",
            // "once you receive my return how quickly does the money come back".
            "how quickly",
            "how soon",
            "多久",
            "多长时间",
            "几天",
            "几个工作日",
        ],
    )
}

#[cfg(test)]
#[path = "refund_words_tests.rs"]
mod tests;
