//! Whether a message tells of the shopper's account in someone else's hands, in words no
//! list of phrases holds: shut out by someone, shut out after a change the shopper did not
//! make, a detail of the account disowned. Lower-case substring checks; the decision that
//! uses them is [`super::policy::topic`].

/// Whether `lower` tells of being shut out of the account by someone else, or of an account
/// acting on its own ("my old password doesn't work and the recovery email is some random
/// gmail", "怎么突然被强制退出了，再登就说密码错误", "my old account is placing orders by
/// itself??"): a sign in that fails beside a sign of someone else.
pub(super) fn shut_out_by_someone(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let fails = says(&[
        "password doesn't work",
        "password doesnt work",
        "password isn't working",
        "password isnt working",
        "password stopped working",
        "can't log in",
        "cant log in",
        "can't sign in",
        "cant sign in",
        "密码错误",
        "密码不对",
        "登不上",
        "登录不了",
        "登不进",
        "password is wrong",
        "wrong password",
        "password is incorrect",
        "email doesn't exist",
        "email doesnt exist",
        "email does not exist",
        "account doesn't exist",
        "account doesnt exist",
        "account does not exist",
        "账号不存在",
        "账户不存在",
        "can't get in",
        "cant get in",
        "locked out",
    ]) || (says(&["sign in", "sign-in", "signin", "login", "log in", "log-in"])
        && says(&[
            "doesn't work",
            "doesnt work",
            "isn't working",
            "isnt working",
            "not working",
            "stopped working",
            "no longer works",
        ]));
    let someone = says(&[
        "random",
        "someone else",
        "not mine",
        "isn't mine",
        "isnt mine",
        "never changed",
        "强制退出",
        "被踢",
        "挤下线",
        "不是我改",
        "没改过",
        // An order in the account going where the shopper never sends anything ("my order
        // history has a hoodie going to an address in Romania and my usual sign in doesn't
        // work anymore").
        "going to an address",
        "shipping to an address",
        "never been to",
        // Signed out by nobody the shopper knows of ("the site logged me out mid-shop and
        // now it says my email doesn't exist").
        "logged me out",
        "kicked me out",
        "signed me out",
    ]);
    let on_its_own = says(&["account", "账号", "账户"])
        && says(&["by itself", "on its own", "自己下单", "自己在下单"]);
    (fails && someone && !says(&["forgot", "忘了", "忘记"])) || on_its_own
}

/// Whether `lower` says someone else still gets into the shopper's account ("so my ex and I
/// split up and I'm pretty sure he still gets into my profile here", "有人在用我的账号"): a
/// takeover, whoever it is; not the shopper's own sign-in ("I keep getting an error when
/// logging into my account") nor family ordering for them ("我妈在用我的账号帮我下单").
pub(super) fn someone_else_gets_in(lower: &str) -> bool {
    let says = |words: &[&str]| super::language::mentions(lower, words);
    says(&[
        "gets into my profile",
        "getting into my profile",
        "logs into my account",
        "logging into my account",
        "knows my old login",
        "在用我的账号",
        "登我的账号",
        "登录我的账号",
    ]) && says(&[
        "he still",
        "she still",
        "they still",
        "someone",
        "somebody",
        "my ex",
        "前男友",
        "前女友",
        "前任",
        "别人",
        "有人",
    ]) && !says(&[
        "my wife",
        "my husband",
        "my partner",
        "my mum",
        "my mom",
        "我老公",
        "我老婆",
        "我妈",
    ]) && !super::policy_cues::says_it_was_them(lower)
}

/// Whether `lower` tells of being shut out of the account after a change the shopper did not
/// make ("the email address on my account was changed to one I don't recognise, and now I
/// can't get in. My order history shows a hoodie I never ordered"): the account taken over,
/// whatever it then bought.
pub(super) fn shut_out_after_a_change(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "can't get in",
        "cant get in",
        "can't log in",
        "cant log in",
        "locked out",
        "登不上",
        "进不去",
    ]) && says(&[
        "was changed",
        "been changed",
        "got changed",
        "被改",
        "改成了",
        // "进不去了 绑定的邮箱被人换成一个我不认识的".
        "被人换",
    ]) && says(&["account", "账号", "账户", "绑定"])
}

