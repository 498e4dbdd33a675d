//! kefu's reference catalog plugin: finds the product a shopper asks about and answers
//! what it is, what it costs and whether it is in stock, from the merchant's catalogue
//! (the `catalog` import). Prices and stock come from the catalogue only.
use kefu_plugin_sdk::{
    Action, Card, Description, Guest, PluginError, Product, ProductCard, Reply, Request, catalog,
    export_plugin, format_money,
};

struct Catalog;

fn name(p: &Product, zh: bool) -> &str {
    match (&p.name_zh, zh) {
        (Some(name), true) => name,
        _ => &p.name,
    }
}

fn card(p: &Product, zh: bool) -> Card {
    Card::Product(ProductCard {
        sku: p.sku.clone(),
        name: name(p, zh).to_string(),
        price_minor: p.price_minor,
        currency: p.currency.clone(),
        stock: p.stock,
    })
}

fn availability(p: &Product, zh: bool) -> String {
    let n = name(p, zh);
    match (p.stock, zh) {
        (0, false) => format!("The {n} is sold out right now."),
        (0, true) => format!("{n}目前已售罄。"),
        (1..=5, false) => format!("Yes, the {n} is in stock, but only {} left.", p.stock),
        (1..=5, true) => format!("{n}有货，仅剩{}件。", p.stock),
        (_, false) => format!("Yes, the {n} is in stock."),
        (_, true) => format!("{n}有货。"),
    }
}

fn info(p: &Product, zh: bool) -> String {
    let price = format_money(p.price_minor, &p.currency);
    if zh {
        let description = p.description_zh.as_deref().unwrap_or(&p.description);
        format!("{}：{}售价{price}。", name(p, zh), description)
    } else {
        format!("{}: {} {price}.", name(p, zh), p.description)
    }
}

impl Guest for Catalog {
    fn describe() -> Description {
        Description {
            intents: vec!["product_info".into(), "product_availability".into()],
            slots: vec![],
        }
    }

    fn handle(request: Request) -> Result<Reply, PluginError> {
        let zh = request.is_zh();
        let found =
            catalog::search(&request.text, 3).map_err(|e| e.into_plugin_error("product"))?;
        let Some(best) = found.first() else {
            return Err(PluginError::NotFound("product".into()));
        };
        let text = if request.intent == "product_availability" {
            availability(best, zh)
        } else if best.stock == 0 {
            // What it is, and that it cannot be bought now: a shopper asking about a
            // product usually means to buy it.
            let sep = if zh { "" } else { " " };
            format!("{}{sep}{}", info(best, zh), availability(best, zh))
        } else {
            info(best, zh)
        };
        Ok(Reply {
            text,
            cards: found.iter().map(|p| card(p, zh)).collect(),
            proposal: None,
        })
    }

    fn commit(_action: Action) -> Result<Reply, PluginError> {
        Err(PluginError::Internal(
            "the catalog plugin proposes no actions".into(),
        ))
    }
}

export_plugin!(Catalog);
