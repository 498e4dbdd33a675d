//! Buttons that send their label as the shopper's next message.

use yew::prelude::*;

/// Props of [`QuickReplies`].
#[derive(Properties, PartialEq)]
pub struct QuickRepliesProps {
    /// Labels, in order.
    pub options: Vec<String>,
    /// A label was chosen.
    pub on_choose: Callback<String>,
}

/// A row of reply buttons.
#[function_component(QuickReplies)]
pub fn quick_replies(props: &QuickRepliesProps) -> Html {
    html! {
        <div class="kefu-quick">
            { for props.options.iter().map(|option| {
                let on_choose = props.on_choose.clone();
                let text = option.clone();
                html! { <button type="button" onclick={move |_| on_choose.emit(text.clone())}>{ option.clone() }</button> }
            }) }
        </div>
    }
}
