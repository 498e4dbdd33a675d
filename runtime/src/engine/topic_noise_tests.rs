//! Unit tests of when a topic heard is only the shopper's own affairs (`topic_noise.rs`).

use super::*;

#[test]
fn a_question_about_ones_own_account_is_no_takeover_a_report_is() {
    for text in [
        "can I be logged into my account on my phone and laptop at the same time",
        "account 的 email 能换吗",
        "我手机和电脑同时登录同一个账号没问题吧？",
        "i changed my password, do i need to log in again on my phone",
    ] {
        assert!(own_affairs(Topic::AccountTakeover, 0.9, text), "{text}");
    }
    for text in [
        "why did my password change? I didn't change it",
        "someone logged into my account, can I lock it?",
        "my password was changed last night, is that you?",
        "why does my account show a shipping address in another country?",
    ] {
        assert!(!own_affairs(Topic::AccountTakeover, 0.9, text), "{text}");
    }
    // A topic the models are certain of stays.
    assert!(!own_affairs(
        Topic::AccountTakeover,
        0.99,
        "account 的 email 能换吗"
    ));
}

#[test]
fn a_charge_the_shopper_owns_or_a_shipping_fee_is_no_fraud() {
    for text in [
        "my bank texted asking if the 29.00 charge was me, yes it was, I just bought the t-shirt",
        "got charged $5 for shipping, is that because my order was under 50?",
        "card被decline了，还有别的payment方式吗",
        "银行发短信问这笔是不是我，其实就是我自己买的，订单会受影响吗",
        "yo did my cap ever get there? #1003, i've been travelling and havent checked",
        "Order no. 1003, and it was bought with carlos@example.com",
    ] {
        assert!(own_affairs(Topic::Fraud, 0.9, text), "{text}");
    }
    for text in [
        "what is this $138 charge from you?",
        "there's a charge on my card I don't recognise",
        "my card was charged for shipping on an order I never placed",
        "did my order ever arrive? because my card got charged twice for it",
        "an order was placed with jane@example.com but I never bought anything",
    ] {
        assert!(!own_affairs(Topic::Fraud, 0.9, text), "{text}");
    }
}

#[test]
fn a_courier_arranging_a_delivery_is_no_harassment_unless_harassment_is_told() {
    for text in [
        "the courier keeps calling me to arrange delivery, I'm at work, can he leave it with a neighbour?",
        "快递员一直打电话约时间，我上班不在家，能放门口吗",
    ] {
        assert!(own_affairs(Topic::Harassment, 0.9, text), "{text}");
    }
    for text in [
        "the courier keeps calling me asking me out, can you deliver with someone else",
        "快递员送货的时候骂我，还威胁我",
        "the guy who delivered my parcel came back later and wouldn't leave my doorstep",
        "my neighbour says your driver was taking photos of my house and my kids",
        "送货的那个人老是半夜给我打电话说些奇怪的话",
    ] {
        assert!(!own_affairs(Topic::Harassment, 0.9, text), "{text}");
    }
}

#[test]
fn praise_for_a_courier_is_no_harassment_and_a_bank_fee_or_own_typo_is_the_shoppers_own() {
    assert!(own_affairs(
        Topic::Harassment,
        0.9,
        "your delivery driver was super polite, 10/10 would be delivered to again"
    ));
    assert!(!own_affairs(
        Topic::Harassment,
        0.9,
        "your driver seemed friendly but then kept texting me creepy things"
    ));
    assert!(own_affairs(
        Topic::Fraud,
        0.91,
        "my bank charged me a foreign transaction fee, not your fault i guess, just curious which country you bill from"
    ));
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.93,
        "登录时验证码一直收不到，是不是我填错手机号了"
    ));
}

