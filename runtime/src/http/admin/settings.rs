//! The shop's settings through the admin API: name, refund cap, business hours, reply
//! time, handoff phrases, default locale, what the chat panel may do on the shopper's
//! device and the shop's colour and logo in it (`engine::brand`), read and replaced at once
//! (`/v1/admin/settings`), and the handoff phrases alone (`/v1/admin/handoff-phrases`).
//! Every value is checked here, with an error naming the field, before anything is
//! written; the engine reads the stored settings on every turn.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::engine::brand;
use crate::http::json::Json;
use crate::store::{Brand, BusinessHours, DEFAULT_REPLY_WITHIN_HOURS, OnDevice, SettingsUpdate};

/// Most handoff phrases a shop may have.
const MAX_PHRASES: usize = 200;
/// Longest shop name, in characters.
const MAX_NAME_CHARS: usize = 100;
/// Longest reply time a shop may promise, in hours (30 days).
const MAX_REPLY_WITHIN_HOURS: u32 = 720;
/// Whether kefu speaks `tag`: a language with message files (`engine::replies::LANGS`).
pub(super) fn speaks(tag: &str) -> bool {
    crate::engine::replies::LANGS.iter().any(|l| l.tag() == tag)
}

/// The languages kefu speaks, for error messages: `en or zh`.
pub(super) fn spoken() -> String {
    let tags: Vec<&str> = crate::engine::replies::LANGS
        .iter()
        .map(|l| l.tag())
        .collect();
    tags.join(" or ")
}

/// A shop's settings, as read and as replaced (`PUT` replaces them all: send what `GET`
/// gave, changed).
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    /// The shop's name, as shoppers see it (1 to 100 characters).
    #[schema(example = "My Shop")]
    name: String,
    /// Refunds above this, in minor units, always go to a person (`null`: only the
    /// plugins' own caps apply).
    #[schema(example = 5000)]
    refund_cap_minor: Option<u64>,
    /// When agents answer live (`null`: whenever one is online).
    business_hours: Option<BusinessHours>,
    /// The reply time promised when nobody can answer live, in hours (1 to 720).
    #[schema(example = 24)]
    reply_within_hours: u32,
    /// Phrases that always go to a person in this shop (up to 200, each 2 to 100
    /// characters; stored lower-case).
    #[schema(example = json!(["warranty claim", "保修"]))]
    handoff_phrases: Vec<String>,
    /// The language a conversation starts in when the widget does not say: `en` or `zh`.
    #[schema(example = "en")]
    default_locale: String,
    /// Whether the chat panel answers questions the shop's public FAQ answers on the
    /// shopper's device, as they are sent and while the connection is down (default
    /// `true`). The runtime still records and answers every message.
    #[serde(default = "on")]
    #[schema(default = true)]
    on_device_answers: bool,
    /// Whether the chat panel suggests actions ("Track order 1001", the matching FAQ
    /// question) while the shopper types (default `true`).
    #[serde(default = "on")]
    #[schema(default = true)]
    typing_suggestions: bool,
    /// The shop's colour in the chat panel, `#rrggbb` (`null`: kefu's blue). It is the
    /// background of the panel's header, send button and the shopper's messages; the text
    /// on it is black or white, whichever meets WCAG AA contrast.
    #[serde(default)]
    #[schema(example = "#1a73e8")]
    brand_color: Option<String>,
    /// The shop's logo in the panel's header: an https URL of an image, at most 512
    /// characters (`null`: none).
    #[serde(default)]
    #[schema(example = "https://cdn.example.com/logo.png")]
    logo_url: Option<String>,
}

fn on() -> bool {
    true
}

/// The phrases that always go to a person in this shop.
#[derive(Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PhrasesBody {
    /// Up to 200 phrases of 2 to 100 characters each.
    #[schema(example = json!(["warranty claim", "保修"]))]
    phrases: Vec<String>,
}

fn check_phrases(phrases: &[String]) -> Result<(), ApiError> {
    if phrases.len() > MAX_PHRASES
        || phrases
            .iter()
            .any(|p| p.trim().chars().count() < 2 || p.chars().count() > 100)
    {
        return Err(ApiError::unprocessable(
            "invalid_phrases",
            "handoff_phrases: up to 200 phrases of 2 to 100 characters each",
        ));
    }
    Ok(())
}

