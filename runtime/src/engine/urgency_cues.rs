//! Time pressure in a shopper's words: a moment still to come that something is needed by
//! ("for my flight on friday", "明天"), and something sudden and serious at home (a family
//! emergency, a death, a hospital stay, a home lost). Lower-case substring checks in
//! English, Chinese and pinyin, like [`super::language`]'s; the decisions that use them are
//! `decide.rs` and `person_first.rs`.

use super::language::{WEEKDAYS, mentions, says_word};

/// Whether `text` says something sudden and serious has happened to the shopper ("family
/// emergency", "家里出了急事", "突发状况"): with a request about their order, time pressure
/// the topic model may not hear when no date is named. Harm to someone is the safety
/// topic's, heard before this.
pub fn speaks_of_an_emergency(text: &str) -> bool {
    // A drill or an alarm is no fire ("we had a fire drill at work and I missed the UPS guy").
    let text = &text
        .to_lowercase()
        .replace("fire drill", " ")
        .replace("fire alarm", " ");
    mentions(
        text,
        &[
            "family emergency",
            "gang qushi",
            "qushi le",
            "钱包被偷",
            "relative died",
            "relative passed away",
            "relative has died",
            "death in the family",
            "a death in my family",
            // Someone at the end of life, or gravely ill.
            "hospice",
            // "he's in palliative care and we don't know how long he has".
            "palliative",
            "terminally ill",
            "know how long he has",
            "know how long she has",
            "how long he has left",
            "how long she has left",
            "not long left to live",
            "weeks to live",
            "days to live",
            "months to live",
            "安宁疗护",
            "他没多少日子",
            "她没多少日子",
            "end of life",
            "don't have much time",
            "dont have much time",
            "临终",
            "病危",
            // An eviction, a car accident that keeps the shopper in hospital.
            "evicted",
            "eviction",
            "被赶出",
            "kicked out of my",
            "car accident",
            "车祸",
            "stuck in hospital",
            "in hospital for weeks",
            // Intensive care, a rush to hospital, a birth under way.
            "in icu",
            "the icu",
            "进icu",
            "进了icu",
            "在icu",
            "icu里",
            "icu病房",
            "在重症",
            "在急诊",
            "在抢救",
            "进医院了",
            "住进医院",
            "intensive care",
            "重症监护",
            "抢救",
            "rushed to hospital",
            "rushed to the hospital",
            // "my mum's just been taken into hospital and I'm flying out tonight" (not "can my
            // parcel be taken to the hospital reception").
            "taken into hospital",
            // "my son's been admitted to the hospital and I won't be home for the delivery".
            "admitted to the hospital",
            "been taken to hospital",
            "been taken to the hospital",
            "was taken to hospital",
            "was taken to the hospital",
            "进了急诊",
            "送进急诊",
            "went into labour",
            "gone into labour",
            "in labour",
            "went into labor",
            "in labor",
            "要生了",
            "早产",
            "羊水破了",
            "personal emergency",
            "emergency at home",
            "an emergency came up",
            "had an emergency",
            "have an emergency",
            "there's been an emergency",
            "emergency situation",
            "急事",
            "家里出事",
            "家里出了事",
            // "家里出了点事 我这几天都在外地陪护", "it's a family crisis and I have to leave".
            "家里出了点事",
            // "家里老人突然走了 1002填的是他那边的地址".
            "老人突然走了",
            // "家里老人刚走 我这几天在处理后事".
            "老人刚走",
            "处理后事",
            "办后事",
            // Someone ill, cared for far from home ("我妈病了 我明天就得去外地照顾她").
            "去外地照顾",
            "回老家照顾",
            "老人走了",
            "突然走了",
            "家里出了点状况",
            "family crisis",
            "外地陪护",
            "紧急情况",
            "突发情况",
            "突发状况",
            "事发突然",
            "家里有急",
            "jia li chu shi",
            "jia chu shi le",
            // A death in the family.
            "funeral",
            "passed away",
            "died on",
            "just died",
            "has died",
            "husband died",
            "wife died",
            "mum died",
            "mom died",
            "dad died",
            "father died",
            "mother died",
            // Someone at home suddenly gravely ill.
            "病重",
            "突然病",
            // A break-in, a flood, a night in a shelter.
            "broken into",
            "break-in",
            "burgled",
            "police are here",
            "a flood at",
            // "there was a flood in our building", "the flood destroyed our street", "小区被淹了".
            "a flood in",
            "the flood destroyed",
            "被淹了",
            "staying at a shelter",
            "in a shelter",
            "emergency shelter",
            "flood took",
            "floods took",
            "避难所",
            "安置点",
            // Stranded far from home, without a phone or money.
            "被困了",
            "困在国外",
            "钱包都丢了",
            "手机钱包",
            "护照丢了",
            "lost my passport",
            "phone and wallet",
            "wallet and phone",
            "葬礼",
            "去世",
            "过世",
            // Someone in hospital now ("my son is in hospital"), an emergency in pinyin
            // ("jinji qingkuang, wo zai yiyuan"), bed rest.
            "is in hospital",
            "is in the hospital",
            "am in the hospital",
            // "my mum's in hospital and I need to cancel everything".
            "'s in hospital",
            "'s in the hospital",
            "’s in hospital",
            "’s in the hospital",
            "急情况",
            "refugee shelter",
            "shelter now",
            "jinji",
            "ji shi",
            "zhu yuan",
            "zhuyuan",
            "bed rest",
            "卧床",
            "非常紧急",
            "十万火急",
            // A stay in hospital ahead.
            "住院",
            "做手术",
            "做完手术",
            "动不了",
            "动手术",
            "having surgery",
            "surgery tomorrow",
            "hospitalised",
            "hospitalized",
            "going into hospital",
            "admitted to hospital",
            // A disaster at home.
            "burned down",
            "burnt down",
            "house fire",
            "fire at my",
            "fire in my",
            // "We had a fire at our apartment last night".
            "fire at our",
            "fire in our",
            // "our building had a fire last night", "our flat caught fire last night".
            "had a fire",
            "caught fire",
            "house flooded",
            "home flooded",
            "flat flooded",
            "apartment flooded",
            "flooded out",
            "evacuated",
            "evacuation",
            "had to evacuate",
            "wildfire",
            "bushfire",
            "an earthquake",
            "the earthquake",
            "lost my home",
            "lost everything",
            "火灾",
            "着火了",
            "失火",
            "烧没了",
            "被烧",
            "房子烧",
            "家被淹",
            "被水淹",
            "洪水",
            "地震",
            "撤离",
            "gas leak",
            "煤气泄漏",
            "燃气泄漏",
            // Shut out of home: evicted, locked out by a landlord, quarantined away from it.
            "homeless",
            "lost my flat",
            "lost my house",
            "lost my apartment",
            "can't get into anymore",
            "cant get into anymore",
            "changed the locks",
            "kicked out",
            "nowhere to live",
            "nowhere to stay",
            "赶出来",
            "没地方住",
            "无家可归",
            "被隔离",
            "小区被封",
            "小区突然被封",
            "回不了家",
            // Stranded away from home, or in hospital now.
            "被困在",
            "困在外地",
            "回不去",
            "stranded",
            "stuck abroad",
            "can't get home",
            "cant get home",
            "i'm in hospital",
            "im in hospital",
            "i am in hospital",
            "i'm in the hospital",
            // Someone taken to hospital now.
            "had a stroke",
            "i'm at the hospital",
            "im at the hospital",
            "in the hospital right now",
            "at the hospital right now",
            "in hospital right now",
            "中风",
            "现在在医院",
            "正在医院",
            // Caring for someone in hospital ("我在医院陪护走不开"), just out of it after an
            // accident.
            "医院陪护",
            "在医院陪",
            "got out of hospital",
            "out of hospital after",
            "after an accident",
            // The home gone cold ("our heating's been cut off").
            "heating's been cut off",
            "heating has been cut off",
            "heating was cut off",
            "heating got cut off",
            "暖气被停",
            "停暖了",
        ],
    )
}

