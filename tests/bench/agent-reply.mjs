// How long an agent's reply takes to reach the shopper, and what a console login costs.
// Starts a real kefu (KEFU_BIN or target/debug/kefu, fresh data directory); a shopper
// socket asks for a person; the demo agent logs in, claims, and sends 50 replies; each is
// timed from the start of the reply request to the frame arriving on the shopper's socket
// (so it includes the SQLite commit with synchronous=FULL and the bus).
//
//   node --experimental-websocket tests/bench/agent-reply.mjs   (Node 20; 22+ needs no flag)
import { startKefu } from '../e2e/harness.mjs';

const kefu = await startKefu();
const base = kefu.url;
try {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/v1/chat/demo`);
  const frames = [];
  let waiter = null;
  ws.onmessage = (e) => { const f = JSON.parse(e.data); frames.push(f); waiter?.(f); };
  const next = (pred) => new Promise((resolve) => {
    const seen = frames.find(pred);
    if (seen) { resolve(seen); return; }
    waiter = (f) => { if (pred(f)) { waiter = null; resolve(f); } };
  });
  await new Promise((r) => { ws.onopen = r; });
  ws.send(JSON.stringify({ type: 'hello', version: 1 }));
  const { conversation_id: id } = await next((f) => f.type === 'welcome');
  ws.send(JSON.stringify({ type: 'say', client_msg_id: 'a', text: 'human please' }));
  await next((f) => f.type === 'message' && f.author === 'bot');

  const logins = [];
  let cookie;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/v1/agent/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@demo.kefu', password: 'kefu-demo' }),
    });
    logins.push(performance.now() - t0);
    cookie = res.headers.get('set-cookie').split(';')[0];
  }
  const headers = { cookie, 'content-type': 'application/json' };
  await fetch(`${base}/v1/agent/conversations/${id}/claim`, { method: 'POST', headers });
  await next((f) => f.type === 'message' && f.agent);
  const replies = [];
  for (let i = 0; i < 50; i++) {
    const text = `reply ${i}`;
    const t0 = performance.now();
    const arrived = next((f) => f.type === 'message' && f.text === text);
    await fetch(`${base}/v1/agent/conversations/${id}/reply`, { method: 'POST', headers, body: JSON.stringify({ text }) });
    await arrived;
    replies.push(performance.now() - t0);
  }
  ws.close();
  const stats = (xs) => {
    xs.sort((a, b) => a - b);
    const at = (q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(2);
    return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${xs[xs.length - 1].toFixed(2)} ms`;
  };
  console.log(`console login (argon2id verify + session), ${logins.length}: ${stats(logins)}`);
  console.log(`agent reply -> shopper socket, ${replies.length}: ${stats(replies)}`);
} finally {
  await kefu.stop();
}
