// The kefu reports page: plain JavaScript against the admin API's /v1/admin/analytics…
// (definitions of every figure: docs/analytics.md).
//
// Reports are for the shop's administrators, so the page asks for an admin API key (the
// same key the admin API takes) and keeps it in sessionStorage: this tab only. Every number
// is a button that lists the conversations behind it. Charts are uPlot (vendor/, loaded as
// a classic script before this module; it styles through the CSSOM, so the console's
// Content-Security-Policy needs no 'unsafe-inline'). Everything shown is built with
// textContent: shopper text is untrusted.

const $ = (id) => document.getElementById(id);
const KEY = 'kefu-admin-key';
const DAY = 86_400_000;

const state = { report: null, chart: null };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${sessionStorage.getItem(KEY) || ''}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status === 401) {
    showKey('That API key was not accepted: check it, or make one with `kefu merchant key`.');
    throw new Error('unauthorized');
  }
  const type = res.headers.get('content-type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error((data && data.error) || `request failed (${res.status})`);
  return data;
}

function query(extra = {}) {
  const q = new URLSearchParams({ from: $('from').value, to: $('to').value });
  if ($('lang').value) q.set('lang', $('lang').value);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) q.set(k, v);
  return q.toString();
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

function showKey(error = '') {
  $('report-view').hidden = true;
  $('key-view').hidden = false;
  $('key-error').textContent = error;
  $('api-key').focus();
}

function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  const min = ms / 60_000;
  if (min < 1) return `${Math.round(ms / 1000)} s`;
  if (min < 120) return `${Math.round(min)} min`;
  return `${(min / 60).toFixed(1)} h`;
}

const pct = (r) => (r === null || r === undefined ? '–' : `${Math.round(r * 1000) / 10}%`);

/** A number that opens the conversations behind it. */
function figure(text, label, drill, testid) {
  return el('button', {
    type: 'button',
    class: 'linkish',
    'data-testid': testid,
    'aria-label': `${text} ${label}: show the conversations`,
    onclick: () => showDrill(label, drill),
  }, String(text));
}

function tile(value, label, drill, testid) {
  return el('button', {
    type: 'button',
    class: 'tile',
    'data-testid': testid,
    onclick: () => showDrill(label, drill),
  }, el('span', { class: 'n', text: String(value) }), el('span', { class: 'l', text: label }));
}

async function showDrill(label, drill) {
  const list = $('drill-list');
  list.replaceChildren();
  $('drill').hidden = false;
  $('drill-title').textContent = `${label}: conversations`;
  $('drill-title').focus();
  let conversations;
  try {
    if (Array.isArray(drill)) {
      conversations = drill.map((id) => ({ conversation: id, day: '', lang: '', line: '' }));
    } else {
      conversations = (await api('GET', `/v1/admin/analytics/conversations?${query(drill)}`)).conversations;
    }
  } catch (e) {
    list.append(el('li', { class: 'error', text: e.message }));
    return;
  }
  if (!conversations.length) list.append(el('li', { class: 'muted', text: 'None.' }));
  for (const c of conversations) {
    list.append(el('li', { 'data-testid': 'drill-item', 'data-conversation': c.conversation },
      el('a', {
        href: `/console#conversation=${encodeURIComponent(c.conversation)}`,
        'data-testid': 'drill-open',
        'aria-label': `Open conversation ${c.conversation} in the agent console`,
      }, el('code', { text: c.conversation })),
      c.day ? el('span', { class: 'muted', text: ` ${c.day} · ${c.lang}` }) : null,
      c.line ? el('div', { text: c.line }) : null));
  }
}

function row(cells, header = false) {
  return el('tr', {}, ...cells.map((c, i) => {
    const cell = el(header ? 'th' : 'td', i > 0 ? { class: 'num' } : {});
    if (header) cell.setAttribute('scope', 'col');
    cell.append(c instanceof Node ? c : String(c));
    return cell;
  }));
}

function table(id, caption, head, rows) {
  const t = $(id);
  t.replaceChildren(el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, row(head, true)), el('tbody', {}, ...rows.map((r) => row(r))));
}

