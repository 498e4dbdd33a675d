//! What shoppers complain of with no claim on the goods: the packing, the courier's manner,
//! goods not as pictured or worn badly once in use. A complaint goes to a person with a
//! summary; a claim (damaged, wrong, missing) is heard in `claim_words.rs`. Lower-case
//! substring checks, like [`super::language`]'s; the decisions that use them are the routing
//! rules (`routing_*.rs`) and `decide.rs`.

use super::claim_words::{describes_a_missing_parcel, goods_gone_wrong};
use super::language::mentions;

/// Whether `text` makes a complaint outright and tells of nothing damaged, wrong or missing
/// ("I want to complain about the packaging. The cap came in so much plastic. Nothing wrong
/// with the cap itself"): a complaint for a person, not a claim on the goods.
pub fn complains_without_a_claim(text: &str) -> bool {
    // The packing griped about ("why on earth did ONE cap come in a box the size of a
    // microwave … do better", "包装太简陋了") is a complaint in so many words.
    let about_the_packing = mentions(
        text,
        &[
            "packaging",
            "packing",
            "box the size",
            "air pillows",
            "plastic filler",
            "layers of plastic",
            "包装",
        ],
    ) && mentions(
        text,
        &[
            "ridiculous",
            "do better",
            "wasteful",
            "why on earth",
            "so much plastic",
            "for one cap",
            "one hat",
            // "three layers of plastic for one shirt? Come on. … it's a bit much".
            "for one shirt",
            // "Your packaging is absurd. One cap came in a box big enough for a microwave …
            // Do you care about the planet at all?"
            "absurd",
            "big enough for",
            "the planet",
            "the environment",
            "a bit much",
            "a bit rich",
            "hypocrit",
            "overkill",
            "excessive",
            "简陋",
            "过度",
            "浪费",
            "改进",
        ],
    );
    let complains = about_the_packing
        || mentions(
            text,
            &[
                "complain",
                "投诉",
                "feedback",
                "提个意见",
                "提点意见",
                // Told only to be heard ("我也不要什么补偿，就是想反映一下").
                "反映一下",
                "想反映",
                "反馈一下",
                "体验很一般",
                "体验真的很一般",
                "体验太差",
                "体验很差",
            ],
        );
    let nothing_wrong = mentions(
        text,
        &[
            "nothing wrong with",
            "nothing's wrong with",
            "not broken",
            "itself is fine",
            "item is fine",
            "没什么问题",
            "本身没问题",
            "东西没坏",
            "东西倒是没坏",
            "东西没事",
            "东西是好的",
            "东西完好",
        ],
    );
    let claim = goods_gone_wrong(text, None) || describes_a_missing_parcel(text);
    complains && (nothing_wrong || !claim)
}

/// Whether `text` complains of how the courier left a parcel that did come ("Your delivery
/// partner left my parcel on the doorstep in the pouring rain — no knock, no photo … The cap
/// survived but that's poor service", "快递把包裹直接丢门口 电话也不打 下雨全湿了"): a
/// complaint about the service for a person, not a parcel gone missing.
pub fn complains_of_the_courier(text: &str) -> bool {
    let left = mentions(
        text,
        &[
            "left my parcel",
            "left the parcel",
            "left my package",
            "left the package",
            "left it on the",
            "on the doorstep",
            "丢门口",
            "扔门口",
            "丢在门口",
            "扔在门口",
            "放门口就走",
        ],
    );
    let how = mentions(
        text,
        &[
            "no knock",
            "didn't knock",
            "didnt knock",
            "without knocking",
            "no photo",
            "in the rain",
            "pouring rain",
            "poor service",
            "电话也不打",
            "不打电话",
            "没打电话",
            "下雨",
            "淋湿",
            "全湿",
            "什么物流",
            "什么快递",
        ],
    );
    let gone = mentions(
        text,
        &[
            "not there",
            "wasn't there",
            "gone",
            "missing",
            "stolen",
            "nicked",
            "没找到",
            "不见",
            "丢了",
            "被偷",
        ],
    );
    left && how && !gone
}

/// Whether `text` says goods look otherwise than their pictures ("the colour is way more
/// brown than in the photos", "色差太大"), not better than them.
fn not_as_pictured(text: &str) -> bool {
    mentions(
        text,
        &[
            "than in the photos",
            "than in the photo",
            "than the photos",
            "than the pictures",
            "than in the pictures",
            "not like the photos",
            "nothing like the photos",
            "nothing like the photo",
            "nothing like the pictures",
            "nothing like the picture",
            "not like the pictures",
            "different from the photos",
            "色差",
            "和图片不一样",
            "跟图片不一样",
            "与图片不符",
        ],
    ) && !mentions(
        text,
        &["better", "nicer", "prettier", "更好看", "比图片好看"],
    )
}

/// Whether `text` tells of goods that went wrong in the wash, not in the post ("T恤洗了一次
/// 就变形了 领口都松垮了", "shrank after ONE wash"): a complaint about their quality for a
/// person, not a damaged delivery. Broken the first time it was used is a defect it came
/// with ("the slider came off the first time I used it"): a damage claim.
pub fn wore_badly_in_the_wash(text: &str) -> bool {
    describes_a_quality_problem(text) && mentions(text, &["wash", "洗"])
}

/// Whether `text` tells of goods that wore badly once in use ("shrank two sizes after ONE
/// cold wash", "洗了一次就缩水了", "faded", "起球"): a complaint about the goods, for a person.
pub fn describes_a_quality_problem(text: &str) -> bool {
    // "Pre-shrunk" is a kind of cloth ("is the organic tee pre-shrunk?").
    let text = &text
        .to_lowercase()
        .replace("pre-shrunk", "")
        .replace("preshrunk", "")
        .replace("pre shrunk", "");
    mentions(
        text,
        &[
            "shrank",
            "shrunk",
            "faded",
            "pilled",
            "pilling",
            "fell apart",
            "falling apart",
            "came apart",
            "coming apart",
            "coming undone",
            // Broken in first use ("the zip came off the first time I used it").
            "came off the first",
            "fell off the first",
            "broke the first",
            "first time i used",
            "first time i wore",
            "after one use",
            "after one wear",
            // "zip on the hoodie gave up on the second wear. for 69 bucks I expected a bit
            // better than that".
            "gave up on the second",
            "gave out on the second",
            "on the second wear",
            "by the second wash",
            "expected a bit better",
            "expected better",
            "第一次用就",
            "第一次穿就",
            // Coming apart after one wear ("卫衣袖子开线了，才穿一次").
            "开线",
            "才穿一次",
            "穿了一次就",
            "only worn once",
            "worn it once",
            "wore it once",
            "缩水",
            "掉色",
            "褪色",
            "起球",
            "变形",
        ],
    )
        // Not as pictured and the money asked back ("looks way more purple in person than in
        // the photos. can i just get my money back"): the refund, which the plugin weighs.
        || (not_as_pictured(text) && !super::refund_words::asks_for_money_back(text))
}

#[cfg(test)]
#[path = "complaint_words_tests.rs"]
mod tests;