#[test]
fn own_account_changes_site_trouble_kept_cards_mobile_data_and_legal_names_are_the_shoppers() {
    // Changing their own account's details, however sure the models are.
    for text in [
        "怎么change我account的email？",
        "我的账号能不能换个手机号登录",
    ] {
        assert!(own_affairs(Topic::AccountTakeover, 0.99, text), "{text}");
    }
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.92,
        "account 的 email 想换一个 新的"
    ));
    assert!(!own_affairs(
        Topic::AccountTakeover,
        0.99,
        "someone changed my account email, how do I change it back"
    ));
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.82,
        "my account page won't load"
    ));
    // Whether the shop keeps a card; mobile data.
    assert!(own_affairs(
        Topic::DataProtection,
        0.72,
        "我的支付信息会被保存吗"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.76,
        "my data plan is almost out, can you just send the tracking link by email"
    ));
    assert!(!own_affairs(
        Topic::DataProtection,
        0.8,
        "what info do you guys actually keep about me? address, card, all of it. i want a copy"
    ));
    // Where to change a detail, or how to sign in with it.
    assert!(own_affairs(
        Topic::DataProtection,
        0.7,
        "我的个人资料在哪里修改"
    ));
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.7,
        "我的 account 怎么用 email login"
    ));
    // Told again in English, whatever topic the models heard in it; an app that signed the
    // shopper out.
    assert!(own_affairs(
        Topic::Harassment,
        0.71,
        "you've got my email and number from my first message, so just go ahead with that"
    ));
    assert!(own_affairs(
        Topic::Legal,
        0.81,
        "ok just refund it then, I already gave you everything above"
    ));
    assert!(!own_affairs(
        Topic::Damaged,
        0.8,
        "I already told you the cap arrived crushed"
    ));
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.61,
        "usps app logged me out and now I can't see my cap order at all"
    ));
    // Leaving for another shop; a gift's address.
    assert!(own_affairs(
        Topic::Harassment,
        0.7,
        "再不发货我就去隔壁店买了，哼"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.7,
        "can I send the hoodie as a gift to someone else's address"
    ));
    // The details given to the bot, said again; not a request to delete them.
    assert!(own_affairs(
        Topic::DataProtection,
        0.65,
        "信息我一开始就给你了"
    ));
    assert!(!own_affairs(
        Topic::DataProtection,
        0.65,
        "I already told you, delete all my information"
    ));
    // A charge recognised; another way to pay chosen.
    assert!(own_affairs(
        Topic::Fraud,
        0.9,
        "I recognise the charge on my card, I just need an invoice for it with my company name"
    ));
    assert!(own_affairs(
        Topic::Fraud,
        0.92,
        "payment 用 Alipay 可以吗 I don't have credit card"
    ));
    assert!(!own_affairs(
        Topic::Fraud,
        0.9,
        "I don't recognise the charge on my card"
    ));
    // The law's words in a shop task or praise.
    assert!(own_affairs(
        Topic::Legal,
        0.7,
        "invoice 上要写公司的 legal name, 可以吗"
    ));
    assert!(own_affairs(
        Topic::Legal,
        0.9,
        "this fit is illegal la so nice"
    ));
    assert!(!own_affairs(
        Topic::Legal,
        0.7,
        "my lawyer will be in touch about this invoice"
    ));
    // Signing in that fails or keeps ending, nobody else in the account.
    for text in [
        "i keep getting logged out of my account on the app",
        "账号密码都对,就是提示登录失败,是不是浏览器的问题",
    ] {
        assert!(own_affairs(Topic::AccountTakeover, 0.8, text), "{text}");
    }
    // Someone known in the law, a filler beside them ("not gonna lie").
    assert!(own_affairs(
        Topic::Legal,
        0.76,
        "not gonna lie my lawyer brother reckons you can't refuse returns after 14 days. is that a thing? what's your actual return window"
    ));
}

#[test]
fn a_charge_asked_to_be_for_an_order_and_a_sign_in_owned_after_nevermind_are_the_shoppers() {
    // Asked which order it paid for, it is theirs however sure the model is.
    assert!(own_affairs(
        Topic::Fraud,
        0.99,
        "我的 card 被扣了 34, is that for order 1002? 我记得是那个水杯"
    ));
    assert!(!own_affairs(
        Topic::Fraud,
        0.99,
        "is that for my order? I never ordered anything from you"
    ));
    // "nevermind" is not "never": nothing is disowned.
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.9,
        "got an email about a new sign-in... oh nevermind that was me on my new laptop"
    ));
    assert!(!own_affairs(
        Topic::AccountTakeover,
        0.9,
        "got an email about a new sign-in, I never signed in from there"
    ));
}

