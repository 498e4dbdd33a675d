//! The refund ledger (table `refunds`): refunds are issued only within the order's
//! remaining total and every cap, checked in one write transaction, at most
//! once per confirmed action.

use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::{MoneyLimits, NewRefund, RefundRecord};

impl Store {
    /// Refunds issued on one order.
    pub async fn refunds_for_order(
        &self,
        merchant: &str,
        order: &str,
    ) -> Result<Vec<RefundRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT reference, order_id, amount_minor, currency, issued_at FROM refunds \
             WHERE merchant_id = $1 AND order_id = $2 ORDER BY issued_at",
        )
        .bind(merchant)
        .bind(order)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| RefundRecord {
                reference: r.get("reference"),
                order_id: r.get("order_id"),
                amount_minor: r.get::<i64, _>("amount_minor") as u64,
                currency: r.get("currency"),
                issued_at: r.get::<i64, _>("issued_at") as u64,
            })
            .collect())
    }

    /// Issues a refund if every limit allows it, atomically (an immediate transaction: two
    /// refunds cannot both pass the caps). `Ok(Err(why))` when a limit refuses it.
    pub async fn issue_refund(
        &self,
        r: &NewRefund,
        limits: &MoneyLimits,
    ) -> Result<Result<String, String>, StoreError> {
        let mut tx = self.write_tx().await?;
        let outcome = Self::issue_refund_in(&mut tx, r, limits).await;
        if matches!(outcome, Ok(Ok(_))) {
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        outcome
    }

    async fn issue_refund_in(
        conn: &mut sqlx::AnyConnection,
        r: &NewRefund,
        limits: &MoneyLimits,
    ) -> Result<Result<String, String>, StoreError> {
        let sum = |sql: &'static str| sqlx::query(sql);
        if sum("SELECT 1 FROM refunds WHERE action_id = $1")
            .bind(&r.action_id)
            .fetch_optional(&mut *conn)
            .await?
            .is_some()
        {
            return Ok(Err("this refund was already issued".into()));
        }
        let order = sqlx::query(
            "SELECT total_minor, currency FROM orders WHERE merchant_id = $1 AND id = $2",
        )
        .bind(&r.merchant)
        .bind(&r.order_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(order) = order else {
            return Ok(Err(format!("order {} does not exist", r.order_id)));
        };
        let total = order.get::<i64, _>("total_minor") as u64;
        let order_currency: String = order.get("currency");
        if r.currency != order_currency || r.currency != limits.currency {
            return Ok(Err(format!("refunds must be in {}", limits.currency)));
        }
        let settings = sqlx::query("SELECT refund_cap_minor FROM merchants WHERE id = $1")
            .bind(&r.merchant)
            .fetch_one(&mut *conn)
            .await?;
        let merchant_cap = settings
            .get::<Option<i64>, _>("refund_cap_minor")
            .map(|v| v as u64);
        let refunded: i64 = sum("SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) FROM refunds WHERE merchant_id = $1 AND order_id = $2")
            .bind(&r.merchant)
            .bind(&r.order_id)
            .fetch_one(&mut *conn)
            .await?
            .get(0);
        let since = r.now_ms.saturating_sub(86_400_000) as i64;
        let today: i64 = sum("SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) FROM refunds WHERE merchant_id = $1 AND plugin = $2 AND issued_at > $3")
            .bind(&r.merchant)
            .bind(&r.plugin)
            .bind(since)
            .fetch_one(&mut *conn)
            .await?
            .get(0);
        let shopper: i64 = sum("SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) FROM refunds WHERE merchant_id = $1 AND shopper = $2 AND issued_at > $3")
            .bind(&r.merchant)
            .bind(&r.shopper)
            .bind(since)
            .fetch_one(&mut *conn)
            .await?
            .get(0);
        let amount = r.amount_minor;
        if refunded as u64 + amount > total {
            return Ok(Err(format!(
                "order {} would be refunded more than its total",
                r.order_id
            )));
        }
        if amount > limits.max_refund_minor || merchant_cap.is_some_and(|cap| amount > cap) {
            return Ok(Err("above the largest refund allowed".into()));
        }
        if today as u64 + amount > limits.max_per_day_minor {
            return Ok(Err("the daily refund limit is reached".into()));
        }
        if shopper as u64 + amount > limits.max_per_shopper_minor {
            return Ok(Err("this shopper's daily refund limit is reached".into()));
        }
        let reference = format!(
            "R-{}",
            &uuid::Uuid::new_v4().simple().to_string()[..10].to_uppercase()
        );
        sqlx::query(
            "INSERT INTO refunds (reference, merchant_id, plugin, action_id, order_id, \
             amount_minor, currency, reason, shopper, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&reference)
        .bind(&r.merchant)
        .bind(&r.plugin)
        .bind(&r.action_id)
        .bind(&r.order_id)
        .bind(amount as i64)
        .bind(&r.currency)
        .bind(&r.reason)
        .bind(&r.shopper)
        .bind(r.now_ms as i64)
        .execute(&mut *conn)
        .await?;
        Ok(Ok(reference))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DemoData;

    async fn demo() -> Store {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store
    }

    fn limits() -> MoneyLimits {
        MoneyLimits {
            currency: "USD".into(),
            max_refund_minor: 5000,
            max_per_day_minor: 6000,
            max_per_shopper_minor: 6000,
        }
    }

    fn refund(action: &str, order: &str, amount: u64) -> NewRefund {
        NewRefund {
            merchant: "demo".into(),
            plugin: "refunds".into(),
            action_id: action.into(),
            order_id: order.into(),
            amount_minor: amount,
            currency: "USD".into(),
            reason: "test".into(),
            shopper: "carlos@example.com".into(),
            now_ms: 1_795_305_600_000,
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn one_action_racing_itself_refunds_once() {
        let store = demo().await;
        // Order 1003 totals 22.00: eight tries at 20.00 for one action, all at once.
        let tries = (0..8).map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .issue_refund(&refund("race", "1003", 2000), &limits())
                    .await
                    .unwrap()
            })
        });
        let mut issued = 0;
        for t in tries.collect::<Vec<_>>() {
            issued += usize::from(t.await.unwrap().is_ok());
        }
        assert_eq!(issued, 1);
        assert_eq!(
            store.refunds_for_order("demo", "1003").await.unwrap().len(),
            1
        );
    }

    #[tokio::test]
    async fn refunds_respect_order_totals_caps_and_issue_once_per_action() {
        let store = demo().await;
        // Order 1003 totals 22.00.
        let first = store
            .issue_refund(&refund("a1", "1003", 2000), &limits())
            .await
            .unwrap();
        assert!(first.is_ok(), "{first:?}");
        let again = store
            .issue_refund(&refund("a1", "1003", 200), &limits())
            .await
            .unwrap();
        assert!(again.is_err(), "one refund per action");
        let over = store
            .issue_refund(&refund("a2", "1003", 300), &limits())
            .await
            .unwrap();
        assert!(over.unwrap_err().contains("more than its total"));
        // Order 1001 totals 98.00: above the single-refund cap.
        let big = store
            .issue_refund(&refund("a3", "1001", 5001), &limits())
            .await
            .unwrap();
        assert!(big.unwrap_err().contains("largest"));
        // 20.00 issued already; another 45.00 would pass 60.00 a day.
        let day = store
            .issue_refund(&refund("a4", "1001", 4500), &limits())
            .await
            .unwrap();
        assert!(day.unwrap_err().contains("daily"));
        let euros = NewRefund {
            currency: "EUR".into(),
            ..refund("a5", "1003", 100)
        };
        assert!(
            store
                .issue_refund(&euros, &limits())
                .await
                .unwrap()
                .is_err()
        );
        let listed = store.refunds_for_order("demo", "1003").await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].amount_minor, 2000);
        assert!(
            store
                .refunds_for_order("other", "1003")
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn orders_are_found_by_their_email_within_one_merchant() {
        let store = demo().await;
        assert_eq!(
            store
                .order_ids_by_email("demo", "JANE@example.com")
                .await
                .unwrap(),
            ["1001"]
        );
        assert!(
            store
                .order_ids_by_email("other", "jane@example.com")
                .await
                .unwrap()
                .is_empty()
        );
    }
}
