//! The facts of many conversations (and the plugin calls of the same days) → the report a
//! merchant reads: totals, by day, by language, by channel, handoffs by reason and intent,
//! satisfaction, people's times, per intent, per plugin version. Also the conversations
//! behind any one figure ([`drill_down`]) and the by-day table as CSV ([`report_csv`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::facts::{ConversationFacts, Resolution, counts};
use super::ratio;
use super::rollup::{Part, Ratings, parts};

/// Which conversations a report covers: started on `from..=to` (UTC days), optionally in
/// one language and one channel.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Filter {
    /// First day, `YYYY-MM-DD` (UTC), inclusive.
    pub from: String,
    /// Last day, `YYYY-MM-DD` (UTC), inclusive.
    pub to: String,
    /// Only conversations in this language (`en`, `zh`).
    pub lang: Option<String>,
    /// Only conversations in this channel (`widget`).
    pub channel: Option<String>,
}

impl Filter {
    /// Whether `f` is in the filter's language and channel (its days are the loader's).
    pub fn keeps(&self, f: &ConversationFacts) -> bool {
        f.active
            && self.lang.as_deref().is_none_or(|l| l == f.lang)
            && self.channel.as_deref().is_none_or(|c| c == f.channel)
    }
}

/// The conversation-level figures, for the whole range or one day, language or channel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Figures {
    /// Conversations in which the shopper wrote.
    pub conversations: u64,
    /// Of those, the bot answered at least one message without handing it off.
    pub involved: u64,
    /// Resolutions the shopper confirmed (thanks after a helpful answer, or rated 4–5).
    pub resolved_confirmed: u64,
    /// Resolutions assumed: no message and no handoff within 24 h of the bot's answer.
    pub resolved_assumed: u64,
    /// Assumed, then withdrawn: the shopper came back about the same thing.
    pub resolution_withdrawn: u64,
    /// The bot's last answer is less than 24 h old: not counted yet.
    pub resolution_pending: u64,
    /// The first matter ended with an answer that did not help, and silence.
    pub unresolved: u64,
    /// (confirmed + assumed) / involved.
    pub resolution_rate: Option<f64>,
    /// Handoffs (a conversation may hand off more than once).
    pub handoffs: u64,
    /// Conversations with at least one handoff.
    pub handed_off: u64,
    /// handed_off / conversations.
    pub handoff_rate: Option<f64>,
}

impl Figures {
    /// Counts conversation `f`.
    pub(super) fn add(&mut self, f: &ConversationFacts) {
        self.conversations += 1;
        self.involved += u64::from(f.involved);
        match f.resolution {
            Resolution::Confirmed => self.resolved_confirmed += 1,
            Resolution::Assumed => self.resolved_assumed += 1,
            Resolution::Withdrawn => self.resolution_withdrawn += 1,
            Resolution::Pending => self.resolution_pending += 1,
            Resolution::Unresolved => self.unresolved += 1,
            Resolution::NotInvolved | Resolution::HandedOff => {}
        }
        self.handoffs += f.handoffs.len() as u64;
        self.handed_off += u64::from(!f.handoffs.is_empty());
    }

    /// Adds another set of counts (rates are left to [`Figures::finish`]).
    pub(super) fn merge(&mut self, o: &Figures) {
        self.conversations += o.conversations;
        self.involved += o.involved;
        self.resolved_confirmed += o.resolved_confirmed;
        self.resolved_assumed += o.resolved_assumed;
        self.resolution_withdrawn += o.resolution_withdrawn;
        self.resolution_pending += o.resolution_pending;
        self.unresolved += o.unresolved;
        self.handoffs += o.handoffs;
        self.handed_off += o.handed_off;
    }

    fn finish(mut self) -> Self {
        self.resolution_rate = ratio(
            self.resolved_confirmed + self.resolved_assumed,
            self.involved,
        );
        self.handoff_rate = ratio(self.handed_off, self.conversations);
        self
    }
}

/// Handoffs broken down.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct HandoffFigures {
    /// By reason kind (`asked_for_human`, `policy_topic`, `loop`, `frustration`,
    /// `over_cap`, `plugin_failure`, `delivery_claim`, `complaint`, `urgent`,
    /// `proofs_exhausted`, `other`).
    pub by_reason: BTreeMap<String, u64>,
    /// By the intent of the message that caused them.
    pub by_intent: BTreeMap<String, u64>,
    /// Handoffs while nobody could answer live (whatever their reason).
    pub nobody_online: u64,
}

