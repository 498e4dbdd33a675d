//! The agent's side of a conversation: claim it, read it with what the bot understood, see
//! the shopper's orders, answer, take notes, resolve (which asks the shopper for a rating),
//! and get suggested replies.
//!
//! Every operation takes the [`Agent`] and works only on conversations of the agent's own
//! merchant; the store enforces the same. Each committed change is published on the bus,
//! so the shopper's widget shows an agent's reply live and other consoles refresh.

use std::collections::BTreeSet;

use kefu_intent::slots::{self, Slot, SlotKind};
use kefu_protocol::{
    Author, CONTACT_INTENT, CSAT_INTENT, CSAT_SCALE, Card, ChatMessage, ConversationState, Lang,
    MAX_TEXT_BYTES,
};
use serde::Serialize;

use super::Engine;
use super::replies::{Msg, say, say_with};
use crate::bus::{Change, Event};
use crate::plugins::record::redact_text;
use crate::store::{
    Agent, ClaimError, Conversation, NewMessage, Note, StoreError, StoredMessage, Ticket,
};

/// A shopper message as the console shows it: the message, the classifier's verdict and
/// the slots found in it.
#[derive(Debug, Clone, Serialize)]
pub struct ConsoleMessage {
    /// The stored message with its confidence.
    #[serde(flatten)]
    pub stored: StoredMessage,
    /// Order numbers, emails, phone numbers, amounts found in shopper messages.
    pub slots: Vec<Slot>,
    /// The label an agent gave it for training, if any.
    pub label: Option<String>,
}

/// One of the shopper's orders, as context for the agent (status, never the address).
#[derive(Debug, Clone, Serialize)]
pub struct OrderContext {
    /// Order number.
    pub id: String,
    /// Machine-readable status.
    pub status: String,
    /// Carrier, once shipped.
    pub carrier: Option<String>,
    /// Tracking number, once shipped.
    pub tracking_number: Option<String>,
    /// Expected delivery.
    pub eta: Option<String>,
    /// The day the carrier marked it delivered (ISO 8601), when the shop knows it: what an
    /// agent checks a "never arrived" or "arrived broken" claim against.
    pub delivered_on: Option<String>,
    /// Total in minor units.
    pub total_minor: u64,
    /// ISO 4217.
    pub currency: String,
    /// "1 × Grey zip hoodie", …
    pub items: Vec<String>,
}

/// A reply the agent may send as is or edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The text.
    pub text: String,
    /// Where it comes from: `bot` (an answer the bot gave here), `faq`, `canned`.
    pub source: &'static str,
}

/// Everything the console shows about one conversation.
#[derive(Debug, Clone, Serialize)]
pub struct ConversationView {
    /// Id.
    pub id: String,
    /// Who is in charge.
    pub state: ConversationState,
    /// Escalation priority.
    pub priority: u32,
    /// Why a person was asked for.
    pub handoff_reason: Option<String>,
    /// The agent in charge, if claimed.
    pub agent_id: Option<i64>,
    /// The widget's locale.
    pub locale: String,
    /// Every message, shopper messages with intent, confidence and slots.
    pub messages: Vec<ConsoleMessage>,
    /// Internal notes (never shown to the shopper).
    pub notes: Vec<Note>,
    /// The orders of the shopper's proven email and those mentioned in the conversation,
    /// found in the merchant's data.
    pub orders: Vec<OrderContext>,
    /// Replies to start from.
    pub suggestions: Vec<Suggestion>,
    /// The shopper's contact request, if they left one.
    pub ticket: Option<Ticket>,
    /// The shopper's satisfaction score, once given.
    pub csat_score: Option<u8>,
    /// What the shopper wants, the facts they gave, what the bot tried and why it handed
    /// off, at one glance.
    pub summary: super::summary::HandoffSummary,
}

/// Why an agent's message was refused.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    /// Empty text.
    #[error("the message is empty")]
    Empty,
    /// Longer than [`MAX_TEXT_BYTES`].
    #[error("the message is longer than {MAX_TEXT_BYTES} bytes; please shorten it")]
    TooLong,
    /// The conversation refused the action.
    #[error(transparent)]
    Claim(#[from] ClaimError),
}

impl From<StoreError> for AgentError {
    fn from(e: StoreError) -> Self {
        Self::Claim(e.into())
    }
}

