//! The conversation: stored messages, then the shopper's messages not sent yet, with the
//! answers the shop's public FAQ gave on the device where they belong
//! ([`crate::state::transcript`]). A function, not a component: the root keeps the newest
//! message in view.

use kefu_protocol::{Author, Card, ChatMessage, ClientMessage};
use yew::prelude::*;

use super::{
    CardButton, confirm_address_card, confirm_refund_card, contact_form, csat, order_card,
    product_card, quick_replies,
};
use crate::i18n::{Lang, Text, t};
use crate::state::{DeviceAnswer, Line, transcript, unsent};

/// What the transcript shows and what its controls do.
pub struct Transcript<'a> {
    /// Stored messages in order.
    pub messages: &'a [ChatMessage],
    /// Frames not yet acknowledged; the `say` ones are shown as queued.
    pub outbox: &'a [ClientMessage],
    /// Answers given on the device.
    pub device_answers: &'a [DeviceAnswer],
    /// A quick reply was chosen.
    pub on_quick_reply: &'a Callback<String>,
    /// A confirmation card's button was pressed.
    pub on_card_answer: &'a Callback<CardButton>,
    /// The contact form was sent (email, message).
    pub on_contact: &'a Callback<(String, String)>,
    /// A satisfaction score was chosen.
    pub on_rate: &'a Callback<u8>,
    /// What the panel shows above the messages (the welcome).
    pub welcome: Html,
}

/// Whether a message after `seq` answers with `intent` (the form was sent, the rating given).
fn answered(messages: &[ChatMessage], seq: u64, intent: &str) -> bool {
    messages
        .iter()
        .any(|m| m.seq > seq && m.author == Author::Shopper && m.intent.as_deref() == Some(intent))
}

/// How many lines the transcript shows: when it changes, the root scrolls to the newest.
pub fn line_count(
    messages: &[ChatMessage],
    outbox: &[ClientMessage],
    device_answers: &[DeviceAnswer],
) -> usize {
    messages.len() + unsent(outbox).count() + device_answers.len()
}

/// The message log in `lang`, announced to screen readers as it grows; `list` is the
/// scrolling box's reference.
pub fn message_list(lang: Lang, props: Transcript<'_>, list: &NodeRef) -> Html {
    let last = props.messages.last().map(|m| m.seq);
    html! {
        // The log is the scrolling box, focusable so it scrolls from the keyboard; the
        // messages inside are a list of their own (a `log` role on the `ol` would hide that
        // its items are a list's).
        <div class="kefu-messages" ref={list.clone()} role="log" aria-live="polite" aria-label={t(lang, Text::Messages)}
            tabindex="0" data-testid="messages">
            { props.welcome }
            <ol class="kefu-transcript">
            { for transcript(props.messages, props.outbox, props.device_answers).into_iter().map(|line| {
                let m = match line {
                    Line::Stored(m) => m,
                    // Marked as the shop's own FAQ answer, given on the device.
                    Line::Device(answer, seq) => return html! {
                        <li class="kefu-msg bot faq" data-author="bot" data-on-device="true"
                            data-confirmed-seq={seq.map(|s| s.to_string())}>
                            <span class="kefu-source">{ t(lang, Text::FromFaq) }</span>
                            { answer.text.clone() }
                        </li>
                    },
                    Line::Unsent(text) => return html! {
                        <li class="kefu-msg shopper queued" data-author="shopper" data-queued="true">
                            { text.to_string() }
                            <span class="queued-label">{ t(lang, Text::Queued) }</span>
                        </li>
                    },
                };
                let class = match m.author { Author::Shopper => "shopper", Author::Bot => "bot", Author::Agent => "agent" };
                let name = (m.author == Author::Agent)
                    .then(|| m.agent.clone().unwrap_or_else(|| t(lang, Text::Agent).to_string()));
                html! {
                    <li class={classes!("kefu-msg", class)} data-author={class} data-seq={m.seq.to_string()}>
                        if let Some(name) = name {
                            <span class="kefu-author" data-testid="agent-name">{ name }</span>
                        }
                        { m.text.clone() }
                        { for m.cards.iter().map(|card| match card {
                            Card::OrderStatus { .. } => order_card(lang, card),
                            // Quick replies only make sense on the latest message.
                            Card::QuickReplies { options } if Some(m.seq) == last => {
                                quick_replies(options, props.on_quick_reply)
                            }
                            Card::QuickReplies { .. } => html! {},
                            Card::ContactForm { reply_within } => contact_form(
                                lang,
                                reply_within,
                                answered(props.messages, m.seq, kefu_protocol::CONTACT_INTENT),
                                props.on_contact,
                            ),
                            Card::Csat { scale } if !answered(props.messages, m.seq, kefu_protocol::CSAT_INTENT) => {
                                csat(lang, *scale, props.on_rate)
                            }
                            Card::Csat { .. } => html! {},
                            Card::Product { .. } => product_card(lang, card),
                            Card::ConfirmAddress { .. } => {
                                confirm_address_card(lang, card, Some(m.seq) == last, props.on_card_answer)
                            }
                            Card::ConfirmRefund { .. } | Card::ConfirmCancel { .. } => {
                                confirm_refund_card(lang, card, Some(m.seq) == last, props.on_card_answer)
                            }
                        }) }
                    </li>
                }
            }) }
            </ol>
        </div>
    }
}