#[test]
fn a_sign_in_asked_about_a_resend_a_gift_a_lawyers_invoice_and_praise_are_the_shoppers() {
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.99,
        "我的账号能不能用手机号登录"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.54,
        "I deleted the confirmation email by accident, can you resend it"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.48,
        "do you need much personal info to send a gift? it's going to my sister's address"
    ));
    assert!(own_affairs(
        Topic::Legal,
        0.42,
        "I'm a lawyer, 需要律所抬头的发票, how do I request it"
    ));
    assert!(own_affairs(
        Topic::Legal,
        0.78,
        "my attorney friend recommended you guys!"
    ));
    assert!(own_affairs(Topic::Harassment, 0.51, "you're great"));
    assert!(own_affairs(
        Topic::Harassment,
        0.76,
        "快递员打电话我没接到，还会再送吗"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.56,
        "I'm a data scientist and I'm obsessed with the navy cap"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.42,
        "how do I contact you by phone"
    ));
    assert!(own_affairs(
        Topic::Fraud,
        0.46,
        "what name shows up on my bank statement when I buy from you? want my wife to recognise it lol"
    ));
    // Deleted by someone else, or data asked to be deleted: kept.
    assert!(!own_affairs(
        Topic::DataProtection,
        0.8,
        "please delete everything you hold about me"
    ));
}

#[test]
fn a_lawyer_in_the_family_praise_a_failed_payment_and_a_detail_to_correct_are_the_shoppers() {
    assert!(own_affairs(
        Topic::Legal,
        0.8,
        "my husband's a lawyer and says your return policy is fair, how long is it exactly"
    ));
    assert!(own_affairs(
        Topic::Harassment,
        0.7,
        "your delivery lady carried it up five floors for me, what a star"
    ));
    assert!(own_affairs(
        Topic::Fraud,
        0.8,
        "扣款失败了 是不是我的卡有问题"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.8,
        "我的个人资料里地址写错了 怎么改"
    ));
}

#[test]
fn trouble_signing_in_a_charge_asked_after_and_a_courier_asked_kindly_are_the_shoppers() {
    for text in [
        "my password reset email never arrived, checked spam too",
        "didn't get the password reset email, already checked spam",
        "can't remember which email i used for my account",
        "login keeps saying wrong password even though I just reset it, am I doing something wrong",
        "验证码好久才到",
        "登录 keeps failing, 是不是我 password 打错了",
    ] {
        assert!(own_affairs(Topic::AccountTakeover, 0.76, text), "{text}");
    }
    // Someone else in the account is told, however the sign-in went.
    for text in [
        "someone reset my password and now I can't log in",
        "got a reset email I never asked for, my password doesn't work anymore",
    ] {
        assert!(!own_affairs(Topic::AccountTakeover, 0.76, text), "{text}");
    }
    for text in [
        "my card 什么时候 charge？下单完就扣吗",
        "信用卡扣了22块，是我买帽子的那笔，想问下发票在哪看",
        "is my card charged straight away or when it ships?",
    ] {
        assert!(own_affairs(Topic::Fraud, 0.98, text), "{text}");
    }
    assert!(!own_affairs(
        Topic::Fraud,
        0.9,
        "when did you charge my card? I never ordered anything"
    ));
    for text in [
        "can the delivery person call me instead of knocking, the baby sleeps in the afternoon",
        "the driver left my parcel with the neighbour, which was great, just letting you know",
        "宝宝在睡觉，快递到了别敲门，打电话就行",
    ] {
        assert!(own_affairs(Topic::Harassment, 0.53, text), "{text}");
    }
    assert!(!own_affairs(
        Topic::Harassment,
        0.53,
        "the driver keeps calling me instead of knocking and said he knows where I live"
    ));
}

#[test]
fn the_law_on_returns_and_a_lawyer_as_someones_job_are_no_legal_threat() {
    for text in [
        "法律上退货期是多少天 你们是30天吗",
        "消费者权益说7天无理由退货，你们是30天对吧",
        "我老板是 lawyer 想买件卫衣当礼物 多大码合适",
    ] {
        assert!(own_affairs(Topic::Legal, 0.84, text), "{text}");
    }
    for text in [
        "按法律你们必须退货，不退我就起诉",
        "my boss is a lawyer and he says we'll sue you over this refund",
    ] {
        assert!(!own_affairs(Topic::Legal, 0.84, text), "{text}");
    }
}

#[test]
fn a_court_date_a_pickup_point_and_a_missing_confirmation_are_the_shoppers() {
    assert!(own_affairs(
        Topic::Legal,
        0.8,
        "court date next week, will express get the tee here by then?"
    ));
    assert!(!own_affairs(
        Topic::Legal,
        0.8,
        "you'll get a court date soon, my lawyer is drafting the claim"
    ));
    assert!(own_affairs(
        Topic::Harassment,
        0.8,
        "快递员打电话说放驿站了，我去取就行吗"
    ));
    assert!(own_affairs(
        Topic::Fraud,
        0.8,
        "my card was charged but i didn't get a confirmation email, did the order go through?"
    ));
}

