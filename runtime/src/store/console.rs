//! What the agent console reads and writes: agents and their sessions, merchant settings
//! (business hours, reply time), the queue, claims, agent messages, notes, tickets,
//! satisfaction ratings, FAQ entries and training labels.
//!
//! Every query that takes a conversation id also takes the merchant, so an agent can never
//! reach another merchant's conversation by guessing an id. State changes that two agents
//! could race for (claim) are one conditional `UPDATE` in the same transaction as the
//! messages they add: exactly one wins.

use kefu_protocol::{ChatMessage, ConversationState};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{NewMessage, Store, StoreError, insert_messages, message_from_row, now_ms};

/// A human agent of one merchant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agent {
    /// Database id.
    pub id: i64,
    /// The merchant whose conversations they answer (and no other's).
    pub merchant_id: String,
    /// Login, lower-cased.
    pub email: String,
    /// Shown to shoppers ("Ada").
    pub name: String,
}

/// Why an agent could not be added.
#[derive(Debug, thiserror::Error)]
pub enum NewAgentError {
    /// The email already belongs to an agent.
    #[error("an agent with this email already exists")]
    EmailTaken,
    /// No such merchant.
    #[error("no merchant with this id")]
    UnknownMerchant,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// When agents answer live: on `days`, from `open` to `close` local time, where local time is
/// UTC plus `utc_offset_minutes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessHours {
    /// `mon` … `sun`.
    pub days: Vec<String>,
    /// `HH:MM`, inclusive.
    pub open: String,
    /// `HH:MM`, exclusive.
    pub close: String,
    /// The shop's offset from UTC, e.g. 480 for UTC+8.
    #[serde(default)]
    pub utc_offset_minutes: i32,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn minutes(hhmm: &str) -> Option<i64> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60).then_some(h * 60 + m)
}

impl BusinessHours {
    /// Checks the fields parse; a configuration error is reported at load, not at the first
    /// handoff.
    pub fn validate(&self) -> Result<(), String> {
        for d in &self.days {
            if !DAYS.contains(&d.as_str()) {
                return Err(format!("unknown day `{d}` (use mon … sun)"));
            }
        }
        let (Some(open), Some(close)) = (minutes(&self.open), minutes(&self.close)) else {
            return Err("open and close must be HH:MM".into());
        };
        if open >= close {
            return Err("close must be after open".into());
        }
        Ok(())
    }

    /// Whether the shop is open at `unix_ms`.
    pub fn is_open(&self, unix_ms: i64) -> bool {
        let local = unix_ms.div_euclid(60_000) + i64::from(self.utc_offset_minutes);
        let day = local.div_euclid(24 * 60);
        // 1970-01-01 was a Thursday.
        let weekday = DAYS[(day + 3).rem_euclid(7) as usize];
        let minute = local.rem_euclid(24 * 60);
        self.days.iter().any(|d| d == weekday)
            && minutes(&self.open).is_some_and(|o| minute >= o)
            && minutes(&self.close).is_some_and(|c| minute < c)
    }
}

/// A conversation in the console's list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueEntry {
    /// Conversation id.
    pub id: String,
    /// `waiting_for_human` or `human`.
    pub state: ConversationState,
    /// Higher is more urgent.
    pub priority: u32,
    /// Why a person was asked for.
    pub handoff_reason: Option<String>,
    /// Since when it waits (Unix ms).
    pub waiting_since: Option<i64>,
    /// The agent in charge, once claimed.
    pub agent_name: Option<String>,
    /// The agent in charge's id.
    pub agent_id: Option<i64>,
    /// The shopper's latest message.
    pub last_shopper_text: Option<String>,
    /// Whether the shopper left a contact request.
    pub has_ticket: bool,
}

/// A stored message with what the classifier thought of it (shopper messages).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredMessage {
    /// The message as the widget sees it.
    #[serde(flatten)]
    pub message: ChatMessage,
    /// The classifier's confidence in `intent`.
    pub confidence: Option<f32>,
    /// When it was stored (Unix ms).
    pub created_at: i64,
}

/// An internal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Database id.
    pub id: i64,
    /// Who wrote it.
    pub agent_name: String,
    /// The note.
    pub text: String,
    /// When (Unix ms).
    pub created_at: i64,
}

/// A contact request left when no agent could answer live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    /// Ticket number, shown to the shopper.
    pub id: i64,
    /// The conversation it came from.
    pub conversation_id: String,
    /// Where to reply.
    pub email: String,
    /// What the shopper added.
    pub message: String,
    /// `open` (the only status so far).
    pub status: String,
    /// When (Unix ms).
    pub created_at: i64,
}

