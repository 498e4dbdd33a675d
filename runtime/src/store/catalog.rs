//! The merchant's products, and the ranking that finds them by name, SKU or description in
//! English and Chinese.

use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::ProductRecord;

fn ascii_terms(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() || !c.is_ascii())
        .filter(|w| w.len() >= 3)
        .map(|w| {
            w.strip_suffix('s')
                .filter(|s| s.len() >= 3)
                .unwrap_or(w)
                .to_string()
        })
        .collect()
}

fn cjk_bigrams(text: &str) -> Vec<String> {
    let chars: Vec<char> = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    chars
        .windows(2)
        .filter(|w| w.iter().any(|c| !c.is_ascii()))
        .map(|w| w.iter().collect())
        .collect()
}

/// How well `product` matches `query`: name words and SKU count most, description words a
/// little, Chinese name bigrams like name words.
fn product_score(product: &ProductRecord, query: &str) -> u32 {
    let query_terms = ascii_terms(query);
    let query_lower = query.to_lowercase();
    let has = |t: &String| query_terms.iter().any(|q| q == t);
    let mut score = 0;
    for t in ascii_terms(&product.name) {
        if has(&t) {
            score += 3;
        }
    }
    if query_lower.contains(&product.sku.to_lowercase()) {
        score += 6;
    }
    for t in ascii_terms(&product.description) {
        if t.len() >= 4 && has(&t) {
            score += 1;
        }
    }
    if let Some(zh) = &product.name_zh {
        for bigram in cjk_bigrams(zh) {
            if query_lower.contains(&bigram) {
                score += 3;
            }
        }
    }
    score
}

impl Store {
    async fn products(&self, merchant: &str) -> Result<Vec<ProductRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT sku, name, name_zh, description, description_zh, price_minor, currency, stock FROM products \
             WHERE merchant_id = ? ORDER BY sku",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ProductRecord {
                sku: r.get("sku"),
                name: r.get("name"),
                name_zh: r.get("name_zh"),
                description: r.get("description"),
                description_zh: r.get("description_zh"),
                price_minor: r.get::<i64, _>("price_minor") as u64,
                currency: r.get("currency"),
                stock: r.get::<i64, _>("stock") as u32,
            })
            .collect())
    }

    /// One product.
    pub async fn product(
        &self,
        merchant: &str,
        sku: &str,
    ) -> Result<Option<ProductRecord>, StoreError> {
        Ok(self
            .products(merchant)
            .await?
            .into_iter()
            .find(|p| p.sku.eq_ignore_ascii_case(sku)))
    }

    /// Products matching `query`, best first (only those that match at all).
    pub async fn search_products(
        &self,
        merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ProductRecord>, StoreError> {
        let mut scored: Vec<(u32, ProductRecord)> = self
            .products(merchant)
            .await?
            .into_iter()
            .map(|p| (product_score(&p, query), p))
            .filter(|(score, _)| *score > 0)
            .collect();
        // Best first; among equals, catalogue order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.sku.cmp(&b.1.sku)));
        // Keep only products close to the best match: "steel bottle" should not list caps.
        let best = scored.first().map_or(0, |(s, _)| *s);
        Ok(scored
            .into_iter()
            .filter(|(s, _)| *s * 2 >= best)
            .take(limit)
            .map(|(_, p)| p)
            .collect())
    }

    /// The product `text` names (by its name, Chinese name or SKU, not just by words of its
    /// description), if any.
    pub async fn product_named(
        &self,
        merchant: &str,
        text: &str,
    ) -> Result<Option<ProductRecord>, StoreError> {
        Ok(self
            .products(merchant)
            .await?
            .into_iter()
            .map(|p| (product_score(&p, text), p))
            .filter(|(score, _)| *score >= 3)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.sku.cmp(&a.1.sku)))
            .map(|(_, p)| p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DemoData;

    async fn demo() -> Store {
        let store = Store::in_memory().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store
    }

    #[tokio::test]
    async fn products_are_found_by_name_in_both_languages() {
        let store = demo().await;
        let found = store
            .search_products("demo", "is the steel bottle in stock?", 5)
            .await
            .unwrap();
        assert_eq!(found.first().map(|p| p.sku.as_str()), Some("BOT-STL-750"));
        assert_eq!(found.len(), 1, "{found:?}");
        let found = store
            .search_products("demo", "保温杯还有货吗", 5)
            .await
            .unwrap();
        assert_eq!(found.first().map(|p| p.sku.as_str()), Some("BOT-STL-750"));
        assert!(
            store
                .search_products("demo", "do you sell laptops", 5)
                .await
                .unwrap()
                .is_empty()
        );
    }
}
