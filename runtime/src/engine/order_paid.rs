//! What the shopper paid for an order they asked about ("and remind me what I paid for mine
//! again?", "1004我付了多少钱来着"), or what it holds ("what did I order again"): the order's
//! total or items from the shop's records, beside its status card, in the shopper's
//! language. The items only to the order's proven owner. Pure; the record is the store's,
//! the words the message files'.

use kefu_protocol::Card;

use super::language::mentions;
use super::replies::{Lang, Msg, say_with};
use crate::store::OrderRecord;

/// Whether `text` asks what the shopper paid for an order.
pub fn asks_what_was_paid(text: &str) -> bool {
    mentions(
        text,
        &[
            "what i paid",
            "what did i pay",
            "what i spent",
            "how much did i pay",
            "how much i paid",
            "how much did i spend",
            "how much was my order",
            "how much was the order",
            "order total",
            "total of my order",
            // "ok and what was the total on that one again"
            "what was the total",
            "what's the total",
            "whats the total",
            "the total on",
            // "ok and the total?".
            "and the total?",
            // "right. and what did that come to in total".
            "come to in total",
            "what did that come to",
            "what did it come to",
            // "and how much was it again".
            "how much was it again",
            "how much was that again",
            "how much it was again",
            "多少钱来着",
            "总共多少钱",
            "一共多少钱",
            "我付了多少",
            "付了多少钱",
            "花了多少",
            "实付多少",
            "订单金额",
            "一共付了",
        ],
    ) && !mentions(text, &["not what i paid"])
}

/// Whether `text` asks what an order holds ("what did i order again", "我买的是什么来着").
/// "not what I ordered" tells of a wrong item instead.
pub fn asks_what_was_ordered(text: &str) -> bool {
    mentions(
        text,
        &[
            "what did i order",
            "what did i even order",
            "what did i buy",
            "what i ordered again",
            "remind me what i ordered",
            "remind me what i actually ordered",
            "what i actually ordered",
            "remind me what i bought",
            "what was in my order",
            "what was in the order",
            // "and what was in that order again?".
            "what was in that order",
            "what's in that order",
            "whats in that order",
            "what was in it again",
            "what's in my order",
            "whats in my order",
            "what's in the order",
            "what items",
            // "can you just tell me what I ordered last and when it arrived".
            "tell me what i ordered",
            "what i ordered last",
            "what did i order last",
            // "一共买了几件来着".
            "一共买了几件",
            "买了几件来着",
            "几件来着",
            "which items",
            "我买了什么",
            "我买的什么",
            "我买的是什么",
            "我买了啥",
            "我订了什么",
            "我订的什么",
            "订单里有什么",
            "订单里是什么",
            "订单里有啥",
        ],
    ) && !mentions(text, &["not what i ordered", "wrong item"])
}

/// Whether `text` asks what was paid for an order or what it holds: either is told beside
/// the order's status.
pub fn asks_its_total_or_items(text: &str) -> bool {
    asks_what_was_paid(text) || asks_what_was_ordered(text)
}

/// What an order holds, beside its status: the items, or the email asked for first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Items {
    /// "Order 1004 holds Grey zip hoodie × 2."
    Told(String),
    /// The order is not proven the shopper's: its email is asked for, and the items told
    /// once it comes.
    NeedEmail(String),
}

/// What order shown in `cards` holds, when `text` asks it or the bot's `last_bot` message
/// asked the email for it ([`Items::NeedEmail`]) and the shopper proved the order theirs
/// since; `proven` says whether they did. `None` when not asked or nothing is shown.
pub fn ordered(
    cards: &[Card],
    orders: &[OrderRecord],
    text: &str,
    last_bot: Option<&str>,
    lang: Lang,
    proven: impl Fn(&str) -> bool,
) -> Option<Items> {
    let order = shown(cards, orders)?;
    let need_email = |lang| say_with(lang, Msg::OrderItemsNeedEmail, &[("order", &order.id)]);
    let asked_before = last_bot.is_some_and(|b| {
        [Lang::En, Lang::Zh]
            .iter()
            .any(|&l| b.contains(&need_email(l)))
    });
    if !asks_what_was_ordered(text) && !asked_before {
        return None;
    }
    if !proven(&order.id) {
        return Some(Items::NeedEmail(need_email(lang)));
    }
    let sep = match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    };
    let items = order
        .items
        .iter()
        .map(|i| format!("{} × {}", i.name, i.quantity))
        .collect::<Vec<_>>()
        .join(sep);
    Some(Items::Told(say_with(
        lang,
        Msg::OrderItems,
        &[("order", &order.id), ("items", &items)],
    )))
}

