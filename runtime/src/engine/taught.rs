//! The correction layer's memory: per merchant, the phrasings its agents taught
//! ([`Corrections`]), kept in step with the store.
//!
//! Before a merchant's message is understood, the rows added since this runtime last read
//! that merchant's are read (one indexed range query, usually empty), so a teaching counts
//! from the very next message, on every runtime sharing the database, and after a restart
//! (the first message reads them all). Nothing is cached across merchants: one shop's
//! teaching is never looked at for another's shopper.
//!
//! Rows are only ever added here; a phrasing that meant an FAQ entry since deleted stays in
//! memory until the next start (the store deletes it with the entry) and finds nothing
//! to answer with, so the message goes on as the model read it.

use std::collections::HashMap;
use std::sync::RwLock;

use super::correction::{Correction, Corrections, Target, Taught};
use crate::store::{CorrectionRecord, Store, StoreError};

/// One merchant's taught phrasings and the last row read.
#[derive(Debug, Default)]
struct Merchant {
    last_id: i64,
    /// The merchant's configuration version when its rows were last read.
    version: i64,
    corrections: Corrections,
}

/// Every merchant's taught phrasings this runtime has read.
#[derive(Debug, Default)]
pub struct TaughtPhrasings {
    merchants: RwLock<HashMap<String, Merchant>>,
}

impl TaughtPhrasings {
    /// The phrasing of `merchant` that `text` says again, if any, after reading what was
    /// taught since the last look — unless the merchant's configuration is still at the
    /// `version` read then (teaching raises it: [`crate::store::MerchantConfig`]).
    pub async fn nearest(
        &self,
        store: &Store,
        merchant: &str,
        text: &str,
        version: i64,
    ) -> Result<Option<Correction>, StoreError> {
        let (after, seen) = self
            .read()
            .get(merchant)
            .map_or((0, None), |m| (m.last_id, Some(m.version)));
        if seen.is_none_or(|seen| seen < version) {
            let new = store.corrections_after(merchant, after).await?;
            let mut merchants = self.write();
            let m = merchants.entry(merchant.to_string()).or_default();
            m.version = m.version.max(version);
            // Two turns may have read the same rows at once: each is added once.
            for record in new {
                if record.id > m.last_id {
                    m.last_id = record.id;
                    if let Some(taught) = taught(record) {
                        m.corrections.add(taught);
                    }
                }
            }
        }
        Ok(self
            .read()
            .get(merchant)
            .and_then(|m| m.corrections.nearest(text)))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Merchant>> {
        // A panic while holding the lock leaves whole entries (each is updated in place
        // by pushes): the map is still sound to read.
        self.merchants
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Merchant>> {
        self.merchants
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A stored row as a taught phrasing; `None` for a row that names neither a label nor an
/// entry (the schema's check forbids it).
fn taught(record: CorrectionRecord) -> Option<Taught> {
    let target = match (record.intent, record.faq_id) {
        (Some(intent), _) => Target::Intent(intent),
        (None, Some(id)) => Target::Faq(id),
        (None, None) => return None,
    };
    Some(Taught {
        id: record.id,
        text: record.text,
        target,
    })
}