/// Checks an agent's text (reply, note, FAQ field): trimmed, non-empty, not too long.
pub fn agent_text(text: &str) -> Result<&str, AgentError> {
    let text = text.trim();
    if text.is_empty() {
        Err(AgentError::Empty)
    } else if text.len() > MAX_TEXT_BYTES {
        Err(AgentError::TooLong)
    } else {
        Ok(text)
    }
}

/// The language the shopper writes in: their latest message's script, else the locale.
fn shopper_lang(conv: &Conversation, transcript: &[ChatMessage]) -> Lang {
    transcript
        .iter()
        .rev()
        .find(|m| m.author == Author::Shopper && m.intent.as_deref() != Some(CSAT_INTENT))
        .map(|m| match kefu_intent::language(&m.text) {
            kefu_intent::Language::Zh | kefu_intent::Language::Mixed => Lang::Zh,
            kefu_intent::Language::En => Lang::En,
        })
        .unwrap_or_else(|| Lang::from_tag(&conv.locale))
}

fn joined(lang: Lang, name: &str) -> String {
    say_with(lang, Msg::AgentJoined, &[("name", name)])
}

fn resolved(lang: Lang, name: &str, ask: bool) -> String {
    let message = if ask {
        Msg::AgentResolvedRate
    } else {
        Msg::AgentResolved
    };
    say_with(lang, message, &[("name", name)])
}

fn canned(lang: Lang, name: &str) -> Vec<String> {
    vec![
        say_with(lang, Msg::CannedGreeting, &[("name", name)]),
        say(lang, Msg::CannedOrderNumber).into(),
        say(lang, Msg::CannedAnythingElse).into(),
    ]
}

/// Bot lines that are about handing off, not answers worth reusing.
fn is_handoff_line(m: &ChatMessage) -> bool {
    matches!(
        m.intent.as_deref(),
        Some("contact_human_agent" | CONTACT_INTENT | CSAT_INTENT | "greeting")
    ) || m.agent.is_some()
        || m.cards
            .iter()
            .any(|c| matches!(c, Card::ContactForm { .. } | Card::Csat { .. }))
}

impl Engine {
    fn publish_changed(&self, merchant: &str, conversation: &str, what: Change) {
        self.bus.publish(
            merchant,
            Event::Changed {
                conversation_id: conversation.to_string(),
                what,
            },
        );
    }

    /// `agent` takes a conversation waiting for a person; the shopper is told who joined.
    /// Of two agents claiming at once, one wins and the other gets [`ClaimError::Taken`].
    pub async fn claim(
        &self,
        agent: &Agent,
        conversation: &str,
    ) -> Result<Vec<ChatMessage>, ClaimError> {
        let conv = self
            .store
            .conversation(&agent.merchant_id, conversation)
            .await?
            .ok_or(ClaimError::NotFound)?;
        let transcript = self.store.messages_after(conversation, 0).await?;
        let notice = NewMessage {
            author: Author::Bot,
            text: joined(shopper_lang(&conv, &transcript), &agent.name),
            cards: vec![],
            client_msg_id: None,
            intent: Some("agent_joined".into()),
            confidence: None,
            marks: Default::default(),
        };
        let stored = self.store.claim(agent, conversation, notice).await?;
        self.bus
            .publish_messages(&agent.merchant_id, conversation, &stored);
        Ok(stored)
    }

    /// A reply from the agent who owns the conversation, pushed to the shopper.
    pub async fn agent_reply(
        &self,
        agent: &Agent,
        conversation: &str,
        text: &str,
    ) -> Result<ChatMessage, AgentError> {
        let text = agent_text(text)?;
        let message = NewMessage {
            author: Author::Agent,
            text: text.to_string(),
            cards: vec![],
            client_msg_id: None,
            intent: None,
            confidence: None,
            marks: Default::default(),
        };
        let stored = self
            .store
            .agent_messages(agent, conversation, vec![message], ConversationState::Human)
            .await?;
        self.bus
            .publish_messages(&agent.merchant_id, conversation, &stored);
        Ok(stored.into_iter().next().expect("one message stored"))
    }

    /// The owning agent closes the conversation; the shopper is asked for a rating unless
    /// they already gave one. Writing again later starts over with the bot.
    pub async fn resolve(
        &self,
        agent: &Agent,
        conversation: &str,
    ) -> Result<Vec<ChatMessage>, ClaimError> {
        let conv = self
            .store
            .conversation(&agent.merchant_id, conversation)
            .await?
            .ok_or(ClaimError::NotFound)?;
        let transcript = self.store.messages_after(conversation, 0).await?;
        let ask = conv.csat_score.is_none();
        let message = NewMessage {
            author: Author::Bot,
            text: resolved(shopper_lang(&conv, &transcript), &agent.name, ask),
            cards: if ask {
                vec![Card::Csat { scale: CSAT_SCALE }]
            } else {
                vec![]
            },
            client_msg_id: None,
            intent: Some("resolved".into()),
            confidence: None,
            marks: Default::default(),
        };
        let stored = self
            .store
            .agent_messages(
                agent,
                conversation,
                vec![message],
                ConversationState::Resolved,
            )
            .await?;
        self.bus
            .publish_messages(&agent.merchant_id, conversation, &stored);
        Ok(stored)
    }

