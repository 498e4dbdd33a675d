//! When a weak urgency the topic model hears is something else: words that tell no time
//! pressure at all, and a fire at home that is over, the shopper safe elsewhere (urgent for
//! the order, not harm now). Pure; the time words themselves are [`super::urgency_cues`]'.

use super::language::{mentions, says_word};
use super::urgency_cues::{flees_someone, names_a_deadline, needs_it_by, speaks_of_an_emergency};

/// Whether `text` tells of a fire at home that is over, the shopper safe elsewhere ("our flat
/// caught fire last night, everyone's ok", "家里着火了 现在住亲戚家"): an urgent situation for
/// the order, not someone in danger now to be told to call for help.
pub fn a_fire_at_home_survived(text: &str) -> bool {
    let lower = text.to_lowercase();
    let fire = mentions(
        &lower,
        &[
            "had a fire",
            "caught fire",
            "house fire",
            "fire at our",
            "fire at my",
            "fire in our",
            "fire in my",
            "burned down",
            "burnt down",
            "着火了",
            "失火",
            "火灾",
            "烧没了",
        ],
    );
    let over = mentions(
        &lower,
        &[
            "last night",
            "yesterday",
            "last week",
            "everyone's ok",
            "everyone is ok",
            "everyone's fine",
            "everyone is fine",
            "nobody was hurt",
            "no one was hurt",
            "nobody hurt",
            "we're ok",
            "we're fine",
            "in a hotel",
            "staying with",
            "at my sister's",
            "at my mum's",
            "at my mom's",
            "昨晚",
            "昨天",
            "人没事",
            "都没事",
            "现在住",
            "住亲戚家",
            "住朋友家",
            "住酒店",
            "亲戚家",
            "朋友家",
        ],
    );
    let danger_now = mentions(
        &lower,
        &[
            "trapped",
            "burned my",
            "burnt my",
            "is burning",
            "on fire now",
            "still burning",
            "hurt",
            "injured",
            "burned his",
            "burned her",
            "burnt his",
            "burnt her",
            "burned their",
            "got burned",
            "got burnt",
            "烧伤",
            "烧到",
            "烫伤",
            "受伤",
            "被困",
            "救命",
        ],
    ) && !mentions(
        &lower,
        &["nobody was hurt", "no one was hurt", "nobody hurt"],
    );
    let at_home = mentions(
        &lower,
        &[
            "flat",
            "house",
            "building",
            "apartment",
            "home",
            "our place",
            "家",
            "房子",
            "公寓",
            "楼",
        ],
    );
    // The goods on fire ("my son's hoodie caught fire by the heater") are the harm.
    let goods = mentions(
        &lower,
        &[
            "hoodie", "bottle", "cap", "tee", "shirt", "卫衣", "杯", "帽", "t恤",
        ],
    );
    fire && over && at_home && !goods && !danger_now
}

/// Whether `text` tells no time pressure at all: no moment, no need by one, nothing happening
/// at home, no flight from someone and no word of hurry ("it's for work, I need our company
/// name and VAT number on it", "it's for 1004 if that matters. do I need to do anything else
/// after that"). A weak urgency the topic model hears in such words is no urgency.
pub fn tells_no_pressure(text: &str) -> bool {
    // "and the one before that too if there was one": an earlier thing, no moment.
    let text = &text
        .to_lowercase()
        .replace("the one before", " ")
        .replace("before that", " ");
    // A day of the month named ("on the 3rd", "15号") is a moment.
    let a_date = text
        .match_indices(|c: char| c.is_ascii_digit())
        .any(|(at, d)| {
            let after = &text[at + d.len()..];
            ["st", "nd", "rd", "th", "号", "日"]
                .iter()
                .any(|s| after.starts_with(s))
        });
    // A body reacting is no matter of time alone ("now her neck and chest are red and bumpy").
    let a_body_reacting = super::harm_cues::speaks_of_harm(text)
        || mentions(
            text,
            &[
                "rash", "bumpy", "swollen", "swelling", "itch", "hives", "breath", "reaction",
                "allerg", "疹", "过敏", "肿", "痒", "呼吸",
            ],
        );
    // "ill" as a word ("will it leave" is no illness).
    let ill = says_word(text, &["ill"]);
    !a_date
        && !ill
        && !a_body_reacting
        && !names_a_deadline(text)
        && !needs_it_by(text)
        && !speaks_of_an_emergency(text)
        && !flees_someone(text)
        && !mentions(
            &text.to_lowercase(),
            &[
                "hurry",
                "next month",
                "end of the month",
                "flood",
                "heart attack",
                "flying",
                "flight",
                "wedding",
                "birthday",
                "trip",
                "下个月",
                "月底",
                "出国",
                "飞机",
                "婚礼",
                "生日",
                "quick",
                "fast",
                "soon",
                "right now",
                "immediately",
                "emergency",
                "hospital",
                "surgery",
                "operation",
                "sick",
                "died",
                "dying",
                "fire",
                "please help",
                "help me",
                "desperate",
                "马上",
                "赶紧",
                "尽快",
                "快点",
                "快些",
                "立刻",
                "求",
                "拜托",
                "医院",
                "手术",
                "生病",
                "病了",
                "去世",
                "走了",
                "着火",
                "火灾",
                "救命",
            ],
        )
}

