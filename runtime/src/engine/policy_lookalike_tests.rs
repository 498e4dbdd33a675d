//! Unit tests of the policy topics told in new words (`policy.rs`), each beside the
//! look-alikes that are the shopper's own business and must not reach a person.

use super::*;

#[test]
fn harm_told_in_new_words_reaches_a_person_and_its_look_alikes_do_not() {
    for text in [
        "我老公打我，我不敢让包裹寄到家里，能不能帮帮我",
        "my child is missing and the last thing she did was order from your site on my account",
        "用你们杯子喝水以后一直拉肚子，是不是材料有问题",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    for text in [
        "injured my knee so I can't get to the post office, can a courier collect my return?",
        "腿受伤了不方便出门，退货可以上门取件吗",
        "ambulance driver here, need something warm for night shifts, do hoodies come in XL",
        "打我电话就行，13800000000",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_court_seen_a_charge_disowned_and_a_sign_in_owned_are_told_apart() {
    assert_eq!(
        topic("see you in court. 98 dollars and no parcel, that's theft"),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(
        topic("i'll see u in court over this cap lmao no seriously i will"),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(
        topic("I'll take you to court... the basketball court, wearing my new hoodie 😄"),
        None
    );
    assert_eq!(
        topic("paypal says I paid you 98 dollars. I didn't. who did?"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
    assert_eq!(
        topic("didn't recognise the charge at first but it's my cap order, sorry, ignore me!"),
        None
    );
    assert_eq!(
        topic("I got a new sign-in email from you but that was me on my new phone"),
        None
    );
    assert_eq!(
        topic("my cat 'hacked' my laptop and ordered a second bottle, can I cancel 1002"),
        None
    );
    assert_eq!(
        topic("got a new sign-in email and it wasn't me"),
        Some(PolicyTopic::AccountSecurity)
    );
    assert_eq!(
        topic("threatened with rain all week, will the courier leave the box outside?"),
        None
    );
}

#[test]
fn the_banked_rounds_words_are_heard_and_their_look_alikes_are_not() {
    for (text, want) in [
        (
            "I can't sign in anymore and the reset link goes to an email that isn't mine",
            PolicyTopic::AccountSecurity,
        ),
        (
            "I'm being harassed by someone who got my address from an order I placed here",
            PolicyTopic::Harassment,
        ),
        (
            "i feel like ending it all honestly, this order was the last straw",
            PolicyTopic::Safety,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "payment failed twice, i don't want to be charged 3 times, did either go through?",
        "is the bottle's lid child-safe? my toddler opens everything",
        "my lawyer friend says your tees are great, any in black?",
        "can you help me write a letter to my landlord about the broken heating? my lawyer's way too expensive lol",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn who_is_charging_disowns_the_charge_and_a_nagging_figure_harasses_nobody() {
    assert_eq!(
        topic("who keeps charging me 69.00 every few days? it says your store name"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
    assert_eq!(
        topic("my boss is harassing me for this company invoice, where do I get it"),
        None
    );
}

#[test]
fn a_fright_said_as_a_heart_attack_is_no_harm_swelling_and_a_clinic_are() {
    for text in [
        "I nearly had a heart attack, thought I'd lost the parcel but my neighbour had it. all good!",
        "物流信息看得我心脏病都要犯了，1001到底到哪了",
        "付款安全吗？会不会泄露卡号",
        "the parcel came while I was at urgent care with my kid (he's fine), all good",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    for text in [
        "my face is swelling up, I wore the new cap for an hour. is there latex in it?",
        "The T恤 made my eczema flare so badly I had to go to urgent care last night",
        "I'm leaving a violent situation and my order is going to the address I left",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    assert_eq!(
        topic("account locked out and there's a new order going to an address I don't recognise"),
        Some(PolicyTopic::AccountSecurity)
    );
}

#[test]
fn danger_at_home_an_attack_and_someone_in_the_account_are_heard_jobs_and_banners_are_not() {
    for text in [
        "i think someone is watching my house and my parcel says delivered but it's gone, i'm scared to go outside",
        "asthma attack right after opening the package, something in it set me off",
        "my husband checks everything, please don't send any emails or parcels to the address on file, I'm not safe",
        "got hurt opening the box, there was a blade left inside the packaging",
        "my pregnant wife drank from the new bottle and now has cramps, is the coating safe?",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    assert_eq!(
        topic("i logged in and the name on my account is different??? whos been in here"),
        Some(PolicyTopic::AccountSecurity)
    );
    for text in [
        "I'm a data scientist and I'm obsessed with the navy cap",
        "the GDPR cookie banner on your site won't go away on my phone",
        "收货地址写法院家属院可以吗",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_leak_a_solicitor_consulted_and_a_needle_are_heard_a_court_to_work_at_is_not() {
    // A bank's fraud alert is as often the shopper's own purchase held: not a keyword.
    assert_eq!(
        topic("my bank sent me a fraud alert for my payment to you. it WAS me, I approved it"),
        None
    );
    assert_eq!(
        topic(
            "my email and address showed up in a leaked list online with your shop's name next to them"
        ),
        Some(PolicyTopic::DataProtection)
    );
    assert_eq!(
        topic("I've spoken to a solicitor about your refusal to refund me"),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(
        topic("早上收到一条验证码短信 不是我操作的"),
        Some(PolicyTopic::AccountSecurity)
    );
    for text in [
        "帽子里面有根针 扎到我女儿了",
        "we had to leave our home last night because of my partner, please don't deliver anything to the old address",
        "my partner is abusive and opens my parcels",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    for text in [
        "能送到区人民法院门口吗 我在那上班",
        "我在法院上班 工作日白天家里没人 能寄到单位吗",
        "扣款失败了 是不是我的卡有问题",
        "我的个人资料里地址写错了 怎么改",
        "我的个人资料在哪里修改",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_hijacked_account_a_leak_to_a_stranger_and_harm_swallowed_are_heard() {
    for (text, want) in [
        (
            "account hijacked?? my orders page shows stuff going to some random address in Ohio",
            PolicyTopic::AccountSecurity,
        ),
        (
            "you sent my order confirmation to someone else's email, now a stranger has my home address",
            PolicyTopic::DataProtection,
        ),
        (
            "my partner is asthmatic and had an attack when we opened the parcel, there was some kind of powder inside",
            PolicyTopic::Safety,
        ),
        ("杯子里有金属碎屑，我可能已经喝下去了", PolicyTopic::Safety),
        (
            "I can't log in anymore, and when I reset the password I saw an order in my history I never placed",
            PolicyTopic::AccountSecurity,
        ),
        (
            "ji! wo bei ren gen zong le, qing bang bang wo",
            PolicyTopic::Harassment,
        ),
        (
            "收到好几条威胁短信，说是你们售后发的",
            PolicyTopic::Harassment,
        ),
        (
            "there was a needle inside the hoodie pocket and it stabbed me",
            PolicyTopic::Safety,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn a_phones_data_a_court_to_deliver_to_and_a_sizing_hack_are_the_shops() {
    for text in [
        "我的数据流量快用完了，物流页面打不开，能直接告诉我1003的状态吗？carlos@example.com",
        "可以寄到法院吗？我在法院上班，门卫代收",
        "I hacked the sizing and went one up, perfect oversized fit",
        "倒不至于起诉，就是想问一下退货流程怎么走",
        "guomin tizhi neng chuan nimen de T xu ma",
        "扣款成功了但是订单列表里没有，是不是没下单成功",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    // The shopper's own data, and a hacked account, still are topics.
    assert_eq!(
        topic("我的数据你们存了多久，我要删除"),
        Some(PolicyTopic::DataProtection)
    );
    assert_eq!(
        topic("I think I got hacked, someone changed the sizing of my order"),
        Some(PolicyTopic::AccountSecurity)
    );
}

#[test]
fn abuse_from_staff_erasure_sharing_and_charges_never_signed_up_to_are_heard() {
    for (text, want) in [
        (
            "your support guy sent me an abusive email after I asked for a refund",
            PolicyTopic::Harassment,
        ),
        ("售后在电话里辱骂我，太过分了", PolicyTopic::Harassment),
        (
            "please action my right to erasure under GDPR",
            PolicyTopic::DataProtection,
        ),
        (
            "who did you sell my data to? I get spam from everywhere now",
            PolicyTopic::DataProtection,
        ),
        (
            "which companies have you shared my details with",
            PolicyTopic::DataProtection,
        ),
        (
            "fine, ignore me, we'll see what my solicitor has to say",
            PolicyTopic::Legal,
        ),
        (
            "there's a monthly charge from you on my card and I never signed up for anything",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "just back from the ER with my son, they think it's a reaction to something in the fabric",
            PolicyTopic::Safety,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn a_laugh_the_weather_a_workplace_and_a_charge_asked_about_are_the_shops() {
    for text in [
        "笑死，洗完整件卫衣都变小了",
        "rain's threatening all weekend, can the courier put it in the porch?",
        "I work at the ambulance station on Elm Road, can you deliver there?",
        "do I get charged again if I exchange the cap for the navy one?",
        "my dad is immunocompromised, can the tee be washed hot?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    // A charge that happened twice is still a billing error.
    assert_eq!(
        topic("I was charged again for the same hoodie"),
        Some(PolicyTopic::BillingError)
    );
}

#[test]
fn court_notices_floods_of_harm_a_dark_place_and_a_known_password_are_heard() {
    for (text, want) in [
        (
            "sort this out or we'll settle it in court",
            PolicyTopic::Legal,
        ),
        (
            "please treat this as formal notice of my claim",
            PolicyTopic::Legal,
        ),
        (
            "people who saw my address on your label turned up and now they're harassing me",
            PolicyTopic::Harassment,
        ),
        (
            "the coating came off in my tea and I drank some of it",
            PolicyTopic::Safety,
        ),
        (
            "honestly I'm in a really dark place and can't cope with anything",
            PolicyTopic::Safety,
        ),
        (
            "我前任知道我的密码，还在用我的账号下单",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn a_joke_about_suing_oneself_and_a_shared_account_are_the_shoppers() {
    for text in [
        "I'm gonna sue myself for not ordering the cap in navy too lol",
        "my dad uses my account to order for the family, that's ok?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn court_it_is_threatens_and_a_shop_tasks_emergency_harms_nobody() {
    assert_eq!(
        topic("fine. court it is. 98 dollars and i'll make sure you pay the costs too"),
        Some(PolicyTopic::Legal)
    );
    for text in [
        "emergency: forgot my password and the sale ends tonight",
        "court date next week, will express get the tee here by then?",
        "hacked my own budget to afford this hoodie lol, anyway is it back in grey M?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    assert!(super::super::figure_words::a_shop_tasks_emergency(
        "emergency: forgot my password and the sale ends tonight"
    ));
    assert!(!super::super::figure_words::a_shop_tasks_emergency(
        "family emergency, my mum is in hospital, can the sale price hold?"
    ));
}

#[test]
fn damages_through_the_courts_threats_a_card_used_and_harm_in_pinyin_are_heard() {
    for (text, want) in [
        (
            "I will be seeking damages through the courts for what your product did to my kitchen floor",
            PolicyTopic::Legal,
        ),
        (
            "I left a 1 star review and now I'm receiving anonymous threats that mention my order number",
            PolicyTopic::Harassment,
        ),
        (
            "kuaidiyuan ma wo, hai tui le wo yi xia",
            PolicyTopic::Harassment,
        ),
        (
            "Someone placed an order with my mastercard and had it shipped to an address in another country",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "Severe reaction to the organic tee, I'm at urgent care right now and the doctor wants the fabric details",
            PolicyTopic::Safety,
        ),
        (
            "a metal shard came off the bottle rim and cut my lip, the ER wants to know what it's made of",
            PolicyTopic::Safety,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "wo xiang tui huo",
        "Can I get the express shipping charge back if the parcel turns up late?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_card_used_without_permission_a_sign_in_never_made_data_asked_for_and_a_case_are_heard() {
    for (text, want) in [
        (
            "Pretty sure my PayPal was used to order from you without my permission",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "There are sign-in notifications from your site on my phone but I haven't logged in for months",
            PolicyTopic::AccountSecurity,
        ),
        (
            "can you send me everything stored about me, orders, addresses, IP logs, the lot",
            PolicyTopic::DataProtection,
        ),
        (
            "My attorney says I have a case against you for the injury your bottle caused",
            PolicyTopic::Legal,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    // An injury as the reason a courier should wait harms nobody now.
    assert_eq!(topic("我腿受伤了下楼比较慢，快递来了能多等一会吗"), None);
}

#[test]
fn someone_signed_into_the_account_is_account_security_whatever_it_ordered() {
    assert_eq!(
        topic("账户里多了一个不是我填的收货地址，还有一笔订单，是不是有人登录了我的号"),
        Some(PolicyTopic::AccountSecurity)
    );
}

#[test]
fn suing_stalking_and_a_lost_child_are_heard_and_a_durable_bottle_and_secure_paying_are_not() {
    for (text, want) in [
        (
            "suing you for every cent if this isn't fixed today",
            PolicyTopic::Legal,
        ),
        (
            "i'm being stalked by someone who knows exactly what I ordered from you",
            PolicyTopic::Harassment,
        ),
        (
            "我孩子走丢了，警察让我查一下他最近在你们这下单的收货地址",
            PolicyTopic::Safety,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "the bottle survived a fall off my bike, not a scratch, great product",
        "受伤了在家休养,买件T恤,能送货上门吗",
        "孩子有湿疹，T恤的染料刺激吗",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    assert!(super::super::harm_cues::a_condition_asked_about(
        "孩子有湿疹，T恤的染料刺激吗"
    ));
    assert!(super::super::harm_cues::asks_if_safe(
        "do you use secure payment? I'm nervous putting my card details online"
    ));
}

#[test]
fn a_lawsuit_prepared_a_firm_for_a_client_abuse_asthma_and_data_of_the_dead_are_heard() {
    for (text, want) in [
        (
            "准备打官司了，把你们公司的注册地址发给我",
            PolicyTopic::Legal,
        ),
        (
            "we are a law firm representing one of your customers regarding a defective product",
            PolicyTopic::Legal,
        ),
        (
            "a strong smell from the new hoodie set off my asthma badly, I've used my inhaler twice and it's still bad",
            PolicyTopic::Safety,
        ),
        (
            "my late husband's account still has all his details on it, I need it deleted",
            PolicyTopic::DataProtection,
        ),
        (
            "帮我把账户里所有的个人资料都删掉 包括历史订单",
            PolicyTopic::DataProtection,
        ),
        (
            "somebody is using my account, my saved card paid for 2 hoodies last night",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "can i return the tee if i get a skin reaction to it? just asking before I buy",
        "法院的传达室能代收快递吗，我在那上班",
        "is my card charged again if I exchange the hoodie for a different size",
        "刚才付了两次？哦不对，第二次是我自己又下了一单，能把第二单取消吗",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn an_end_hinted_at_a_stalker_fled_and_orders_never_placed_are_heard() {
    for (text, want) in [
        (
            "honestly i don't think i'll be around much longer, doesn't matter if the hoodie comes",
            PolicyTopic::Safety,
        ),
        (
            "I'm leaving my home tonight to get away from someone, please make sure nobody can see my order details or address",
            PolicyTopic::Safety,
        ),
        (
            "求助，我被前男友跟踪，他知道我在你们这下过单，我怕他通过订单查到我的新地址，订单号1002",
            PolicyTopic::Harassment,
        ),
        (
            "支付宝显示付给你们138元，我根本没下单",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "need to report fraudulent orders made with my visa, three of them",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "Expect to be served. I'm done being polite.",
            PolicyTopic::Legal,
        ),
        (
            "我收到的邮件里有别人的姓名和地址，你们的隐私是怎么保护的",
            PolicyTopic::DataProtection,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    assert_eq!(topic("付款时好像扣了两次？哦没事，刷新后只剩一笔了"), None);
}

#[test]
fn an_attack_orders_placed_with_a_wallet_and_care_asked_for_eczema_are_told_apart() {
    assert_eq!(
        topic(
            "I was just attacked on my way to collect my parcel from the locker, I'm shaking and don't know who to talk to"
        ),
        Some(PolicyTopic::Safety)
    );
    assert_eq!(
        topic(
            "somebody is placing orders with my apple pay on your site, i literally just got the notification"
        ),
        Some(PolicyTopic::UnauthorisedCharge)
    );
    for text in [
        "孩子有湿疹,T恤可以用高温洗吗",
        "can the t-shirt be washed hot? my son has eczema and we wash everything at 60",
        "宝宝吐奶弄脏了T恤，用多少度的水洗",
    ] {
        assert_eq!(topic(text), None, "{text}");
        assert!(super::super::cues::asks_how_to_care(text), "{text}");
    }
}
