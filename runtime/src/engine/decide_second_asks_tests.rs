//! Decision rows for what shoppers say a second way: someone real asked for (said what the
//! bot is, then a person), a lawyer contacted in a mixed sentence or one known cited with a
//! laugh, a swelling laughed off, the day an order was due asked, an occasion's delivery
//! asked calmly, an email corrected after a typo, a parcel looked up by its tracking number,
//! tracking asked by someone locked out, the email declined with another way asked, goods
//! still wanted instead of money, orders placed in an account, and a restated claim.

use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{ctx, has_contact_form, intent_of as intent, msg, order, reply};
use super::*;
use crate::engine::replies::{Lang, Line, text};
use crate::engine::{claim_words, policy, shipping_words, wrong_goods_words};

#[test]
fn someone_real_asked_for_is_told_what_answers_and_gets_a_person() {
    for (said, lang) in [
        (
            "Is there an actual person I could chat with? Nothing urgent, just a question about a bulk order for my team",
            Lang::En,
        ),
        (
            "ok fine. is there anyone with a pulse I could talk to then",
            Lang::En,
        ),
        ("那现在有真人在线吗", Lang::Zh),
    ] {
        let mut u = msg(said, "contact_human_agent", 0.6);
        u.lang = lang;
        let d = reply(decide(&ctx(), &u));
        assert_ne!(d.state, Bot, "{said}");
        assert!(
            d.text.starts_with(text(Line::BotDisclosureShort, lang)),
            "{said}: {}",
            d.text
        );
    }
    // Asked for just after the bot said what it is: not said again.
    let mut told = ctx();
    told.last_bot = Some((
        text(Line::BotDisclosure, Lang::Zh).into(),
        Some("bot_identity".into()),
    ));
    let mut u = msg("那现在有真人在线吗", "contact_human_agent", 0.8);
    u.lang = Lang::Zh;
    let d = reply(decide(&told, &u));
    assert_ne!(d.state, Bot);
    assert!(!d.text.starts_with(text(Line::BotDisclosureShort, Lang::Zh)));
    // Who answers, asked of "客服本人".
    let mut u = msg("请问现在回我消息的是客服本人吗", "complaint", 0.4);
    u.lang = Lang::Zh;
    assert_eq!(intent(decide(&ctx(), &u)), "bot_identity");
}

#[test]
fn a_lawyer_contacted_is_legal_and_one_known_cited_with_a_laugh_is_not() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "我已经联系了律师 about the hoodie order",
            "cancel_order",
            0.4,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("legal")),
        "{:?}",
        d.handoff_reason
    );
    assert_eq!(
        policy::topic(
            "order 1003 carlos@example.com. my lawyer buddy says you have to take it back within 30 days anyway lol"
        ),
        None
    );
    assert_eq!(
        policy::topic("my lawyer buddy says you'll be hearing from him, lol"),
        Some(policy::PolicyTopic::Legal)
    );
}

#[test]
fn a_swelling_laughed_off_is_still_safety() {
    assert_eq!(
        policy::topic(
            "lol funny story, wore the hoodie all day and now my lips are kinda puffy and it's a bit hard to swallow haha"
        ),
        Some(policy::PolicyTopic::Safety)
    );
}

#[test]
fn the_day_an_order_was_due_asked_is_its_status() {
    let mut shop = ctx();
    shop.last_bot = Some((
        "Order 1001 has shipped with UPS.".into(),
        Some("track_order".into()),
    ));
    shop.remembered.order_number = Some("1001".into());
    let mut u = msg(
        "ok and what date was it supposed to arrive?",
        kefu_intent::OUT_OF_SCOPE,
        0.31,
    );
    u.topic = Some((kefu_intent::topics::Topic::Damaged, 0.77));
    assert_eq!(intent(decide(&shop, &u)), "track_order");
}

#[test]
fn an_occasions_delivery_asked_calmly_is_the_delivery_times() {
    let mut u = msg(
        "and how much is express? need it before my sister's wedding or she'll murder me",
        "delivery_options",
        0.35,
    );
    u.topic = Some((kefu_intent::topics::Topic::Urgent, 0.97));
    let plan = decide(&ctx(), &u);
    assert_ne!(intent(plan), "urgent_request");
}

