//! Decision rows for what shoppers say beside or around a request: someone real asked for by
//! their heartbeat or as an employee, the chat called software, a dying parent, an emergency
//! the topic models hear as the law, a person asked for with nothing of an account, how a
//! charge reads on a statement, praise in slang, nothing the matter said, a parcel looked for
//! at home or made sure of, an address changed before any order is named, the apartment
//! number mistyped, a charge asked back after a change of mind, and a greeting said twice.

use kefu_intent::topics::Topic;
use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::tests::{ctx, intent_of as intent, msg, order, reply};
use super::*;
use crate::engine::replies::{Lang, Line, text};
use crate::engine::{
    arrival_words, honesty, own_charges, policy, refund_words, remark_words, topic_noise,
    urgency_cues,
};

#[test]
fn someone_real_asked_for_by_a_heartbeat_or_as_an_employee_is_told_what_answers() {
    for said in [
        "is there an actual employee around? my question is complicated and involves three separate orders",
        "is anyone with an actual heartbeat reading this 👀",
        "Is there a pulse on the other end of this chat?",
    ] {
        let d = reply(decide(&ctx(), &msg(said, "complaint", 0.4)));
        assert_ne!(d.state, Bot, "{said}");
        assert!(
            d.text.starts_with(text(Line::BotDisclosureShort, Lang::En)),
            "{said}: {}",
            d.text
        );
    }
    // Software named as what answers is the bot question.
    assert!(honesty::asks_if_bot(
        "quick q before I type out my whole saga: am I chatting with someone in your office or is this software"
    ));
    assert!(!honesty::asks_if_bot(
        "does the hoodie come with a size chart?"
    ));
}

#[test]
fn a_dying_parent_told_with_an_order_is_urgent() {
    let d = reply(decide(
        &ctx(),
        &msg(
            "This is time sensitive. The hoodie was a gift for my dad, he's in palliative care and we don't know how long he has. Order 1001 never came.",
            "complaint",
            0.34,
        ),
    ));
    assert_eq!(d.state, WaitingForHuman);
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("urgent")),
        "{:?}",
        d.handoff_reason
    );
}

#[test]
fn an_emergency_heard_as_the_law_or_a_plain_request_heard_as_a_takeover_is_noise() {
    let emergency = "it's urgent - my mum's just been taken into hospital and I'm staying with her, nobody will be home for 1001";
    assert!(topic_noise::own_affairs(Topic::Legal, 0.63, emergency));
    // The law named beside it is still the law.
    assert!(!topic_noise::own_affairs(
        Topic::Legal,
        0.63,
        "my mum's just been taken into hospital and my lawyer will be in touch about 1001"
    ));
    let sort_it = "I can't think about this right now, can someone please just sort it out";
    assert!(topic_noise::own_affairs(
        Topic::AccountTakeover,
        0.92,
        sort_it
    ));
    assert!(!topic_noise::own_affairs(
        Topic::AccountTakeover,
        0.92,
        "someone changed my password, can someone please sort it out"
    ));
    // Urgent, then: the person is asked at once, for the emergency.
    let d = reply(decide(
        &ctx(),
        &msg(emergency, kefu_intent::OUT_OF_SCOPE, 0.72),
    ));
    assert!(
        d.handoff_reason
            .as_deref()
            .is_some_and(|r| r.contains("urgent")),
        "{:?}",
        d.handoff_reason
    );
}

#[test]
fn how_a_charge_will_read_on_a_statement_is_no_fraud() {
    let asked = "great, and will the 138 charge show under the company name on the card statement?";
    assert!(topic_noise::own_affairs(Topic::Fraud, 0.51, asked));
    assert!(!topic_noise::own_affairs(
        Topic::Fraud,
        0.51,
        "there's a charge showing up as your company name on my statement that I don't recognise"
    ));
}