#[test]
fn a_few_words_asking_the_money_back_are_no_legal_threat() {
    for text in ["那就退吧", "ok refund it then", "退款吧"] {
        assert!(own_affairs(Topic::Legal, 0.52, text), "{text}");
    }
    for text in ["退款不然起诉", "refund or I sue", "不退就告你们"] {
        assert!(!own_affairs(Topic::Legal, 0.52, text), "{text}");
    }
}

#[test]
fn the_shop_said_to_break_the_law_on_returns_is_a_legal_matter() {
    for text in [
        "my solicitor has looked at your terms and thinks the way you handled my return breaches consumer law. who deals with this on your side",
        "你们30天退货违反消费者权益法吧？",
    ] {
        assert!(!own_affairs(Topic::Legal, 0.84, text), "{text}");
    }
}

#[test]
fn a_welcome_email_never_got_a_site_down_a_call_first_and_a_payment_pending_are_the_shoppers() {
    for (topic, text) in [
        (
            Topic::AccountTakeover,
            "never received the activation email for my account, checked spam",
        ),
        (Topic::AccountTakeover, "登录不上账号，是你们网站在维护吗"),
        (Topic::Harassment, "快递员送货前能先打电话吗，我怕错过"),
        (Topic::Fraud, "页面卡住了，我也不知道钱扣没扣"),
    ] {
        assert!(own_affairs(topic, 0.88, text), "{text}");
    }
    // Someone else in the account is still a takeover.
    assert!(!own_affairs(
        Topic::AccountTakeover,
        0.88,
        "never got a code but someone logged into my account from another country"
    ));
}

#[test]
fn praise_for_a_driver_loyalty_points_and_signing_in_again_are_the_shoppers() {
    assert!(own_affairs(
        Topic::Harassment,
        0.85,
        "the courier left the parcel at my door in a storm, give that guy a raise"
    ));
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.85,
        "does my account get points for this order"
    ));
    assert!(own_affairs(
        Topic::AccountTakeover,
        0.85,
        "订单记录看不到了，要不要重新登录一下"
    ));
}

#[test]
fn mobile_data_a_lawyer_friend_a_tip_a_pre_authorisation_and_a_figure_are_the_shoppers() {
    for (t, text) in [
        (
            Topic::DataProtection,
            "my phone data ran out, that's why I didn't reply, sorry",
        ),
        (
            Topic::DataProtection,
            "my 手机 data 不太好，页面加载不出来，can you just tell me the price of the cap",
        ),
        (
            Topic::DataProtection,
            "personal question, do you ship to Australia?",
        ),
        (Topic::Legal, "lawyer 朋友推荐的你们家，hoodie 还有灰色吗"),
        (
            Topic::Harassment,
            "the delivery driver was soaked from the rain, poor guy, can I leave him a tip somewhere",
        ),
        (
            Topic::Harassment,
            "your chatbot is driving me crazy, just tell me the return window",
        ),
        (
            Topic::Fraud,
            "我看到信用卡有一笔34的预授权，是我刚下的1002吧",
        ),
        (
            Topic::Fraud,
            "付款页面一直转圈，钱扣了没有我也不知道，订单1002",
        ),
        (
            Topic::AccountTakeover,
            "I never got the password reset email, checked spam too",
        ),
    ] {
        assert!(own_affairs(t, 0.85, text), "{text}");
    }
    // Someone else's doing stays a person's to handle.
    assert!(!own_affairs(
        Topic::DataProtection,
        0.85,
        "personal question: who did you share my personal data with?"
    ));
    assert!(!own_affairs(
        Topic::Fraud,
        0.85,
        "我没下单，钱扣了没有我也不知道，别人用了我的卡"
    ));
}

#[test]
fn a_law_firm_buying_praise_in_the_laws_words_and_a_pending_payment_are_the_shoppers() {
    for (t, text) in [
        (Topic::Legal, "我们律师事务所想团购一批T恤"),
        (Topic::Legal, "this t-shirt is illegal levels of comfy"),
        (
            Topic::Legal,
            "my sister just became an attorney, getting her a cap, can you gift wrap",
        ),
        (Topic::Harassment, "快递员打电话特别有礼貌，给五星"),
        (Topic::AccountTakeover, "账号里的订单记录在哪看"),
        (
            Topic::Fraud,
            "my bank app says pending payment to your shop, is that normal before it ships",
        ),
        (
            Topic::Fraud,
            "I was charged 98.00 for order 1001, is that with tax or is tax extra",
        ),
    ] {
        assert!(own_affairs(t, 0.85, text), "{text}");
    }
    assert!(!own_affairs(Topic::Legal, 0.85, "我们律师事务所会起诉你们"));
}

