//! The panel's own words, in English and Chinese. A language is data, not code: add a
//! column here.

pub use kefu_protocol::Lang;

/// A piece of panel text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Close,
    Placeholder,
    Send,
    Connecting,
    Online,
    Offline,
    Queued,
    WaitingForHuman,
    WithHuman,
    Order,
    Status,
    Carrier,
    Tracking,
    Eta,
    Messages,
    FromFaq,
    TypingSuggestions,
    OfflineAnswering,
    Agent,
    Resolved,
    ContactTitle,
    Email,
    MessageOptional,
    ReplyBy,
    CsatQuestion,
    Product,
    Price,
    Stock,
    InStock,
    SoldOut,
    Refund,
    CancelOrder,
    NewAddress,
    Welcome,
    Suggestions,
    DeleteConversation,
    DeleteQuestion,
    DeleteConfirm,
    DeleteKeep,
    DeleteFailed,
}

/// `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    use Lang::{En, Zh};
    match (text, lang) {
        (Text::Product, En) => "Product",
        (Text::Product, Zh) => "商品",
        (Text::Price, En) => "Price",
        (Text::Price, Zh) => "价格",
        (Text::Stock, En) => "Stock",
        (Text::Stock, Zh) => "库存",
        (Text::InStock, En) => "In stock:",
        (Text::InStock, Zh) => "有货：",
        (Text::SoldOut, En) => "Sold out",
        (Text::SoldOut, Zh) => "已售罄",
        (Text::Refund, En) => "Refund",
        (Text::Refund, Zh) => "退款金额",
        (Text::CancelOrder, En) => "Cancel order, refund",
        (Text::CancelOrder, Zh) => "取消订单，退款",
        (Text::NewAddress, En) => "New address",
        (Text::NewAddress, Zh) => "新地址",
        (Text::Title, En) => "Customer service",
        (Text::Title, Zh) => "在线客服",
        (Text::Close, En) => "Close chat",
        (Text::Close, Zh) => "关闭聊天",
        (Text::Placeholder, En) => "Type your message…",
        (Text::Placeholder, Zh) => "请输入您的问题…",
        (Text::Send, En) => "Send",
        (Text::Send, Zh) => "发送",
        (Text::Connecting, En) => "Connecting…",
        (Text::Connecting, Zh) => "连接中…",
        (Text::Online, En) => "Automated assistant · a person is one message away",
        (Text::Online, Zh) => "智能助手（机器人）· 随时可转人工",
        (Text::Offline, En) => "Offline: your messages will be sent when you're back online",
        (Text::Offline, Zh) => "网络已断开：恢复后会自动发送您的消息",
        (Text::Queued, En) => "Not sent yet",
        (Text::Queued, Zh) => "等待发送",
        (Text::WaitingForHuman, En) => "Waiting for a human agent",
        (Text::WaitingForHuman, Zh) => "正在为您转接人工客服",
        (Text::WithHuman, En) => "You're chatting with a human agent",
        (Text::WithHuman, Zh) => "人工客服为您服务中",
        (Text::Order, En) => "Order",
        (Text::Order, Zh) => "订单",
        (Text::Status, En) => "Status",
        (Text::Status, Zh) => "状态",
        (Text::Carrier, En) => "Carrier",
        (Text::Carrier, Zh) => "承运商",
        (Text::Tracking, En) => "Tracking",
        (Text::Tracking, Zh) => "运单号",
        (Text::Eta, En) => "Expected",
        (Text::Eta, Zh) => "预计送达",
        (Text::Messages, En) => "Conversation",
        (Text::Messages, Zh) => "对话记录",
        (Text::FromFaq, En) => "From the shop's FAQ",
        (Text::FromFaq, Zh) => "来自店铺常见问题",
        (Text::TypingSuggestions, En) => "Suggestions",
        (Text::TypingSuggestions, Zh) => "您可能想",
        (Text::OfflineAnswering, En) => {
            "Offline: the shop's FAQ still answers here; other messages are sent when you're back online"
        }
        (Text::OfflineAnswering, Zh) => {
            "网络已断开：常见问题仍可在此解答，其他消息将在恢复连接后自动发送"
        }
        (Text::Agent, En) => "Agent",
        (Text::Agent, Zh) => "客服",
        (Text::Resolved, En) => "Conversation resolved · write again any time",
        (Text::Resolved, Zh) => "对话已结束 · 随时可以再次留言",
        (Text::ContactTitle, En) => "Leave your email and we'll get back to you",
        (Text::ContactTitle, Zh) => "留下邮箱，我们会联系您",
        (Text::Email, En) => "Email",
        (Text::Email, Zh) => "邮箱",
        (Text::MessageOptional, En) => "Message (optional)",
        (Text::MessageOptional, Zh) => "留言（选填）",
        (Text::ReplyBy, En) => "We'll reply by email",
        (Text::ReplyBy, Zh) => "我们会通过邮件回复，时间：",
        (Text::CsatQuestion, En) => "How did we do?",
        (Text::CsatQuestion, Zh) => "您对本次服务满意吗？",
        (Text::Welcome, En) => "Welcome",
        (Text::Welcome, Zh) => "欢迎",
        (Text::Suggestions, En) => "Questions you can ask",
        (Text::Suggestions, Zh) => "您可以这样问",
        (Text::DeleteConversation, En) => "Delete chat",
        (Text::DeleteConversation, Zh) => "删除对话",
        (Text::DeleteQuestion, En) => {
            "Delete this conversation? It is removed for you and from the shop's records, except what the shop must keep about payments, without your details."
        }
        (Text::DeleteQuestion, Zh) => {
            "删除此对话？对话将从您这里和商家的记录中删除；商家依法须保留的付款记录会去除您的个人信息后保留。"
        }
        (Text::DeleteConfirm, En) => "Delete",
        (Text::DeleteConfirm, Zh) => "删除",
        (Text::DeleteKeep, En) => "Keep",
        (Text::DeleteKeep, Zh) => "保留",
        (Text::DeleteFailed, En) => "The conversation could not be deleted. Try again.",
        (Text::DeleteFailed, Zh) => "未能删除对话，请重试。",
    }
}