/// Why an agent action on a conversation was refused.
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// No such conversation for this merchant.
    #[error("no such conversation")]
    NotFound,
    /// Another agent owns it.
    #[error("{0} is already handling this conversation")]
    Taken(String),
    /// The conversation is not in a state that allows this (e.g. claiming a bot chat).
    #[error("the conversation is {}", .0.as_str())]
    WrongState(ConversationState),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ClaimError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(e.into())
    }
}

fn agent_from_row(row: &sqlx::sqlite::SqliteRow) -> Agent {
    Agent {
        id: row.get("id"),
        merchant_id: row.get("merchant_id"),
        email: row.get("email"),
        name: row.get("name"),
    }
}

impl Store {
    /// Adds an agent to `merchant` with an already hashed password.
    pub async fn add_agent(
        &self,
        merchant: &str,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<Agent, NewAgentError> {
        if !self.merchant_exists(merchant).await? {
            return Err(NewAgentError::UnknownMerchant);
        }
        let email = email.trim().to_lowercase();
        let result = sqlx::query(
            "INSERT INTO agents (merchant_id, email, name, password_hash, created_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(merchant)
        .bind(&email)
        .bind(name.trim())
        .bind(password_hash)
        .bind(now_ms())
        .execute(&self.pool)
        .await;
        match result {
            Ok(r) => Ok(Agent {
                id: r.last_insert_rowid(),
                merchant_id: merchant.to_string(),
                email,
                name: name.trim().to_string(),
            }),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Err(NewAgentError::EmailTaken)
            }
            Err(e) => Err(StoreError::from(e).into()),
        }
    }

    /// The agent with login `email` and their password hash.
    pub async fn agent_credentials(
        &self,
        email: &str,
    ) -> Result<Option<(Agent, String)>, StoreError> {
        let row = sqlx::query(
            "SELECT id, merchant_id, email, name, password_hash FROM agents WHERE email = ?",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (agent_from_row(&r), r.get("password_hash"))))
    }

