//! The demo merchant's data (`runtime/demo/store.toml`, compiled into the binary), loaded
//! into an empty store on first start. Its agents are added on every start if missing, so
//! a store created before agents existed gets them too.

use serde::Deserialize;
use sqlx::AnyPool;

use super::{BusinessHours, OrderRecord, StoreError, now_ms};

const BUILTIN: &str = include_str!("../../demo/store.toml");

/// A merchant with products and orders, as written in a demo data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    merchant: Merchant,
    #[serde(default)]
    products: Vec<Product>,
    #[serde(default)]
    orders: Vec<OrderRecord>,
    #[serde(default)]
    agents: Vec<DemoAgent>,
    #[serde(default)]
    faq: Vec<Faq>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Faq {
    intent: Option<String>,
    lang: String,
    question: String,
    answer: String,
}

/// An agent account in a demo data file. The password is in clear: demo only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAgent {
    /// Login.
    pub email: String,
    /// Shown to shoppers.
    pub name: String,
    /// Demo password.
    pub password: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Merchant {
    id: String,
    name: String,
    refund_cap_minor: Option<u64>,
    identity_secret: Option<String>,
    #[serde(default)]
    business_hours: Option<BusinessHours>,
    #[serde(default = "default_reply_within_hours")]
    reply_within_hours: u32,
    #[serde(default)]
    handoff_phrases: Vec<String>,
}

fn default_reply_within_hours() -> u32 {
    super::DEFAULT_REPLY_WITHIN_HOURS
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Product {
    sku: String,
    name: String,
    name_zh: Option<String>,
    description: String,
    description_zh: Option<String>,
    price_minor: u64,
    currency: String,
    stock: u32,
}

impl DemoData {
    /// The demo merchant shipped with kefu.
    pub fn builtin() -> Result<Self, StoreError> {
        Self::parse(BUILTIN)
    }

    /// The demo shop's FAQ as the store keeps it (ids from 1, in file order), for tests of
    /// the engine that read the real answers.
    #[cfg(test)]
    pub(crate) fn faq_entries(&self) -> Vec<super::FaqEntry> {
        self.faq
            .iter()
            .zip(1..)
            .map(|(f, id)| super::FaqEntry {
                id,
                question: f.question.clone(),
                answer: f.answer.clone(),
                lang: f.lang.clone(),
                intent: f.intent.clone(),
                public: true,
            })
            .collect()
    }

    /// Parses a demo data file.
    pub fn parse(toml_text: &str) -> Result<Self, StoreError> {
        let data: Self = toml::from_str(toml_text).map_err(|e| StoreError::Demo(e.to_string()))?;
        if let Some(hours) = &data.merchant.business_hours {
            hours
                .validate()
                .map_err(|e| StoreError::Demo(format!("business_hours: {e}")))?;
        }
        Ok(data)
    }

    /// The demo's agent accounts.
    pub fn agents(&self) -> &[DemoAgent] {
        &self.agents
    }

    /// The merchant's id.
    pub fn merchant_id(&self) -> &str {
        &self.merchant.id
    }
}

pub(super) async fn load(pool: &AnyPool, data: &DemoData) -> Result<bool, StoreError> {
    let mut tx = pool.begin().await?;
    let hours = data
        .merchant
        .business_hours
        .as_ref()
        .map(|h| serde_json::to_string(h).expect("business hours serialise"));
    let inserted = sqlx::query(
        "INSERT INTO merchants (id, name, refund_cap_minor, identity_secret, created_at, \
         business_hours, reply_within_hours) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
    )
    .bind(&data.merchant.id)
    .bind(&data.merchant.name)
    .bind(data.merchant.refund_cap_minor.map(|v| v as i64))
    .bind(&data.merchant.identity_secret)
    .bind(now_ms())
    .bind(hours)
    .bind(i64::from(data.merchant.reply_within_hours))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Ok(false);
    }
    if !data.merchant.handoff_phrases.is_empty() {
        let phrases: Vec<String> = data
            .merchant
            .handoff_phrases
            .iter()
            .map(|p| p.trim().to_lowercase())
            .collect();
        sqlx::query("UPDATE merchants SET handoff_phrases = $1 WHERE id = $2")
            .bind(serde_json::to_string(&phrases).map_err(|e| StoreError::Demo(e.to_string()))?)
            .bind(&data.merchant.id)
            .execute(&mut *tx)
            .await?;
    }
    for p in &data.products {
        sqlx::query(
            "INSERT INTO products (merchant_id, sku, name, name_zh, description, description_zh, \
             price_minor, currency, stock) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&data.merchant.id)
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
    for o in &data.orders {
        let items = serde_json::to_string(&o.items).map_err(|e| StoreError::Demo(e.to_string()))?;
        sqlx::query(
            "INSERT INTO orders (merchant_id, id, email, status, carrier, tracking_number, eta, \
             delivered_on, total_minor, currency, items, shipping_address) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&data.merchant.id)
        .bind(&o.id)
        .bind(&o.email)
        .bind(&o.status)
        .bind(&o.carrier)
        .bind(&o.tracking_number)
        .bind(&o.eta)
        .bind(&o.delivered_on)
        .bind(o.total_minor as i64)
        .bind(&o.currency)
        .bind(items)
        .bind(&o.shipping_address)
        .execute(&mut *tx)
        .await?;
    }
    for f in &data.faq {
        if f.lang != "en" && f.lang != "zh" {
            return Err(StoreError::Demo(format!(
                "faq lang `{}` must be en or zh",
                f.lang
            )));
        }
        sqlx::query(
            "INSERT INTO faq (merchant_id, question, answer, lang, intent, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&data.merchant.id)
        .bind(&f.question)
        .bind(&f.answer)
        .bind(&f.lang)
        .bind(&f.intent)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
