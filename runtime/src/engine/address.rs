//! The new delivery address a shopper writes in the same message as asking for the change
//! ("change the address on order 1002 to 21 Nanjing West Road, Shanghai", "1002号订单改寄到
//! 杭州市西湖区文三路200号"): found after the words that introduce it, cut before what
//! follows it (an email, "instead", "not …", thanks), and kept only when it looks like an
//! address (a house number or a street, never an order). The orders plugin then proposes
//! the change for the shopper to confirm; nobody is asked for the address again. Pure.

/// Words after which the new address follows, in the order they are tried.
const INTRODUCERS: &[&str] = &[
    "new address is",
    "new address:",
    "new address",
    "address is now",
    "should be",
    "should go to",
    "go to",
    "send it to",
    "ship it to",
    "deliver it to",
    "deliver to",
    "changed to",
    "change it to",
    "new one is",
    "new place is",
    "new one:",
    "moved to",
    "correct address is",
    "right address is",
    "correct one is",
    "正确的地址是",
    "正确地址是",
    "正确的是",
    "新地址是",
    "应该是",
    "应该寄到",
    "应该送到",
    "新地址：",
    "新地址:",
    "新地址",
    "改成",
    "改为",
    "改寄到",
    "改到",
    "寄到",
    "送到",
    "地址是",
    "搬到",
    "新家是",
    "新家在",
    "现在住在",
    // Pinyin ("xin dizhi: Shanghai Pudong Zhangjiang lu 200 hao 5 lou 502").
    "xin dizhi",
    "xin di zhi",
    "dizhi shi",
];

/// Words that introduce an address only sometimes ("It's 88 Huaihai Middle Road", but also
/// "its #1001 and jane@example.com"): tried after [`INTRODUCERS`], and what follows them
/// counts only if it names a street.
const WEAK_INTRODUCERS: &[&str] = &["it's ", "it is ", "its ", "now at ", "live at "];

/// What ends the address: what the shopper says after it.
const ENDS: &[&str] = &[
    // The order named in a sentence after it ("88 Wulumuqi Middle Rd, Apt 5, Shanghai. Order
    // 1002 under li.wei@example.com").
    ". order",
    ". my order",
    ". for order",
    ". it's order",
    ". its order",
    " instead",
    " not ",
    " rather than",
    " my email",
    " email",
    " e-mail",
    " thanks",
    " thank you",
    " please",
    " pls",
    "?",
    "!",
    "邮箱",
    "不是",
    "谢谢",
    "麻烦",
    "，",
    "。",
    "？",
    "！",
];

/// Street words: an English address names one, or starts with a house number.
const STREETS: &[&str] = &[
    " road",
    " rd",
    " street",
    " st",
    " avenue",
    " ave",
    " lane",
    " ln",
    " drive",
    " dr",
    " way",
    " boulevard",
    " blvd",
    " court",
    " place",
    " square",
    // Pinyin: road, number, street.
    " lu",
    " hao",
    " jie",
    "路",
    "街",
    "道",
    "巷",
    "号",
];

/// The new address written in `text`, if there is one.
pub fn new_address(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // Byte offsets of the lower-cased text are the original's when lower-casing kept every
    // length (always so for Chinese and plain English); otherwise the lower-cased text is
    // the address.
    let source = if lower.len() == text.len() {
        text
    } else {
        lower.as_str()
    };
    INTRODUCERS
        .iter()
        .find_map(|intro| {
            let at = lower.find(intro)? + intro.len();
            candidate(&source[at..]).or_else(|| {
                // "…the address on order 1002 to 21 Nanjing West Road": after the last " to ".
                let to = lower.rfind(" to ")? + " to ".len();
                (to > at).then(|| candidate(&source[to..])).flatten()
            })
        })
        .or_else(|| {
            WEAK_INTRODUCERS.iter().find_map(|intro| {
                let at = lower.find(intro)? + intro.len();
                candidate(&source[at..]).filter(|a| names_a_street(a))
            })
        })
        .or_else(|| {
            lower
                .contains("address")
                .then(|| lower.rfind(" to "))
                .flatten()
                .and_then(|to| candidate(&source[to + " to ".len()..]))
        })
        .or_else(|| {
            // "can you send it to my office instead, 200 Nanjing West Rd, Shanghai": the
            // place named, then the address after "instead".
            let at = ["instead, ", "instead: ", "instead - "]
                .iter()
                .find_map(|w| lower.find(w).map(|i| i + w.len()))?;
            candidate(&source[at..]).filter(|a| names_a_street(a))
        })
        .or_else(|| standing_alone(source))
        .or_else(|| chinese_standing_alone(text))
}

