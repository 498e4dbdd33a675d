//! What shoppers say about an order and its delivery, heard in their words: not yet
//! arrived or shipped, a tracking number, where it goes, what shipping costs or a
//! destination abroad asked for. Lower-case substring checks in English, Chinese and
//! pinyin, like [`super::language`]'s; the decisions that use them are the routing rules
//! (`routing_*.rs`) and `decide.rs`. Whether it came is [`super::arrival_words`]; whether it is late,
//! [`super::late_words`]; what went wrong with goods in hand is [`super::claim_words`].

use super::cues::asks_about_stock;
use super::language::{mentions, says_word};

/// Whether `text` asks something whose answer is the shop's own data and that presupposes
/// nothing has arrived: a product's price or stock ("有机棉T恤多少钱一件", "is the cap in
/// stock?") or whether an order has shipped yet ("1002发货了没有"). A damaged, wrong or
/// missing item is about goods the shopper has in hand; a message asking these is not.
pub fn asks_before_arrival(text: &str) -> bool {
    let lower = text.to_lowercase();
    asks_about_stock(text)
        || [
            // Price in the shape of a question ("it cost me $30 and arrived torn" is a
            // claim).
            "how much",
            "what's the price",
            "what is the price",
            "多少钱",
            "什么价",
            "几块钱",
            "shipped yet",
            "has it shipped",
            "has shipped",
            "been shipped",
            "dispatched yet",
            "been dispatched",
            "发货了没",
            "发货没",
            "发了没",
            "发出来没",
            "发出来了没",
            "发出来了吗",
            "发货了吗",
            "发出了吗",
            "发出去了没",
            "发出去了吗",
            "有没有发货",
            "发没发",
        ]
        .iter()
        .any(|w| lower.contains(w))
        // "has the bottle shipped?", "did my hoodies ship yet".
        || super::language::word_then_word(
            &lower,
            &["has", "have", "did"],
            &["ship", "shipped", "dispatched"],
            3,
        )
}

/// Whether `text` asks when the shopper's own goods will come ("我的帽子啥时候能到啊", "when
/// will my hoodie get here"): their order's whereabouts, not the shop's delivery times in
/// general ("一般多久能到", "if I order today when will it arrive").
pub fn asks_when_own_goods_arrive(text: &str) -> bool {
    let lower = text.to_lowercase();
    let own = mentions(&lower, &["我的", "我买的", "我订的", "我下的"])
        || super::language::word_then_word(&lower, &["when", "when's", "whens"], &["my"], 2);
    let when = mentions(
        &lower,
        &[
            "啥时候能到",
            "什么时候能到",
            "什么时候到",
            "啥时候到",
            "多久能到",
            "几号能到",
            "几号到",
            "arrive",
            "get here",
            "be here",
            "show up",
            "turn up",
        ],
    );
    let in_general = mentions(
        &lower,
        &[
            "一般",
            "通常",
            "如果",
            "要是",
            "usually",
            "normally",
            "typically",
            "if i order",
            "if i buy",
            "if i place",
            "order now",
            "order today",
            "before i order",
            "现在下单",
            "今天下单",
            "下单的话",
        ],
    );
    own && when && !in_general
}

