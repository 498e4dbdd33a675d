//! The agent console's API (`/v1/agent/…`) and its live socket (`/v1/agent/ws`).
//!
//! Agents log in with email and password and get a session cookie (`HttpOnly`,
//! `SameSite=Strict`; over https `Secure` and named `__Host-kefu_agent`, so no other host
//! can set it); the console answers only to the public URL's host
//! ([`super::host_check`]). Every other route requires it and acts only
//! within the agent's own merchant: another merchant's conversation is a 404, exactly like
//! one that does not exist. Write requests take JSON bodies, which a cross-site form cannot
//! send, and the cookie is never sent cross-site, so there is no CSRF surface.
//!
//! The socket is the console's live feed and its presence: while it is open the agent
//! counts as online for their merchant (handoffs then go to the queue instead of the
//! contact form). It forwards the merchant's bus events as JSON; the console refreshes what
//! it shows from the API. All actions are plain HTTP requests, so each has a status and a
//! clear error.

use std::net::IpAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;

use super::AppState;
use super::error::ApiError;
use super::json::Json;
use super::login_throttle::{PASSWORD_CHECK_WAIT, PeerIp, Throttled};
use crate::auth;
use crate::store::Agent;

/// How long a console session lasts.
const SESSION_TTL_MS: i64 = 12 * 3600 * 1000;

fn please_log_in() -> ApiError {
    ApiError::unauthorized("please log in")
}

fn wrong_password() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "wrong_password",
        "wrong email or password",
    )
}

fn demo_login_disabled() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "demo_login_disabled",
        "the demo agent's password is published, so it only works in the demo \
         (`kefu serve --demo`); add a real agent with `kefu agent add`",
    )
}

/// The session token in cookie `name` (over https only the `__Host-` one counts: a cookie
/// without the prefix may have been set by another host or over plain http).
fn session_token<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
        .filter(|t| !t.is_empty())
}

/// The logged-in agent of a request.
#[derive(Debug)]
struct CurrentAgent(Agent);

impl FromRequestParts<AppState> for CurrentAgent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = session_token(&parts.headers, state.config.session_cookie())
            .ok_or_else(please_log_in)?;
        state
            .store
            .session_agent(&auth::token_hash(token))
            .await?
            // A session opened during a demo run ends when the runtime is not a demo.
            .filter(|agent| !state.config.demo_login_disabled(&agent.email))
            .map(CurrentAgent)
            .ok_or_else(please_log_in)
    }
}

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/agent/login", post(login))
        .route("/v1/agent/logout", post(logout))
        .route("/v1/agent/me", get(me))
        .route("/v1/agent/queue", get(queue))
        .route("/v1/agent/labels", get(labels))
        .route("/v1/agent/faq", get(faq_list).post(faq_add))
        .route("/v1/agent/conversations/{id}", get(conversation))
        .route("/v1/agent/conversations/{id}/claim", post(claim))
        .route("/v1/agent/conversations/{id}/reply", post(reply))
        .route("/v1/agent/conversations/{id}/notes", post(note))
        .route("/v1/agent/conversations/{id}/resolve", post(resolve))
        .route(
            "/v1/agent/conversations/{id}/messages/{seq}/label",
            post(label),
        )
        .route("/v1/agent/ws", get(live))
}

#[derive(Debug, Deserialize)]
struct Login {
    email: String,
    password: String,
}

/// The session cookie: `HttpOnly`, `SameSite=Strict`, for the whole host and no other
/// (no `Domain`); over https `Secure` and named with the `__Host-` prefix.
fn cookie(state: &AppState, token: &str, max_age_s: i64) -> String {
    let name = state.config.session_cookie();
    let secure = if state.config.https() { "; Secure" } else { "" };
    format!("{name}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_s}{secure}")
}

async fn login(
    State(state): State<AppState>,
    PeerIp(ip): PeerIp,
    Json(body): Json<Login>,
) -> Response {
    match login_inner(&state, ip, body).await {
        Ok(resp) => resp,
        Err(e) => e.into_response(),
    }
}

