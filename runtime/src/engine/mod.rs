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
//!   change is published on the [`Bus`] for the widget and the consoles;
//! - a shopper's "delete this conversation" and the merchant's retention period forget
//!   conversations through [`privacy`];
//! - what agents taught (a relabelled message, a question saved as an FAQ entry) counts
//!   from the merchant's next message: the phrasing and close variants of it are understood
//!   as taught ([`correction`], kept in step with the store by `taught`), before the
//!   model's own reading and never for another merchant.
//!
//! Bot text never states facts of its own: order details come from plugins only.
//!
//! A turn runs in three stages, one file each: [`context`] gathers the facts (one store
//! call, the plugin table, agent presence), [`decide`] decides on them without any I/O,
//! `execute` runs the plugin calls the plan asks for; then everything the turn changed is
//! written in one transaction that holds only if the conversation did not change meanwhile
//! (otherwise the turn is decided again). The files beside them each hold one part of the
//! decision: [`routing`], [`ownership`], `confirm` (which action a confirmation answers),
//! [`money`], [`handoff`], [`policy`] (its word lists in `policy_words`, `legal_words`, `safety_words` and `owning_words`), [`faq`],
//! [`language`], [`replies`], `faq_answers` (the FAQ beside the model's reading), `urgency_cues`
//! (time pressure), and the audit records (`audit`); `proofs` counts wrong order
//! emails per network address.

mod account_cues;
mod address;
mod address_change;
mod address_fix;
pub mod agents;
mod arrival_words;
mod aside_noise;
mod asked_last;
mod audit;
mod basket;
mod beside;
mod bot_conceded;
mod bot_question_words;
pub mod brand;
mod cancel_words;
mod claim_words;
mod claims;
mod clarify;
mod complaint_words;
mod confirm;
mod context;
pub mod correction;
pub mod cues;
mod data_words;
pub mod decide;
pub mod decision;
mod delivery_words;
mod destinations;
mod double_charge;
mod email_declined;
mod exchange_words;
mod execute;
pub mod faq;
mod faq_answers;
mod figure_words;
mod finish;
mod goods_harm;
pub mod handoff;
mod harm_cues;
mod harm_reasons;
mod home_words;
pub mod honesty;
pub mod identity;
pub mod labels;
pub mod language;
mod late_words;
mod legal_noise;
mod legal_words;
mod meanwhile;
mod money;
mod no_number;
mod order_paid;
mod other_tasks;
mod own_account_words;
mod own_charges;
mod ownership;
mod owning_words;
mod person_first;
mod person_words;
pub mod plan;
pub mod policy;
pub mod policy_cues;
mod policy_words;
mod pressure_cues;
pub mod privacy;
mod proofs;
mod range_words;
mod refund_sums;
mod refund_words;
mod refused;
mod remark_words;
pub mod replies;
mod return_words;
mod routing;
mod routing_address;
mod routing_complaints;
mod routing_continued;
mod routing_heard;
mod routing_money;
mod routing_orders;
mod routing_policies;
mod routing_remarks;
mod routing_values;
mod safety_words;
mod set_aside;
mod shipping_words;
mod situation;
pub mod summary;
mod supplied;
mod taught;
#[cfg(test)]
mod text_fuzz;
mod threat_cues;
mod told_words;
mod topic_choice;
mod topic_noise;
pub mod understand;
mod urgency_cues;
pub mod welcome;
mod withdrawn;
mod wrong_goods_words;

use std::sync::Arc;

use kefu_intent::Classifier;
use kefu_protocol::{Author, ChatMessage, ConversationState, IntentHint, MAX_TEXT_BYTES};

use crate::bus::Bus;
use crate::engine::replies::Lang;
use crate::plugins::PluginHost;
use crate::store::{
    Conversation, ConversationUpdate, MessageMarks, NewMessage, Store, StoreError, TurnWrite,
    TurnWritten,
};
pub use confirm::CardAnswer;

