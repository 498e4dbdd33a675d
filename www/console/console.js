// The kefu agent console: plain JavaScript against the runtime's /v1/agent API.
//
// Everything shown is built with textContent (never innerHTML): shopper text is untrusted.
// The live socket (/v1/agent/ws) is both the feed and the agent's presence: while it is
// open, handoffs of this merchant go to the queue instead of the contact form. Its events
// only say what changed; the console then reloads the queue and the open conversation from
// the API, so it can never drift from the store.

const $ = (id) => document.getElementById(id);

const state = {
  agent: null,
  open: null, // the conversation id shown
  view: null, // its last loaded view
  labels: [],
  socket: null,
  backoff: 500,
};

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  let data = null;
  try { data = await res.json(); } catch { /* empty body */ }
  if (res.status === 401 && path !== '/v1/agent/login') showLogin();
  if (!res.ok) throw new Error((data && data.error) || `request failed (${res.status})`);
  return data;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function since(ms) {
  if (!ms) return '';
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

function showLogin() {
  state.agent = null;
  state.socket?.close();
  $('app-view').hidden = true;
  $('whoami').hidden = true;
  $('login-view').hidden = false;
  $('login-email').focus();
}

async function showApp(agent) {
  state.agent = agent;
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('whoami').hidden = false;
  $('agent-name').textContent = `${agent.name} · ${agent.merchant_id}`;
  state.labels = (await api('GET', '/v1/agent/labels')).labels;
  connect();
  await loadQueue();
  // The reports page links a conversation here as #conversation=<id>.
  const linked = new URLSearchParams(location.hash.slice(1)).get('conversation');
  if (linked) await openConversation(linked);
}

// ---- live socket -------------------------------------------------------------------------

function connect() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/agent/ws`;
  const socket = new WebSocket(url);
  state.socket = socket;
  socket.onmessage = (e) => {
    const event = JSON.parse(e.data);
    if (event.type === 'ready') {
      state.backoff = 500;
      $('presence').textContent = 'online';
      $('presence').classList.add('online');
      document.body.dataset.online = 'true';
    }
    if (event.what === 'deleted' && event.conversation_id === state.open) {
      // The shopper deleted it (or the shop's retention period ended it): nothing to show.
      state.open = null;
      state.view = null;
      $('detail').hidden = true;
      $('action-error').textContent = 'The conversation you had open was deleted.';
    }
    refreshSoon(event.type === 'resync' || event.type === 'ready' ? null : event.conversation_id);
  };
  socket.onclose = () => {
    $('presence').textContent = 'offline';
    $('presence').classList.remove('online');
    document.body.dataset.online = 'false';
    if (state.agent && state.socket === socket) {
      setTimeout(connect, state.backoff);
      state.backoff = Math.min(state.backoff * 2, 8000);
    }
  };
}

let pending = null;
let pendingAll = false;
function refreshSoon(conversationId) {
  // Events come in bursts (a turn is two messages): reload once per burst.
  if (conversationId === null || conversationId === state.open) pendingAll = true;
  if (pending) return;
  pending = setTimeout(async () => {
    const all = pendingAll;
    pending = null;
    pendingAll = false;
    await loadQueue();
    if (all && state.open) await loadConversation(state.open);
  }, 50);
}

// ---- queue and tickets -------------------------------------------------------------------

// The queue comes in pages (`limit`, `after`, `next`). A refresh reloads as many entries
// as are shown (up to the API's 200); "Load more" appends the next page.
let queueNext = null;

function queueItem(q) {
  const mine = q.agent_id === state.agent?.id;
  const label = q.state === 'waiting_for_human'
    ? `waiting ${since(q.waiting_since)}`
    : `with ${q.agent_name ?? 'an agent'}${mine ? ' (you)' : ''}`;
  const button = el('button', {
    type: 'button',
    'aria-current': q.id === state.open ? 'true' : 'false',
    onclick: () => openConversation(q.id),
  },
  q.priority > 0 ? el('span', { class: 'prio', text: `P${q.priority}` }) : null,
  el('span', { class: 'reason', text: q.handoff_reason ?? 'asked for a human', 'data-testid': 'queue-reason' }),
  el('span', { class: 'muted', text: ` · ${label}${q.has_ticket ? ' · ticket' : ''}` }),
  el('span', { class: 'last', text: q.last_shopper_text ?? '' }));
  return el('li', { 'data-testid': 'queue-item', 'data-id': q.id, 'data-state': q.state }, button);
}

function showQueueMore(next) {
  queueNext = next ?? null;
  $('queue-more').hidden = !queueNext;
}

async function loadQueue() {
  const limit = Math.min(200, Math.max(50, $('queue').children.length));
  let data;
  try { data = await api('GET', `/v1/agent/queue?limit=${limit}`); } catch { return; }
  $('queue').replaceChildren(...data.queue.map(queueItem));
  showQueueMore(data.next);
  $('queue-empty').hidden = data.queue.length > 0;
  $('tickets').replaceChildren(...data.tickets.map((t) => el('li', { 'data-testid': 'ticket-item' },
    el('strong', { text: `#${t.id} ` }),
    el('span', { text: t.email }),
    t.message ? el('div', { text: t.message }) : null,
    el('button', { type: 'button', class: 'secondary', text: 'Open chat', onclick: () => openConversation(t.conversation_id) }))));
}

