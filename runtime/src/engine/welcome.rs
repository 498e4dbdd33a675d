//! The panel's welcome: the shop's name, a greeting and a few questions to ask, in the
//! shopper's language. The merchant rewords the greeting and the questions like any other
//! line (`welcome`, `suggestions`: one question a line) through the admin API; otherwise
//! the defaults in [`super::replies`] apply. It is panel text, sent with the chat's welcome
//! frame: never stored, never a message of the conversation.
//!
//! The welcome also carries what the panel may do on the shopper's device
//! ([`OnDeviceConfig`]): the merchant's switches, the FAQ entries they marked public in the
//! shopper's language, and the intents their plugins answer (which the FAQ does not).
//! Nothing in it is secret: it is what the shop's help pages say anyway.

use kefu_protocol::{Lang, MAX_SUGGESTIONS, OnDeviceConfig, PanelWelcome, PublicFaq};

use super::Engine;
use super::replies::{Line, text};
use crate::store::{FaqEntry, OnDevice, StoreError};

/// The welcome for a shop named `shop`, from the merchant's wordings of the greeting and of
/// the suggestions (when set) or the defaults in `lang`.
pub fn compose(
    shop: &str,
    greeting: Option<&str>,
    suggestions: Option<&str>,
    lang: Lang,
) -> PanelWelcome {
    let suggestions = suggestions.unwrap_or_else(|| text(Line::Suggestions, lang));
    PanelWelcome {
        shop: shop.to_string(),
        greeting: greeting
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .unwrap_or_else(|| text(Line::Welcome, lang))
            .to_string(),
        suggestions: suggestions
            .lines()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .take(MAX_SUGGESTIONS)
            .map(String::from)
            .collect(),
        on_device: None,
        brand: None,
    }
}

/// What the panel may do on the device: the merchant's switches, the `faq` entries marked
/// public in `lang`, and the intents the shop's plugins answer. `None` when both are off.
pub fn on_device(
    settings: &OnDevice,
    faq: &[FaqEntry],
    served: Vec<String>,
    lang: Lang,
) -> Option<OnDeviceConfig> {
    if !settings.answers && !settings.suggestions {
        return None;
    }
    let faq = faq
        .iter()
        .filter(|e| e.public && e.lang == lang.tag())
        .map(|e| PublicFaq {
            question: e.question.clone(),
            answer: e.answer.clone(),
            intent: e.intent.clone(),
        })
        .collect();
    Some(OnDeviceConfig {
        answers: settings.answers,
        suggestions: settings.suggestions,
        faq,
        served,
    })
}

/// Why the merchant's `suggestions` wording cannot be used as it is, if it cannot: more
/// questions than the panel shows.
pub fn check_suggestions(text: &str) -> Result<(), String> {
    let count = text.lines().filter(|q| !q.trim().is_empty()).count();
    if count > MAX_SUGGESTIONS {
        return Err(format!(
            "the panel suggests at most {MAX_SUGGESTIONS} questions, one a line; this has {count}"
        ));
    }
    Ok(())
}

impl Engine {
    /// The welcome `merchant`'s panel shows in `lang`; `None` for an unknown merchant.
    pub async fn welcome(
        &self,
        merchant: &str,
        lang: Lang,
    ) -> Result<Option<PanelWelcome>, StoreError> {
        // One statement when nothing changed: the settings with the configuration's
        // version, and the configuration only if that moved ([`crate::store::MerchantConfig`]).
        let Some((settings, version)) = self.store.merchant_settings_and_version(merchant).await?
        else {
            return Ok(None);
        };
        let config = self.store.merchant_config(merchant, version).await?;
        let own = |line: Line| config.wording_of(line.key(), lang.tag());
        let greeting = own(Line::Welcome);
        let suggestions = own(Line::Suggestions);
        let mut welcome = compose(&settings.name, greeting, suggestions, lang);
        let mut served: Vec<String> = self
            .plugins
            .plugins_of(merchant)
            .iter()
            .flat_map(|p| p.manifest().plugin.intents.clone())
            .collect();
        served.sort();
        served.dedup();
        welcome.on_device = on_device(&settings.on_device, &config.faq, served, lang);
        welcome.brand = super::brand::panel_brand(&settings.brand);
        Ok(Some(welcome))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(question: &str, lang: &str, public: bool) -> FaqEntry {
        FaqEntry {
            id: 1,
            question: question.into(),
            answer: format!("answer to {question}"),
            lang: lang.into(),
            intent: None,
            public,
        }
    }

    #[test]
    fn only_public_entries_in_the_shoppers_language_reach_the_browser() {
        let faq = [
            entry("public en", "en", true),
            entry("private en", "en", false),
            entry("public zh", "zh", true),
        ];
        let config = on_device(
            &OnDevice::default(),
            &faq,
            vec!["track_order".into()],
            Lang::En,
        )
        .expect("on by default");
        let questions: Vec<_> = config.faq.iter().map(|e| e.question.as_str()).collect();
        assert_eq!(questions, ["public en"]);
        assert_eq!(config.served, ["track_order"]);
        assert!(config.answers && config.suggestions);
    }

    #[test]
    fn a_merchant_who_turns_both_off_ships_nothing() {
        let off = OnDevice {
            answers: false,
            suggestions: false,
        };
        assert_eq!(
            on_device(&off, &[entry("q", "en", true)], vec![], Lang::En),
            None
        );
        let suggestions_only = OnDevice {
            answers: false,
            suggestions: true,
        };
        let config = on_device(&suggestions_only, &[], vec![], Lang::En).unwrap();
        assert!(!config.answers && config.suggestions);
    }

    #[test]
    fn defaults_greet_and_suggest_a_few_questions_in_each_language() {
        for lang in [Lang::En, Lang::Zh] {
            let w = compose("Harbour Outfitters", None, None, lang);
            assert_eq!(w.shop, "Harbour Outfitters");
            assert_eq!(w.greeting, text(Line::Welcome, lang));
            assert!(
                (3..=MAX_SUGGESTIONS).contains(&w.suggestions.len()),
                "{w:?}"
            );
        }
        let zh = compose("x", None, None, Lang::Zh);
        assert_eq!(zh.suggestions[0], "我的订单到哪了？");
    }

    #[test]
    fn the_merchants_wording_wins_one_question_a_line_at_most_four() {
        let w = compose(
            "Shop",
            Some("  Welcome to Shop!  "),
            Some("a?\n\n  b?  \nc?\nd?\ne?\n"),
            Lang::En,
        );
        assert_eq!(w.greeting, "Welcome to Shop!");
        assert_eq!(w.suggestions, ["a?", "b?", "c?", "d?"]);
        // A blank greeting is no greeting: the default stands.
        let blank = compose("Shop", Some("  "), None, Lang::En);
        assert_eq!(blank.greeting, text(Line::Welcome, Lang::En));
    }

    #[test]
    fn more_questions_than_the_panel_shows_are_refused_with_the_count() {
        assert!(check_suggestions("a?\nb?\n\nc?\nd?\n").is_ok());
        assert!(check_suggestions(text(Line::Suggestions, Lang::Zh)).is_ok());
        let e = check_suggestions("a\nb\nc\nd\ne").unwrap_err();
        assert!(e.contains("at most 4") && e.ends_with("has 5"), "{e}");
    }
}
