//! Two `kefu serve` processes sharing one PostgreSQL database and one NATS server, on
//! loopback, as a shop running two nodes behind a proxy would: a shopper on one node and an
//! agent on the other talk live both ways; an agent's console on one node counts as online
//! on the other; a node killed with SIGKILL mid-conversation loses nothing and repeats
//! nothing for the shopper who reconnects to the other; a plugin deployed through one node
//! serves on the other within a second; a killed node's consoles stop counting after three
//! heartbeats; nodes that lose NATS keep serving their own sockets and catch up once it is
//! back.
//!
//! Skipped (with a message) unless `KEFU_TEST_DATABASE` and `KEFU_TEST_NATS` name the
//! servers; `cargo xtask test` runs them with `scripts/postgres.sh run scripts/nats.sh run`.

#[path = "multinode/cluster.rs"]
mod cluster;

use std::time::{Duration, Instant};

use base64::Engine as _;
use cluster::{Agent, Cluster, NatsServer, Shopper, admin, services};
use kefu_protocol::{Author, Card};

/// How long a live message may take to cross from one node to the other on loopback.
const LIVE: Duration = Duration::from_secs(5);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shopper_on_one_node_and_an_agent_on_the_other_talk_live_both_ways() {
    let Some((db, nats)) = services() else { return };
    let cluster = Cluster::new("live", &db, &nats).await;
    let (a, b) = (cluster.node("a"), cluster.node("b"));
    let agent = Agent::login(&b).await;
    let mut console = agent.console(&b).await;

    // The shopper, on A, asks for a person: B's console hears of it.
    let mut shopper = Shopper::start(&a).await;
    let turn = shopper.say("m1", "I want to talk to a human").await;
    let handoff = turn.last().unwrap();
    assert_eq!(
        handoff.state,
        kefu_protocol::ConversationState::WaitingForHuman
    );
    assert!(
        !handoff
            .cards
            .iter()
            .any(|c| matches!(c, Card::ContactForm { .. })),
        "the agent online on B counts on A: {handoff:?}"
    );
    let conv = shopper.conversation.clone();
    assert!(
        console.heard(&conv, handoff.seq, LIVE).await,
        "B's console heard of the handoff"
    );

    // The agent, on B, claims and answers: the shopper on A sees both live.
    let path = format!("/v1/agent/conversations/{conv}");
    agent
        .post(&b, &format!("{path}/claim"), serde_json::json!({}))
        .await;
    let joined = shopper
        .pushed(LIVE, |m| m.state == kefu_protocol::ConversationState::Human)
        .await;
    assert!(joined.is_some(), "the claim reached the shopper on A");
    let started = Instant::now();
    let reply = "Hi, this is Ada. Which order is it about?";
    agent
        .post(
            &b,
            &format!("{path}/reply"),
            serde_json::json!({ "text": reply }),
        )
        .await;
    let seen = shopper.pushed(LIVE, |m| m.text == reply).await;
    let seen = seen.expect("the agent's reply reached the shopper on A live");
    assert_eq!(seen.author, Author::Agent);
    eprintln!("agent on B → shopper on A: {:?}", started.elapsed());

    // The shopper answers on A: B's console hears it and shows it from the store.
    let started = Instant::now();
    let turn = shopper.say("m2", "It is order 1001, thanks").await;
    assert!(
        console.heard(&conv, turn[0].seq, LIVE).await,
        "the shopper's reply reached the console on B"
    );
    eprintln!("shopper on A → console on B: {:?}", started.elapsed());
    let view = agent.get(&b, &path).await;
    let texts: Vec<&str> = view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert!(texts.contains(&"It is order 1001, thanks"), "{view}");
    console.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_console_on_one_node_counts_as_online_on_every_node() {
    let Some((db, nats)) = services() else { return };
    let cluster = Cluster::new("presence", &db, &nats).await;
    let (a, b) = (cluster.node("a"), cluster.node("b"));
    let agent = Agent::login(&a).await;
    assert_eq!(agent.online_seen_by(&a).await, 0);

    let console = agent.console(&b).await;
    let counted = poll(LIVE, || async { agent.online_seen_by(&a).await == 1 }).await;
    assert!(counted, "A counts the console open on B");
    assert_eq!(agent.online_seen_by(&b).await, 1, "B counts it once");
    // Handoffs on A promise a person, not the contact form.
    let mut shopper = Shopper::start(&a).await;
    let turn = shopper.say("m1", "I want to talk to a human").await;
    let cards = &turn.last().unwrap().cards;
    assert!(
        !cards.iter().any(|c| matches!(c, Card::ContactForm { .. })),
        "{cards:?}"
    );

    // A second console on A: the union of both nodes.
    let second = agent.console(&a).await;
    assert!(poll(LIVE, || async { agent.online_seen_by(&b).await == 2 }).await);
    assert_eq!(agent.online_seen_by(&a).await, 2);

    // Closed on B: A stops counting it at once, not at expiry.
    console.close().await;
    second.close().await;
    let gone = poll(Duration::from_secs(2), || async {
        agent.online_seen_by(&a).await == 0
    })
    .await;
    assert!(gone, "A stopped counting the closed consoles");
    let mut shopper = Shopper::start(&a).await;
    let turn = shopper.say("m1", "I want to talk to a human").await;
    let cards = &turn.last().unwrap().cards;
    assert!(
        cards.iter().any(|c| matches!(c, Card::ContactForm { .. })),
        "nobody is online anywhere: {cards:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_killed_mid_conversation_loses_and_repeats_nothing_for_the_shopper() {
    let Some((db, nats)) = services() else { return };
    let cluster = Cluster::new("kill", &db, &nats).await;
    let (a, b) = (cluster.node("a"), cluster.node("b"));
    let agent = Agent::login(&b).await;
    let _console = agent.console(&b).await;

    let mut shopper = Shopper::start(&a).await;
    shopper.say("m1", "where is my order 1001?").await;
    shopper.say("m2", "I want to talk to a human").await;
    let conv = shopper.conversation.clone();
    let path = format!("/v1/agent/conversations/{conv}");
    agent
        .post(&b, &format!("{path}/claim"), serde_json::json!({}))
        .await;
    agent
        .post(
            &b,
            &format!("{path}/reply"),
            serde_json::json!({ "text": "Ada here: looking at it" }),
        )
        .await;
    assert!(
        shopper
            .pushed(LIVE, |m| m.text == "Ada here: looking at it")
            .await
            .is_some(),
        "the reply reached A"
    );
    shopper
        .say("m3", "the parcel says delivered but nothing came")
        .await;

    // A message on its way when A dies: stored or not, it was never acknowledged.
    shopper.send("m4", "are you still there?").await;
    a.kill();
    // Meanwhile the agent goes on, on B.
    agent
        .post(
            &b,
            &format!("{path}/reply"),
            serde_json::json!({ "text": "Still here; opening a claim" }),
        )
        .await;

    // The widget reconnects, to B, from the last seq it showed, and sends its outbox again.
    shopper.reconnect(&b).await;
    shopper.send("m4", "are you still there?").await;
    shopper.acked("m4").await;
    shopper.say("m5", "thank you").await;
    let missed = shopper
        .shown
        .iter()
        .any(|m| m.text == "Still here; opening a claim");
    assert!(
        missed,
        "what was said while the shopper was away was replayed"
    );

    // The store and the shopper agree, message for message, and each send is there once.
    let stored = cluster.store.messages_after(&conv, 0).await.unwrap();
    assert_eq!(
        stored, shopper.shown,
        "the shopper saw exactly what was stored"
    );
    for id in ["m1", "m2", "m3", "m4", "m5"] {
        let count = stored
            .iter()
            .filter(|m| m.client_msg_id.as_deref() == Some(id))
            .count();
        assert_eq!(count, 1, "{id} stored {count} times");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plugin_deployed_through_one_node_serves_on_the_other_within_a_second() {
    let Some((db, nats)) = services() else { return };
    let cluster = Cluster::new("deploy", &db, &nats).await;
    let (a, b) = (cluster.node("a"), cluster.node("b"));
    let key = cluster.store.create_api_key("demo", "test").await.unwrap();
    let ask = "where is my order 1001?";

    // No plugin serves orders yet: the bot cannot look it up, on either node.
    let before = cluster::ask(&b, ask).await;
    let answered_by_plugin =
        |text: &str| text.contains("1001") && text.to_lowercase().contains("shipped");
    assert!(!answered_by_plugin(&before), "{before}");

    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let body = serde_json::json!({
        "manifest": std::fs::read_to_string(kefu_test_plugins::ORDERS_MANIFEST).unwrap(),
        "component": b64(&std::fs::read(kefu_test_plugins::ORDERS).unwrap()),
    });
    let (status, json) = admin(&a, "/v1/admin/plugins", &key, body).await;
    assert_eq!(status, 201, "{json}");
    let deployed = Instant::now();
    let mut answer = String::new();
    while deployed.elapsed() < Duration::from_secs(10) {
        answer = cluster::ask(&b, ask).await;
        if answered_by_plugin(&answer) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let took = deployed.elapsed();
    assert!(
        answered_by_plugin(&answer),
        "B never served the plugin: {answer}"
    );
    eprintln!("deployed on A, serving on B after {took:?}");
    assert!(took < Duration::from_secs(1), "B took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_nodes_consoles_stop_counting_after_three_heartbeats() {
    let Some((db, nats)) = services() else { return };
    let cluster = Cluster::new("expiry", &db, &nats).await;
    let (a, b) = (cluster.node("a"), cluster.node("b"));
    let agent = Agent::login(&a).await;
    let _console = agent.console(&b).await;
    assert!(poll(LIVE, || async { agent.online_seen_by(&a).await == 1 }).await);
    // SIGKILL: B says no goodbye, so A goes on counting its console until B is silent for
    // three heartbeats (6 s; B's last heartbeat was at most 2 s before).
    b.kill();
    let killed = Instant::now();
    assert_eq!(agent.online_seen_by(&a).await, 1, "forgotten before expiry");
    let gone = poll(Duration::from_secs(10), || async {
        agent.online_seen_by(&a).await == 0
    })
    .await;
    let after = killed.elapsed();
    assert!(
        gone,
        "A still counts the dead node's console after {after:?}"
    );
    assert!(
        after >= Duration::from_secs(3),
        "forgotten after only {after:?}"
    );
    eprintln!("a killed node's console stopped counting after {after:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_that_lose_nats_keep_serving_and_catch_up_once_it_is_back() {
    let Some((db, _)) = services() else { return };
    let mut nats = NatsServer::start();
    let cluster = Cluster::new("outage", &db, &nats.url()).await;
    let (a, b) = (cluster.node("a"), cluster.node("b"));
    let agent = Agent::login(&b).await;
    let _console = agent.console(&b).await;
    let mut shopper = Shopper::start(&a).await;
    shopper.say("m1", "I want to talk to a human").await;
    let path = format!("/v1/agent/conversations/{}", shopper.conversation);
    agent
        .post(&b, &format!("{path}/claim"), serde_json::json!({}))
        .await;
    let joined = shopper
        .pushed(LIVE, |m| m.state == kefu_protocol::ConversationState::Human)
        .await;
    assert!(joined.is_some(), "the nodes talk before the outage");

    // NATS goes away: each node still serves its own sockets.
    nats.stop();
    let turn = shopper.say("m2", "hello? anyone there?").await;
    assert_eq!(turn[0].text, "hello? anyone there?");
    let reply = "Sorry, we are here: your parcel left today";
    agent
        .post(
            &b,
            &format!("{path}/reply"),
            serde_json::json!({ "text": reply }),
        )
        .await;
    let early = shopper
        .pushed(Duration::from_millis(500), |m| m.text == reply)
        .await;
    assert!(early.is_none(), "the reply crossed without NATS");

    // NATS is back: the nodes reconnect on their own and A's socket catches up from the
    // store, with no new message and no reconnection of the shopper.
    nats.restart();
    let back = Instant::now();
    let caught_up = shopper
        .pushed(Duration::from_secs(15), |m| m.text == reply)
        .await;
    assert!(
        caught_up.is_some(),
        "the shopper never saw the reply sent during the outage"
    );
    eprintln!("caught up {:?} after NATS came back", back.elapsed());
    // And live again.
    let live = "Anything else I can do?";
    agent
        .post(
            &b,
            &format!("{path}/reply"),
            serde_json::json!({ "text": live }),
        )
        .await;
    assert!(shopper.pushed(LIVE, |m| m.text == live).await.is_some());
    let stored = cluster
        .store
        .messages_after(&shopper.conversation, 0)
        .await
        .unwrap();
    assert_eq!(stored, shopper.shown);
}

/// Whether `check` holds within `wait` (asked every 50 ms).
async fn poll<F, Fut>(wait: Duration, check: F) -> bool
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + wait;
    loop {
        if check().await {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
