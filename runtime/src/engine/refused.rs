//! A change to an order the merchant's plugin refused (a cancellation or a new address for
//! an order that has shipped): the reason alone leaves the shopper where they were, so the
//! order's status follows it, from the same merchant's order plugin, for the order whose
//! ownership the refused call proved. Pure: the executor makes the call.

use kefu_protocol::Card;

use super::context::TurnContext;
use super::decision::Decision;
use super::plan::CallPlan;
use super::routing::TRACK_ORDER;
use crate::plugins::{CallError, PluginReply, PluginRequest};

/// The status call to make after `call` was refused with `result`, if any: only for a
/// change to an order the shopper proved is theirs, and only when a plugin serves the
/// order's status.
pub fn status_call(
    ctx: &TurnContext,
    call: &CallPlan,
    result: &Result<PluginReply, CallError>,
) -> Option<CallPlan> {
    let refused = matches!(result, Err(CallError::NotAllowed(_)));
    let a_change = matches!(call.intent(), "cancel_order" | "change_shipping_address");
    if !refused || !a_change || !call.request.owner_verified || call.proof_failed {
        return None;
    }
    let served = ctx.served(TRACK_ORDER)?;
    Some(CallPlan {
        plugin: served.plugin.clone(),
        request: PluginRequest {
            intent: TRACK_ORDER.into(),
            ..call.request.clone()
        },
        ..call.clone()
    })
}

/// `d` (the refusal) with the order-status cards of the status call's `result`; its words
/// stay the refusal's. A failed status call changes nothing.
pub fn with_status(mut d: Decision, result: Result<PluginReply, CallError>) -> Decision {
    if let Ok(reply) = result {
        let status = reply
            .cards
            .into_iter()
            .filter(|c| matches!(c, Card::OrderStatus { .. }));
        // Before the quick replies, as a status card sits under an answer.
        let at = d
            .cards
            .iter()
            .position(|c| matches!(c, Card::QuickReplies { .. }))
            .unwrap_or(d.cards.len());
        d.cards.splice(at..at, status);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::decide::tests::ctx;
    use crate::engine::decision::answer_with;

    fn cancel(verified: bool) -> CallPlan {
        CallPlan {
            plugin: "orders".into(),
            request: PluginRequest {
                intent: "cancel_order".into(),
                locale: "en".into(),
                text: "cancel 1001".into(),
                slots: vec![("order-number".into(), "1001".into())],
                owner_verified: verified,
            },
            verified_email: verified.then(|| "jane@example.com".into()),
            order_number: Some("1001".into()),
            proof_failed: false,
        }
    }

    fn status_card() -> Card {
        Card::OrderStatus {
            order_id: "1001".into(),
            status: "shipped".into(),
            status_label: "shipped".into(),
            carrier: Some("UPS".into()),
            tracking_number: Some("1Z999AA10123456784".into()),
            eta: Some("2026-11-26".into()),
        }
    }

    #[test]
    fn a_refused_change_to_a_proven_order_is_followed_by_its_status() {
        let refused: Result<PluginReply, CallError> =
            Err(CallError::NotAllowed("it has shipped".into()));
        let status = status_call(&ctx(), &cancel(true), &refused).expect("a status call");
        assert_eq!(status.intent(), "track_order");
        assert_eq!(status.request.slots, cancel(true).request.slots);
        assert!(status.request.owner_verified);
        // Not for an order not proven, another failure, or an answer.
        assert!(status_call(&ctx(), &cancel(false), &refused).is_none());
        let failed = Err(CallError::Unavailable("down".into()));
        assert!(status_call(&ctx(), &cancel(true), &failed).is_none());
        let mut track = cancel(true);
        track.request.intent = "track_order".into();
        assert!(status_call(&ctx(), &track, &refused).is_none());
    }

    #[test]
    fn the_status_card_joins_the_refusal_before_its_quick_replies() {
        let refusal = answer_with(
            "cancel_order",
            "Order 1001 has already shipped.".into(),
            vec![Card::QuickReplies {
                options: vec!["Talk to a human".into()],
            }],
        );
        let reply = PluginReply {
            text: "Order 1001 has shipped with UPS.".into(),
            cards: vec![status_card()],
            proposal: None,
        };
        let d = with_status(refusal.clone(), Ok(reply));
        assert_eq!(d.text, "Order 1001 has already shipped.");
        assert!(matches!(d.cards[0], Card::OrderStatus { .. }));
        assert!(matches!(d.cards[1], Card::QuickReplies { .. }));
        let d = with_status(refusal.clone(), Err(CallError::Unavailable("down".into())));
        assert_eq!(d, refusal);
    }
}
