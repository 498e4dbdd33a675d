//! Everything the bot says on its own, in every language it speaks. Facts (order status,
//! amounts, dates) never come from here: only plugins supply those.

use kefu_protocol::Card;

pub use kefu_protocol::Lang;

/// Declares [`Line`] from one list, so the list of every line ([`Line::ALL`]) and their keys
/// cannot drift from the enum: a new line is rewordable through the admin API at once.
macro_rules! lines {
    ($($(#[doc = $doc:expr])* $variant:ident = $key:literal,)*) => {
        /// Something the bot says.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Line {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Line {
            /// Every line, in declaration order.
            pub const ALL: &[Line] = &[$(Line::$variant,)*];

            /// The line's name in templates and the admin API (`greeting`, `out_of_scope`, …).
            pub fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key,)*
                }
            }
        }
    };
}

lines! {
    /// Answer to a greeting.
    Greeting = "greeting",
    /// The panel's greeting, shown before the first message (panel text: never stored).
    Welcome = "welcome",
    /// The questions the panel suggests before the first message, one a line.
    Suggestions = "suggestions",
    /// Answer to thanks.
    Thanks = "thanks",
    /// Answer to goodbye.
    Goodbye = "goodbye",
    /// The order number is needed.
    AskOrderNumber = "ask_order_number",
    /// The shopper's order number matched nothing.
    OrderNotFound = "order_not_found",
    /// A human was asked for and the conversation is queued for one.
    HandoffRequested = "handoff_requested",
    /// The question is outside what a shop assistant does.
    OutOfScope = "out_of_scope",
    /// A shop topic the bot cannot handle yet.
    CannotHandleYet = "cannot_handle_yet",
    /// A plugin failed; apologise and offer a human.
    PluginFailed = "plugin_failed",
    /// A policy topic (security, legal, payment dispute): a person takes over.
    PolicyHandoff = "policy_handoff",
    /// The bot keeps failing or repeating itself: stop and offer a person.
    OfferHuman = "offer_human",
    /// Appended to an answer when the shopper sounds upset.
    FrustrationOffer = "frustration_offer",
    /// Acting on an order needs proof it is the shopper's: its email.
    AskOrderEmail = "ask_order_email",
    /// The email given does not match the order (worded so as not to reveal which).
    OwnershipNotProven = "ownership_not_proven",
    /// Too many emails did not match: a person takes over.
    ProofsExhausted = "proofs_exhausted",
    /// An order's carrier and tracking number are shown only to its owner: the email asked.
    DetailsNeedProof = "details_need_proof",
    /// A confirmation card's button was pressed for an action that no longer awaits it.
    StaleConfirmation = "stale_confirmation",
    /// The signed identity that proved the order expired before the confirmation.
    ProofExpired = "proof_expired",
    /// A plugin proposed a refund above what the bot may do: a person takes over.
    RefundNeedsHuman = "refund_needs_human",
    /// The shopper declined the proposed refund.
    RefundCancelled = "refund_cancelled",
    /// The confirmed action was handled already.
    ActionAlreadyHandled = "action_already_handled",
    /// Carrying out a confirmed action failed; nothing moved.
    CommitFailed = "commit_failed",
    /// The product named is not in the catalogue.
    ProductNotFound = "product_not_found",
    /// The message could mean several things: which one?
    Clarify = "clarify",
    /// The new delivery address is needed.
    AskAddress = "ask_address",
    /// Asked whether it is a bot: it is the shop's automated assistant, and a person is
    /// one message away.
    BotDisclosure = "bot_disclosure",
    /// Something went wrong with a delivery: a person takes the claim, with the facts.
    DeliveryClaim = "delivery_claim",
    /// The merchant's plugin proposed a refund for a delivery claim: nothing has moved yet,
    /// and declining hands the claim to a person.
    ClaimRefundOffered = "claim_refund_offered",
    /// A claim waits for the order's email, and the message gave none: asked once more,
    /// with a person offered instead.
    ClaimNeedsEmail = "claim_needs_email",
    /// A claim came with the shopper's email but no order number: the number is asked for
    /// once, the email kept (never asked again), a person offered if they don't have it.
    ClaimAskOrderNumber = "claim_ask_order_number",
    /// The shopper declined the refund proposed for their claim: a person takes the claim.
    ClaimRefundDeclined = "claim_refund_declined",
    /// The shopper's situation makes time critical: a person at raised priority.
    UrgentHandoff = "urgent_handoff",
    /// A complaint: one apology, and a person who sees the whole conversation.
    ComplaintHandoff = "complaint_handoff",
    /// The shopper sent an order number or an email with nothing asked: what for?
    WhatToDoWithIt = "what_to_do_with_it",
}

