//! What a question about a product asks: its price, its stock, or how it fits. The runtime's
//! decision and the browser's FAQ answering both ask, so that a fit question is the shop's
//! sizing advice on both sides and a price or stock question the product's card.

/// Whether lower-cased `text` contains any of `words`.
fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// Whether a product question is about stock rather than details.
pub fn asks_about_stock(text: &str) -> bool {
    mentions(
        text,
        &[
            "in stock",
            "available",
            "availability",
            "sold out",
            "back in",
            "do you have",
            "got left",
            "have left",
            "any left",
            "many left",
            // "ok might grab 2 then, are there enough left?" (not a gift card's balance).
            "are there enough left",
            "enough of them left",
            "有货",
            "还剩",
            "剩几",
            "剩多少",
            "还有几件",
            "还有多少件",
            "有没有",
            "库存",
            "还有吗",
            "补货",
            "缺货",
            "售罄",
            // "when's the steel bottle coming back?"
            "coming back",
            "restock",
            // "u still got the grey zip hoodie? need a M before it's gone"
            "still got",
            // "any Ls left or am I too late"
            "ls left",
            "ms left",
            "xls left",
            "left or am i",
            "still have the",
            "still have any",
            "before it's gone",
            "before its gone",
            "before they're gone",
            "before it sells out",
            "before they sell out",
        ],
    )
}

/// Whether `text` asks what something costs ("how much is it btw", "多少钱一件").
pub fn asks_the_price(text: &str) -> bool {
    mentions(
        text,
        &[
            "how much",
            "price",
            "cost",
            "多少钱",
            "价格",
            "价钱",
            "几块",
        ],
    )
}

/// Whether a product question is about its fit or which size to take ("does the tee run big
/// or small?", "is the hoodie true to size?", "卫衣偏大还是偏小？我平时穿L"): the shop's
/// sizing advice answers it, which a product's details do not hold.
pub fn asks_about_fit(text: &str) -> bool {
    mentions(
        text,
        &[
            "run big",
            "runs big",
            "run small",
            "runs small",
            "run large",
            "runs large",
            "true to size",
            "what size",
            "which size",
            "size should i",
            "size up",
            "size down",
            "sizing",
            "size guide",
            "size chart",
            "how does it fit",
            "how do they fit",
            "fit big",
            "fit small",
            "fits big",
            "fits small",
            "偏大",
            "偏小",
            "尺码怎么选",
            "选什么码",
            "穿什么码",
            "买什么码",
            "码数",
            "尺码表",
            "合身吗",
            "正码",
            "loose fit",
            "actually loose",
            "loose enough",
            "is it loose",
            "宽松吗",
            "够宽松",
            "or fitted",
        ],
    ) || asks_how_it_fits(text)
}

/// Whether `text` asks how a named product fits ("how does the zip hoodie fit?", "will
/// the hoodie fit? I'm usually an L"), or tells the shopper's usual size to be matched.
fn asks_how_it_fits(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let asks = words
        .iter()
        .any(|w| matches!(*w, "how" | "will" | "would" | "does" | "gonna"));
    // "hows the fit" typed without the apostrophe (not "hows it my fault it doesnt fit").
    let hows_the_fit = ["hows the fit", "hows it fit", "hows the sizing"]
        .iter()
        .any(|t| lower.contains(t));
    // Between two sizes ("im between M and L"; not "I'm between jobs").
    let between_sizes = ["i'm between ", "im between ", "i am between "]
        .iter()
        .any(|t| {
            lower.split(t).skip(1).any(|rest| {
                rest.split(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|w| {
                        matches!(w, "xs" | "s" | "m" | "l" | "xl" | "xxl" | "sizes")
                            || w.starts_with(|c: char| c.is_ascii_digit())
                    })
            })
        });
    (asks && words.contains(&"fit"))
        || hows_the_fit
        || between_sizes
        || [
            "i'm usually a",
            "im usually a",
            "i am usually a",
            "i usually wear",
            "i normally wear",
            "i usually take",
            "我平时穿",
            "平时穿",
        ]
        .iter()
        .any(|t| lower.contains(t))
}

/// Whether `text` asks only how a product fits or which size to take, not also its price or
/// stock (which the product's card holds).
pub fn asks_only_about_fit(text: &str) -> bool {
    asks_about_fit(text) && !asks_about_stock(text) && !asks_the_price(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_of_fit_is_told_from_one_of_price_or_stock() {
        assert!(asks_about_fit("does the tee run big or small?"));
        assert!(asks_about_fit("is the hoodie true to size?"));
        assert!(asks_about_fit("卫衣偏大还是偏小？我平时穿L"));
        assert!(asks_about_fit("Hi there, how does the zip hoodie fit?"));
        assert!(asks_about_fit("and will the hoodie fit? I'm usually an L"));
        assert!(!asks_about_fit("the hoodie doesn't fit, can I return it?"));
        assert!(!asks_about_fit("what is the hoodie made of?"));
        assert!(!asks_about_fit("do you have the hoodie in size M?"));
        assert!(asks_the_price(
            "hoodie sizing question - should i size up? and how much is it btw"
        ));
        assert!(asks_the_price("有机T恤多少钱一件 尺码偏大还是偏小"));
        assert!(!asks_the_price("卫衣偏大还是偏小？我平时穿L"));
        assert!(asks_only_about_fit("卫衣偏大还是偏小？我平时穿L"));
        assert!(!asks_only_about_fit("有机T恤多少钱一件 尺码偏大还是偏小"));
        assert!(asks_about_stock("is the cap in stock?"));
        assert!(asks_about_stock(
            "when's the steel bottle coming back? been refreshing the page every day"
        ));
    }

    #[test]
    fn how_many_are_left_asks_about_stock() {
        for text in [
            "how many grey hoodies have you got left? I need 4 for my team",
            "灰色卫衣还剩几件",
            "the navy cap, any left?",
        ] {
            assert!(asks_about_stock(text), "{text}");
        }
        assert!(!asks_about_stock("how many days does shipping take"));
    }
}
