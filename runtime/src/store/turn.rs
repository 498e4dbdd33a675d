//! One shopper turn's reads and its one write.
//!
//! [`Store::turn_snapshot`] gathers what the engine decides a turn on;
//! [`Store::write_turn`] stores everything the turn changed — the messages, the
//! conversation header, the actions proposed, lapsed or failed, the plugin audit log — in
//! one transaction (shared with the turns that arrived with it, `group.rs`), and only if
//! the conversation is still as the snapshot saw it (same `last_seq`, same state).
//! Otherwise nothing is written and the engine decides again on fresh facts: a message in
//! flight while an agent claims the chat can no longer put the chat back in the queue from
//! a stale copy.

use std::sync::Arc;

use kefu_protocol::{Card, ChatMessage, ConversationState};
use sqlx::Row;

use super::actions::{insert_action, set_action_state};
use super::audit::insert_call;
use super::catalog::named_product;
use super::settings::{SETTINGS_COLUMNS, settings_from_row};
use super::trust::{TrustRow, card_action};
use super::{
    ActionRecord, ActionState, AuditEntry, CONVERSATION_COLUMNS, CallRecording, Conversation,
    ConversationUpdate, MerchantConfig, MerchantSettings, NewMessage, OrderRecord, Store,
    StoreError, asks_for_rating, conversation_from_row, insert_message_rows, now_ms,
};

/// What a turn is decided on, as stored.
#[derive(Debug, Clone)]
pub struct TurnSnapshot {
    /// The `seq` of the shopper message stored with the turn's `client_msg_id`, if a send
    /// of it was stored already.
    pub resent: Option<u64>,
    /// The conversation header; the turn's write is conditional on it.
    pub conversation: Conversation,
    /// The merchant's settings.
    pub settings: MerchantSettings,
    /// The bot's latest message: text and the intent it answered.
    pub last_bot: Option<(String, Option<String>)>,
    /// The merchant's FAQ, wording and catalogue, as of the version read with the
    /// conversation or later.
    pub config: Arc<MerchantConfig>,
    /// The orders asked for that exist.
    pub orders: Vec<OrderRecord>,
    /// Whether the message names a product of the catalogue.
    pub names_product: bool,
    /// The action asked for, if it is still `proposed`.
    pub action: Option<ActionRecord>,
    /// Until when its verified email counts, failed proofs, the latest card's action.
    pub trust: TrustRow,
}

/// Everything one turn changes.
#[derive(Debug, Clone)]
pub struct TurnWrite {
    /// The conversation.
    pub conversation: String,
    /// Its `last_seq` when the turn's facts were read; `None` when the decision did not
    /// depend on what was said last (the bot stays silent while a person is asked for or in
    /// charge, and agents' messages keep arriving meanwhile).
    pub seen_last_seq: Option<u64>,
    /// Its state when the turn's facts were read.
    pub seen_state: ConversationState,
    /// The shopper's message and the bot's answer, if any.
    pub messages: Vec<NewMessage>,
    /// The header after the turn; `None` leaves it as it is.
    pub update: Option<ConversationUpdate>,
    /// Actions that lapse with this message (`proposed → cancelled`).
    pub cancel_actions: Vec<String>,
    /// Claimed actions whose commit failed before anything moved (`committed → failed`).
    pub fail_actions: Vec<String>,
    /// Actions proposed with the answer, of this merchant.
    pub new_actions: Vec<(String, ActionRecord)>,
    /// Plugin calls the turn made, for the audit log.
    pub calls: Vec<(AuditEntry, CallRecording)>,
    /// The shopper failed to prove they own an order (counted on the conversation).
    pub proof_failed: bool,
}

/// How writing a turn went.
#[derive(Debug, Clone, PartialEq)]
pub enum TurnWritten {
    /// Stored; the messages with their `seq`.
    Stored(Vec<ChatMessage>),
    /// The shopper message's `client_msg_id` is stored already (a resend won the race).
    Duplicate,
    /// The conversation changed since its facts were read; nothing was written.
    Changed,
}

/// How many of the shopper's latest messages a turn remembers.
const RECENT: u32 = 30;

