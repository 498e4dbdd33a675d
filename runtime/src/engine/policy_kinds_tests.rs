//! Unit tests of the policy topics told by kind rather than by phrase (`policy.rs`,
//! `harm_cues::harm_from_the_goods`, `data_words::asks_what_is_done_with_their_data`): the
//! body hurt by goods used, a shopper's data sold, kept or wanted gone, an account shut out
//! by someone else, a charge flagged and disowned; and the ordinary messages that share
//! their words.

use super::*;

#[test]
fn harm_from_goods_used_is_safety_in_any_words() {
    for text in [
        "I think the dye in the hoodie is making me wheeze, my chest feels tight",
        "我老公穿了卫衣后呼吸有点困难",
        "the cap's buckle snapped and sliced my forehead open",
        "孩子被卫衣帽绳勒到了 脖子上一圈红印",
        "我 wear 了那件 hoodie 之后皮肤又红又痒 it's getting worse",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    for text in [
        "does the hoodie shrink if I wash it hot?",
        "I have eczema, is the tee fabric ok for sensitive skin?",
        "the cap's strap snapped after a week",
        "I'm bleeding money on shipping here, what's the free shipping threshold?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_shoppers_data_sold_kept_or_wanted_gone_is_data_protection() {
    for text in [
        "is my info sold to third parties? if so I want it gone",
        "how do you use my browsing history, do you sell it to anyone?",
        "I want my purchase history and saved addresses permanently gone",
        "do you keep my card number? I want to know what you store and for how long",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::DataProtection), "{text}");
    }
    for text in [
        "what do you keep in stock over the holidays?",
        "how do I delete a saved address from checkout?",
        "do you sell gift cards?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn an_account_shut_out_by_someone_else_is_account_security() {
    for text in [
        "my old password doesn't work and the recovery email is some random gmail",
        "怎么突然被强制退出了，再登就说密码错误",
        "my old account is placing orders by itself?? I haven't touched it in months",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::AccountSecurity), "{text}");
    }
    for text in [
        "my password doesn't work, can you send a reset link?",
        "can I place an order without an account?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_charge_flagged_or_not_agreed_to_is_disowned() {
    for text in [
        "my bank flagged 138.00 from you and asked if it was me. it wasn't",
        "PayPal 显示 payment to you 但我根本没 order 过",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::UnauthorisedCharge), "{text}");
    }
    assert_eq!(
        topic("my cousin is a barrister and she says I have a strong case against you"),
        Some(PolicyTopic::Legal)
    );
    // The courts' paperwork threatened, with no lawyer named.
    assert_eq!(
        topic(
            "if 1004 isn't sorted by friday my brother-in-law, who does this for a living, will be filing the paperwork"
        ),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(topic("I will never shop anywhere else, sue me"), None);
    // A card taken to order, with the money wanted back; the same card used for a gift is
    // no such thing.
    assert_eq!(
        topic("我的卡好像被室友偷偷拿去你们网站下单了，钱还能追回来吗"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
    assert_ne!(
        topic("老公偷偷用我的卡给我买了件卫衣 能改成礼品包装吗"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
    assert_eq!(
        topic("please wipe every trace of me from your systems, I'm done shopping here."),
        Some(PolicyTopic::DataProtection)
    );
}

#[test]
fn words_inside_other_words_are_no_kind() {
    for text in [
        "my personal opinion: the navy cap is the best thing you sell",
        "I forgot which email I used, anyway the order number is 1004 and I want to send one of the hoodies back",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}
