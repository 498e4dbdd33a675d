//! Whether a shopper names a destination abroad ("do you ship to Japan?", "寄到加拿大要多久",
//! "那寄到上海要几天"): a question about the shop's international delivery, not about an order
//! named before. Pure word reading, like [`super::delivery_words`]'.

use super::language::{mentions, says_word};

/// Whether `text` names a destination abroad or asks about shipping abroad ("do you ship
/// to Japan?", "寄到加拿大要多久"): a question about the shop's international delivery, not
/// about an order the shopper named before. Words, so "uk" and "eu" are not found inside
/// others.
pub fn names_a_destination(text: &str) -> bool {
    let places = [
        "abroad",
        "overseas",
        "international",
        "internationally",
        "canada",
        "uk",
        "england",
        "britain",
        "scotland",
        "ireland",
        "europe",
        "eu",
        "germany",
        "france",
        "spain",
        "italy",
        "netherlands",
        "japan",
        "australia",
        "china",
        "mexico",
        "brazil",
        "india",
        "korea",
        "singapore",
        "zealand",
        "taiwan",
    ];
    says_word(text, &places)
        || mentions(
            text,
            &[
                "hong kong",
                "国外",
                "海外",
                "国际",
                "境外",
                "加拿大",
                "英国",
                "欧洲",
                "德国",
                "法国",
                "日本",
                "澳大利亚",
                "澳洲",
                "美国",
                "韩国",
                "新加坡",
                "香港",
                "台湾",
                // Places in China, where the shop ships internationally ("那寄到上海要几天").
                "中国",
                "上海",
                "北京",
                "广州",
                "深圳",
                "杭州",
                "成都",
                "shanghai",
                "beijing",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_destination_abroad_is_heard_in_whole_words() {
        for text in [
            "do you ship to Japan?",
            "and how long does it take to get to Canada",
            "寄到加拿大要多久",
            "can you send it to the UK",
            "do you ship internationally",
            "那寄到上海要几天",
        ] {
            assert!(names_a_destination(text), "{text}");
        }
        for text in [
            "when will my order ship",
            "how long does delivery take",
            "can I use my euro card",
            "快递多久到",
        ] {
            assert!(!names_a_destination(text), "{text}");
        }
    }
}