impl Store {
    /// The facts a turn of `conversation` (of `merchant`) on `text` is decided on; `None` if
    /// the merchant has no such conversation. The message's `client_msg_id` tells a resend.
    /// `wanted` names, from the conversation and the
    /// shopper's latest messages just read, the orders to look up and the action to fetch.
    ///
    /// Two statements in all, whatever the merchant's configuration, plus one per order
    /// and action wanted: the conversation with its merchant's settings and
    /// configuration version, and the messages the turn looks back on. The FAQ, wording
    /// and catalogue are read again only when that version moved ([`MerchantConfig`]).
    pub async fn turn_snapshot(
        &self,
        merchant: &str,
        conversation: &str,
        client_msg_id: &str,
        text: &str,
        wanted: impl FnOnce(&Conversation, &[String]) -> (Vec<String>, Option<String>),
    ) -> Result<Option<TurnSnapshot>, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("turn_snapshot");
        // One connection for both reads: the pool checks a connection each time it takes
        // it back, a round trip to SQLite's connection thread.
        let mut conn = self.pool.acquire().await?;
        let Some(row) = sqlx::query(&format!(
            "SELECT {CONVERSATION_COLUMNS}, c.verified_until, c.proof_failures, \
             {SETTINGS_COLUMNS}, m.config_version, (SELECT r.seq FROM messages r \
             WHERE r.conversation_id = c.id AND r.client_msg_id = $3) AS resent_seq \
             FROM conversations c JOIN merchants m ON m.id = c.merchant_id \
             WHERE c.id = $1 AND c.merchant_id = $2 AND c.deleted_at IS NULL"
        ))
        .bind(conversation)
        .bind(merchant)
        .bind(client_msg_id)
        .fetch_optional(&mut *conn)
        .await?
        else {
            return Ok(None);
        };
        let resent = row
            .get::<Option<i64>, _>("resent_seq")
            .map(|seq| seq as u64);
        let conv = conversation_from_row(&row)?;
        let settings = settings_from_row(&row)?;
        let version: i64 = row.get("config_version");
        let looking_back = looking_back(&mut conn, conversation).await?;
        drop(conn);
        let (numbers, action) = wanted(&conv, &looking_back.shopper);
        let mut orders = Vec::new();
        for number in numbers {
            if !orders.iter().any(|o: &OrderRecord| o.id == number)
                && let Some(order) = self.order(merchant, &number).await?
            {
                orders.push(order);
            }
        }
        let action = match action {
            Some(id) => self
                .action(conversation, &id)
                .await?
                .filter(|a| a.state == ActionState::Proposed),
            None => None,
        };
        let config = self.merchant_config(merchant, version).await?;
        Ok(Some(TurnSnapshot {
            resent,
            settings,
            last_bot: looking_back.last_bot,
            names_product: named_product(
                &config.catalog,
                &kefu_intent::pinyin::read(text).unwrap_or_else(|| text.to_string()),
            )
            .is_some(),
            config,
            orders,
            action,
            trust: TrustRow {
                verified_until: row
                    .get::<Option<i64>, _>("verified_until")
                    .map(|s| s.max(0) as u64),
                proof_failures: row.get::<i64, _>("proof_failures").max(0) as u32,
                latest_card_action: looking_back.latest_card_action,
            },
            conversation: conv,
        }))
    }
}

/// What a turn looks back on in `conversation`, in one statement: the shopper's latest
/// messages, the bot's latest message, and the confirmation card on the latest message.
async fn looking_back(
    conn: &mut sqlx::AnyConnection,
    conversation: &str,
) -> Result<LookingBack, StoreError> {
    let rows = sqlx::query(
        "SELECT 's' AS part, seq, text, intent, cards FROM (SELECT seq, text, intent, cards \
             FROM messages WHERE conversation_id = $1 AND author = 'shopper' \
             ORDER BY seq DESC LIMIT $2) s \
             UNION ALL SELECT 'b' AS part, seq, text, intent, cards FROM (SELECT seq, text, \
             intent, cards FROM messages WHERE conversation_id = $1 AND author = 'bot' \
             ORDER BY seq DESC LIMIT 1) b \
             UNION ALL SELECT 'l' AS part, seq, text, intent, cards FROM (SELECT seq, text, \
             intent, cards FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1) l",
    )
    .bind(conversation)
    .bind(i64::from(RECENT))
    .fetch_all(&mut *conn)
    .await?;
    let mut out = LookingBack::default();
    let mut shopper: Vec<(i64, String)> = Vec::new();
    for r in &rows {
        match r.get::<String, _>("part").as_str() {
            "s" => shopper.push((r.get("seq"), r.get("text"))),
            "b" => out.last_bot = Some((r.get("text"), r.get("intent"))),
            _ => {
                let cards: Vec<Card> = serde_json::from_str(&r.get::<String, _>("cards"))
                    .map_err(|e| StoreError::Corrupt(format!("message cards: {e}")))?;
                out.latest_card_action = cards.iter().find_map(card_action).map(str::to_string);
            }
        }
    }
    shopper.sort_by_key(|(seq, _)| *seq);
    out.shopper = shopper.into_iter().map(|(_, text)| text).collect();
    Ok(out)
}