/// `text`, sent when the new address was asked for, without the words it opens with ("new
/// one is 88 Huaihai Middle Road, Apt 1203", "新地址是…"): the address as the parcel shows it.
pub fn without_introduction(text: &str) -> &str {
    let text = text.trim();
    let lower = text.to_lowercase();
    let opening = INTRODUCERS
        .iter()
        .chain(WEAK_INTRODUCERS)
        .chain(&[
            "the new address is",
            "the new one is",
            "address:",
            "地址：",
            "地址:",
        ])
        .filter(|i| lower.starts_with(&i.to_lowercase()))
        .map(|i| i.len())
        .max();
    match opening {
        // Lower-casing kept every byte where it was (the opening is ASCII or Chinese).
        Some(len) if lower.len() == text.len() && text.is_char_boundary(len) => {
            text[len..].trim_start_matches(|c: char| c.is_whitespace() || ":：,，".contains(c))
        }
        _ => text,
    }
}

/// Whether `text`, sent when the new address was asked for, could be one: it has a number
/// (a house, a flat, a postcode) or names a street or a place the way addresses do.
/// "alright then just cancel it, I'll reorder later" cannot.
pub fn could_be_one(text: &str) -> bool {
    const PLACES: &[&str] = &[
        " apt",
        " flat",
        " unit",
        " suite",
        " floor",
        " house",
        " cottage",
        " building",
        " p.o.",
        " po box",
        "市",
        "省",
        "区",
        "县",
        "镇",
        "村",
        "楼",
        "室",
        "弄",
        "栋",
        "单元",
    ];
    let lower = format!(" {}", text.to_lowercase());
    text.chars().any(|c| c.is_ascii_digit() || c.is_numeric())
        || names_a_street(text)
        || PLACES.iter().any(|p| lower.contains(p))
}

/// Whether `text` asks which address the order goes to ("and the address on it, that's the
/// Shanghai one right?", "订单地址是哪个"), not to change it.
pub fn asks_which_one(text: &str) -> bool {
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let english = lower.contains("address")
        && (lower.contains('?') || has(&["confirm", "check", "remind"]))
        && has(&[
            "what address",
            "which address",
            "what's the address",
            "what is the address",
            "address on it",
            "address on file",
            "address on the order",
            "address on my order",
            "address it's going",
            "address is it going",
            "address you have",
            "right?",
            "correct?",
        ])
        && !has(&[
            "change",
            "new address",
            "update",
            "wrong",
            "typo",
            "moved",
            "instead",
            "should be",
            "send it to",
            "not ",
        ]);
    let chinese = (has(&["寄到哪", "送到哪", "发到哪"])
        || (lower.contains("地址") && has(&["哪", "是不是", "对吗", "对不对", "什么"])))
        && !has(&["改", "换", "新地址", "错", "搬", "更新"]);
    english || chinese
}

