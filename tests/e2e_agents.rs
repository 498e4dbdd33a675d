//! People: agents claim, answer live, resolve with a rating; nobody online means a ticket;
//! an agent sees only their own shop.

use super::*;

/// One console API call as the browser makes it; returns (status, JSON body, Set-Cookie).
async fn api(
    rt: &Runtime,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value, Option<String>) {
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder().method(method).uri(path);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.to_string())),
        None => request.body(axum::body::Body::empty()),
    }
    .unwrap();
    let response = kefu_runtime::app::router(rt.app.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status().as_u16();
    let set_cookie = response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (status, json, set_cookie)
}

/// Logs in and returns the cookie to send back (`kefu_agent=…`).
async fn login(rt: &Runtime, email: &str, password: &str) -> String {
    let body = serde_json::json!({ "email": email, "password": password });
    let (status, json, cookie) = api(rt, "POST", "/v1/agent/login", None, Some(body)).await;
    assert_eq!(status, 200, "{json}");
    let cookie = cookie.expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_string()
}

/// Opens the console's live socket: the agent is online while it stays open.
async fn console_socket(rt: &Runtime, cookie: &str) -> Socket {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut request = format!("ws://{}/v1/agent/ws", rt.addr)
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("cookie", cookie.parse().unwrap());
    let (mut ws, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let ready = tokio::time::timeout(Duration::from_secs(10), ws.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(ready.to_text().unwrap().contains("\"ready\""), "{ready:?}");
    ws
}

/// The next pushed message on a shopper socket.
async fn pushed(ws: &mut Socket) -> kefu_protocol::ChatMessage {
    match recv(ws).await {
        ServerMessage::Message(m) => m,
        other => panic!("expected a pushed message, got {other:?}"),
    }
}

const DEMO_AGENT: (&str, &str) = ("agent@demo.kefu", "kefu-demo");

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_reply_reaches_the_shopper_live_and_the_rating_is_stored() {
    let rt = start(None).await;
    let cookie = login(&rt, DEMO_AGENT.0, DEMO_AGENT.1).await;
    let _console = console_socket(&rt, &cookie).await;
    let mut shopper = connect(&rt, "demo").await;
    let id = hello(&mut shopper, None, 0).await;
    let (_, _, bot) = turn(&mut shopper, "m1", "I want to talk to a human").await;
    assert_eq!(bot.state, ConversationState::WaitingForHuman);
    assert!(
        bot.text.contains("asked a member of our team"),
        "{}",
        bot.text
    );
    let (_, queue, _) = api(&rt, "GET", "/v1/agent/queue", Some(&cookie), None).await;
    assert_eq!(queue["queue"][0]["id"], id.as_str());
    assert_eq!(queue["queue"][0]["handoff_reason"], "asked for a human");

    let claim = format!("/v1/agent/conversations/{id}/claim");
    let (status, _, _) = api(&rt, "POST", &claim, Some(&cookie), None).await;
    assert_eq!(status, 200);
    let joined = pushed(&mut shopper).await;
    assert_eq!(joined.state, ConversationState::Human);
    assert_eq!(joined.agent.as_deref(), Some("Ada"));
    let (status, json, _) = api(&rt, "POST", &claim, Some(&cookie), None).await;
    assert_eq!(
        status, 409,
        "a claimed conversation cannot be claimed again: {json}"
    );

    let reply = serde_json::json!({ "text": "Hi, I'm Ada. Let me check that for you." });
    let path = format!("/v1/agent/conversations/{id}/reply");
    let (status, _, _) = api(&rt, "POST", &path, Some(&cookie), Some(reply)).await;
    assert_eq!(status, 200);
    let m = pushed(&mut shopper).await;
    assert_eq!((m.author, m.agent.as_deref()), (Author::Agent, Some("Ada")));
    assert_eq!(m.text, "Hi, I'm Ada. Let me check that for you.");

    // While a person is in charge the bot stays silent.
    send(&mut shopper, &say("m2", "thank you!")).await;
    assert!(
        matches!(recv(&mut shopper).await, ServerMessage::Ack { seq, through_seq, .. } if seq == through_seq)
    );
    assert_eq!(pushed(&mut shopper).await.author, Author::Shopper);

    let path = format!("/v1/agent/conversations/{id}/resolve");
    let (status, _, _) = api(&rt, "POST", &path, Some(&cookie), None).await;
    assert_eq!(status, 200);
    let resolved = pushed(&mut shopper).await;
    assert_eq!(resolved.state, ConversationState::Resolved);
    assert!(
        matches!(resolved.cards[..], [Card::Csat { scale: 5 }]),
        "{resolved:?}"
    );

    send(
        &mut shopper,
        &ClientMessage::Rate {
            client_msg_id: "r1".into(),
            score: 5,
            locale: None,
        },
    )
    .await;
    assert!(matches!(
        recv(&mut shopper).await,
        ServerMessage::Ack { .. }
    ));
    let view = format!("/v1/agent/conversations/{id}");
    let (_, json, _) = api(&rt, "GET", &view, Some(&cookie), None).await;
    assert_eq!(json["csat_score"], 5);
    assert_eq!(json["state"], "resolved");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_widget_that_reconnects_gets_agent_messages_it_missed_exactly_once() {
    let rt = start(None).await;
    let cookie = login(&rt, DEMO_AGENT.0, DEMO_AGENT.1).await;
    let _console = console_socket(&rt, &cookie).await;
    let mut shopper = connect(&rt, "demo").await;
    let id = hello(&mut shopper, None, 0).await;
    let (_, _, bot) = turn(&mut shopper, "m1", "human please").await;
    drop(shopper);
    let claim = format!("/v1/agent/conversations/{id}/claim");
    assert_eq!(api(&rt, "POST", &claim, Some(&cookie), None).await.0, 200);
    let path = format!("/v1/agent/conversations/{id}/reply");
    let reply = serde_json::json!({ "text": "Are you still there?" });
    assert_eq!(
        api(&rt, "POST", &path, Some(&cookie), Some(reply)).await.0,
        200
    );

    let mut shopper = connect(&rt, "demo").await;
    hello(&mut shopper, Some(id.clone()), bot.seq).await;
    let joined = pushed(&mut shopper).await;
    let reply = pushed(&mut shopper).await;
    assert_eq!((joined.seq, reply.seq), (bot.seq + 1, bot.seq + 2));
    assert_eq!(reply.text, "Are you still there?");
    // Live from here on, with nothing repeated.
    let path = format!("/v1/agent/conversations/{id}/reply");
    let reply = serde_json::json!({ "text": "Great." });
    assert_eq!(
        api(&rt, "POST", &path, Some(&cookie), Some(reply)).await.0,
        200
    );
    assert_eq!(pushed(&mut shopper).await.seq, bot.seq + 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn shopper_turns_and_agent_replies_interleaved_arrive_once_each_in_order() {
    let rt = start(None).await;
    let cookie = login(&rt, DEMO_AGENT.0, DEMO_AGENT.1).await;
    let _console = console_socket(&rt, &cookie).await;
    let mut shopper = connect(&rt, "demo").await;
    let id = hello(&mut shopper, None, 0).await;
    turn(&mut shopper, "m0", "human please").await;
    let claim = format!("/v1/agent/conversations/{id}/claim");
    assert_eq!(api(&rt, "POST", &claim, Some(&cookie), None).await.0, 200);
    // The agent answers ten times while the shopper writes ten messages.
    let agent = {
        let app = rt.app.clone();
        let id = id.clone();
        let cookie = cookie.clone();
        tokio::spawn(async move {
            let rt = Runtime {
                addr: "127.0.0.1:9".parse().unwrap(),
                data_dir: std::env::temp_dir().join("kefu-unused"),
                app,
            };
            let path = format!("/v1/agent/conversations/{id}/reply");
            for i in 0..10 {
                let body = serde_json::json!({ "text": format!("agent {i}") });
                assert_eq!(
                    api(&rt, "POST", &path, Some(&cookie), Some(body)).await.0,
                    200
                );
            }
            std::mem::forget(rt);
        })
    };
    for i in 0..10 {
        send(
            &mut shopper,
            &say(&format!("s{i}"), &format!("shopper {i}")),
        )
        .await;
    }
    agent.await.unwrap();
    // The ask and the handoff were read; then "joined" (3), ten agent replies, ten
    // shopper messages: 23 in all, none refused.
    let mut seqs = vec![];
    while seqs.last() != Some(&23) {
        match recv(&mut shopper).await {
            ServerMessage::Message(m) => seqs.push(m.seq),
            ServerMessage::Error { message, .. } => panic!("refused: {message}"),
            _ => {}
        }
    }
    assert_eq!(
        seqs,
        (3..=23).collect::<Vec<_>>(),
        "each message once, in order"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn with_nobody_online_the_shopper_gets_a_contact_form_and_a_ticket() {
    let rt = start(None).await;
    let mut shopper = connect(&rt, "demo").await;
    let id = hello(&mut shopper, None, 0).await;
    let (_, _, bot) = turn(&mut shopper, "m1", "I want to talk to a human").await;
    assert!(
        bot.text.contains("nobody from our team is available"),
        "{}",
        bot.text
    );
    assert!(
        matches!(&bot.cards[..], [Card::ContactForm { reply_within }] if reply_within == "within 24 hours")
    );
    let contact = |id: &str, email: &str| ClientMessage::Contact {
        client_msg_id: id.into(),
        email: email.into(),
        message: "My parcel is late".into(),
        locale: None,
    };
    send(&mut shopper, &contact("c1", "not an email")).await;
    let ServerMessage::Error { code, message, .. } = recv(&mut shopper).await else {
        panic!("expected a refusal")
    };
    assert_eq!(code, "bad_email");
    assert!(message.contains("email address"), "{message}");
    send(&mut shopper, &contact("c2", "jane@example.com")).await;
    assert!(matches!(
        recv(&mut shopper).await,
        ServerMessage::Ack { .. }
    ));
    pushed(&mut shopper).await;
    let confirmation = pushed(&mut shopper).await;
    assert!(
        confirmation.text.contains("Ticket #1"),
        "{}",
        confirmation.text
    );
    // The ticket is in the console.
    let cookie = login(&rt, DEMO_AGENT.0, DEMO_AGENT.1).await;
    let (_, json, _) = api(&rt, "GET", "/v1/agent/queue", Some(&cookie), None).await;
    assert_eq!(json["tickets"][0]["email"], "jane@example.com");
    assert_eq!(json["tickets"][0]["conversation_id"], id.as_str());
    assert_eq!(json["queue"][0]["has_ticket"], true);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_passwords_and_other_shops_conversations_are_refused() {
    let rt = start(None).await;
    let wrong = serde_json::json!({ "email": DEMO_AGENT.0, "password": "guess" });
    let (status, json, cookie) = api(&rt, "POST", "/v1/agent/login", None, Some(wrong)).await;
    assert_eq!(
        (status, json["error"].as_str()),
        (401, Some("wrong email or password"))
    );
    assert!(cookie.is_none());
    let (status, _, _) = api(&rt, "GET", "/v1/agent/queue", None, None).await;
    assert_eq!(status, 401, "no cookie, no queue");
    // Five wrong guesses lock the account for a while, even against the right password.
    for _ in 0..4 {
        let wrong = serde_json::json!({ "email": DEMO_AGENT.0, "password": "guess" });
        assert_eq!(
            api(&rt, "POST", "/v1/agent/login", None, Some(wrong))
                .await
                .0,
            401
        );
    }
    let right = serde_json::json!({ "email": "Agent@Demo.Kefu", "password": DEMO_AGENT.1 });
    let (status, json, _) = api(&rt, "POST", "/v1/agent/login", None, Some(right)).await;
    assert_eq!(status, 429, "{json}");
    let forged = "kefu_agent=0000";
    assert_eq!(
        api(&rt, "GET", "/v1/agent/queue", Some(forged), None)
            .await
            .0,
        401
    );

    // A demo conversation waiting for a person…
    let mut shopper = connect(&rt, "demo").await;
    let id = hello(&mut shopper, None, 0).await;
    turn(&mut shopper, "m1", "agent please").await;
    // …is invisible to another shop's agent.
    let store = &rt.app.store;
    store
        .load_demo(
            &kefu_runtime::store::DemoData::parse("[merchant]\nid = \"other\"\nname = \"Other\"\n")
                .unwrap(),
        )
        .await
        .unwrap();
    let hash = kefu_runtime::auth::hash_password("other-secret").unwrap();
    store
        .add_agent("other", "eve@other.test", "Eve", &hash)
        .await
        .unwrap();
    let eve = login(&rt, "eve@other.test", "other-secret").await;
    let (_, json, _) = api(&rt, "GET", "/v1/agent/queue", Some(&eve), None).await;
    assert_eq!(json["queue"], serde_json::json!([]));
    for (method, path) in [
        ("GET", format!("/v1/agent/conversations/{id}")),
        ("POST", format!("/v1/agent/conversations/{id}/claim")),
    ] {
        let (status, _, _) = api(&rt, method, &path, Some(&eve), None).await;
        assert_eq!(status, 404, "{method} {path}");
    }
    let note = serde_json::json!({ "text": "peeking" });
    let path = format!("/v1/agent/conversations/{id}/notes");
    assert_eq!(api(&rt, "POST", &path, Some(&eve), Some(note)).await.0, 404);
    // Logging out ends the session.
    let (status, _, cleared) = api(&rt, "POST", "/v1/agent/logout", Some(&eve), None).await;
    assert_eq!(status, 204);
    assert!(cleared.unwrap().contains("Max-Age=0"));
    assert_eq!(
        api(&rt, "GET", "/v1/agent/me", Some(&eve), None).await.0,
        401
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_relabelled_message_is_appended_to_the_training_file_and_an_answer_becomes_an_faq() {
    let rt = start(None).await;
    let cookie = login(&rt, DEMO_AGENT.0, DEMO_AGENT.1).await;
    let _console = console_socket(&rt, &cookie).await;
    let mut shopper = connect(&rt, "demo").await;
    let id = hello(&mut shopper, None, 0).await;
    let (_, asked, _) = turn(
        &mut shopper,
        "m1",
        "human, my parcel came\tbroken, write to jane@example.com",
    )
    .await;
    let path = format!("/v1/agent/conversations/{id}/messages/{}/label", asked.seq);
    let bad = serde_json::json!({ "label": "not_a_label" });
    assert_eq!(
        api(&rt, "POST", &path, Some(&cookie), Some(bad)).await.0,
        400
    );
    let good = serde_json::json!({ "label": "complaint" });
    assert_eq!(
        api(&rt, "POST", &path, Some(&cookie), Some(good.clone()))
            .await
            .0,
        200
    );
    assert_eq!(
        api(&rt, "POST", &path, Some(&cookie), Some(good)).await.0,
        409
    );
    // The demo shop's own file, the shopper's email masked.
    let path = rt.data_dir.join("train_agent_labels.demo.tsv");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        "complaint\thuman, my parcel came broken, write to [email]\n"
    );
    // The trainer reads it as it reads its own training files (`cargo xtask train --extra`).
    let examples = kefu_model::data::read_tsv(&path).unwrap();
    assert_eq!(examples.len(), 1);
    assert_eq!(
        Some(examples[0].label),
        kefu_model::data::label_index("complaint")
    );

    let faq = serde_json::json!({
        "question": "Do you ship to Canada?",
        "answer": "Yes, in 5 to 8 working days.",
        "lang": "en",
    });
    let (status, _, _) = api(&rt, "POST", "/v1/agent/faq", Some(&cookie), Some(faq)).await;
    assert_eq!(status, 200);
    let (_, json, _) = api(&rt, "GET", "/v1/agent/faq", Some(&cookie), None).await;
    let answers: Vec<&str> = json["faq"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["answer"].as_str())
        .collect();
    assert!(
        answers.contains(&"Yes, in 5 to 8 working days."),
        "{answers:?}"
    );
}
