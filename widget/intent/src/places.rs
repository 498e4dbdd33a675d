//! Where a message says something goes: the countries it names, in English and Chinese, and
//! the country of a well-known city it names ("shipping to China 要多久啊? 我在杭州", "how
//! long to shanghai"). A shop's FAQ lists the countries it ships to in one language; the
//! shopper names them, or only a city, in either.

/// (names a message may use, the country's names in English and Chinese). English names are
/// whole words, matched lower-cased; Chinese names are matched anywhere.
const PLACES: &[(&[&str], &str)] = &[
    (
        &[
            "china",
            "beijing",
            "shanghai",
            "guangzhou",
            "shenzhen",
            "hangzhou",
            "nanjing",
            "chengdu",
            "wuhan",
            "xian",
            "chongqing",
            "tianjin",
            "suzhou",
            "xiamen",
            "qingdao",
            "中国",
            "国内",
            "大陆",
            "北京",
            "上海",
            "广州",
            "深圳",
            "杭州",
            "南京",
            "成都",
            "武汉",
            "西安",
            "重庆",
            "天津",
            "苏州",
            "厦门",
            "青岛",
            "长沙",
            "郑州",
            "沈阳",
            "大连",
            "宁波",
            "昆明",
        ],
        "China 中国",
    ),
    (
        &[
            "japan", "tokyo", "osaka", "kyoto", "日本", "东京", "大阪", "京都",
        ],
        "Japan 日本",
    ),
    (
        &[
            "canada",
            "toronto",
            "vancouver",
            "montreal",
            "calgary",
            "ottawa",
            "加拿大",
            "多伦多",
            "温哥华",
            "蒙特利尔",
        ],
        "Canada 加拿大",
    ),
    (
        &[
            "uk",
            "england",
            "britain",
            "scotland",
            "wales",
            "london",
            "manchester",
            "birmingham",
            "edinburgh",
            "glasgow",
            "英国",
            "伦敦",
            "曼彻斯特",
        ],
        "UK 英国",
    ),
    (
        &[
            "australia",
            "sydney",
            "melbourne",
            "brisbane",
            "perth",
            "澳大利亚",
            "澳洲",
            "悉尼",
            "墨尔本",
        ],
        "Australia 澳大利亚",
    ),
    (
        &[
            "eu",
            "europe",
            "germany",
            "france",
            "spain",
            "italy",
            "netherlands",
            "ireland",
            "paris",
            "berlin",
            "madrid",
            "rome",
            "amsterdam",
            "munich",
            "dublin",
            "欧洲",
            "欧盟",
            "德国",
            "法国",
            "西班牙",
            "意大利",
            "荷兰",
            "爱尔兰",
            "巴黎",
            "柏林",
        ],
        "EU Europe 欧盟 欧洲",
    ),
];

/// Whether `text` speaks of sending something somewhere ("shipping to", "deliver", "寄",
/// "配送"): a place it names is then a destination, not the weather's or a flight's.
pub fn speaks_of_sending(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "ship",
        "deliver",
        "send",
        "post",
        "arrive",
        "courier",
        "parcel",
        "package",
        "customs",
        "duties",
        // "how long to get stuff to Melbourne"
        "how long to",
        "how long till",
        "how long until",
        "get stuff to",
        "get it to",
        "寄",
        "发货",
        // "发到澳洲大概要多久？"
        "发到",
        "发去",
        "发往",
        "配送",
        "送到",
        "送货",
        "快递",
        "运",
        "邮",
        "到货",
        "多久到",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The countries `text` names or names a city of, each in English and Chinese ("China
/// 中国"), in the order of [`PLACES`]; empty when it names none.
pub fn countries_named(text: &str) -> Vec<&'static str> {
    named_in(PLACES, text)
}

/// The second of each `(names, named)` of `table` whose names `text` uses, in the table's
/// order: an English name as a whole word (a name of several words anywhere), lower-cased;
/// a Chinese one anywhere. Shared by the places and the ways to pay a message names.
pub(crate) fn named_in(table: &[(&[&str], &'static str)], text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    table
        .iter()
        .filter(|(names, _)| {
            names.iter().any(|n| {
                if n.is_ascii() && !n.contains(' ') {
                    words.contains(n)
                } else {
                    lower.contains(n)
                }
            })
        })
        .map(|&(_, named)| named)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::countries_named;

    #[test]
    fn a_country_or_its_city_is_named_in_both_languages() {
        assert_eq!(
            countries_named("shipping to China 要多久啊? 我在杭州"),
            ["China 中国"]
        );
        assert_eq!(
            countries_named("how long does shipping to shanghai take"),
            ["China 中国"]
        );
        assert_eq!(countries_named("寄到东京要几天"), ["Japan 日本"]);
        assert!(super::speaks_of_sending(
            "how long to get stuff to Melbourne"
        ));
        assert_eq!(
            countries_named("do you ship to Berlin?"),
            ["EU Europe 欧盟 欧洲"]
        );
        // Words inside other words name nothing.
        assert!(countries_named("is the hoodie unisex? used it in the eur").is_empty());
        assert!(countries_named("where is my order 1001").is_empty());
    }

    #[test]
    fn a_place_is_a_destination_only_when_sending_is_spoken_of() {
        use super::speaks_of_sending;
        assert!(speaks_of_sending("shipping to China 要多久啊? 我在杭州"));
        assert!(speaks_of_sending("能寄到东京吗"));
        assert!(speaks_of_sending("发到澳洲大概要多久？"));
        assert_eq!(
            countries_named("发到澳洲大概要多久？"),
            ["Australia 澳大利亚"]
        );
        assert!(!speaks_of_sending("what is the weather tomorrow in paris"));
        assert!(!speaks_of_sending("帮我订一张去北京的机票"));
    }
}
