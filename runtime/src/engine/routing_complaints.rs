//! Complaints, thanks, praise and product questions the model takes for one another, and
//! goods gone wrong it takes for nothing the shop does: each routed as what it is (a remark
//! by `routing_remarks.rs`), before the shop's policies and the orders (`routing.rs`). Pure.

use kefu_intent::OUT_OF_SCOPE;

use super::arrival_words;
use super::claim_words;
use super::clarify::CLARIFY_BELOW;
use super::complaint_words;
use super::cues::{self, asks_about_stock};
use super::delivery_words;
use super::language::mentions;
use super::late_words::says_late;
use super::order_paid;
use super::policy_cues::thanks_for_good_news;
use super::refund_words::{self, asks_for_money_back};
use super::remark_words;
use super::return_words;
use super::routing_heard::{Heard, PRODUCT_AVAILABILITY, PRODUCT_INFO, TRACK_ORDER};
use super::supplied::only_values;
use super::wrong_goods_words;

/// What `h` is, settled, if the model took a complaint, thanks, praise or a product question
/// for one another, or goods gone wrong for nothing the shop does.
pub(super) fn misread<'a>(h: &Heard<'a>) -> Option<(&'a str, bool)> {
    let Heard {
        ctx,
        u,
        text,
        order_number,
        named,
        remark,
        ..
    } = *h;
    let takes_order_number = |intent: &str| h.takes_order_number(intent);
    // Money asked back for goods gone wrong on an order named is the refund the merchant's
    // plugin proposes, not a complaint ("so the cap in #1003 shrank after one wash, it's
    // basically a toddler cap now. money back?").
    let money_asked = named.is_some() && h.money_back == Some(super::routing_heard::GET_REFUND);
    // A calm question asked mid-sentence about one of the shop's products named, telling
    // nothing wrong, not late, not disappointed ("ok and totally unrelated but is the grey
    // hoodie a zip-up or a pullover"; not "so... my parcel? the hoodie+tee one", nor "卫衣洗
    // 一次就起球 138块钱就这质量？").
    // A question in form: a question mark, a clause asking, or a choice between two ("is the
    // grey hoodie a zip-up or a pullover").
    let in_question_form = text.contains(['?', '？'])
        || cues::asks_in_any_clause(text)
        || (mentions(text, &[" is the ", " are the ", " does the ", " do the "])
            && text.contains(" or "));
    let asks_of_a_product_named = ctx.names_product
        && in_question_form
        && claim_words::asks_telling_nothing_wrong(text)
        && !asks_for_money_back(text)
        && !return_words::asks_to_send_back(text)
        && !return_words::asks_to_return_it(text)
        && !claim_words::asks_for_other_goods(text)
        && !says_late(text)
        && !complaint_words::describes_a_quality_problem(text)
        && !complaint_words::complains_without_a_claim(text)
        && !remark_words::gives_feedback(text)
        && !mentions(
            text,
            &[
                "parcel",
                "package",
                "order",
                "delivery",
                "ship",
                "arrive",
                "return",
                "refund",
                "disappoint",
                "失望",
                "快递",
                "包裹",
                "订单",
            ],
        );
    Some(match () {
        // Remarks taken for a complaint or for nothing the shop does (`routing_remarks.rs`).
        _ if remark.is_some() => (remark.unwrap_or_default(), true),
        // "我是1003号订单，carlos@example.com，帽子有点紧": goods that fit badly, nothing
        // broken, wrong or late, calmly told: the exchange policy, not a complaint queued.
        _ if u.prediction.intent == "complaint"
            && !u.upset
            && wrong_goods_words::fits_badly(text)
            && !claim_words::goods_gone_wrong(text, None)
            && !complaint_words::describes_a_quality_problem(text)
            && !says_late(text) =>
        {
            ("return_item", true)
        }
        // "你们的帽子有几种颜色" read as a complaint: a calm question about a product, with
        // nothing told of goods gone wrong, is that product's question. So is one read as a
        // greeting or thanks for the laugh before it ("哈哈好吧 那你们卫衣保暖吗").
        _ if (u.prediction.intent == "complaint"
            || (matches!(u.prediction.intent.as_str(), "greeting" | "thanks")
                && asks_of_a_product_named))
            && !u.upset
            && order_number.is_none()
            && (cues::is_a_question(text)
                || cues::asks_about_fit(text)
                || mentions(text, &["几", "多少", "什么", "哪", "有没有"])
                || asks_of_a_product_named)
            && (cues::asks_about_a_product_at_all(text) || asks_of_a_product_named)
            && (claim_words::only_asks(text) || asks_of_a_product_named)
            && ctx.served(PRODUCT_INFO).is_some() =>
        {
            if asks_about_stock(text) {
                (PRODUCT_AVAILABILITY, true)
            } else {
                (PRODUCT_INFO, true)
            }
        }
        // Goods asked to be sent back, read as a question about the product ("ok cool. can I
        // still send one of the hoodies back?"): a return.
        _ if matches!(
            u.prediction.intent.as_str(),
            PRODUCT_INFO | PRODUCT_AVAILABILITY
        ) && return_words::asks_to_send_back(text)
            && !asks_for_money_back(text) =>
        {
            ("return_item", true)
        }
        // "this bot is useless" read as a product question, from an upset shopper: no
        // product named, nothing asked about one. The complaint is taken in.
        _ if matches!(
            u.prediction.intent.as_str(),
            PRODUCT_INFO | PRODUCT_AVAILABILITY
        ) && u.upset
            && !ctx.names_product
            && order_number.is_none()
            && !cues::asks_about_a_product_at_all(text)
            && !remark_words::checks_a_figure(text) =>
        {
            ("complaint", true)
        }
        // Money back turned down, read as the refund ("not after a refund really, I just think
        // someone should fix the pictures"): what the shopper tells is taken in as a
        // complaint, for a person; no refund is started.
        _ if u.prediction.intent == "get_refund"
            && refund_words::turns_down_money_back(text)
            && !claim_words::asks_to_exchange(text)
            && !claim_words::asks_for_a_replacement(text) =>
        {
            ("complaint", true)
        }
        // "forget it. useless" read as a forgotten password: nothing in it speaks of signing in.
        // The shopper gives up; what the bot cannot help with is said, a person offered.
        _ if u.prediction.intent == "recover_password" && !cues::speaks_of_signing_in(text) => {
            (OUT_OF_SCOPE, true)
        }
        // "我的订单1004 arrived fine, thanks" read as a complaint: thanks, not a complaint
        // handed to a person.
        // A question about an order, thanked for in advance ("Could you tell me when order1002
        // will ship? Thanks so much :)"), read as thanks: the order's whereabouts.
        _ if u.prediction.intent == "thanks"
            && text.contains(['?', '？'])
            && named.is_some()
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // The order's carrier or tracking asked again, read as a complaint ("cheers. which
        // carrier was it again, my neighbour asked"): the order's whereabouts.
        _ if u.prediction.intent == "complaint"
            && named.is_some()
            && delivery_words::asks_for_tracking(text)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // Thanks or praise with a question about an order named, read as a complaint ("ok
        // nice. unrelated, did 1004 actually arrive?", "Could you tell me whether order #1002
        // has left your warehouse yet? … Thank you so much."): the order's whereabouts.
        _ if u.prediction.intent == "complaint"
            && !u.upset
            && order_number.is_some()
            && text.contains(['?', '？'])
            && (thanks_for_good_news(text) || super::policy_cues::speaks_well(text))
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // Praise without thanks, read as a complaint ("哈哈好的,你们客服回得还挺快"): the same.
        // ("fine. the cap from 1003 is already falling apart" tells of goods gone wrong.)
        // Heard as upset, praise in Chinese or with a smile ("没事，就想说你们的T恤真的好舒服😄")
        // is still praise: sarcasm in English keeps its upset ("great, love that for me").
        // (Goods praised as bought again: "哈哈 你们的T恤真的绝了 我已经买第三件了".)
        _ if u.prediction.intent == "complaint"
            && (!u.upset
                || ((super::policy_cues::speaks_well(text)
                    || super::remark_words::praises_the_goods(text))
                    && u.slots.is_empty()
                    && !mentions(text, &["呵呵", "无语", "服了"])
                    && (text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                        || mentions(text, &["😄", "😊", "🙂", "😁", "❤", "👍", "哈哈"]))))
            && !says_late(text)
            && !claim_words::goods_gone_wrong(text, u.topic)
            && !complaint_words::describes_a_quality_problem(text)
            && (thanks_for_good_news(text)
                || ((super::policy_cues::speaks_well(text)
                    || super::remark_words::praises_the_goods(text))
                    && !cues::is_a_question(text))) =>
        {
            ("thanks", true)
        }
        // A complaint the model leans to, from a shopper who sounds upset ("they're already
        // pilling after one wash. really disappointed"): taken in as a complaint, not asked
        // "which of these do you mean?".
        // (Lateness or the order asked after is the order's whereabouts, with its apology;
        // what was paid for it, its total.)
        // A question about the goods from someone with a condition, heard as a complaint ("我对羊毛
        // 过敏，你们的T恤是什么材质的？"): the product, asked before buying.
        _ if u.prediction.intent == "complaint"
            && claim_words::asks_before_buying(text)
            && super::harm_cues::a_condition_asked_about(&text.to_lowercase()) =>
        {
            (PRODUCT_INFO, true)
        }
        // Let go of with a shrug ("lol ok not your department I guess"): nothing to take in.
        _ if u.prediction.intent == "complaint"
            && mentions(
                &text.to_lowercase(),
                &[
                    "not your department",
                    "not your fault",
                    "not your problem",
                    "fair enough",
                    "no worries",
                    "不怪你",
                    "不是你的问题",
                ],
            )
            && text.chars().count() <= 60 =>
        {
            ("thanks", true)
        }
        _ if u.prediction.intent == "complaint"
            && u.upset
            && !thanks_for_good_news(text)
            && !says_late(text)
            && !delivery_words::asks_to_look_up_an_order(text)
            && !delivery_words::asks_its_status(text)
            && !(arrival_words::asks_if_it_came(text) && claim_words::only_asks(text))
            && !order_paid::asks_its_total_or_items(text)
            // Only values, however it sounds ("oh sure, it's li.wei@example.com").
            && !only_values(u, false) =>
        {
            ("complaint", true)
        }
        // Swapping for another size or colour, the model torn between a return and something
        // else ("if the hoodie doesnt fit can i swap it for another size"): the return and
        // exchange policy, or the return itself when an order is named.
        _ if claim_words::asks_to_exchange(text)
            // "Can I get a refund for order 1004? … he doesn't want an exchange": the refund.
            // So is money asked for instead of a swap ("Would it be possible to get my money
            // back rather than swap it?"), no order named yet.
            && !(asks_for_money_back(text)
                && (named.is_some() || refund_words::requests_it(text)))
            // What came is not what was ordered ("I ordered two hoodies in L, but one of them
            // is an XS. Can I swap it?"): a wrong item, not the exchange policy.
            && (!wrong_goods_words::describes_a_wrong_item(text) || wrong_goods_words::own_mistake(text))
            && (u.prediction.intent == "change_order"
                || u.prediction
                    .top
                    .iter()
                    .take(2)
                    .any(|(i, _)| i == "return_item")) =>
        {
            ("return_item", true)
        }
        // Goods that wore badly in use ("The hoodies from 1004 shrank two sizes after ONE
        // cold wash. At 69 each that's ridiculous"), read as a change, a product question or
        // out of scope: a complaint about the goods, taken in for a person (which order is
        // asked if none is known). Without an order, told, not asked before buying ("will it
        // shrink?").
        // (How to wash it so it does not shrink, asked, is care: "卫衣咋洗不缩水".)
        _ if (named.is_some()
            || !(claim_words::asks_before_buying(text)
                || (cues::asks_how_to_care(text)
                    && (cues::is_a_question(text)
                        || mentions(text, &["咋", "怎么", "如何", "how do", "how to"])))))
            && complaint_words::describes_a_quality_problem(text)
            && (matches!(
                u.prediction.intent.as_str(),
                OUT_OF_SCOPE | "complaint" | "change_order" | "product_info"
            ) || u.prediction.confidence < CLARIFY_BELOW)
            && !money_asked =>
        {
            ("complaint", true)
        }
        // Feedback to pass on, nothing asked ("no problem with an order, just telling you
        // it's bad", "I'd like that feedback passed on to someone"): taken in as a complaint,
        // which reaches a person with its summary.
        // How the courier left a parcel that came ("left my parcel on the doorstep in the
        // pouring rain — no knock, no photo"): a complaint about the service.
        _ if complaint_words::complains_of_the_courier(text) => ("complaint", true),
        // So is a complaint outright that tells of nothing damaged, wrong or missing ("提个意见
        // 包装太简陋了 1004的盒子都破了 东西倒是没坏").
        // (Lateness complained of is the order's whereabouts, with its apology.)
        _ if (remark_words::gives_feedback(text)
            || (complaint_words::complains_without_a_claim(text) && !says_late(text)))
            && !thanks_for_good_news(text)
            && !super::policy_cues::speaks_well(text)
            && !money_asked
            && (matches!(
                u.prediction.intent.as_str(),
                OUT_OF_SCOPE | "complaint" | "product_info" | "review"
            ) || u.prediction.confidence < CLARIFY_BELOW) =>
        {
            ("complaint", true)
        }
        // Goods of a named order asked to be replaced, read as nothing the shop does ("I dont
        // want the FAQ, I want my hoodies from #1004 replaced"): the bot sends no
        // replacements, so the complaint is taken in and reaches a person with its summary.
        _ if named.is_some()
            && claim_words::asks_for_a_replacement(text)
            && (matches!(u.prediction.intent.as_str(), OUT_OF_SCOPE | "complaint")
                || u.prediction.confidence < CLARIFY_BELOW) =>
        {
            ("complaint", true)
        }
        _ => return None,
    })
}
