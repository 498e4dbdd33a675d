//! Money and changes to orders: what a plugin's proposal becomes (a confirmation card, or a
//! person when it is beyond what the bot may approve), and what a confirmed action's commit
//! becomes. Pure: the caps come with the turn's context, the call's outcome from the
//! executor; the executor stores the action and moves its state.

use kefu_protocol::{Card, ConversationState};

use super::claims;
use super::context::{Served, TurnContext};
use super::decision::{Decision, answer_with, hand_off, say};
use super::ownership;
use super::plan::{CallPlan, CommitOutcome};
use super::refund_sums;
use super::refund_words;
use super::replies::{self, Lang, Line};
use super::routing::GET_REFUND;
use super::understand::Understanding;
use crate::plugins::{PluginReply, Proposal};
use crate::store::{ActionRecord, ActionState};

/// What to say for a plugin's `reply` to `call` (for `intent`): its text and cards, and for
/// a proposal a confirmation card (the action stored as `proposed` under `action_id`), or a
/// person when it is above the caps. A proposal stands only for the order whose ownership
/// the call proved.
#[expect(
    clippy::too_many_arguments,
    reason = "each is one fact of the proposal's checks"
)]
pub fn proposal(
    ctx: &TurnContext,
    served: &Served,
    intent: &str,
    reply: PluginReply,
    call: &CallPlan,
    lang: Lang,
    action_id: &str,
    plugin_version: &str,
) -> Decision {
    let mut d = answer_with(intent, reply.text, reply.cards);
    let Some(proposal) = reply.proposal else {
        return d;
    };
    let order_id = proposal.order_id().to_string();
    let (amount_minor, currency) = (proposal.amount().0, proposal.amount().1.to_string());
    // A proposal about an order the shopper has not proven is a plugin bug, and so is one
    // about another order than the one proven: proof for order A never pays out on B.
    let Some(shopper) = call
        .verified_email
        .as_deref()
        .filter(|_| served.needs_owner())
    else {
        tracing::warn!(plugin = %served.plugin, "proposal without proven ownership refused");
        return say(intent, Line::PluginFailed, lang, ConversationState::Bot);
    };
    if call.order_number.as_deref() != Some(order_id.as_str()) {
        tracing::warn!(plugin = %served.plugin, "proposal for another order than the proven one refused");
        return say(intent, Line::PluginFailed, lang, ConversationState::Bot);
    }
    let allowed = match &proposal {
        // A refund: within the manifest's money caps and the merchant's own cap.
        Proposal::Refund { .. } => {
            served.money.as_ref().is_some_and(|m| {
                m.currency == currency && amount_minor <= m.max_refund_minor && amount_minor > 0
            }) && ctx
                .settings
                .refund_cap_minor
                .is_none_or(|cap| amount_minor <= cap)
        }
        // Cancelling an unshipped order gives the shopper their own payment back: the
        // plugin needs the `order_changes` grant, no money cap applies.
        Proposal::CancelOrder { .. } | Proposal::ChangeAddress { .. } => served.order_changes,
    };
    if !allowed {
        let reason = format!(
            "{} of {} on order {order_id} is above what the bot may approve",
            if matches!(proposal, Proposal::Refund { .. }) {
                "refund"
            } else {
                "cancellation"
            },
            kefu_protocol::format_money(amount_minor, &currency)
        );
        return Decision {
            intent: intent.to_string(),
            ..hand_off(Line::RefundNeedsHuman, lang, &reason, 1)
        };
    }
    let id = action_id.to_string();
    d.cards.push(card(&proposal, &id, lang));
    d.new_action = Some(ActionRecord {
        id: id.clone(),
        conversation_id: ctx.conversation.id.clone(),
        plugin: served.plugin.clone(),
        plugin_version: plugin_version.to_string(),
        proposal: serde_json::to_string(&proposal).expect("a proposal serialises"),
        shopper: shopper.to_string(),
        state: ActionState::Proposed,
    });
    d.pending.action = Some(id);
    d
}

/// The confirmation card that shows `proposal` (action `id`) to the shopper, in `lang`.
pub fn card(proposal: &Proposal, id: &str, lang: Lang) -> Card {
    let id = id.to_string();
    let order_id = proposal.order_id().to_string();
    let terms = proposal.terms().to_string();
    let (amount_minor, currency) = (proposal.amount().0, proposal.amount().1.to_string());
    match proposal {
        Proposal::Refund { .. } => {
            let (confirm, cancel) = replies::confirm_labels(lang);
            Card::ConfirmRefund {
                action_id: id,
                order_id,
                amount_minor,
                currency,
                terms,
                confirm: confirm.into(),
                cancel: cancel.into(),
            }
        }
        Proposal::ChangeAddress { address, .. } => {
            let (confirm, cancel) = replies::address_labels(lang);
            Card::ConfirmAddress {
                action_id: id,
                order_id,
                address: address.clone(),
                terms,
                confirm: confirm.into(),
                cancel: cancel.into(),
            }
        }
        Proposal::CancelOrder { .. } => {
            let (confirm, cancel) = replies::cancel_labels(lang);
            Card::ConfirmCancel {
                action_id: id,
                order_id,
                amount_minor,
                currency,
                terms,
                confirm: confirm.into(),
                cancel: cancel.into(),
            }
        }
    }
}

