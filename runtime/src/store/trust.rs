//! What the store keeps about trust in a conversation beyond its header: until when its
//! verified email counts (a signed identity's expiry), how many proofs of ownership failed
//! in it, and which action the latest message's confirmation card shows. A turn reads them
//! with its snapshot ([`Store::turn_snapshot`]).

use kefu_protocol::Card;

use super::{Store, StoreError};

/// A conversation's trust facts, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustRow {
    /// Until when (Unix seconds) the verified email counts; `None` when it was proven in the
    /// conversation and does not expire.
    pub verified_until: Option<u64>,
    /// Failed proofs of ownership in the conversation.
    pub proof_failures: u32,
    /// The action of the confirmation card on the conversation's latest message, if that
    /// message carries one.
    pub latest_card_action: Option<String>,
}

/// The action a confirmation card asks about.
pub fn card_action(card: &Card) -> Option<&str> {
    match card {
        Card::ConfirmRefund { action_id, .. }
        | Card::ConfirmCancel { action_id, .. }
        | Card::ConfirmAddress { action_id, .. } => Some(action_id),
        _ => None,
    }
}

impl Store {
    /// Records that a signed identity vouched for `email` in `conversation` until `until`
    /// (Unix seconds): the email is proof only until then.
    pub async fn set_verified_identity(
        &self,
        conversation: &str,
        email: &str,
        until: u64,
    ) -> Result<(), StoreError> {
        let _in_line = self.in_line().await;
        sqlx::query(
            "UPDATE conversations SET verified_email = $1, verified_until = $2 WHERE id = $3",
        )
        .bind(email)
        .bind(i64::try_from(until).unwrap_or(i64::MAX))
        .bind(conversation)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use kefu_protocol::ConversationState;

    use super::*;
    use crate::store::{DemoData, TurnWrite, TurnWritten};

    /// The trust facts a turn of `conversation` reads.
    async fn trust(store: &Store, conversation: &str) -> TrustRow {
        store
            .turn_snapshot("demo", conversation, "", "", |_, _| (vec![], None))
            .await
            .unwrap()
            .unwrap()
            .trust
    }

    fn turn(
        store_conv: &crate::store::Conversation,
        email: Option<&str>,
        failed: bool,
    ) -> TurnWrite {
        TurnWrite {
            conversation: store_conv.id.clone(),
            seen_last_seq: None,
            seen_state: ConversationState::Bot,
            messages: vec![],
            update: Some(crate::store::ConversationUpdate {
                verified_email: email.map(str::to_string),
                ..store_conv.unchanged()
            }),
            cancel_actions: vec![],
            fail_actions: vec![],
            new_actions: vec![],
            calls: vec![],
            proof_failed: failed,
        }
    }

    #[tokio::test]
    async fn an_identity_keeps_its_expiry_until_the_shopper_proves_another_email() {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        let conv = store.create_conversation("demo", "en").await.unwrap();
        store
            .set_verified_identity(&conv.id, "jane@example.com", 1_900_000_000)
            .await
            .unwrap();
        let t = trust(&store, &conv.id).await;
        assert_eq!(
            (t.verified_until, t.proof_failures),
            (Some(1_900_000_000), 0)
        );
        assert_eq!(t.latest_card_action, None);
        // The same email carried on by a turn keeps the identity's expiry; a failed proof
        // is counted.
        let w = store
            .write_turn(turn(&conv, Some("jane@example.com"), true))
            .await
            .unwrap();
        assert!(matches!(w, TurnWritten::Stored(_)), "{w:?}");
        let t = trust(&store, &conv.id).await;
        assert_eq!(
            (t.verified_until, t.proof_failures),
            (Some(1_900_000_000), 1)
        );
        // An email proven in the conversation (the order's) does not expire.
        store
            .write_turn(turn(&conv, Some("carlos@example.com"), false))
            .await
            .unwrap();
        let t = trust(&store, &conv.id).await;
        assert_eq!((t.verified_until, t.proof_failures), (None, 1));
    }
}
