//! Whether a message tells of harm the shop's goods did to someone who used them: a body
//! reacting to or hurt by them ("the dye in the hoodie is making me wheeze"), or something
//! they shed drunk ("the bottle leaked something black into my water"). Lower-case substring
//! checks in English and Chinese; the decision that uses them is `policy.rs`; harm told of
//! anything else is [`super::harm_cues`].

use super::harm_cues::{a_condition_asked_about, asks_if_safe};
use super::harm_reasons::{asks_what_if_before_buying, injury_as_a_reason};
use super::language::mentions;

/// Whether `text` tells of the body reacting to or hurt by goods the shopper used, in words
/// no list of phrases holds ("the dye in the hoodie is making me wheeze", "穿了卫衣后呼吸有点困难",
/// "the cap's buckle snapped and sliced my forehead open", "孩子被卫衣帽绳勒到了"): a
/// reaction or injury, beside the goods or their use. Asked before buying, a condition
/// asked about, or an injury given as a reason for something else, it is none.
pub fn harm_from_the_goods(text: &str) -> bool {
    let lower = text.to_lowercase();
    // Swallowing hard is a body only beside one ("hard to swallow" is also a price: "paying 12
    // for shipping … is hard to swallow").
    let swallowing = mentions(
        &lower,
        &["hard to swallow", "can't swallow", "cant swallow"],
    ) && mentions(
        &lower,
        &["lips", "throat", "tongue", "mouth", "puffy", "swell"],
    );
    // Breath or a cough only after the goods were used ("穿了你们的衣服喘不上气", "吸到后一直咳
    // 嗽"; not "忙得喘不过气", "孩子咳嗽了 想买件厚点的").
    let now = told_now(&lower);
    let after_use = mentions(&lower, &["喘不上气", "喘不过气", "咳嗽"])
        && mentions(
            &lower,
            &["穿了", "戴了", "吸到", "用了", "穿上", "闻到", "喝了"],
        );
    // Goods that burst or melted and burned someone ("the bottle got super hot in the car and
    // burst, my friend has burns on her arm"; not "my dad has burns from a kitchen accident").
    let burst_and_burned = mentions(&lower, &["burst", "exploded", "melted", "炸了", "爆了"])
        && mentions(&lower, &["burns", "burned", "burnt", "烫伤"]);
    (swallowing
        || after_use
        || burst_and_burned
        || mentions(
            &lower,
            &[
                "rash",
                "hives",
                "blister",
                "swelling",
                "swell up",
                "swelled",
                "swollen",
                "numbness",
                "gone numb",
                "went numb",
                "feels numb",
                "wheez",
                "chest feels",
                "chest is",
                // "throat feels kinda tight since i unboxed the tees, is the cotton treated with
                // something??".
                "throat feels",
                "throat feel",
                "throat is",
                "throat's",
                // "now my lips are kinda puffy and it's a bit hard to swallow haha".
                "lips are puffy",
                "lips are kinda puffy",
                "lips are swelling",
                "puffy lips",
                "trouble swallowing",
                "吞咽困难",
                "can't breathe",
                "cant breathe",
                "trouble breathing",
                "breathing is",
                "burned my",
                "burnt my",
                "bleeding",
                "cut my",
                "cut his",
                "cut her",
                "sliced",
                "welts",
                "红又痒",
                "又红又",
                "肿",
                "发麻",
                "又麻",
                "疹",
                "水泡",
                "呼吸",
                "勒到",
                "勒住",
                "流血",
                "出血",
                "割破",
                "烫伤",
                // "打开包裹手就开始发红发痒".
                "发红发痒",
                // "the hoodie fabric melted onto my arm near the stove … it hurts so much",
                // "my neck is breaking out where it touches", "it's given me a pounding
                // headache and nausea", "she was coughing really hard".
                "melted onto my",
                "melted on my",
                "hurts so much",
                "breaking out",
                "broke out",
                "nausea",
                "nauseous",
                "pounding headache",
                "splitting headache",
                "coughing really hard",
                "was choking",
                "is choking",
                "choked",
            ],
        ))
        && mentions(
            &lower,
            &[
                "hoodie",
                "tee",
                "t-shirt",
                "tshirt",
                "shirt",
                "cap",
                "bottle",
                "lid",
                "strap",
                "band",
                "buckle",
                "zip",
                "cord",
                "drawstring",
                "dye",
                "fabric",
                "material",
                "wore",
                "wearing",
                "worn",
                "drank",
                "drinking",
                "卫衣",
                "t恤",
                "你们的衣服",
                "粉末",
                "打开包裹",
                "帽",
                "杯",
                "瓶",
                "面料",
                "布料",
                "穿了",
                "穿着",
                "戴了",
                "戴着",
                "用了",
                "喝了",
                "喝水",
                "wear",
            ],
        )
        && (now
            || burst_and_burned
            || mentions(
            &lower,
            // Told as happened: after use, made by the goods, or now ("some fabrics give me a
            // rash" is a condition, asked about before buying).
            &[
                "after",
                "since",
                "made me",
                "making me",
                "making my",
                "gave me",
                "given me",
                "giving me",
                "now",
                "snapped",
                "sliced",
                "cut my",
                "wore",
                "drank",
                "之后",
                "以后",
                "后",
                "了",
            ],
        ))
        // Asked whether it is safe or about a condition, unless the body reacts now ("my scalp
        // is blistering where the navy cap sits, is the dye safe?", "我皮肤一碰就红肿").
        && (now
            || after_use
            || burst_and_burned
            || !asks_if_safe(&lower) && !a_condition_asked_about(&lower))
        && !injury_as_a_reason(&lower)
        && !asks_what_if_before_buying(&lower)
}

/// Whether `lower` tells of the body reacting as it is written ("my scalp is blistering where
/// the navy cap sits"): happening now, whatever is asked beside it.
fn told_now(lower: &str) -> bool {
    mentions(
        lower,
        &[
            "is blistering",
            "are blistering",
            "is swelling",
            "are swelling",
            "is burning",
            "开始发红",
            "is breaking out",
            "are breaking out",
            "it hurts",
            "was coughing",
            "is coughing",
            "started coughing",
            "was choking",
            "is choking",
        ],
    )
}

/// Whether `lower` tells of a drink taken from goods that shed something into it ("the bottle
/// leaked something black into my water and I'd already drunk half", "杯子掉漆了 我已经喝了
/// 好几天"): something swallowed that should not have been, whatever the body does yet.
pub fn drank_what_the_goods_shed(lower: &str) -> bool {
    mentions(
        lower,
        &[
            "leaked something",
            // "there's rust inside the steel bottle and I've been drinking from it for a week"
            // (not "crust inside").
            " rust inside",
            " rusty inside",
            "里面生锈",
            "内壁生锈",
            "something black",
            "black stuff",
            "black bits",
            "flaking",
            "flakes",
            "peeling",
            "coating came off",
            "掉漆",
            "掉渣",
            "黑色的东西",
            "涂层",
        ],
    ) && mentions(
        lower,
        &[
            "already drunk",
            "already drank",
            "drunk half",
            "drank half",
            "drank some",
            "drunk some",
            "been drinking",
            "已经喝了",
            "喝了一半",
            "喝下去",
            "喝了好几",
        ],
    ) && mentions(
        lower,
        &[
            "into",
            "in my water",
            "in the water",
            "in my drink",
            "in the drink",
            "inside",
            "水里",
            "里面",
        ],
    ) && !mentions(
        lower,
        &[
            "haven't been drinking",
            "havent been drinking",
            "not been drinking",
            "how do i clean",
            "没喝",
            "外面",
            "里面没事",
        ],
    )
}
