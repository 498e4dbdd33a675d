//! Buttons that send their label as the shopper's next message.

use yew::prelude::*;

/// A row of reply buttons, one per label in order; `on_choose` gets the label chosen (a
/// function, as [`super::order_card`] is).
pub fn quick_replies(options: &[String], on_choose: &Callback<String>) -> Html {
    html! {
        <div class="kefu-quick">
            { for options.iter().map(|option| {
                let on_choose = on_choose.clone();
                let text = option.clone();
                html! { <button type="button" onclick={move |_| on_choose.emit(text.clone())}>{ option.clone() }</button> }
            }) }
        </div>
    }
}
