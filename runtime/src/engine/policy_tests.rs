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
        "bit paranoid about getting my card hacked, so is PayPal or Apple Pay ok at checkout?",
        "我要起诉我的钱包哈哈，又买了这么多，帽子还有吗",
        "为什么多扣了5块运费？",
        "I fell in love with the hoodie, do you have it in black",
        "injured my wallet with this order haha, worth it",
        "想吐槽一下你们物流，能不能换个快递公司",
        "I'm going to sue myself for not buying two. can I add another cap to order 1003?",
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
            "今天收到邮件说我的登录邮箱已更换，可我根本没换过",
            PolicyTopic::AccountSecurity,
        ),
        (
            "my son put my mastercard into your site without asking me, order 1004",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "支付宝莫名其妙被扣了138 我没下过这单啊",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "my 15 year old bought two hoodies on my mastercard behind my back",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "同一个订单扣了我两次钱，订单1002",
            PolicyTopic::BillingError,
        ),
        (
            "Why does my statement show three debits from you? I placed one order.",
            PolicyTopic::BillingError,
        ),
        (
            "找回密码的邮件发到一个陌生邮箱去了",
            PolicyTopic::AccountSecurity,
        ),
        (
            "the name on my account just changed to some random guy's name",
            PolicyTopic::AccountSecurity,
        ),
        ("going to sue. that's it. done talking", PolicyTopic::Legal),
        (
            "the courier shoved me when I refused to sign",
            PolicyTopic::Harassment,
        ),
        (
            "please erase what you hold on me, I can post a signed form",
            PolicyTopic::DataProtection,
        ),
        (
            "face is all puffy after wearing the cap, is there latex in the band",
            PolicyTopic::Safety,
        ),
        (
            "if my hoodie doesn't show up this week I'll come down to your warehouse and make someone pay for it",
            PolicyTopic::Harassment,
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
            "someone from your shop replied to my review with my street name and \"we know where you are\". what is this",
            PolicyTopic::Harassment,
        ),
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
fn a_round_thirteen_of_words_heard_by_kind() {
    // A body reacting, with a word between ("throat feels kinda tight"): safety.
    assert_eq!(
        topic(
            "quick q, throat feels kinda tight since i unboxed the tees, is the cotton treated with something?? feeling weird tbh"
        ),
        Some(PolicyTopic::Safety)
    );
    // "end it all" said, and not found inside "send it all over".
    assert_eq!(
        topic("ok I want to end it all, nobody cares"),
        Some(PolicyTopic::Safety)
    );
    assert_ne!(
        topic(
            "how long till a refund shows up? and while you're at it I want to see everything you've got stored on me, send it all over"
        ),
        Some(PolicyTopic::Safety)
    );
    // A chargeback beside a lawyer threatened: the law.
    assert_eq!(
        topic(
            "next stop is the consumer protection office, a chargeback and my lawyer. last chance"
        ),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(
        topic("I'm filing a chargeback with my bank for 1004"),
        Some(PolicyTopic::PaymentDispute)
    );
    for text in [
        "my chest is tight and I can barely breathe since opening the parcel",
        "need the materials list right now, the ER doctor is asking what my son reacted to",
        "hey, is the hoodie machine washable? also I got a nasty rash from it yesterday that's spreading",
        "Burning skin after the first wear of the organic tee. Is there formaldehyde in it?",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    for text in [
        "her doctor said the tee is fine for eczema",
        "I'm an ER doctor and the hoodie is perfect for on call, do you have it in navy?",
        "the ER doctor I work with loved my cap, where can he buy one",
    ] {
        assert_ne!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    assert_eq!(
        topic("do you want to be sued? because this is exactly how you get sued"),
        Some(PolicyTopic::Legal)
    );
    for text in [
        "the charge on my statement doesn't match any order I ever made",
        "why is there a 34.00 pending charge from you when I ordered precisely nothing",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::UnauthorisedCharge), "{text}");
    }
    assert_eq!(
        topic(
            "the verification codes keep coming but I'm not the one trying to log in, what's going on"
        ),
        Some(PolicyTopic::AccountSecurity)
    );
    // A hack denied: the password forgotten.
    assert_eq!(
        topic(
            "not hacked or anything, i just forgot my password lol, i'll sort that. more important: how long after delivery can i still send stuff back"
        ),
        None
    );
}

#[test]
fn round_sixteen_single_messages_are_heard_by_kind() {
    for (text, want) in [
        (
            "Your rep told me \"watch yourself\" when I asked for a refund. What is that supposed to mean?",
            PolicyTopic::Harassment,
        ),
        (
            "the man who delivered my parcel left a note with his number saying I'm \"his type\". this is not ok",
            PolicyTopic::Harassment,
        ),
        (
            "this is a stolen card situation. the orders on it aren't mine",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "quick q on shipping to Canada, and also why does my account history show logins from Brazil?",
            PolicyTopic::AccountSecurity,
        ),
        (
            "order question later, but first: the bottle cap cracked and a shard went into my kid's mouth",
            PolicyTopic::Safety,
        ),
        (
            "where's my hoodie? and fyi my sister is a litigator and she's already drafting the letter",
            PolicyTopic::Legal,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    assert_eq!(
        topic("got a new sign-in from Brazil, bit paranoid - should I remove my PayPal?"),
        Some(PolicyTopic::AccountSecurity)
    );
    for text in [
        "my lawyer friend says the tees are great",
        "can I pay with a card that isn't mine, it's my mum's",
        "do you have this type of cap in navy?",
        "the driver left a note with his number so I can rebook the delivery",
        "I never got my email from you confirming order 1003",
        "I wiped my old phone and now can't log into the app",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}