/// A refund the shopper asks for that is beyond what the bot may approve, before the order
/// is proven theirs: a sum above the caps named ("just refund the 98"), or the whole of an
/// order whose total is above them ("整单退款"). A person takes it now, with the order and
/// the sum, and checks the order is theirs; asking for the email first would only delay a
/// person the answer needs anyway. `None` when the plugin may propose no refund, or the
/// request is within the caps or names no sum.
pub fn asked_beyond_the_caps(
    ctx: &TurnContext,
    served: &Served,
    intent: &str,
    text: &str,
    order: Option<&str>,
    lang: Lang,
) -> Option<Decision> {
    let record = order.and_then(|n| ctx.order(n));
    let sum = refund_sums::asked_sum(text, order).or_else(|| {
        record
            .filter(|_| refund_words::asks_for_the_whole_order(text))
            .map(|o| o.total_minor)
    })?;
    beyond_the_caps(ctx, served, intent, sum, order, lang)
}

/// A refund (or a claim) that waits for the order's email, and a message without it that
/// names a sum above the caps or the whole of an order above them ("全部 138, not partial",
/// "all of it"): a person takes it now, as when the request itself had named the sum.
/// `None` for any other message, or once the order is proven the shopper's.
pub fn named_beyond_the_caps_while_proof_waits(
    ctx: &TurnContext,
    u: &Understanding,
) -> Option<Decision> {
    let (intent, order) = ownership::email_awaited(ctx, u)?;
    if intent != GET_REFUND && claims::what(intent).is_none() || ownership::verified(ctx).is_some()
    {
        return None;
    }
    let served = ctx.served(intent)?;
    let total = ctx.order(order).map(|o| o.total_minor);
    let sum = refund_sums::sum_in_a_reply(&u.text, Some(order), total)?;
    beyond_the_caps(ctx, served, intent, sum, Some(order), u.lang)
}

/// A person for a refund of `sum` asked before the order is proven the shopper's, when
/// `sum` is above the caps; `None` within them or when the plugin may propose no refund.
fn beyond_the_caps(
    ctx: &TurnContext,
    served: &Served,
    intent: &str,
    sum: u64,
    order: Option<&str>,
    lang: Lang,
) -> Option<Decision> {
    let limits = served.money.as_ref()?;
    let cap = ctx
        .settings
        .refund_cap_minor
        .map_or(limits.max_refund_minor, |c| c.min(limits.max_refund_minor));
    if sum <= cap {
        return None;
    }
    let record = order.and_then(|n| ctx.order(n));
    let currency = record.map_or(limits.currency.as_str(), |o| o.currency.as_str());
    let asked = format!(
        "refund of {} asked{} is above what the bot may approve; the order's ownership is not proven yet",
        kefu_protocol::format_money(sum, currency),
        order.map(|n| format!(" on order {n}")).unwrap_or_default()
    );
    let reason = match (claims::what(intent), order) {
        (Some(what), Some(n)) => format!("{}; {asked}", claims::reason(what, n)),
        _ => asked,
    };
    Some(Decision {
        intent: intent.to_string(),
        ..hand_off(Line::RefundNeedsHuman, lang, &reason, 1)
    })
}

/// What to say once a confirmed action was carried out (or could not be).
pub fn committed(outcome: CommitOutcome, lang: Lang) -> Decision {
    use ConversationState::Bot;
    match outcome {
        CommitOutcome::NotProposed => say("get_refund", Line::ActionAlreadyHandled, lang, Bot),
        CommitOutcome::PluginGone { action_id } => Decision {
            failed_action: Some(action_id),
            ..say("get_refund", Line::CommitFailed, lang, Bot)
        },
        CommitOutcome::Ran {
            action_id,
            proposal,
            result,
            issued,
        } => {
            let intent = proposal.intent();
            let order_id = proposal.order_id();
            match result {
                Ok(reply) => answer_with(intent, reply.text, reply.cards),
                // Money moved but the plugin failed afterwards: a person must look at it.
                Err(e) if !issued.is_empty() => {
                    tracing::error!(error = %e, order_id, "committed, but the plugin failed after");
                    let reason = format!(
                        "{} done on order {order_id}, but the plugin failed afterwards",
                        issued.join(", ")
                    );
                    hand_off(Line::PolicyHandoff, lang, &reason, 2)
                }
                Err(e) => {
                    tracing::warn!(error = %e, order_id, "committing an action failed");
                    Decision {
                        failed_action: Some(action_id),
                        ..say(intent, Line::CommitFailed, lang, Bot)
                    }
                }
            }
        }
    }
}
