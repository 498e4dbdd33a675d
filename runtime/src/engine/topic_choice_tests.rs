//! Unit tests of the choice of a message's topic and of when a heard topic is noise (`topic_choice.rs`).

use super::*;

#[test]
fn a_topic_a_person_must_handle_outranks_a_likelier_delivery_problem() {
    let scores = vec![
        (Topic::Damaged, 0.93),
        (Topic::Safety, 0.6),
        (Topic::Urgent, 0.2),
    ];
    assert_eq!(pick(scores), Some((Topic::Safety, 0.6)));
    assert_eq!(
        pick(vec![(Topic::Damaged, 0.93), (Topic::Safety, 0.4)]),
        Some((Topic::Damaged, 0.93))
    );
    assert_eq!(pick(vec![(Topic::Fraud, 0.3)]), None);
}

#[test]
fn a_weak_topic_in_a_question_about_a_product_is_noise() {
    assert!(asks_about_a_product(
        Topic::Safety,
        0.6,
        "ok and the navy cap 多少钱"
    ));
    assert!(asks_about_a_product(
        Topic::Damaged,
        0.7,
        "does the tee run big or small?"
    ));
    // Strong, or a charge: kept.
    assert!(!asks_about_a_product(
        Topic::Safety,
        0.9,
        "ok and the navy cap 多少钱"
    ));
    assert!(!asks_about_a_product(
        Topic::Fraud,
        0.6,
        "how much did you take from my card"
    ));
    // Asked because a doctor wants to know, with blisters: harm told, kept; a doctor's
    // advice alone tells of none.
    assert!(!asks_about_a_product(
        Topic::Safety,
        0.6,
        "my arms came up in blisters, the doctor asked what the hoodie is made of"
    ));
    assert!(asks_about_a_product(
        Topic::Safety,
        0.6,
        "my doctor says wool is bad for my skin, what is the hoodie made of?"
    ));
    // What it is made of, asked before buying: noise; harm told with it is kept.
    assert!(asks_about_a_product(
        Topic::Safety,
        0.63,
        "I'm allergic to nickel, does the cap have a metal buckle?"
    ));
    assert!(!asks_about_a_product(
        Topic::Safety,
        0.63,
        "the metal buckle gave my son a rash, what is it made of?"
    ));
    assert!(!asks_about_a_product(
        Topic::Safety,
        0.63,
        "my son was chewing on the strap of the cap and now his lips are swelling up, is there something on the fabric??"
    ));
    // A question about something else: kept.
    assert!(!asks_about_a_product(
        Topic::Safety,
        0.6,
        "my son can't breathe properly"
    ));
}

/// A prediction of `intent` alone at `confidence`.
pub(crate) fn sure(intent: &str, confidence: f32) -> Prediction {
    Prediction {
        intent: intent.into(),
        confidence,
        top: vec![(intent.into(), confidence)],
    }
}

#[test]
fn a_weak_topic_alone_does_not_override_a_sure_shop_question() {
    let payment = sure("check_payment_methods", 0.99);
    // Weak, alone, against a sure shop question: the question is answered.
    assert!(weak_and_alone(Topic::Fraud, 0.6, &payment, false));
    // A second sign, a strong topic, an unsure model or a message that is no shop
    // question keep the topic.
    assert!(!weak_and_alone(Topic::Fraud, 0.6, &payment, true));
    assert!(!weak_and_alone(Topic::Fraud, 0.85, &payment, false));
    assert!(!weak_and_alone(
        Topic::Fraud,
        0.6,
        &sure("check_payment_methods", 0.7),
        false
    ));
    for intent in ["track_order", "out_of_scope", "cancel_order"] {
        assert!(
            !weak_and_alone(Topic::Fraud, 0.6, &sure(intent, 0.99), false),
            "{intent}"
        );
    }
    // A sure complaint takes a weak topic in, upset or not; a strong one stays.
    assert!(weak_and_alone(
        Topic::Fraud,
        0.6,
        &sure("complaint", 0.99),
        true
    ));
    assert!(!weak_and_alone(
        Topic::Fraud,
        0.9,
        &sure("complaint", 0.99),
        true
    ));
    assert!(!weak_and_alone(
        Topic::Fraud,
        0.6,
        &sure("complaint", 0.6),
        true
    ));
    // A legal topic the models alone hear in a sure complaint is its words ("我要投诉");
    // a strong one, or one in a complaint the model is unsure of, stays.
    assert!(weak_and_alone(
        Topic::Legal,
        0.85,
        &sure("complaint", 1.0),
        false
    ));
    assert!(!weak_and_alone(
        Topic::Legal,
        0.95,
        &sure("complaint", 1.0),
        false
    ));
    assert!(!weak_and_alone(
        Topic::Legal,
        0.85,
        &sure("complaint", 0.6),
        false
    ));
    assert!(!weak_and_alone(
        Topic::Safety,
        0.85,
        &sure("complaint", 1.0),
        false
    ));
}