/// Whether `lower` tells of orders placed in the shopper's account that they never made, and
/// no money taken from a card ("got order confirmation emails for stuff I never bought,
/// shipping to some address in Ohio. I haven't touched my account in months"): someone is in
/// the account; a charge disowned is fraud ([`super::policy`]).
pub(super) fn orders_placed_in_the_account(lower: &str) -> bool {
    let mentions = |w: &[&str]| super::language::mentions(lower, w);
    // An amount named ("another 69.00 from you that went out of my account") is money taken.
    let amount = lower.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
    !amount
        && mentions(&["my account", "my profile", "账号", "账户", "帐号"])
        && mentions(&[
            "never bought",
            "never ordered",
            "didn't order",
            "didnt order",
            "didn't buy",
            "didnt buy",
            "没买过",
            "没下过单",
        ])
        // Orders that came, not a first order to come ("I've never ordered before, how do I
        // verify my account?", "I didn't order black").
        && mentions(&["confirmation", "confirmed", "确认", "orders", "订单"])
        && !mentions(&["还没", "yet", "before", "first order", "welcome"])
        && !mentions(super::owning_words::CHARGES)
        && !mentions(&[
            "money", "bucks", "dollars", "came out of", "went out of", "taken", "debited", "paid",
            "扣", "付了", "消费", "钱",
        ])
}

/// Whether `lower` says something in the shopper's account is not theirs ("my profile
/// shows a phone number that isn't mine", "账号里的地址不是我的", "an order just placed on
/// my account? it wasn't me"): someone else changed it.
pub(super) fn disowns_an_account_detail(lower: &str) -> bool {
    let account = [
        "profile",
        "sign in",
        "log in",
        "reset link",
        "reset email",
        "账号",
        "账户",
        "帐号",
        "个人资料",
        "订单记录",
        "in my name",
        "找回密码",
        "重置密码",
        // A sign-in code nobody asked for ("刚收到一条验证码短信 我没操作啊").
        "验证码",
        "verification code",
        "login code",
        "security code",
        "password reset",
        "reset emails",
        "my password",
        "my account just changed",
        "密码修改",
        "修改密码",
        "改密码",
        "邮箱地址已",
        "邮箱已",
        "密码已",
        // The password changed, a device or a sign-in told of ("昨晚收到短信说密码改了",
        // "another one about a new device signing in").
        "密码改了",
        "密码被改",
        "密码被人改",
        "password was changed",
        "password got changed",
        "password has been changed",
        "password changed",
        "new device",
        "signing in",
        // "刚收到短信说我的绑定邮箱换了", "a 'your details have been updated' email".
        "绑定邮箱",
        "绑定的邮箱",
        "绑定的手机",
        "绑定手机",
        "details have been updated",
        "details were updated",
        "details updated",
        "all my addresses",
        "account email",
        "signed in",
        "logged in",
        "new login",
    ];
    let disowned = [
        "根本没操作",
        "我没操作",
        "没有操作",
        "没在操作",
        // "半夜收到好几条验证码短信 我啥也没点", "绑定的邮箱也被换了".
        "啥也没点",
        "什么也没点",
        "什么都没点",
        "也被换了",
        "被人换了",
        "不是我改的",
        "不是我操作的",
        "没操作过",
        "没有操作过",
        "没改过",
        // An order in the account going where the shopper never sends anything ("my order
        // history has a hoodie going to an address in Romania and my usual sign in doesn't
        // work anymore").
        "going to an address",
        "shipping to an address",
        // "just got an order confirmation for a hoodie going to some address in Ohio. from my
        // own profile".
        "going to some address",
        "shipping to some address",
        "never been to",
        "没换过",
        "没更换过",
        "没修改过",
        "i didn't change",
        "i didnt change",
        "i never changed",
        "had been switched",
        "has been switched",
        "was switched",
        "i don't own",
        "i dont own",
        "isn't mine",
        "isnt mine",
        "is not mine",
        "not mine",
        "wasn't me",
        "wasnt me",
        "不是我的",
        "不是我下的",
        "a name i don't know",
        "a name i dont know",
        "an address i don't know",
        "an address i dont know",
        "one i don't know",
        "one i dont know",
        // "who changed my phone number on my account?", "I'm not the one trying to get in",
        // "logged in on 4 devices. I own one phone".
        "who changed my",
        "not the one trying",
        "i own one phone",
        "i only own one phone",
        "only have one phone",
        "only have one device",
        "陌生地址",
        "陌生邮箱",
        "random guy",
        "someone else's name",
        "a stranger's",
        // "可我根本没动过", "Neither was me."
        "没动过",
        "没碰过",
        // "my account shows a different name and phone number and I didn't touch it".
        "didn't touch it",
        "didnt touch it",
        "never touched it",
        "没有动过",
        "neither was me",
        // "an order confirmation for a hoodie i never ordered AND a 'your password was
        // changed' email in the same hour??".
        "i never ordered",
        "不是我本人操作",
        "不是本人操作",
        "didn't update",
        "didnt update",
        "never updated",
        // "a new one in Texas I didn't add", "swapped to some random gmail".
        "i didn't add",
        "i didnt add",
        "some random",
        "none of that was me",
        "none of it was me",
        "none of those were me",
        "i didn't do that",
        "i didnt do that",
        // Resets nobody asked for ("收到好几封重置密码的邮件 我一个都没点过").
        "没点过",
        "没申请过",
        "没有申请过",
        "didn't request",
        "didnt request",
        "never requested",
        "didn't ask for",
        "didnt ask for",
        "never asked for",
    ];
    // A detail suddenly other than the shopper's ("my shipping address on my profile now says
    // Miami. I live in Leeds.", "why does my profile suddenly have a different name on it").
    let changed_to_another = super::language::mentions(
        lower,
        &[
            "now says",
            "suddenly says",
            "suddenly has",
            "suddenly have",
            "now shows",
            "突然",
        ],
    ) && super::language::mentions(
        lower,
        &[
            "i live in",
            "never lived",
            "i don't live",
            "i dont live",
            "different name",
            "a name i",
            "陌生",
            "不是我的",
            "别人的名字",
        ],
    );
    // The email or the saved addresses changed by someone ("all my saved addresses were deleted
    // and replaced with one I don't know", "i didn't change my email address but your site
    // says it was updated yesterday"; not "take my email address off your list").
    let a_detail_changed =
        super::language::mentions(lower, &["saved addresses", "my email address"])
            && super::language::mentions(
                lower,
                &[
                    "was updated",
                    "been updated",
                    "was changed",
                    "been changed",
                    "replaced",
                    "were deleted",
                    "was deleted",
                    "改了",
                    "被换",
                ],
            );
    // "account" as a word: "Accounting wants one with our company name on it, not mine" is
    // an invoice.
    (super::language::mentions(lower, &account)
        || super::language::says_word(lower, &["account", "accounts"])
        || a_detail_changed)
        && (super::language::mentions(lower, &disowned) || changed_to_another)
}

