//! The shop's answers asked in words the model reads as something else: a company invoice,
//! how long refunds take, the return window, what shipping costs; "ok" acknowledging,
//! values alone with nothing asked, and a return asked for its money. Tried by `routing.rs`
//! after the complaints and before the orders. Pure.

use kefu_intent::OUT_OF_SCOPE;
use kefu_intent::slots::SlotKind;

use super::delivery_words;
use super::destinations::names_a_destination;
use super::language::mentions;
use super::refund_words::{self, asks_for_money_back};
use super::replies::{self, Line};
use super::return_words;
use super::routing_heard::{
    CANCEL_ORDER, CHANGE_ADDRESS, DELIVERY_OPTIONS, GET_REFUND, Heard, PRODUCT_INFO, SUPPLIED,
    TRACK_ORDER,
};
use super::routing_money;
use super::shipping_words;
use super::supplied::only_values;

/// The shop's answer `h` asks for, settled, if the model read it as something else.
pub(super) fn policies<'a>(h: &Heard<'a>) -> Option<(&'a str, bool)> {
    let Heard {
        ctx,
        u,
        text,
        order_number,
        named,
        written,
        ..
    } = *h;
    let takes_order_number = |intent: &str| h.takes_order_number(intent);
    Some(match () {
        // A card misused at another shop, told as the reason to ask how to pay here ("上次在
        // 别家买东西卡被盗刷过，有点怕了，你们这儿支付宝能付不"): the ways to pay.
        _ if matches!(
            u.prediction.intent.as_str(),
            OUT_OF_SCOPE | "payment_issue" | "complaint" | "check_payment_methods"
        ) && super::policy::misused_elsewhere_asks_how_to_pay(&text.to_lowercase()) =>
        {
            ("check_payment_methods", true)
        }
        // A way to pay named and asked about beside a remark ("my lawyer friend swears by your
        // shirts haha. do you take apple pay?", read as out of scope or the shirts): the ways
        // to pay.
        _ if matches!(
            u.prediction.intent.as_str(),
            OUT_OF_SCOPE | "product_info" | "product_availability" | "complaint"
        ) && order_number.is_none()
            && super::policy::asks_how_to_pay(&text.to_lowercase())
            && super::cues::names_a_payment_method(&text.to_lowercase())
            && !mentions(text, &["so long", "refund", "退款", "why do you"]) =>
        {
            ("check_payment_methods", true)
        }
        // Another way to pay asked after the ways to pay ("do you take alipay?" → "and apple
        // pay for me here?"): the same answer.
        _ if ctx.last_intent() == Some("check_payment_methods")
            && order_number.is_none()
            && text.contains(['?', '？'])
            && super::cues::names_a_payment_method(&text.to_lowercase())
            && !mentions(text, &["refund", "退款", "charged", "扣"]) =>
        {
            ("check_payment_methods", true)
        }
        // A company invoice asked for, read as where to find an invoice ("怎么开公司抬头的发票"):
        // the company invoice.
        // Read as something the FAQ does not answer, the invoice named ("is there an invoice
        // somewhere in the confirmation email? Accounting wants one with our company name on
        // it", heard as a sign-up problem): the same. (Beside a question the FAQ answers, "can
        // I pay with apple pay, and can I get a company invoice", the FAQ answers both.)
        _ if (u.prediction.intent == "check_invoice"
            // Its details given after a company invoice was the answer ("要有公司抬头的,
            // company name and tax number on it").
            || (ctx.last_intent() == Some("get_invoice")
                && mentions(
                    &text.to_lowercase(),
                    &["抬头", "税号", "tax number", "vat", "company name", "公司名"],
                ))
            || (mentions(text, &["invoice", "发票"])
                && !ctx
                    .faq()
                    .iter()
                    .any(|e| e.intent.as_deref() == Some(u.prediction.intent.as_str()))))
            && mentions(
                text,
                &[
                    "company",
                    "business invoice",
                    "vat",
                    "公司",
                    "抬头",
                    "税号",
                    "增值税",
                    "专票",
                ],
            )
            // The delivery date of an order named, wanted for an expense claim ("帮我看下1004
            // 号是几号签收的 公司报销要填日期"): its status, not an invoice.
            && !(u.slot(SlotKind::OrderNumber).is_some()
                && super::arrival_words::asks_when_delivered(text)
                && !mentions(
                    text,
                    &["invoice", "receipt", "发票", "专票", "开票", "抬头", "税号"],
                )) =>
        {
            ("get_invoice", true)
        }
        // The parcel to be refused at the door, the order past cancelling ("已经发出来了啊…那送
        // 到的时候我拒收行不行"): what the shop does with goods sent back, its returns.
        _ if mentions(
            &text.to_lowercase(),
            &[
                "拒收",
                "拒签",
                "refuse the delivery",
                "refuse delivery",
                "refuse the parcel",
                "refuse the package",
                "reject the parcel",
                "reject the package",
                "refuse it at the door",
            ],
        ) && mentions(
            &text.to_lowercase(),
            &[
                "行不行",
                "可以吗",
                "能不能",
                "可不可以",
                "行吗",
                "can i",
                "could i",
                "is it ok",
                "what if",
                "what happens if",
            ],
        ) && !mentions(
            &text.to_lowercase(),
            &["已经拒收", "拒收了", "i refused", "already refused"],
        ) && ctx
            .faq()
            .iter()
            .any(|e| e.intent.as_deref() == Some("return_item")) =>
        {
            ("return_item", true)
        }
        // How long a refund takes, with no order named ("How long do refunds take to come
        // back to my card? I sent the cap back last week"), read as a refund's progress or
        // torn between that and the policy ("how long do refunds take to show up once you've
        // approved one?"): the shop's refund times, not a question for the order number.
        _ if matches!(
            u.prediction.intent.as_str(),
            "track_refund" | "check_refund_policy"
        ) && refund_words::asks_how_long(text)
            && !return_words::asks_about_the_return_window(text)
            && ((order_number.is_none() && ctx.remembered.order_number.is_none())
                // The goods sent back and the times asked ("mailed the cap back on monday
                // (it was #1003) … how long until the money lands back on my card?").
                || return_words::says_sent_back(text)
                // Asked right after a return's steps were told ("and how long till the
                // money's back?"): the times of the refund to come, not one made.
                || (matches!(
                    ctx.last_intent(),
                    Some("return_item" | "check_refund_policy")
                ) && !refund_words::asks_after_a_refund(text)))
            && ctx
                .faq()
                .iter()
                .any(|e| e.intent.as_deref() == Some("check_refund_policy")) =>
        {
            ("check_refund_policy", true)
        }
        // How long the shopper has to return something, whatever the model heard ("tui huo
        // you shi jian xian zhi ma? 收到以后多久内可以退", "那退货期限到什么时候"): the shop's
        // return policy, not a refund's progress or delivery times.
        _ if return_words::asks_about_the_return_window(text)
            && !asks_for_money_back(text)
            && ctx
                .faq()
                .iter()
                .any(|e| e.intent.as_deref() == Some("check_refund_policy")) =>
        {
            ("check_refund_policy", true)
        }
        // What else can be done, asked while a cancellation is the matter ("oh it already
        // came? ugh ok so what are my options"): the return policy, the way left.
        // So is it about an order already delivered ("your 'relaxed fit' hoodies are a
        // joke…", then "order1004, sam@example.com. what are my options here").
        _ if (ctx.conversation.pending_intent.as_deref() == Some(CANCEL_ORDER)
            || ctx.last_intent() == Some(CANCEL_ORDER)
            || (ctx.conversation.pending_intent.is_none()
                && named
                    .and_then(|n| ctx.order(n))
                    .is_some_and(|o| o.status == "delivered")))
            && mentions(
                text,
                &[
                    "what are my options",
                    "what options",
                    "what can i do",
                    "what else can i do",
                    "那怎么办",
                    "还有什么办法",
                    "有什么办法",
                ],
            )
            && ctx
                .faq()
                .iter()
                .any(|e| e.intent.as_deref() == Some("check_refund_policy")) =>
        {
            ("check_refund_policy", true)
        }
        // "ok" / "yes" with nothing awaiting an answer acknowledges what was said.
        _ if replies::acknowledges(text) => ("thanks", true),
        // Nothing but an order number or an email, with nothing asked: never a greeting or
        // a guess; the shopper is asked what to do with it. Asked that already and sent
        // more values instead ("1004", then "sam@example.com"): the order's whereabouts,
        // what a shopper feeding in their order's details nearly always wants, not the same
        // question twice.
        // Sent just after the refund or return policy was told ("帽子收到了 戴上不太好看 能退款
        // 吗", then "订单是1003"): the refund on that order, the shopper's wish the policy
        // answered (the plugin says whether it can, and the shopper confirms).
        _ if only_values(u, false) => {
            let again = ctx.last_intent() == Some(SUPPLIED)
                && named.is_some()
                && takes_order_number(TRACK_ORDER);
            let after_the_policy = matches!(
                ctx.last_intent(),
                Some("check_refund_policy" | "return_item")
            ) && (order_number.is_some()
                // The order named with the wish, its email sent after the steps ("I'd like
                // to send back the navy cap from order 1003", then "carlos@example.com").
                || (named.is_some() && u.slot(kefu_intent::slots::SlotKind::Email).is_some()))
                && takes_order_number(GET_REFUND);
            // Another number sent after one that was not found ("哦哦不好意思，记错了，是1002"):
            // the request it was for, on the number corrected.
            let corrected = order_number.is_some()
                && ctx.last_bot.as_ref().is_some_and(|(text, _)| {
                    [Line::OrderNotFound, Line::OfferHuman]
                        .iter()
                        .any(|l| ctx.is_line(text, *l, u.lang))
                })
                && ctx
                    .last_intent()
                    .is_some_and(|last| last != SUPPLIED && takes_order_number(last));
            // An order number sent just after the delivery times were told ("我那个水杯啥时候
            // 发货啊", then "订单号 1002，邮箱 …"): that order's own whereabouts.
            let after_the_times = ctx.last_intent() == Some("delivery_period")
                && order_number.is_some()
                && takes_order_number(TRACK_ORDER);
            if after_the_policy {
                (GET_REFUND, true)
            } else if after_the_times {
                (TRACK_ORDER, true)
            } else if corrected {
                (ctx.last_intent().unwrap_or(TRACK_ORDER), true)
            } else {
                (if again { TRACK_ORDER } else { SUPPLIED }, true)
            }
        }
        // Values given in a sentence the model reads as a complaint ("my email is
        // sam@example.com and this is about 1004"), calmly: they tell nothing wrong, so the
        // shopper is asked what to do with them rather than queued for a person.
        _ if u.prediction.intent == "complaint" && !u.upset && only_values(u, true) => {
            (SUPPLIED, true)
        }
        // Money back asked for on an order the shopper named, read as a return: the refund
        // (routing_money.rs).
        _ if routing_money::returned_for_money_back(
            u,
            order_number.is_some(),
            takes_order_number,
        ) =>
        {
            (GET_REFUND, true)
        }
        // "How much is shipping if my order is like $40?", no order named in it: what
        // delivery costs (the shop's options), not its times, nor a known order's whereabouts.
        // "那改成加急要加多少钱" heard as an address change is the same question: no address
        // is written in it.
        // A shipping fee charged, read as a payment problem ("your checkout charged me $5
        // shipping even though my cart was over $50"), is the same question.
        // So is "if i only spend like 40 bucks do i pay for shipping", read as the ways to pay.
        _ if (matches!(
            u.prediction.intent.as_str(),
            "delivery_period"
                | DELIVERY_OPTIONS
                | OUT_OF_SCOPE
                | "payment_issue"
                | "check_payment_methods"
        ) || (u.prediction.intent == CHANGE_ADDRESS
            && written.is_none()
            && shipping_words::names_a_shipping_option(text))
            // "and what does the fast option cost", read as a product's question, none named.
            || (u.prediction.intent == PRODUCT_INFO
                && !ctx.names_product
                && shipping_words::names_a_shipping_option(text))
            // "what do you charge for shipping if my basket is around 40 bucks", read as the
            // refund policy: nothing in it is sent back.
            || (u.prediction.intent == "check_refund_policy"
                && !mentions(text, &["refund", "return", "send back", "send it back", "退"])))
            && order_number.is_none()
            && shipping_words::asks_what_shipping_costs(text)
            // How long it takes abroad is asked too ("寄到澳大利亚要多久，运费多少啊"): the
            // international delivery times answer first.
            && !(names_a_destination(text) && refund_words::asks_how_long(text)) =>
        {
            (DELIVERY_OPTIONS, true)
        }
        // How long delivery abroad takes, the model torn between that and something else ("等
        // 一下 wait — 寄到中国要多久? if it's not too slow I'll keep it"): the shop's delivery
        // abroad.
        _ if order_number.is_none()
            && written.is_none()
            && names_a_destination(text)
            && refund_words::asks_how_long(text)
            && !asks_for_money_back(text)
            && ctx.faq().iter().any(|e| {
                matches!(
                    e.intent.as_deref(),
                    Some("delivery_period" | DELIVERY_OPTIONS)
                )
            })
            && u.prediction
                .top
                .iter()
                .take(2)
                .any(|(i, _)| matches!(i.as_str(), "delivery_period" | DELIVERY_OPTIONS)) =>
        {
            ("delivery_period", true)
        }
        // Whether the shop sends abroad at all, asked after an order was the matter ("diff
        // question: do you ship to Australia? my brother wants one"): the shop's delivery
        // abroad, not that order's address.
        // So is it with a product named, the model leaning weakly to it ("好吧 那帽子能寄到澳洲
        // 吗"): the goods are known, where they can go is asked.
        _ if (matches!(
            u.prediction.intent.as_str(),
            "delivery_period" | DELIVERY_OPTIONS
        ) || (matches!(
            u.prediction.intent.as_str(),
            "product_info" | "product_availability" | OUT_OF_SCOPE
        ) && u.prediction.confidence < 0.5))
            && order_number.is_none()
            && written.is_none()
            && names_a_destination(text)
            && mentions(
                text,
                &[
                    "do you ship",
                    "do u ship",
                    "do you guys ship",
                    "do you deliver",
                    "do you send",
                    "你们寄",
                    "你们发",
                    "能寄到",
                    "能发到",
                ],
            ) =>
        {
            (
                if u.prediction.intent == "delivery_period" {
                    "delivery_period"
                } else {
                    DELIVERY_OPTIONS
                },
                true,
            )
        }
        // A shipping option's speed asked, read as a product's question, none named ("and
        // how fast is the express option?"): the shop's delivery options.
        _ if u.prediction.intent == PRODUCT_INFO
            && !ctx.names_product
            && order_number.is_none()
            && shipping_words::names_a_shipping_option(text)
            && mentions(text, &["how fast", "how quick", "how long", "多快", "多久"]) =>
        {
            (DELIVERY_OPTIONS, true)
        }
        // Shipping charged on a small order, told in anger and read as something else ("why
        // 收了我 $5 shipping for a 22 dollar cap?? total rip off"): what delivery costs.
        _ if u.prediction.intent != DELIVERY_OPTIONS
            && order_number.is_none()
            && super::own_charges::charge_for_shipping(text)
            && mentions(
                text,
                &["收了", "charged", "charge me", "pay $", "paid $", "扣了"],
            )
            && !delivery_words::speaks_of_cancelling(text) =>
        {
            (DELIVERY_OPTIONS, true)
        }
        _ => return None,
    })
}