/// Ratings of one kind of conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Csat {
    /// Conversations asked for a rating.
    pub asked: u64,
    /// Conversations rated.
    pub rated: u64,
    /// rated / asked.
    pub response_rate: Option<f64>,
    /// Mean score (1–5), four decimals.
    pub average: Option<f64>,
    /// Rated 4 or 5.
    pub satisfied: u64,
}

/// Ratings, bot-only conversations apart from those a person wrote in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct CsatFigures {
    /// No person wrote.
    pub bot_only: Csat,
    /// A person wrote.
    pub human: Csat,
}

/// A duration statistic in milliseconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Durations {
    /// How many were measured.
    pub count: u64,
    /// Median (lower of the two middle values), ms.
    pub median_ms: Option<i64>,
    /// Mean, ms (rounded down).
    pub average_ms: Option<i64>,
}

impl Durations {
    fn of(mut v: Vec<i64>) -> Self {
        v.sort_unstable();
        Self {
            count: v.len() as u64,
            median_ms: (!v.is_empty()).then(|| v[(v.len() - 1) / 2]),
            average_ms: (!v.is_empty()).then(|| v.iter().sum::<i64>() / v.len() as i64),
        }
    }
}

/// What people did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct PeopleFigures {
    /// Conversations a person wrote in.
    pub conversations: u64,
    /// Of those, the bot never answered.
    pub agent_only: u64,
    /// First handoff → first person's message, within business hours.
    pub first_response: Durations,
    /// First handoff → resolved, within business hours.
    pub resolution: Durations,
    /// Handoff → claimed, wall-clock, per claimed handoff.
    pub queue_wait: Durations,
    /// Handoffs nobody has claimed.
    pub unclaimed: u64,
    /// Conversations the shopper wrote in again after a person resolved them (once each).
    pub reopened: u64,
    /// Messages people wrote (the bot's never count).
    pub agent_messages: u64,
}

/// One intent's turns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct IntentFigures {
    /// The intent.
    pub intent: String,
    /// Shopper messages classified so.
    pub volume: u64,
    /// Answered with a clarifying question.
    pub clarifications: u64,
    /// The order or product was not found.
    pub not_found: u64,
    /// The bot could not help.
    pub unhelpful: u64,
    /// The turn handed off.
    pub handoffs: u64,
}

/// One recorded plugin call (`plugin_calls`).
#[derive(Debug, Clone, PartialEq)]
pub struct PluginCallRow {
    /// Plugin name.
    pub plugin: String,
    /// Its version.
    pub version: String,
    /// `ok` or the error's code.
    pub outcome: String,
    /// Duration, µs.
    pub micros: i64,
    /// Money proposed (minor units).
    pub proposed_minor: Option<i64>,
    /// Money committed (minor units).
    pub committed_minor: Option<i64>,
    /// The money's currency.
    pub currency: Option<String>,
}

/// One plugin version's calls.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct PluginFigures {
    /// Plugin name.
    pub plugin: String,
    /// Version.
    pub version: String,
    /// Calls.
    pub calls: u64,
    /// Calls that did not end `ok`.
    pub errors: u64,
    /// Those by outcome code (`timeout`, `not_found`, `trapped`, …).
    pub errors_by_kind: BTreeMap<String, u64>,
    /// Median duration, µs (nearest rank).
    pub p50_micros: Option<i64>,
    /// 99th percentile duration, µs (nearest rank).
    pub p99_micros: Option<i64>,
    /// Money proposed, minor units by currency.
    pub proposed_minor: BTreeMap<String, i64>,
    /// Money committed, minor units by currency.
    pub committed_minor: BTreeMap<String, i64>,
}

/// Figures of one day, language or channel.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Slice {
    /// The day (`YYYY-MM-DD`), language or channel.
    pub key: String,
    /// Its figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Report {
    /// The whole range.
    pub totals: Figures,
    /// Per UTC day the conversations started on (days without any are left out).
    pub by_day: Vec<Slice>,
    /// Per language.
    pub by_language: Vec<Slice>,
    /// Per channel.
    pub by_channel: Vec<Slice>,
    /// Handoffs by reason and intent.
    pub handoffs: HandoffFigures,
    /// Ratings.
    pub csat: CsatFigures,
    /// People.
    pub people: PeopleFigures,
    /// Per intent, most frequent first.
    pub intents: Vec<IntentFigures>,
    /// Per plugin version, by name then version.
    pub plugins: Vec<PluginFigures>,
}

/// Nearest-rank percentile of sorted `v`.
fn percentile(v: &[i64], p: u64) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    let rank = (p * v.len() as u64).div_ceil(100).max(1) as usize;
    Some(v[rank - 1])
}