function render(r) {
  const t = r.totals;
  $('tiles').replaceChildren(
    tile(t.conversations, 'Conversations', { metric: 'conversations' }, 'figure-conversations'),
    tile(t.involved, 'Bot involved', { metric: 'involved' }, 'figure-involved'),
    tile(t.resolved_confirmed, 'Resolved, confirmed', { metric: 'resolved_confirmed' }, 'figure-resolved_confirmed'),
    tile(t.resolved_assumed, 'Resolved, assumed', { metric: 'resolved_assumed' }, 'figure-resolved_assumed'),
    tile(pct(t.resolution_rate), 'Resolution rate', { metric: 'involved' }, 'figure-resolution_rate'),
    tile(t.resolution_withdrawn, 'Withdrawn', { metric: 'resolution_withdrawn' }, 'figure-resolution_withdrawn'),
    tile(t.unresolved, 'Unresolved', { metric: 'unresolved' }, 'figure-unresolved'),
    tile(t.resolution_pending, 'Pending (24 h)', { metric: 'resolution_pending' }, 'figure-resolution_pending'),
    tile(t.handoffs, 'Handoffs', { metric: 'handoffs' }, 'figure-handoffs'),
    tile(pct(t.handoff_rate), 'Handoff rate', { metric: 'handoffs' }, 'figure-handoff_rate'),
  );
  const h = r.handoffs;
  table('reasons', 'Handoffs by reason and by intent', ['Reason or intent', 'Handoffs'], [
    ...Object.entries(h.by_reason).map(([k, n]) => [k.replaceAll('_', ' '),
      figure(n, `Handoffs: ${k}`, { metric: 'handoffs', reason: k }, `reason-${k}`)]),
    ['nobody online (any reason)', figure(h.nobody_online, 'Handoffs while nobody was online', { metric: 'nobody_online' }, 'reason-nobody_online')],
    ...Object.entries(h.by_intent).map(([k, n]) => [`intent: ${k}`,
      figure(n, `Handoffs of ${k}`, { metric: 'handoffs', intent: k }, `handoff-intent-${k}`)]),
  ]);
  const c = r.csat;
  const csatRow = (name, s, metric) => [name, s.asked, figure(s.rated, `Rated, ${name}`, { metric }, `csat-${metric}`),
    pct(s.response_rate), s.average === null ? '–' : s.average.toFixed(2), s.satisfied];
  table('csat', 'Satisfaction', ['', 'Asked', 'Rated', 'Response rate', 'Average (1–5)', 'Rated 4–5'], [
    csatRow('bot only', c.bot_only, 'csat_bot_only'),
    csatRow('with a person', c.human, 'csat_human'),
  ]);
  const p = r.people;
  const human = { metric: 'human' };
  table('people', 'People', ['', 'Value'], [
    ['Conversations a person wrote in', figure(p.conversations, 'With a person', human, 'people-conversations')],
    ['… the bot never answered', figure(p.agent_only, 'Agent-only', { metric: 'agent_only' }, 'people-agent_only')],
    ['First response, median (business hours)', figure(duration(p.first_response.median_ms), 'First response', human, 'people-first_response')],
    ['Resolution, median (business hours)', figure(duration(p.resolution.median_ms), 'Resolution time', human, 'people-resolution')],
    ['Queue wait, median', figure(duration(p.queue_wait.median_ms), 'Queue wait', human, 'people-queue_wait')],
    ['Handoffs nobody claimed', figure(p.unclaimed, 'Unclaimed', { metric: 'unclaimed' }, 'people-unclaimed')],
    ['Reopened', figure(p.reopened, 'Reopened', { metric: 'reopened' }, 'people-reopened')],
    ['Messages by people', figure(p.agent_messages, 'With a person', human, 'people-agent_messages')],
  ]);
  table('intents', 'Per intent', ['Intent', 'Messages', 'Clarified', 'Not found', 'Unhelpful', 'Handoffs'],
    r.intents.map((i) => [i.intent,
      figure(i.volume, `Messages: ${i.intent}`, { metric: 'intent_volume', intent: i.intent }, `intent-${i.intent}-volume`),
      figure(i.clarifications, `Clarified: ${i.intent}`, { metric: 'clarifications', intent: i.intent }, `intent-${i.intent}-clarifications`),
      figure(i.not_found, `Not found: ${i.intent}`, { metric: 'not_found', intent: i.intent }, `intent-${i.intent}-not_found`),
      figure(i.unhelpful, `Unhelpful: ${i.intent}`, { metric: 'unhelpful', intent: i.intent }, `intent-${i.intent}-unhelpful`),
      figure(i.handoffs, `Handoffs: ${i.intent}`, { metric: 'handoffs', intent: i.intent }, `intent-${i.intent}-handoffs`)]));
  const money = (m) => Object.entries(m).map(([cur, v]) => `${(v / 100).toFixed(2)} ${cur}`).join(', ') || '–';
  table('plugins', 'Plugin versions', ['Plugin', 'Calls', 'Errors', 'p50', 'p99', 'Proposed', 'Committed'],
    r.plugins.map((x) => [`${x.plugin} ${x.version}`, x.calls,
      `${x.errors}${x.errors ? ` (${Object.entries(x.errors_by_kind).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
      x.p50_micros === null ? '–' : `${(x.p50_micros / 1000).toFixed(1)} ms`,
      x.p99_micros === null ? '–' : `${(x.p99_micros / 1000).toFixed(1)} ms`,
      money(x.proposed_minor), money(x.committed_minor)]));
  chart(r);
}

function chart(r) {
  state.chart?.destroy();
  state.chart = null;
  const box = $('chart');
  box.replaceChildren();
  if (!window.uPlot || !r.by_day.length) return;
  const days = r.by_day.map((d) => Date.parse(`${d.key}T00:00:00Z`) / 1000);
  const pick = (f) => r.by_day.map((d) => f(d));
  state.chart = new window.uPlot({
    width: Math.max(300, box.clientWidth - 16),
    height: 220,
    scales: { x: { time: true } },
    series: [
      {},
      { label: 'Conversations', stroke: '#1d2330', width: 2 },
      { label: 'Bot involved', stroke: '#0b5fff', width: 2 },
      { label: 'Resolved', stroke: '#137333', width: 2 },
      { label: 'Handoffs', stroke: '#b00020', width: 2 },
    ],
    axes: [{}, { label: 'conversations' }],
  }, [days, pick((d) => d.conversations), pick((d) => d.involved),
    pick((d) => d.resolved_confirmed + d.resolved_assumed), pick((d) => d.handoffs)], box);
}

async function unanswered() {
  const list = $('unanswered');
  list.replaceChildren();
  const { questions } = await api('GET', `/v1/admin/analytics/unanswered?${query()}`);
  $('unanswered-empty').hidden = questions.length > 0;
  questions.forEach((q, i) => {
    const id = `faq-answer-${i}`;
    const result = el('p', { class: 'muted', role: 'status' });
    const form = el('form', { hidden: true, 'data-testid': 'faq-form' },
      el('label', { for: id, class: 'visually-hidden', text: `Answer to “${q.question}”` }),
      el('textarea', { id, rows: 2, required: true, placeholder: 'The answer the bot should give…' }),
      el('button', { type: 'submit', text: 'Save as FAQ entry' }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const entry = await api('POST', '/v1/admin/faq', { ...q.faq, answer: $(id).value });
        form.hidden = true;
        result.textContent = `Saved as FAQ entry #${entry.id}: the bot answers it from now on.`;
      } catch (err) {
        result.textContent = err.message;
      }
    });
    list.append(el('li', { 'data-testid': 'unanswered-item' },
      el('strong', { text: q.question }), ' ',
      figure(q.count, `Asked: ${q.question}`, q.conversations, `unanswered-count-${i}`),
      el('span', { class: 'muted', text: ` time(s) · ${q.lang}${q.variants.length ? ` · also “${q.variants.join('”, “')}”` : ''}` }),
      ' ',
      el('button', { type: 'button', class: 'secondary', 'data-testid': 'faq-open',
        onclick: () => { form.hidden = false; $(id).focus(); } }, 'Answer this as an FAQ entry'),
      form, result));
  });
}

async function load() {
  $('report-error').textContent = '';
  try {
    state.report = await api('GET', `/v1/admin/analytics?${query()}`);
    render(state.report);
    await unanswered();
  } catch (e) {
    if (e.message !== 'unauthorized') $('report-error').textContent = e.message;
  }
}

async function exportCsv() {
  try {
    const csv = await api('GET', `/v1/admin/analytics/export.csv?${query()}`);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = el('a', { href: url, download: `kefu-report-${$('from').value}-${$('to').value}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    if (e.message !== 'unauthorized') $('report-error').textContent = e.message;
  }
}

function start() {
  const today = Date.now();
  $('to').value = iso(today);
  $('from').value = iso(today - 29 * DAY);
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    $('key-view').hidden = true;
    $('report-view').hidden = false;
    load();
  });
  $('filter').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('export').addEventListener('click', exportCsv);
  $('forget').addEventListener('click', () => { sessionStorage.removeItem(KEY); showKey(); });
  $('drill-close').addEventListener('click', () => { $('drill').hidden = true; });
  if (sessionStorage.getItem(KEY)) {
    $('report-view').hidden = false;
    load();
  } else {
    showKey();
  }
}

start();