impl Line {
    /// The line named `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|l| l.key() == key)
    }
}

/// The text of `line` in `lang`.
pub fn text(line: Line, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (line, lang) {
        (Line::Welcome, En) => {
            "Hi! I can help with your orders, returns and refunds, and our products. What would you like to know?"
        }
        (Line::Welcome, Zh) => {
            "您好！我可以帮您查询订单、办理退货退款、了解商品。请问有什么可以帮您？"
        }
        (Line::Suggestions, En) => {
            "Where is my order?\nHow do I return an item?\nHow long does delivery take?\nCan I talk to a person?"
        }
        (Line::Suggestions, Zh) => "我的订单到哪了？\n怎么退货？\n多久能送到？\n我想找人工客服",
        (Line::Greeting, En) => {
            "Hi! I can help with your orders, refunds, our products and shop policies, and I can get you a human at any time. What can I do for you?"
        }
        (Line::Greeting, Zh) => {
            "您好！我可以帮您处理订单、退款、商品和购物政策相关的问题，也可以随时为您转接人工客服。请问有什么可以帮您？"
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
            "That's outside what I can help with here. I can help with orders, refunds, products and shop policies, or get you a human."
        }
        (Line::OutOfScope, Zh) => {
            "这个问题超出了我能帮忙的范围。我可以帮您处理订单、退款、商品和购物政策相关的问题，或者为您转接人工客服。"
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
        (Line::AskOrderEmail, En) => {
            "To keep your order safe, what's the email address you placed it with?"
        }
        (Line::AskOrderEmail, Zh) => "为了保护您的订单安全，请告诉我下单时使用的邮箱地址。",
        (Line::OwnershipNotProven, En) => {
            "I couldn't match that order number and email, so I can't make changes to this order. Please check both, or a person from our team can help."
        }
        (Line::OwnershipNotProven, Zh) => {
            "订单号和邮箱无法匹配，因此我不能对这个订单进行操作。请核对后再试，或者由人工客服为您处理。"
        }
        (Line::ProofsExhausted, En) => {
            "I still couldn't match that order number and email, so I've asked a person from our team to take over; they'll help you right here."
        }
        (Line::ProofsExhausted, Zh) => {
            "订单号和邮箱仍然无法匹配，我已为您转接人工客服，客服会在这里为您处理。"
        }
        (Line::DetailsNeedProof, En) => {
            "To see the carrier and tracking number, tell me the email address the order was placed with."
        }
        (Line::DetailsNeedProof, Zh) => "如需查看承运商和运单号，请告诉我下单时使用的邮箱地址。",
        (Line::StaleConfirmation, En) => {
            "That card is no longer open, so I haven't done anything with it. If you still need something, just tell me."
        }
        (Line::StaleConfirmation, Zh) => {
            "这张卡片已失效，我没有进行任何操作。如果您仍有需要，请直接告诉我。"
        }
        (Line::ProofExpired, En) => {
            "Your sign-in with the shop has expired, so I haven't done anything. Please reload the page, or tell me the email address the order was placed with, and ask again."
        }
        (Line::ProofExpired, Zh) => {
            "您在商店的登录已过期，我没有进行任何操作。请刷新页面，或告诉我下单时使用的邮箱地址后再试。"
        }
        (Line::RefundNeedsHuman, En) => {
            "A refund like this needs approval from a person on our team, so I've asked one to take over this chat. They'll reply right here."
        }
        (Line::RefundNeedsHuman, Zh) => {
            "这笔退款需要由工作人员审核，已为您转接人工客服，客服会在这里回复您。"
        }
        (Line::RefundCancelled, En) => {
            "OK, I've left everything as it was. Is there anything else I can help with?"
        }
        (Line::RefundCancelled, Zh) => "好的，没有做任何更改。还有什么可以帮您的吗？",
        (Line::ActionAlreadyHandled, En) => "That request has already been handled.",
        (Line::ActionAlreadyHandled, Zh) => "这个请求已经处理过了。",
        (Line::CommitFailed, En) => {
            "Sorry, I couldn't complete that, and no money has moved. Would you like a person from our team to sort it out?"
        }
        (Line::CommitFailed, Zh) => {
            "抱歉，操作没有完成，款项没有变动。需要为您转接人工客服处理吗？"
        }
        (Line::ProductNotFound, En) => {
            "I couldn't find that product in our shop. Could you tell me its name as it appears on the site?"
        }
        (Line::ProductNotFound, Zh) => "没有找到这个商品，请告诉我网站上显示的商品名称。",
        (Line::Clarify, En) => "I want to get this right. Which of these do you mean?",
        (Line::Clarify, Zh) => "我想确认一下，您指的是以下哪一项？",
        (Line::WhatToDoWithIt, En) => {
            "Got it. What would you like me to do with it: check where the order is, or something else?"
        }
        (Line::WhatToDoWithIt, Zh) => "收到。请问需要我帮您做什么：查询订单进度，还是其他问题？",
        (Line::DeliveryClaim, En) => {
            "I'm sorry about that. I've passed it to a person from our team with what you told me; they see this whole conversation, so you won't have to repeat anything, and they'll sort out the next step with you right here."
        }
        (Line::DeliveryClaim, Zh) => {
            "非常抱歉给您带来不便。我已把您说的情况转给客服同事，他们能看到完整的对话记录，您无需重复说明，他们会在这里和您确定下一步处理。"
        }
        (Line::ClaimRefundOffered, En) => {
            "Nothing has been refunded yet: it happens only once you confirm. If you'd rather not, decline it and a person from our team takes your claim."
        }
        (Line::ClaimRefundOffered, Zh) => {
            "目前还没有退款：只有您确认后才会退款。如果您不想这样处理，请选择取消，客服同事会接手处理您的问题。"
        }
        (Line::ClaimNeedsEmail, En) => {
            "I'd like to sort this out for you: to look at it I first need the email address the order was placed with. If you'd rather, a person from our team can take it over instead."
        }
        (Line::ClaimNeedsEmail, Zh) => {
            "我想帮您处理这个问题：请先告诉我下单时使用的邮箱地址。如果您愿意，也可以直接转给客服同事处理。"
        }
        (Line::ClaimAskOrderNumber, En) => {
            "I'm sorry about that. I have your email; to look at it I also need the order number, which you'll find in your confirmation email. If you don't have it to hand, just say so and a person from our team will take it from here."
        }
        (Line::ClaimAskOrderNumber, Zh) => {
            "非常抱歉给您带来不便。您的邮箱我已记下；处理这个问题还需要订单号（可以在订单确认邮件里找到）。如果手头没有订单号，告诉我一声，客服同事会接手处理。"
        }
        (Line::ClaimRefundDeclined, En) => {
            "All right, no refund. I've passed your claim to a person from our team with what you told me; they see this whole conversation, so you won't have to repeat anything, and they'll sort out the next step with you right here."
        }
        (Line::ClaimRefundDeclined, Zh) => {
            "好的，不退款。我已把您的问题转给客服同事，他们能看到完整的对话记录，您无需重复说明，他们会在这里和您确定下一步处理。"
        }
        (Line::UrgentHandoff, En) => {
            "I understand this is urgent. I've asked a person from our team to look at it first; they see this whole conversation and will reply right here."
        }
        (Line::UrgentHandoff, Zh) => {
            "明白，这件事很急。我已请客服同事优先处理，他们能看到完整的对话记录，会在这里回复您。"
        }
        (Line::ComplaintHandoff, En) => {
            "I'm sorry about your experience. I've passed your complaint to a person from our team; they see this whole conversation, so you won't have to repeat anything, and they'll reply right here."
        }
        (Line::ComplaintHandoff, Zh) => {
            "非常抱歉给您带来不好的体验。我已把您的投诉转给客服同事，他们能看到完整的对话记录，您无需重复说明，会在这里回复您。"
        }
        (Line::BotDisclosure, En) => {
            "I'm this shop's automated assistant, not a person. I can help with your orders, returns and our products, or get you someone from our team right away."
        }
        (Line::BotDisclosure, Zh) => {
            "我是本店的智能客服助手（机器人），不是真人。我可以帮您查询订单、退换货和商品信息，也可以随时为您转接人工客服。"
        }
        (Line::AskAddress, En) => {
            "What's the new delivery address? Please write it in one message, as it should appear on the parcel."
        }
        (Line::AskAddress, Zh) => "请在一条消息中发送新的收货地址（收件人、电话和详细地址）。",
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
        Line::Greeting | Line::OutOfScope | Line::BotDisclosure | Line::WhatToDoWithIt => {
            vec![track, human_option(lang)]
        }
        Line::CannotHandleYet
        | Line::PluginFailed
        | Line::OrderNotFound
        | Line::OfferHuman
        | Line::OwnershipNotProven
        | Line::ClaimNeedsEmail
        | Line::ClaimAskOrderNumber
        | Line::CommitFailed => vec![human_option(lang)],
        _ => return vec![],
    };
    vec![Card::QuickReplies {
        options: options.into_iter().map(str::to_string).collect(),
    }]
}

/// The labels of a refund confirmation card's buttons: (confirm, cancel).
pub fn confirm_labels(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Confirm refund", "Cancel"),
        Lang::Zh => ("确认退款", "取消"),
    }
}