/// Whether `text` asks what a delivery option costs or how fast it is, for an occasion it
/// names, with no word of hurry or trouble ("and how much is express? need it before my
/// sister's wedding or she'll murder me"): a question the shop's delivery times answer, not
/// a matter for a person. Said with a hurry ("URGENT need the hoodie by Saturday … will express
/// get there?", "can express? 急") it stays urgent.
pub fn asks_the_options_for_an_occasion(text: &str) -> bool {
    let lower = text.to_lowercase();
    let asks = super::cues::asks_the_price(&lower)
        || mentions(
            &lower,
            &[
                "how much",
                "多少钱",
                "how long",
                "how fast",
                "how quick",
                "how many days",
                "多久",
                "几天",
            ],
        );
    super::shipping_words::names_a_shipping_option(&lower)
        && asks
        && mentions(
            &lower,
            &[
                "wedding",
                "birthday",
                "party",
                "anniversary",
                "graduation",
                "婚礼",
                "生日",
                "聚会",
            ],
        )
        && !speaks_of_an_emergency(text)
        && !flees_someone(text)
        // (加急 is express, no hurry of its own.)
        && !mentions(
            &lower.replace("加急", " "),
            &[
                "urgent",
                "asap",
                "emergency",
                "hurry",
                "today",
                "tomorrow",
                "tonight",
                "今天",
                "明天",
                "后天",
                "please help",
                "help me",
                "desperate",
                "!!",
                "急",
                "赶紧",
                "尽快",
                "快点",
                "求",
                "拜托",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_occasions_delivery_asked_calmly_is_the_delivery_times() {
        for text in [
            "and how much is express? need it before my sister's wedding or she'll murder me",
            "how long does express take? it's a birthday present",
            "加急要多少钱 生日礼物",
        ] {
            assert!(asks_the_options_for_an_occasion(text), "{text}");
        }
        for text in [
            "URGENT need the hoodie by Saturday for my son's birthday, if I order now with express will it get there?",
            "need hoodie before friday, gift for boyfriend, can express? 急",
            "how much is express? my dad is in hospital and it's his birthday",
            "how much is express shipping",
        ] {
            assert!(!asks_the_options_for_an_occasion(text), "{text}");
        }
    }

    #[test]
    fn a_fire_at_home_that_is_over_is_told_from_one_burning_now() {
        for text in [
            "our building had a fire last night and we're in a hotel now. order 1001 is supposed to be delivered there",
            "hi. our flat caught fire last night, everyone's ok, but order 1002 is supposed to ship there and I've no idea where we'll be living",
            "家里着火了 现在住亲戚家 1001的包裹千万别送到原来的地址 急",
        ] {
            assert!(a_fire_at_home_survived(text), "{text}");
        }
        for text in [
            "家里着火了 救命",
            "my kitchen caught fire and I burned my hand, what do I do",
            "the hoodie is fire, ordering another",
            "my son's hoodie caught fire by the heater yesterday and he burned his arm",
            "昨天卫衣靠近暖气着火了 孩子手被烧到了",
        ] {
            assert!(!a_fire_at_home_survived(text), "{text}");
        }
    }

    #[test]
    fn words_with_no_moment_need_or_hurry_tell_no_pressure() {
        for text in [
            "it's for work, I need our company name and VAT number on it",
            "it's for 1004 if that matters. do I need to do anything else after that",
            "ok and roughly when will it leave the warehouse",
        ] {
            assert!(tells_no_pressure(text), "{text}");
        }
        for text in [
            "need it by friday for my trip",
            "please hurry, 1002 is a gift",
            "I'm flying out on the 3rd and 1002 still hasn't shipped",
            "婚礼是15号 1002还没发货",
            "our house was flooded last night, please hold 1002",
            "my daughter put on the organic tshirt this morning and now her neck and chest are red and bumpy",
            "拜托了 那件卫衣是给我爸的 他下周要做手术",
            "家里着火了 现在住亲戚家 1001的包裹千万别送到原来的地址",
        ] {
            assert!(!tells_no_pressure(text), "{text}");
        }
    }
}