/// The intent stored with a shopper's press of a card's confirming button.
pub const CARD_ACCEPTED: &str = "card_accepted";
/// The intent stored with a shopper's press of a card's declining button.
pub const CARD_DECLINED: &str = "card_declined";
pub use context::{Served, TurnContext};
use decision::Decision;
use execute::Executor;
use plan::{Escalation, Step};
use understand::Understanding;

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
    /// The conversation kept changing while the turn was decided (an agent took it over,
    /// another tab sent at once); nothing was stored, the message may be sent again.
    #[error("the conversation changed while answering; please send the message again")]
    Busy,
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
    /// The confirmation card's button this message is, if it is one.
    pub card: Option<CardAnswer>,
    /// The network address the message came from (wrong order emails are counted per
    /// address as well as per conversation); `None` when unknown.
    pub peer: Option<std::net::IpAddr>,
}

impl ShopperInput {
    /// A message the shopper typed with nothing else known (no locale, hint, card or
    /// address): what tests and tools send.
    pub fn typed(client_msg_id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            client_msg_id: client_msg_id.into(),
            text: text.into(),
            locale: None,
            hint: None,
            card: None,
            peer: None,
        }
    }
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

/// The conversation engine. Shared by every connection.
#[derive(Debug, Clone)]
pub struct Engine {
    store: Store,
    classifier: Arc<Classifier>,
    plugins: Arc<PluginHost>,
    bus: Bus,
    proof_failures: Arc<proofs::ProofFailures>,
    taught: Arc<taught::TaughtPhrasings>,
}

impl Engine {
    /// An engine over `store`, classifying with `classifier` and calling `plugins`.
    pub fn new(store: Store, classifier: Arc<Classifier>, plugins: Arc<PluginHost>) -> Self {
        Self {
            store,
            classifier,
            plugins,
            bus: Bus::new(),
            proof_failures: Arc::default(),
            taught: Arc::default(),
        }
    }

    /// The same engine publishing on `bus` (one that reaches other nodes, say).
    pub fn with_bus(mut self, bus: Bus) -> Self {
        self.bus = bus;
        self
    }

    /// Where committed changes are published (and agent presence is counted).
    pub fn bus(&self) -> &Bus {
        &self.bus
    }

    /// The intent model's labels (what an agent may label a message as).
    pub fn labels(&self) -> &[String] {
        self.classifier.labels()
    }