/// Whether `text` asks to look an order up ("check my order 1003", "check on order 1002",
/// "帮我查下1001", "dingdan 1002 fahuo le ma"): its status answers it.
pub fn asks_to_look_up_an_order(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Where an order named by its number is ("can u tell me where 1003 is at", "just wanna
    // peek at where #1004 is"), or whether it shipped ("I just want to know if 1002
    // shipped").
    let where_is_it = ["where is ", "where's "].iter().any(|w| {
        lower.split(w).skip(1).any(|rest| {
            let n = rest.split_whitespace().next().unwrap_or("");
            super::language::is_a_number_word(n.trim_end_matches(|c: char| !c.is_alphanumeric()))
        })
    });
    let where_it_is = where_is_it
        || lower.split("where ").skip(1).any(|rest| {
            let words: Vec<&str> = rest.split_whitespace().take(2).collect();
            words.len() == 2
                && super::language::is_a_number_word(words[0])
                && words[1].starts_with("is")
        });
    let if_shipped = super::language::word_then_word(
        &lower,
        &["know", "tell", "see", "check"],
        &["shipped", "dispatched"],
        8,
    ) && lower.contains(" if ")
        && !mentions(&lower, &["shipped in ", "be shipped", "shipped to "]);
    // The goods themselves wanted, an order named ("i don't want the faq. i want my bottle.
    // 1002"): where they are, not money back or a cancellation.
    let wants_the_goods = lower.split("want my ").skip(1).any(|rest| {
        let word = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !word.is_empty()
            && ![
                "money", "refund", "cash", "account", "email", "data", "details", "info",
                "payment", "card", "address", "password", "order", "name",
            ]
            .contains(&word)
    }) && kefu_intent::slots::first(
        &kefu_intent::slots::extract(&lower),
        kefu_intent::slots::SlotKind::OrderNumber,
    )
    .is_some()
        // Not the goods turned down, changed or wanted by a day ("I don't want my cap
        // anymore. 1003", "i want my hoodie exchanged for an L, order 1003").
        && !mentions(
            &lower,
            &[
                "cancel", "refund", "return", "back", "don't want my", "dont want my",
                "do not want my", "exchange", "replace", "swap", "change", "size", "退", "取消",
            ],
        )
        && !super::urgency_cues::names_a_deadline(&lower);
    where_it_is
        || if_shipped
        || wants_the_goods
        || mentions(
            text,
            &[
                "check my order",
                "check on my order",
                "check order",
                "check on order",
                "look up my order",
                "look up order",
                "status of my order",
                "status of order",
                "status on",
                "status of #",
                "update on my order",
                "update on order",
                "gone out yet",
                // Whether it has left yet, in other words ("can u tell me if 1004 went out yet??
                // my brothers bday is sunday", "any movement on 1002? … if it's left the
                // warehouse yet").
                "went out yet",
                "left the warehouse",
                "any movement on",
                "where it is now",
                "where is it now",
                "where's it now",
                "look again",
                "taking so long",
                "到哪了",
                "到底在哪",
                "现在在哪",
                "在哪里了",
                "has it shipped",
                "shipped yet",
                "sent out yet",
                "发货了吗",
                "发出了吗",
                // Whether it has gone yet, asked in any order of words ("发货了没有", "has been
                // dispatched yet", "发了没").
                "发货了没",
                "发货没",
                "发了没",
                "发出来没",
                "发出来了吗",
                "发出去了没",
                "been dispatched",
                "dispatched yet",
                "been shipped yet",
                "where order",
                "where is order",
                "where's order",
                "where is my order",
                "where's my order",
                "where my order",
                "查下订单",
                "查一下订单",
                "查查订单",
                "帮我查下",
                "帮我查一下",
                "查询订单",
                // Part of an order come first ("1001 先到了一件卫衣 T恤呢？是分开发的吗").
                "分开发",
                "分开寄",
                "先到了",
                "shipped separately",
                "separate parcels",
                "arrived first",
                "only one arrived",
                // Pinyin, typed without a Chinese input method: 发货了吗, 到哪了.
                "fahuo le",
                "fa huo le",
                "fahuo mei",
            ],
        )
}

/// Whether `text` asks to check or look something up ("can you still check 1003 for me",
/// "帮我看看1002"): with an order number in the same message, that order's status.
pub fn asks_to_check(text: &str) -> bool {
    (says_word(text, &["check", "lookup"])
        || mentions(text, &["look up", "look into", "查", "看看", "看一下"]))
        && !mentions(text, &["check out", "结账"])
}

/// Whether `text` asks to send an order somewhere else without saying "address" ("can I
/// change where it goes", "send it somewhere else", "换个地方寄"), or asks in Chinese whether
/// the address can be changed ("可以改地址吗"): an address change.
pub fn asks_to_change_where_it_goes(text: &str) -> bool {
    // "change where 1002 goes": where an order goes, its number in between.
    let lower = text.to_lowercase();
    let where_it_goes = lower.split("change where ").skip(1).any(|rest| {
        let words: Vec<&str> = rest.split_whitespace().take(4).collect();
        words.iter().any(|w| {
            // "change where 1002 gets delivered".
            ["goes", "ships", "going", "delivered", "sent"]
                .iter()
                .any(|v| w.starts_with(v))
        })
    });
    // (Not a refund's or a receipt's: "can I change where the refund gets sent?")
    let where_it_goes = where_it_goes
        && !mentions(
            &lower,
            &[
                "refund",
                "receipt",
                "invoice",
                "email",
                "confirmation",
                "tracking",
                "notification",
            ],
        );
    where_it_goes
        || mentions(
            text,
            &[
                "change where it goes",
                "change where it's going",
                "change where its going",
                "change where it ships",
                "change where it's shipped",
                "change where you send it",
                "change where it's delivered",
                "send it somewhere else",
                "send it to a different",
                "deliver it somewhere else",
                "ship it somewhere else",
                // "moving flats on friday so the bottle needs to go to the new place instead"
                "go to the new place",
                "go to my new place",
                "go to my new flat",
                "go to my new address",
                "to the new address instead",
                "换个地方寄",
                "换个地址",
                // Said with the word, in a message read as nothing the shop does ("ok 那可以
                // 改地址吗 to 88 Nanjing West Rd, same city").
                "可以改地址",
                "能改地址",
                "能不能改地址",
                "改一下地址",
                "寄到别的地方",
                "寄到别处",
                "送到别的地方",
            ],
        )
}

/// Whether `text` asks for an order's tracking number ("what's the UPS tracking number",
/// "那UPS单号是多少"): the order's status card carries it.
pub fn asks_for_tracking(text: &str) -> bool {
    mentions(
        text,
        &[
            "tracking number",
            // "which carrier was it again", "用的什么快递".
            "which carrier",
            "what carrier",
            "用的什么快递",
            "哪家快递",
            "tracking no",
            "tracking #",
            "tracking code",
            "tracking link",
            "tracking info",
            // "can u pull up tracking for #1004 pls".
            "tracking for #",
            "tracking for order",
            "tracking for my",
            "pull up tracking",
            "pull up the tracking",
            "tracking details",
            "tracking pls",
            "tracking please",
            "send me tracking",
            "send me the tracking",
            "ups number",
            "usps number",
            // "was that UPS or USPS".
            "ups or usps",
            "usps or ups",
            "was that ups",
            "was that usps",
            "was it ups",
            "was it usps",
            // A parcel's number asked for, not the order's given ("单号和邮箱刚才都给过你了").
            "运单号",
            "物流单号",
            "快递单号",
            "追踪单号",
            "ups单号",
            "ups 单号",
            "usps单号",
            "usps 单号",
            "单号是多少",
            "单号多少",
            "单号呢",
            "单号发",
            "单号给我",
            "物流信息",
            "快递信息",
        ],
    )
}

/// Whether `text` says the shopper is still waiting for something of theirs ("I'm still
/// waiting on a hoodie and a tshirt", "还在等我的快递"), not that the shop's deliveries are
/// late in general.
pub fn waits_for_their_goods(text: &str) -> bool {
    mentions(
        text,
        &[
            "waiting on",
            "waiting for",
            "waited for",
            "还在等",
            "一直在等",
            "等了",
        ],
    )
}

/// Whether `text` says an order has not shipped yet ("it hasn't even shipped right?",
/// "还没发货"): money back on such an order is its cancellation.
pub fn says_not_shipped(text: &str) -> bool {
    mentions(
        text,
        &[
            "hasn't shipped",
            "hasnt shipped",
            "hasn't even shipped",
            "hasnt even shipped",
            "has not shipped",
            "not shipped",
            "not yet shipped",
            "hasn't been shipped",
            "hasnt been shipped",
            "hasn't left",
            "hasnt left",
            "还没发货",
            "没发货",
            "未发货",
            "还没发出",
            // Money asked back before it leaves ("instead of waiting for it to ship").
            "waiting for it to ship",
            "before it ships",
            "before it's shipped",
            "before it has shipped",
        ],
    )
}

/// Whether `text` asks when an order will be sent out or arrive ("would like to know when
/// it will be sent out", "when does it ship", "什么时候发货"): its whereabouts. In English,
/// "when" asked (a question, or "tell me / know / wondering when") with sending out, shipping
/// or arriving a few words after it ("roughly when my water bottle will be sent out?"); "when
/// it arrives I'll return it" asks nothing.
pub fn asks_when_it_ships(text: &str) -> bool {
    if mentions(
        text,
        &[
            "when it will be sent",
            "when will it be sent",
            "when will you send",
            "when does it ship",
            "when do you ship",
            "什么时候发货",
            "什么时候发",
            "何时发货",
            "几时发货",
            "什么时候能发",
            "哪天能发",
            "哪天发",
            "什么时候到",
            "啥时候发",
            "啥时候到",
        ],
    ) {
        return true;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let asked = lower.contains('?');
    words.iter().enumerate().any(|(i, w)| {
        let introduced = i > 0
            && matches!(
                words[i - 1],
                "know" | "me" | "wondering" | "idea" | "roughly" | "asking" | "curious" | "see"
            );
        *w == "when"
            && (asked || introduced)
            && (1..8).any(|k| {
                let at = |d: usize| words.get(i + k + d).copied();
                match at(0) {
                    Some("ship" | "ships" | "shipped" | "dispatched" | "dispatch" | "arrive") => {
                        true
                    }
                    Some("sent" | "go" | "going") => at(1) == Some("out"),
                    Some("get" | "be") => at(1) == Some("here"),
                    _ => false,
                }
            })
    })
}

/// Whether `text` speaks of cancelling an order or not wanting it ("cancel", "call it off",
/// "不要了", "取消"): without any of it, a cancellation is not what the shopper asked.
pub fn speaks_of_cancelling(text: &str) -> bool {
    mentions(
        text,
        &[
            "cancel",
            "call it off",
            "call off",
            "don't want",
            "dont want",
            "do not want",
            "no longer want",
            "no longer need",
            "don't need it",
            "dont need it",
            "stop the order",
            "stop my order",
            "changed my mind",
            "取消",
            "不要了",
            "不想要",
            "不买了",
            "退单",
            "撤单",
        ],
    )
}

/// Whether `text` asks for a parcel to be tracked ("想查下物流", "查一下快递", "can you
/// track my parcel"): the order's whereabouts.
pub fn asks_to_track(text: &str) -> bool {
    // Looked up with the order between ("查下1004号的物流 谢谢"): the verb a few characters
    // before the parcel's word, no money in it (not "帮我查一下你们一般发什么快递", "快递员态度
    // 太差了 你们看一下", "我检查一下发现杯子裂了").
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let looked_up = ["物流", "快递"].iter().any(|parcel| {
        lower.match_indices(parcel).any(|(at, _)| {
            let at = lower[..at].chars().count();
            let before: String = chars[at.saturating_sub(8)..at].iter().collect();
            [
                "查下",
                "查一下",
                "查查",
                "看下",
                "看一下",
                "帮我查",
                "帮忙查",
            ]
            .iter()
            .any(|v| before.contains(v))
                && !before.contains("检查")
                && !["什么", "哪家", "哪个"].iter().any(|w| before.ends_with(w))
        })
    }) && !mentions(
        &lower,
        &[
            "退款",
            "退钱",
            "退货",
            "退回",
            "快递员",
            "快递费",
            "快递小哥",
        ],
    );
    looked_up
        || mentions(
            &lower,
            &[
                "查物流",
                "查下物流",
                "查一下物流",
                "查查物流",
                "看下物流",
                "看一下物流",
                "看看物流",
                "查快递",
                "查下快递",
                "查一下快递",
                "物流信息",
                "track my order",
                "track my parcel",
                "track my package",
                "track an order",
                "track a parcel",
                "tracking info",
            ],
        )
}

/// Whether `text` asks what state an order is in ("那我的订单现在什么状态 again?", "what's the
/// status of it").
pub fn asks_its_status(text: &str) -> bool {
    // "我就想知道1004到底怎么回事": what is going on with an order written just before it (not
    // "你们网站到底怎么回事", nor "我的优惠券到底怎么回事").
    let of_the_order = text.match_indices("到底怎么回事").any(|(at, _)| {
        text[..at]
            .chars()
            .rev()
            .take(3)
            .any(|c| c.is_ascii_digit() || "单递裹货流".contains(c))
    });
    // Where the goods are now, asked ("1004, sam@example.com. just tell me where they are,
    // that's all I want"; not "tell me where they are made", "where my order is going").
    let lower = text.to_lowercase();
    let where_now = [
        "tell me where they are",
        "tell me where it is",
        "where my hoodies are",
        "where my order is",
        "where my stuff is",
    ]
    .iter()
    .any(|w| {
        lower.match_indices(w).any(|(at, w)| {
            let rest = lower[at + w.len()..].trim_start();
            !["made", "from", "sold", "going", "shipped", "being", "sent"]
                .iter()
                .any(|n| rest.starts_with(n))
        })
    });
    where_now
        || of_the_order
        || mentions(
        text,
        &[
            "什么状态",
            "啥状态",
            "状态是",
            "到哪了",
            "到哪里了",
            "到哪儿了",
            "the status",
            "its status",
            "status of",
            "status on",
            "where is it now",
            "where's it at",
            // "order no. 1001, the one going ups, any news?"
            "any news",
            "any update",
            // "actually forget that — what's happening with order 1004"
            "what's happening with",
            "whats happening with",
            "what's happening w ",
            "whats happening w ",
            "what's going on with",
            "whats going on with",
            // "so... the bottle. no. 1002. any movement?"
            "any movement",
            // "and the expected date again?".
            "expected date again",
            "any progress",
            "news on",
            "有消息吗",
            "有进展吗",
            // "did 1002 ship or not. yes or no"
            "ship or not",
            "shipped or not",
            "发了没",
            "发货了没",
        ],
    ) || super::language::word_then_word(
        text,
        &["did", "has"],
        &["ship", "shipped", "left", "leave"],
        2,
    )
        // "i just want to know if my bottle shipped".
        || (says_word(text, &["shipped"])
            && mentions(
                text,
                &[
                    "know if",
                    "see if",
                    "check if",
                    "tell me if",
                    "wondering if",
                    "know whether",
                ],
            ))
}

#[cfg(test)]
#[path = "delivery_words_tests.rs"]
mod tests;
