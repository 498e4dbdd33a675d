//! Decision rows for things shoppers say in plain words the lists did not hold: a person
//! asked for as "whoever's behind you" or "找个能处理事情的来", a shopper who fled someone
//! and must keep an order from them, an emergency at home the person head alone names as
//! something else, a return asked about before the goods arrive, "ok do it" after the
//! refund policy, a delivery date wanted for an expense claim, and what was already given
//! pointed at.

use kefu_protocol::ConversationState::WaitingForHuman;

use super::tests::{ctx, intent_of as intent, msg, reply};
use super::*;
use crate::engine::replies::Line;
use crate::engine::{return_words, urgency_cues};

/// The demo shop that remembers `order` and its `email` from earlier, after the bot said
/// `said` while answering `intent` (when given).
fn shop_knowing(order: &str, email: &str, last_bot: Option<(&str, &str)>) -> TurnContext {
    let mut shop = ctx();
    shop.remembered.order_number = Some(order.into());
    shop.remembered.email = Some(email.into());
    shop.last_bot = last_bot.map(|(said, intent)| (said.into(), Some(intent.into())));
    shop
}

#[test]
fn a_person_asked_for_in_new_words_is_handed_off() {
    for (text, model) in [
        ("算了 找个能处理事情的来", kefu_intent::OUT_OF_SCOPE),
        ("跟你说不明白 换个能解决问题的来", kefu_intent::OUT_OF_SCOPE),
        (
            "ok. then pass me to whoever's behind you",
            kefu_intent::OUT_OF_SCOPE,
        ),
        ("那算了 怎么联系你们", "contact_customer_service"),
    ] {
        let d = reply(decide(&ctx(), &msg(text, model, 0.6)));
        assert_eq!(d.state, WaitingForHuman, "{text}");
    }
    // Goods that work asked for is no person.
    let d = reply(decide(
        &ctx(),
        &msg("这件太小了 能不能给我换个大号的来", "change_order", 0.6),
    ));
    assert_ne!(d.state, WaitingForHuman);
}

#[test]
fn a_shopper_who_fled_someone_is_urgent_not_an_address_change_or_harm() {
    for (text, model) in [
        (
            "I need help fast. my order 1002 has my old address on it and I just moved out because of a situation with my ex, he can't see a parcel with my name there",
            "change_shipping_address",
        ),
        (
            "求帮忙 我刚从家里搬出来 之前被家暴 订单1002还是寄到原来的地址 不能让他看到",
            "change_shipping_address",
        ),
        // Heard as harm by the keyword rules before.
        (
            "domestic situation, I had to leave home quickly. please don't deliver anything to my old address, he's still there",
            "change_shipping_address",
        ),
        (
            "please help, i've just left an abusive home and my order is going to my old address where he still lives",
            kefu_intent::OUT_OF_SCOPE,
        ),
        (
            "I'm fleeing a violent partner and my order is going to our old address",
            "change_shipping_address",
        ),
        (
            "订单1002寄的地址是我前夫家，他有家暴，求你们马上处理",
            "change_shipping_address",
        ),
        (
            "I'm leaving a bad situation at home and my order is going to that address, please stop it",
            "cancel_order",
        ),
        (
            "1002那个地址是我前男友家 千万不能寄过去 他一直在找我",
            "change_shipping_address",
        ),
    ] {
        assert_eq!(crate::engine::policy::topic(text), None, "{text}");
        let d = reply(decide(&ctx(), &msg(text, model, 0.8)));
        assert_eq!(d.state, WaitingForHuman, "{text}");
        let reason = d.handoff_reason.as_deref().unwrap_or_default();
        assert!(reason.starts_with("urgent"), "{text}: {reason}");
    }
    // Harm happening now is still safety; an ex who still knows the password is the account.
    assert!(!urgency_cues::flees_someone(
        "pretty sure my ex still knows my password and has been ordering stuff"
    ));
    assert!(!urgency_cues::flees_someone(
        "lol thanks, you're more helpful than my ex"
    ));
}

#[test]
fn an_emergency_at_home_the_person_head_alone_names_otherwise_is_urgent() {
    for text in [
        "家里出了点事 我这几天都在外地陪护 订单1002寄到家没人收",
        "我爸突然住院了 这几天我都守在医院 1001那个包裹没人在家收 怎么办",
    ] {
        let d = reply(decide(&ctx(), &msg(text, kefu_intent::OUT_OF_SCOPE, 0.6)));
        let reason = d.handoff_reason.as_deref().unwrap_or_default();
        assert!(reason.starts_with("urgent"), "{text}: {reason}");
    }
}