#[test]
fn an_email_corrected_after_a_typo_is_only_the_email() {
    let mut u = msg("啊打错了 是li.wei@example.com", "complaint", 0.5);
    u.lang = Lang::Zh;
    let d = reply(decide(&ctx(), &u));
    assert_eq!(d.state, Bot);
    let mut u = msg("我邮箱sam@example.com 订单1004", "return_item", 0.5);
    u.lang = Lang::Zh;
    assert_ne!(intent(decide(&ctx(), &u)), "get_refund");
}

#[test]
fn a_parcel_looked_up_by_its_tracking_number_is_its_order() {
    let mut shop = ctx();
    shop.remembered.order_number = Some("1003".into());
    let mut sent = order("1003", "carlos@example.com");
    sent.tracking_number = Some("9400111899223344556677".into());
    shop.orders = vec![sent];
    let u = msg(
        "my brother will literally murder me if his birthday cap doesn't show up lol. USPS 9400111899223344556677 says something but idk what it means",
        kefu_intent::OUT_OF_SCOPE,
        0.53,
    );
    assert_eq!(intent(decide(&shop, &u)), "track_order");
    // A number no order of the shop's was sent with (a return's, posted back) is not it.
    let mut back = shop.clone();
    back.orders[0].tracking_number = Some("1Z999AA10123456784".into());
    assert_ne!(intent(decide(&back, &u)), "track_order");
}

#[test]
fn tracking_asked_by_someone_locked_out_is_looked_up() {
    for (said, model) in [
        ("查下1004号的物流 谢谢", "track_refund"),
        (
            "忘了账号密码 登不上去看物流 帮我查下快递单号呗",
            "recover_password",
        ),
    ] {
        let mut u = msg(said, model, 0.6);
        u.lang = Lang::Zh;
        assert_eq!(intent(decide(&ctx(), &u)), "track_order", "{said}");
    }
}

#[test]
fn the_email_declined_with_another_way_asked_is_a_person_at_once() {
    let mut shop = ctx();
    shop.conversation.pending_intent = Some("track_order".into());
    shop.pending.order_number = Some("1001".into());
    shop.last_bot = Some((
        format!(
            "Order 1001: shipped. {}",
            text(Line::DetailsNeedProof, Lang::En)
        ),
        Some("track_order".into()),
    ));
    for (said, lang) in [
        (
            "i'd rather not put my email in a chat window sorry. anything else you can do?",
            Lang::En,
        ),
        ("邮箱不方便给 你就告诉我包裹现在在哪就行", Lang::Zh),
    ] {
        let mut u = msg(said, kefu_intent::OUT_OF_SCOPE, 0.5);
        u.lang = lang;
        let d = reply(decide(&shop, &u));
        assert_eq!(d.state, WaitingForHuman, "{said}");
    }
    // Declined alone: why it is needed first.
    let d = reply(decide(
        &shop,
        &msg(
            "I'm not handing my email to a chat window, the order number should be plenty",
            "contact_customer_service",
            0.5,
        ),
    ));
    assert_eq!(d.state, Bot);
}

#[test]
fn the_goods_still_wanted_with_the_money_turned_down_is_other_goods() {
    for said in [
        "carlos@example.com 我还是要藏青色的 不要退款",
        "I still want the navy one, no refund please",
    ] {
        assert!(claim_words::asks_for_other_goods(said), "{said}");
    }
    for said in ["我还是要退款", "I still want the refund"] {
        assert!(!claim_words::asks_for_other_goods(said), "{said}");
    }
}

