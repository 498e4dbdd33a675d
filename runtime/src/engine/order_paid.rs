//! What the shopper paid for an order they asked about ("and remind me what I paid for mine
//! again?", "1004我付了多少钱来着"): the order's total from the shop's records, beside its
//! status card, in the shopper's language. Pure; the record is the store's, the words the
//! message files'.

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
            "总共多少钱",
            "一共多少钱",
            "我付了多少",
            "付了多少钱",
            "花了多少",
            "实付多少",
            "订单金额",
            "一共付了",
        ],
    )
}

/// "Order 1004 came to $138.00." when `text` asks what was paid and `cards` show the status
/// of an order `orders` holds; `None` otherwise.
pub fn paid(cards: &[Card], orders: &[OrderRecord], text: &str, lang: Lang) -> Option<String> {
    if !asks_what_was_paid(text) {
        return None;
    }
    let shown = cards.iter().find_map(|c| match c {
        Card::OrderStatus { order_id, .. } => Some(order_id),
        _ => None,
    })?;
    let order = orders.iter().find(|o| &o.id == shown)?;
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
        for asked in ["cool, and what's the total on 1003 again?", "那一共多少钱"] {
            assert!(super::asks_what_was_paid(asked), "{asked}");
        }
        // Not asked, no status shown, or an order not on record: nothing added.
        assert_eq!(
            paid(&[status("1004")], &orders, "where is it?", Lang::En),
            None
        );
        assert_eq!(paid(&[], &orders, asked, Lang::En), None);
        assert_eq!(paid(&[status("1009")], &orders, asked, Lang::En), None);
    }
}