#[test]
fn praise_in_slang_and_nothing_the_matter_are_no_complaint() {
    let d = reply(decide(
        &ctx(),
        &msg("哈哈 你们的T恤真的绝了 我已经买第三件了", "complaint", 0.99),
    ));
    assert_eq!(d.state, Bot, "{}", d.text);
    // A question before buying with the goods praised: the product, looked up (the grey zip
    // hoodie is one of the shop's products).
    let mut shop = ctx();
    shop.names_product = true;
    let u = msg(
        "is the grey zip hoodie worth it? saw it on a friend and it looked killer",
        "complaint",
        0.34,
    );
    assert_eq!(intent(decide(&shop, &u)), "product_info");
    let mut u = msg("哈哈没事 就是看看你们今天忙不忙", "complaint", 0.6);
    u.lang = Lang::Zh;
    assert_eq!(intent(decide(&ctx(), &u)), "greeting");
    assert!(remark_words::says_nothing_is_the_matter(
        "nothing, just checking you're there lol"
    ));
    // Something the matter after all.
    assert!(!remark_words::says_nothing_is_the_matter(
        "没事 就是卫衣还没收到"
    ));
    // A greeting answered again is no loop.
    let mut greeted = ctx();
    greeted.last_bot = Some((
        text(Line::Greeting, Lang::Zh).into(),
        Some("greeting".into()),
    ));
    let d = reply(decide(&greeted, &u));
    assert!(
        d.text.starts_with(text(Line::Greeting, Lang::Zh)),
        "{}",
        d.text
    );
}

#[test]
fn a_parcel_looked_for_at_home_or_made_sure_of_is_no_claim() {
    assert!(arrival_words::will_look_for_it_at_home(
        "ok if it shows delivered ill ask my roommate, she grabs the mail"
    ));
    assert!(!arrival_words::will_look_for_it_at_home(
        "I already asked my roommate, it's not here and UPS says delivered"
    ));
    assert!(arrival_words::only_double_checks(
        "so it really says delivered the 20th? just want to be sure it's the hoodies"
    ));
    let mut shop = ctx();
    let mut came = order("1004", "sam@example.com");
    came.status = "delivered".into();
    shop.orders = vec![came];
    shop.remembered.order_number = Some("1004".into());
    shop.last_bot = Some((
        "Order 1004 was delivered on 2026-11-20 by UPS.".into(),
        Some("track_order".into()),
    ));
    let said = "ok if it shows delivered ill ask my roommate, she grabs the mail";
    let mut u = msg(said, kefu_intent::OUT_OF_SCOPE, 0.79);
    u.topic = Some((Topic::NotReceived, 0.91));
    assert_ne!(intent(decide(&shop, &u)), "report_not_received");
}

#[test]
fn an_address_changed_before_any_order_or_mistyped_is_the_address_change() {
    assert_eq!(
        intent(decide(
            &ctx(),
            &msg(
                "hey can i change where my order is going",
                "change_order",
                0.5
            )
        )),
        "change_shipping_address"
    );
    let mut shop = ctx();
    let mut preparing = order("1002", "li.wei@example.com");
    preparing.status = "processing".into();
    shop.orders = vec![preparing];
    let mut u = msg(
        "Hi I put the wrong apartment number on order 1002",
        "change_shipping_address",
        0.71,
    );
    u.topic = Some((Topic::WrongItem, 0.52));
    assert_eq!(intent(decide(&shop, &u)), "change_shipping_address");
}

#[test]
fn a_charge_asked_back_after_a_change_of_mind_is_the_refund() {
    let said = "changed my mind about the water bottle, the charge already went through on my card, can I get it back?";
    assert!(refund_words::asks_for_money_back(said));
    assert!(!refund_words::asks_after_a_refund(said));
    // A refund gone through is still asked after.
    assert!(refund_words::asks_after_a_refund(
        "did the refund go through? it's been a week"
    ));
    assert_eq!(
        intent(decide(&ctx(), &msg(said, kefu_intent::OUT_OF_SCOPE, 0.31))),
        "get_refund"
    );
}

