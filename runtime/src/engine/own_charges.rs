//! When a charge the topic model hears as a fraud is the shopper's own: one they say is
//! theirs or ask which order it paid for, a shipping fee, a payment that failed and is tried
//! another way, or how and when paying works. Pure; used by [`super::topic_noise`].

use super::cues;
use super::language::mentions;

/// Whether `text` says a charge is the shopper's own ("yes it was me, I just bought the
/// t-shirt", "I recognise the charge", "其实就是我自己买的").
pub(super) fn owns_the_charge(text: &str) -> bool {
    says_the_charge_is_theirs(text)
        || mentions(
            text,
            &[
                "yes it was",
                "i recognise the",
                "i recognize the",
                "i did order",
                // "I used my dad's card with his permission, does the billing address have to
                // be his", "银行说这笔付款要确认，我已经确认了".
                "with his permission",
                "with her permission",
                "with their permission",
                "已经确认了",
                "i did buy",
                "my own card",
                "是我本人",
                "本人买的",
                "confirm the payment to you and i did",
                "我确认了",
                "确认是本人",
                "i just bought",
                "i just placed",
                "i just ordered",
                "and that's fine",
                "and thats fine",
                "自己买的",
                "没有信用卡",
                "don't have a credit card",
                "没事了",
                "which i did make",
                "i did make",
                "foreign transaction",
                "will your charge",
                "show up as",
                "is that normal",
                "with tax",
                "tax extra",
                "include tax",
                "includes tax",
                "tax included",
                "含税",
                "我刚下的",
                "预授权",
                "pre-authoris",
                "pre-authoriz",
                "是我买的",
                "that's my order",
                "thats my order",
                "that's for my",
                "that's my cap",
                "是我本人",
                // The shopper's own payment, asked after.
                "扣款失败",
                "扣了没有",
                "扣没扣",
                "扣了没",
                "付款失败",
                "支付失败",
                "是不是我的卡",
                "it's my order",
                "its my order",
                "did it go through",
                "went thru",
                "went through",
                "did the order go through",
                "did my order go through",
                "的钱对吧",
                "approve the payment",
                "approved the payment",
                "扣款成功",
                "付款成功",
                "what name",
                "显示什么名字",
                // The bank's own fee on a purchase the shopper made.
                "transaction fee",
                "conversion fee",
                "currency conversion",
                "not your fault",
                "手续费",
                "汇率",
                "exchange rate",
            ],
        )
}

/// Whether `text` asks when or how the shopper's payment is taken ("my card 什么时候 charge？
/// 下单完就扣吗", "is my card charged straight away or when it ships?", "do you charge in
/// dollars?"): how paying works, before any charge is disowned.
pub(super) fn asks_when_charged(text: &str) -> bool {
    let charge = mentions(
        text,
        &[
            "charge",
            "扣",
            "billed",
            "take the money",
            "take payment",
            "付款",
            "支付",
        ],
    );
    let when_or_how = mentions(
        text,
        &[
            "什么时候",
            "何时",
            "下单完",
            "下单就",
            "发货才",
            "发货后",
            "when do you",
            "when will",
            "when is my",
            "when exactly",
            "straight away",
            "right away",
            "at checkout",
            "when it ships",
            "when i order",
            "in dollars",
            "in my currency",
            "which currency",
            "what currency",
            "人民币还是",
            "美元还是",
            // Whether it has gone through yet ("付款页面一直在转圈，不知道我的钱扣了没有").
            "扣了没有",
            "扣没扣",
            "有没有扣",
            "扣了吗",
            "was i charged or not",
            "whether i was charged",
            "if i was charged",
            "did it charge me",
        ],
    );
    charge && when_or_how
}

/// Whether `text` asks how a charge still to come will read on a statement ("will the 138
/// charge show under the company name on the card statement?", "付款后账单上会显示什么名字"),
/// with no charge already there questioned ("just saw a 138 charge from you … what name do
/// your charges show up under?").
pub(super) fn asks_how_a_charge_will_read(text: &str) -> bool {
    let lower = text.to_lowercase();
    mentions(&lower, &["charge", "扣款", "付款", "账单"])
        && mentions(
            &lower,
            &[
                "will the",
                "will it show",
                "will it appear",
                "what name will",
                "会显示什么",
                "会显示成",
            ],
        )
        && mentions(
            &lower,
            &[
                "show under",
                "show up under",
                "show up as",
                "show as",
                "appear under",
                "appear as",
                "will it show",
                "will it appear",
                "what name will",
                "会显示",
            ],
        )
        && !mentions(
            &lower,
            &[
                "just saw",
                "there's a",
                "there is a",
                "is that you",
                "is this you",
                "not sure what",
                "don't recognise",
                "don't recognize",
                "多了一笔",
                "不认识",
            ],
        )
}

