//! Who the panel speaks for and in which language, read once by the root
//! ([`super::ChatPanel`]) and handed to what needs them: the language to every view, the
//! merchant to the connection and to "delete this conversation".

use kefu_protocol::Lang;
use yew::AttrValue;

/// The panel's settings, from the iframe's URL (`?merchant=demo&locale=zh-CN`); fixed for
/// the panel's lifetime.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelSettings {
    /// The language of the panel's words and of the frames it sends.
    pub lang: Lang,
    /// The shop whose chat this is.
    pub merchant: AttrValue,
}

impl PanelSettings {
    /// Reads the settings from the page's query string; the loader always sets both, the
    /// defaults are for opening `/widget/` by hand.
    pub fn from_page() -> Self {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        // `URLSearchParams` takes any string; were it ever to throw, the defaults apply. (Not
        // `expect`: its message would format the `JsValue`, code shipped for a panic only.)
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
        let merchant = param("merchant").unwrap_or_else(|| "demo".into());
        let locale = param("locale").unwrap_or_else(|| "en".into());
        Self {
            lang: Lang::from_tag(&locale),
            merchant: merchant.into(),
        }
    }
}
