//! Persistence: merchants, their order and product data, conversations and messages.
//!
//! SQLite (the embedded default, in WAL mode with `synchronous = FULL`) or PostgreSQL,
//! through sqlx: a turn is committed (and on disk) before the runtime acknowledges it to the
//! widget, so an acknowledged message survives a crash. One body of SQL serves both engines;
//! what differs between them is in `engine.rs`. Schema changes are sqlx migrations in
//! `runtime/migrations/sqlite` and `runtime/migrations/postgres`, one of each per change.
//!
//! This module speaks in kefu's own types ([`kefu_protocol::ChatMessage`], [`OrderRecord`]);
//! no SQL leaves it.
//!
//! Conversations and messages are here; every other table group has a file of its own, each
//! an `impl Store` block: `orders.rs`, `settings.rs`, `catalog.rs`, `faq.rs`, `actions.rs`,
//! `refunds.rs`, `kv.rs`, `audit.rs`, `agents.rs` (with sessions), `console.rs` (queue,
//! claims, ratings), `notes.rs`, `tickets.rs`, `labels.rs`, `corrections.rs` (phrasings
//! agents taught), `privacy.rs` (deleting conversations, retention), `registry.rs` (plugin
//! versions, API keys), `secrets.rs` (merchants' sealed plugin secrets) and `demo.rs`.

mod actions;
mod agents;
mod analytics;
mod audit;
mod catalog;
mod console;
mod corrections;
mod demo;
mod deploy_reports;
mod engine;
mod faq;
mod group;
mod in_line;
mod kv;
mod labels;
mod merchant_config;
mod merchants;
mod notes;
mod orders;
mod privacy;
#[cfg(test)]
mod privacy_tests;
mod refunds;
mod registry;
mod report_days;
mod secrets;
mod settings;
mod tickets;
mod trust;
mod turn;

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use kefu_protocol::{Author, Card, ChatMessage, ConversationState};
use sqlx::{AnyPool, Row};

pub use crate::domain::{
    ActionRecord, ActionState, AuditEntry, CallRecording, NewRefund, OrderChange, OrderItem,
    OrderRecord, ProductRecord, RefundRecord,
};
pub use agents::{Agent, NewAgentError};
pub use analytics::report_now;
pub(crate) use catalog::named_product;
pub use catalog::{CatalogImport, ImportMode};
pub use console::{ClaimError, QueueCursor, QueueEntry, StoredMessage};
pub use corrections::CorrectionRecord;
pub use demo::{DemoAgent, DemoData};
pub use deploy_reports::{ReportHeadline, StoredReport};
pub use engine::{Database, Engine, TEST_DATABASE_VAR, UnknownDatabase};
pub use faq::FaqEntry;
pub use merchant_config::MerchantConfig;
pub use merchants::{AgentRemoval, NewMerchantError, new_identity_secret, valid_merchant_id};
pub use notes::Note;
pub use privacy::{ERASED, Forgotten, MAX_RETENTION_DAYS};
pub use registry::{PluginVersion, Stored, StoredPlugin};
pub use secrets::{SealedSecret, SecretInfo};
pub use settings::{
    Brand, BusinessHours, DEFAULT_REPLY_WITHIN_HOURS, MerchantSettings, OnDevice, SettingsUpdate,
};
pub use tickets::Ticket;
pub use trust::{TrustRow, card_action};
pub use turn::{TurnSnapshot, TurnWrite, TurnWritten};

/// A storage failure. The message is for logs; callers show people a generic apology.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("migrating the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value could not be decoded.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// The demo data file is invalid.
    #[error("demo data: {0}")]
    Demo(String),
    /// The shared transaction of a batch of turns failed (`group.rs`): the database's
    /// error, as text, for each turn of the batch.
    #[error("database, writing a batch of turns: {0}")]
    Batch(String),
}

