//! The shopper's side of handing off: whether anyone can answer live, what to say when
//! nobody can (a contact form, then a ticket with an honest reply time), and the
//! satisfaction question (CSAT) once a conversation has ended well.
//!
//! "Someone can answer live" means an agent console of the merchant is connected
//! ([`crate::bus::Bus::agents_online`]) and, if the merchant set business hours, the shop
//! is open. Otherwise the handoff still queues the conversation (an agent who comes online
//! can claim it) but says that nobody is there now and shows a contact form: never a dead
//! end, never a loop. The form's answer opens a ticket agents see in the console.
//!
//! The lines here are the bot's own words in each language, like those in [`super::replies`].

use kefu_protocol::{Author, CSAT_SCALE, Card, ConversationState, MAX_EMAIL_BYTES, MAX_TEXT_BYTES};

use super::context::TurnContext;
use super::decision::Decision;
use super::language::script;
use super::replies::{self, Line, Msg, say, say_with};
use super::{Engine, EngineError, Turn};
use crate::bus::{Change, Event};
use crate::store::{
    Conversation, DEFAULT_REPLY_WITHIN_HOURS, MerchantSettings, NewMessage, StoreError,
};
use kefu_protocol::Lang;

/// Intents recorded on a contact-form answer and a rating (and their replies): wire values
/// the widget and the console agree on.
use kefu_protocol::{CONTACT_INTENT, CSAT_INTENT};

/// What the shopper put in the contact form.
#[derive(Debug, Clone)]
pub struct ContactInput {
    /// The widget's id for the frame (idempotent resend).
    pub client_msg_id: String,
    /// Where to reply.
    pub email: String,
    /// Optional details.
    pub message: String,
    /// The widget's locale.
    pub locale: Option<String>,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// "within 24 hours", in `lang`.
pub fn reply_within(lang: Lang, hours: u32) -> String {
    if hours == 1 {
        return say(lang, Msg::ReplyWithinOneHour).into();
    }
    say_with(
        lang,
        Msg::ReplyWithinHours,
        &[("hours", &hours.to_string())],
    )
}

fn nobody_online(lang: Lang, hours: u32) -> String {
    let within = reply_within(lang, hours);
    say_with(lang, Msg::NobodyOnline, &[("within", &within)])
}

fn nobody_online_now(lang: Lang, hours: u32) -> String {
    let within = reply_within(lang, hours);
    say_with(lang, Msg::NobodyOnlineNow, &[("within", &within)])
}

fn ticket_opened(lang: Lang, email: &str, hours: u32) -> String {
    // `{ticket}` is filled in by the store with the number it assigned.
    let within = reply_within(lang, hours);
    say_with(
        lang,
        Msg::TicketOpened,
        &[("email", email), ("within", &within)],
    )
}

fn rating_thanks(lang: Lang) -> &'static str {
    say(lang, Msg::RatingThanks)
}

fn refused(code: &'static str, message: impl Into<String>) -> EngineError {
    EngineError::Refused {
        code,
        message: message.into(),
    }
}

/// Checks the shape of an email address: one `@`, a local part, a dotted domain of letters,
/// digits and hyphens, no spaces. Deliverability is the team's to find out.
pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2);
    email.len() <= MAX_EMAIL_BYTES && local_ok && domain_ok
}

/// `d` (a handoff) as is if someone can answer live; otherwise the honest "nobody is
/// available" with a contact form, still queued for a person. Someone hurt or in danger
/// keeps the advice to call for help now, with the note and the form after it.
pub(super) fn unless_nobody_is_there(ctx: &TurnContext, d: Decision, lang: Lang) -> Decision {
    if ctx.live {
        return d;
    }
    if d.line == Some(Line::SafetyHandoff) {
        return note_if_nobody_is_there(ctx, d, lang);
    }
    let hours = ctx.settings.reply_within_hours;
    Decision {
        text: nobody_online(lang, hours),
        cards: vec![Card::ContactForm {
            reply_within: reply_within(lang, hours),
        }],
        ..d
    }
}

/// `d` (a handoff the answer itself made, with its own reason in its text) as is if
/// someone can answer live; otherwise the same text plus an honest "nobody is online
/// right now" and the contact form. The chat stays queued, so "they'll reply right here"
/// still holds once someone comes online.
pub(super) fn note_if_nobody_is_there(ctx: &TurnContext, mut d: Decision, lang: Lang) -> Decision {
    if ctx.live {
        return d;
    }
    let hours = ctx.settings.reply_within_hours;
    replies::append(&mut d.text, &nobody_online_now(lang, hours), lang);
    d.cards.push(Card::ContactForm {
        reply_within: reply_within(lang, hours),
    });
    d
}