async fn login_inner(
    state: &AppState,
    ip: Option<IpAddr>,
    body: Login,
) -> Result<Response, ApiError> {
    if body.email.len() > 254 || body.password.len() > 1024 {
        return Err(wrong_password());
    }
    let account = body.email.trim().to_lowercase();
    // Counted before the password is checked: parallel guesses cannot multiply.
    match state.logins.begin(&account, ip) {
        Ok(()) => {}
        Err(Throttled::Account) => {
            crate::telemetry::refused("login");
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "too many failed logins for this account; try again in 15 minutes",
            ));
        }
        Err(Throttled::Address) => {
            crate::telemetry::refused("login");
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts_from_address",
                "too many failed logins from your network; try again in 15 minutes",
            ));
        }
    }
    if state.config.demo_login_disabled(&account) {
        tracing::info!("demo login refused outside the demo");
        return Err(demo_login_disabled());
    }
    let found = state.store.agent_credentials(&body.email).await?;
    let (agent, hash) = match found {
        Some((agent, hash)) => (Some(agent), Some(hash)),
        None => (None, None),
    };
    let password = body.password;
    // A few password checks at a time: a login flood queues here, not on the blocking pool
    // that plugin calls run on.
    let Ok(Ok(_permit)) =
        tokio::time::timeout(PASSWORD_CHECK_WAIT, state.logins.password_checks.acquire()).await
    else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "login_busy",
            "too many logins at once; try again in a few seconds",
        ));
    };
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, hash.as_deref()))
        .await
        .map_err(ApiError::internal)?;
    let Some(agent) = agent.filter(|_| ok) else {
        tracing::info!("console login refused");
        return Err(wrong_password());
    };
    state.logins.succeeded(&account, ip);
    let token = auth::new_token();
    state
        .store
        .create_session(agent.id, &auth::token_hash(&token), SESSION_TTL_MS)
        .await?;
    Ok((
        [(
            header::SET_COOKIE,
            cookie(state, &token, SESSION_TTL_MS / 1000),
        )],
        Json(json!({ "agent": agent })),
    )
        .into_response())
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = session_token(&headers, state.config.session_cookie()) {
        state.store.delete_session(&auth::token_hash(token)).await?;
    }
    Ok((
        [(header::SET_COOKIE, cookie(&state, "", 0))],
        StatusCode::NO_CONTENT,
    )
        .into_response())
}

async fn me(CurrentAgent(agent): CurrentAgent) -> Json<serde_json::Value> {
    Json(json!({ "agent": agent }))
}

/// `GET /v1/agent/queue?limit=N&after=CURSOR`: one page of the queue (50 entries unless
/// `limit` says up to 200), with `next` to pass as `after` for the following page (`null`
/// on the last), the newest tickets and the agents online.
#[derive(Debug, Deserialize)]
struct QueuePage {
    limit: Option<String>,
    after: Option<String>,
}

async fn queue(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    axum::extract::Query(page): axum::extract::Query<QueuePage>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let limit = match page.limit.as_deref() {
        None => 50,
        Some(n) => n
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=200).contains(n))
            .ok_or_else(|| {
                ApiError::unprocessable("bad_limit", "`limit` must be a number from 1 to 200")
            })?,
    };
    let after = page
        .after
        .as_deref()
        .map(str::parse::<crate::store::QueueCursor>)
        .transpose()
        .map_err(|()| {
            ApiError::bad_request(
                "bad_cursor",
                "`after` must be the `next` value of an earlier page",
            )
        })?;
    let store = &state.store;
    let (entries, next) = store
        .queue_page(&agent.merchant_id, after.as_ref(), limit)
        .await?;
    Ok(Json(json!({
        "queue": entries,
        "next": next.map(|c| c.to_string()),
        "tickets": store.tickets(&agent.merchant_id).await?,
        "agents_online": state.engine.bus().agents_online(&agent.merchant_id),
    })))
}

async fn labels(
    State(state): State<AppState>,
    CurrentAgent(_): CurrentAgent,
) -> Json<serde_json::Value> {
    Json(json!({ "labels": state.engine.labels() }))
}

async fn conversation(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let view = state.engine.conversation_view(&agent, &id).await?;
    Ok(Json(view).into_response())
}

async fn claim(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let messages = state.engine.claim(&agent, &id).await?;
    Ok(Json(json!({ "messages": messages })))
}

#[derive(Debug, Deserialize)]
struct Text {
    text: String,
}

async fn reply(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Path(id): Path<String>,
    Json(body): Json<Text>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let message = state.engine.agent_reply(&agent, &id, &body.text).await?;
    Ok(Json(json!({ "message": message })))
}

async fn note(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Path(id): Path<String>,
    Json(body): Json<Text>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let note = state.engine.add_note(&agent, &id, &body.text).await?;
    Ok(Json(json!({ "note": note })))
}

async fn resolve(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let messages = state.engine.resolve(&agent, &id).await?;
    Ok(Json(json!({ "messages": messages })))
}

#[derive(Debug, Deserialize)]
struct Label {
    label: String,
}

async fn label(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Path((id, seq)): Path<(String, u64)>,
    Json(body): Json<Label>,
) -> Result<Json<serde_json::Value>, ApiError> {
    if !state.engine.labels().contains(&body.label) {
        return Err(ApiError::bad_request(
            "unknown_label",
            format!("`{}` is not one of the model's labels", body.label),
        ));
    }
    let Some(text) = state
        .engine
        .label_message(&agent, &id, seq, &body.label)
        .await?
    else {
        return Err(ApiError::conflict(
            "already_labelled",
            "this message already has a training label",
        ));
    };
    state
        .training
        .append(&agent.merchant_id, &body.label, &text)
        .await
        .map_err(|e| ApiError::internal(format_args!("writing the training file: {e}")))?;
    Ok(Json(json!({ "label": body.label, "text": text })))
}