async function loadMoreQueue() {
  if (!queueNext) return;
  let data;
  try { data = await api('GET', `/v1/agent/queue?after=${encodeURIComponent(queueNext)}`); } catch { return; }
  $('queue').append(...data.queue.map(queueItem));
  showQueueMore(data.next);
}

// ---- one conversation --------------------------------------------------------------------

async function openConversation(id) {
  state.open = id;
  $('action-error').textContent = '';
  await loadConversation(id);
  await loadQueue();
}

function lastShopperBefore(messages, seq) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.seq < seq && m.author === 'shopper' && !['contact', 'csat'].includes(m.intent)) return m;
  }
  return null;
}

function isChinese(text) { return /[\u3400-\u9fff]/.test(text); }

function renderMessage(m, messages) {
  const who = m.author === 'agent' ? (m.agent ?? 'Agent') : m.author;
  const li = el('li', { class: m.author, 'data-testid': 'transcript-message', 'data-author': m.author, 'data-seq': m.seq },
    el('span', { class: 'who', text: who }),
    document.createTextNode(m.text));
  for (const card of m.cards ?? []) {
    const desc = {
      order_status: `[order ${card.order_id}: ${card.status}]`,
      quick_replies: `[buttons: ${(card.options ?? []).join(' | ')}]`,
      contact_form: '[contact form]',
      csat: '[rating question]',
    }[card.kind] ?? `[${card.kind}]`;
    li.append(el('span', { class: 'meta', text: desc }));
  }
  if (m.author === 'shopper' && m.intent && !['contact', 'csat'].includes(m.intent)) {
    const confidence = m.confidence == null ? '' : ` (${Math.round(m.confidence * 100)}%)`;
    const slots = (m.slots ?? []).map((s) => `${s.kind}=${s.value}`).join(', ');
    li.append(el('span', { class: 'meta', 'data-testid': 'intent', text: `intent: ${m.intent}${confidence}${slots ? ` · ${slots}` : ''}` }));
    li.append(m.label
      ? el('span', { class: 'meta', text: `taught as ${m.label}: these words are answered so from now on` })
      : teachForm(m));
  }
  if (m.author === 'agent') {
    const question = lastShopperBefore(messages, m.seq);
    if (question) {
      li.append(el('button', {
        type: 'button', class: 'secondary faq', text: 'Save as FAQ', 'data-testid': 'save-faq',
        onclick: async (e) => {
          try {
            await api('POST', '/v1/agent/faq', { question: question.text, answer: m.text, lang: isChinese(question.text) ? 'zh' : 'en' });
            e.target.textContent = 'Saved as FAQ';
            e.target.disabled = true;
          } catch (err) { $('action-error').textContent = err.message; }
        },
      }));
    }
  }
  return li;
}

function teachForm(m) {
  const select = el('select', { 'aria-label': 'Correct intent', 'data-testid': 'teach-label' },
    ...state.labels.map((l) => el('option', { value: l, text: l, selected: l === m.intent })));
  return el('span', { class: 'teach' }, select, el('button', {
    type: 'button', class: 'secondary', text: 'Teach', 'data-testid': 'teach',
    onclick: async () => {
      try {
        await api('POST', `/v1/agent/conversations/${state.open}/messages/${m.seq}/label`, { label: select.value });
        await loadConversation(state.open);
      } catch (err) { $('action-error').textContent = err.message; }
    },
  }));
}

