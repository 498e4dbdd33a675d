//! Several products asked about at once ("how much is the organic tee + the navy cap
//! together?"): their prices added up from the catalogue's cards, in the shopper's language.
//! Pure; the prices are the plugin's, the words the message files'.

use kefu_protocol::Card;

use super::language::{mentions, says_word};
use super::replies::{Lang, Msg, say_with};

/// Whether `text` asks what products cost together ("together", "in total", "一共多少").
pub fn asks_for_a_total(text: &str) -> bool {
    says_word(
        text,
        &["together", "total", "altogether", "combined", "both"],
    ) || mentions(
        text,
        &[
            "一共",
            "总共",
            "加起来",
            "加一起",
            "合计",
            "一起多少",
            "总价",
            // "what would that come to?", "how much all in".
            "come to",
            "comes to",
            "all in",
            "for everything",
        ],
    )
}

/// "Together: $51.00." when `text` asks the total of the two or more products `cards` show,
/// all priced in one currency; `None` otherwise.
pub fn together(cards: &[Card], text: &str, lang: Lang) -> Option<String> {
    let prices: Vec<(u64, &str)> = cards
        .iter()
        .filter_map(|c| match c {
            Card::Product {
                price_minor,
                currency,
                ..
            } => Some((*price_minor, currency.as_str())),
            _ => None,
        })
        .collect();
    let currency = prices.first()?.1;
    if prices.len() < 2 || prices.iter().any(|(_, c)| *c != currency) || !asks_for_a_total(text) {
        return None;
    }
    let total = kefu_protocol::format_money(prices.iter().map(|(p, _)| p).sum(), currency);
    Some(say_with(lang, Msg::ProductsTogether, &[("total", &total)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(sku: &str, price_minor: u64, currency: &str) -> Card {
        Card::Product {
            sku: sku.into(),
            name: sku.into(),
            price_minor,
            currency: currency.into(),
            stock: 1,
        }
    }

    #[test]
    fn products_asked_together_are_added_up_in_one_currency() {
        let cards = [product("TEE", 2900, "USD"), product("CAP", 2200, "USD")];
        let asked = "how much is the organic tee + the navy cap together?";
        assert_eq!(
            together(&cards, asked, Lang::En).as_deref(),
            Some("Together: $51.00.")
        );
        let zh = together(&cards, "T恤和帽子一共多少钱", Lang::Zh).unwrap();
        assert!(zh.contains("51.00"), "{zh}");
        let come_to =
            "the organic tee + the navy cap for my bf's birthday. what would that come to?";
        assert!(together(&cards, come_to, Lang::En).is_some());
        // Not asked, one product, or two currencies: nothing added.
        assert_eq!(
            together(&cards, "how much are the tee and the cap?", Lang::En),
            None
        );
        assert_eq!(together(&cards[..1], asked, Lang::En), None);
        let mixed = [product("TEE", 2900, "USD"), product("CAP", 2200, "EUR")];
        assert_eq!(together(&mixed, asked, Lang::En), None);
    }
}
