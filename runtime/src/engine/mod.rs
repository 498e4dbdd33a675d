//! The conversation engine: one shopper message in, the bot's answer out, both persisted
//! together before anything is acknowledged.
//!
//! For each message it classifies natively (the browser's intent is a hint only: the
//! runtime never trusts the client), fills slots, and decides:
//! - an explicit request for a person hands off at once (`bot → waiting_for_human`);
//! - intents a merchant plugin serves go to that plugin, in a fresh sandbox, with the slots
//!   it needs; a missing slot is asked for once and remembered as the pending intent;
//! - greetings, thanks and goodbyes are answered; out-of-scope messages get an honest "not
//!   something I can help with" and the way to a human; shop topics nobody serves yet get
//!   the same honesty instead of a guess;
//! - topics a bot must not handle (account security, legal threats, payment disputes) go
//!   to a person at once ([`policy`]);
//! - a second unhelpful turn in a row, or the same reply twice, stops the bot trying: it
//!   offers a person instead of looping; a frustrated or sarcastic shopper is offered a
//!   person alongside the answer, and the conversation's priority is raised;
//! - while a human is asked for or in charge, the bot is silent; when nobody can answer
//!   live, the handoff says so and offers a contact form instead ([`handoff`]);
//! - agents claim, answer and resolve conversations through [`agents`]; every committed
//!   change is published on the [`Bus`] for the widget and the consoles.
//!
//! Bot text never states facts of its own: order details come from plugins only.

pub mod agents;
pub mod faq;
pub mod handoff;
pub mod identity;
pub mod labels;
pub mod policy;
pub mod replies;

use std::sync::Arc;

use kefu_intent::slots::{self, SlotKind};
use kefu_intent::{Classifier, Language, OUT_OF_SCOPE, Prediction};
use kefu_protocol::{Author, Card, ChatMessage, ConversationState, IntentHint, MAX_TEXT_BYTES};
use serde::{Deserialize, Serialize};

use crate::bus::Bus;
use crate::plugins::{
    CallError, CallInput, CallStats, LoadedPlugin, PluginHost, PluginReply, PluginRequest,
    Proposal, record,
};
use crate::store::{
    ActionRecord, ActionState, AuditEntry, CallRecording, Conversation, ConversationUpdate,
    NewMessage, Store, StoreError,
};
use replies::{Lang, Line};

/// Why a turn was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The message is empty.
    #[error("the message is empty")]
    Empty,
    /// The message is longer than [`MAX_TEXT_BYTES`].
    #[error("the message is longer than {MAX_TEXT_BYTES} bytes; please shorten it")]
    TooLong,
    /// No such conversation for this merchant.
    #[error("unknown conversation")]
    UnknownConversation,
    /// No such merchant.
    #[error("unknown merchant")]
    UnknownMerchant,
    /// The request was refused for a reason the shopper can act on (a malformed email, a
    /// rating nobody asked for); `code` is stable, the message is a sentence.
    #[error("{message}")]
    Refused {
        /// Machine-readable (`bad_email`, `not_asked`, …).
        code: &'static str,
        /// What to tell the shopper.
        message: String,
    },
    /// Storage failed; nothing was acknowledged.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One shopper message as the widget sent it.
#[derive(Debug, Clone)]
pub struct ShopperInput {
    /// The widget's id for the message (idempotent resend).
    pub client_msg_id: String,
    /// What the shopper typed.
    pub text: String,
    /// The widget's locale.
    pub locale: Option<String>,
    /// The widget's own classification.
    pub hint: Option<IntentHint>,
}

/// What a turn produced.
#[derive(Debug, Clone)]
pub enum Turn {
    /// The shopper's message and the replies, as stored (shopper message first).
    Stored(Vec<ChatMessage>),
    /// The message was already stored as `seq`; `messages` is everything from it on.
    Duplicate {
        /// Where the earlier send was stored.
        seq: u64,
        /// The stored message and what followed it.
        messages: Vec<ChatMessage>,
    },
}

/// What the engine decided to do with a message.
#[derive(Debug)]
struct Decision {
    intent: String,
    text: String,
    cards: Vec<Card>,
    state: ConversationState,
    pending_intent: Option<String>,
    /// The bot could not help with this turn (counts towards offering a human).
    failed: bool,
    /// Why a human was asked for, for a handoff.
    handoff_reason: Option<String>,
    /// Escalation priority to raise the conversation to.
    priority: u32,
    /// What the next message is expected to answer.
    pending: Pending,
    /// An email the shopper just proved to be theirs.
    verified_email: Option<String>,
    /// The line `text` says, when it is one of the bot's own (the merchant may reword it).
    line: Option<Line>,
}