/// The labels of an address-change card's buttons: (confirm, keep the old address).
pub fn address_labels(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Change address", "Keep the old address"),
        Lang::Zh => ("确认修改地址", "不修改"),
    }
}

/// The labels of an order-cancellation card's buttons: (confirm, keep the order).
pub fn cancel_labels(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Cancel order", "Keep my order"),
        Lang::Zh => ("确认取消订单", "保留订单"),
    }
}

/// Whether `text` accepts a proposed action (the card's button, or a plain "yes").
pub fn confirms(text: &str) -> bool {
    let t = bare(text);
    acknowledges(text)
        || [
            "confirm refund",
            "cancel order",
            "change address",
            "确认修改地址",
            "yes, cancel it",
            "确认取消订单",
            "confirm",
            "go ahead",
            "确认退款",
            "确认",
        ]
        .contains(&t.as_str())
}

/// Whether `text` is a bare "yes" or "ok": a confirmation when something awaits one, an
/// acknowledgement otherwise (never a question for the model, which cannot know which).
pub fn acknowledges(text: &str) -> bool {
    [
        "yes",
        "yes please",
        "yes, please",
        "ok",
        "okay",
        "是的",
        "好的",
        "可以",
        "好",
    ]
    .contains(&bare(text).as_str())
}

fn bare(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', '!', '。', '！'])
        .to_lowercase()
}

/// Whether `text` declines a proposed action.
pub fn declines(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['.', '!', '。', '！'])
        .to_lowercase();
    [
        "cancel",
        "keep my order",
        "keep the old address",
        "不修改",
        "保留订单",
        "no",
        "no thanks",
        "no, thanks",
        "don't",
        "取消",
        "不用了",
        "不要",
        "算了",
        "不",
    ]
    .contains(&t.as_str())
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
    fn every_line_is_listed_once_and_found_by_its_key() {
        // `ask_address` was missing from a hand-kept list once: the list is derived now.
        assert!(Line::ALL.contains(&Line::AskAddress));
        for line in Line::ALL {
            assert_eq!(Line::from_key(line.key()), Some(*line));
            assert_eq!(Line::ALL.iter().filter(|l| *l == line).count(), 1);
        }
    }

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
