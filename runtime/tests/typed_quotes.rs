//! Curly quotes as phones type them ("I’d rather", "isn’t mine") are read as straight ones by
//! the rules and the models, and stored as the shopper typed them: through the real engine,
//! model and store.

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;

use kefu_protocol::{Author, ConversationState};
use kefu_runtime::engine::{ShopperInput, Turn};

/// The conversation's state after `text`, the bot's reply, and the shopper's message as
/// stored.
async fn after(text: &str) -> (ConversationState, String, String) {
    let (store, engine) = support::demo_engine().await;
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
