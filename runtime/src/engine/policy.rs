//! Topics a bot must not handle: they go to a person at once, by policy, whatever the model
//! thinks. Matched on the lower-cased message in every language kefu speaks.

/// A topic that always goes to a human.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyTopic {
    /// Someone else got into the shopper's account.
    AccountSecurity,
    /// Lawyers, lawsuits, regulators.
    Legal,
    /// Chargebacks and disputes with the bank.
    PaymentDispute,
    /// A charge the shopper did not make: a stolen card, a payment they disown. Fraud to
    /// the person who takes it, not a disagreement about a price.
    UnauthorisedCharge,
    /// Someone hurt or in danger: choking, burns, an allergic reaction, a product that caught
    /// fire. The words name harm that is happening or happened, not a question about a
    /// material or a hospital stay that is planned ("I'm going into hospital tomorrow, can
    /// it come today?" is urgency).
    Safety,
    /// A payment the shopper did make, taken twice or for the wrong amount: the bot sees no
    /// payments and can put none right, so a person looks at it (not as fraud).
    BillingError,
    /// What the shop holds about the shopper, how long, and who sees it: access to it,
    /// deletion of it (the model hears most of these; these words are its backstop).
    DataProtection,
    /// Someone threatened or frightened: a shopper harassed through the shop's parcels, or
    /// staff threatened.
    Harassment,
}

impl PolicyTopic {
    /// The reason recorded on the conversation for the agent.
    pub fn reason(self) -> &'static str {
        match self {
            Self::AccountSecurity => "policy: account security",
            Self::Legal => "policy: legal",
            Self::PaymentDispute => "policy: payment dispute",
            Self::UnauthorisedCharge => reason_for(kefu_intent::topics::Topic::Fraud),
            Self::Safety => SAFETY,
            Self::BillingError => "policy: billing error (charged twice or the wrong amount)",
            Self::DataProtection => reason_for(kefu_intent::topics::Topic::DataProtection),
            Self::Harassment => reason_for(kefu_intent::topics::Topic::Harassment),
        }
    }

    fn words(self) -> &'static [&'static str] {
        use super::policy_words as w;
        match self {
            Self::AccountSecurity => w::ACCOUNT_SECURITY,
            Self::Legal => super::legal_words::LEGAL,
            Self::PaymentDispute => w::PAYMENT_DISPUTE,
            Self::Safety => super::safety_words::SAFETY,
            Self::BillingError => w::BILLING_ERROR,
            Self::UnauthorisedCharge => w::UNAUTHORISED_CHARGE,
            Self::DataProtection => super::data_words::DATA_PROTECTION,
            Self::Harassment => w::HARASSMENT,
        }
    }
}

/// `text` lower-cased, without the figures of speech that borrow a topic's word and say
/// nothing of it ("the basketball court", "threatened with rain", "ambulance driver here").
pub fn without_figures(text: &str) -> String {
    let mut lower = text.to_lowercase();
    for figure in super::figure_words::FIGURES {
        lower = lower.replace(figure, " ");
    }
    for denied in super::figure_words::DENIED {
        lower = super::figure_words::without_denial(&lower, denied);
    }
    if super::figure_words::a_shop_tasks_emergency(&lower) {
        lower = lower.replace("emergency", " ");
    }
    // Goods that harm only in jest ("the tee shrank after one wash and now it's choking me
    // haha").
    if super::policy_cues::jokes(&lower) {
        for figure in ["choking me", "strangling me", "killing me"] {
            lower = lower.replace(figure, " ");
        }
    }
    lower
}

/// The policy topic `text` raises, if any: in its words, or in its pinyin read as
/// characters ("ji! wo bei ren gen zong le" is 被人跟踪了).
pub fn topic(text: &str) -> Option<PolicyTopic> {
    topic_in(text)
        .or_else(|| kefu_intent::pinyin::read(text).and_then(|read| topic_in(&read)))
        .filter(|&t| !urgent_instead(t, text))
}

