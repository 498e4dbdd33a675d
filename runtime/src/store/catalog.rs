//! The merchant's products, and the ranking that finds them by name, SKU or description in
//! English and Chinese; a catalogue imported at once ([`Store::import_catalog`]).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
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

/// The word a catalogue names a thing by, for a shopper's everyday word ("tee" and "tshirt"
/// are a T-shirt's "shirt", "hoody" a "hoodie").
fn as_named(term: &str) -> Option<String> {
    let named = match term {
        "tee" | "tshirt" => "shirt",
        "hoody" => "hoodie",
        _ => return None,
    };
    Some(named.to_string())
}

/// Chinese words for colours, with the English word a catalogue's name uses: "海军蓝的帽子"
/// asks after the "Navy baseball cap" whose Chinese name says 藏青色.
const COLOURS_ZH: &[(&str, &str)] = &[
    ("海军蓝", "navy"),
    ("藏青", "navy"),
    ("藏蓝", "navy"),
    ("深蓝", "navy"),
    ("灰色", "grey"),
    ("浅灰", "grey"),
    ("深灰", "grey"),
    ("黑色", "black"),
    ("白色", "white"),
    ("红色", "red"),
    ("绿色", "green"),
];

/// The English colour words a query names in Chinese.
fn colours_named_in_chinese(query: &str) -> impl Iterator<Item = &'static str> + '_ {
    COLOURS_ZH
        .iter()
        .filter(move |(zh, _)| query.contains(zh))
        .map(|&(_, en)| en)
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

/// The product of `catalog` that `text` names best, if any names it well enough.
pub fn named_product<'a>(catalog: &'a [ProductRecord], text: &str) -> Option<&'a ProductRecord> {
    catalog
        .iter()
        .map(|p| (product_score(p, text), p))
        .filter(|(score, _)| *score >= 3)
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.sku.cmp(&a.1.sku)))
        .map(|(_, p)| p)
}

/// How well `product` matches `query`: name words and SKU count most, description words a
/// little, Chinese name bigrams like name words.
fn product_score(product: &ProductRecord, query: &str) -> u32 {
    let query_terms: Vec<String> = ascii_terms(query)
        .into_iter()
        .map(|t| as_named(&t).unwrap_or(t))
        .collect();
    let query_lower = query.to_lowercase();
    let has = |t: &String| query_terms.iter().any(|q| q == t);
    let mut score = 0;
    let name_terms = ascii_terms(&product.name);
    for t in &name_terms {
        if has(t) {
            score += 3;
        }
    }
    // Its colour said in Chinese other than as its Chinese name says it, beside what the
    // thing is ("海军蓝的帽子" for 藏青色棒球帽): a name word.
    let colour = colours_named_in_chinese(&query_lower).any(|c| name_terms.iter().any(|t| t == c))
        && product.name_zh.as_deref().is_some_and(|zh| {
            let head = zh.chars().rev().find(|c| !c.is_ascii());
            head.is_some_and(|h| query_lower.contains(h))
                && !COLOURS_ZH
                    .iter()
                    .any(|(w, _)| zh.contains(w) && query_lower.contains(w))
        });
    if colour {
        score += 3;
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
        let bigrams = cjk_bigrams(zh);
        for bigram in &bigrams {
            if query_lower.contains(bigram.as_str()) {
                score += 3;
            }
        }
        // A Chinese name ends in what the thing is (保温杯, 棒球帽): "水杯" or "帽子" finds
        // it when no two characters of the name are said, though weakly, as a description
        // word does (not enough for the message to name the product).
        let head = zh.chars().rev().find(|c| !c.is_ascii());
        // Another character of the name just before it ("钢水杯" for 不锈钢保温杯: steel, then
        // cup) names it as a bigram does.
        let near = head.is_some_and(|h| {
            let chars: Vec<char> = query_lower.chars().collect();
            chars.iter().enumerate().any(|(i, c)| {
                *c == h
                    && chars[i.saturating_sub(2)..i]
                        .iter()
                        .any(|b| !b.is_ascii() && *b != h && *b != '色' && zh.contains(*b))
            })
        });
        // Its head said as the everyday noun, as "cap" names a cap ("你们帽子多少钱",
        // "杯子还有货吗" for 保温杯): it names the product as a bigram does.
        // A colour it is not said with it ("海军蓝的杯子") is another thing.
        let everyday = head.is_some_and(|h| query_lower.contains(&format!("{h}子")))
            && colours_named_in_chinese(&query_lower).all(|c| name_terms.iter().any(|t| t == c));
        if score == 0 && (near || everyday) {
            score += 3;
        } else if score == 0 && head.is_some_and(|h| query_lower.contains(h)) {
            score += 1;
        }
    }
    score
}