/// The messages a turn looks back on.
#[derive(Debug, Default)]
struct LookingBack {
    /// The shopper's latest messages, oldest first.
    shopper: Vec<String>,
    /// The bot's latest message: text and intent.
    last_bot: Option<(String, Option<String>)>,
    /// The action of the confirmation card on the latest message, if it carries one.
    latest_card_action: Option<String>,
}

/// Writes `turn` inside `tx` (a transaction holding its conversation's write lock) if the
/// conversation is unchanged since it was read; the caller commits ([`super::group`]).
/// After [`TurnWritten::Duplicate`] or an error, what was written must be rolled back.
///
/// Two statements for the conversation and its messages: the header moves (its `last_seq`
/// on by the messages, its state and the rest) only if it is as the turn's facts saw it,
/// returning the new `last_seq`; then the messages, in one insert.
pub(super) async fn write_one(
    tx: &mut sqlx::AnyConnection,
    turn: TurnWrite,
) -> Result<TurnWritten, StoreError> {
    let now = now_ms();
    let count = turn.messages.len() as i64;
    let csat = asks_for_rating(&turn.messages);
    let mut set = String::from(
        "last_seq = last_seq + $1, csat_asked = CASE WHEN $2 THEN 1 ELSE csat_asked END, \
         updated_at = $3, proof_failures = proof_failures + $4",
    );
    if turn.update.is_some() {
        // Priority only rises; a reason or a proven email given earlier (or by a signed
        // identity meanwhile) stays unless this turn brings a new one. A signed
        // identity's expiry stays with its email; another email proven in the
        // conversation (the order's) does not expire.
        set.push_str(
            ", state = $5, pending_intent = $6, failed_turns = $7, \
             priority = CASE WHEN $8 > priority THEN $8 ELSE priority END, \
             handoff_reason = COALESCE($9, handoff_reason), \
             verified_until = CASE WHEN $10 IS NULL OR $11 = verified_email \
             THEN verified_until ELSE NULL END, \
             pending = $12, verified_email = COALESCE($13, verified_email), \
             waiting_since = CASE WHEN $14 = 'waiting_for_human' \
             AND state != 'waiting_for_human' THEN $15 ELSE waiting_since END",
        );
    }
    let first = if turn.update.is_some() { 16 } else { 5 };
    let mut sql = format!(
        "UPDATE conversations SET {set} WHERE id = ${first} AND state = ${}",
        first + 1
    );
    if turn.seen_last_seq.is_some() {
        sql.push_str(&format!(" AND last_seq = ${}", first + 2));
    }
    sql.push_str(" RETURNING last_seq");
    let mut query = sqlx::query(&sql)
        .bind(count)
        .bind(csat)
        .bind(now)
        .bind(i64::from(turn.proof_failed));
    if let Some(update) = &turn.update {
        query = query
            .bind(update.state.as_str())
            .bind(update.pending_intent.clone())
            .bind(i64::from(update.failed_turns))
            .bind(i64::from(update.priority))
            .bind(update.handoff_reason.clone())
            .bind(update.verified_email.clone())
            .bind(update.verified_email.clone())
            .bind(update.pending.clone())
            .bind(update.verified_email.clone())
            .bind(update.state.as_str())
            .bind(now);
    }
    query = query
        .bind(turn.conversation.clone())
        .bind(turn.seen_state.as_str());
    if let Some(seen) = turn.seen_last_seq {
        query = query.bind(seen as i64);
    }
    let Some(row) = query.fetch_optional(&mut *tx).await? else {
        // Its `last_seq` or state moved since the turn's facts were read.
        return Ok(TurnWritten::Changed);
    };
    let last_seq = row.get::<i64, _>("last_seq") as u64 - count as u64;
    let state = turn.update.as_ref().map_or(turn.seen_state, |u| u.state);
    let Some(stored) =
        insert_message_rows(tx, &turn.conversation, last_seq, turn.messages, state, None).await?
    else {
        return Ok(TurnWritten::Duplicate);
    };
    for id in &turn.cancel_actions {
        set_action_state(&mut *tx, id, ActionState::Proposed, ActionState::Cancelled).await?;
    }
    for id in &turn.fail_actions {
        set_action_state(&mut *tx, id, ActionState::Committed, ActionState::Failed).await?;
    }
    for (merchant, action) in &turn.new_actions {
        insert_action(&mut *tx, merchant, action).await?;
    }
    for (entry, recording) in &turn.calls {
        insert_call(&mut *tx, entry, Some(recording)).await?;
    }
    Ok(TurnWritten::Stored(stored))
}

