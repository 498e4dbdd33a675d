//! Which intent a message is about, beyond what the model says on its own: a message that
//! supplies what the bot asked for continues the pending intent; a short follow-up naming
//! another order continues the order question just answered; a clarifying question's choice
//! is that intent; a bare "ok" acknowledges; a question naming one of the shop's products
//! is about that product. When the model is torn between shop intents, the bot asks which
//! one is meant (`clarify.rs`). Pure.

use kefu_intent::OUT_OF_SCOPE;

use super::address_change::{corrected_now, proposed_address};
use super::arrival_words;
use super::cancel_words;
use super::claim_words;
use super::clarify::{CLARIFY_BELOW, torn_towards_the_order};
use super::context::TurnContext;
use super::cues::{self, asks_about_stock, says_already_told};
use super::delivery_words::{self, says_late};
use super::destinations::names_a_destination;
use super::labels;
use super::language::{is_follow_up, mentions};
use super::order_paid;
use super::policy_cues::thanks_for_good_news;
use super::refund_words::{self, asks_for_money_back};
use super::remark_words;
use super::replies;
use super::routing_money;
use super::routing_remarks;
use super::routing_values::{self, Given};
use super::shipping_words;
use super::supplied::only_values;
use super::understand::Understanding;
use super::wrong_goods_words;

/// From this confidence a message that gives what was asked for and asks something else
/// ([`route`]) is heard as that other question.
const ANOTHER_QUESTION: f32 = 0.5;

/// The intent a product question is routed to: details, or stock.
pub const PRODUCT_INFO: &str = "product_info";
/// See [`PRODUCT_INFO`].
pub const PRODUCT_AVAILABILITY: &str = "product_availability";

/// The intent of a message that only supplies values (an order number, an email) when
/// nothing was asked: the bot asks what to do with them.
pub const SUPPLIED: &str = "supplied_values";

/// The intent that answers questions about one order's whereabouts.
pub(super) const TRACK_ORDER: &str = "track_order";

/// The intent that sends an order to a new address.
const CHANGE_ADDRESS: &str = "change_shipping_address";
/// Money back for an order.
pub const GET_REFUND: &str = "get_refund";
/// An order cancelled before it ships (its money back with it).
pub(super) const CANCEL_ORDER: &str = "cancel_order";
/// The shop's delivery options and what they cost.
const DELIVERY_OPTIONS: &str = "delivery_options";

/// Where a message goes, with the values it brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The intent to serve.
    pub intent: String,
    /// Whether the intent is certain (a continuation, a choice, a product named): no
    /// clarifying question then.
    pub settled: bool,
    /// The order asked about: in the message, or the one the pending question is about.
    pub order_number: Option<String>,
    /// An email in the message.
    pub email: Option<String>,
    /// The new address: the whole message when it answers "what's the new address?", one
    /// written with the request or before, or a part of one corrected.
    pub address: Option<String>,
}