impl Settings {
    /// The update to store, or an error naming the first field that is wrong.
    fn check(self) -> Result<SettingsUpdate, ApiError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(ApiError::unprocessable(
                "invalid_name",
                format!("name: the shop's name must be 1 to {MAX_NAME_CHARS} characters"),
            ));
        }
        if self
            .refund_cap_minor
            .is_some_and(|cap| cap > i64::MAX as u64)
        {
            return Err(ApiError::unprocessable(
                "invalid_refund_cap",
                "refund_cap_minor: too large; give the cap in minor units (5000 for 50.00)",
            ));
        }
        if let Some(hours) = &self.business_hours {
            hours.validate().map_err(|why| {
                ApiError::unprocessable("invalid_business_hours", format!("business_hours: {why}"))
            })?;
            if hours.days.is_empty() {
                return Err(ApiError::unprocessable(
                    "invalid_business_hours",
                    "business_hours: name at least one day (mon … sun), or send null for no hours",
                ));
            }
        }
        if !(1..=MAX_REPLY_WITHIN_HOURS).contains(&self.reply_within_hours) {
            return Err(ApiError::unprocessable(
                "invalid_reply_time",
                format!("reply_within_hours must be 1 to {MAX_REPLY_WITHIN_HOURS} hours"),
            ));
        }
        check_phrases(&self.handoff_phrases)?;
        if !speaks(&self.default_locale) {
            return Err(ApiError::unprocessable(
                "unsupported_lang",
                format!(
                    "default_locale: `{}` is not a language kefu speaks; use {}",
                    self.default_locale,
                    spoken()
                ),
            ));
        }
        let brand = Brand {
            color: self
                .brand_color
                .as_deref()
                .map(brand::check_color)
                .transpose()
                .map_err(|e| ApiError::unprocessable("invalid_brand_color", e.to_string()))?,
            logo_url: self
                .logo_url
                .as_deref()
                .map(brand::check_logo_url)
                .transpose()
                .map_err(|e| ApiError::unprocessable("invalid_logo_url", e.to_string()))?,
        };
        Ok(SettingsUpdate {
            name: name.to_string(),
            refund_cap_minor: self.refund_cap_minor,
            business_hours: self.business_hours,
            reply_within_hours: self.reply_within_hours,
            handoff_phrases: self.handoff_phrases,
            default_locale: self.default_locale,
            on_device: OnDevice {
                answers: self.on_device_answers,
                suggestions: self.typing_suggestions,
            },
            brand,
        })
    }
}

async fn read(state: &AppState, merchant: &str) -> Result<Settings, ApiError> {
    let s = state
        .store
        .merchant_settings(merchant)
        .await?
        .ok_or_else(|| ApiError::internal(format!("merchant {merchant} has a key but no row")))?;
    Ok(Settings {
        name: s.name,
        refund_cap_minor: s.refund_cap_minor,
        business_hours: s.business_hours,
        reply_within_hours: if s.reply_within_hours == 0 {
            DEFAULT_REPLY_WITHIN_HOURS
        } else {
            s.reply_within_hours
        },
        handoff_phrases: s.handoff_phrases,
        default_locale: s.default_locale,
        on_device_answers: s.on_device.answers,
        typing_suggestions: s.on_device.suggestions,
        brand_color: s.brand.color,
        logo_url: s.brand.logo_url,
    })
}

/// The shop's settings.
#[utoipa::path(
    get,
    path = "/v1/admin/settings",
    tag = "settings",
    responses((status = OK, body = Settings))
)]
pub(super) async fn get_settings(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    Ok(Json(read(&state, &merchant).await?).into_response())
}

/// Replaces the shop's settings; answers them as stored.
#[utoipa::path(
    put,
    path = "/v1/admin/settings",
    tag = "settings",
    request_body = Settings,
    responses(
        (status = OK, body = Settings),
        (status = UNPROCESSABLE_ENTITY, description = "A field is out of bounds; the error names it (`invalid_name`, `invalid_refund_cap`, `invalid_business_hours`, `invalid_reply_time`, `invalid_phrases`, `unsupported_lang`, `invalid_brand_color`, `invalid_logo_url`, `invalid_fields`)", body = ErrorBody),
    )
)]
pub(super) async fn put_settings(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Json(body): Json<Settings>,
) -> Result<Response, ApiError> {
    let update = body.check()?;
    state
        .store
        .update_merchant_settings(&merchant, &update)
        .await?;
    get_settings(State(state), Merchant(merchant)).await
}

/// The phrases that always go to a person in this shop.
#[utoipa::path(
    get,
    path = "/v1/admin/handoff-phrases",
    tag = "settings",
    responses((status = OK, body = PhrasesBody))
)]
pub(super) async fn handoff_phrases(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let settings = state
        .store
        .merchant_settings(&merchant)
        .await?
        .unwrap_or_default();
    Ok(Json(PhrasesBody {
        phrases: settings.handoff_phrases,
    })
    .into_response())
}

/// Replaces the phrases that always go to a person in this shop.
#[utoipa::path(
    put,
    path = "/v1/admin/handoff-phrases",
    tag = "settings",
    request_body = PhrasesBody,
    responses(
        (status = OK, body = PhrasesBody),
        (status = UNPROCESSABLE_ENTITY, description = "Too many, too short or too long (`invalid_phrases`)", body = ErrorBody),
    )
)]
pub(super) async fn set_handoff_phrases(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Json(body): Json<PhrasesBody>,
) -> Result<Response, ApiError> {
    check_phrases(&body.phrases)?;
    state
        .store
        .set_handoff_phrases(&merchant, &body.phrases)
        .await?;
    handoff_phrases(State(state), Merchant(merchant)).await
}