/// Who answers, under the welcome: the shop's automated assistant, and a person on request.
pub fn assistant_of(lang: Lang, shop: &str) -> String {
    match lang {
        Lang::En => format!(
            "You're talking to {shop}'s automated assistant. A person is one message away: just ask."
        ),
        Lang::Zh => format!("您正在与{shop}的智能助手（机器人）对话。需要人工客服时，说一声即可。"),
    }
}

/// "You're chatting with Ada", in `lang`.
pub fn with_agent(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("You're chatting with {name}"),
        Lang::Zh => format!("客服{name}为您服务中"),
    }
}

/// The "please wait" for a shopper sending faster than the shop takes messages, in `lang`.
pub fn please_wait(lang: Lang, secs: u64) -> String {
    match lang {
        Lang::En => format!(
            "You're sending messages quickly. Please wait {secs} s: your message is kept and goes out then."
        ),
        Lang::Zh => format!("您发送得有点快，请稍候 {secs} 秒：您的消息已保留，届时会自动发送。"),
    }
}

/// Why a message to a full conversation was not sent, in `lang`.
pub fn conversation_full(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "This conversation is full, so your message was not sent. Open the chat in a new tab to start a new conversation."
        }
        Lang::Zh => {
            "本次对话的消息已达上限，您的消息未发送。请在新的标签页中打开聊天，开始新的对话。"
        }
    }
}

/// "2 suggestions: press the up arrow to choose", announced politely as the shopper types.
pub fn suggestions_available(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (_, 0) => String::new(),
        (Lang::En, 1) => "1 suggestion: press the up arrow to choose it".into(),
        (Lang::En, n) => format!("{n} suggestions: press the up arrow to choose one"),
        (Lang::Zh, n) => format!("有{n}条建议：按上方向键选择"),
    }
}

/// An action a person recognises, for what the model heard in a draft (`intent`, with the
/// order number it names): sent as the shopper's message when picked, so its wording must
/// read as that intent to the runtime too. `None` for intents with no such action.
pub fn action(lang: Lang, intent: &str, order: Option<&str>) -> Option<String> {
    use Lang::{En, Zh};
    Some(match (intent, lang, order) {
        ("track_order", En, Some(n)) => format!("Track order {n}"),
        ("track_order", Zh, Some(n)) => format!("查询订单{n}的物流"),
        ("track_order", En, None) => "Track my order".into(),
        ("track_order", Zh, None) => "查询我的订单物流".into(),
        ("return_item", En, Some(n)) => format!("Return order {n}"),
        ("return_item", Zh, Some(n)) => format!("订单{n}我要退货"),
        ("return_item", En, None) => "Start a return".into(),
        ("return_item", Zh, None) => "我要退货".into(),
        ("get_refund", En, Some(n)) => format!("Get a refund for order {n}"),
        ("get_refund", Zh, Some(n)) => format!("订单{n}申请退款"),
        ("get_refund", En, None) => "Get a refund".into(),
        ("get_refund", Zh, None) => "我要申请退款".into(),
        ("cancel_order", En, Some(n)) => format!("Cancel order {n}"),
        ("cancel_order", Zh, Some(n)) => format!("取消订单{n}"),
        ("cancel_order", En, None) => "Cancel my order".into(),
        ("cancel_order", Zh, None) => "我要取消订单".into(),
        ("change_shipping_address", En, Some(n)) => format!("Change the address of order {n}"),
        ("change_shipping_address", Zh, Some(n)) => format!("修改订单{n}的收货地址"),
        ("change_shipping_address", En, None) => "Change my delivery address".into(),
        ("change_shipping_address", Zh, None) => "修改收货地址".into(),
        (TO_A_PERSON, _, _) => talk_to_a_person(lang).into(),
        _ => return None,
    })
}

/// The intent of a request for a person.
pub const TO_A_PERSON: &str = "contact_human_agent";

/// "Talk to a real person": words every runtime hands off on, whatever the model says.
pub fn talk_to_a_person(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Talk to a real person",
        Lang::Zh => "转人工客服",
    }
}