    /// Resumes `conversation_id` of `merchant` or starts a new conversation in `locale`
    /// (empty: the shop's default locale).
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
        let Some(settings) = self.store.merchant_settings(merchant).await? else {
            return Err(EngineError::UnknownMerchant);
        };
        let locale = if locale.is_empty() {
            settings.default_locale.as_str()
        } else {
            locale
        };
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
        match identity::verify(
            settings.identity_secret.as_deref(),
            merchant,
            identity,
            unix_now(),
        ) {
            // Proof only until the identity expires: every use checks it again.
            Ok(email) => {
                self.store
                    .set_verified_identity(conversation, &email, identity.expires)
                    .await?;
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    }

    /// Handles one shopper message in `conversation`: understand it, load the turn's
    /// facts, decide (purely), carry out the plan, and store everything the turn changed in
    /// one transaction — only if the conversation is still as the facts said, otherwise
    /// decide again on fresh facts. The chat socket's span names the merchant and the
    /// conversation on every log line of the turn; plugin calls carry it onto the blocking
    /// threads they run on.
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
        // Read with straight quotes; stored as typed.
        let typed = text;
        let text = &*understand::with_straight_quotes(typed);
        // What follows a set-aside clause is what is asked ("never mind that. do you take
        // apple pay?"); the rules read the whole message.
        let read = understand::as_read(set_aside::what_is_asked(text));
        let prediction = self.classifier.classify(&read);
        if let Some(hint) = &input.hint
            && hint.intent != prediction.intent
        {
            tracing::debug!(client = %hint.intent, runtime = %prediction.intent, "intent hint differs");
        }
        let mut u = Understanding::new(text, prediction, input.locale.as_deref().unwrap_or(""));
        // So is a last sentence the model is sure of after a remark it reads as nothing
        // ("My lawyer friend recommended you guys lol. Are returns free?").
        asked_last::read_by_the_last_sentence(&mut u, &read, |t| self.classifier.classify(t));
        u.card = input.card.clone();
        let mut taught = false;
        let mut exec = Executor::new(merchant, conversation);
        for _ in 0..MAX_ATTEMPTS {
            let live = |settings: &_| self.someone_live(merchant, settings);
            let mut ctx = TurnContext::load(
                &self.store,
                &self.plugins,
                live,
                merchant,
                conversation,
                &input.client_msg_id,
                &u,
            )
            .await?
            .ok_or(EngineError::UnknownConversation)?;
            // A resend is answered with what its first send stored, before anything is
            // decided or any plugin called again.
            if let Some(seq) = ctx.resent {
                let messages = self.store.messages_after(conversation, seq - 1).await?;
                return Ok(Turn::Duplicate { seq, messages });
            }
            // What the merchant's agents taught comes before the model's own reading (it
            // changes the intent and topics, never what the context was loaded for).
            if !taught {
                let version = ctx.config.version;
                let correction = self
                    .taught
                    .nearest(&self.store, merchant, text, version)
                    .await?;
                u = u.as_taught(correction);
                taught = true;
            }
            ctx.trust.now = unix_now();
            ctx.trust.address_failures = self.proof_failures.count(input.peer);
            let fallback = match &input.locale {
                Some(locale) => Lang::from_tag(locale),
                None => Lang::from_tag(&ctx.conversation.locale),
            };
            let last_bot = ctx.last_bot.as_ref().map(|(said, _)| said.as_str());
            u.lang = language::continue_in(text, last_bot, fallback);
            let plan = decide::decide(&ctx, &u);
            let mut escalation = None;
            let decision = match plan.step {
                Step::Silence => None,
                Step::Escalate(e) => {
                    escalation = Some(e);
                    None
                }
                Step::Reply(d) => Some(d),
                Step::Call(call) => {
                    let (result, version) = exec.call(self, &call).await;
                    let id = exec.action_id.clone();
                    let status = refused::status_call(&ctx, &call, &result);
                    let d = decide::after_call(&ctx, &u, &call, result, &id, &version);
                    // A refused change to an order: where the order is, beside the reason.
                    Some(match status {
                        Some(status) => refused::with_status(d, exec.call(self, &status).await.0),
                        None => d,
                    })
                }
                Step::Commit { action_id } => {
                    let outcome = exec.commit(self, &ctx, &action_id).await?;
                    Some(decide::after_commit(&u, outcome))
                }
            };
            let decision = decision
                .map(|d| decide::worded(&ctx, d, u.lang))
                .map(|d| meanwhile::keeps_waiting(&ctx, d, u.lang));
            let handoff = decision
                .as_ref()
                .filter(|d| {
                    d.state == ConversationState::WaitingForHuman
                        && ctx.conversation.state != ConversationState::WaitingForHuman
                })
                .and_then(|d| d.handoff_reason.clone());
            let mut write = turn_write(&ctx, &u, &input, plan.lapsed_action, decision, &exec);
            if let Some(e) = escalation {
                write.update = Some(escalated(&ctx.conversation, e));
            }
            let proof_failed = write.proof_failed;
            match self.store.write_turn(write).await? {
                TurnWritten::Stored(stored) => {
                    if proof_failed {
                        self.proof_failures.failed(input.peer);
                    }
                    self.bus.publish_messages(merchant, conversation, &stored);
                    crate::telemetry::intent(merchant, &u.prediction.intent);
                    if let Some(reason) = handoff {
                        crate::telemetry::handoff(merchant, &reason);
                    }
                    return Ok(Turn::Stored(stored));
                }
                // A resend of the same message won the race; answer with what it stored.
                TurnWritten::Duplicate => {
                    self.record_calls(&exec).await;
                    return self
                        .earlier_send(conversation, &input.client_msg_id)
                        .await?
                        .ok_or(EngineError::UnknownConversation);
                }
                TurnWritten::Changed => {
                    tracing::debug!(
                        conversation,
                        "conversation changed during the turn; deciding again"
                    );
                }
            }
        }
        self.record_calls(&exec).await;
        Err(EngineError::Busy)
    }

