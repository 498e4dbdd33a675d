//! A merchant's settings that the engine applies: shop name, refund cap, identity secret,
//! business hours and reply time, handoff phrases, default locale, and the merchant's own
//! wording of the bot's lines (`reply_templates`), and what the chat panel may do on the
//! shopper's device ([`OnDevice`]).

use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// The reply time promised when a merchant has not set one (also the column's default).
pub const DEFAULT_REPLY_WITHIN_HOURS: u32 = 24;

/// A merchant's settings that the engine applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MerchantSettings {
    /// Shop name.
    pub name: String,
    /// Refunds above this always go to a person.
    pub refund_cap_minor: Option<u64>,
    /// Secret for signed shopper identities.
    pub identity_secret: Option<String>,
    /// When agents answer live (`None`: whenever one is online).
    pub business_hours: Option<super::BusinessHours>,
    /// The reply time promised when nobody can answer live, in hours.
    pub reply_within_hours: u32,
    /// Phrases that always go to a person in this shop (lower-case).
    pub handoff_phrases: Vec<String>,
    /// The language (`en`, `zh`) a conversation starts in when the widget does not say.
    pub default_locale: String,
    /// What the chat panel may do on the shopper's device.
    pub on_device: OnDevice,
    /// The shop's colour and logo in the chat panel.
    pub brand: Brand,
}

/// The shop's look in the chat panel, as the admin API checked it
/// (`crate::engine::brand`). `None`: kefu's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    /// The brand colour, `#rrggbb` (lower-case).
    pub color: Option<String>,
    /// The logo: an https URL.
    pub logo_url: Option<String>,
}

/// What the chat panel may do with the intent model on the shopper's device. Both are on
/// unless the merchant turns them off; the runtime decides every turn either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnDevice {
    /// Answer questions the shop's public FAQ answers in the panel, as they are sent.
    pub answers: bool,
    /// Suggest actions ("Track order 1001") while the shopper types.
    pub suggestions: bool,
}

impl Default for OnDevice {
    fn default() -> Self {
        Self {
            answers: true,
            suggestions: true,
        }
    }
}

/// What the admin API sets at once (everything but the identity secret, which only the
/// command line rotates). Checked by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsUpdate {
    /// Shop name.
    pub name: String,
    /// Refunds above this always go to a person (`None`: the plugins' own caps only).
    pub refund_cap_minor: Option<u64>,
    /// When agents answer live (`None`: whenever one is online).
    pub business_hours: Option<BusinessHours>,
    /// The reply time promised when nobody can answer live, in hours.
    pub reply_within_hours: u32,
    /// Phrases that always go to a person in this shop.
    pub handoff_phrases: Vec<String>,
    /// `en` or `zh`.
    pub default_locale: String,
    /// What the chat panel may do on the shopper's device.
    pub on_device: OnDevice,
    /// The shop's colour and logo in the chat panel.
    pub brand: Brand,
}

/// When agents answer live: on `days`, from `open` to `close` local time, where local time is
/// UTC plus `utc_offset_minutes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessHours {
    /// `mon` … `sun`.
    #[schema(example = json!(["mon", "tue", "wed", "thu", "fri"]))]
    pub days: Vec<String>,
    /// `HH:MM`, inclusive.
    #[schema(example = "09:00")]
    pub open: String,
    /// `HH:MM`, exclusive.
    #[schema(example = "18:00")]
    pub close: String,
    /// The shop's offset from UTC, e.g. 480 for UTC+8.
    #[serde(default)]
    pub utc_offset_minutes: i32,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn minutes(hhmm: &str) -> Option<i64> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60).then_some(h * 60 + m)
}

