//! How a message names a way to pay: by the short names shoppers use ("amex", "mc", "微信")
//! for what a shop's FAQ spells out ("American Express", "Mastercard", "WeChat Pay"), so the
//! entry whose answer lists the method answers "do you take Amex?".

/// (short names a message may use, the method as answers spell it out in English and
/// Chinese). English short names are whole words, matched lower-cased; Chinese ones are
/// matched anywhere.
const METHODS: &[(&[&str], &str)] = &[
    (&["amex", "美国运通", "运通"], "american express"),
    (&["mc", "master card", "万事达"], "mastercard"),
    (&["applepay", "苹果支付"], "apple pay"),
    (&["googlepay", "gpay", "谷歌支付"], "google pay"),
    (&["zhifubao", "zfb"], "alipay 支付宝"),
    (&["wechatpay", "微信", "weixin"], "wechat pay 微信支付"),
    (&["贝宝"], "paypal"),
];

/// The ways to pay `text` names by a short name, spelled out as answers spell them.
pub fn methods_named(text: &str) -> Vec<&'static str> {
    crate::places::named_in(METHODS, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_of_ways_to_pay_are_spelled_out() {
        assert_eq!(methods_named("do you take Amex?"), ["american express"]);
        assert_eq!(methods_named("可以用美国运通卡吗"), ["american express"]);
        assert!(methods_named("I'll come back for the mcdonalds gift card").is_empty());
        assert!(methods_named("do you take visa").is_empty());
    }
}