#[test]
fn a_weak_takeover_or_fraud_topic_in_the_shoppers_own_account_task_is_noise() {
    let edit = sure("edit_account", 0.99);
    let declined = sure("payment_issue", 0.95);
    // The shopper's own task, nobody else named: the words are not a takeover or fraud.
    for (topic, prediction, text) in [
        (
            Topic::AccountTakeover,
            &edit,
            "how do I change the email on my account?",
        ),
        (Topic::AccountTakeover, &edit, "我想修改账号邮箱"),
        (
            Topic::Fraud,
            &declined,
            "my card was declined twice, can I pay with PayPal",
        ),
        (
            Topic::Fraud,
            &declined,
            "信用卡被拒了三次，你们支付页面是不是有问题",
        ),
    ] {
        assert!(
            own_account_or_payment(topic, 0.7, prediction, text),
            "{text}"
        );
    }
    // Someone else, something disowned, a strong topic, an unsure model, another topic
    // or another task: the topic stays.
    let someone = "someone changed the email on my account";
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.7,
        &edit,
        someone
    ));
    let disowned = "there's a payment on my card i never made";
    assert!(!own_account_or_payment(
        Topic::Fraud,
        0.7,
        &declined,
        disowned
    ));
    assert!(!own_account_or_payment(
        Topic::Fraud,
        0.7,
        &declined,
        "这笔扣款不是我付的"
    ));
    let own = "how do I change the email on my account?";
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.98,
        &edit,
        own
    ));
    for changed_by_another in ["我的账号绑定的手机号被人换了", "my ex knows my password"]
    {
        assert!(!own_account_or_payment(
            Topic::AccountTakeover,
            0.7,
            &edit,
            changed_by_another
        ));
    }
    // A strong topic yields only to a task the model is certain of.
    let locked = "账号被锁了 密码输错太多次了";
    let certain = sure("recover_password", 1.0);
    assert!(own_account_or_payment(
        Topic::AccountTakeover,
        0.95,
        &certain,
        locked
    ));
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.98,
        &certain,
        locked
    ));
    let only_sure = sure("recover_password", 0.92);
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.95,
        &only_sure,
        locked
    ));
    // Asked how to do it, the likelier account task is the shopper's own, up to a topic
    // the models are certain of; told, not asked, an unsure task keeps the topic.
    let unsure = sure("edit_account", 0.6);
    for asked in [
        own,
        "where do I change the password on my account",
        "我想 change my password 但是找不到 setting",
    ] {
        assert!(
            own_account_or_payment(Topic::AccountTakeover, 0.9, &unsure, asked),
            "{asked}"
        );
    }
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.98,
        &unsure,
        own
    ));
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.7,
        &sure("edit_account", 0.4),
        own
    ));
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.7,
        &unsure,
        "the email on my account is different now"
    ));
    assert!(!own_account_or_payment(
        Topic::Fraud,
        0.7,
        &sure("payment_issue", 0.6),
        "how do I check a charge on my card"
    ));
    assert!(!own_account_or_payment(
        Topic::DataProtection,
        0.7,
        &edit,
        own
    ));
    let track = sure("track_order", 0.99);
    assert!(!own_account_or_payment(
        Topic::AccountTakeover,
        0.7,
        &track,
        own
    ));
}