#[test]
fn harm_the_goods_did_told_in_new_words_is_safety() {
    for said in [
        "the hoodie fabric melted onto my arm near the stove, is it supposed to do that? it hurts so much",
        "the seal came off the bottle in my daughter's mouth and she was coughing really hard",
        "something in the t-shirt is making my throat feel tight",
        "is there nickel in the hoodie zipper? my neck is breaking out where it touches",
        "the print on the tee smells like chemicals and it's given me a pounding headache and nausea",
    ] {
        assert_eq!(
            policy::topic(said),
            Some(policy::PolicyTopic::Safety),
            "{said}"
        );
    }
    // A hazard asked about before buying is no harm told.
    assert_eq!(
        policy::topic("is the cap strap a choking hazard for toddlers?"),
        None
    );
}

#[test]
fn a_suit_said_in_a_word_and_money_that_left_the_account_are_heard() {
    assert_eq!(
        policy::topic("sue. that's where this is going. sue."),
        Some(policy::PolicyTopic::Legal)
    );
    // A name signed is no suit.
    assert_eq!(policy::topic("thanks for sorting the cap! - sue"), None);
    for said in [
        "just saw $138 leave my account to you, I didn't order any hoodies",
        "my statement says 138 from you but my only order was 22, where did the rest come from",
    ] {
        assert_eq!(
            policy::topic(said),
            Some(policy::PolicyTopic::UnauthorisedCharge),
            "{said}"
        );
    }
}

#[test]
fn round_twenty_eights_look_alikes_keep_their_meaning() {
    // A charger or someone in charge is no charge asked back; a request withdrawn is no refund.
    assert!(!refund_words::asks_for_money_back(
        "I left my phone charger in the box when I returned order 1003, can I get it back?"
    ));
    assert!(refund_words::withdraws_a_request(
        "I asked for a refund on 1003 but changed my mind, I want to keep the hoodie"
    ));
    assert!(refund_words::asks_after_a_refund(
        "has the money for my return gone through to my card yet?"
    ));
    // Time to return, a pilling complaint: no emergency.
    for said in [
        "I bought the grey hoodie for my son, how long he has to return it if it doesn't fit?",
        "我这件卫衣买了没多少日子就起球了",
        "not long left on the sale so I want to order the hoodie now, is the M in stock?",
    ] {
        assert!(!urgency_cues::speaks_of_an_emergency(said), "{said}");
    }
    // A regulator threatened beside an emergency, a takeover told beside a person asked for:
    // still the topic.
    assert!(!topic_noise::own_affairs(
        Topic::Legal,
        0.7,
        "My dad's in palliative care and I've been chasing his refund for order 1003 for five weeks. Fine, this is going to the ombudsman and the consumer regulator."
    ));
    assert!(!topic_noise::own_affairs(
        Topic::AccountTakeover,
        0.9,
        "Somebody's placed three orders under my name this week and had them sent to Leeds. I need a real person now."
    ));
    // Nothing the matter only when nothing follows but checking in.
    for said in [
        "没事找事是吧 就是不给我退款",
        "nothing just wondering why my refund is taking 3 weeks",
    ] {
        assert!(!remark_words::says_nothing_is_the_matter(said), "{said}");
    }
    // Praise taken back, or of the photos only.
    for said in [
        "客服态度太敷衍了 以后不会再回购了",
        "Looked killer in the photos. What showed up looks like a dishrag lol",
    ] {
        assert!(!remark_words::praises_the_goods(said), "{said}");
    }
    // Someone real told of or a staff discount: no request for a person.
    for said in [
        "An actual employee told me on the phone returns were free, so why is there a fee on my label?",
        "is the staff discount only for actual employees?",
        "the hoodie is so soft anyone with a heartbeat would love it lol, do you do gift wrap?",
    ] {
        assert!(!crate::engine::replies::asks_for_human(said), "{said}");
    }
    // Where an order still to be placed will go: no address change.
    assert_ne!(
        intent(decide(
            &ctx(),
            &msg(
                "If I order now can I change where it ships later if I move?",
                "delivery_options",
                0.6
            )
        )),
        "change_shipping_address"
    );
    assert!(!arrival_words::will_look_for_it_at_home(
        "显示已签收 我去问了驿站 他们说没有我的件"
    ));
    assert!(!own_charges::asks_how_a_charge_will_read(
        "Just saw a 138 charge from you on my Visa and I'm not sure what it's for. What name do your charges show up under?"
    ));
    assert!(own_charges::asks_how_a_charge_will_read(
        "great, and will the 138 charge show under the company name on the card statement?"
    ));
    assert!(!arrival_words::asks_when_delivered(
        "UPS says it was delivered on the 20th, just making sure that's right, because my doorbell cam shows a guy walking off with it."
    ));
    assert!(!honesty::asks_if_bot(
        "My card keeps getting declined at checkout, is it my bank or is it software on your end?"
    ));
    for said in [
        "I'm between a rock and a hard place, your courier keeps calling me at night",
        "hows it my fault it doesnt fit, you sent an S not an L",
    ] {
        assert!(!kefu_intent::asks::asks_about_fit(said), "{said}");
    }
    assert!(kefu_intent::asks::asks_about_fit(
        "hows the fit, im between M and L"
    ));
    assert!(!kefu_intent::asks::asks_about_stock(
        "is there enough left on my gift card for the cap?"
    ));
}

