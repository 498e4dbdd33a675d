//! The situation a message tells of, heard by meaning whatever the model or a product named
//! made of it: a delivery gone wrong (damaged, wrong or missing goods, a parcel marked
//! delivered and not there) or time pressure, and the words that show it is neither (a
//! question before the goods arrive, a move with its address change, a cancellation asked).
//! `decide.rs` takes the message in for a person or the merchant's plugin with it. Pure.

use kefu_intent::OUT_OF_SCOPE;
use kefu_intent::slots::SlotKind;
use kefu_intent::topics::Topic;

use super::arrival_words;
use super::claim_words;
use super::complaint_words;
use super::context::TurnContext;
use super::cues;
use super::decide::URGENT;
use super::delivery_words;
use super::order_paid;
use super::other_tasks;
use super::pressure_cues;
use super::routing::Route;
use super::shipping_words;
use super::supplied;
use super::understand::Understanding;
use super::urgency_cues;
use super::wrong_goods_words;

/// The intent `u`'s situation makes it (a delivery claim or [`URGENT`]), if any; `answering`:
/// the message answers a question the bot asked, and keeps to it.
pub(super) fn heard(
    ctx: &TurnContext,
    u: &Understanding,
    route: &Route,
    answering: bool,
) -> Option<&'static str> {
    // A shopper who fled someone, whose order must be kept from them ("I just moved out
    // because of a situation with my ex, he can't see a parcel with my name there"): not an
    // address change the bot makes alone, and heard even while answering what the bot asked
    // ("1002. I'm fleeing a violent ex and he still lives at that address").
    let fled = urgency_cues::flees_someone(&u.text);
    match u.topic.map(|(t, _)| t) {
        // Something sudden and serious at home, with a request about their order: urgent,
        // whether or not the topic model heard it without a date, and before any
        // delivery problem its words tell of ("房子烧没了" is a home lost, not goods broken;
        // a parcel due at a building evacuated is no parcel lost).
        // So is a shopper who fled someone (`fled`).
        _ if (!answering || fled)
            && u.topic.is_none_or(|(t, _)| !t.needs_a_person())
            && (urgency_cues::speaks_of_an_emergency(&u.text) || fled)
            && cues::about_the_shopper(&u.text) =>
        {
            Some(URGENT)
        }
        // Goods damaged, wrong or missing are goods in hand: a question about a product's
        // price or stock, or whether an order has shipped yet, is not such a claim, whatever
        // the topic model heard in its words; nor is asking when an order was delivered.
        Some(topic)
            if !answering
                && topic.is_delivery_problem()
                // A question about the order that tells of nothing wrong, weakly heard or
                // asking whether it came at all ("wo de dingdan 1004 daole meiyou a").
                && !((u.topic.is_some_and(|(_, p)| p < 0.9)
                    || arrival_words::asks_if_it_came(&u.text))
                    && claim_words::only_asks(&u.text))
                // Goods praised in a question before buying, weakly heard ("is the grey zip
                // hoodie worth it? saw it on a friend and it looked killer"): nothing in hand.
                && !(u.topic.is_some_and(|(_, p)| p < 0.8)
                    && (super::remark_words::praises_the_goods(&u.text)
                        || super::policy_cues::speaks_well(&u.text))
                    && claim_words::asks_before_buying(&u.text)
                    && !claim_words::goods_gone_wrong(&u.text, None))
                // A parcel marked delivered the shopper will look for at home ("ok if it shows
                // delivered ill ask my roommate, she grabs the mail"): nothing missing yet.
                && !(topic == Topic::NotReceived
                    && arrival_words::will_look_for_it_at_home(&u.text))
                // The shopper's own mistake in the address ("Hi I put the wrong apartment
                // number on order 1002"): the address to change, no wrong goods.
                && !(topic == Topic::WrongItem
                    && super::address_fix::a_slip_in_the_address_only(&u.text))
                // Goods that turned up after all ("found them in the garage lol, cheers"), or
                // an order the shopper says has not shipped, weakly heard ("水杯还没发货对吧"):
                // nothing in hand has gone wrong.
                && !arrival_words::says_it_turned_up(&u.text)
                && !(u.topic.is_some_and(|(_, p)| p < 0.8)
                    && delivery_words::says_not_shipped(&u.text))
                // When it came, asked, weakly heard ("我上次买的东西是哪天到的"): its status.
                && !(u.topic.is_some_and(|(_, p)| p < 0.9)
                    && arrival_words::asks_when_delivered(&u.text)
                    && claim_words::only_asks(&u.text))
                // The day it was due, asked and nothing more ("ok and what date was it supposed
                // to arrive?"; not "when was it supposed to arrive?? it never came").
                && !(u.topic.is_some_and(|(_, p)| p < 0.9)
                    && arrival_words::asks_when_it_was_due(&u.text)
                    && claim_words::only_asks(&arrival_words::without_the_due_day(&u.text)))
                // Only an order number or email given ("我的订单号是1004"): nothing told; nor
                // is what was paid asked ("ok and what was the total on that one again").
                && !supplied::only_values(u, true)
                && !order_paid::asks_its_total_or_items(&u.text)
                // A product's name alone ("bottle") tells of nothing gone wrong.
                && !(ctx.names_product
                    && u.text.is_ascii()
                    && u.text.split_whitespace().count() == 1)
                // Nor does a product's restock asked ("the steel bottle, when's it back?").
                && !(ctx.names_product
                    && super::shipping_words::asks_when_back_in_stock(&u.text)
                    && !claim_words::goods_gone_wrong(&u.text, None))
                && (topic == Topic::NotReceived
                    || !delivery_words::asks_before_arrival(&u.text))
                && !(topic == Topic::NotReceived
                    && (arrival_words::asks_when_delivered(&u.text)
                        || arrival_words::asks_where_it_was_left(&u.text)
                        // "1003那顶帽子的快递单号能发我一下吗？朋友说没看到签收记录": its
                        // tracking number asked for, which the order's status holds (told
                        // surely, a parcel marked delivered and not there is the claim).
                        || (delivery_words::asks_for_tracking(&u.text)
                            && (u.topic.is_some_and(|(_, p)| p < 0.8)
                                || !claim_words::describes_a_missing_parcel(&u.text)))
                        || (arrival_words::asks_if_it_came(&u.text)
                            && !claim_words::describes_a_missing_parcel(&u.text))))
                // "I want to complain about the packaging … nothing wrong with the cap itself":
                // a complaint, no goods gone wrong.
                && !complaint_words::complains_without_a_claim(&u.text)
                && !complaint_words::complains_of_the_courier(&u.text)
                // "T恤洗了一次就变形了": worn badly in the wash, a complaint about its quality.
                && !(topic == Topic::Damaged && complaint_words::wore_badly_in_the_wash(&u.text))
                // "cancel 订单 1002 please, 不要了. the bottle is out of stock anyway right??": a
                // cancellation asked, no goods gone wrong told.
                && !(u.prediction.intent == "cancel_order"
                    && delivery_words::speaks_of_cancelling(&u.text)
                    && !claim_words::goods_gone_wrong(&u.text, None))
                && !(topic == Topic::WrongItem && wrong_goods_words::own_mistake(&u.text))
                // "could I swap it for a different colour instead?": another colour wanted,
                // nothing wrong sent.
                && !(topic == Topic::WrongItem
                    && claim_words::asks_to_exchange(&u.text)
                    && !wrong_goods_words::describes_a_wrong_item(&u.text)
                    && !super::language::says_word(
                        &u.text,
                        &[
                            "wrong", "received", "came", "got", "sent", "ordered", "paid",
                            "should",
                        ],
                    )
                    && !super::language::mentions(
                        &u.text.to_lowercase(),
                        &["instead of", "not the", "错", "收到", "寄来", "发成", "发的"],
                    ))
                // "#1003, the navy cap. did it actually land?": whether it came is asked, so
                // nothing in hand has gone wrong.
                && !(topic != Topic::NotReceived
                    && arrival_words::asks_if_it_came(&u.text)
                    && !claim_words::goods_gone_wrong(&u.text, None))
                // "it says 黄浦区 but it should be 徐汇区" is the address corrected before it
                // ships, however weakly the topic model hears a parcel gone astray in it.
                && !(topic == Topic::NotReceived
                    && u.topic.is_some_and(|(_, p)| p < 0.8)
                    && u.prediction.intent == "change_shipping_address")
                // "1002的收货地址写错了,门牌号应该是18号不是16号": the shopper's own address
                // corrected, not goods gone wrong.
                && super::address_fix::correction(&u.text, false).is_none()
                // "should be 10012 not 10021" just after the address was the matter: its zip.
                && !super::routing_values::corrects_the_address(ctx, &u.text)
                // "上次快递放门口被偷了，1002能改寄到公司吗：…": an earlier parcel's fate, the
                // reason for this order's address change.
                && !(route.intent == "change_shipping_address"
                    && route.address.is_some()
                    && claim_words::of_an_earlier_parcel(&u.text)) =>
        {
            Some(claim_intent(topic))
        }
        // Lateness alone is the past: a late order with no moment it is needed by is looked
        // up (its status says it is overdue and apologises), not queued as urgent.
        // A move or a trip told with an address change the plugin carries out now ("need to
        // change the delivery address on 1002, moving to a different flat next week"), the
        // time pressure only weakly heard and nobody ill or in an emergency ("asap, i'm moving
        // out this weekend" too): the change itself is the fastest help, so it is asked of the
        // plugin (which proposes it, or says the order has shipped), not queued for a person.
        Some(Topic::Urgent)
            if !answering
                // "its li.wei@example.com if you need it for anything": a value given, no
                // time pressure told.
                && !super::supplied::only_values(u, true)
                && !a_move_with_an_address_change(ctx, u, &route.intent)
                && !a_cancellation_asked(ctx, u)
                // "and 哪天送到的?": when it came, asked.
                && !arrival_words::asks_when_delivered(&u.text)
                // "the hoodie literally saved my life this week, it's -10 here lol": the goods
                // praised, nobody in an emergency.
                && (!super::remark_words::praises_the_goods(&u.text)
                    || urgency_cues::speaks_of_an_emergency(&u.text))
                // A few words weakly heard, with no moment, no need and nothing at home ("and
                // it's 69 right?"): no time pressure is told.
                && (u.topic.is_none_or(|(_, p)| p >= 0.7)
                    || !urgency_cues::a_few_words_without_pressure(&u.text))
                // "it's for work, I need our company name and VAT number on it": weakly heard,
                // with no moment, need, hurry or trouble at home told.
                && (u.topic.is_none_or(|(_, p)| p >= 0.8)
                    || !pressure_cues::tells_no_pressure(&u.text))
                // "and how much is express? need it before my sister's wedding": the delivery
                // times answer it, no hurry told.
                && !pressure_cues::asks_the_options_for_an_occasion(&u.text)
                // "and apple pay for me here?": a way to pay asked, nothing pressing.
                && !(cues::names_a_payment_method(&u.text.to_lowercase())
                    && !urgency_cues::names_a_deadline(&u.text)
                    && !urgency_cues::needs_it_by(&u.text)
                    && !urgency_cues::speaks_of_an_emergency(&u.text))
                // "订单1002能加急吗？" asks for express shipping, with no moment it is needed
                // by and nothing happening at home: the shipping options answer it.
                && (!shipping_words::names_a_shipping_option(&u.text)
                    || urgency_cues::names_a_deadline(&u.text)
                    || urgency_cues::speaks_of_an_emergency(&u.text))
                // "can u check order1004 for me, im at my sisters this week and cant see if
                // it came": an order named and asked after, no moment it is needed by and
                // nothing happening at home; its status answers it.
                && (u.slot(SlotKind::OrderNumber).is_none()
                    || !delivery_words::asks_to_look_up_an_order(&u.text)
                    || urgency_cues::needs_it_by(&u.text)
                    || urgency_cues::speaks_of_an_emergency(&u.text))
                // Out of scope to the model, it is the shopper's own matter when it names a
                // product, their order ("明天一早的飞机出国 1002今天能发出来吗 求求了🙏") or
                // themselves.
                // ("is it gonna rain in Chicago tomorrow? deciding between the hoodie and a
                // real coat" names a product and asks the weather: no time pressure.)
                && (u.prediction.intent != OUT_OF_SCOPE
                    || (ctx.names_product && !other_tasks::chats_about_the_weather(&u.text))
                    || u.slot(SlotKind::OrderNumber).is_some()
                    || (cues::about_the_shopper(&u.text)
                        && !cues::asks_about_the_world(&u.text)
                        && !other_tasks::asks_for_an_unrelated_task(&u.text)))
                && (urgency_cues::names_a_deadline(&u.text)
                    || !super::late_words::says_late(&u.text))
                // "and if it isn't here by friday, what happens": what the shop does then,
                // asked, not time pressure told.
                && (!super::language::mentions(
                    &u.text.to_lowercase(),
                    &["what happens", "what would happen", "没到的话怎么办", "没到怎么办"],
                ) || urgency_cues::speaks_of_an_emergency(&u.text)
                    || urgency_cues::needs_it_by(&u.text)
                    || urgency_cues::presses_for_an_occasion(&u.text))
                // A product's stock asked in a hurry to buy it ("u still got the grey zip
                // hoodie? need a M before it's gone", "is the zip hoodie still a thing or sold
                // out? need a grey one before saturday"): the stock answers it, unless a
                // journey or an occasion presses or someone is in an emergency.
                && !(ctx.names_product
                    && cues::asks_about_stock(&u.text)
                    && u.slot(SlotKind::OrderNumber).is_none()
                    && !urgency_cues::presses_for_an_occasion(&u.text)
                    && !urgency_cues::speaks_of_an_emergency(&u.text)) =>
        {
            Some(URGENT)
        }
        // Goods in hand that are not what was ordered, described rather than named
        // ("instead of two grey hoodies there are two pairs of black sweatpants",
        // "收到的是蓝色的，我买的是灰色"): a wrong item, whatever the models heard.
        None if !answering
            && wrong_goods_words::describes_a_wrong_item(&u.text)
            && !wrong_goods_words::own_mistake(&u.text) =>
        {
            Some(claim_intent(Topic::WrongItem))
        }
        // Part of the order not in the parcel ("there's just one hoodie in there"): a
        // missing item, whatever the models heard.
        None if !answering && wrong_goods_words::describes_a_missing_item(&u.text) => {
            Some(claim_intent(Topic::MissingItem))
        }
        // Goods that came damaged, described rather than named ("only opened the box now,
        // the peak is cracked"): a damage claim, whatever the models heard.
        _ if !answering
            && u.topic.is_none_or(|(t, _)| !t.needs_a_person())
            && claim_words::describes_damage(&u.text)
            && !delivery_words::asks_before_arrival(&u.text)
            // "提个意见 包装太简陋了 1004的盒子都破了 东西倒是没坏": the box, not the goods.
            && !complaint_words::complains_without_a_claim(&u.text)
            && !complaint_words::wore_badly_in_the_wash(&u.text) =>
        {
            Some(claim_intent(Topic::Damaged))
        }
        // A parcel marked delivered that the shopper says is not there, told rather than
        // named ("UPS reckons they were delivered but someone nicked them off the porch"):
        // a claim, whatever the models heard.
        None if !answering && claim_words::describes_a_missing_parcel(&u.text) => {
            Some(claim_intent(Topic::NotReceived))
        }
        // A journey or an occasion pressing, an order named, urgency said ("明天一早的飞机出国
        // 要待半年 1002今天能不能发出来 急急急"), which the topic models did not hear: urgent.
        _ if !answering
            && u.topic.is_none_or(|(t, _)| !t.needs_a_person())
            && u.slot(SlotKind::OrderNumber).is_some()
            && urgency_cues::presses_for_an_occasion(&u.text)
            && !a_cancellation_asked(ctx, u)
            && !arrival_words::asks_when_delivered(&u.text) =>
        {
            Some(URGENT)
        }
        _ => None,
    }
}