/// Whether `lower` disowns a detail saved in the account, a card among them ("got a message
/// saying my shipping address was updated. wasn't me. and the saved card ending in 4417 isn't
/// mine either"): someone else in the account, not a charge, since nothing was paid.
pub(super) fn disowns_a_saved_detail(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "address was updated",
        "address was changed",
        "address got changed",
        "address has been changed",
        "saved card",
        "saved address",
        "地址被改",
        "绑定的卡",
        "保存的卡",
    ]) && says(&[
        "wasn't me",
        "wasnt me",
        "not me",
        "isn't mine",
        "isnt mine",
        "not mine",
        // "there's stuff in my order history I never bought and the saved card is one I don't
        // own".
        "i don't own",
        "i dont own",
        "不是我",
    ]) && !says(&["charged", "扣了", "paid", "payment"])
        || changed_profile_beside_an_order_disowned(lower)
}

/// Whether `lower` tells of the saved address in the shopper's profile changed, beside an
/// order they never placed ("weird - got a shipping confirmation for a hoodie I never
/// ordered, going to some address in another city. and the address saved in my profile is
/// different now"): someone in the account.
fn changed_profile_beside_an_order_disowned(lower: &str) -> bool {
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    says(&[
        "saved in my profile is different",
        // "…a hoodie I never ordered, and my saved address now says some town in Ohio".
        "saved address now says",
        "saved address is now",
        // "my order history have stuff I never ordered, and my saved address is somewhere in
        // Ohio now??".
        "saved address is somewhere",
        "saved address changed",
        "in my profile is different",
        "my profile is different",
        "address on my account is different",
        "address in my account is different",
        "账户里的地址变了",
        "账号里的地址变了",
    ]) && says(&[
        "never ordered",
        "didn't order",
        "didnt order",
        "没下过单",
        "不是我下的",
    ]) && !says(&["还没", "before", "yet"])
}

/// Whether `lower` tells of a password changed that the shopper did not change, beside
/// anything else disowned ("an order confirmation for a hoodie i never ordered AND a 'your
/// password was changed' email in the same hour??"): the account taken over, whatever it was
/// then used for.
pub(super) fn password_changed_by_someone(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "password was changed",
            "password got changed",
            "password has been changed",
            "password changed",
            "密码被改",
            "密码被人改",
            "密码改了",
        ],
    ) && super::language::mentions(
        lower,
        &[
            "i never ordered",
            "wasn't me",
            "wasnt me",
            "didn't change it",
            "didnt change it",
            "didn't change my password",
            "didnt change my password",
            "never changed it",
            "never changed my password",
            // "just got an email saying my shipping address was updated and my password
            // changed. I did neither".
            "did neither",
            "didn't do either",
            "didn't do any of that",
            "没操作",
            "没改过",
            "不是我改的",
            "不是我操作的",
        ],
    ) && !super::language::mentions(
        lower,
        &[
            "我把密码改了",
            "i changed my password",
            "i reset my password",
            "myself",
            "i reset it",
            "i did it",
            "was me",
        ],
    )
}
