//! What each intent is called in front of a shopper (clarifying questions) and an agent.

use super::replies::Lang;

/// How `intent` reads as a choice ("Track an order"), if it is one a shopper would pick.
pub fn label(intent: &str, lang: Lang) -> Option<&'static str> {
    let (en, zh) = match intent {
        "cancel_order" => ("Cancel an order", "取消订单"),
        "change_order" => ("Change an order", "修改订单"),
        "change_shipping_address" => ("Change the delivery address", "修改收货地址"),
        "check_cancellation_fee" => ("Cancellation fees", "取消订单的费用"),
        "check_invoice" => ("Find an invoice", "查看发票"),
        "check_payment_methods" => ("Payment methods", "支付方式"),
        "check_refund_policy" => ("Refund policy", "退款政策"),
        "complaint" => ("Make a complaint", "投诉"),
        "contact_customer_service" => ("Contact customer service", "联系客服"),
        "contact_human_agent" => ("Talk to a human", "转人工"),
        "create_account" => ("Create an account", "注册账号"),
        "delete_account" => ("Delete my account", "注销账号"),
        "delivery_options" => ("Delivery options", "配送方式"),
        "delivery_period" => ("Delivery times", "配送时效"),
        "edit_account" => ("Edit my account", "修改账号信息"),
        "get_invoice" => ("Get an invoice", "开具发票"),
        "get_refund" => ("Get a refund", "申请退款"),
        "newsletter_subscription" => ("Newsletter", "订阅邮件"),
        "payment_issue" => ("A problem with a payment", "支付问题"),
        "place_order" => ("Place an order", "下单"),
        "recover_password" => ("Reset my password", "找回密码"),
        "registration_problems" => ("Trouble signing up", "注册问题"),
        "review" => ("Leave a review", "评价"),
        "set_up_shipping_address" => ("Add a delivery address", "设置收货地址"),
        "switch_account" => ("Switch accounts", "切换账号"),
        "track_order" => ("Track an order", "查询订单"),
        "track_refund" => ("Check a refund", "查询退款进度"),
        "return_item" => ("Return an item", "退货"),
        "product_info" => ("Product details", "商品信息"),
        "product_availability" => ("Is it in stock?", "是否有货"),
        _ => return None,
    };
    Some(match lang {
        Lang::En => en,
        Lang::Zh => zh,
    })
}

/// The intent whose label is `text` (a clarifying question's answer), among `offered`.
pub fn intent_for_label<'a>(text: &str, offered: &'a [String]) -> Option<&'a str> {
    let text = text.trim();
    offered.iter().map(String::as_str).find(|intent| {
        [Lang::En, Lang::Zh]
            .into_iter()
            .any(|lang| label(intent, lang).is_some_and(|l| l.eq_ignore_ascii_case(text)))
    })
}