    /// Opens a session for `agent` lasting `ttl_ms`, keyed by the token's hash.
    pub async fn create_session(
        &self,
        agent: i64,
        token_hash: &str,
        ttl_ms: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query("DELETE FROM agent_sessions WHERE expires_at < ?")
            .bind(now)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(agent)
        .bind(now)
        .bind(now + ttl_ms)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The agent of an unexpired session.
    pub async fn session_agent(&self, token_hash: &str) -> Result<Option<Agent>, StoreError> {
        let row = sqlx::query(
            "SELECT a.id, a.merchant_id, a.email, a.name FROM agent_sessions s \
             JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = ? AND s.expires_at > ?",
        )
        .bind(token_hash)
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(agent_from_row))
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM agent_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Conversations of `merchant` waiting for a person (most urgent, then longest waiting,
    /// first), then those a person is handling.
    pub async fn queue(&self, merchant: &str) -> Result<Vec<QueueEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.state, c.priority, c.handoff_reason, c.waiting_since, c.agent_id, \
             a.name AS agent_name, \
             (SELECT text FROM messages m WHERE m.conversation_id = c.id \
              AND m.author = 'shopper' ORDER BY seq DESC LIMIT 1) AS last_shopper_text, \
             EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = c.id) AS has_ticket \
             FROM conversations c LEFT JOIN agents a ON a.id = c.agent_id \
             WHERE c.merchant_id = ? AND c.state IN ('waiting_for_human', 'human') \
             ORDER BY c.state = 'human', c.priority DESC, c.waiting_since, c.id",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let state: String = r.get("state");
                Ok(QueueEntry {
                    id: r.get("id"),
                    state: ConversationState::parse(&state)
                        .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?,
                    priority: r.get::<i64, _>("priority") as u32,
                    handoff_reason: r.get("handoff_reason"),
                    waiting_since: r.get("waiting_since"),
                    agent_name: r.get("agent_name"),
                    agent_id: r.get("agent_id"),
                    last_shopper_text: r.get("last_shopper_text"),
                    has_ticket: r.get::<i64, _>("has_ticket") != 0,
                })
            })
            .collect()
    }

    /// Gives the waiting conversation to `agent` and stores `notice` (the "joined"
    /// message), atomically: of two agents claiming at once, exactly one wins.
    pub async fn claim(
        &self,
        agent: &Agent,
        conversation: &str,
        notice: NewMessage,
    ) -> Result<Vec<ChatMessage>, ClaimError> {
        let mut tx = self.write_tx().await?;
        let claimed = sqlx::query(
            "UPDATE conversations SET state = 'human', agent_id = ?, pending_intent = NULL, \
             failed_turns = 0, updated_at = ? \
             WHERE id = ? AND merchant_id = ? AND state = 'waiting_for_human'",
        )
        .bind(agent.id)
        .bind(now_ms())
        .bind(conversation)
        .bind(&agent.merchant_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            drop(tx);
            return Err(self.why_not(agent, conversation).await?);
        }
        let stored = insert_messages(
            &mut tx,
            conversation,
            vec![notice],
            ConversationState::Human,
            Some(&agent.name),
        )
        .await?
        .ok_or_else(|| StoreError::Corrupt("a notice collided with a message id".into()))?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Why `agent` cannot act on `conversation`.
    async fn why_not(&self, agent: &Agent, conversation: &str) -> Result<ClaimError, StoreError> {
        let row = sqlx::query(
            "SELECT c.state, a.name FROM conversations c LEFT JOIN agents a ON a.id = c.agent_id \
             WHERE c.id = ? AND c.merchant_id = ?",
        )
        .bind(conversation)
        .bind(&agent.merchant_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(ClaimError::NotFound);
        };
        let state: String = row.get("state");
        let state = ConversationState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?;
        Ok(match (state, row.get::<Option<String>, _>("name")) {
            (ConversationState::Human, Some(name)) => ClaimError::Taken(name),
            (state, _) => ClaimError::WrongState(state),
        })
    }

    /// Stores `messages` from the agent who owns `conversation` (state `human`), leaving it
    /// in `state` after them (`human` for a reply, `resolved` to close it).
    pub async fn agent_messages(
        &self,
        agent: &Agent,
        conversation: &str,
        messages: Vec<NewMessage>,
        state: ConversationState,
    ) -> Result<Vec<ChatMessage>, ClaimError> {
        let mut tx = self.write_tx().await?;
        let owned = sqlx::query(
            "UPDATE conversations SET state = ?, updated_at = ? \
             WHERE id = ? AND merchant_id = ? AND state = 'human' AND agent_id = ?",
        )
        .bind(state.as_str())
        .bind(now_ms())
        .bind(conversation)
        .bind(&agent.merchant_id)
        .bind(agent.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if owned == 0 {
            drop(tx);
            return Err(self.why_not(agent, conversation).await?);
        }
        let stored = insert_messages(&mut tx, conversation, messages, state, Some(&agent.name))
            .await?
            .ok_or_else(|| StoreError::Corrupt("an agent message collided".into()))?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Every message of `conversation` with the classifier's confidence.
    pub async fn transcript(&self, conversation: &str) -> Result<Vec<StoredMessage>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, author, text, cards, client_msg_id, intent, state, agent_name, \
             confidence, created_at FROM messages WHERE conversation_id = ? ORDER BY seq",
        )
        .bind(conversation)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredMessage {
                    message: message_from_row(r)?,
                    confidence: r.get::<Option<f64>, _>("confidence").map(|c| c as f32),
                    created_at: r.get("created_at"),
                })
            })
            .collect()
    }

    /// Adds an internal note by `agent` to a conversation of their merchant.
    pub async fn add_note(
        &self,
        agent: &Agent,
        conversation: &str,
        text: &str,
    ) -> Result<Note, ClaimError> {
        if self
            .conversation(&agent.merchant_id, conversation)
            .await?
            .is_none()
        {
            return Err(ClaimError::NotFound);
        }
        let now = now_ms();
        let id = sqlx::query(
            "INSERT INTO notes (conversation_id, agent_id, text, created_at) VALUES (?, ?, ?, ?)",
        )
        .bind(conversation)
        .bind(agent.id)
        .bind(text)
        .bind(now)
        .execute(&self.pool)
        .await?
        .last_insert_rowid();
        Ok(Note {
            id,
            agent_name: agent.name.clone(),
            text: text.to_string(),
            created_at: now,
        })
    }

    /// The notes on `conversation`, oldest first.
    pub async fn notes(&self, conversation: &str) -> Result<Vec<Note>, StoreError> {
        let rows = sqlx::query(
            "SELECT n.id, a.name, n.text, n.created_at FROM notes n \
             JOIN agents a ON a.id = n.agent_id WHERE n.conversation_id = ? ORDER BY n.id",
        )
        .bind(conversation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Note {
                id: r.get("id"),
                agent_name: r.get("name"),
                text: r.get("text"),
                created_at: r.get("created_at"),
            })
            .collect())
    }

    /// Opens a ticket and stores the turn that asked for it (the shopper's form and the
    /// bot's confirmation, which may quote the ticket number: `{ticket}` in its text is
    /// replaced). `Ok(None)` if the form's `client_msg_id` was already stored.
    pub async fn open_ticket(
        &self,
        merchant: &str,
        conversation: &str,
        email: &str,
        message: &str,
        mut messages: Vec<NewMessage>,
    ) -> Result<Option<(i64, Vec<ChatMessage>)>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query("SELECT state FROM conversations WHERE id = ? AND merchant_id = ?")
            .bind(conversation)
            .bind(merchant)
            .fetch_one(&mut *tx)
            .await?;
        let state: String = row.get("state");
        let state = ConversationState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?;
        let id = sqlx::query(
            "INSERT INTO tickets (merchant_id, conversation_id, email, message, created_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(merchant)
        .bind(conversation)
        .bind(email)
        .bind(message)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
        for m in &mut messages {
            m.text = m.text.replace("{ticket}", &id.to_string());
        }
        let Some(stored) = insert_messages(&mut tx, conversation, messages, state, None).await?
        else {
            return Ok(None);
        };
        tx.commit().await?;
        Ok(Some((id, stored)))
    }

    /// `merchant`'s tickets, newest first.
    pub async fn tickets(&self, merchant: &str) -> Result<Vec<Ticket>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, conversation_id, email, message, status, created_at FROM tickets \
             WHERE merchant_id = ? ORDER BY id DESC LIMIT 200",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Ticket {
                id: r.get("id"),
                conversation_id: r.get("conversation_id"),
                email: r.get("email"),
                message: r.get("message"),
                status: r.get("status"),
                created_at: r.get("created_at"),
            })
            .collect())
    }

    /// Records the shopper's satisfaction score with the turn that gave it. `Ok(None)` if
    /// the rating's `client_msg_id` was already stored or a score already exists.
    pub async fn rate(
        &self,
        conversation: &str,
        score: u8,
        messages: Vec<NewMessage>,
    ) -> Result<Option<Vec<ChatMessage>>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query(
            "UPDATE conversations SET csat_score = ? WHERE id = ? AND csat_score IS NULL \
             RETURNING state",
        )
        .bind(i64::from(score))
        .bind(conversation)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let state: String = row.get("state");
        let state = ConversationState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?;
        let Some(stored) = insert_messages(&mut tx, conversation, messages, state, None).await?
        else {
            return Ok(None);
        };
        tx.commit().await?;
        Ok(Some(stored))
    }

    /// Records `label` for shopper message `seq`; false if that message already has one.
    pub async fn add_training_label(
        &self,
        conversation: &str,
        seq: u64,
        label: &str,
        agent: i64,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO training_labels (conversation_id, seq, label, agent_id, created_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(conversation)
        .bind(seq as i64)
        .bind(label)
        .bind(agent)
        .bind(now_ms())
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(inserted == 1)
    }

    /// The labels agents gave messages of `conversation`, as (seq, label).
    pub async fn training_labels(
        &self,
        conversation: &str,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, label FROM training_labels WHERE conversation_id = ? ORDER BY seq",
        )
        .bind(conversation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<i64, _>("seq") as u64, r.get("label")))
            .collect())
    }

    /// The CSAT score and the ticket of `conversation`, if any.
    pub async fn ticket_of(&self, conversation: &str) -> Result<Option<Ticket>, StoreError> {
        let row = sqlx::query(
            "SELECT id, conversation_id, email, message, status, created_at FROM tickets \
             WHERE conversation_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(conversation)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| Ticket {
            id: r.get("id"),
            conversation_id: r.get("conversation_id"),
            email: r.get("email"),
            message: r.get("message"),
            status: r.get("status"),
            created_at: r.get("created_at"),
        }))
    }
}