/// The intent a shopper's message becomes when it reports what went wrong with a delivery.
pub fn claim_intent(topic: Topic) -> &'static str {
    match topic {
        Topic::Damaged => "report_damaged",
        Topic::WrongItem => "report_wrong_item",
        Topic::MissingItem => "report_missing_item",
        _ => "report_not_received",
    }
}

/// Whether `u`, heard weakly as urgent, asks an address change the plugin carries out (as the
/// model read it, or as `routed`: "can i still change where 1002 goes? moving flats next week"),
/// with nobody ill or in an emergency: a move, whose fastest help is the change itself.
fn a_move_with_an_address_change(ctx: &TurnContext, u: &Understanding, routed: &str) -> bool {
    (u.prediction.intent == "change_shipping_address" || routed == "change_shipping_address")
        && u.topic.is_some_and(|(_, p)| {
            p < super::topic_choice::WEAK_TOPIC
                || super::home_words::tells_of_a_move(&u.text)
                || super::home_words::tells_nobody_is_home(&u.text)
        })
        && !super::harm_cues::speaks_of_harm(&u.text)
        && !urgency_cues::speaks_of_an_emergency(&u.text)
        && ctx.served("change_shipping_address").is_some()
}

/// Whether `u` asks surely for a cancellation the merchant's plugin carries out now ("could
/// you cancel it if it hasn't gone out by tomorrow?"), nobody ill or in an emergency: the
/// cancellation is the fastest help, not a person queued for urgency.
fn a_cancellation_asked(ctx: &TurnContext, u: &Understanding) -> bool {
    // Sure of it, or asked in so many words ("can you stop it before it leaves the
    // warehouse?", which sounds pressed for time).
    ((u.prediction.intent == "cancel_order" && u.prediction.confidence >= 0.8)
        || super::cancel_words::asks_to_cancel_an_order(&u.text))
        && ctx.served("cancel_order").is_some()
        // "能不能今天发 不行就直接取消 很急": the need first, the cancellation its fallback.
        && !super::cancel_words::only_if_it_cannot_be_done(&u.text)
        && !urgency_cues::speaks_of_an_emergency(&u.text)
        && !super::harm_cues::speaks_of_harm(&u.text)
}