#[test]
fn goods_that_came_damaged_are_damage_not_a_weak_safety_topic() {
    let scores = || vec![(Topic::Safety, 0.51), (Topic::Damaged, 0.99)];
    let squashed = "the cap came all squashed and theres a rip along the brim";
    assert_eq!(
        pick(without_weak_safety_in_damage(scores(), squashed)),
        Some((Topic::Damaged, 0.99))
    );
    // A strong safety topic stays, and so does a weak one with no damage described.
    let strong = vec![(Topic::Safety, 0.9), (Topic::Damaged, 0.99)];
    assert_eq!(
        pick(without_weak_safety_in_damage(strong, squashed)),
        Some((Topic::Safety, 0.9))
    );
    let hurt = "my son's hand hurts after playing with the cap";
    assert_eq!(
        pick(without_weak_safety_in_damage(scores(), hurt)),
        Some((Topic::Safety, 0.51))
    );
}

#[test]
fn a_fraud_worried_about_before_paying_is_a_question_and_a_breach_elsewhere_no_takeover() {
    for text in [
        "is paying with PayPal safer than a card on your site? just general fraud paranoia on my part",
        "在你们网站用信用卡付款安全吗，会不会被盗刷",
    ] {
        assert!(asks_if_it_is_safe(Topic::Fraud, 0.95, text), "{text}");
    }
    assert!(!asks_if_it_is_safe(
        Topic::Fraud,
        0.95,
        "is it safe to pay here? someone used my card on your site last week"
    ));
    let sure = Prediction {
        intent: "check_payment_methods".into(),
        confidence: 0.6,
        top: vec![],
    };
    let elsewhere = "my account got hacked on some other site years ago so now I only pay with paypal, do you take it?";
    assert_eq!(
        topic_of(elsewhere, &[(Topic::AccountTakeover, 0.62)], &sure, false),
        None
    );
    assert!(
        topic_of(
            "my account got hacked",
            &[(Topic::AccountTakeover, 0.62)],
            &sure,
            false
        )
        .is_some()
    );
    // A card misused at another shop, the reason for asking how to pay here, however sure
    // the model is of fraud; misused here, it is fraud.
    let elsewhere = "上次在别家买东西卡被盗刷过，有点怕了，你们这儿支付宝能付不";
    assert_eq!(
        topic_of(elsewhere, &[(Topic::Fraud, 0.99)], &sure, false),
        None
    );
    let here = "my card was used at another shop and on your site too, can I pay with paypal?";
    assert!(topic_of(here, &[(Topic::Fraud, 0.99)], &sure, false).is_some());
}

#[test]
fn a_product_question_for_someone_with_a_condition_is_noise_unless_harm_is_told() {
    assert!(asks_for_someone_with_a_condition(
        Topic::Safety,
        0.92,
        "my baby has allergies, is the cap machine washable?"
    ));
    assert!(asks_for_someone_with_a_condition(
        Topic::Safety,
        0.9,
        "我对羊毛过敏，卫衣有羊毛成分吗"
    ));
    // Certain, harm told, or no question about the product: kept.
    assert!(!asks_for_someone_with_a_condition(
        Topic::Safety,
        0.99,
        "my baby has allergies, is the cap machine washable?"
    ));
    assert!(!asks_for_someone_with_a_condition(
        Topic::Safety,
        0.9,
        "I'm allergic to nickel, is the zip nickel? it gave me a rash"
    ));
    assert!(!asks_for_someone_with_a_condition(
        Topic::Safety,
        0.9,
        "my son is allergic to peanuts and is struggling to breathe"
    ));
}

#[test]
fn a_leaning_is_noise_in_the_same_words_as_a_topic() {
    let sure = sure("check_payment_methods", 0.6);
    assert_eq!(
        leaning_of(
            "is it safe to save my card on your site?",
            &[(Topic::Fraud, 0.42)],
            &sure
        ),
        None
    );
    assert_eq!(
        leaning_of(
            "there's a charge on my card, I don't know what it is",
            &[(Topic::Fraud, 0.42)],
            &sure
        ),
        Some((Topic::Fraud, 0.42))
    );
}

