//! The shopper's own account, in the words the topic models hear a takeover or data request
//! in: their own trouble signing in, a detail of their own they ask to change, the site
//! down, a question about what their account can do. Pure; used by [`super::topic_noise`].

use super::language::{mentions, says_word};
/// Whether `text` tells of the shopper's own trouble signing in: a reset email or code that
/// does not come or has expired, a password refused right after it was changed, an email
/// they forgot they used ("my password reset email never arrived, checked spam too", "can't
/// remember which email i used for my account", "验证码好久才到"). Someone else in the
/// account is told in other words ([`policy_cues::names_someone_else_or_disowns`]).
pub(super) fn trouble_signing_in(text: &str) -> bool {
    let signing_in = super::cues::speaks_of_signing_in(text)
        || mentions(
            text,
            &[
                "which email",
                "what email",
                "哪个邮箱",
                "verify your email",
                "verify my email",
                "验证邮箱",
            ],
        );
    let trouble = mentions(
        text,
        &[
            "never arrived",
            "never came",
            "not arriving",
            "isn't arriving",
            "hasn't arrived",
            "didn't arrive",
            "didn't get",
            "didnt get",
            "never got",
            "never received",
            "haven't got",
            "not getting",
            "checked spam",
            "expired",
            "takes ages",
            "taking ages",
            "forgot",
            "can't remember",
            "cant remember",
            "don't remember",
            "dont remember",
            "wrong password",
            "incorrect password",
            // "changed my password and now the app logs me out every single time".
            "logs me out",
            "keeps logging me out",
            // "i keep getting logged out of my account on the app", "账号密码都对,就是提示登录
            // 失败,是不是浏览器的问题".
            "keep getting logged out",
            "提示登录失败",
            "keeps saying",
            "just reset",
            "even though i",
            "收不到",
            "没收到",
            "好久才",
            "忘了",
            "忘记",
            "过期",
            "输错",
            "还是登不上",
            // Signing in fails while the site may be down ("账号登录不上去，是不是网站在维护").
            "登录不上",
            "重新登录",
            "登陆不上",
            "网站在维护",
            // An app that signed them out ("usps app logged me out and now I can't see my cap
            // order").
            "logged me out",
            "signed me out",
            "kicked me out",
            // "login 不了，是不是要先验证邮箱": it will not let them in, nobody else named.
            "login 不了",
            "login不了",
            "log in 不了",
            "登不上",
            "进不去",
            // "登录 keeps failing, 是不是我 password 打错了".
            "keeps failing",
            "打错了",
        ],
    );
    signing_in && trouble
}

/// Whether `text` asks to change a detail of the shopper's own account, or how to ("怎么改",
/// "想换成新的", "can I change the email on my account").
pub(super) fn asks_to_change_own_detail(text: &str) -> bool {
    mentions(
        text,
        &[
            "how do i change",
            "how can i change",
            "how do i update",
            "can i change",
            "can i update",
            "want to change",
            "want to update",
            "like to change",
            "like to update",
            "怎么改",
            "怎么换",
            // Where to change it, or how to sign in with it ("我的个人资料在哪里修改", "我的
            // account 怎么用 email login").
            "在哪里修改",
            "在哪修改",
            "在哪里改",
            "在哪改",
            "怎么修改",
            "怎么用 email",
            "怎么用email",
            "怎么用邮箱登",
            "怎么用手机号登",
            // Something added to the shopper's own account ("我想在 account 里加一个新地址").
            "想加一个",
            "想添加",
            "想新增",
            "加一个新",
            "add a new address",
            "add another address",
            "怎么change",
            "想换",
            "想改",
            "能不能换",
            "能不能改",
            "可以换",
            "可以改",
            // How the shopper may sign in ("我的账号能不能用手机号登录", "can I log in with
            // Google?").
            "能不能用手机号登录",
            "能不能用邮箱登录",
            "可以用手机号登录",
            "可以用邮箱登录",
            "can i log in with",
            "can i login with",
            "can i sign in with",
        ],
    )
}

/// Whether `text` tells of the shop's site not working for the shopper ("my account page
/// won't load", "账号登不上去了 是不是网站出问题了"): the site's trouble, not someone in the
/// account.
pub(super) fn site_trouble(text: &str) -> bool {
    mentions(
        text,
        &[
            "won't load",
            "wont load",
            "not loading",
            "keeps loading",
            "一直 loading",
            "一直loading",
            "网站出问题",
            "网站有问题",
            "网站打不开",
            "页面打不开",
            "打不开",
            "网站被黑了吗",
        ],
    )
}

/// Whether `text` asks about the shopper's own account, whether something can be done or is
/// normal ("can I be logged in on my phone and laptop at the same time", "account 的 email
/// 能换吗", "我手机和电脑同时登录同一个账号没问题吧？"), not why something happened to it:
/// "why did my password change?" is a report.
pub(super) fn asks_about_own_account(text: &str) -> bool {
    let question = text.contains(['?', '？'])
        || mentions(
            text,
            &[
                "can i",
                "could i",
                "is it",
                "is there",
                "is my",
                "does my",
                "do i",
                "how do",
                "how can",
                "normal",
                "吗",
                "吧",
                "能不能",
                "可不可以",
                "能保存几个",
                "几个地址",
                "怎么",
                "如何",
                "正常",
            ],
        );
    let why = says_word(text, &["why"]) || mentions(text, &["为什么", "为啥", "怎么回事"]);
    // Blaming themselves ("是不是我填错手机号了", "did I type my email wrong?") is asking
    // about their own mistake.
    let own_mistake = mentions(text, super::owning_words::THEIR_OWN_SLIP);
    (question && !why) || own_mistake
}