#[cfg(test)]
mod tests {
    use kefu_protocol::Author;

    use super::*;
    use crate::store::DemoData;

    fn message(author: Author, text: &str, id: Option<&str>) -> NewMessage {
        NewMessage {
            author,
            text: text.into(),
            cards: vec![],
            client_msg_id: id.map(str::to_string),
            intent: None,
            confidence: None,
            marks: Default::default(),
        }
    }

    fn write(conv: &Conversation, id: &str, state: ConversationState) -> TurnWrite {
        TurnWrite {
            conversation: conv.id.clone(),
            seen_last_seq: Some(conv.last_seq),
            seen_state: conv.state,
            messages: vec![
                message(Author::Shopper, "hello?", Some(id)),
                message(Author::Bot, "Hi!", None),
            ],
            update: Some(ConversationUpdate {
                state,
                ..conv.unchanged()
            }),
            cancel_actions: vec![],
            fail_actions: vec![],
            new_actions: vec![],
            calls: vec![],
            proof_failed: false,
        }
    }

    async fn store() -> Store {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store
    }

    #[tokio::test]
    async fn a_turn_decided_on_a_stale_conversation_writes_nothing() {
        let store = store().await;
        let conv = store.create_conversation("demo", "en").await.unwrap();
        // Someone else's message lands between reading the facts and writing the turn.
        store
            .append_turn(
                &conv.id,
                vec![message(Author::Shopper, "first", Some("x"))],
                &conv.unchanged(),
            )
            .await
            .unwrap()
            .unwrap();
        let written = store
            .write_turn(write(&conv, "a", ConversationState::Bot))
            .await
            .unwrap();
        assert_eq!(written, TurnWritten::Changed);
        assert_eq!(
            store.seq_of_client_message(&conv.id, "a").await.unwrap(),
            None
        );
        let now = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        assert_eq!(now.last_seq, 1, "only the other message is stored");
    }

    #[tokio::test]
    async fn a_turn_in_flight_cannot_put_a_claimed_chat_back_in_the_queue() {
        let store = store().await;
        let conv = store.create_conversation("demo", "en").await.unwrap();
        let waiting = store
            .write_turn(write(&conv, "a", ConversationState::WaitingForHuman))
            .await
            .unwrap();
        assert!(matches!(waiting, TurnWritten::Stored(_)));
        let seen = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        // An agent claims the chat while the shopper's next message is being answered
        // from the facts read before.
        sqlx::query("UPDATE conversations SET state = 'human' WHERE id = $1")
            .bind(&conv.id)
            .execute(&store.pool)
            .await
            .unwrap();
        let stale = store
            .write_turn(write(&seen, "b", ConversationState::WaitingForHuman))
            .await
            .unwrap();
        assert_eq!(stale, TurnWritten::Changed);
        let now = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        assert_eq!(now.state, ConversationState::Human);
    }