    /// An internal note on a conversation of the agent's merchant; never sent to the shopper.
    pub async fn add_note(
        &self,
        agent: &Agent,
        conversation: &str,
        text: &str,
    ) -> Result<Note, AgentError> {
        let text = agent_text(text)?;
        let note = self.store.add_note(agent, conversation, text).await?;
        self.publish_changed(&agent.merchant_id, conversation, Change::Note);
        Ok(note)
    }

    /// Records that `agent` labelled shopper message `seq` as `label` (which must be one of
    /// the model's labels), and teaches the bot that its words (emails and phone numbers
    /// masked) mean `label` from the merchant's next message on. Returns the message's text
    /// for the training file, or `None` if it was labelled already.
    pub async fn label_message(
        &self,
        agent: &Agent,
        conversation: &str,
        seq: u64,
        label: &str,
    ) -> Result<Option<String>, ClaimError> {
        if self
            .store
            .conversation(&agent.merchant_id, conversation)
            .await?
            .is_none()
        {
            return Err(ClaimError::NotFound);
        }
        let message = self
            .store
            .messages_after(conversation, seq.saturating_sub(1))
            .await?
            .into_iter()
            .next()
            .filter(|m| m.seq == seq && m.author == Author::Shopper)
            .ok_or(ClaimError::NotFound)?;
        let added = self
            .store
            .teach_label(
                &agent.merchant_id,
                conversation,
                seq,
                label,
                agent.id,
                &redact_text(&message.text),
            )
            .await?;
        if added {
            self.publish_changed(&agent.merchant_id, conversation, Change::Label);
        }
        Ok(added.then_some(message.text))
    }

    /// Adds an FAQ entry an agent wrote from a conversation: `question` (the shopper's
    /// words) answered by `answer`; the bot gives it to those words and close variants of
    /// them from the merchant's next message on, whatever the model makes of them.
    pub async fn save_faq(
        &self,
        agent: &Agent,
        lang: &str,
        question: &str,
        answer: &str,
    ) -> Result<i64, StoreError> {
        self.store
            .add_taught_faq(
                &agent.merchant_id,
                lang,
                question,
                answer,
                &redact_text(question),
            )
            .await
    }

    /// The console's view of a conversation of the agent's merchant.
    pub async fn conversation_view(
        &self,
        agent: &Agent,
        conversation: &str,
    ) -> Result<ConversationView, ClaimError> {
        let conv = self
            .store
            .conversation(&agent.merchant_id, conversation)
            .await?
            .ok_or(ClaimError::NotFound)?;
        let transcript = self.store.transcript(conversation).await?;
        let labels = self.store.training_labels(conversation).await?;
        let mut order_ids = BTreeSet::new();
        let messages: Vec<ConsoleMessage> = transcript
            .into_iter()
            .map(|stored| {
                let slots = if stored.message.author == Author::Shopper {
                    slots::extract(&stored.message.text)
                } else {
                    vec![]
                };
                for s in slots.iter().filter(|s| s.kind == SlotKind::OrderNumber) {
                    order_ids.insert(s.value.clone());
                }
                let label = labels
                    .iter()
                    .find(|(seq, _)| *seq == stored.message.seq)
                    .map(|(_, l)| l.clone());
                ConsoleMessage {
                    stored,
                    slots,
                    label,
                }
            })
            .collect();
        let mut orders = Vec::new();
        // The orders of the email the shopper proved, then any other order they named.
        let mut order_ids: Vec<String> = order_ids.into_iter().collect();
        if let Some(email) = &conv.verified_email {
            for id in self
                .store
                .order_ids_by_email(&agent.merchant_id, email)
                .await?
                .into_iter()
                .rev()
            {
                if !order_ids.contains(&id) {
                    order_ids.insert(0, id);
                }
            }
        }
        for id in &order_ids {
            if let Some(o) = self.store.order(&agent.merchant_id, id).await? {
                orders.push(OrderContext {
                    id: o.id,
                    status: o.status,
                    carrier: o.carrier,
                    tracking_number: o.tracking_number,
                    eta: o.eta,
                    delivered_on: o.delivered_on,
                    total_minor: o.total_minor,
                    currency: o.currency,
                    items: o
                        .items
                        .iter()
                        .map(|i| format!("{} × {}", i.quantity, i.name))
                        .collect(),
                });
            }
        }
        let plain: Vec<ChatMessage> = messages.iter().map(|m| m.stored.message.clone()).collect();
        let suggestions = self.suggestions(agent, &conv, &plain).await?;
        let summary = super::summary::summarize(&plain, &conv);
        Ok(ConversationView {
            id: conv.id.clone(),
            state: conv.state,
            priority: conv.priority,
            handoff_reason: conv.handoff_reason.clone(),
            agent_id: conv.agent_id,
            locale: conv.locale.clone(),
            messages,
            notes: self.store.notes(conversation).await?,
            orders,
            suggestions,
            ticket: self.store.ticket_of(conversation).await?,
            csat_score: conv.csat_score,
            summary,
        })
    }