/// Whether `text` asks, in `lang`, for the email that shows what order `id` holds.
pub fn asks_email_for_items(text: &str, lang: Lang, id: &str) -> bool {
    text.contains(&say_with(lang, Msg::OrderItemsNeedEmail, &[("order", id)]))
}

/// The order whose status `cards` show, when `orders` holds it.
fn shown<'a>(cards: &[Card], orders: &'a [OrderRecord]) -> Option<&'a OrderRecord> {
    let id = cards.iter().find_map(|c| match c {
        Card::OrderStatus { order_id, .. } => Some(order_id),
        _ => None,
    })?;
    orders.iter().find(|o| &o.id == id)
}

/// "Order 1004 came to $138.00." when `text` asks what was paid and `cards` show the status
/// of an order `orders` holds; `None` otherwise.
pub fn paid(cards: &[Card], orders: &[OrderRecord], text: &str, lang: Lang) -> Option<String> {
    if !asks_what_was_paid(text) {
        return None;
    }
    let order = shown(cards, orders)?;
    let total = kefu_protocol::format_money(order.total_minor, &order.currency);
    Some(say_with(
        lang,
        Msg::OrderPaid,
        &[("order", &order.id), ("total", &total)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(order_id: &str) -> Card {
        Card::OrderStatus {
            order_id: order_id.into(),
            status: "delivered".into(),
            status_label: "delivered".into(),
            carrier: None,
            tracking_number: None,
            eta: None,
        }
    }

    fn order(id: &str, total_minor: u64) -> OrderRecord {
        OrderRecord {
            id: id.into(),
            email: "sam@example.com".into(),
            status: "delivered".into(),
            carrier: None,
            tracking_number: None,
            eta: None,
            delivered_on: None,
            total_minor,
            currency: "USD".into(),
            items: vec![],
            shipping_address: None,
        }
    }

    #[test]
    fn what_was_paid_is_the_total_of_the_order_shown() {
        let orders = [order("1004", 13_800), order("1003", 2_200)];
        let asked = "and remind me what I paid for mine again?";
        assert_eq!(
            paid(&[status("1004")], &orders, asked, Lang::En).as_deref(),
            Some("Order 1004 came to $138.00.")
        );
        let zh = paid(&[status("1003")], &orders, "1003我付了多少钱来着", Lang::Zh).unwrap();
        assert!(zh.contains("22.00"), "{zh}");
        for asked in [
            "cool, and what's the total on 1003 again?",
            "那一共多少钱",
            "and how much was it again",
        ] {
            assert!(super::asks_what_was_paid(asked), "{asked}");
        }
        // Not asked, no status shown, or an order not on record: nothing added.
        assert_eq!(
            paid(&[status("1004")], &orders, "where is it?", Lang::En),
            None
        );
        assert_eq!(paid(&[], &orders, asked, Lang::En), None);
        for asked in [
            "can you just tell me what I ordered last and when it arrived",
            "一共买了几件来着",
        ] {
            assert!(super::asks_what_was_ordered(asked), "{asked}");
        }
        assert_eq!(paid(&[status("1009")], &orders, asked, Lang::En), None);
    }

    #[test]
    fn what_an_order_holds_is_told_to_its_proven_owner_only() {
        let mut hoodies = order("1004", 13_800);
        hoodies.items = vec![crate::domain::OrderItem {
            sku: "HOOD-GRY-L".into(),
            name: "Grey zip hoodie".into(),
            quantity: 2,
        }];
        let orders = [hoodies];
        let shown = [status("1004")];
        let asked = "what did i order again";
        let told = |text: &str, last_bot: Option<&str>, lang, proven: bool| {
            ordered(&shown, &orders, text, last_bot, lang, |_| proven)
        };
        assert_eq!(
            told(asked, None, Lang::En, true),
            Some(Items::Told("Order 1004 holds Grey zip hoodie × 2.".into()))
        );
        let Some(Items::Told(zh)) = told("我买的是什么来着", None, Lang::Zh, true) else {
            panic!("told in Chinese")
        };
        assert!(zh.contains("Grey zip hoodie × 2"), "{zh}");
        // Not proven: the email is asked for, nothing of the order told…
        let Some(Items::NeedEmail(ask)) = told(asked, None, Lang::En, false) else {
            panic!("the email asked for")
        };
        assert!(ask.contains("email") && !ask.contains("hoodie"), "{ask}");
        // …and once it comes ("sam@example.com"), the items.
        assert!(matches!(
            told("sam@example.com", Some(&ask), Lang::En, true),
            Some(Items::Told(_))
        ));
        // A wrong item told, or nothing asked: nothing added.
        for text in ["this is not what i ordered", "where is it?"] {
            assert_eq!(told(text, None, Lang::En, true), None);
        }
        assert_eq!(ordered(&[], &orders, asked, None, Lang::En, |_| true), None);
    }
}
