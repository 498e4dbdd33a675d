// The kefu plugins page: plain JavaScript against the admin API's /v1/admin/plugins…
// A shop's administrator sees every plugin's versions (which one serves, the verdict of the
// replay that came before each deploy, the versions refused), reads a version's deploy
// report (calls that now fail by kind, changed answers with their diff, latency and memory
// of the new version against the one serving), and activates a version or rolls back.
//
// Like the reports page, it asks for an admin API key and keeps it in sessionStorage (this
// tab only; the two pages share it). Everything shown is built with textContent: a
// plugin's output is untrusted.

const $ = (id) => document.getElementById(id);
const KEY = 'kefu-admin-key';

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

async function api(method, path) {
  const res = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${sessionStorage.getItem(KEY) || ''}` },
  });
  if (res.status === 401) {
    showKey('That API key was not accepted: check it, or make one with `kefu merchant key`.');
    throw new Error('unauthorized');
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error((data && data.error) || `request failed (${res.status})`);
  return data;
}

function showKey(error = '') {
  $('plugins-view').hidden = true;
  $('key-view').hidden = false;
  $('key-error').textContent = error;
  $('api-key').focus();
}

const when = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const micros = (us) => (us === null || us === undefined ? '–' : `${(us / 1000).toFixed(2)} ms`);
const bytes = (b) => (b === null || b === undefined ? '–' : `${(b / 1_048_576).toFixed(2)} MiB`);
const words = (s) => s.replaceAll('_', ' ');

function verdict(v) {
  return v
    ? el('span', { class: `verdict ${v}`, 'data-testid': 'verdict', text: words(v) })
    : el('span', { class: 'muted', text: 'no replay (bundled)' });
}

function row(cells, header = false) {
  return el('tr', {}, ...cells.map((c) => {
    const cell = el(header ? 'th' : 'td');
    if (header) cell.setAttribute('scope', 'col');
    cell.append(c instanceof Node ? c : String(c));
    return cell;
  }));
}

function table(node, caption, head, rows) {
  node.replaceChildren(el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, row(head, true)), el('tbody', {}, ...rows.map((r) => row(r))));
}

/** Runs an activate or rollback, says what happened, and lists the versions again. */
async function act(path, done) {
  $('status').textContent = '';
  $('list-error').textContent = '';
  try {
    const activated = await api('POST', path);
    $('status').textContent = `${done}: ${activated.name} ${activated.version} serves now.`;
  } catch (e) {
    if (e.message !== 'unauthorized') $('list-error').textContent = e.message;
  }
  await load();
}

function render({ plugins, refused }) {
  const names = [...new Set([...plugins.map((p) => p.name), ...refused.map((r) => r.name)])].sort();
  $('plugins-empty').hidden = names.length > 0;
  $('plugins').replaceChildren(...names.map((name) => {
    const deployed = plugins.filter((p) => p.name === name);
    const serving = deployed.find((p) => p.active);
    const earlier = serving && deployed[deployed.indexOf(serving) + 1];
    const reportButton = (version) => el('button', {
      type: 'button', class: 'secondary', 'data-testid': 'open-report',
      'aria-label': `Deploy report of ${name} ${version}`,
      onclick: () => showReport(name, version),
    }, 'Report');
    const rows = [
      ...refused.filter((r) => r.name === name).map((r) => ({
        version: r.version, status: 'refused, not deployed', verdict: r.verdict, summary: r.summary,
        at: r.refused_at, actions: [reportButton(r.version)],
      })),
      ...deployed.map((p) => ({
        version: p.version,
        status: p.active ? el('span', { class: 'serving', text: 'serving' }) : 'deployed',
        verdict: p.verdict, summary: p.summary || '', at: p.deployed_at,
        actions: [
          p.verdict ? reportButton(p.version) : null,
          p.active ? null : el('button', {
            type: 'button', 'data-testid': 'activate',
            'aria-label': `Activate ${name} ${p.version}`,
            onclick: () => act(`/v1/admin/plugins/${encodeURIComponent(name)}/versions/${encodeURIComponent(p.version)}/activate`, 'Activated'),
          }, 'Activate'),
        ],
      })),
    ];
    const t = el('table', { class: 'table' });
    table(t, `Versions of ${name}`, ['Version', 'Status', 'Verdict', 'Summary', 'When', 'Actions'],
      rows.map((r) => [r.version, r.status, verdict(r.verdict), r.summary, when(r.at),
        el('span', {}, ...r.actions.filter(Boolean))]));
    t.querySelectorAll('tbody tr').forEach((tr, i) => {
      tr.dataset.testid = 'version';
      tr.dataset.version = rows[i].version;
    });
    const headingId = `plugin-${name}`;
    return el('section', { 'aria-labelledby': headingId, 'data-testid': `plugin-${name}` },
      el('h2', { id: headingId },
        name, ' ',
        el('span', { class: 'muted', text: serving ? `serving ${serving.version}` : 'nothing serving' })),
      t,
      earlier ? el('p', {}, el('button', {
        type: 'button', class: 'secondary', 'data-testid': 'rollback',
        onclick: () => act(`/v1/admin/plugins/${encodeURIComponent(name)}/rollback`, 'Rolled back'),
      }, `Roll back to ${earlier.version}`)) : null);
  }));
}

function diff(lines) {
  return el('pre', { class: 'diff', 'data-testid': 'diff' }, ...lines.map((l) => el('span', {
    class: l.startsWith('- ') ? 'del' : l.startsWith('+ ') ? 'add' : 'same', text: l,
  })));
}

async function showReport(name, version) {
  const box = $('report');
  box.hidden = false;
  $('report-title').textContent = `Deploy report: ${name} ${version}`;
  $('report-title').focus();
  for (const id of ['report-summary', 'report-counts', 'report-failures', 'report-performance',
    'report-method', 'report-calls']) $(id).replaceChildren();
  let r;
  try {
    r = await api('GET', `/v1/admin/plugins/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/report`);
  } catch (e) {
    $('report-summary').textContent = e.message;
    return;
  }
  $('report-summary').replaceChildren(verdict(r.verdict), ` ${r.summary}`);
  const counts = [
    ['Serving when replayed', r.serving_version || 'none (first deploy)'],
    ['Recorded calls', r.calls_recorded], ['Replayed', r.calls_replayed],
    ['Unchanged', r.unchanged], ['Changed answers', r.changed], ['Now fail', r.now_fail],
    ['Fixed', r.fixed], ['Still fail', r.still_fail], ['Diverged', r.diverged],
    ...Object.entries(r.skipped).map(([k, n]) => [`Skipped (${words(k)})`, n]),
    ['Replay took', `${r.replay_millis} ms`], ['When', when(r.created_at)],
  ];
  $('report-counts').replaceChildren(...counts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]));
  const kinds = Object.entries(r.now_fail_by_kind);
  table($('report-failures'), 'Calls that now fail, by kind', ['Kind', 'Calls'],
    kinds.length ? kinds.map(([k, n]) => [words(k), n]) : [['none', 0]]);
  $('report-failures').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (kinds[i]) tr.dataset.testid = `fails-${kinds[i][0]}`;
  });
  const perf = r.performance;
  const side = (f) => (f ? [f.version, f.calls, micros(f.p50_micros), micros(f.p99_micros), bytes(f.peak_memory)] : null);
  table($('report-performance'), 'Latency and memory, new version against the serving one',
    ['', 'Version', 'Calls', 'p50', 'p99', 'Peak memory'],
    [['new', ...(side(perf.new) || ['–', 0, '–', '–', '–'])],
      ['serving', ...(side(perf.serving) || ['none', 0, '–', '–', '–'])]]);
  $('report-method').textContent = `How: ${perf.method}.`;
  const calls = $('report-calls');
  if (!r.calls.length) calls.append(el('li', { class: 'muted', text: 'None: every replayed call answered as recorded.' }));
  for (const c of r.calls) {
    calls.append(el('li', { 'data-testid': 'report-call', 'data-change': c.change },
      el('strong', { text: words(c.change) }),
      c.failure ? el('span', { text: ` (${c.failure})` }) : null,
      el('span', { class: 'muted', text: ` call ${c.call_id} · ${c.export}${c.intent ? ` · ${c.intent}` : ''} · ${c.recorded_outcome} → ${c.outcome}` }),
      c.note ? el('div', { class: 'muted', text: c.note }) : null,
      c.diff.length ? diff(c.diff) : null));
  }
}

async function load() {
  try {
    render(await api('GET', '/v1/admin/plugins'));
  } catch (e) {
    if (e.message !== 'unauthorized') $('list-error').textContent = e.message;
  }
}

function start() {
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    $('key-view').hidden = true;
    $('plugins-view').hidden = false;
    load();
  });
  $('forget').addEventListener('click', () => { sessionStorage.removeItem(KEY); showKey(); });
  $('report-close').addEventListener('click', () => { $('report').hidden = true; });
  if (sessionStorage.getItem(KEY)) {
    $('plugins-view').hidden = false;
    load();
  } else {
    showKey();
  }
}

start();