#[test]
fn round_twenty_nines_misses_and_reasons_are_heard() {
    // Staff calling the shopper names: harassment however it is asked.
    assert!(topic_noise::speaks_of_harassment(
        "one of your staff replied to my return email calling me a 'stupid cow'. is that how you treat people?"
    ));
    heard_as(&[
        (
            "weird, just got an email saying my shipping address was updated and my password changed. I did neither",
            policy::PolicyTopic::AccountSecurity,
        ),
        (
            "so my ex and I split up and I'm pretty sure he still gets into my profile here, the address keeps changing back to his",
            policy::PolicyTopic::AccountSecurity,
        ),
        (
            "进不去了 绑定的邮箱被人换成一个我不认识的",
            policy::PolicyTopic::AccountSecurity,
        ),
        (
            "你们那边都记录了我哪些东西？全部导出来给我看看",
            policy::PolicyTopic::DataProtection,
        ),
        (
            "Hi, I returned a tee last month, all fine. 另外 who did you give my phone number to?",
            policy::PolicyTopic::DataProtection,
        ),
    ]);
    assert!(urgency_cues::speaks_of_an_emergency(
        "my son's been admitted to hospital and I won't be home for the hoodie delivery"
    ));
    // Whether it came, asked by someone away, read as a complaint: its order asked for.
    let mut u = msg("在吗 我的帽子到了没 我在出差家里没人", "complaint", 0.87);
    u.lang = Lang::Zh;
    assert_eq!(intent(decide(&ctx(), &u)), "track_order");
    // A refund asked in so many words, read as nothing: the refund.
    assert_eq!(
        intent(decide(
            &ctx(),
            &msg(
                "I'd like a refund on the navy cap, turns out my head is bigger than I thought haha",
                kefu_intent::OUT_OF_SCOPE,
                0.39
            )
        )),
        "get_refund"
    );
    // A detail offered in case it helps: a value supplied.
    let mut shop = ctx();
    shop.remembered.order_number = Some("1001".into());
    assert_eq!(
        intent(decide(
            &shop,
            &msg(
                "it was the two grey hoodies if that helps",
                "complaint",
                0.5
            )
        )),
        "supplied_values"
    );
}

