//! Phrasings agents taught the bot (table `corrections`): a relabelled shopper message means
//! the label the agent gave it, a question saved with an answer means that FAQ entry. The
//! engine's correction layer (`engine/taught.rs`) reads them by merchant, in the order they
//! were added.
//!
//! Every insert runs in a write transaction ([`Store::write_tx`]): those are serialised on
//! both engines, so ids become visible in the order they were given, and a reader that asks
//! for the rows after the last id it saw never skips one committed late.

use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// One taught phrasing as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRecord {
    /// Row id: later corrections have larger ones.
    pub id: i64,
    /// The shopper's words, emails and phone numbers masked.
    pub text: String,
    /// The label it means, for a relabelled message.
    pub intent: Option<String>,
    /// The FAQ entry it means, for a question saved with its answer.
    pub faq_id: Option<i64>,
}

impl Store {
    /// Records `label` for shopper message `seq` of `merchant`'s `conversation` (once per
    /// message) and, in the same transaction, `text` (the message, masked) as a phrasing
    /// that means `label` from now on. False, and nothing written, if the message already
    /// has a label.
    pub async fn teach_label(
        &self,
        merchant: &str,
        conversation: &str,
        seq: u64,
        label: &str,
        agent: i64,
        text: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let now = now_ms();
        let inserted = sqlx::query(
            "INSERT INTO training_labels (conversation_id, seq, label, agent_id, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(conversation)
        .bind(seq as i64)
        .bind(label)
        .bind(agent)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO corrections (merchant_id, text, intent, faq_id, created_at) \
             VALUES ($1, $2, $3, NULL, $4)",
        )
        .bind(merchant)
        .bind(text)
        .bind(label)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Adds an FAQ entry an agent wrote from a conversation and, in the same transaction,
    /// `taught` (the shopper's question, masked) as a phrasing that means it; returns the
    /// entry's id. The entry is private (answered by the runtime, not shipped to browsers)
    /// until the merchant marks it public.
    pub async fn add_taught_faq(
        &self,
        merchant: &str,
        lang: &str,
        question: &str,
        answer: &str,
        taught: &str,
    ) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let now = now_ms();
        let id: i64 = sqlx::query(
            "INSERT INTO faq (merchant_id, question, answer, lang, intent, created_at, public) \
             VALUES ($1, $2, $3, $4, NULL, $5, 0) RETURNING id",
        )
        .bind(merchant)
        .bind(question)
        .bind(answer)
        .bind(lang)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .get("id");
        sqlx::query(
            "INSERT INTO corrections (merchant_id, text, intent, faq_id, created_at) \
             VALUES ($1, $2, NULL, $3, $4)",
        )
        .bind(merchant)
        .bind(taught)
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// `merchant`'s taught phrasings with an id above `after`, oldest first (`after` 0: all).
    pub async fn corrections_after(
        &self,
        merchant: &str,
        after: i64,
    ) -> Result<Vec<CorrectionRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, text, intent, faq_id FROM corrections \
             WHERE merchant_id = $1 AND id > $2 ORDER BY id",
        )
        .bind(merchant)
        .bind(after)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| CorrectionRecord {
                id: r.get("id"),
                text: r.get("text"),
                intent: r.get("intent"),
                faq_id: r.get("faq_id"),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DemoData;

    async fn demo_store() -> Store {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store
    }

    #[tokio::test]
    async fn a_label_is_taught_once_and_read_back_in_order_per_merchant() {
        let store = demo_store().await;
        let agent = store
            .add_agent("demo", "t@demo.test", "T", "unused")
            .await
            .unwrap();
        let conv = store.create_conversation("demo", "en").await.unwrap();
        let text = "can i pick it up";
        assert!(
            store
                .teach_label("demo", &conv.id, 1, "delivery_options", agent.id, text)
                .await
                .unwrap()
        );
        assert!(
            !store
                .teach_label("demo", &conv.id, 1, "track_order", agent.id, text)
                .await
                .unwrap(),
            "one label per message"
        );
        let faq = store
            .add_taught_faq("demo", "en", "Q?", "A.", "do you gift wrap")
            .await
            .unwrap();
        let all = store.corrections_after("demo", 0).await.unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].intent.as_deref(), Some("delivery_options"));
        assert_eq!(
            (all[1].faq_id, all[1].text.as_str()),
            (Some(faq), "do you gift wrap")
        );
        assert!(all[0].id < all[1].id);
        assert_eq!(
            store.corrections_after("demo", all[0].id).await.unwrap(),
            all[1..]
        );
        assert_eq!(store.training_labels(&conv.id).await.unwrap().len(), 1);
        assert!(
            store
                .corrections_after("other", 0)
                .await
                .unwrap()
                .is_empty()
        );
        // Removing the FAQ entry removes what it taught.
        assert!(store.delete_faq("demo", faq).await.unwrap());
        assert_eq!(store.corrections_after("demo", 0).await.unwrap().len(), 1);
    }
}