#[test]
fn a_question_that_speaks_of_no_one_bothering_anyone_is_no_harassment() {
    let sure = sure("product_info", 0.6);
    for text in ["who makes your t-shirts", "when's your next sale"] {
        assert_eq!(
            topic_of(text, &[(Topic::Harassment, 0.87)], &sure, false),
            None,
            "{text}"
        );
    }
    // Told, or a question about someone bothering them: kept.
    for text in [
        "a staff member followed me on instagram and sends me messages about what I bought, it's scary",
        "why does your driver keep texting me at night?",
    ] {
        assert_eq!(
            topic_of(text, &[(Topic::Harassment, 0.87)], &sure, false),
            Some((Topic::Harassment, 0.87)),
            "{text}"
        );
    }
}

#[test]
fn whether_card_details_are_safe_asked_before_paying_is_no_data_request() {
    assert!(asks_if_it_is_safe(
        Topic::DataProtection,
        0.8,
        "付款安全吗？会不会泄露卡号"
    ));
    assert!(!asks_if_it_is_safe(
        Topic::DataProtection,
        0.8,
        "please delete all the data you hold about me"
    ));
    // Asked whether it is kept, and wiped: a data request.
    assert!(!asks_if_it_is_safe(
        Topic::DataProtection,
        0.8,
        "is my card number stored on your servers? I want it and all my details wiped"
    ));
}

#[test]
fn praise_persuasion_and_questions_for_a_body_are_no_safety_topic() {
    let oos = sure("out_of_scope", 0.5);
    for (text, p) in [
        // Violent words as praise or persuasion, the goods loved.
        ("the cap was a killer present, my dad loved it", 0.4),
        ("这个价格简直是骨折价", 0.6),
        (
            "my sister bullied me into buying the cap and now I love it",
            0.92,
        ),
        // Whether a product suits a body, asked before anything happened.
        (
            "can I wear the zip hoodie after shoulder surgery? easier than pulling over my head right",
            0.57,
        ),
        (
            "my kid's teacher has a latex allergy, any latex in the cap?",
            0.77,
        ),
        // A child's school asks for a white tee.
        ("孩子学校要穿白T 你们的T恤是白色的吗", 0.74),
    ] {
        assert_eq!(
            topic_of(text, &[(Topic::Safety, p)], &oos, false),
            None,
            "{text}"
        );
    }
    // Harm told beside the same words stays a safety topic.
    for (text, p) in [
        (
            "my sister bullied me into buying the cap and now my face is swollen",
            0.92,
        ),
        (
            "is the bottle BPA free? I'm pregnant, been drinking from it all week and now I feel really sick",
            0.7,
        ),
        ("a killer was outside my door when the courier came", 0.6),
    ] {
        assert_eq!(
            topic_of(text, &[(Topic::Safety, p)], &oos, false).map(|t| t.0),
            Some(Topic::Safety),
            "{text}"
        );
    }
}

#[test]
fn goods_come_and_praised_are_no_delivery_problem() {
    let p = kefu_intent::Prediction {
        intent: "thanks".into(),
        confidence: 0.6,
        top: vec![("thanks".into(), 0.6)],
    };
    let heard = |text: &str| topic_of(text, &[(Topic::Damaged, 0.92)], &p, false).map(|(t, _)| t);
    assert_eq!(heard("1001 arrived today, great job guys"), None);
    assert_eq!(
        heard("1001 arrived today with the lid cracked, great job guys"),
        Some(Topic::Damaged)
    );
}

