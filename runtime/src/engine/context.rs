//! Everything one turn's decision may look at, gathered before deciding: the conversation,
//! what it waits on, the merchant's settings, FAQ and wording, the bot's last message, the
//! orders the message may be about, the product it names, which intents the merchant's
//! plugins serve and with what needs, whether a person can answer live, and what the
//! turn knows of trust (until when a signed identity counts, wrong emails so far, which
//! action the latest card shows).
//!
//! The store part is read in one go ([`crate::store::Store::turn_snapshot`]); the plugin
//! table and agent presence are in memory. The decision never reads anything else, so it
//! is a pure function of this value and the message ([`super::decide`]).

use std::collections::HashMap;
use std::sync::Arc;

use kefu_intent::faq::Faq;
use kefu_intent::slots::SlotKind;

use super::decision::Pending;
pub use super::ownership::Trust;
use super::replies::{Lang, Line};
use super::understand::Understanding;
use crate::plugins::manifest::Need;
use crate::plugins::{MoneyLimits, PluginHost};
use crate::store::{
    ActionRecord, Conversation, FaqEntry, MerchantConfig, MerchantSettings, OrderRecord, Store,
    StoreError, TurnSnapshot,
};

/// What a merchant's plugin does for one intent, as its manifest and `describe()` say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The plugin's name.
    pub plugin: String,
    /// What the intent needs before the plugin is called.
    pub needs: Vec<Need>,
    /// The plugin's money caps, if it may propose refunds.
    pub money: Option<MoneyLimits>,
    /// Whether it may cancel or redirect unshipped orders.
    pub order_changes: bool,
}

impl Served {
    /// Whether the intent needs the slot named `name` (`order-number`, …).
    pub fn needs_slot(&self, name: &str) -> bool {
        self.needs
            .iter()
            .any(|n| matches!(n, Need::Slot(s) if s == name))
    }

    /// Whether the shopper must prove the order is theirs first.
    pub fn needs_owner(&self) -> bool {
        self.needs.contains(&Need::Owner)
    }

    /// Whether the intent is answered about a product of the catalogue.
    pub fn about_product(&self) -> bool {
        self.needs.contains(&Need::Product)
    }
}

/// The facts one turn is decided on.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnContext {
    /// The `seq` an earlier send of this very message was stored at: the turn is then
    /// answered with what that send stored, and nothing is decided.
    pub resent: Option<u64>,
    /// The conversation as it was when the turn began.
    pub conversation: Conversation,
    /// What it waits on.
    pub pending: Pending,
    /// The merchant's settings.
    pub settings: MerchantSettings,
    /// The bot's latest message: its text and the intent it answered.
    pub last_bot: Option<(String, Option<String>)>,
    /// The merchant's FAQ entries (every language), its wording of the bot's own lines and
    /// its catalogue.
    pub config: Arc<MerchantConfig>,
    /// The orders the message (or the pending question) names, as the merchant's data has
    /// them: for proving ownership.
    pub orders: Vec<OrderRecord>,
    /// Those of [`Self::orders`] with a refund on record.
    pub refunded: Vec<String>,
    /// Whether the message names a product of the catalogue.
    pub names_product: bool,
    /// The action shown to the shopper for confirmation, while it is still `proposed`.
    pub proposed_action: Option<ActionRecord>,
    /// The intents the merchant's plugins serve.
    pub served: HashMap<String, Served>,
    /// Whether a person can answer live (an agent online, within business hours).
    pub live: bool,
    /// What the shopper gave earlier in the conversation, latest first.
    pub remembered: Remembered,
    /// Until when the verified email counts, wrong emails so far, the latest card's action.
    pub trust: Trust,
}

/// What the shopper told the bot earlier in the conversation: never asked for again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remembered {
    /// The order number they gave last, or the order whose parcel tracking number this
    /// message gives, or the only order placed with the email they gave.
    pub order_number: Option<String>,
    /// The email they gave last.
    pub email: Option<String>,
    /// The new delivery address they wrote last ([`super::address::new_address`]).
    pub address: Option<String>,
    /// A part of the address they corrected last without writing it whole ("it's 17 not
    /// 71"), when no address came after it ([`super::address_fix`]); one written before it
    /// is [`Self::address`] corrected.
    pub address_correction: Option<super::address_fix::Correction>,
    /// The catalogue's name for the product a follow-up is about ("and how much is it
    /// again"), when the message names none and an earlier one did ([`TurnContext::load`]).
    pub product: Option<String>,
    /// The parcel tracking number they wrote last, when no order number came after it: the
    /// order it names is looked up ([`TurnContext::load`]).
    pub tracking_number: Option<String>,
    /// Whether they said the goods were already sent back ([`super::return_words::says_sent_back`]).
    pub sent_back: bool,
    /// Whether they said a refund has not come ([`super::refund_words::refund_not_come`]).
    pub refund_awaited: bool,
}

