//! Unit tests of the policy topics a bot must not handle (`policy.rs`).

use super::*;

#[test]
fn security_legal_and_dispute_topics_are_recognised() {
    assert_eq!(
        topic("I think my account was hacked"),
        Some(PolicyTopic::AccountSecurity)
    );
    assert_eq!(
        topic("zhanghao bei dao le, limian duo le yi ge bu shi wo xia de dingdan"),
        Some(PolicyTopic::AccountSecurity)
    );
    assert_eq!(topic("我的账号被盗了"), Some(PolicyTopic::AccountSecurity));
    assert_eq!(
        topic("I'll talk to my lawyer about this"),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(topic("再不退款我就去12315投诉"), Some(PolicyTopic::Legal));
    assert_eq!(
        topic("I'm filing a chargeback with my bank"),
        Some(PolicyTopic::PaymentDispute)
    );
    assert_eq!(
        topic("信用卡被盗刷了"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
}

#[test]
fn a_lawyer_is_legal_when_threatened_not_when_the_shopper_is_one() {
    for text in [
        "I'll talk to my lawyer about this",
        "my attorney will be in touch unless I get my money back",
        "再不退款我就找律师",
        "you'll be hearing from my solicitor about order 1004",
        "my attorney says you're liable for this",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Legal), "{text}");
    }
    for text in [
        "我是律师，想给律所团队订20件T恤，能开公司发票吗",
        "my solicitor's office needs a company invoice for the tshirts, how do we request one",
        "my attorney friend recommended your hoodies, do you ship to canada",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn an_allergic_reaction_described_rather_than_named_is_safety() {
    for text in [
        "my son wore the new cap for an hour and his forehead is covered in red bumps, now his lips look puffy and he's wheezing a bit",
        "穿了一天就起疹子了，嘴唇肿了",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    assert_eq!(topic("is the hoodie puffy or slim?"), None);
}

#[test]
fn a_charge_the_shopper_disowns_is_fraud_and_a_chargeback_a_dispute() {
    for text in [
        "the second charge isn't mine, I only paid once",
        "there's a transaction from you I don't recognise",
        "my card 被盗刷了",
        "这笔扣款不是我操作的",
        "my husband says he didn't buy this and I certainly didn't. so who paid for it then?",
        "my statement shows you took money twice?? the second one i have no idea what it is",
        "ka bei dao shua le",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::UnauthorisedCharge), "{text}");
    }
    assert_eq!(
        PolicyTopic::UnauthorisedCharge.reason(),
        "policy: fraud or a charge the shopper does not recognise"
    );
    assert_eq!(
        topic("I'm filing a chargeback with my bank"),
        Some(PolicyTopic::PaymentDispute)
    );
    // Charged twice for their own order: a billing error, not fraud.
    for text in [
        "I got charged twice for order 1003",
        "you double charged me",
        "同一个订单扣了两次钱",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::BillingError), "{text}");
    }
    for text in [
        "is this hoodie mine? it was a gift",
        "what payment methods do you take",
        "I paid for a navy cap but got a black one, I didn't order black",
        "no idea what size to get",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn ordinary_questions_are_not_policy_topics() {
    for text in [
        "where is my order 1001?",
        "how do I reset my password",
        "我想退货",
        "can I pay with my visa or only paypal",
        "my card was declined, can I use a different card",
        "is the purchase price including tax",
        "the hoodie fits great, thanks",
        "I'm going to my grandma's for the weekend, can it arrive friday",
        "my data plan ran out so I couldn't load the tracking page, can you check 1003",
        "可以把发票上的个人信息改成公司信息吗",
        "怎么修改个人资料",
        "my Visa got declined but Apple Pay worked, will I be charged twice?",
        "支付页面卡住了,会不会重复扣款",
        "I didn't make it home in time for the courier, can he come back",
        "hacked together a gift list, is shipping free on 3 tees",
        "is the cap strap a choking hazard for toddlers?",
        "is this account mine or my wife's, we share an email",
        "the box arrived all collapsed, the cap is squashed",
        "the colour came out in the wash",
        "why did you take so long to ship",
        "请把我的地址改成上海市徐汇区漕溪北路100号",
        "I didn't get my login code, can you resend it",
        "can I turn off the login alerts? I get one every time I sign in",
        "do you ship to a country I've never ordered to before, like Japan",
        "the bottle leaked all over my bag, can I exchange it",
        "can I freeze the hoodie's price if I order tomorrow",
        "I've never lived anywhere this cold, which hoodie is warmest",
        "I threw out the box already, can I still return the bottle",
        "is the hoodie available in a compromise size between M and L",
        "I want to be alive with colour, which tee is brightest",
        "can I pay using my card or only paypal",
        "I don't know my order number, can you find my payment by email?",
        "I paid for it with paypal, where's the receipt",
        "can I update my profile with a new address, the old one is not in my name anymore",
        "I'm having a heart attack at these prices lol, any discount codes",
        "it hit me that I ordered the wrong size",
        "I've asked three times where my order is",
        "is the hoodie worth it? I don't see the point of paying 69",
        "my account got hacked on some other site years ago so now I only pay with paypal",
        "my sister is a nurse and swears by your tees, ordering one for me too",
        "送到法院对面的写字楼可以吗，我在那上班",
        "我在急诊科上班，作息不规律，快递能放快递柜吗",
        "I was charged 5 shipping but my order was only 34, is that right",
        "在你们网站用信用卡付款安全吗，会不会被盗刷",
        "我要起诉我的钱包哈哈，又买了这么多，帽子还有吗",
        "为什么多扣了5块运费？",
        "I fell in love with the hoodie, do you have it in black",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    // Charged more than the order, or once more after it: a billing error.
    for text in [
        "got charged 138 but my order was 22?? thats not my typo, check it",
        "I cancelled my order, you still took the money, and then you took it AGAIN a day later",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::BillingError), "{text}");
    }
    // A detail of the account changed that the shopper did not change; data they never
    // gave; harm feared for an unborn child.
    for (text, want) in [
        (
            "收到邮件说我的账户邮箱已经更改，我根本没改过，怎么回事",
            PolicyTopic::AccountSecurity,
        ),
        (
            "then i saw the email on my account had been switched. whats going on",
            PolicyTopic::AccountSecurity,
        ),
        (
            "why do you have my home phone number? i never gave it to you",
            PolicyTopic::DataProtection,
        ),
        (
            "杯子内壁生锈了，我怀孕了一直在用，会不会影响胎儿啊",
            PolicyTopic::Safety,
        ),
        (
            "i dont want to be here anymore. sorry this isnt about an order",
            PolicyTopic::Safety,
        ),
        (
            "my dad has dementia and he's been ordering things from you over and over",
            PolicyTopic::Safety,
        ),
        (
            "I got an email with another customer's order details in it",
            PolicyTopic::DataProtection,
        ),
        ("我要告你们，律师函下周到，哈哈", PolicyTopic::Legal),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    // A double charge that happened is a billing error, worried about again or not.
    for text in [
        "I was charged twice, will I be charged again?",
        "扣了两次，会不会再扣",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::BillingError), "{text}");
    }
}

