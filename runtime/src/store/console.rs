//! What the agent console does with conversations: the queue, claims, agent messages,
//! transcripts and satisfaction ratings. Agents, notes, tickets and labels have files of
//! their own.
//!
//! Every query that takes a conversation id also takes the merchant, so an agent can never
//! reach another merchant's conversation by guessing an id. State changes that two agents
//! could race for (claim) are one conditional `UPDATE` in the same transaction as the
//! messages they add: exactly one wins.

use kefu_protocol::{ChatMessage, ConversationState};
use serde::Serialize;
use sqlx::Row;

use super::{Agent, NewMessage, Store, StoreError, insert_messages, message_from_row, now_ms};

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

/// Where a page of the queue ends: the last entry's place in its order. Clients get it as
/// an opaque string (`next`) and send it back (`after`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueCursor {
    handled: bool,
    priority: u32,
    waiting_since: i64,
    id: String,
}

impl QueueCursor {
    fn of(entry: &QueueEntry) -> Self {
        Self {
            handled: entry.state == ConversationState::Human,
            priority: entry.priority,
            waiting_since: entry.waiting_since.unwrap_or(0),
            id: entry.id.clone(),
        }
    }
}

impl std::fmt::Display for QueueCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let handled = u8::from(self.handled);
        write!(
            f,
            "{handled}.{}.{}.{}",
            self.priority, self.waiting_since, self.id
        )
    }
}

impl std::str::FromStr for QueueCursor {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let mut parts = s.splitn(4, '.');
        let mut next = || parts.next().ok_or(());
        let handled = match next()? {
            "0" => false,
            "1" => true,
            _ => return Err(()),
        };
        let priority = next()?.parse().map_err(|_| ())?;
        let waiting_since = next()?.parse().map_err(|_| ())?;
        let id = next()?;
        if id.is_empty() || id.len() > 64 {
            return Err(());
        }
        Ok(Self {
            handled,
            priority,
            waiting_since,
            id: id.to_string(),
        })
    }
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

impl Store {
    /// Conversations of `merchant` waiting for a person (most urgent, then longest waiting,
    /// first), then those a person is handling: all of them (tests; the console pages with
    /// [`Store::queue_page`]).
    pub async fn queue(&self, merchant: &str) -> Result<Vec<QueueEntry>, StoreError> {
        Ok(self.queue_page(merchant, None, u32::MAX).await?.0)
    }

    /// Up to `limit` entries of [`Store::queue`]'s list, those after `after` (from the
    /// start without one), and the cursor of the next page if there is more. The cursor is
    /// the last entry's place in the order, so a page never repeats an entry that stayed
    /// put while the queue changed.
    pub async fn queue_page(
        &self,
        merchant: &str,
        after: Option<&QueueCursor>,
        limit: u32,
    ) -> Result<(Vec<QueueEntry>, Option<QueueCursor>), StoreError> {
        // The order, as one row value: handled last, urgent first, longest waiting first.
        const KEY: &str = "((c.state = 'human'), -c.priority, COALESCE(c.waiting_since, 0), c.id)";
        let sql = format!(
            "SELECT c.id, c.state, c.priority, c.handoff_reason, c.waiting_since, c.agent_id, \
             a.name AS agent_name, \
             (SELECT text FROM messages m WHERE m.conversation_id = c.id \
              AND m.author = 'shopper' ORDER BY seq DESC LIMIT 1) AS last_shopper_text, \
             CASE WHEN EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = c.id) \
             THEN 1 ELSE 0 END AS has_ticket \
             FROM conversations c LEFT JOIN agents a ON a.id = c.agent_id \
             WHERE c.merchant_id = $1 AND c.state IN ('waiting_for_human', 'human') {} \
             ORDER BY c.state = 'human', c.priority DESC, COALESCE(c.waiting_since, 0), c.id \
             LIMIT $2",
            if after.is_some() {
                format!("AND {KEY} > ($3, $4, $5, $6)")
            } else {
                String::new()
            }
        );
        // One more than asked: whether there is a next page.
        let mut query = sqlx::query(&sql).bind(merchant).bind(i64::from(limit) + 1);
        if let Some(after) = after {
            query = query
                .bind(after.handled)
                .bind(-i64::from(after.priority))
                .bind(after.waiting_since)
                .bind(&after.id);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut entries = rows
            .iter()
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
            .collect::<Result<Vec<_>, StoreError>>()?;
        let next = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(QueueCursor::of)
        } else {
            None
        };
        Ok((entries, next))
    }

