//! Decision rows for what a shopper asks or says of the shop rather than of an order the
//! bot is handling: the shop's range asked, goods praised as a figure of speech, lateness
//! told in sarcasm, the shopper's own goods' arrival asked, goods that fit badly.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{ctx, intent_of as intent, msg, reply, with_topic};
use super::*;

fn upset(mut u: Understanding) -> Understanding {
    u.upset = true;
    u
}

#[test]
fn the_shops_range_asked_and_heard_as_nothing_is_the_catalogues() {
    for said in [
        "also do you guys sell socks",
        "好吧。那你们有啥适合当生日礼物的",
    ] {
        let plan = decide(&ctx(), &msg(said, kefu_intent::OUT_OF_SCOPE, 0.8));
        assert_eq!(intent(plan), "product_info", "{said}");
    }
    // The shopper's data sold is no product question.
    let plan = decide(
        &ctx(),
        &msg(
            "do you sell my info to anyone",
            kefu_intent::OUT_OF_SCOPE,
            0.8,
        ),
    );
    assert_ne!(intent(plan), "product_info");
}

#[test]
fn goods_said_to_have_saved_a_life_are_praise_not_an_emergency() {
    let d = reply(decide(
        &ctx(),
        &with_topic(
            msg(
                "the hoodie literally saved my life this week, it's -10 here lol",
                "complaint",
                0.5,
            ),
            Topic::Urgent,
        ),
    ));
    assert_eq!(d.state, Bot, "{:?} {:?}", d.intent, d.handoff_reason);
    // Someone in hospital is still urgent, however the goods are praised.
    let d = reply(decide(
        &ctx(),
        &with_topic(
            msg(
                "love it, but my dad's in hospital, I need order 1002 sent to him today",
                "change_shipping_address",
                0.5,
            ),
            Topic::Urgent,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
}

#[test]
fn a_late_order_told_in_sarcasm_is_looked_up() {
    let plan = decide(
        &ctx(),
        &msg(
            "wow, 'free shipping over $50' and it only takes a geological era. love that for me. order 1001",
            "delivery_options",
            0.6,
        ),
    );
    assert_eq!(intent(plan), "track_order");
}

#[test]
fn the_shoppers_own_goods_asked_after_are_their_order_not_the_shops_times() {
    for said in ["我的帽子啥时候能到啊", "when will my hoodie get here?"] {
        let d = reply(decide(&ctx(), &msg(said, "delivery_period", 0.8)));
        assert_eq!(d.intent, "track_order", "{said}");
    }
    for said in [
        "一般多久能到",
        "if I order today when will it arrive?",
        "我的生日下周五，现在下单什么时候能到",
    ] {
        let d = reply(decide(&ctx(), &msg(said, "delivery_period", 0.8)));
        assert_ne!(d.intent, "track_order", "{said}");
    }
}

#[test]
fn goods_that_fit_badly_calmly_told_are_the_exchange_not_a_complaint() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "我是1003号订单，carlos@example.com，帽子有点紧",
            "complaint",
            0.6,
        ),
    ));
    assert_eq!((d.intent.as_str(), d.state), ("return_item", Bot));
    // Not the goods' fit: the complaint.
    assert!(!crate::engine::wrong_goods_words::fits_badly(
        "实物跟图片差别太大了"
    ));
    // Upset, or broken as well: the complaint.
    let d = reply(decide(
        &ctx(),
        &upset(msg(
            "the tee is too small and the seam is already ripped, this is ridiculous",
            "complaint",
            0.6,
        )),
    ));
    assert_ne!(d.intent, "return_item");
}
