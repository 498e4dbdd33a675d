//! Questions about one order the model reads as something else: what was paid, when it
//! ships or arrives, its tracking, its lateness, money asked back, a cancellation in so many
//! words, a refund not come; and the model torn between acting on the order named and
//! something else. The last rules `routing.rs` tries. Pure.

use kefu_intent::OUT_OF_SCOPE;

use super::arrival_words;
use super::cancel_words;
use super::claim_words;
use super::clarify::{CLARIFY_BELOW, torn_towards_the_order};
use super::cues::asks_about_stock;
use super::delivery_words;
use super::destinations::names_a_destination;
use super::language::mentions;
use super::late_words::says_late;
use super::order_paid;
use super::policy_cues::thanks_for_good_news;
use super::refund_words;
use super::return_words;
use super::routing_heard::{CANCEL_ORDER, CHANGE_ADDRESS, GET_REFUND, Heard, TRACK_ORDER};
use super::shipping_words;

/// What `h` asks of an order, and whether it is settled, if the model read it as something else.
pub(super) fn about_the_order<'a>(h: &Heard<'a>) -> Option<(&'a str, bool)> {
    let Heard {
        ctx,
        u,
        text,
        order_number,
        named,
        money_back,
        ..
    } = *h;
    let takes_order_number = |intent: &str| h.takes_order_number(intent);
    Some(match () {
        // A parcel's tracking number given with no request the model could place ("USPS
        // 9400111899223344556677 says something but idk what it means"): the order it was
        // sent for, looked up.
        _ if order_number.is_some()
            && money_back.is_none()
            && u.slot(kefu_intent::slots::SlotKind::OrderNumber).is_none()
            && kefu_intent::slots::tracking_numbers(text).iter().any(|t| {
                ctx.orders
                    .iter()
                    .any(|o| o.tracking_number.as_deref() == Some(t))
            })
            && matches!(
                u.prediction.intent.as_str(),
                OUT_OF_SCOPE | "delivery_period" | "delivery_options" | "greeting" | "thanks"
            )
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // What was paid for an order named now or earlier ("and remind me what I paid for
        // mine again?"), whatever the model read: the order looked up, its total beside it.
        _ if order_paid::asks_its_total_or_items(text)
            && named.is_some()
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "When will it ship?" about an order the shopper named (now or earlier) is a
        // question about that order, not the shop's delivery times in general; "did it
        // arrive?" or its tracking number asked is nothing else.
        _ if matches!(
            u.prediction.intent.as_str(),
            "delivery_period" | "delivery_options"
        ) && named.is_some()
            && !(order_number.is_none()
                && (names_a_destination(text)
                    || shipping_words::names_a_shipping_option(text)
                    // The order set aside ("actually never mind that. do you guys ship to
                    // Osaka? sending a present to a friend"): the shop's delivery asked.
                    || super::set_aside::sets_aside(text)))
            && takes_order_number(TRACK_ORDER) =>
        {
            (
                TRACK_ORDER,
                arrival_words::asks_when_delivered(text)
                    // "did that actually get delivered or is the UPS site just making stuff
                    // up": whether it came.
                    || arrival_words::asks_if_it_came(text)
                    || delivery_words::asks_for_tracking(text)
                    || delivery_words::asks_when_it_ships(text)
                    // "I just want to know if 1002 shipped": looked up in so many words.
                    || delivery_words::asks_to_look_up_an_order(text)
                    || says_late(text),
            )
        }
        // "我的帽子啥时候能到啊", no order named: the shopper's own order, whose number is
        // asked for, not the shop's delivery times.
        _ if u.prediction.intent == "delivery_period"
            && named.is_none()
            && delivery_words::asks_when_own_goods_arrive(text)
            && !shipping_words::names_a_shipping_option(text)
            && !names_a_destination(text)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "Would like to know when it will be sent out. Order no. 1002", read as its
        // cancellation: nothing in it cancels or gives up the order, so it is the order's
        // whereabouts, never a cancellation proposed.
        _ if u.prediction.intent == CANCEL_ORDER
            && named.is_some()
            && delivery_words::asks_when_it_ships(text)
            && !delivery_words::speaks_of_cancelling(text)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // Money back asked for, however the model read it: the refund, or an unshipped order's
        // cancellation (routing_money.rs).
        _ if money_back.is_some() => (money_back.unwrap_or(GET_REFUND), true),
        // Asked whether an order named may go back, read as a change to it or nothing the
        // shop does ("对了，1003号订单能退吗", "想退1003那顶帽子，戴着有点紧"): the return, not
        // "which of these do you mean?" (its email next starts the refund).
        _ if named.is_some()
            && return_words::asks_to_return_it(text)
            && matches!(
                u.prediction.intent.as_str(),
                OUT_OF_SCOPE | "change_order" | "return_item" | "product_info" | "complaint"
            ) =>
        {
            ("return_item", true)
        }
        // A cancellation asked for in so many words, read as its policy or anything else
        // ("right, then cancel it", "is it too late to cancel??"): the cancellation itself
        // (the plugin says whether the order still can be).
        // (Read as an address change, only with no address in it: "changed my mind on the
        // water bottle. 1002, kill it before it ships pls".)
        _ if cancel_words::asks_to_cancel_an_order(text)
            && !matches!(
                u.prediction.intent.as_str(),
                GET_REFUND | "contact_human_agent"
            )
            // ("Hmm actually keep the old address, sorry. Cancel the whole thing instead."
            // keeps the address and cancels.)
            && (u.prediction.intent != CHANGE_ADDRESS
                || h.written.is_none()
                    && (!mentions(
                        &text.to_lowercase(),
                        &[
                            "address",
                            "地址",
                            "deliver to",
                            "send it to",
                            "ship it to",
                            "ship to",
                        ],
                    ) || mentions(
                        &text.to_lowercase(),
                        &[
                            "keep the old address",
                            "keep the address",
                            "keep my old address",
                            "keep the original address",
                            "地址不改",
                            "不改地址",
                            "还是原来的地址",
                        ],
                    )))
            && takes_order_number(CANCEL_ORDER) =>
        {
            (CANCEL_ORDER, true)
        }
        // Whether the shopper's own goods have shipped, no order named yet and read as out
        // of scope ("i just want to know if my bottle shipped"): the order's whereabouts,
        // its number asked for.
        // So is whether they came, read as a refund's progress with no money in it ("我的帽子
        // 寄到了没有啊").
        // So is whether they came asked by someone away, read as a complaint ("在吗 我的帽子到了
        // 没 我在出差家里没人"), nothing wrong told.
        _ if named.is_none()
            && (u.prediction.intent == OUT_OF_SCOPE
                || (u.prediction.intent == "track_refund"
                    && !mentions(text, &["退", "refund", "money", "钱"]))
                || (u.prediction.intent == "complaint"
                    && !mentions(
                        &text.to_lowercase(),
                        &["退", "refund", "money", "钱", "return", "sent back", "寄回"],
                    )
                    && arrival_words::asks_if_it_came(text)
                    && !super::claim_words::goods_gone_wrong(text, None)
                    && !super::claim_words::describes_a_missing_parcel(text)
                    && !super::late_words::says_late(text)))
            && (delivery_words::asks_its_status(text)
                || arrival_words::asks_if_it_came(text)
                || delivery_words::asks_to_look_up_an_order(text))
            // ("帮我瞅一眼我那个保温杯发出来没": the shopper's own, said as "that one of mine".)
            && mentions(text, &["my ", "我的", "我那个", "我那件", "我那顶", "我买的"])
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // An order named and news of it asked, read as a refund's progress with no refund in
        // it or before it ("hey any news on #1002?? its been like 5 days since i paid"): the
        // order's whereabouts.
        _ if u.prediction.intent == "track_refund"
            && order_number.is_some()
            && (delivery_words::asks_its_status(text) || delivery_words::asks_to_track(text))
            && !mentions(
                &text.to_lowercase(),
                &[
                    "退",
                    "refund",
                    "money",
                    "钱",
                    "return",
                    "credit",
                    "reimburs",
                    "chargeback",
                    "到账",
                    "款",
                    "块",
                    "元",
                    "$",
                    "bucks",
                    "card",
                    "bank",
                    "account",
                    "sent back",
                    "paid back",
                    "寄回",
                ],
            )
            && !matches!(
                ctx.last_intent(),
                Some("get_refund" | "track_refund" | "return_item" | "check_refund_policy")
            )
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // A refund not come ("why my refund for 1003 still hasn't arrived"): its progress.
        _ if refund_words::refund_not_come(text)
            && matches!(
                u.prediction.intent.as_str(),
                "track_order" | "complaint" | OUT_OF_SCOPE
            )
            && ctx.served("track_refund").is_some() =>
        {
            ("track_refund", true)
        }
        // Whether a return went through, read as how to return ("all I want to know is
        // whether the return for my cap went through. 1003"): the refund's progress.
        _ if u.prediction.intent == "return_item"
            && refund_words::asks_after_a_refund(text)
            && !return_words::asks_to_send_back(text)
            && ctx.served("track_refund").is_some() =>
        {
            ("track_refund", true)
        }
        // "It was meant to be here on the 26th" about a known order, or thanked for in a sneer
        // ("wow. expected by the 26th. love that for me"): where it is, not a complaint.
        _ if (matches!(
            u.prediction.intent.as_str(),
            "track_order" | "complaint" | "out_of_scope" | "delivery_period" | "delivery_options"
        ) || (u.prediction.intent == "thanks"
            && (u.upset || !thanks_for_good_news(text))))
            && named.is_some()
            && says_late(text)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "When was it delivered?", "那UPS单号是多少", "ok 那我的订单现在什么状态 again?", "roughly
        // when my water bottle will be sent out?" about an order already named: its status (carrier, tracking number, delivery date) answers
        // it.
        _ if named.is_some()
            && (arrival_words::asks_when_delivered(text)
                || delivery_words::asks_for_tracking(text)
                || delivery_words::asks_its_status(text)
                || arrival_words::asks_if_it_came(text)
                || delivery_words::asks_when_it_ships(text))
            && (matches!(
                u.prediction.intent.as_str(),
                "track_order" | OUT_OF_SCOPE | "delivery_period" | "delivery_options"
            ) || u.prediction.confidence < CLARIFY_BELOW
                // Asked with the order number after setting another question aside, read as
                // a goodbye ("算了这个等下再说 先帮我看下1004到了没 sam@example.com").
                || (order_number.is_some()
                    && matches!(u.prediction.intent.as_str(), "goodbye" | "greeting"))
                // The delivery date asked for an expense claim, read as the invoice
                // ("帮我看下1004号是几号签收的 公司报销要填日期").
                || (order_number.is_some()
                    && arrival_words::asks_when_delivered(text)
                    && matches!(u.prediction.intent.as_str(), "check_invoice" | "get_invoice"))
                // Calmly asked, read as a complaint ("ok never mind. what was the delivery
                // date again on the order I gave you?").
                || (u.prediction.intent == "complaint"
                    && (!u.upset
                        || ((delivery_words::asks_its_status(text)
                            || arrival_words::asks_if_it_came(text))
                            && claim_words::only_asks(text)))))
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // The tracking number asked for with no order named yet, heard as a question about
        // the goods in it ("whats the ups number for my hoodies order"), or a parcel's
        // tracking asked with a greeting and read as the greeting ("你好 想查下物流", "hi! can
        // you track my parcel"): the order's whereabouts, its number asked for.
        _ if ((delivery_words::asks_for_tracking(text)
            && matches!(
                u.prediction.intent.as_str(),
                "product_info" | "product_availability" | OUT_OF_SCOPE
            ))
            || (delivery_words::asks_to_track(text)
                && matches!(
                    u.prediction.intent.as_str(),
                    "greeting" | "thanks" | OUT_OF_SCOPE
                ))
            || ((delivery_words::asks_for_tracking(text)
                || delivery_words::asks_to_track(text))
                && u.prediction.confidence < CLARIFY_BELOW)
            // Locked out and asking the bot to look instead ("忘了账号密码 登不上去看物流 帮我
            // 查下快递单号呗"): the order looked up here needs no login.
            || ((delivery_words::asks_for_tracking(text)
                || delivery_words::asks_to_track(text))
                && (u.prediction.intent == "recover_password"
                    || (u.prediction.intent == "edit_account"
                        && mentions(text, &["登不上", "登录不了", "登不进", "can't log in", "cant log in"])))))
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "Actually I want to check my order 1003 first", "帮我查下1001": the order looked
        // up, whatever else the model hears, unless it heard another request on the order.
        // (An invoice asked for is the invoice: "那你帮我看看1003的发票在哪下载".)
        _ if named.is_some()
            && (delivery_words::asks_to_look_up_an_order(text)
                || (order_number.is_some() && delivery_words::asks_to_check(text)))
            && !mentions(
                text,
                &[
                    "发票在哪",
                    "发票怎么",
                    "下载发票",
                    "发票下载",
                    "开发票",
                    "要发票",
                    "the invoice",
                    "an invoice",
                    "my invoice",
                    "a receipt for",
                    "the receipt for",
                ],
            )
            && (!takes_order_number(&u.prediction.intent)
                || u.prediction.confidence < CLARIFY_BELOW)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "My package is late", "催单", no order named yet: the order's whereabouts too (its
        // number is asked for), unless the model hears the shop's delivery times in general
        // or is sure of another request ("your deliveries are always late" is a complaint).
        // An upset shopper quoting the shop's times back ("'3-5 days' huh. it's been about two
        // weeks. great job guys") speaks of their own order.
        // So does one still waiting on their goods, read as a complaint ("I'm still waiting on
        // a hoodie and a tshirt").
        // (A product still out of stock is its stock, not an order late: "the bottle is
        // STILL out of stock, I've been checking for weeks".)
        _ if says_late(text)
            && takes_order_number(TRACK_ORDER)
            && !(ctx.names_product
                && order_number.is_none()
                && (asks_about_stock(text)
                    || mentions(
                        text,
                        &[
                            "out of stock",
                            "back in stock",
                            "restock",
                            "缺货",
                            "没货",
                            "补货",
                        ],
                    )))
            && (matches!(
                u.prediction.intent.as_str(),
                "track_order" | "out_of_scope" | "contact_customer_service"
            ) || u.prediction.confidence < CLARIFY_BELOW
                || u.upset
                || (u.prediction.intent == "complaint"
                    && delivery_words::waits_for_their_goods(text))
                // An order named, read as something no order is part of ("my cap never
                // showed up. 1003" read as trouble signing up).
                || (order_number.is_some()
                    && u.prediction.intent != "complaint"
                    && !takes_order_number(&u.prediction.intent)
                    && !asks_about_stock(text)
                    // A product named, only with its goods said not to have come ("my cap never
                    // showed up. 1003"; not "I'll grab a cap later, does it come in navy?").
                    && (!ctx.names_product
                        || mentions(
                            text,
                            &[
                                "never showed up",
                                "never arrived",
                                "never came",
                                "hasn't arrived",
                                "hasnt arrived",
                                "still not here",
                                "没到",
                                "还没收到",
                            ],
                        ))))
            && (u.upset
                || !matches!(
                    u.prediction.intent.as_str(),
                    "delivery_period" | "delivery_options"
                )) =>
        {
            (TRACK_ORDER, true)
        }
        // Goods said to be sent back, the model torn between a refund's progress and getting
        // one ("hey so I sent the cap back last week, when do I get my money"): its progress.
        // A return asked for calmly, torn between it and a complaint ("我想退这顶帽子，戴着太紧
        // 了，订单1003"): the return.
        _ if u.prediction.confidence < CLARIFY_BELOW
            && matches!(
                u.prediction.top.as_slice(),
                [(first, _), (second, _), ..]
                    if (return_words::says_sent_back(text)
                        && [first.as_str(), second.as_str()].contains(&"track_refund")
                        && [first.as_str(), second.as_str()].contains(&GET_REFUND))
                    || (!u.upset
                        && (return_words::asks_to_send_back(text)
                            || mentions(text, &["我想退", "想退", "要退", "return it", "return this", "return the"]))
                        && [first.as_str(), second.as_str()].contains(&"return_item")
                        && [first.as_str(), second.as_str()].contains(&"complaint"))
                    // Asked in anger of an order named ("this thing is useless. simple
                    // question: can I send back the hoodies from 1004 or not"): the return.
                    || (named.is_some()
                        && return_words::asks_to_send_back(text)
                        && !refund_words::asks_for_money_back(text)
                        && first == "return_item"
                        && matches!(
                            second.as_str(),
                            "complaint" | "product_info" | "product_availability"
                        ))
            ) =>
        {
            if return_words::says_sent_back(text) {
                ("track_refund", true)
            } else {
                ("return_item", true)
            }
        }
        // "好的，那这个还能退吗？" about the order just shown, the model torn between the return
        // policy and a product none is named of: the policy. So is how long a refund takes,
        // torn between the policy and a refund's progress ("And how long does the refund
        // take once you get it?").
        // (A product named beside a return asked, "那这个帽子现在还能退吗", is the same.)
        _ if named.is_some()
            && (!ctx.names_product || mentions(text, &["退", "return", "send it back"]))
            && u.prediction.confidence < CLARIFY_BELOW
            && matches!(
                u.prediction.top.as_slice(),
                [(first, _), (second, _), ..]
                    if matches!(first.as_str(), "check_refund_policy" | "return_item")
                        && (matches!(second.as_str(), "product_info" | "product_availability")
                            || (second == "track_refund"
                                && refund_words::asks_how_long(text)))
            ) =>
        {
            (u.prediction.intent.as_str(), true)
        }
        // Torn between acting on the order the shopper named and something else: the order,
        // unless the message asks how long something takes ("how long does the refund take
        // once you get it?"): a question about the shop's times, not this order's state.
        // Never a cancellation of an order that has left the shop when the other reading is
        // a return ("and what do I do with the dino shirt, keep it? send it somewhere?" about
        // a delivered order).
        // Nor is "do you ship to Australia? my brother wants one", no order in it: the shop's
        // delivery abroad.
        _ if named.is_some()
            && !refund_words::asks_how_long(text)
            && !(order_number.is_none() && names_a_destination(text))
            && torn_towards_the_order(u, takes_order_number).is_some_and(|i| {
                i != CANCEL_ORDER
                    || !named.is_some_and(|n| ctx.has_left(n))
                    || !u
                        .prediction
                        .top
                        .iter()
                        .take(2)
                        .any(|(t, _)| t == "return_item")
            }) =>
        {
            (
                torn_towards_the_order(u, takes_order_number).unwrap_or_default(),
                true,
            )
        }
        _ => return None,
    })
}