/// Adds the satisfaction question to a bot conversation that ends well: the shopper says
/// thanks or goodbye right after an answer that helped (no failed turn), once per
/// conversation. The card sits under the bot's usual reply; nothing else changes.
pub(super) fn offer_csat(conv: &Conversation, d: &mut Decision, last_intent: Option<&str>) {
    let closing = matches!(d.intent.as_str(), "thanks" | "goodbye");
    let helped = last_intent.is_some_and(|i| {
        !matches!(
            i,
            "greeting"
                | "thanks"
                | "goodbye"
                | "contact_human_agent"
                | kefu_intent::OUT_OF_SCOPE
                | CONTACT_INTENT
                | CSAT_INTENT
        )
    });
    if closing
        && helped
        && !conv.csat_asked
        && conv.failed_turns == 0
        && conv.state == ConversationState::Bot
        && d.state == ConversationState::Bot
    {
        d.cards.push(Card::Csat { scale: CSAT_SCALE });
    }
}

impl Engine {
    /// Whether someone can answer `merchant`'s shoppers live right now.
    pub async fn agents_available(&self, merchant: &str) -> Result<bool, StoreError> {
        let settings = self.store.merchant_settings(merchant).await?;
        Ok(self.someone_live(merchant, &settings.unwrap_or_default()))
    }

    /// Whether someone can answer live, given the merchant's `settings`: an agent console
    /// is connected and the shop is open (if it set business hours).
    pub(super) fn someone_live(&self, merchant: &str, settings: &MerchantSettings) -> bool {
        self.bus.agents_online(merchant) > 0
            && settings
                .business_hours
                .as_ref()
                .is_none_or(|h| h.is_open(now_ms()))
    }

    /// The reply time the merchant promises when nobody can answer live, in hours.
    async fn reply_within_hours(&self, merchant: &str) -> Result<u32, StoreError> {
        Ok(self
            .store
            .merchant_settings(merchant)
            .await?
            .map_or(DEFAULT_REPLY_WITHIN_HOURS, |s| s.reply_within_hours))
    }

    /// The language to answer a form or rating in: the script of `text`, else of the
    /// shopper's latest message, else the widget's locale.
    async fn reply_lang(
        &self,
        conv: &Conversation,
        text: &str,
        locale: Option<&str>,
    ) -> Result<Lang, StoreError> {
        if let Some(lang) = script(text) {
            return Ok(lang);
        }
        let recent = self
            .store
            .messages_after(&conv.id, conv.last_seq.saturating_sub(20))
            .await?;
        let last_said = recent
            .iter()
            .rev()
            .filter(|m| m.author == Author::Shopper && m.intent.as_deref() != Some(CSAT_INTENT))
            .find_map(|m| script(&m.text));
        Ok(last_said.unwrap_or_else(|| Lang::from_tag(locale.unwrap_or(&conv.locale))))
    }

    /// An earlier send of `client_msg_id`, answered with what it stored.
    async fn resent(
        &self,
        conversation: &str,
        client_msg_id: &str,
    ) -> Result<Option<Turn>, EngineError> {
        let Some(seq) = self
            .store
            .seq_of_client_message(conversation, client_msg_id)
            .await?
        else {
            return Ok(None);
        };
        let messages = self.store.messages_after(conversation, seq - 1).await?;
        Ok(Some(Turn::Duplicate { seq, messages }))
    }