/// What the conversation waits on, beyond `pending_intent`. Stored as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Pending {
    /// The order the pending intent is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order_number: Option<String>,
    /// The intents a clarifying question offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    clarify: Vec<String>,
    /// The action shown to the shopper for confirmation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    /// The slot the last question asked for, when the whole next message is its value
    /// (`address`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    need: Option<String>,
}

impl Pending {
    fn parse(json: Option<&str>) -> Self {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    fn to_json(&self) -> Option<String> {
        (self != &Self::default()).then(|| serde_json::to_string(self).expect("pending serialises"))
    }
}

/// The conversation engine. Shared by every connection.
#[derive(Debug, Clone)]
pub struct Engine {
    store: Store,
    classifier: Arc<Classifier>,
    plugins: Arc<PluginHost>,
    bus: Bus,
}

/// The bot answers in words of its own: one of its lines (which the merchant may reword).
fn say(intent: &str, line: Line, lang: Lang, state: ConversationState) -> Decision {
    Decision {
        state,
        failed: matches!(
            line,
            Line::OutOfScope | Line::CannotHandleYet | Line::OrderNotFound | Line::PluginFailed
        ),
        line: Some(line),
        ..answer_with(
            intent,
            replies::text(line, lang).to_string(),
            replies::quick_replies(line, lang),
        )
    }
}

/// The bot answers in words that are not its own: a plugin's, or the merchant's FAQ.
fn answer_with(intent: &str, text: String, cards: Vec<Card>) -> Decision {
    Decision {
        intent: intent.to_string(),
        text,
        cards,
        state: ConversationState::Bot,
        pending_intent: None,
        failed: false,
        handoff_reason: None,
        priority: 0,
        pending: Pending::default(),
        verified_email: None,
        line: None,
    }
}

/// Hands the conversation to a person, recording why.
fn hand_off(line: Line, lang: Lang, reason: &str, priority: u32) -> Decision {
    Decision {
        handoff_reason: Some(reason.to_string()),
        priority,
        ..say(
            "contact_human_agent",
            line,
            lang,
            ConversationState::WaitingForHuman,
        )
    }
}

/// Whether `text` is short enough to be an elliptical follow-up ("订单1002呢", "and 1002?").
fn is_follow_up(text: &str) -> bool {
    match kefu_intent::language(text) {
        Language::En => text.split_whitespace().count() <= 4,
        Language::Zh | Language::Mixed => text.chars().count() <= 10,
    }
}

/// Intents whose plugin is asked about one order by its number.
fn takes_order_number(intent: &str) -> bool {
    matches!(intent, "track_order") || acts_on_order(intent)
}

/// Intents that act on an order or reveal its money: the shopper must prove the order is
/// theirs first (its email, or a signed identity).
fn acts_on_order(intent: &str) -> bool {
    matches!(
        intent,
        "get_refund" | "track_refund" | "cancel_order" | "change_shipping_address"
    )
}

/// Intents answered about a product of the catalogue.
fn about_product(intent: &str) -> bool {
    matches!(intent, "product_info" | "product_availability")
}

/// Whether a product question is about stock rather than details.
fn asks_about_stock(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "in stock",
        "available",
        "availability",
        "sold out",
        "back in",
        "do you have",
        "有货",
        "有没有",
        "库存",
        "还有吗",
        "补货",
        "缺货",
        "售罄",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Labels a shopper can be asked to choose between in a clarifying question.
fn clarifiable(intent: &str) -> bool {
    !matches!(intent, OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye")
}

/// Below this confidence the bot asks which of the likely intents is meant.
const CLARIFY_BELOW: f32 = 0.7;
/// The runner-up must be at least this likely to be offered.
const CLARIFY_RUNNER_UP: f32 = 0.1;

/// How a plugin call ended, for the audit log.
fn outcome_name(result: &Result<PluginReply, CallError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(CallError::NotFound(_)) => "not_found",
        Err(CallError::MissingSlot(_)) => "missing_slot",
        Err(CallError::Unavailable(_)) => "unavailable",
        Err(CallError::Failed(_)) => "failed",
        Err(CallError::NotAllowed(_)) => "not_allowed",
        Err(CallError::Unsupported(_)) => "unsupported",
        Err(CallError::Timeout(_)) => "timeout",
        Err(CallError::MemoryLimit(_)) => "memory_limit",
        Err(CallError::OutputTooLarge(_)) => "output_too_large",
        Err(CallError::Trapped(_)) => "trapped",
        Err(CallError::CircuitOpen(_)) => "circuit_open",
    }
}

/// Consecutive unhelpful turns after which the bot stops trying and offers a person.
const FAILED_TURNS_OFFER: u32 = 2;

impl Engine {
    /// An engine over `store`, classifying with `classifier` and calling `plugins`.
    pub fn new(store: Store, classifier: Arc<Classifier>, plugins: Arc<PluginHost>) -> Self {
        Self {
            store,
            classifier,
            plugins,
            bus: Bus::new(),
        }
    }

    /// The store this engine persists to.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Where committed changes are published (and agent presence is counted).
    pub fn bus(&self) -> &Bus {
        &self.bus
    }

    /// The intent model's labels (what an agent may label a message as).
    pub fn labels(&self) -> &[String] {
        self.classifier.labels()
    }

    /// Resumes `conversation_id` of `merchant` or starts a new conversation.
    pub async fn open(
        &self,
        merchant: &str,
        conversation_id: Option<&str>,
        locale: &str,
    ) -> Result<Conversation, EngineError> {
        if let Some(id) = conversation_id
            && let Some(c) = self.store.conversation(merchant, id).await?
        {
            return Ok(c);
        }
        if !self.store.merchant_exists(merchant).await? {
            return Err(EngineError::UnknownMerchant);
        }
        Ok(self.store.create_conversation(merchant, locale).await?)
    }

    /// Trusts `identity` for `conversation` if the merchant's secret signed it: acting on
    /// that email's orders no longer needs the order's email.
    pub async fn identify(
        &self,
        merchant: &str,
        conversation: &str,
        identity: &kefu_protocol::SignedIdentity,
    ) -> Result<Result<(), identity::IdentityError>, EngineError> {
        let settings = self
            .store
            .merchant_settings(merchant)
            .await?
            .ok_or(EngineError::UnknownMerchant)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        match identity::verify(settings.identity_secret.as_deref(), merchant, identity, now) {
            Ok(email) => {
                self.store.set_verified_email(conversation, &email).await?;
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    }

    /// Handles one shopper message in `conversation`.
    pub async fn turn(
        &self,
        merchant: &str,
        conversation: &str,
        input: ShopperInput,
    ) -> Result<Turn, EngineError> {
        let text = input.text.trim();
        if text.is_empty() {
            return Err(EngineError::Empty);
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(EngineError::TooLong);
        }
        if let Some(seq) = self
            .store
            .seq_of_client_message(conversation, &input.client_msg_id)
            .await?
        {
            let messages = self.store.messages_after(conversation, seq - 1).await?;
            return Ok(Turn::Duplicate { seq, messages });
        }
        let conv = self
            .store
            .conversation(merchant, conversation)
            .await?
            .ok_or(EngineError::UnknownConversation)?;
        let prediction = self.classifier.classify(text);
        if let Some(hint) = &input.hint
            && hint.intent != prediction.intent
        {
            tracing::debug!(client = %hint.intent, runtime = %prediction.intent, "intent hint differs");
        }
        let lang = match kefu_intent::language(text) {
            Language::Zh | Language::Mixed => Lang::Zh,
            Language::En if text.chars().any(|c| c.is_ascii_alphabetic()) => Lang::En,
            Language::En => Lang::from_tag(input.locale.as_deref().unwrap_or(&conv.locale)),
        };
        let shopper = NewMessage {
            author: Author::Shopper,
            text: text.to_string(),
            cards: vec![],
            client_msg_id: Some(input.client_msg_id.clone()),
            intent: Some(prediction.intent.clone()),
            confidence: Some(prediction.confidence),
        };
        let mut messages = vec![shopper];
        let update = match self.decide(&conv, text, &prediction, lang).await? {
            Some(mut d) => {
                // The merchant's wording of the bot's own lines, when they set one.
                if let Some(line) = d.line
                    && d.text == replies::text(line, lang)
                    && let Some(own) = self
                        .store
                        .reply_template(merchant, line.key(), lang.tag())
                        .await?
                {
                    d.text = own;
                }
                messages.push(NewMessage {
                    author: Author::Bot,
                    text: d.text,
                    cards: d.cards,
                    client_msg_id: None,
                    intent: Some(d.intent),
                    confidence: None,
                });
                ConversationUpdate {
                    state: d.state,
                    pending_intent: d.pending_intent,
                    failed_turns: if d.failed { conv.failed_turns + 1 } else { 0 },
                    priority: conv.priority.max(d.priority),
                    handoff_reason: d.handoff_reason.or(conv.handoff_reason.clone()),
                    pending: d.pending.to_json(),
                    verified_email: d.verified_email.or(conv.verified_email.clone()),
                }
            }
            None => conv.unchanged(),
        };
        match self
            .store
            .append_turn(conversation, messages, &update)
            .await?
        {
            Some(stored) => {
                self.bus.publish_messages(merchant, conversation, &stored);
                Ok(Turn::Stored(stored))
            }
            // A resend of the same message won the race; answer with what it stored.
            None => {
                let seq = self
                    .store
                    .seq_of_client_message(conversation, &input.client_msg_id)
                    .await?
                    .ok_or(EngineError::UnknownConversation)?;
                let messages = self.store.messages_after(conversation, seq - 1).await?;
                Ok(Turn::Duplicate { seq, messages })
            }
        }
    }

    /// What to answer, or `None` for silence (a human is asked for or in charge).
    ///
    /// On top of [`Self::answer`]: explicit requests for a person and policy topics hand off
    /// at once; a second unhelpful turn in a row, or the same reply twice, stops the bot
    /// trying and offers a person instead; a frustrated or sarcastic shopper is offered a
    /// person alongside the answer, at raised priority.
    async fn decide(
        &self,
        conv: &Conversation,
        text: &str,
        prediction: &Prediction,
        lang: Lang,
    ) -> Result<Option<Decision>, EngineError> {
        if conv.state != ConversationState::Bot && conv.state != ConversationState::Resolved {
            return Ok(None);
        }
        let frustration = kefu_intent::signals::frustration(text);
        let upset = frustration.is_upset();
        let pending = Pending::parse(conv.pending.as_deref());
        // A proposed action is answered by this message, or lapses: money never moves on
        // a "yes" that came later, to something else.
        if let Some(action) = &pending.action {
            if replies::confirms(text) {
                return Ok(Some(self.commit(conv, action, lang).await?));
            }
            self.store
                .move_action(action, ActionState::Proposed, ActionState::Cancelled)
                .await?;
            if replies::declines(text) {
                return Ok(Some(say(
                    "get_refund",
                    Line::RefundCancelled,
                    lang,
                    ConversationState::Bot,
                )));
            }
        }
        if replies::asks_for_human(text) || prediction.intent == "contact_human_agent" {
            let priority = u32::from(upset);
            let d = hand_off(Line::HandoffRequested, lang, "asked for a human", priority);
            return Ok(Some(self.unless_nobody_is_there(conv, d, lang).await?));
        }
        if let Some(topic) = policy::topic(text) {
            let d = hand_off(Line::PolicyHandoff, lang, topic.reason(), 2);
            return Ok(Some(self.unless_nobody_is_there(conv, d, lang).await?));
        }
        // The merchant's own list of topics for a person.
        let lower = text.to_lowercase();
        let phrases = self
            .store
            .merchant_settings(&conv.merchant_id)
            .await?
            .map(|s| s.handoff_phrases)
            .unwrap_or_default();
        if let Some(phrase) = phrases
            .iter()
            .find(|p| !p.is_empty() && lower.contains(p.as_str()))
        {
            let reason = format!("policy: the shop's list (\"{phrase}\")");
            let d = hand_off(Line::PolicyHandoff, lang, &reason, 2);
            return Ok(Some(self.unless_nobody_is_there(conv, d, lang).await?));
        }
        let last = self.store.last_bot_message(&conv.id).await?;
        let last_intent = last.as_ref().and_then(|(_, intent)| intent.as_deref());
        let mut d = self
            .answer(conv, &pending, text, prediction, lang, last_intent)
            .await?;
        let failing = d.failed && conv.failed_turns + 1 >= FAILED_TURNS_OFFER;
        let repeated = last.as_ref().map(|(text, _)| text.as_str()) == Some(d.text.as_str());
        if failing || repeated {
            // Never the same canned answer again: change course and offer a person.
            d = Decision {
                failed: false,
                ..say(&d.intent, Line::OfferHuman, lang, ConversationState::Bot)
            };
        } else if upset {
            if lang == Lang::En {
                d.text.push(' ');
            }
            d.text.push_str(replies::text(Line::FrustrationOffer, lang));
            let human = replies::human_option(lang).to_string();
            match d.cards.iter_mut().find_map(|c| match c {
                Card::QuickReplies { options } => Some(options),
                _ => None,
            }) {
                Some(options) if options.contains(&human) => {}
                Some(options) => options.push(human),
                None => d.cards.push(Card::QuickReplies {
                    options: vec![human],
                }),
            }
        }
        if upset {
            d.priority = d.priority.max(1);
        }
        handoff::offer_csat(conv, &mut d, last_intent);
        if d.state == ConversationState::WaitingForHuman {
            // Any answer that hands off (a plugin's refund above the cap, …) is honest about
            // whether someone is there, like an explicit request; its own reason stays.
            d = self.note_if_nobody_is_there(conv, d, lang).await?;
        }
        Ok(Some(d))
    }

    /// The answer to the message itself: a plugin's, the FAQ's, a fixed reply, a
    /// clarifying question, or an honest "I can't".
    async fn answer(
        &self,
        conv: &Conversation,
        pending: &Pending,
        text: &str,
        prediction: &Prediction,
        lang: Lang,
        last_intent: Option<&str>,
    ) -> Result<Decision, EngineError> {
        use ConversationState::Bot;
        let found = slots::extract(text);
        // The answer to "what's the new address?" is the whole message (its house and
        // postal numbers are not order numbers).
        let address = (pending.need.as_deref() == Some("address") && conv.pending_intent.is_some())
            .then(|| text.trim().to_string());
        let order_number =
            slots::first(&found, SlotKind::OrderNumber).filter(|_| address.is_none());
        let email = slots::first(&found, SlotKind::Email);
        // A message that supplies what we asked for continues the pending intent (a bare
        // order number, an email); a short follow-up naming another order ("订单1002呢",
        // "and 1002?") continues the order question just answered; a clarifying question's
        // choice is that intent. Those messages alone are too short to classify.
        let chosen = labels::intent_for_label(text, &pending.clarify);
        let continues = order_number.is_some() || email.is_some() || address.is_some();
        let (intent, settled) = match (conv.pending_intent.as_deref(), chosen, last_intent) {
            (_, Some(chosen), _) => (chosen, true),
            (Some(p), None, _) if continues => (p, true),
            (None, None, Some(last))
                if order_number.is_some() && is_follow_up(text) && takes_order_number(last) =>
            {
                (last, true)
            }
            // "ok" / "yes" with nothing awaiting an answer acknowledges what was said.
            _ if replies::acknowledges(text) => ("thanks", true),
            _ => (prediction.intent.as_str(), false),
        };
        // A question naming one of the shop's products is about that product, whatever
        // the model made of the rest ("有机棉T恤多少钱").
        let product_intent;
        let intent = if !settled
            && !about_product(intent)
            && matches!(
                intent,
                OUT_OF_SCOPE | "place_order" | "check_payment_methods"
            )
            && self
                .plugins
                .for_intent(&conv.merchant_id, "product_info")
                .is_some()
            && self
                .store
                .product_named(&conv.merchant_id, text)
                .await?
                .is_some()
        {
            product_intent = if asks_about_stock(text) {
                "product_availability"
            } else {
                "product_info"
            };
            product_intent
        } else {
            intent
        };
        let settled = settled || about_product(intent);
        if !settled && let Some(d) = self.clarify(prediction, lang) {
            return Ok(d);
        }
        let order_number = order_number.map(str::to_string).or_else(|| {
            pending
                .order_number
                .clone()
                .filter(|_| conv.pending_intent.as_deref() == Some(intent))
        });
        Ok(match intent {
            "greeting" => say(intent, Line::Greeting, lang, Bot),
            "thanks" => say(intent, Line::Thanks, lang, Bot),
            "goodbye" => say(intent, Line::Goodbye, lang, Bot),
            _ => {
                let plugin = (intent != OUT_OF_SCOPE)
                    .then(|| self.plugins.for_intent(&conv.merchant_id, intent))
                    .flatten();
                let Some(plugin) = plugin else {
                    if let Some(entry) = self.faq_answer(conv, text, intent, lang).await? {
                        return Ok(entry);
                    }
                    let line = if intent == OUT_OF_SCOPE {
                        Line::OutOfScope
                    } else {
                        Line::CannotHandleYet
                    };
                    return Ok(say(intent, line, lang, Bot));
                };
                let mut verified_email = None;
                if acts_on_order(intent) {
                    let Some(number) = &order_number else {
                        return Ok(Decision {
                            pending_intent: Some(intent.to_string()),
                            ..say(intent, Line::AskOrderNumber, lang, Bot)
                        });
                    };
                    match self.owner_of(conv, number, email).await? {
                        Ownership::Proven(by) => verified_email = Some(by),
                        Ownership::NeedEmail => {
                            return Ok(Decision {
                                pending_intent: Some(intent.to_string()),
                                pending: Pending {
                                    order_number: Some(number.clone()),
                                    ..Pending::default()
                                },
                                ..say(intent, Line::AskOrderEmail, lang, Bot)
                            });
                        }
                        Ownership::Refused => {
                            return Ok(say(intent, Line::OwnershipNotProven, lang, Bot));
                        }
                    }
                }
                let mut slot_values = Vec::new();
                if let Some(n) = &order_number {
                    slot_values.push(("order-number".to_string(), n.clone()));
                }
                if let Some(e) = email {
                    slot_values.push(("email".to_string(), e.to_string()));
                }
                if let Some(m) = slots::first(&found, SlotKind::Money) {
                    slot_values.push(("amount".to_string(), m.to_string()));
                }
                if let Some(a) = &address {
                    slot_values.push(("address".to_string(), a.clone()));
                }
                let request = PluginRequest {
                    intent: intent.to_string(),
                    locale: lang.tag().to_string(),
                    text: text.to_string(),
                    slots: slot_values,
                    owner_verified: verified_email.is_some(),
                };
                let outcome = self.call(conv, &plugin, &request).await;
                let mut d = match outcome {
                    Ok(reply) => {
                        self.reply_decision(
                            conv,
                            &plugin,
                            intent,
                            reply,
                            verified_email.as_deref(),
                            lang,
                        )
                        .await?
                    }
                    Err(CallError::MissingSlot(slot)) if slot == "address" => Decision {
                        pending_intent: Some(intent.to_string()),
                        pending: Pending {
                            order_number: order_number.clone(),
                            need: Some("address".into()),
                            ..Pending::default()
                        },
                        ..say(intent, Line::AskAddress, lang, Bot)
                    },
                    Err(CallError::MissingSlot(_)) => Decision {
                        pending_intent: Some(intent.to_string()),
                        ..say(intent, Line::AskOrderNumber, lang, Bot)
                    },
                    Err(CallError::NotFound(_)) if about_product(intent) => {
                        say(intent, Line::ProductNotFound, lang, Bot)
                    }
                    Err(CallError::NotFound(_)) => Decision {
                        pending_intent: Some(intent.to_string()),
                        ..say(intent, Line::OrderNotFound, lang, Bot)
                    },
                    // The merchant's policy, in the plugin's words; the need is still unmet.
                    Err(CallError::NotAllowed(why)) => Decision {
                        failed: true,
                        ..answer_with(
                            intent,
                            why,
                            replies::quick_replies(Line::CannotHandleYet, lang),
                        )
                    },
                    Err(e) => {
                        tracing::warn!(merchant = %conv.merchant_id, intent, error = %e, "plugin call failed");
                        say(intent, Line::PluginFailed, lang, Bot)
                    }
                };
                if d.verified_email.is_none() {
                    d.verified_email = verified_email;
                }
                d
            }
        })
    }

    /// A clarifying question when the model is torn between shop intents.
    fn clarify(&self, prediction: &Prediction, lang: Lang) -> Option<Decision> {
        let [(first, p1), (second, p2), ..] = prediction.top.as_slice() else {
            return None;
        };
        if prediction.intent != *first
            || *p1 >= CLARIFY_BELOW
            || *p2 < CLARIFY_RUNNER_UP
            || !clarifiable(first)
            || !clarifiable(second)
        {
            return None;
        }
        let choices = [first, second];
        let mut options: Vec<String> = choices
            .iter()
            .filter_map(|i| labels::label(i, lang).map(str::to_string))
            .collect();
        if options.len() != 2 {
            return None;
        }
        options.push(replies::human_option(lang).to_string());
        Some(Decision {
            cards: vec![Card::QuickReplies { options }],
            pending: Pending {
                clarify: choices.iter().map(|s| s.to_string()).collect(),
                ..Pending::default()
            },
            ..say("clarify", Line::Clarify, lang, ConversationState::Bot)
        })
    }

    /// The merchant's FAQ answer to `text`, if an entry matches well enough.
    async fn faq_answer(
        &self,
        conv: &Conversation,
        text: &str,
        intent: &str,
        lang: Lang,
    ) -> Result<Option<Decision>, EngineError> {
        let entries: Vec<_> = self
            .store
            .faq(&conv.merchant_id)
            .await?
            .into_iter()
            .filter(|e| e.lang == lang.tag())
            .collect();
        Ok(faq::find(&entries, text, intent).map(|entry| {
            answer_with(
                entry.intent.as_deref().unwrap_or("faq"),
                entry.answer.clone(),
                vec![],
            )
        }))
    }

    /// Whether the shopper has proven that order `number` is theirs.
    async fn owner_of(
        &self,
        conv: &Conversation,
        number: &str,
        email: Option<&str>,
    ) -> Result<Ownership, EngineError> {
        let order = self.store.order(&conv.merchant_id, number).await?;
        let owner = order.as_ref().map(|o| o.email.to_lowercase());
        let matches = |e: &str| owner.as_deref() == Some(e.to_lowercase().as_str());
        if let Some(e) = email {
            return Ok(if matches(e) {
                Ownership::Proven(e.to_lowercase())
            } else {
                Ownership::Refused
            });
        }
        Ok(match &conv.verified_email {
            Some(v) if matches(v) => Ownership::Proven(v.clone()),
            _ => Ownership::NeedEmail,
        })
    }

    /// Runs one plugin call on a blocking thread and writes it to the audit log.
    async fn call(
        &self,
        conv: &Conversation,
        plugin: &Arc<LoadedPlugin>,
        request: &PluginRequest,
    ) -> Result<PluginReply, CallError> {
        let (plugins, p, r) = (self.plugins.clone(), plugin.clone(), request.clone());
        let (result, stats) = tokio::task::spawn_blocking(move || plugins.call_with_stats(&p, &r))
            .await
            .unwrap_or_else(|e| (Err(CallError::Trapped(e.to_string())), CallStats::default()));
        let proposed = match &result {
            Ok(PluginReply {
                proposal: Some(p), ..
            }) => Some((p.amount().0, p.amount().1.to_string())),
            _ => None,
        };
        // Recorded with the shopper's emails and phone numbers masked.
        let input = CallInput::Handle {
            intent: request.intent.clone(),
            locale: request.locale.clone(),
            text: record::redact_text(&request.text),
            slots: request
                .slots
                .iter()
                .map(|(k, v)| {
                    let v = match k.as_str() {
                        "email" => "[email]".into(),
                        "address" => "[address]".into(),
                        _ => record::redact_text(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
            owner_verified: request.owner_verified,
        };
        let entry = AuditEntry {
            conversation_id: Some(conv.id.clone()),
            export: "handle".into(),
            intent: Some(request.intent.clone()),
            proposed_minor: proposed.as_ref().map(|p| p.0),
            currency: proposed.map(|p| p.1),
            ..self.audit_base(conv, plugin, &result, &stats)
        };
        self.audit(entry, input, &result, stats).await;
        result
    }

    fn audit_base(
        &self,
        conv: &Conversation,
        plugin: &LoadedPlugin,
        result: &Result<PluginReply, CallError>,
        stats: &CallStats,
    ) -> AuditEntry {
        AuditEntry {
            merchant_id: conv.merchant_id.clone(),
            plugin: plugin.manifest().plugin.name.clone(),
            plugin_version: plugin.manifest().plugin.version.clone(),
            host_calls: stats.host_calls,
            micros: stats.micros,
            peak_memory: stats.peak_memory,
            outcome: outcome_name(result).into(),
            ..AuditEntry::default()
        }
    }

    async fn audit(
        &self,
        entry: AuditEntry,
        input: CallInput,
        result: &Result<PluginReply, CallError>,
        stats: CallStats,
    ) {
        let recording = CallRecording {
            entry: AuditEntry::default(),
            input: serde_json::to_string(&input).unwrap_or_default(),
            now_ms: stats.now_ms,
            host_log: serde_json::to_string(&stats.host_log).unwrap_or_default(),
            result: crate::plugins::outcome_json(result).to_string(),
        };
        // The audit log must not turn a served shopper into a failed turn; a write failure
        // is loud in the log instead.
        if let Err(e) = self.store.record_call(&entry, Some(&recording)).await {
            tracing::error!(error = %e, plugin = %entry.plugin, "writing the plugin audit log");
        }
    }

    /// What to say for a plugin's reply; a proposal becomes a confirmation card, or goes
    /// to a person when it is beyond what the bot may do.
    async fn reply_decision(
        &self,
        conv: &Conversation,
        plugin: &LoadedPlugin,
        intent: &str,
        reply: PluginReply,
        verified_email: Option<&str>,
        lang: Lang,
    ) -> Result<Decision, EngineError> {
        let mut d = answer_with(intent, reply.text, reply.cards);
        let Some(proposal) = reply.proposal else {
            return Ok(d);
        };
        let (order_id, terms) = (
            proposal.order_id().to_string(),
            proposal.terms().to_string(),
        );
        let (amount_minor, currency) = (proposal.amount().0, proposal.amount().1.to_string());
        let shopper = match (verified_email, acts_on_order(intent)) {
            (Some(shopper), true) => shopper.to_string(),
            // A proposal about an order the shopper has not proven is a plugin bug.
            _ => {
                tracing::warn!(plugin = %plugin.manifest().plugin.name, "proposal without proven ownership refused");
                return Ok(say(
                    intent,
                    Line::PluginFailed,
                    lang,
                    ConversationState::Bot,
                ));
            }
        };
        let settings = self
            .store
            .merchant_settings(&conv.merchant_id)
            .await?
            .unwrap_or_default();
        let allowed = match &proposal {
            // A refund: within the manifest's money caps and the merchant's own cap.
            Proposal::Refund { .. } => {
                plugin.manifest().money.as_ref().is_some_and(|m| {
                    m.currency == currency && amount_minor <= m.max_refund_minor && amount_minor > 0
                }) && settings
                    .refund_cap_minor
                    .is_none_or(|cap| amount_minor <= cap)
            }
            // Cancelling an unshipped order gives the shopper their own payment back: the
            // plugin needs the `order_changes` grant, no money cap applies.
            Proposal::CancelOrder { .. } | Proposal::ChangeAddress { .. } => {
                plugin.manifest().capabilities.order_changes
            }
        };
        if !allowed {
            let reason = format!(
                "{} of {} on order {order_id} is above what the bot may approve",
                if matches!(proposal, Proposal::Refund { .. }) {
                    "refund"
                } else {
                    "cancellation"
                },
                kefu_protocol::format_money(amount_minor, &currency)
            );
            return Ok(Decision {
                intent: intent.to_string(),
                ..hand_off(Line::RefundNeedsHuman, lang, &reason, 1)
            });
        }
        let id = uuid::Uuid::new_v4().simple().to_string();
        self.store
            .create_action(
                &conv.merchant_id,
                &ActionRecord {
                    id: id.clone(),
                    conversation_id: conv.id.clone(),
                    plugin: plugin.manifest().plugin.name.clone(),
                    plugin_version: plugin.manifest().plugin.version.clone(),
                    proposal: serde_json::to_string(&proposal)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    shopper,
                    state: ActionState::Proposed,
                },
            )
            .await?;
        d.cards.push(match &proposal {
            Proposal::Refund { .. } => {
                let (confirm, cancel) = replies::confirm_labels(lang);
                Card::ConfirmRefund {
                    action_id: id.clone(),
                    order_id,
                    amount_minor,
                    currency,
                    terms,
                    confirm: confirm.into(),
                    cancel: cancel.into(),
                }
            }
            Proposal::ChangeAddress { address, .. } => {
                let (confirm, cancel) = replies::address_labels(lang);
                Card::ConfirmAddress {
                    action_id: id.clone(),
                    order_id,
                    address: address.clone(),
                    terms,
                    confirm: confirm.into(),
                    cancel: cancel.into(),
                }
            }
            Proposal::CancelOrder { .. } => {
                let (confirm, cancel) = replies::cancel_labels(lang);
                Card::ConfirmCancel {
                    action_id: id.clone(),
                    order_id,
                    amount_minor,
                    currency,
                    terms,
                    confirm: confirm.into(),
                    cancel: cancel.into(),
                }
            }
        });
        d.pending.action = Some(id);
        Ok(d)
    }

    /// Carries out the action the shopper just confirmed, once.
    async fn commit(
        &self,
        conv: &Conversation,
        action_id: &str,
        lang: Lang,
    ) -> Result<Decision, EngineError> {
        use ConversationState::Bot;
        let Some(action) = self.store.action(&conv.id, action_id).await? else {
            return Ok(say("get_refund", Line::ActionAlreadyHandled, lang, Bot));
        };
        // Claim the action first: a second confirmation (another tab, a resend) finds it
        // taken and moves no money.
        if action.state != ActionState::Proposed
            || !self
                .store
                .move_action(action_id, ActionState::Proposed, ActionState::Committed)
                .await?
        {
            return Ok(say("get_refund", Line::ActionAlreadyHandled, lang, Bot));
        }
        let proposal: Proposal = serde_json::from_str(&action.proposal)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let Some(plugin) = self.plugins.by_name(&conv.merchant_id, &action.plugin) else {
            self.store
                .move_action(action_id, ActionState::Committed, ActionState::Failed)
                .await?;
            return Ok(say("get_refund", Line::CommitFailed, lang, Bot));
        };
        let (plugins, p, a, id, shopper) = (
            self.plugins.clone(),
            plugin.clone(),
            proposal.clone(),
            action_id.to_string(),
            action.shopper.clone(),
        );
        let (result, stats) =
            tokio::task::spawn_blocking(move || plugins.commit(&p, &id, &a, &shopper))
                .await
                .unwrap_or_else(|e| (Err(CallError::Trapped(e.to_string())), CallStats::default()));
        let (amount_minor, currency) = (proposal.amount().0, proposal.amount().1.to_string());
        let order_id = proposal.order_id().to_string();
        let intent = proposal.intent();
        // Something irreversible happened (a refund issued, an order cancelled).
        let issued = !stats.refunds_issued.is_empty();
        let entry = AuditEntry {
            conversation_id: Some(conv.id.clone()),
            export: "commit".into(),
            intent: Some(intent.into()),
            proposed_minor: Some(amount_minor),
            committed_minor: issued.then_some(amount_minor),
            currency: Some(currency.clone()),
            ..self.audit_base(conv, &plugin, &result, &stats)
        };
        let input = CallInput::Commit {
            action_id: action_id.to_string(),
            action: proposal.clone(),
            shopper: "[email]".into(),
        };
        let refunds_issued = stats.refunds_issued.clone();
        self.audit(entry, input, &result, stats).await;
        match result {
            Ok(reply) => Ok(answer_with(intent, reply.text, reply.cards)),
            // Money moved but the plugin failed afterwards: a person must look at it.
            Err(e) if issued => {
                tracing::error!(error = %e, order_id, "committed, but the plugin failed after");
                let reason = format!(
                    "{} done on order {order_id}, but the plugin failed afterwards",
                    refunds_issued.join(", ")
                );
                Ok(hand_off(Line::PolicyHandoff, lang, &reason, 2))
            }
            Err(e) => {
                tracing::warn!(error = %e, order_id, "committing an action failed");
                self.store
                    .move_action(action_id, ActionState::Committed, ActionState::Failed)
                    .await?;
                Ok(say(intent, Line::CommitFailed, lang, Bot))
            }
        }
    }
}

/// Whether a shopper owns the order they want acted on.
enum Ownership {
    /// Proven, by this email.
    Proven(String),
    /// Not yet: ask for the order's email.
    NeedEmail,
    /// The email given is not the order's (or there is no such order).
    Refused,
}
