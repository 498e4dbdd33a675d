//! Curly quotes as phones type them ("I’d rather", "isn’t mine") are read as straight ones by
//! the rules and the models, and stored as the shopper typed them: through the real engine,
//! model and store.

use std::sync::Arc;

use kefu_protocol::{Author, ConversationState};
use kefu_runtime::StoreData;
use kefu_runtime::engine::{Engine, ShopperInput, Turn};
use kefu_runtime::plugins::PluginHost;
use kefu_runtime::store::{DemoData, Store};

/// The conversation's state after `text`, the bot's reply, and the shopper's message as
/// stored.
async fn after(text: &str) -> (ConversationState, String, String) {
    let store = Store::in_memory().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let host = PluginHost::new(Arc::new(StoreData::new(store.clone()))).unwrap();
    let engine = Engine::new(
        store.clone(),
        kefu_runtime::default_classifier().unwrap(),
        Arc::new(host),
    );
    let conv = engine.open("demo", None, "en").await.unwrap();
    let turn = engine
        .turn("demo", &conv.id, ShopperInput::typed("m0", text))
        .await
        .unwrap();
    let Turn::Stored(messages) = turn else {
        panic!("{turn:?}");
    };
    let said = |author: Author| {
        messages
            .iter()
            .filter(|m| m.author == author)
            .map(|m| m.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let header = store.conversation("demo", &conv.id).await.unwrap().unwrap();
    (header.state, said(Author::Bot), said(Author::Shopper))
}

#[tokio::test(flavor = "multi_thread")]
async fn curly_quotes_are_read_straight_and_stored_as_typed() {
    // "you’re a bot, right?" is the question about who answers, as "you're a bot, right?" is:
    // answered honestly, nobody queued (read with the curly quote, it was taken as a request
    // for a person).
    for text in ["you're a bot, right?", "you\u{2019}re a bot, right?"] {
        let (state, bot, shopper) = after(text).await;
        assert_eq!(state, ConversationState::Bot, "{text}: {bot}");
        assert!(bot.contains("automated assistant"), "{text}: {bot}");
        assert_eq!(shopper, text);
    }
}
