//! Unit tests of the sensitive words heard in the sets written apart, round by round
//! (`policy.rs`): each beside the look-alikes from the same sets that must not reach a person.
//! From round sixteen on they stand in `policy_tests.rs`, this file being full.

use super::*;

#[test]
fn a_round_of_sensitive_words_heard_in_basketed_and_canistered() {
    for (text, want) in [
        (
            "the spout flew off and hit me in the eye",
            PolicyTopic::Safety,
        ),
        (
            "wo chuan le weiyi, quanshen qi hongzhen",
            PolicyTopic::Safety,
        ),
        (
            "the hoodie's drawstring choked my kid for a second, he's ok but shaken. That's a safety hazard.",
            PolicyTopic::Safety,
        ),
        (
            "卫衣拉链的金属片把我手划了个大口子，血一直流，这东西安全吗",
            PolicyTopic::Safety,
        ),
        ("穿了一天T恤皮肤就溃烂了，这安全吗", PolicyTopic::Safety),
        (
            "顺便问下退货地址，还有我账单上那笔未授权的付款是怎么回事",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "how do I get my account back, whoever got in changed everything",
            PolicyTopic::AccountSecurity,
        ),
        (
            "can you send me everything you have on me, ip logs included",
            PolicyTopic::DataProtection,
        ),
        (
            "did you sell my info? spam started right after my order",
            PolicyTopic::DataProtection,
        ),
        (
            "my ex is threatening me and knows where i live",
            PolicyTopic::Harassment,
        ),
        (
            "a stalker tracked me down through a parcel",
            PolicyTopic::Harassment,
        ),
        (
            "系统提示我在别的城市登录，我没出过门",
            PolicyTopic::AccountSecurity,
        ),
        (
            "邮件说我的邮箱已修改，我根本没操作过",
            PolicyTopic::AccountSecurity,
        ),
        (
            "somebody bought a bottle with my card",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "我的卡在你们网站和别家都被盗刷了，还能用支付宝付吗",
            PolicyTopic::UnauthorisedCharge,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "my cable (数据线) fits in the hoodie pocket?",
        "will the logo burn off if I tumble dry it",
        "my wallet is bleeding after your sale",
        "somebody bought me the cap as a gift, can I swap the colour?",
        "上次在别家买东西卡被盗刷过，有点怕了，你们这儿支付宝能付不",
        "injured my hand so typing slow, sorry. where's my order 1003",
        "whoever got in touch with me yesterday said my refund was approved",
        "手受伤了打字慢，帮我查下1003到哪了",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    assert!(misused_elsewhere_asks_how_to_pay(
        "寄到日本大概要多久？运费怎么算？上次在别家网站被盗刷过，所以只想用支付宝，你们支持吗"
    ));
    // A charge from this shop disowned beside a breach elsewhere is no payment question.
    assert!(!misused_elsewhere_asks_how_to_pay(
        "my paypal got hacked on another site and now there's a $98 charge from you i didn't make, can i pay with alipay instead"
    ));
}

#[test]
fn a_round_of_sensitive_words_heard_in_jugged_and_flasked() {
    for (text, want) in [
        (
            "my doctor says my symptoms might be from your bottle",
            PolicyTopic::Safety,
        ),
        (
            "I'm having a reaction right now, what's in the cuffs?",
            PolicyTopic::Safety,
        ),
        ("喝了之后舌头发麻", PolicyTopic::Safety),
        (
            "don't send it to my old flat, he's violent",
            PolicyTopic::Safety,
        ),
        (
            "who took 98 dollars off my card??",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "my visa shows 138 to you, thats not me",
            PolicyTopic::UnauthorisedCharge,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
}

#[test]
fn the_law_named_by_who_someone_is_a_bank_check_answered_and_numb_lips() {
    for text in [
        "my attorney friend recommended your hoodies, what's the return window if it doesn't fit",
        "买来送给法院同事的，能开发票吗",
        "我刚看完一部律师起诉大公司的电影，男主穿的卫衣跟你们的好像",
        "我的银行发短信问我是不是本人在你们这消费，我确认了，订单会正常发货吧",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
    assert_eq!(
        topic("my attorney friend says I should sue you"),
        Some(PolicyTopic::Legal)
    );
    assert_eq!(
        topic("用了水杯之后嘴唇发麻，医生说可能是过敏，杯子是什么材料做的"),
        Some(PolicyTopic::Safety)
    );
}

#[test]
fn a_round_of_sensitive_words_heard_in_drummed_and_kegged() {
    for (text, want) in [
        (
            "got a confirmation email for an order I didn't make",
            PolicyTopic::AccountSecurity,
        ),
        (
            "you charged double and I never authorised that",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "money keeps coming out of my account from you",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "the courier was filming me at my door",
            PolicyTopic::Harassment,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    assert_eq!(topic("我是急诊科医生，想买件加绒卫衣"), None);
}

#[test]
fn a_password_change_never_made_and_an_account_taken_over_are_account_security() {
    for text in [
        "Received an email confirming a password change I never made. What do I do?",
        "my account got taken over after I clicked a fake 'your parcel is on hold' link",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::AccountSecurity), "{text}");
    }
    assert_eq!(
        topic("how do I make a password change on my account?"),
        None
    );
}

#[test]
fn a_wound_told_by_what_it_needs_and_a_body_reacting_to_goods_are_safety() {
    for text in [
        "the hoodie zip cut my son's chin open, he needs stitches",
        "there's a needle stuck in the t-shirt seam, it went into my skin",
        "broken glass?? in the hoodie pocket. my hand is cut open",
        "卫衣拉链的金属片划破了宝宝的脸，伤口挺深",
        "my eyes are burning after washing the hoodie, theres a strong chemical smell",
        "my throat feels like its closing up after handling the hoodie",
        "the cap's dye ran and my son's forehead is red and blistering",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Safety), "{text}");
    }
    for text in [
        "the box was cut open when it arrived, is everything still inside?",
        "does the grey hoodie need ironing after washing?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_round_of_sensitive_words_heard_in_cratered_and_vatted() {
    for (text, want) in [
        (
            "my son cut his hand on the zip, there was a lot of blood",
            PolicyTopic::Safety,
        ),
        (
            "I'm escaping my partner, stop the delivery",
            PolicyTopic::Safety,
        ),
        (
            "pretty sure this is fraud, an order went through on my card",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "收到密码修改邮件，但不是我改的",
            PolicyTopic::AccountSecurity,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "bit hacked off waiting for 1001 tbh",
        "threatening to buy your whole stock lol",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_round_of_sensitive_words_heard_in_flagoned_beakered_gobleted_and_ampouled() {
    use PolicyTopic::{AccountSecurity, DataProtection, Harassment, Legal, Safety};
    for (text, want) in [
        ("what exactly do you keep about me on file?", DataProtection),
        (
            "which details got saved when I paid as a guest",
            DataProtection,
        ),
        (
            "who else gets my phone number apart from the courier",
            DataProtection,
        ),
        (
            "are you selling my email to other companies? spam since I ordered",
            DataProtection,
        ),
        (
            "on what basis are you keeping my order history? I want it deleted",
            DataProtection,
        ),
        ("我刚才发了身份证号 帮我删掉", DataProtection),
        (
            "it says my password is wrong and I never changed my password",
            AccountSecurity,
        ),
        ("三封重置密码的邮件 我都没申请过", AccountSecurity),
        (
            "logged me out and now my account doesn't exist??",
            AccountSecurity,
        ),
        (
            "someone changed the email on my account and I'm locked out, there's an order I never placed",
            AccountSecurity,
        ),
        ("we'll take it to arbitration if this isn't sorted", Legal),
        ("不退款我就申请仲裁", Legal),
        (
            "this is a breach of contract and my cousin is drafting a letter",
            Legal,
        ),
        (
            "the delivery guy said he'd hit me if I complained",
            Harassment,
        ),
        ("快递员加了我微信一直发消息", Harassment),
        (
            "a staff member posted my home address under my review, I'm scared",
            Harassment,
        ),
        (
            "my son's cheeks are puffing up after wearing the cap",
            Safety,
        ),
        ("帽子的染料弄到眼睛里了", Safety),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "my sister hijacked my hoodie so I need another",
        "I'll sue you for emptying my wallet, the tees are too good",
        "my daughter swallowed her lunch in a minute to open the parcel",
        "删除订单记录里那个没付款的订单 怎么操作",
        "can you send a copy of the invoice to my email",
        "the bottle sold out before I could buy, email me at my email when it's back",
        "I forgot my password and now it says wrong password, how do I reset it?",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_round_of_sensitive_words_heard_in_decantered_carafed_tureened_and_urned() {
    use PolicyTopic::{
        AccountSecurity, BillingError, DataProtection, Harassment, Legal, Safety,
        UnauthorisedCharge,
    };
    for (text, want) in [
        (
            "please send me every record you have under my email",
            DataProtection,
        ),
        ("the dye ran onto my scalp and it's burning", Safety),
        ("额头火辣辣地疼 还起了泡", Safety),
        ("whoever got into it used my saved card", AccountSecurity),
        ("刚收到验证码短信 我没操作", AccountSecurity),
        (
            "my profile now says Miami. I live in Leeds.",
            AccountSecurity,
        ),
        (
            "why does my profile suddenly have a different name on it",
            AccountSecurity,
        ),
        (
            "there's a debit from you I can't account for",
            UnauthorisedCharge,
        ),
        (
            "how did my card end up paying for someone else's order?",
            UnauthorisedCharge,
        ),
        (
            "PayPal说我付过款 可我根本没上过你们网站",
            UnauthorisedCharge,
        ),
        (
            "the babysitter used my apple pay, how do I get it reversed",
            UnauthorisedCharge,
        ),
        (
            "my son ordered with my card without asking, any way to undo that",
            UnauthorisedCharge,
        ),
        (
            "I didn't order hoodies and yet 138 came out of my account",
            UnauthorisedCharge,
        ),
        ("同一个订单扣了两遍钱", BillingError),
        ("i'll be suing for the cost of the trip", Legal),
        ("the delivery guy keeps texting me, it's creepy", Harassment),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "it's a gift, can I ship it to someone else's address",
        "what data do you need from me for international shipping",
        "我家里做律师的亲戚都说你们T恤好穿",
        "the tee shrank and now it's choking me haha",
        "I used my apple pay, can I get my money back for the cap?",
        "the courier is calling me to arrange the delivery",
        "the courier keeps calling me to arrange delivery, can he leave it with a neighbour?",
        "can I pay for someone else's order with my card, it's a surprise",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_round_of_sensitive_words_heard_in_cauldroned_skilleted_saucered_and_kettled() {
    for text in [
        "my order 1003 was 22 but my bank app shows you took 22 three separate times??",
        "why did you take money 两次 for order 1003? I see 22 twice on my statement",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::BillingError), "{text}");
    }
    assert_eq!(
        topic("半夜收到一条你们的验证码短信 我根本没在操作"),
        Some(PolicyTopic::AccountSecurity)
    );
    // Asked whether a person answers, a person named as the other answer is asked about.
    assert!(!super::super::honesty::also_asks_for_a_person(
        "请问现在跟我聊天的是AI吗 还是客服小姐姐"
    ));
}

#[test]
fn a_bank_text_of_money_spent_and_no_order_placed_is_a_charge_disowned() {
    assert_eq!(
        topic("今天收到银行短信，说在你们店花了98块，可我卡一直在身上，也没下过单"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
}

#[test]
fn everything_held_taken_off_at_once_is_a_data_request() {
    assert_eq!(
        topic(
            "please take me off everything. account, emails, order history, the lot. carlos@example.com"
        ),
        Some(PolicyTopic::DataProtection)
    );
}

#[test]
fn the_law_threatened_as_a_route_is_heard() {
    for text in [
        "订单1004的钱不退的话 我只能走法律途径了",
        "no refund means I take the legal route",
    ] {
        assert_eq!(topic(text), Some(PolicyTopic::Legal), "{text}");
    }
}

#[test]
fn someone_the_shopper_knows_in_the_law_threatens_nobody() {
    for text in [
        "my cousin's a solicitor and she refuses to take off your tee",
        "the lawyer in my family says your hoodies are the comfiest thing she owns",
    ] {
        assert!(
            super::super::legal_noise::someone_in_the_law(text),
            "{text}"
        );
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn a_carriers_notices_asked_off_are_no_harassment() {
    assert_eq!(
        topic("UPS keeps texting me delivery updates, can I switch that off"),
        None
    );
    assert_eq!(
        topic("the courier keeps texting me at night asking where I live"),
        Some(PolicyTopic::Harassment)
    );
}

#[test]
fn a_round_of_sensitive_words_heard_in_steined_mugged_chaliced_and_tumblered() {
    for (text, want) in [
        (
            "if this hoodie doesn't turn up I'll find out where your packer lives",
            PolicyTopic::Harassment,
        ),
        (
            "the guy who delivered my hoodies stood outside my window for ten minutes afterwards",
            PolicyTopic::Harassment,
        ),
        ("杯盖边缘太锋利 把手割了个大口子", PolicyTopic::Safety),
        ("衣服里有根断针 扎进肉里了", PolicyTopic::Safety),
        (
            "我没买东西 为什么卡里少了34块",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "有人拿我的Apple Pay买了你们的卫衣",
            PolicyTopic::UnauthorisedCharge,
        ),
        (
            "Either you pay back the 98 or I'm suing, your choice",
            PolicyTopic::Legal,
        ),
        ("账号里的名字变成了别人的", PolicyTopic::AccountSecurity),
        (
            "can you tell me what you've recorded about me, including these chats",
            PolicyTopic::DataProtection,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for (text, want) in [
        (
            "早上起来发现进不去了 绑定的邮箱也被换了",
            PolicyTopic::AccountSecurity,
        ),
        (
            "问过懂行的朋友了，这种情况完全可以立案。订单1001",
            PolicyTopic::Legal,
        ),
        (
            "你们卖的东西有质量问题还拒绝处理，等着收传票吧",
            PolicyTopic::Legal,
        ),
        (
            "he's looked at what happened with order 1001 and says you're in breach",
            PolicyTopic::Legal,
        ),
        (
            "there's another 69.00 from you that went out of my account yesterday and I didn't buy anything else",
            PolicyTopic::UnauthorisedCharge,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    // A tear in the goods is damage, not a wound.
    assert_eq!(topic("两件卫衣有一件被划了一道大口子"), None);
}

#[test]
fn round_six_single_messages_are_heard_by_kind() {
    use PolicyTopic::*;
    for (text, want) in [
        ("我朋友是做律师的 这事没完", Legal),
        (
            "我朋友是做律师的，他说你们这么做站不住脚，我要追究到底",
            Legal,
        ),
        (
            "I'm saving every one of these chats as evidence for my case",
            Legal,
        ),
        (
            "your staff member told me to watch my back. what does that even mean",
            Harassment,
        ),
        ("包裹里夹了一张纸条 写着侮辱我的话", Harassment),
        ("快递小哥加我微信后天天发些乱七八糟的东西", Harassment),
        (
            "the ups driver keeps hanging around outside my building every day even when there's no delivery",
            Harassment,
        ),
        (
            "my scalp is raw and peeling where the cap sits, the doctor wants the materials asap",
            Safety,
        ),
        (
            "the cap left what look like burns on my forehead, something's wrong with the material",
            Safety,
        ),
        (
            "怎么显示我的号在另一个城市登录过 我人一直在家",
            AccountSecurity,
        ),
        ("我账户的名字都变了 吓死我了 谁动的", AccountSecurity),
        (
            "Your site says my account is registered under a different email. It's MY account, I made it in 2024.",
            AccountSecurity,
        ),
        ("账单上这笔138是什么 我根本没听过这家店", UnauthorisedCharge),
        (
            "收到一个订单确认邮件 东西我没买 钱却被划走了",
            UnauthorisedCharge,
        ),
        (
            "my statement shows a second payment for order 1003 on a day I wasn't even home, I only bought once",
            BillingError,
        ),
        (
            "账单上冒出来两笔34块的，我就只买过一次，另一笔是哪来的",
            BillingError,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "my lawyer friend loves your hoodies, is there a discount for two?",
        "the courier keeps calling me to arrange delivery, I'm at work",
        "which email is my account registered under? I have two",
        "does the cap burn easily in the sun? colour-wise I mean",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn round_seven_single_messages_are_heard_by_kind() {
    assert_eq!(
        topic(
            "got a message saying my shipping address was updated. wasn't me. and the saved card ending in 4417 isn't mine either"
        ),
        Some(PolicyTopic::AccountSecurity)
    );
    assert_eq!(
        topic(
            "what do you lot actually keep on me? address, card number, the lot? I'd like to see it"
        ),
        Some(PolicyTopic::DataProtection)
    );
    // A charge on a saved card disowned is still the charge.
    assert_eq!(
        topic("my saved card got charged 98 and it wasn't me"),
        Some(PolicyTopic::UnauthorisedCharge)
    );
}

#[test]
fn round_eleven_single_messages_are_heard_by_kind() {
    for (text, want) in [
        (
            "Is the t-shirt flammable? My son's sleeve went up in seconds near a candle and he's hurt.",
            PolicyTopic::Safety,
        ),
        ("卫衣拉链划破了手,血一直止不住", PolicyTopic::Safety),
        (
            "my throat feels tight since I put the new hoodie on, what is it treated with",
            PolicyTopic::Safety,
        ),
        ("我会 sue 你们 if no refund by Friday", PolicyTopic::Legal),
        (
            "keep ignoring me and see how that works out in court",
            PolicyTopic::Legal,
        ),
        (
            "我是代理律师,代表我的当事人向贵公司主张权利",
            PolicyTopic::Legal,
        ),
        ("包裹里夹了一张侮辱性的纸条", PolicyTopic::Harassment),
        ("客服一直在 Instagram 上 harass 我", PolicyTopic::Harassment),
        (
            "I received a package with a note inside that was full of slurs",
            PolicyTopic::Harassment,
        ),
        (
            "one of your reps told me on the phone he'd 'make my life hell', is that company policy?",
            PolicyTopic::Harassment,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "got a threatening letter from my landlord so I'm moving, need to update the address on order 1002 lol",
        "我每天都骚扰我老公让他给我买卫衣，有礼品包装吗",
        "the box was so heavy I nearly injured myself lol, what did I even order",
        "who do I contact about a supplier agreement, our legal team needs one",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}

#[test]
fn round_twelve_single_messages_are_heard_by_kind() {
    for (text, want) in [
        (
            "I'm suing. you sold me a defective hoodie and ignored me for weeks",
            PolicyTopic::Legal,
        ),
        ("不退钱我就打官司，别怪我没提醒", PolicyTopic::Legal),
        (
            "see you in court lol, you people are thieves",
            PolicyTopic::Legal,
        ),
        (
            "where's my order... and if it gets lost again I'm suing, not joking",
            PolicyTopic::Legal,
        ),
        (
            "hi I need to change my size, also last week the bottle cap shot off and chipped my tooth, still hurts a lot",
            PolicyTopic::Safety,
        ),
        (
            "can you help, I'm feeling really unwell and I think it's the coating inside the water bottle",
            PolicyTopic::Safety,
        ),
        (
            "someone wrote slurs on the packing slip of my order",
            PolicyTopic::Harassment,
        ),
        (
            "the guy who delivered my order has come back to my house twice since, without a parcel",
            PolicyTopic::Harassment,
        ),
        (
            "我的快递单上印的是别人的名字和手机号，你们把别人的隐私发给我了",
            PolicyTopic::DataProtection,
        ),
    ] {
        assert_eq!(topic(text), Some(want), "{text}");
    }
    for text in [
        "I wouldn't sue you over it but the tee did shrink a bit, is that normal",
        "injured my ankle so I'll be home all week, any delivery day works",
        "脚受伤了在家养着，想买件宽松的卫衣，尺码怎么选",
        "I'm suing my sister for stealing my hoodie (joking). can I just buy another one",
        "我在跟前房东打官司，跟你们无关哈，就是要搬家了，1002地址能改吗",
        "打官司打累了 买件卫衣犒劳自己 有灰色的吗",
    ] {
        assert_eq!(topic(text), None, "{text}");
    }
}
