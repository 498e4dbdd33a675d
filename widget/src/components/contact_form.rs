//! The contact form shown when nobody can answer live: an email (required) and an optional
//! message, sent as a `contact` frame. The runtime checks the address again and says why
//! if it refuses it.

use kefu_protocol::{MAX_EMAIL_BYTES, MAX_TEXT_BYTES};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::{Lang, Text, t};

/// The value of the field `selector` inside `form`, trimmed (empty when it is missing).
fn field(form: &Element, selector: &str) -> String {
    let Ok(Some(el)) = form.query_selector(selector) else {
        return String::new();
    };
    let value = match el.dyn_into::<HtmlInputElement>() {
        Ok(input) => input.value(),
        Err(el) => el
            .dyn_into::<HtmlTextAreaElement>()
            .map(|area| area.value())
            .unwrap_or_default(),
    };
    value.trim().to_string()
}

/// Email + message + send, labelled for screen readers. `reply_within` is when the team
/// replies ("within 24 hours", from the runtime); `done`, whether the shopper already sent
/// it (then it shows as sent, read-only). The fields are read from the form when it is
/// sent, so the form keeps no state of its own.
pub fn contact_form(
    lang: Lang,
    reply_within: &str,
    done: bool,
    on_contact: &Callback<(String, String)>,
) -> Html {
    let on_submit = {
        let on_contact = on_contact.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<Element>() else {
                return;
            };
            let address = field(&form, "#kefu-contact-email");
            if address.is_empty() {
                return;
            }
            on_contact.emit((address, field(&form, "#kefu-contact-message")));
        })
    };
    let note = format!("{} {reply_within}.", t(lang, Text::ReplyBy));
    html! {
        <form class="kefu-card kefu-contact" onsubmit={on_submit} data-testid="contact-form" data-done={done.to_string()}>
            <p class="kefu-card-title">{ t(lang, Text::ContactTitle) }</p>
            <label for="kefu-contact-email">{ t(lang, Text::Email) }</label>
            <input id="kefu-contact-email" type="email" required=true autocomplete="email"
                maxlength={MAX_EMAIL_BYTES.to_string()} disabled={done} data-testid="contact-email" />
            <label for="kefu-contact-message">{ t(lang, Text::MessageOptional) }</label>
            <textarea id="kefu-contact-message" rows="3" maxlength={(MAX_TEXT_BYTES / 3).to_string()}
                disabled={done} data-testid="contact-message" />
            <p class="kefu-card-note">{ note }</p>
            if !done {
                <button type="submit" data-testid="contact-send">{ t(lang, Text::Send) }</button>
            }
        </form>
    }
}
