//! The widget's protocol from a terminal (`kefu chat`), for trying a shop and for scripts.
//! It knows nothing of the command line: [`crate::cli::chat`] parses the arguments into
//! [`ChatOptions`].

use std::io::{BufRead, Write};

use anyhow::{Context, Result, bail};
use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{ChatMessage, ClientMessage, PROTOCOL_VERSION, ServerMessage};
use tokio_tungstenite::tungstenite::Message;

/// Whom to talk to and how to print the replies.
#[derive(Debug, Clone)]
pub struct ChatOptions {
    /// The shop to talk to.
    pub merchant: String,
    /// The runtime's URL (`http://…`; the socket URL is derived from it).
    pub url: String,
    /// One JSON object per reply instead of plain text.
    pub json: bool,
    /// The locale to announce.
    pub locale: String,
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn send(ws: &mut Socket, msg: &ClientMessage) -> Result<()> {
    ws.send(Message::Text(serde_json::to_string(msg)?.into()))
        .await
        .context("sending to the runtime")
}

async fn recv(ws: &mut Socket) -> Result<ServerMessage> {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(text))) => return Ok(serde_json::from_str(text.as_str())?),
            Some(Ok(Message::Close(_))) | None => bail!("the runtime closed the connection"),
            Some(Ok(_)) => continue,
            Some(Err(e)) => return Err(e).context("reading from the runtime"),
        }
    }
}

fn print_reply(out: &mut impl Write, m: &ChatMessage, json: bool) -> Result<()> {
    if json {
        let line = serde_json::json!({
            "seq": m.seq,
            "author": m.author,
            "text": m.text,
            "state": m.state,
            "intent": m.intent,
            "cards": m.cards,
        });
        writeln!(out, "{line}")?;
    } else {
        writeln!(out, "{}", m.text)?;
        for card in &m.cards {
            writeln!(out, "  [{}]", serde_json::to_string(card)?)?;
        }
    }
    Ok(())
}

/// Connects, then sends each stdin line as a shopper message and prints what answers it.
pub async fn run(args: ChatOptions) -> Result<()> {
    let base = args.url.trim_end_matches('/').replacen("http", "ws", 1);
    let url = format!("{base}/v1/chat/{}", args.merchant);
    let (mut ws, _) = tokio_tungstenite::connect_async(&url)
        .await
        .with_context(|| format!("connecting to {url} (is `kefu serve` running?)"))?;
    let hello = ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        conversation_id: None,
        last_seq: 0,
        locale: Some(args.locale.clone()),
        identity: None,
    };
    send(&mut ws, &hello).await?;
    match recv(&mut ws).await? {
        ServerMessage::Welcome { .. } => {}
        ServerMessage::Error { message, .. } => bail!("{message}"),
        other => bail!("unexpected first frame {other:?}"),
    }
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    for (n, line) in stdin.lines().enumerate() {
        let text = line.context("reading stdin")?;
        if text.trim().is_empty() {
            continue;
        }
        let id = format!("cli-{n}");
        let say = ClientMessage::Say {
            client_msg_id: id,
            text,
            locale: Some(args.locale.clone()),
            hint: None,
        };
        send(&mut ws, &say).await?;
        // The ack says which seq ends this turn; a refusal ends it with nothing stored.
        let through = loop {
            match recv(&mut ws).await? {
                ServerMessage::Ack { through_seq, .. } => break Some(through_seq),
                ServerMessage::Error { message, .. } => {
                    eprintln!("kefu: refused: {message}");
                    break None;
                }
                // Pushed while we were waiting (an agent's reply): show it too.
                ServerMessage::Message(m) if m.author != kefu_protocol::Author::Shopper => {
                    print_reply(&mut stdout, &m, args.json)?;
                }
                _ => continue,
            }
        };
        if let Some(through) = through {
            let mut answered = false;
            loop {
                let ServerMessage::Message(m) = recv(&mut ws).await? else {
                    continue;
                };
                if m.author != kefu_protocol::Author::Shopper {
                    print_reply(&mut stdout, &m, args.json)?;
                    answered = true;
                }
                if m.seq >= through {
                    if !answered && !args.json {
                        writeln!(
                            stdout,
                            "(no reply: the conversation is {})",
                            m.state.as_str()
                        )?;
                    }
                    break;
                }
            }
        }
        stdout.flush()?;
    }
    Ok(())
}
