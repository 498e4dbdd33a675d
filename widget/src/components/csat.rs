//! "How did we do?": one button per score, sent as a `rate` frame. Once answered it shows
//! nothing more (the shopper's stars and the thanks follow as messages).

use yew::prelude::*;

use crate::hooks::use_panel;
use crate::i18n::{Text, t};

/// Props of [`Csat`].
#[derive(Properties, PartialEq)]
pub struct CsatProps {
    /// The highest score.
    pub scale: u8,
    /// The shopper chose a score.
    pub on_rate: Callback<u8>,
}

/// A labelled group of score buttons.
#[function_component(Csat)]
pub fn csat(props: &CsatProps) -> Html {
    let lang = use_panel().lang;
    html! {
        <div class="kefu-card kefu-csat" role="group" aria-label={t(lang, Text::CsatQuestion)} data-testid="csat">
            <p class="kefu-card-title">{ t(lang, Text::CsatQuestion) }</p>
            <div class="kefu-csat-scores">
                { for (1..=props.scale).map(|score| {
                    let on_rate = props.on_rate.clone();
                    let label = format!("{score} / {}", props.scale);
                    let stars = "★".repeat(usize::from(score));
                    let onclick = Callback::from(move |_: MouseEvent| on_rate.emit(score));
                    html! {
                        <button type="button" aria-label={label} data-score={score.to_string()} {onclick}>{ stars }</button>
                    }
                }) }
            </div>
        </div>
    }
}
