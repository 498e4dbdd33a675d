//! "How did we do?": one button per score, sent as a `rate` frame. Once answered it shows
//! nothing more (the shopper's stars and the thanks follow as messages).

use yew::prelude::*;

use crate::i18n::{Lang, Text, t};

/// A labelled group of score buttons from 1 to `scale`; `on_rate` gets the score chosen (a
/// function, as [`super::order_card`] is).
pub fn csat(lang: Lang, scale: u8, on_rate: &Callback<u8>) -> Html {
    html! {
        <div class="kefu-card kefu-csat" role="group" aria-label={t(lang, Text::CsatQuestion)} data-testid="csat">
            <p class="kefu-card-title">{ t(lang, Text::CsatQuestion) }</p>
            <div class="kefu-csat-scores">
                { for (1..=scale).map(|score| {
                    let on_rate = on_rate.clone();
                    let label = format!("{score} / {scale}");
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