/// Whether `text` tells of a shopper who fled someone at home and needs an order kept from
/// them ("I just moved out because of a situation with my ex, he can't see a parcel with my
/// name there", "我刚从家里搬出来 之前被家暴 订单1002还是寄到原来的地址"): an urgent
/// situation a person takes at raised priority, not harm happening now that calls for an
/// ambulance or a report of harassment.
pub fn flees_someone(text: &str) -> bool {
    let lower = text.to_lowercase();
    let fled = mentions(
        &lower,
        &[
            "家暴",
            "家庭暴力",
            "domestic situation",
            "domestic violence",
            "domestic abuse",
            "abusive ex",
            "abusive partner",
            "abusive husband",
            "abusive home",
            "abusive relationship",
            "violent ex",
            "violent partner",
            "violent husband",
            "a bad situation at home",
            "a bad situation with",
            "situation with my ex",
            "not safe around him",
            "not safe around her",
            "getting away from him",
            "getting away from her",
            "getting away from my",
            "getting away from an abusive",
            "moved out because of him",
            "moved out because of her",
            "moved out because of my",
            "moved out because of a situation",
            "left home because of",
            "躲着他",
            "躲在朋友家",
        ],
    );
    // An ex's home the parcel must not reach ("1002那个地址是我前男友家 千万不能寄过去").
    let kept_from_an_ex = mentions(
        &lower,
        &[
            "前男友家",
            "前夫家",
            "前女友家",
            "前妻家",
            "my ex's place",
            "my ex's house",
            "my ex's flat",
        ],
    ) && mentions(
        &lower,
        &[
            "不能寄",
            "别寄",
            "不要寄",
            "千万不能",
            "千万别",
            "cannot go there",
            "can't go there",
            "must not go",
            "mustn't go",
        ],
    );
    let fled = fled || kept_from_an_ex;
    // Where a parcel goes: whole English words ("ship" is not in "relationship").
    let a_parcel = says_word(
        &lower,
        &[
            "order",
            "orders",
            "parcel",
            "parcels",
            "package",
            "address",
            "deliver",
            "delivered",
            "delivery",
            "ship",
            "shipped",
            "shipping",
            "send",
        ],
    ) || mentions(&lower, &["订单", "包裹", "地址", "快递", "寄"]);
    // Harm happening now, or a life in danger, is safety first ("他刚才又打了我", "I want to
    // end it all"): the emergency services' line and the highest priority.
    let harm_now = mentions(
        &lower,
        &[
            "打了我",
            "打我",
            "hit me",
            "hurt me",
            "kill",
            "end it all",
            "自杀",
            "轻生",
            "不想活",
            "outside my door",
            "门口",
            "found me",
            "找到我了",
        ],
    );
    fled && a_parcel && !harm_now
}