/// Whether topic `t` heard in `text` is a shopper who fled someone and needs an order kept
/// from them ([`super::urgency_cues::flees_someone`]): urgent, not harm or harassment
/// happening now, nor a request about their data ("他有家暴，我不想让他知道我的新信息"). A
/// threat told in so many words, or data asked to be deleted, stays that.
fn urgent_instead(t: PolicyTopic, text: &str) -> bool {
    let lower = text.to_lowercase();
    let gives_way = match t {
        PolicyTopic::Safety | PolicyTopic::Legal => true,
        PolicyTopic::Harassment => !super::threat_cues::threatened_with_exposure(&lower),
        PolicyTopic::DataProtection => !super::language::mentions(
            &lower,
            &[
                "delete",
                "erase",
                "remove my",
                "wipe",
                "删除",
                "删掉",
                "注销",
            ],
        ),
        _ => false,
    };
    // A fire at home that is over ("家里着火了 现在住亲戚家") is urgent, not harm now.
    (gives_way && super::urgency_cues::flees_someone(text))
        || (t == PolicyTopic::Safety && super::pressure_cues::a_fire_at_home_survived(text))
}

/// [`topic`] of `text` as it is written.
fn topic_in(text: &str) -> Option<PolicyTopic> {
    let lower = without_figures(text);
    // "Is the strap a choking hazard?" asks before anyone is hurt; "injured my knee so I
    // can't get to the post office" arranges a return.
    let safety = (super::language::mentions_at_word_start(&lower, PolicyTopic::Safety.words())
        && !super::harm_cues::asks_if_safe(&lower)
        && !super::harm_cues::a_condition_asked_about(&lower)
        && !super::harm_reasons::injury_as_a_reason(&lower)
        && !super::harm_reasons::asks_what_if_before_buying(&lower)
        && !super::figure_words::a_meal_wolfed_down(&lower)
        && !super::figure_words::only_nearly_hurt(&lower))
    .then_some(PolicyTopic::Safety)
    .or_else(|| super::goods_harm::harm_from_the_goods(&lower).then_some(PolicyTopic::Safety))
    .or_else(|| super::goods_harm::drank_what_the_goods_shed(&lower).then_some(PolicyTopic::Safety))
    .or_else(|| {
        super::harm_cues::a_child_swallowed_something(&lower).then_some(PolicyTopic::Safety)
    });
    // A charge the shopper disowns is that, even in an account's words ("消费了98块，可我
    // 这几个月都没下过单").
    // Someone else in the account is that, whatever charge it made ("账户里多了一个不是我填的
    // 收货地址，还有一笔订单，是不是有人登录了我的号").
    safety
        .or_else(|| {
            super::language::mentions(
                &lower,
                &[
                    "有人登录了我",
                    "有人登了我",
                    "someone logged into my",
                    "someone logged in to my",
                    "someone has logged into my",
                    "被盗号",
                ],
            )
            .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            // The account said stolen, whatever it was then used for ("我的账号好像被盗了
            // someone placed orders with my saved card"); not an account at another site.
            (super::language::mentions(
                &lower,
                &[
                    "账号被盗",
                    "帐号被盗",
                    "账户被盗",
                    "账号好像被盗",
                    "账号可能被盗",
                    "账号被人盗",
                    "account was hacked",
                    "account got hacked",
                    "account has been hacked",
                    "account's been hacked",
                    "hacked my account",
                    "hacked into my account",
                ],
            ) && !super::policy_cues::breached_elsewhere(&lower))
            .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            super::threat_cues::exposed_and_afraid(&lower).then_some(PolicyTopic::Harassment)
        })
        .or_else(|| {
            super::threat_cues::pursued_by_a_courier(&lower).then_some(PolicyTopic::Harassment)
        })
        .or_else(|| {
            super::threat_cues::threatened_with_exposure(&lower).then_some(PolicyTopic::Harassment)
        })
        .or_else(|| {
            super::account_cues::shut_out_after_a_change(&lower)
                .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            super::account_cues::disowns_a_saved_detail(&lower)
                .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            (super::account_cues::password_changed_by_someone(&lower)
                || super::account_cues::someone_else_gets_in(&lower))
            .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            (sues_in_chinese(&lower)
                || super::legal_words::sues_in_a_word(&lower)
                || super::legal_words::the_law_as_an_ultimatum(&lower))
            .then_some(PolicyTopic::Legal)
        })
        .or_else(|| {
            super::account_cues::orders_placed_in_the_account(&lower)
                .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| disowns_a_charge(&lower).then_some(PolicyTopic::UnauthorisedCharge))
        .or_else(|| {
            card_taken_and_money_wanted_back(&lower).then_some(PolicyTopic::UnauthorisedCharge)
        })
        .or_else(|| keyword_topic(&lower))
        .or_else(|| {
            super::threat_cues::threatens_violence(&lower).then_some(PolicyTopic::Harassment)
        })
        .or_else(|| {
            super::account_cues::disowns_an_account_detail(&lower)
                .then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            super::account_cues::shut_out_by_someone(&lower).then_some(PolicyTopic::AccountSecurity)
        })
        .or_else(|| {
            // (Nor a letter about a matter with someone else: "help me write a letter to my
            // landlord? my lawyer's way too expensive lol".)
            (threatens_with_a_lawyer(&lower)
                && !super::legal_noise::someone_in_the_law(&lower)
                && !super::legal_noise::a_matter_elsewhere(&lower))
            .then_some(PolicyTopic::Legal)
        })
        .or_else(|| charged_more_than_the_order(&lower).then_some(PolicyTopic::BillingError))
        .or_else(|| {
            super::data_words::asks_what_is_done_with_their_data(&lower)
                .then_some(PolicyTopic::DataProtection)
        })
}

/// The first topic (after safety) one of whose words `lower` says. A double charge asked
/// about as a worry ("will I be charged twice?", "会不会重复扣款") has not happened: it is a
/// payment question, not a billing error.
fn keyword_topic(lower: &str) -> Option<PolicyTopic> {
    [
        PolicyTopic::AccountSecurity,
        PolicyTopic::Legal,
        PolicyTopic::UnauthorisedCharge,
        PolicyTopic::PaymentDispute,
        PolicyTopic::BillingError,
        PolicyTopic::Harassment,
        PolicyTopic::DataProtection,
    ]
    .into_iter()
    .filter(|&t| {
        t != PolicyTopic::BillingError || !super::double_charge::worries_about_a_charge(lower)
    })
    // The carrier's own notices, asked to be turned off ("UPS keeps texting me delivery
    // updates, can I switch that off"): a setting, nobody harassing.
    .filter(|&t| {
        t != PolicyTopic::Harassment
            || !super::language::mentions(
                lower,
                &[
                    "delivery updates",
                    "tracking updates",
                    "delivery notifications",
                ],
            )
    })
    // "付款时好像扣了两次？哦没事，刷新后只剩一笔了": taken back.
    .filter(|&t| {
        t != PolicyTopic::BillingError
            || !super::language::mentions(
                lower,
                &[
                    "哦没事",
                    "没事了",
                    "never mind",
                    "nevermind",
                    "all good now",
                ],
            )
    })
    // "刚才付了两次？哦不对，第二次是我自己又下了一单": their own second order.
    .filter(|&t| t != PolicyTopic::BillingError || !super::policy_cues::says_it_was_them(lower))
    .filter(|&t| {
        t != PolicyTopic::AccountSecurity
            || !(super::policy_cues::breached_elsewhere(lower)
                || super::policy_cues::says_it_was_them(lower)
                || super::aside_noise::a_hack_behind_them(lower))
    })
    // "My other card got hacked last month so it's the only one I'm using now": a hack behind
    // the shopper, the reason for an ordinary request.
    .filter(|&t| {
        t != PolicyTopic::UnauthorisedCharge || !super::aside_noise::a_hack_behind_them(lower)
    })
    // A card misused at another shop, the reason for asking how to pay here ("上次在别家买东
    // 西卡被盗刷过，有点怕了，你们这儿支付宝能付不").
    .filter(|&t| t != PolicyTopic::UnauthorisedCharge || !misused_elsewhere_asks_how_to_pay(lower))
    // Someone the shopper knows by the law's words ("my attorney friend recommended your
    // hoodies", "法院同事"), or a film about the law, threatens nobody.
    .filter(|&t| {
        t != PolicyTopic::Legal
            || !(super::legal_noise::someone_in_the_law(lower)
                || super::legal_noise::a_story_of_the_law(lower))
    })
    // A business's paperwork for buying ("our legal team needs a supplier agreement").
    .filter(|&t| t != PolicyTopic::Legal || !super::legal_noise::a_business_deal(lower))
    // The shopper's own case with someone else ("我在跟前房东打官司，跟你们无关哈").
    .filter(|&t| t != PolicyTopic::Legal || !super::legal_noise::a_matter_elsewhere(lower))
    // Someone of the shopper's own pestered for a gift ("我每天都骚扰我老公让他给我买卫衣"), a
    // threat from someone not the shop's told in passing ("got a threatening letter from my
    // landlord so I'm moving"), the bot called slow-witted.
    .filter(|&t| {
        t != PolicyTopic::Harassment
            || !(super::aside_noise::pesters_their_own(lower)
                || super::legal_noise::a_matter_elsewhere_in_passing(lower)
                || super::aside_noise::mocks_the_bot(lower))
    })
    // A joke ("我要起诉我的钱包哈哈", "我要告你们……开玩笑的") threatens nobody with a lawyer.
    .filter(|&t| t != PolicyTopic::Legal || !super::policy_cues::jokes(lower))
    // "倒不至于起诉，就是想问一下退货流程怎么走": the law set aside in so many words.
    .filter(|&t| t != PolicyTopic::Legal || !super::policy_cues::rules_out_the_law(lower))
    // A shipping fee taken that the shopper thinks wrong ("为什么多扣了5块运费？") is the
    // shop's fee asked about; a payment taken twice beside a shipping question is not.
    .filter(|&t| {
        t != PolicyTopic::BillingError
            || !super::language::mentions(lower, &["shipping", "postage", "运费", "邮费"])
            // (A single fee disputed stays the fee: "charged twice for shipping? … but it was
            // over 50".)
            || (super::double_charge::taken_twice(lower)
                && !super::language::mentions(
                    lower,
                    &[
                        "free shipping",
                        "over 50",
                        "over $50",
                        "包邮",
                        "满50",
                    ],
                ))
    })
    // "用信用卡付款安全吗，会不会被盗刷" fears a fraud before paying, "付款安全吗？会不会泄露卡号"
    // a leak: questions.
    .filter(|&t| !feared_before_paying(t, lower))
    // Someone else's address to send a gift to ("it's a gift, can I ship it to someone else's
    // address", "gift 给朋友, ship to 别人的地址 ok 吗"): no one's data leaked.
    .filter(|&t| {
        t != PolicyTopic::DataProtection
            || !(super::language::mentions(lower, &["gift", "礼物", "送人", "送给朋友"])
                && super::language::mentions(
                    lower,
                    &["ship", "send", "deliver", "寄", "送到", "发到"],
                ))
    })
    // What the shop needs to ship ("what data do you need from me for international
    // shipping, just the address?") is no request about data held.
    .filter(|&t| {
        t != PolicyTopic::DataProtection
            || !super::language::mentions(
                lower,
                &["do you need from me", "do you need for", "需要我提供"],
            )
    })
    // A double charge feared and found to be another order ("I thought I paid twice but one
    // was my old order, all good").
    .filter(|&t| {
        t != PolicyTopic::BillingError || !super::double_charge::feared_and_found_another(lower)
    })
    // How the shop keeps data safe, only asked ("你们会不会把我的地址泄露出去啊"): its practice.
    .filter(|&t| {
        t != PolicyTopic::DataProtection
            || !super::data_words::only_asks_how_data_is_protected(lower)
    })
    // A phone's data running out ("我的数据流量快用完了") is no personal data.
    .filter(|&t| t != PolicyTopic::DataProtection || !super::topic_noise::means_mobile_data(lower))
    // A detail of their own the shopper asks how to correct ("我的个人资料里地址写错了 怎么改")
    // is an account task, not a data request.
    .filter(|&t| {
        t != PolicyTopic::DataProtection
            || !super::language::mentions(
                lower,
                &[
                    "怎么改",
                    "怎么修改",
                    "在哪里修改",
                    "在哪修改",
                    "在哪里改",
                    "在哪改",
                    "how do i change",
                    "how do i update",
                    "how do i correct",
                ],
            )
    })
    // A chargeback threatened beside a lawyer ("next stop is the consumer protection office,
    // a chargeback and my lawyer") is the law threatened.
    .filter(|&t| t != PolicyTopic::PaymentDispute || !threatens_with_a_lawyer(lower))
    // "my bank sent me a fraud alert for my payment to you. it WAS me": owned.
    .filter(|&t| {
        t != PolicyTopic::UnauthorisedCharge || !super::policy_cues::says_it_was_them(lower)
    })
    .find(|&t| {
        t.words().iter().any(|w| lower.contains(w))
            || (t == PolicyTopic::BillingError && super::double_charge::taken_twice(lower))
    })
}

/// Whether `lower` only asks, before paying, whether a fraud or a leak of topic `t` could
/// happen ("会不会被盗刷", "会不会泄露卡号").
/// So does a way to pay asked with the fear as its reason ("bit paranoid about getting my
/// card hacked, so is PayPal or Apple Pay ok at checkout?").
fn feared_before_paying(t: PolicyTopic, lower: &str) -> bool {
    matches!(
        t,
        PolicyTopic::UnauthorisedCharge
            | PolicyTopic::DataProtection
            | PolicyTopic::AccountSecurity
    ) && (super::harm_cues::asks_if_safe(lower)
        || asks_how_to_pay(lower)
        || (super::cues::names_a_payment_method(lower) && lower.contains(['?', '？'])))
        && super::policy_cues::worries_before_it_happens(lower)
        && !disowns_a_charge(lower)
        // A sign-in already made is no fear before paying ("got a new sign-in from Brazil, bit
        // paranoid — should I remove my PayPal?").
        && !(t == PolicyTopic::AccountSecurity
            && super::language::mentions(
                lower,
                &[
                    "sign-in", "sign in", "signed in", "login", "logged in", "log-in", "登录",
                    "登陆", "password", "密码",
                ],
            ))
}

/// Whether `lower` says a charge was more than the order it paid for ("got charged 138 but
/// my order was 22"): a billing error. Shipping on top is the shop's own charge.
fn charged_more_than_the_order(lower: &str) -> bool {
    super::language::mentions(lower, &["charged", "扣了", "收了我"])
        && super::language::mentions(
            lower,
            &[
                "but my order was",
                "my order was only",
                "but the order was",
                "订单才",
                "订单只有",
            ],
        )
        && !super::language::mentions(lower, &["shipping", "postage", "运费", "邮费"])
}

/// Whether `lower` (lower-cased) names a lawyer as something that will happen to the shop
/// ("I'll talk to my lawyer", "my attorney will be in touch unless…", "我要找律师"), not as
/// who the shopper is or knows ("我是律师，想订20件T恤", "my solicitor's office needs a
/// company invoice").
fn threatens_with_a_lawyer(lower: &str) -> bool {
    use super::legal_words::{LAWYER_THREATS, LAWYERS};
    // A taunt at the end ("I've got screenshots of everything and my brother is a barrister,
    // good luck"; not "first day tomorrow, good luck to him!").
    let taunts = lower
        .trim_end_matches(['.', '!', ' '])
        .ends_with(", good luck");
    super::language::mentions(lower, LAWYERS)
        && (super::language::mentions(lower, LAWYER_THREATS) || taunts)
}

/// Whether `lower` (lower-cased) speaks of a charge and says it is not the shopper's ("the
/// second charge isn't mine", "there's a payment I don't recognise", "这笔扣款不是我"): what
/// (money taken) and who (not them). A charge they did make but think wrong ("I was charged
/// twice") says no "not mine": it is a billing error ([`PolicyTopic::BillingError`]).
fn disowns_a_charge(lower: &str) -> bool {
    use super::owning_words::{CHARGES, DISOWNED, WHO_PAID};
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    // Asking who paid is disowning the payment: "he didn't buy this and I certainly
    // didn't. so who paid for it then?"
    // The means of paying stolen, a payment made with it ("an order was paid with my apple
    // pay but my phone was stolen last week"; not "can I pay if my card was stolen?").
    let stolen_and_used = says(&["stolen", "被偷", "丢了"])
        && says(&[
            "was paid",
            "got paid",
            "been paid",
            "been charged",
            "扣了",
            "消费了",
            "被刷",
        ]);
    // Disowned at the end ("paypal says I paid you 138.00 on tuesday. I didn't").
    let ends_disowning = ["i didn't", "i didnt", "i did not"]
        .iter()
        .any(|w| lower.trim_end_matches(['.', '!', ' ']).ends_with(w));
    // Money held for a checkout never finished ("why is there a pending 69.00 from you when I
    // never finished checkout"; not "I never finished checkout because the page froze").
    let held = lower
        .match_indices("pending ")
        .any(|(at, w)| lower[at + w.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '$'))
        || says(&["pending charge", "charged", "taken from", "held on my"]);
    let unfinished = held
        && says(&[
            "never finished checkout",
            "never finished the checkout",
            "didn't finish checkout",
            "didnt finish checkout",
            "didn't finish the checkout",
            "never completed checkout",
            "never completed the checkout",
        ]);
    ((says(CHARGES) && (says(DISOWNED) || ends_disowning))
        || says(WHO_PAID)
        || stolen_and_used
        || unfinished)
        && !super::policy_cues::owns_it_after_all(lower)
}

/// Whether `lower` says in Chinese that the shop can or will be sued with a bare 告 ("他说这种
/// 情况可以直接告", "我准备告了"), not 告 as in telling (告诉, 告知, "你直接告我单号就行"), a
/// matter closed (告一段落) or a suit denied ("我又不是要去告你们").
pub(super) fn sues_in_chinese(lower: &str) -> bool {
    let chars: Vec<char> = lower.chars().collect();
    chars.iter().enumerate().any(|(at, &c)| {
        let before: String = chars[at.saturating_sub(2)..at].iter().collect();
        let earlier: String = chars[at.saturating_sub(6)..at].iter().collect();
        c == '告'
            && !chars
                .get(at + 1)
                .is_some_and(|n| "诉知示白别辞诫状急一罄吹终捷假我".contains(*n))
            && ["直接", "准备", "能", "以", "要去", "就去"]
                .iter()
                .any(|w| before.ends_with(w))
            && !["不是", "没打算", "不打算", "不会", "没想"]
                .iter()
                .any(|w| earlier.contains(w))
    })
}

/// Whether `lower` tells of the shopper's card taken by someone else to order, with the money
/// wanted back ("我的卡好像被室友偷偷拿去你们网站下单了，钱还能追回来吗"). A card used
/// secretly for a gift, with nothing wanted back ("老公偷偷用我的卡给我买了件卫衣 能改成礼品包装
/// 吗"), is no such thing.
fn card_taken_and_money_wanted_back(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "my card",
        "我的卡",
        "信用卡",
        "银行卡",
        "my apple pay",
        "my paypal",
        "my google pay",
    ]) && !says(&["i used my", "i've used my", "我用我的"])
        && says(&[
            "偷偷",
            "拿去",
            // "pretty sure the babysitter used my apple pay on your site".
            "used my",
            "without asking",
            "without my permission",
            "behind my back",
            "没经过我",
            "没跟我说",
        ])
        && says(&[
            "追回",
            "拿回",
            "要回",
            "退回来",
            "get it back",
            "get my money back",
            "money back",
            // Undone ("my 15 year old ordered stuff on your site with my card without asking
            // … is there any way to undo that").
            "undo",
            "reverse it",
            "reverse the",
            "reversed",
            "撤销",
        ])
}