    /// The turn an earlier send of `client_msg_id` stored, if there was one.
    async fn earlier_send(
        &self,
        conversation: &str,
        client_msg_id: &str,
    ) -> Result<Option<Turn>, EngineError> {
        let Some(seq) = self
            .store
            .seq_of_client_message(conversation, client_msg_id)
            .await?
        else {
            return Ok(None);
        };
        let messages = self.store.messages_after(conversation, seq - 1).await?;
        Ok(Some(Turn::Duplicate { seq, messages }))
    }

    /// Writes the audit log of a turn that stored nothing else. The audit log must not turn
    /// a served shopper into a failed turn; a write failure is loud in the log instead.
    async fn record_calls(&self, exec: &Executor) {
        for (entry, recording) in &exec.audit {
            if let Err(e) = self.store.record_call(entry, Some(recording)).await {
                tracing::error!(error = %e, plugin = %entry.plugin, "writing the plugin audit log");
            }
        }
    }
}

/// The wall clock in Unix seconds (0 before 1970, which no clock shows).
fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// How often a turn is decided again when its conversation changed meanwhile.
const MAX_ATTEMPTS: usize = 3;

/// The header of a conversation a person is asked for or in charge of, with what a
/// silent turn added to its handoff ([`decide::decide`]): all else as it was.
fn escalated(conv: &Conversation, e: Escalation) -> ConversationUpdate {
    ConversationUpdate {
        state: conv.state,
        pending_intent: conv.pending_intent.clone(),
        failed_turns: conv.failed_turns,
        priority: e.priority,
        handoff_reason: Some(e.reason),
        pending: conv.pending.clone(),
        verified_email: None,
    }
}

/// Everything the turn changes, as one write conditional on the facts it was decided on.
fn turn_write(
    ctx: &TurnContext,
    u: &Understanding,
    input: &ShopperInput,
    lapsed_action: Option<String>,
    decision: Option<Decision>,
    exec: &Executor,
) -> TurnWrite {
    let conv: &Conversation = &ctx.conversation;
    let mut messages = vec![NewMessage {
        author: Author::Shopper,
        text: input.text.trim().to_string(),
        cards: vec![],
        client_msg_id: Some(input.client_msg_id.clone()),
        // A card's button answers the card: its label ("Cancel") is not a new request.
        intent: Some(match &u.card {
            Some(card) if card.accept => CARD_ACCEPTED.to_string(),
            Some(_) => CARD_DECLINED.to_string(),
            None => u.prediction.intent.clone(),
        }),
        confidence: Some(u.prediction.confidence),
        marks: MessageMarks {
            upset: u.upset,
            ..MessageMarks::default()
        },
    }];
    let mut write = TurnWrite {
        conversation: conv.id.clone(),
        // Silence depends only on the state: a person's messages may arrive meanwhile.
        seen_last_seq: decision.as_ref().map(|_| conv.last_seq),
        seen_state: conv.state,
        messages: vec![],
        update: None,
        cancel_actions: lapsed_action.into_iter().collect(),
        fail_actions: vec![],
        new_actions: vec![],
        calls: exec.audit.clone(),
        proof_failed: false,
    };
    if let Some(d) = decision {
        let handing_off = d.state == ConversationState::WaitingForHuman
            && conv.state != ConversationState::WaitingForHuman;
        messages.push(NewMessage {
            author: Author::Bot,
            text: d.text,
            cards: d.cards,
            client_msg_id: None,
            intent: Some(d.intent),
            confidence: None,
            marks: MessageMarks {
                line: d.line.map(|l| l.key().to_string()),
                failed: d.failed,
                // Only on the turn that hands off: later turns keep the reason on the
                // conversation but hand nothing off again.
                handoff_reason: d.handoff_reason.clone().filter(|_| handing_off),
                upset: false,
            },
        });
        write.update = Some(ConversationUpdate {
            state: d.state,
            pending_intent: d.pending_intent,
            failed_turns: if d.failed { conv.failed_turns + 1 } else { 0 },
            priority: d.priority,
            handoff_reason: d.handoff_reason,
            pending: d.pending.to_json(),
            verified_email: d.verified_email,
        });
        write.fail_actions.extend(d.failed_action);
        write.proof_failed = d.proof_failed;
        write
            .new_actions
            .extend(d.new_action.map(|a| (conv.merchant_id.clone(), a)));
    }
    write.messages = messages;
    write
}