/// A Chinese address written on its own after the request ("Can I 改地址 for 1002? 公司地址
/// is better: 上海市浦东新区世纪大道100号 15楼"): from a city or province (…市, …省) on, naming a
/// road or street and a number, up to the end of its sentence.
fn chinese_standing_alone(text: &str) -> Option<String> {
    let city = text.find(['市', '省']).or_else(|| text.find('区'))?;
    let start = text[..city]
        .rfind(|c: char| c.is_whitespace() || ":：,，。？?!！".contains(c))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let rest = &text[start..];
    let end = rest
        .find(|c: char| "，。？?!！".contains(c) || c == '@')
        .unwrap_or(rest.len());
    let address = rest[..end].trim();
    let road = address.contains(['路', '街', '道']);
    let number = address.contains('号') && address.chars().any(|c| c.is_ascii_digit());
    (road && number && address.chars().count() >= 8).then(|| address.to_string())
}

/// An address written as a sentence of its own, after the request ("can you send 1001 to
/// my office instead? 55 Market St, 4th floor, San Francisco"): a sentence that starts with
/// a house number and a Latin word and names a street in English. ("1004 物流说20号就送到了"
/// is an order number and a date.)
fn standing_alone(text: &str) -> Option<String> {
    // The street's kind two to four words in ("55 Market St", "9 Old Mill Lane"), after its
    // name.
    let latin_street = |a: &str| {
        let lower = a.to_lowercase();
        let words: Vec<&str> = lower
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation()))
            .collect();
        words
            .iter()
            .take(5)
            .skip(2)
            .any(|w| STREETS.iter().any(|s| s.starts_with(' ') && s.trim() == *w))
    };
    // A dash or a colon sets it apart too ("needs to go to my new flat instead - 88 Huaihai
    // Road, apt 1203, Shanghai").
    text.split(['?', '!', '？', '！', '\n', '。'])
        .flat_map(|s| {
            s.split(" - ")
                .flat_map(|s| s.split(" – "))
                .flat_map(|s| s.split(": "))
        })
        .map(str::trim)
        .filter(|s| {
            let s = after_the_room(s);
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() < s.len()
                && rest.starts_with(' ')
                && rest
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_alphabetic())
        })
        .filter_map(candidate)
        .find(|a| latin_street(after_the_room(a)))
}

/// `segment` after a room or flat written before the house ("Room 502, 17 Nanjing West
/// Road" is "17 Nanjing West Road"), or all of it.
fn after_the_room(segment: &str) -> &str {
    let lower = segment.to_lowercase();
    let room = [
        "room ",
        "flat ",
        "apt ",
        "apt. ",
        "apartment ",
        "unit ",
        "suite ",
    ]
    .iter()
    .find(|r| lower.starts_with(**r));
    match (room, segment.find(',')) {
        (Some(r), Some(comma))
            if segment[r.len()..comma]
                .trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric()) =>
        {
            segment[comma + 1..].trim_start()
        }
        _ => segment,
    }
}

/// Whether `address` names a street ("Huaihai Middle Road", "南京西路"), not only a number.
fn names_a_street(address: &str) -> bool {
    has_a_street_word(&format!(" {}", address.to_lowercase()))
}

/// Whether `lower` (lower case, a space in front) holds one of [`STREETS`], an English one as
/// a whole word: " st" is not found in "still", nor " place" in "placed".
fn has_a_street_word(lower: &str) -> bool {
    STREETS.iter().any(|s| {
        if !s.starts_with(' ') {
            return lower.contains(s);
        }
        lower.match_indices(s).any(|(at, _)| {
            !lower[at + s.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic())
        })
    })
}

/// `rest` up to where the address ends, if it looks like one.
fn candidate(rest: &str) -> Option<String> {
    let lower = rest.to_lowercase();
    let mut end = rest.len();
    for e in ENDS {
        if let Some(i) = lower.find(e) {
            end = end.min(i);
        }
    }
    // An email written after it, without words between.
    if let Some(i) = rest.find('@') {
        let start = rest[..i]
            .rfind(|c: char| c.is_whitespace() || c == ',' || c == '，')
            .map_or(0, |s| s + 1);
        end = end.min(start);
    }
    let address = rest[..end]
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || "，。：；".contains(c))
        .trim();
    // "12月2号" is a day, its "号" no house number.
    let lower = format!(" {}", without_month_days(&address.to_lowercase()));
    let looks_like_one = address.chars().count() >= 8
        && address
            .chars()
            .any(|c| c.is_ascii_digit() || STREETS.contains(&c.to_string().as_str()))
        && !lower.contains("order")
        // The request itself, not the address ("change the delivery address on 1001, I'll
        // be at my parents' place till xmas").
        && !lower.contains("address")
        && !lower.contains("订单")
        // "单号1001" is an order's number, its "号" no house number.
        && !lower.contains("单号")
        && (address.starts_with(|c: char| c.is_ascii_digit())
            || has_a_street_word(&lower));
    looks_like_one.then(|| address.to_string())
}

