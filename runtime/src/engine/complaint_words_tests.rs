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
    for text in [
        "Three layers of plastic for one cap. For a brand that keeps saying 'organic' that's a bit rich, no?",
        "回复慢，发货也慢，整体体验真的很一般",
        "我也不要什么补偿，就是想反映一下",
        "The t-shirt itself is fine but three layers of plastic for one shirt? Come on. Just letting someone know, it's a bit much for an 'organic' brand.",
        "Your packaging is absurd. One cap came in a box big enough for a microwave, stuffed with plastic air pillows. Do you care about the planet at all?",
    ] {
        assert!(complains_without_a_claim(text), "{text}");
    }
    for text in [
        "is the cap packaging plastic-free?",
        "我想反映一下，收到的帽子帽檐压坏了",
    ] {
        assert!(!complains_without_a_claim(text), "{text}");
    }
}