#[test]
fn data_science_a_wave_from_the_driver_and_a_foreign_charge_are_the_shoppers() {
    for (t, text) in [
        (
            Topic::DataProtection,
            "I work in data science and I wear your hoodie basically every day lol",
        ),
        (
            Topic::Harassment,
            "the delivery driver waved at my kid, so sweet, now she wants to be a UPS driver",
        ),
        (
            Topic::Fraud,
            "my bank flags foreign purchases, will your charge show up as a foreign transaction?",
        ),
    ] {
        assert!(own_affairs(t, 0.85, text), "{text}");
    }
}

#[test]
fn a_designer_asked_praise_an_account_elsewhere_and_a_charge_owned_are_the_shoppers() {
    for (t, text) in [
        (Topic::Harassment, "who designs your clothes"),
        (Topic::Legal, "你们家卫衣真的好穿，已经回购了"),
        (
            Topic::Fraud,
            "the charge on my statement shows a slightly different company name - it's for my hoodie order 1004, which I did make. is that you?",
        ),
    ] {
        assert!(own_affairs(t, 0.85, text), "{text}");
    }
    assert!(super::super::policy_cues::breached_elsewhere(
        "my instagram got hacked so I can't DM you there, asking here instead: is the navy cap in stock?"
    ));
    assert!(super::super::policy_cues::breached_elsewhere(
        "我的微博号被盗了，所以来这里问：帽子还有货吗"
    ));
}

#[test]
fn paying_without_a_credit_card_is_the_shoppers() {
    assert!(own_affairs(
        Topic::Fraud,
        0.91,
        "可以用支付宝付款吗?我没有信用卡"
    ));
}

#[test]
fn the_law_named_by_who_someone_is_or_in_a_film_is_no_threat() {
    for text in [
        "my attorney friend recommended your hoodies, what's the return window",
        "买来送给法院同事的，能开发票吗",
        "看了一部律师起诉大公司的电影，男主的卫衣跟你们的好像",
    ] {
        assert!(own_affairs(Topic::Legal, 0.7, text), "{text}");
    }
    assert!(!own_affairs(
        Topic::Legal,
        0.7,
        "my attorney friend says I should sue you"
    ));
}

#[test]
fn data_run_out_and_what_a_swap_needs_are_the_shoppers_own() {
    assert!(own_affairs(
        Topic::DataProtection,
        0.98,
        "my phone data ran out so I missed your emails, can you tell me if 1003 arrived"
    ));
    assert!(own_affairs(
        Topic::DataProtection,
        0.6,
        "what information do you need from me to swap a hoodie size?"
    ));
}

#[test]
fn a_hack_behind_the_shopper_or_a_complaint_in_so_many_words_is_no_policy_matter() {
    for text in [
        "hi it's sam@example.com, order 1004. my old email got hacked last year so this is the one I use now",
        "thought my email got hacked since no shipping mail ever came, turns out it was sitting in spam",
        "finally hacked my way through your size chart lol, I'm an L",
    ] {
        assert!(own_affairs(Topic::AccountTakeover, 0.9, text), "{text}");
    }
    assert!(own_affairs(
        Topic::Fraud,
        0.9,
        "Do you take Amex? My other card got hacked last month so it's the only one I'm using now"
    ));
    for text in [
        "my email got hacked last month and now there are orders I don't recognise",
        "my account was hacked, someone ordered two hoodies",
        "pretty sure my account got hacked, my saved card is gone and there's a new one on there",
    ] {
        assert!(!own_affairs(Topic::AccountTakeover, 0.9, text), "{text}");
    }
    for text in ["我要投诉你们发货慢", "我要找你们经理"] {
        assert!(own_affairs(Topic::Legal, 0.9, text), "{text}");
    }
    assert!(own_affairs(
        Topic::DataProtection,
        0.9,
        "I want to complain about how slow you are"
    ));
    for text in [
        "我要投诉你们，已经找了律师准备起诉",
        "Tell your manager I'm suing if I don't get my 138 back",
    ] {
        assert!(!own_affairs(Topic::Legal, 0.9, text), "{text}");
    }
}