/// A conversation's header.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    /// Random id, handed to the widget.
    pub id: String,
    /// Whose shop it happens in.
    pub merchant_id: String,
    /// Who answers.
    pub state: ConversationState,
    /// The widget's locale at the start.
    pub locale: String,
    /// The intent waiting for a slot value, if any.
    pub pending_intent: Option<String>,
    /// Highest `seq` stored.
    pub last_seq: u64,
    /// Consecutive shopper turns the bot could not help with.
    pub failed_turns: u32,
    /// How urgently a human is needed (0 normal; higher is sooner).
    pub priority: u32,
    /// Why a human was asked for, if one was.
    pub handoff_reason: Option<String>,
    /// The agent who claimed it last, if any.
    pub agent_id: Option<i64>,
    /// Whether the shopper was already asked how satisfied they are (asked once only).
    pub csat_asked: bool,
    /// The shopper's satisfaction score (1 to [`kefu_protocol::CSAT_SCALE`]), once given.
    pub csat_score: Option<u8>,
    /// What the engine waits on (JSON the engine owns).
    pub pending: Option<String>,
    /// The email the shopper proved to be theirs.
    pub verified_email: Option<String>,
}

/// What a turn changes in its conversation's header.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationUpdate {
    /// Who answers next.
    pub state: ConversationState,
    /// The intent waiting for a slot value.
    pub pending_intent: Option<String>,
    /// Consecutive turns the bot could not help with.
    pub failed_turns: u32,
    /// Escalation priority.
    pub priority: u32,
    /// Why a human was asked for.
    pub handoff_reason: Option<String>,
    /// What the engine waits on.
    pub pending: Option<String>,
    /// The email the shopper proved to be theirs.
    pub verified_email: Option<String>,
}

impl Conversation {
    /// The header unchanged, as an update to start from.
    pub fn unchanged(&self) -> ConversationUpdate {
        ConversationUpdate {
            state: self.state,
            pending_intent: self.pending_intent.clone(),
            failed_turns: self.failed_turns,
            priority: self.priority,
            handoff_reason: self.handoff_reason.clone(),
            pending: self.pending.clone(),
            verified_email: self.verified_email.clone(),
        }
    }
}

/// A message to append; `seq` is assigned by [`Store::append_turn`].
#[derive(Debug, Clone)]
pub struct NewMessage {
    /// Who wrote it.
    pub author: Author,
    /// Plain text.
    pub text: String,
    /// Structured content.
    pub cards: Vec<Card>,
    /// The widget's id for shopper messages.
    pub client_msg_id: Option<String>,
    /// The intent the message was classified as (shopper) or answers (bot).
    pub intent: Option<String>,
    /// The classifier's confidence in `intent`.
    pub confidence: Option<f32>,
    /// What the reports need to know about it (docs/analytics.md).
    pub marks: MessageMarks,
}

/// What a message records for the reports beyond its text: the bot's line, whether the
/// turn helped, why it handed off, whether the shopper sounded upset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageMarks {
    /// The bot's own line it said (`clarify`, `order_not_found`, …), on bot messages.
    pub line: Option<String>,
    /// The bot could not help with this turn.
    pub failed: bool,
    /// Why this turn handed the conversation to a person (only on the turn that did).
    pub handoff_reason: Option<String>,
    /// The shopper's message carried the frustration signal.
    pub upset: bool,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The database handle. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    engine: Engine,
    /// Shopper turns waiting to be committed together (`group.rs`).
    turns: std::sync::Arc<group::TurnQueue>,
    /// Merchants' FAQ, wording and catalogues as of their `config_version`.
    config: std::sync::Arc<merchant_config::ConfigCache>,
}

impl Store {
    /// Opens (creating if needed) the SQLite database in `data_dir` and migrates it.
    pub async fn open(data_dir: &Path) -> Result<Self, StoreError> {
        Self::connect(&Database::in_data_dir(data_dir)).await
    }

    /// Opens a private in-memory database.
    pub async fn in_memory() -> Result<Self, StoreError> {
        Self::connect(&Database::SqliteMemory).await
    }

    /// Connects to `database` and migrates it.
    pub async fn connect(database: &Database) -> Result<Self, StoreError> {
        let engine = database.engine();
        let pool = database.connect().await.map_err(|e| {
            StoreError::Database(sqlx::Error::Configuration(
                format!("cannot open the database {}: {e}", database.display()).into(),
            ))
        })?;
        engine::migrator(engine).run(&pool).await?;
        Ok(Self {
            pool,
            engine,
            turns: Default::default(),
            config: Default::default(),
        })
    }