    /// The shopper answered a contact form: checks it, opens a ticket and confirms it with
    /// the ticket number and the reply time.
    pub async fn contact(
        &self,
        merchant: &str,
        conversation: &str,
        input: ContactInput,
    ) -> Result<Turn, EngineError> {
        if let Some(turn) = self.resent(conversation, &input.client_msg_id).await? {
            return Ok(turn);
        }
        let conv = self
            .store
            .conversation(merchant, conversation)
            .await?
            .ok_or(EngineError::UnknownConversation)?;
        let email = input.email.trim().to_lowercase();
        let message = input.message.trim();
        if email.is_empty() {
            return Err(refused("bad_email", "please enter your email address"));
        }
        if !valid_email(&email) {
            return Err(refused(
                "bad_email",
                "that doesn't look like an email address; please check it (e.g. name@example.com)",
            ));
        }
        if message.len() > MAX_TEXT_BYTES {
            return Err(refused(
                "too_long",
                format!("the message is longer than {MAX_TEXT_BYTES} bytes; please shorten it"),
            ));
        }
        let lang = self
            .reply_lang(&conv, message, input.locale.as_deref())
            .await?;
        let hours = self.reply_within_hours(merchant).await?;
        let shopper_text = if message.is_empty() {
            email.clone()
        } else {
            format!("{email}\n{message}")
        };
        let messages = vec![
            NewMessage {
                author: Author::Shopper,
                text: shopper_text,
                cards: vec![],
                client_msg_id: Some(input.client_msg_id.clone()),
                intent: Some(CONTACT_INTENT.into()),
                confidence: None,
                marks: Default::default(),
            },
            NewMessage {
                author: Author::Bot,
                text: ticket_opened(lang, &email, hours),
                cards: vec![],
                client_msg_id: None,
                intent: Some(CONTACT_INTENT.into()),
                confidence: None,
                marks: Default::default(),
            },
        ];
        match self
            .store
            .open_ticket(merchant, conversation, &email, message, messages)
            .await?
        {
            Some((_, stored)) => {
                self.bus.publish_messages(merchant, conversation, &stored);
                self.bus.publish(
                    merchant,
                    Event::Changed {
                        conversation_id: conversation.to_string(),
                        what: Change::Ticket,
                    },
                );
                Ok(Turn::Stored(stored))
            }
            None => self
                .resent(conversation, &input.client_msg_id)
                .await?
                .ok_or(EngineError::UnknownConversation),
        }
    }

    /// The shopper rated the conversation (1 to [`CSAT_SCALE`]), answering a question the
    /// runtime asked; one rating per conversation.
    pub async fn rate(
        &self,
        merchant: &str,
        conversation: &str,
        client_msg_id: &str,
        score: u8,
        locale: Option<&str>,
    ) -> Result<Turn, EngineError> {
        if let Some(turn) = self.resent(conversation, client_msg_id).await? {
            return Ok(turn);
        }
        let conv = self
            .store
            .conversation(merchant, conversation)
            .await?
            .ok_or(EngineError::UnknownConversation)?;
        if !(1..=CSAT_SCALE).contains(&score) {
            return Err(refused(
                "bad_score",
                format!("a rating is a number from 1 to {CSAT_SCALE}"),
            ));
        }
        if !conv.csat_asked {
            return Err(refused(
                "not_asked",
                "there is no rating to give in this conversation yet",
            ));
        }
        if conv.csat_score.is_some() {
            return Err(refused(
                "already_rated",
                "you already rated this conversation; thank you",
            ));
        }
        let lang = self.reply_lang(&conv, "", locale).await?;
        let stars: String = (1..=CSAT_SCALE)
            .map(|i| if i <= score { '★' } else { '☆' })
            .collect();
        let messages = vec![
            NewMessage {
                author: Author::Shopper,
                text: stars,
                cards: vec![],
                client_msg_id: Some(client_msg_id.to_string()),
                intent: Some(CSAT_INTENT.into()),
                confidence: None,
                marks: Default::default(),
            },
            NewMessage {
                author: Author::Bot,
                text: rating_thanks(lang).into(),
                cards: vec![],
                client_msg_id: None,
                intent: Some(CSAT_INTENT.into()),
                confidence: None,
                marks: Default::default(),
            },
        ];
        match self.store.rate(conversation, score, messages).await? {
            Some(stored) => {
                self.bus.publish_messages(merchant, conversation, &stored);
                self.bus.publish(
                    merchant,
                    Event::Changed {
                        conversation_id: conversation.to_string(),
                        what: Change::Csat,
                    },
                );
                Ok(Turn::Stored(stored))
            }
            None => match self.resent(conversation, client_msg_id).await? {
                Some(turn) => Ok(turn),
                None => Err(refused(
                    "already_rated",
                    "you already rated this conversation; thank you",
                )),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes_are_checked() {
        for ok in ["jane@example.com", "li.wei+shop@mail.example.cn", "a@b.co"] {
            assert!(valid_email(ok), "{ok}");
        }
        for bad in [
            "",
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "jane@@example.com",
            "jane doe@example.com",
            "jane@exa mple.com",
            "jane@-example.com",
            "jane@example.c",
            "<script>@x.com",
            &format!("{}@example.com", "a".repeat(65)),
        ] {
            assert!(!valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn the_reply_time_is_stated_in_the_shoppers_language() {
        assert_eq!(reply_within(Lang::En, 24), "within 24 hours");
        assert_eq!(reply_within(Lang::Zh, 24), "24小时内");
        assert!(nobody_online(Lang::Zh, 24).contains("人工客服"));
        assert!(ticket_opened(Lang::En, "a@b.co", 24).contains("#{ticket}"));
    }
}
