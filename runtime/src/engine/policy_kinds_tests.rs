//! Unit tests of the policy topics told by kind rather than by phrase (`policy.rs`,
//! `goods_harm::harm_from_the_goods`, `data_words::asks_what_is_done_with_their_data`): the
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
        "my daughter got sick after drinking from the steel bottle, is it safe??",
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
fn how_data_is_kept_safe_asked_is_no_request_about_it() {
    use crate::engine::data_words::only_asks_how_data_is_protected as only_asks;
    for text in [
        "how do you protect my data when I check out?",
        "你们怎么保护用户的个人信息？下单前问一下",
        "你们会不会把我的地址泄露出去啊",
        "用 Alipay 付款的话 my data 安全吗",
        "how long do you keep my address on file? just curious",
        "游客下单的话我的信息会保存吗",
        "你们会把我的地址存多久 随便问问",
        "只想退订邮件 不是注销账号哈",
        "are you GDPR compliant? asking before I make an account",
    ] {
        assert!(only_asks(text), "{text}");
        assert_ne!(topic(text), Some(PolicyTopic::DataProtection), "{text}");
    }
    for text in [
        "how do you protect my data? I want a copy of everything you hold",
        "你们是不是把我的信息泄露了 天天有骚扰电话",
        "is my data secure? delete it anyway please",
        "my data was leaked, how do you protect anything??",
        "What personal data do you hold about me, and how is it protected?",
        "你们是不是把我的手机号泄露出去了？我刚下完单就接到推销电话",
        "我的手机号和地址是怎么泄露出去的？最近老接到冒充你们的电话",
        "how do I contact your data protection officer",
        "How do I get the data you hold on me exported to me under data protection law?",
        "how long do you keep my address on file? I want it deleted",
        "I want to know what you store and for how long",
        "游客下单的话我的信息会保存吗 保存了请帮我删掉",
    ] {
        assert!(!only_asks(text), "{text}");
    }
}

#[test]
fn an_account_shut_out_by_someone_else_is_account_security() {
    for text in [
        "my old password doesn't work and the recovery email is some random gmail",
        "怎么突然被强制退出了，再登就说密码错误",
        "我的账号好像被盗了 someone placed orders with my saved card, shipping to Texas",
        "pretty sure my account got hacked, there's a charge on my card for stuff I never ordered",
        "my old account is placing orders by itself?? I haven't touched it in months",
        "weird thing - my order history has a hoodie going to an address in Romania and my usual sign in doesn't work anymore",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::AccountSecurity), "{text}");
    }
    for text in [
        "帮我取消1002号订单，不是账号被盗啥的哈，就是不想要了，邮箱li.wei@example.com",
        "包裹里是几件来着？我老婆还以为我账号被盗了才买了两件一样的，哈哈",
        "my password doesn't work, can you send a reset link?",
        "can I place an order without an account?",
        "my sign in doesn't work on the app, can I order on the website?",
        "login not working on my phone, can I check out as a guest?",
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
    assert_eq!(topic("准备好应诉吧"), Some(PolicyTopic::Legal));
    assert_eq!(topic("我不是要告你们，就是想问问帽子什么时候到"), None);
    // A denial's words inside a question deny nothing.
    assert_eq!(
        topic("我是不是被盗号了？多了一笔订单"),
        Some(PolicyTopic::AccountSecurity)
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

#[test]
fn an_account_changed_by_someone_else_or_a_payment_taken_twice_is_heard_in_other_words() {
    for text in [
        "我的号怎么进不去了？昨晚收到短信说密码改了，可我根本没动过",
        "Weird thing - got an email saying the delivery address on order 1002 was updated, and another one about a new device signing in. Neither was me.",
        "刚收到短信说我的绑定邮箱换了 不是我本人操作的",
        "got a 'your details have been updated' email from you at 3am. I was asleep. I didn't update anything.",
        "why did i get an order confirmation for a hoodie i never ordered AND a 'your password was changed' email in the same hour??",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::AccountSecurity), "{text}");
    }
    for text in [
        "我的信用卡 got hit twice 两次 for order 1003?? I only bought one cap",
        "why did you take 69 off me twice? I bought ONE hoodie",
        "quick q on shipping times to canada — also, unrelated, my statement shows two payments to you and I only placed one order (1003)",
        "my payment got split into two charges on my card, I only bought one hoodie",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::BillingError), "{text}");
    }
    for text in [
        // "account" in "Accounting" is no account.
        "Quick admin question: is there an invoice somewhere in the confirmation email? Accounting wants one with our company name on it, not mine.",
        "I tried my card twice and it didn't work, do you take paypal?",
        "I went to the post office twice already, is it still on its way?",
        "will my card be charged twice if I order again?",
        "I changed my password and signed in on my new phone, how do I see my orders?",
        "my bank app shows your charge twice but one line says reversed, so I guess it's fine? just checking order 1003 went through",
        "my payment went through twice by mistake when I double clicked, one shows pending though, will it drop off",
        "我刚付了款，不小心点了两次，会扣两次钱吗",
        "can I split it into two payments? it's one order but a big one",
        "do you take 2 payments for one order? half now half later",
        "charged twice for shipping? order 1004 shows $5 shipping but it was over 50",
        "I've never ordered from you before, do I need an account to check out?",
        "我把密码改了，现在app登不上，不是我输错了吧",
        "password changed fine but my email didn't change, how do I update it?",
        "闺蜜推了我一把，终于下单了卫衣",
        "my brother's a lawyer and wants 10 hoodies, can he deal with you directly for the invoice?",
        "password changed fine, thanks! is the cap in stock?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_child_who_swallowed_a_part_is_safety_in_any_mix_of_languages() {
    for text in [
        "my kid 吞了 a button from the hoodie 怎么办",
        "my son 吞了一个 button from the hoodie, 怎么办",
        "孩子把帽子上的扣子吞下去了",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    for text in [
        "宝宝会不会吞了扣子，扣子牢不牢",
        "the reason my son wants the cap is the colour",
        "付款的时候钱被吞了 订单没生成",
    ] {
        assert_ne!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
}

#[test]
fn a_charge_paid_while_the_shopper_could_not_have_is_disowned() {
    for text in [
        "paypal says I paid you 98 bucks. I did not.",
        "短信提醒我消费了138元，我当时在开会，手机都没碰",
        "somehow a stranger's order got paid with my apple pay",
        "an order was paid with my apple pay but my phone was stolen last week",
        "my card has been in my wallet the whole time so how did someone buy a cap with it on your site",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::UnauthorisedCharge), "{text}");
    }
    for text in [
        "I paid with paypal and I did not get a confirmation email",
        "can I pay with apple pay if my card was stolen and I'm waiting for a new one?",
    ] {
        assert_ne!(topic(text), Some(PolicyTopic::UnauthorisedCharge), "{text}");
    }
}

