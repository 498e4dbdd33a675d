//! What one simulated shopper does for the length of a run, and what a flooder does.
//!
//! A shopper connects, says hello, plays one conversation from the mix with a think time
//! before every message, closes, and starts the next conversation on a new socket, until
//! the run's deadline or its `--turns`. A refusal with `rate_limited` is waited out
//! (`retry_after_secs`) and the same message resent under the same `client_msg_id`, as the
//! widget does; a socket the runtime closes is reopened and the conversation resumed from
//! the last `seq` seen (a reconnect), the message resent.
//!
//! A flooder sends message after message with no think time, ignores `retry_after_secs`,
//! and opens a new conversation whenever the runtime closes its socket.

use std::sync::Arc;
use std::time::{Duration, Instant};

use kefu_protocol::ClientMessage;

use crate::config::{LoadArgs, Mix};
use crate::conn::{Conn, Failure};
use crate::mix::{self, Kind, Rng, Step};
use crate::stats::Recorder;

/// How often one message is resent after `rate_limited` before the shopper gives up on it.
const MAX_ATTEMPTS: u32 = 5;
/// Wait after a refused connection or a limit without `retry_after_secs`.
const BACKOFF: Duration = Duration::from_secs(1);
/// A flooder's pause after a refused connection (a real one would not pause at all; this
/// keeps the client from spinning a core the server needs).
const FLOOD_BACKOFF: Duration = Duration::from_millis(50);

/// What every session of a run shares.
#[derive(Debug)]
pub struct Ctx {
    /// The run's arguments.
    pub args: LoadArgs,
    /// The chat socket's URL on each node; session i talks to the i-th mod n.
    pub urls: Vec<String>,
    /// Where sessions record.
    pub recorder: Arc<Recorder>,
    /// When the run started.
    pub start: Instant,
    /// When sessions stop starting turns.
    pub deadline: Instant,
}

