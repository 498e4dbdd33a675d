//! Everything the bot says on its own, in every language it speaks. Facts (order status,
//! amounts, dates) never come from here: only plugins supply those.
//!
//! The words are data: one message file per language in `runtime/locales/` (`en.ftl`,
//! `zh.ftl`, a subset of Fluent), compiled by `build.rs` into [`Msg`] and a `match` per
//! language. The lines a merchant can reword ([`Line`]) are messages whose id is the line's
//! key; each names its message at compile time, so a line no file has does not build.

use kefu_protocol::Card;

pub use kefu_protocol::Lang;

/// The compiled message files.
mod messages {
    use super::Lang;
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use messages::{LANGS, Msg};

/// `message` in `lang`, placeholders unfilled (see [`say_with`]).
pub fn say(lang: Lang, message: Msg) -> &'static str {
    messages::pattern(lang, message)
}

/// `message` in `lang` with its placeholders filled: `(name, text)`.
pub fn say_with(lang: Lang, message: Msg, args: &[(&str, &str)]) -> String {
    debug_assert!(
        message
            .placeholders()
            .iter()
            .all(|p| args.iter().any(|(n, _)| n == p)),
        "{message:?} needs {:?}",
        message.placeholders()
    );
    messages::fill(messages::pattern(lang, message), args)
}

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

            /// Its message in the message files (the id is the key).
            pub fn message(self) -> Msg {
                match self {
                    $(Self::$variant => Msg::$variant,)*
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
    /// Someone is hurt or in danger: where to get help now (emergency services, a doctor),
    /// then a person takes over at the top of the queue.
    SafetyHandoff = "safety_handoff",
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
    /// A message that only adds to what was proposed: the card still waits for an answer.
    ProposalStillOpen = "proposal_still_open",
    /// Added to an answer given while a person is asked for and nobody is online.
    StillWaiting = "still_waiting",
    /// The signed identity that proved the order expired before the confirmation.
    ProofExpired = "proof_expired",
    /// A plugin proposed a refund above what the bot may do: a person takes over.
    RefundNeedsHuman = "refund_needs_human",
    /// The shopper declined the proposed refund, or took back a request still waiting for
    /// its order's number or email (`withdrawn.rs`): nothing was changed.
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
    /// Asked whether it is a bot and for a person in one message: said before the
    /// handoff's own words (a person asked for, or nobody online and the contact form).
    BotDisclosureShort = "bot_disclosure_short",
    /// Something went wrong with a delivery: a person takes the claim, with the facts.
    DeliveryClaim = "delivery_claim",
    /// The merchant's plugin proposed a refund for a delivery claim: nothing has moved yet,
    /// and declining hands the claim to a person.
    ClaimRefundOffered = "claim_refund_offered",
    /// A claim waits for the order's email, and the message gave none: asked once more,
    /// with a person offered instead.
    ClaimNeedsEmail = "claim_needs_email",
    /// A claim's email did not match the order: a person takes the claim and checks the
    /// order is theirs another way (worded so as not to reveal which was wrong).
    ClaimEmailMismatch = "claim_email_mismatch",
    /// The order's email asked for, and a reply without it ("ok yes cancel it", "嗯 确定取消":
    /// the question taken for a confirmation): asked once more in other words, why it is
    /// needed and a person offered, before the bot stops asking.
    EmailStillNeeded = "email_still_needed",
    /// The shopper would rather not give the email that shows an order's carrier and
    /// tracking number: why it is needed (they are shown only to the order's owner), and a
    /// person offered, who can check another way.
    TrackingNeedsEmail = "tracking_needs_email",
    /// The shopper would rather not give the order's email, after being told why it is
    /// needed: a person takes the request and checks the order is theirs another way.
    EmailDeclinedHandoff = "email_declined_handoff",
    /// A claim came with the shopper's email but no order number: the number is asked for
    /// once, the email kept (never asked again), a person offered if they don't have it.
    ClaimAskOrderNumber = "claim_ask_order_number",
    /// The shopper has no order number: the email they ordered with is asked for, to find
    /// the order by, with a person offered.
    AskEmailToFindOrder = "ask_email_to_find_order",
    /// An order question came with the shopper's email but no order number: the number is
    /// asked for, the email kept, a person offered if they don't have it.
    AskOrderNumberHaveEmail = "ask_order_number_have_email",
    /// The shopper declined the refund proposed for their claim: a person takes the claim.
    ClaimRefundDeclined = "claim_refund_declined",
    /// The shopper's situation makes time critical: a person at raised priority.
    UrgentHandoff = "urgent_handoff",
    /// A complaint: one apology, and a person who sees the whole conversation.
    ComplaintHandoff = "complaint_handoff",
    /// The shopper sent the goods back and no refund is on record: a person checks the
    /// return.
    ReturnWithoutRefund = "return_without_refund",
    /// The shopper sent an order number or an email with nothing asked: what for?
    WhatToDoWithIt = "what_to_do_with_it",
}

impl Line {
    /// The line named `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|l| l.key() == key)
    }
}

/// `sentence` added after `text`, in the reply's language: a space between English
/// sentences, none between Chinese ones.
pub fn append(text: &mut String, sentence: &str, lang: Lang) {
    if lang == Lang::En {
        text.push(' ');
    }
    text.push_str(sentence);
}

/// The text of `line` in `lang`.
pub fn text(line: Line, lang: Lang) -> &'static str {
    messages::pattern(lang, line.message())
}

/// The label of the "talk to a human" quick reply; sending it hands off.
pub fn human_option(lang: Lang) -> &'static str {
    say(lang, Msg::HumanOption)
}

