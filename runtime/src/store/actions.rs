//! Actions plugins proposed (table `actions`): stored as `proposed`, then moved once to
//! `committed`, `cancelled` or `failed`.

use sqlx::Row;

use super::{Store, StoreError, now_ms};
use crate::domain::{ActionRecord, ActionState};

impl Store {
    /// Records an action proposed to the shopper.
    pub async fn create_action(
        &self,
        merchant: &str,
        action: &ActionRecord,
    ) -> Result<(), StoreError> {
        insert_action(&self.pool, merchant, action).await
    }

    /// An action of one conversation.
    pub async fn action(
        &self,
        conversation: &str,
        id: &str,
    ) -> Result<Option<ActionRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT id, conversation_id, plugin, plugin_version, proposal, shopper, state \
             FROM actions WHERE id = $1 AND conversation_id = $2",
        )
        .bind(id)
        .bind(conversation)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let state: String = r.get("state");
            Ok(ActionRecord {
                id: r.get("id"),
                conversation_id: r.get("conversation_id"),
                plugin: r.get("plugin"),
                plugin_version: r.get("plugin_version"),
                proposal: r.get("proposal"),
                shopper: r.get("shopper"),
                state: ActionState::parse(&state)
                    .ok_or_else(|| StoreError::Corrupt(format!("action state `{state}`")))?,
            })
        })
        .transpose()
    }

    /// Moves an action from `from` to `to`; `false` if it was not in `from` (someone else
    /// moved it first: a double confirmation commits once).
    pub async fn move_action(
        &self,
        id: &str,
        from: ActionState,
        to: ActionState,
    ) -> Result<bool, StoreError> {
        set_action_state(&self.pool, id, from, to).await
    }
}

/// Inserts a proposed action (through the pool, or inside a turn's transaction).
pub(super) async fn insert_action<'e>(
    db: impl sqlx::AnyExecutor<'e>,
    merchant: &str,
    action: &ActionRecord,
) -> Result<(), StoreError> {
    let now = now_ms();
    sqlx::query(
        "INSERT INTO actions (id, merchant_id, conversation_id, plugin, plugin_version, \
         proposal, shopper, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&action.id)
    .bind(merchant)
    .bind(&action.conversation_id)
    .bind(&action.plugin)
    .bind(&action.plugin_version)
    .bind(&action.proposal)
    .bind(&action.shopper)
    .bind(action.state.as_str())
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Moves an action from `from` to `to`; `false` if it was not in `from`.
pub(super) async fn set_action_state<'e>(
    db: impl sqlx::AnyExecutor<'e>,
    id: &str,
    from: ActionState,
    to: ActionState,
) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE actions SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4")
            .bind(to.as_str())
            .bind(now_ms())
            .bind(id)
            .bind(from.as_str())
            .execute(db)
            .await?
            .rows_affected();
    Ok(done == 1)
}
