//! Whether the shopper has proven that an order is theirs: the order's email given in this
//! conversation, or a signed identity whose email is the order's. Pure: the orders come
//! with the turn's context.

use super::context::TurnContext;

/// Whether a shopper owns the order they want acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ownership {
    /// Proven, by this email.
    Proven(String),
    /// Not yet: ask for the order's email.
    NeedEmail,
    /// The email given is not the order's (or there is no such order). Worded to the
    /// shopper so as not to reveal which.
    Refused,
}

/// Whether order `number` is proven to be the shopper's, by `email` given in this message
/// or by the conversation's verified email.
pub fn owner_of(ctx: &TurnContext, number: &str, email: Option<&str>) -> Ownership {
    let owner = ctx.order(number).map(|o| o.email.to_lowercase());
    let matches = |e: &str| owner.as_deref() == Some(e.to_lowercase().as_str());
    if let Some(e) = email {
        return if matches(e) {
            Ownership::Proven(e.to_lowercase())
        } else {
            Ownership::Refused
        };
    }
    match &ctx.conversation.verified_email {
        Some(v) if matches(v) => Ownership::Proven(v.clone()),
        _ => Ownership::NeedEmail,
    }
}