#[test]
fn a_sign_in_violence_data_and_threats_described_reach_a_person() {
    for (text, want) in [
        (
            "got a 'new sign-in' email from your site, location Lagos. I'm in Ohio",
            PolicyTopic::AccountSecurity,
        ),
        ("我没有登录过，怎么办", PolicyTopic::AccountSecurity),
        (
            "just got a login alert from your site from a country ive never even been to",
            PolicyTopic::AccountSecurity,
        ),
        ("收到一条异常登录提醒，不是我", PolicyTopic::AccountSecurity),
        (
            "我老公偷偷用我的账号和银行卡买东西，我要冻结账户",
            PolicyTopic::AccountSecurity,
        ),
        (
            "帽子上的金属扣划到了我的眼睛，现在看东西模糊",
            PolicyTopic::Safety,
        ),
        (
            "is there any way to find out what of mine was leaked? a phishing email quoted my last order",
            PolicyTopic::DataProtection,
        ),
        (
            "how did a marketing company get my email? the only place I ever gave it was your shop",
            PolicyTopic::DataProtection,
        ),
        (
            "a charge showed up for an order going to an address i've never lived at",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "i think im having a heart attack please help",
            PolicyTopic::Safety,
        ),
        (
            "honestly i dont want to be alive anymore",
            PolicyTopic::Safety,
        ),
        (
            "I drank from the bottle and threw up all night",
            PolicyTopic::Safety,
        ),
        ("我现在喘不上气,是不是衣服有问题", PolicyTopic::Safety),
        (
            "Account compromised. Please lock it immediately.",
            PolicyTopic::AccountSecurity,
        ),
        (
            "stop calling me 20 times a day from different numbers, this is harassment",
            PolicyTopic::Harassment,
        ),
        (
            "there are loads of us with the same problem, we're organising a class action",
            PolicyTopic::Legal,
        ),
        (
            "I'd like to know which third parties get my information when I order",
            PolicyTopic::DataProtection,
        ),
        (
            "whats this 98.00 on my amex? nobody in my house ordered anything",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "someone keeps placing orders with my card details, the confirmation emails come to me",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "支付宝显示给你们付了138,但我根本没下单",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "there's a name I don't know on my profile now",
            PolicyTopic::AccountSecurity,
        ),
        (
            "订单记录里有几单不是我下的，寄到一个陌生地址",
            PolicyTopic::AccountSecurity,
        ),
        (
            "订单1002寄的地址是我前夫家，他有家暴，求你们马上处理",
            PolicyTopic::Safety,
        ),
        (
            "I'm in a women's shelter now, please don't send anything to my old address",
            PolicyTopic::Safety,
        ),
        (
            "老人下楼拿快递的时候摔倒了，现在站不起来",
            PolicyTopic::Safety,
        ),
        (
            "what do you actually know about me? like is my birthday stored somewhere",
            PolicyTopic::DataProtection,
        ),
        (
            "你们存了我哪些个人资料？有没有给第三方？",
            PolicyTopic::DataProtection,
        ),
        (
            "tell the girl who answered the phone that I know where she lives",
            PolicyTopic::Harassment,
        ),
        ("有人用你们网站给我寄东西恐吓我", PolicyTopic::Harassment),
        (
            "the driver who delivered my parcel keeps texting me, asking me out. creepy",
            PolicyTopic::Harassment,
        ),
        (
            "快递员一直约我出去，还说记得我住哪",
            PolicyTopic::Harassment,
        ),
        (
            "why is there an email on my profile that isn't mine",
            PolicyTopic::AccountSecurity,
        ),
        (
            "orders in my history that i didn't make",
            PolicyTopic::AccountSecurity,
        ),
        (
            "my flatmate knows my password and orders on my account",
            PolicyTopic::AccountSecurity,
        ),
        ("xinyongka bei shua le", PolicyTopic::UnauthorisedCharge),
        (
            "opened the parcel and now i'm dizzy and throwing up",
            PolicyTopic::Safety,
        ),
        ("快递把我脚砸骨折了", PolicyTopic::Safety),
        ("wo yao qisu nimen", PolicyTopic::Legal),
        (
            "who is SHOP*DEMO 69.00 on my statement? doesn't ring a bell",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "my visa got hit for 138 last night while I was asleep. wasn't me",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "I've been advised by counsel to request all records of my orders",
            PolicyTopic::Legal,
        ),
        (
            "my husband just collapsed while I was on this chat, who do I call",
            PolicyTopic::Safety,
        ),
        (
            "wearing the hoodie I came out in welts",
            PolicyTopic::Safety,
        ),
        ("我现在不安全 包裹能不能别寄到家里", PolicyTopic::Safety),
        (
            "got a login code texted to me but I wasn't trying to log in",
            PolicyTopic::AccountSecurity,
        ),
        (
            "an order was just placed on my account? it wasn't me",
            PolicyTopic::AccountSecurity,
        ),
        ("绑定邮箱被改成别人的了", PolicyTopic::AccountSecurity),
        (
            "someone is pretending to be me and ordering with my name",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "what info you have on file for me, im worried",
            PolicyTopic::DataProtection,
        ),
        (
            "please take my photo off your reviews page",
            PolicyTopic::DataProtection,
        ),
        ("活着真没意思，不想再撑下去了", PolicyTopic::Safety),
        (
            "I don't think I want to be around anymore honestly",
            PolicyTopic::Safety,
        ),
        (
            "my husband he hit me, I need change address secretly",
            PolicyTopic::Safety,
        ),
        (
            "hi, i want to dispute a transaction with you before i go to my bank",
            PolicyTopic::PaymentDispute,
        ),
        (
            "I paid once but my bank shows you took it three times",
            PolicyTopic::BillingError,
        ),
        (
            "how do I get you to forget I ever existed",
            PolicyTopic::DataProtection,
        ),
        ("账户里冒出好多我没下的订单", PolicyTopic::AccountSecurity),
        (
            "订单1004不是我下的，但扣的是我的卡",
            PolicyTopic::UnauthorisedCharge,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn injuries_reactions_leaks_threats_and_disowned_orders_described_reach_a_person() {
    for (text, want) in [
        (
            "slipped and tripped over the box you left on my steps, my wrist is broken i think",
            PolicyTopic::Safety,
        ),
        (
            "my daughter has a rash all over her neck since she wore the scarf",
            PolicyTopic::Safety,
        ),
        ("我在家里不安全，别把包裹寄到原地址", PolicyTopic::Safety),
        (
            "don't send 1002 to my old place, my ex is there and he must not find out where i live now, he's not safe",
            PolicyTopic::Safety,
        ),
        (
            "the courier followed me home after the delivery, I'm scared",
            PolicyTopic::Harassment,
        ),
        (
            "refund me by friday. I know where you work",
            PolicyTopic::Harassment,
        ),
        (
            "your shop leaked my address to a spammer",
            PolicyTopic::DataProtection,
        ),
        (
            "你们是不是把我的电话泄露出去了",
            PolicyTopic::DataProtection,
        ),
        (
            "one more excuse and I'm passing this to my solicitor",
            PolicyTopic::Legal,
        ),
        (
            "银行卡有一笔你们的消费，可我从来没下过单",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "someone used my paypal to buy two hoodies from you",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "reset emails keep arriving and now I can't sign in",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "I tripped up on the checkout, can I change the size on 1003",
        "is paypal safe to use on your site",
        "is the bottle not safe for the dishwasher?",
        "is the tee ok for sensitive skin? some fabrics give me a rash",
        "can I use apple pay for order 1002",
        "my card got charged for 1003, when does it ship",
        "the rash guard in size M, is it in stock",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

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
            "I'm fleeing a violent partner and my order is going to our old address",
            PolicyTopic::Safety,
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
        "I'm leaving a bad situation at home and my order is going to that address, please stop it",
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
        (
            "domestic situation, I had to leave home quickly. please don't deliver anything to my old address, he's still there",
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