/// The handoff reason for harm to someone's health or safety: the bot says where to get
/// help now before anything else, and the conversation goes first in the queue.
pub const SAFETY: &str = "policy: safety or health";

/// The handoff reason for a topic the topic model recognised.
pub fn reason_for(topic: kefu_intent::topics::Topic) -> &'static str {
    use kefu_intent::topics::Topic;
    match topic {
        Topic::Fraud => "policy: fraud or a charge the shopper does not recognise",
        Topic::AccountTakeover => "policy: account security",
        Topic::DataProtection => "policy: data protection request",
        Topic::Legal => "policy: legal",
        Topic::Harassment => "policy: harassment or threats",
        Topic::Safety => SAFETY,
        Topic::Urgent => "urgent: time-critical for the shopper",
        Topic::Damaged | Topic::WrongItem | Topic::MissingItem | Topic::NotReceived => {
            "claim: delivery problem"
        }
    }
}

/// The handoff reason for a request the intent model recognised that is itself a policy
/// topic, when no plugin serves it: closing an account is a request about personal data.
pub fn reason_for_intent(intent: &str) -> Option<&'static str> {
    match intent {
        "delete_account" => Some("policy: data protection request"),
        _ => None,
    }
}

/// Whether `lower` tells of a card misused at another shop or site, not this one, as the
/// reason for asking how to pay here ("上次在别家买东西卡被盗刷过，有点怕了，你们这儿支付宝能付
/// 不"): a payment question, however sure the models are of fraud. A charge from this shop
/// disowned beside it is not that.
pub(super) fn misused_elsewhere_asks_how_to_pay(lower: &str) -> bool {
    let elsewhere = super::policy_cues::breached_elsewhere(lower)
        || super::language::mentions(
            lower,
            &[
                "在别家",
                "别的店",
                "other shop",
                "another shop",
                "another store",
                "other store",
            ],
        );
    elsewhere
        && asks_how_to_pay(lower)
        && !disowns_a_charge(lower)
        && !super::language::mentions(
            lower,
            &[
                "your site",
                "your shop",
                "your store",
                "from you",
                "在你们",
                "你们网站",
                "你们店",
                "你们扣",
            ],
        )
}

/// Whether `lower` asks how the shopper may pay, as a question ("你们这儿支付宝能付不", "do
/// you take PayPal?", "can I pay with Alipay").
pub(super) fn asks_how_to_pay(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "能付",
            "可以付",
            "能用支付宝",
            "能用微信",
            "支持支付宝",
            "支持微信",
            // "上次在别家网站被盗刷过，所以只想用支付宝，你们支持吗".
            "你们支持吗",
            "只想用支付宝",
            "can i pay",
            "do you take",
            "do you accept",
            "can i use paypal",
            "can i use apple pay",
            "can i use alipay",
        ],
    )
}

#[cfg(test)]
#[path = "policy_kinds_tests.rs"]
mod kinds_tests;
#[cfg(test)]
#[path = "policy_lookalike_tests.rs"]
mod lookalike_tests;
#[cfg(test)]
#[path = "policy_rounds_tests.rs"]
mod rounds_tests;
#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
