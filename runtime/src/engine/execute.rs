//! Carrying out a turn's plan: the plugin calls and commits the pure decision asked for,
//! each in a fresh sandbox on the blocking pool, recorded for the audit log.
//!
//! A turn may be decided more than once (its write is refused when the conversation changed
//! meanwhile, and it is decided again on fresh facts). The executor lives for the whole
//! turn and remembers every call's outcome: deciding again never calls a plugin twice for
//! the same request, never runs a commit twice, and proposes under the same action id.

use std::sync::Arc;

use super::audit;
use super::context::TurnContext;
use super::plan::{CallPlan, CommitOutcome};
use super::{Engine, EngineError};
use crate::plugins::{CallError, CallStats, PluginReply, Proposal};
use crate::store::{ActionState, AuditEntry, CallRecording, StoreError};

/// The I/O of one turn, remembered across attempts.
#[derive(Debug)]
pub struct Executor {
    merchant: String,
    conversation: String,
    /// The id an action proposed in this turn is stored under.
    pub action_id: String,
    calls: Vec<(CallPlan, Result<PluginReply, CallError>, String)>,
    commits: Vec<(String, CommitOutcome)>,
    /// The audit records of every call made, written with the turn.
    pub audit: Vec<(AuditEntry, CallRecording)>,
}

impl Executor {
    /// An executor for one turn of `conversation`.
    pub fn new(merchant: &str, conversation: &str) -> Self {
        Self {
            merchant: merchant.to_string(),
            conversation: conversation.to_string(),
            action_id: uuid::Uuid::new_v4().simple().to_string(),
            calls: Vec::new(),
            commits: Vec::new(),
            audit: Vec::new(),
        }
    }

    /// Makes the plugin call `call` (once per turn); returns its outcome and the version of
    /// the plugin that answered.
    pub async fn call(
        &mut self,
        engine: &Engine,
        call: &CallPlan,
    ) -> (Result<PluginReply, CallError>, String) {
        if let Some((_, result, version)) = self.calls.iter().find(|(c, ..)| c == call) {
            return (result.clone(), version.clone());
        }
        let Some(plugin) = engine.plugins.by_name(&self.merchant, &call.plugin) else {
            // Undeployed between deciding and calling: as if it had failed.
            let gone = Err(CallError::Unavailable(format!(
                "plugin {} unloaded",
                call.plugin
            )));
            return (gone, String::new());
        };
        let (plugins, p, r) = (engine.plugins.clone(), plugin.clone(), call.request.clone());
        let span = tracing::Span::current();
        let (result, stats) =
            tokio::task::spawn_blocking(move || span.in_scope(|| plugins.call_with_stats(&p, &r)))
                .await
                .unwrap_or_else(|e| (Err(CallError::Trapped(e.to_string())), CallStats::default()));
        if let Err(e) = &result {
            tracing::warn!(merchant = %self.merchant, intent = call.intent(), error = %e, "plugin call failed");
        }
        self.audit.push(audit::handle(
            (&self.merchant, &self.conversation),
            &plugin,
            &call.request,
            &result,
            &stats,
        ));
        let version = plugin.manifest().plugin.version.clone();
        self.calls
            .push((call.clone(), result.clone(), version.clone()));
        (result, version)
    }

    /// Carries out the confirmed action `action_id`, once: it is claimed first
    /// (`proposed → committed`, a conditional write of its own, so a second confirmation
    /// from another tab or a resend finds it taken and moves no money), then the plugin's
    /// `commit` runs with exactly what the shopper confirmed.
    pub async fn commit(
        &mut self,
        engine: &Engine,
        ctx: &TurnContext,
        action_id: &str,
    ) -> Result<CommitOutcome, EngineError> {
        if let Some((_, outcome)) = self.commits.iter().find(|(id, _)| id == action_id) {
            return Ok(outcome.clone());
        }
        let outcome = self.commit_once(engine, ctx, action_id).await?;
        self.commits.push((action_id.to_string(), outcome.clone()));
        Ok(outcome)
    }

    async fn commit_once(
        &mut self,
        engine: &Engine,
        ctx: &TurnContext,
        action_id: &str,
    ) -> Result<CommitOutcome, EngineError> {
        let Some(action) = ctx.proposed_action.as_ref().filter(|a| a.id == action_id) else {
            return Ok(CommitOutcome::NotProposed);
        };
        if !engine
            .store
            .move_action(action_id, ActionState::Proposed, ActionState::Committed)
            .await?
        {
            return Ok(CommitOutcome::NotProposed);
        }
        let proposal: Proposal = serde_json::from_str(&action.proposal)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let Some(plugin) = engine.plugins.by_name(&self.merchant, &action.plugin) else {
            return Ok(CommitOutcome::PluginGone {
                action_id: action_id.to_string(),
            });
        };
        let (plugins, p, a, id, shopper) = (
            engine.plugins.clone(),
            Arc::clone(&plugin),
            proposal.clone(),
            action_id.to_string(),
            action.shopper.clone(),
        );
        let span = tracing::Span::current();
        let (result, stats) = tokio::task::spawn_blocking(move || {
            span.in_scope(|| plugins.commit(&p, &id, &a, &shopper))
        })
        .await
        .unwrap_or_else(|e| (Err(CallError::Trapped(e.to_string())), CallStats::default()));
        self.audit.push(audit::commit(
            (&self.merchant, &self.conversation),
            &plugin,
            action_id,
            &proposal,
            &result,
            &stats,
        ));
        Ok(CommitOutcome::Ran {
            action_id: action_id.to_string(),
            proposal,
            result,
            issued: stats.refunds_issued,
        })
    }
}