#[cfg(test)]
mod tests {
    use kefu_protocol::Author;

    use super::super::DemoData;
    use super::*;

    fn notice(text: &str) -> NewMessage {
        NewMessage {
            author: Author::Bot,
            text: text.into(),
            cards: vec![],
            client_msg_id: None,
            intent: None,
            confidence: None,
        }
    }

    async fn store_with_waiting_conversation() -> (Store, String, Agent, Agent) {
        let store = Store::in_memory().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        let c = store.create_conversation("demo", "en").await.unwrap();
        let mut update = c.unchanged();
        update.state = ConversationState::WaitingForHuman;
        update.priority = 1;
        update.handoff_reason = Some("asked for a human".into());
        store
            .append_turn(&c.id, vec![notice("I want a human")], &update)
            .await
            .unwrap();
        let ada = store
            .add_agent("demo", "ada@test", "Ada", "x")
            .await
            .unwrap();
        let bo = store.add_agent("demo", "bo@test", "Bo", "x").await.unwrap();
        (store, c.id, ada, bo)
    }

    #[tokio::test]
    async fn of_two_agents_claiming_at_once_exactly_one_wins() {
        let (store, id, ada, bo) = store_with_waiting_conversation().await;
        let (a, b) = tokio::join!(
            store.claim(&ada, &id, notice("Ada joined")),
            store.claim(&bo, &id, notice("Bo joined")),
        );
        let (winner, loser) = match (a, b) {
            (Ok(_), Err(e)) => ("Ada", e),
            (Err(e), Ok(_)) => ("Bo", e),
            other => panic!("exactly one claim must win: {other:?}"),
        };
        assert!(
            matches!(&loser, ClaimError::Taken(name) if name == winner),
            "{loser:?}"
        );
        let c = store.conversation("demo", &id).await.unwrap().unwrap();
        assert_eq!(c.state, ConversationState::Human);
        let joined: Vec<_> = store
            .transcript(&id)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.message.text.ends_with("joined"))
            .collect();
        assert_eq!(joined.len(), 1, "only the winner's notice is stored");
    }

    #[tokio::test]
    async fn only_the_owner_may_reply_and_the_queue_orders_by_urgency_then_wait() {
        let (store, id, ada, bo) = store_with_waiting_conversation().await;
        let calm = store.create_conversation("demo", "en").await.unwrap();
        let mut update = calm.unchanged();
        update.state = ConversationState::WaitingForHuman;
        store
            .append_turn(&calm.id, vec![notice("hello?")], &update)
            .await
            .unwrap();
        let queue = store.queue("demo").await.unwrap();
        assert_eq!(
            queue.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
            [id.as_str(), calm.id.as_str()],
            "priority 1 before priority 0"
        );
        assert!(queue[0].waiting_since.is_some());
        store.claim(&ada, &id, notice("joined")).await.unwrap();
        let reply = NewMessage {
            author: Author::Agent,
            ..notice("hi")
        };
        let refused = store
            .agent_messages(&bo, &id, vec![reply.clone()], ConversationState::Human)
            .await;
        assert!(matches!(refused, Err(ClaimError::Taken(_))), "{refused:?}");
        let stored = store
            .agent_messages(&ada, &id, vec![reply], ConversationState::Human)
            .await
            .unwrap();
        assert_eq!(stored[0].agent.as_deref(), Some("Ada"));
        let queue = store.queue("demo").await.unwrap();
        assert_eq!(queue[1].agent_name.as_deref(), Some("Ada"), "claimed last");
    }

    #[tokio::test]
    async fn another_merchants_agent_cannot_see_or_touch_a_conversation() {
        let (store, id, _, _) = store_with_waiting_conversation().await;
        store
            .load_demo(&DemoData::parse("[merchant]\nid = \"other\"\nname = \"Other\"\n").unwrap())
            .await
            .unwrap();
        let eve = store
            .add_agent("other", "eve@test", "Eve", "x")
            .await
            .unwrap();
        assert!(store.queue("other").await.unwrap().is_empty());
        let claim = store.claim(&eve, &id, notice("Eve joined")).await;
        assert!(matches!(claim, Err(ClaimError::NotFound)), "{claim:?}");
        let note = store.add_note(&eve, &id, "peek").await;
        assert!(matches!(note, Err(ClaimError::NotFound)), "{note:?}");
    }

    #[test]
    fn business_hours_follow_the_shops_clock() {
        let hours = BusinessHours {
            days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            open: "09:00".into(),
            close: "18:00".into(),
            utc_offset_minutes: 480,
        };
        hours.validate().unwrap();
        // 2026-11-23 is a Monday. 02:00 UTC is 10:00 in UTC+8: open.
        let day_ms = 86_400_000;
        // 2026-11-23T00:00Z in days since the epoch.
        let monday = 20_780 * day_ms;
        assert!(hours.is_open(monday + 2 * 3_600_000));
        assert!(
            !hours.is_open(monday + 11 * 3_600_000),
            "19:00 local is closed"
        );
        assert!(
            !hours.is_open(monday + 5 * day_ms + 2 * 3_600_000),
            "Saturday"
        );
        assert!(
            BusinessHours {
                open: "9".into(),
                ..hours.clone()
            }
            .validate()
            .is_err()
        );
        assert!(
            BusinessHours {
                days: vec!["funday".into()],
                ..hours
            }
            .validate()
            .is_err()
        );
    }
}