    /// Replies the agent may start from: FAQ answers matching the shopper's latest message
    /// ([`Self::faq_suggestions`]), the bot's own recent answers in this conversation, and
    /// canned lines in the shopper's language.
    pub async fn suggestions(
        &self,
        agent: &Agent,
        conv: &Conversation,
        transcript: &[ChatMessage],
    ) -> Result<Vec<Suggestion>, StoreError> {
        let lang = shopper_lang(conv, transcript);
        let last_shopper = transcript
            .iter()
            .rev()
            .find(|m| m.author == Author::Shopper)
            .map(|m| m.text.as_str())
            .unwrap_or("");
        let mut out = self
            .faq_suggestions(&agent.merchant_id, last_shopper, lang)
            .await?;
        let mut seen = BTreeSet::new();
        for m in transcript.iter().rev() {
            if m.author == Author::Bot && !is_handoff_line(m) && seen.insert(m.text.clone()) {
                out.push(Suggestion {
                    text: m.text.clone(),
                    source: "bot",
                });
                if seen.len() == 2 {
                    break;
                }
            }
        }
        out.extend(
            canned(lang, &agent.name)
                .into_iter()
                .map(|text| Suggestion {
                    text,
                    source: "canned",
                }),
        );
        Ok(out)
    }

    /// FAQ answers for `text`: first the entry the bot itself would answer with
    /// ([`super::faq::find`], by the recognised intent and the wording), then entries in the
    /// shopper's language sharing a word (English) or two characters (Chinese) with the
    /// question, best overlap first, at most three in all.
    pub async fn faq_suggestions(
        &self,
        merchant: &str,
        text: &str,
        lang: Lang,
    ) -> Result<Vec<Suggestion>, StoreError> {
        fn terms(s: &str) -> BTreeSet<String> {
            let lower = s.to_lowercase();
            let mut out: BTreeSet<String> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 3)
                .map(str::to_string)
                .collect();
            let han: Vec<char> = lower
                .chars()
                .filter(|c| kefu_intent::featurize::is_han(*c))
                .collect();
            out.extend(han.windows(2).map(|w| w.iter().collect::<String>()));
            out
        }
        let wanted = terms(text);
        if wanted.is_empty() {
            return Ok(vec![]);
        }
        let entries: Vec<_> = self
            .store
            .faq(merchant)
            .await?
            .into_iter()
            .filter(|f| f.lang == lang.tag())
            .collect();
        let intent = self.classifier.classify(text).intent;
        let best = super::faq::find(&entries, text, &intent).map(|e| e.answer.clone());
        let mut scored: Vec<(usize, String)> = entries
            .into_iter()
            .map(|f| (terms(&f.question).intersection(&wanted).count(), f.answer))
            .filter(|(n, answer)| *n > 0 && Some(answer) != best.as_ref())
            .collect();
        scored.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        Ok(best
            .into_iter()
            .chain(scored.into_iter().map(|(_, text)| text))
            .take(3)
            .map(|text| Suggestion {
                text,
                source: "faq",
            })
            .collect())
    }

    /// The name of the agent in charge of `conv`, when one is.
    pub async fn agent_in_charge(&self, conv: &Conversation) -> Option<String> {
        if conv.state != ConversationState::Human {
            return None;
        }
        let messages = self.store.messages_after(&conv.id, 0).await.ok()?;
        messages.into_iter().rev().find_map(|m| m.agent)
    }
}
