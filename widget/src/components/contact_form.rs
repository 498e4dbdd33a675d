//! The contact form shown when nobody can answer live: an email (required) and an optional
//! message, sent as a `contact` frame. The runtime checks the address again and says why
//! if it refuses it.

use kefu_protocol::{MAX_EMAIL_BYTES, MAX_TEXT_BYTES};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::hooks::use_panel;
use crate::i18n::{Text, t};

/// Props of [`ContactForm`].
#[derive(Properties, PartialEq)]
pub struct ContactFormProps {
    /// When the team replies ("within 24 hours"), from the runtime.
    pub reply_within: String,
    /// Whether the shopper already sent it (then it shows as sent, read-only).
    pub done: bool,
    /// The shopper sent (email, message).
    pub on_contact: Callback<(String, String)>,
}

/// Email + message + send, labelled for screen readers.
#[function_component(ContactForm)]
pub fn contact_form(props: &ContactFormProps) -> Html {
    let lang = use_panel().lang;
    let email = use_node_ref();
    let message = use_node_ref();
    let on_submit = {
        let (email, message) = (email.clone(), message.clone());
        let on_contact = props.on_contact.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(email), Some(message)) = (
                email.cast::<HtmlInputElement>(),
                message.cast::<HtmlTextAreaElement>(),
            ) else {
                return;
            };
            let address = email.value().trim().to_string();
            if address.is_empty() {
                return;
            }
            on_contact.emit((address, message.value().trim().to_string()));
        })
    };
    let note = format!("{} {}.", t(lang, Text::ReplyBy), props.reply_within);
    html! {
        <form class="kefu-card kefu-contact" onsubmit={on_submit} data-testid="contact-form" data-done={props.done.to_string()}>
            <p class="kefu-card-title">{ t(lang, Text::ContactTitle) }</p>
            <label for="kefu-contact-email">{ t(lang, Text::Email) }</label>
            <input id="kefu-contact-email" ref={email} type="email" required=true autocomplete="email"
                maxlength={MAX_EMAIL_BYTES.to_string()} disabled={props.done} data-testid="contact-email" />
            <label for="kefu-contact-message">{ t(lang, Text::MessageOptional) }</label>
            <textarea id="kefu-contact-message" ref={message} rows="3" maxlength={(MAX_TEXT_BYTES / 3).to_string()}
                disabled={props.done} data-testid="contact-message" />
            <p class="kefu-card-note">{ note }</p>
            if !props.done {
                <button type="submit" data-testid="contact-send">{ t(lang, Text::Send) }</button>
            }
        </form>
    }
}