#[test]
fn a_topic_heard_only_in_a_figure_of_speech_is_no_topic() {
    let p = kefu_intent::Prediction {
        intent: "out_of_scope".into(),
        confidence: 0.5,
        top: vec![("out_of_scope".into(), 0.5)],
    };
    let heard = |t: Topic, prob: f32, text: &str| topic_of(text, &[(t, prob)], &p, false);
    for (t, text) in [
        (
            Topic::Harassment,
            "the sky looks threatening, will UPS still deliver today?",
        ),
        (
            Topic::Legal,
            "wearing this hoodie in summer should be illegal, it's so warm",
        ),
        (
            Topic::Legal,
            "I play basketball, will the cap stay on while I'm running the court",
        ),
        (Topic::Safety, "my wallet is bleeding after this sale lol"),
        (Topic::Legal, "1002还在处理中，急死我了"),
        (Topic::Safety, "我都快被你们的物流急死了"),
    ] {
        assert_eq!(heard(t, 0.8, text), None, "{text}");
    }
    // The topic's own words beside the figure keep it.
    for (t, text) in [
        (
            Topic::Harassment,
            "the sky looks threatening and your driver threatened me",
        ),
        (
            Topic::Legal,
            "should be illegal, I'm talking to my lawyer about it",
        ),
    ] {
        assert!(heard(t, 0.8, text).is_some(), "{text}");
    }
}

#[test]
fn a_cancellation_asked_in_words_is_not_a_topic_only_the_head_hears() {
    let text = "Good afternoon. I placed an order for one of your stainless steel bottles and I have decided I would rather not have it.";
    let p = sure("complaint", 0.17);
    assert!(head_alone_in_another_matter(
        Topic::Fraud,
        &[(Topic::Fraud, 0.06)],
        &p,
        text,
        false
    ));
    // Its own model hearing it too: the topic stands.
    assert!(!head_alone_in_another_matter(
        Topic::Fraud,
        &[(Topic::Fraud, 0.7)],
        &p,
        text,
        false
    ));
}

#[test]
fn money_back_asked_calmly_is_not_a_topic_only_the_head_hears() {
    let text =
        "it just doesn't suit me. Would it be possible to get my money back rather than swap it?";
    let p = sure("get_refund", 0.51);
    assert!(head_alone_in_another_matter(
        Topic::Fraud,
        &[(Topic::Fraud, 0.02)],
        &p,
        text,
        false
    ));
    // Demanded in anger, it stays a person's to take.
    assert!(!head_alone_in_another_matter(
        Topic::Fraud,
        &[(Topic::Fraud, 0.02)],
        &p,
        text,
        true
    ));
}

#[test]
fn a_story_told_laughing_is_not_a_topic_only_the_head_hears() {
    let text = "mine's been wild, my phone got 'hacked' by my 6 year old who switched the language to korean 😂";
    let p = sure("out_of_scope", 0.9);
    assert!(head_alone_in_another_matter(
        Topic::Safety,
        &[(Topic::Safety, 0.03)],
        &p,
        text,
        false
    ));
    // Its own model hearing it too: the topic stands.
    assert!(!head_alone_in_another_matter(
        Topic::Safety,
        &[(Topic::Safety, 0.7)],
        &p,
        text,
        false
    ));
    // A nervous laugh beside harm is no story: the head's topic stands.
    for text in [
        "lol honestly don't know how much longer i can keep going. anyway is the grey hoodie back in M?",
        "haha the guy who delivered my hoodie now follows me on insta and asked if i live alone 😂",
    ] {
        assert!(
            !head_alone_in_another_matter(Topic::Safety, &[(Topic::Safety, 0.03)], &p, text, false),
            "{text}"
        );
    }
}

#[test]
fn a_shopper_looking_around_is_not_a_topic_only_the_head_hears() {
    let text = "没事没事，就随便逛逛，你们店名还挺有意思的";
    let p = sure("out_of_scope", 0.66);
    assert!(head_alone_in_another_matter(
        Topic::Fraud,
        &[(Topic::Fraud, 0.03)],
        &p,
        text,
        false
    ));
    assert!(!head_alone_in_another_matter(
        Topic::Fraud,
        &[(Topic::Fraud, 0.03)],
        &p,
        "随便逛逛的时候发现卡上多了一笔不是我的扣款",
        true
    ));
}