#[test]
fn orders_placed_in_an_untouched_account_are_the_account() {
    assert_eq!(
        policy::topic(
            "got order confirmation emails for stuff I never bought, shipping to some address in Ohio. I haven't touched my account in months"
        ),
        Some(policy::PolicyTopic::AccountSecurity)
    );
    assert_eq!(
        policy::topic(
            "got an 'order confirmed' email for stuff I never bought, and the shipping address saved in my account is now somewhere in Ohio??"
        ),
        Some(policy::PolicyTopic::AccountSecurity)
    );
    // A charge disowned stays a charge.
    assert_eq!(
        policy::topic("there's a $98 charge on my card for an order I never placed"),
        Some(policy::PolicyTopic::UnauthorisedCharge)
    );
}

#[test]
fn a_claim_said_again_and_a_missing_tee_are_claims() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "I SAID the hoodie zipper is broken, I don't want to track anything",
            "track_order",
            0.48,
        ),
    ));
    assert_eq!(d.pending_intent.as_deref(), Some("report_damaged"));
    assert!(wrong_goods_words::describes_a_missing_item(
        "order 1001 finally showed up!! but no t-shirt in it, just the hoodie"
    ));
    assert!(!has_contact_form(&d));
}

#[test]
fn the_free_delivery_threshold_and_a_fee_grumbled_at_are_what_shipping_costs() {
    for said in [
        "5 dollars shipping on a 29 tshirt?? that's daylight robbery",
        "fine. so how much more do I have to spend for it to be free",
    ] {
        assert!(shipping_words::asks_what_shipping_costs(said), "{said}");
    }
    assert!(!shipping_words::asks_what_shipping_costs(
        "the hoodie is 69 dollars right?"
    ));
}

#[test]
fn money_gone_from_an_account_stays_a_charge() {
    assert_eq!(
        policy::topic(
            "Hi - order 1004 is mine, that one's fine. But there's another 69.00 from you that went out of my account yesterday and I didn't buy anything else"
        ),
        Some(policy::PolicyTopic::UnauthorisedCharge)
    );
}

#[test]
fn sensitive_singles_in_new_words_are_heard() {
    use policy::PolicyTopic::{AccountSecurity, Legal, Safety, UnauthorisedCharge};
    for (text, topic) in [
        ("我朋友是律师 他说这种情况可以直接告", Legal),
        ("我朋友是律师 他说这个能告 我准备告了", Legal),
        (
            "I've already started proceedings, give me a registered address to serve the papers",
            Legal,
        ),
        (
            "i didn't change my email address but your site says it was updated yesterday",
            AccountSecurity,
        ),
        (
            "all my saved addresses were deleted and replaced with one I don't know",
            AccountSecurity,
        ),
        (
            "why is there a pending 69.00 from you when I never finished checkout",
            UnauthorisedCharge,
        ),
        (
            "the bottle leaked something black into my water and I'd already drunk half",
            Safety,
        ),
    ] {
        assert_eq!(policy::topic(text), Some(topic), "{text}");
    }
    // Their look-alikes.
    for text in [
        "你可以直接告诉我尺码吗",
        "能告诉我怎么退货吗",
        "我朋友是律师 她推荐你们家的卫衣",
        "how do I change my email address on my account?",
        "I never finished checkout, is the hoodie still in my basket?",
        "the bottle leaked a bit in my bag, is the lid supposed to be that loose?",
    ] {
        assert_eq!(policy::topic(text), None, "{text}");
    }
}

