//! Orders (table `orders`): one order, the orders placed with an email, and the changes a
//! shopper may still make before an order ships.

use sqlx::Row;

use super::{OrderChange, OrderRecord, Store, StoreError};

impl Store {
    /// One order of one merchant.
    pub async fn order(&self, merchant: &str, id: &str) -> Result<Option<OrderRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT id, email, status, carrier, tracking_number, eta, delivered_on, total_minor, \
             currency, items, shipping_address FROM orders WHERE merchant_id = $1 AND id = $2",
        )
        .bind(merchant)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let items: String = row.get("items");
        Ok(Some(OrderRecord {
            id: row.get("id"),
            email: row.get("email"),
            status: row.get("status"),
            carrier: row.get("carrier"),
            tracking_number: row.get("tracking_number"),
            eta: row.get("eta"),
            delivered_on: row.get("delivered_on"),
            total_minor: row.get::<i64, _>("total_minor") as u64,
            currency: row.get("currency"),
            items: serde_json::from_str(&items).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            shipping_address: row.get("shipping_address"),
        }))
    }

    /// The order of `merchant` sent with parcel tracking number `tracking` (in any case).
    pub async fn order_by_tracking(
        &self,
        merchant: &str,
        tracking: &str,
    ) -> Result<Option<OrderRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT id FROM orders WHERE merchant_id = $1 AND upper(tracking_number) = upper($2) \
             LIMIT 1",
        )
        .bind(merchant)
        .bind(tracking)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => self.order(merchant, &row.get::<String, _>("id")).await,
            None => Ok(None),
        }
    }

    /// The numbers of `merchant`'s orders placed with `email`, newest number first.
    pub async fn order_ids_by_email(
        &self,
        merchant: &str,
        email: &str,
    ) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT id FROM orders WHERE merchant_id = $1 AND lower(email) = lower($2) \
             ORDER BY id DESC LIMIT 20",
        )
        .bind(merchant)
        .bind(email)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| r.get("id")).collect())
    }

    /// Applies `change` to order `id` of `merchant` if it has not shipped; `Ok(Err(why))`
    /// if it has (or does not exist). One conditional update: a change racing the
    /// warehouse loses cleanly.
    pub async fn change_unshipped_order(
        &self,
        merchant: &str,
        id: &str,
        change: &OrderChange,
    ) -> Result<Result<(), String>, StoreError> {
        let (query, refused) = match change {
            OrderChange::Cancel => (
                sqlx::query(
                    "UPDATE orders SET status = 'cancelled' WHERE merchant_id = $1 AND id = $2 \
                     AND status = 'processing'",
                ),
                "cancelled",
            ),
            OrderChange::Address(address) => (
                sqlx::query(
                    "UPDATE orders SET shipping_address = $1 WHERE merchant_id = $2 AND id = $3 \
                     AND status = 'processing'",
                )
                .bind(address),
                "sent elsewhere",
            ),
        };
        let _in_line = self.in_line().await;
        let done = query
            .bind(merchant)
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(if done == 1 {
            Ok(())
        } else {
            Err(format!("order {id} can no longer be {refused}"))
        })
    }
}
