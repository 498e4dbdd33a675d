//! Unit tests of reading pinyin (`pinyin.rs`), on the built-in lexicon.

use super::*;

#[test]
fn pinyin_requests_are_read_as_chinese() {
    assert_eq!(read("wo xiang tui kuan").as_deref(), Some("我想退款"));
    assert_eq!(
        read("wo xiang tui kuan, order 1003, carlos@example.com").as_deref(),
        Some("我想退款, order 1003, carlos@example.com")
    );
    assert_eq!(
        read("ke yi yong zhi fu bao ma").as_deref(),
        Some("可以用支付宝吗")
    );
    assert_eq!(
        read("dingdan 1002 fahuo le ma").as_deref(),
        Some("订单 1002 发货了吗")
    );
    assert_eq!(read("tuikuan 1003").as_deref(), Some("退款 1003"));
}

#[test]
fn the_shops_goods_are_read_from_its_vocabulary() {
    // Words kefu's sentences use seldom, known from widget/model/pinyin_vocabulary.txt.
    for (typed, chinese) in [
        ("maozi hai you huo ma", "帽子"),
        ("shui bei shen me shi hou bu huo", "水杯"),
        ("la lian huai le", "拉链"),
        ("xi le yi ci jiu suo shui le", "缩水"),
    ] {
        let read = read(typed).expect("pinyin");
        assert!(read.contains(chinese), "{typed} → {read}");
    }
}

#[test]
fn words_in_capitals_and_english_stay_as_typed() {
    assert_eq!(read("ni shi AI ma").as_deref(), Some("你是 AI 吗"));
    let mixed = read("hi wo de order 1003 dao na le?").expect("pinyin");
    assert!(mixed.starts_with("hi 我的 order 1003 "), "{mixed}");
    assert!(mixed.ends_with('?'), "{mixed}");
}

#[test]
fn english_is_not_read_as_pinyin() {
    for text in [
        "can you ship to china",
        "do you ship to hong kong?",
        "he wants a long sleeve one",
        "where is my order",
        "is the tee run big or small",
        "I need it by monday, can you make it faster?",
        "my card was declined, can I use paypal",
        "the hoodie is huge on me",
        "order 1003 carlos@example.com",
        "你好 我的订单呢",
    ] {
        assert_eq!(read(text), None, "{text}");
    }
}

#[test]
fn syllables_split_with_the_fewest_pieces() {
    let l = builtin();
    assert_eq!(l.syllables_of("zhifubao"), Some(vec!["zhi", "fu", "bao"]));
    assert_eq!(l.syllables_of("xian"), Some(vec!["xian"]));
    assert_eq!(l.syllables_of("order"), None);
    assert_eq!(l.syllables_of("Wo"), None, "lower case only");
}