    /// A fresh, empty store of its own (tests): in memory, or, when [`TEST_DATABASE_VAR`]
    /// names a PostgreSQL server, a new schema there.
    pub async fn scratch() -> Result<Self, StoreError> {
        Self::connect(&Database::for_tests(Database::SqliteMemory)).await
    }

    /// The engine behind this store.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Closes every connection, waiting for those in use: the last one to close checkpoints
    /// the write-ahead log into the database file. Queries after this fail.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Checks the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Loads `data` unless its merchant already exists, and adds its agents that are
    /// missing. Returns whether the merchant was loaded.
    pub async fn load_demo(&self, data: &DemoData) -> Result<bool, StoreError> {
        let loaded = demo::load(&self.pool, data).await?;
        for agent in data.agents() {
            if self.agent_credentials(&agent.email).await?.is_some() {
                continue;
            }
            let password = agent.password.clone();
            let hash = tokio::task::spawn_blocking(move || crate::auth::hash_password(&password))
                .await
                .map_err(|e| StoreError::Demo(e.to_string()))?
                .map_err(StoreError::Demo)?;
            match self
                .add_agent(data.merchant_id(), &agent.email, &agent.name, &hash)
                .await
            {
                Ok(_) | Err(NewAgentError::EmailTaken) => {}
                Err(NewAgentError::Store(e)) => return Err(e),
                Err(e @ NewAgentError::UnknownMerchant) => {
                    return Err(StoreError::Demo(e.to_string()));
                }
            }
        }
        Ok(loaded)
    }

    /// Whether merchant `id` exists.
    pub async fn merchant_exists(&self, id: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT 1 FROM merchants WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// Starts a conversation for `merchant`.
    pub async fn create_conversation(
        &self,
        merchant: &str,
        locale: &str,
    ) -> Result<Conversation, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("create_conversation");
        let id = uuid::Uuid::new_v4().simple().to_string();
        let now = now_ms();
        let _in_line = self.in_line().await;
        sqlx::query(
            "INSERT INTO conversations (id, merchant_id, state, locale, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(merchant)
        .bind(ConversationState::Bot.as_str())
        .bind(locale)
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(Conversation {
            id,
            merchant_id: merchant.to_string(),
            state: ConversationState::Bot,
            locale: locale.to_string(),
            pending_intent: None,
            last_seq: 0,
            failed_turns: 0,
            priority: 0,
            handoff_reason: None,
            agent_id: None,
            csat_asked: false,
            csat_score: None,
            pending: None,
            verified_email: None,
        })
    }

    /// A conversation by id, if it belongs to `merchant`.
    pub async fn conversation(
        &self,
        merchant: &str,
        id: &str,
    ) -> Result<Option<Conversation>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversations c \
             WHERE c.id = $1 AND c.merchant_id = $2 AND c.deleted_at IS NULL"
        ))
        .bind(id)
        .bind(merchant)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(conversation_from_row).transpose()
    }

    /// Records that the shopper of `conversation` proved `email` is theirs.
    pub async fn set_verified_email(
        &self,
        conversation: &str,
        email: &str,
    ) -> Result<(), StoreError> {
        let _in_line = self.in_line().await;
        sqlx::query("UPDATE conversations SET verified_email = $1 WHERE id = $2")
            .bind(email)
            .bind(conversation)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The `seq` a shopper message with `client_msg_id` was stored under, if it was.
    pub async fn seq_of_client_message(
        &self,
        conversation: &str,
        client_msg_id: &str,
    ) -> Result<Option<u64>, StoreError> {
        let row = sqlx::query(
            "SELECT seq FROM messages WHERE conversation_id = $1 AND client_msg_id = $2",
        )
        .bind(conversation)
        .bind(client_msg_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get::<i64, _>("seq") as u64))
    }

    /// Every message after `seq`, in order.
    pub async fn messages_after(
        &self,
        conversation: &str,
        seq: u64,
    ) -> Result<Vec<ChatMessage>, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("messages_after");
        let rows = sqlx::query(
            "SELECT seq, author, text, cards, client_msg_id, intent, state, agent_name \
             FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq",
        )
        .bind(conversation)
        .bind(seq as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(message_from_row).collect()
    }

    /// Appends `messages` to the conversation in one transaction and applies `update` to
    /// its header. Returns the stored messages with their `seq`.
    ///
    /// If a shopper message's `client_msg_id` is already stored (a resend racing the first
    /// send), nothing is written and `Ok(None)` is returned.
    pub async fn append_turn(
        &self,
        conversation: &str,
        messages: Vec<NewMessage>,
        update: &ConversationUpdate,
    ) -> Result<Option<Vec<ChatMessage>>, StoreError> {
        let state = update.state;
        let now = now_ms();
        let mut tx = self.conversation_write_tx(&[conversation]).await?;
        let Some(stored) = insert_messages(&mut tx, conversation, messages, state, None).await?
        else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE conversations SET state = $1, pending_intent = $2, \
             failed_turns = $3, priority = $4, handoff_reason = $5, pending = $6, \
             verified_email = $7, updated_at = $8, \
             waiting_since = CASE WHEN $9 = 'waiting_for_human' AND state != 'waiting_for_human' \
             THEN $10 ELSE waiting_since END WHERE id = $11",
        )
        .bind(state.as_str())
        .bind(&update.pending_intent)
        .bind(i64::from(update.failed_turns))
        .bind(i64::from(update.priority))
        .bind(&update.handoff_reason)
        .bind(&update.pending)
        .bind(&update.verified_email)
        .bind(now)
        .bind(state.as_str())
        .bind(now)
        .bind(conversation)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(stored))
    }
}

