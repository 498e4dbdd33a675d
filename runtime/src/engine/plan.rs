//! What the decision asks the executor to do for one turn. The decision is pure; anything
//! that needs a sandbox (a plugin's `handle` or `commit`) is a step of the plan, and what it
//! returns is decided on again, purely, by [`super::decide::after_call`] and
//! [`super::decide::after_commit`].

use super::decision::Decision;
use crate::plugins::{CallError, PluginReply, PluginRequest, Proposal};

/// The plan for one turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// A proposed action this message does not confirm: it lapses (money never moves on a
    /// "yes" that came later, to something else).
    pub lapsed_action: Option<String>,
    /// What to do.
    pub step: Step,
}

/// The one thing a turn does.
#[expect(
    clippy::large_enum_variant,
    reason = "one value per turn, moved once: boxing buys nothing"
)]
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Say nothing: a person is asked for or in charge.
    Silence,
    /// Say nothing, but the message raised a topic a person must handle that the
    /// conversation's reason does not name yet: the agent sees it added, and sooner.
    Escalate(Escalation),
    /// Answer with this.
    Reply(Decision),
    /// Ask a plugin, then decide on its answer.
    Call(CallPlan),
    /// The shopper confirmed this action: claim it and run the plugin's `commit`.
    Commit {
        /// The action's id.
        action_id: String,
    },
}

/// What a message sent while a person is asked for or in charge adds to the handoff.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    /// The conversation's priority from now on (never lower than it was).
    pub priority: u32,
    /// The handoff reason from now on: the earlier one, then this message's.
    pub reason: String,
}

/// A plugin call the decision wants made.
#[derive(Debug, Clone, PartialEq)]
pub struct CallPlan {
    /// The plugin's name.
    pub plugin: String,
    /// What it is asked.
    pub request: PluginRequest,
    /// The email the shopper proved for the order asked about, if any.
    pub verified_email: Option<String>,
    /// The order asked about, if any.
    pub order_number: Option<String>,
    /// An email given with the question was not the order's: the answer holds no details
    /// only the owner may see, and the failure is counted.
    pub proof_failed: bool,
}

impl CallPlan {
    /// The intent the call serves.
    pub fn intent(&self) -> &str {
        &self.request.intent
    }
}

/// How carrying out a confirmed action went.
#[expect(
    clippy::large_enum_variant,
    reason = "one value per turn, moved once: boxing buys nothing"
)]
#[derive(Debug, Clone, PartialEq)]
pub enum CommitOutcome {
    /// The action is not (or no longer) awaiting confirmation: someone confirmed it first,
    /// or it lapsed.
    NotProposed,
    /// The plugin that proposed it is gone; the claimed action failed, nothing moved.
    PluginGone {
        /// The action's id.
        action_id: String,
    },
    /// The plugin's `commit` ran.
    Ran {
        /// The action's id.
        action_id: String,
        /// What the shopper confirmed.
        proposal: Proposal,
        /// Its outcome.
        result: Result<PluginReply, CallError>,
        /// What irreversible happened during the call (refund references issued).
        issued: Vec<String>,
    },
}