/// How an import treats the products already there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// The catalogue becomes exactly the imported products: others are removed.
    Replace,
    /// Imported products are added or updated by SKU; others stay.
    #[default]
    Upsert,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CatalogImport {
    /// How it treated the products already there.
    pub mode: ImportMode,
    /// Products that were not there before.
    pub created: u64,
    /// Products whose SKU was there and that were overwritten.
    pub updated: u64,
    /// Products removed (`replace` only).
    pub removed: u64,
    /// Products in the catalogue afterwards.
    pub total: u64,
}

impl Store {
    /// Writes `products` into `merchant`'s catalogue in one transaction: all of them or,
    /// on any failure, none. SKUs must be unique within `products` (the caller checks).
    pub async fn import_catalog(
        &self,
        merchant: &str,
        products: &[ProductRecord],
        mode: ImportMode,
    ) -> Result<CatalogImport, StoreError> {
        let mut tx = self.pool.begin().await?;
        let existing: HashSet<String> =
            sqlx::query("SELECT sku FROM products WHERE merchant_id = $1")
                .bind(merchant)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.get("sku"))
                .collect();
        let mut removed = 0;
        if mode == ImportMode::Replace {
            let kept: HashSet<&str> = products.iter().map(|p| p.sku.as_str()).collect();
            removed = existing
                .iter()
                .filter(|s| !kept.contains(s.as_str()))
                .count() as u64;
            sqlx::query("DELETE FROM products WHERE merchant_id = $1")
                .bind(merchant)
                .execute(&mut *tx)
                .await?;
        }
        let mut updated = 0;
        for p in products {
            if existing.contains(&p.sku) {
                updated += 1;
            }
            sqlx::query(
                "INSERT INTO products (merchant_id, sku, name, name_zh, description, \
                 description_zh, price_minor, currency, stock) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (merchant_id, sku) DO UPDATE SET name = excluded.name, \
                 name_zh = excluded.name_zh, description = excluded.description, \
                 description_zh = excluded.description_zh, price_minor = excluded.price_minor, \
                 currency = excluded.currency, stock = excluded.stock",
            )
            .bind(merchant)
            .bind(&p.sku)
            .bind(&p.name)
            .bind(&p.name_zh)
            .bind(&p.description)
            .bind(&p.description_zh)
            .bind(p.price_minor as i64)
            .bind(&p.currency)
            .bind(i64::from(p.stock))
            .execute(&mut *tx)
            .await?;
        }
        let total = sqlx::query("SELECT COUNT(*) AS n FROM products WHERE merchant_id = $1")
            .bind(merchant)
            .fetch_one(&mut *tx)
            .await?
            .get::<i64, _>("n") as u64;
        tx.commit().await?;
        Ok(CatalogImport {
            mode,
            created: products.len() as u64 - updated,
            updated,
            removed,
            total,
        })
    }

    /// Every product of `merchant`, by SKU.
    pub async fn catalog(&self, merchant: &str) -> Result<Vec<ProductRecord>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {PRODUCT_COLUMNS} FROM products WHERE merchant_id = $1 ORDER BY sku"
        ))
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(product_record).collect())
    }

    /// One product, by its SKU in any ASCII case.
    pub async fn product(
        &self,
        merchant: &str,
        sku: &str,
    ) -> Result<Option<ProductRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {PRODUCT_COLUMNS} FROM products \
             WHERE merchant_id = $1 AND lower(sku) = lower($2) ORDER BY sku LIMIT 1"
        ))
        .bind(merchant)
        .bind(sku)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(product_record))
    }

    /// Products matching `query`, best first (only those that match at all).
    pub async fn search_products(
        &self,
        merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ProductRecord>, StoreError> {
        let mut scored: Vec<(u32, ProductRecord)> = self
            .catalog(merchant)
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
        Ok(named_product(&self.catalog(merchant).await?, text).cloned())
    }
}