#[test]
fn records_held_asked_for_or_sold_data_wanted_removed_is_data_protection() {
    for text in [
        "can you send me all the records you hold linked to sam@example.com",
        "Does your company sell customer addresses to other firms? I want mine removed",
        "why did I get an email from a totally different company saying they got my details from you??",
        "before I order again, I want confirmation you've wiped my old card details and home address",
        "do you keep my card details on your servers? if so I want them and all my other details purged",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::DataProtection), "{text}");
    }
    for text in [
        "do you hold parcels at the depot if I'm not home?",
        "can you send me a copy of the invoice for 1004",
    ] {
        assert_ne!(topic(text), Some(PolicyTopic::DataProtection), "{text}");
    }
}

#[test]
fn unwanted_contact_through_a_parcel_and_a_judge_invoked_go_to_a_person() {
    for (text, want) in [
        (
            "I keep getting nasty texts from the number that was on your shipping notification",
            PolicyTopic::Harassment,
        ),
        (
            "the courier wrote a nasty slur on my parcel",
            PolicyTopic::Harassment,
        ),
        (
            "快递小哥用我的手机号加我微信 天天发些乱七八糟的",
            PolicyTopic::Harassment,
        ),
        (
            "fine, I'll let a judge decide who's right here",
            PolicyTopic::Legal,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "don't judge me but I bought three caps",
        "能加我微信吗 方便发图片",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_fourth_set_of_kinds_is_heard_by_its_words() {
    for (text, want) in [
        (
            "bank says suspicious transaction 在你们网站 pls help",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "paypal says I paid you 138.00 on tuesday. I didn't",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "bank says the money went through to you but I haven't bought anything, I'm disputing it with them",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "Apple Pay says I paid you 138 but I never confirmed any purchase",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "I'll take this to 消费者协会 if no refund by Friday",
            PolicyTopic::Legal,
        ),
        (
            "last warning before I take you to the tribunal",
            PolicyTopic::Legal,
        ),
        (
            "包裹里夹了一张纸条，写着很恶心的话",
            PolicyTopic::Harassment,
        ),
        (
            "my brother got into my account with an old password and bought stuff, how do I get him out of it",
            PolicyTopic::AccountSecurity,
        ),
        (
            "I can still get in but all my addresses are gone and there's a new one in Texas I didn't add",
            PolicyTopic::AccountSecurity,
        ),
        (
            "my account email was swapped to some random gmail, how do I get it back",
            PolicyTopic::AccountSecurity,
        ),
        (
            "the bottle lid snapped and split my lip open",
            PolicyTopic::Safety,
        ),
        (
            "something in the tee set my eczema off so badly I ended up in A&E",
            PolicyTopic::Safety,
        ),
        (
            "is my card number stored on your servers? I want it removed along with my home address",
            PolicyTopic::DataProtection,
        ),
        (
            "what do you do with my browsing and purchase history, and can I see it",
            PolicyTopic::DataProtection,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "杀价杀到骨折，能不能再便宜点，哈哈",
        "帽子戴上帅炸了",
        "I didn't get a confirmation email for my paypal payment",
        "do you have an inhaler-friendly fabric, my son has asthma?",
        "I work in A&E and can only receive parcels at the hospital loading dock, is that ok for standard shipping?",
        "sitting in the A&E waiting room bored, browsing your shop. what's new?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_sign_in_from_elsewhere_is_account_security_a_hack_behind_the_shopper_is_not() {
    for text in [
        "got an email saying my account was logged into from Brazil?? was that you guys or should I panic",
        "hi, trying to look at my orders but it says my details are wrong, then I got a 'new device signed in' email from you at 3am",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::AccountSecurity), "{text}");
    }
    for text in [
        "hi it's sam@example.com, order 1004. my old email got hacked last year so this is the one I use now",
        "Do you take Amex? My other card got hacked last month so it's the only one I'm using now",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn sensitive_topics_in_newer_words_reach_a_person() {
    for (text, want) in [
        (
            "Your site says my account details were updated five minutes ago. I was in the shower.",
            PolicyTopic::AccountSecurity,
        ),
        (
            "bank statement says I paid you 98 bucks. news to me",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "快递小哥拿了我的号码半夜给我发消息",
            PolicyTopic::Harassment,
        ),
        (
            "the lid of the steel bottle snapped and a sliver of metal went into my lip",
            PolicyTopic::Safety,
        ),
        ("聊天记录我都截图了 到时候当证据用", PolicyTopic::Legal),
        ("refund me or I sue, simple as that", PolicyTopic::Legal),
        (
            "forget me. entirely. all records.",
            PolicyTopic::DataProtection,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn round_eighteens_missed_topics_are_heard_and_its_lookalikes_are_not() {
    for (text, want) in [
        (
            "my dog ate part of the cap, is the material toxic",
            PolicyTopic::Safety,
        ),
        (
            "my dog ate part of the cap, could it be toxic?",
            PolicyTopic::Safety,
        ),
        (
            "上次登录显示在外省，我的账号是不是被黑了？",
            PolicyTopic::AccountSecurity,
        ),
        (
            "账号被黑之后我就一直收到陌生验证码",
            PolicyTopic::AccountSecurity,
        ),
        (
            "order 1003 — my card was charged twice, shipping fee included on both",
            PolicyTopic::BillingError,
        ),
        (
            "1002订单扣了两次款，运费也扣了两次",
            PolicyTopic::BillingError,
        ),
        ("包裹里夹了一张威胁的纸条", PolicyTopic::Harassment),
        (
            "account takeover. locked out. please help",
            PolicyTopic::AccountSecurity,
        ),
        (
            "问个事，卫衣补货了吗？还有昨天送货的人推了我一把",
            PolicyTopic::Harassment,
        ),
        (
            "Fine. My brother's a solicitor, he'll deal with you from here.",
            PolicyTopic::Legal,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "the zip broke, not injured just annoyed, can I exchange it",
        "钱包在流血啊，运费能不能便宜点",
        "刚下单就降价了，感觉被黑了一把，能退差价吗",
        "my lawyer 同事问你们能不能开 company invoice",
        "thought my account got deleted, turns out I was logging in with the wrong email. found it, ignore me",
        "my dog loves the cap, he tries to steal it every morning",
        "mine's been wild, my phone got 'hacked' by my 6 year old who switched the language to korean 😂",
        "支持支付宝吗 上次信用卡被盗之后我就只用支付宝了",
        "1002号订单发货没啊 等了好几天了 是不是被黑洞吞了",
        "之前信用卡被盗刷过一次，现在只敢用支付宝，你们这能用吗",
        "my brother's a solicitor and he loves your hoodies, any in XL?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn harm_threats_and_takeovers_in_new_words_are_heard_and_their_lookalikes_are_not() {
    for (text, kind) in [
        (
            "the delivery man keeps calling my number at night even though the package was delivered days ago",
            PolicyTopic::Harassment,
        ),
        (
            "the courier shoved past me into my hallway",
            PolicyTopic::Harassment,
        ),
        (
            "the name on my account isn't my name anymore?? what happened",
            PolicyTopic::AccountSecurity,
        ),
        (
            "我的 account email 被改成一个不认识的 gmail",
            PolicyTopic::AccountSecurity,
        ),
        ("fine. a judge can decide who's right", PolicyTopic::Legal),
        ("你以为我不会告你们吗？", PolicyTopic::Legal),
        (
            "I thought I was only charged once but turns out I was charged twice for 1003",
            PolicyTopic::BillingError,
        ),
        (
            "刚收到短信说我在广州用新设备上了你们网站 可我人在上海啊",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(kind), "{text}");
    }
    assert!(!crate::engine::policy_cues::says_it_was_them(
        "收到短信说我的账号在新设备登录了，不是我本人登录的"
    ));
    for text in [
        "I thought I paid twice but one was my old order, all good",
        "吓死我了 以为付了两次钱 原来一笔是上个月的订单",
        "不会告你们的啦 就想换个颜色",
        "the courier keeps calling but I'm never home, can he leave it with a neighbour",
        "he looks sick in that hoodie lol, ordering another",
        "can I use the app on a new device?",
        "after the app update all my saved addresses are gone",
        "the name on my account isn't spelled right, can I fix it",
        "can the courier try calling me at night? I'm at work all day",
        "my boyfriend tried the mustard hoodie and honestly he looks awful in it, can I swap for navy",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}