/// Appends `messages` after the conversation's last `seq` inside `tx`, with the state after
/// them, and moves `last_seq` on (and `csat_asked`, if one carries a [`Card::Csat`]).
/// `Ok(None)` if a `client_msg_id` is already stored: the caller must roll back.
async fn insert_messages(
    tx: &mut sqlx::AnyConnection,
    conversation: &str,
    messages: Vec<NewMessage>,
    state: ConversationState,
    agent_name: Option<&str>,
) -> Result<Option<Vec<ChatMessage>>, StoreError> {
    let row = sqlx::query("SELECT last_seq FROM conversations WHERE id = $1")
        .bind(conversation)
        .fetch_one(&mut *tx)
        .await?;
    let last_seq = row.get::<i64, _>("last_seq") as u64;
    let now = now_ms();
    let csat = asks_for_rating(&messages);
    let Some(stored) =
        insert_message_rows(tx, conversation, last_seq, messages, state, agent_name).await?
    else {
        return Ok(None);
    };
    let seq = last_seq + stored.len() as u64;
    sqlx::query(
        "UPDATE conversations SET last_seq = $1, csat_asked = CASE WHEN $2 THEN 1 ELSE csat_asked END, updated_at = $3 \
         WHERE id = $4",
    )
    .bind(seq as i64)
    .bind(csat)
    .bind(now)
    .bind(conversation)
    .execute(&mut *tx)
    .await?;
    Ok(Some(stored))
}

/// Whether one of `messages` carries a [`Card::Csat`] (the conversation's rating was asked).
fn asks_for_rating(messages: &[NewMessage]) -> bool {
    messages
        .iter()
        .any(|m| m.cards.iter().any(|c| matches!(c, Card::Csat { .. })))
}

