//! The merchant's reports: what the bot resolved, when and why it handed off, how people
//! did, per intent and per plugin version, and what shoppers asked that nobody answered.
//! Every figure is defined in `docs/analytics.md`; this module is those definitions as
//! code.
//!
//! Pure: rows in, figures out. The store (`store/analytics.rs`) loads the rows and caches
//! each conversation's [`ConversationFacts`]; the admin API (`http/admin/analytics.rs`)
//! filters and serves them. Nothing here reads a clock, a database or the network: the
//! current time is an argument, so the 24-hour rule is tested like everything else.
//!
//! - [`facts`]: one conversation's messages → its [`ConversationFacts`];
//! - [`report`]: the facts of a date range (and plugin calls) → the [`Report`], the
//!   conversations behind a figure, CSV;
//! - [`rollup`]: the same figures before any ratio or median, per day, language and
//!   channel ([`Part`]), which add up exactly: what the store keeps as a day's roll-up;
//! - [`hours`]: calendar days and time within business hours;
//! - [`unanswered`]: shopper questions the bot could not answer, grouped by similarity.

pub mod facts;
pub mod hours;
pub mod report;
pub mod rollup;
pub mod unanswered;

pub use facts::{ConversationFacts, Handoff, IntentCounts, Resolution, conversation_facts};
pub use hours::{OpenHours, day_of};
pub use report::{
    Filter, Metric, PluginCallRow, Report, build_report, drill_down, report_csv, report_from_parts,
};
pub use rollup::Part;
pub use unanswered::{QuestionGroup, group_questions};

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The shopper.
    Shopper,
    /// The bot (its answers and its notices: "Ada joined", "resolved").
    Bot,
    /// A person of the merchant's team.
    Agent,
}

/// One stored message, as the reports read it.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageRow {
    /// Position in the conversation.
    pub seq: u64,
    /// Who wrote it.
    pub author: Who,
    /// Its text.
    pub text: String,
    /// The classifier's intent (shopper) or the intent answered (bot).
    pub intent: Option<String>,
    /// The conversation's state after it (`bot`, `waiting_for_human`, `human`, `resolved`).
    pub state: String,
    /// When it was stored (Unix ms).
    pub created_at: i64,
    /// The bot's own line it said, if it said one.
    pub line: Option<String>,
    /// The bot could not help with this turn.
    pub failed: bool,
    /// Why this turn handed off, recorded on the bot's message of that turn.
    pub handoff_reason: Option<String>,
    /// The shopper sounded upset.
    pub upset: bool,
    /// It carries the contact form (nobody could answer live).
    pub contact_form: bool,
}

/// One conversation with its messages, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationRow {
    /// Its id.
    pub id: String,
    /// When it started (Unix ms); the day it is reported on.
    pub created_at: i64,
    /// The widget's locale at the start (`en`, `zh-CN`, …).
    pub locale: String,
    /// Where it happens (`widget`).
    pub channel: String,
    /// The shopper was asked for a rating.
    pub csat_asked: bool,
    /// The rating, 1 to 5.
    pub csat_score: Option<u8>,
    /// The conversation's latest handoff reason: read for a handoff stored before messages
    /// recorded their own.
    pub handoff_reason: Option<String>,
    /// Its messages, by `seq`.
    pub messages: Vec<MessageRow>,
}

/// A ratio rounded to four decimals, `None` when nothing was counted.
pub fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}
