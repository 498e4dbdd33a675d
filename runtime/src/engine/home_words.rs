//! Why a parcel should go somewhere else than home, in the shopper's words: a move home,
//! nobody there to take it. Reasons for an address change, never an emergency
//! (`decide.rs`). Lower-case substring checks in English and Chinese.

use super::language::mentions;

/// Whether `text` tells of the shopper moving home ("moving flats next week", "我下周搬家"):
/// a reason for an address change, not an emergency.
pub fn tells_of_a_move(text: &str) -> bool {
    mentions(
        text,
        &[
            "moving house",
            "moving home",
            "moving apartment",
            "moving out",
            "moving to a new",
            "moving to a different",
            "moving flats",
            "moving apartments",
            "i'm moving",
            "im moving",
            "we're moving",
            "we are moving",
            "i am moving",
            "i moved",
            "we moved",
            "just moved",
            "搬家",
            "要搬",
            "搬走",
        ],
    )
}

/// Whether `text` says nobody is home to take the parcel ("家里白天没人", "nobody's home during
/// the day", "I'm at work"): a reason to send it elsewhere, no urgency.
pub fn tells_nobody_is_home(text: &str) -> bool {
    mentions(
        text,
        &[
            "家里没人",
            "白天没人",
            "家里白天没人",
            "没人在家",
            "不在家",
            "没人收",
            "nobody home",
            "nobody's home",
            "nobody is home",
            "no one home",
            "no one's home",
            "no one is home",
            "not home during",
            "at work all day",
            "i'm at work",
            "im at work",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_home_is_told_and_a_parcel_moving_is_not() {
        for text in [
            "need to change the delivery address on 1002, moving flats next week",
            "我下周搬家，1002的地址要改",
            "we're moving on saturday",
        ] {
            assert!(tells_of_a_move(text), "{text}");
        }
        for text in [
            "tracking hasn't moved in a week",
            "is it moving at all",
            "包裹一直没动",
        ] {
            assert!(!tells_of_a_move(text), "{text}");
        }
    }

    #[test]
    fn nobody_home_is_a_reason_to_send_it_elsewhere() {
        for text in [
            "订单1001能不能改寄到我公司？家里白天没人",
            "can it go to my office, nobody's home during the day",
        ] {
            assert!(tells_nobody_is_home(text), "{text}");
        }
        assert!(!tells_nobody_is_home("is anyone there?"));
    }
}