/// Whether `text` says the goods are needed by some moment, or that it is urgent ("need it
/// before my flight", "in time for", "asap", "来得及吗"), not only where the shopper is.
pub fn needs_it_by(text: &str) -> bool {
    // A value offered in case the bot needs it is no need of the goods ("li.wei@example.com
    // if u need it").
    let text = text
        .to_lowercase()
        .replace("if you need it", " ")
        .replace("if u need it", " ")
        .replace("in case you need it", " ");
    mentions(
        &text,
        &[
            "need it",
            "needed by",
            "need them",
            "in time",
            "before my",
            "before the",
            "asap",
            "urgent",
            "last chance",
            // "leaving the country for good on the 5th. 1002 has to either ship today or be
            // cancelled, I won't be able to deal with it after that".
            "has to either ship",
            "has to ship",
            "has to arrive",
            "has to be here",
            "has to go out",
            "won't be able to deal with it after",
            "来得及",
            "赶得上",
            "要用",
            "急",
            "之前要",
            "之前到",
        ],
    )
}

/// Whether `text` names a moment still to come that something is needed by ("for my flight
/// on friday", "before then", "明天", "下周一"), or says it is urgent: time pressure. A
/// message that only says an order is late speaks of the past ("the estimated date was last
/// week", "another week and still nothing"): that is the order's whereabouts, not urgency.
pub fn names_a_deadline(text: &str) -> bool {
    // "加急" names the express option, not a moment its "急" presses for.
    let lower = text.to_lowercase().replace("加急", "快递");
    let day = says_word(
        &lower,
        &[
            "tomorrow", "today", "tonight", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "weekend", "before", "until", "asap", "urgent", "urgently", "deadline",
        ],
    );
    day || says_word(&lower, WEEKDAYS)
        || [
            "next week",
            "this week",
            "in time",
            "by then",
            "明天",
            "后天",
            "今天",
            "今晚",
            "周一",
            "周二",
            "周三",
            "周四",
            "周五",
            "周六",
            "周日",
            "周末",
            "下星期",
            "下周",
            "这周",
            "之前",
            "以前",
            "来得及",
            "赶得上",
            "急",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether `text` presses for goods before a journey or an occasion it names ("明天一早的飞机
/// 出国 要待半年 1002今天能不能发出来 急急急", "wedding on saturday, need it asap"): a moment
/// to come, a need by it, and what it is for.
pub fn presses_for_an_occasion(text: &str) -> bool {
    names_a_deadline(text)
        && needs_it_by(text)
        && mentions(
            text,
            &[
                "flight",
                "flying",
                "trip",
                "travel",
                "wedding",
                "funeral",
                "birthday",
                "holiday",
                "vacation",
                "leaving the country",
                "moving abroad",
                "飞机",
                "出国",
                "出差",
                "婚礼",
                "葬礼",
                "生日",
                "度假",
                "旅行",
                "回国",
            ],
        )
}

/// Whether `text` is a few words (at most five, twenty characters) that name no moment,
/// no need and nothing happening at home ("and it's 69 right?"): no time pressure told.
pub fn a_few_words_without_pressure(text: &str) -> bool {
    text.split_whitespace().count() <= 5
        && text.chars().count() <= 20
        && !names_a_deadline(text)
        && !needs_it_by(text)
        && !speaks_of_an_emergency(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cues::about_the_shopper;

    #[test]
    fn a_journey_or_occasion_pressing_is_told_apart_from_a_deadline_alone() {
        for text in [
            "明天一早的飞机出国 要待半年 1002今天能不能发出来 急急急",
            "leaving the country for good on the 5th. 1002 has to either ship today or be cancelled, I won't be able to deal with it after that",
            "明天一早的飞机去美国 1001的衣服今天必须到 急急急!!!",
            "wedding on saturday, need it asap",
        ] {
            assert!(presses_for_an_occasion(text), "{text}");
        }
        assert!(!needs_it_by(
            "hiya, any movement on #1002 yet? li.wei@example.com if u need it"
        ));
        for text in [
            "it was a birthday gift but it has to go back, wrong size. order 1003, can I return it before friday?",
            "away on holiday next week and won't be able to sign for 1002, can you hold it until the 20th?",
            "1002今天能发出来吗",
            "my flight was fine thanks, where is order 1002?",
        ] {
            assert!(!presses_for_an_occasion(text), "{text}");
        }
    }

    #[test]
    fn a_deadline_is_a_moment_to_come_and_lateness_alone_is_none() {
        for text in [
            "my flight is friday morning and order 1001 still isn't here",
            "need it before then",
            "后天的飞机出国，订单1001今天能送到吗",
            "URGENT - wedding on saturday",
            "订单1002能加急吗？周五要用，急",
        ] {
            assert!(names_a_deadline(text), "{text}");
        }
        for text in [
            "order #1001 still hasn't turned up and the estimated date was last week",
            "seriously?? another week and still nothing from order 1001",
            "说好的上周到，怎么还没到",
            // The express option asked for, no moment named.
            "订单1002能加急吗？",
        ] {
            assert!(!names_a_deadline(text), "{text}");
        }
    }

    #[test]
    fn a_disaster_at_home_is_an_emergency_and_its_words_elsewhere_are_not() {
        for text in [
            "my house burned down last night, the parcel for order 1002 has to go somewhere else",
            "we got evacuated because of the wildfire, can you hold order 1002",
            "家里着火了，订单1002能不能先别发",
            "昨晚地震 房子住不了了 快递改个地址",
            "my landlord changed the locks and my order is still headed there",
            "小区突然被封了，我被隔离在外面回不了家，快递今天就要送",
            "my husband just had a stroke, I'm at the hospital, I need to stop the delivery",
            "wo xianzai zai yiyuan, jia li mei ren, kuaidi zenme ban, hen ji",
            "家里突发火灾，房子烧没了，包裹还在往那个地址送",
        ] {
            assert!(about_the_shopper(text), "{text}");
            assert!(speaks_of_an_emergency(text), "{text}");
        }
        for text in [
            "the hoodie is fire",
            "is the water bottle earthquake proof lol",
            "does the cap burn easily if I iron it",
            "这件卫衣颜色好火",
            "I'm having a heart attack at these prices lol",
            "我在医院上班，能寄到医院地址吗",
        ] {
            assert!(!speaks_of_an_emergency(text), "{text}");
        }
    }

    #[test]
    fn stranded_away_from_home_or_in_hospital_now_is_an_emergency() {
        for text in [
            "我被困在外地回不去，包裹会寄到空房子，急！",
            "I'm in hospital and can't get home to receive my parcel, please someone help urgently",
            "my daughter is in hospital, the parcel has to go to my sister's instead",
            "put on bed rest by my midwife, nobody can answer the door, help with my order",
            "jinji qingkuang, baoguo xian bie song",
            "stranded in Denver after the storm, the parcel will sit on my porch for a week",
            "急！！我人在国外被困了，手机钱包都丢了，订单的事求你们帮帮我",
            "flood took out our whole street and I'm in an emergency shelter",
            "a relative died and i have to fly out tonight, the order needs stopping right now",
            "jishi! wo jia chu shi le, xuyao mashang gai dizhi",
            "wo baba gang qushi, ta de dingdan zenme chuli, qing bangbang wo",
            "我现在一个人在国外，钱包被偷了，急需这笔退款买机票回家",
        ] {
            assert!(speaks_of_an_emergency(text), "{text}");
        }
    }

    #[test]
    fn a_wildfire_a_home_gone_cold_and_a_hospital_bedside_are_emergencies() {
        for text in [
            "we had to evacuate last night, the fires are close to the house",
            "there's a wildfire near us and we've left, please hold my parcel",
            "the heating's been cut off and the hoodie was for my mum",
            "我这几天在医院陪护我爸，快递没人收",
            "I just got out of hospital and can't get to the post office",
        ] {
            assert!(speaks_of_an_emergency(text), "{text}");
        }
        for text in [
            "is the hoodie warm enough if the heating is off at work?",
            "my sister works in a hospital, can I send it there?",
        ] {
            assert!(!speaks_of_an_emergency(text), "{text}");
        }
    }

    #[test]
    fn intensive_care_and_a_birth_under_way_are_emergencies() {
        for text in [
            "孩子住进ICU了，我实在没精力处理订单，能不能直接让人联系我",
            "my wife went into labour early and nobody's home for the delivery, please can someone help",
            "dad was rushed to hospital last night",
            "我明天就要被赶出去了，包裹得改地址，急急急",
            "had a car accident and i'm stuck in hospital for weeks, what happens to my order",
        ] {
            assert!(speaks_of_an_emergency(text), "{text}");
        }
        // "icu" inside a word is none.
        assert!(!speaks_of_an_emergency(
            "it's difficult to find the size guide"
        ));
    }
}
