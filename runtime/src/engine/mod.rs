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
pub mod handoff;
pub mod policy;
pub mod replies;

use std::sync::Arc;

use kefu_intent::slots::{self, SlotKind};
use kefu_intent::{Classifier, Language, OUT_OF_SCOPE, Prediction};
use kefu_protocol::{Author, Card, ChatMessage, ConversationState, IntentHint, MAX_TEXT_BYTES};

use crate::bus::Bus;
use crate::plugins::{CallError, PluginHost, PluginRequest};
use crate::store::{Conversation, ConversationUpdate, NewMessage, Store, StoreError};
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
}

/// The conversation engine. Shared by every connection.
#[derive(Debug, Clone)]
pub struct Engine {
    store: Store,
    classifier: Arc<Classifier>,
    plugins: Arc<PluginHost>,
    bus: Bus,
}

fn say(intent: &str, line: Line, lang: Lang, state: ConversationState) -> Decision {
    Decision {
        intent: intent.to_string(),
        text: replies::text(line, lang).to_string(),
        cards: replies::quick_replies(line, lang),
        state,
        pending_intent: None,
        failed: matches!(
            line,
            Line::OutOfScope | Line::CannotHandleYet | Line::OrderNotFound | Line::PluginFailed
        ),
        handoff_reason: None,
        priority: 0,
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
    matches!(intent, "track_order")
}

/// How upset a message must sound before the bot offers a person on its own.
const FRUSTRATION_OFFER: f32 = 0.5;
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
            Some(d) => {
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
        let upset = frustration.score >= FRUSTRATION_OFFER;
        if replies::asks_for_human(text) || prediction.intent == "contact_human_agent" {
            let priority = u32::from(upset);
            let d = hand_off(Line::HandoffRequested, lang, "asked for a human", priority);
            return Ok(Some(self.unless_nobody_is_there(conv, d, lang).await?));
        }
        if let Some(topic) = policy::topic(text) {
            let d = hand_off(Line::PolicyHandoff, lang, topic.reason(), 2);
            return Ok(Some(self.unless_nobody_is_there(conv, d, lang).await?));
        }
        let last = self.store.last_bot_message(&conv.id).await?;
        let last_intent = last.as_ref().and_then(|(_, intent)| intent.as_deref());
        let mut d = self.answer(conv, text, prediction, lang, last_intent).await;
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

    /// The answer to the message itself: a plugin's, a fixed reply, or an honest "I can't".
    async fn answer(
        &self,
        conv: &Conversation,
        text: &str,
        prediction: &Prediction,
        lang: Lang,
        last_intent: Option<&str>,
    ) -> Decision {
        use ConversationState::Bot;
        let intent = prediction.intent.as_str();
        let found = slots::extract(text);
        let order_number = slots::first(&found, SlotKind::OrderNumber);
        // A bare order number answering our question continues the pending intent, and a
        // short follow-up naming another order ("订单1002呢", "and 1002?") continues the
        // order question just answered: the message alone is too short to classify.
        let intent = match (conv.pending_intent.as_deref(), order_number, last_intent) {
            (Some(pending), Some(_), _) => pending,
            (None, Some(_), Some(last)) if is_follow_up(text) && takes_order_number(last) => last,
            _ => intent,
        };
        match intent {
            "greeting" => say(intent, Line::Greeting, lang, Bot),
            "thanks" => say(intent, Line::Thanks, lang, Bot),
            "goodbye" => say(intent, Line::Goodbye, lang, Bot),
            OUT_OF_SCOPE => say(intent, Line::OutOfScope, lang, Bot),
            _ => {
                let Some(plugin) = self.plugins.for_intent(&conv.merchant_id, intent) else {
                    return say(intent, Line::CannotHandleYet, lang, Bot);
                };
                let mut slot_values = Vec::new();
                if let Some(n) = order_number {
                    slot_values.push(("order-number".to_string(), n.to_string()));
                }
                if let Some(e) = slots::first(&found, SlotKind::Email) {
                    slot_values.push(("email".to_string(), e.to_string()));
                }
                let request = PluginRequest {
                    intent: intent.to_string(),
                    locale: lang.tag().to_string(),
                    text: text.to_string(),
                    slots: slot_values,
                };
                let plugins = self.plugins.clone();
                let outcome = tokio::task::spawn_blocking(move || plugins.call(&plugin, &request))
                    .await
                    .unwrap_or_else(|e| Err(CallError::Trapped(e.to_string())));
                match outcome {
                    Ok(reply) => Decision {
                        intent: intent.to_string(),
                        text: reply.text,
                        cards: reply.cards,
                        state: Bot,
                        pending_intent: None,
                        failed: false,
                        handoff_reason: None,
                        priority: 0,
                    },
                    Err(CallError::MissingSlot(_)) => Decision {
                        pending_intent: Some(intent.to_string()),
                        ..say(intent, Line::AskOrderNumber, lang, Bot)
                    },
                    Err(CallError::NotFound(_)) => Decision {
                        pending_intent: Some(intent.to_string()),
                        ..say(intent, Line::OrderNotFound, lang, Bot)
                    },
                    Err(e) => {
                        tracing::warn!(merchant = %conv.merchant_id, intent, error = %e, "plugin call failed");
                        say(intent, Line::PluginFailed, lang, Bot)
                    }
                }
            }
        }
    }
}