fn slices(map: BTreeMap<String, Figures>) -> Vec<Slice> {
    map.into_iter()
        .map(|(key, figures)| Slice {
            key,
            figures: figures.finish(),
        })
        .collect()
}

fn csat(r: &Ratings) -> Csat {
    Csat {
        asked: r.asked,
        rated: r.rated,
        response_rate: ratio(r.rated, r.asked),
        average: ratio(r.score_sum, r.rated),
        satisfied: r.satisfied,
    }
}

/// The report over `facts` (already limited to the filter's days) and `calls`.
pub fn build_report(
    filter: &Filter,
    facts: &[ConversationFacts],
    calls: &[PluginCallRow],
) -> Report {
    report_from_parts(filter, &parts(facts), calls)
}

/// Whether part `p` is in the filter's language and channel (its days are the loader's).
fn keeps_part(filter: &Filter, p: &Part) -> bool {
    filter.lang.as_deref().is_none_or(|l| l == p.lang)
        && filter.channel.as_deref().is_none_or(|c| c == p.channel)
}

/// The report over the `parts` of the filter's days (a day's roll-up, or
/// [`super::rollup::parts`] of its conversations) and `calls`.
pub fn report_from_parts(filter: &Filter, parts: &[Part], calls: &[PluginCallRow]) -> Report {
    let mut all = Part::default();
    let (mut days, mut langs, mut channels) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    for p in parts.iter().filter(|p| keeps_part(filter, p)) {
        all.merge(p);
        for (map, key) in [
            (&mut days, &p.day),
            (&mut langs, &p.lang),
            (&mut channels, &p.channel),
        ] {
            map.entry(key.clone())
                .or_insert_with(Figures::default)
                .merge(&p.figures);
        }
    }
    let mut intents: Vec<IntentFigures> = all
        .intents
        .iter()
        .map(|(intent, c)| IntentFigures {
            intent: intent.clone(),
            volume: c[counts::VOLUME],
            clarifications: c[counts::CLARIFIED],
            not_found: c[counts::NOT_FOUND],
            unhelpful: c[counts::UNHELPFUL],
            handoffs: c[counts::HANDED_OFF],
        })
        .collect();
    intents.sort_by(|a, b| b.volume.cmp(&a.volume).then(a.intent.cmp(&b.intent)));
    Report {
        totals: all.figures.clone().finish(),
        by_day: slices(days),
        by_language: slices(langs),
        by_channel: slices(channels),
        handoffs: HandoffFigures {
            by_reason: all.by_reason,
            by_intent: all.by_intent,
            nobody_online: all.nobody_online,
        },
        csat: CsatFigures {
            bot_only: csat(&all.csat_bot_only),
            human: csat(&all.csat_human),
        },
        people: PeopleFigures {
            conversations: all.human,
            agent_only: all.agent_only,
            first_response: Durations::of(all.first_response_ms),
            resolution: Durations::of(all.resolution_ms),
            queue_wait: Durations::of(all.queue_wait_ms),
            unclaimed: all.unclaimed,
            reopened: all.reopened,
            agent_messages: all.agent_messages,
        },
        intents,
        plugins: plugins(calls),
    }
}

fn plugins(calls: &[PluginCallRow]) -> Vec<PluginFigures> {
    let mut by: BTreeMap<(String, String), (PluginFigures, Vec<i64>)> = BTreeMap::new();
    for c in calls {
        let (p, micros) = by
            .entry((c.plugin.clone(), c.version.clone()))
            .or_insert_with(|| {
                let figures = PluginFigures {
                    plugin: c.plugin.clone(),
                    version: c.version.clone(),
                    ..PluginFigures::default()
                };
                (figures, vec![])
            });
        p.calls += 1;
        if c.outcome != "ok" {
            p.errors += 1;
            *p.errors_by_kind.entry(c.outcome.clone()).or_default() += 1;
        }
        micros.push(c.micros);
        let currency = c.currency.clone().unwrap_or_default();
        if let Some(m) = c.proposed_minor {
            *p.proposed_minor.entry(currency.clone()).or_default() += m;
        }
        if let Some(m) = c.committed_minor {
            *p.committed_minor.entry(currency).or_default() += m;
        }
    }
    by.into_values()
        .map(|(mut p, mut micros)| {
            micros.sort_unstable();
            p.p50_micros = percentile(&micros, 50);
            p.p99_micros = percentile(&micros, 99);
            p
        })
        .collect()
}

