//! What the panel offers while the shopper types: from what the model understood of the
//! draft ([`Understood`], computed in the worker), actions a person recognises ("Track order
//! 1001", "Start a return", "Talk to a real person") and the question of the shop's FAQ
//! entry that answers it, in the panel's language. Picking one sends its words as the
//! shopper's message: the runtime decides what happens, as for anything typed.
//!
//! Plain data and no DOM: the tests below run natively.

use kefu_protocol::{IntentHint, PublicFaq};
use serde::Deserialize;

use crate::i18n::{Lang, action, talk_to_a_person};

/// The most suggestions shown at once.
pub const MAX: usize = 3;

/// Drafts shorter than this (in characters) get no suggestions: too little to go on.
const MIN_DRAFT_CHARS: usize = 3;

/// A draft at least this long that the shop cannot place gets a person offered.
const UNPLACED_DRAFT_CHARS: usize = 12;

/// The model's label for what no shop intent covers (`kefu_intent::OUT_OF_SCOPE`; the
/// panel does not link the model's crate).
const OUT_OF_SCOPE: &str = "out_of_scope";

/// What the model made of a text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Understood {
    /// The intent, as the runtime's classifier gives it.
    pub prediction: IntentHint,
    /// The first order number in the text.
    pub order: Option<String>,
    /// The public FAQ entry the runtime would answer the text with.
    pub faq: Option<PublicFaq>,
}

/// The suggestions for `draft`, which the model understood as `understood`, best first.
pub fn suggestions(lang: Lang, draft: &str, understood: &Understood) -> Vec<String> {
    let draft = draft.trim();
    if draft.chars().count() < MIN_DRAFT_CHARS {
        return Vec::new();
    }
    let intent = understood.prediction.intent.as_str();
    let mut out: Vec<String> = Vec::with_capacity(MAX);
    let mut offer = |s: String| {
        // The draft itself is what Enter sends: offering it again helps nobody.
        if s != draft && !out.contains(&s) && out.len() < MAX {
            out.push(s);
        }
    };
    if let Some(a) = action(lang, intent, understood.order.as_deref()) {
        offer(a);
    }
    if let Some(entry) = &understood.faq {
        offer(entry.question.clone());
    }
    if intent == OUT_OF_SCOPE
        && understood.faq.is_none()
        && draft.chars().count() >= UNPLACED_DRAFT_CHARS
    {
        offer(talk_to_a_person(lang).to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn understood(intent: &str, order: Option<&str>, faq: Option<&str>) -> Understood {
        Understood {
            prediction: IntentHint {
                intent: intent.into(),
                confidence: 0.9,
                top: vec![],
            },
            order: order.map(Into::into),
            faq: faq.map(|q| PublicFaq {
                question: q.into(),
                answer: "a".into(),
                intent: None,
            }),
        }
    }

    #[test]
    fn an_order_question_offers_to_track_that_order() {
        let u = understood("track_order", Some("1001"), None);
        assert_eq!(
            suggestions(Lang::En, "where is 1001", &u),
            ["Track order 1001"]
        );
        assert_eq!(
            suggestions(Lang::Zh, "1001到哪了", &u),
            ["查询订单1001的物流"]
        );
    }

    #[test]
    fn a_policy_question_offers_the_faq_question_and_a_return_the_action() {
        let u = understood(
            "return_item",
            None,
            Some("How do I return or exchange an item?"),
        );
        assert_eq!(
            suggestions(Lang::En, "can i send it back", &u),
            ["Start a return", "How do I return or exchange an item?"]
        );
    }

    #[test]
    fn a_request_for_a_person_offers_one_and_an_unplaced_draft_too() {
        let u = understood("contact_human_agent", None, None);
        assert_eq!(suggestions(Lang::Zh, "找个人工", &u), ["转人工客服"]);
        let u = understood("out_of_scope", None, None);
        assert_eq!(
            suggestions(Lang::En, "my thing is weird and odd", &u),
            ["Talk to a real person"]
        );
        assert!(suggestions(Lang::En, "hmm ok", &u).is_empty());
    }

    #[test]
    fn short_drafts_and_the_draft_itself_are_not_offered() {
        let u = understood("track_order", None, Some("Track my order"));
        assert!(suggestions(Lang::En, "wh", &u).is_empty());
        assert_eq!(
            suggestions(Lang::En, "Track my order", &u),
            Vec::<String>::new()
        );
    }
}