impl Ctx {
    fn over(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Sleeps `d`, or until the deadline if sooner; false once the run is over.
    async fn sleep(&self, d: Duration) -> bool {
        let until = (Instant::now() + d).min(self.deadline);
        tokio::time::sleep_until(until.into()).await;
        !self.over()
    }

    fn seed(&self, index: usize, flooder: bool) -> Rng {
        let stream = (index as u64) << 1 | u64::from(flooder);
        Rng::new(
            self.args
                .seed
                .wrapping_mul(0x2545_F491_4F6C_DD1D)
                .wrapping_add(stream),
        )
    }

    async fn open(
        &self,
        (index, flooder): (usize, bool),
        locale: &str,
        resume: Option<(String, u64)>,
    ) -> Result<Conn, Failure> {
        let resuming = resume.is_some();
        let url = &self.urls[index % self.urls.len()];
        let opened = Conn::open(url, locale, resume, self.args.timeout).await;
        let r = &self.recorder;
        match &opened {
            Ok(_) => {
                r.opened();
                r.with(flooder, |g| {
                    if resuming {
                        g.reconnects += 1;
                    } else {
                        g.conversations += 1;
                    }
                });
            }
            Err(Failure::Limited(_)) => r.problem(flooder, |g| g.limited_connects += 1),
            Err(e) => r.problem(flooder, |g| g.error(e.code())),
        }
        opened
    }

    async fn close(&self, conn: Conn) {
        conn.close().await;
        self.recorder.closed();
    }
}

/// One well-behaved shopper, number `index` of the run.
pub async fn shopper(ctx: Arc<Ctx>, index: usize) {
    let mut rng = ctx.seed(index, false);
    let sessions = ctx.args.sessions.max(1) as u32;
    let offset = ctx.args.ramp / sessions * index as u32;
    if !ctx.sleep(offset).await {
        return;
    }
    let mut turns_left = ctx.args.turns.unwrap_or(u64::MAX);
    while !ctx.over() && turns_left > 0 {
        if ctx.args.mix == Mix::Idle {
            idle(&ctx, index).await;
            return;
        }
        let script = mix::script(&mut rng);
        let conn = match ctx.open((index, false), script.locale, None).await {
            Ok(conn) => conn,
            Err(Failure::Limited(wait)) => {
                ctx.sleep(wait.unwrap_or(BACKOFF)).await;
                continue;
            }
            Err(_) => {
                ctx.sleep(BACKOFF).await;
                continue;
            }
        };
        let mut contact_offered = false;
        let mut conn = Some(conn);
        for step in &script.steps {
            // Counts down over the whole session, so unique in every conversation it has.
            let id = format!("load-{turns_left}");
            let frame = match step {
                Step::Say(text) => ClientMessage::Say {
                    client_msg_id: id.clone(),
                    text: text.clone(),
                    locale: Some(script.locale.into()),
                    hint: None,
                },
                Step::ContactIfOffered { email, message } if contact_offered => {
                    ClientMessage::Contact {
                        client_msg_id: id.clone(),
                        email: email.clone(),
                        message: message.clone(),
                        locale: Some(script.locale.into()),
                    }
                }
                Step::ContactIfOffered { .. } => continue,
            };
            if turns_left == 0 || !ctx.sleep(ctx.args.think.at(rng.unit())).await {
                break;
            }
            let Some(c) = conn.take() else { break };
            turns_left -= 1;
            (conn, contact_offered) =
                turn(&ctx, index, c, (script.kind, script.locale), &frame, &id).await;
        }
        if let Some(c) = conn {
            ctx.close(c).await;
        }
    }
}

/// Plays one turn, waiting out limits and resuming after a lost socket; returns the socket
/// to go on with (none once it is lost for good) and whether a contact form was offered.
async fn turn(
    ctx: &Ctx,
    index: usize,
    mut conn: Conn,
    (kind, locale): (Kind, &str),
    frame: &ClientMessage,
    id: &str,
) -> (Option<Conn>, bool) {
    let r = &ctx.recorder;
    for _ in 0..MAX_ATTEMPTS {
        match conn.exchange(frame, id, ctx.args.timeout).await {
            Ok(answer) => {
                let sent_at = answer.sent.saturating_duration_since(ctx.start);
                let times = (answer.ack, answer.turn);
                r.turn(false, kind, times, sent_at, &conn.conversation);
                return (Some(conn), answer.contact_form);
            }
            Err(Failure::Limited(wait)) => {
                r.problem(false, |g| g.limited += 1);
                if !ctx.sleep(wait.unwrap_or(BACKOFF)).await {
                    return (Some(conn), false);
                }
            }
            Err(e @ (Failure::Closed | Failure::Timeout)) => {
                r.problem(false, |g| g.error(e.code()));
                let resume = Some((conn.conversation.clone(), conn.last_seq));
                conn.close().await;
                r.closed();
                match ctx.open((index, false), locale, resume).await {
                    // The same client_msg_id again: stored once, whatever reached the
                    // runtime before the socket went.
                    Ok(c) => conn = c,
                    Err(_) => return (None, false),
                }
            }
            Err(e) => {
                r.problem(false, |g| g.error(e.code()));
                return (Some(conn), false);
            }
        }
    }
    (Some(conn), false)
}

/// An idle shopper: connects, says hello and stays until the deadline.
async fn idle(ctx: &Ctx, index: usize) {
    while !ctx.over() {
        match ctx.open((index, false), "en", None).await {
            Ok(conn) => {
                tokio::time::sleep_until(ctx.deadline.into()).await;
                ctx.close(conn).await;
                return;
            }
            Err(_) => {
                ctx.sleep(BACKOFF).await;
            }
        }
    }
}

/// One flooding socket, number `index` of the run.
pub async fn flooder(ctx: Arc<Ctx>, index: usize) {
    let mut rng = ctx.seed(index, true);
    let r = &ctx.recorder;
    let pace =
        (ctx.args.flood_rate > 0.0).then(|| Duration::from_secs_f64(1.0 / ctx.args.flood_rate));
    while !ctx.over() {
        let mut conn = match ctx.open((index, true), "en", None).await {
            Ok(conn) => conn,
            Err(_) => {
                ctx.sleep(FLOOD_BACKOFF).await;
                continue;
            }
        };
        let mut next = Instant::now();
        loop {
            if let Some(pace) = pace {
                next += pace;
                if !ctx
                    .sleep(next.saturating_duration_since(Instant::now()))
                    .await
                {
                    break;
                }
            }
            if ctx.over() {
                break;
            }
            let id = conn.next_id();
            let frame = ClientMessage::Say {
                client_msg_id: id.clone(),
                text: mix::flood_message(&mut rng),
                locale: Some("en".into()),
                hint: None,
            };
            match conn.exchange(&frame, &id, ctx.args.timeout).await {
                Ok(a) => {
                    let sent_at = a.sent.saturating_duration_since(ctx.start);
                    r.turn(
                        true,
                        Kind::Faq,
                        (a.ack, a.turn),
                        sent_at,
                        &conn.conversation,
                    );
                }
                Err(Failure::Limited(_)) => r.problem(true, |g| g.limited += 1),
                Err(e @ (Failure::Closed | Failure::Timeout)) => {
                    r.problem(true, |g| g.error(e.code()));
                    break;
                }
                Err(e) => r.problem(true, |g| g.error(e.code())),
            }
        }
        ctx.close(conn).await;
    }
}