#[test]
fn a_return_asked_about_before_the_goods_arrive_is_the_policy() {
    let shop = shop_knowing(
        "1001",
        "jane@example.com",
        Some((
            "Order 1001 has shipped and can no longer be cancelled.",
            "cancel_order",
        )),
    );
    let u = msg(
        "那 once it arrives can I return it instead?",
        "return_item",
        0.7,
    );
    assert_eq!(intent(decide(&shop, &u)), "return_item");
}

#[test]
fn ok_do_it_after_the_refund_policy_starts_the_refund() {
    let shop = shop_knowing(
        "1003",
        "carlos@example.com",
        Some((
            "You can return anything within 30 days of delivery for a full refund.",
            "check_refund_policy",
        )),
    );
    let u = msg("ok do it", "product_availability", 0.4);
    assert_eq!(intent(decide(&shop, &u)), "get_refund");
    // Later, or as a question, it starts nothing.
    assert!(!return_words::starts_it("ok go ahead, but later this week"));
}

#[test]
fn a_delivery_date_for_an_expense_claim_is_the_orders_status_not_an_invoice() {
    let u = msg(
        "帮我看下1004号是几号签收的 公司报销要填日期",
        "check_invoice",
        0.7,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "track_order");
    // A company invoice asked for is still the invoice.
    let u = msg("1004能开公司抬头的发票吗", "check_invoice", 0.8);
    assert_eq!(intent(decide(&ctx(), &u)), "get_invoice");
}

#[test]
fn told_both_already_is_answered_with_what_was_told_not_queued() {
    let shop = shop_knowing(
        "1004",
        "sam@example.com",
        Some((
            "Order 1004 was delivered on 2026-11-20 by UPS.",
            "track_order",
        )),
    );
    let u = msg(
        "you have both, please don't ask again",
        "contact_human_agent",
        0.6,
    );
    assert_eq!(intent(decide(&shop, &u)), "track_order");
}

#[test]
fn a_way_to_pay_asked_beside_a_remark_is_the_ways_to_pay() {
    let u = msg(
        "my lawyer friend swears by your shirts haha. do you take apple pay?",
        kefu_intent::OUT_OF_SCOPE,
        0.6,
    );
    assert_eq!(intent(decide(&ctx(), &u)), "check_payment_methods");
}

#[test]
fn a_fraud_feared_laughing_before_paying_is_no_handoff() {
    for (text, model) in [
        ("能用支付宝吗 不会被盗刷吧哈哈", "check_payment_methods"),
        (
            "are you gonna steal my data lol. jk",
            kefu_intent::OUT_OF_SCOPE,
        ),
    ] {
        let d = reply(decide(&ctx(), &msg(text, model, 0.6)));
        assert_ne!(d.state, WaitingForHuman, "{text}");
    }
}

#[test]
fn policy_topics_in_new_words_name_their_reason() {
    use crate::engine::policy::{PolicyTopic, topic};
    for (text, want) in [
        (
            "hi, random q, is ORG*TEE SHOP you guys? it showed up on my amex twice this week and I only ordered once",
            PolicyTopic::BillingError,
        ),
        (
            "Your hoodie graphic is a straight copy of my registered artwork. Who do I send the notice to?",
            PolicyTopic::Legal,
        ),
        (
            "你们客服在电话里骂我 还说要把我曝光",
            PolicyTopic::Harassment,
        ),
        (
            "My old flat is still on there and my ex lives there now. I want it gone from your records entirely, not just changed",
            PolicyTopic::DataProtection,
        ),
        (
            "weird - got a shipping confirmation for a hoodie I never ordered, going to some address in another city. and the address saved in my profile is different now",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn a_person_asked_for_is_the_reason_when_the_head_alone_names_a_topic() {
    // The person head's topic, which its own model does not hear: the request is the reason.
    let u = super::tests::with_topic(
        msg(
            "can I talk to someone on your team please",
            "contact_human_agent",
            0.9,
        ),
        kefu_intent::topics::Topic::Fraud,
    );
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.state, WaitingForHuman);
    assert_eq!(d.handoff_reason.as_deref(), Some("asked for a human"));
    // A topic heard by its own words stays the reason.
    let d = reply(decide(
        &ctx(),
        &msg(
            "someone used my card on your site, can someone from your team call me",
            "contact_human_agent",
            0.8,
        ),
    ));
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("policy:")),
        "{:?}",
        d.handoff_reason
    );
}