impl BusinessHours {
    /// Checks the fields parse; a configuration error is reported at load, not at the first
    /// handoff.
    pub fn validate(&self) -> Result<(), String> {
        for d in &self.days {
            if !DAYS.contains(&d.as_str()) {
                return Err(format!("unknown day `{d}` (use mon … sun)"));
            }
        }
        let (Some(open), Some(close)) = (minutes(&self.open), minutes(&self.close)) else {
            return Err("open and close must be HH:MM".into());
        };
        if open >= close {
            return Err("close must be after open".into());
        }
        if !(-12 * 60..=14 * 60).contains(&self.utc_offset_minutes) {
            return Err("utc_offset_minutes must be between -720 (UTC-12) and 840 (UTC+14)".into());
        }
        Ok(())
    }

    /// Whether the shop is open at `unix_ms`.
    pub fn is_open(&self, unix_ms: i64) -> bool {
        let local = unix_ms.div_euclid(60_000) + i64::from(self.utc_offset_minutes);
        let day = local.div_euclid(24 * 60);
        // 1970-01-01 was a Thursday.
        let weekday = DAYS[(day + 3).rem_euclid(7) as usize];
        let minute = local.rem_euclid(24 * 60);
        self.days.iter().any(|d| d == weekday)
            && minutes(&self.open).is_some_and(|o| minute >= o)
            && minutes(&self.close).is_some_and(|c| minute < c)
    }
}

/// The `merchants` columns [`settings_from_row`] reads.
pub(super) const SETTINGS_COLUMNS: &str = "name, refund_cap_minor, identity_secret, business_hours, \
     reply_within_hours, handoff_phrases, default_locale, on_device_answers, typing_suggestions, \
     brand_color, logo_url";

/// A row holding [`SETTINGS_COLUMNS`] as the merchant's settings.
pub(super) fn settings_from_row(r: &sqlx::any::AnyRow) -> Result<MerchantSettings, StoreError> {
    let hours: Option<String> = r.get("business_hours");
    Ok(MerchantSettings {
        name: r.get("name"),
        refund_cap_minor: r
            .get::<Option<i64>, _>("refund_cap_minor")
            .map(|v| v as u64),
        identity_secret: r.get("identity_secret"),
        business_hours: hours
            .map(|h| serde_json::from_str(&h))
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("business hours: {e}")))?,
        reply_within_hours: r.get::<i64, _>("reply_within_hours") as u32,
        handoff_phrases: serde_json::from_str(&r.get::<String, _>("handoff_phrases"))
            .map_err(|e| StoreError::Corrupt(format!("handoff phrases: {e}")))?,
        default_locale: r.get("default_locale"),
        on_device: OnDevice {
            answers: r.get::<i64, _>("on_device_answers") != 0,
            suggestions: r.get::<i64, _>("typing_suggestions") != 0,
        },
        brand: Brand {
            color: r.get("brand_color"),
            logo_url: r.get("logo_url"),
        },
    })
}