async function loadConversation(id) {
  let v;
  try { v = await api('GET', `/v1/agent/conversations/${encodeURIComponent(id)}`); } catch (err) {
    $('action-error').textContent = err.message;
    return;
  }
  if (state.open !== id) return;
  state.view = v;
  const mine = v.state === 'human' && v.agent_id === state.agent.id;
  $('detail').hidden = false;
  $('detail').dataset.state = v.state;
  $('detail-title').textContent = `Conversation ${v.id.slice(0, 8)}`;
  $('detail-reason').textContent = v.handoff_reason ? `Escalated: ${v.handoff_reason}${v.priority ? ` (priority ${v.priority})` : ''}` : '';
  const sum = v.summary;
  const facts = [
    ...sum.orders.map((o) => `order ${o}`),
    ...sum.emails.map((e) => (e === sum.verified_email ? `${e} (verified)` : e)),
    ...(sum.verified_email && !sum.emails.includes(sum.verified_email) ? [`${sum.verified_email} (verified)`] : []),
    ...sum.amounts,
  ];
  const tried = sum.bot_answered.join(', ') + (sum.unhelpful_answers ? ` · ${sum.unhelpful_answers} unhelpful answer(s)` : '');
  $('summary').replaceChildren(...[
    ['Wants', sum.wants], ['Facts', facts.join(' · ')], ['Bot tried', tried], ['Handed off', sum.why],
  ].filter(([, value]) => value).flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]));
  $('detail-state').textContent = {
    bot: 'The bot is answering.',
    waiting_for_human: 'Waiting for a person: claim it to answer.',
    human: mine ? 'You are answering.' : 'Another agent is answering.',
    resolved: 'Resolved.',
  }[v.state];
  $('claim').hidden = v.state !== 'waiting_for_human';
  $('resolve').hidden = !mine;
  $('reply').hidden = !mine;
  $('suggestions').hidden = !mine;
  const transcript = $('transcript');
  transcript.replaceChildren(...v.messages.map((m) => renderMessage(m, v.messages)));
  transcript.scrollTop = transcript.scrollHeight;
  $('suggestions').replaceChildren(...v.suggestions.map((s) => el('button', {
    type: 'button', title: `from ${s.source}`, 'data-testid': 'suggestion', 'data-source': s.source, text: s.text,
    onclick: () => { $('reply-text').value = s.text; $('reply-text').focus(); },
  })));
  $('csat').textContent = v.csat_score ? `${'★'.repeat(v.csat_score)} (${v.csat_score} / 5)` : 'not rated';
  $('csat').dataset.score = v.csat_score ?? '';
  $('orders').replaceChildren(...(v.orders.length ? v.orders.map((o) => el('li', { 'data-testid': 'order' },
    el('strong', { text: `#${o.id} ` }),
    el('span', { 'data-testid': 'order-status', text: o.status }),
    el('div', { class: 'muted', text: [o.carrier, o.tracking_number, o.eta && `ETA ${o.eta}`].filter(Boolean).join(' · ') }),
    ...(o.delivered_on ? [el('div', { class: 'muted', 'data-testid': 'order-delivered', text: `delivered ${o.delivered_on}` })] : []),
    el('div', { class: 'muted', text: `${o.items.join(', ')} · ${(o.total_minor / 100).toFixed(2)} ${o.currency}` })))
    : [el('li', { class: 'muted', text: 'none mentioned' })]));
  $('ticket').textContent = v.ticket ? `#${v.ticket.id} · ${v.ticket.email}${v.ticket.message ? ` · ${v.ticket.message}` : ''}` : 'none';
  $('notes').replaceChildren(...v.notes.map((n) => el('li', { 'data-testid': 'note' },
    el('strong', { text: `${n.agent_name}: ` }), document.createTextNode(n.text))));
}

async function act(fn) {
  $('action-error').textContent = '';
  try { await fn(); } catch (err) { $('action-error').textContent = err.message; }
  if (state.open) await loadConversation(state.open);
  await loadQueue();
}

// ---- wiring ------------------------------------------------------------------------------

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('login-error').textContent = '';
  try {
    const { agent } = await api('POST', '/v1/agent/login', { email: $('login-email').value, password: $('login-password').value });
    $('login-password').value = '';
    await showApp(agent);
  } catch (err) {
    $('login-error').textContent = err.message;
  }
});

$('logout').addEventListener('click', async () => {
  const socket = state.socket;
  state.agent = null;
  socket?.close();
  try { await api('POST', '/v1/agent/logout'); } catch { /* logged out anyway */ }
  showLogin();
});

$('queue-more').addEventListener('click', () => loadMoreQueue());
$('claim').addEventListener('click', () => act(() => api('POST', `/v1/agent/conversations/${state.open}/claim`)));
$('resolve').addEventListener('click', () => act(() => api('POST', `/v1/agent/conversations/${state.open}/resolve`)));

$('reply').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('reply-text').value.trim();
  if (!text) return;
  act(async () => {
    await api('POST', `/v1/agent/conversations/${state.open}/reply`, { text });
    $('reply-text').value = '';
  });
});
$('reply-text').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('reply').requestSubmit(); }
});

$('note').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('note-text').value.trim();
  if (!text) return;
  act(async () => {
    await api('POST', `/v1/agent/conversations/${state.open}/notes`, { text });
    $('note-text').value = '';
  });
});

// Waiting times move on even when nothing happens.
setInterval(() => { if (state.agent) loadQueue(); }, 15_000);

(async () => {
  try {
    const { agent } = await api('GET', '/v1/agent/me');
    await showApp(agent);
  } catch {
    showLogin();
  }
})();
