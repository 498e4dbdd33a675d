//! Sensitive words said in passing, as the reason for an ordinary request or the way a
//! complaint or a compliment is put: a hack behind the shopper, "hacked" as a figure of
//! speech, a complaint or a manager asked for in so many words, praise for someone. Pure; used by [`super::topic_noise`] and the
//! keyword rules of [`super::policy`].

use super::language::mentions;

/// Whether `text` tells of a hack that is behind the shopper, as the reason for an ordinary
/// request ("my old email got hacked last year so this is the one I use now", "My other card
/// got hacked last month so it's the only one I'm using now", "thought my email got hacked
/// … turns out it was sitting in spam"), or says "hacked" as a figure of speech ("finally
/// hacked my way through your size chart"). Anything disowned now is checked apart
/// ([`super::policy_cues::names_someone_else_or_disowns`]).
pub(super) fn a_hack_behind_them(text: &str) -> bool {
    let lower = text.to_lowercase();
    let figure = mentions(
        &lower,
        &[
            "hacked my way",
            "hacked the hoodie",
            "hacked the tee",
            "hacked the cap",
            "hacked it into",
            "life hack",
        ],
    );
    let hacked = mentions(&lower, &["hacked", "compromised", "被盗", "被黑"]);
    let behind = mentions(
        &lower,
        &[
            "last year",
            "last month",
            "years ago",
            "a while ago",
            "a while back",
            "turns out",
            "turned out",
            "thought my",
            "this is the one i use",
            "the one i use now",
            "only one i'm using",
            "only one im using",
            "so i use",
            "ages ago",
            "去年",
            "上个月",
            "之前",
            "以前",
        ],
    );
    let harm_now = mentions(
        &lower,
        &[
            "don't recognise",
            "don't recognize",
            "dont recognise",
            "dont recognize",
            "never made",
            "didn't make",
            "not me",
            "someone ordered",
            "someone used",
            "locked out",
            "charged",
            "不是我",
        ],
    );
    figure || (hacked && behind && !harm_now)
}

/// Whether `text` makes a complaint in so many words or asks for a manager ("我要投诉你们发货
/// 慢", "I want to complain about how slow you are", "我要找你们经理"): a complaint or a
/// person asked for, which reach a person as that, not as a legal matter.
pub(super) fn complains_or_asks_for_the_manager(text: &str) -> bool {
    mentions(
        &text.to_lowercase(),
        &[
            "我要投诉",
            "我想投诉",
            "投诉你们",
            "投诉快递",
            "want to complain",
            "wanna complain",
            "make a complaint",
            "file a complaint",
            "找你们经理",
            "找经理",
            "your manager",
            "speak to a manager",
            "talk to a manager",
        ],
    )
}
/// Whether `text` praises someone ("your delivery driver was super polite, 10/10", "快递员态度
/// 挺好的"): the opposite of a harassment report.
pub(super) fn praises(text: &str) -> bool {
    mentions(
        text,
        &[
            // "your UPS driver ran to my door in the pouring rain, give that man a raise"
            "a raise",
            "poor guy",
            "great service",
            "so sweet",
            "waved at",
            "有礼貌",
            "很礼貌",
            "给五星",
            "五星好评",
            "five stars",
            "5 stars",
            "leave him a tip",
            "leave her a tip",
            "tip the driver",
            "love your shop",
            "love this shop",
            "love your store",
            "love you guys",
            "love your stuff",
            "喜欢你们家",
            "polite",
            "lovely",
            "friendly",
            "so nice",
            "super nice",
            "really nice",
            "very nice",
            "kind",
            "helpful",
            "10/10",
            "shoutout",
            "shout out",
            "kudos",
            "you're great",
            "what a star",
            "a legend",
            "youre great",
            "you are great",
            "you guys are great",
            "pass on my thanks",
            "态度挺好",
            "态度很好",
            "态度好",
            "很客气",
            "很有礼貌",
            "表扬",
            "点赞",
            // A delivery told as good news ("left it with the neighbour, which was great,
            // just letting you know").
            "which was great",
            "which was perfect",
            "was perfect",
            "挺好的",
        ],
    )
}