/// Whether `u` asks after a product without naming one: its price, stock, fit, material or
/// colour, in a short message with no order or email in it.
fn asks_after_a_product(u: &Understanding) -> bool {
    let text = u.text.as_str();
    let asks = super::cues::asks_the_price(text)
        || super::cues::asks_about_stock(text)
        || super::cues::asks_about_fit(text)
        || super::cues::asks_what_it_is_made_of(text)
        // "and is it 29 for one or is there a multipack".
        || super::language::mentions(
            text,
            &["colour", "color", "颜色", "multipack", "multi-pack", "pack of", "bundle"],
        );
    // A price said is no order's value ("is it 29 for one").
    let values = u.slots.iter().any(|s| {
        matches!(
            s.kind,
            kefu_intent::slots::SlotKind::OrderNumber | kefu_intent::slots::SlotKind::Email
        )
    });
    asks && !values
        && text.split_whitespace().count() <= 12
        && !super::order_paid::asks_its_total_or_items(text)
}

impl Remembered {
    /// What `texts` (the shopper's messages, oldest first) gave.
    pub fn from_messages(texts: &[String]) -> Self {
        let mut out = Self::default();
        let mut corrected = false;
        // The new address each message writes, read once.
        let addresses: Vec<Option<String>> = texts
            .iter()
            .map(|t| super::address::new_address(t))
            .collect();
        // A correction after a new address was written is heard as one of it, whatever its
        // words; before, only where it speaks of an address.
        let written_at = addresses.iter().rposition(Option::is_some);
        for (at, text) in texts.iter().enumerate().rev() {
            let mut found = kefu_intent::slots::extract(text);
            if out.order_number.is_none() {
                // A new address's own numbers (a house, a postcode: "漕溪北路200号 5楼 邮编
                // 200030") are no order's.
                if let Some(address) = &addresses[at] {
                    found.retain(|s| {
                        s.kind != SlotKind::OrderNumber || !address.contains(s.value.as_str())
                    });
                }
                out.order_number =
                    kefu_intent::slots::order_number(text, &found).map(str::to_string);
            }
            if out.email.is_none() {
                out.email = kefu_intent::slots::email(text, &found).map(str::to_string);
            }
            if out.address.is_none() && !corrected {
                out.address = addresses[at].clone();
                // Written before a correction of a part of it: corrected where the
                // correction applies; otherwise as written (the shopper confirms whatever
                // is proposed).
                if let (Some(written), Some(fix)) = (&out.address, &out.address_correction) {
                    if let Some(fixed) = super::address_fix::corrected(written, fix) {
                        out.address = Some(fixed);
                    }
                    out.address_correction = None;
                    corrected = true;
                }
                if out.address.is_none() && out.address_correction.is_none() && !corrected {
                    let under_way = written_at.is_some_and(|w| at > w);
                    out.address_correction = super::address_fix::correction(text, under_way);
                }
            }
            out.sent_back |= super::return_words::says_sent_back(text);
            out.refund_awaited |= super::refund_words::refund_not_come(text);
            if out.order_number.is_none() && out.tracking_number.is_none() {
                out.tracking_number = kefu_intent::slots::tracking_numbers(text)
                    .first()
                    .map(|t| t.to_string());
            }
        }
        out
    }
}

impl TurnContext {
    /// The bot's last message's intent.
    pub fn last_intent(&self) -> Option<&str> {
        self.last_bot.as_ref().and_then(|(_, i)| i.as_deref())
    }

    /// What a plugin does for `intent`, if one serves it.
    pub fn served(&self, intent: &str) -> Option<&Served> {
        self.served.get(intent)
    }

    /// The order numbered `number`, if the merchant has it.
    pub fn order(&self, number: &str) -> Option<&OrderRecord> {
        self.orders.iter().find(|o| o.id == number)
    }

    /// Whether order `number` of the shopper's has left the shop (shipped or delivered).
    pub fn has_left(&self, number: &str) -> bool {
        self.order(number)
            .is_some_and(|o| matches!(o.status.as_str(), "shipped" | "delivered"))
    }

    /// What the action awaiting confirmation proposes, while it is still `proposed`.
    pub fn proposal(&self) -> Option<crate::plugins::Proposal> {
        let action = self.proposed_action.as_ref()?;
        serde_json::from_str(&action.proposal).ok()
    }

    /// The merchant's FAQ entries, every language.
    pub fn faq(&self) -> &[FaqEntry] {
        &self.config.faq
    }

    /// The merchant's FAQ entries in `lang`, prepared for matching a message.
    pub fn faq_in(&self, lang: Lang) -> Option<&Faq<FaqEntry>> {
        self.config.faq_in(lang.tag())
    }

    /// `line` in `lang` as the merchant worded it, if they did.
    pub fn wording(&self, line: Line, lang: Lang) -> Option<&str> {
        self.config.wording_of(line.key(), lang.tag())
    }

    /// Whether `text` is `line` in `lang`, in the bot's words or the merchant's.
    pub fn is_line(&self, text: &str, line: Line, lang: Lang) -> bool {
        text == super::replies::text(line, lang) || self.wording(line, lang) == Some(text)
    }

    /// Whether the bot's `text` opens with `line` in `lang` (the shop's wording or the
    /// bot's own), whatever was added after it (an apology, a person offered).
    pub fn opens_with_line(&self, text: &str, line: Line, lang: Lang) -> bool {
        text.starts_with(super::replies::text(line, lang))
            || self
                .wording(line, lang)
                .is_some_and(|w| text.starts_with(w))
    }