/// Inserts `messages` as `last_seq + 1`, `+ 2`, … in one statement, leaving the header as
/// it is; `Ok(None)` if a `client_msg_id` is already stored.
async fn insert_message_rows(
    tx: &mut sqlx::AnyConnection,
    conversation: &str,
    last_seq: u64,
    messages: Vec<NewMessage>,
    state: ConversationState,
    agent_name: Option<&str>,
) -> Result<Option<Vec<ChatMessage>>, StoreError> {
    if messages.is_empty() {
        return Ok(Some(vec![]));
    }
    const COLUMNS: usize = 15;
    let now = now_ms();
    // One row of placeholders per message; the confidence as text cast to REAL (below).
    let rows: Vec<String> = (0..messages.len())
        .map(|i| {
            let row: Vec<String> = (1..=COLUMNS)
                .map(|k| match i * COLUMNS + k {
                    n if k == 8 => format!("CAST(${n} AS REAL)"),
                    n => format!("${n}"),
                })
                .collect();
            format!("({})", row.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO messages (conversation_id, seq, author, text, cards, client_msg_id, \
         intent, confidence, state, created_at, agent_name, line, failed, handoff_reason, \
         upset) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql);
    let mut stored = Vec::with_capacity(messages.len());
    for (seq, m) in (last_seq + 1..).zip(messages) {
        let author = match m.author {
            Author::Shopper => "shopper",
            Author::Bot => "bot",
            Author::Agent => "agent",
        };
        let cards =
            serde_json::to_string(&m.cards).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        query = query
            .bind(conversation)
            .bind(seq as i64)
            .bind(author)
            .bind(m.text.clone())
            .bind(cards)
            .bind(m.client_msg_id.clone())
            .bind(m.intent.clone())
            // As text: sqlx's `Any` types a missing float as the other float width, and
            // PostgreSQL then reads a statement prepared for one with the other's bytes.
            .bind(m.confidence.map(|c| c.to_string()))
            .bind(state.as_str())
            .bind(now)
            .bind(agent_name)
            .bind(m.marks.line.clone())
            .bind(i64::from(m.marks.failed))
            .bind(m.marks.handoff_reason.clone())
            .bind(i64::from(m.marks.upset));
        stored.push(ChatMessage {
            seq,
            author: m.author,
            text: m.text,
            cards: m.cards,
            client_msg_id: m.client_msg_id,
            intent: m.intent,
            state,
            agent: agent_name.map(str::to_string),
        });
    }
    match query.execute(&mut *tx).await {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(None),
        other => other?,
    };
    Ok(Some(stored))
}

/// The `conversations` columns (of `c`) [`conversation_from_row`] reads.
const CONVERSATION_COLUMNS: &str = "c.id, c.merchant_id, c.state, c.locale, c.pending_intent, \
     c.last_seq, c.failed_turns, c.priority, c.handoff_reason, c.pending, c.verified_email, \
     c.agent_id, c.csat_asked, c.csat_score";

/// A row holding [`CONVERSATION_COLUMNS`] as a conversation header.
fn conversation_from_row(row: &sqlx::any::AnyRow) -> Result<Conversation, StoreError> {
    let state: String = row.get("state");
    Ok(Conversation {
        id: row.get("id"),
        merchant_id: row.get("merchant_id"),
        state: ConversationState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?,
        locale: row.get("locale"),
        pending_intent: row.get("pending_intent"),
        last_seq: row.get::<i64, _>("last_seq") as u64,
        failed_turns: row.get::<i64, _>("failed_turns") as u32,
        priority: row.get::<i64, _>("priority") as u32,
        handoff_reason: row.get("handoff_reason"),
        agent_id: row.get("agent_id"),
        csat_asked: row.get::<i64, _>("csat_asked") != 0,
        csat_score: row.get::<Option<i64>, _>("csat_score").map(|s| s as u8),
        pending: row.get("pending"),
        verified_email: row.get("verified_email"),
    })
}

/// A `messages` row as a [`ChatMessage`].
fn message_from_row(row: &sqlx::any::AnyRow) -> Result<ChatMessage, StoreError> {
    let author: String = row.get("author");
    let state: String = row.get("state");
    let cards: String = row.get("cards");
    Ok(ChatMessage {
        seq: row.get::<i64, _>("seq") as u64,
        author: match author.as_str() {
            "shopper" => Author::Shopper,
            "bot" => Author::Bot,
            "agent" => Author::Agent,
            other => return Err(StoreError::Corrupt(format!("author `{other}`"))),
        },
        text: row.get("text"),
        cards: serde_json::from_str(&cards).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        client_msg_id: row.get("client_msg_id"),
        intent: row.get("intent"),
        state: ConversationState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?,
        agent: row.get("agent_name"),
    })
}

#[cfg(test)]
mod tests;
