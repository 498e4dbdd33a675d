// The plugins page, as a shop's administrator uses it: shoppers ask about two orders (the
// bundled orders plugin answers, and its calls are recorded), the administrator deploys two
// versions that change nothing and one whose manifest no longer grants the `orders`
// capability, then opens /console/plugins.html with an admin API key: the broken version is
// listed as refused, and its deploy report shows the two recorded calls that now fail, by
// kind, with what the shopper was told against what the version answers, and latency and
// memory against the serving version. Rolling back and activating work from the page.
// axe-core finds no violation, and nothing breaks the console's Content-Security-Policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { kefuAndBrowser, kefuCli, root } from './harness.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MANIFEST = readFileSync(`${root}/dist/plugins/orders/manifest.toml`, 'utf8');
const COMPONENT = readFileSync(`${root}/dist/plugins/orders/plugin.wasm`).toString('base64');

const env = kefuAndBrowser();

/** Asks `texts` over the chat socket from a page of the runtime's origin, one by one. */
async function converse(page, texts) {
  await page.evaluate(async (texts) => {
    const ws = new WebSocket(`ws://${location.host}/v1/chat/demo`);
    const frames = [];
    let wake = () => {};
    ws.onmessage = (e) => { frames.push(JSON.parse(e.data)); wake(); };
    const until = (pred) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame: ${JSON.stringify(frames)}`)), 20_000);
      const check = () => {
        const found = frames.find(pred);
        if (found) { clearTimeout(timer); resolve(found); } else { wake = check; }
      };
      check();
    });
    await new Promise((r) => { ws.onopen = r; });
    ws.send(JSON.stringify({ type: 'hello', version: 1, last_seq: 0, locale: 'en' }));
    await until((f) => f.type === 'welcome');
    for (const [i, text] of texts.entries()) {
      const id = `m${i}`;
      ws.send(JSON.stringify({ type: 'say', client_msg_id: id, text, locale: 'en' }));
      const ack = await until((f) => f.type === 'ack' && f.client_msg_id === id);
      await until((f) => f.type === 'message' && f.author === 'bot' && f.seq > ack.seq);
    }
    ws.close();
  }, texts);
}

async function assertNoViolations(page, name) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
  assert.deepEqual(violations, [], `axe-core found violations in ${name}`);
}

test('a version that breaks recorded calls is listed as refused with its report; rollback and activate work', async () => {
  const { url, dataDir } = env.kefu;
  const key = (await kefuCli(['merchant', 'key', '--merchant', 'demo', '--data-dir', dataDir])).trim();
  const admin = (method, path, body) => fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const deploy = async (version, edit = (m) => m) => {
    const manifest = edit(MANIFEST.replace('version = "0.1.0"', `version = "${version}"`));
    const res = await admin('POST', '/v1/admin/plugins', { manifest, component: COMPONENT });
    return [res.status, await res.json()];
  };
  const serving = async () => (await (await admin('GET', '/v1/admin/plugins')).json())
    .plugins.find((p) => p.name === 'orders' && p.active)?.version;

  const page = await env.browser.newPage();
  const blocked = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) blocked.push(m.text()); });
  page.on('pageerror', (e) => blocked.push(e.message));
  await page.goto(`${url}/console/plugins.html`);
  await converse(page, ['where is my order 1001?']);
  await converse(page, ['where is my order 1002?']);

  // Two versions that change nothing go live; one without the `orders` capability is refused.
  assert.equal((await deploy('0.1.1'))[0], 201);
  assert.equal((await deploy('0.1.2'))[0], 201);
  const [status, refused] = await deploy('0.2.0', (m) => m.replace('orders = true', 'orders = false'));
  assert.equal(status, 409, JSON.stringify(refused));
  assert.equal(refused.code, 'breaks_recorded_calls');
  assert.equal(await serving(), '0.1.2');

  // The API lists verdicts, and the refused version apart.
  const list = await (await admin('GET', '/v1/admin/plugins')).json();
  assert.deepEqual(list.plugins.map((p) => [p.version, p.verdict, p.active]),
    [['0.1.2', 'clear', true], ['0.1.1', 'clear', false]]);
  assert.deepEqual(list.refused.map((r) => [r.name, r.version, r.verdict]), [['orders', '0.2.0', 'refused']]);

  await page.getByTestId('api-key').fill(key);
  await page.getByTestId('key-submit').click();
  const orders = page.getByTestId('plugin-orders');
  const row = (v) => orders.locator(`tr[data-version="${v}"]`);
  await row('0.2.0').waitFor();
  assert.match(await row('0.2.0').textContent(), /refused, not deployed/);
  assert.match(await row('0.2.0').getByTestId('verdict').textContent(), /refused/);
  assert.match(await row('0.1.2').textContent(), /serving/);
  assert.match(await row('0.1.1').getByTestId('verdict').textContent(), /clear/);

  // The refused version's report: the calls that now fail, by kind, with their diff.
  await row('0.2.0').getByTestId('open-report').click();
  const report = page.getByTestId('report');
  await report.getByTestId('report-call').nth(1).waitFor();
  assert.match(await page.getByTestId('report-summary').textContent(),
    /refused 2 of 2 recorded calls now fail \(2 error\)/);
  assert.match(await page.getByTestId('fails-error').textContent(), /error\s*2/);
  const calls = report.getByTestId('report-call');
  assert.deepEqual(await calls.evaluateAll((l) => l.map((li) => li.dataset.change)), ['now_fails', 'now_fails']);
  const diff = await report.getByTestId('diff').first().textContent();
  assert.match(diff, /- text: Order 100[12]/);
  assert.match(diff, /\+ error: plugin failed: the `orders` capability is not granted/);
  const perf = await page.getByTestId('report-performance').textContent();
  assert.match(perf, /new\s*0\.2\.0/);
  assert.match(perf, /serving\s*0\.1\.2/);
  await assertNoViolations(page, 'the plugins page with a deploy report open');

  // Roll back to 0.1.1, then activate 0.1.2 again, from the page.
  await orders.getByTestId('rollback').click();
  await page.getByTestId('status').filter({ hasText: 'Rolled back: orders 0.1.1 serves now.' }).waitFor();
  assert.equal(await serving(), '0.1.1');
  await row('0.1.1').filter({ hasText: 'serving' }).waitFor();
  await row('0.1.2').getByTestId('activate').click();
  await page.getByTestId('status').filter({ hasText: 'Activated: orders 0.1.2 serves now.' }).waitFor();
  assert.equal(await serving(), '0.1.2');

  await assertNoViolations(page, 'the plugins page');
  assert.deepEqual(blocked, [], 'nothing was blocked by the Content-Security-Policy');
  await page.close();
});