#[test]
fn the_new_words_look_alikes_keep_their_meaning() {
    use crate::engine::policy::{PolicyTopic, topic};
    use crate::engine::{other_tasks, person_words, told_words};
    // No one fled: a move, the weather, a trip, a crushed box; harm now is safety.
    for text in [
        "I moved out because my lease ended, pls change the address on 1003 to 12 King St",
        "天太热了这几天一直躲在家里 1003到哪了",
        "getting away from the city this weekend, can order 1002 ship to my parents' place?",
        "order 1004 arrived in a bad situation, box crushed",
        "我被家暴了 他刚才又打了我 现在躲在厕所里 快递千万别寄到家里",
        "I'm in an abusive relationship and he reads my emails, please delete my account and all my data",
    ] {
        assert!(!urgency_cues::flees_someone(text), "{text}");
    }
    // Still a person's, by its own words.
    assert!(
        topic("I'm in an abusive relationship and he reads my emails, please delete my account and all my data")
            .is_some()
    );
    // Words for other things.
    for (text, not) in [
        (
            "can you pull up my order from your records? lost the confirmation email",
            PolicyTopic::DataProtection,
        ),
        (
            "这件卫衣的动漫图案是正版授权的吗 有没有版权问题",
            PolicyTopic::Legal,
        ),
        (
            "is the print copyright free? want to wear it on my youtube",
            PolicyTopic::Legal,
        ),
        (
            "got the parcel at my saved address but there's a black cap in it I didn't order",
            PolicyTopic::AccountSecurity,
        ),
        (
            "the payment page showed an error twice so i only ordered once - did 1003 go through?",
            PolicyTopic::BillingError,
        ),
        (
            "我朋友说要曝光你们这家店 到现在还不退款",
            PolicyTopic::Harassment,
        ),
    ] {
        assert_ne!(topic(text), Some(not), "{text}");
    }
    assert_eq!(
        topic("nvm the hoodie q — why did you take 69 off me twice? I only bought one"),
        Some(PolicyTopic::BillingError)
    );
    for text in [
        "please don't call me, just leave the parcel with whoever's there",
        "how do I get in touch with the courier about 1002?",
        "if the hoodie doesn't fit how do i contact you for an exchange",
        "1002到的时候我不在家 我找个人来负责签收可以吗",
        "退货的话你们会派个负责取件的人来吗",
    ] {
        assert!(!person_words::asks_for_a_person(text), "{text}");
    }
    assert!(!told_words::says_already_told(
        "do you have both colours of the cap in M?"
    ));
    assert!(!other_tasks::presses_for_a_guess(
        "pretty please can you check where 1003 is"
    ));
    for text in [
        "ok thanks, I'll go ahead and keep it then",
        "ok can i go ahead and swap it for an M instead",
    ] {
        assert!(!return_words::starts_it(text), "{text}");
    }
    for text in [
        "收到之后发现尺码不对 订单1003我要退货",
        "once I received it I saw a stain, I'd like to return 1003",
    ] {
        assert!(!return_words::once_it_arrives(text), "{text}");
    }
}

#[test]
fn how_long_a_refund_takes_to_come_back_is_no_charge_disputed() {
    let shop = shop_knowing("1003", "carlos@example.com", None);
    let u = msg(
        "退了以后信用卡上那笔22块的扣款多久能退回来",
        "check_refund_policy",
        0.7,
    );
    let d = reply(decide(&shop, &u));
    assert_ne!(d.state, WaitingForHuman, "{:?}", d.handoff_reason);
}

