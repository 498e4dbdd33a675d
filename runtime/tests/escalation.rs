//! A policy topic raised while a person is already asked for: the bot stays silent, and the
//! conversation's handoff reason and priority say what the later message added, through the
//! real engine, model and store.

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;

use kefu_protocol::{Author, ConversationState};
use kefu_runtime::engine::{ShopperInput, Turn};

#[tokio::test(flavor = "multi_thread")]
async fn a_charge_disowned_while_waiting_adds_fraud_to_the_billing_error_without_a_word() {
    let (store, engine) = support::demo_engine().await;
    let conv = engine.open("demo", None, "en").await.unwrap();
    let mut bot_said = Vec::new();
    for (i, text) in [
        "why was I charged twice for order 1003??",
        "the second charge isn't mine, I only paid once",
        "hello? the second charge isn't mine",
    ]
    .into_iter()
    .enumerate()
    {
        let turn = engine
            .turn("demo", &conv.id, ShopperInput::typed(format!("m{i}"), text))
            .await
            .unwrap();
        let Turn::Stored(messages) = turn else {
            panic!("{turn:?}");
        };
        bot_said.push(messages.iter().filter(|m| m.author == Author::Bot).count());
        let header = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        assert_eq!(header.state, ConversationState::WaitingForHuman);
        let reason = header.handoff_reason.unwrap();
        if i == 0 {
            assert_eq!(
                reason,
                "policy: billing error (charged twice or the wrong amount)"
            );
        } else {
            // Added once, not again for the same topic.
            assert_eq!(
                reason,
                "policy: billing error (charged twice or the wrong amount); \
                 then policy: fraud or a charge the shopper does not recognise"
            );
        }
        assert_eq!(header.priority, 2);
    }
    // The handoff answered the first message; the later ones are for the person.
    assert_eq!(bot_said, [1, 0, 0]);
}
