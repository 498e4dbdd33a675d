//! Unit tests of how much money a message asks back (`refund_sums.rs`).

use super::*;

#[test]
fn a_sum_asked_back_is_read_with_or_without_its_currency() {
    for (text, order, want) in [
        (
            "1001 is late and honestly i dont want it anymore, just refund the 98",
            Some("1001"),
            9800,
        ),
        (
            "never got order 1004 and I want my 138 back",
            Some("1004"),
            13800,
        ),
        (
            "1001这单都超时一个星期了，不要了，98块给我退了",
            Some("1001"),
            9800,
        ),
        (
            "1004没收到货还显示签收，138块钱全部退给我",
            Some("1004"),
            13800,
        ),
        ("can you refund me $22.50 for the cap", None, 2250),
        ("退我98就行", None, 9800),
        ("just want the 69.00 back for the hoodie", None, 6900),
    ] {
        assert_eq!(asked_sum(text, order), Some(want), "{text}");
    }
    for (text, order) in [
        ("refund my order 1004 please", Some("1004")),
        ("refund the 1004 order", Some("1004")),
        ("I want a refund, it came 3 days late", None),
        ("refund the 2nd hoodie", None),
        ("can I get a refund within 30 days?", None),
        ("I want my money back", None),
    ] {
        assert_eq!(asked_sum(text, order), None, "{text}");
    }
}

#[test]
fn how_much_is_wanted_back_is_a_sum_or_the_whole() {
    assert!(names_how_much_back(
        "Both hoodies from 1004 pilled after a single wash. I want the full 138 back, not an exchange."
    ));
    assert!(names_how_much_back("全额退，138，别跟我说换货"));
    assert!(!names_how_much_back("I want all 3 back in stock"));
}