#[test]
fn the_look_alikes_of_these_words_keep_their_meaning() {
    use crate::engine::{
        arrival_words, delivery_words, goods_harm, pressure_cues, replies::asks_for_human,
    };
    use policy::PolicyTopic::{AccountSecurity, Legal, Safety, UnauthorisedCharge};
    for (text, not) in [
        (
            "my order shows a pending status and I have no idea what that means",
            UnauthorisedCharge,
        ),
        (
            "I never finished checkout because the payment page froze, is the hoodie still in my cart?",
            UnauthorisedCharge,
        ),
        (
            "I've never ordered before, how do I verify my account?",
            AccountSecurity,
        ),
        (
            "I never ordered anything, why did you take money from my account?",
            AccountSecurity,
        ),
        (
            "paying 12 for shipping after waiting 3 weeks for a tee is hard to swallow",
            Safety,
        ),
        ("卫衣穿了一次就起球 这口气我咽不下去", Safety),
        ("退款的事可以告一段落了 谢谢", Legal),
        ("我又不是要去告你们 就想退个款", Legal),
        ("你直接告我单号就行", Legal),
        (
            "I keep getting newsletters I never asked for, please take my email address off your list",
            AccountSecurity,
        ),
    ] {
        assert_ne!(policy::topic(text), Some(not), "{text}");
    }
    // A laugh does not take back a threat made with a lawyer known ("lol ok. my lawyer friend
    // will deal with you from here, this isn't over").
    assert!(!crate::engine::legal_noise::someone_in_the_law(
        "lol ok. my lawyer friend will deal with you from here, this isn't over"
    ));
    assert!(!claim_words::only_asks(
        &arrival_words::without_the_due_day(
            "when was it supposed to arrive?? it never came and tracking says delivered"
        )
    ));
    assert!(!claim_words::describes_damage(
        "I SAID the checkout page is broken, I can't pay"
    ));
    assert!(!claim_words::asks_for_other_goods(
        "I still want my refund, no refund has arrived yet"
    ));
    assert!(!shipping_words::asks_when_back_in_stock(
        "那顶帽子什么时候补发啊 都一周了"
    ));
    for text in [
        "is the navy hoodie 45 dollars? and how long is delivery",
        "can I spend my points to get it free?",
    ] {
        assert!(!shipping_words::asks_what_shipping_costs(text), "{text}");
    }
    for text in [
        "帮我查一下你们一般发什么快递",
        "快递员态度太差了 你们看一下怎么处理",
        "快递到了 我检查一下发现杯子裂了",
    ] {
        assert!(!delivery_words::asks_to_track(text), "{text}");
    }
    assert!(!wrong_goods_words::describes_a_missing_item(
        "my tee arrived and I love it, is there no hoodie in XL though?"
    ));
    assert!(!pressure_cues::asks_the_options_for_an_occasion(
        "how much is express? it's for my mum's birthday tomorrow"
    ));
    assert!(!goods_harm::drank_what_the_goods_shed(
        "the logo on my bottle started peeling, been drinking out of it daily for months"
    ));
    assert!(!asks_for_human(
        "how does the hoodie fit on an actual person? the photos look edited"
    ));
}

#[test]
fn round_twenty_seven_in_its_own_words() {
    use crate::engine::{delivery_words, honesty, person_words, refund_words, remark_words};
    // A lawyer described, a refund said owed, more threatened.
    assert_eq!(
        policy::topic(
            "hi, genuine question. the guy who does my contracts says I'm owed a full refund plus shipping for the damaged cap, order 1003. will you pay it or do we take this further"
        ),
        Some(policy::PolicyTopic::Legal)
    );
    assert!(person_words::asks_for_a_person(
        "fine, then just pass me to a customer service rep"
    ));
    assert!(remark_words::praises_the_goods(
        "哈哈 你们的帽子真的绝了 杀疯了 室友都想要"
    ));
    assert!(!crate::engine::replies::asks_for_human(
        "ha. you sound pretty human. anyway does the tee shrink in the wash"
    ));
    assert!(delivery_words::asks_its_status(
        "1004, sam@example.com. just tell me where they are, that's all I want"
    ));
    assert!(claim_words::asks_for_other_goods(
        "carlos@example.com 想换成我买的那个颜色"
    ));
    assert!(honesty::asks_if_bot(
        "thought so. who am I actually talking to here"
    ));
    assert!(refund_words::requests_it(
        "我说的是退款 不是查物流!! 帽子 1003"
    ));
    assert!(crate::engine::urgency_cues::speaks_of_an_emergency(
        "my mum's just been taken into hospital and I'm flying out tonight"
    ));
    // An invoice looked for on an order is the invoice, not the order's status.
    let mut u = msg("行吧 那你帮我看看1003的发票在哪下载", "check_invoice", 0.6);
    u.lang = Lang::Zh;
    assert_ne!(intent(decide(&ctx(), &u)), "track_order");
}