    /// Gives the waiting conversation to `agent` and stores `notice` (the "joined"
    /// message), atomically: of two agents claiming at once, exactly one wins.
    pub async fn claim(
        &self,
        agent: &Agent,
        conversation: &str,
        notice: NewMessage,
    ) -> Result<Vec<ChatMessage>, ClaimError> {
        let _timer = crate::telemetry::StoreTimer::start("claim");
        let mut tx = self.conversation_write_tx(&[conversation]).await?;
        let now = now_ms();
        let claimed = sqlx::query(
            "UPDATE conversations SET state = 'human', agent_id = $1, pending_intent = NULL, \
             failed_turns = 0, updated_at = $2 \
             WHERE id = $3 AND merchant_id = $4 AND state = 'waiting_for_human' \
             RETURNING waiting_since",
        )
        .bind(agent.id)
        .bind(now)
        .bind(conversation)
        .bind(&agent.merchant_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(claimed) = claimed else {
            drop(tx);
            return Err(self.why_not(agent, conversation).await?);
        };
        let waiting_since: Option<i64> = claimed.get("waiting_since");
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
        if let Some(since) = waiting_since {
            let waited = u64::try_from(now.saturating_sub(since)).unwrap_or(0);
            crate::telemetry::queue_wait(
                &agent.merchant_id,
                std::time::Duration::from_millis(waited),
            );
        }
        Ok(stored)
    }

    /// How many conversations wait for a person, for every merchant (zero included).
    pub async fn waiting_counts(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("waiting_counts");
        let rows = sqlx::query(
            "SELECT m.id, (SELECT COUNT(*) FROM conversations c \
             WHERE c.merchant_id = m.id AND c.state = 'waiting_for_human') AS waiting \
             FROM merchants m ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("id"), r.get::<i64, _>("waiting") as u64))
            .collect())
    }

    /// Why `agent` cannot act on `conversation`.
    async fn why_not(&self, agent: &Agent, conversation: &str) -> Result<ClaimError, StoreError> {
        let row = sqlx::query(
            "SELECT c.state, a.name FROM conversations c LEFT JOIN agents a ON a.id = c.agent_id \
             WHERE c.id = $1 AND c.merchant_id = $2",
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
        let mut tx = self.conversation_write_tx(&[conversation]).await?;
        let owned = sqlx::query(
            "UPDATE conversations SET state = $1, updated_at = $2 \
             WHERE id = $3 AND merchant_id = $4 AND state = 'human' AND agent_id = $5",
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
             confidence, created_at FROM messages WHERE conversation_id = $1 ORDER BY seq",
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

    /// Records the shopper's satisfaction score with the turn that gave it. `Ok(None)` if
    /// the rating's `client_msg_id` was already stored or a score already exists.
    pub async fn rate(
        &self,
        conversation: &str,
        score: u8,
        messages: Vec<NewMessage>,
    ) -> Result<Option<Vec<ChatMessage>>, StoreError> {
        let mut tx = self.conversation_write_tx(&[conversation]).await?;
        let row = sqlx::query(
            "UPDATE conversations SET csat_score = $1 WHERE id = $2 AND csat_score IS NULL \
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
}

#[cfg(test)]
mod tests {
    use kefu_protocol::Author;

    use super::*;
    use crate::store::DemoData;

    fn notice(text: &str) -> NewMessage {
        NewMessage {
            author: Author::Bot,
            text: text.into(),
            cards: vec![],
            client_msg_id: None,
            intent: None,
            confidence: None,
            marks: Default::default(),
        }
    }

    async fn store_with_waiting_conversation() -> (Store, String, Agent, Agent) {
        let store = Store::scratch().await.unwrap();
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
}
