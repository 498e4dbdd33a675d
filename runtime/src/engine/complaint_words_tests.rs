//! Unit tests of the complaints heard with no claim on the goods (`complaint_words.rs`).

use super::*;

#[test]
fn broken_in_first_use_or_a_seam_open_after_one_wear_is_a_quality_problem() {
    assert!(describes_a_quality_problem(
        "the zip came off the first time I used it, order 1004"
    ));
    assert!(describes_a_quality_problem("第一次穿就开线了"));
    assert!(describes_a_quality_problem("卫衣袖子开线了，才穿一次"));
}

#[test]
fn a_complaint_with_no_claim_tells_of_nothing_damaged() {
    assert!(complains_without_a_claim(
        "I want to complain about the packaging, so much plastic. Nothing wrong with the cap itself"
    ));
    assert!(!complains_without_a_claim(
        "I want to complain, the cap arrived with the brim cracked"
    ));
}