#[derive(Debug, Deserialize)]
struct NewFaq {
    question: String,
    answer: String,
    lang: String,
}

async fn faq_add(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
    Json(body): Json<NewFaq>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let question = crate::engine::agents::agent_text(&body.question)?;
    let answer = crate::engine::agents::agent_text(&body.answer)?;
    if !matches!(body.lang.as_str(), "en" | "zh") {
        return Err(ApiError::bad_request(
            "unsupported_lang",
            "lang must be `en` or `zh`",
        ));
    }
    // Saved from a conversation, it is answered by the runtime but not shipped to browsers
    // until the merchant marks it public (PUT /v1/admin/faq/{id}).
    let id = state
        .engine
        .save_faq(&agent, &body.lang, question, answer)
        .await?;
    Ok(Json(
        json!({ "faq": { "id": id, "question": question, "answer": answer, "lang": body.lang } }),
    ))
}

async fn faq_list(
    State(state): State<AppState>,
    CurrentAgent(agent): CurrentAgent,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(
        json!({ "faq": state.store.faq(&agent.merchant_id).await? }),
    ))
}

/// Whether a browser's `Origin` (if it sent one) is this server: refuses other sites'
/// pages opening the console socket with the agent's cookie.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host))
}

async fn live(
    ws: WebSocketUpgrade,
    State(state): State<AppState>,
    headers: HeaderMap,
    agent: Result<CurrentAgent, ApiError>,
) -> Response {
    if !same_origin(&headers) {
        return (
            StatusCode::FORBIDDEN,
            "cross-origin console socket refused\n",
        )
            .into_response();
    }
    let agent = match agent {
        Ok(CurrentAgent(agent)) => agent,
        Err(e) => return e.into_response(),
    };
    let session = session_token(&headers, state.config.session_cookie())
        .map(auth::token_hash)
        .unwrap_or_default();
    let guard = state.drain.guard();
    ws.on_upgrade(move |socket| async move {
        if let Err(e) = feed(socket, state, agent, session, guard).await {
            tracing::debug!(error = %e, "agent socket closed");
        }
    })
}

/// The socket's own event types, beside the bus's (`messages`, `changed`): the first frame,
/// and "you missed events, reload everything". The console compares against these words.
pub(super) const READY_EVENT: &str = "ready";
pub(super) const RESYNC_EVENT: &str = "resync";

/// How often an open console socket checks that its session still exists (logged out
/// elsewhere, expired).
const SESSION_RECHECK: Duration = Duration::from_secs(30);

async fn feed(
    mut socket: WebSocket,
    state: AppState,
    agent: Agent,
    session: String,
    mut drain: super::drain::DrainGuard,
) -> Result<(), axum::Error> {
    let bus = state.engine.bus().clone();
    let mut events = bus.subscribe_merchant(&agent.merchant_id);
    let _online = bus.agent_online(&agent.merchant_id);
    let _open = crate::telemetry::OpenSocket::new("agent");
    let ready = json!({ "type": READY_EVENT, "agent": agent }).to_string();
    socket.send(Message::Text(ready.into())).await?;
    let mut recheck = tokio::time::interval(SESSION_RECHECK);
    recheck.tick().await;
    loop {
        tokio::select! {
            // The runtime is stopping: the console reconnects (elsewhere, or once it is back).
            () = drain.stopping() => {
                super::drain::close_for_restart(&mut socket).await;
                return Ok(());
            }
            _ = recheck.tick() => {
                if !matches!(state.store.session_agent(&session).await, Ok(Some(_))) {
                    // Logged out or expired: no longer online, no more events.
                    return socket.send(Message::Close(None)).await;
                }
            }
            event = events.recv() => {
                let json = match event {
                    Ok(event) => serde_json::to_string(&event).expect("events serialise"),
                    // Missed some: the console reloads everything.
                    Err(RecvError::Lagged(_)) => json!({ "type": RESYNC_EVENT }).to_string(),
                    Err(RecvError::Closed) => return Ok(()),
                };
                socket.send(Message::Text(json.into())).await?;
            }
            incoming = socket.recv() => match incoming {
                // The console sends nothing but pings; anything else is ignored.
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return Ok(()),
                Some(Ok(_)) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{SECURE_SESSION_COOKIE, SESSION_COOKIE};

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "theme=dark; kefu_agent=abc123; other=1".parse().unwrap(),
        );
        assert_eq!(session_token(&headers, SESSION_COOKIE), Some("abc123"));
        assert_eq!(session_token(&headers, SECURE_SESSION_COOKIE), None);
        headers.insert(
            header::COOKIE,
            "kefu_agentx=1; kefu_agent=".parse().unwrap(),
        );
        assert_eq!(session_token(&headers, SESSION_COOKIE), None);
    }

    #[test]
    fn a_foreign_origin_is_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&headers));
        headers.insert(header::ORIGIN, "http://127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&headers));
        headers.insert(header::ORIGIN, "https://evil.example".parse().unwrap());
        assert!(!same_origin(&headers));
    }
}