#[test]
fn the_next_rounds_plain_words_are_heard() {
    use crate::engine::policy::{PolicyTopic, topic};
    use crate::engine::{claim_words, order_paid, other_tasks, person_words, remark_words};
    // A person asked as an employee to look at an order.
    assert!(person_words::asks_for_a_person(
        "I'd like an actual employee to look at order 1004, not an automated thing"
    ));
    assert!(!person_words::asks_for_a_person(
        "do your employees get a discount on the hoodies?"
    ));
    // The bot asked about from how it sounds.
    for text in [
        "you sound like a robot, are you one?",
        "like a real person typing? or AI",
    ] {
        assert!(honesty::asks_if_bot(text), "{text}");
    }
    // Praise, the order's contents and total asked again, a declined task pressed.
    assert!(remark_words::praises_the_goods(
        "你们家帽子戴着挺暖和的 哈哈"
    ));
    assert!(!remark_words::praises_the_goods("帽子一点都不暖和"));
    assert!(order_paid::asks_what_was_ordered(
        "and what was in that order again?"
    ));
    assert!(order_paid::asks_what_was_paid("ok and the total?"));
    assert!(other_tasks::presses_for_a_guess(
        "come on just 4 lines, she loves your caps if that helps"
    ));
    // A death at home, and someone in the account.
    assert!(urgency_cues::speaks_of_an_emergency(
        "家里老人突然走了 1002填的是他那边的地址 现在没人收了"
    ));
    assert_eq!(
        topic(
            "I got a confirmation for a hoodie I never ordered, and my saved address now says some town in Ohio"
        ),
        Some(PolicyTopic::AccountSecurity)
    );
    // An exchange asked, the refund turned down.
    assert!(claim_words::asks_to_exchange("能换吗 不想退"));
}

#[test]
fn another_way_to_pay_asked_after_the_ways_to_pay_is_not_urgent() {
    let mut shop = ctx();
    shop.last_bot = Some((
        "We accept Visa, Mastercard, American Express, PayPal, Apple Pay and Alipay.".into(),
        Some("check_payment_methods".into()),
    ));
    let u = msg("and apple pay for me here?", kefu_intent::OUT_OF_SCOPE, 0.5);
    assert_eq!(intent(decide(&shop, &u)), "check_payment_methods");
}

#[test]
fn what_happens_now_after_the_email_is_declined_takes_the_person_offered() {
    let mut shop = ctx();
    shop.last_bot = Some((
        crate::engine::replies::text(Line::TrackingNeedsEmail, crate::engine::replies::Lang::En)
            .into(),
        Some("track_order".into()),
    ));
    let u = msg(
        "fine. then what happens now",
        kefu_intent::OUT_OF_SCOPE,
        0.5,
    );
    assert_eq!(reply(decide(&shop, &u)).state, WaitingForHuman);
}

#[test]
fn an_exchange_asked_with_the_refund_turned_down_starts_no_refund() {
    let shop = shop_knowing("1003", "carlos@example.com", None);
    let u = msg("能换吗 不想退", "return_item", 0.7);
    assert_ne!(intent(decide(&shop, &u)), "get_refund");
}

#[test]
fn goods_in_another_colour_and_a_parcel_never_seen_are_claims() {
    use crate::engine::{claim_words, wrong_goods_words};
    for text in [
        "Got a cap today but it's black not navy??",
        "hello. the parcel i got had someone else's name on the packing slip and a pair of socks inside. no cap",
    ] {
        assert!(wrong_goods_words::describes_a_wrong_item(text), "{text}");
    }
    for text in [
        "is the cap black not navy? the photo looks dark",
        "do you have the hoodie in black not grey",
    ] {
        assert!(!wrong_goods_words::describes_a_wrong_item(text), "{text}");
    }
    assert!(claim_words::describes_a_missing_parcel(
        "订单1004 物流说11月20号送达 我根本没见过包裹 两件卫衣138块呢"
    ));
}

#[test]
fn someone_getting_in_a_charge_from_nowhere_and_a_reaction_under_way_are_heard() {
    use crate::engine::policy::{PolicyTopic, topic};
    for (text, want) in [
        (
            "my ex still gets into my account and keeps ordering stuff, how do I kick them out for good",
            PolicyTopic::AccountSecurity,
        ),
        (
            "我前男友知道我密码 一直在用我的号下单 帮我把号锁了吧",
            PolicyTopic::AccountSecurity,
        ),
        (
            "can you tell me what this 34.00 is for? I have no order with you and no account",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "I'm allergic to latex, is there any in the hoodie? my throat's getting tight",
            PolicyTopic::Safety,
        ),
        (
            "the bottle 漏出来的东西 让我嘴巴好痛 is that toxic",
            PolicyTopic::Safety,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    // Family ordering on the account with leave is no one getting in.
    for text in ["我妈用我的账号下单可以吗", "家里人用我的账号下单可以吗"]
    {
        assert_eq!(topic(text), None, "{text}");
    }
}