    /// Loads the facts for a turn of `conversation` on `u`; `None` if the conversation is
    /// not the merchant's.
    pub async fn load(
        store: &Store,
        plugins: &PluginHost,
        live: impl FnOnce(&MerchantSettings) -> bool,
        merchant: &str,
        conversation: &str,
        client_msg_id: &str,
        u: &Understanding,
    ) -> Result<Option<Self>, StoreError> {
        // The orders the turn may be about: those written in the message, the one the
        // pending question is about, and the one the shopper named last.
        let mut numbers: Vec<String> = u
            .slots
            .iter()
            .filter(|s| s.kind == SlotKind::OrderNumber)
            .map(|s| s.value.clone())
            .collect();
        // Read once, from the conversation and messages the snapshot reads, and kept.
        let mut pending = Pending::default();
        let mut remembered = Remembered::default();
        let mut recent_texts: Vec<String> = Vec::new();
        let Some(snapshot) = store
            .turn_snapshot(
                merchant,
                conversation,
                client_msg_id,
                &u.text,
                |conv, recent| {
                    pending = Pending::parse(conv.pending.as_deref());
                    remembered = Remembered::from_messages(recent);
                    recent_texts = recent.to_vec();
                    numbers.extend(pending.order_number.clone());
                    // The order the shopper named last, which is never asked for again.
                    numbers.extend(remembered.order_number.clone());
                    (numbers, pending.action.clone())
                },
            )
            .await?
        else {
            return Ok(None);
        };
        let TurnSnapshot {
            resent,
            conversation,
            settings,
            last_bot,
            config,
            mut orders,
            mut names_product,
            action,
            trust,
        } = snapshot;
        // A parcel's tracking number written with no order number ("ups tracking
        // 1Z999AA10123456784 whats the status"): the order it was sent for is the one named.
        if remembered.order_number.is_none() && u.slot(SlotKind::OrderNumber).is_none() {
            let mut written = kefu_intent::slots::tracking_numbers(&u.text);
            written.extend(remembered.tracking_number.as_deref());
            for tracking in written {
                if let Some(order) = store.order_by_tracking(merchant, tracking).await? {
                    remembered.order_number = Some(order.id.clone());
                    if !orders.iter().any(|o| o.id == order.id) {
                        orders.push(order);
                    }
                    break;
                }
            }
        }
        // An email with no order named at all ("need the usps tracking for my cap order", the
        // email given before): when the shop has exactly one order placed with it, that order
        // is the one meant. The email is the proof of ownership the order's details ask for.
        if remembered.order_number.is_none()
            && u.slot(SlotKind::OrderNumber).is_none()
            && pending.order_number.is_none()
            && let Some(email) = u
                .slot(SlotKind::Email)
                .map(str::to_string)
                .or_else(|| remembered.email.clone())
            && let [only] = store.order_ids_by_email(merchant, &email).await?.as_slice()
            && let Some(order) = store.order(merchant, only).await?
        {
            remembered.order_number = Some(order.id.clone());
            if !orders.iter().any(|o| o.id == order.id) {
                orders.push(order);
            }
        }
        // A follow-up about a product that names none ("and how much is it again", "多少钱"),
        // right after the bot answered about one (or how it fits): the product the shopper
        // named last.
        let after_a_product = last_bot.as_ref().is_some_and(|(_, intent)| {
            matches!(
                intent.as_deref(),
                Some("product_info" | "product_availability" | "faq")
            )
        });
        if !names_product
            && after_a_product
            && asks_after_a_product(u)
            && let Some(product) = recent_texts.iter().rev().find_map(|t| {
                let read = kefu_intent::pinyin::read(t).unwrap_or_else(|| t.clone());
                crate::store::named_product(&config.catalog, &read)
            })
        {
            remembered.product = Some(product.name.clone());
            names_product = true;
        }
        let mut served = HashMap::new();
        for plugin in plugins.plugins_of(merchant) {
            let manifest = plugin.manifest();
            for intent in &manifest.plugin.intents {
                served.entry(intent.clone()).or_insert_with(|| Served {
                    plugin: manifest.plugin.name.clone(),
                    needs: manifest.needs(intent).to_vec(),
                    money: manifest.money.clone(),
                    order_changes: manifest.capabilities.order_changes,
                });
            }
        }
        let mut refunded = Vec::new();
        for order in &orders {
            if !store
                .refunds_for_order(merchant, &order.id)
                .await?
                .is_empty()
            {
                refunded.push(order.id.clone());
            }
        }
        Ok(Some(Self {
            refunded,
            resent,
            pending,
            live: live(&settings),
            conversation,
            settings,
            last_bot,
            config,
            orders,
            names_product,
            proposed_action: action,
            served,
            remembered,
            // The clock and the address's failures are the caller's to add.
            trust: Trust {
                verified_until: trust.verified_until,
                conversation_failures: trust.proof_failures,
                latest_card_action: trust.latest_card_action,
                ..Trust::default()
            },
        }))
    }
}
