//! Everything the bot says on its own, in every language it speaks. Facts (order status,
//! amounts, dates) never come from here: only plugins supply those.

use kefu_protocol::Card;

pub use kefu_protocol::Lang;

/// Something the bot says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Answer to a greeting.
    Greeting,
    /// Answer to thanks.
    Thanks,
    /// Answer to goodbye.
    Goodbye,
    /// The order number is needed.
    AskOrderNumber,
    /// The shopper's order number matched nothing.
    OrderNotFound,
    /// A human was asked for and the conversation is queued for one.
    HandoffRequested,
    /// The question is outside what a shop assistant does.
    OutOfScope,
    /// A shop topic the bot cannot handle yet.
    CannotHandleYet,
    /// A plugin failed; apologise and offer a human.
    PluginFailed,
    /// A policy topic (security, legal, payment dispute): a person takes over.
    PolicyHandoff,
    /// The bot keeps failing or repeating itself: stop and offer a person.
    OfferHuman,
    /// Appended to an answer when the shopper sounds upset.
    FrustrationOffer,
}

/// The text of `line` in `lang`.
pub fn text(line: Line, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (line, lang) {
        (Line::Greeting, En) => {
            "Hi! I can check where your order is, and I can get you a human at any time. What can I do for you?"
        }
        (Line::Greeting, Zh) => {
            "您好！我可以帮您查询订单进度，也可以随时为您转接人工客服。请问有什么可以帮您？"
        }
        (Line::Thanks, En) => "You're welcome! Is there anything else I can help with?",
        (Line::Thanks, Zh) => "不客气！还有什么可以帮您的吗？",
        (Line::Goodbye, En) => "Thanks for stopping by. Have a good day!",
        (Line::Goodbye, Zh) => "感谢光临，祝您生活愉快！",
        (Line::AskOrderNumber, En) => {
            "Sure. What's your order number? You'll find it in your confirmation email."
        }
        (Line::AskOrderNumber, Zh) => "好的，请告诉我您的订单号（可以在订单确认邮件里找到）。",
        (Line::OrderNotFound, En) => {
            "I couldn't find an order with that number. Could you check it, or send the number from your confirmation email?"
        }
        (Line::OrderNotFound, Zh) => {
            "没有找到这个订单号对应的订单，请核对一下，或者发送确认邮件里的订单号。"
        }
        (Line::HandoffRequested, En) => {
            "I've asked a member of our team to take over this chat. They'll reply right here; you can keep writing in the meantime."
        }
        (Line::HandoffRequested, Zh) => {
            "已为您申请转接人工客服，客服会在这里回复您，您可以先继续留言。"
        }
        (Line::OutOfScope, En) => {
            "That's outside what I can help with here. I can check on your orders, or get you a human."
        }
        (Line::OutOfScope, Zh) => {
            "这个问题超出了我能帮忙的范围。我可以帮您查询订单，或者为您转接人工客服。"
        }
        (Line::CannotHandleYet, En) => {
            "I understand what you're asking, but I can't handle that myself yet. Would you like a human to help?"
        }
        (Line::CannotHandleYet, Zh) => {
            "明白您的问题了，不过这个我暂时还处理不了。需要为您转接人工客服吗？"
        }
        (Line::PluginFailed, En) => {
            "Sorry, I couldn't look that up just now. Would you like a human to help?"
        }
        (Line::PluginFailed, Zh) => "抱歉，暂时查询不到相关信息。需要为您转接人工客服吗？",
        (Line::PolicyHandoff, En) => {
            "This is something a person from our team should handle. I've asked one to take over this chat; they'll reply right here."
        }
        (Line::PolicyHandoff, Zh) => {
            "这个问题需要由我们的工作人员为您处理，已为您转接人工客服，客服会在这里回复您。"
        }
        (Line::OfferHuman, En) => {
            "Sorry, I'm not getting this right. Would you like a person from our team to help instead?"
        }
        (Line::OfferHuman, Zh) => "抱歉，我没能帮上忙。需要为您转接人工客服吗？",
        (Line::FrustrationOffer, En) => {
            "I'm sorry about the trouble. If you'd rather talk to a person, I can get one right away."
        }
        (Line::FrustrationOffer, Zh) => {
            "给您带来不便非常抱歉。如果您希望人工处理，我可以马上为您转接。"
        }
    }
}

/// The label of the "talk to a human" quick reply; sending it hands off.
pub fn human_option(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Talk to a human",
        Lang::Zh => "转人工",
    }
}

/// Quick replies offered after lines that leave the shopper choosing what next.
pub fn quick_replies(line: Line, lang: Lang) -> Vec<Card> {
    let track = match lang {
        Lang::En => "Where is my order?",
        Lang::Zh => "查询订单",
    };
    let options: Vec<&str> = match line {
        Line::Greeting | Line::OutOfScope => vec![track, human_option(lang)],
        Line::CannotHandleYet | Line::PluginFailed | Line::OrderNotFound | Line::OfferHuman => {
            vec![human_option(lang)]
        }
        _ => return vec![],
    };
    vec![Card::QuickReplies {
        options: options.into_iter().map(str::to_string).collect(),
    }]
}

/// Words that ask for a person. Matched on the lower-cased message: an explicit request for
/// a human is honoured immediately, whatever the model thinks.
const HUMAN_WORDS: &[&str] = &[
    "human",
    "agent",
    "real person",
    "representative",
    "operator",
    "live person",
    "someone real",
    "人工",
    "真人",
    "活人",
    "客服人员",
    "人类",
];

/// Whether `text` explicitly asks for a human.
pub fn asks_for_human(text: &str) -> bool {
    let lower = text.to_lowercase();
    HUMAN_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_human_requests_are_recognised_in_both_languages() {
        for text in [
            "I want to talk to a human",
            "AGENT please",
            "转人工",
            "我要人工客服",
            "能找个真人吗",
        ] {
            assert!(asks_for_human(text), "{text}");
        }
        for text in ["where is my order 1001?", "我的订单到哪了"] {
            assert!(!asks_for_human(text), "{text}");
        }
    }

    #[test]
    fn the_human_quick_reply_itself_hands_off() {
        assert!(asks_for_human(human_option(Lang::En)));
        assert!(asks_for_human(human_option(Lang::Zh)));
    }
}