/// Quick replies offered after lines that leave the shopper choosing what next.
pub fn quick_replies(line: Line, lang: Lang) -> Vec<Card> {
    let track = say(lang, Msg::TrackOption);
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
        | Line::EmailStillNeeded
        | Line::TrackingNeedsEmail
        | Line::ClaimAskOrderNumber
        | Line::AskOrderNumberHaveEmail
        | Line::AskEmailToFindOrder
        | Line::CommitFailed => vec![human_option(lang)],
        _ => return vec![],
    };
    vec![Card::QuickReplies {
        options: options.into_iter().map(str::to_string).collect(),
    }]
}

/// The labels of a refund confirmation card's buttons: (confirm, cancel).
pub fn confirm_labels(lang: Lang) -> (&'static str, &'static str) {
    (
        say(lang, Msg::ConfirmRefundButton),
        say(lang, Msg::ConfirmRefundCancel),
    )
}

/// The labels of an address-change card's buttons: (confirm, keep the old address).
pub fn address_labels(lang: Lang) -> (&'static str, &'static str) {
    (
        say(lang, Msg::ChangeAddressButton),
        say(lang, Msg::ChangeAddressKeep),
    )
}

/// The labels of an order-cancellation card's buttons: (confirm, keep the order).
pub fn cancel_labels(lang: Lang) -> (&'static str, &'static str) {
    (
        say(lang, Msg::CancelOrderButton),
        say(lang, Msg::CancelOrderKeep),
    )
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

/// Whether `text` opens with a yes and goes on ("yes please stop it, found one cheaper
/// locally", "对 帮我取消"): agreement, with more said.
pub fn opens_with_yes(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let word = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or_default();
    ["yes", "yeah", "yep", "yup", "ya"].contains(&word)
        || ["是的", "对的", "对，", "对 ", "嗯", "好的"]
            .iter()
            .any(|y| lower.starts_with(y))
}

/// `text` trimmed, without a closing full stop or "!", lower-cased: a short answer as said.
pub(super) fn bare(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', '!', '。', '！'])
        .to_lowercase()
}

/// Whether `text` declines a proposed action.
pub fn declines(text: &str) -> bool {
    let t = bare(text);
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
    "representative",
    "operator",
    "人工",
    "客服人员",
    "人类",
    // Pinyin, typed without a Chinese input method: 真人, 人工.
    "zhen ren",
    "zhenren",
    "ren gong",
    "rengong",
];

/// Someone real asked for, not only someone ("is there an actual person I could chat with?",
/// "anyone with a pulse", "有真人吗"): a person asked for by a shopper who doubts what answers.
pub(super) const REAL_ONES: &[&str] = &[
    "real person",
    "real human",
    "actual person",
    "actual human",
    "live person",
    "someone real",
    "anyone real",
    "with a pulse",
    "真人",
    "活人",
];

/// Whether `lower` asks whether someone real is there by what they are ("is there an actual
/// employee around?", "is anyone with an actual heartbeat reading this 👀", "Is there a pulse
/// on the other end of this chat?"), asked of who is there: not someone told of ("an actual
/// employee told me returns were free"), a staff discount, or goods praised ("anyone with a
/// heartbeat would love it").
pub(super) fn asks_if_someone_real_is_there(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "actual employee",
            "real employee",
            "actual heartbeat",
            "with a heartbeat",
            "pulse on the other end",
            "heartbeat on the other end",
        ],
    ) && super::language::mentions(
        lower,
        &[
            "is there",
            "is anyone",
            "is anybody",
            "anyone there",
            "talk to",
            "speak to",
            "get me",
            "can i",
            "reading this",
            "around",
            "on the other end",
        ],
    ) && !super::language::mentions(
        lower,
        &[
            "told me",
            "said",
            "discount",
            "photo",
            "model",
            "wearing",
            "would love",
        ],
    )
}

/// Whether `text` explicitly asks for a human.
pub fn asks_for_human(text: &str) -> bool {
    // How goods look on someone is no request ("how does the hoodie fit on an actual person?
    // the photos look edited").
    let lower = text
        .to_lowercase()
        .replace("on an actual person", " ")
        .replace("on a real person", " ")
        // Nor how the bot sounds ("ha. you sound pretty human. anyway does the tee shrink").
        .replace("you sound pretty human", " ")
        .replace("you sound so human", " ")
        .replace("you sound human", " ");
    HUMAN_WORDS
        .iter()
        .chain(REAL_ONES)
        .any(|w| lower.contains(w))
        || asks_if_someone_real_is_there(&lower)
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
    fn every_line_is_the_message_its_key_names_in_every_language() {
        for line in Line::ALL {
            assert_eq!(line.message().id(), line.key());
            for lang in messages::LANGS {
                assert!(!text(*line, *lang).trim().is_empty(), "{line:?} {lang:?}");
            }
        }
    }

    #[test]
    fn wording_read_from_the_files_is_the_bots_wording() {
        // Byte for byte what the golden transcripts hold.
        assert_eq!(
            text(Line::Suggestions, Lang::En),
            "Where is my order?\nHow do I return an item?\nHow long does delivery take?\nCan I talk to a person?"
        );
        assert_eq!(
            say_with(
                Lang::En,
                Msg::TicketOpened,
                &[("email", "a@b.co"), ("within", "within an hour")]
            ),
            "Thank you. Ticket #{ticket} is open: someone from our team will email you at a@b.co within an hour."
        );
        assert_eq!(confirm_labels(Lang::Zh), ("确认退款", "取消"));
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