/// Whether `text` says in so many words that a charge is the shopper's, or asks which of
/// their orders it paid for ("it was me", "is that for order 1002? 我记得是那个水杯"): theirs
/// however sure the topic model is of a fraud.
pub(super) fn says_the_charge_is_theirs(text: &str) -> bool {
    (mentions(text, super::owning_words::THEIR_OWN_DOING)
        && !mentions(text, &["不是我本人", "不是本人"]))
        || mentions(
            text,
            &[
                "is that for order",
                "is that for my",
                "is this for order",
                "is this for my",
                "is it for order",
                "is it for my",
                "我记得是",
                // "这笔扣款我认得 就是想要张发票".
                "扣款我认得",
                "我认得这笔",
                "i recognise it",
                "i recognize it",
            ],
        )
        // "我信用卡上有一笔34块的扣款 是你们家水杯的对吧": the goods it paid for, checked.
        || (mentions(text, &["的对吧", "的吧？", "的吧?"])
            && mentions(text, &["你们家", "你们的", "你们店"])
            && !mentions(
                text,
                &[
                    "不是我", "没买", "没下", "不认识", "不认得", "根本没", "没在", "没网购", "可我",
                    "但是", "但我",
                ],
            ))
        // "是我买帽子的那笔": the purchase named as theirs; "不是我买的" disowns it.
        || (mentions(text, &["是我买", "我买的那笔"]) && !mentions(text, &["不是我买"]))
}

/// Whether the charge `text` asks about is for shipping ("got charged $5 for shipping, is
/// that because my order was under 50?", "为什么扣了我5块运费").
pub(super) fn charge_for_shipping(text: &str) -> bool {
    mentions(
        text,
        &["shipping", "postage", "delivery fee", "运费", "邮费"],
    )
}

/// Whether `text` asks to pay another way after a payment failed ("card被decline了，还有别的
/// payment方式吗", "my 支付宝 payment failed, can I pay with card").
pub(super) fn pays_another_way(text: &str) -> bool {
    let failed = mentions(
        text,
        &[
            "declin",
            "failed",
            "fail",
            "didn't go through",
            "didnt go through",
            "被拒",
            "失败",
            "付不了",
        ],
    );
    let another = cues::names_a_payment_method(text)
        || mentions(
            text,
            &[
                "another way",
                "other way",
                "別的",
                "别的",
                "another card",
                "other card",
                "different card",
                "另一张卡",
                "换张卡",
                "换一张卡",
                "pay with",
            ],
        );
    // "cancel my card payment and pay with apple pay instead", "I don't have credit card":
    // another way chosen without a failure.
    let instead = mentions(
        text,
        &[
            "instead",
            "don't have a credit card",
            "dont have a credit card",
            "don't have credit card",
            "dont have credit card",
            "no credit card",
            "没有信用卡",
            "换成",
            "改用",
        ],
    ) && cues::names_a_payment_method(text);
    (failed && another) || instead
}

/// Whether `text` asks to pay with a gift card, voucher or coupon ("I have a gift card from my
/// aunt, can I use it here?", "优惠券能用吗"): a way to pay, asked.
pub(super) fn pays_with_a_voucher(text: &str) -> bool {
    mentions(
        text,
        &[
            "gift card",
            "giftcard",
            "voucher",
            "coupon",
            "promo code",
            "discount code",
            "礼品卡",
            "购物卡",
            "优惠券",
            "代金券",
            "优惠码",
        ],
    ) && (cues::is_a_question(text) || mentions(text, &["can i use", "能用", "可以用"]))
}

/// Whether `text` only names the email an order was placed with ("Order no. 1003, and it was
/// bought with carlos@example.com", "下单用的邮箱是 li.wei@example.com"): the shopper's own
/// details supplied, with no charge spoken of.
pub(super) fn names_the_email_it_was_bought_with(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains('@')
        && mentions(
            &lower,
            &[
                "bought with",
                "bought it with",
                "bought using",
                "ordered with",
                "ordered it with",
                "ordered using",
                "placed with",
                "placed it with",
                "placed using",
                "purchased with",
                "purchased it with",
                "under the email",
                "under email",
                "用的邮箱",
                "下单邮箱",
            ],
        )
        && !mentions(&lower, super::owning_words::CHARGES)
        && !mentions(
            &lower,
            &[
                "never",
                "not me",
                "didn't",
                "didnt",
                "even mine",
                "not my email",
                "my card",
                "recognis",
                "recogniz",
                "没买",
                "不是我",
            ],
        )
}