/// Routes `u` in `ctx`.
pub fn route(ctx: &TurnContext, u: &Understanding) -> Route {
    let conv = &ctx.conversation;
    let pending = &ctx.pending;
    let text = u.text.as_str();
    let Given {
        address,
        written,
        order_number,
        email,
    } = routing_values::given(ctx, u);
    let takes_order_number = |intent: &str| {
        ctx.served(intent)
            .is_some_and(|s| s.needs_slot("order-number"))
    };
    // A message that supplies what we asked for continues the pending intent (a bare
    // order number, an email); a short follow-up naming another order ("订单1002呢",
    // "and 1002?") continues the order question just answered; a clarifying question's
    // choice is that intent. Those messages alone are too short to classify.
    let chosen = labels::intent_for_label(text, &pending.clarify);
    let named = order_number
        .as_deref()
        .or(ctx.remembered.order_number.as_deref());
    let money_back = routing_money::money_back(
        u,
        named.is_some(),
        named
            .and_then(|n| ctx.order(n))
            .is_some_and(|o| matches!(o.status.as_str(), "shipped" | "delivered")),
        takes_order_number,
    );
    let continues = order_number.is_some() || email.is_some() || address.is_some();
    let remark = routing_remarks::reroute(u, order_number.is_some());
    let (intent, settled) = match (conv.pending_intent.as_deref(), chosen, ctx.last_intent()) {
        (_, Some(chosen), _) => (chosen, true),
        // With what was asked for, another question the model is fairly sure of
        // ("carlos@example.com，帽子到底怎么退" after the email was asked for the order's
        // carrier): that question, with the values remembered for it.
        // (A claim's own next question, "carlos@example.com，能直接退钱吗", is the claim's.)
        // (Nor are the times of the order asked after, "1002, when will it arrive?", nor an
        // address written as a question.)
        (Some(p), None, _)
            if continues
                && super::claims::what(p).is_none()
                && address.is_none()
                && !(takes_order_number(p)
                    && matches!(
                        u.prediction.intent.as_str(),
                        "delivery_period" | DELIVERY_OPTIONS
                    ))
                && !only_values(u, true)
                && u.prediction.intent != p
                && u.prediction.confidence >= ANOTHER_QUESTION
                && !matches!(
                    u.prediction.intent.as_str(),
                    OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye" | "complaint"
                )
                && (cues::is_a_question(text) || mentions(text, &["怎么", "如何", "how do"])) =>
        {
            (u.prediction.intent.as_str(), false)
        }
        (Some(p), None, _) if continues => (p, true),
        // A part of the address corrected while its change is under way, asked or proposed
        // ("sorry it's 17 not 71"), when the correction applies: the change, with the
        // address corrected.
        (pending_intent, None, _)
            if (pending_intent == Some(CHANGE_ADDRESS) || proposed_address(ctx).is_some())
                && corrected_now(ctx, text, named, true).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // Asked which of two things is meant, the order number sent: the choice taking one.
        (None, None, _)
            if only_values(u, true) && pending.clarify.iter().any(|c| takes_order_number(c)) =>
        {
            let choice = pending.clarify.iter().find(|c| takes_order_number(c));
            (choice.map_or(SUPPLIED, String::as_str), true)
        }
        (None, None, Some(last))
            if order_number.is_some() && is_follow_up(text) && takes_order_number(last) =>
        {
            (last, true)
        }
        // "I already told you": what was told answers the question pending (or the one just
        // answered), with the order number and email the shopper gave earlier.
        (Some(p), None, _)
            if says_already_told(text)
                && (ctx.remembered.order_number.is_some() || ctx.remembered.email.is_some()) =>
        {
            (p, true)
        }
        (None, None, Some(last))
            if says_already_told(text)
                && (ctx.remembered.order_number.is_some() || order_number.is_some())
                && takes_order_number(last)
                // "ok then cancel it. I already gave you everything above", "那我现在还能退吗？
                // 单号和邮箱刚才都给过你了": another thing asked, not the question before.
                && !(u.prediction.intent != last
                    && u.prediction.confidence >= 0.5
                    && (takes_order_number(&u.prediction.intent)
                        || (text.contains(['?', '？'])
                            && !matches!(
                                u.prediction.intent.as_str(),
                                OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye" | "complaint"
                            )))) =>
        {
            (last, true)
        }
        // "I already told you the order number three times. 1001.", nothing asked before: the
        // order's whereabouts (not "…cancel 掉!!", goods gone wrong, or money asked back).
        (None, None, _)
            if says_already_told(text)
                && order_number.is_some()
                && !claim_words::goods_gone_wrong(text, u.topic)
                && !asks_for_money_back(text)
                && takes_order_number(TRACK_ORDER)
                && !(u.prediction.intent != TRACK_ORDER
                    && u.prediction.confidence >= 0.5
                    && takes_order_number(&u.prediction.intent)) =>
        {
            (TRACK_ORDER, true)
        }
        // A new address written with a request the model reads as an address change (or
        // as its runner-up): that change, nothing to clarify.
        _ if written.is_some()
            && u.prediction
                .top
                .iter()
                .take(2)
                .any(|(i, _)| matches!(i.as_str(), CHANGE_ADDRESS | "set_up_shipping_address"))
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // A new address written with nothing the model is sure of ("new one is 200 Nanjing
        // West Road, Shanghai"), or sending it elsewhere asked without the word "address"
        // ("can i change where it goes"), about an order already named: the address change
        // (the plugin proposes it, the shopper confirms).
        _ if (order_number.is_some() || ctx.remembered.order_number.is_some())
            && ((written.is_some()
                && (u.prediction.intent == OUT_OF_SCOPE
                    || u.prediction.confidence < CLARIFY_BELOW))
                || delivery_words::asks_to_change_where_it_goes(text))
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // A number of the address corrected just after the address was the matter ("should
        // be 10012 not 10021"): the same address change, for the order already named.
        _ if routing_values::corrects_the_address(ctx, text)
            && ctx.remembered.order_number.is_some()
            && ctx.served(CHANGE_ADDRESS).is_some() =>
        {
            (CHANGE_ADDRESS, true)
        }
        // Remarks taken for a complaint or for nothing the shop does (`routing_remarks.rs`).
        _ if remark.is_some() => (remark.unwrap_or_default(), true),
        // "你们的帽子有几种颜色" read as a complaint: a calm question about a product, with
        // nothing told of goods gone wrong, is that product's question.
        _ if u.prediction.intent == "complaint"
            && !u.upset
            && order_number.is_none()
            && (cues::is_a_question(text)
                || cues::asks_about_fit(text)
                || mentions(text, &["几", "多少", "什么", "哪", "有没有"]))
            && cues::asks_about_a_product_at_all(text)
            && claim_words::only_asks(text)
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
        ) && refund_words::asks_to_send_back(text)
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
        _ if u.prediction.intent == "complaint"
            && !u.upset
            && !says_late(text)
            && (thanks_for_good_news(text)
                || (super::policy_cues::speaks_well(text) && !cues::is_a_question(text))) =>
        {
            ("thanks", true)
        }
        // A complaint the model leans to, from a shopper who sounds upset ("they're already
        // pilling after one wash. really disappointed"): taken in as a complaint, not asked
        // "which of these do you mean?".
        // (Lateness or the order asked after is the order's whereabouts, with its apology;
        // what was paid for it, its total.)
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
            && !(asks_for_money_back(text) && named.is_some())
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
        _ if (order_number.is_some()
            || ctx.remembered.order_number.is_some()
            || !claim_words::asks_before_buying(text))
            && claim_words::describes_a_quality_problem(text)
            && (matches!(
                u.prediction.intent.as_str(),
                OUT_OF_SCOPE | "complaint" | "change_order" | "product_info"
            ) || u.prediction.confidence < CLARIFY_BELOW) =>
        {
            ("complaint", true)
        }
        // Feedback to pass on, nothing asked ("no problem with an order, just telling you
        // it's bad", "I'd like that feedback passed on to someone"): taken in as a complaint,
        // which reaches a person with its summary.
        _ if remark_words::gives_feedback(text)
            && !thanks_for_good_news(text)
            && !super::policy_cues::speaks_well(text)
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
        _ if (order_number.is_some() || ctx.remembered.order_number.is_some())
            && claim_words::asks_for_a_replacement(text)
            && (matches!(u.prediction.intent.as_str(), OUT_OF_SCOPE | "complaint")
                || u.prediction.confidence < CLARIFY_BELOW) =>
        {
            ("complaint", true)
        }
        // A company invoice asked for, read as where to find an invoice ("怎么开公司抬头的发票"):
        // the company invoice.
        _ if u.prediction.intent == "check_invoice"
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
            ) =>
        {
            ("get_invoice", true)
        }
        // How long a refund takes, with no order named ("How long do refunds take to come
        // back to my card? I sent the cap back last week"), read as a refund's progress or
        // torn between that and the policy ("how long do refunds take to show up once you've
        // approved one?"): the shop's refund times, not a question for the order number.
        _ if matches!(
            u.prediction.intent.as_str(),
            "track_refund" | "check_refund_policy"
        ) && refund_words::asks_how_long(text)
            && !refund_words::asks_about_the_return_window(text)
            && order_number.is_none()
            && ctx.remembered.order_number.is_none()
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
        _ if refund_words::asks_about_the_return_window(text)
            && !asks_for_money_back(text)
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
        _ if only_values(u, false) => {
            let again = ctx.last_intent() == Some(SUPPLIED)
                && (order_number.is_some() || ctx.remembered.order_number.is_some())
                && takes_order_number(TRACK_ORDER);
            (if again { TRACK_ORDER } else { SUPPLIED }, true)
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
        _ if (matches!(
            u.prediction.intent.as_str(),
            "delivery_period" | DELIVERY_OPTIONS | OUT_OF_SCOPE | "payment_issue"
        ) || (u.prediction.intent == CHANGE_ADDRESS
            && written.is_none()
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
        // What was paid for an order named now or earlier ("and remind me what I paid for
        // mine again?"), whatever the model read: the order looked up, its total beside it.
        _ if order_paid::asks_its_total_or_items(text)
            && (order_number.is_some() || ctx.remembered.order_number.is_some())
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
        ) && (order_number.is_some() || ctx.remembered.order_number.is_some())
            && !(order_number.is_none()
                && (names_a_destination(text)
                    || shipping_words::names_a_shipping_option(text)))
            && takes_order_number(TRACK_ORDER) =>
        {
            (
                TRACK_ORDER,
                arrival_words::asks_when_delivered(text)
                    || delivery_words::asks_for_tracking(text)
                    || says_late(text),
            )
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
        // A cancellation asked for in so many words, read as its policy or anything else
        // ("right, then cancel it", "is it too late to cancel??"): the cancellation itself
        // (the plugin says whether the order still can be).
        _ if cancel_words::asks_to_cancel_an_order(text)
            && !matches!(
                u.prediction.intent.as_str(),
                CHANGE_ADDRESS | GET_REFUND | "contact_human_agent"
            )
            && takes_order_number(CANCEL_ORDER) =>
        {
            (CANCEL_ORDER, true)
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
        // "It was meant to be here on the 26th" about a known order, or thanked for in a sneer
        // ("wow. expected by the 26th. love that for me"): where it is, not a complaint.
        _ if (matches!(
            u.prediction.intent.as_str(),
            "track_order" | "complaint" | "out_of_scope" | "delivery_period" | "delivery_options"
        ) || (u.prediction.intent == "thanks"
            && (u.upset || !thanks_for_good_news(text))))
            && (order_number.is_some() || ctx.remembered.order_number.is_some())
            && says_late(text)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "When was it delivered?", "那UPS单号是多少", "ok 那我的订单现在什么状态 again?", "roughly
        // when my water bottle will be sent out?" about an order already named: its status (carrier, tracking number, delivery date) answers
        // it.
        _ if (order_number.is_some() || ctx.remembered.order_number.is_some())
            && (arrival_words::asks_when_delivered(text)
                || delivery_words::asks_for_tracking(text)
                || delivery_words::asks_its_status(text)
                || arrival_words::asks_if_it_came(text)
                || delivery_words::asks_when_it_ships(text))
            && (matches!(
                u.prediction.intent.as_str(),
                "track_order" | OUT_OF_SCOPE | "delivery_period" | "delivery_options"
            ) || u.prediction.confidence < CLARIFY_BELOW
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
        // the goods in it ("whats the ups number for my hoodies order"): the order's
        // whereabouts, its number asked for.
        _ if delivery_words::asks_for_tracking(text)
            && (matches!(
                u.prediction.intent.as_str(),
                "product_info" | "product_availability" | OUT_OF_SCOPE
            ) || u.prediction.confidence < CLARIFY_BELOW)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // "Actually I want to check my order 1003 first", "帮我查下1001": the order looked
        // up, whatever else the model hears, unless it heard another request on the order.
        _ if (order_number.is_some() || ctx.remembered.order_number.is_some())
            && (delivery_words::asks_to_look_up_an_order(text)
                || (order_number.is_some() && delivery_words::asks_to_check(text)))
            && (!takes_order_number(&u.prediction.intent)
                || u.prediction.confidence < CLARIFY_BELOW)
            && takes_order_number(TRACK_ORDER) =>
        {
            (TRACK_ORDER, true)
        }
        // A parcel's tracking asked for with a greeting, no order named yet ("你好 想查下物流",
        // "hi! can you track my parcel"), read as the greeting: the order's whereabouts (its
        // number is asked for).
        _ if delivery_words::asks_to_track(text)
            && (matches!(
                u.prediction.intent.as_str(),
                "greeting" | "thanks" | OUT_OF_SCOPE
            ) || u.prediction.confidence < CLARIFY_BELOW)
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
                    && delivery_words::waits_for_their_goods(text)))
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
                    if (refund_words::says_sent_back(text)
                        && [first.as_str(), second.as_str()].contains(&"track_refund")
                        && [first.as_str(), second.as_str()].contains(&GET_REFUND))
                    || (!u.upset
                        && (refund_words::asks_to_send_back(text)
                            || mentions(text, &["我想退", "想退", "要退", "return it", "return this", "return the"]))
                        && [first.as_str(), second.as_str()].contains(&"return_item")
                        && [first.as_str(), second.as_str()].contains(&"complaint"))
            ) =>
        {
            if refund_words::says_sent_back(text) {
                ("track_refund", true)
            } else {
                ("return_item", true)
            }
        }
        // "好的，那这个还能退吗？" about the order just shown, the model torn between the return
        // policy and a product none is named of: the policy. So is how long a refund takes,
        // torn between the policy and a refund's progress ("And how long does the refund
        // take once you get it?").
        _ if (order_number.is_some() || ctx.remembered.order_number.is_some())
            && !ctx.names_product
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
        _ if (order_number.is_some() || ctx.remembered.order_number.is_some())
            && !refund_words::asks_how_long(text)
            && torn_towards_the_order(u, takes_order_number).is_some() =>
        {
            (
                torn_towards_the_order(u, takes_order_number).unwrap_or_default(),
                true,
            )
        }
        _ => (u.prediction.intent.as_str(), false),
    };
    let about_product = |intent: &str| ctx.served(intent).is_some_and(|s| s.about_product());
    let intent = if !settled
        && !about_product(intent)
        && routing_values::about_the_product_named(ctx, u, intent, order_number.as_deref())
    {
        if asks_about_stock(text) {
            PRODUCT_AVAILABILITY
        } else {
            PRODUCT_INFO
        }
    } else {
        intent
    };
    let settled = settled || about_product(intent);
    let order_number = order_number.or_else(|| {
        pending
            .order_number
            .clone()
            .filter(|_| conv.pending_intent.as_deref() == Some(intent))
    });
    let address = address.or_else(|| {
        (intent == CHANGE_ADDRESS)
            .then(|| routing_values::address_for(ctx, text, written, order_number.as_deref()))
            .flatten()
    });
    let (intent, settled) = routing_money::unshipped_means_cancel(
        ctx,
        u,
        order_number.as_deref(),
        (intent, settled),
        takes_order_number,
    );
    Route {
        intent: intent.to_string(),
        settled,
        order_number,
        email,
        address,
    }
}