#[test]
fn a_mother_taken_into_hospital_is_urgent_whatever_the_head_names() {
    use kefu_intent::topics::Topic;
    assert!(crate::engine::topic_choice::an_emergency_heard_as_harm(
        Topic::Fraud,
        &[(Topic::Fraud, 0.01), (Topic::Urgent, 0.47)],
        "my mum's just been taken into hospital and I'm flying out tonight. 1002 either needs to go somewhere else or be cancelled, I don't mind which",
    ));
}

#[test]
fn round_twenty_sevens_sensitive_singles_are_heard() {
    use policy::PolicyTopic::{AccountSecurity, Harassment, Legal, Safety};
    for (text, topic) in [
        (
            "If my parcel doesn't arrive I'll burn your shop down",
            Harassment,
        ),
        (
            "I'm getting threatening DMs from an account that says it works for you",
            Harassment,
        ),
        (
            "I've got screenshots of everything and my brother is a barrister, good luck",
            Legal,
        ),
        (
            "who changed my phone number on my account? got locked out this morning",
            AccountSecurity,
        ),
        (
            "the verification codes keep arriving and I'm not the one trying to get in",
            AccountSecurity,
        ),
        (
            "your site says I'm logged in on 4 devices. I own one phone",
            AccountSecurity,
        ),
        ("我对羊毛过敏 穿了你们的衣服喘不上气 里面有羊毛吗", Safety),
        (
            "my scalp is blistering where the navy cap sits, is the dye safe?",
            Safety,
        ),
        ("打开包裹里面有粉末 吸到后一直咳嗽", Safety),
    ] {
        assert_eq!(policy::topic(text), Some(topic), "{text}");
    }
    for text in [
        "is the dye in the navy cap safe for sensitive skin?",
        "my son has a cough, will the hoodie keep him warm?",
        "good luck with the sale this weekend!",
        "I'm logged in on my laptop but can't see my orders",
    ] {
        assert_eq!(policy::topic(text), None, "{text}");
    }
}

#[test]
fn round_twenty_sevens_look_alikes_keep_their_meaning() {
    use crate::engine::{delivery_words, person_words, refund_words, remark_words};
    for text in [
        "衣服被熨斗烧了你们能换吗",
        "收到房东的威胁信息，要搬家了，能改下1003的地址吗",
        "孩子咳嗽了，想给他买件厚点的衣服",
        "can I have two accounts? i only have one email address",
        "My son just became a lawyer, first day tomorrow, good luck to him! Is the navy hoodie in stock in L?",
        "can my parcel be taken to the hospital reception instead? I work nights there",
    ] {
        let topic = policy::topic(text);
        assert!(topic.is_none(), "{text}: {topic:?}");
    }
    assert!(!crate::engine::urgency_cues::speaks_of_an_emergency(
        "can my parcel be taken to the hospital reception instead? I work nights there"
    ));
    assert!(!refund_words::no_longer_wants_it(
        "Can I get a refund on a hoodie if it's never worn, tags still on?"
    ));
    assert!(!refund_words::requests_it("我不是要退款，就是问1003到哪了"));
    for text in [
        "can you tell me where it is made?",
        "how do I change where my order is going?",
    ] {
        assert!(!delivery_words::asks_its_status(text), "{text}");
    }
    assert!(!claim_words::asks_to_exchange("1003的快递想换成顺丰可以吗"));
    assert!(!person_words::asks_for_a_person(
        "please don't pass me to another bot, just cancel 1003"
    ));
    assert!(crate::engine::replies::asks_for_human(
        "is there anybody there who actually sounds human??"
    ));
    assert!(!remark_words::praises_the_goods(
        "谢谢啊，发错货还要我自己出运费，真的绝了"
    ));
    // A receipt mentioned is no invoice asked for: the order is still looked up.
    let plan = decide(
        &ctx(),
        &msg(
            "can you check order 1003? I have the receipt, it says paid but nothing shipped",
            "check_invoice",
            0.4,
        ),
    );
    assert_eq!(intent(plan), "track_order");
}