    #[tokio::test]
    async fn a_silent_turn_is_stored_while_a_persons_messages_keep_arriving() {
        let store = store().await;
        let conv = store.create_conversation("demo", "en").await.unwrap();
        sqlx::query("UPDATE conversations SET state = 'human' WHERE id = $1")
            .bind(&conv.id)
            .execute(&store.pool)
            .await
            .unwrap();
        let seen = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        // The agent answers between reading the facts and writing the shopper's message.
        store
            .append_turn(
                &conv.id,
                vec![message(Author::Agent, "Hi, Ada here", None)],
                &seen.unchanged(),
            )
            .await
            .unwrap()
            .unwrap();
        let silent = TurnWrite {
            seen_last_seq: None,
            messages: vec![message(Author::Shopper, "thanks Ada", Some("s"))],
            update: None,
            ..write(&seen, "s", ConversationState::Human)
        };
        let TurnWritten::Stored(stored) = store.write_turn(silent).await.unwrap() else {
            panic!("a silent turn must not wait for the agent to stop typing");
        };
        assert_eq!(stored[0].seq, 2);
        // Had the state changed (the chat resolved), it would be decided again.
        sqlx::query("UPDATE conversations SET state = 'resolved' WHERE id = $1")
            .bind(&conv.id)
            .execute(&store.pool)
            .await
            .unwrap();
        let stale = TurnWrite {
            seen_last_seq: None,
            update: None,
            ..write(&seen, "t", ConversationState::Human)
        };
        assert_eq!(store.write_turn(stale).await.unwrap(), TurnWritten::Changed);
    }

    #[tokio::test]
    async fn a_turn_looks_back_on_the_shoppers_latest_messages_the_bots_last_and_the_latest_card() {
        let store = store().await;
        let mut conv = store.create_conversation("demo", "en").await.unwrap();
        for i in 0..RECENT + 5 {
            let mut w = write(&conv, &format!("m{i}"), ConversationState::Bot);
            w.messages = vec![message(
                Author::Shopper,
                &format!("message {i}"),
                Some(&format!("m{i}")),
            )];
            if i == 3 {
                w.messages.push(message(Author::Bot, "Hi!", None));
            }
            assert!(matches!(
                store.write_turn(w).await.unwrap(),
                TurnWritten::Stored(_)
            ));
            conv = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        }
        let mut shopper = Vec::new();
        let snapshot = store
            .turn_snapshot("demo", &conv.id, "m7", "", |_, recent| {
                shopper = recent.to_vec();
                (vec![], None)
            })
            .await
            .unwrap()
            .unwrap();
        let expected: Vec<String> = (5..RECENT + 5).map(|i| format!("message {i}")).collect();
        assert_eq!(shopper, expected, "the latest {RECENT}, oldest first");
        assert_eq!(snapshot.last_bot, Some(("Hi!".into(), None)));
        assert_eq!(
            snapshot.resent,
            Some(9),
            "m7 follows seven messages and a bot answer"
        );
        assert_eq!(snapshot.trust.latest_card_action, None);
        assert_eq!(snapshot.settings.name, "Kefu Demo Outfitters");
        assert!(
            store
                .turn_snapshot("other", &conv.id, "", "", |_, _| (vec![], None))
                .await
                .unwrap()
                .is_none(),
            "another merchant's conversation is not found"
        );
    }

    #[tokio::test]
    async fn a_resend_is_reported_and_stores_nothing_twice() {
        let store = store().await;
        let conv = store.create_conversation("demo", "en").await.unwrap();
        assert!(matches!(
            store
                .write_turn(write(&conv, "a", ConversationState::Bot))
                .await
                .unwrap(),
            TurnWritten::Stored(_)
        ));
        let seen = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        let again = store
            .write_turn(write(&seen, "a", ConversationState::Bot))
            .await
            .unwrap();
        assert_eq!(again, TurnWritten::Duplicate);
        let now = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        assert_eq!(now.last_seq, 2);
    }

    #[tokio::test]
    async fn a_proven_email_and_a_higher_priority_are_never_lost_to_a_turn() {
        let store = store().await;
        let conv = store.create_conversation("demo", "en").await.unwrap();
        // A signed identity arrives while the turn is decided (it does not move last_seq).
        store
            .set_verified_email(&conv.id, "jane@example.com")
            .await
            .unwrap();
        sqlx::query("UPDATE conversations SET priority = 2 WHERE id = $1")
            .bind(&conv.id)
            .execute(&store.pool)
            .await
            .unwrap();
        let mut turn = write(&conv, "a", ConversationState::Bot);
        if let Some(u) = &mut turn.update {
            u.priority = 1;
            u.verified_email = None;
        }
        assert!(matches!(
            store.write_turn(turn).await.unwrap(),
            TurnWritten::Stored(_)
        ));
        let now = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        assert_eq!(now.verified_email.as_deref(), Some("jane@example.com"));
        assert_eq!(now.priority, 2);
    }
}