#[test]
fn round_twenty_nines_single_messages_are_heard() {
    heard_as(&[
        (
            "this is my last message before I get the law involved",
            policy::PolicyTopic::Legal,
        ),
        (
            "半夜三点收到付款成功通知 我那时候在睡觉啊",
            policy::PolicyTopic::UnauthorisedCharge,
        ),
        (
            "get my old address off my profile and out of your backups too",
            policy::PolicyTopic::DataProtection,
        ),
        (
            "打开包裹手就开始发红发痒 里面是不是有什么东西",
            policy::PolicyTopic::Safety,
        ),
        (
            "the verification codes keep arriving even though I'm not trying to get in, and now my points are gone",
            policy::PolicyTopic::AccountSecurity,
        ),
        (
            "there's rust inside the steel bottle and I've been drinking from it for a week, I feel awful",
            policy::PolicyTopic::Safety,
        ),
        (
            "the bottle got super hot in the car and burst, my friend has burns on her arm",
            policy::PolicyTopic::Safety,
        ),
    ]);
    // Only looking around is no legal matter, however the legal model hears it.
    assert!(topic_noise::own_affairs(
        Topic::Legal,
        0.82,
        "I'm just browsing"
    ));
    // A neighbour who took a parcel in took nothing: the date is made sure of.
    assert!(arrival_words::asks_when_delivered(
        "so it says delivered on the 20th? just making sure, I suspect my neighbour took it in"
    ));
}

#[test]
fn round_twenty_nines_look_alikes_keep_their_meaning() {
    // The shopper's own sign-in, family ordering, a new phone, being asleep for the courier,
    // an argument not to be had: no takeover, no fraud.
    for said in [
        "I keep getting an 'invalid password' error when logging into my account on the app",
        "我妈在用我的账号帮我下单 能寄到她的地址吗",
        "我手机换成了新的 登不上账号了 验证码收不到",
        "快递打电话的时候我在睡觉没接到，货到付款的话还能再送一次吗",
        "I'm not trying to get into an argument, but the hoodie from 1004 has a hole in the sleeve",
        "who did you give my parcel to?? tracking says delivered but it's not here",
        "I gave my number to the driver so he can call when he's outside",
        "看到你们新出的卫衣手又发痒了 有优惠码吗",
        "包裹五天没动了 深呼吸… 到底到哪了",
        "my dad has burns on his arms from a kitchen accident, which of your tees is the softest cotton?",
        "there's some crust inside the bottle from my coffee, been drinking from it daily, how do I clean it?",
        "someone stole my parcel off the porch, should I get the law involved or will you just resend?",
    ] {
        let topic = policy::topic(said);
        assert!(
            !matches!(
                topic,
                Some(
                    policy::PolicyTopic::AccountSecurity
                        | policy::PolicyTopic::UnauthorisedCharge
                        | policy::PolicyTopic::DataProtection
                        | policy::PolicyTopic::Safety
                        | policy::PolicyTopic::Legal
                )
            ),
            "{said}: {topic:?}"
        );
    }
    assert!(refund_words::turns_down_money_back(
        "Not asking for a refund on 1003, I just want to know why the hoodie shrank"
    ));
    assert!(!topic_noise::speaks_of_harassment(
        "the driver called me a few times while I was at work, can he leave it at the locker?"
    ));
    for said in [
        "马上新年了 你们春节期间还发货吗",
        "收到的卫衣好像不是新品 领口有点脏",
    ] {
        assert!(
            !crate::engine::range_words::asks_what_the_shop_sells(said),
            "{said}"
        );
    }
    // A parcel the driver took back is missing; one the neighbour took in is not.
    assert!(!arrival_words::asks_when_delivered(
        "it says delivered on the 20th? just making sure, my ring cam shows the driver took it back to his van"
    ));
}

/// Asserts each message is heard as its policy topic by the keyword rules.
fn heard_as(rows: &[(&str, policy::PolicyTopic)]) {
    for &(said, topic) in rows {
        assert_eq!(policy::topic(said), Some(topic), "{said}");
    }
}