/// The columns [`product_record`] reads.
const PRODUCT_COLUMNS: &str =
    "sku, name, name_zh, description, description_zh, price_minor, currency, stock";

fn product_record(r: &sqlx::any::AnyRow) -> ProductRecord {
    ProductRecord {
        sku: r.get("sku"),
        name: r.get("name"),
        name_zh: r.get("name_zh"),
        description: r.get("description"),
        description_zh: r.get("description_zh"),
        price_minor: r.get::<i64, _>("price_minor") as u64,
        currency: r.get("currency"),
        stock: r.get::<i64, _>("stock") as u32,
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
        // What the thing is, in other words than its name: found, but not named.
        let found = store
            .search_products("demo", "水杯什么时候补货呀", 5)
            .await
            .unwrap();
        assert_eq!(found.first().map(|p| p.sku.as_str()), Some("BOT-STL-750"));
        let catalog = store.catalog("demo").await.unwrap();
        assert!(named_product(&catalog, "水杯什么时候补货呀").is_none());
        assert!(named_product(&catalog, "杯子什么时候补货呀").is_some());
        // A shopper's everyday word for it names it.
        for text in ["what size tee should i get", "are the tshirts organic?"] {
            let named = named_product(&catalog, text).map(|p| p.sku.as_str());
            assert_eq!(named, Some("TEE-ORG-M"), "{text}");
        }
        assert!(
            store
                .search_products("demo", "do you sell laptops", 5)
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn a_product_is_found_by_its_sku_in_any_case_and_only_in_its_shop() {
        let store = demo().await;
        let sku = |p: Option<ProductRecord>| p.map(|p| p.sku);
        let found = store.product("demo", "bot-stl-750").await.unwrap();
        assert_eq!(sku(found), Some("BOT-STL-750".to_string()));
        let found = store.product("demo", "BOT-STL-750").await.unwrap();
        assert_eq!(sku(found), Some("BOT-STL-750".to_string()));
        assert_eq!(sku(store.product("demo", "BOT-STL").await.unwrap()), None);
        assert_eq!(
            sku(store.product("other", "BOT-STL-750").await.unwrap()),
            None
        );
    }
}

#[cfg(test)]
mod naming_tests {
    use super::*;

    fn product(sku: &str, name: &str, name_zh: &str) -> ProductRecord {
        ProductRecord {
            sku: sku.into(),
            name: name.into(),
            name_zh: Some(name_zh.into()),
            description: String::new(),
            description_zh: None,
            price_minor: 100,
            currency: "USD".into(),
            stock: 1,
        }
    }

    #[test]
    fn a_chinese_name_is_found_by_a_character_of_it_before_what_the_thing_is() {
        let catalog = [
            product(
                "BOT-STL-750",
                "Insulated steel bottle 750 ml",
                "750毫升不锈钢保温杯",
            ),
            product("CAP-NVY", "Navy baseball cap", "藏青色棒球帽"),
        ];
        let named = |text: &str| named_product(&catalog, text).map(|p| p.sku.as_str());
        assert_eq!(named("钢水杯多少钱？现在能下单吗"), Some("BOT-STL-750"));
        assert_eq!(named("保温杯还有货吗"), Some("BOT-STL-750"));
        // What the thing is, said as its everyday noun, names it as "cap" does; its head
        // alone, after a colour, only weakly.
        assert_eq!(named("杯子多少钱"), Some("BOT-STL-750"));
        assert_eq!(named("那你们帽子多少钱"), Some("CAP-NVY"));
        assert_eq!(named("蓝色的帽"), None);
        // Its colour in other Chinese words than its Chinese name's, with what it is: the
        // colour its English name says.
        assert_eq!(named("哦对了 那个海军蓝的帽子多少钱"), Some("CAP-NVY"));
        assert_eq!(named("藏蓝帽子还有吗"), Some("CAP-NVY"));
        assert_eq!(named("海军蓝的杯子"), None);
    }
}