impl Store {
    /// A merchant's settings.
    pub async fn merchant_settings(
        &self,
        merchant: &str,
    ) -> Result<Option<MerchantSettings>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {SETTINGS_COLUMNS} FROM merchants WHERE id = $1"
        ))
        .bind(merchant)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(settings_from_row).transpose()
    }

    /// `merchant`'s settings with its configuration's version, in one statement: with
    /// [`Store::merchant_config`] they give what a panel's welcome shows, from memory
    /// unless the configuration changed.
    pub async fn merchant_settings_and_version(
        &self,
        merchant: &str,
    ) -> Result<Option<(MerchantSettings, i64)>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {SETTINGS_COLUMNS}, config_version FROM merchants WHERE id = $1"
        ))
        .bind(merchant)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref()
            .map(|r| Ok((settings_from_row(r)?, r.get("config_version"))))
            .transpose()
    }

    /// Replaces `merchant`'s settings (all but the identity secret) at once.
    pub async fn update_merchant_settings(
        &self,
        merchant: &str,
        update: &SettingsUpdate,
    ) -> Result<(), StoreError> {
        let corrupt = |e: serde_json::Error| StoreError::Corrupt(e.to_string());
        let hours = update
            .business_hours
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(corrupt)?;
        let phrases: Vec<String> = update
            .handoff_phrases
            .iter()
            .map(|p| p.trim().to_lowercase())
            .collect();
        let mut tx = self.write_tx().await?;
        let before: Option<Option<String>> =
            sqlx::query_scalar("SELECT business_hours FROM merchants WHERE id = $1")
                .bind(merchant)
                .fetch_optional(&mut *tx)
                .await?;
        if before.is_some_and(|b| b != hours) {
            // People's times count only business hours: every cached figure is out of date.
            super::report_days::forget_report_caches(&mut tx, merchant).await?;
        }
        sqlx::query(
            "UPDATE merchants SET name = $1, refund_cap_minor = $2, business_hours = $3, \
             reply_within_hours = $4, handoff_phrases = $5, default_locale = $6, \
             on_device_answers = $7, typing_suggestions = $8, brand_color = $9, \
             logo_url = $10 WHERE id = $11",
        )
        .bind(update.name.trim())
        .bind(update.refund_cap_minor.map(|v| v as i64))
        .bind(hours)
        .bind(i64::from(update.reply_within_hours))
        .bind(serde_json::to_string(&phrases).map_err(corrupt)?)
        .bind(&update.default_locale)
        .bind(i64::from(update.on_device.answers))
        .bind(i64::from(update.on_device.suggestions))
        .bind(update.brand.color.as_deref())
        .bind(update.brand.logo_url.as_deref())
        .bind(merchant)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the phrases that always go to a person in `merchant`'s shop.
    pub async fn set_handoff_phrases(
        &self,
        merchant: &str,
        phrases: &[String],
    ) -> Result<(), StoreError> {
        let phrases: Vec<String> = phrases.iter().map(|p| p.trim().to_lowercase()).collect();
        sqlx::query("UPDATE merchants SET handoff_phrases = $1 WHERE id = $2")
            .bind(serde_json::to_string(&phrases).map_err(|e| StoreError::Corrupt(e.to_string()))?)
            .bind(merchant)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Every wording the merchant set, as (key, lang, text).
    pub async fn reply_templates(
        &self,
        merchant: &str,
    ) -> Result<Vec<(String, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT key, lang, text FROM reply_templates WHERE merchant_id = $1 ORDER BY key, lang",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.get("key"), r.get("lang"), r.get("text")))
            .collect())
    }

    /// Sets (`Some`) or removes (`None`) the merchant's wording of line `key` in `lang`.
    pub async fn set_reply_template(
        &self,
        merchant: &str,
        key: &str,
        lang: &str,
        text: Option<&str>,
    ) -> Result<(), StoreError> {
        match text {
            Some(text) => {
                sqlx::query(
                    "INSERT INTO reply_templates (merchant_id, key, lang, text, updated_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (merchant_id, key, lang) \
                     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                )
                .bind(merchant)
                .bind(key)
                .bind(lang)
                .bind(text)
                .bind(now_ms())
                .execute(&self.pool)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM reply_templates WHERE merchant_id = $1 AND key = $2 AND lang = $3",
                )
                .bind(merchant)
                .bind(key)
                .bind(lang)
                .execute(&self.pool)
                .await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_hours_follow_the_shops_clock() {
        let hours = BusinessHours {
            days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            open: "09:00".into(),
            close: "18:00".into(),
            utc_offset_minutes: 480,
        };
        hours.validate().unwrap();
        // 2026-11-23 is a Monday. 02:00 UTC is 10:00 in UTC+8: open.
        let day_ms = 86_400_000;
        // 2026-11-23T00:00Z in days since the epoch.
        let monday = 20_780 * day_ms;
        assert!(hours.is_open(monday + 2 * 3_600_000));
        assert!(
            !hours.is_open(monday + 11 * 3_600_000),
            "19:00 local is closed"
        );
        assert!(
            !hours.is_open(monday + 5 * day_ms + 2 * 3_600_000),
            "Saturday"
        );
        assert!(
            BusinessHours {
                open: "9".into(),
                ..hours.clone()
            }
            .validate()
            .is_err()
        );
        assert!(
            BusinessHours {
                days: vec!["funday".into()],
                ..hours
            }
            .validate()
            .is_err()
        );
    }
}