/// A figure whose conversations can be listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Every conversation counted.
    Conversations,
    /// The bot answered.
    Involved,
    /// Resolution confirmed.
    ResolvedConfirmed,
    /// Resolution assumed.
    ResolvedAssumed,
    /// Resolution withdrawn.
    ResolutionWithdrawn,
    /// Resolution pending.
    ResolutionPending,
    /// The first matter ended unhelped.
    Unresolved,
    /// Handed off (narrowed by `reason` or `intent`).
    Handoffs,
    /// Handed off while nobody was online.
    NobodyOnline,
    /// Rated, bot-only.
    CsatBotOnly,
    /// Rated, a person wrote.
    CsatHuman,
    /// A person wrote.
    Human,
    /// Only people answered.
    AgentOnly,
    /// Reopened after a person resolved it.
    Reopened,
    /// Handoffs nobody claimed.
    Unclaimed,
    /// Shopper messages of `intent`.
    IntentVolume,
    /// Clarifications of `intent`.
    Clarifications,
    /// Not found, for `intent`.
    NotFound,
    /// Unhelpful turns of `intent`.
    Unhelpful,
    /// A question the bot could not answer.
    Unanswered,
}

/// Whether conversation `f` is behind `metric` (narrowed by `reason` and `intent` where
/// the metric has them).
pub fn behind(
    f: &ConversationFacts,
    metric: Metric,
    reason: Option<&str>,
    intent: Option<&str>,
) -> bool {
    let of_intent = |i: &str| intent.is_none_or(|want| want == i);
    let turns = |at: usize| f.intents.iter().any(|(i, c)| c[at] > 0 && of_intent(i));
    match metric {
        Metric::Conversations => true,
        Metric::Involved => f.involved,
        Metric::ResolvedConfirmed => f.resolution == Resolution::Confirmed,
        Metric::ResolvedAssumed => f.resolution == Resolution::Assumed,
        Metric::ResolutionWithdrawn => f.resolution == Resolution::Withdrawn,
        Metric::ResolutionPending => f.resolution == Resolution::Pending,
        Metric::Unresolved => f.resolution == Resolution::Unresolved,
        Metric::Handoffs => f.handoffs.iter().any(|h| {
            reason.is_none_or(|r| r == h.reason)
                && intent.is_none_or(|i| h.intent.as_deref() == Some(i))
        }),
        Metric::NobodyOnline => f.handoffs.iter().any(|h| h.nobody_online),
        Metric::CsatBotOnly => !f.human && f.csat_score.is_some(),
        Metric::CsatHuman => f.human && f.csat_score.is_some(),
        Metric::Human => f.human,
        Metric::AgentOnly => f.agent_only,
        Metric::Reopened => f.reopened,
        Metric::Unclaimed => f.handoffs.iter().any(|h| h.wait_ms.is_none()),
        Metric::IntentVolume => turns(counts::VOLUME),
        Metric::Clarifications => turns(counts::CLARIFIED),
        Metric::NotFound => turns(counts::NOT_FOUND),
        Metric::Unhelpful => turns(counts::UNHELPFUL),
        Metric::Unanswered => !f.unanswered.is_empty(),
    }
}

/// The conversations behind `metric`, oldest first.
pub fn drill_down<'a>(
    filter: &Filter,
    facts: &'a [ConversationFacts],
    metric: Metric,
    reason: Option<&str>,
    intent: Option<&str>,
) -> Vec<&'a ConversationFacts> {
    let mut out: Vec<&ConversationFacts> = facts
        .iter()
        .filter(|f| filter.keeps(f) && behind(f, metric, reason, intent))
        .collect();
    out.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    out
}

fn rate(r: Option<f64>) -> String {
    r.map(|r| r.to_string()).unwrap_or_default()
}

/// The by-day figures as CSV (RFC 4180; keys are dates, so nothing needs quoting), one row
/// per day, with a header.
pub fn report_csv(report: &Report) -> String {
    let mut out = String::from(
        "day,conversations,involved,resolved_confirmed,resolved_assumed,resolution_withdrawn,\
         resolution_pending,unresolved,resolution_rate,handoffs,handed_off,handoff_rate\r\n",
    );
    let totals = Slice {
        key: "total".into(),
        figures: report.totals.clone(),
    };
    for s in report.by_day.iter().chain(std::iter::once(&totals)) {
        let f = &s.figures;
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
            s.key,
            f.conversations,
            f.involved,
            f.resolved_confirmed,
            f.resolved_assumed,
            f.resolution_withdrawn,
            f.resolution_pending,
            f.unresolved,
            rate(f.resolution_rate),
            f.handoffs,
            f.handed_off,
            rate(f.handoff_rate),
        ));
    }
    out
}