/// `text` without the days of a month written in Chinese ("12月2号", "11月26日").
fn without_month_days(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('月') {
        let (before, after) = rest.split_at(at);
        let month = before.ends_with(|c: char| c.is_ascii_digit());
        let day_len = after['月'.len_utf8()..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len() - '月'.len_utf8());
        let tail = &after['月'.len_utf8() + day_len..];
        if month && day_len > 0 && (tail.starts_with('号') || tail.starts_with('日')) {
            out.push_str(before);
            rest = &tail['号'.len_utf8()..];
        } else {
            out.push_str(before);
            out.push('月');
            rest = &after['月'.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{asks_which_one, could_be_one, new_address};

    #[test]
    fn a_street_word_is_a_whole_word() {
        // " st" of "still", with a number after: no address.
        assert_eq!(
            new_address("it's been a week past the delivery date and still no box. 1001"),
            None
        );
        assert!(new_address("it's 55 Market St, Springfield").is_some());
        // A room written before the house.
        assert_eq!(
            new_address("alright. while it's still sitting there, could it go to my office instead? Room 502, 17 Nanjing West Road, Jing'an, Shanghai").as_deref(),
            Some("Room 502, 17 Nanjing West Road, Jing'an, Shanghai")
        );
    }

    #[test]
    fn which_address_the_order_goes_to_is_asked_not_changed() {
        for text in [
            "ok. and the address on it, that's the Shanghai one right?",
            "what address is it going to?",
            "can you confirm the address on my order",
            "订单地址是哪个",
            "1002寄到哪里啊",
        ] {
            assert!(asks_which_one(text), "{text}");
        }
        for text in [
            "can I change the address on it?",
            "the address is wrong, it should be 21 not 12",
            "I moved, what address is it going to?",
            "地址写错了 是哪个能改吗",
            "我想改一下地址",
            "new address is 8 Elm Road, right?",
        ] {
            assert!(!asks_which_one(text), "{text}");
        }
    }

    #[test]
    fn the_words_an_answer_opens_with_are_no_part_of_the_address() {
        for (text, want) in [
            (
                "new one is 88 Huaihai Middle Road, Apt 1203, Shanghai 200031",
                "88 Huaihai Middle Road, Apt 1203, Shanghai 200031",
            ),
            (
                "新地址是上海市静安区南京西路1266号",
                "上海市静安区南京西路1266号",
            ),
            ("It's 8 Mill Road, Leeds", "8 Mill Road, Leeds"),
            ("8 Mill Road, Leeds", "8 Mill Road, Leeds"),
            (
                "上海市浦东新区世纪大道100号，15楼",
                "上海市浦东新区世纪大道100号，15楼",
            ),
        ] {
            assert_eq!(super::without_introduction(text), want, "{text}");
        }
    }

    #[test]
    fn an_answer_without_a_number_a_street_or_a_place_is_no_address() {
        for text in [
            "88 Huaihai Road, Shanghai",
            "Rose Cottage, Church Lane, Dorset",
            "The Old Mill, Leeds LS1 4AP",
            "上海市徐汇区漕溪北路",
            "Flat B, Keats House, London",
        ] {
            assert!(could_be_one(text), "{text}");
        }
        for text in [
            "alright then just cancel it, I'll reorder later",
            "never mind, where is it now?",
            "算了 帮我取消吧",
            "can I talk to a person",
        ] {
            assert!(!could_be_one(text), "{text}");
        }
    }

    #[test]
    fn the_new_address_is_found_in_the_request_and_cut_from_what_follows() {
        for (text, want) in [
            (
                "please change the address on order 4410 to 5 Harbour Lane, Leeds",
                "5 Harbour Lane, Leeds",
            ),
            (
                "Can I 改地址 for 1002? 公司地址 is better: 上海市浦东新区世纪大道100号 15楼",
                "上海市浦东新区世纪大道100号 15楼",
            ),
            (
                "I moved last week!! order 1002 needs to go to my new flat instead - 88 Huaihai Road, apt 1203, Shanghai",
                "88 Huaihai Road, apt 1203, Shanghai",
            ),
            (
                "ok and can you send it to my office instead, 200 Nanjing West Rd, Shanghai",
                "200 Nanjing West Rd, Shanghai",
            ),
            (
                "can order #4410 go to 17 Mill Road, Cambridge instead? email a@b.com",
                "17 Mill Road, Cambridge",
            ),
            (
                "wrong house number on 4410, it should be 12 Elm St not 21 Elm St",
                "12 Elm St",
            ),
            (
                "New address is 9 Station Avenue, York. Email me at a@b.com",
                "9 Station Avenue, York",
            ),
            (
                "Moving flats next week, can the water bottle go to my new place instead? 88 Wulumuqi Middle Rd, Apt 5, Shanghai. Order 1002 under li.wei@example.com",
                "88 Wulumuqi Middle Rd, Apt 5, Shanghai",
            ),
            (
                "4410号订单改寄到成都市武侯区人民南路三段5号，谢谢",
                "成都市武侯区人民南路三段5号",
            ),
            (
                "订单4410的新地址是广州市天河区体育西路10号, a@b.com",
                "广州市天河区体育西路10号",
            ),
            (
                "订单4410 地址写错了 应该是上海市静安区南京西路1266号 不是1226号",
                "上海市静安区南京西路1266号",
            ),
            (
                "I moved, can order 4410 go to the new place instead? It's 8 Mill Road, Leeds",
                "8 Mill Road, Leeds",
            ),
            (
                "地址填错了 订单4410，正确的是静安区南京西路1266号2201室",
                "静安区南京西路1266号2201室",
            ),
            (
                "typo on 4410, the correct address is 14 Bank Street, Leeds",
                "14 Bank Street, Leeds",
            ),
            (
                "new one is 200 Nanjing West Road, Shanghai",
                "200 Nanjing West Road, Shanghai",
            ),
            (
                "我搬家了，4410 搬到杭州市西湖区文三路200号，谢谢",
                "杭州市西湖区文三路200号",
            ),
            (
                "can you send 1001 to my office instead? 55 Market St, 4th floor, San Francisco",
                "55 Market St, 4th floor, San Francisco",
            ),
        ] {
            assert_eq!(new_address(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_request_without_the_address_has_none() {
        for text in [
            // An order's number written after "单号" is no house number.
            "My package 还没到, it's late by almost a week now. 单号1001",
            // A day of the month is no house number.
            "UPS说11/26送到 but 今天都12月2号了还没到 #1001",
            "说好11月26日送到的，现在都12月了",
            "I need to change the address of order 4410",
            "can I change my delivery address?",
            "我想改一下订单4410的地址",
            "send it to my office please",
            "where is order 4410",
            "it's order 4410, has it shipped?",
            "its been a week, where is 4410",
            "oh sorry its #1001 and jane@example.com",
            "it's 1001, can you check it",
            "where is 1001? 3 days late now",
            "need 2 hoodies! 1 grey 1 navy",
            "1004 物流说20号就送到了 我家里一直有人 根本没人来过 sam@example.com",
            "1001说好26号到的，今天都12月2号了还没到",
            "1004 arrived today but the street number on the label is wrong",
        ] {
            assert_eq!(new_address(text), None, "{text}");
        }
    }
}
